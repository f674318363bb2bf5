"""成果指標のグラフ for the PDF: per fiscal year, 現状値 and 実績値 as bars and 目標値 as a red mark.

A year whose actual was never counted (未集計) has no actual bar at all — a gap marked 「—」 at the foot,
never a bar of height 0 with 「0」 over it, so it cannot be read as a real zero.

Drawn with reportlab.graphics shapes in the embedded BIZ UD Gothic (no stray Helvetica), on the same axis
steps as the chart on screen (``services.liaison.axis_ticks``), so paper and screen read alike.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors

from sakae_council.domain.wareki import fiscal_year_short
from sakae_council.reports.fonts import GOTHIC
from sakae_council.services.indicator_values import ActualSource, IndicatorRowDTO
from sakae_council.services.indicators import format_value
from sakae_council.services.liaison import axis_ticks

ACTUAL_FILL = colors.HexColor("#1F5FA8")
OVERRIDE_FILL = colors.HexColor("#C45A00")
BASE_FILL = colors.HexColor("#9E9E9E")
TARGET_COLOUR = colors.HexColor("#B71C1C")
GAP_COLOUR = colors.HexColor("#666666")
NO_FIGURE = "—"
#: Type sizes (pt): read on paper by the liaison council, many of them elderly — nothing under 7 pt.
AXIS_SIZE = 8.0
VALUE_SIZE = 7.0
LEGEND_SIZE = 7.5
#: Height of the x axis above the drawing's foot (room for the year labels under it).
PLOT_BOTTOM = 18.0


def short_year(fy: int) -> str:
    """H21, R8: the fiscal year under a bar."""
    return fiscal_year_short(fy).removesuffix("年度")


def indicator_chart(row: IndicatorRowDTO, width: float, height: float) -> Drawing:
    """Bars for 現状値 (grey) and 実績値 (blue; orange when typed over), a red mark for 目標値, per year."""
    d = Drawing(width, height)
    d.initialFontName = GOTHIC  # the renderer's starting font: never an unembedded Helvetica
    cells = row.cells
    ticks = axis_ticks([v for c in cells for v in (c.base, c.target, c.actual)])
    top = ticks[-1] or 1.0
    gaps = any(c.actual is None and c.actual_source is ActualSource.NOT_COUNTED for c in cells)
    left, bottom, right, legend_h = 30.0, PLOT_BOTTOM, 4.0, (24.0 if gaps else 15.0)
    plot_w, plot_h = width - left - right, height - bottom - legend_h - 10
    y = lambda v: bottom + plot_h * (float(v) / top)  # noqa: E731
    for t in ticks:
        d.add(Line(left, y(t), left + plot_w, y(t), strokeColor=colors.HexColor("#D0D0D0"), strokeWidth=0.4))
        d.add(
            String(left - 3, y(t) - 3, format_value(t), fontName=GOTHIC, fontSize=AXIS_SIZE, textAnchor="end")
        )
    d.add(Line(left, bottom, left + plot_w, bottom, strokeColor=colors.black, strokeWidth=0.6))
    slot = plot_w / max(len(cells), 1)
    bar = min(slot * 0.32, 14.0)
    for i, c in enumerate(cells):
        x0 = left + slot * i
        mid = x0 + slot / 2
        d.add(
            String(
                mid,
                bottom - 11,
                short_year(c.fiscal_year),
                fontName=GOTHIC,
                fontSize=AXIS_SIZE,
                textAnchor="middle",
            )
        )
        if c.base is not None:
            d.add(Rect(mid - bar - 1, bottom, bar, y(c.base) - bottom, fillColor=BASE_FILL, strokeColor=None))
        if c.actual is not None:
            fill = OVERRIDE_FILL if c.actual_source is ActualSource.OVERRIDE else ACTUAL_FILL
            d.add(Rect(mid + 1, bottom, bar, y(c.actual) - bottom, fillColor=fill, strokeColor=None))
            label = format_value(c.actual)
            d.add(
                String(
                    mid + 1 + bar / 2,
                    y(c.actual) + 1.5,
                    label,
                    fontName=GOTHIC,
                    fontSize=VALUE_SIZE,
                    textAnchor="middle",
                )
            )
        elif c.actual_source is ActualSource.NOT_COUNTED:
            d.add(
                String(
                    mid + 1 + bar / 2,
                    bottom + 5,  # clear of the axis: never read as a flat bar
                    NO_FIGURE,
                    fontName=GOTHIC,
                    fontSize=VALUE_SIZE,
                    fillColor=GAP_COLOUR,
                    textAnchor="middle",
                )
            )
        if c.target is not None:
            ty = y(c.target)
            d.add(
                Line(x0 + slot * 0.12, ty, x0 + slot * 0.88, ty, strokeColor=TARGET_COLOUR, strokeWidth=1.4)
            )
            d.add(_diamond(mid, ty, 3.2))
    _legend(d, 0.0, height - 11, gaps)
    return d


def _diamond(x: float, y: float, r: float) -> Polygon:
    return Polygon([x, y + r, x + r, y, x, y - r, x - r, y], fillColor=TARGET_COLOUR, strokeColor=None)


def _legend(d: Drawing, x: float, y: float, gaps: bool) -> None:
    items = ((BASE_FILL, "現状値"), (ACTUAL_FILL, "実績値"), (OVERRIDE_FILL, "実績値（上書き）"))
    left_x = x
    for fill, text in items:
        d.add(Rect(x, y, 6, 6, fillColor=fill, strokeColor=None))
        d.add(String(x + 8, y + 0.5, text, fontName=GOTHIC, fontSize=LEGEND_SIZE))
        x += 10 + len(text) * LEGEND_SIZE
    d.add(_diamond(x + 3, y + 3, 3))
    d.add(String(x + 9, y + 0.5, "目標値", fontName=GOTHIC, fontSize=LEGEND_SIZE))
    if gaps:  # a second line, only on a chart that has a gap to explain
        d.add(
            String(
                left_x,
                y - 9.5,
                f"{NO_FIGURE} 未集計（記録が始まる前の年度。0ではない）",
                fontName=GOTHIC,
                fontSize=LEGEND_SIZE,
                fillColor=GAP_COLOUR,
            )
        )
