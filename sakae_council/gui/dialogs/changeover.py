"""役員改選: every seat running at the 年度's end in one table — each ending term renewed, ended or handed
to a successor (from the roster, or a new name typed in), posts reassigned — applied in one step on a
chosen date. The service checks the council's rule (one person, one post; one 会長) and writes all or
nothing; nothing is pre-chosen for an ending term (the safe default: the secretary decides each).
Opened by :func:`open_changeover`: the seats and the roster are read on the database worker first; the
changeover is applied there."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from sakae_council.db.engine import Database
from sakae_council.domain.enums import OfficerPost
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import fiscal_year_range
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.opening import Failed, open_with
from sakae_council.gui.formatting import fiscal_year_text, wareki
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.services import changeover, districts, people
from sakae_council.services.changeover import (
    ChangeoverAction,
    ChangeoverPlan,
    NewPersonInput,
    SeatChoice,
    SeatDTO,
)
from sakae_council.services.districts import DistrictDTO

COLUMNS = ("氏名", "役割", "今の役職", "任期満了", "改選後", "改選後の役職", "後任")
ROLE_COL, ACTION_COL, POST_COL, SUCCESSOR_COL = 1, 4, 5, 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChangeoverDialog", text)


def action_label(action: ChangeoverAction) -> str:
    return QCoreApplication.translate("ChangeoverAction", action.label)


def post_label(post: OfficerPost) -> str:
    return QCoreApplication.translate("OfficerPost", post.label)


@dataclass(frozen=True)
class ChangeoverData:
    """What the table shows: the council, its seats at the 年度's end, and the roster's people as successors."""

    district: DistrictDTO
    seats: list[SeatDTO]
    people: list[people.PersonDTO]


def load_changeover(db: Database, district_id: int, fiscal_year: int) -> ChangeoverData:
    """The changeover's data (call it on the database worker)."""
    return ChangeoverData(
        districts.get_district(db, district_id),
        changeover.changeover_seats(db, district_id, fiscal_year),
        people.list_people(db),
    )


def open_changeover(
    ctx: AppContext,
    district_id: int,
    fiscal_year: int,
    parent: QWidget,
    show: Callable[[ChangeoverDialog], object],
    failed: Failed = None,
) -> None:
    """役員改選 of the council, its seats read on the database worker before the window is built."""
    db = ctx.db
    open_with(
        lambda: load_changeover(db, district_id, fiscal_year),
        lambda data: ChangeoverDialog(ctx, district_id, fiscal_year, parent, data=data),
        parent,
        show,
        failed,
    )


