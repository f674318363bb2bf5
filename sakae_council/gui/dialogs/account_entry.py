"""出納帳の記帳: one entry — date, 科目, 摘要, amount, 現金/預金, 相手先, the grant it belongs to.

The 科目 says whether the amount is 収入 or 支出 (a 科目 of 収入の部 takes income). A new entry starts
with today's date (inside the book's 年度) and the 科目 used last, so a month of receipts is typed with
the keyboard alone: Ctrl+N, the date, Tab, the amount, Enter. An expense past its 科目's budget is not
refused: the 予算超過 warning appears under 「予算を超える理由」 and the entry is saved once a reason
is written there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.accounts import CashAccount, SubjectKind
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import fiscal_year_range
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.enum_label import enum_choices, enum_label
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.gui.widgets.yen_edit import YenEdit
from sakae_council.services import accounts, grants, projects
from sakae_council.services.accounts import BookDTO, EntryDTO, EntryInput, OverspendWarning, SubjectDTO
from sakae_council.services.grants import GrantDTO
from sakae_council.services.projects import ProjectDTO, ProjectFilter


def subject_text(s: SubjectDTO) -> str:
    """「支出：消耗品費」, 「支出：事業費／夏祭り」 for a 細目."""
    name = f"{s.parent_name}／{s.name}" if s.parent_name else s.name
    return f"{enum_label(s.kind)}：{name}"


def entry_day(book: BookDTO, today: date) -> date:
    """Today, or the nearest day of the book's 年度 (entering last year's receipts in April)."""
    first, last = fiscal_year_range(book.fiscal_year)
    return min(max(today, first), last)


@dataclass(frozen=True)
class EntryChoices:
    """What the entry editor offers, read before it opens: the 科目 in use (a retired one only when the
    entry already has it), the council's 協働事業 and the year's grants, and the 科目 used last."""

    subjects: tuple[SubjectDTO, ...]
    projects: tuple[ProjectDTO, ...]
    grants: tuple[GrantDTO, ...]
    last_subject: int | None


def load_entry_choices(db: Database, book: BookDTO, entry_id: int | None) -> EntryChoices:
    """The editor's choices (on the caller's thread: the worker, through :func:`open_entry_editor`)."""
    kept = None
    if entry_id is not None:
        kept = accounts.get_entry(db, entry_id).subject_id
    subjects = tuple(
        s
        for s in accounts.list_subjects(db, book.district_id, include_inactive=True)
        if s.active or s.id == kept
    )
    return EntryChoices(
        subjects,
        tuple(projects.list_projects(db, ProjectFilter(district_id=book.district_id))),
        tuple(grants.list_grants(db, fiscal_year=book.fiscal_year, district_id=book.district_id)),
        accounts.last_used_subject(db, book.id),
    )


def open_entry_editor(
    ctx: AppContext,
    book: BookDTO,
    entry_id: int | None,
    parent: QWidget,
    show: Callable[[EntryDialog], object],
) -> None:
    """Read the entry (fresh) and the editor's choices on the database worker, then build it and ``show`` it."""
    db = ctx.db

    def load() -> tuple[EntryDTO | None, EntryChoices]:
        entry = accounts.get_entry(db, entry_id) if entry_id is not None else None
        return entry, load_entry_choices(db, book, entry_id)

    QueryOp(load, parent=parent).success(
        lambda answer: show(EntryDialog(ctx, book, answer[0], parent, choices=answer[1]))
    ).run()


