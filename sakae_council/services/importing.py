"""名簿の取り込み — members from a CSV (UTF-8, UTF-8 with BOM, CP932) or xlsx roster another office sent.

Title rows above the header are skipped; columns are mapped from their headings (氏名 or 姓+名, フリガナ
or セイ+メイ, 電話, 住所...), and the user may change the mapping. Every row goes through the same
validation as the roster form (全角/半角 normalised) and is checked against the people already on the
roster. Then either everything is imported, or — when the user chooses — only the valid rows; a dry
run reports exactly what a real run would do. A verified backup is taken just before a real import.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.errors import DomainError, NotFoundError, ValidationError, msg
from sakae_council.domain.text import normalize_text
from sakae_council.domain.wareki import parse_wareki
from sakae_council.services import people
from sakae_council.services.common import audit
from sakae_council.services.districts import find_district_id
from sakae_council.services.tabular import Table, read_table

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
_HEADER_SCAN = 30


def _heading_key(text: str) -> str:
    return normalize_text(text).replace(" ", "").replace("※", "").replace("*", "").lower()


_LOOKUP = {_heading_key(h): f for f, (_, heads) in FIELDS.items() for h in heads}


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


@dataclass(frozen=True)
class ImportReport:
    """The outcome of an import or a dry run, for the preview dialog and ``--json``."""

    source: str
    encoding: str | None
    sheet: str | None
    header_line: int
    #: (column number from 1, heading in the file, field, field label) for every mapped column
    columns: tuple[tuple[int, str, str, str], ...]
    rows: tuple[RowResult, ...]
    dry_run: bool
    skip_invalid: bool
    committed: bool
    backup: str | None = None
    notes: tuple[str, ...] = field(default=())

    @property
    def imported(self) -> int:
        return sum(r.status == "imported" for r in self.rows)

    @property
    def valid(self) -> int:
        return sum(r.status in {"imported", "valid"} for r in self.rows)

    @property
    def rejected(self) -> tuple[RowResult, ...]:
        return tuple(r for r in self.rows if r.status in {"invalid", "duplicate"})

    def to_json(self) -> str:
        """The machine-readable report (stable keys; see README)."""
        data: dict[str, Any] = asdict(self)
        data["counts"] = {
            "rows": len(self.rows),
            "valid": self.valid,
            "imported": self.imported,
            "skipped": len(self.rejected),
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def find_header(table: Table) -> int:
    """Index of the header row: the first of the top rows naming a 氏名/姓 column and one more known field."""
    for i, row in enumerate(table.rows[:_HEADER_SCAN]):
        found = {_LOOKUP.get(_heading_key(c)) for c in row if c} - {None}
        if found & {"name", "family_name"} and len(found) >= 2:
            return i
    raise ValidationError(
        "file",
        "見出しの行が見つかりません。先頭の方の行に「氏名」「フリガナ」などの見出しを付けてから取り込んでください。",
    )


def guess_mapping(header: tuple[str, ...]) -> dict[int, str]:
    """Column index -> field, from the headings (the first column wins when two mean the same)."""
    mapping: dict[int, str] = {}
    for i, heading in enumerate(header):
        f = _LOOKUP.get(_heading_key(heading)) if heading else None
        if f is not None and f not in mapping.values():
            mapping[i] = f
    return mapping


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
    text = normalize_text(value).replace("/", "-").replace(".", "-") if value else ""
    if not text:
        return None
    try:
        return parse_wareki(text, field=field_name)
    except ValidationError:
        return parse_wareki(normalize_text(value), field=field_name)


def _row_input(
    values: dict[str, str], district_id: int | None, default_role: MemberRole, db: Database
) -> tuple[people.PersonInput | None, list[RowIssue]]:
    issues: list[RowIssue] = []

    def attempt(field_name: str, fn: Any) -> Any:
        try:
            return fn()
        except DomainError as exc:
            key = getattr(exc, "field", field_name)
            issues.append(RowIssue(key, FIELDS.get(key, (key,))[0], exc.message))
            return None

    name = values.get("name") or _join(values.get("family_name", ""), values.get("given_name", ""))
    furigana = values.get("furigana") or _join(values.get("family_kana", ""), values.get("given_kana", ""))
    if not normalize_text(name):
        issues.append(RowIssue("name", "氏名", "氏名がありません。氏名を入力してください。"))
    row_district = district_id
    if values.get("district"):
        with db.reading() as s:
            row_district = attempt("district", lambda: find_district_id(s, values["district"]))
    elif district_id is None:
        issues.append(
            RowIssue(
                "district",
                "学区",
                "学区が分かりません。学区の列を設けるか、取り込み先の学区を指定してください。",
            )
        )
    role = (
        attempt("role", lambda: _enum(values["role"], MemberRole, "role", "役割"))
        if values.get("role")
        else default_role
    )
    officer = (
        attempt("officer_post", lambda: _enum(values["officer_post"], OfficerPost, "officer_post", "役職"))
        if values.get("officer_post")
        else OfficerPost.MEMBER
    )
    term_start = attempt("term_start", lambda: _date(values.get("term_start", ""), "term_start"))
    term_end = attempt("term_end", lambda: _date(values.get("term_end", ""), "term_end"))
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


def _run(
    db: Database,
    table: Table,
    header: int,
    mapping: Mapping[int, str],
    district_id: int | None,
    default_role: MemberRole,
    *,
    write: bool,
    only_valid: set[int] | None,
) -> list[RowResult]:
    results: list[RowResult] = []
    for row, line in zip(table.rows[header + 1 :], table.lines[header + 1 :], strict=True):
        if not any(row):
            continue
        if only_valid is not None and line not in only_valid:
            continue
        values = _values(row, mapping)
        data, issues = _row_input(values, district_id, default_role, db)
        shown = normalize_text(
            values.get("name") or _join(values.get("family_name", ""), values.get("given_name", ""))
        )
        if data is None:
            results.append(RowResult(line, shown, "invalid", issues=tuple(issues)))
            continue
        duplicates = people.find_duplicates(db, data.name, data.furigana)
        if duplicates:
            ids = tuple(d.id for d in duplicates)
            message = f"同じ氏名・フリガナの人がすでに名簿にいます（ID {'、'.join(map(str, ids))}）。二重登録を避けるため取り込みません。"
            results.append(
                RowResult(
                    line, shown, "duplicate", issues=(RowIssue("name", "氏名", message),), duplicate_of=ids
                )
            )
            continue
        try:
            created = people.create_person(db, data)
        except DomainError as exc:
            key = getattr(exc, "field", "")
            results.append(
                RowResult(
                    line,
                    shown,
                    "invalid",
                    issues=(RowIssue(key, FIELDS.get(key, (key or "行",))[0], exc.message),),
                )
            )
            continue
        results.append(
            RowResult(
                line, created.name, "imported" if write else "valid", person_id=created.id if write else None
            )
        )
    return results


def import_members(
    db: Database,
    path: Path,
    *,
    district: str | None = None,
    mapping: Mapping[int, str] | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    sheet: str | None = None,
    default_role: MemberRole = MemberRole.SUISHIN,
) -> ImportReport:
    """Import members from ``path`` into ``district`` (or each row's 学区 column). All or nothing unless
    ``skip_invalid``; ``dry_run`` writes nothing. Returns the report either way."""
    table = read_table(path, sheet=sheet)
    header = find_header(table)
    columns = dict(mapping) if mapping is not None else guess_mapping(table.rows[header])
    unknown = set(columns.values()) - set(FIELDS)
    if unknown:
        raise ValidationError(
            "mapping", msg("対応付けに不明な項目があります: {fields}", fields="、".join(sorted(unknown)))
        )
    if not set(columns.values()) & {"name", "family_name"}:
        raise ValidationError("mapping", "氏名（または姓）の列を指定してください。")
    district_id: int | None = None
    if district:
        with db.reading() as s:
            try:
                district_id = find_district_id(s, district)
            except NotFoundError as exc:
                raise ValidationError("district", exc.source_message) from exc
    notes: list[str] = []
    if "role" not in columns.values():
        notes.append(f"役割の列がないため、全員を「{default_role.label}」として登録します。")
    # Pass 1: everything exactly as a real run would do it, then rolled back.
    with db.batch(commit=False):
        checked = _run(db, table, header, columns, district_id, default_role, write=False, only_valid=None)
    headings = table.rows[header]
    report_columns = tuple(
        (i + 1, headings[i] if i < len(headings) else "", f, FIELDS[f][0]) for i, f in sorted(columns.items())
    )
    base = {
        "source": str(path),
        "encoding": table.encoding,
        "sheet": table.sheet,
        "header_line": table.lines[header],
        "columns": report_columns,
        "dry_run": dry_run,
        "skip_invalid": skip_invalid,
        "notes": tuple(notes),
    }
    rejected = [r for r in checked if r.status != "valid"]
    valid_lines = {r.line for r in checked if r.status == "valid"}
    if dry_run or (rejected and not skip_invalid) or not valid_lines:
        if rejected and not skip_invalid and not dry_run:
            notes.append(
                f"誤りのある行が{len(rejected)}行あるため、1件も取り込んでいません。直して取り込み直すか、正しい行だけを取り込んでください。"
            )
            base["notes"] = tuple(notes)
        return ImportReport(rows=tuple(checked), committed=False, **base)  # type: ignore[arg-type]
    # Pass 2: a verified backup, then only the rows that passed, in one transaction.
    backup_path = None
    if db.path is not None:
        from sakae_council.services.backups import make_backup

        backup_path = str(make_backup(db, reason="before-import").path)
    with db.batch() as s:
        written = _run(
            db, table, header, columns, district_id, default_role, write=True, only_valid=valid_lines
        )
        if any(r.status != "imported" for r in written):  # the data changed between the passes
            raise ValidationError(
                "file", "取り込みの途中で名簿が変わったため、中止しました。もう一度取り込んでください。"
            )
        audit(s, db.user, "import", "person", None, f"「{path.name}」から{len(written)}人を名簿に取り込み")
    by_line = {r.line: r for r in written}
    final = tuple(by_line.get(r.line, r) for r in checked)
    return ImportReport(rows=final, committed=True, backup=backup_path, **base)  # type: ignore[arg-type]
