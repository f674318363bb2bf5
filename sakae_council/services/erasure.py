"""本人の求めによる消去 — erase a person's name and contact from every place the registry lists.

:mod:`sakae_council.db.personal_data` says where a name or contact can be stored and what erasure does
there; this module does it, in the caller's transaction, on any database of the current schema (the open
file, the shared server, or a copy of a backup being rewritten — see :mod:`services.backup_erasure`).

What stays: the name printed in approved (確定) minutes — the council's official record — together with
the link from those minutes to the person's record (which then holds the name only); and the audit entry
saying that an erasure was done (who, when), without the name.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, delete, func, insert, or_, select, true, update
from sqlalchemy.orm import Session

from sakae_council.cancel import current as current_token
from sakae_council.db.base import Base, utcnow
from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry, Meeting, Person
from sakae_council.db.models.search import (
    KIND_ISSUE,
    KIND_PERSON,
    SEARCH_GRAM,
    issue_order,
    person_order,
    posting_rows,
)
from sakae_council.db.personal_data import PERSON_LINKS, PERSONAL_COLUMNS, How, Link, columns_of
from sakae_council.domain.enums import MinutesStatus
from sakae_council.domain.errors import Message, msg, translated
from sakae_council.domain.search_text import person_search_text
from sakae_council.domain.text import fold_for_search
from sakae_council.services.common import audit, get_or_raise

#: What a copy of an erased person's name becomes (出欠, 講座の参加者, 相談, 起業, and free text).
PSEUDONYM = "消去済みの人"
#: What an erased phone number, address or e-mail becomes inside free text.
REDACTED = "（消去済み）"
#: Shorter strings are not looked for inside free text (one character would hit unrelated words).
MIN_NEEDLE = 2
#: The fields of a person's past audit entries whose values were that person's name or contact.
_HISTORY_NAMES = ("name", "furigana")
_HISTORY_CONTACTS = ("address", "phone", "email")
_INDEXED_TABLES = {"person": KIND_PERSON, "regional_issue": KIND_ISSUE}


@dataclass(frozen=True)
class Identity:
    """What identifies the person in text: every name (and フリガナ) and contact they have had."""

    names: frozenset[str] = frozenset()
    contacts: frozenset[str] = frozenset()

    def __or__(self, other: Identity) -> Identity:
        return Identity(self.names | other.names, self.contacts | other.contacts)

    def replacements(self) -> list[tuple[str, str]]:
        """(needle, substitute) pairs, longest needle first (a full name before its surname alone)."""
        pairs = {n: PSEUDONYM for n in _name_variants(self.names)}
        pairs.update({c: REDACTED for c in _contact_variants(self.contacts)})
        return sorted(
            ((n, s) for n, s in pairs.items() if len(n) >= MIN_NEEDLE), key=lambda p: (-len(p[0]), p[0])
        )

    def folded_replacements(self) -> list[tuple[str, str]]:
        """The same for folded search text (fold_for_search of both sides)."""
        pairs = {fold_for_search(n): fold_for_search(s) for n, s in self.replacements()}
        return sorted(
            ((n, s) for n, s in pairs.items() if len(n) >= MIN_NEEDLE), key=lambda p: (-len(p[0]), p[0])
        )

    @property
    def empty(self) -> bool:
        return not (self.names or self.contacts)


def _name_variants(names: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for n in names:
        n = n.strip()
        if not n:
            continue
        joined = n.replace(" ", "").replace("\u3000", "")
        out |= {
            n,
            n.replace(" ", "\u3000"),
            n.replace("\u3000", " "),
            joined,
            unicodedata.normalize("NFKC", n),
        }
    return {v for v in out if v}


def _contact_variants(contacts: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for c in contacts:
        c = c.strip()
        if not c:
            continue
        wide = unicodedata.normalize("NFKC", c)
        out |= {c, wide}
        digits = "".join(ch for ch in wide if ch.isdigit())
        if len(digits) >= 10 and all(ch.isdigit() or ch in "-() " for ch in wide):
            out.add(digits)  # a phone number written without hyphens
    return out


@dataclass(frozen=True)
class ScrubResult:
    """What one erasure changed in one database."""

    found: bool
    deleted_outright: bool
    kept_in_minutes: tuple[str, ...]
    rows_deleted: int
    values_replaced: int
    audit_entries_scrubbed: int
    identity: Identity = field(default_factory=Identity, repr=False)


def identity_of(s: Session, person_id: int) -> Identity:
    """The person's names and contacts as stored now and as their past audit entries recorded them."""
    names: set[str] = set()
    contacts: set[str] = set()
    p = s.get(Person, person_id)
    if p is not None:
        names |= {p.name, p.furigana}
        contacts |= {p.address, p.phone, p.email}
    for raw in s.scalars(
        select(AuditEntry.changes).where(AuditEntry.entity == "person", AuditEntry.entity_id == person_id)
    ):
        try:
            changes = json.loads(raw) if raw else {}
        except ValueError:
            continue
        if not isinstance(changes, dict):
            continue
        for key, pair in changes.items():
            values = [v for v in (pair if isinstance(pair, list) else []) if isinstance(v, str)]
            if key in _HISTORY_NAMES:
                names.update(values)
            elif key in _HISTORY_CONTACTS:
                contacts.update(values)
    return Identity(frozenset(n for n in names if _real(n)), frozenset(c for c in contacts if _real(c)))


