"""名簿の取り込み — members from a CSV (UTF-8, UTF-8 with BOM, CP932) or xlsx roster another office sent.

Title rows above the header are skipped; columns are mapped from their headings (氏名 or 姓+名, フリガナ
or セイ+メイ, 電話, 住所...), and the user may change the mapping. Every row goes through the same
validation as the roster form (全角/半角 normalised) and is checked against the people already on the
roster (:mod:`import_rows`). Then either everything is imported, or — when the user chooses — only the
valid rows; a dry run reports exactly what a real run would do. A verified backup is taken just before a
real import, which writes all its rows in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.domain.text import normalize_ascii
from sakae_council.services.districts import find_district_id
from sakae_council.services.import_rows import (
    FIELDS,
    RowIssue,
    RowResult,
    final_rows,
    plan_rows,
    write_rows,
)
from sakae_council.services.table_reading import Table, read_table

__all__ = [
    "FIELDS",
    "ImportReport",
    "RowIssue",
    "RowResult",
    "find_header",
    "guess_mapping",
    "import_members",
]

_HEADER_SCAN = 30


def _heading_key(text: str) -> str:
    return normalize_ascii(text).replace(" ", "").replace("※", "").replace("*", "").lower()


_LOOKUP = {_heading_key(h): f for f, (_, heads) in FIELDS.items() for h in heads}


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
    #: Every line of the file is one of: a data row's (``rows``), blank, or the header's and title's above it.
    lines_read: int = 0
    blank_lines: int = 0
    title_lines: int = 0

    @property
    def imported(self) -> int:
        return sum(r.status == "imported" for r in self.rows)

    @property
    def valid(self) -> int:
        return sum(r.status in {"imported", "valid"} for r in self.rows)

    @property
    def rejected(self) -> tuple[RowResult, ...]:
        return tuple(r for r in self.rows if r.status in {"invalid", "duplicate"})

    def lines_of(self, *statuses: str) -> int:
        """How many lines of the file the rows with these statuses take."""
        return sum(r.line_count for r in self.rows if r.status in statuses)

    def account(self) -> str:
        """Where every line read went: 読んだ行 = 取り込んだ + 取り込まなかった + 空行 + 見出し・表題."""
        refused = self.lines_of("invalid", "duplicate")
        if self.committed:
            return msg(
                "読んだ行 {total}: 取り込んだ行 {done}、取り込まなかった行 {refused}、空行 {blank}、見出し・表題 {title}",
                total=self.lines_read,
                done=self.lines_of("imported"),
                refused=refused + self.lines_of("valid"),
                blank=self.blank_lines,
                title=self.title_lines,
            )
        return msg(
            "読んだ行 {total}: 取り込める行 {ok}、取り込めない行 {refused}、空行 {blank}、見出し・表題 {title}（まだ何も取り込んでいません）",
            total=self.lines_read,
            ok=self.lines_of("valid"),
            refused=refused,
            blank=self.blank_lines,
            title=self.title_lines,
        )

    def to_json(self) -> str:
        """The machine-readable report (stable keys; see README)."""
        data: dict[str, Any] = asdict(self)
        data["counts"] = {
            "rows": len(self.rows),
            "valid": self.valid,
            "imported": self.imported,
            "skipped": len(self.rejected),
            "lines_read": self.lines_read,
            "lines_imported": self.lines_of("imported"),
            "lines_valid": self.lines_of("valid"),
            "lines_refused": self.lines_of("invalid", "duplicate"),
            "lines_blank": self.blank_lines,
            "lines_title": self.title_lines,
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


def _quote_above_header(line: int) -> ValidationError:
    return ValidationError(
        "file",
        msg(
            '{line}行目の「"」（引用符）が閉じられていないため、見出しの行まで読めません。'
            "引用符を閉じるか消してから取り込んでください。",
            line=line,
        ),
    )


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
    try:
        header = find_header(table)
    except ValidationError:
        if table.broken:  # a quote left open swallowed the header
            raise _quote_above_header(table.broken[0].first_line) from None
        raise
    early = [b for b in table.broken if b.first_line <= table.lines[header]]
    if early:
        raise _quote_above_header(early[0].first_line)
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
    headings = table.rows[header]
    # Every row checked as a real run would check it; nothing is written.
    planned = plan_rows(db, table, header, columns, district_id, default_role)
    checked = [p.result for p in planned]
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
        "lines_read": table.total_lines,
        "blank_lines": table.blank,
        "title_lines": sum(table.last_line(i) - table.lines[i] + 1 for i in range(header + 1)),
    }
    rejected = [r for r in checked if r.status != "valid"]
    if dry_run or (rejected and not skip_invalid) or len(rejected) == len(checked):
        if rejected and not skip_invalid and not dry_run:
            notes.append(
                f"誤りのある行が{len(rejected)}行あるため、1件も取り込んでいません。直して取り込み直すか、正しい行だけを取り込んでください。"
            )
            base["notes"] = tuple(notes)
        return ImportReport(rows=tuple(checked), committed=False, **base)  # type: ignore[arg-type]
    # A verified backup, then only the rows that passed, in one transaction.
    backup_path = None
    if db.path is not None:
        from sakae_council.services.backups import make_backup

        backup_path = str(make_backup(db, reason="before-import").path)
    ids = write_rows(db, planned, path)
    return ImportReport(rows=final_rows(planned, ids), committed=True, backup=backup_path, **base)  # type: ignore[arg-type]
