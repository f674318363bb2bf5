"""職員地域活動の記録: a staff member joining a district's activity (ごみゼロ・草ゼロ, 夏まつり…).

Opened by :func:`open_staff_activity` (the staff and districts read on the database worker first); 保存 and
the reads of a conflict run there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import describe_last_change, dto_values, form_conflict_fields
from sakae_council.gui.dialogs.opening import open_with
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.services import districts, staff_queries, staff_records
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.staff_queries import StaffActivityEntryDTO, StaffMemberDTO
from sakae_council.services.staff_records import StaffActivityDTO, StaffActivityInput


@dataclass(frozen=True)
class ActivityChoices:
    """The staff and the districts the editor offers."""

    staff: list[StaffMemberDTO]
    districts: list[DistrictDTO]


def load_choices(db: Database) -> ActivityChoices:
    """The editor's choices (call it on the database worker)."""
    return ActivityChoices(staff_queries.list_staff(db), districts.list_districts(db))


def open_staff_activity(
    ctx: AppContext,
    entry: StaffActivityEntryDTO | None,
    parent: QWidget,
    show: Callable[[StaffActivityDialog], object],
) -> None:
    """The record's editor (``entry`` None: a new one), its choices read on the database worker first."""
    db = ctx.db
    open_with(
        lambda: load_choices(db),
        lambda choices: StaffActivityDialog(ctx, entry, parent, choices=choices),
        parent,
        show,
    )


class StaffActivityDialog(EntityDialog):
    """New record (``entry`` None) or change a recorded one; ``saved`` carries the StaffActivityDTO."""

    def __init__(
        self,
        ctx: AppContext,
        entry: StaffActivityEntryDTO | None = None,
        parent: QWidget | None = None,
        *,
        choices: ActivityChoices | None = None,
    ) -> None:
        super().__init__(self.tr("職員地域活動の変更") if entry else self.tr("職員地域活動を記録"), parent)
        self.ctx = ctx
        self.entry = entry
        if choices is None:  # read here when the caller did not read them on the worker (open_staff_activity)
            choices = load_choices(ctx.db)
        staff = choices.staff
        people = [
            (
                self.tr("{name}（{districts}）").format(name=m.name, districts="、".join(m.district_names)),
                m.id,
            )
            for m in staff
        ]
        if entry is not None and entry.person_id not in {m.id for m in staff}:
            people.append((entry.person_name, entry.person_id))
        self.person = ChoiceCombo([(self.tr("（選んでください）"), None), *people])
        self.held_on = WarekiDateEdit("held_on")
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("例: ごみゼロ・草ゼロ（春）"))
        self.district = ChoiceCombo(
            [(self.tr("（学区なし）"), None)] + [(d.name, d.id) for d in choices.districts]
        )
        self.hours = QSpinBox()
        self.hours.setRange(0, 100)
        self.hours.setSuffix(self.tr(" 時間"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        f = self.form
        f.add_field("person_id", self.tr("職員"), self.person, required=True)
        f.add_field("held_on", self.tr("実施日"), self.held_on, required=True)
        f.add_field("title", self.tr("活動名"), self.title, required=True)
        f.add_field("district_id", self.tr("学区"), self.district)
        f.add_field("hours", self.tr("時間数"), self.hours)
        f.add_field("notes", self.tr("備考"), self.notes)
        if entry is not None:
            self.form.set_values(dto_values(entry))
        else:
            self.held_on.set_value(ctx.today())
            self.district.set_value(ctx.district_id)
        self.fit_to_screen(32)

    def fill(self, record: StaffActivityDTO) -> None:
        """After 再読み込み of someone else's save: their version of the record."""
        assert self.entry is not None
        kept = (
            "version",
            "person_id",
            "person_name",
            "held_on",
            "title",
            "district_id",
            "district_name",
            "hours",
            "notes",
        )
        self.entry = replace(self.entry, **{k: getattr(record, k) for k in kept})
        super().fill(record)

    def save_request(self) -> SaveRequest:
        person_id = self.person.value()
        if person_id is None:
            raise ValidationError("person_id", self.tr("職員を選んでください。"))
        held_on = self.held_on.value()
        if held_on is None:
            raise ValidationError("held_on", self.tr("実施日を入力してください。"))
        data = StaffActivityInput(
            person_id=person_id,
            held_on=held_on,
            title=self.title.text(),
            district_id=self.district.value(),
            hours=self.hours.value(),
            notes=self.notes.toPlainText(),
        )
        db = self.ctx.db
        if self.entry is None:
            return SaveRequest(lambda _v: staff_records.create_staff_activity(db, data))
        record_id, values = self.entry.record_id, dto_values(data)
        entry = self.entry
        return SaveRequest(
            lambda version: staff_records.update_staff_activity(db, record_id, data, version),
            version=entry.version,
            what=self.tr("職員地域活動の記録"),
            load_current=lambda: staff_records.get_staff_activity(db, record_id),
            changed_by=lambda: describe_last_change(db, "staff_activity", record_id),
            fields=form_conflict_fields(self.form, [k for k, _ in self.form.rows() if k in values]),
            mine=values,
            on_reload=self.fill,
        )
