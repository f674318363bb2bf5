"""確定 (approval date) and 修正 (the reason for changing approved minutes): two small dialogs of the editor.

``request`` says what to write (a SaveRequest): the base writes it on the database worker through the
conflict dialog; after キャンセル or 再読み込み nothing was written and the dialog stays open, or the editor
closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.meeting_conflict import detail_values, minutes_request
from sakae_council.gui.formatting import meeting_title
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.services import minutes_approval
from sakae_council.services.meetings import MeetingDetailDTO
from sakae_council.services.minutes import MinutesInput

if TYPE_CHECKING:
    from sakae_council.gui.dialogs.meeting_editor import MeetingEditor


class ApproveDialog(EntityDialog):
    """Asks the 確定日; ``request(date)`` approves (the service checks 議長, 記録者, 署名人 and the agenda)."""

    # 確定 applies to the minutes as the user saw them: after 再読み込み the chosen date stays.
    reload_keeps_input = True

    def __init__(
        self,
        title: str,
        today: date,
        request: Callable[[date], SaveRequest],
        route: Callable[[ValidationError], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("議事録を確定"), parent)
        self._request = request
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
            self.close_quietly()
            self._route(error)

    def save_request(self) -> SaveRequest:
        when = self.approved_on.value()
        if when is None:
            raise ValidationError("approved_on", self.tr("確定日を入力してください。"))
        return self._request(when)


class ReviseDialog(EntityDialog):
    """Asks why approved minutes change; ``request(reason)`` stores the next revision (第N版)."""

    def __init__(
        self,
        revision: int,
        request: Callable[[str], SaveRequest],
        show_note: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("確定した議事録の修正"), parent)
        self._request = request
        self._show_note = show_note
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

    def save_request(self) -> SaveRequest:
        return self._request(self.reason.toPlainText())

    def show_conflict_note(self, message: str) -> None:
        self._show_note(message)  # in the editor, which shows the saved minutes after 再読み込み


def approve_dialog(editor: MeetingEditor) -> ApproveDialog:
    """確定 of the editor's minutes; changed meanwhile, the user sees what would be approved and may
    still approve it (上書き), load it into the editor (再読み込み: the dialog stays, 確定日 kept) or wait."""
    db, meeting_id = editor.ctx.db, editor.detail.id
    dialog: ApproveDialog

    def reload(current: MeetingDetailDTO) -> None:
        editor.reload_from(current)
        if current.is_approved:
            dialog.close_quietly()  # nothing left to approve: the editor shows the approved minutes

    dialog = ApproveDialog(
        meeting_title(editor.detail),
        editor.ctx.today(),
        lambda when: minutes_request(
            db,
            meeting_id,
            lambda version: minutes_approval.approve_minutes(db, meeting_id, when, version),
            version=editor.detail.version,
            mine=detail_values(editor.detail),  # 確定 applies to the minutes as the user saw them
            on_reload=reload,
        ),
        editor.show_field_error,
        editor,
    )
    return dialog


def revise_dialog(editor: MeetingEditor, held_on: date, data: MinutesInput) -> ReviseDialog:
    """修正 of approved minutes as the next 版; changed meanwhile, 上書き is not offered (approved minutes
    stay as approved) and 再読み込み closes this dialog: the editor shows the saved minutes, still 修正中."""
    db, d = editor.ctx.db, editor.detail
    dialog: ReviseDialog

    def reload(current: MeetingDetailDTO) -> None:
        editor.reload_from(current)
        dialog.close_quietly()  # the reason belonged to the changes just replaced

    dialog = ReviseDialog(
        d.revision,
        lambda reason: minutes_request(
            db,
            d.id,
            lambda version: minutes_approval.revise_minutes(db, d.id, data, reason, version),
            version=d.version,
            mine=editor.typed(held_on, data),
            on_reload=reload,
        ),
        editor.conflict_note.show_message,
        editor,
    )
    return dialog
