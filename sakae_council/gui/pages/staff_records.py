"""地区担当職員の記録, shown as tabs of the 協働マニュアル page: training (研修) with who attended, and local
activities (職員地域活動) per staff member and fiscal year with the totals that feed the plan's ⑭."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.wareki import fiscal_year
from sakae_council.gui.context import AppContext
from sakae_council.gui.district_names import district_name
from sakae_council.gui.formatting import fiscal_year_text, wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.list_page import ListPage
from sakae_council.gui.widgets.messages import confirm
from sakae_council.services import search, staff_queries, staff_records
from sakae_council.services.staff_queries import (
    StaffActivityEntryDTO,
    StaffActivityTotalDTO,
    TrainingSessionDTO,
)

if TYPE_CHECKING:
    from sakae_council.db.engine import Database

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
        self._district = ""
        self._stale = False
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

    def _data_changed(self, area: str) -> None:
        if area in (Area.PEOPLE, Area.DISTRICTS, Area.PROJECTS, Area.STAFF):
            self.reload_when_seen()  # the staff filter is read again with the rows

    def reload_when_seen(self) -> None:
        """Load now if the tab is in view, else when it comes into view: a tab behind the manual held every
        staff member in its filter and the year's totals from the page's first show (at stress 12,500 staff,
        two filters and a totals table) though most visits never open it."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def load_with_staff(
        self, rows: Callable[[Database, int | None], Any], show: Callable[[Any], object]
    ) -> None:
        """Read the district's staff (for the filter) and ``rows(db, person)`` on the database worker, then
        fill the filter and ``show(rows)``; a person chosen who is not among the staff any more is dropped."""
        db, district, person = self.ctx.db, self.ctx.district_id, self.staff.value()

        def load() -> tuple[list[Any], int | None, str, Any]:
            staff = staff_queries.list_staff(db, district)
            chosen = person if person in {m.id for m in staff} else None
            return staff, chosen, district_name(db, district), rows(db, chosen)

        def landed(answer: tuple[list[Any], int | None, str, Any]) -> None:
            staff, chosen, self._district, found = answer
            self.staff.blockSignals(True)
            self.staff.set_items([(self.tr("すべての職員"), None), *((m.name, m.id) for m in staff)])
            self.staff.set_value(chosen)
            self.staff.blockSignals(False)
            show(found)

        self.load_in_background(load, landed)

    def where(self) -> str:
        """「安食小学校区・令和8年度」 for the summary line (the district as the last load read it)."""
        year = self.year.value()
        return "・".join(
            x for x in (self._district, fiscal_year_text(year) if year else self.tr("全年度")) if x
        )

    def matcher(self) -> Callable[..., bool]:
        """Whether a row with these texts has every word of the search (the one search rule of every list);
        the search is read now, the rows are matched on the worker."""
        words = search.words(self.search.text())
        return lambda *texts: search.matches(words, texts)


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
        self.reload_when_seen()

    def reload(self) -> None:
        year, district, matches = self.year.value(), self.ctx.district_id, self.matcher()

        def rows(db: Database, person: int | None) -> list[TrainingSessionDTO]:
            sessions = staff_queries.list_training_sessions(db, year, person)
            if district is not None and person is None:
                ids = {m.id for m in staff_queries.list_staff(db, district)}
                sessions = [s for s in sessions if ids & set(s.person_ids)]
            return [s for s in sessions if matches(s.title, s.organiser, s.attendee_names, s.materials)]

        self.load_with_staff(rows, self._show_sessions)

    def _show_sessions(self, sessions: list[TrainingSessionDTO]) -> None:
        person = self.staff.value()
        selected = self.current_item()
        self.sessions.set_rows(sessions)
        self.table.resizeColumnsToContents()
        self.set_count(len(sessions), self.unit, district=self._district)
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
        db = self.ctx.db
        QueryOp(lambda: staff_queries.delete_training_session(db, session), parent=self).finally_(
            lambda: self.ctx.notify(Area.STAFF)
        ).run()


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
        self.reload_when_seen()

    def _source(self, e: StaffActivityEntryDTO) -> str:
        if e.is_recorded:
            return self.tr("職員の記録")
        return self.tr("協働事業「{title}」").format(title=e.project_title)

    def reload(self) -> None:
        year, district, matches = self.year.value(), self.ctx.district_id, self.matcher()

        def rows(db: Database, person: int | None) -> tuple[list[Any], list[StaffActivityEntryDTO]]:
            totals = staff_queries.staff_activity_totals(db, year, district)
            entries = staff_queries.staff_activity_entries(db, year, person, district)
            if person is not None:
                totals = [t for t in totals if t.person_id == person]
            return totals, [e for e in entries if matches(e.person_name, e.title, e.district_name, e.notes)]

        self.load_with_staff(rows, self._show_activities)

    def _show_activities(
        self, answer: tuple[list[StaffActivityTotalDTO], list[StaffActivityEntryDTO]]
    ) -> None:
        totals, entries = answer
        selected = self.current_item()
        self.totals_model.set_rows(totals)
        self.entries_model.set_rows(entries)
        for table in (self.totals, self.table):
            table.resizeColumnsToContents()
        self.set_count(len(entries), self.unit, district=self._district)
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
        db = self.ctx.db
        QueryOp(
            lambda: staff_records.delete_staff_activity(db, entry.record_id, entry.version), parent=self
        ).finally_(lambda: self.ctx.notify(Area.STAFF)).run()
