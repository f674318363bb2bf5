"""総会議案書 — the annual general meeting's pack of one council for one 年度, from the records.

Every part is generated from the data (projects and their 検証, meetings, issues, the changeover, the
会則); the secretary may rewrite any part before printing. The rewrite is kept with the pack (one row per
council, 年度 and part: GeneralMeetingText) and never written back into the records; 「自動作成に戻す」
deletes it. The accounts' parts (第2号・第5号議案) come from the books through :func:`accounts_part`.

A part's text is plain lines in a small format the printed pack understands:

* 「■ 見出し」 — a heading inside the 議案;
* a line with 「｜」 — a table row (cells split at ｜); consecutive rows make one table, the first is its
  header;
* anything else — a paragraph; an empty line — a little space.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import District, GeneralMeetingText
from sakae_council.domain.enums import LabeledEnum
from sakae_council.domain.errors import ConflictError, msg
from sakae_council.domain.text import kana_sort_key
from sakae_council.domain.wareki import fiscal_year_label, to_wareki
from sakae_council.services import bylaws, seats
from sakae_council.services.common import audit, check_version, get_or_raise, long_text
from sakae_council.services.pack_facts import PackFacts, pack_facts
from sakae_council.services.seats import SeatDTO

MAX_PART = 30000
#: The 引継ぎ資料's note where the books' balances belong until the accounts exist (the 議案書 prints,
#: instead, what a member reads: the blank 収支予算書 form or 「別紙のとおり」, books_text).
NO_BOOKS = "会計の資料は未作成"


class PackPart(LabeledEnum):
    """The editable parts of the pack, in print order."""

    COVER = "cover", "表紙（日時・場所）"
    AGENDA = "agenda", "次第"
    REPORT = "report", "第1号議案 事業報告"
    ACCOUNTS = "accounts", "第2号議案 収支決算報告・監査報告"
    OFFICERS = "officers", "第3号議案 役員改選"
    PLAN = "plan", "第4号議案 事業計画（案）"
    BUDGET = "budget", "第5号議案 収支予算（案）"


#: The numbered 議案 (第N号議案) among the parts.
MOTIONS = (PackPart.REPORT, PackPart.ACCOUNTS, PackPart.OFFICERS, PackPart.PLAN, PackPart.BUDGET)


def motion_title(part: PackPart, fiscal_year: int) -> str:
    """「第1号議案 令和8年度 事業報告」: the report years are the 年度, the plans the next."""
    fy = fiscal_year_label(fiscal_year)
    nxt = fiscal_year_label(fiscal_year + 1)
    return {
        PackPart.REPORT: f"第1号議案　{fy} 事業報告",
        PackPart.ACCOUNTS: f"第2号議案　{fy} 収支決算報告・監査報告",
        PackPart.OFFICERS: "第3号議案　役員改選",
        PackPart.PLAN: f"第4号議案　{nxt} 事業計画（案）",
        PackPart.BUDGET: f"第5号議案　{nxt} 収支予算（案）",
    }.get(part, part.label)


# --- the generated texts --------------------------------------------------------------------------


def accounts_part(db: Database, district_id: int, fiscal_year: int, part: PackPart) -> str | None:
    """The books' text of 第2号議案 (決算・監査) or 第5号議案 (予算) in the pack's format; None while the
    council keeps no books in the program (then the pack prints the blank form or 「別紙のとおり」).

    The pack of 年度 N reports N's 決算 and proposes N+1's 予算 (services.books_text)."""
    from sakae_council.services import books_text

    if part is PackPart.ACCOUNTS:
        return books_text.settlement_text(db, district_id, fiscal_year)
    if part is PackPart.BUDGET:
        return books_text.budget_text(db, district_id, fiscal_year + 1)
    return None


def _d(day: date | None) -> str:
    return to_wareki(day) if day else ""


def _report_text(f: PackFacts) -> str:
    fy = fiscal_year_label(f.fiscal_year)
    lines = [f"{fy}の事業を次のとおり報告します。", ""]
    lines.append("■ 1　協働事業の実施状況")
    if not f.projects:
        lines.append("この年度に活動記録のある協働事業はありません。")
    for i, p in enumerate(f.projects, start=1):
        lines.append(f"（{i}）{p.title}（{p.status.label}）")
        if p.activities:
            lines.append("実施日｜内容｜参加者")
            lines += [f"{_d(day)}｜{title}｜{n}人" for day, title, n in p.activities]
        lines.append(
            f"参加者 延べ{p.participants}人・ボランティア {p.volunteer_hours}時間（活動{len(p.activities)}回）"
        )
        if p.achievements:
            lines.append(f"成果: {p.achievements}")
        if p.issues_found:
            lines.append(f"見えた課題: {p.issues_found}")
        if p.next_steps:
            lines.append(f"次年度に向けて: {p.next_steps}")
        lines.append("")
    lines.append(f"■ 2　会議の開催（{len(f.meetings)}回）")
    if f.meetings:
        lines.append("開催日｜会議｜主な議題")
        lines += [f"{_d(m.held_on)}｜{m.label}｜{'、'.join(m.agenda) or '—'}" for m in f.meetings]
    else:
        lines.append("この年度に開催した会議はありません。")
    lines.append("")
    lines.append(f"■ 3　解決した地域課題（{len(f.resolved_issues)}件）")
    if f.resolved_issues:
        lines.append("解決日｜地域課題")
        lines += [f"{_d(day)}｜{title}" for title, day in f.resolved_issues]
    else:
        lines.append("この年度に解決とした地域課題はありません。")
    return "\n".join(lines)


def _seat_row(s: SeatDTO) -> str:
    term = f"{_d(s.term_start)}〜{_d(s.term_end)}" if s.term_start or s.term_end else "—"
    return f"{s.officer_post.label}｜{s.name}｜{s.role_text}｜{term}"


def _officers_text(f: PackFacts) -> str:
    fy = fiscal_year_label(f.fiscal_year)
    lines = [f"{fy}末で任期が満了する役員・委員について、次のとおり改選したいので提案します。", ""]
    lines.append(f"■ 1　任期満了（{len(f.ending)}名）")
    if f.ending:
        lines.append("役職｜氏名｜役割｜任期")
        lines += [_seat_row(s) for s in f.ending]
    else:
        lines.append("この年度に任期が満了する役員・委員はいません。")
    lines.append("")
    lines.append(f"■ 2　新役員（案）（{fiscal_year_label(f.fiscal_year + 1)}）")
    if f.proposed:
        lines.append("役職｜氏名｜役割｜任期")
        lines += [_seat_row(s) for s in f.proposed]
    else:
        lines.append("（役員改選の画面で改選を適用すると、ここに新役員が載ります。）")
    return "\n".join(lines)


def _plan_text(f: PackFacts) -> str:
    nxt = fiscal_year_label(f.fiscal_year + 1)
    lines = [f"{nxt}は、次の事業に取り組みます。", ""]
    if not f.planned:
        lines.append("（継続・計画中の協働事業はありません。）")
    for i, p in enumerate(f.planned, start=1):
        lines.append(f"■ {i}　{p.title}（{p.status.label}）")
        if p.purpose:
            lines.append(f"目的: {p.purpose}")
        if p.start_on or p.end_on:
            lines.append(f"期間: {_d(p.start_on)}〜{_d(p.end_on)}")
        lines.append(
            f"取り組む地域課題: {'、'.join(p.issues) if p.issues else '（つながる地域課題は未登録）'}"
        )
        lines.append("")
    if f.open_issues:
        lines.append(f"■ {len(f.planned) + 1}　事業化を検討する地域課題")
        lines += [f"・{title}" for title in f.open_issues]
    return "\n".join(lines).rstrip()


def _cover_text(f: PackFacts) -> str:
    del f  # the date and place are not in the records yet: blanks to fill in, in 和暦 like every date
    return "日時　令和　　年　　月　　日（　）　　時から\n場所　"


def _agenda_text(f: PackFacts) -> str:
    motions = "\n".join(f"　　{motion_title(p, f.fiscal_year)}" for p in MOTIONS)
    return f"1　開会\n2　会長あいさつ\n3　議長選出\n4　議事\n{motions}\n5　その他\n6　閉会"


def _no_books_text(db: Database, facts: PackFacts, part: PackPart) -> str:
    """What a member reads where the program has no books for the part (not an internal 「未作成」)."""
    from sakae_council.services import books_text

    if part is PackPart.BUDGET:
        return books_text.budget_form_text(db, facts.district_id, facts.fiscal_year + 1)
    return books_text.settlement_paper_text(facts.fiscal_year)


def generated_text(db: Database, facts: PackFacts, part: PackPart) -> str:
    """The part's text as made from the records (before any edit)."""
    if part in (PackPart.ACCOUNTS, PackPart.BUDGET):
        return accounts_part(db, facts.district_id, facts.fiscal_year, part) or _no_books_text(
            db, facts, part
        )
    return {
        PackPart.COVER: _cover_text,
        PackPart.AGENDA: _agenda_text,
        PackPart.REPORT: _report_text,
        PackPart.OFFICERS: _officers_text,
        PackPart.PLAN: _plan_text,
    }[part](facts)


