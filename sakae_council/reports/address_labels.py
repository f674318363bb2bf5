"""宛名ラベル — A4 sheets of 12 (86.4 × 42.3 mm) or 24 (66.0 × 33.9 mm) labels: 〒, address, name + 様.

A label sheet is not a paper to read but one to stick: it has no running header, no page number and
no margins of the house style; every label's text stays inside its cell (a long address is set
smaller, never cut, and a name is never broken — ``nobr``). Printers feed differently, so the sheet's
top and left margins are the caller's (the window remembers them per sheet, in 0.5 mm steps); a
half-used sheet is reused by starting at label ``start`` (numbered left to right, top to bottom).
People without an address get no label and are named in :attr:`LabelDocument.unaddressed`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from sakae_council.domain.errors import ValidationError, msg
from sakae_council.reports.fonts import GOTHIC, register_fonts, unprintable_characters
from sakae_council.reports.paragraph import JPParagraph
from sakae_council.reports.roster import address_markup
from sakae_council.reports.style import AUTHOR, drawing, name_markup
from sakae_council.services.meeting_replies import Addressee
from sakae_council.services.output_files import replacing_file


@dataclass(frozen=True)
class Sheet:
    """A label sheet's geometry (mm): columns × rows of equal labels, the usual margins and gaps."""

    labels: int
    columns: int
    rows: int
    width: float
    height: float
    top: float
    left: float
    gap_x: float = 0.0
    gap_y: float = 0.0
    #: Type sizes (pt): name, address, 〒 — the smallest a long address may shrink to.
    name_size: float = 16.0
    address_size: float = 12.0
    min_size: float = 7.5
    padding: float = 4.0

    def cell(
        self, index: int, top: float | None = None, left: float | None = None
    ) -> tuple[float, float, float, float]:
        """Label ``index`` (0-based on a sheet) as (x, y, width, height) in points, y from the bottom."""
        row, col = divmod(index, self.columns)
        x = (self.left if left is None else left) + col * (self.width + self.gap_x)
        y_top = (self.top if top is None else top) + row * (self.height + self.gap_y)
        return x * mm, A4[1] - (y_top + self.height) * mm, self.width * mm, self.height * mm


SHEETS: dict[int, Sheet] = {
    12: Sheet(12, 2, 6, 86.4, 42.3, top=21.6, left=18.6),
    24: Sheet(
        24, 3, 8, 66.0, 33.9, top=12.9, left=6.0, name_size=13.0, address_size=10.0, min_size=7.0, padding=3.0
    ),
}
#: Margins may move this far from the sheet's own (mm), in 0.5 mm steps.
MARGIN_RANGE = (0.0, 40.0)


