"""開催通知の印刷: who gets a letter, whether the 宛名 carries the address, the dates — previewed, printed.

Printing addresses is a deliberate act, as the roster's 連絡先 is: the box starts unticked (letters with
the name alone, to hand out); ticked, the people without an address get no letter and are named in the
warning line and on the PDF's last page. Opened by :func:`open_notice_print`: the invitees are read on the
database worker before the window is built, and the letters are read there too (nothing waits on the GUI).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QListWidget, QListWidgetItem, QWidget

from sakae_council.domain.errors import DomainError, ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.opening import Failed, open_with
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.print_choices import show_error_in, two_forms, warning_with_glyphs
from sakae_council.gui.widgets.print_window import Paper, PrintWindow
from sakae_council.services import meeting_replies
from sakae_council.services.meeting_replies import RepliesDTO


def open_notice_print(
    ctx: AppContext,
    meeting_id: int,
    parent: QWidget,
    show: Callable[[NoticePrintWindow], object],
    failed: Failed = None,
) -> None:
    """The 開催通知 window of the meeting, its invitees read on the database worker first."""
    db = ctx.db
    open_with(
        lambda: meeting_replies.get_replies(db, meeting_id),
        lambda replies: NoticePrintWindow(ctx, meeting_id, parent, replies=replies),
        parent,
        show,
        failed,
    )


class NoticePrintWindow(PrintWindow):
    """The 開催通知 of one meeting, one letter per page with its 出欠票."""

    def __init__(
        self,
        ctx: AppContext,
        meeting_id: int,
        parent: QWidget | None = None,
        *,
        replies: RepliesDTO | None = None,
    ) -> None:
        super().__init__(self.tr("開催通知を印刷"), parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        # read here when the caller did not read it on the worker (open_notice_print)
        self.replies = replies if replies is not None else meeting_replies.get_replies(ctx.db, meeting_id)
        self.setWindowTitle(self.tr("開催通知を印刷 — {title}").format(title=self.replies.meeting_title))
        self.people = ChoiceCombo(
            [
                (self.tr("全員"), "all"),
                (self.tr("まだ回答のない方だけ"), "unreplied"),
                (self.tr("選んだ方だけ"), "chosen"),
            ]
        )
        self.chosen = QListWidget()
        self.chosen.setAccessibleName(self.tr("通知を印刷する方"))
        for invitee in self.replies.invitees:
            item = QListWidgetItem(
                f"{invitee.name}（{invitee.affiliation}）" if invitee.affiliation else invitee.name
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, invitee.person_id)
            self.chosen.addItem(item)
        self.chosen.setMaximumHeight(self.chosen.fontMetrics().lineSpacing() * 6)
        self.addresses = QCheckBox(self.tr("宛名に郵便番号と住所を載せる（郵送用）"))
        self.addresses.setChecked(False)  # the safe default: an address goes on paper only on purpose
        self.issued_on = WarekiDateEdit("issued_on")
        self.issued_on.set_value(ctx.today())
        self.reply_by = WarekiDateEdit("reply_by")
        self.reply_by.set_value(meeting_replies.reply_by_default(self.replies.held_on, ctx.today()))
        self.form, self.dates = two_forms(self)
        self.form.add_field("people", self.tr("宛先"), self.people)
        self.chosen_row = self.form.add_field(
            "chosen",
            self.tr("選んだ方"),
            self.chosen,
            hint=self.tr("チェックを入れた方（Space キーでも入ります）に印刷します。"),
        )
        self.chosen_row.setVisible(False)
        self.people.currentIndexChanged.connect(
            lambda _i: self.chosen_row.setVisible(self.people.value() == "chosen")
        )
        self.form.add_field(
            "addresses",
            self.tr("住所"),
            self.addresses,
            hint=self.tr("載せないときは氏名だけの通知になります（手渡し用）。"),
        )
        self.dates.add_field("issued_on", self.tr("発行日"), self.issued_on, required=True)
        self.dates.add_field("reply_by", self.tr("回答期限"), self.reply_by, required=True)
        self.watch(
            self.people.currentIndexChanged,
            self.chosen.itemChanged,
            self.addresses.toggled,
            self.issued_on.textChanged,
            self.reply_by.textChanged,
        )
        self.build()

    def show_domain_error(self, exc: DomainError) -> None:
        """A date's error under its date (the right column), the others as the base shows them."""
        if isinstance(exc, ValidationError) and show_error_in([self.form, self.dates], exc):
            return
        super().show_domain_error(exc)

    def checked_people(self) -> list[int]:
        """The people ticked in 選んだ方."""
        items = (self.chosen.item(i) for i in range(self.chosen.count()))
        return [
            int(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def suggested_name(self) -> str:
        return (
            f"開催通知_{self.replies.body_name}_第{self.replies.number}回_{wareki(self.replies.held_on)}.pdf"
        )

    def paper(self) -> Paper:
        """The letters for the choices made now; the unaddressed and unprintable characters are named."""
        from sakae_council.reports.meeting_notice import collect_notice, render_notice

        issued = self.issued_on.value()
        if issued is None:
            raise ValidationError("issued_on", self.tr("発行日を入力してください。"))
        reply_by = self.reply_by.value()
        if reply_by is None:
            raise ValidationError("reply_by", self.tr("回答期限を入力してください。"))
        choice = self.people.value()
        if choice == "chosen" and not self.checked_people():
            raise ValidationError("chosen", self.tr("通知を印刷する方にチェックを入れてください。"))
        db, meeting_id, addresses = self.ctx.db, self.meeting_id, self.addresses.isChecked()
        people: Any = "all" if choice == "chosen" else choice
        person_ids = self.checked_people() if choice == "chosen" else None
        unaddressed_note = self.tr(
            "住所が登録されていない方（{names}）には通知を印刷しません。PDFの最後のページに一覧があります。"
        )

        def warning(doc: Any) -> str:
            note = (
                unaddressed_note.format(names="、".join(i.name for i in doc.unaddressed))
                if doc.unaddressed
                else ""
            )
            return warning_with_glyphs(note, doc.texts())

        # Read on the database worker, drawn on the papers lane (gui/ops.py): never on the GUI thread.
        return Paper(
            lambda: collect_notice(
                db,
                meeting_id,
                issued_on=issued,
                reply_by=reply_by,
                people=people,
                person_ids=person_ids,
                addresses=addresses,
            ),  # fmt: skip
            lambda doc, path: render_notice(doc, path),
            warning,
        )