class EntryDialog(EntityDialog):
    """A new entry (``entry`` None) or an unchecked one to correct in place.

    Opened through :func:`open_entry_editor`, it touches the database only on the worker (built without
    ``choices`` it reads them on the spot)."""

    record_attr = "entry"

    def __init__(
        self,
        ctx: AppContext,
        book: BookDTO,
        entry: EntryDTO | None = None,
        parent: QWidget | None = None,
        *,
        choices: EntryChoices | None = None,
    ) -> None:
        super().__init__(
            self.tr("出納帳の記帳")
            if entry is None
            else self.tr("記帳の修正（No.{n}）").format(n=entry.voucher_no),
            parent,
        )
        self.ctx, self.book, self.entry = ctx, book, entry
        if choices is None:
            choices = load_entry_choices(ctx.db, book, entry.id if entry is not None else None)
        self.subjects = list(choices.subjects)
        self._kinds = {s.id: s.kind for s in self.subjects}
        self.date = WarekiDateEdit("entry_date")
        self.subject = ChoiceCombo([(subject_text(s), s.id) for s in self.subjects])
        self.subject.setObjectName("subjectChoice")
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("例: 4月役員会 お茶代"))
        self.amount = YenEdit("amount")
        self.account = ChoiceCombo(enum_choices(CashAccount))
        self.counterparty = QLineEdit()
        self.counterparty.setPlaceholderText(self.tr("例: ○○商店（支払先・入金元）"))
        self.project = ChoiceCombo(
            [(self.tr("（協働事業と結び付けない）"), None)] + [(p.title, p.id) for p in choices.projects]
        )
        self.project.setObjectName("projectChoice")
        self.grant = ChoiceCombo(
            [(self.tr("（補助金と結び付けない）"), None)]
            + [(f"{g.project_title}（{g.scheme or self.tr('補助金')}）", g.id) for g in choices.grants]
        )
        self.grant.setObjectName("grantChoice")
        self._grant_projects = {g.id: g.project_id for g in choices.grants}
        self.grant.currentIndexChanged.connect(lambda _i: self._grant_chosen())
        for combo in (self.subject, self.project, self.grant):
            # long 科目/事業 names must not widen the window past a laptop's screen at 特大
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.overspend = MessageLine("warning")
        self.reason = NoteEdit(2)
        f = self.form
        f.add_field("entry_date", self.tr("日付"), self.date, required=True)
        f.add_field(
            "subject_id",
            self.tr("科目"),
            self.subject,
            required=True,
            hint=self.tr("収入の科目なら収入、支出の科目なら支出として記帳します。"),
        )
        f.add_field("description", self.tr("摘要"), self.description, required=True)
        f.add_field(
            "amount",
            self.tr("金額（円）"),
            self.amount,
            required=True,
            hint=self.tr("12000、１２，０００、12,000円 のどれでも入力できます。"),
        )
        f.add_field("account", self.tr("現金・預金"), self.account)
        f.add_field("counterparty", self.tr("相手先"), self.counterparty)
        f.add_field(
            "project_id",
            self.tr("協働事業"),
            self.project,
            hint=self.tr("どの協働事業の収入・支出かを選ぶと、事業ごとに集計できます。"),
        )
        f.add_field(
            "grant_id",
            self.tr("補助金"),
            self.grant,
            hint=self.tr("補助金で払った支出は、補助金を選ぶと収支精算書に載ります。"),
        )
        f.add_widget(self.overspend)
        self.reason_row = f.add_field("overspend_reason", self.tr("予算を超える理由"), self.reason)
        self.reason_row.setVisible(bool(entry and entry.overspend_reason))
        if entry is None:
            self.date.set_value(entry_day(book, ctx.today()))
            last = choices.last_subject
            if last is not None:
                self.subject.set_value(last)
        else:
            self.fill(entry)
        self.fit_to_screen(36)

    def _grant_chosen(self) -> None:
        """A grant belongs to one 協働事業: choosing the grant chooses its 事業 when none is chosen yet."""
        project = self._grant_projects.get(self.grant.value())
        if project is not None and self.project.value() is None:
            self.project.set_value(project)

    def fill(self, record: Any) -> None:
        super().fill(record)
        self.date.set_value(record.entry_date)
        self.amount.set_value(record.income or record.expense)

    def input(self) -> EntryInput:
        """What the form holds, as the service's input (the 科目's 部 decides 収入 or 支出)."""
        when = self.date.value()
        if when is None:
            raise ValidationError("entry_date", self.tr("日付を入力してください。"))
        subject_id = self.subject.value()
        if subject_id is None:
            raise ValidationError("subject_id", self.tr("科目を選んでください。"))
        amount = self.amount.value()
        if amount is None:
            raise ValidationError("amount", self.tr("金額を入力してください。"))
        income = self._kinds[subject_id] is SubjectKind.INCOME
        return EntryInput(
            entry_date=when,
            subject_id=subject_id,
            description=self.description.text(),
            income=amount if income else 0,
            expense=0 if income else amount,
            account=self.account.value(),
            counterparty=self.counterparty.text(),
            project_id=self.project.value(),
            grant_id=self.grant.value(),
            overspend_reason=self.reason.text() if self.reason_row.isVisible() else "",
        )

    def save_request(self) -> SaveRequest:
        """The entry as typed, written on the database worker (an edit through the conflict dialog)."""
        data = self.input()
        db, book_id = self.ctx.db, self.book.id
        if self.entry is None:
            return SaveRequest(lambda _version: accounts.add_entry(db, book_id, data))
        entry_id = self.entry.id
        return self.request_update(
            self.entry,
            lambda version: accounts.update_entry(db, entry_id, data, version),
            db=db,
            entity="account_entry",
            what=self.tr("この記帳"),
            load=lambda: accounts.get_entry(db, entry_id),
            mine=data,
        )

    def show_field_error(self, error: ValidationError) -> None:
        if isinstance(error, OverspendWarning):
            # A warning, not a refusal: say how far over, and ask for the council's reason.
            self.overspend.show_message(error.message)
            self.reason_row.setVisible(True)
            self.form.show_error(
                "overspend_reason", self.tr("理由を書いてから、もう一度「保存」を押してください。")
            )
            self._grow()
            self.scroll_area.ensureWidgetVisible(self.reason_row)
            return
        if error.field in ("income", "expense"):
            error = ValidationError("amount", error.message)
        super().show_field_error(error)

    def _grow(self) -> None:
        """Make room for the warning and the reason (the fields keep their height; past the screen it scrolls)."""
        body = self.scroll_area.widget()
        layout = body.layout() if body is not None else None
        if body is None or layout is None:
            return
        layout.activate()
        wanted = body.sizeHint().height() + self.buttons.sizeHint().height() + 48
        screen = self.screen()
        limit = int(screen.availableGeometry().height() * 0.9) if screen is not None else wanted
        self.resize(self.width(), max(self.height(), min(wanted, limit)))

    def clear_errors(self) -> None:
        super().clear_errors()
        self.overspend.clear()
