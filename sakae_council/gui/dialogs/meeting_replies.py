"""出欠回答の入力: the slips that came back, one row per invited person, typed from the keyboard.

Each row is the person's name, a choice (0 未回答 / 1 出席 / 2 欠席 / 3 委任) and, for 委任, the proxy's
name. A closed combo box selects by the first character typed, so a secretary with the slips in one
hand types 1, Tab, 2, Tab … down the list; the proxy's field takes the focus only for 委任. The line at
the top counts 回答済 / 未回答 and says whether the meeting is expected to stand, as the choices change.
保存 writes the rows changed here in one transaction (services.meeting_replies.record_replies), on the
database worker; the window is opened by ``meeting_open.open_replies``, which reads the invitees there first.

同時編集: each reply is versioned. When someone else (another window, another program on the server) saved a
reply of one of the people changed here, the two-version dialog lists those people, mine beside what is saved,
and who saved it: 再読み込み takes in what is saved for everyone else and keeps what was chosen here; 上書き
saves these replies on top; キャンセル (Esc, ×) goes back with everything as typed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.replies import ExpectedQuorum, Reply, expected_quorum
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import (
    ConflictChoice,
    ConflictDialog,
    ConflictField,
    describe_last_change,
)
from sakae_council.gui.formatting import wareki
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.services import meeting_replies
from sakae_council.services.meeting_replies import InviteeDTO, RepliesDTO, ReplyInput
from sakae_council.services.meetings import AttendeeCategory

_ROW_FIELD = re.compile(r"replies\[(?P<index>\d+)\](?:\.(?P<sub>\w+))?")


def tr(text: str) -> str:
    return QCoreApplication.translate("RepliesDialog", text)


def reply_choices() -> list[tuple[str, Reply | None]]:
    """The choices with the digit a secretary types for each."""
    return [
        (tr("0 未回答"), None),
        (tr("1 出席"), Reply.PRESENT),
        (tr("2 欠席"), Reply.ABSENT),
        (tr("3 委任（代理人）"), Reply.PROXY),
    ]


def answer_text(reply: Reply | None, proxy: str = "") -> str:
    """出席 / 欠席 / 委任（代理人: 田村 美紀） / 未回答, as the two-version dialog compares them."""
    if reply is None:
        return tr("未回答")
    if reply is Reply.PROXY and proxy:
        return tr("{reply}（代理人: {proxy}）").format(reply=enum_label(reply), proxy=proxy)
    return enum_label(reply)


def saved_answers(replies: RepliesDTO) -> dict[str, str]:
    """Everyone's saved reply by person id (the keys of :meth:`RepliesDialog.conflict_fields`)."""
    return {str(i.person_id): answer_text(i.reply, i.proxy_name) for i in replies.invitees}


def expected_text(state: ExpectedQuorum) -> str:
    return {
        ExpectedQuorum.LIKELY: tr("成立見込み"),
        ExpectedQuorum.UNLIKELY: tr("定足数に達しない見込み"),
        ExpectedQuorum.OPEN: tr("未回答の方の出欠しだい"),
    }[state]


def summary_text(replied: int, unreplied: int, replies: list[Reply | None]) -> str:
    """回答済 N / 未回答 M — 成立見込み（委員15名中 出席・委任 9名、成立には8名）."""
    quorum, state = expected_quorum(replies)
    return tr("回答済 {replied} / 未回答 {unreplied} — {state}（委員{total}名中 出席・委任 {n}名、成立には{need}名）").format(
        replied=replied, unreplied=unreplied, state=expected_text(state), total=quorum.total, n=quorum.present,
        need=quorum.needed,
    )  # fmt: skip


