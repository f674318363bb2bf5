"""資機材: the inventory, the loans (overdue ones stand out), and one item's availability span by span."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.domain.enums import LoanStatus
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.services.equipment import EquipmentDTO, UsageSpan
from sakae_council.services.equipment_loans import LoanDTO


def tr(text: str, n: int = -1) -> str:
    """``text`` in the interface's language; with ``n``, its ``%n`` is the count in the right plural form."""
    return QCoreApplication.translate("Equipment", text, None, n)


LOAN_STATUS_STYLE = {
    LoanStatus.RESERVED: "upcoming",
    LoanStatus.RETURNED: "ended",
    LoanStatus.CANCELLED: "cancelled",
}


def loan_style(loan: LoanDTO) -> str | None:
    return "overdue" if loan.overdue else LOAN_STATUS_STYLE.get(loan.status)


class LoansModel(DtoTableModel[LoanDTO]):
    """資機材, 数量, 借り手, 学区, 貸出日, 返却予定日, 返却日, 状態, 返却時の状態 — 期限切れ in words and in red."""

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        self.today = today
        super().__init__(
            [
                Column(
                    tr("資機材"), lambda x: x.equipment_name, sort_value=lambda x: (x.equipment_name, x.id)
                ),
                Column(
                    tr("数量"),
                    lambda x: str(x.quantity),
                    align_right=True,
                    sort_value=lambda x: (x.quantity, x.id),
                ),
                Column(tr("借り手"), lambda x: x.borrower_name, sort_value=lambda x: (x.borrower_name, x.id)),
                Column(
                    tr("学区"),
                    lambda x: x.district_name,
                    sort_value=lambda x: (x.district_name, x.id),
                    priority=2,
                ),
                Column(tr("貸出日"), lambda x: wareki(x.lent_on), sort_value=lambda x: (x.lent_on, x.id)),
                Column(
                    tr("返却予定日"),
                    lambda x: wareki(x.due_on),
                    sort_value=lambda x: (x.due_on, x.id),
                    status=lambda x: "overdue" if x.overdue else None,
                ),
                Column(
                    tr("返却日"),
                    lambda x: wareki(x.returned_on),
                    sort_value=lambda x: (x.returned_on or date.min, x.id),
                    priority=2,
                ),
                Column(
                    tr("状態"),
                    self._state,
                    status=loan_style,
                    tooltip=lambda x: x.notes,
                    sort_value=lambda x: (not x.overdue, list(LoanStatus).index(x.status), x.id),
                ),
                Column(
                    tr("返却時の状態"),
                    lambda x: x.return_condition,
                    tooltip=lambda x: x.return_condition,
                    sort_value=lambda x: (x.return_condition, x.id),
                    priority=3,
                ),
            ],
            parent,
        )

    def _state(self, loan: LoanDTO) -> str:
        if loan.overdue:
            days = (self.today - loan.due_on).days
            return tr("期限切れ（%n日超過）", days)
        return enum_label(loan.status)


class EquipmentModel(DtoTableModel[EquipmentDTO]):
    """管理番号, 資機材名, 数量, 本日の空き, 保管場所, 状態, 貸出."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.free_today: dict[int, int] = {}
        super().__init__(
            [
                Column(tr("管理番号"), lambda e: e.code, sort_value=lambda e: (e.code, e.id)),
                Column(
                    tr("資機材名"),
                    lambda e: e.name,
                    tooltip=lambda e: e.notes,
                    sort_value=lambda e: (e.name, e.id),
                ),
                Column(
                    tr("数量"),
                    lambda e: str(e.quantity),
                    align_right=True,
                    sort_value=lambda e: (e.quantity, e.id),
                ),
                Column(
                    tr("本日の空き"),
                    self._free,
                    align_right=True,
                    status=lambda e: (
                        "cancelled"
                        if not e.available
                        else ("overdue" if self.free_today.get(e.id, 1) <= 0 else None)
                    ),
                    sort_value=lambda e: (self.free_today.get(e.id, 0), e.id),
                ),
                Column(
                    tr("保管場所"), lambda e: e.storage_place, sort_value=lambda e: (e.storage_place, e.id)
                ),
                Column(tr("状態"), lambda e: e.condition),
                Column(
                    tr("貸出"),
                    lambda e: tr("可") if e.available else tr("貸出不可"),
                    status=lambda e: None if e.available else "cancelled",
                ),
            ],
            parent,
        )

    def _free(self, e: EquipmentDTO) -> str:
        if not e.available:
            return tr("—")
        free = self.free_today.get(e.id)
        return "" if free is None else str(free)


class AvailabilityModel(DtoTableModel[UsageSpan]):
    """期間, 使用中, 空き — a span without enough free pieces is marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("期間"),
                    lambda s: wareki(s.start) if s.start == s.end else f"{wareki(s.start)}〜{wareki(s.end)}",
                ),
                Column(tr("貸出・予約中"), lambda s: str(s.in_use), align_right=True),
                Column(
                    tr("空き"),
                    lambda s: str(max(s.free, 0)) if s.free > 0 else tr("0（空きなし）"),
                    align_right=True,
                    status=lambda s: "overdue" if s.free <= 0 else None,
                ),
            ],
            parent,
        )
