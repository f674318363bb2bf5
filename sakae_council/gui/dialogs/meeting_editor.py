"""会議の編集: date, place, roles, attendance, agenda, decisions, action items, handouts, 次回 — and 確定 / 修正.

Five tabs over one MinutesInput. 保存 writes the date and the minutes in one transaction; a service's
ValidationError lands under its field (an attendee's row, an agenda row, a form field) on the right tab.
確定 minutes open locked; 「修正する」 unlocks them and 保存 then asks for the reason of the new 第N版.
When someone else saved the minutes first, 保存, 修正 and 確定 show both versions (gui.dialogs.meeting_conflict).

An editor on the shared base (gui.dialogs.base.EntityDialog) with tabs instead of one form: 保存 and Ctrl+S,
the error routing, 閉じる / Esc / the window's close request with the unsaved-input question, and
「保存しました」 in the status bar are the base's; 保存 leaves this editor open (``closes_on_save``).
Nothing here waits on the database: the editor is opened by ``meeting_open.open_meeting_editor`` (the
meeting, its 版 and replies read on the worker), and 保存, 確定, 修正 and the reads after them run there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import AgendaResult
from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveCancelled, SaveRequest
from sakae_council.gui.dialogs.meeting_actions import ActionsSection
from sakae_council.gui.dialogs.meeting_approval import approve_dialog, revise_dialog
from sakae_council.gui.dialogs.meeting_attendance import AttendanceEditor, QuorumWarning
from sakae_council.gui.dialogs.meeting_conflict import detail_names, minutes_request, minutes_values
from sakae_council.gui.dialogs.meeting_errors import show_minutes_error
from sakae_council.gui.dialogs.meeting_items import AgendaItemDialog
from sakae_council.gui.dialogs.meeting_open import MeetingExtras, load_extras, open_meeting_print
from sakae_council.gui.dialogs.meeting_reply_bar import ReplyBar
from sakae_council.gui.dialogs.meeting_widgets import LinesEdit, RowsEditor, TimeField
from sakae_council.gui.formatting import meeting_title, wareki
from sakae_council.gui.models.meeting_tables import AgendaModel, minutes_status_style
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.palette import set_background, set_text_colour, status_style
from sakae_council.gui.screen_fit import text_sized
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.form import Form, MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.services import meeting_queries
from sakae_council.services.meetings import MeetingDetailDTO
from sakae_council.services.minutes import MinutesInput, minutes_input_from


def _scroll(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class MeetingEditor(EntityDialog):
    """Edits one meeting's minutes; ``saved(MeetingDetailDTO)`` after every successful write."""

    closes_on_save = False

    def __init__(
        self,
        ctx: AppContext,
        detail: MeetingDetailDTO,
        parent: QWidget | None = None,
        *,
        extras: MeetingExtras | None = None,
    ) -> None:
        super().__init__(self.tr("会議・議事録の編集"), parent)
        self.ctx = ctx
        self.detail = detail
        self.unlocked = False
        self.dialog: QDialog | None = None
        self._then: Callable[[], None] | None = None  # what waits for the save on the worker (確定, 印刷)
        self._extra_loads = Generation()
        self.title = TitleLabel("", self)
        self.title.setWordWrap(True)
        self.banner = MutedLabel("", self)
        self.banner.setFont(bold_font())
        self.banner.setContentsMargins(8, 4, 8, 4)
        self.conflict_note = MessageLine("warning", self)
        self.conflict_note.setObjectName("conflictNote")
        self.tabs = QTabWidget(self)

        # 1. 日時・役割
        self.basic = Form()
        self.held_on = WarekiDateEdit("held_on")
        self.start_time = TimeField("start_time")
        self.end_time = TimeField("end_time")
        self.place = QLineEdit()
        self.chair = ChoiceCombo()
        self.recorder = ChoiceCombo()
        self.signatory1 = ChoiceCombo()
        self.signatory2 = ChoiceCombo()
        self.quorum = MutedLabel("")
        b = self.basic
        b.add_field(
            "held_on",
            self.tr("開催日"),
            self.held_on,
            required=True,
            hint=self.tr("年度が変わると、その年度の第何回かに付け直します。"),
        )
        b.add_field("start_time", self.tr("開始時刻"), self.start_time)
        b.add_field("end_time", self.tr("終了時刻"), self.end_time)
        b.add_field("place", self.tr("場所"), self.place)
        b.add_field("chair_id", self.tr("議長"), self.chair)
        b.add_field("recorder_id", self.tr("記録者"), self.recorder)
        hint = self.tr("出欠が「出席」か「代理」の方から選びます。")
        b.add_field("signatory1", self.tr("議事録署名人（1人目）"), self.signatory1, hint=hint)
        b.add_field("signatory2", self.tr("議事録署名人（2人目）"), self.signatory2, hint=hint)
        b.add_widget(self.quorum)
        self.tabs.addTab(_scroll(self.basic), self.tr("日時・役割"))

        # 2. 出欠 (with the replies to the 開催通知 above the rows)
        self.attendance = AttendanceEditor()
        self.reply_bar = ReplyBar(ctx, self.attendance, self._saved_then)
        attendance_page = QWidget()
        attendance_layout = QVBoxLayout(attendance_page)
        attendance_layout.addWidget(self.reply_bar)
        attendance_layout.addWidget(self.attendance, 1)
        self.tabs.addTab(_scroll(attendance_page), self.tr("出欠"))
        self.reply_bar.filled.connect(lambda: self.quorum.setText(self.attendance.quorum.text()))

        # 3. 議題
        self.agenda = RowsEditor(
            self.tr("議題（報告事項・協議事項・その他）"),
            AgendaModel(self),
            self._open_agenda_item,
            add_text=self.tr("議題を追加"),
            visible_rows=8,
        )
        self.tabs.addTab(_scroll(self.agenda), self.tr("議題"))

        # 4. 決定事項・宿題
        self.outcomes = Form()
        self.decisions = LinesEdit(4)
        self.outcomes.add_field(
            "decisions", self.tr("決定事項"), self.decisions, hint=self.tr("1行に1件ずつ書きます。")
        )
        self.action_section = ActionsSection(ctx, self)
        outcome_page = QWidget()
        outcome_layout = QVBoxLayout(outcome_page)
        outcome_layout.addWidget(self.outcomes)
        outcome_layout.addWidget(self.action_section)
        self.tabs.addTab(_scroll(outcome_page), self.tr("決定事項・宿題"))

        # 5. 配布資料・次回
        self.closing = Form()
        self.handouts = LinesEdit(4)
        self.next_meeting = QPlainTextEdit()
        self.next_meeting.setTabChangesFocus(True)
        self.next_meeting.setMinimumHeight(self.next_meeting.fontMetrics().lineSpacing() * 3 + 12)
        self.revisions = MutedLabel("")
        self.closing.add_field(
            "handouts", self.tr("配布資料"), self.handouts, hint=self.tr("1行に1件ずつ書きます。")
        )
        self.closing.add_field("next_meeting", self.tr("今後の予定・次回"), self.next_meeting)
        self.closing.add_widget(self.revisions)
        self.tabs.addTab(_scroll(self.closing), self.tr("配布資料・次回"))

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        self.quorum_warning = QuorumWarning(self)
        layout.addWidget(self.quorum_warning)
        layout.addWidget(self.general_error)
        layout.addWidget(self.conflict_note)
        layout.addWidget(self.tabs, 1)
        self.set_central(central)

        # 保存 and 閉じる are the base's (the cancel button, renamed: closing here keeps what was saved).
        self.close_button = self.cancel_button
        self.close_button.setText(self.tr("閉じる"))
        self.print_button = QPushButton(self.tr("印刷…"), self)
        self.approve_button = QPushButton(self.tr("確定…"), self)
        self.revise_button = QPushButton(self.tr("修正する"), self)
        for i, button in enumerate((self.print_button, None, self.approve_button, self.revise_button)):
            if button is None:
                self.buttons_row.insertStretch(i, 1)
                continue
            button.setAutoDefault(False)
            self.buttons_row.insertWidget(i, button)

        self.print_button.clicked.connect(self.print_documents)
        self._add_print_key()
        self.approve_button.clicked.connect(self.approve)
        self.revise_button.clicked.connect(self.unlock)
        edit_guard.mark_edit(self.approve_button, self.revise_button)
        self.attendance.changed.connect(self._attendance_changed)
        self.agenda.changed.connect(self._warn_quorum)
        self.decisions.textChanged.connect(self._warn_quorum)
        self.populate(extras)
        # Within the screen: at 特大 on a 1280×800 laptop 60 characters by 44 lines are more than it has.
        self.resize(text_sized(self, 60, 44).boundedTo(QSize(1400, 1000)))

    # --- showing --------------------------------------------------------------------------------
    def populate(self, extras: MeetingExtras | None = None) -> None:
        """Show ``self.detail``; its 版 and replies are ``extras``, or read on the worker when not given."""
        d = self.detail
        self.title.setText(
            self.tr("{title}（{date}）").format(title=meeting_title(d), date=wareki(d.held_on, weekday=True))
        )
        self.held_on.set_value(d.held_on)
        self.start_time.set_value(d.start_time)
        self.end_time.set_value(d.end_time)
        self.place.setText(d.place)
        data = minutes_input_from(d)
        self.attendance.set_rows(data.attendance, d.observers)
        self._fill_people()
        for combo, pid in (
            (self.chair, d.chair_id),
            (self.recorder, d.recorder_id),
            (self.signatory1, d.signatory1_id),
            (self.signatory2, d.signatory2_id),
        ):
            combo.set_value(pid)
        self.agenda.set_items(data.agenda_items)
        self.decisions.set_items(d.decisions)
        self.action_section.set_detail(d)
        self.handouts.set_items(d.handouts)
        self.next_meeting.setPlainText(d.next_meeting)
        self._apply_state()
        self.mark_clean()
        if extras is not None:
            self._show_extras(extras)
        else:
            db = self.ctx.db
            QueryOp(lambda: load_extras(db, d), parent=self).latest(self._extra_loads).success(
                self._show_extras
            ).run()

    def _show_extras(self, extras: MeetingExtras) -> None:
        self._show_revisions(extras.revisions)
        self.reply_bar.show_replies(extras.replies)

    def _show_revisions(self, revs: list[Any]) -> None:
        if not self.detail.is_approved:
            self.revisions.setText("")
            return
        lines = [self.tr("版の記録:")]
        for r in revs:
            lines.append(
                self.tr("第{n}版 {date} {who} — {reason}").format(
                    n=r.number, date=wareki(r.created_at.date()), who=r.created_by, reason=r.reason
                )
            )
        self.revisions.setText("\n".join(lines))

    def _fill_people(self) -> None:
        """議長・記録者・署名人 choices: the attendees on the roster (absent ones marked)."""
        items: list[tuple[str, int | None]] = [(self.tr("（未定）"), None)]
        for row in self.attendance.ordered_rows():
            if row.data.person_id is None:
                continue
            text = f"{row.data.name}（{row.data.affiliation}）" if row.data.affiliation else row.data.name
            if row.status().value == "absent":
                text += self.tr("［欠席］")
            items.append((text, row.data.person_id))
        d = self.detail
        known = {pid for _t, pid in items}
        for pid, name in (
            (d.chair_id, d.chair_name),
            (d.recorder_id, d.recorder_name),
            (d.signatory1_id, d.signatory1_name),
            (d.signatory2_id, d.signatory2_name),
        ):
            if pid is not None and pid not in known:
                items.append((name, pid))
                known.add(pid)
        for combo in (self.chair, self.recorder, self.signatory1, self.signatory2):
            combo.set_items(items)

    def _attendance_changed(self) -> None:
        self._fill_people()
        self.quorum.setText(self.attendance.quorum.text())
        self._warn_quorum()

    def _warn_quorum(self) -> None:
        decided = (
            AgendaResult.APPROVED,
            AgendaResult.UNANIMOUS,
            AgendaResult.MAJORITY,
        )  # 継続審議 decides nothing
        results = any(i.result in decided for i in self.agenda.items()) or bool(self.decisions.items())
        self.quorum_warning.show_for(self.attendance.quorum_now(), results)

    def _apply_state(self) -> None:
        d = self.detail
        locked = d.is_approved and not self.unlocked
        style = status_style(minutes_status_style(d.status))
        if d.is_approved:
            text = self.tr("確定（第{n}版）　確定日 {date}").format(n=d.revision, date=wareki(d.approved_on))
            if locked:
                text += self.tr("　— 変更するときは「修正する」を押してください。")
            else:
                text += self.tr("　— 修正中です。保存すると第{n}版になります。").format(n=d.revision + 1)
        else:
            text = self.tr("下書き — まだ確定していません。印刷すると「下書き」と入ります。")
        self.banner.setText(text)
        if style is not None:
            set_background(self.banner, style.background)
            set_text_colour(self.banner, style.foreground)
        # Read-only rather than disabled where Qt allows: greyed-out text is hard to read.
        for line in (self.start_time, self.end_time, self.place):
            line.setReadOnly(locked)
        for combo in (self.chair, self.recorder, self.signatory1, self.signatory2):
            combo.setEnabled(not locked)
        self.held_on.setReadOnly(d.is_approved)
        for text_edit in (self.decisions, self.handouts, self.next_meeting):
            text_edit.setReadOnly(locked)
        self.attendance.set_editable(not locked)
        self.reply_bar.show_meeting(d.id, editable=not locked)
        self.agenda.set_editable(not locked)
        self.action_section.set_editable(not locked)
        self.approve_button.setVisible(not d.is_approved)
        self.revise_button.setVisible(locked)
        self.save_button.setVisible(not locked)
        self.save_button.setText(self.tr("修正を保存…") if d.is_approved else self.tr("保存"))
        self.quorum.setText(self.attendance.quorum.text())
        self._warn_quorum()

    # --- agenda ---------------------------------------------------------------------------------
    def _open_agenda_item(self, row: int, item: object) -> None:
        dialog = AgendaItemDialog(item, self)  # type: ignore[arg-type]
        dialog.saved.connect(lambda result: self.agenda.store(row, result))
        self.dialog = dialog
        dialog.open()

    # --- reading --------------------------------------------------------------------------------
    def minutes_input(self) -> MinutesInput:
        """Everything on the tabs as the service's input (raises ValidationError for an unreadable time)."""
        return MinutesInput(
            start_time=self.start_time.value(),
            end_time=self.end_time.value(),
            place=self.place.text(),
            chair_id=self.chair.value(),
            recorder_id=self.recorder.value(),
            signatory1_id=self.signatory1.value(),
            signatory2_id=self.signatory2.value(),
            attendance=self.attendance.values(),
            observers=self.attendance.observers.value(),
            handouts=self.handouts.items(),
            agenda_items=self.agenda.items(),
            decisions=self.decisions.items(),
            action_items=self.action_section.items(),
            next_meeting=self.next_meeting.toPlainText(),
        )

    def input_state(self) -> Any:
        """The date and the minutes as the service would take them (None while a time is unreadable)."""
        try:
            return (self.held_on.value(), self.minutes_input())
        except ValidationError:
            return None

    # --- errors ---------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        super().clear_errors()
        for form in (self.basic, self.outcomes, self.closing):
            form.clear_errors()
        self.attendance.clear_errors()
        self.attendance.observers_row.error.clear()
        self.agenda.error.clear()
        self.action_section.clear_errors()

    def show_field_error(self, exc: ValidationError) -> None:
        """Put the message under the field it names, on its tab."""
        show_minutes_error(self, exc)

    # --- saving ---------------------------------------------------------------------------------
    def save_request(self) -> SaveRequest:
        """保存 (a draft) or 修正を保存 (approved minutes: asks the reason, and that dialog saves)."""
        d = self.detail
        held_on = self.held_on.value()
        if held_on is None:
            raise ValidationError("held_on", self.tr("開催日を入力してください。"))
        data = self.minutes_input()
        if d.is_approved:
            if self.unlocked:
                self._ask_reason(held_on, data)
            raise SaveCancelled
        db, meeting_id = self.ctx.db, d.id
        return minutes_request(
            db,
            meeting_id,
            lambda version: meeting_queries.save_meeting_minutes(db, meeting_id, held_on, data, version),
            version=d.version,
            mine=self.typed(held_on, data),
            on_reload=self.reload_from,
        )

    def typed(self, held_on: date, data: MinutesInput) -> dict[str, object]:
        """What is on the tabs, as the conflict dialog compares it."""
        names = detail_names(self.detail)
        names.update(
            {r.data.person_id: r.data.name for r in self.attendance.ordered_rows() if r.data.person_id}
        )
        return minutes_values(held_on, data, names)

    def reload_from(self, current: MeetingDetailDTO) -> None:
        """再読み込み: show the minutes as someone else saved them (the typed input is listed in the note)."""
        self.detail = current
        self.populate()

    def _ask_reason(self, held_on: date, data: MinutesInput) -> None:
        self._open_step(revise_dialog(self, held_on, data))

    def _open_step(self, dialog: QDialog) -> None:
        dialog.saved.connect(self.after_save)  # type: ignore[attr-defined]
        self.dialog = dialog
        dialog.open()

    def after_save(self, dto: Any) -> None:
        """After 保存, 修正 or 確定 was written: show the saved minutes (then the base tells the page)."""
        self.detail = dto
        self.unlocked = False
        self.populate()
        super().after_save(dto)
        self.ctx.notify(Area.MEETINGS)
        then, self._then = self._then, None
        if then is not None:
            then()

    def submit(self) -> bool:
        self._then = None  # a new 保存: whatever waited for an earlier one no longer does
        return super().submit()

    def _saved_then(self, then: Callable[[], None], *, always: bool = False) -> None:
        """``then()`` once the typed changes of a draft are saved (at once when there are none).

        ``always``: save even with nothing typed (確定 applies to what is saved)."""
        if not (always or (self.is_dirty() and not self.detail.is_approved)):
            then()
            return
        self.submit()
        if self.saving:  # on its way to the worker: ``then`` waits for the answer (after_save)
            self._then = then

    def unlock(self) -> None:
        """確定 minutes: allow changes, to be saved as the next revision."""
        self.unlocked = True
        self._apply_state()

    def approve(self) -> None:
        """Save, then ask the 確定日 and approve (下書き → 確定)."""
        if not self.detail.is_approved:
            self._saved_then(lambda: self._open_step(approve_dialog(self)), always=True)

    def _add_print_key(self) -> None:
        """Ctrl+P in the editor opens the meeting's print window (as its 印刷… button does)."""
        from sakae_council.gui.widgets.print_key import add_print_action

        add_print_action(self, self.print_button)

    def print_documents(self) -> None:
        """Print what is saved: unsaved changes to a draft are saved first."""
        self._saved_then(lambda: open_meeting_print(self.ctx, self.detail.id, self, self._show_dialog))

    def _show_dialog(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.open()
