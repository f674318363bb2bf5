"""名簿 (roster) PDF: the members of one district or of every district, in 五十音順, A4.

Two steps, so the screen can warn before printing and the PDF can be drawn off the GUI thread:
``collect_roster`` reads the members through the people service into a :class:`RosterDocument`;
``render_roster`` draws that document with ReportLab. ``contacts=False`` gives the variant for
handing out, without 住所・電話・メール.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, overload

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

from sakae_council.db.engine import Database
from sakae_council.domain.council import counts_as_member
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.terms import TermStatus
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.fonts import markup, unprintable_characters
from sakae_council.reports.paragraph import BREAK_MARK
from sakae_council.reports.style import (
    PageDecor,
    RunningMark,
    TableByPages,
    build_pdf,
    content_width,
    grid_table,
    name_para,
    para,
    para_markup,
    styles,
)
from sakae_council.services import districts, people
from sakae_council.services.people import MembershipDTO, PersonDTO, RosterFilter

#: Terms that put a person on the printed roster (退任 and 就任前 are left out).
PRINTED_STATUSES = (TermStatus.CURRENT, TermStatus.EXPIRING)
_POST_RANK = {post: i for i, post in enumerate(OfficerPost)}


@dataclass(frozen=True, slots=True)
class RosterLine:
    """One member as printed (a district's are kept packed: :class:`PackedLines`)."""

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


#: Between the fields of a packed line: a lone surrogate, which no text read from the database can hold
#: (UTF-8 cannot encode one), so no name or address is ever split at it.
_SEP = "\ud800"
#: The fields each member has their own (packed into the section's string) and those many members share
#: (役割, 役職, 任期, 団体: kept once per section, each line holding where they are).
_OWN_FIELDS = ("name", "furigana", "phone", "email", "postal_code", "address")
_SHARED_FIELDS = ("roles", "post", "term", "organisation")


class PackedLines(Sequence[RosterLine]):
    """A district's lines packed: the fields each member has their own in one string (joined by ``_SEP``)
    with where each line starts, the shared ones (役割, 任期 …) once per section; a line is unpacked when it
    is read.

    A whole town's roster at stress is 94,000 members: as objects of ten strings each they took ~40 MB
    while the paper was drawn (and left the heap in pieces after); packed, a few MB in a handful of blocks.
    """

    __slots__ = ("_members", "_shared", "_starts", "_text", "_values")

    def __init__(self, lines: Iterable[RosterLine]) -> None:
        parts: list[str] = []
        starts = array("I")
        shared = array("I")
        members = bytearray()
        values: dict[str, int] = {}
        at = 0
        for line in lines:
            starts.append(at)
            members.append(line.is_member)
            shared.extend(values.setdefault(getattr(line, f), len(values)) for f in _SHARED_FIELDS)
            text = _SEP.join(getattr(line, f) for f in _OWN_FIELDS)
            parts.append(text)
            at += len(text) + 1
        self._text = _SEP.join(parts)
        self._starts = starts
        self._shared = shared
        self._values = tuple(values)
        self._members = bytes(members)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> RosterLine: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[RosterLine, ...]: ...
    def __getitem__(self, i: int | slice) -> RosterLine | tuple[RosterLine, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        own = self._own_text(i).split(_SEP)
        i %= len(self)
        n = len(_SHARED_FIELDS)
        shared = (self._values[k] for k in self._shared[i * n : i * n + n])
        return RosterLine(
            **dict(zip(_OWN_FIELDS, own, strict=True)),
            **dict(zip(_SHARED_FIELDS, shared, strict=True)),
            is_member=bool(self._members[i]),
        )

    def _own_text(self, i: int) -> str:
        """Line ``i``'s own fields as packed (joined by the separator)."""
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        end = self._starts[i + 1] - 1 if i + 1 < len(self) else len(self._text)
        return self._text[self._starts[i] : end]

    def texts(self) -> Iterator[str]:
        """The printed text: the shared fields once, then each line's own, a line at a time (for the
        missing-glyph check)."""
        yield from self._values
        for i in range(len(self)):
            yield self._own_text(i).replace(_SEP, "\n")

    @property
    def member_count(self) -> int:
        return sum(self._members)


@dataclass(frozen=True)
class RosterSection:
    """One district's members in 五十音順."""

    district_name: str
    council_name: str
    lines: PackedLines

    @property
    def member_count(self) -> int:
        return self.lines.member_count

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

    def texts(self) -> Iterator[str]:
        """Every piece of text printed, a line at a time (for the missing-glyph check; a handout's lines hold
        no contacts)."""
        yield self.title
        for s in self.sections:
            yield s.district_name
            yield s.council_name
            yield from s.lines.texts()

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


def _line(person: PersonDTO, seats: list[MembershipDTO], contacts: bool) -> RosterLine:
    """One member as printed. The handout (``contacts`` False) does not even hold the contacts."""
    seats = sorted(seats, key=lambda m: _POST_RANK[m.officer_post])
    posts = [m.officer_post for m in seats if m.officer_post is not OfficerPost.MEMBER]
    member = counts_as_member(m.role for m in seats)
    return RosterLine(
        name=person.name,
        furigana=person.furigana,
        roles="、".join(dict.fromkeys(m.role_text for m in seats)),
        # 地区担当職員 are not 委員: no 「委員」 printed over their role
        post=posts[0].label if posts else OfficerPost.MEMBER.label if member else "",
        term=_term_text(seats[0]),
        phone=person.phone if contacts else "",
        email=person.email if contacts else "",
        postal_code=person.postal_code if contacts else "",
        address=person.address if contacts else "",
        organisation=person.organisation_name,
        is_member=member,
    )


def collect_roster(
    db: Database, *, district_id: int | None = None, contacts: bool = True, today: date | None = None
) -> RosterDocument:
    """Members whose term is running on ``today``, per district in display order, each in 五十音順."""
    today = today or date.today()
    chosen = [d for d in districts.list_districts(db, include_inactive=False) if district_id in (None, d.id)]
    if district_id is not None and not chosen:
        chosen = [districts.get_district(db, district_id)]
    sections = []
    for d in chosen:
        lines = []
        for person in people.list_members(db, RosterFilter(district_id=d.id, today=today)):
            seats = [
                m for m in person.memberships if m.district_id == d.id and m.status(today) in PRINTED_STATUSES
            ]
            if seats:
                lines.append(_line(person, seats, contacts))
        sections.append(RosterSection(d.name, d.council_name, PackedLines(lines)))
    if district_id is None:
        title = "まちづくり協議会 名簿（全学区）"
    else:
        title = f"{chosen[0].council_name or chosen[0].name + 'まちづくり協議会'} 名簿"
    return RosterDocument(title=title, as_of=today, contacts=contacts, sections=tuple(sections))


# --- drawing ---------------------------------------------------------------------------------------

#: Where an address may break: after the prefecture, 郡, 市, 区, 町, 村 or 大字 — never inside the 番地.
_ADDRESS_PART = re.compile(r"[^\s]*?(?:都|道|府|県|郡|市|区|町|村)(?=[^\s])|\s+|[^\s]+")


def address_markup(address: str, font: str) -> str:
    """An address as markup whose lines break between its parts (県・郡・町…, spaces), never in the 番地.

    「千葉県印旛郡栄町安食台3丁目12番地の4」 breaks only after 県, 郡 or 町 (never 「栄/町」), and keeps
    「安食台3丁目12番地の4」 whole, so 「12番地の4」 never sits alone on a line; a part longer than the
    line still wraps where it must.
    """
    parts = [m.group(0) for m in _ADDRESS_PART.finditer(address)]
    # Each part is kept whole; BREAK_MARK lets a line end between two parts that touch.
    return BREAK_MARK.join(
        markup(part, font) if part.isspace() else f"<nobr>{markup(part, font)}</nobr>" for part in parts
    )


def _section_styles() -> dict[str, ParagraphStyle]:
    st = styles()
    return {
        "title": ParagraphStyle("roster-title", parent=st.title, alignment=0),
        "sub": ParagraphStyle("roster-sub", parent=st.cell, spaceAfter=2),
        # Each district starts a page, so its heading needs no keepWithNext (which would carry the
        # heading and the whole table past the title on page 1).
        "section": ParagraphStyle(
            "roster-section", parent=st.heading, fontSize=13, leading=19, spaceBefore=2, keepWithNext=0
        ),
    }


def _name_cell(line: RosterLine) -> list[Flowable]:
    st = styles()
    cell: list[Flowable] = [para(line.furigana, st.furigana)] if line.furigana else []
    cell.append(name_para(line.name, st.cell))
    return cell


def _contact_cell(line: RosterLine) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [para(x, st.cell) for x in (line.phone, line.email) if x]
    font = st.cell.fontName
    postal = f"<nobr>{markup(f'〒{line.postal_code}', font)}</nobr>" if line.postal_code else ""
    if postal or line.address:
        joined = markup(" ", font) if postal and line.address else ""
        out.append(para_markup(postal + joined + address_markup(line.address, font), st.cell))
    return out


def _table(section: RosterSection, contacts: bool, width: float) -> Flowable:
    """The district's members as a ruled table, made a page at a time (:class:`TableByPages`: a district
    at stress is 15,700 members), the header row on every page."""
    st = styles()
    if contacts:
        headers = ["No.", "氏名", "役割・役職", "任期", "連絡先"]
        widths = [10 * mm, 36 * mm, 0.0, 31 * mm, 52 * mm]
    else:
        headers = ["No.", "氏名", "役割・役職", "任期"]
        widths = [10 * mm, 46 * mm, 0.0, 34 * mm]
    widths[2] = width - sum(widths)
    header: list[Any] = [para(h, st.cell_head) for h in headers]

    def table(rows: list[list[Any]]) -> Table:
        return grid_table([header, *rows], widths, extra=[("VALIGN", (0, 1), (-1, -1), "TOP")])

    if not section.lines:
        return table([["", para("（現任の委員はいません）", st.cell)] + [""] * (len(headers) - 2)])
    lines = section.lines
    return TableByPages(
        lambda start, stop: [_row(i + 1, lines[i], contacts) for i in range(start, stop)], len(lines), table
    )


def _row(number: int, line: RosterLine, contacts: bool) -> list[Any]:
    st = styles()
    roles = (
        [para(line.post, st.cell_head), para(line.roles, st.cell)]
        if line.post
        else [para(line.roles, st.cell)]
    )
    if line.organisation:
        roles.append(para(line.organisation, st.cell))
    row: list[Any] = [
        para(str(number), st.cell_center),
        _name_cell(line),
        roles,
        para(line.term.replace("〜", "〜\n"), st.cell),
    ]
    if contacts:
        row.append(_contact_cell(line))
    return row


def _section_heading(section: RosterSection) -> str:
    return section.district_name + (f"（{section.council_name}）" if section.council_name else "")


def render_roster(
    doc: RosterDocument, output: str | Path, *, progress: Callable[[int], None] | None = None
) -> Path:
    """Write ``doc`` as an A4 PDF to ``output`` (fonts embedded as subsets); returns the path.

    Each district starts on a new page and names itself in the running header of all its pages, so a
    page taken out of the binder still says whose members it lists; the table's header row repeats.
    """
    st = _section_styles()
    width = content_width()
    as_of = f"{to_wareki(doc.as_of)}現在"
    story: list[Flowable] = [
        para(doc.title, st["title"]),
        para(f"{as_of}　{doc.count_text}" + ("" if doc.contacts else "　（配布用・連絡先なし）"), st["sub"]),
        Spacer(1, 3 * mm),
    ]
    for i, section in enumerate(doc.sections):
        heading = _section_heading(section)
        if i:
            story.append(PageBreak())
        font = st["section"].fontName
        count = f"<nobr>{markup(section.count_text, font)}</nobr>"
        story += [
            RunningMark(section.district_name),
            para_markup(f"{markup(heading, font)}　{count}", st["section"]),
        ]
        # rows made as the layout reaches them: a page's cells in memory at a time, not the town's
        story.append(_table(section, doc.contacts, width))
        if progress is not None:
            progress(int((i + 1) * 100 / max(len(doc.sections), 1)))
    decor = PageDecor(
        header_left="名簿" if doc.contacts else "名簿（配布用）",
        header_context=doc.sections[0].district_name if doc.sections else "",
        header_right=as_of,
        footer_right="個人情報を含みます。取り扱いに注意してください。" if doc.contacts else "",
        # the copy with contacts says so at the top of every page, before it is read
        header_mark="取扱注意・連絡先あり" if doc.contacts else "",
    )
    subject = "名簿" if doc.contacts else "名簿（配布用・連絡先なし）"
    return build_pdf(output, story, title=doc.title, subject=subject, decor=decor)


def build_roster_pdf(
    db: Database,
    output: str | Path,
    *,
    district_id: int | None = None,
    contacts: bool = True,
    today: date | None = None,
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
