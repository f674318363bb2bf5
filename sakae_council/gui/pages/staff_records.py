"""地区担当職員の記録, shown as tabs of the 協働マニュアル page: training (研修) with who attended, and local
activities (職員地域活動) per staff member and fiscal year with the totals that feed the plan's ⑭."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError
from sakae_council.domain.wareki import fiscal_year
from sakae_council.gui.context import AppContext
from sakae_council.gui.district_names import district_label
from sakae_council.gui.formatting import fiscal_year_text, wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.services import staff_queries, staff_records
from sakae_council.services.staff_queries import (
    StaffActivityEntryDTO,
    StaffActivityTotalDTO,
    TrainingSessionDTO,
)

#: How many fiscal years back the year filters offer.
YEARS_BACK = 6


def _hours(h: int | None) -> str:
    return "" if h is None else f"{h}"


class _RecordsTab(QWidget):
    """Filters (fiscal year, staff member), buttons and a summary line above the tables."""

    def __init__(self, ctx: AppContext, *, all_years: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        current = fiscal_year(ctx.today())
        years: list[tuple[str, int | None]] = [
            (fiscal_year_text(y), y) for y in range(current, current - YEARS_BACK, -1)
        ]
        if all_years:
            years.insert(0, (self.tr("すべての年度"), None))
        self.year = ChoiceCombo(years)
        self.year.setObjectName("yearFilter")
        self.year.setAccessibleName(self.tr("年度で絞り込み"))
        self.year.set_value(current)
        self.staff = ChoiceCombo()
        self.staff.setObjectName("staffFilter")
        self.staff.setAccessibleName(self.tr("職員で絞り込み"))
        self.summary = QLabel("", self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setFont(bold_font())
        self.note = MessageLine("warning", self)
        self.filters = QHBoxLayout()
        self.filters.addWidget(self.year)
        self.filters.addWidget(self.staff)
        self.filters.addStretch(1)
        self.buttons = self.filters  # the actions sit at the right of the filter row
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 8, 0, 0)
        self.layout_.addLayout(self.filters)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.note)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.staff.currentIndexChanged.connect(lambda _i: self.reload())
        ctx.districtChanged.connect(self._district_changed)
        ctx.dataChanged.connect(self._data_changed)
        self._fill_staff()

    def add_button(self, text: str, slot: Any, name: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _c=False: slot())
        if primary:
            button.setFont(bold_font())
        self.buttons.addWidget(button)
        if name.startswith(("new", "delete")):
            edit_guard.mark_edit(button)  # 変更… still opens the record to read
        return button

    def _fill_staff(self) -> None:
        try:
            staff = staff_queries.list_staff(self.ctx.db, self.ctx.district_id)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.staff.blockSignals(True)
        self.staff.set_items([(self.tr("すべての職員"), None), *((m.name, m.id) for m in staff)])
        self.staff.blockSignals(False)

    def _district_changed(self, _district: object) -> None:
        self._fill_staff()
        self.reload()

    def _data_changed(self, area: str) -> None:
        if area in (Area.PEOPLE, Area.DISTRICTS, Area.PROJECTS, Area.STAFF):
            self._fill_staff()
            self.reload()

    def where(self) -> str:
        """「安食小学校区・令和8年度」 for the summary line."""
        year = self.year.value()
        return "・".join(
            x for x in (district_label(self.ctx), fiscal_year_text(year) if year else self.tr("全年度")) if x
        )

    def reload(self) -> None:
        raise NotImplementedError


class TrainingTab(_RecordsTab):
    """研修: each training once, with everyone who attended; choose a staff member to see their history."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, all_years=True, parent=parent)
        self.model: DtoTableModel[TrainingSessionDTO] = DtoTableModel(
            [
                Column(self.tr("実施日"), lambda s: wareki(s.held_on), sort_value=lambda s: s.held_on),
                Column(self.tr("研修名"), lambda s: s.title, tooltip=lambda s: s.title),
                Column(self.tr("主催"), lambda s: s.organiser),
                Column(self.tr("時間"), lambda s: _hours(s.hours), align_right=True),
                Column(
                    self.tr("参加した職員"),
                    lambda s: self.tr("%n名: {names}", "", len(s.attendees)).format(names=s.attendee_names),
                    tooltip=lambda s: s.attendee_names,
                ),
                Column(
                    self.tr("資料・備考"),
                    lambda s: s.materials.replace("\n", " "),
                    tooltip=lambda s: s.materials,
                ),
            ],
            self,
        )
        self.table = DataTable(self)
        self.table.setObjectName("trainingTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.activatedRow.connect(lambda row: self.edit(self.model.row_at(row)))
        self.table.deleteRequested.connect(lambda row: self.delete(self.model.row_at(row)))
        self.layout_.addWidget(self.table, 1)
        self.edit_button = self.add_button(
            self.tr("変更…"), lambda: self.edit(self.current()), "editTraining"
        )
        self.delete_button = self.add_button(
            self.tr("削除…"), lambda: self.delete(self.current()), "deleteTraining"
        )
        self.new_button = self.add_button(self.tr("研修を記録…"), self.new, "newTraining", primary=True)
        self.dialog: QWidget | None = None
        self.reload()

    def current(self) -> TrainingSessionDTO | None:
        return self.model.row_at(self.table.current_row())

    def reload(self) -> None:
        person = self.staff.value()
        try:
            sessions = staff_queries.list_training_sessions(self.ctx.db, self.year.value(), person)
        except DomainError as exc:
            show_error(self, exc)
            return
        district = self.ctx.district_id
        if district is not None and person is None:
            ids = {m.id for m in staff_queries.list_staff(self.ctx.db, district)}
            sessions = [s for s in sessions if ids & set(s.person_ids)]
        self.model.set_rows(sessions)
        self.table.resizeColumnsToContents()
        hours = sum(s.hours for s in sessions)
        if person is not None:
            text = self.tr("{name}さんの研修履歴（{where}）: {n}件・{h}時間").format(
                name=self.staff.currentText(), where=self.where(), n=len(sessions), h=hours
            )
        else:
            text = self.tr("研修（{where}）: {n}件・延べ{people}名").format(
                where=self.where(), n=len(sessions), people=sum(len(s.attendees) for s in sessions)
            )
        self.summary.setText(text)

    def new(self) -> None:
        from sakae_council.gui.dialogs.manual_training import TrainingDialog

        self.dialog = dialog = TrainingDialog(self.ctx, None, self)
        if self.staff.value() is not None:
            dialog.set_attending({self.staff.value()})
        dialog.saved.connect(self._saved)
        dialog.open()

    def edit(self, session: TrainingSessionDTO | None) -> None:
        from sakae_council.gui.dialogs.manual_training import TrainingDialog

        if session is None:
            return
        self.dialog = dialog = TrainingDialog(self.ctx, session, self)
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, session: TrainingSessionDTO) -> None:
        self.ctx.notify(Area.STAFF)
        row = self.model.row_of(lambda s: (s.held_on, s.title) == (session.held_on, session.title))
        if row >= 0:
            self.table.select_row(row)

    def delete(self, session: TrainingSessionDTO | None) -> None:
        if session is None:
            return
        if not confirm(
            self,
            self.tr("研修の記録を削除"),
            self.tr(
                "{date}の研修「{title}」の記録（%n名分）を削除しますか？\nこの操作は元に戻せません。", "", len(session.attendees)
            ).format(date=wareki(session.held_on), title=session.title),
            self.tr("削除"),
        ):
            return
        try:
            staff_queries.delete_training_session(self.ctx.db, session)
        except DomainError as exc:
            show_error(self, exc)
        self.ctx.notify(Area.STAFF)


