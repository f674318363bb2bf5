"""予算の入力, 科目の追加 and 科目の修正: the 当初予算 of a 年度 (once), then each 補正予算 as a dated revision with its reason.

One amount field per 科目 (収入の部 first, 細目 under their 科目), filled with the budget as it stands; a
補正 records only the 科目 whose amount changed, and the original budget is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.accounts import SubjectKind
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_entry import entry_day, subject_text
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.enum_label import enum_choices
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.gui.widgets.yen_edit import YenEdit
from sakae_council.services import accounts
from sakae_council.services.accounts import (
    BookDTO,
    BudgetLineInput,
    BudgetRevisionDTO,
    SubjectDTO,
    SubjectInput,
)


@dataclass(frozen=True)
class BudgetChoices:
    """What the budget editor shows, read before it opens: the revisions so far, each 科目's budget as it
    stands, and the 科目 in use."""

    revisions: tuple[BudgetRevisionDTO, ...]
    current: dict[int, int]
    subjects: tuple[SubjectDTO, ...]


def load_budget_choices(db: Database, book: BookDTO) -> BudgetChoices:
    return BudgetChoices(
        tuple(accounts.list_budget_revisions(db, book.id)),
        {row.subject_id: row.budget for row in accounts.budget_vs_actual(db, book.id)},
        tuple(s for s in accounts.list_subjects(db, book.district_id) if s.active),
    )


def open_budget_editor(
    ctx: AppContext, book: BookDTO, parent: QWidget, show: Callable[[BudgetDialog], object]
) -> None:
    """Read the budget as it stands on the database worker, then build its editor and ``show`` it."""
    db = ctx.db
    QueryOp(lambda: load_budget_choices(db, book), parent=parent).success(
        lambda c: show(BudgetDialog(ctx, book, parent, choices=c))
    ).run()


class BudgetDialog(EntityDialog):
    """当初予算 when the book has none yet, else the next 補正予算 (opened through :func:`open_budget_editor`)."""

    def __init__(
        self,
        ctx: AppContext,
        book: BookDTO,
        parent: QWidget | None = None,
        *,
        choices: BudgetChoices | None = None,
    ) -> None:
        if choices is None:
            choices = load_budget_choices(ctx.db, book)
        self.revisions = list(choices.revisions)
        first = not self.revisions
        title = (
            self.tr("当初予算の入力") if first else self.tr("第{n}号補正予算").format(n=len(self.revisions))
        )
        super().__init__(title, parent)
        self.ctx, self.book = ctx, book
        current = choices.current
        self.current = current
        self.date = WarekiDateEdit("decided_on")
        self.date.set_value(entry_day(book, ctx.today()))
        self.reason = NoteEdit(2)
        self.form.add_field("decided_on", self.tr("議決した日（総会・役員会）"), self.date, required=True)
        self.form.add_field(
            "reason", self.tr("補正の理由") if not first else self.tr("備考"), self.reason, required=not first
        )
        self.amounts: dict[int, YenEdit] = {}
        for s in choices.subjects:
            edit = YenEdit(f"subject_{s.id}")
            edit.set_value(current.get(s.id, 0))
            self.amounts[s.id] = edit
            self.form.add_field(f"subject_{s.id}", subject_text(s), edit)
        self.fit_to_screen(34)

    def lines(self) -> list[BudgetLineInput]:
        """Every 科目's amount for 当初予算; only the changed ones for a 補正."""
        out = []
        for subject_id, edit in self.amounts.items():
            amount = edit.value() or 0
            if not self.revisions or amount != self.current.get(subject_id, 0):
                out.append(BudgetLineInput(subject_id, amount))
        return out

    def save_request(self) -> SaveRequest:
        decided = self.date.value()
        if decided is None:
            raise ValidationError("decided_on", self.tr("議決した日を入力してください。"))
        lines = self.lines()
        db, book_id, reason = self.ctx.db, self.book.id, self.reason.text()
        if not self.revisions:
            return SaveRequest(lambda _v: accounts.set_budget(db, book_id, decided, lines, reason=reason))
        if not lines:
            raise ValidationError(
                "reason", self.tr("金額を変えた科目がありません。補正する科目の金額を直してください。")
            )
        if not reason.strip():
            raise ValidationError("reason", self.tr("補正の理由を書いてください（例: 夏祭りの規模拡大）。"))
        return SaveRequest(lambda _v: accounts.add_budget_revision(db, book_id, decided, reason, lines))


def open_subject_adder(
    ctx: AppContext, district_id: int, parent: QWidget, show: Callable[[SubjectDialog], object]
) -> None:
    """Read the council's 科目 on the database worker, then build 科目の追加 and ``show`` it."""
    db = ctx.db
    QueryOp(lambda: accounts.list_subjects(db, district_id), parent=parent).success(
        lambda found: show(SubjectDialog(ctx, district_id, parent, subjects=found))
    ).run()