class ReplyRow:
    """One person's widgets in the grid: name, affiliation, reply, proxy, error."""

    def __init__(self, invitee: InviteeDTO, parent: QWidget) -> None:
        self.invitee = invitee
        self.name = QLabel(invitee.name, parent)
        self.affiliation = MutedLabel(invitee.affiliation, parent)
        self.affiliation.setWordWrap(False)
        self.reply = ChoiceCombo(reply_choices(), parent)
        self.reply.setAccessibleName(tr("{name}さんの回答").format(name=invitee.name))
        self.reply.set_value(invitee.reply)
        self.proxy = QLineEdit(invitee.proxy_name, parent)
        self.proxy.setPlaceholderText(tr("代理人の氏名"))
        self.proxy.setAccessibleName(tr("{name}さんの代理人").format(name=invitee.name))
        self.error = MessageLine("error", parent)
        self.reply.currentIndexChanged.connect(lambda _i: self.sync())
        self.sync()

    def sync(self) -> None:
        # Disabled (not hidden) when not 委任: the column stays put, and Tab skips the field.
        self.proxy.setEnabled(self.reply.value() is Reply.PROXY)

    def value(self) -> ReplyInput:
        reply = self.reply.value()
        return ReplyInput(self.invitee.person_id, reply, self.proxy.text() if reply is Reply.PROXY else "")

    def is_changed(self) -> bool:
        """Chosen here: differs from the reply as read (a proxy's name counts only for 委任)."""
        mine, saved = self.value(), self.invitee
        return (mine.reply, mine.proxy_name.strip()) != (saved.reply, saved.proxy_name if saved.reply else "")

    def show_saved(self, invitee: InviteeDTO) -> None:
        """The reply as saved now (再読み込み): it becomes what this row is compared with."""
        self.invitee = invitee
        self.reply.set_value(invitee.reply)
        self.proxy.setText(invitee.proxy_name)
        self.sync()


