"""監査報告書: the two 監事 report to the council that they audited the year's accounts, and sign.

    （date, right）
    安食小学校区まちづくり協議会
    会長　岡田 洋子 様
                          監 査 報 告 書
    令和8年度（自 令和8年4月1日 至 令和9年3月31日）の会計について、…監査した結果、
    適正に処理されていることを認めます。
        収入総額 ¥… / 支出総額 ¥… / 次年度繰越金 ¥…
    監事　[name] ________ [印]
    監事　[name] ________ [印]

The wording is the council's when it has one (``wording``), else the standard sentence. The figures are
the 収支決算書's, so the two papers agree. Names come from the roster (役職 監事); a missing one leaves a
line to write on, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.accounts_paper import (
    OPEN_MARK,
    BookOwner,
    decor,
    missing_characters,
    signature_table,
    yen_sign,
)
from sakae_council.reports.style import (
    SealBox,
    build_pdf,
    content_width,
    name_para,
    para,
    plain_table,
    styles,
)

DOCUMENT = "監査報告書"
#: The sentence a council uses when it has not written its own (「…」 is the 年度 and period).
STANDARD_WORDING = (
    "{year}（{period}）の会計について、収支決算書、出納帳、預金通帳、領収書その他の証憑書類を"
    "監査した結果、適正に処理されていることを認めます。"
)


@dataclass(frozen=True)
class AuditReport:
    """What the 監査報告書 prints."""

    owner: BookOwner
    printed_on: date
    income_total: int
    expense_total: int
    #: The chair it is addressed to ("" leaves the line to write on).
    chair_name: str = ""
    #: The two 監事 (fewer leave blank lines to write the name on).
    auditors: tuple[str, ...] = field(default=())
    #: The day of the audit (None: 「令和　年　月　日」 to fill in by hand).
    audited_on: date | None = None
    #: The council's own sentence; ``{year}`` and ``{period}`` are filled in when present.
    wording: str = ""
    closed: bool = False

    @property
    def balance(self) -> int:
        return self.income_total - self.expense_total

    def sentence(self) -> str:
        text = self.wording.strip() or STANDARD_WORDING
        year = self.owner.year_label
        period = self.owner.period_text
        return text.replace("{year}", year).replace("{period}", period)

    def texts(self) -> list[str]:
        return [self.owner.council, self.chair_name, *self.auditors, self.wording]

    def unprintable(self) -> list[str]:
        return missing_characters(self.texts())


def _figures(r: AuditReport) -> Table:
    st = styles()
    rows = [
        [para(label, st.body_gothic), para(yen_sign(amount), st.right)]
        for label, amount in (
            ("収入総額", r.income_total),
            ("支出総額", r.expense_total),
            ("次年度繰越金", r.balance),
        )
    ]
    table = plain_table(
        rows, [40 * mm, 45 * mm], extra=[("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#555555"))]
    )
    table.hAlign = "CENTER"
    return table


def _signatures(r: AuditReport) -> Table:
    st = styles()
    seal = 15 * mm
    names = [*r.auditors[:2], "", ""][:2]
    rows = [[para("監事", st.cell_head), name_para(n, st.cell), "", SealBox(seal)] for n in names]
    width = content_width() * 0.78
    sign = width - 20 * mm - 45 * mm - seal - 6 * mm
    return signature_table(
        rows,
        [20 * mm, 45 * mm, sign, seal + 6 * mm],
        [seal + 7 * mm] * 2,
        line=((1, 0), (2, -1)),
        extra=[("ALIGN", (3, 0), (3, -1), "CENTER")],
    )


def render_audit(r: AuditReport, output: str | Path) -> Path:
    """Write the 監査報告書 ``r`` as one A4 page; returns the path."""
    st = styles()
    when = to_wareki(r.audited_on) if r.audited_on else "令和　　年　　月　　日"
    story: list[Flowable] = [
        para(when, st.right),
        Spacer(1, 6 * mm),
        para(r.owner.council, st.body_gothic),
        name_para(r.chair_name or "　　　　　　", st.body_gothic, before="会長　", after="　様"),
        Spacer(1, 10 * mm),
        para("監　査　報　告　書", st.title),
        Spacer(1, 8 * mm),
        *[para(line, st.body) for line in r.sentence().splitlines() if line.strip()],
        Spacer(1, 6 * mm),
        para("記", st.subtitle),
        Spacer(1, 3 * mm),
        _figures(r),
        Spacer(1, 4 * mm),
        para("以上", st.right),
        Spacer(1, 10 * mm),
        KeepTogether([_signatures(r)]),
    ]
    if not r.closed:
        story.insert(1, para(f"【{OPEN_MARK}】決算確定前の数字です", st.right))
    d = decor(r.owner, DOCUMENT, r.printed_on, watermark="" if r.closed else OPEN_MARK)
    return build_pdf(
        output, story, title=f"{r.owner.council} {r.owner.year_label} {DOCUMENT}", subject=DOCUMENT, decor=d
    )
