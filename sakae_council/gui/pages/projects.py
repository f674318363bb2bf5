"""協働事業 page: the district's projects by stage and kind; a project opens with its partners, grants and records."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import ProjectKind, ProjectStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.grant_totals import open_grant_totals
from sakae_council.gui.dialogs.project_detail import ProjectDetailDialog, open_project_detail
from sakae_council.gui.dialogs.project_editor import ProjectDialog, open_project_editor
from sakae_council.gui.models.project_list import ProjectsModel, kind_short
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.action_bar import add_action_bar
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.enum_label import enum_choices
from sakae_council.gui.widgets.export import export_button
from sakae_council.gui.widgets.list_page import SELECT_AFTER_SAVE_ROWS, ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.services import projects
from sakae_council.services.projects import ProjectDTO, ProjectFilter, ProjectSort


class ProjectsPage(ListPage):
    """協働事業; see ListPage for the layout and keys."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("ProjectsPage", "協働事業"), parent)
        self.dialog: Any = None
        self.search.setPlaceholderText(self.tr("事業名・目的で検索（Ctrl+F）"))
        self.status_filter = ChoiceCombo(enum_choices(ProjectStatus, self.tr("すべてのステータス")))
        self.kind_filter = ChoiceCombo(
            [(self.tr("⑬・⑭ すべて"), None)] + [(kind_short(k), k) for k in ProjectKind]
        )
        for name, widget, label in (
            ("statusFilter", self.status_filter, self.tr("ステータスで絞り込み")),
            ("kindFilter", self.kind_filter, self.tr("区分で絞り込み")),
        ):
            widget.setObjectName(name)
            widget.setAccessibleName(label)
            widget.currentIndexChanged.connect(lambda _i: self.reload())
            self.add_filter(widget)
        self.totals_button = self.add_button(self.tr("補助金の集計…"), self.show_totals, name="totalsButton")
        self.new_button = self.add_button(self.tr("新規登録"), self.new_item, primary=True, name="newButton")
        self.action_bar = add_action_bar(self)
        self.open_button = self.action_bar.add_button(
            self.tr("詳細を開く…"), self.edit_current, name="openButton", edits=False
        )
        self.action_bar.add_widget(export_button(self, lambda: self.model, self.tr("協働事業"), ctx.today))
        self.projects_model = ProjectsModel(self)
        self.set_paged_model(self.projects_model, sort_column=4, descending=True)  # latest start first
        ctx.dataChanged.connect(self._data_changed)
        self.reload()

    def project_filter(self) -> ProjectFilter:
        return ProjectFilter(
            district_id=self.ctx.district_id,
            status=self.status_filter.value(),
            kind=self.kind_filter.value(),
            query=self.search.text(),
            sort=cast(ProjectSort, self.sort_key),
            descending=self.sort_descending,
        )

    def reload(self) -> None:
        flt = self.project_filter()
        db = self.ctx.db
        self.show_paged(
            self.projects_model,
            lambda offset, limit: projects.list_projects(db, flt, limit=limit, offset=offset),
            lambda: projects.count_projects(db, flt),
            flt,
            lambda n: self.tr("%n事業", "", n),
            then=self.table.resizeColumnsToContents,
        )

    def _data_changed(self, area: str) -> None:
        if area in (Area.PROJECTS, Area.ISSUES, Area.DISTRICTS, Area.GRANTS):
            self.reload()

    def new_item(self) -> None:
        open_project_editor(self.ctx, None, self, self._open_new)

    def _open_new(self, dialog: ProjectDialog) -> None:
        self.undo_bar.dismiss()
        self.dialog = dialog
        dialog.saved.connect(self._created)
        dialog.open()

    def _created(self, project: ProjectDTO) -> None:
        self.ctx.notify(Area.PROJECTS)
        self.select_where(lambda p: p.id == project.id, fetch_up_to=SELECT_AFTER_SAVE_ROWS)
        self.open_detail(project.id)

    def edit_item(self, item: Any) -> None:
        self.open_detail(item.id)

    def open_detail(self, project_id: int) -> None:
        """詳細を開く: the project read on the database worker, then its window (``self.dialog``)."""
        open_project_detail(self.ctx, project_id, self, self._show_detail, failure=self._gone)

    def _show_detail(self, dialog: ProjectDetailDialog) -> None:
        dialog.changed.connect(lambda: self.ctx.notify(Area.PROJECTS))
        self.dialog = dialog
        dialog.open()

    def _gone(self, exc: BaseException) -> None:
        """The project could not be read (deleted meanwhile): say so, show the list as it is."""
        show_error(self, exc)
        self.reload()

    def delete_item(self, item: Any) -> None:
        if not confirm(
            self,
            self.tr("協働事業の削除"),
            self.tr(
                "協働事業「{title}」を、パートナー・工程・活動記録・検証とともに削除しますか？\n"
                "この操作は元に戻せません。やめた事業は、ステータスを「中止」にすると記録が残ります。"
            ).format(title=item.title),
            self.tr("削除"),
        ):
            return
        db, project_id, version = self.ctx.db, item.id, item.version
        QueryOp(lambda: projects.delete_project(db, project_id, version), parent=self).success(
            lambda _none: self.ctx.notify(Area.PROJECTS)
        ).failure(lambda exc: show_error(self, exc, title=self.tr("削除できません"))).run()

    def show_totals(self) -> None:
        """補助金の集計…: the totals read on the database worker, then the window (``self.dialog``)."""
        open_grant_totals(self.ctx, self, self._show_totals)

    def _show_totals(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.open()


def create_page(ctx: AppContext) -> QWidget:
    return ProjectsPage(ctx)
