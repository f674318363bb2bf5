"""StepDialog: move a record to its next status — 課題, 事業, 補助金, 貸出 all use the same dialog.

The user picks where to go (only the moves the rules allow are offered), the date, and where the
step needs them a comment (required for some moves: the label says so) or an amount. The service
decides, on the database worker (``perform`` runs there and touches no widget): a refusal (no comment,
a date before the last step, no linked project) is shown under the field it concerns, and nothing is
changed.

同時編集: :meth:`StepDialog.guard` names the record the step applies to. When someone else saved it
meanwhile, the conflict dialog compares the record as the user saw it with what is saved now;
再読み込み shows the saved record (and the steps it allows) with the user's choices kept, 上書き takes
the step on the saved record, キャンセル goes back to the dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from sakae_council.db.engine import Database
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import ConflictField
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.yen_edit import YenEdit

#: perform(target, day, comment, amount, version) → the service's DTO (raises DomainError to keep the
#: dialog open); ``version`` is the record's version the step is based on (None while not guarded).
Perform = Callable[[Any, date | None, str, int | None, Any], Any]


class StepDialog(EntityDialog):
    """See the module docstring; ``saved`` carries the DTO the service returned."""

    reload_keeps_input = True

    def __init__(
        self,
        title: str,
        subject: str,
        choices: Sequence[tuple[str, Any]],
        perform: Perform | None,
        *,
        today: date,
        status_label: str = "",
        date_field: str = "changed_on",
        date_label: str = "",
        comment: bool = False,
        comment_required_for: Collection[Any] = (),
        amount_label: str = "",
        amount_for: Collection[Any] = (),
        amount_field: str = "amount_granted",
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._perform = perform
        self.record: Any = None
        self._guard: dict[str, Any] = {}
        self._comment_required_for = list(comment_required_for)
        self._amount_for = list(amount_for)
        self.subject = QLabel(subject)
        self.subject.setWordWrap(True)
        self.form.add_widget(self.subject)
        self.target = ChoiceCombo(choices)
        self.form.add_field(
            "status", status_label or self.tr("変更後のステータス"), self.target, required=True
        )
        if not choices:
            self.show_general_error(self.tr("この段階からは、これ以上変更できません。"))
            self.save_button.setEnabled(False)
        self.day = WarekiDateEdit(date_field)
        self.day.set_value(today)
        self.form.add_field(date_field, date_label or self.tr("変更日"), self.day, required=True)
        self.comment: QPlainTextEdit | None = None
        if comment:
            self.comment = QPlainTextEdit()
            self.comment.setTabChangesFocus(True)
            self.comment.setFixedHeight(self.comment.fontMetrics().lineSpacing() * 4 + 12)
            self.form.add_field("comment", self.tr("コメント"), self.comment)
        self.amount: YenEdit | None = None
        if amount_label:
            self.amount = YenEdit(amount_field)
            self.form.add_field(amount_field, amount_label, self.amount)
        if hint:
            self.form.add_widget(MutedLabel(hint))
        self.save_button.setText(self.tr("変更する"))
        self.target.currentIndexChanged.connect(lambda _i: self._target_changed())
        self._target_changed()
        self.fit_to_screen(32)

    def _target_changed(self) -> None:
        target = self.target.value()
        if self.comment is not None:
            needed = target in self._comment_required_for
            label = self.tr("コメント（必須: 理由を書いてください）") if needed else self.tr("コメント")
            self.form.row("comment").label.setText(label)
        if self.amount is not None:
            row = self.form.row(self.amount.objectName())
            row.setVisible(target in self._amount_for)

    def guard(
        self,
        record: Any,
        load: Callable[[], Any],
        *,
        db: Database,
        entity: str,
        what: str,
        fields: Sequence[ConflictField],
        subject: Callable[[Any], str],
        choices: Callable[[Any], Sequence[tuple[str, Any]]],
    ) -> None:
        """Take the step on ``record`` (a DTO with id and version) through the conflict dialog.

        ``fields`` are what the comparison shows of the record; after 再読み込み ``subject`` and
        ``choices`` describe the saved record and the steps it allows.
        """
        self.record = record
        self._guard = {"db": db, "entity": entity, "what": what, "load": load, "fields": fields}
        self._subject, self._choices = subject, choices

    def fill(self, record: Any) -> None:
        self.record = record
        self.subject.setText(self._subject(record))
        self.target.set_items(self._choices(record))  # keeps the chosen step where it is still allowed

    def save_request(self) -> SaveRequest:
        """The step as chosen, taken on the database worker (guarded: through the conflict dialog).

        (``perform`` None: a subclass takes the step in its own ``save_request`` through :meth:`step_request`.)"""
        assert self._perform is not None
        return self.step_request(self._perform)

    def step_request(self, perform: Perform) -> SaveRequest:
        """Read the chosen step from the form (GUI thread) and say how ``perform`` takes it on the worker."""
        day = self.day.value()
        text = self.comment.toPlainText() if self.comment is not None else ""
        amount = None
        target = self.target.value()
        if self.amount is not None and target in self._amount_for:
            amount = self.amount.value()
        if self.record is None:
            return SaveRequest(lambda _version: perform(target, day, text, amount, None))
        g = self._guard
        return self.request_update(
            self.record,
            lambda version: perform(target, day, text, amount, version),
            db=g["db"],
            entity=g["entity"],
            what=g["what"],
            load=g["load"],
            mine=self.record,  # the record as the user saw it when choosing the step
            fields=g["fields"],
        )
