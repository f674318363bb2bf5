"""団体・協働パートナー page: 自治会, NPO, ボランティア団体, 事業者, 学校 — built on ListPage like the roster."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import OrganisationKind
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.organisation import OrganisationChoices, OrganisationDialog, load_choices
from sakae_council.gui.models.organisations import OrganisationsModel, kind_label
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.list_page import ListPage
from sakae_council.gui.widgets.messages import confirm
from sakae_council.services import organisations
from sakae_council.services.organisations import OrganisationDTO


class OrganisationsPage(ListPage):
    """List, search, edit and (soft) delete partner organisations of the chosen district."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("OrganisationsPage", "団体・協働パートナー"), parent)
        self.dialog: OrganisationDialog | None = None
        self.search.setPlaceholderText(self.tr("団体名・フリガナ・担当者・備考で検索（Ctrl+F）"))
        self.kind_filter = ChoiceCombo(
            [(self.tr("すべての種別"), None)] + [(kind_label(k), k) for k in OrganisationKind]
        )
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.setAccessibleName(self.tr("種別で絞り込み"))
        self.deleted_filter = QCheckBox(self.tr("削除した団体を表示"))
        self.deleted_filter.setObjectName("deletedFilter")
        self.add_filter(self.kind_filter)
        self.add_filter(self.deleted_filter)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.deleted_filter.toggled.connect(self._deleted_toggled)
        self.restore_button = self.add_button(
            self.tr("元に戻す"), self.restore_current, name="restoreButton", edits=True
        )
        self.restore_button.hide()
        self.new_button = self.add_button(self.tr("新規登録"), self.new_item, primary=True, name="newButton")
        self.org_model = OrganisationsModel(self)
        self.set_model(self.org_model, sort_column=1)
        ctx.dataChanged.connect(self._data_changed)
        self.reload()

    def _data_changed(self, area: str) -> None:
        if area in (Area.ORGANISATIONS, Area.PEOPLE, Area.DISTRICTS):
            self.reload()

    def reload(self) -> None:
        """The organisations for the filters, read on the database worker."""
        db, district_id, query = self.ctx.db, self.ctx.district_id, self.search.text()
        kind, deleted = self.kind_filter.value(), self.deleted_filter.isChecked()
        self.show_rows(
            self.org_model,
            lambda: organisations.list_organisations(
                db, district_id=district_id, query=query, kind=kind, deleted=deleted
            ),
            lambda n: self.tr("%n団体", "", n),
        )

    def _deleted_toggled(self, on: bool) -> None:
        self.restore_button.setVisible(on)
        self.new_button.setEnabled(not on)
        self.undo_bar.dismiss()
        self.reload()

    def _open(self, organisation_id: int | None) -> None:
        """The editor, once the organisation (fresh) and its choices are read on the database worker."""
        self.undo_bar.dismiss()
        db = self.ctx.db

        def load() -> tuple[OrganisationDTO | None, OrganisationChoices]:
            found = (
                organisations.get_organisation(db, organisation_id) if organisation_id is not None else None
            )
            return found, load_choices(db)

        def show(answer: tuple[OrganisationDTO | None, OrganisationChoices]) -> None:
            self.dialog = OrganisationDialog(self.ctx, answer[0], self, choices=answer[1])
            self.dialog.saved.connect(self._saved)
            self.dialog.open()

        QueryOp(load, parent=self).success(show).run()

    def new_item(self) -> None:
        if not self.deleted_filter.isChecked():
            self._open(None)

    def edit_item(self, item: Any) -> None:
        self._open(item.id)

    def _saved(self, organisation: OrganisationDTO) -> None:
        self.ctx.notify(Area.ORGANISATIONS)
        self.select_where(lambda o: o.id == organisation.id)

    def delete_item(self, item: Any) -> None:
        if self.deleted_filter.isChecked():
            return
        if not confirm(
            self,
            self.tr("団体の削除"),
            self.tr("「{name}」を一覧から削除しますか？\n削除した後も「元に戻す」で戻せます。").format(
                name=item.name
            ),
            self.tr("削除"),
        ):
            return
        db = self.ctx.db

        def deleted(_result: object) -> None:
            self.ctx.notify(Area.ORGANISATIONS)
            self.undo_bar.offer(
                self.tr("「{name}」を削除しました。").format(name=item.name), lambda: self._restore(item.id)
            )

        QueryOp(lambda: organisations.delete_organisation(db, item.id, item.version), parent=self).success(
            deleted
        ).run()

    def _restore(self, organisation_id: int) -> None:
        db = self.ctx.db

        def restored(_result: object) -> None:
            self.ctx.notify(Area.ORGANISATIONS)
            self.select_where(lambda o: o.id == organisation_id)

        QueryOp(lambda: organisations.restore_organisation(db, organisation_id), parent=self).success(
            restored
        ).run()

    def restore_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self._restore(item.id)


def create_page(ctx: AppContext) -> QWidget:
    return OrganisationsPage(ctx)
