"""確定 (approval date) and 修正 (the reason for changing approved minutes): two small dialogs of the editor.

``submit`` writes through the conflict dialog and returns None when nothing was written (キャンセル or
再読み込み): the dialog then stays open, or the editor closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.dialogs.base import EntityDialog, SaveCancelled
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.services.meetings import MeetingDetailDTO


def written(result: MeetingDetailDTO | None) -> MeetingDetailDTO:
    if result is None:
        raise SaveCancelled
    return result


class ApproveDialog(EntityDialog):
    """Asks the 確定日; ``submit(date)`` approves (the service checks 議長, 記録者, 署名人 and the agenda)."""

    def __init__(
        self,
        title: str,
        today: date,
        submit: Callable[[date], MeetingDetailDTO | None],
        route: Callable[[ValidationError], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("議事録を確定"), parent)
        self._submit = submit
        self._route = route
        self.save_button.setText(self.tr("確定する"))
        self.approved_on = WarekiDateEdit("approved_on")
        self.approved_on.set_value(today)
        self.form.add_widget(
            MutedLabel(
                self.tr(
                    "「{title}」の議事録を確定します。確定すると内容は変更できなくなり、"
                    "変更するときは理由を添えた「修正」になります（元の版は残ります）。"
                ).format(title=title)
            )
        )
        self.form.add_field("approved_on", self.tr("確定日"), self.approved_on, required=True)
        self.fit_to_screen(34)

    def show_field_error(self, error: ValidationError) -> None:
        # 議長 or a 署名人 missing: close and show the message under that field of the editor.
        if self.form.has_field(error.field):
            super().show_field_error(error)
        else:
            self.reject()
            self._route(error)

    def save(self) -> MeetingDetailDTO:
        when = self.approved_on.value()
        if when is None:
            raise ValidationError("approved_on", self.tr("確定日を入力してください。"))
        return written(self._submit(when))


class ReviseDialog(EntityDialog):
    """Asks why approved minutes change; ``submit(reason)`` stores the next revision (第N版)."""

    def __init__(
        self, revision: int, submit: Callable[[str], MeetingDetailDTO | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("確定した議事録の修正"), parent)
        self._submit = submit
        self.save_button.setText(self.tr("修正を保存"))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(self.reason.fontMetrics().lineSpacing() * 3 + 12)
        self.form.add_widget(
            MutedLabel(
                self.tr(
                    "修正すると第{n}版になります。第{m}版までの内容はそのまま残り、いつでも印刷できます。"
                ).format(n=revision + 1, m=revision)
            )
        )
        self.form.add_field(
            "reason",
            self.tr("修正の理由"),
            self.reason,
            required=True,
            hint=self.tr("例: 決定事項の記載漏れを追加"),
        )
        self.fit_to_screen(34)

    def save(self) -> MeetingDetailDTO:
        return written(self._submit(self.reason.toPlainText()))
