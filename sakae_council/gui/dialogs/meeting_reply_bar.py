"""The 出欠回答 line of the meeting editor's 出欠 tab: the replies counted, and what to do with them.

「回答済 N / 未回答 M — 成立見込み」, then 出欠回答を入力… (the slips), 開催通知を印刷…, 宛名ラベルを印刷…
and, on the day, 回答から出欠を入れる: the rows still 未確認 take their person's reply (出席, 欠席, 委任 →
代理 with the proxy), which the secretary then corrects to the real attendance and saves with the minutes.
The replies are read on the database worker (``refresh``), and every window opens once its data is read.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sakae_council.domain.enums import AttendanceStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.meeting_attendance import AttendanceEditor
from sakae_council.gui.dialogs.meeting_open import open_replies, replies_or_none
from sakae_council.gui.dialogs.meeting_replies import summary_text
from sakae_council.gui.ops import Generation, QueryOp
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
        saved_for_print: Callable[[Callable[[], None]], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.attendance = attendance
        self.saved_for_print = saved_for_print
        self.meeting_id = 0
        self.editable = False
        self.replies: RepliesDTO | None = None
        self._loads = Generation()
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
        """The meeting shown; replies are entered and used only while the minutes can change."""
        self.meeting_id = meeting_id
        self.editable = editable
        self._enable()

    def refresh(self) -> None:
        """Count the meeting's replies again (read on the database worker)."""
        db, meeting_id = self.ctx.db, self.meeting_id
        QueryOp(lambda: replies_or_none(db, meeting_id), parent=self).latest(self._loads).success(
            self.show_replies
        ).run()

    def show_replies(self, replies: RepliesDTO | None) -> None:
        self.replies = r = replies
        self.summary.setText(summary_text(r.replied, r.unreplied, [i.reply for i in r.members]) if r else "")
        self.note.clear()
        self.note.hide()
        self._enable()

    def _enable(self) -> None:
        r = self.replies
        self.enter_button.setEnabled(self.editable)
        self.fill_button.setEnabled(self.editable and r is not None and r.replied > 0)

    def enter_replies(self) -> None:
        """出欠回答を入力…: the slips, in their own window; counted again here after 保存."""
        open_replies(self.ctx, self.meeting_id, self, self._show_replies_dialog)

    def _show_replies_dialog(self, dialog: QDialog) -> None:
        dialog.saved.connect(lambda _r: self.refresh())  # type: ignore[attr-defined]
        self.dialog = dialog
        dialog.open()

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()

    def print_notice(self) -> None:
        """開催通知を印刷…: what is printed is what is saved (the editor saves a draft's changes first)."""
        from sakae_council.gui.dialogs.notice_print import open_notice_print

        self.saved_for_print(lambda: open_notice_print(self.ctx, self.meeting_id, self, self._show))

    def print_labels(self) -> None:
        from sakae_council.gui.dialogs.labels_print import open_labels_print

        open_labels_print(self.ctx, self.meeting_id, self, self._show)

    def fill_from_replies(self) -> None:
        """Rows still 未確認 take their person's reply (read again on the database worker first)."""
        db, meeting_id = self.ctx.db, self.meeting_id
        QueryOp(lambda: replies_or_none(db, meeting_id), parent=self).success(self._fill).run()

    def _fill(self, replies: RepliesDTO | None) -> int:
        """Put ``replies`` into the rows still 未確認; returns how many rows changed."""
        self.show_replies(replies)
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
