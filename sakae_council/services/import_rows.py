"""名簿の取り込み, row by row: the checks every data row goes through, and the write of those that pass.

A row is checked exactly as the roster form would check it (``people.person_values`` /
``membership_values``, the user's rights in its district) and against the roster the way
``find_duplicates`` would — but without writing: the roster's 氏名 and フリガナ are read once
(``people_bulk.roster_keys``), and a row that passed counts as on the roster for the rows after it.
``write_rows`` then adds the rows that passed with a few multi-row INSERTs in one transaction
(``people_bulk.insert_people``), after checking that the roster did not change meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sakae_council.cancel import current as current_token
from sakae_council.db.engine import Database
from sakae_council.db.models import District
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.errors import DomainError, PermissionDeniedError, ValidationError, msg
from sakae_council.domain.text import normalize_ascii, normalize_text
from sakae_council.domain.wareki import parse_wareki
from sakae_council.services import people, people_duplicates
from sakae_council.services.common import audit
from sakae_council.services.districts import find_district_id
from sakae_council.services.people_bulk import DistrictRights, NewPerson, insert_people, roster_keys
from sakae_council.services.table_reading import BrokenRecord, Table

#: field -> (label, headings that mean it). Headings are compared after normalisation, without spaces.
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("氏名", ("氏名", "名前", "お名前", "氏名(漢字)", "委員名", "推進員名")),
    "family_name": ("姓", ("姓", "氏")),
    "given_name": ("名", ("名",)),
    "furigana": (
        "フリガナ",
        (
            "フリガナ",
            "ふりがな",
            "よみがな",
            "ヨミガナ",
            "カナ",
            "かな",
            "読み",
            "氏名(フリガナ)",
            "カナ氏名",
        ),
    ),
    "family_kana": ("セイ", ("セイ", "せい", "姓(フリガナ)", "フリガナ(姓)")),
    "given_kana": ("メイ", ("メイ", "めい", "名(フリガナ)", "フリガナ(名)")),
    "postal_code": ("郵便番号", ("郵便番号", "〒", "郵便")),
    "address": ("住所", ("住所", "所在地", "住所1")),
    "phone": ("電話番号", ("電話番号", "電話", "tel", "連絡先", "携帯", "携帯電話", "電話番号(自宅)")),
    "email": ("メールアドレス", ("メールアドレス", "メール", "e-mail", "email", "eメール")),
    "notes": ("備考", ("備考", "メモ", "摘要")),
    "district": ("学区", ("学区", "小学校区", "学区名", "地区")),
    "role": ("役割", ("役割", "区分", "選出区分", "種別")),
    "public_post": ("公職名", ("公職名", "公職")),
    "officer_post": ("役職", ("役職", "協議会役職")),
    "term_start": ("任期開始", ("任期開始", "任期(開始)", "任期始め", "委嘱日")),
    "term_end": ("任期終了", ("任期終了", "任期(終了)", "任期満了", "任期終わり")),
}


#: Rows inserted per statement group by ``write_rows`` (all in its one transaction).
WRITE_CHUNK = 2_000


@dataclass(frozen=True)
class RowIssue:
    """A problem with one row: which field (label) and what to do, in Japanese."""

    field: str
    label: str
    message: str


@dataclass(frozen=True)
class RowResult:
    """What happened (or would happen) to one data row of the file."""

    line: int
    name: str
    #: "imported", "valid" (dry run / not imported because others were invalid), "invalid", "duplicate"
    status: str
    person_id: int | None = None
    issues: tuple[RowIssue, ...] = ()
    duplicate_of: tuple[int, ...] = ()
    #: The line the row ends on, when a quoted cell (or a broken quote) carried it over several lines.
    last_line: int | None = None

    @property
    def line_count(self) -> int:
        """How many lines of the file the row takes."""
        return (self.last_line or self.line) - self.line + 1

    @property
    def where(self) -> str:
        """「3行目」 or 「3〜5行目」."""
        if self.last_line is None or self.last_line == self.line:
            return f"{self.line}行目"
        return f"{self.line}〜{self.last_line}行目"


def _values(row: tuple[str, ...], mapping: Mapping[int, str]) -> dict[str, str]:
    return {f: (row[i] if i < len(row) else "") for i, f in mapping.items()}


def _join(*parts: str) -> str:
    return " ".join(p for p in (normalize_text(x) for x in parts) if p)


def _enum(value: str, enum: type[MemberRole] | type[OfficerPost], field_name: str, label: str) -> Any:
    text = normalize_text(value)
    for member in enum:
        if text in {member.label, member.value}:
            return member
    choices = "、".join(m.label for m in enum)
    raise ValidationError(
        field_name,
        msg(
            "{label}「{value}」が分かりません。{choices} のいずれかを入力してください。",
            label=label,
            value=value,
            choices=choices,
        ),
    )


def _date(value: str, field_name: str) -> date | None:
    text = normalize_ascii(value).replace("/", "-").replace(".", "-") if value else ""
    if not text:
        return None
    try:
        return parse_wareki(text, field=field_name)
    except ValidationError:
        return parse_wareki(normalize_ascii(value), field=field_name)


class _Cells:
    """学区, 役割, 役職 and 任期 cells converted once per distinct text: a file repeats a handful of
    them thousands of times. Keeps the value, or the issue the conversion raised."""

    def __init__(self, s: Session) -> None:
        self.session = s
        self._seen: dict[tuple[str, str], tuple[Any, RowIssue | None]] = {}

    def convert(self, field_name: str, text: str, fn: Callable[[str], Any]) -> tuple[Any, RowIssue | None]:
        key = (field_name, text)
        hit = self._seen.get(key)
        if hit is None:
            try:
                hit = (fn(text), None)
            except DomainError as exc:
                f = getattr(exc, "field", field_name)
                hit = (None, RowIssue(f, FIELDS.get(f, (f,))[0], exc.message))
            self._seen[key] = hit
        return hit

    def district(self, text: str) -> int:
        return find_district_id(self.session, text)


def _row_input(
    values: dict[str, str], district_id: int | None, default_role: MemberRole, cells: _Cells
) -> tuple[people.PersonInput | None, list[RowIssue]]:
    issues: list[RowIssue] = []

    def attempt(field_name: str, fn: Callable[[str], Any]) -> Any:
        value, issue = cells.convert(field_name, values.get(field_name, ""), fn)
        if issue is not None:
            issues.append(issue)
        return value

    name = values.get("name") or _join(values.get("family_name", ""), values.get("given_name", ""))
    furigana = values.get("furigana") or _join(values.get("family_kana", ""), values.get("given_kana", ""))
    if not normalize_text(name):
        issues.append(RowIssue("name", "氏名", "氏名がありません。氏名を入力してください。"))
    row_district = district_id
    if values.get("district"):
        row_district = attempt("district", cells.district)
    elif district_id is None:
        issues.append(
            RowIssue(
                "district",
                "学区",
                "学区が分かりません。学区の列を設けるか、取り込み先の学区を指定してください。",
            )
        )
    role = (
        attempt("role", lambda v: _enum(v, MemberRole, "role", "役割"))
        if values.get("role")
        else default_role
    )
    officer = (
        attempt("officer_post", lambda v: _enum(v, OfficerPost, "officer_post", "役職"))
        if values.get("officer_post")
        else OfficerPost.MEMBER
    )
    term_start = attempt("term_start", lambda v: _date(v, "term_start"))
    term_end = attempt("term_end", lambda v: _date(v, "term_end"))
    if issues:
        return None, issues
    membership = people.MembershipInput(
        district_id=row_district,  # type: ignore[arg-type]
        role=role,
        public_post=values.get("public_post", ""),
        officer_post=officer,
        term_start=term_start,
        term_end=term_end,
    )
    data = people.PersonInput(
        name=name,
        furigana=furigana,
        postal_code=values.get("postal_code", ""),
        address=values.get("address", ""),
        phone=values.get("phone", ""),
        email=values.get("email", ""),
        notes=values.get("notes", ""),
        memberships=(membership,),
    )
    return data, issues


def _issue(exc: DomainError) -> RowIssue:
    """A row-level error raised by the roster's own validation (or refused by the user's rights)."""
    key = getattr(exc, "field", "")
    return RowIssue(key, FIELDS.get(key, (key or "行",))[0], exc.message)


@dataclass(frozen=True)
class PlannedRow:
    """A data row after checking: its report line and, when it can be imported, what to insert."""

    result: RowResult
    new: NewPerson | None = None
    #: For a row repeating an earlier row of the file: that row's line.
    same_as_line: int | None = None


def _duplicate(line: int, last: int, shown: str, ids: list[int], earlier: int | None) -> PlannedRow:
    if ids:
        message = f"同じ氏名・フリガナの人がすでに名簿にいます（ID {'、'.join(map(str, ids))}）。二重登録を避けるため取り込みません。"
    else:
        message = f"同じ氏名・フリガナの人がこのファイルの{earlier}行目にもいます。二重登録を避けるため、この行は取り込みません。"
    issue = RowIssue("name", "氏名", message)
    return PlannedRow(
        RowResult(line, shown, "duplicate", issues=(issue,), duplicate_of=tuple(ids), last_line=last),
        None,
        earlier,
    )


def _new_person(
    data: people.PersonInput,
    rights: DistrictRights,
    memberships: dict[people.MembershipInput, dict[str, Any]],
) -> NewPerson:
    """The row as create_person would store it; ValidationError / PermissionDeniedError as it would raise.

    ``memberships`` shares one stored form among the rows with the same membership (most of a file): a
    100,000-row file must fit in a few hundred MB."""
    values = []
    for m in data.memberships:
        if m not in memberships:
            memberships[m] = people.membership_values(m)
        values.append(memberships[m])
    new = NewPerson(people.person_values(data), tuple(values))
    for m in data.memberships:
        refused = rights.refusal(m.district_id)
        if refused:
            raise PermissionDeniedError(refused.source_message)
    return new


def plan_rows(
    db: Database,
    table: Table,
    header: int,
    mapping: Mapping[int, str],
    district_id: int | None,
    default_role: MemberRole,
) -> list[PlannedRow]:
    """Check every data row as create_person would, without writing: the roster is read once, and the
    rows the file already holds count as on the roster for the rows after them.

    Each data row of ``table`` is released once checked, so that a large file is not held twice over
    (its cells and what would be inserted)."""
    planned: list[PlannedRow] = []
    with db.reading() as s:
        roster = roster_keys(s)
        cells = _Cells(s)
        rights = DistrictRights(db, s)
        in_file: dict[tuple[str, str], int] = {}
        shared: dict[people.MembershipInput, dict[str, Any]] = {}
        broken = {b.first_line: b for b in table.broken if b.first_line > table.lines[header]}
        token, total = current_token(), len(table.rows)
        for i in range(header + 1, len(table.rows)):
            if i % 50 == 0:
                token.progress(i, 2 * total)  # checking is the first half of an import; 中止 writes nothing
            row, line, last = table.rows[i], table.lines[i], table.last_line(i)
            table.rows[i] = ()
            for first in sorted(n for n in broken if n < line):
                planned.append(_broken(broken.pop(first), mapping))
            values = _values(row, mapping)
            shown = _shown(values)
            nul = [FIELDS[f][0] for f, v in values.items() if "\x00" in v]
            if nul:
                issue = RowIssue(
                    "file",
                    "行",
                    msg(
                        "{fields}に見えない制御文字（NUL）が入っています。元のファイルでこの行を入力し直してください。",
                        fields="・".join(nul),
                    ),
                )
                planned.append(
                    PlannedRow(
                        RowResult(line, shown.replace("\x00", ""), "invalid", issues=(issue,), last_line=last)
                    )
                )
                continue
            data, issues = _row_input(values, district_id, default_role, cells)
            if data is None:
                planned.append(
                    PlannedRow(RowResult(line, shown, "invalid", issues=tuple(issues), last_line=last))
                )
                continue
            # A duplicate is reported as such even when another field is wrong, as find_duplicates
            # before create_person did; the normalised values give the same key without normalising twice.
            try:
                new: NewPerson | None = _new_person(data, rights, shared)
                error = None
            except DomainError as exc:
                new, error = None, exc
            key = (
                new.duplicate_key
                if new is not None
                else people_duplicates.duplicate_key(data.name, data.furigana)
            )
            if key is not None and (key in roster or key in in_file):
                planned.append(_duplicate(line, last, shown, roster.get(key, []), in_file.get(key)))
                continue
            if new is None:
                assert error is not None
                planned.append(
                    PlannedRow(RowResult(line, shown, "invalid", issues=(_issue(error),), last_line=last))
                )
                continue
            in_file[new.duplicate_key] = line
            planned.append(PlannedRow(RowResult(line, new.person["name"], "valid", last_line=last), new))
        planned.extend(_broken(broken[n], mapping) for n in sorted(broken))
    return planned


def _shown(values: Mapping[str, str]) -> str:
    return normalize_text(
        values.get("name") or _join(values.get("family_name", ""), values.get("given_name", ""))
    )


def _broken(record: BrokenRecord, mapping: Mapping[int, str]) -> PlannedRow:
    """Lines that could not be read as a row (a quote left open): refused, naming the lines they cover."""
    issue = RowIssue("file", "行", record.message)
    shown = _shown(_values(record.cells, mapping))
    return PlannedRow(
        RowResult(record.first_line, shown, "invalid", issues=(issue,), last_line=record.last_line)
    )


def write_rows(db: Database, planned: list[PlannedRow], source: Path) -> list[int]:
    """Insert the valid rows in one transaction, after checking the roster did not change meanwhile."""
    rows = [p.new for p in planned if p.new is not None]
    changed = ValidationError(
        "file", "取り込みの途中で名簿が変わったため、中止しました。もう一度取り込んでください。"
    )
    with db.transaction() as s:
        roster = roster_keys(s)
        if any(new.duplicate_key in roster for new in rows):
            raise changed
        wanted = {m["district_id"] for new in rows for m in new.memberships}
        if len(set(s.scalars(select(District.id).where(District.id.in_(wanted))))) != len(wanted):
            raise changed
        ids: list[int] = []
        token = current_token()
        for start in range(0, len(rows), WRITE_CHUNK):  # bounded memory: a person brings ~30 search grams
            token.progress(len(rows) + start, 2 * len(rows))  # 中止 here rolls the whole import back
            ids += insert_people(s, db.user, rows[start : start + WRITE_CHUNK])
        audit(s, db.user, "import", "person", None, f"「{source.name}」から{len(ids)}人を名簿に取り込み")
    return ids


def final_rows(planned: list[PlannedRow], ids: list[int]) -> tuple[RowResult, ...]:
    """The report's rows after ``write_rows`` gave the valid rows ``ids``: imported, with their person;
    a row repeating an earlier one of the file names the person imported from it."""
    imported = dict(zip((p.result.line for p in planned if p.new is not None), ids, strict=True))
    final: list[RowResult] = []
    for p in planned:
        if p.new is not None:
            final.append(replace(p.result, status="imported", person_id=imported[p.result.line]))
        elif p.same_as_line in imported:
            final.append(replace(p.result, duplicate_of=(imported[p.same_as_line],)))
        else:
            final.append(p.result)
    return tuple(final)