def _real(value: str) -> bool:
    """A value that is someone's data, not what an earlier erasure left in its place."""
    return bool(value.strip()) and not any(mark in value for mark in (PSEUDONYM, REDACTED))


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _approved_meetings() -> Select[Any]:
    return select(Meeting.id).where(Meeting.status == MinutesStatus.APPROVED.value)


def _outside_approved_minutes(t: Table) -> ColumnElement[bool]:
    """Rows of ``t`` that do not belong to approved minutes."""
    key = t.c.id if t.name == "meeting" else t.c.meeting_id
    return key.not_in(_approved_meetings())


def _not_someone_else(t: Table, person_id: int) -> ColumnElement[bool]:
    """Rows of ``t`` not linked to another person: a namesake's own attendance or course seat is theirs."""
    for link in PERSON_LINKS:
        if (
            link.table == t.name
            and link.link is Link.UNLINK
            and not link.column.startswith(("chair", "recorder", "signatory"))
        ):
            fk = t.c[link.column]
            return fk.is_(None) | (fk == person_id)
    return true()


def _rowcount(result: object) -> int:
    return max(int(getattr(result, "rowcount", 0) or 0), 0)


def _unlink_and_delete(s: Session, person_id: int, names: set[str]) -> tuple[int, int]:
    """Rows pointing at the person: deleted, or kept without the link and with the pseudonym."""
    deleted = changed = 0
    for link in PERSON_LINKS:
        t = _table(link.table)
        cond: ColumnElement[bool] = t.c[link.column] == person_id
        if link.printed_in_minutes:
            cond = cond & _outside_approved_minutes(t)
        if link.link is Link.DELETE_ROW:
            deleted += _rowcount(s.execute(delete(t).where(cond)))
            continue
        values: dict[str, object] = {link.column: None}
        values |= {c.column: PSEUDONYM for c in columns_of(link.table, How.NAME_COPY)}
        values |= {c.column: "" for c in columns_of(link.table, How.LINKED_DETAIL)}
        changed += _rowcount(s.execute(update(t).where(cond).values(values)))
    # A copy of the name typed in without a link (a guest, a course attendee entered by name).
    wanted = _name_variants(names)
    if wanted:
        for col in (c for c in PERSONAL_COLUMNS if c.how is How.NAME_COPY):
            t = _table(col.table)
            cond = t.c[col.column].in_(sorted(wanted)) & _not_someone_else(t, person_id)
            if col.printed_in_minutes:
                cond = cond & _outside_approved_minutes(t)
            values = {col.column: PSEUDONYM}
            values |= {c.column: "" for c in columns_of(col.table, How.LINKED_DETAIL)}
            changed += _rowcount(s.execute(update(t).where(cond).values(values)))
    return deleted, changed


def _replace_in_text(s: Session, person_id: int, identity: Identity) -> int:
    """Replace the person's names and contacts inside every registered text column."""
    plain, folded = identity.replacements(), identity.folded_replacements()
    reindex: dict[str, set[int]] = {}
    rewritten_people: set[int] = set()
    replaced = 0
    token = current_token()  # 中止 between columns rolls the whole erasure back (one transaction)
    for step, col in enumerate(PERSONAL_COLUMNS):
        token.progress(step, len(PERSONAL_COLUMNS))
        if col.how is How.IDENTITY:
            continue
        t = _table(col.table)
        c = t.c[col.column]
        scope: ColumnElement[bool] = _outside_approved_minutes(t) if col.printed_in_minutes else true()
        if col.table == "person":
            if col.how is How.SEARCH:
                continue  # recomputed below from the rewritten notes (another person's own name stays)
            scope = scope & (t.c.id != person_id)  # the person's own row is cleared as a whole
        if col.how in (How.NAME_COPY, How.LINKED_DETAIL):
            scope = scope & _not_someone_else(t, person_id)
        pairs = folded if col.how is How.SEARCH else plain
        if not pairs:
            continue
        # One pass over the table per column: every needle in one condition, the replacements nested
        # (longest needle first, so a full name goes before the surname alone).
        cond = scope & _any_of(c, [n for n, _ in pairs])
        value: ColumnElement[Any] = c
        for needle, substitute in pairs:
            value = func.replace(value, needle, substitute)
        length = getattr(c.type, "length", None)
        if length:  # the pseudonym may be longer than a short name: never past VARCHAR(n) (PostgreSQL)
            value = func.substr(value, 1, length)
        if col.how is How.SEARCH and col.table in _INDEXED_TABLES:
            reindex.setdefault(col.table, set()).update(s.scalars(select(t.c.id).where(cond)))
        if col.table == "person":
            rewritten_people.update(s.scalars(select(t.c.id).where(cond)))
        replaced += _rowcount(s.execute(update(t).where(cond).values({c: value})))
    _refresh_people_search_text(s, rewritten_people)
    for table, ids in reindex.items():
        _repost(s, table, ids)
    return replaced


