"""名簿 page: members of the chosen district, searchable, filtered by role, post and term."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.terms import TermStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.membership import post_label, role_label
from sakae_council.gui.dialogs.person import PersonDialog, open_person_editor
from sakae_council.gui.formatting import term_status_label
from sakae_council.gui.models.roster import RosterModel
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.action_bar import add_action_bar
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.list_page import SELECT_AFTER_SAVE_ROWS, ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.gui.widgets.progress import start_with_progress
from sakae_council.gui.widgets.search_field import search_probes
from sakae_council.services import people
from sakae_council.services.people import PersonDTO, RosterFilter
from sakae_council.services.roster_query import RosterSort
from sakae_council.services.search_plan import COUNT_AT_MOST

TERM_FILTERS = (TermStatus.CURRENT, TermStatus.EXPIRING, TermStatus.ENDED, TermStatus.UPCOMING)


class RosterPage(ListPage):
    """The roster (名簿); see ListPage for the layout and keys."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("RosterPage", "名簿"), parent)
        self.dialog: PersonDialog | None = None
        self.import_dialog: QWidget | None = None
        self.print_dialog: QDialog | None = None
        self.search.setPlaceholderText(self.tr("氏名・フリガナ・団体・備考で検索（Ctrl+F）"))
        self.role_filter = ChoiceCombo(
            [(self.tr("すべての役割"), None)] + [(role_label(r), r) for r in MemberRole]
        )
        self.post_filter = ChoiceCombo(
            [(self.tr("すべての役職"), None)] + [(post_label(p), p) for p in OfficerPost]
        )
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
        self.import_button = self.add_button(
            self.tr("取り込み…"), self.import_members, name="importButton", edits=True
        )
        self.print_button = self.add_button(self.tr("名簿を印刷…"), self.print_roster, name="printButton")
        add_print_action(self, self.print_button)
        self.new_button = self.add_button(self.tr("新規登録"), self.new_item, primary=True, name="newButton")

        self.action_bar = add_action_bar(self)
        self.labels_button = self.action_bar.add_button(
            self.tr("宛名ラベルを印刷…"), self.print_labels, name="labelsButton", edits=False
        )

        self.roster_model = RosterModel(ctx.today(), self)
        self.set_paged_model(self.roster_model, sort_column=1, descending=False)  # フリガナ順
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
            sort=cast(RosterSort, self.sort_key),
            descending=self.sort_descending,
        )

    def reload(self) -> None:
        """The roster for the filters, on the database worker; the place and selection kept on a refresh."""
        flt = self.roster_filter()
        db = self.ctx.db
        # Set now (as before): the rows are worked out again when the new list lands (a model reset).
        self.roster_model.today = self.ctx.today()
        self.roster_model.district_id = self.ctx.district_id

        if flt.deleted:
            unit: Callable[[int], str] = lambda n: self.tr("%n名（削除済み）", "", n)  # noqa: E731
        else:
            unit = lambda n: self.tr("%n名", "", n)  # noqa: E731
        self.show_paged(
            self.roster_model,
            lambda offset, limit: people.list_members(db, flt, limit=limit, offset=offset),
            lambda: people.count_members(db, flt, at_most=COUNT_AT_MOST),
            flt,
            unit,
            # a long or several-word search stops counting there
            capped=(lambda n: self.tr("%n名以上", "", n)) if flt.query and not flt.deleted else None,
            then=self._landed,
        )

    def _landed(self) -> None:
        self.fit_columns()
        first = self.roster_model.row_at(0)
        if first is not None:  # the first search of the process is paid ahead, on the worker
            db, flt = self.ctx.db, self.roster_filter()

            def probe(text: str) -> None:
                searched = replace(flt, query=text)
                with db.snapshot():
                    people.list_members(db, searched, limit=1)
                    people.count_members(db, searched, at_most=COUNT_AT_MOST)

            self.warm_search(probe, search_probes(first.furigana or first.name))

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
        """The editor for ``person`` (None: a new one), opened once its data is read on the worker."""
        self.undo_bar.dismiss()
        open_person_editor(self.ctx, person.id if person is not None else None, self, self._show_dialog)

    def _show_dialog(self, dialog: PersonDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def new_item(self) -> None:
        if not self.deleted_filter.isChecked():
            self._open_dialog(None)

    def edit_item(self, item: Any) -> None:
        self._open_dialog(item)  # read fresh: a person deleted meanwhile is said, and the list reloads

    def _saved(self, person: PersonDTO) -> None:
        self.ctx.notify(Area.PEOPLE)
        self.select_where(lambda p: p.id == person.id, fetch_up_to=SELECT_AFTER_SAVE_ROWS)

    # --- deleting -------------------------------------------------------------------------------
    def delete_item(self, item: Any) -> None:
        if self.deleted_filter.isChecked():
            self._erase(item)
            return
        if not confirm(
            self,
            self.tr("名簿から削除"),
            self.tr("「{name}」さんを名簿から削除しますか？\n削除した後も「元に戻す」で戻せます。").format(
                name=item.name
            ),
            self.tr("削除"),
        ):
            return
        db = self.ctx.db

        def deleted(_result: object) -> None:
            self.ctx.notify(Area.PEOPLE)
            self.undo_bar.offer(
                self.tr("「{name}」さんを名簿から削除しました。").format(name=item.name),
                lambda: self._restore(item.id),
            )

        QueryOp(lambda: people.delete_person(db, item.id, item.version), parent=self).success(deleted).run()

    def _restore(self, person_id: int) -> None:
        db = self.ctx.db

        def restored(person: PersonDTO) -> None:
            self.ctx.notify(Area.PEOPLE)
            self.select_where(lambda p: p.id == person.id)

        QueryOp(lambda: people.restore_person(db, person_id), parent=self).success(restored).run()

    def restore_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self._restore(item.id)

    def _erase(self, item: PersonDTO) -> None:
        if not confirm(
            self,
            self.tr("完全に削除"),
            self.tr("「{name}」さんの記録を完全に消しますか？\nこの操作は元に戻せません。").format(
                name=item.name
            ),
            self.tr("完全に削除"),
        ):
            return
        db = self.ctx.db

        def erased(_result: object) -> None:
            from sakae_council.gui.dialogs.person_safety import ERASED_AREAS

            for area in ERASED_AREAS:  # copies of the name elsewhere became the pseudonym
                self.ctx.notify(area)

        # Every registered column is searched for the name: one transaction on the worker, all or nothing.
        start_with_progress(
            self,
            self.tr("削除しています…"),
            lambda _token: people.erase_person(db, item.id, item.version),
            erased,
            on_failed=lambda exc: show_error(self, exc, title=self.tr("完全には削除できません")),
            cancellable=False,
        )

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
        """名簿を印刷…: the print window, once the districts it offers are read on the worker."""
        from sakae_council.gui.dialogs.print_roster import open_print_roster

        open_print_roster(self.ctx, self, self._show_print_dialog)

    def _show_print_dialog(self, dialog: QDialog) -> None:
        self.print_dialog = dialog
        dialog.open()

    def print_labels(self) -> None:
        """宛名ラベル for every current member of a district (the one chosen, or picked in the window)."""
        from sakae_council.gui.dialogs.labels_print import open_labels_print

        open_labels_print(self.ctx, None, self, lambda dialog: dialog.open())


def create_page(ctx: AppContext) -> QWidget:
    return RosterPage(ctx)
