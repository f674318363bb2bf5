"""操作の記録 — the audit trail: one person's history (from the person editor), and the whole log with
filters and a CSV export (ファイル › 操作の記録…).

Both show the same table (日時, 利用者, 操作, 対象, 内容, 変更) and, below it, every changed field of the
selected entry with its value before and after. The entries are read through ``services.audit_log``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError, ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import date_time_text
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.ops import OpHandle, QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.services import audit_log
from sakae_council.services.audit_log import AuditEntryDTO, AuditFilter

#: The service's action and record names, for the translation (context "AuditLog").
ACTION_TEXT = {
    "create": str(QT_TRANSLATE_NOOP("AuditLog", "登録")),
    "update": str(QT_TRANSLATE_NOOP("AuditLog", "変更")),
    "delete": str(QT_TRANSLATE_NOOP("AuditLog", "削除")),
    "restore": str(QT_TRANSLATE_NOOP("AuditLog", "元に戻す")),
    "erase": str(QT_TRANSLATE_NOOP("AuditLog", "完全に削除")),
    "merge": str(QT_TRANSLATE_NOOP("AuditLog", "統合")),
    "status": str(QT_TRANSLATE_NOOP("AuditLog", "状態の変更")),
    "approve": str(QT_TRANSLATE_NOOP("AuditLog", "確定")),
    "import": str(QT_TRANSLATE_NOOP("AuditLog", "取り込み")),
}
ENTITY_TEXT = {
    "person": str(QT_TRANSLATE_NOOP("AuditLog", "名簿")),
    "membership": str(QT_TRANSLATE_NOOP("AuditLog", "委嘱")),
    "district": str(QT_TRANSLATE_NOOP("AuditLog", "学区")),
    "organisation": str(QT_TRANSLATE_NOOP("AuditLog", "団体")),
    "regional_issue": str(QT_TRANSLATE_NOOP("AuditLog", "地域課題")),
    "issue_category": str(QT_TRANSLATE_NOOP("AuditLog", "課題の分類")),
    "collaborative_project": str(QT_TRANSLATE_NOOP("AuditLog", "協働事業")),
    "grant_application": str(QT_TRANSLATE_NOOP("AuditLog", "補助金申請")),
    "grant_document": str(QT_TRANSLATE_NOOP("AuditLog", "補助金書類")),
    "equipment": str(QT_TRANSLATE_NOOP("AuditLog", "備品")),
    "equipment_loan": str(QT_TRANSLATE_NOOP("AuditLog", "備品の貸出")),
    "meeting": str(QT_TRANSLATE_NOOP("AuditLog", "会議")),
    "meeting_body": str(QT_TRANSLATE_NOOP("AuditLog", "会議体")),
    "indicator": str(QT_TRANSLATE_NOOP("AuditLog", "成果指標")),
    "course": str(QT_TRANSLATE_NOOP("AuditLog", "講座")),
    "business_startup": str(QT_TRANSLATE_NOOP("AuditLog", "起業")),
    "manual_section": str(QT_TRANSLATE_NOOP("AuditLog", "マニュアル")),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditLog", text)


def action_text(e: AuditEntryDTO) -> str:
    return tr(ACTION_TEXT[e.action]) if e.action in ACTION_TEXT else e.action_label


def entity_text(e: AuditEntryDTO) -> str:
    name = tr(ENTITY_TEXT[e.entity]) if e.entity in ENTITY_TEXT else e.entity_label
    return name if e.entity_id is None else tr("{name}（ID {id}）").format(name=name, id=e.entity_id)


def when_text(e: AuditEntryDTO) -> str:
    return date_time_text(e.at)


def changes_text(e: AuditEntryDTO) -> str:
    return tr("、").join(c.text for c in e.changes)


def detail_text(e: AuditEntryDTO) -> str:
    """Everything about one entry, one fact a line (the detail pane under the table)."""
    lines = [
        tr("日時: {when}").format(when=date_time_text(e.at, weekday=True, seconds=True)),
        tr("利用者: {user}").format(user=e.user or tr("（不明）")),
        tr("操作: {action}（{entity}）").format(action=action_text(e), entity=entity_text(e)),
        tr("内容: {summary}").format(summary=e.summary),
    ]
    if e.changes:
        lines.append(tr("変更した項目（変更前 → 変更後）:"))
        lines += [f"　{c.text}" for c in e.changes]
    return "\n".join(lines)


class EntryView(QWidget):
    """The entries table and, under it, the selected entry in full."""

    def __init__(self, *, with_entity: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns: list[Column[AuditEntryDTO]] = [
            Column(self.tr("日時"), when_text),
            Column(self.tr("利用者"), lambda e: e.user),
            Column(self.tr("操作"), action_text),
        ]
        if with_entity:
            columns.append(Column(self.tr("対象"), entity_text))
        columns += [
            Column(self.tr("内容"), lambda e: e.summary, tooltip=lambda e: e.summary),
            Column(self.tr("変更"), changes_text, tooltip=lambda e: "\n".join(c.text for c in e.changes)),
        ]
        self.model: DtoTableModel[AuditEntryDTO] = DtoTableModel(columns, self)
        self.table = DataTable(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("auditDetail")
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("選んだ記録の詳しい内容"))
        self.detail.setPlaceholderText(self.tr("記録を選ぶと、変更した項目の変更前と変更後がここに出ます。"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show(current.row())
        )
        self.model.modelReset.connect(self._reset)

    def _show(self, row: int) -> None:
        entry = self.model.row_at(row)
        self.detail.setPlainText(detail_text(entry) if entry is not None else "")

    def _reset(self) -> None:
        self.detail.clear()
        if self.model.rowCount():
            self.table.resizeColumnsToContents()
            self.table.select_row(0)


def _fit(dialog: QDialog, width_em: int, height_em: int) -> None:
    em = dialog.fontMetrics().horizontalAdvance("あ")
    width, height = em * width_em, dialog.fontMetrics().lineSpacing() * height_em
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, int(area.width() * 0.95)), min(height, int(area.height() * 0.9))
    dialog.resize(width, height)


class PersonHistoryDialog(QDialog):
    """変更の履歴 of one person: who changed what, when (newest first)."""

    def __init__(self, ctx: AppContext, person_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personHistory")
        self.ctx = ctx
        ctx.dataChanged.connect(self._data_changed)
        self.person_id = person_id
        self.setWindowTitle(self.tr("変更の履歴 — {name}").format(name=name))
        self.title = TitleLabel(self.tr("「{name}」さんの変更の履歴").format(name=name), self, factor=1.15)
        self.title.setWordWrap(True)
        self.count = MutedLabel("", self)
        self.view = EntryView(with_entity=False, parent=self)
        self.error = MessageLine("error", self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.reload()
        _fit(self, 56, 26)

    def _data_changed(self, area: str) -> None:
        if area == Area.AUDIT:  # another user's change, while the history is open
            self.reload()

    def reload(self) -> None:
        try:
            entries = audit_log.entries_for_person(self.ctx.db, self.person_id)
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        self.view.model.set_rows(entries)
        self.count.setText(self.tr("%n件（新しい順）", "", len(entries)))


def _filter_items(mapping: dict[str, str], everything: str) -> list[tuple[str, str | None]]:
    return [(everything, None)] + [(tr(text), key) for key, text in mapping.items()]


class AuditLogDialog(QDialog):
    """The whole log, newest first, with filters; 「CSVに書き出す…」 writes what the filters show."""

    exported = Signal(object)  # Path
    SEARCH_DEBOUNCE_MS = 250

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditLog")
        self.ctx = ctx
        ctx.dataChanged.connect(self._data_changed)
        self._job: OpHandle | None = None
        self.setWindowTitle(self.tr("操作の記録"))
        self.title = TitleLabel(self.tr("操作の記録（だれが・いつ・何を変えたか）"), self, factor=1.15)
        self.title.setWordWrap(True)

        self.entity = ChoiceCombo(_filter_items(ENTITY_TEXT, self.tr("すべての対象")), self)
        self.entity.setObjectName("entityFilter")
        self.entity.setAccessibleName(self.tr("対象で絞り込み"))
        self.action = ChoiceCombo(_filter_items(ACTION_TEXT, self.tr("すべての操作")), self)
        self.action.setObjectName("actionFilter")
        self.action.setAccessibleName(self.tr("操作で絞り込み"))
        self.user = ChoiceCombo([(self.tr("すべての利用者"), None)], self)
        self.user.setObjectName("userFilter")
        self.user.setAccessibleName(self.tr("利用者で絞り込み"))
        self.since = WarekiDateEdit("since", self)
        self.since.setObjectName("sinceFilter")
        self.since.setAccessibleName(self.tr("期間の始め"))
        self.until = WarekiDateEdit("until", self)
        self.until.setObjectName("untilFilter")
        self.until.setAccessibleName(self.tr("期間の終わり"))
        self.search = QLineEdit(self)
        self.search.setObjectName("auditSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("内容・利用者で検索"))
        self.count = MutedLabel("", self)
        self.count.setObjectName("auditCount")
        self.error = MessageLine("error", self)
        self.result_line = MessageLine("warning", self)
        self.result_line.setObjectName("exportResult")
        self.view = EntryView(parent=self)

        self.encoding = ChoiceCombo(
            [(self.tr("UTF-8（Excel向け）"), "utf-8"), (self.tr("Shift_JIS（CP932）"), "cp932")], self
        )
        self.encoding.setObjectName("exportEncoding")
        self.encoding.setAccessibleName(self.tr("書き出す文字コード"))
        self.export_button = QPushButton(self.tr("CSVに書き出す…"), self)
        self.export_button.setObjectName("exportCsv")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton(self.tr("閉じる"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.addWidget(self.search, 0, 0, 1, 3)
        filters.addWidget(self.entity, 1, 0)
        filters.addWidget(self.action, 1, 1)
        filters.addWidget(self.user, 1, 2)
        period = QHBoxLayout()
        period_label = QLabel(self.tr("期間(&P):"), self)
        period_label.setBuddy(self.since)
        period.addWidget(period_label)
        period.addWidget(self.since, 1)
        period.addWidget(QLabel(self.tr("〜"), self))
        period.addWidget(self.until, 1)
        filters.addLayout(period, 2, 0, 1, 3)
        filters.setColumnStretch(3, 1)

        bottom = QHBoxLayout()
        bottom.addWidget(self.encoding)
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.result_line)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.entity, self.action, self.user):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.since, self.until):
            edit.editingFinished.connect(self.reload)
        self._fill_users()
        self.reload()
        _fit(self, 64, 30)

    def _fill_users(self) -> None:
        try:
            names = audit_log.users(self.ctx.db)
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        self.user.set_items([(self.tr("すべての利用者"), None)] + [(n, n) for n in names])

    def audit_filter(self) -> AuditFilter:
        """What the filters say (a date that cannot be read raises ValidationError)."""
        since: date | None = self.since.value()
        until: date | None = self.until.value()
        return AuditFilter(
            entity=self.entity.value(),
            action=self.action.value(),
            user=self.user.value(),
            since=since,
            until=until,
            text=self.search.text(),
        )

    def _data_changed(self, area: str) -> None:
        if area == Area.AUDIT:  # another user's change, while the log is open
            self.reload()

    def reload(self) -> None:
        self._debounce.stop()
        self.error.clear()
        try:
            flt = self.audit_filter()
        except ValidationError as exc:
            self.error.show_message(exc.message)
            return
        db = self.ctx.db
        try:
            self.view.model.set_fetcher(
                lambda offset, limit: audit_log.list_entries(db, flt, limit=limit, offset=offset)
            )
            loaded = self.view.model.rowCount()
            total = audit_log.count_entries(db, flt) if loaded >= self.view.model.BATCH else loaded
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        self.count.setText(self.tr("%n件（新しい順）", "", total))

    # --- export -------------------------------------------------------------------------------
    def choose_export_path(self) -> Path | None:
        """Where to write the CSV (a file dialog)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        name = self.tr("操作の記録_{date}.csv").format(date=self.ctx.today().isoformat())
        dialog = QFileDialog(self, self.tr("操作の記録を書き出す"), str(Path(folder) / name))
        dialog.setObjectName("chooseExportFile")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("CSV（Excelで開けます） (*.csv)"))
        dialog.setDefaultSuffix("csv")
        dialog.setOption(
            QFileDialog.Option.DontUseNativeDialog, QGuiApplication.platformName() == "offscreen"
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def export(self) -> None:
        self.result_line.clear()
        self.error.clear()
        try:
            flt = self.audit_filter()
        except ValidationError as exc:
            self.error.show_message(exc.message)
            return
        path = self.choose_export_path()
        if path is None:
            return
        self.export_to(path, flt)

    def export_to(self, path: Path, flt: AuditFilter) -> None:
        db, encoding = self.ctx.db, self.encoding.value()
        self.export_button.setEnabled(False)
        self.result_line.show_message(self.tr("書き出しています…"))

        def done(count: object) -> None:
            self._job = None
            self.export_button.setEnabled(True)
            self.result_line.show_message(
                self.tr(
                    "%n件を書き出しました: {path}\n個人情報が含まれます。用が済んだら削除してください。",
                    "",
                    count if isinstance(count, int) else -1,
                ).format(path=path)
            )
            self.exported.emit(path)

        def failed(exc: BaseException) -> None:
            self._job = None
            self.export_button.setEnabled(True)
            self.result_line.clear()
            message = (
                exc.message
                if isinstance(exc, DomainError)
                else self.tr(
                    "ファイルを保存できませんでした。保存先のフォルダと、そのファイルをExcelで開いていないかを確かめてください。"
                )
            )
            self.error.show_message(message)

        self._job = (
            QueryOp(lambda: audit_log.export_csv(db, path, flt, encoding=encoding), parent=self)
            .success(done)
            .failure(failed)
            .run()
        )
