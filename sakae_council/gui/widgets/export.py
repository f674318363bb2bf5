"""書き出し: save what a list shows as .xlsx or CSV (UTF-8 with BOM), the same columns as on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from sakae_council.domain.errors import DomainError
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.table import DtoTableModel
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.messages import show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def model_table(model: QAbstractItemModel) -> tuple[list[str], list[list[str | int]]]:
    """Headers and every row's display texts. A DTO model gives every matching row, also those a lazy
    list has not loaded yet, without loading them into the view; other models are fetched to the end."""
    if isinstance(model, DtoTableModel):
        return model.headers(), [list(model.texts(item)) for item in model.all_rows()]
    root = QModelIndex()
    while model.canFetchMore(root):
        model.fetchMore(root)
    columns = model.columnCount(root)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
    rows: list[list[str | int]] = []
    for r in range(model.rowCount(root)):
        rows.append([str(model.index(r, c).data() or "") for c in range(columns)])
    return headers, rows


def export_model_to(model: QAbstractItemModel, path: str | Path, sheet: str) -> Path:
    """Write the model's rows to ``path`` (.xlsx, otherwise CSV)."""
    from sakae_council.reports.table_export import export_table

    headers, rows = model_table(model)
    return export_table(path, headers, rows, sheet=sheet)


def export_model(
    parent: QWidget,
    model: QAbstractItemModel,
    name: str,
    today: object = None,
    done: Callable[[Path], object] | None = None,
) -> None:
    """Ask where to save, then write on the database worker (a lazy list's rows are read there, in chunks);
    ``done(path)`` once written. The user is told plainly when the file cannot be written."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )
    stamp = wareki(today) if today is not None else ""  # type: ignore[arg-type]
    suggested = Path(folder) / f"{name}{'_' + stamp if stamp else ''}.xlsx"
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        tr("一覧を書き出す"),
        str(suggested),
        tr("Excel ブック (*.xlsx);;CSV（Excelで開けます） (*.csv)"),
    )
    if not path:
        return
    if not Path(path).suffix:
        path += ".csv" if "csv" in chosen else ".xlsx"
    if isinstance(model, DtoTableModel):
        # The rows a lazy list has not loaded yet are fetched by the worker; the model is only read.
        headers, items, texts = model.headers(), model.all_rows(), model.texts
        rows: Callable[[], Iterable[list[str | int]]] = lambda: (list(texts(item)) for item in items)  # noqa: E731
    else:  # a model held whole (the matrix): read here, written there
        headers, table = model_table(model)
        rows = lambda: table  # noqa: E731

    def write() -> Path:
        from sakae_council.reports.table_export import export_table

        return export_table(path, headers, list(rows()), sheet=name)

    def failed(exc: BaseException) -> None:
        if isinstance(
            exc, DomainError
        ):  # no space, a folder that cannot be written to (services.output_files)
            show_error(parent, exc, title=tr("書き出せませんでした"))
        elif isinstance(exc, OSError):
            message = tr(
                "ファイルを保存できませんでした。保存先のフォルダと、そのファイルをExcelで開いていないかを確かめてください。"
            )
            show_error(parent, DomainError(message), title=tr("書き出せませんでした"))
        else:
            show_error(parent, exc)

    QueryOp(write, parent=parent).success(done or (lambda _path: None)).failure(failed).run()


def export_button(parent: QWidget, model_getter: object, name: str, today: object = None) -> QPushButton:
    """A 「書き出し…」 button that exports whatever ``model_getter()`` returns."""
    button = QPushButton(tr("書き出し…"), parent)
    button.setObjectName("exportButton")
    button.setAutoDefault(False)
    button.setToolTip(tr("この一覧を Excel（.xlsx）か CSV で保存します"))

    def run() -> None:
        model = model_getter() if callable(model_getter) else None
        if model is not None:
            export_model(parent, model, name, today() if callable(today) else today)

    button.clicked.connect(run)
    return button
