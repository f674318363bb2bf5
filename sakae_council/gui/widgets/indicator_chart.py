"""IndicatorChart: one 成果指標 per fiscal year — 現状値 and 実績値 as bars, 目標値 as a red mark — drawn with QPainter.

QtCharts is not part of PySide6-Essentials, so the chart is painted here. It reads like the chart in the
連絡会まとめ PDF: the same axis steps (``services.liaison.axis_ticks``) and colours, the years as H21 / R8,
each figure written above its bar, and a legend in words — the meaning never rests on colour alone.
A year whose actual was never counted (未集計) has no actual bar: a gap with 「—」 at its foot, never a 0.
Sizes follow the application font, so the chart grows with the text size.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from sakae_council.domain.wareki import fiscal_year_short
from sakae_council.gui.formatting import fiscal_year_text
from sakae_council.gui.i18n import is_english
from sakae_council.services.indicator_values import ActualSource, IndicatorCellDTO, IndicatorRowDTO
from sakae_council.services.indicators import format_value
from sakae_council.services.liaison import axis_ticks

BASE_COLOUR = QColor("#9E9E9E")
ACTUAL_COLOUR = QColor("#1F5FA8")
OVERRIDE_COLOUR = QColor("#C45A00")
TARGET_COLOUR = QColor("#B71C1C")
GRID_COLOUR = QColor("#D0D0D0")
GAP_COLOUR = QColor("#666666")
NO_FIGURE = "—"


def short_year(fy: int) -> str:
    """H21, R8 under a bar (2009, 2026 in English)."""
    return str(fy) if is_english() else fiscal_year_short(fy).removesuffix("年度")


class IndicatorChart(QWidget):
    """Shows the cells of one IndicatorRowDTO; ``set_row(None)`` shows a hint instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row: IndicatorRowDTO | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("成果指標のグラフ"))
        self.setAutoFillBackground(True)

    def set_row(self, row: IndicatorRowDTO | None) -> None:
        self.row = row
        self.setAccessibleDescription(self.describe())
        self.setToolTip(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words (tooltip, screen readers, tests)."""
        if self.row is None or not self.row.cells:
            return self.tr("表示する指標がありません。")
        parts = []
        for c in self.row.cells:
            bits = []
            if c.base is not None:
                bits.append(self.tr("現状値 {v}").format(v=format_value(c.base)))
            if c.target is not None:
                bits.append(self.tr("目標値 {v}").format(v=format_value(c.target)))
            if c.actual is not None:
                bits.append(self.tr("実績値 {v}").format(v=format_value(c.actual)))
            elif c.actual_source is ActualSource.NOT_COUNTED:
                bits.append(self.tr("実績値 —（未集計）"))
            if bits:
                parts.append(f"{fiscal_year_text(c.fiscal_year)}: " + "、".join(bits))
        return f"{self.row.name}\n" + "\n".join(parts)

    # --- geometry -------------------------------------------------------------------------------
    def _font(self, factor: float = 0.85) -> QFont:
        font = QFont(QApplication.font())
        font.setPointSizeF(max(font.pointSizeF() * factor, 6.0))
        return font

    def sizeHint(self) -> QSize:
        fm = QFontMetricsF(self._font())
        return QSize(int(fm.horizontalAdvance("あ") * 30), int(fm.height() * 14))

    def minimumSizeHint(self) -> QSize:
        fm = QFontMetricsF(self._font())
        return QSize(int(fm.horizontalAdvance("あ") * 16), int(fm.height() * 9))

    # --- painting -------------------------------------------------------------------------------
    def bars(self) -> list[tuple[int, str, float]]:
        """The bars the chart draws: (fiscal year, 'base' or 'actual', height in figures) — no bar for a
        figure there is not (a 未集計 year has none), so tests read the series, not pixels."""
        out: list[tuple[int, str, float]] = []
        for c in self.row.cells if self.row is not None else ():
            if c.base is not None:
                out.append((c.fiscal_year, "base", float(c.base)))
            if c.actual is not None:
                out.append((c.fiscal_year, "actual", float(c.actual)))
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self._font()
        p.setFont(font)
        fm = QFontMetricsF(font)
        area = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        if self.row is None or not self.row.cells:
            p.setPen(self.palette().color(self.foregroundRole()))
            p.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.describe())
            p.end()
            return
        legend_bottom = self._legend(p, fm, area)
        cells = self.row.cells
        values = [v for c in cells for v in (c.base, c.target, c.actual)]
        plot_height = area.bottom() - legend_bottom - fm.height() * 3.2
        # As many gridlines as fit with a line of text between them (fewer on a short chart at 特大).
        ticks = axis_ticks(values, steps=max(1, min(5, int(plot_height / (fm.height() * 1.8)))))
        top = ticks[-1] or 1.0
        label_w = max(fm.horizontalAdvance(format_value(t)) for t in ticks) + 6
        plot = QRectF(
            area.left() + label_w, legend_bottom + fm.height() * 1.6, area.width() - label_w, plot_height
        )

        def y(v: float) -> float:
            return plot.bottom() - plot.height() * (float(v) / top)

        text_pen = QPen(self.palette().color(self.foregroundRole()))
        for t in ticks:
            p.setPen(QPen(GRID_COLOUR, 1))
            p.drawLine(QPointF(plot.left(), y(t)), QPointF(plot.right(), y(t)))
            p.setPen(text_pen)
            p.drawText(
                QRectF(area.left(), y(t) - fm.height() / 2, label_w - 4, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                format_value(t),
            )
        p.setPen(QPen(self.palette().color(self.foregroundRole()), 1.2))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        slot = plot.width() / len(cells)
        bar = min(slot * 0.32, fm.horizontalAdvance("あ") * 1.6)
        heights = {(fy, kind): v for fy, kind, v in self.bars()}
        for i, c in enumerate(cells):
            self._year(p, fm, c, heights, plot, slot, i, bar, y, text_pen)
        p.end()

    def _year(
        self,
        p: QPainter,
        fm: QFontMetricsF,
        c: IndicatorCellDTO,
        heights: dict[tuple[int, str], float],
        plot: QRectF,
        slot: float,
        i: int,
        bar: float,
        y,
        text_pen: QPen,
    ) -> None:  # type: ignore[no-untyped-def]
        x0 = plot.left() + slot * i
        mid = x0 + slot / 2
        p.setPen(text_pen)
        p.drawText(
            QRectF(x0, plot.bottom() + 2, slot, fm.height()),
            Qt.AlignmentFlag.AlignHCenter,
            short_year(c.fiscal_year),
        )
        p.setPen(Qt.PenStyle.NoPen)
        base = heights.get((c.fiscal_year, "base"))
        actual = heights.get((c.fiscal_year, "actual"))
        if base is not None:
            p.setBrush(BASE_COLOUR)
            p.drawRect(QRectF(mid - bar - 1, y(base), bar, plot.bottom() - y(base)))
        if actual is not None:
            override = c.actual_source is ActualSource.OVERRIDE
            colour = OVERRIDE_COLOUR if override else ACTUAL_COLOUR
            rect = QRectF(mid + 1, y(actual), bar, plot.bottom() - y(actual))
            # A typed-over figure is outlined and hatched: not told by colour alone.
            p.setPen(QPen(colour, 1.5) if override else Qt.PenStyle.NoPen)
            p.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern if override else Qt.BrushStyle.SolidPattern))
            p.drawRect(rect)
            p.setPen(text_pen)
            label = format_value(actual)
            p.drawText(
                QRectF(mid + 1 + bar / 2 - slot / 2, y(actual) - fm.height(), slot, fm.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                label,
            )
        elif c.actual_source is ActualSource.NOT_COUNTED:
            # 未集計: no bar at all, a dash at its foot (a zero would have a 「0」 over a flat bar)
            p.setPen(QPen(GAP_COLOUR))
            p.drawText(  # clear of the axis, so it never reads as a flat bar
                QRectF(mid + 1 + bar / 2 - slot / 2, plot.bottom() - fm.height() * 1.5, slot, fm.height()),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                NO_FIGURE,
            )
        if c.target is not None:
            ty = y(c.target)
            p.setPen(QPen(TARGET_COLOUR, 2.2))
            p.drawLine(QPointF(x0 + slot * 0.12, ty), QPointF(x0 + slot * 0.88, ty))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(TARGET_COLOUR)
            p.drawPolygon(_diamond(mid, ty, fm.height() * 0.28))
            p.setPen(QPen(TARGET_COLOUR))
            p.drawText(
                QRectF(x0, ty - fm.height() * 1.3, slot * 0.48, fm.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                format_value(c.target),
            )

    def _legend(self, p: QPainter, fm: QFontMetricsF, area: QRectF) -> float:
        """Draw the legend on one or more lines at the top; returns its bottom edge."""
        items = [
            (BASE_COLOUR, self.tr("現状値"), "box"),
            (ACTUAL_COLOUR, self.tr("実績値"), "box"),
            (OVERRIDE_COLOUR, self.tr("実績値（上書き）"), "hatch"),
            (TARGET_COLOUR, self.tr("目標値"), "diamond"),
        ]
        if self.row is not None and any(c.actual_source is ActualSource.NOT_COUNTED for c in self.row.cells):
            items.append((GAP_COLOUR, self.tr("未集計（0ではない）"), "dash"))
        box = fm.height() * 0.7
        x, line_y = area.left(), area.top()
        text_pen = QPen(self.palette().color(self.foregroundRole()))
        for colour, text, kind in items:
            width = box + 4 + fm.horizontalAdvance(text) + fm.horizontalAdvance("あ")
            if x + width > area.right() and x > area.left():
                x, line_y = area.left(), line_y + fm.height() * 1.2
            mark = QRectF(x, line_y + (fm.height() - box) / 2, box, box)
            if kind == "dash":
                p.setPen(QPen(colour))
                p.drawText(mark, Qt.AlignmentFlag.AlignCenter, NO_FIGURE)
            elif kind == "diamond":
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(colour)
                p.drawPolygon(_diamond(mark.center().x(), mark.center().y(), box / 2))
            else:
                p.setPen(QPen(colour, 1.2) if kind == "hatch" else Qt.PenStyle.NoPen)
                style = Qt.BrushStyle.BDiagPattern if kind == "hatch" else Qt.BrushStyle.SolidPattern
                p.setBrush(QBrush(colour, style))
                p.drawRect(mark)
            p.setPen(text_pen)
            p.drawText(QPointF(x + box + 4, line_y + fm.ascent()), text)
            x += width
        return line_y + fm.height()


def _diamond(x: float, y: float, r: float) -> QPolygonF:
    return QPolygonF([QPointF(x, y - r), QPointF(x + r, y), QPointF(x, y + r), QPointF(x - r, y)])
