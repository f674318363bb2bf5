"""地域課題 page: the district's issues, searched and filtered, moved along their lifecycle, and the 一覧表."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import ISSUE_TRANSITIONS, IssueStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.issue_editor import open_issue_editor
from sakae_council.gui.dialogs.issue_matrix import IssueMatrixDialog
from sakae_council.gui.dialogs.issue_status import issue_status_dialog, open_issue_status
from sakae_council.gui.models.issue_list import IssuesModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.action_bar import add_action_bar
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.enum_label import enum_choices
from sakae_council.gui.widgets.export import export_button
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.list_page import SELECT_AFTER_SAVE_ROWS, ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.search_field import search_probes
from sakae_council.services import issues
from sakae_council.services.issue_query import IssueSort
from sakae_council.services.issues import IssueDTO, IssueFilter, IssueInput
from sakae_council.services.search_plan import COUNT_AT_MOST

#: The status filter's value for 未解決 (every open status).
OPEN = "open"


class IssuesPage(ListPage):
    """地域課題; see ListPage for the layout and keys."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, QCoreApplication.translate("IssuesPage", "地域課題"), parent)
        self.dialog: Any = None
        self.search.setPlaceholderText(
            self.tr("課題名・内容・分類で検索（ひらがな・カタカナ・全角半角を問わず）（Ctrl+F）")
        )
        self.category_filter = ChoiceCombo()
        self.status_filter = ChoiceCombo(
            [(self.tr("すべてのステータス"), None), (self.tr("未解決のみ"), OPEN)] + enum_choices(IssueStatus)
        )
        self.year_filter = FiscalYearChoice(ctx.today(), all_text=self.tr("すべての年度"))
        self.shared_filter = QCheckBox(self.tr("連絡会で共有する課題だけ"))
        for name, widget, label in (
            ("categoryFilter", self.category_filter, self.tr("分類で絞り込み")),
            ("statusFilter", self.status_filter, self.tr("ステータスで絞り込み")),
            ("yearFilter", self.year_filter, self.tr("提起した年度で絞り込み")),
            ("sharedFilter", self.shared_filter, self.tr("連絡会で共有する課題だけ")),
        ):
            widget.setObjectName(name)
            widget.setAccessibleName(label)
            self.add_filter(widget)
        for combo in (self.category_filter, self.status_filter, self.year_filter):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.shared_filter.toggled.connect(lambda _on: self.reload())

        self.matrix_button = self.add_button(self.tr("課題の一覧表…"), self.show_matrix, name="matrixButton")
        self.new_button = self.add_button(self.tr("新規登録"), self.new_item, primary=True, name="newButton")
        self.action_bar = add_action_bar(self)
        self.status_button = self.action_bar.add_button(
            self.tr("ステータス変更…"), lambda: self.change_status(), name="statusButton"
        )
        self.project_button = self.action_bar.add_button(
            self.tr("事業にする…"), self.make_project, name="projectButton"
        )
        self.share_button = self.action_bar.add_button(
            self.tr("連絡会で共有"), self.toggle_shared, name="shareButton"
        )
        self.action_bar.add_widget(export_button(self, lambda: self.model, self.tr("地域課題"), ctx.today))
        self.notice = MessageLine("warning", self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.undo_bar), self.notice)

        self.issues_model = IssuesModel(self)
        self.set_paged_model(self.issues_model, sort_column=5, descending=True)  # newest raised first
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        ctx.dataChanged.connect(self._data_changed)
        self._category_loads = Generation()
        self._fill_categories()
        self.reload()

    # --- loading --------------------------------------------------------------------------------
    def _fill_categories(self) -> None:
        """The 分類 filter's choices, read on the database worker (a chosen category that is gone reloads)."""
        db = self.ctx.db
        QueryOp(lambda: issues.list_categories(db), parent=self).latest(self._category_loads).success(
            self._show_categories
        ).run()

    def _show_categories(self, categories: list[Any]) -> None:
        items = [(self.tr("すべての分類"), None)] + [(c.name, c.id) for c in categories]
        combo = self.category_filter
        if [(combo.itemText(i), combo.value_at(i)) for i in range(combo.count())] != items:
            combo.set_items(items)

    def issue_filter(self) -> IssueFilter:
        status = self.status_filter.value()
        return IssueFilter(
            district_id=self.ctx.district_id,
            category_id=self.category_filter.value(),
            status=status if isinstance(status, IssueStatus) else None,
            open_only=status == OPEN,
            shared_only=self.shared_filter.isChecked(),
            query=self.search.text(),
            fiscal_year=self.year_filter.value(),
            sort=cast(IssueSort, self.sort_key),
            descending=self.sort_descending,
        )

    def reload(self) -> None:
        flt = self.issue_filter()
        db = self.ctx.db
        self.show_paged(
            self.issues_model,
            lambda offset, limit: issues.list_issues(db, flt, limit=limit, offset=offset),
            lambda: issues.count_issues(db, flt, at_most=COUNT_AT_MOST),
            flt,
            lambda n: self.tr("%n件", "", n),
            capped=(lambda n: self.tr("%n件以上", "", n))
            if flt.query
            else None,  # a long search stops counting there
            then=self._landed,
        )
        self._update_buttons()

    def _landed(self) -> None:
        self.fit_columns()
        self._update_buttons()
        first = self.issues_model.row_at(0)
        if first is not None:  # the first search of the process is paid ahead, on the worker
            db, flt = self.ctx.db, self.issue_filter()

            def probe(text: str) -> None:
                searched = replace(flt, query=text)
                with db.snapshot():
                    issues.list_issues(db, searched, limit=1)
                    issues.count_issues(db, searched, at_most=COUNT_AT_MOST)

            self.warm_search(probe, search_probes(first.title))

    def _data_changed(self, area: str) -> None:
        if area in (Area.ISSUES, Area.PROJECTS, Area.DISTRICTS):
            self.reload()

    def _update_buttons(self) -> None:
        item = self.current_item()
        for b in (self.status_button, self.share_button, self.project_button):
            b.setEnabled(item is not None)
        if isinstance(item, IssueDTO):
            self.share_button.setText(
                self.tr("連絡会での共有をやめる") if item.shared_with_liaison else self.tr("連絡会で共有")
            )

    # --- editing --------------------------------------------------------------------------------
    def _open(self, dialog: Any) -> None:
        self.undo_bar.dismiss()
        self.notice.clear()
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def _gone(self, exc: BaseException) -> None:
        """The issue could not be read for its editor (deleted meanwhile): say so, show the list as it is."""
        show_error(self, exc)
        self.reload()

    def new_item(self) -> None:
        open_issue_editor(self.ctx, None, self, self._open)

    def edit_item(self, item: Any) -> None:
        open_issue_editor(self.ctx, item.id, self, self._open, failure=self._gone)

    def _saved(self, issue: IssueDTO) -> None:
        self.ctx.notify(Area.ISSUES)
        self._select_issue(issue.id)

    def _select_issue(self, issue_id: int) -> None:
        self.select_where(lambda i: i.id == issue_id, fetch_up_to=SELECT_AFTER_SAVE_ROWS)

    def change_status(self) -> None:
        """ステータス変更… of the chosen issue (read fresh on the database worker; the dialog opens after)."""
        item = self.current_item()
        if item is not None:
            open_issue_status(self.ctx, item.id, self, self._open, failure=self._gone)

    def toggle_shared(self) -> None:
        """連絡会で共有 (or stop sharing) the chosen issue: read fresh and written on the database worker."""
        item = self.current_item()
        if item is None:
            return
        db, issue_id = self.ctx.db, item.id

        def toggle() -> IssueDTO:
            fresh = issues.get_issue(db, issue_id)
            data = IssueInput(
                title=fresh.title,
                district_id=fresh.district_id,
                category_id=fresh.category_id,
                raised_on=fresh.raised_on,
                description=fresh.description,
                priority=fresh.priority,
                source=fresh.source,
                shared_with_liaison=not fresh.shared_with_liaison,
            )
            return issues.update_issue(db, fresh.id, data, fresh.version)

        QueryOp(toggle, parent=self).success(self._saved).failure(self._gone).run()

    def make_project(self) -> None:
        """Start a 協働事業 from the chosen issue; once saved, offer to mark the issue 事業化."""
        from sakae_council.gui.dialogs.project_editor import open_project_editor

        item = self.current_item()
        if item is None:
            return
        issue_id = item.id

        def show(dialog: Any) -> None:
            self.undo_bar.dismiss()
            self.dialog = dialog
            dialog.saved.connect(lambda _p: self._project_made(issue_id))
            dialog.open()

        open_project_editor(self.ctx, None, self, show, from_issue_id=issue_id, failure=self._gone)

    def _project_made(self, issue_id: int) -> None:
        self.ctx.notify(Area.PROJECTS)
        self._select_issue(issue_id)
        db = self.ctx.db
        QueryOp(lambda: issues.get_issue(db, issue_id), parent=self).success(self._offer_projectized).run()

    def _offer_projectized(self, issue: IssueDTO) -> None:
        """After a project was made from ``issue`` (read fresh): offer 事業化, or say what must come first."""
        if IssueStatus.PROJECTIZED in ISSUE_TRANSITIONS[issue.status]:
            self._open(issue_status_dialog(self.ctx, issue, self, preselect=IssueStatus.PROJECTIZED))
        else:
            self.notice.show_message(
                self.tr(
                    "協働事業を登録しました。この課題を「事業化」にするには、まず「検討中」にしてください。"
                )
            )

    # --- deleting -------------------------------------------------------------------------------
    def delete_item(self, item: Any) -> None:
        if not confirm(
            self,
            self.tr("地域課題の削除"),
            self.tr(
                "地域課題「{title}」を、履歴とともに削除しますか？\nこの操作は元に戻せません。"
                "もう扱わない課題は、ステータスを「取り下げ」にすると記録が残ります。"
            ).format(title=item.title),
            self.tr("削除"),
        ):
            return
        db = self.ctx.db
        QueryOp(lambda: issues.delete_issue(db, item.id, item.version), parent=self).success(
            lambda _r: self.ctx.notify(Area.ISSUES)
        ).failure(lambda exc: show_error(self, exc, title=self.tr("削除できません"))).run()

    # --- the matrix -----------------------------------------------------------------------------
    def show_matrix(self) -> IssueMatrixDialog:
        dialog = IssueMatrixDialog(self.ctx, self)
        dialog.year.set_value(self.year_filter.value())
        dialog.open_only.setChecked(self.status_filter.value() == OPEN)
        dialog.cellChosen.connect(
            lambda d, c: self.show_cell(d, c, dialog.open_only.isChecked(), dialog.year.value())
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_cell(
        self, district_id: int | None, category_id: int | None, open_only: bool, year: int | None
    ) -> None:
        """Show the issues one cell of the matrix counts."""
        for combo in (self.category_filter, self.status_filter, self.year_filter):
            combo.blockSignals(True)
        self.category_filter.set_value(category_id)
        self.status_filter.set_value(OPEN if open_only else None)
        self.year_filter.set_value(year)
        for combo in (self.category_filter, self.status_filter, self.year_filter):
            combo.blockSignals(False)
        self.shared_filter.blockSignals(True)
        self.shared_filter.setChecked(False)
        self.shared_filter.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        if district_id != self.ctx.district_id:
            self.ctx.set_district(district_id)  # reloads through districtChanged
        else:
            self.reload()

    def on_shown(self) -> None:
        self._fill_categories()
        super().on_shown()


def create_page(ctx: AppContext) -> QWidget:
    return IssuesPage(ctx)