# --- the kept edits -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PartText:
    """A part's text as it will print: the edit if there is one, else the generated text."""

    part: PackPart
    title: str
    text: str
    generated: str
    edited: bool
    #: The stored edit's version (None when not edited).
    version: int | None


def pack_texts(db: Database, facts: PackFacts) -> list[PartText]:
    """Every part, in print order, with its kept edit if any."""
    with db.reading() as s:
        rows = {
            r.part: (r.body, r.version)
            for r in s.scalars(
                select(GeneralMeetingText).where(
                    GeneralMeetingText.district_id == facts.district_id,
                    GeneralMeetingText.fiscal_year == facts.fiscal_year,
                )
            )
        }
    out = []
    for part in PackPart:
        generated = generated_text(db, facts, part)
        body, version = rows.get(part.value, (generated, None))
        out.append(
            PartText(
                part=part,
                title=motion_title(part, facts.fiscal_year),
                text=body,
                generated=generated,
                edited=version is not None,
                version=version,
            )
        )
    return out


def save_part_text(
    db: Database, district_id: int, fiscal_year: int, part: PackPart, text: str, expected_version: int | None
) -> int:
    """Keep an edited part with the pack (not in the records); returns the edit's new version."""
    body = long_text(text, "text", "議案書の本文", MAX_PART)
    with db.transaction() as s:
        district = get_or_raise(s, District, district_id, "学区")
        row = s.scalar(
            select(GeneralMeetingText).where(
                GeneralMeetingText.district_id == district_id,
                GeneralMeetingText.fiscal_year == fiscal_year,
                GeneralMeetingText.part == PackPart(part).value,
            )
        )
        if row is None:
            if expected_version is not None:
                raise ConflictError(msg("この文案は別の場所で自動作成に戻されています。開き直してください。"))
            row = GeneralMeetingText(
                district_id=district_id, fiscal_year=fiscal_year, part=PackPart(part).value, body=body
            )
            s.add(row)
        else:
            check_version(row, expected_version, "総会議案書の文案")
            row.body = body
        s.flush()
        audit(
            s, db.user, "update", "general_meeting_text", row.id,
            f"{district.name} {fiscal_year_label(fiscal_year)} 総会議案書「{PackPart(part).label}」の文案を保存",
        )  # fmt: skip
        return row.version


