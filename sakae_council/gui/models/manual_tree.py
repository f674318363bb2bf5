"""ManualTreeModel: the chapters and sections of the 協働マニュアル as a tree, reordered by drag and drop.

The model never moves rows itself: a drop emits ``moveRequested(section_id, new_parent_id, position)``
and the page asks the service to move the section, then loads the tree again. So what the user sees
after a drop is always what the database holds.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from sakae_council.services.manual import PATH_SEPARATOR, ManualSectionDTO, strip_chapter_number

Index = QModelIndex | QPersistentModelIndex
MIME_TYPE = "application/x-sakae-manual-section"
#: Role under which every item returns its ManualSectionDTO.
SectionRole = Qt.ItemDataRole.UserRole + 1


_CHAPTER_NUMBER = re.compile(r"^第(\d+)章")


def chapter_label(number: int, title: str) -> str:
    """「第2章 役割分担」 (“Chapter 2 役割分担” in English): the number is the chapter's place."""
    return QCoreApplication.translate("Manual", "第{n}章 {title}").format(
        n=number, title=strip_chapter_number(title)
    )


def revision_label(number: int) -> str:
    """「第3版」 of a section's revision or of a published edition."""
    return QCoreApplication.translate("Manual", "第{n}版").format(n=number)


def _translated_chapter(label: str) -> str:
    m = _CHAPTER_NUMBER.match(label)
    return chapter_label(int(m.group(1)), label) if m else label


def display_label(dto: ManualSectionDTO) -> str:
    """What the tree shows: the translated chapter label, or a section's own title."""
    return _translated_chapter(dto.label) if dto.is_chapter else dto.title


def display_path(path: tuple[str, ...]) -> str:
    """「第2章 役割分担 › 2-1 同じテーブルに着く人たち」, the chapter part translated."""
    if not path:
        return ""
    return PATH_SEPARATOR.join((_translated_chapter(path[0]), *path[1:]))


class _Node:
    """One item: its DTO, its place among its siblings, and its children."""

    __slots__ = ("children", "dto", "parent", "row")

    def __init__(self, dto: ManualSectionDTO, parent: _Node | None, row: int) -> None:
        self.dto = dto
        self.parent = parent
        self.row = row
        self.children = [_Node(child, self, i) for i, child in enumerate(dto.children)]


class ManualTreeModel(QAbstractItemModel):
    """One column: 「第2章 役割分担」 for chapters, the title for sections."""

    moveRequested = Signal(int, object, int)  # section id, new parent id (None: a chapter), position

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._roots: list[_Node] = []
        self._by_id: dict[int, _Node] = {}

    # --- feeding ------------------------------------------------------------------------------
    def set_tree(self, tree: list[ManualSectionDTO]) -> None:
        self.beginResetModel()
        self._roots = [_Node(dto, None, i) for i, dto in enumerate(tree)]
        self._by_id = {}
        stack = list(self._roots)
        while stack:
            node = stack.pop()
            self._by_id[node.dto.id] = node
            stack.extend(node.children)
        self.endResetModel()

    def index_of(self, section_id: int) -> QModelIndex:
        node = self._by_id.get(section_id)
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node)

    def section_at(self, index: Index) -> ManualSectionDTO | None:
        node = self._node(index)
        return node.dto if node is not None else None

    def section(self, section_id: int) -> ManualSectionDTO | None:
        node = self._by_id.get(section_id)
        return node.dto if node is not None else None

    def chapter_count(self) -> int:
        return len(self._roots)

    def section_count(self) -> int:
        return len(self._by_id) - len(self._roots)

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    def _children(self, parent: Index) -> list[_Node]:
        node = self._node(parent)
        return self._roots if node is None else node.children

    # --- QAbstractItemModel -------------------------------------------------------------------
    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or (parent.isValid() and parent.column() != 0):
            return QModelIndex()
        children = self._children(parent)
        if not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        dto = node.dto
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return display_label(dto)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{path}（{revision}）").format(
                path=display_path(dto.path), revision=revision_label(dto.revision)
            )
        if role == SectionRole:
            return dto
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and section == 0:
            return self.tr("章・節")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # dropping on the empty area makes a chapter
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    # --- drag and drop ------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        nodes = [n for n in (self._node(i) for i in indexes) if n is not None]
        if nodes:
            data.setData(MIME_TYPE, QByteArray(str(nodes[0].dto.id).encode("ascii")))
        return data

    @staticmethod
    def _dragged_id(data: QMimeData) -> int | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            return int(bytes(data.data(MIME_TYPE).data()).decode("ascii"))
        except ValueError:
            return None

    def _target(self, data: QMimeData, row: int, parent: Index) -> tuple[int, int | None, int] | None:
        """(section id, new parent id, position) for a drop, or None when it may not land there."""
        section_id = self._dragged_id(data)
        moving = self._by_id.get(section_id) if section_id is not None else None
        if moving is None:
            return None
        target = self._node(parent)
        ancestor = target
        while ancestor is not None:  # not into itself or its own sub-sections
            if ancestor is moving:
                return None
            ancestor = ancestor.parent
        siblings = self._roots if target is None else target.children
        position = len(siblings) if row < 0 else row
        if moving.parent is target and moving.row < position:
            position -= 1  # the section leaves its old place first
        return moving.dto.id, None if target is None else target.dto.id, position

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self._target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction:
            return False
        target = self._target(data, row, parent)
        if target is None:
            return False
        self.moveRequested.emit(*target)
        return True
