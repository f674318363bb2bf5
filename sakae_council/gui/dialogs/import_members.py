"""名簿の取り込み — members from a CSV or Excel roster another office sent.

1. ファイルを選ぶ: the file is read and checked at once (a dry run: nothing is written). The dialog
   shows which column was taken for which item (氏名, フリガナ, 電話番号...), and every row with what
   would happen to it; rows with mistakes name their line in the file and what is wrong.
2. The user may change the column mapping (or the district the rows go to); the check runs again.
3. 「すべて取り込む（誤りがあれば何もしない）」 imports every row or none; 「正しい行だけ取り込む」 leaves
   the rows with mistakes (and the people already on the roster) out. A verified backup is taken first.

Reading, checking and importing run in the background; the window stays responsive. The column mapping is
:mod:`~sakae_council.gui.dialogs.import_mapping`, the dry run and its rows
:mod:`~sakae_council.gui.dialogs.import_preview`; this module holds the window and the import itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sakae_council.cancel import CancelToken
from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.import_mapping import ColumnMapping
from sakae_council.gui.dialogs.import_preview import ImportPreview, RowResults, preview_import
from sakae_council.gui.ops import OpHandle, QueryOp
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.backup_timer import BACKUPS_AREA, locked
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import ElidedLabel, MutedLabel, TitleLabel
from sakae_council.gui.widgets.progress import TaskProgress
from sakae_council.services import districts
from sakae_council.services.importing import ImportReport, import_members

ENCODING_TEXT = {
    "utf-8-sig": "UTF-8（BOM付き）",
    "utf-8": "UTF-8",
    "cp932": "Shift_JIS（CP932）",
    "utf-16": "UTF-16（Unicode テキスト）",
}


class ImportMembersDialog(QDialog):
    """See the module docstring. ``previewed(ImportPreview)`` after each check, ``imported(ImportReport)``."""

    previewed = Signal(object)
    imported = Signal(object)
    failed = Signal(str)
    RECHECK_DELAY_MS = 300

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importMembers")
        self.ctx = ctx
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.mapping: dict[int, str] | None = None
        self.last_report: ImportReport | None = None
        self._job: OpHandle | None = None
        self._again = False
        self._done = False
        self.setWindowTitle(self.tr("名簿の取り込み"))
        self._build()
        self._fit()
        self._update_buttons()

    # --- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = TitleLabel(self.tr("名簿の取り込み（CSV・Excel）"), self, factor=1.15)
        intro = MutedLabel(
            self.tr(
                "ほかの課から届いた名簿のファイルを選ぶと、まず中身を確かめます（この段階では何も登録しません）。"
            ),
            self,
        )
        self.file_label = ElidedLabel(self.tr("ファイルがまだ選ばれていません"), self)
        self.file_label.setObjectName("importFile")
        self.choose_button = QPushButton(self.tr("ファイルを選ぶ…"), self)
        self.choose_button.setObjectName("chooseImportFile")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_and_check)

        district_items: list[tuple[str, str | None]] = [(self.tr("ファイルの「学区」の列に従う"), None)]
        chosen: str | None = None
        try:
            for d in districts.list_districts(self.ctx.db, include_inactive=False):
                district_items.append((d.name, d.name))
                if d.id == self.ctx.district_id:
                    chosen = d.name
        except DomainError:
            pass
        self.district = ChoiceCombo(district_items, self)
        self.district.setObjectName("importDistrict")
        self.district.set_value(chosen)
        self.district.currentIndexChanged.connect(lambda _i: self.check_again())
        district_label = QLabel(self.tr("取り込み先の学区(&D):"), self)
        district_label.setBuddy(self.district)

        self.info = MutedLabel("", self)
        self.info.setObjectName("importInfo")
        self.notes = MessageLine("warning", self)
        self.notes.setObjectName("importNotes")
        self.error = MessageLine("error", self)
        self.error.setObjectName("importError")
        self.result_line = MessageLine("warning", self)
        self.result_line.setObjectName("importResult")

        # 列の対応付け: one row per column of the file, the item it is taken for chosen in a combo.
        self.mapping_title = TitleLabel(self.tr("列の対応付け"), self, factor=1.05)
        self.mapping_table = ColumnMapping(self)
        self.mapping_table.changed.connect(self._mapping_changed)

        self.results = RowResults(self)
        self.rows_model = self.results.model
        self.summary = self.results.summary

        self.import_all_button = QPushButton(self.tr("すべて取り込む（誤りがあれば何もしない）"), self)
        self.import_all_button.setObjectName("importAll")
        self.import_all_button.setFont(bold_font())
        self.import_all_button.setAutoDefault(False)
        self.import_all_button.clicked.connect(lambda: self.run_import(skip_invalid=False))
        self.import_valid_button = QPushButton(self.tr("正しい行だけ取り込む"), self)
        self.import_valid_button.setObjectName("importValid")
        self.import_valid_button.setAutoDefault(False)
        self.import_valid_button.clicked.connect(lambda: self.run_import(skip_invalid=True))
        self.close_button = QPushButton(self.tr("閉じる"), self)
        self.close_button.setObjectName("closeImport")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        district_row = QHBoxLayout()
        district_row.addWidget(district_label)
        district_row.addWidget(self.district)
        district_row.addStretch(1)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.mapping_title)
        top_layout.addWidget(self.mapping_table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.results)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_all_button)
        buttons.addWidget(self.import_valid_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addLayout(district_row)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.notes)
        layout.addWidget(self.result_line)
        self.task = TaskProgress(self)  # the bar and 中止 while the file is checked or imported
        layout.addWidget(self.task)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(self.RECHECK_DELAY_MS)
        self._recheck.timeout.connect(self.check)

    def _fit(self) -> None:
        em = self.fontMetrics().horizontalAdvance("あ")
        width, height = em * 60, self.fontMetrics().lineSpacing() * 32
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, int(area.width() * 0.95)), min(height, int(area.height() * 0.9))
        self.resize(width, height)

    # --- choosing and checking ----------------------------------------------------------------
    def choose_file(self) -> Path | None:
        """The roster file (a file dialog)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        dialog = QFileDialog(self, self.tr("取り込む名簿のファイルを選ぶ"), folder)
        dialog.setObjectName("chooseRosterFile")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("名簿（CSV・Excel） (*.csv *.txt *.xlsx)"), self.tr("すべてのファイル (*)")]
        )
        dialog.setOption(
            QFileDialog.Option.DontUseNativeDialog, QGuiApplication.platformName() == "offscreen"
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def choose_and_check(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.set_file(path)

    def set_file(self, path: Path) -> None:
        """Take ``path`` as the file to import and check it (mapping from its headings)."""
        self.path = path
        self.mapping = None
        self.preview = None
        self._done = False
        self.result_line.clear()
        self.file_label.set_full_text(self.tr("ファイル: {path}").format(path=path))
        self.check()

    def check_again(self) -> None:
        """Run the check once more (after a change of mapping or district), a moment later."""
        if self.path is not None and not self._done:
            self._recheck.start()

    def check(self) -> None:
        """The dry run, in the background."""
        self._recheck.stop()
        if self.path is None:
            return
        if self._job is not None:
            self._again = True
            return
        db, path, district, mapping = self.ctx.db, self.path, self.district.value(), self.mapping
        self.error.clear()
        self.info.setText(self.tr("ファイルを確かめています…"))
        token = CancelToken()
        self._job = (
            QueryOp(
                lambda: preview_import(db, path, district=district, mapping=mapping), parent=self, token=token
            )
            .progress(self.task.step)
            .success(self._checked)
            .failure(self._check_failed)
            .cancelled(self._check_cancelled)
            .run()
        )
        self.task.start(self._job)
        self._update_buttons()

    def _after_job(self) -> bool:
        """True when another check was asked for meanwhile (and has been started)."""
        self._job = None
        self.task.finish()
        if self._again:
            self._again = False
            self.check()
            return True
        return False

    def _checked(self, preview: object) -> None:
        if self._after_job():
            return
        assert isinstance(preview, ImportPreview)
        self.preview = preview
        self.mapping = dict(preview.mapping)
        self.mapping_table.show_columns(preview.headings, preview.mapping)
        self._show_report(preview.report)
        self._update_buttons()
        self.previewed.emit(preview)

    def _check_cancelled(self) -> None:
        if self._after_job():
            return
        self.preview = None
        self.info.setText(
            self.tr("確認を中止しました。ファイルを選び直すか、対応付けを変えると、もう一度確かめます。")
        )
        self._update_buttons()

    def _check_failed(self, exc: BaseException) -> None:
        if self._after_job():
            return
        self.preview = None
        self.info.setText("")
        self.results.clear()
        self.error.show_message(self._message(exc))
        self._update_buttons()
        self.failed.emit(self.error.text.text())

    def _message(self, exc: BaseException) -> str:
        if isinstance(exc, DomainError):
            return exc.message
        if isinstance(exc, OSError):
            return self.tr(
                "ファイルを読めませんでした。ファイルの場所と、Excelで開いたままになっていないかを確かめてください。"
            )
        return self.tr("ファイルを読めませんでした。CSVかExcel（.xlsx）の名簿か確かめてください。")

    def set_mapping(self, column: int, field: str | None) -> None:
        """Take file column ``column`` (from 0) for ``field`` (None: leave it out), as the combo does."""
        self.mapping_table.set_column(column, field)

    def _mapping_changed(self) -> None:
        self.mapping = self.mapping_table.mapping()
        self.check_again()

    def _show_report(self, report: ImportReport) -> None:
        self.last_report = report
        facts = [self.tr("見出しは{line}行目").format(line=report.header_line)]
        if report.encoding:
            facts.insert(
                0,
                self.tr("文字コード: {encoding}").format(
                    encoding=ENCODING_TEXT.get(report.encoding, report.encoding)
                ),
            )
        if report.sheet:
            facts.insert(0, self.tr("シート: {sheet}").format(sheet=report.sheet))
        self.info.setText(self.tr("・").join(facts))
        self.notes.show_message("\n".join(report.notes))
        self.results.show_report(report)

    def _update_buttons(self) -> None:
        report = self.preview.report if self.preview is not None else None
        writable = not self.ctx.db.read_only  # a file (backed up first) or the town server
        ready = report is not None and self._job is None and not self._done and writable
        valid = report.valid if report is not None else 0
        rejected = len(report.rejected) if report is not None else 0
        self.import_all_button.setEnabled(ready and valid > 0 and rejected == 0)
        self.import_valid_button.setEnabled(ready and valid > 0 and rejected > 0)
        self.choose_button.setEnabled(self._job is None)
        self.district.setEnabled(self._job is None and not self._done)
        self.mapping_table.set_choosable(self._job is None and not self._done)
        if not writable:
            self.error.show_message(
                self.tr("読み取り専用で開いているため、取り込めません（確認だけはできます）。")
            )

    # --- importing ----------------------------------------------------------------------------
    def run_import(self, *, skip_invalid: bool) -> None:
        """All or nothing (``skip_invalid`` False), or only the rows that passed the check."""
        if self.path is None or self._job is not None or self._done:
            return
        db, path, district, mapping = self.ctx.db, self.path, self.district.value(), self.mapping
        self.error.clear()
        self.result_line.show_message(self.tr("バックアップを作ってから取り込んでいます…"))
        token = CancelToken()
        # On the database worker; 中止 stops between rows or chunks and rolls the import back (one transaction).
        self._job = (
            QueryOp(
                locked(
                    lambda: import_members(
                        db, path, district=district, mapping=mapping, skip_invalid=skip_invalid
                    )
                ),
                parent=self,
                token=token,
            )
            .progress(self.task.step)
            .success(self._imported)
            .failure(self._import_failed)
            .cancelled(self._import_cancelled)
            .run()
        )
        self.task.start(self._job)
        self._update_buttons()

    def _import_cancelled(self) -> None:
        self._job = None
        self.task.finish()
        self.result_line.show_message(self.tr("取り込みを中止しました。名簿は取り込む前のままです。"))
        self._update_buttons()

    def _imported(self, report: object) -> None:
        self._job = None
        self.task.finish()
        assert isinstance(report, ImportReport)
        self._show_report(report)
        if report.committed:
            self._done = True
            message = self.tr("%n人を名簿に取り込みました。", "", report.imported)
            if report.backup:
                message += self.tr("取り込む前のデータはバックアップしてあります: {path}").format(
                    path=report.backup
                )
            self.result_line.show_message(message)
            self.ctx.notify(Area.PEOPLE)
            self.ctx.notify(BACKUPS_AREA)
        else:
            self.result_line.show_message(self.tr("1人も取り込んでいません。"))
        self._update_buttons()
        self.imported.emit(report)

    def _import_failed(self, exc: BaseException) -> None:
        self._job = None
        self.task.finish()
        self.result_line.clear()
        self.error.show_message(self._message(exc) + self.tr("名簿は取り込む前のままです。"))
        self._update_buttons()
        self.failed.emit(self.error.text.text())
