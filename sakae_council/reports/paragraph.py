"""Japanese line breaking for every paper: 禁則, names kept whole, and a page split that adds nothing.

Line breaking follows the Japanese rules (禁則): no line starts with 。、」）and the like, and no line
ends with 「（. ReportLab's own CJK wrapping lets at most one such character hang in the margin, so two
in a row (。」) could still start a line; :class:`JPParagraph` pulls the preceding character down
instead (追い出し).

Text inside ``<nobr>…</nobr>`` (a person's name, see :func:`~sakae_council.reports.style.name_markup`)
is never broken inside unless it is longer than a whole line.

When a paragraph runs over a page, ReportLab's ``Paragraph.split`` rebuilds the rest from the laid-out
lines and appends a space to the last word of every line (``_split_blParaHard``: right for Latin text
broken at spaces, wrong for CJK lines broken between any two characters). Those spaces were printed:
「…abcdefgh i jabcdef…」, 「1234567 8 9012」. :meth:`JPParagraph._get_split_blParaFunc` joins the lines
as they are, so a split paragraph holds exactly the characters of the unsplit one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.rl_accel import sameFrag
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines, _handleBulletWidth, makeCJKParaLine

#: Characters that must not begin a line (行頭禁則).
NO_LINE_START = frozenset(
    "、。，．,.・：；:;？！?!）」』】〕］｝〉》≫”’)]}"
    "ゝゞヽヾ々ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ゛゜℃％‰"
)
#: Characters that must not end a line (行末禁則).
NO_LINE_END = frozenset("（「『【〔［｛〈《≪“‘([{")
#: How far back a line break may move to satisfy the rules before one character is left hanging.
_MAX_PULL = 4
#: The fewest lines of a paragraph left at a page foot or carried to the next page.
MIN_LINES = 2


# --- line breaking -----------------------------------------------------------------------------------


#: A break opportunity between two ``<nobr>`` runs that touch (an address's 県・郡・町 parts): removed
#: before layout, so it is never drawn or extracted. A Unicode noncharacter: never in typed text.
BREAK_MARK = "\ufdd0"


class _Char(str):
    """One character of a paragraph with its fragment (font, size) and width, as makeCJKParaLine wants."""

    frag: Any
    width: float
    #: A BREAK_MARK followed this character: a line may end here even inside <nobr> runs.
    break_after = False


_widths: dict[tuple[str, float, str], float] = {}


def _char(text: str, frag: Any) -> _Char:
    c = _Char(text)
    c.frag = frag
    if hasattr(frag, "cbDefn"):
        c.width = getattr(frag.cbDefn, "width", 0)
    else:
        # Widths repeat endlessly in Japanese text: measure each character of a font and size once.
        key = (frag.fontName, frag.fontSize, text)
        w = _widths.get(key)
        if w is None:
            w = _widths[key] = stringWidth(text, frag.fontName, frag.fontSize)
        c.width = w
    return c


def _latin_break(chars: Sequence[_Char], start: int, end: int) -> int:
    """Inside a run of Latin text, break after the last space (or before it re-enters Japanese)."""
    for j in range(end - 1, (start + end) // 2, -1):
        ch = chars[j]
        if ch.isspace() or (ch and ord(ch[0]) >= 0x3000):
            return j + 1
    return end


def _kinsoku_break(chars: Sequence[_Char], start: int, end: int) -> int:
    """Move the break ``end`` (first character of the next line) so that 禁則 holds."""
    b = end
    while b < len(chars) and chars[b] in NO_LINE_START and b > start + 1 and end - b < _MAX_PULL:
        b -= 1
    if b < len(chars) and chars[b] in NO_LINE_START:
        b = end + 1 if end < len(chars) and chars[end] in NO_LINE_START else end  # hang one as a last resort
    while b - 1 > start and chars[b - 1] in NO_LINE_END:
        b -= 1
    return b


def _nobr(c: _Char) -> bool:
    return bool(getattr(c.frag, "nobr", False)) and bool(c)


def _nobr_break(chars: Sequence[_Char], start: int, end: int) -> int:
    """Move the break ``end`` back to the start of a ``<nobr>`` run it would cut (a name stays whole).

    A run longer than the line is broken where it must be (the original ``end``).
    """
    b = end
    while (
        b > start
        and b < len(chars)
        and _nobr(chars[b - 1])
        and _nobr(chars[b])
        and not chars[b - 1].break_after
    ):
        b -= 1
    return end if b <= start else b


def _make_line(
    chars: Sequence[_Char], max_width: float, width: float, line_break: bool, calc_bounds: bool
) -> FragLine:
    """makeCJKParaLine, grouping characters by fragment identity first (its per-character comparisons
    and font look-ups were a third of the time of a long document)."""
    extra = max_width - width
    if any(hasattr(c.frag, "cbDefn") for c in chars):
        return makeCJKParaLine(chars, max_width, width, extra, line_break, calc_bounds)
    groups: list[tuple[Any, list[str]]] = []
    for c in chars:
        f = c.frag
        if groups:
            last = groups[-1][0]
            if (last is f and "lineBreak" not in f.__dict__) or sameFrag(last, f):
                groups[-1][1].append(c)
                continue
        groups.append((f, [c]))
    words = []
    size = ascent = descent = 0.0
    for f, text in groups:
        a, d = getAscentDescent(f.fontName, f.fontSize)
        size, ascent, descent = max(size, f.fontSize), max(ascent, a), min(descent, d)
        word = f.clone()
        word.text = "".join(text)
        words.append(word)
    return FragLine(
        kind=1,
        extraSpace=extra,
        wordCount=1,
        words=words,
        fontSize=size,
        ascent=ascent,
        descent=descent,
        maxWidth=max_width,
        currentWidth=width,
        lineBreak=line_break,
    )


def kinsoku_split(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """Break ``frags`` into lines of at most ``max_widths`` following Japanese line-breaking rules."""
    chars: list[_Char] = []
    for f in frags:
        text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        if text:
            for t in text:
                if t == BREAK_MARK:
                    if chars:
                        chars[-1].break_after = True
                    continue
                chars.append(_char(t, f))
        else:
            chars.append(_char("", f))  # a <br/> or an empty fragment keeps its place
    lines: list[Any] = []
    n = len(chars)
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < n:
        c = chars[i]
        i += 1
        used += c.width
        line_break = hasattr(c.frag, "lineBreak")
        if not (line_break or used > max_width + 1e-8):
            continue
        end = i
        if not line_break:
            end = i - 1 if i - 1 > start else i  # the character that overflowed starts the next line
            if c and ord(c[0]) < 0x3000:
                end = _latin_break(chars, start, end)
            end = _nobr_break(chars, start, _kinsoku_break(chars, start, _nobr_break(chars, start, end)))
        width = sum(ch.width for ch in chars[start:end])
        lines.append(_make_line(chars[start:end], max_width, width, line_break, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = i = end
        used = 0.0
    if start < n:
        width = sum(ch.width for ch in chars[start:])
        lines.append(_make_line(chars[start:], max_width, width, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


def _keep_spaces(text: str) -> str:
    # ReportLab's default cleaner folds every run of white space (U+3000 too) into one blank, so
    # 「岡田　洋子」 would print as 「岡田 洋子」. Our markup never has layout white space: keep it all.
    return text


class JPParagraph(Paragraph):
    """A Paragraph that keeps spaces as typed and wraps by 禁則 (see the module docstring); wordWrap='CJK'."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: Any = None,
        frags: Any = None,  # noqa: N803
    ) -> None:
        self.caseSensitive = 1
        self.encoding = "utf8"
        self._setup(text, style, bulletText or getattr(style, "bulletText", None), frags, _keep_spaces)

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 (ReportLab's names)
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        if not self.frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return kinsoku_split(self.frags, maxWidths, auto not in ("", "off"))

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802 (ReportLab's name)
        # Our lines are always FragLines (kind 1) broken between characters: join them as they are,
        # without the space ReportLab's _split_blParaHard appends to each line (see the module docstring).
        return _split_lines

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        """Paragraph.split, keeping at least ``MIN_LINES`` lines on each side of a page break.

        ReportLab's own widow control moves only a single last line; a page holding two lines of a
        paragraph and nothing else looked like a mistake (the manual had one).
        """
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        first, rest = parts
        lines = self.blPara.lines if hasattr(self, "blPara") else []
        kept = len(first.blPara.lines)
        left = len(lines) - kept
        need = MIN_LINES
        if kept >= need and left >= need:
            return parts
        if len(lines) < 2 * need or kept < need:
            return []  # all of it on the next page
        # Give the next page company: keep fewer lines here and split again at that height.
        height = (kept - (need - left)) * self.style.leading
        return super().split(availWidth, height + 1e-3)


def _split_lines(bl_para: Any, start: int, stop: int) -> list[Any]:
    """The words of lines ``start:stop`` as fragments for a new paragraph, with nothing added."""
    return [word for line in bl_para.lines[start:stop] for word in line.words]