class RepliesDialog(EntityDialog):
    """出欠回答 of one meeting; ``saved(RepliesDTO)`` after 保存 (the dialog closes)."""

    changed = Signal()
    #: 再読み込み after a conflict keeps the replies chosen here (only the others take the saved ones).
    reload_keeps_input = True

    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        parent: QWidget | None = None,
        *,
        data: RepliesDTO | None = None,
    ) -> None:
        super().__init__(self.tr("出欠回答の入力"), parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        # read here when the caller did not read it on the worker (meeting_open.open_replies)
        self.data: RepliesDTO = data if data is not None else meeting_replies.get_replies(ctx.db, meeting_id)
        self.title = TitleLabel(
            self.tr("{title}（{date}）").format(
                title=self.data.meeting_title, date=wareki(self.data.held_on, weekday=True)
            ),
            self,
        )
        self.title.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("replySummary")
        self.summary.setFont(bold_font())
        self.summary.setWordWrap(True)
        self.hint = MutedLabel(
            self.tr(
                "出欠票を見ながら、数字（0 未回答・1 出席・2 欠席・3 委任）を押して Tab で次の方へ進めます。"
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.received_on = WarekiDateEdit("received_on")
        self.received_on.set_value(ctx.today())
        self.form.add_field(
            "received_on",
            self.tr("受付日"),
            self.received_on,
            hint=self.tr("この日に届いた回答として記録します。"),
        )
        grid_host = QWidget(self)
        self.grid = QGridLayout(grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.rows: list[ReplyRow] = []
        # The rows the last 保存 sent, in order (the service names an error by its index among them).
        self._sent: list[ReplyRow] = []
        # The people whose reply chosen here stayed through the last 再読み込み.
        self._kept: list[str] = []
        line = 0
        for category, heading in (
            (AttendeeCategory.MEMBER, self.tr("委員（定足数に数えます）")),
            (AttendeeCategory.STAFF, self.tr("町職員")),
        ):
            people = [i for i in self.data.invitees if i.category is category]
            if not people:
                continue
            label = QLabel(heading, grid_host)
            label.setFont(bold_font())
            self.grid.addWidget(label, line, 0, 1, 4)
            line += 1
            for invitee in people:
                row = ReplyRow(invitee, grid_host)
                self.grid.addWidget(row.name, line, 0)
                self.grid.addWidget(row.affiliation, line, 1)
                self.grid.addWidget(row.reply, line, 2)
                self.grid.addWidget(row.proxy, line, 3)
                self.grid.addWidget(row.error, line + 1, 0, 1, 4)
                row.reply.currentIndexChanged.connect(lambda _i: self.update_summary())
                self.rows.append(row)
                line += 2
        self.grid.setColumnStretch(3, 1)
        if not self.rows:
            empty = MutedLabel(
                self.tr("この会議の「出欠」に名簿の方がいません。会議を開いて出欠の名簿を確かめてください。"),
                grid_host,
            )
            empty.setWordWrap(True)
            self.grid.addWidget(empty, 0, 0, 1, 4)
        self.body_layout.insertWidget(0, self.title)
        self.body_layout.insertWidget(1, self.summary)
        self.body_layout.insertWidget(2, self.hint)
        self.body_layout.addWidget(grid_host)
        self.body_layout.addStretch(1)
        self._keyboard_chain()
        self.update_summary()
        self.fit_to_screen(60)
        if self.rows:
            self.rows[0].reply.setFocus()

    def _keyboard_chain(self) -> None:
        """Tab runs down the rows (reply, then the proxy when it is enabled), not across the grid's columns."""
        chain: list[QWidget] = [self.received_on]
        for row in self.rows:
            chain += [row.reply, row.proxy]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        QWidget.setTabOrder(chain[-1], self.save_button)

    def answers(self) -> list[Reply | None]:
        """The members' replies as chosen on screen (for the expected quorum)."""
        return [r.reply.value() for r in self.rows if r.invitee.category is AttendeeCategory.MEMBER]

    def update_summary(self) -> None:
        replied = sum(1 for r in self.rows if r.reply.value() is not None)
        self.summary.setText(summary_text(replied, len(self.rows) - replied, self.answers()))
        self.changed.emit()

    # --- saving ---------------------------------------------------------------------------------
    def save_request(self) -> SaveRequest:
        received = self.received_on.value()
        self._sent = mine = [r for r in self.rows if r.is_changed()]
        db, meeting_id, replies = self.ctx.db, self.meeting_id, [r.value() for r in mine]
        ids = [r.invitee.person_id for r in mine]

        def versions_in(current: RepliesDTO) -> dict[int, int]:
            now = {i.person_id: i.version for i in current.invitees}
            return {p: now.get(p, 0) for p in ids}

        return SaveRequest(
            lambda versions: meeting_replies.record_replies(
                db, meeting_id, replies, received, versions=versions
            ),
            version={r.invitee.person_id: r.invitee.version for r in mine},
            what=self.tr("会議の出欠回答"),
            load_current=lambda: meeting_replies.get_replies(db, meeting_id),
            changed_by=lambda: describe_last_change(db, "meeting", meeting_id),
            fields=self.conflict_fields(mine),
            mine={str(r.invitee.person_id): answer_text(r.value().reply, r.value().proxy_name) for r in mine},
            on_reload=self.reload_saved,
            values_of=saved_answers,
            version_of=versions_in,
        )

    def conflict_fields(self, rows: Sequence[ReplyRow]) -> list[ConflictField]:
        """The two-version dialog compares the people whose reply was chosen here, one line each."""
        return [ConflictField(str(r.invitee.person_id), r.invitee.name) for r in rows]

    # --- 同時編集 -------------------------------------------------------------------------------
    def reload_saved(self, current: RepliesDTO) -> None:
        """再読み込み: everyone's reply as saved now, except the ones chosen here (they stay, to save again)."""
        by_person = {i.person_id: i for i in current.invitees}
        self._kept = []
        for row in self.rows:
            saved = by_person.get(row.invitee.person_id)
            if saved is None:
                continue
            if row.is_changed():
                row.invitee = saved
                if row.is_changed():
                    self._kept.append(row.invitee.name)
            else:
                row.show_saved(saved)
        self.data = current
        self.update_summary()

    def conflict_mine_heading(self) -> str:
        return self.tr("あなたの入力")

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
        """The two-version dialog, saying what 再読み込み does here (the replies chosen here stay)."""
        dialog = ConflictDialog(
            what, fields, mine, theirs, changed_by=changed_by, mine_heading=self.conflict_mine_heading(),
            refusal=refusal, parent=parent,
        )  # fmt: skip
        dialog.help_text.setText(
            self.tr(
                "再読み込み: ほかの人が保存した回答を読み込みます。ここで入力した回答はそのまま残ります。\n"
                "上書き: 表の方の回答を、ここで入力した回答で保存し直します（表にない方の回答はそのままです）。\n"
                "キャンセル: 入力画面に戻ります（入力した内容はそのままです）。"
            )
        )
        dialog.exec()
        return dialog.choice

    def show_conflict_note(self, message: str) -> None:
        kept = self._kept
        if not kept:
            super().show_conflict_note(self.tr("ほかの人が保存した回答を読み込みました。"))
            return
        super().show_conflict_note(
            self.tr(
                "ほかの人が保存した回答を読み込みました。ここで入力した回答（{names}）はそのままです。"
                "確かめてから、もう一度保存してください。"
            ).format(names=self.tr("、").join(kept))
        )

    def clear_errors(self) -> None:
        super().clear_errors()
        for row in self.rows:
            row.error.clear()

    def show_field_error(self, error: ValidationError) -> None:
        m = _ROW_FIELD.fullmatch(error.field)
        if m is not None and int(m.group("index")) < len(self._sent):
            row = self._sent[int(m.group("index"))]
            row.error.show_message(error.message)
            (row.proxy if m.group("sub") == "proxy_name" else row.reply).setFocus()
            self.scroll_area.ensureWidgetVisible(row.error)
            return
        super().show_field_error(error)