def reset_part_text(db: Database, district_id: int, fiscal_year: int, part: PackPart) -> None:
    """Drop a part's edit: the pack prints the text made from the records again."""
    with db.transaction() as s:
        row = s.scalar(
            select(GeneralMeetingText).where(
                GeneralMeetingText.district_id == district_id,
                GeneralMeetingText.fiscal_year == fiscal_year,
                GeneralMeetingText.part == PackPart(part).value,
            )
        )
        if row is not None:
            s.delete(row)
            audit(
                s,
                db.user,
                "delete",
                "general_meeting_text",
                row.id,
                f"総会議案書「{PackPart(part).label}」を自動作成に戻す",
            )


# --- the whole pack -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneralMeetingPack:
    """Everything the 総会議案書 prints."""

    facts: PackFacts
    parts: tuple[PartText, ...]
    bylaws_title: str
    bylaws_body: str
    bylaws_revision: str
    bylaws_effective_on: date | None
    #: Members to whom the 書面表決書・委任状 forms go, name pre-printed (五十音順).
    members: tuple[str, ...]
    printed_on: date

    def part(self, part: PackPart) -> PartText:
        return next(p for p in self.parts if p.part is part)

    @property
    def fiscal_year_label(self) -> str:
        return fiscal_year_label(self.facts.fiscal_year)

    def texts(self) -> list[str]:
        """Every piece of user text printed (for the missing-glyph check)."""
        return [
            self.facts.council_name,
            self.bylaws_title,
            self.bylaws_body,
            *self.members,
            *(p.text for p in self.parts),
        ]


def collect_pack(
    db: Database, district_id: int, fiscal_year: int, *, today: date | None = None
) -> GeneralMeetingPack:
    """Read the whole pack: facts, parts (edits applied), 会則 and the members for the forms."""
    today = today or date.today()
    facts = pack_facts(db, district_id, fiscal_year, today=today)
    law = bylaws.get_bylaws(db, district_id)
    names: dict[str, str] = {}  # a person with two seats gets one form
    for seat in seats.seats_on(db, district_id, today):
        names.setdefault(seat.name, kana_sort_key(seat.furigana))
    return GeneralMeetingPack(
        facts=facts,
        parts=tuple(pack_texts(db, facts)),
        bylaws_title=law.title if law else bylaws.default_title(facts.council_name),
        bylaws_body=law.body if law else "",
        bylaws_revision=law.revision_label if law else "",
        bylaws_effective_on=law.effective_on if law else None,
        members=tuple(sorted(names, key=lambda n: (names[n], n))),
        printed_on=today,
    )
