"""Markdown of the 協働マニュアル as ReportLab flowables: headings, paragraphs, bullet and numbered
lists (nested), checklists (「- [ ] 」, printed as boxes to tick by pen), pipe tables, block quotes, code
and rules; **太字** as the bold face and *強調* as an underline (Japanese fonts have no italics).

Parsed with markdown-it-py (CommonMark + tables + strikethrough). Every piece of text goes through
:func:`~sakae_council.reports.fonts.markup`, so user text is escaped and rare characters reach the
fallback font.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
    TableStyle,
    XPreformatted,
)

from sakae_council.reports.base import JPParagraph
from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, MINCHO, markup, register_fonts

ACCENT = colors.HexColor("#1A4478")
RULE = colors.HexColor("#666666")
SHADE = colors.HexColor("#E8EDF4")
CODE_BACK = colors.HexColor("#F0F0F0")

_TASK_PREFIXES = {"[ ] ": False, "[x] ": True, "[X] ": True}


@dataclass(frozen=True)
class MarkdownStyles:
    """Paragraph styles the converter uses; ``headings[0]`` is the biggest heading a body may hold."""

    body: ParagraphStyle
    cell: ParagraphStyle
    head_cell: ParagraphStyle
    code: ParagraphStyle
    quote: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]


def default_styles(size: float = 10.5) -> MarkdownStyles:
    """Prose in BIZ UD Mincho, headings, tables and code in BIZ UD Gothic (the house style), wrapped the
    Japanese way (``wordWrap='CJK'``)."""
    register_fonts()
    body = ParagraphStyle(
        "md-body", fontName=MINCHO, fontSize=size, leading=size * 1.7, wordWrap="CJK", spaceAfter=size * 0.6
    )
    cell = ParagraphStyle(
        "md-cell", parent=body, fontName=GOTHIC, fontSize=size, leading=size * 1.45, spaceAfter=0
    )
    return MarkdownStyles(
        body=body,
        cell=cell,
        head_cell=ParagraphStyle("md-head-cell", parent=cell, fontName=GOTHIC_BOLD),
        code=ParagraphStyle(
            "md-code",
            parent=body,
            fontName=GOTHIC,
            fontSize=size,
            leading=size * 1.4,
            backColor=CODE_BACK,
            borderPadding=4,
            leftIndent=4,
            rightIndent=4,
            spaceBefore=4,
            spaceAfter=8,
            wordWrap=None,
        ),
        quote=ParagraphStyle("md-quote", parent=body, textColor=colors.HexColor("#333333")),
        # a point larger for each level up, with more room above and half as much below
        headings=tuple(
            ParagraphStyle(
                f"md-h{level}",
                parent=body,
                fontName=GOTHIC_BOLD,
                fontSize=size + larger,
                leading=(size + larger) * 1.5,
                spaceBefore=size * room,
                spaceAfter=size * room / 2,
                keepWithNext=1,
            )
            for level, larger, room in ((1, 2, 0.8), (2, 1, 0.6), (3, 0, 0.4))
        ),
    )


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


class CheckBox(Flowable):
    """A printed box for ticking by pen; drawn ticked for 「- [x] 」."""

    def __init__(self, size: float, checked: bool) -> None:
        super().__init__()
        self.size = size
        self.checked = checked

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        c.setLineWidth(0.8)
        c.setStrokeColor(colors.black)
        c.rect(0, 0, self.size, self.size)
        if self.checked:
            s = self.size
            c.setLineWidth(1.3)
            c.lines([(s * 0.2, s * 0.5, s * 0.42, s * 0.22), (s * 0.42, s * 0.22, s * 0.85, s * 0.85)])


class MarkdownConverter:
    """One document's converter: ``width`` is the frame width, ``heading_offset`` how many heading
    levels the surrounding outline already uses (a section's ``#`` becomes a smaller heading)."""

    def __init__(self, styles: MarkdownStyles, width: float) -> None:
        self.styles = styles
        self.width = width
        self._md = _parser()

    # --- inline ---------------------------------------------------------------------------------
    def inline(self, node: SyntaxTreeNode, font: str = MINCHO, strip: int = 0) -> str:
        """Paragraph markup of an inline node's children; ``strip`` drops that many leading characters."""
        parts: list[str] = []
        remaining = strip
        for child in node.children:
            t = child.type
            if t == "text":
                content = child.content
                if remaining:
                    content, remaining = content[remaining:], max(0, remaining - len(child.content))
                parts.append(markup(content, font))
            elif t == "strong":
                # 太字 in 明朝 prose is set in bold ゴシック (明朝 has no bold face registered).
                parts.append(f'<font name="{GOTHIC_BOLD}">{self.inline(child, GOTHIC_BOLD)}</font>')
            elif t == "em":
                parts.append(f"<u>{self.inline(child, font)}</u>")
            elif t == "s":
                parts.append(f"<strike>{self.inline(child, font)}</strike>")
            elif t == "code_inline":
                parts.append(f'<font backColor="#F0F0F0">{markup(child.content, font)}</font>')
            elif t == "softbreak":
                parts.append(self._soft_break(parts))
            elif t == "hardbreak":
                parts.append("<br/>")
            elif t == "link":
                href = str(child.attrs.get("href", ""))
                parts.append(
                    f'<a href={quoteattr(href)} color="#1A4478"><u>{self.inline(child, font)}</u></a>'
                )
            elif t == "image":
                parts.append(markup(str(child.attrs.get("alt", "") or child.content), font))
            elif child.children:
                parts.append(self.inline(child, font))
            else:
                parts.append(markup(child.content, font))
        return "".join(parts)

    @staticmethod
    def _soft_break(parts: list[str]) -> str:
        # A line break inside a Japanese paragraph joins without a space; between Latin words it is one.
        last = parts[-1][-1:] if parts and parts[-1] else ""
        return " " if last.isascii() and last.isalnum() else ""

    # --- blocks ---------------------------------------------------------------------------------
    def convert(self, text: str, heading_offset: int = 0) -> list[Flowable]:
        """Flowables for a Markdown ``text``."""
        if not text.strip():
            return []
        root = SyntaxTreeNode(self._md.parse(text))
        return self._blocks(root.children, heading_offset, self.width)

    def _blocks(self, nodes: list[SyntaxTreeNode], offset: int, width: float) -> list[Flowable]:
        out: list[Flowable] = []
        i = 0
        while i < len(nodes):
            node = nodes[i]
            flowables = self._block(node, offset, width)
            following = nodes[i + 1] if i + 1 < len(nodes) else None
            if node.type == "paragraph" and following is not None and self._is_boxed(following):
                # 「次のとおりです。」 stays on the page of the table or checklist it introduces.
                flowables = [KeepTogether([*flowables, *self._block(following, offset, width)])]
                i += 1
            out.extend(flowables)
            i += 1
        return out

    def _is_boxed(self, node: SyntaxTreeNode) -> bool:
        """A table, or a checklist: short blocks that read badly apart from their lead-in."""
        if node.type == "table":
            return len(node.children[-1].children) <= 12 if node.children else True
        if node.type == "bullet_list":
            return len(node.children) <= 12 and any(self._task_state(i) is not None for i in node.children)
        return False

    def _block(self, node: SyntaxTreeNode, offset: int, width: float) -> list[Flowable]:
        t = node.type
        st = self.styles
        if t == "paragraph":
            return [JPParagraph(self.inline(node.children[0]), st.body)] if node.children else []
        if t == "heading":
            level = int(node.tag[1:]) - 1 + offset
            style = st.headings[min(level, len(st.headings) - 1)]
            return [JPParagraph(self.inline(node.children[0], GOTHIC_BOLD), style)]
        if t in ("bullet_list", "ordered_list"):
            return [self._list(node, offset, width), Spacer(1, st.body.spaceAfter)]
        if t == "table":
            return [self._table(node, width), Spacer(1, st.body.spaceAfter)]
        if t == "blockquote":
            inner = self._blocks(node.children, offset, width - 8 * mm)
            table = Table([[inner]], colWidths=[width - 4 * mm])
            table.setStyle(
                TableStyle(
                    [
                        ("FONTNAME", (0, 0), (-1, -1), GOTHIC),
                        ("LINEBEFORE", (0, 0), (0, 0), 2, ACCENT),
                        ("LEFTPADDING", (0, 0), (-1, -1), 8),
                        ("TOPPADDING", (0, 0), (-1, -1), 2),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]
                )
            )
            return [table, Spacer(1, st.body.spaceAfter * 0.5)]
        if t in ("fence", "code_block"):
            return [XPreformatted(markup(node.content.rstrip("\n")).replace("<br/>", "\n"), st.code)]
        if t == "hr":
            return [HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=4, spaceAfter=8)]
        if t == "html_block":
            return [JPParagraph(markup(node.content.strip()), st.body)]
        return self._blocks(node.children, offset, width)

    # --- lists ----------------------------------------------------------------------------------
    @staticmethod
    def _task_state(item: SyntaxTreeNode) -> bool | None:
        """True / False for a ticked / open checklist item, None for an ordinary item."""
        first = item.children[0] if item.children else None
        if first is None or first.type != "paragraph" or not first.children:
            return None
        content = first.children[0].content
        for prefix, checked in _TASK_PREFIXES.items():
            if content.startswith(prefix):
                return checked
        return None

    def _item_flowables(
        self, item: SyntaxTreeNode, offset: int, width: float, strip: int = 0
    ) -> list[Flowable]:
        out: list[Flowable] = []
        for i, child in enumerate(item.children):
            if i == 0 and child.type == "paragraph" and child.children:
                style = ParagraphStyle("md-li", parent=self.styles.body, spaceAfter=2)
                out.append(JPParagraph(self.inline(child.children[0], strip=strip), style))
            else:
                out.extend(self._block(child, offset, width))
        return out

    def _list(self, node: SyntaxTreeNode, offset: int, width: float) -> Flowable:
        items = node.children
        if node.type == "bullet_list" and any(self._task_state(i) is not None for i in items):
            return self._checklist(items, offset, width)
        body = self.styles.body
        indent = body.fontSize * 1.8
        flow_items = [ListItem(self._item_flowables(i, offset, width - indent)) for i in items]
        if node.type == "ordered_list":
            start = int(node.attrs.get("start", 1) or 1)
            return ListFlowable(
                flow_items,
                bulletType="1",
                start=start,
                bulletFormat="%s.",
                bulletFontName=GOTHIC,
                bulletFontSize=body.fontSize,
                leftIndent=indent,
                bulletDedent=indent * 0.9,
            )
        return ListFlowable(
            flow_items,
            bulletType="bullet",
            start="・",
            bulletFontName=GOTHIC,
            bulletFontSize=body.fontSize,
            leftIndent=indent,
            bulletDedent=indent * 0.8,
        )

    def _checklist(self, items: list[SyntaxTreeNode], offset: int, width: float) -> Flowable:
        size = self.styles.body.fontSize * 1.05
        box_col = size + 10
        rows: list[list[Any]] = []
        for item in items:
            state = self._task_state(item)
            mark: Any = CheckBox(size, state) if state is not None else JPParagraph("・", self.styles.body)
            content = self._item_flowables(
                item, offset, width - box_col - 8, strip=4 if state is not None else 0
            )
            rows.append([mark, content])
        table = Table(rows, colWidths=[box_col, width - box_col - 4], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), GOTHIC),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, -1), 4),
                    ("TOPPADDING", (0, 0), (0, -1), self.styles.body.leading * 0.2 + 3),
                    ("TOPPADDING", (1, 0), (1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    # --- tables ---------------------------------------------------------------------------------
    def _table(self, node: SyntaxTreeNode, width: float) -> Flowable:
        rows: list[list[Any]] = []
        plain: list[list[str]] = []
        header_rows = 0
        for section in node.children:
            for tr in section.children:
                cells, texts = [], []
                for cell in tr.children:
                    style = self.styles.head_cell if cell.type == "th" else self.styles.cell
                    inline = cell.children[0] if cell.children else None
                    font = GOTHIC_BOLD if cell.type == "th" else GOTHIC
                    cells.append(JPParagraph(self.inline(inline, font) if inline else "", style))
                    texts.append(inline.content if inline else "")
                rows.append(cells)
                plain.append(texts)
                if section.type == "thead":
                    header_rows += 1
        columns = max((len(r) for r in rows), default=0)
        for r in rows:
            r.extend([""] * (columns - len(r)))
        for r in plain:
            r.extend([""] * (columns - len(r)))
        table = Table(
            rows,
            colWidths=_column_widths(plain, width, self.styles.cell.fontSize),
            repeatRows=header_rows,
            hAlign="LEFT",
        )
        commands: list[Any] = [
            ("FONTNAME", (0, 0), (-1, -1), GOTHIC),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header_rows:
            commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
        table.setStyle(TableStyle(commands))
        return table


def _text_width(text: str, size: float) -> float:
    """Rough printed width: full-width characters take ``size``, ASCII about half."""
    return sum(size * (0.55 if ch.isascii() else 1.0) for ch in text)


def _column_widths(plain: list[list[str]], width: float, size: float) -> list[float]:
    """Share ``width`` among the columns: a column whose longest cell fits its fair share keeps its
    natural width (「平成21年度」 stays on one line); the long columns share what is left and wrap."""
    if not plain:
        return []
    columns = len(plain[0])
    padding = 14.0
    natural = [
        min(max((_text_width(row[c], size) for row in plain), default=size), width) + padding
        for c in range(columns)
    ]
    if sum(natural) <= width:
        return [w * width / sum(natural) for w in natural]
    fair = width / columns
    narrow = {c for c in range(columns) if natural[c] <= fair}
    rest = width - sum(natural[c] for c in narrow)
    wide_total = sum(natural[c] for c in range(columns) if c not in narrow)
    return [natural[c] if c in narrow else rest * natural[c] / wide_total for c in range(columns)]