class SubjectDialog(EntityDialog):
    """A new 科目 of the council (収入 or 支出), or a 細目 under one; it is kept across years so years compare."""

    def __init__(
        self,
        ctx: AppContext,
        district_id: int,
        parent: QWidget | None = None,
        *,
        subjects: list[SubjectDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("科目の追加"), parent)
        if subjects is None:
            subjects = accounts.list_subjects(ctx.db, district_id)
        self.ctx, self.district_id = ctx, district_id
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例: 防災訓練費"))
        self.kind = ChoiceCombo(enum_choices(SubjectKind))
        self.parent_subject = ChoiceCombo(
            [(self.tr("（科目として追加する）"), None)]
            + [(subject_text(s), s.id) for s in subjects if s.parent_id is None]
        )
        self.form.add_field("name", self.tr("科目名"), self.name, required=True)
        self.form.add_field("kind", self.tr("収入・支出"), self.kind)
        self.form.add_field(
            "parent_id",
            self.tr("細目にするとき、その科目"),
            self.parent_subject,
            hint=self.tr("細目は、親の科目と同じ収入・支出になります。"),
        )
        self.fit_to_screen(32)

    def save_request(self) -> SaveRequest:
        data = SubjectInput(
            kind=self.kind.value(), name=self.name.text(), parent_id=self.parent_subject.value()
        )
        db, district_id = self.ctx.db, self.district_id
        return SaveRequest(lambda _v: accounts.create_subject(db, district_id, data))


def open_subject_editor(
    ctx: AppContext,
    district_id: int,
    subject_id: int | None,
    parent: QWidget,
    show: Callable[[SubjectEditDialog], object],
) -> None:
    """Read the council's 科目 (retired ones too) on the database worker, then build 科目の修正 and ``show`` it."""
    db = ctx.db
    QueryOp(lambda: accounts.list_subjects(db, district_id, include_inactive=True), parent=parent).success(
        lambda found: show(SubjectEditDialog(ctx, found, subject_id, parent))
    ).run()


def _subject(db: Database, district_id: int, subject_id: int) -> SubjectDTO:
    for s in accounts.list_subjects(db, district_id, include_inactive=True):
        if s.id == subject_id:
            return s
    raise NotFoundError(msg("この科目は見つかりません。"))


class SubjectEditDialog(EntityDialog):
    """科目の修正: rename a 科目 or 細目, or stop offering it for new entries (使わない); entries that have it
    keep it, and its kind and place stay so years compare."""

    record_attr = "record"

    def __init__(
        self,
        ctx: AppContext,
        subjects: list[SubjectDTO],
        subject_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("科目の修正"), parent)
        self.ctx = ctx
        self.subjects = {s.id: s for s in subjects}
        self.subject = ChoiceCombo(
            [(subject_text(s) + ("" if s.active else self.tr("（使わない）")), s.id) for s in subjects]
        )
        self.subject.setObjectName("subjectChoice")
        self.subject.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.subject.setMinimumContentsLength(12)
        self.name = QLineEdit()
        self.name.setObjectName("subjectName")
        self.active = QCheckBox(self.tr("新しい記帳と予算で使う"))
        self.active.setObjectName("subjectActive")
        self.form.add_field("subject", self.tr("直す科目"), self.subject)
        self.form.add_field("name", self.tr("科目名"), self.name, required=True)
        self.form.add_field(
            "active",
            self.tr("使う・使わない"),
            self.active,
            hint=self.tr(
                "外すと、新しい記帳と予算で選べなくなります。これまでの記帳と帳票には、そのまま残ります。"
            ),
        )
        if subject_id is not None:
            self.subject.set_value(subject_id)
        self.record: SubjectDTO | None = None
        self._chosen()
        self.subject.currentIndexChanged.connect(lambda _i: self._chosen())
        self.fit_to_screen(32)

    def _chosen(self) -> None:
        chosen = self.subjects.get(self.subject.value())
        if chosen is not None:
            self.fill(chosen)
            if self.isVisible():
                self.mark_clean()  # another 科目 chosen: what it held is where the editing starts

    def save_request(self) -> SaveRequest:
        record = self.record
        if record is None:
            raise ValidationError("subject", self.tr("直す科目を選んでください。"))
        data = SubjectInput(
            kind=record.kind,
            name=self.name.text(),
            parent_id=record.parent_id,
            display_order=record.display_order,
            active=self.active.isChecked(),
            notes=record.notes,
        )
        db, subject_id, district_id = self.ctx.db, record.id, record.district_id
        return self.request_update(
            record,
            lambda version: accounts.update_subject(db, subject_id, data, version),
            db=db,
            entity="account_subject",
            what=self.tr("この科目"),
            load=lambda: _subject(db, district_id, subject_id),
            mine={"name": data.name, "active": data.active},
        )
