"""1　成果指標（目標と実績）of the 連絡会まとめ: a table and a chart per indicator of the plan.

Only what is meant for the chairs prints — an indicator's 資料の注記, never its 内部メモ. A figure never
counted (未集計) prints as 「—」 and leaves a gap in the chart, never a 0.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from sakae_council.domain.wareki import fiscal_year_label
from sakae_council.reports.base import content_width, grid_table, para, styles
from sakae_council.reports.indicator_chart import indicator_chart
from sakae_council.reports.summary_parts import FLUSH, NO_FIGURE, head, none_line, p, right
from sakae_council.services.indicator_values import ActualSource, IndicatorRowDTO
from sakae_council.services.indicators import format_value
from sakae_council.services.liaison import LiaisonSummaryDTO

SOURCE_TEXT = {
    ActualSource.COMPUTED: "自動集計",
    ActualSource.OVERRIDE: "手入力で上書き",
    ActualSource.MANUAL: "手入力",
    ActualSource.NOT_COUNTED: "未集計",
    ActualSource.NONE: "",
}


def indicator_table(row: IndicatorRowDTO, width: float) -> Table:
    rows: list[list[Any]] = [head("年度", "現状値", "目標値", "実績値", "集計方法")]
    for c in row.cells:
        source = SOURCE_TEXT[c.actual_source]
        if c.actual_source is ActualSource.OVERRIDE:
            source += (
                f"（{c.entered_by}: {c.override_reason}）" if c.entered_by else f"（{c.override_reason}）"
            )
        rows.append(
            [
                p(fiscal_year_label(c.fiscal_year)),
                right(format_value(c.base)),
                right(format_value(c.target)),
                right(format_value(c.actual) if c.actual is not None else NO_FIGURE),
                p(source, styles().small),
            ]
        )
    widths = [0.25, 0.16, 0.16, 0.16, 0.27]  # 「目標値」 at 10.5 pt fits its column (house style)
    return grid_table(rows, [w * width for w in widths])


def indicators(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        para("1　成果指標（目標と実績）", st.heading),
        para(
            "総合計画（戦略４）の成果指標。実績値は記録から自動で集計したもの（自動集計）、"
            "それを理由を付けて手入力で直したもの（上書き）、手入力したもの（手入力）がある。"
            f"「{NO_FIGURE}」は値がないこと（未集計: その種類の記録が始まる前の年度）を表し、0ではない。",
            st.small,
        ),
    ]
    if not s.indicators:
        story.append(none_line("（成果指標が登録されていません）"))
    width = content_width()
    for row in s.indicators:
        heading = f"{row.project}　{row.name}" if row.project else row.name
        if row.unit:
            heading += f"（単位: {row.unit}）"
        block: list[Flowable] = [para(heading, st.subheading)]
        table = indicator_table(row, width * 0.62)
        chart = indicator_chart(row, width * 0.36, max(50 * mm, table.wrap(width * 0.62, 1000)[1]))
        side_by_side = Table([[table, chart]], colWidths=[width * 0.63, width * 0.37])
        side_by_side.setStyle(FLUSH)
        block.append(side_by_side)
        # Only the 資料の注記 prints; the 内部メモ is for whoever enters the figures.
        if row.notes:
            block.append(para(f"注記: {row.notes}", st.small))
        for fy, kind, note in row.value_notes:
            block.append(para(f"注記（{fiscal_year_label(fy)}{kind.label}）: {note}", st.small))
        block.append(Spacer(1, 4 * mm))
        story.append(KeepTogether(block))
    return story
