"""地区担当職員の記録, shown as tabs of the 協働マニュアル page: training (研修) with who attended, and local
activities (職員地域活動) per staff member and fiscal year with the totals that feed the plan's ⑭."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError
from sakae_council.domain.wareki import fiscal_year
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import fiscal_year_text, wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.list_page import ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.services import search, staff_queries, staff_records
from sakae_council.services.staff_queries import (
    StaffActivityEntryDTO,
    StaffActivityTotalDTO,
    TrainingSessionDTO,
)

#: How many fiscal years back the year filters offer.
YEARS_BACK = 6


def _hours(h: int | None) -> str:
    return "" if h is None else f"{h}"


class _RecordsTab(ListPage):
    """A list page on a tab of the manual page: the year and staff filters, a summary line above the list."""

    def unit(self, n: int) -> str:
        """The count in the title line (「12件」; English "12 records")."""
        return self.tr("%n件", "", n)

    def __init__(
        self, ctx: AppContext, title: str, *, all_years: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, title, parent)
        self.dialog: QWidget | None = None
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
        self.add_filter(self.year)
        self.add_filter(self.staff)
        self.summary = QLabel("", self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setFont(bold_font())
        self.note = MessageLine("warning", self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.undo_bar), self.summary)
        layout.insertWidget(layout.indexOf(self.undo_bar), self.note)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.staff.currentIndexChanged.connect(lambda _i: self.reload())
        ctx.dataChanged.connect(self._data_changed)
        self._fill_staff()

    def _fill_staff(self) -> None:
        try:
            staff = staff_queries.list_staff(self.ctx.db, self.ctx.district_id)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.staff.blockSignals(True)
        self.staff.set_items([(self.tr("すべての職員"), None), *((m.name, m.id) for m in staff)])
        self.staff.blockSignals(False)

    def _district_changed(self, district_id: object) -> None:
        self._fill_staff()
        super()._district_changed(district_id)

    def _data_changed(self, area: str) -> None:
        if area in (Area.PEOPLE, Area.DISTRICTS, Area.PROJECTS, Area.STAFF):
            self._fill_staff()
            self.reload()

    def where(self) -> str:
        """「安食小学校区・令和8年度」 for the summary line."""
        year = self.year.value()
        return "・".join(
            x for x in (self.district_name(), fiscal_year_text(year) if year else self.tr("全年度")) if x
        )

    def matches(self, *texts: str) -> bool:
        """Whether a row with ``texts`` has every word of the search (the one search rule of every list)."""
        return search.matches(search.words(self.search.text()), texts)


class TrainingTab(_RecordsTab):
    """研修: each training once, with everyone who attended; choose a staff member to see their history."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("研修の記録"), all_years=True, parent=parent)
        self.search.setPlaceholderText(self.tr("研修名・主催・参加した職員・資料で検索（Ctrl+F）"))
        self.sessions: DtoTableModel[TrainingSessionDTO] = DtoTableModel(
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
        self.table.setObjectName("trainingTable")
        self.set_model(self.sessions, sort_column=0)
        self.edit_button = self.add_button(self.tr("変更…"), self.edit_current, name="editTraining")
        self.delete_button = self.add_button(self.tr("削除…"), self.delete_current, name="deleteTraining")
        self.new_button = self.add_button(
            self.tr("研修を記録…"), self.new_item, primary=True, name="newTraining"
        )
        self.reload()

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
        sessions = [s for s in sessions if self.matches(s.title, s.organiser, s.attendee_names, s.materials)]
        selected = self.current_item()
        self.sessions.set_rows(sessions)
        self.table.resizeColumnsToContents()
        self.set_count(len(sessions), self.unit)
        if selected is not None:
            self.select_where(lambda s: (s.held_on, s.title) == (selected.held_on, selected.title))
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

    def new_item(self) -> None:
        from sakae_council.gui.dialogs.manual_training import open_training

        chosen = self.staff.value()

        def show(dialog: Any) -> None:
            if chosen is not None:
                dialog.set_attending({chosen})
            self._show_training(dialog)

        open_training(self.ctx, None, self, show)

    def edit_item(self, session: TrainingSessionDTO) -> None:
        from sakae_council.gui.dialogs.manual_training import open_training

        open_training(self.ctx, session, self, self._show_training)

    def _show_training(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, session: TrainingSessionDTO) -> None:
        self.ctx.notify(Area.STAFF)
        self.select_where(lambda s: (s.held_on, s.title) == (session.held_on, session.title))

    def delete_item(self, session: TrainingSessionDTO) -> None:
        if not confirm(
            self,
            self.tr("研修の記録を削除"),
            self.tr(
                "{date}の研修「{title}」の記録（%n名分）を削除しますか？\nこの操作は元に戻せません。",
                "",
                len(session.attendees),
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
        super().__init__(ctx, self.tr("職員地域活動"), all_years=False, parent=parent)
        self.search.setPlaceholderText(self.tr("職員・活動・学区で検索（Ctrl+F）"))
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
        self.table.setObjectName("activityEntries")
        self.set_model(self.entries_model, sort_column=0)
        # The totals per staff member sit above the list of activities.
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        layout.replaceWidget(self.table, splitter)
        splitter.addWidget(self.totals)
        splitter.addWidget(self.table)
        layout.setStretchFactor(splitter, 1)
        layout.addWidget(
            MutedLabel(
                self.tr(
                    "協働事業の活動記録で「参加した職員」に入っている日も数えます（時間は職員の記録分だけを合計します）。"
                ),
                self,
            )
        )
        self.edit_button = self.add_button(self.tr("変更…"), self.edit_current, name="editActivity")
        self.delete_button = self.add_button(self.tr("削除…"), self.delete_current, name="deleteActivity")
        self.new_button = self.add_button(
            self.tr("活動を記録…"), self.new_item, primary=True, name="newActivity"
        )
        self.reload()

    def _source(self, e: StaffActivityEntryDTO) -> str:
        if e.is_recorded:
            return self.tr("職員の記録")
        return self.tr("協働事業「{title}」").format(title=e.project_title)

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
        entries = [e for e in entries if self.matches(e.person_name, e.title, e.district_name, e.notes)]
        selected = self.current_item()
        self.totals_model.set_rows(totals)
        self.entries_model.set_rows(entries)
        for table in (self.totals, self.table):
            table.resizeColumnsToContents()
        self.set_count(len(entries), self.unit)
        if selected is not None:
            self.select_where(lambda e: (e.record_id, e.held_on) == (selected.record_id, selected.held_on))
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

    def new_item(self) -> None:
        from sakae_council.gui.dialogs.manual_activity import open_staff_activity

        chosen = self.staff.value()

        def show(dialog: Any) -> None:
            if chosen is not None:
                dialog.person.set_value(chosen)
            self._show_activity(dialog)

        open_staff_activity(self.ctx, None, self, show)

    def _show_activity(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _dto: self.ctx.notify(Area.STAFF))
        dialog.open()

    def edit_item(self, entry: StaffActivityEntryDTO) -> None:
        from sakae_council.gui.dialogs.manual_activity import open_staff_activity

        self.note.clear()
        if not entry.is_recorded:
            self.note.show_message(self._project_note(entry))
            return
        open_staff_activity(self.ctx, entry, self, self._show_activity)

    def _project_note(self, entry: StaffActivityEntryDTO) -> str:
        return self.tr(
            "この行は協働事業「{title}」の活動記録から数えています。変えるときは協働事業の画面で活動記録を直してください。"
        ).format(title=entry.project_title)

    def delete_item(self, entry: StaffActivityEntryDTO) -> None:
        self.note.clear()
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