@dataclass(frozen=True)
class LabelDocument:
    """What the sheets print."""

    sheet: Sheet
    addressees: tuple[Addressee, ...]
    #: Chosen people without an address: no label.
    unaddressed: tuple[Addressee, ...]
    start: int = 1
    top: float | None = None
    left: float | None = None

    @property
    def sheets_needed(self) -> int:
        n = self.start - 1 + len(self.addressees)
        return max(1, -(-n // self.sheet.labels))

    def texts(self) -> list[str]:
        return [t for a in self.addressees for t in (a.name, a.postal_code, a.address) if t]


def make_labels(
    people: Sequence[Addressee],
    *,
    sheet: int = 12,
    start: int = 1,
    top: float | None = None,
    left: float | None = None,
) -> LabelDocument:
    """The label document for ``people`` (already in the order wanted), checked."""
    if sheet not in SHEETS:
        raise ValidationError("sheet", "ラベル用紙は12面か24面を選んでください。")
    spec = SHEETS[sheet]
    if not 1 <= start <= spec.labels:
        raise ValidationError(
            "start", msg("開始位置は1から{n}までの番号で入れてください（左上が1です）。", n=spec.labels)
        )
    for field, value in (("top", top), ("left", left)):
        if value is not None and not MARGIN_RANGE[0] <= value <= MARGIN_RANGE[1]:
            raise ValidationError(field, "余白は0〜40mmの範囲で入れてください。")
    with_address = tuple(p for p in people if p.has_address)
    without = tuple(p for p in people if not p.has_address)
    return LabelDocument(spec, with_address, without, start, top, left)


def _styles(size: float, name_size: float) -> tuple[ParagraphStyle, ParagraphStyle]:
    address = ParagraphStyle(
        "label-address", fontName=GOTHIC, fontSize=size, leading=size * 1.35, wordWrap="CJK"
    )
    name = ParagraphStyle(
        "label-name",
        fontName=GOTHIC,
        fontSize=name_size,
        leading=name_size * 1.3,
        wordWrap="CJK",
        alignment=1,
    )
    return address, name


def _label_paragraphs(
    a: Addressee, spec: Sheet, width: float, height: float
) -> list[tuple[JPParagraph, float]]:
    """The label's paragraphs with their heights, at the largest size that fits the cell."""
    scale = 1.0
    while True:
        size = max(spec.min_size, spec.address_size * scale)
        name_size = max(spec.min_size, spec.name_size * scale)
        address_style, name_style = _styles(size, name_size)
        parts = []
        if a.postal_code:
            parts.append(JPParagraph(name_markup(f"〒{a.postal_code}", GOTHIC), address_style))
        parts.append(JPParagraph(address_markup(a.address, GOTHIC), address_style))
        parts.append(JPParagraph(name_markup(a.name, GOTHIC) + "　様", name_style))
        measured = [(p, p.wrap(width, height)[1]) for p in parts]
        name_lines = len(parts[-1].blPara.lines)
        total = sum(h for _p, h in measured) + 1.5 * mm
        if (total <= height and name_lines == 1) or size <= spec.min_size:
            return measured
        scale *= 0.92


def _draw_label(canv: Canvas, a: Addressee, spec: Sheet, cell: tuple[float, float, float, float]) -> None:
    x, y, w, h = cell
    pad = spec.padding * mm
    inner_w, inner_h = w - 2 * pad, h - 2 * pad
    parts = _label_paragraphs(a, spec, inner_w, inner_h)
    used = sum(ph for _p, ph in parts) + 1.5 * mm
    # The block centred in the cell (a label fed a little off still shows all of it); the name below
    # the address, with a little air.
    top = y + h - pad - max(0.0, (inner_h - used) / 2)
    for i, (p, ph) in enumerate(parts):
        if i == len(parts) - 1:
            top -= 1.5 * mm
        p.drawOn(canv, x + pad, top - ph)
        top -= ph


def render_labels(doc: LabelDocument, output: str | Path, *, title: str = "宛名ラベル") -> Path:
    """Write the label sheets (as many as the people need, from label ``doc.start`` on the first)."""
    if not doc.addressees:
        raise ValidationError(
            "people", "住所が登録されている方がいないため、ラベルを作れません。名簿に住所を登録してください。"
        )
    register_fonts()
    path = Path(output)
    spec = doc.sheet
    with drawing(), replacing_file(path) as partial:
        canv = Canvas(str(partial), pagesize=A4, initialFontName=GOTHIC, initialFontSize=10)
        canv.setTitle(title)
        canv.setAuthor(AUTHOR)
        canv.setCreator("sakae_council")
        canv.setSubject(f"宛名ラベル {spec.labels}面")
        slot = doc.start - 1
        for a in doc.addressees:
            if slot == spec.labels:
                canv.showPage()
                slot = 0
            _draw_label(canv, a, spec, spec.cell(slot, doc.top, doc.left))
            slot += 1
        canv.showPage()
        canv.save()
    return path


__all__ = ["SHEETS", "LabelDocument", "Sheet", "make_labels", "render_labels", "unprintable_characters"]