def _refresh_people_search_text(s: Session, ids: set[int]) -> None:
    """Other people whose notes named the person: their search text made again from their own fields
    (the ORM listener rewrites their search postings)."""
    for p in s.scalars(select(Person).where(Person.id.in_(ids))) if ids else ():
        s.refresh(p)  # the notes were rewritten with Core
        org = p.organisation.name if p.organisation is not None else ""
        p.search_text = person_search_text(p.name, p.furigana, org, p.notes)
    s.flush()


def _any_of(c: ColumnElement[Any], needles: list[str]) -> ColumnElement[bool]:
    return or_(*(c.contains(n, autoescape=True) for n in needles))


def _repost(s: Session, table: str, ids: set[int]) -> None:
    """Rebuild the search postings of rows whose search text was rewritten with Core (no ORM listener)."""
    if not ids:
        return
    kind, t = _INDEXED_TABLES[table], _table(table)
    s.execute(delete(SEARCH_GRAM).where(SEARCH_GRAM.c.kind == kind, SEARCH_GRAM.c.record_id.in_(ids)))
    person = table == "person"
    cols = [t.c.id, t.c.search_text] + ([t.c.kana_key, t.c.deleted_at] if person else [t.c.raised_on])
    rows: list[dict[str, object]] = []
    for row in s.execute(select(*cols).where(t.c.id.in_(ids))):
        if person and row[3] is not None:
            continue  # soft-deleted people are not indexed
        order = person_order(row[2] or "") if person else issue_order(row[2])
        rows.extend(posting_rows(kind, row[0], order, row[1] or ""))
    if rows:
        s.execute(insert(SEARCH_GRAM), rows)


def kept_minutes(s: Session, person_id: int) -> list[str]:
    """Titles of the approved minutes that name the person (their name stays there, as printed)."""
    from sakae_council.services.people import _approved_minutes_naming

    return _approved_minutes_naming(s, person_id)


def scrub_person(s: Session, person_id: int, extra: Identity | None = None) -> ScrubResult:
    """Erase the person everywhere the registry lists, inside ``s``'s transaction.

    ``extra``: names and contacts known from elsewhere (the live file, when a backup is rewritten).
    The person's record is deleted unless approved minutes name them; then it keeps the name only.
    """
    from sakae_council.services.audit_log import redact_person

    identity = identity_of(s, person_id) | (extra or Identity())
    p = s.get(Person, person_id)
    minutes = tuple(kept_minutes(s, person_id)) if p is not None else ()
    deleted, changed = _unlink_and_delete(s, person_id, set(identity.names))
    replaced = _replace_in_text(s, person_id, identity)
    scrubbed = redact_person(s, person_id)
    if p is not None:
        if minutes:
            for attr in ("furigana", "kana_key", "postal_code", "address", "phone", "email", "notes"):
                setattr(p, attr, "")
            p.organisation_id = None
            p.search_text = person_search_text(p.name, "", "", "")
            p.deleted_at = p.deleted_at or utcnow()
        else:
            s.delete(p)
        s.flush()
    return ScrubResult(
        found=p is not None,
        deleted_outright=p is not None and not minutes,
        kept_in_minutes=minutes,
        rows_deleted=deleted,
        values_replaced=changed + replaced,
        audit_entries_scrubbed=scrubbed,
        identity=identity,
    )


def _namesakes(s: Session, identity: Identity) -> Select[Any]:
    """Other people whose own name or フリガナ is one of the person's (their search text holds it)."""
    return select(Person.id).where(
        Person.name.in_(sorted(identity.names)) | Person.furigana.in_(sorted(identity.names))
    )


