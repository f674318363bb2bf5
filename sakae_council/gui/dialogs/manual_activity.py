"""職員地域活動の記録: a staff member joining a district's activity (ごみゼロ・草ゼロ, 夏まつり…)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.dialogs.conflict import dto_values
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.services import districts, staff_queries, staff_records
from sakae_council.services.staff_queries import StaffActivityEntryDTO
from sakae_council.services.staff_records import StaffActivityDTO, StaffActivityInput


class StaffActivityDialog(EntityDialog):
    """New record (``entry`` None) or change a recorded one; ``saved`` carries the StaffActivityDTO."""

    def __init__(
        self, ctx: AppContext, entry: StaffActivityEntryDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("職員地域活動の変更") if entry else self.tr("職員地域活動を記録"), parent)
        self.ctx = ctx
        self.entry = entry
        staff = staff_queries.list_staff(ctx.db)
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
            [(self.tr("（学区なし）"), None)] + [(d.name, d.id) for d in districts.list_districts(ctx.db)]
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

    def save(self) -> StaffActivityDTO:
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
        if self.entry is None:
            return staff_records.create_staff_activity(self.ctx.db, data)
        record_id = self.entry.record_id
        return self.update_record(
            self.entry,
            lambda version: staff_records.update_staff_activity(self.ctx.db, record_id, data, version),
            db=self.ctx.db,
            entity="staff_activity",
            what=self.tr("職員地域活動の記録"),
            load=lambda: staff_records.get_staff_activity(self.ctx.db, record_id),
            mine=data,
            record_id=record_id,
        )
