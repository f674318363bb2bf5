"""名簿 (roster) PDF: the members of one district or of every district, in 五十音順, A4.

Two steps, so the screen can warn before printing and the PDF can be drawn off the GUI thread:
``collect_roster`` reads the members through the people service into a :class:`RosterDocument`;
``render_roster`` draws that document with ReportLab. ``contacts=False`` gives the variant for
handing out, without 住所・電話・メール.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from sakae_council.db.engine import Database
from sakae_council.domain.council import counts_as_member
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.terms import TermStatus
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, markup, register_fonts, unprintable_characters
from sakae_council.services import districts, people
from sakae_council.services.people import MembershipDTO, PersonDTO, RosterFilter

#: Terms that put a person on the printed roster (退任 and 就任前 are left out).
PRINTED_STATUSES = (TermStatus.CURRENT, TermStatus.EXPIRING)
_POST_RANK = {post: i for i, post in enumerate(OfficerPost)}


@dataclass(frozen=True)
class RosterLine:
    """One member as printed."""

    name: str
    furigana: str
    roles: str
    post: str
    term: str
    phone: str
    email: str
    postal_code: str
    address: str
    organisation: str
    #: Counted as a 委員 (domain.council); False for someone on the roster only as 地区担当職員.
    is_member: bool = True


@dataclass(frozen=True)
class RosterSection:
    """One district's members in 五十音順."""

    district_name: str
    council_name: str
    lines: tuple[RosterLine, ...]

    @property
    def member_count(self) -> int:
        return sum(1 for line in self.lines if line.is_member)

    @property
    def count_text(self) -> str:
        """委員14名（ほか地区担当職員2名）: the same 委員 the minutes count."""
        return _count_text(self.member_count, len(self.lines) - self.member_count)


@dataclass(frozen=True)
class RosterDocument:
    """Everything the PDF shows."""

    title: str
    as_of: date
    contacts: bool
    sections: tuple[RosterSection, ...] = field(default=())

    def texts(self) -> list[str]:
        """Every piece of user text printed (for the missing-glyph check)."""
        out = [self.title]
        for s in self.sections:
            out += [s.district_name, s.council_name]
            for line in s.lines:
                out += [line.name, line.furigana, line.roles, line.organisation]
                if self.contacts:
                    out += [line.address, line.phone, line.email]
        return out

    @property
    def member_count(self) -> int:
        """委員 on the roster (地区担当職員 are listed but not counted: domain.council)."""
        return sum(s.member_count for s in self.sections)

    @property
    def count_text(self) -> str:
        return _count_text(self.member_count, sum(len(s.lines) for s in self.sections) - self.member_count)


def _count_text(members: int, staff: int) -> str:
    return f"委員{members}名" + (f"（ほか{MemberRole.STAFF.label}{staff}名）" if staff else "")


def _term_text(m: MembershipDTO) -> str:
    if m.term_start is None and m.term_end is None:
        return ""
    start = to_wareki(m.term_start) if m.term_start else ""
    end = to_wareki(m.term_end) if m.term_end else ""
    return f"{start}〜{end}"


def _line(person: PersonDTO, seats: list[MembershipDTO]) -> RosterLine:
    seats = sorted(seats, key=lambda m: _POST_RANK[m.officer_post])
    roles = "、".join(dict.fromkeys(m.role_text for m in seats))
    posts = [m.officer_post for m in seats if m.officer_post is not OfficerPost.MEMBER]
    return RosterLine(
        name=person.name,
        furigana=person.furigana,
        roles=roles,
        post=posts[0].label if posts else OfficerPost.MEMBER.label,
        term=_term_text(seats[0]),
        phone=person.phone,
        email=person.email,
        postal_code=person.postal_code,
        address=person.address,
        organisation=person.organisation_name,
        is_member=counts_as_member(m.role for m in seats),
    )


def collect_roster(db: Database, *, district_id: int | None = None, contacts: bool = True, today: date | None = None) -> RosterDocument:
    """Members whose term is running on ``today``, per district in display order, each in 五十音順."""
    today = today or date.today()
    chosen = [d for d in districts.list_districts(db, include_inactive=False) if district_id in (None, d.id)]
    if district_id is not None and not chosen:
        chosen = [districts.get_district(db, district_id)]
    sections = []
    for d in chosen:
        lines = []
        for person in people.list_members(db, RosterFilter(district_id=d.id, today=today)):
            seats = [m for m in person.memberships if m.district_id == d.id and m.status(today) in PRINTED_STATUSES]
            if seats:
                lines.append(_line(person, seats))
        sections.append(RosterSection(d.name, d.council_name, tuple(lines)))
    if district_id is None:
        title = "まちづくり協議会 名簿（全学区）"
    else:
        title = f"{chosen[0].council_name or chosen[0].name + 'まちづくり協議会'} 名簿"
    return RosterDocument(title=title, as_of=today, contacts=contacts, sections=tuple(sections))


# --- drawing ---------------------------------------------------------------------------------------