class ActivityTab(_RecordsTab):
    """職員地域活動 of one fiscal year: totals per staff member above, every activity below."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, all_years=False, parent=parent)
        self.totals_model: DtoTableModel[StaffActivityTotalDTO] = DtoTableModel(
            [
                Column(self.tr("職員"), lambda t: t.person_name, sort_value=lambda t: t.furigana),
                Column(
                    self.tr("参加回数"),
                    lambda t: str(t.activities),
                    align_right=True,
                    sort_value=lambda t: t.activities,
                ),
                Column(self.tr("うち記録"), lambda t: str(t.recorded), align_right=True),
                Column(self.tr("うち協働事業"), lambda t: str(t.from_projects), align_right=True),
                Column(
                    self.tr("時間（記録分）"),
                    lambda t: str(t.hours),
                    align_right=True,
                    sort_value=lambda t: t.hours,
                ),
                Column(self.tr("協働事業数"), lambda t: str(t.projects), align_right=True),
            ],
            self,
        )
        self.totals = DataTable(self)
        self.totals.setObjectName("activityTotals")
        self.totals.setModel(self.totals_model)
        self.totals.setSortingEnabled(True)
        self.totals.activatedRow.connect(self._choose_person)
        self.entries_model: DtoTableModel[StaffActivityEntryDTO] = DtoTableModel(
            [
                Column(self.tr("実施日"), lambda e: wareki(e.held_on), sort_value=lambda e: e.held_on),
                Column(self.tr("職員"), lambda e: e.person_name),
                Column(self.tr("活動"), lambda e: e.title, tooltip=lambda e: e.notes or e.title),
                Column(self.tr("学区"), lambda e: e.district_name),
                Column(self.tr("時間"), lambda e: _hours(e.hours), align_right=True),
                Column(self.tr("出典"), self._source),
            ],
            self,
        )
        self.entries = DataTable(self)
        self.entries.setObjectName("activityEntries")
        self.entries.setModel(self.entries_model)
        self.entries.setSortingEnabled(True)
        self.entries.activatedRow.connect(lambda row: self.edit(self.entries_model.row_at(row)))
        self.entries.deleteRequested.connect(lambda row: self.delete(self.entries_model.row_at(row)))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.totals)
        splitter.addWidget(self.entries)
        self.layout_.addWidget(splitter, 1)
        self.layout_.addWidget(
            MutedLabel(
                self.tr(
                    "協働事業の活動記録で「参加した職員」に入っている日も数えます（時間は職員の記録分だけを合計します）。"
                ),
                self,
            )
        )
        self.edit_button = self.add_button(
            self.tr("変更…"), lambda: self.edit(self.current()), "editActivity"
        )
        self.delete_button = self.add_button(
            self.tr("削除…"), lambda: self.delete(self.current()), "deleteActivity"
        )
        self.new_button = self.add_button(self.tr("活動を記録…"), self.new, "newActivity", primary=True)
        self.dialog: QWidget | None = None
        self.reload()

    def _source(self, e: StaffActivityEntryDTO) -> str:
        if e.is_recorded:
            return self.tr("職員の記録")
        return self.tr("協働事業「{title}」").format(title=e.project_title)

    def current(self) -> StaffActivityEntryDTO | None:
        return self.entries_model.row_at(self.entries.current_row())

    def reload(self) -> None:
        year = self.year.value()
        person = self.staff.value()
        district = self.ctx.district_id
        try:
            totals = staff_queries.staff_activity_totals(self.ctx.db, year, district)
            entries = staff_queries.staff_activity_entries(self.ctx.db, year, person, district)
        except DomainError as exc:
            show_error(self, exc)
            return
        if person is not None:
            totals = [t for t in totals if t.person_id == person]
        self.totals_model.set_rows(totals)
        self.entries_model.set_rows(entries)
        for table in (self.totals, self.entries):
            table.resizeColumnsToContents()
        recorded = sum(1 for e in entries if e.is_recorded)
        self.summary.setText(
            self.tr(
                "職員地域活動（{where}）: 延べ{n}回（記録{a}回・協働事業{b}回）・{h}時間・参加した職員{k}名"
            ).format(
                where=self.where(),
                n=len(entries),
                a=recorded,
                b=len(entries) - recorded,
                h=sum(e.hours or 0 for e in entries),
                k=len({e.person_id for e in entries}),
            )
        )

    def _choose_person(self, row: int) -> None:
        total = self.totals_model.row_at(row)
        if total is not None:
            self.staff.set_value(total.person_id)

    def new(self) -> None:
        from sakae_council.gui.dialogs.manual_activity import StaffActivityDialog

        self.dialog = dialog = StaffActivityDialog(self.ctx, None, self)
        if self.staff.value() is not None:
            dialog.person.set_value(self.staff.value())
        dialog.saved.connect(lambda _dto: self.ctx.notify(Area.STAFF))
        dialog.open()

    def edit(self, entry: StaffActivityEntryDTO | None) -> None:
        from sakae_council.gui.dialogs.manual_activity import StaffActivityDialog

        self.note.clear()
        if entry is None:
            return
        if not entry.is_recorded:
            self.note.show_message(self._project_note(entry))
            return
        self.dialog = dialog = StaffActivityDialog(self.ctx, entry, self)
        dialog.saved.connect(lambda _dto: self.ctx.notify(Area.STAFF))
        dialog.open()

    def _project_note(self, entry: StaffActivityEntryDTO) -> str:
        return self.tr(
            "この行は協働事業「{title}」の活動記録から数えています。変えるときは協働事業の画面で活動記録を直してください。"
        ).format(title=entry.project_title)

    def delete(self, entry: StaffActivityEntryDTO | None) -> None:
        self.note.clear()
        if entry is None:
            return
        if not entry.is_recorded:
            self.note.show_message(self._project_note(entry))
            return
        if not confirm(
            self,
            self.tr("職員地域活動の記録を削除"),
            self.tr(
                "{name}さんの{date}の活動「{title}」の記録を削除しますか？\nこの操作は元に戻せません。"
            ).format(name=entry.person_name, date=wareki(entry.held_on), title=entry.title),
            self.tr("削除"),
        ):
            return
        try:
            staff_records.delete_staff_activity(self.ctx.db, entry.record_id, entry.version)
        except DomainError as exc:
            show_error(self, exc)
        self.ctx.notify(Area.STAFF)