def remaining_mentions(s: Session, person_id: int, identity: Identity) -> list[tuple[str, str]]:
    """(table, column) of every registered place outside approved minutes that still holds one of the
    person's names or contacts — empty after a complete erasure. Verifies a rewritten backup."""
    found: list[tuple[str, str]] = []
    kept_name = s.scalar(select(Person.name).where(Person.id == person_id))
    for col in PERSONAL_COLUMNS:
        t = _table(col.table)
        c = t.c[col.column]
        scope: ColumnElement[bool] = _outside_approved_minutes(t) if col.printed_in_minutes else true()
        pairs = identity.folded_replacements() if col.how is How.SEARCH else identity.replacements()
        needles = [n for n, _ in pairs]
        if col.table == "person" and kept_name is not None:
            # The record kept for approved minutes holds its name (and its folded form) and nothing else.
            own = t.c.id == person_id
            allowed = (
                {kept_name, fold_for_search(kept_name)} if col.column in ("name", "search_text") else set()
            )
            checked = [n for n in needles if not any(n in a for a in allowed)]
            if checked and s.scalar(select(func.count()).select_from(t).where(own, _any_of(c, checked))):
                found.append((col.table, col.column))
                continue
            scope = scope & ~own
        if col.how is How.IDENTITY:
            continue  # another person's own name or phone (a namesake, a household phone) is theirs
        if col.how in (How.NAME_COPY, How.LINKED_DETAIL):
            scope = scope & _not_someone_else(t, person_id)
        if col.table == "person" and col.how is How.SEARCH:
            scope = scope & ~t.c.id.in_(_namesakes(s, identity))
        if needles and s.scalar(select(func.count()).select_from(t).where(scope, _any_of(c, needles))):
            found.append((col.table, col.column))
    return found


# --- the use case --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ErasureReport:
    """What 本人の求めによる消去 did, kept and left in the backups — the message tells the user exactly."""

    person_id: int
    name: str
    deleted_outright: bool
    kept_in_minutes: tuple[str, ...]
    places_cleared: int
    #: Backups of the file that still hold what was erased; None on the shared server (its backups are
    #: the server administrator's).
    backups_holding: int | None
    #: The names and contacts erased, in memory only: 「古いバックアップからも消す」 looks for them too.
    identity: Identity = field(default_factory=Identity, repr=False)

    @property
    def lines(self) -> tuple[Message, ...]:
        """The message, one sentence (a translatable template) per line."""
        out: list[Message] = []
        if self.deleted_outright:
            out.append(msg("名簿から完全に削除しました。"))
        else:
            out.append(
                msg("住所・電話番号・メール・備考・フリガナ・所属・委嘱を消去し、名簿から外しました。")
            )
        out.append(
            msg(
                "会議の下書き・講座・相談・貸出・研修・変更の履歴などに残っていた氏名と連絡先も消去しました（{count}か所）。",
                count=self.places_cleared,
            )
        )
        if self.kept_in_minutes:
            out.append(
                msg(
                    "確定済みの議事録{count}件（{titles}）に記載された氏名は、公文書のため残しました。",
                    count=len(self.kept_in_minutes),
                    titles="、".join(self.kept_in_minutes),
                )
            )
        out.append(msg("消去したという記録（だれが・いつ）は、氏名を含めずに操作の記録に残ります。"))
        if self.backups_holding is None:
            out.append(msg("町のサーバーのバックアップからの消去は、サーバーの管理者に依頼してください。"))
        elif self.backups_holding:
            out.append(
                msg(
                    "バックアップ{count}件には、消去前の情報がまだ残っています（バックアップは最長1年間保管されます）。"
                    "「古いバックアップからも消す」で、バックアップからも消去できます。",
                    count=self.backups_holding,
                )
            )
        else:
            out.append(msg("消去前の情報を含むバックアップはありません。"))
        return tuple(out)

    @property
    def message(self) -> str:
        return "".join(translated(line) for line in self.lines)


def _backups_holding(db: Database) -> int | None:
    from sakae_council.services import backups

    if db.path is None:
        return None
    return len(backups.list_backups(db, summaries=False))


def erase_at_request(db: Database, person_id: int) -> ErasureReport:
    """本人の求めによる消去: the person's name and contact go from every registered place, except the
    name printed in approved minutes; the erasure itself is audited without the name."""
    with db.transaction() as s:
        p = get_or_raise(s, Person, person_id, "名簿の人")
        name = p.name
        done = scrub_person(s, person_id)
        if done.deleted_outright:
            summary = "本人の求めにより個人情報を消去し、名簿から完全に削除"
        else:
            summary = f"本人の求めにより個人情報を消去（確定した議事録 {len(done.kept_in_minutes)} 件には氏名を印刷どおり残す）"
        audit(s, db.user, "erase", "person", person_id, summary)
    return ErasureReport(
        person_id=person_id,
        name=name,
        deleted_outright=done.deleted_outright,
        kept_in_minutes=done.kept_in_minutes,
        places_cleared=done.rows_deleted + done.values_replaced + done.audit_entries_scrubbed,
        backups_holding=_backups_holding(db),
        identity=done.identity,
    )