_MARGIN = 15 * mm


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=GOTHIC, fontSize=9.5, leading=12.5, wordWrap="CJK")
    return {
        "title": ParagraphStyle("title", parent=base, fontName=GOTHIC_BOLD, fontSize=16, leading=22),
        "sub": ParagraphStyle("sub", parent=base, fontSize=10, leading=14),
        "section": ParagraphStyle("section", parent=base, fontName=GOTHIC_BOLD, fontSize=12.5, leading=17, spaceBefore=4),
        "head": ParagraphStyle("head", parent=base, fontName=GOTHIC_BOLD, fontSize=9, leading=12),
        "cell": base,
        "kana": ParagraphStyle("kana", parent=base, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#333333")),
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text, style.fontName), style)


def _name_cell(line: RosterLine, st: dict[str, ParagraphStyle]) -> list[Paragraph]:
    cell = [_p(line.furigana, st["kana"])] if line.furigana else []
    cell.append(_p(line.name, st["cell"]))
    return cell


def _table(section: RosterSection, contacts: bool, st: dict[str, ParagraphStyle], width: float) -> Table:
    if contacts:
        headers = ["No.", "氏名", "役割", "役職", "任期", "連絡先"]
        widths = [0.05, 0.17, 0.25, 0.08, 0.18, 0.27]
    else:
        headers = ["No.", "氏名", "役割", "役職", "任期"]
        widths = [0.06, 0.24, 0.32, 0.1, 0.28]
    rows: list[list[Any]] = [[_p(h, st["head"]) for h in headers]]
    for i, line in enumerate(section.lines, start=1):
        roles = line.roles + (f"\n{line.organisation}" if line.organisation else "")
        row: list[Any] = [_p(str(i), st["small"]), _name_cell(line, st), _p(roles, st["small"]), _p(line.post, st["small"]),
                          _p(line.term.replace("〜", "〜\n"), st["small"])]
        if contacts:
            contact = "\n".join(
                x for x in (line.phone, line.email, " ".join(y for y in (f"〒{line.postal_code}" if line.postal_code else "", line.address) if y)) if x
            )
            row.append(_p(contact, st["small"]))
        rows.append(row)
    if not section.lines:
        rows.append(["", _p("（現任の委員はいません）", st["small"])] + [""] * (len(headers) - 2))
    table = Table(rows, colWidths=[w * width for w in widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), GOTHIC),  # plain-string cells too: no unembedded Helvetica
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#666666")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


class _NumberedCanvas(Canvas):
    """Draws 「n / N」 at the foot of every page once the page count is known."""

    footer_note = ""
    header_note = ""  # at the top right of every page: the copy with contacts says so before it is read

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No stray, unembedded Helvetica: the document template passes None unless told otherwise.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or GOTHIC
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 9
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(GOTHIC, 9)
            width, height = self._pagesize
            self.drawCentredString(width / 2, 9 * mm, f"{self._pageNumber} / {total}")
            if self.header_note:
                self.setFont(GOTHIC_BOLD, 12)
                self.drawRightString(width - _MARGIN, height - 10 * mm, self.header_note)
                self.setFont(GOTHIC, 9)
            if self.footer_note:
                self.drawRightString(width - _MARGIN, 9 * mm, self.footer_note)
            super().showPage()
        super().save()


def render_roster(doc: RosterDocument, output: str | Path, *, progress: Callable[[int], None] | None = None) -> Path:
    """Write ``doc`` as an A4 PDF to ``output`` (fonts embedded as subsets); returns the path."""
    st = _styles()
    path = Path(output)
    pdf = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=18 * mm,
        title=doc.title,
        author="栄町 まちづくり協議会",
        subject="名簿" if doc.contacts else "名簿（配布用・連絡先なし）",
    )
    story: list[Any] = [
        _p(doc.title, st["title"]),
        _p(f"{to_wareki(doc.as_of)}現在　{doc.count_text}" + ("" if doc.contacts else "　（配布用・連絡先なし）"), st["sub"]),
        Spacer(1, 4 * mm),
    ]
    for i, section in enumerate(doc.sections):
        heading = section.district_name + (f"（{section.council_name}）" if section.council_name else "")
        if i:
            story.append(Spacer(1, 6 * mm))  # between sections only: a trailing spacer could add an empty page
        story.append(KeepTogether([_p(f"{heading}　{section.count_text}", st["section"]), Spacer(1, 2 * mm)]))
        story.append(_table(section, doc.contacts, st, pdf.width))
        if progress is not None:
            progress(int((i + 1) * 100 / max(len(doc.sections), 1)))

    class _Canvas(_NumberedCanvas):
        footer_note = "個人情報を含みます。取り扱いに注意してください。" if doc.contacts else ""
        header_note = "取扱注意・連絡先あり" if doc.contacts else ""

    pdf.build(story, canvasmaker=_Canvas)
    return path


def build_roster_pdf(
    db: Database, output: str | Path, *, district_id: int | None = None, contacts: bool = True, today: date | None = None
) -> Path:
    """collect_roster + render_roster in one call (for the command line)."""
    return render_roster(collect_roster(db, district_id=district_id, contacts=contacts, today=today), output)


__all__ = [
    "RosterDocument",
    "RosterLine",
    "RosterSection",
    "build_roster_pdf",
    "collect_roster",
    "render_roster",
    "unprintable_characters",
]
