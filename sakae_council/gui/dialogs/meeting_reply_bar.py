"""The 出欠回答 line of the meeting editor's 出欠 tab: the replies counted, and what to do with them.

「回答済 N / 未回答 M — 成立見込み」, then 出欠回答を入力… (the slips), 開催通知を印刷…, 宛名ラベルを印刷…
and, on the day, 回答から出欠を入れる: the rows still 未確認 take their person's reply (出席, 欠席, 委任 →
代理 with the proxy), which the secretary then corrects to the real attendance and saves with the minutes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sakae_council.domain.enums import AttendanceStatus
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.meeting_attendance import AttendanceEditor
from sakae_council.gui.dialogs.meeting_replies import summary_text
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.services import meeting_replies
from sakae_council.services.meeting_replies import RepliesDTO


class ReplyBar(QWidget):
    """The replies' summary and the four actions for the meeting shown (``show_meeting``)."""

    #: 回答から出欠を入れる changed the attendance rows.
    filled = Signal()

    def __init__(
        self,
        ctx: AppContext,
        attendance: AttendanceEditor,
        saved_for_print: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.attendance = attendance
        self.saved_for_print = saved_for_print
        self.meeting_id = 0
        self.editable = False
        self.replies: RepliesDTO | None = None
        self.dialog: QDialog | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("replySummary")
        self.summary.setFont(bold_font())
        self.summary.setWordWrap(True)
        self.note = MutedLabel("", self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.enter_button = QPushButton(self.tr("出欠回答を入力…"), self)
        self.fill_button = QPushButton(self.tr("回答から出欠を入れる"), self)
        self.fill_button.setToolTip(
            self.tr(
                "未確認の方に、出欠票の回答（出席・欠席・委任）を入れます。当日の実際の出欠に直してから保存してください。"
            )
        )
        self.notice_button = QPushButton(self.tr("開催通知を印刷…"), self)
        self.labels_button = QPushButton(self.tr("宛名ラベルを印刷…"), self)
        buttons = QGridLayout()
        for i, (button, slot) in enumerate(
            (
                (self.enter_button, self.enter_replies),
                (self.fill_button, self.fill_from_replies),
                (self.notice_button, self.print_notice),
                (self.labels_button, self.print_labels),
            )
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            buttons.addWidget(button, i // 2, i % 2)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        heading = QLabel(self.tr("出欠の回答（開催通知の出欠票）"), self)
        heading.setFont(bold_font())
        layout.addWidget(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addLayout(buttons)

    def show_meeting(self, meeting_id: int, *, editable: bool) -> None:
        """Count the meeting's replies again; replies are entered and used only while the minutes can change."""
        self.meeting_id = meeting_id
        self.editable = editable
        try:
            self.replies = meeting_replies.get_replies(self.ctx.db, meeting_id)
        except DomainError:
            self.replies = None
        r = self.replies
        self.summary.setText(summary_text(r.replied, r.unreplied, [i.reply for i in r.members]) if r else "")
        self.note.clear()
        self.note.hide()
        self.enter_button.setEnabled(editable)
        self.fill_button.setEnabled(editable and r is not None and r.replied > 0)

    def enter_replies(self) -> None:
        """出欠回答を入力…: the slips, in their own window; counted again here after 保存."""
        from sakae_council.gui.dialogs.meeting_replies import RepliesDialog

        dialog = RepliesDialog(self.ctx, self.meeting_id, self)
        dialog.saved.connect(lambda _r: self.show_meeting(self.meeting_id, editable=self.editable))
        self.dialog = dialog
        dialog.open()

    def print_notice(self) -> None:
        if not self.saved_for_print():
            return
        from sakae_council.gui.dialogs.notice_print import NoticePrintWindow

        self.dialog = NoticePrintWindow(self.ctx, self.meeting_id, self)
        self.dialog.open()

    def print_labels(self) -> None:
        from sakae_council.gui.dialogs.labels_print import LabelsPrintWindow

        self.dialog = LabelsPrintWindow(self.ctx, self.meeting_id, self)
        self.dialog.open()

    def fill_from_replies(self) -> int:
        """Rows still 未確認 take their person's reply; returns how many rows changed."""
        self.show_meeting(self.meeting_id, editable=self.editable)
        if self.replies is None:
            return 0
        rows = self.attendance.ordered_rows()
        current = [(r.data.person_id, r.status(), r.proxy.text()) for r in rows]
        changed = 0
        new = meeting_replies.attendance_from_replies(current, self.replies)
        for row, before, (status, proxy) in zip(rows, current, new, strict=True):
            if (status, proxy) == before[1:]:
                continue
            row.set_status(status)
            if status is AttendanceStatus.PROXY:
                row.proxy.setText(proxy)
            changed += 1
        self.note.setText(
            self.tr("{n}名の出欠に回答を入れました。当日の実際の出欠に直してから保存してください。").format(
                n=changed
            )
        )
        self.note.show()
        self.filled.emit()
        return changed