class ChangeoverDialog(EntityDialog):
    """The changeover of one council at the end of one 年度 (see the module docstring)."""

    def __init__(
        self,
        ctx: AppContext,
        district_id: int,
        fiscal_year: int,
        parent: QWidget | None = None,
        *,
        data: ChangeoverData | None = None,
    ) -> None:
        if data is None:  # read here when the caller did not read it on the worker (open_changeover)
            data = load_changeover(ctx.db, district_id, fiscal_year)
        district = data.district
        super().__init__(
            self.tr("役員改選 — {district}（{fy}末）").format(
                district=district.name, fy=fiscal_year_text(fiscal_year)
            ),
            parent,
        )
        self.ctx = ctx
        self.district_id = district_id
        self.fiscal_year = fiscal_year
        self.seats: list[SeatDTO] = data.seats
        seated = {s.person_id for s in self.seats}
        self.candidates = [(f"{p.name}（{p.furigana}）" if p.furigana else p.name, p.id)
                           for p in data.people if p.id not in seated]  # fmt: skip
        self.effective_edit = WarekiDateEdit("effective_on", self)
        self.effective_edit.set_value(fiscal_year_range(fiscal_year)[1] + timedelta(days=1))
        self.years = QSpinBox(self)
        self.years.setRange(1, 4)
        self.years.setValue(changeover.DEFAULT_TERM_YEARS)
        self.years.setSuffix(self.tr(" 年"))
        self.table = QTableWidget(len(self.seats), len(COLUMNS), self)
        self.table.setObjectName("seats")
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().hide()
        for row, seat in enumerate(self.seats):
            self._fill_row(row, seat)
        self.table.resizeColumnsToContents()
        em = self.fontMetrics().horizontalAdvance("あ")
        for col in (ACTION_COL, POST_COL):  # room for the choice shown (「選んでください」 was cut at 特大)
            hints = [
                w.sizeHint().width() for r in range(len(self.seats)) if (w := self.table.cellWidget(r, col))
            ]
            self.table.setColumnWidth(col, max([self.table.columnWidth(col), *hints]))
        self.table.setColumnWidth(SUCCESSOR_COL, 10 * em)
        # 役割 takes what the other columns leave (its whole text in the tooltip): at 特大 on a laptop the
        # seven columns scrolled sideways, the 後任 (what a 交代 needs) out of sight.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ROLE_COL, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.fontMetrics().lineSpacing() * 18)
        ending = sum(1 for s in self.seats if s.ending)
        self.form.add_field(
            "effective_on", self.tr("改選の日（新しい任期の始まり）"), self.effective_edit, required=True
        )
        self.form.add_field("term_years", self.tr("新しい任期"), self.years)
        self.form.add_field(
            "choices",
            self.tr("委員の席（任期満了 {ending}名・全{total}名）").format(
                ending=ending, total=len(self.seats)
            ),
            self.table,
            hint=self.tr(
                "任期満了の人ごとに「再任・退任・交代」を選び、改選後の役職を決めてください。"
                "交代は後任を名簿から選ぶか、新しい人の氏名を入力します。一人が持てる役職は一つ、会長は一人です。"
            ),
        )
        self.save_button.setText(self.tr("改選を適用"))
        self.fit_to_screen(70)

    def _fill_row(self, row: int, seat: SeatDTO) -> None:
        cells = (
            seat.name,
            seat.role_text,
            post_label(seat.officer_post),
            wareki(seat.term_end) if seat.term_end else "—",
        )
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)  # (the 役割 column may be too narrow for it at 特大)
            self.table.setItem(row, col, item)
        action = ChoiceCombo(
            [
                (action_label(a), a)
                for a in (ChangeoverAction.RENEW, ChangeoverAction.END, ChangeoverAction.HANDOVER)
            ]
            if seat.ending
            else [(action_label(ChangeoverAction.CONTINUE), ChangeoverAction.CONTINUE)]
        )
        action.setObjectName(f"action{row}")
        action.setAccessibleName(self.tr("{name}さんの改選後").format(name=seat.name))
        if seat.ending:
            action.start_empty(self.tr("選んでください"))
        else:
            action.setEnabled(False)
        post = ChoiceCombo([(post_label(p), p) for p in OfficerPost])
        post.setObjectName(f"post{row}")
        post.setAccessibleName(self.tr("{name}さんの改選後の役職").format(name=seat.name))
        post.set_value(seat.officer_post)
        successor = ChoiceCombo(self.candidates)
        successor.setObjectName(f"successor{row}")
        successor.setEditable(True)
        # As wide as a name, not as the longest 「氏名（フリガナ）」 of the roster (the column ran off the right)
        successor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        successor.setMinimumContentsLength(8)
        successor.setAccessibleName(self.tr("{name}さんの後任").format(name=seat.name))
        successor.start_empty(self.tr("名簿から選ぶか氏名を入力"))
        successor.setEnabled(False)
        action.currentIndexChanged.connect(
            lambda _i, a=action, p=post, s=successor: self._action_changed(a, p, s)
        )
        self.table.setCellWidget(row, ACTION_COL, action)
        self.table.setCellWidget(row, POST_COL, post)
        self.table.setCellWidget(row, SUCCESSOR_COL, successor)

    @staticmethod
    def _action_changed(action: ChoiceCombo, post: ChoiceCombo, successor: ChoiceCombo) -> None:
        chosen = action.value()
        successor.setEnabled(chosen is ChangeoverAction.HANDOVER)
        post.setEnabled(chosen is not ChangeoverAction.END)

    def combo(self, row: int, col: int) -> ChoiceCombo:
        widget = self.table.cellWidget(row, col)
        assert isinstance(widget, ChoiceCombo)
        return widget

    def _successor(self, row: int) -> tuple[int | None, NewPersonInput | None]:
        box = self.combo(row, SUCCESSOR_COL)
        text = box.currentText().strip()
        for label, person_id in self.candidates:
            if text == label:
                return person_id, None
        return None, (NewPersonInput(text) if text else None)

    def plan(self) -> ChangeoverPlan:
        """The plan as chosen on the screen (ValidationError for a field left unchosen)."""
        effective = self.effective_edit.value()
        if effective is None:
            raise ValidationError("effective_on", self.tr("改選の日を入力してください（ふつうは4月1日）。"))
        choices = []
        for row, seat in enumerate(self.seats):
            action = self.combo(row, ACTION_COL)
            if not action.is_chosen():
                raise ValidationError(
                    "choices",
                    self.tr("「{name}」さんの改選後（再任・退任・交代）を選んでください。").format(
                        name=seat.name
                    ),
                )
            successor_id, new_person = self._successor(row)
            choices.append(
                SeatChoice(
                    seat.membership_id,
                    action.value(),
                    self.combo(row, POST_COL).value(),
                    successor_id,
                    new_person,
                    seat.membership_version,
                )
            )
        return ChangeoverPlan(
            self.district_id, self.fiscal_year, effective, tuple(choices), self.years.value()
        )

    def effective_on(self) -> date | None:
        try:
            return self.effective_edit.value()
        except ValidationError:
            return None

    def save_request(self) -> SaveRequest:
        db, plan = self.ctx.db, self.plan()
        return SaveRequest(lambda _v: changeover.apply_changeover(db, plan))
