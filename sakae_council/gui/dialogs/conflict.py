"""同時編集の競合: when someone else saved the record first, show both versions and let the user choose.

再読み込み — drop my input and load what is saved now; 上書き — save my input over theirs (their change is
replaced, knowingly); キャンセル — go back to my form, nothing lost. Never a silent overwrite.

How an editor uses it, inside its ``save()`` (EntityDialog keeps the form open on SaveCancelled)::

    def save(self) -> PersonDTO:
        data = self._input()
        if self.person is None:
            return people.create_person(self.ctx.db, data)
        result = save_resolving_conflicts(
            self,
            what=self.tr("名簿の情報"),
            save=lambda version: people.update_person(self.ctx.db, self.person.id, data, version),
            version=self.person.version,
            load_current=lambda: people.get_person(self.ctx.db, self.person.id),
            fields=PERSON_CONFLICT_FIELDS,          # (key, label) of what the form edits
            mine=dto_values(data),
            on_reload=self._fill,                   # put the saved version into the form
            changed_by=lambda: describe_last_change(self.ctx.db, "person", self.person.id),
        )
        if result is None:
            raise SaveCancelled
        return result
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from sakae_council.db.engine import Database
from sakae_council.domain.errors import ConflictError, NotFoundError
from sakae_council.gui.dialogs.conflict_values import (  # noqa: F401 — the module's public names, as before
    DIFFERENT,
    EMPTY,
    ConflictField,
    ConflictRow,
    conflict_rows,
    dto_values,
    editor_shower,
    form_conflict_fields,
    is_version_conflict,
    show_value,
    unsaved_input_text,
)
from sakae_council.gui.formatting import date_time_text
from sakae_council.gui.palette import WARNING_BACKGROUND, WARNING_TEXT, set_background, set_text_colour
from sakae_council.gui.screen_fit import within_screen
from sakae_council.services.changes import last_change

T = TypeVar("T")
D = TypeVar("D")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


class ConflictChoice(Enum):
    RELOAD = "reload"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


def describe_last_change(db: Database, entity: str, entity_id: int, *also: tuple[str, int]) -> str:
    """「佐藤 が 令和8年11月28日 10時42分 に保存しました。」 from the audit trail (empty if unknown).

    ``also`` names further (entity, id) whose entries count too, the newest one telling: a record that is
    also changed through another (a 宿題事項 edited with its meeting's minutes).
    """
    found = [c for e, i in ((entity, entity_id), *also) if (c := last_change(db, e, i)) is not None]
    if not found:
        return ""
    change = max(found, key=lambda c: c.at)
    local = change.at.replace(tzinfo=UTC).astimezone()
    return _tr("{user} が {when} に保存しました。").format(
        user=change.user or _tr("別の利用者"), when=date_time_text(local)
    )


class ConflictDialog(QDialog):
    """Both versions side by side, differences marked ★ (and in bold), and the three choices."""

    def __init__(
        self,
        what: str,
        fields: Sequence[ConflictField | tuple[str, str]],
        mine: Mapping[str, Any],
        theirs: Mapping[str, Any] | None,
        *,
        changed_by: str = "",
        mine_heading: str = "",
        refusal: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("ほかの人が先に保存しました"))
        self.choice = ConflictChoice.CANCEL

        if theirs is None:
            text = self.tr("この{0}は、あなたが編集している間に、ほかの人が削除しました。").format(what)
        else:
            text = self.tr("この{0}は、あなたが編集している間に、ほかの人が変更して保存しました。").format(
                what
            )
        if changed_by:
            text += "\n" + changed_by
        self.explanation = QLabel(text, self)
        self.explanation.setWordWrap(True)
        # Why 上書き is not offered (approved minutes stay as approved): said, not just a greyed button.
        self.refusal = QLabel(refusal, self)
        self.refusal.setObjectName("overwriteRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setVisible(bool(refusal))
        bold = QFont(QApplication.font())
        bold.setBold(True)
        self.refusal.setFont(bold)

        self.table = QTableWidget(len(fields), 3, self)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("項目"), mine_heading or self.tr("あなたの入力"), self.tr("いま保存されている内容")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        # A long text (a 会則, a manual section) is one row taller than the table: scroll through it by pixels.
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.differences: list[str] = []
        for i, row in enumerate(conflict_rows(fields, mine, theirs)):
            if row.differs:
                self.differences.append(row.key)
            label = f"{DIFFERENT} {row.label}" if row.differs else row.label
            for col, value in enumerate((label, row.mine, row.theirs)):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                if row.differs:
                    item.setFont(bold)
                self.table.setItem(i, col, item)
        # Wrapped cells get their height once the columns have their final widths.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())

        self.legend = QLabel(
            self.tr("{0} の項目が食い違っています。").format(DIFFERENT)
            if self.differences
            else self.tr("内容に違いはありません。"),
            self,
        )
        set_background(self.legend, WARNING_BACKGROUND)
        set_text_colour(self.legend, WARNING_TEXT)

        self.help_text = help_text = QLabel(
            self.tr(
                "再読み込み: あなたの入力をやめて、保存されている内容を表示します。\n"
                "上書き: あなたの入力で保存し直します（ほかの人の変更は置き換わります）。\n"
                "キャンセル: 入力画面に戻ります（入力した内容はそのままです）。"
            ),
            self,
        )
        help_text.setWordWrap(True)
        help_text.setObjectName("conflictHelp")  # an editor whose 再読み込み keeps the input says so here

        self.buttons = QDialogButtonBox(self)
        self.reload_button = QPushButton(self.tr("再読み込み"), self)
        self.reload_button.setObjectName("reloadButton")
        self.overwrite_button = QPushButton(self.tr("上書き"), self)
        self.overwrite_button.setObjectName("overwriteButton")
        self.overwrite_button.setEnabled(theirs is not None and not refusal)
        if refusal:
            self.overwrite_button.setToolTip(refusal)
        self.cancel_button = QPushButton(self.tr("キャンセル"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setDefault(True)  # the safe answer
        for button, role in (
            (self.reload_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.overwrite_button, QDialogButtonBox.ButtonRole.DestructiveRole),
            (self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            self.buttons.addButton(button, role)
        self.reload_button.clicked.connect(lambda: self._choose(ConflictChoice.RELOAD))
        self.overwrite_button.clicked.connect(lambda: self._choose(ConflictChoice.OVERWRITE))
        self.cancel_button.clicked.connect(lambda: self._choose(ConflictChoice.CANCEL))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self.explanation)
        layout.addWidget(self.refusal)
        layout.addWidget(self.legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(help_text)
        layout.addWidget(self.buttons)
        em = self.fontMetrics().horizontalAdvance("あ")
        # In characters, as the text grows with 文字サイズ, but never beyond the screen (36 characters high
        # at 特大 are more than a 1280×800 laptop's 760 pixels): the table scrolls instead.
        self.resize(within_screen(self, QSize(em * 48, min(em * 36, self.sizeHint().height() + em * 6))))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def _choose(self, choice: ConflictChoice) -> None:
        self.choice = choice
        if choice is ConflictChoice.CANCEL:
            self.reject()
        else:
            self.accept()

    def reject(self) -> None:  # Esc and the window's close button mean キャンセル
        self.choice = ConflictChoice.CANCEL
        super().reject()

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def ask_conflict(
    parent: QWidget | None,
    what: str,
    fields: Sequence[ConflictField | tuple[str, str]],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any] | None,
    changed_by: str = "",
    mine_heading: str = "",
    refusal: str = "",
) -> ConflictChoice:
    """Show the conflict dialog (modal) and return the user's choice (``refusal``: why 上書き is not offered)."""
    dialog = ConflictDialog(
        what,
        fields,
        mine,
        theirs,
        changed_by=changed_by,
        mine_heading=mine_heading,
        refusal=refusal,
        parent=parent,
    )
    dialog.exec()
    return dialog.choice


def save_resolving_conflicts(
    parent: QWidget | None,
    *,
    what: str,
    save: Callable[[Any], T],
    version: Any,
    load_current: Callable[[], D],
    fields: Sequence[ConflictField | tuple[str, str]],
    mine: Mapping[str, Any],
    on_reload: Callable[[D], None],
    values_of: Callable[[D], Mapping[str, Any]] = dto_values,
    changed_by: Callable[[], str] | None = None,
    ask: Callable[..., ConflictChoice] = ask_conflict,
    version_of: Callable[[D], Any] | None = None,
    refuse_overwrite: Callable[[D], str] | None = None,
    mine_heading: str = "",
) -> T | None:
    """``save(version)``; on "someone saved first" ask the user and act on the answer.

    Returns the saved DTO, or None when nothing was saved (キャンセル, or 再読み込み after ``on_reload``
    put the saved version into the form). 上書き saves again on top of the version just shown (its
    ``version``, or ``version_of(current)`` for a record whose staleness is not one number); if yet
    another save slipped in meanwhile, the user is asked again. Other errors propagate unchanged.
    ``refuse_overwrite(current)`` names why the saved record must not be written over (approved
    minutes): 上書き is then not offered and the reason is said in the dialog.
    """
    while True:
        try:
            return save(version)
        except ConflictError as exc:
            if not is_version_conflict(exc):
                raise
        try:
            current: D | None = load_current()
        except NotFoundError:
            current = None
        note = changed_by() if changed_by is not None else ""
        refusal = refuse_overwrite(current) if refuse_overwrite is not None and current is not None else ""
        theirs = values_of(current) if current is not None else None
        choice = ask(parent, what, fields, mine, theirs, note, mine_heading=mine_heading, refusal=refusal)
        if choice is ConflictChoice.RELOAD and current is not None:
            on_reload(current)
            return None
        if choice is ConflictChoice.OVERWRITE and current is not None and not refusal:
            version = version_of(current) if version_of is not None else int(current.version)  # type: ignore[attr-defined]
            continue
        return None


def reload_note(
    fields: Sequence[ConflictField | tuple[str, str]],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    keeps_input: bool = False,
) -> str:
    """What to say after 再読み込み: the saved version is shown, and what the user had typed (unless the
    form kept it: a step, where only the record beside the choice was reloaded)."""
    if keeps_input:
        return _tr(
            "ほかの人が保存した内容を読み込みました。選んだ内容はそのままです。確かめてから、もう一度実行してください。"
        )
    note = _tr("ほかの人が保存した内容を読み込みました。必要なら直してから、もう一度保存してください。")
    typed = unsaved_input_text(conflict_rows(fields, mine, theirs))
    return f"{note}\n{typed}" if typed else note


def save_noting_reload(
    parent: QWidget | None,
    *,
    fields: Sequence[ConflictField | tuple[str, str]],
    mine: Mapping[str, Any],
    on_reload: Callable[[D], None],
    show_note: Callable[[str], None],
    keeps_input: bool = False,
    values_of: Callable[[D], Mapping[str, Any]] = dto_values,
    **kw: Any,
) -> Any:
    """:func:`save_resolving_conflicts`, and after 再読み込み ``show_note`` says what happened and lists
    what the user had typed. The one conflict flow of every editor, dialog or not (see EntityDialog)."""

    def reload(current: D) -> None:
        on_reload(current)
        show_note(reload_note(fields, mine, values_of(current), keeps_input))

    return save_resolving_conflicts(
        parent, fields=fields, mine=mine, on_reload=reload, values_of=values_of, **kw
    )
