"""通帳CSVの取込: a bank statement (CP932 or UTF-8) read into proposed 預金 entries to confirm.

    ┌ 通帳CSVの取込 ───────────────────────────────────────────────────────────┐
    │ ファイル [C:/…/meisai.csv          ] [ファイルを選ぶ…] [読み込む]           │
    │ 列の割り当て  日付 [1列目「取引日」▼] 摘要 [..] お預り [..] お支払 [..] 残高 [..] │
    │   [この割り当てで読み直す]  （前回の割り当てを使っています）                │
    │ 12件の明細（うち取込済み 2件）。取り込む明細に印を付け、科目を選んでください。 │
    │ ☑ 日付 摘要 入金 出金 残高 [科目 ▼]                                       │
    │ (problems: lines the program could not read, and why)                    │
    │ [すべて選ぶ] [すべて外す]                 [選んだ明細を取り込む] [キャンセル] │
    └──────────────────────────────────────────────────────────────────────────┘

Nothing is saved until 取り込む; the columns chosen are remembered for the council (the next file opens
with them). A line already imported is shown as 取込済み and cannot be chosen again. The file is read and
the entries written on the database worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.accounts import SubjectKind
from sakae_council.domain.errors import DomainError, ValidationError
from sakae_council.domain.money import format_yen
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_entry import subject_text
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.formatting import wareki
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.text_size import text_size_notifier
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.services import accounts
from sakae_council.services.accounts import BookDTO, ColumnMapping, ImportPreview, SubjectDTO

#: The problems listed under the table; more are counted, not listed.
SHOWN_PROBLEMS = 4
#: The columns of the proposals' table.
CHECK, DAY, TEXT, IN, OUT, BALANCE, SUBJECT = range(7)


@dataclass(frozen=True)
class ImportChoices:
    """Read before the window opens: the 科目 in use and the columns the council chose last time."""

    subjects: tuple[SubjectDTO, ...]
    saved: ColumnMapping | None


def open_bank_import(
    ctx: AppContext, book: BookDTO, parent: QWidget, show: Callable[[BankImportDialog], object]
) -> None:
    """Read the 科目 and the remembered columns on the database worker, then build the window and ``show`` it."""
    db = ctx.db

    def load() -> ImportChoices:
        subjects = tuple(s for s in accounts.list_subjects(db, book.district_id) if s.active)
        return ImportChoices(subjects, accounts.saved_mapping(db, book.district_id))

    QueryOp(load, parent=parent).success(lambda c: show(BankImportDialog(ctx, book, c, parent))).run()


class BankImportDialog(EntityDialog):
    """通帳CSVの取込 (see the module docstring); ``saved`` carries the list of entries made."""

    def __init__(self, ctx: AppContext, book: BookDTO, choices: ImportChoices, parent: QWidget | None = None):
        super().__init__(self.tr("通帳CSVの取込（{year}・預金）").format(year=book.fiscal_year_label), parent)
        self.ctx, self.book, self.choices = ctx, book, choices
        self.preview: ImportPreview | None = None
        self._header_row = 0
        self._reads = Generation()
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.setPlaceholderText(self.tr("銀行のサイトからダウンロードした明細のCSVファイル"))
        self.path.setAccessibleName(self.tr("ファイル"))
        self.path.textEdited.connect(lambda _t: self._want_read())
        self.choose_button = self._button(self.tr("ファイルを選ぶ…"), self.choose_file, "chooseFileButton")
        self.read_button = self._button(self.tr("読み込む"), lambda: self.read(by_hand=False), "readButton")
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel(self.tr("ファイル")))
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.read_button)

        self.columns: dict[str, ChoiceCombo] = {}
        grid = QGridLayout()
        for i, (key, label) in enumerate(
            (
                ("date", self.tr("日付")),
                ("description", self.tr("摘要")),
                ("deposit", self.tr("お預り（入金）")),
                ("withdrawal", self.tr("お支払（出金）")),
                ("balance", self.tr("残高")),
            )
        ):
            combo = ChoiceCombo()
            combo.setObjectName(f"column_{key}")
            combo.setAccessibleName(label)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            self.columns[key] = combo
            grid.addWidget(QLabel(label), i // 2, (i % 2) * 2)
            grid.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        self.reread_button = self._button(
            self.tr("この割り当てで読み直す"), lambda: self.read(by_hand=True), "rereadButton"
        )
        self.mapping_note = MutedLabel("")
        self.mapping_note.setObjectName("mappingNote")
        self.mapping_note.setWordWrap(True)
        grid.addWidget(self.reread_button, 2, 2, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.summary = QLabel("")
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("proposals")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("取込"),
                self.tr("日付"),
                self.tr("摘要"),
                self.tr("入金"),
                self.tr("出金"),
                self.tr("残高"),
                self.tr("科目"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.problems = MessageLine("warning")
        self.problems.setObjectName("importProblems")
        self.all_button = self._button(self.tr("すべて選ぶ"), lambda: self.check_all(True), "checkAllButton")
        self.none_button = self._button(
            self.tr("すべて外す"), lambda: self.check_all(False), "checkNoneButton"
        )
        self.buttons_row.insertWidget(0, self.all_button)
        self.buttons_row.insertWidget(1, self.none_button)
        self.save_button.setText(self.tr("選んだ明細を取り込む"))

        # One scrolled column: at 特大 on a laptop the window may be shorter than what it holds.
        central = QScrollArea(self)
        central.setWidgetResizable(True)
        central.setFrameShape(QFrame.Shape.NoFrame)
        central.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(central)
        central.setWidget(inner)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 16, 16, 8)
        layout.addWidget(self.general_error)
        layout.addLayout(file_row)
        layout.addWidget(QLabel(self.tr("列の割り当て（一度選ぶと、次からも使います）")))
        layout.addLayout(grid)
        layout.addWidget(self.mapping_note)
        layout.addWidget(self.summary)
        self.table.setMinimumHeight(7 * self.fontMetrics().height())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        self.set_central(central)
        self._show_mapping_choices((), None)
        self._want_read()
        self._size()
        text_size_notifier().changed.connect(self._size)  # 文字サイズ changed while open: room for it

    def is_dirty(self) -> bool:
        """What was typed (the file's name) or the 科目 chosen by hand would be lost on closing."""
        if super().is_dirty():
            return True
        preview = self.preview
        if preview is None:
            return False
        for row, p in enumerate(preview.proposals):
            combo = self.table.cellWidget(row, SUBJECT)
            if isinstance(combo, ChoiceCombo) and combo.value() != p.subject_id:
                return True
        return False

    def _button(self, text: str, slot: Callable[[], object], name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def wanted_size(self) -> QSize:
        """Room for the table's seven columns and a dozen lines at the current text size."""
        metrics = QFontMetrics(QApplication.font())
        return QSize(64 * metrics.horizontalAdvance("あ"), 34 * metrics.height())

    def _size(self) -> None:
        wanted = self.wanted_size()
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            wanted = wanted.boundedTo(QSize(int(area.width() * 0.95), int(area.height() * 0.9)))
        self.resize(wanted)

    def _want_read(self) -> None:
        """Until a file is read, Enter reads it; afterwards Enter imports what is chosen."""
        reading = self.preview is None
        self.read_button.setDefault(reading)
        self.save_button.setDefault(not reading)
        self.save_button.setEnabled(not reading)
        self.all_button.setEnabled(not reading)
        self.none_button.setEnabled(not reading)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("通帳の明細（CSV）を選ぶ"),
            self.path.text(),
            self.tr("CSVファイル (*.csv *.txt);;すべてのファイル (*)"),
        )
        if name:
            self.path.setText(name)
            self.read(by_hand=False)

    # --- reading ---------------------------------------------------------------------------------
    def _mapping(self) -> ColumnMapping:
        values = {k: c.value() for k, c in self.columns.items()}
        missing = [k for k in ("date", "description", "deposit", "withdrawal") if values[k] is None]
        if missing:
            raise ValidationError(
                "mapping", self.tr("日付・摘要・お預り・お支払の列を、それぞれ選んでください。")
            )
        return ColumnMapping(
            date=values["date"],
            description=values["description"],
            deposit=values["deposit"],
            withdrawal=values["withdrawal"],
            balance=values["balance"],
            header_row=self._header_row,
        )

    def read(self, *, by_hand: bool) -> None:
        """Read the file on the worker: with the columns chosen here (``by_hand``), else the remembered or
        guessed ones; headings the program cannot place fill the column choices to choose by hand."""
        self.clear_errors()
        text = self.path.text().strip()
        if not text:
            self.show_general_error(self.tr("読み込むファイルを選んでください（「ファイルを選ぶ…」）。"))
            return
        try:
            mapping = self._mapping() if by_hand else None
        except ValidationError as exc:
            self.show_general_error(exc.message)
            return
        path, db, book_id = Path(text), self.ctx.db, self.book.id

        def load() -> ImportPreview | tuple[int, tuple[str, ...]]:
            try:
                return accounts.read_bank_statement(db, book_id, path, mapping)
            except ValidationError:
                if mapping is not None:
                    raise
                return accounts.statement_header(path)  # the headings are not the usual words

        self.read_button.setEnabled(False)
        QueryOp(load, parent=self).latest(self._reads).success(self._read_done).failure(
            self._read_failed
        ).finally_(lambda: self.read_button.setEnabled(True)).run()

    def _read_failed(self, exc: BaseException) -> None:
        self.preview = None
        self.table.setRowCount(0)
        self.summary.clear()
        self._want_read()
        if isinstance(exc, DomainError):
            self.show_general_error(exc.message)
        else:
            self._show_save_failure(exc)

    def _read_done(self, answer: ImportPreview | tuple[int, tuple[str, ...]]) -> None:
        if not isinstance(answer, ImportPreview):
            self._header_row, header = answer
            self.preview = None
            self.table.setRowCount(0)
            self.summary.clear()
            self._show_mapping_choices(header, None)
            self.show_general_error(
                self.tr(
                    "明細の見出し（日付・摘要・お預り金額・お支払金額）が見つかりません。"
                    "下の「列の割り当て」でそれぞれの列を選び、「この割り当てで読み直す」を押してください。"
                )
            )
            self._want_read()
            return
        self.preview = answer
        self._header_row = answer.mapping.header_row
        self._show_mapping_choices(answer.header, answer.mapping)
        self.mapping_note.setText(
            self.tr("前回の列の割り当てを使っています。")
            if answer.mapping == self.choices.saved
            else self.tr("見出しから列を割り当てました。違うときは選び直して「読み直す」を押してください。")
        )
        self._show_proposals(answer)
        self._want_read()
        self.table.setFocus()

    def _show_mapping_choices(self, header: tuple[str, ...], mapping: ColumnMapping | None) -> None:
        items = [
            (self.tr("{n}列目「{heading}」").format(n=i + 1, heading=h.strip()[:12]), i)
            for i, h in enumerate(header)
        ]
        for key, combo in self.columns.items():
            combo.blockSignals(True)
            combo.set_items(
                [(self.tr("（選ぶ）") if key != "balance" else self.tr("（なし）"), None), *items]
            )
            combo.set_value(getattr(mapping, key) if mapping is not None else None)
            combo.blockSignals(False)
        self.reread_button.setEnabled(bool(header))

    def _show_proposals(self, preview: ImportPreview) -> None:
        self.table.setRowCount(len(preview.proposals))
        kinds = {SubjectKind.INCOME: [], SubjectKind.EXPENSE: []}  # type: dict[SubjectKind, list[tuple[str, int | None]]]
        for s in self.choices.subjects:
            kinds[s.kind].append((subject_text(s), s.id))
        for row, p in enumerate(preview.proposals):
            check = QTableWidgetItem(self.tr("取込済み") if p.duplicate else "")
            if p.duplicate:
                check.setFlags(Qt.ItemFlag.ItemIsEnabled)
            else:
                check.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                )
                check.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(row, CHECK, check)
            for column, text in (
                (DAY, wareki(p.entry_date)),
                (TEXT, p.description),
                (IN, format_yen(p.income) if p.income else ""),
                (OUT, format_yen(p.expense) if p.expense else ""),
                (BALANCE, format_yen(p.statement_balance) if p.statement_balance is not None else ""),
            ):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column in (IN, OUT, BALANCE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == TEXT:
                    item.setToolTip(p.description)
                self.table.setItem(row, column, item)
            combo = ChoiceCombo(
                [
                    (self.tr("（科目を選ぶ）"), None),
                    *kinds[SubjectKind.INCOME if p.income else SubjectKind.EXPENSE],
                ]
            )
            combo.setAccessibleName(self.tr("{n}行目の科目").format(n=p.line))
            combo.set_value(p.subject_id)
            combo.setEnabled(not p.duplicate)
            self.table.setCellWidget(row, SUBJECT, combo)
        fresh = sum(1 for p in preview.proposals if not p.duplicate)
        done = len(preview.proposals) - fresh
        self.summary.setText(
            self.tr(
                "{n}件の明細（うち取込済み {done}件）。取り込む明細に印を付け、科目を選んでください。"
            ).format(n=len(preview.proposals), done=done)
            if preview.proposals
            else self.tr("この年度に取り込める明細はありません。")
        )
        if preview.problems:
            lines = [p.message for p in preview.problems[:SHOWN_PROBLEMS]]
            rest = len(preview.problems) - SHOWN_PROBLEMS
            if rest > 0:
                lines.append(self.tr("ほか %n行", "", rest))
            self.problems.show_message(
                self.tr("読めなかった行は取り込みません（通帳を見て手で記帳してください）:")
                + "\n"
                + "\n".join(lines)
            )
        else:
            self.problems.clear()
        if preview.proposals:
            self.table.setCurrentCell(0, CHECK)

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            item = self.table.item(row, CHECK)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(state)

    # --- importing ------------------------------------------------------------------------------
    def chosen(self) -> list:
        """The checked proposals, each with the 科目 chosen on its row."""
        preview = self.preview
        if preview is None:
            return []
        out = []
        for row, p in enumerate(preview.proposals):
            item = self.table.item(row, CHECK)
            if p.duplicate or item is None or item.checkState() != Qt.CheckState.Checked:
                continue
            combo = self.table.cellWidget(row, SUBJECT)
            subject_id = combo.value() if isinstance(combo, ChoiceCombo) else None
            if subject_id is None:
                self.table.setCurrentCell(row, SUBJECT)
                raise ValidationError(
                    "subject_id",
                    self.tr("{line}行目（{text}）の科目を選んでください。").format(
                        line=p.line, text=p.description
                    ),
                )
            out.append(replace(p, subject_id=subject_id))
        return out

    def save_request(self) -> SaveRequest:
        preview = self.preview
        if preview is None:
            raise ValidationError("file", self.tr("先にファイルを読み込んでください。"))
        chosen = self.chosen()
        if not chosen:
            raise ValidationError(
                "proposals", self.tr("取り込む明細に印を付けてください（Space キーでも付けられます）。")
            )
        db, book_id, mapping = self.ctx.db, self.book.id, preview.mapping
        return SaveRequest(lambda _v: accounts.confirm_import(db, book_id, chosen, mapping))
