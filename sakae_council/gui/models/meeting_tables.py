"""Tables of the meetings page and the meeting editor: meetings, agenda items, action items."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.domain.enums import AgendaResult, MinutesStatus
from sakae_council.gui.formatting import meeting_label, wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.services.meetings import ActionItemDTO, MeetingSummaryDTO
from sakae_council.services.minutes import ActionItemInput, AgendaItemInput


def tr(text: str) -> str:
    return QCoreApplication.translate("MeetingTables", text)


def clock(t: time | None) -> str:
    return f"{t.hour}:{t.minute:02d}" if t is not None else ""


def time_range(start: time | None, end: time | None) -> str:
    """19:00〜20:30 ("" when no start)."""
    if start is None:
        return ""
    return f"{clock(start)}〜{clock(end)}"


def minutes_status_text(status: MinutesStatus, revision: int) -> str:
    """下書き / 確定 / 確定（第2版）."""
    label = QCoreApplication.translate("MinutesStatus", status.label)
    if status is MinutesStatus.APPROVED and revision > 1:
        return tr("{label}（第{n}版）").format(label=label, n=revision)
    return label


def minutes_status_style(status: MinutesStatus) -> str:
    return "approved" if status is MinutesStatus.APPROVED else "draft"


class MeetingsModel(DtoTableModel[MeetingSummaryDTO]):
    """開催日, 回, 会議体, 時間, 場所, 議事録.

    Every column but 時間 sorts in the database (services.meeting_list.MeetingFilter.sort): the page
    fetches the list in batches, so the rows on screen are never all the meetings there are."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("開催日"), lambda m: wareki(m.held_on, weekday=True), sort_key="held_on"),
                Column(tr("回"), lambda m: meeting_label(m.fiscal_year, m.number), sort_key="number"),
                Column(tr("会議体"), lambda m: m.body_name, sort_key="body"),
                Column(tr("時間"), lambda m: time_range(m.start_time, m.end_time), priority=3),
                Column(tr("場所"), lambda m: m.place, sort_key="place", priority=2),
                Column(
                    tr("議事録"),
                    lambda m: minutes_status_text(m.status, m.revision),
                    status=lambda m: minutes_status_style(m.status),
                    tooltip=lambda m: (
                        tr("確定日 {date}").format(date=wareki(m.approved_on))
                        if m.approved_on
                        else tr("まだ確定していません")
                    ),
                    sort_key="status",
                ),
            ],
            parent,
        )


def result_text(item: AgendaItemInput) -> str:
    """承認 / 賛成多数（賛成10・反対2）/ ""."""
    if item.result is AgendaResult.NONE:
        return ""
    label = QCoreApplication.translate("AgendaResult", item.result.label)
    if item.result is AgendaResult.MAJORITY:
        return tr("{label}（賛成{a}・反対{b}）").format(label=label, a=item.votes_for, b=item.votes_against)
    return label


class AgendaModel(DtoTableModel[AgendaItemInput]):
    """The agenda being edited: 区分, 議題, 説明者, 結果."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("区分"), lambda a: QCoreApplication.translate("AgendaKind", a.kind.label)),
                Column(tr("議題"), lambda a: a.title, tooltip=lambda a: a.discussion),
                Column(tr("説明者"), lambda a: a.presenter),
                Column(tr("結果"), result_text),
            ],
            parent,
        )


class ActionsModel(DtoTableModel[ActionItemInput]):
    """This meeting's action items being edited: 内容, 担当, 期限."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("内容"), lambda a: a.content, tooltip=lambda a: a.content),
                Column(tr("担当"), lambda a: a.assignee),
                Column(tr("期限"), lambda a: wareki(a.due_on)),
            ],
            parent,
        )


def carried_from(a: ActionItemDTO) -> str:
    """The meeting an action item came from: 令和8年度 第2回 (FY2026 No. 2)."""
    if a.meeting_fiscal_year:
        return meeting_label(a.meeting_fiscal_year, a.meeting_number)
    return a.meeting_label  # a snapshot of approved minutes from before the numbers were kept


class CarriedModel(DtoTableModel[ActionItemDTO]):
    """Open action items of the body's earlier meetings: 内容, 担当, 期限, 出た会議."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("内容"), lambda a: a.content, tooltip=lambda a: a.content),
                Column(tr("担当"), lambda a: a.assignee),
                Column(tr("期限"), lambda a: wareki(a.due_on)),
                Column(tr("出た会議"), carried_from),
            ],
            parent,
        )
