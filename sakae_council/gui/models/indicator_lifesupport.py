"""Tables of the ⑫ records behind the life-support indicators: 相談記録, 講座 (with 受講者), 起業者."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.services.lifesupport import ConsultationDTO, CourseAttendeeDTO, CourseDTO, StartupDTO


def tr(text: str, n: int = -1) -> str:
    """``text`` in the interface's language; with ``n``, its ``%n`` is the count in the right plural form."""
    return QCoreApplication.translate("LifeSupport", text, None, n)


def first_line(text: str, limit: int = 40) -> str:
    """The first line of a note, shortened for a table cell (the whole text is in the tooltip)."""
    line = text.split("\n", 1)[0]
    return line if len(line) <= limit and "\n" not in text else line[:limit] + "…"


class ConsultationsModel(DtoTableModel[ConsultationDTO]):
    """相談日, 相談者, 学区, 相談内容, 対応・つなぎ先."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("相談日"), lambda c: wareki(c.held_on), sort_value=lambda c: (c.held_on, c.id)),
                Column(tr("相談者"), lambda c: c.person_name, sort_value=lambda c: c.person_name),
                Column(
                    tr("学区"),
                    lambda c: c.district_name or tr("（学区なし）"),
                    sort_value=lambda c: c.district_name,
                ),
                Column(tr("相談内容"), lambda c: first_line(c.topic), tooltip=lambda c: c.topic),
                Column(
                    tr("対応・つなぎ先"), lambda c: first_line(c.follow_up), tooltip=lambda c: c.follow_up
                ),
            ],
            parent,
        )


class CoursesModel(DtoTableModel[CourseDTO]):
    """開催日, 講座名, 会場, 受講者数."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("開催日"), lambda c: wareki(c.held_on), sort_value=lambda c: (c.held_on, c.id)),
                Column(
                    tr("講座名"), lambda c: c.title, sort_value=lambda c: c.title, tooltip=lambda c: c.notes
                ),
                Column(tr("会場"), lambda c: c.place),
                Column(
                    tr("受講者"),
                    lambda c: tr("%n名", c.attendee_count),
                    sort_value=lambda c: c.attendee_count,
                    tooltip=lambda c: "、".join(a.name for a in c.attendees),
                    align_right=True,
                ),
            ],
            parent,
        )


class AttendeesModel(DtoTableModel[CourseAttendeeDTO]):
    """受講者: 氏名 and whether the person is on the roster."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("氏名"), lambda a: a.name),
                Column(
                    tr("名簿"), lambda a: tr("名簿に登録あり") if a.person_id is not None else tr("名簿外")
                ),
            ],
            parent,
        )


class StartupsModel(DtoTableModel[StartupDTO]):
    """起業日, 起業者, 事業名, 分野, 学区."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("起業日"), lambda b: wareki(b.started_on), sort_value=lambda b: (b.started_on, b.id)
                ),
                Column(tr("起業者"), lambda b: b.founder_name, sort_value=lambda b: b.founder_name),
                Column(tr("事業名"), lambda b: b.business_name, tooltip=lambda b: b.notes),
                Column(tr("分野"), lambda b: b.field, sort_value=lambda b: b.field),
                Column(
                    tr("学区"),
                    lambda b: b.district_name or tr("（学区なし）"),
                    sort_value=lambda b: b.district_name,
                ),
            ],
            parent,
        )
