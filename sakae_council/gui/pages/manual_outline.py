"""The 協働マニュアル's outline: its chapters and sections in a tree (drag and drop to reorder) with the buttons
that add, move and delete them. It shows and asks; ManualPage decides (services, unsaved text)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QPushButton, QTreeView, QVBoxLayout, QWidget

from sakae_council.gui.models.manual_tree import ManualTreeModel
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.services.manual import ManualSectionDTO


def page_button(parent: QWidget, text: str, slot: Any, name: str) -> QPushButton:
    """A button of the manual page: named for tests and accessibility, never the dialog default."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(False)
    button.clicked.connect(lambda _checked=False: slot())
    return button


class ManualOutline(QWidget):
    """The tree of chapters and sections and its buttons."""

    #: The user moved to another item in the tree (the section's id).
    sectionChosen = Signal(int)
    addChapterRequested = Signal()
    addSectionRequested = Signal()
    #: ▲ (-1) or ▼ (+1).
    moveByRequested = Signal(int)
    deleteRequested = Signal()
    #: A drag and drop: (section id, new parent id or None, position among the new siblings).
    moveRequested = Signal(int, object, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ManualTreeModel(self)
        self.model.moveRequested.connect(self.moveRequested, Qt.ConnectionType.QueuedConnection)
        self.tree = QTreeView(self)
        self.tree.setObjectName("manualTree")
        self.tree.setAccessibleName(self.tr("章と節"))
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        self.add_chapter_button = page_button(
            self, self.tr("章を追加"), self.addChapterRequested.emit, "addChapterButton"
        )
        self.add_section_button = page_button(
            self, self.tr("節を追加"), self.addSectionRequested.emit, "addSectionButton"
        )
        self.up_button = page_button(
            self, self.tr("▲ 上へ"), lambda: self.moveByRequested.emit(-1), "upButton"
        )
        self.down_button = page_button(
            self, self.tr("▼ 下へ"), lambda: self.moveByRequested.emit(+1), "downButton"
        )
        self.delete_button = page_button(self, self.tr("削除…"), self.deleteRequested.emit, "deleteButton")
        self.up_button.setAccessibleName(self.tr("上へ移動"))
        self.down_button.setAccessibleName(self.tr("下へ移動"))
        buttons = QGridLayout()
        for i, b in enumerate(
            (
                self.add_chapter_button,
                self.add_section_button,
                self.up_button,
                self.down_button,
                self.delete_button,
            )
        ):
            buttons.addWidget(b, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(
            MutedLabel(self.tr("項目はドラッグして並べ替えたり、別の章の中へ移したりできます。"), self)
        )

    def edit_buttons(self) -> tuple[QPushButton, ...]:
        """The buttons that change the manual (disabled where the user may only read)."""
        return (
            self.add_chapter_button,
            self.add_section_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        )

    def set_tree(self, tree: list[ManualSectionDTO]) -> None:
        """Show ``tree`` fully expanded, without announcing a change of the current item."""
        self.tree.selectionModel().blockSignals(True)
        self.model.set_tree(tree)
        self.tree.expandAll()
        self.tree.selectionModel().blockSignals(False)

    def select(self, section_id: int) -> None:
        """Make ``section_id`` the current item (quietly: it is already open) and scroll to it."""
        index = self.model.index_of(section_id)
        selection = self.tree.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        selection.blockSignals(False)
        self.tree.scrollTo(index)

    def set_section_open(self, has: bool) -> None:
        """The buttons that act on the open section work only while one is open."""
        for b in (self.add_section_button, self.up_button, self.down_button, self.delete_button):
            b.setEnabled(has)

    def _current_changed(self, index: QModelIndex, _previous: QModelIndex) -> None:
        dto = self.model.section_at(index)
        if dto is not None:
            self.sectionChosen.emit(dto.id)
