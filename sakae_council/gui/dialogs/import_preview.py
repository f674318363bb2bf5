"""The check of the roster import and what it shows: the dry run (:func:`preview_import`: the file read and
checked exactly as an import would, nothing written) and 確認の結果 (:class:`RowResults`: a line counting
the rows by what would happen to them, every row with its line in the file, and the chosen row's mistakes
in full under the table).

The texts keep the translation context of the dialog they were first written in (``ImportMembersDialog``),
and the statuses theirs (``ImportMembers``), so the English translation stays as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sakae_council.db.engine import Database
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.labels import TitleLabel
from sakae_council.services.importing import ImportReport, RowResult, find_header, import_members
from sakae_council.services.table_reading import read_table

STATUS_TEXT = {
    "imported": str(QT_TRANSLATE_NOOP("ImportMembers", "取り込み済み")),
    "valid": str(QT_TRANSLATE_NOOP("ImportMembers", "取り込める")),
    "invalid": str(QT_TRANSLATE_NOOP("ImportMembers", "誤りあり")),
    "duplicate": str(QT_TRANSLATE_NOOP("ImportMembers", "名簿にいる人と重複")),
}
#: Palette keys (gui/palette.py): the colour goes with the text label, never instead of it.
STATUS_STYLE = {"imported": "approved", "invalid": "overdue", "duplicate": "expiring"}


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportMembers", text)


def status_text(r: RowResult) -> str:
    return tr(STATUS_TEXT.get(r.status, r.status))


def issues_text(r: RowResult) -> str:
    return " ".join(f"【{i.label}】{i.message}" for i in r.issues)


@dataclass(frozen=True)
class ImportPreview:
    """A dry run: the file's headings (every column), the mapping used, and what each row would do."""

    path: Path
    headings: tuple[str, ...]
    mapping: dict[int, str]
    report: ImportReport


def preview_import(
    db: Database, path: Path, *, district: str | None, mapping: Mapping[int, str] | None
) -> ImportPreview:
    """Read and check ``path`` exactly as an import would, writing nothing (runs in a worker thread)."""
    table = read_table(path)
    headings = table.rows[find_header(table)]
    report = import_members(db, path, district=district, mapping=mapping, dry_run=True)
    used = {number - 1: field for number, _heading, field, _label in report.columns}
    return ImportPreview(path, tuple(headings), used, report)


class RowResults(QWidget):
    """確認の結果: the count line, the rows and the chosen row's mistakes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TitleLabel(
            QCoreApplication.translate("ImportMembersDialog", "確認の結果"), self, factor=1.05
        )
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.model: DtoTableModel[RowResult] = DtoTableModel(
            [
                Column(
                    QCoreApplication.translate("ImportMembersDialog", "行"),
                    lambda r: str(r.line),
                    align_right=True,
                ),
                Column(QCoreApplication.translate("ImportMembersDialog", "氏名"), lambda r: r.name),
                Column(
                    QCoreApplication.translate("ImportMembersDialog", "結果"),
                    status_text,
                    status=lambda r: STATUS_STYLE.get(r.status),
                ),
                Column(
                    QCoreApplication.translate("ImportMembersDialog", "誤りの内容"),
                    issues_text,
                    tooltip=issues_text,
                ),
            ],
            self,
        )
        self.table = DataTable(self)
        self.table.setObjectName("importRows")
        self.table.setModel(self.model)
        self.table.setAccessibleName(QCoreApplication.translate("ImportMembersDialog", "行ごとの確認の結果"))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._describe(current.row())
        )
        # The chosen row's mistakes in full, under the table (the column is cut at large text sizes).
        self.detail = QLabel(self)
        self.detail.setObjectName("rowDetail")
        self.detail.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def show_report(self, report: ImportReport) -> None:
        """Every row of ``report``, the first with a mistake chosen, and the count line."""
        self.model.set_rows(list(report.rows))
        self.table.resizeColumnsToContents()
        first_problem = next((i for i, r in enumerate(report.rows) if r.issues), -1)
        if first_problem >= 0:
            self.table.select_row(first_problem)
        else:
            self.detail.clear()
        invalid = sum(r.status == "invalid" for r in report.rows)
        duplicate = sum(r.status == "duplicate" for r in report.rows)
        if report.committed:
            self.summary.setText(
                QCoreApplication.translate(
                    "ImportMembersDialog", "{imported}人を取り込みました。取り込まなかった行: {skipped}行"
                ).format(imported=report.imported, skipped=len(report.rejected))
            )
        else:
            self.summary.setText(
                QCoreApplication.translate(
                    "ImportMembersDialog",
                    "全{rows}行: 取り込める行 {valid}・誤りのある行 {invalid}・名簿にいる人と重複 {duplicate}",
                ).format(rows=len(report.rows), valid=report.valid, invalid=invalid, duplicate=duplicate)
            )

    def clear(self) -> None:
        """No rows (the file could not be read)."""
        self.model.set_rows([])
        self.summary.setText("")

    def _describe(self, row: int) -> None:
        r = self.model.row_at(row)
        if r is None:
            self.detail.clear()
            return
        text = QCoreApplication.translate("ImportMembersDialog", "{line}行目（{name}）: {status}").format(
            line=r.line,
            name=r.name or QCoreApplication.translate("ImportMembersDialog", "氏名なし"),
            status=status_text(r),
        )
        if r.issues:
            text += " — " + issues_text(r)
        self.detail.setText(text)
