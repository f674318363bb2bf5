"""資機材貸出票 (loan slip): one A4 page per loan — what, how many, who, from when to when — with boxes to
sign and stamp when the equipment goes out and when it comes back.

Two steps like every document: :func:`collect_loan_slip` reads the loan through the services,
:func:`render_loan_slip` draws it (safe off the GUI thread: it touches no database).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from sakae_council.db.engine import Database
from sakae_council.domain.enums import LoanStatus
from sakae_council.domain.errors import DomainError
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.base import (
    PageDecor,
    SealBox,
    build_pdf,
    content_width,
    grid_table,
    name_para,
    para,
    styles,
)
from sakae_council.reports.fonts import unprintable_characters
from sakae_council.services import equipment, equipment_loans, projects

__all__ = ["LoanSlip", "collect_loan_slip", "render_loan_slip", "unprintable_characters"]


@dataclass(frozen=True)
class LoanSlip:
    """Everything the slip prints (already as text)."""

    number: str
    issued_on: date
    equipment_name: str
    equipment_code: str
    storage_place: str
    #: The equipment's condition as recorded now (on ``issued_on``). The state at lending is not
    #: stored anywhere, so the slip prints this under an honest label, never as 「貸出時の状態」.
    condition: str
    quantity: int
    borrower_organisation: str
    borrower_person: str
    district: str
    project: str
    lent_on: date
    due_on: date
    returned_on: date | None
    status: str
    notes: str
    #: 返却時の状態 recorded with the return (破損あり: … included); "" before the return.
    return_condition: str = ""

    def texts(self) -> list[str]:
        """The user text printed (for the missing-glyph check before printing)."""
        return [
            self.equipment_name,
            self.equipment_code,
            self.storage_place,
            self.condition,
            self.borrower_organisation,
            self.borrower_person,
            self.district,
            self.project,
            self.notes,
            self.return_condition,
        ]


def _wareki(d: date | None) -> str:
    return to_wareki(d, weekday=True) if d is not None else ""


def collect_loan_slip(db: Database, loan_id: int, today: date | None = None) -> LoanSlip:
    """The slip of one loan (a NotFoundError when it was removed)."""
    today = today or date.today()
    loan = equipment_loans.get_loan(db, loan_id, today)
    item = equipment.get_equipment(db, loan.equipment_id)
    project = ""
    if loan.project_id is not None:
        try:
            project = projects.get_project(db, loan.project_id).project.title
        except DomainError:
            project = ""
    status = loan.status.label
    if loan.overdue:
        status += "（期限切れ）"
    return LoanSlip(
        number=f"{loan.id:05d}",
        issued_on=today,
        equipment_name=item.name,
        equipment_code=item.code,
        storage_place=item.storage_place,
        condition=item.condition,
        quantity=loan.quantity,
        borrower_organisation=loan.borrower_organisation_name,
        borrower_person=loan.borrower_person_name,
        district=loan.district_name,
        project=project,
        lent_on=loan.lent_on,
        due_on=loan.due_on,
        returned_on=loan.returned_on if loan.status is LoanStatus.RETURNED else None,
        status=status,
        notes=loan.notes,
        return_condition=loan.return_condition if loan.status is LoanStatus.RETURNED else "",
    )


def _sign_table(title: str, labels: list[str]) -> Flowable:
    st = styles()
    width = content_width()
    rows: list[list[object]] = [[para(title, st.cell_head), "", ""]]
    rows += [[para(label, st.cell), "", SealBox(12 * mm)] for label in labels]
    return grid_table(
        rows,
        [width * 0.3, width * 0.5, width * 0.2],
        row_heights=[None] + [17 * mm] * len(labels),
        extra=[("SPAN", (0, 0), (-1, 0)), ("ALIGN", (2, 1), (2, -1), "CENTER")],
    )


def render_loan_slip(slip: LoanSlip, output: str | Path) -> Path:
    """Draw the slip as a one-page A4 PDF."""
    st = styles()
    width = content_width()
    what = slip.equipment_name + (f"（管理番号 {slip.equipment_code}）" if slip.equipment_code else "")
    rows = [
        ["資機材", what],
        ["数量", f"{slip.quantity}個"],
        ["保管場所", slip.storage_place],
        [f"資機材の状態（{to_wareki(slip.issued_on)}現在）", slip.condition],
        ["借用団体", slip.borrower_organisation],
        ["担当者", slip.borrower_person],
        ["学区", slip.district],
        ["使用する事業", slip.project],
        ["貸出日", _wareki(slip.lent_on)],
        ["返却予定日", _wareki(slip.due_on)],
        ["返却日", _wareki(slip.returned_on)],
        ["返却時の状態", slip.return_condition],
        ["状態", slip.status],
        ["備考", slip.notes],
    ]
    table = grid_table(
        [
            [para(k, st.cell_head), name_para(v, st.cell) if k == "担当者" else para(v, st.cell)]
            for k, v in rows
        ],
        [width * 0.25, width * 0.75],
        header_rows=0,
        extra=[("BACKGROUND", (0, 0), (0, -1), "#E8E8E8")],
    )
    story: list[Flowable] = [
        para("資機材貸出票", st.title),
        Spacer(1, 2 * mm),
        para(f"貸出番号 {slip.number}　発行日 {to_wareki(slip.issued_on)}", st.right),
        Spacer(1, 5 * mm),
        table,
        Spacer(1, 5 * mm),
        para("上記のとおり借用します。返却予定日までに、元の状態で返却します。", st.body),
        Spacer(1, 5 * mm),
        _sign_table("貸出時の確認", ["借用者 署名", "担当職員 署名"]),
        Spacer(1, 5 * mm),
        _sign_table("返却時の確認（返却日・返却時の状態を記入）", ["返却日・状態", "担当職員 署名"]),
        Spacer(1, 4 * mm),
        para("栄町 住民活動推進課", st.right),
    ]
    decor = PageDecor(
        header_left="資機材貸出票",
        header_context=f"{slip.district}　貸出番号 {slip.number}"
        if slip.district
        else f"貸出番号 {slip.number}",
        header_right=to_wareki(slip.issued_on),
        footer_left=f"資機材貸出票　貸出番号 {slip.number}　{slip.equipment_name}",
    )
    return build_pdf(
        output, story, title=f"資機材貸出票 {slip.number}", subject=slip.equipment_name, decor=decor
    )
