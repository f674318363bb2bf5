"""協働マニュアル page: the chapters and sections in a tree (buttons or drag and drop to reorder), the
Markdown editor with its preview, saving with a one-line summary, the history of each section with its
diff and restore, 版を発行, the booklet PDF, and search across the whole manual. The staff's training
and local-activity records sit on tabs beside it (``staff_records``)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.manual_history import ManualHistoryDialog, saved_at
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.manual_tree import ManualTreeModel, display_label, display_path, revision_label
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.palette import WARNING_TEXT, set_text_colour
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.conflict_note import ConflictNoteBox
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.list_page import SEARCH_DEBOUNCE_MS, SearchField
from sakae_council.gui.widgets.markdown_editor import MarkdownEditor
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.services import manual, manual_history, manual_search
from sakae_council.services.manual import ManualHitDTO, ManualSectionDTO


class ManualPage(QWidget):
    """See the module docstring. ``current`` is the section open in the editor."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: ManualSectionDTO | None = None
        self.dialog: QWidget | None = None
        self._shortcuts: list[QShortcut] = []

        # --- title line -----------------------------------------------------------------------
        self.title_label = TitleLabel(self.tr("協働マニュアル"), self)
        self.context_label = MutedLabel("", self)
        self.context_label.setWordWrap(False)
        self.print_button = self._button(self.tr("冊子を印刷…"), self.print_booklet, "printButton")
        add_print_action(self, self.print_button)
        self.publish_button = self._button(self.tr("版を発行…"), self.publish, "publishButton")
        self.publish_button.setFont(bold_font())
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.context_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.publish_button)

        # --- left: search results and the tree --------------------------------------------------
        # One column, two lines per hit: where it is (章 › 節), then the matching line.
        self.results_model: DtoTableModel[ManualHitDTO] = DtoTableModel(
            [
                Column(
                    self.tr("検索結果"),
                    lambda h: f"{display_path(h.path)}\n{plain_snippet(h.snippet)}",
                    tooltip=lambda h: display_path(h.path),
                )
            ],
            self,
        )
        self.results = DataTable(self)
        self.results.setObjectName("searchResults")
        self.results.setModel(self.results_model)
        self.results.setWordWrap(True)
        self.results.horizontalHeader().hide()
        self.results.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.results.activatedRow.connect(self._open_hit)
        self.results.clicked.connect(lambda index: self._open_hit(index.row()))
        self.results_label = MutedLabel("", self)
        self.search = SearchField(self.results, self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("マニュアル全体を検索（Ctrl+F）"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())

        self.model = ManualTreeModel(self)
        self.model.moveRequested.connect(self.move_section, Qt.ConnectionType.QueuedConnection)
        self.tree = QTreeView(self)
        self.tree.setObjectName("manualTree")
        self.tree.setAccessibleName(self.tr("章と節"))
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.selectionModel().currentChanged.connect(self._tree_current_changed)

        self.add_chapter_button = self._button(self.tr("章を追加"), self.add_chapter, "addChapterButton")
        self.add_section_button = self._button(self.tr("節を追加"), self.add_section, "addSectionButton")
        self.up_button = self._button(self.tr("▲ 上へ"), lambda: self.move_by(-1), "upButton")
        self.down_button = self._button(self.tr("▼ 下へ"), lambda: self.move_by(+1), "downButton")
        self.delete_button = self._button(self.tr("削除…"), self.delete_current, "deleteButton")
        self.up_button.setAccessibleName(self.tr("上へ移動"))
        self.down_button.setAccessibleName(self.tr("下へ移動"))
        tree_buttons = QGridLayout()
        for i, b in enumerate(
            (
                self.add_chapter_button,
                self.add_section_button,
                self.up_button,
                self.down_button,
                self.delete_button,
            )
        ):
            tree_buttons.addWidget(b, i // 2, i % 2)
        tree_panel = QWidget(self)
        tree_layout = QVBoxLayout(tree_panel)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(self.tree, 1)
        tree_layout.addLayout(tree_buttons)
        tree_layout.addWidget(
            MutedLabel(self.tr("項目はドラッグして並べ替えたり、別の章の中へ移したりできます。"), self)
        )
        results_panel = QWidget(self)
        results_layout = QVBoxLayout(results_panel)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results, 1)
        results_layout.addWidget(
            MutedLabel(self.tr("検索欄を空にすると（Esc）章と節の一覧に戻ります。"), self)
        )
        # While a search is typed its results take the place of the tree, so both have room at 特大.
        self.left = QStackedWidget(self)
        self.left.addWidget(tree_panel)
        self.left.addWidget(results_panel)

        # --- right: the editor ----------------------------------------------------------------
        self.path_label = MutedLabel("", self)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("sectionTitle")
        self.title_edit.setMaxLength(manual.MAX_TITLE)
        self.title_edit.textEdited.connect(lambda _t: self._update_dirty())
        title_caption = QLabel(self.tr("見出し"), self)
        title_caption.setBuddy(self.title_edit)
        self.editor = MarkdownEditor(self, toggle_in_toolbar=False)
        self.editor.modificationChanged.connect(lambda _m: self._update_dirty())
        self.info_label = MutedLabel("", self)
        self.dirty_label = QLabel(self.tr("● 保存していない変更があります"), self)
        set_text_colour(self.dirty_label, WARNING_TEXT)
        self.dirty_label.hide()
        self.status = MutedLabel("", self)
        self.status.setObjectName("status")
        self.conflict_note = ConflictNoteBox(self)
        self.history_button = self._button(self.tr("保存履歴…"), self.open_history, "historyButton")
        self.save_button = self._button(self.tr("保存…"), self.save, "saveButton")
        self.save_button.setFont(bold_font())
        edit_guard.mark_edit(
            self.publish_button, self.add_chapter_button, self.add_section_button, self.up_button,
            self.down_button, self.delete_button, self.title_edit, self.save_button,
        )
        self.editor.set_read_only(bool(edit_guard.reason()))
        bottom = QHBoxLayout()
        bottom.addWidget(self.dirty_label)
        bottom.addWidget(self.info_label, 1)
        bottom.addWidget(self.history_button)
        bottom.addWidget(self.save_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(self.editor.show_preview, 0, Qt.AlignmentFlag.AlignTop)
        right_layout.addLayout(path_row)
        title_row = QHBoxLayout()
        title_row.addWidget(title_caption)
        title_row.addWidget(self.title_edit, 1)
        right_layout.addLayout(title_row)
        right_layout.addWidget(self.editor, 1)
        right_layout.addLayout(bottom)
        right_layout.addWidget(self.status)
        right_layout.addWidget(self.conflict_note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self._sized = False
        manual_tab = QWidget(self)
        manual_layout = QVBoxLayout(manual_tab)
        manual_layout.setContentsMargins(0, 8, 0, 0)
        manual_layout.addWidget(self.search)
        manual_layout.addWidget(self.splitter, 1)

        from sakae_council.gui.pages.staff_records import ActivityTab, TrainingTab

        self.training_tab = TrainingTab(ctx, self)
        self.activity_tab = ActivityTab(ctx, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(manual_tab, self.tr("マニュアル"))
        self.tabs.addTab(self.training_tab, self.tr("研修の記録"))
        self.tabs.addTab(self.activity_tab, self.tr("職員地域活動"))
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self._shortcut(QKeySequence.StandardKey.Find, self.focus_search)
        self._shortcut(QKeySequence.StandardKey.Save, self.save)
        self._show_results(False)
        self.reload_tree()
        self._show_none()
        ctx.dataChanged.connect(self._data_changed)

    # --- building helpers -----------------------------------------------------------------------
    def _button(self, text: str, slot: Any, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _shortcut(self, key: QKeySequence.StandardKey, slot: Any) -> None:
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WindowShortcut)  # enabled only while the page is in front
        sc.activated.connect(slot)
        self._shortcuts.append(sc)

    def showEvent(self, event: QShowEvent) -> None:
        for sc in self._shortcuts:
            sc.setEnabled(True)
        super().showEvent(event)
        if not self._sized:
            QTimer.singleShot(0, self._fit_splitter)  # once laid out: the first show has no real width yet

    def _fit_splitter(self) -> None:
        width = self.splitter.width()
        if width > 200:
            self._sized = True
            self.splitter.setSizes([int(width * 0.32), width - int(width * 0.32)])

    def hideEvent(self, event: QHideEvent) -> None:
        for sc in self._shortcuts:
            sc.setEnabled(False)
        super().hideEvent(event)

    def _data_changed(self, area: str) -> None:
        """Another user's change to the manual (or this program's 版の発行): shown, but never under unsaved text."""
        if area != Area.MANUAL or self.is_dirty():
            return  # the typing stays; saving it then meets the other version in the conflict dialog
        self.reload_tree()  # a section deleted meanwhile closes here
        if self.current is not None:
            self.open_section(self.current.id)  # the saved text, with the version it belongs to

    def on_shown(self) -> None:
        self.reload_tree()
        self.training_tab.reload()
        self.activity_tab.reload()

    def _tab_changed(self, index: int) -> None:
        on_manual = index == 0
        self.publish_button.setVisible(on_manual)
        self.print_button.setVisible(on_manual)

    # --- tree -----------------------------------------------------------------------------------
    def reload_tree(self) -> None:
        """Load the tree again, keeping the open section selected (and its unsaved text)."""
        keep = self.current.id if self.current is not None else None
        try:
            tree = manual.list_tree(self.ctx.db)
            editions = manual_history.list_editions(self.ctx.db)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.tree.selectionModel().blockSignals(True)
        self.model.set_tree(tree)
        self.tree.expandAll()
        self.tree.selectionModel().blockSignals(False)
        if keep is not None:
            fresh = self.model.section(keep)
            if fresh is None:
                self._show_none()
            else:
                self.current = fresh
                self.path_label.setText(display_path(fresh.path))
                self._select_in_tree(keep)
        latest = (
            self.tr("最新の版: {label}（{date}発行）").format(
                label=revision_label(editions[-1].number), date=wareki(editions[-1].published_on)
            )
            if editions
            else self.tr("まだ版を発行していません")
        )
        self.context_label.setText(
            self.tr("{chapters}章・{sections}節　{latest}").format(
                chapters=self.model.chapter_count(), sections=self.model.section_count(), latest=latest
            )
        )
        self._update_buttons()

    def _select_in_tree(self, section_id: int) -> None:
        index = self.model.index_of(section_id)
        selection = self.tree.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self.tree.scrollTo(index)

    def _tree_current_changed(self, index: QModelIndex, previous: QModelIndex) -> None:
        dto = self.model.section_at(index)
        if dto is None or (self.current is not None and dto.id == self.current.id):
            return
        if not self.confirm_leave():
            if self.current is not None:
                QTimer.singleShot(0, lambda: self._select_in_tree(self.current.id) if self.current else None)
            return
        self.open_section(dto.id)

    def select_section(self, section_id: int) -> bool:
        """Open ``section_id`` as if the user clicked it in the tree; False if the user stayed."""
        if self.current is not None and self.current.id == section_id:
            return True
        if not self.confirm_leave():
            return False
        self.open_section(section_id)
        self._select_in_tree(section_id)
        return True

    # --- the open section -----------------------------------------------------------------------
    def open_section(self, section_id: int) -> None:
        try:
            dto = manual.get_section(self.ctx.db, section_id)
            revisions = manual_history.list_revisions(self.ctx.db, section_id)
        except DomainError as exc:
            show_error(self, exc)
            self.reload_tree()
            return
        self.current = dto
        self.path_label.setText(display_path(dto.path))
        self.title_edit.setText(dto.title)
        self.editor.set_text(dto.body)
        self.status.clear()
        self.conflict_note.clear()
        self._show_revision(revisions[-1] if revisions else None)
        for w in (self.title_edit, self.editor, self.history_button):
            w.setEnabled(True)
        self._update_dirty()
        self._update_buttons()

    def _show_revision(self, rev: manual.RevisionDTO | None) -> None:
        if rev is None:
            self.info_label.clear()
            return
        self.info_label.setText(
            self.tr("{label}・{when}・{author}「{summary}」").format(
                label=revision_label(rev.number), when=saved_at(rev), author=rev.author, summary=rev.summary
            )
        )

    def _show_none(self) -> None:
        self.current = None
        self.path_label.setText(self.tr("左の一覧から章や節を選ぶと、ここで編集できます。"))
        self.title_edit.clear()
        self.editor.set_text("")
        self.info_label.clear()
        for w in (self.title_edit, self.editor, self.history_button, self.save_button):
            w.setEnabled(False)
        self._update_dirty()
        self._update_buttons()

    def is_dirty(self) -> bool:
        return self.current is not None and (
            self.editor.is_modified() or self.title_edit.text() != self.current.title
        )

    def _update_dirty(self) -> None:
        dirty = self.is_dirty()
        self.dirty_label.setVisible(dirty)
        self.save_button.setEnabled(dirty)

    def _update_buttons(self) -> None:
        has = self.current is not None
        for b in (self.add_section_button, self.up_button, self.down_button, self.delete_button):
            b.setEnabled(has)

    def confirm_leave(self) -> bool:
        """True when nothing is unsaved, or the user agrees to drop the changes."""
        if not self.is_dirty() or self.current is None:
            return True
        return confirm(
            self,
            self.tr("保存していない変更"),
            self.tr("「{title}」の変更はまだ保存していません。\n変更を捨てて移りますか？").format(
                title=self.current.title
            ),
            self.tr("変更を捨てる"),
        )

    # --- saving and history ---------------------------------------------------------------------
    def save(self) -> None:
        if self.current is None or not self.is_dirty():
            return
        from sakae_council.gui.dialogs.manual_save import ManualSaveDialog

        dialog = ManualSaveDialog(self.ctx, self.current, self.title_edit.text(), self.editor.text(), self)
        dialog.saved.connect(self._saved)
        dialog.reloaded.connect(self.reloaded)
        self.dialog = dialog
        dialog.open()

    def _saved(self, dto: ManualSectionDTO) -> None:
        self.open_section(dto.id)
        self.reload_tree()
        self.status.setText(
            self.tr("「{title}」を第{n}版として保存しました。").format(title=dto.title, n=dto.revision)
        )

    def reloaded(self, dto: ManualSectionDTO, note: str) -> None:
        """再読み込み after someone else saved the section: their version, and the note of what was typed."""
        self.open_section(dto.id)
        self.reload_tree()
        self.conflict_note.show_message(note)

    def _history_reloaded(self, dto: ManualSectionDTO) -> None:
        # Someone else saved the section while its history was open: show their version unless the
        # page holds unsaved text (its own save then meets the conflict dialog).
        if not self.is_dirty():
            self.open_section(dto.id)
        self.reload_tree()

    def open_history(self) -> ManualHistoryDialog | None:
        if self.current is None:
            return None
        dialog = ManualHistoryDialog(self.ctx, self.current, self)
        dialog.restored.connect(self._restored)
        dialog.reloaded.connect(self._history_reloaded)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _restored(self, dto: ManualSectionDTO) -> None:
        # The restored text replaces what is on screen, unsaved edits included (the user was asked).
        self.current = None
        self.open_section(dto.id)
        self.reload_tree()
        self.status.setText(
            self.tr("「{title}」を以前の内容に戻しました（第{n}版）。").format(
                title=dto.title, n=dto.revision
            )
        )

    # --- structure ------------------------------------------------------------------------------
    def add_chapter(self) -> None:
        self._add(None)

    def add_section(self) -> None:
        if self.current is None:
            return
        parent = self.current if self.current.is_chapter else self.model.section(self.current.parent_id or 0)
        self._add(parent)

    def _add(self, parent: ManualSectionDTO | None) -> None:
        from sakae_council.gui.dialogs.manual_section import ManualSectionDialog

        if not self.confirm_leave():
            return
        dialog = ManualSectionDialog(self.ctx, parent, self)
        dialog.saved.connect(self._added)
        self.dialog = dialog
        dialog.open()

    def _added(self, dto: ManualSectionDTO) -> None:
        self.current = None
        self.reload_tree()
        self.open_section(dto.id)
        self._select_in_tree(dto.id)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def move_by(self, step: int) -> None:
        if self.current is None:
            return
        try:
            (manual.move_up if step < 0 else manual.move_down)(self.ctx.db, self.current.id)
        except DomainError as exc:
            show_error(self, exc)
        self.reload_tree()

    def move_section(self, section_id: int, parent_id: int | None, position: int) -> None:
        """Move after a drag and drop (the model asks; the service decides)."""
        try:
            manual.move_section(self.ctx.db, section_id, parent_id, position)
        except DomainError as exc:
            show_error(self, exc, title=self.tr("移動できませんでした"))
        self.reload_tree()

    def delete_current(self) -> None:
        if self.current is None:
            return
        dto = self.current
        below = sum(1 for _ in _walk(dto.children))
        extra = self.tr("その下の%n項目も一緒に削除されます。\n", "", below) if below else ""
        if not confirm(
            self,
            self.tr("章・節の削除"),
            self.tr(
                "「{label}」を削除しますか？\n{extra}保存履歴も消え、元に戻せません（発行済みの版には残ります）。"
            ).format(label=display_label(dto), extra=extra),
            self.tr("削除"),
        ):
            return
        try:
            manual.delete_section(self.ctx.db, dto.id, dto.version)
        except DomainError as exc:
            show_error(self, exc)
            return
        self._show_none()
        self.reload_tree()
        self.status.setText(self.tr("「{label}」を削除しました。").format(label=display_label(dto)))

    # --- search ---------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def flush_search(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.run_search()

    def run_search(self) -> None:
        query = self.search.text().strip()
        if not query:
            self.results_model.set_rows([])
            self._show_results(False)
            return
        try:
            hits = manual_search.search_manual(self.ctx.db, query)
        except DomainError as exc:
            show_error(self, exc)
            return
        self.results_model.set_rows(hits)
        self.results_label.setText(
            self.tr("「{q}」: %n件", "", len(hits)).format(q=query)
            if hits
            else self.tr("「{q}」は見つかりませんでした。").format(q=query)
        )
        self._show_results(True)

    def _show_results(self, on: bool) -> None:
        self.left.setCurrentIndex(1 if on else 0)
        self.results.setVisible(self.results_model.rowCount() > 0)

    def _open_hit(self, row: int) -> None:
        hit = self.results_model.row_at(row)
        if hit is None or not self.select_section(hit.section_id):
            return
        if hit.in_title and not self.editor.select_match(self.search.text()):
            self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.title_edit.selectAll()
            return
        self.editor.select_match(self.search.text())
        self.editor.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- editions -------------------------------------------------------------------------------
    def publish(self) -> None:
        from sakae_council.gui.dialogs.manual_publish import ManualPublishDialog

        dialog = ManualPublishDialog(self.ctx, unsaved_changes=self.is_dirty(), parent=self)
        dialog.saved.connect(self._published)
        self.dialog = dialog
        dialog.open()

    def _published(self, edition: manual.EditionDTO) -> None:
        self.reload_tree()
        self.status.setText(
            self.tr("{label}を発行しました。「冊子を印刷…」からPDFにできます。").format(
                label=revision_label(edition.number)
            )
        )
        self.ctx.notify(Area.MANUAL)

    def print_booklet(self) -> None:
        from sakae_council.gui.dialogs.manual_print import ManualPrintDialog

        dialog = ManualPrintDialog(self.ctx, self)
        self.dialog = dialog
        dialog.open()


_MARKS = re.compile(r"^\s*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|#+\s+|>\s*)|\*\*|__|`|\|")


def plain_snippet(snippet: str) -> str:
    """A search snippet without the Markdown marks (「- **参加の機会**」→「参加の機会」)."""
    return re.sub(r"\s+", " ", _MARKS.sub(" ", snippet)).strip()


def _walk(nodes: tuple[ManualSectionDTO, ...]) -> Any:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def create_page(ctx: AppContext) -> QWidget:
    return ManualPage(ctx)
