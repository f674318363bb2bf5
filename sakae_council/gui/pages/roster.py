"""名簿 page: members of the chosen district, searchable, filtered by role, post and term."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.errors import DomainError
from sakae_council.domain.terms import TermStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.membership import post_label, role_label
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.gui.formatting import term_status_label
from sakae_council.gui.models.roster import RosterModel
from sakae_council.gui.widgets.action_bar import add_action_bar
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.list_page import ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.gui.widgets.progress import run_with_progress
from sakae_council.services import people
from sakae_council.services.people import PersonDTO, RosterFilter
from sakae_council.services.search_plan import COUNT_AT_MOST

TERM_FILTERS = (TermStatus.CURRENT, TermStatus.EXPIRING, TermStatus.ENDED, TermStatus.UPCOMING)


class RosterPage(ListPage):
    """The roster (名簿); see ListPage for the layout and keys."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("RosterPage", "名簿"), parent)
        self.dialog: PersonDialog | None = None
        self.import_dialog: QWidget | None = None
        self._sort: Any = "kana"
        self._descending = False
        self.search.setPlaceholderText(self.tr("氏名・フリガナ・団体・備考で検索（Ctrl+F）"))
        self.role_filter = ChoiceCombo([(self.tr("すべての役割"), None)] + [(role_label(r), r) for r in MemberRole])
        self.post_filter = ChoiceCombo([(self.tr("すべての役職"), None)] + [(post_label(p), p) for p in OfficerPost])
        self.term_filter = ChoiceCombo(
            [(self.tr("すべての任期"), None)] + [(term_status_label(s), s) for s in TERM_FILTERS]
        )
        self.deleted_filter = QCheckBox(self.tr("削除した人を表示"))
        for name, widget in (
            ("roleFilter", self.role_filter),
            ("postFilter", self.post_filter),
            ("termFilter", self.term_filter),
            ("deletedFilter", self.deleted_filter),
        ):
            widget.setObjectName(name)
            self.add_filter(widget)
        self.role_filter.setAccessibleName(self.tr("役割で絞り込み"))
        self.post_filter.setAccessibleName(self.tr("役職で絞り込み"))
        self.term_filter.setAccessibleName(self.tr("任期で絞り込み"))
        for combo in (self.role_filter, self.post_filter, self.term_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.deleted_filter.toggled.connect(self._deleted_toggled)

        self.restore_button = self.add_button(
            self.tr("元に戻す"), self.restore_current, name="restoreButton", edits=True
        )
        self.restore_button.hide()
        self.import_button = self.add_button(self.tr("取り込み…"), self.import_members, name="importButton", edits=True)
        self.print_button = self.add_button(self.tr("名簿を印刷…"), self.print_roster, name="printButton")
        add_print_action(self, self.print_button)
        self.new_button = self.add_button(self.tr("新規登録"), self.new_item, primary=True, name="newButton")

        self.action_bar = add_action_bar(self)
        self.labels_button = self.action_bar.add_button(
            self.tr("宛名ラベルを印刷…"), self.print_labels, name="labelsButton", edits=False
        )

        self.roster_model = RosterModel(ctx.today(), self)
        self.roster_model.sortRequested.connect(self._sort_requested)
        self.set_model(self.roster_model, sort_column=1)
        ctx.dataChanged.connect(self._data_changed)
        self.reload()

    # --- loading --------------------------------------------------------------------------------
    def roster_filter(self) -> RosterFilter:
        deleted = self.deleted_filter.isChecked()
        return RosterFilter(
            district_id=self.ctx.district_id,
            role=self.role_filter.value(),
            officer_post=self.post_filter.value(),
            term_status=self.term_filter.value(),
            query=self.search.text(),
            today=self.ctx.today(),
            include_without_membership=self.ctx.district_id is None,
            deleted=deleted,
            sort=self._sort,
            descending=self._descending,
        )

    def reload(self) -> None:
        flt = self.roster_filter()
        selected = self.current_item()
        db = self.ctx.db
        self.roster_model.today = self.ctx.today()
        self.roster_model.district_id = self.ctx.district_id
        try:
            self.roster_model.set_fetcher(lambda offset, limit: people.list_members(db, flt, limit=limit, offset=offset))
            loaded = self.roster_model.rowCount()
            # A first batch that is not full is the whole answer: no second query while typing.
            if loaded >= self.roster_model.BATCH:
                count = people.count_members(db, flt, at_most=COUNT_AT_MOST)
            else:
                count = loaded
        except DomainError as exc:
            show_error(self, exc)
            return
        if flt.deleted:
            self.set_count(count, lambda n: self.tr("%n名（削除済み）", "", n))
        elif count == COUNT_AT_MOST and flt.query:  # a long or several-word search stops counting there
            self.set_count(count, lambda n: self.tr("%n名以上", "", n))
        else:
            self.set_count(count, lambda n: self.tr("%n名", "", n))
        self.fit_columns()
        if isinstance(selected, PersonDTO):
            self.select_where(lambda p: p.id == selected.id)

    def _sort_requested(self, key: str, descending: bool) -> None:
        self._sort, self._descending = key, descending
        self.reload()

    def _data_changed(self, area: str) -> None:
        if area in (Area.PEOPLE, Area.ORGANISATIONS, Area.DISTRICTS):
            self.reload()

    def _deleted_toggled(self, on: bool) -> None:
        self.restore_button.setVisible(on)
        self.new_button.setEnabled(not on)
        self.undo_bar.dismiss()
        self.reload()

    # --- editing --------------------------------------------------------------------------------
    def _open_dialog(self, person: PersonDTO | None) -> None:
        self.undo_bar.dismiss()
        self.dialog = PersonDialog(self.ctx, person, self)
        self.dialog.saved.connect(self._saved)
        self.dialog.open()

    def new_item(self) -> None:
        if not self.deleted_filter.isChecked():
            self._open_dialog(None)

    def edit_item(self, item: Any) -> None:
        try:
            fresh = people.get_person(self.ctx.db, item.id)
        except DomainError as exc:
            show_error(self, exc)
            self.reload()
            return
        self._open_dialog(fresh)

    def _saved(self, person: PersonDTO) -> None:
        self.ctx.notify(Area.PEOPLE)
        self.select_where(lambda p: p.id == person.id)

    # --- deleting -------------------------------------------------------------------------------
    def delete_item(self, item: Any) -> None:
        if self.deleted_filter.isChecked():
            self._erase(item)
            return
        if not confirm(
            self,
            self.tr("名簿から削除"),
            self.tr("「{name}」さんを名簿から削除しますか？\n削除した後も「元に戻す」で戻せます。").format(name=item.name),
            self.tr("削除"),
        ):
            return
        try:
            people.delete_person(self.ctx.db, item.id, item.version)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.notify(Area.PEOPLE)
        self.undo_bar.offer(
            self.tr("「{name}」さんを名簿から削除しました。").format(name=item.name), lambda: self._restore(item.id)
        )

    def _restore(self, person_id: int) -> None:
        try:
            person = people.restore_person(self.ctx.db, person_id)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.ctx.notify(Area.PEOPLE)
        self.select_where(lambda p: p.id == person.id)

    def restore_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self._restore(item.id)

    def _erase(self, item: PersonDTO) -> None:
        if not confirm(
            self,
            self.tr("完全に削除"),
            self.tr("「{name}」さんの記録を完全に消しますか？\nこの操作は元に戻せません。").format(name=item.name),
            self.tr("完全に削除"),
        ):
            return
        db = self.ctx.db
        try:  # every registered column is searched for the name: off the GUI thread
            run_with_progress(
                self, self.tr("削除しています…"), lambda: people.erase_person(db, item.id, item.version)
            )
        except DomainError as exc:
            show_error(self, exc, title=self.tr("完全には削除できません"))
            return
        from sakae_council.gui.dialogs.person_safety import ERASED_AREAS

        for area in ERASED_AREAS:  # copies of the name elsewhere became the pseudonym
            self.ctx.notify(area)

    # --- importing ------------------------------------------------------------------------------
    def import_members(self) -> None:
        from sakae_council.gui.dialogs.import_members import ImportMembersDialog

        dialog = ImportMembersDialog(self.ctx, self)
        if self.import_dialog is not None:
            self.import_dialog.deleteLater()  # one at a time: the one from before is let go
        self.import_dialog = dialog
        dialog.open()

    # --- printing -------------------------------------------------------------------------------
    def print_roster(self) -> None:
        from sakae_council.gui.dialogs.print_roster import PrintRosterDialog

        dialog = PrintRosterDialog(self.ctx, self)
        dialog.open()

    def print_labels(self) -> None:
        """宛名ラベル for every current member of a district (the one chosen, or picked in the window)."""
        from sakae_council.gui.dialogs.labels_print import LabelsPrintWindow

        dialog = LabelsPrintWindow(self.ctx, None, self)
        dialog.open()


def create_page(ctx: AppContext) -> QWidget:
    return RosterPage(ctx)
