"""EntityDialog: the save flow every editor shares.

A subclass fills ``self.form`` and implements ``save_request()``, which reads the form and says which service
call to make on the database worker (``gui/dialogs/saving.py``); an older editor implements ``save()``, which
calls the service on the GUI thread and returns the DTO.
保存 clears old messages, calls ``save()``, and on ValidationError shows the message under the field
it names (or at the top when the form has no such field); ConflictError and NotFoundError are shown
at the top and in a dialog. Nothing the user typed is cleared, and the dialog stays open until a
save succeeds.

同時編集: an editor of an existing record saves through :meth:`EntityDialog.update_resolving_conflicts`;
when someone else saved first, the user sees both versions and chooses 再読み込み (the saved version
goes into the form), 上書き (saved on top, knowingly) or キャンセル (back to the form, nothing saved).
An editor that does not, still never overwrites: the ConflictError is shown and nothing is saved.

Closing: キャンセル/閉じる, Esc and the window's close request all go through :meth:`EntityDialog.reject`,
which asks 「保存していない変更があります。保存せずに閉じますか？」 (default: 戻る) only when the fields hold
something other than what the editor started with (:func:`sakae_council.gui.widgets.form.input_state`).
Ctrl+S is 保存; every save that wrote the database says 「保存しました（HH:MM）」 in the main window's status bar
(its ``show_saved`` hook). An editor that stays open after 保存 (the meeting editor) sets ``closes_on_save``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sakae_council.db.engine import Database
from sakae_council.domain.errors import ConflictError, DomainError, ValidationError
from sakae_council.gui.dialogs.conflict import (
    ConflictChoice,
    ConflictField,
    ask_conflict,
    describe_last_change,
    dto_values,
    form_conflict_fields,
    save_noting_reload,
)
from sakae_council.gui.dialogs.saving import SaveCancelled, SaveRequest, write
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.form import Form, MessageLine, input_state
from sakae_council.gui.widgets.messages import ask_discard, show_error

log = logging.getLogger(__name__)

T = TypeVar("T")
D = TypeVar("D")


class EntityDialog(QDialog):
    """Base of every editor dialog (see the module docstring)."""

    saved = Signal(object)
    #: The attribute holding the record being edited; :meth:`fill` replaces it after 再読み込み.
    record_attr = ""
    #: 再読み込み leaves the form as typed (a step dialog: only the record beside it is reloaded).
    reload_keeps_input = False
    #: 保存 closes the editor; False keeps it open (the meeting editor: save often while typing minutes).
    closes_on_save = True
    #: A save writes the database (announced in the status bar); False for a sub-editor returning a row.
    announces_save = True

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_dto: Any = None
        self._width_chars = 34
        self._fitted = False
        self._started: list[Any] | None = None  # the fields as the editor started (see is_dirty)
        self._keep_open = False
        self._saving = False
        self._save_enabled = True
        self.form = Form()
        self.general_error = MessageLine("error")

        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(16, 16, 16, 16)
        self.body_layout.setSpacing(12)
        self.body_layout.addWidget(self.general_error)
        self.body_layout.addWidget(self.form)

        self.scroll_area = QScrollArea(self)
        # The fields take the keyboard focus, not the area around them (it scrolls to the focused field).
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)

        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("キャンセル"), self)
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        edit_guard.mark_edit(self.save_button)  # 読み取り専用: the form can be read, not saved
        self.buttons.rejected.connect(self.reject)

        self.main_layout = QVBoxLayout(self)
        self.main_layout.setContentsMargins(0, 0, 0, 12)
        self.main_layout.addWidget(self.scroll_area, 1)
        self.central: QWidget = self.scroll_area
        #: The row of buttons: a subclass may put its own (印刷…) before the dialog's button box.
        self.buttons_row = QHBoxLayout()
        self.buttons_row.setContentsMargins(16, 0, 16, 0)
        self.buttons_row.addWidget(self.buttons)
        self.main_layout.addLayout(self.buttons_row)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self._save_by_key)

    def set_central(self, widget: QWidget) -> None:
        """Show ``widget`` (tabs of forms, say) instead of the scrolled form; the subclass then sizes the window."""
        self.main_layout.replaceWidget(self.scroll_area, widget)
        self.scroll_area.hide()
        self.central = widget
        self._fitted = True

    def fit_to_screen(self, width_chars: int = 34) -> None:
        """Size the dialog for its content at the current text size, within the screen (on first show)."""
        self._width_chars = width_chars

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fitted = True
            self._fit()
            self._keyboard_order()
        if self._started is None:
            self.mark_clean()
        super().showEvent(event)

    # --- unsaved input --------------------------------------------------------------------------
    def input_state(self) -> Any:
        """What the editor's fields hold (compared with what it started with: see :meth:`is_dirty`)."""
        return input_state(self.central)

    def mark_clean(self) -> None:
        """The fields as they are now count as saved (on opening, after a save, after 再読み込み)."""
        self._started = self.input_state()

    def is_dirty(self) -> bool:
        """True when closing now would lose something typed."""
        return self._started is not None and self.input_state() != self._started

    def reject(self) -> None:
        """キャンセル/閉じる, Esc and the window's close request (QDialog.closeEvent calls this)."""
        if self.is_dirty() and not ask_discard(self):
            return
        super().reject()

    def close_quietly(self) -> None:
        """Close without the question, where the program knows the input no longer applies (a reload replaced
        the record it was about, the record was erased)."""
        self.mark_clean()
        self.reject()

    def _save_by_key(self) -> None:
        if self.save_button.isVisible() and self.save_button.isEnabled():
            self.save_button.click()

    def _keyboard_order(self) -> None:
        """Tab through the fields top to bottom, then 保存 and キャンセル; the cursor starts in the first field.

        (The buttons are built before a subclass adds its fields, so by default Tab would visit them first.)
        """
        body = self.scroll_area.widget()
        if body is None:
            return
        fields: list[QWidget] = []
        w = body.nextInFocusChain()
        while w is not None and w is not body and len(fields) < 1000:
            if body.isAncestorOf(w) and w.focusPolicy() & Qt.FocusPolicy.TabFocus:
                fields.append(w)
            w = w.nextInFocusChain()
        if not fields:
            return
        QWidget.setTabOrder(fields[-1], self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)
        focused = self.focusWidget()
        if (
            focused is None
            or focused in (self.save_button, self.cancel_button)
            or not body.isAncestorOf(focused)
        ):
            first = next((f for f in fields if f.isVisibleTo(self) and f.isEnabled()), None)
            if first is not None:
                first.setFocus(Qt.FocusReason.TabFocusReason)

    def _fit(self) -> None:
        # Measured when shown: before that, the layouts of a dialog inside a dialog are not settled.
        em = QFontMetrics(QApplication.font()).horizontalAdvance("あ")
        body = self.scroll_area.widget()
        assert body is not None
        layout = body.layout()
        if layout is not None:
            layout.activate()
        width = max(self._width_chars * em, body.minimumSizeHint().width()) + 40
        height = body.sizeHint().height() + self.buttons.sizeHint().height() + 48
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            width = min(width, int(area.width() * 0.9))
            height = min(height, int(area.height() * 0.9))
        self.resize(width, height)

    def show_general_error(self, message: str) -> None:
        self.general_error.show_message(message)
        self.scroll_area.ensureWidgetVisible(self.general_error)

    # --- 同時編集 (someone else saved first) ------------------------------------------------------
    def ask_conflict(
        self,
        parent: QWidget | None,
        what: str,
        fields: Sequence[ConflictField | tuple[str, str]],
        mine: Mapping[str, Any],
        theirs: Mapping[str, Any] | None,
        changed_by: str = "",
        *,
        mine_heading: str = "",
        refusal: str = "",
    ) -> ConflictChoice:
        """Show the two versions (modal) and return 再読み込み / 上書き / キャンセル."""
        heading = mine_heading or self.conflict_mine_heading()
        return ask_conflict(parent, what, fields, mine, theirs, changed_by, heading, refusal)

    def conflict_mine_heading(self) -> str:
        """The comparison's column of the user's side: what they saw, for a step; else あなたの入力."""
        return self.tr("あなたが見ていた内容") if self.reload_keeps_input else ""

    def update_resolving_conflicts(
        self,
        *,
        what: str,
        save: Callable[[Any], T],
        version: Any,
        load_current: Callable[[], D],
        fields: Sequence[ConflictField | tuple[str, str]],
        mine: Mapping[str, Any],
        on_reload: Callable[[D], None],
        **kw: Any,
    ) -> T:
        """``save(version)`` for an edit; on a stale version ask the user (see the module docstring).

        Further keywords (``changed_by``, ``values_of``, ``version_of``, ``refuse_overwrite``) go to
        :func:`save_resolving_conflicts`. Returns the saved DTO; raises SaveCancelled (the dialog stays
        open) after キャンセル or 再読み込み.
        """

        def reload(current: D) -> None:
            on_reload(current)
            self.form.clear_errors()
            if not self.reload_keeps_input:  # the form now shows what is saved; what was typed is in the note
                self.mark_clean()

        result = save_noting_reload(
            self,
            what=what,
            save=save,
            version=version,
            load_current=load_current,
            fields=fields,
            mine=mine,
            on_reload=reload,
            show_note=self.show_conflict_note,
            keeps_input=self.reload_keeps_input,
            ask=self.ask_conflict,
            **kw,
        )
        if result is None:
            raise SaveCancelled
        return result

    def update_record(
        self,
        record: Any,
        save: Callable[[Any], T],
        *,
        db: Database,
        entity: str,
        what: str,
        load: Callable[[], D],
        mine: Any,
        fields: Sequence[ConflictField | tuple[str, str]] | None = None,
        record_id: int | None = None,
        **kw: Any,
    ) -> T:
        """Save an edit of ``record`` (a DTO with ``id`` and ``version``) through the conflict dialog.

        ``mine`` is the service input; the comparison shows the form's fields of the same names unless
        ``fields`` says otherwise; 再読み込み calls :meth:`fill`; ``entity`` is the audit trail's name.
        Further keywords (``version``, ``values_of``, ``version_of``, ``refuse_overwrite``, ``changed_by``)
        go to :meth:`update_resolving_conflicts`.
        """
        values = dto_values(mine)
        changed_by = kw.pop("changed_by", None)
        if changed_by is None:  # who saved the record last, by its id in the audit trail
            rid: int = record.id if record_id is None else record_id
            changed_by = lambda: describe_last_change(db, entity, rid)  # noqa: E731
        version = kw.pop("version") if "version" in kw else record.version
        return self.update_resolving_conflicts(
            what=what,
            save=save,
            version=version,
            load_current=load,
            fields=fields
            if fields is not None
            else form_conflict_fields(self.form, [k for k, _ in self.form.rows() if k in values]),
            mine=values,
            on_reload=self.fill,
            changed_by=changed_by,
            **kw,
        )

    def request_update(
        self,
        record: Any,
        save: Callable[[Any], Any],
        *,
        db: Database,
        entity: str,
        what: str,
        load: Callable[[], Any],
        mine: Any,
        fields: Sequence[ConflictField | tuple[str, str]] | None = None,
    ) -> SaveRequest:
        """:meth:`update_record` for an editor that saves on the database worker (from ``save_request``):
        the same comparison fields and 再読み込み, who saved last read from the audit trail on the worker."""
        values = dto_values(mine)
        rid: int = record.id
        return SaveRequest(
            save,
            version=record.version,
            what=what,
            load_current=load,
            changed_by=lambda: describe_last_change(db, entity, rid),
            fields=fields
            if fields is not None
            else form_conflict_fields(self.form, [k for k, _ in self.form.rows() if k in values]),
            mine=values,
            on_reload=self.fill,
        )

    def fill(self, record: Any) -> None:
        """Show ``record`` in the form (on opening an edit, and after 再読み込み of someone else's save)."""
        if self.record_attr:
            setattr(self, self.record_attr, record)
        self.form.set_values(dto_values(record))

    def show_conflict_note(self, message: str) -> None:
        note = getattr(self, "conflict_note", None)
        if note is None:
            note = self.conflict_note = MessageLine("warning")
            note.setObjectName("conflictNote")
            self.body_layout.insertWidget(1, note)
        note.show_message(message)
        self.scroll_area.ensureWidgetVisible(note)

    # --- the save flow --------------------------------------------------------------------------
    def save(self) -> Any:
        """Validate locally, call the service, return its DTO (raise DomainError to stay open)."""
        raise NotImplementedError

    def show_field_error(self, error: ValidationError) -> None:
        """Put a ValidationError under its field; subclasses route fields of their own sections."""
        if self.form.show_error(error.field, error.message):
            self.scroll_area.ensureWidgetVisible(self.form.row(error.field))
        else:
            self.show_general_error(error.message)

    def accept(self) -> None:
        self.submit()

    def clear_errors(self) -> None:
        """Clear the messages of the last 保存 (a subclass with sections of its own clears those too)."""
        self.form.clear_errors()
        self.general_error.clear()
        if getattr(self, "conflict_note", None) is not None:
            self.conflict_note.clear()

    def submit(self) -> bool:
        """保存: clear old messages, ``save()``, show what went wrong; True when the save was written.

        An editor with :meth:`save_request` saves on the database worker instead: this returns False at
        once, and the outcome arrives later (``saved`` on success, the errors in the form otherwise)."""
        self.clear_errors()
        self._keep_open = False
        if type(self).save_request is not EntityDialog.save_request:
            self._submit_in_background()
            return False
        try:
            dto = self.save()
        except Exception as exc:
            self.show_save_failure(exc)
            return False
        self.after_save(dto)
        return True

    def show_save_failure(self, exc: BaseException) -> None:
        """What went wrong with a save, where the person sees it; what they typed stays."""
        if isinstance(exc, SaveCancelled):
            return
        if isinstance(exc, ValidationError):
            self.show_field_error(exc)
        elif isinstance(exc, ConflictError):
            self.show_general_error(exc.message)
            show_error(self, exc, title=self.tr("保存できませんでした"))
        elif isinstance(exc, DomainError):
            self.show_general_error(exc.message)
        else:  # a bug or a broken database: keep the typed text, log the traceback
            log.error("save failed", exc_info=exc)
            show_error(self, exc, title=self.tr("保存できませんでした"))

    # --- saving on the database worker (gui/dialogs/saving.py) ---------------------------------------
    def save_request(self) -> SaveRequest:
        """Read the form (on the GUI thread) and say what to write; an editor that implements this instead
        of :meth:`save` saves on the database worker, with the same errors and conflict dialog."""
        raise NotImplementedError

    @property
    def saving(self) -> bool:
        """A save is on the worker (保存 is disabled until it has answered)."""
        return self._saving

    def _submit_in_background(self) -> None:
        if self._saving:
            return
        try:
            request = self.save_request()
        except Exception as exc:  # the form's own checks
            self.show_save_failure(exc)
            return
        write(self, request, request.version)

    def set_saving(self, saving: bool) -> None:
        """保存 is off while a save is on the worker (one save at a time: Ctrl+S twice, a double click)."""
        if saving and not self._saving:
            self._save_enabled = self.save_button.isEnabled()
            self.save_button.setEnabled(False)
        elif not saving and self._saving:
            self.save_button.setEnabled(self._save_enabled)
        self._saving = saving

    def after_save(self, dto: Any) -> None:
        """After a save was written: tell the page, the status bar, and close (or stay, clean)."""
        self.result_dto = dto
        self.saved.emit(dto)
        if self.announces_save:
            announce_saved(self)
        keep_open, self._keep_open = self._keep_open, False
        if self.closes_on_save and not keep_open:
            super().accept()
        else:
            self.mark_clean()

    def keep_open(self) -> None:
        """Called in ``save()``: this save leaves the editor open (a new course stays open for its attendees)."""
        self._keep_open = True


def announce_saved(widget: QWidget) -> None:
    """「保存しました（HH:MM）」 in the status bar of the main window ``widget`` sits in (through its dialogs)."""
    when = datetime.now()
    w: QWidget | None = widget
    while w is not None:
        top = w.window()
        hook = getattr(top, "show_saved", None)
        if callable(hook):
            hook(when)
            return
        w = top.parentWidget()
