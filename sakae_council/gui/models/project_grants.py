"""補助金: a project's applications (amounts as ¥12,000, overspending flagged), their documents, and the totals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.domain.enums import GrantStatus
from sakae_council.domain.money import format_yen
from sakae_council.gui.formatting import fiscal_year_text, wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.services.grants import STEP_DATES, GrantDocumentDTO, GrantDTO, GrantTotalsRow


def tr(text: str, n: int = -1) -> str:
    """``text`` in the interface's language; with ``n``, its ``%n`` is the count in the right plural form."""
    return QCoreApplication.translate("Grants", text, None, n)


GRANT_STATUS_STYLE = {
    GrantStatus.APPLIED: "draft",
    GrantStatus.REVIEWING: "expiring",
    GrantStatus.AWARDED: "upcoming",
    GrantStatus.REJECTED: "cancelled",
    GrantStatus.SETTLED: "approved",
}


def yen(amount: int | None) -> str:
    return format_yen(amount) if amount is not None else "—"


def spent_text(g: GrantDTO) -> str:
    if g.amount_spent is None:
        return "—"
    if g.overspent:
        over = g.amount_spent - (g.amount_granted or 0)
        return tr("{spent}（{over}超過）").format(spent=format_yen(g.amount_spent), over=format_yen(over))
    return format_yen(g.amount_spent)


def step_date(g: GrantDTO) -> str:
    """The date of the step the application is at."""
    return wareki(getattr(g, STEP_DATES[g.status]))


class GrantsModel(DtoTableModel[GrantDTO]):
    """年度, 補助制度, ステータス, 日付, 申請額, 交付決定額, 支出額 (超過 flagged), 書類."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("年度"), lambda g: fiscal_year_text(g.fiscal_year)),
                Column(tr("補助制度"), lambda g: g.scheme),
                Column(
                    tr("ステータス"),
                    lambda g: enum_label(g.status),
                    status=lambda g: GRANT_STATUS_STYLE.get(g.status),
                ),
                Column(tr("日付"), step_date),
                Column(tr("申請額"), lambda g: format_yen(g.amount_requested), align_right=True),
                Column(tr("交付決定額"), lambda g: yen(g.amount_granted), align_right=True),
                Column(
                    tr("支出額"),
                    spent_text,
                    align_right=True,
                    status=lambda g: "overdue" if g.overspent else None,
                    tooltip=lambda g: tr("支出額が交付決定額を超えています") if g.overspent else "",
                ),
                Column(
                    tr("書類"),
                    lambda g: tr("%n点", len(g.documents)) if g.documents else "",
                    align_right=True,
                ),
            ],
            parent,
        )


class DocumentsModel(DtoTableModel[GrantDocumentDTO]):
    """書類名, 保管場所, 提出日."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("書類名"), lambda d: d.title),
                Column(tr("保管場所"), lambda d: d.location),
                Column(tr("提出日"), lambda d: wareki(d.submitted_on)),
            ],
            parent,
        )


class GrantTotalsModel(DtoTableModel[GrantTotalsRow]):
    """年度, 学区, 件数, 申請額, 交付決定額, 支出額 — one row per (年度, 学区)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("年度"), lambda r: fiscal_year_text(r.fiscal_year) if r.fiscal_year else tr("合計")
                ),
                Column(tr("学区"), lambda r: r.district_name),
                Column(tr("件数"), lambda r: tr("%n件", r.applications), align_right=True),
                Column(tr("申請額"), lambda r: format_yen(r.requested), align_right=True),
                Column(tr("交付決定額"), lambda r: format_yen(r.granted), align_right=True),
                Column(
                    tr("支出額"),
                    lambda r: format_yen(r.spent),
                    align_right=True,
                    status=lambda r: "overdue" if r.spent > r.granted else None,
                ),
            ],
            parent,
        )
