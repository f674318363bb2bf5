"""協働マニュアル page: the outline of chapters and sections (manual_outline), the open section's editor
(manual_section_editor) and the search across the whole manual (manual_finder), put together here with
what joins them: opening a section without losing typed text, saving with a one-line summary, the history
of each section with its diff and restore, 版を発行 and the booklet PDF. The staff's training and
local-activity records sit on tabs beside it (``staff_records``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from sakae_council.domain.areas import Area
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.manual_history import open_manual_history
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.manual_tree import display_label, revision_label
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.pages.manual_finder import ManualFinder
from sakae_council.gui.pages.manual_outline import ManualOutline, page_button
from sakae_council.gui.pages.manual_section_editor import SectionEditor
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.services import manual, manual_history
from sakae_council.services.manual import ManualHitDTO, ManualSectionDTO


class ManualPage(QWidget):
    """See the module docstring. ``outline``, ``section`` (the editor) and ``finder`` are its three parts."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: QWidget | None = None
        self._shortcuts: list[QShortcut] = []
        self._tree_loads, self._section_loads = Generation(), Generation()

        # --- title line -----------------------------------------------------------------------
        self.title_label = TitleLabel(self.tr("協働マニュアル"), self)
        self.context_label = MutedLabel("", self)
        self.context_label.setWordWrap(False)
        self.print_button = page_button(self, self.tr("冊子を印刷…"), self.print_booklet, "printButton")
        add_print_action(self, self.print_button)
        self.publish_button = page_button(self, self.tr("版を発行…"), self.publish, "publishButton")
        self.publish_button.setFont(bold_font())
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.context_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.publish_button)

        # --- the three parts ------------------------------------------------------------------
        # While a search is typed its results take the place of the tree, so both have room at 特大.
        self.left = QStackedWidget(self)
        # The search first: Tab goes from the search field to the tree (the order widgets are made in).
        self.finder = ManualFinder(ctx, self)
        self.finder.hitChosen.connect(self._open_hit)
        self.finder.searching.connect(lambda on: self.left.setCurrentIndex(1 if on else 0))
        self.outline = ManualOutline(self)
        self.outline.sectionChosen.connect(self._tree_chose)
        self.outline.addChapterRequested.connect(self.add_chapter)
        self.outline.addSectionRequested.connect(self.add_section)
        self.outline.moveByRequested.connect(self.move_by)
        self.outline.deleteRequested.connect(self.delete_current)
        self.outline.moveRequested.connect(self.move_section)
        self.section = SectionEditor(self)
        self.section.saveRequested.connect(self.save)
        self.section.historyRequested.connect(self.open_history)
        edit_guard.mark_edit(
            self.publish_button,
            *self.outline.edit_buttons(),
            self.section.title_edit,
            self.section.save_button,
        )
        self.section.editor.set_read_only(bool(edit_guard.reason()))

        self.left.addWidget(self.outline)
        self.left.addWidget(self.finder)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.section)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self._sized = False
        manual_tab = QWidget(self)
        manual_layout = QVBoxLayout(manual_tab)
        manual_layout.setContentsMargins(0, 8, 0, 0)
        manual_layout.addWidget(self.finder.search)
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
        self.reload_tree()
        self._show_none()
        ctx.dataChanged.connect(self._data_changed)

    @property
    def current(self) -> ManualSectionDTO | None:
        """The section open in the editor."""
        return self.section.current

    # --- building helpers -----------------------------------------------------------------------
    def _shortcut(self, key: QKeySequence.StandardKey, slot: Any) -> None:
        sc = QShortcut(QKeySequence(key), self)
        sc.setContext(Qt.ShortcutContext.WindowShortcut)  # enabled only while the page is in front
        sc.activated.connect(slot)
        self._shortcuts.append(sc)

    def showEvent(self, event: QShowEvent) -> None:
        self._enable_shortcuts()
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
        self.training_tab.reload_when_seen()  # a record tab behind the manual loads when it is opened
        self.activity_tab.reload_when_seen()

    def _tab_changed(self, index: int) -> None:
        on_manual = index == 0
        self.publish_button.setVisible(on_manual)
        self.print_button.setVisible(on_manual)
        self._enable_shortcuts()

    def _enable_shortcuts(self) -> None:
        # Ctrl+F and Ctrl+S belong to the manual tab: the record tabs are list pages with a Ctrl+F of their own.
        for sc in self._shortcuts:
            sc.setEnabled(self.tabs.currentIndex() == 0)

    # --- tree -----------------------------------------------------------------------------------
    def reload_tree(self) -> None:
        """Load the tree again (on the database worker), keeping the open section selected (and its unsaved
        text)."""
        db = self.ctx.db
        QueryOp(lambda: (manual.list_tree(db), manual_history.list_editions(db)), parent=self).latest(
            self._tree_loads
        ).success(self._show_tree).run()

    def _show_tree(self, answer: tuple[Any, list[Any]]) -> None:
        tree, editions = answer
        keep = self.current.id if self.current is not None else None
        self.outline.set_tree(tree)
        if keep is not None:
            fresh = self.outline.model.section(keep)
            if fresh is None:
                self._show_none()
            else:
                self.section.keep_section(fresh)
                self.outline.select(keep)
        latest = (
            self.tr("最新の版: {label}（{date}発行）").format(
                label=revision_label(editions[-1].number), date=wareki(editions[-1].published_on)
            )
            if editions
            else self.tr("まだ版を発行していません")
        )
        self.context_label.setText(
            self.tr("{chapters}章・{sections}節　{latest}").format(
                chapters=self.outline.model.chapter_count(),
                sections=self.outline.model.section_count(),
                latest=latest,
            )
        )
        self.outline.set_section_open(self.current is not None)

    def _tree_chose(self, section_id: int) -> None:
        if self.current is not None and section_id == self.current.id:
            return
        if not self.confirm_leave():
            if self.current is not None:
                QTimer.singleShot(0, lambda: self.outline.select(self.current.id) if self.current else None)
            return
        self.open_section(section_id)

    def select_section(self, section_id: int) -> bool:
        """Open ``section_id`` as if the user clicked it in the tree; False if the user stayed."""
        if self.current is not None and self.current.id == section_id:
            return True
        if not self.confirm_leave():
            return False
        self.open_section(section_id, then=lambda: self.outline.select(section_id))
        return True

    # --- the open section -----------------------------------------------------------------------
    def open_section(self, section_id: int, then: Callable[[], object] | None = None) -> None:
        """Read the section and its newest revision on the database worker and show them; ``then()`` after."""
        db = self.ctx.db

        def shown(answer: tuple[ManualSectionDTO, list[Any]]) -> None:
            dto, revisions = answer
            self.section.show_section(dto, revisions[-1] if revisions else None)
            self.outline.set_section_open(True)
            if then is not None:
                then()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.reload_tree()

        QueryOp(
            lambda: (manual.get_section(db, section_id), manual_history.list_revisions(db, section_id)),
            parent=self,
        ).latest(self._section_loads).success(shown).failure(failed).run()

    def _show_none(self) -> None:
        self.section.show_none()
        self.outline.set_section_open(False)

    def is_dirty(self) -> bool:
        return self.section.is_dirty()

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

        dialog = ManualSaveDialog(
            self.ctx, self.current, self.section.title_edit.text(), self.section.editor.text(), self
        )  # nothing to read first: the save and its conflict are read and written on the worker
        dialog.saved.connect(self._saved)
        dialog.reloaded.connect(self.reloaded)
        self.dialog = dialog
        dialog.open()

    def _saved(self, dto: ManualSectionDTO) -> None:
        said = self.tr("「{title}」を第{n}版として保存しました。").format(title=dto.title, n=dto.revision)
        self.open_section(dto.id, then=lambda: self.section.status.setText(said))
        self.reload_tree()

    def reloaded(self, dto: ManualSectionDTO, note: str) -> None:
        """再読み込み after someone else saved the section: their version, and the note of what was typed."""
        self.open_section(dto.id, then=lambda: self.section.conflict_note.show_message(note))
        self.reload_tree()

    def _history_reloaded(self, dto: ManualSectionDTO) -> None:
        # Someone else saved the section while its history was open: show their version unless the
        # page holds unsaved text (its own save then meets the conflict dialog).
        if not self.is_dirty():
            self.open_section(dto.id)
        self.reload_tree()

    def open_history(self) -> None:
        """保存履歴…: the section's revisions are read on the database worker, then the window opens."""
        if self.current is not None:
            open_manual_history(self.ctx, self.current, self, self._show_history)

    def _show_history(self, dialog: Any) -> None:
        dialog.restored.connect(self._restored)
        dialog.reloaded.connect(self._history_reloaded)
        self.dialog = dialog
        dialog.open()

    def _restored(self, dto: ManualSectionDTO) -> None:
        # The restored text replaces what is on screen, unsaved edits included (the user was asked).
        said = self.tr("「{title}」を以前の内容に戻しました（第{n}版）。").format(
            title=dto.title, n=dto.revision
        )
        self.open_section(dto.id, then=lambda: self.section.status.setText(said))
        self.reload_tree()

    # --- structure ------------------------------------------------------------------------------
    def add_chapter(self) -> None:
        self._add(None)

    def add_section(self) -> None:
        if self.current is None:
            return
        parent = (
            self.current
            if self.current.is_chapter
            else self.outline.model.section(self.current.parent_id or 0)
        )
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
        self.section.show_none()  # whatever was open gives way (the user agreed to leave it)
        self.reload_tree()

        def opened() -> None:  # after the tree (the worker answers in order)
            self.outline.select(dto.id)
            self.section.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

        self.open_section(dto.id, then=opened)

    def move_by(self, step: int) -> None:
        if self.current is None:
            return
        move, db, section_id = (
            (manual.move_up if step < 0 else manual.move_down),
            self.ctx.db,
            self.current.id,
        )
        QueryOp(lambda: move(db, section_id), parent=self).finally_(self.reload_tree).run()

    def move_section(self, section_id: int, parent_id: int | None, position: int) -> None:
        """Move after a drag and drop (the model asks; the service decides)."""
        db = self.ctx.db
        QueryOp(lambda: manual.move_section(db, section_id, parent_id, position), parent=self).failure(
            lambda exc: show_error(self, exc, title=self.tr("移動できませんでした"))
        ).finally_(self.reload_tree).run()

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
        db = self.ctx.db

        def deleted(_result: object) -> None:
            self._show_none()
            self.reload_tree()
            self.section.status.setText(
                self.tr("「{label}」を削除しました。").format(label=display_label(dto))
            )

        QueryOp(lambda: manual.delete_section(db, dto.id, dto.version), parent=self).success(deleted).run()

    # --- search ---------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.finder.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.finder.search.selectAll()

    def _open_hit(self, hit: ManualHitDTO) -> None:
        query = self.finder.search.text()
        if self.current is not None and self.current.id == hit.section_id:
            self._show_hit(hit, query)
        elif self.confirm_leave():
            self.open_section(hit.section_id, then=lambda: self._show_hit(hit, query))

    def _show_hit(self, hit: ManualHitDTO, query: str) -> None:
        self.outline.select(hit.section_id)
        editor, title_edit = self.section.editor, self.section.title_edit
        if hit.in_title and not editor.select_match(query):
            title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            title_edit.selectAll()
            return
        editor.select_match(query)
        editor.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- editions -------------------------------------------------------------------------------
    def publish(self) -> None:
        from sakae_council.gui.dialogs.manual_publish import open_manual_publish

        def show(dialog: Any) -> None:
            dialog.saved.connect(self._published)
            self.dialog = dialog
            dialog.open()

        open_manual_publish(self.ctx, self.is_dirty(), self, show)

    def _published(self, edition: manual.EditionDTO) -> None:
        self.reload_tree()
        self.section.status.setText(
            self.tr("{label}を発行しました。「冊子を印刷…」からPDFにできます。").format(
                label=revision_label(edition.number)
            )
        )
        self.ctx.notify(Area.MANUAL)

    def print_booklet(self) -> None:
        from sakae_council.gui.dialogs.manual_print import open_manual_print

        def show(dialog: Any) -> None:
            self.dialog = dialog
            dialog.open()

        open_manual_print(self.ctx, self, show)


def _walk(nodes: tuple[ManualSectionDTO, ...]) -> Any:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def create_page(ctx: AppContext) -> QWidget:
    return ManualPage(ctx)
