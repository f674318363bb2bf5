"""StepDialog: move a record to its next status — 課題, 事業, 補助金, 貸出 all use the same dialog.

The user picks where to go (only the moves the rules allow are offered), the date, and where the
step needs them a comment (required for some moves: the label says so) or an amount. The service
decides: a refusal (no comment, a date before the last step, no linked project) is shown under the
field it concerns, and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.yen_edit import YenEdit

#: perform(target, day, comment, amount) → the service's DTO (raises DomainError to keep the dialog open).
Perform = Callable[[Any, date | None, str, int | None], Any]


class StepDialog(EntityDialog):
    """See the module docstring; ``saved`` carries the DTO the service returned."""

    def __init__(
        self,
        title: str,
        subject: str,
        choices: Sequence[tuple[str, Any]],
        perform: Perform,
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
        self._comment_required_for = list(comment_required_for)
        self._amount_for = list(amount_for)
        self.subject = QLabel(subject)
        self.subject.setWordWrap(True)
        self.form.add_widget(self.subject)
        self.target = ChoiceCombo(choices)
        self.form.add_field("status", status_label or self.tr("変更後のステータス"), self.target, required=True)
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

    def save(self) -> Any:
        day = self.day.value()
        text = self.comment.toPlainText() if self.comment is not None else ""
        amount = None
        if self.amount is not None and self.target.value() in self._amount_for:
            amount = self.amount.value()
        return self._perform(self.target.value(), day, text, amount)
