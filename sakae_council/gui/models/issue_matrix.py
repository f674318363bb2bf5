"""課題の一覧表: districts down, categories across, issue counts in the cells, totals at the ends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from sakae_council.services.issue_matrix import IssueMatrixDTO

Index = QModelIndex | QPersistentModelIndex
#: Each cell returns (district_id or None, category_id or None) under this role: the filter it stands for.
FilterRole = Qt.ItemDataRole.UserRole + 2


def tr(text: str, n: int = -1) -> str:
    """``text`` in the interface's language; with ``n``, its ``%n`` is the count in the right plural form."""
    return QCoreApplication.translate("IssueMatrix", text, None, n)


class IssueMatrixModel(QAbstractTableModel):
    """Rows: districts then 合計; columns: categories then 合計."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix = IssueMatrixDTO(districts=(), categories=(), counts={})

    def set_matrix(self, matrix: IssueMatrixDTO) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.districts) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.categories) + 1

    def key(self, row: int, column: int) -> tuple[int | None, int | None]:
        """The (district_id, category_id) a cell counts; None stands for every one (the 合計 row/column)."""
        d = self.matrix.districts[row].id if row < len(self.matrix.districts) else None
        c = self.matrix.categories[column].id if column < len(self.matrix.categories) else None
        return d, c

    def count(self, row: int, column: int) -> int:
        d, c = self.key(row, column)
        if d is None and c is None:
            return self.matrix.total
        if d is None:
            return self.matrix.category_total(c)  # type: ignore[arg-type]
        if c is None:
            return self.matrix.district_total(d)
        return self.matrix.count(d, c)

    def _names(self, row: int, column: int) -> tuple[str, str]:
        d = self.matrix.districts[row].name if row < len(self.matrix.districts) else tr("全学区")
        c = (
            self.matrix.categories[column].name
            if column < len(self.matrix.categories)
            else tr("すべての分類")
        )
        return d, c

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (
            0 <= index.row() < self.rowCount() and 0 <= index.column() < self.columnCount()
        ):
            return None
        row, column = index.row(), index.column()
        n = self.count(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n) if n else "·"
        if role == Qt.ItemDataRole.ToolTipRole:
            d, c = self._names(row, column)
            return tr("{district} × {category}: %n件（クリックで一覧を表示）", n).format(
                district=d, category=c
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            d, c = self._names(row, column)
            return tr("{district} {category} %n件", n).format(district=d, category=c)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            if row == len(self.matrix.districts) or column == len(self.matrix.categories):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == FilterRole:
            return self.key(row, column)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.matrix.categories):
                return self.matrix.categories[section].name
            return tr("合計") if section == len(self.matrix.categories) else None
        if 0 <= section < len(self.matrix.districts):
            return self.matrix.districts[section].name
        return tr("合計") if section == len(self.matrix.districts) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
