"""一覧の書き出し — every list as CSV (UTF-8 with BOM for Excel, or CP932) or xlsx.

Cells that Excel would run as a formula are neutralised; roster exports can leave contact details out;
files are written completely (or not at all) and readable by their owner only. Dates are ISO 8601.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sakae_council.db.engine import Database
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.services import districts, issues, meetings, organisations, people, projects
from sakae_council.services.tabular import write_csv, write_xlsx

KINDS = {
    "members": "名簿",
    "organisations": "団体",
    "issues": "地域課題",
    "projects": "協働事業",
    "meetings": "会議",
}
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class ExportTable:
    """A list ready to write: sheet title, column headings, rows of text."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def members_table(db: Database, *, district_id: int | None = None, contacts: bool = True) -> ExportTable:
    """名簿: one row per 委嘱 (a person sitting in two councils appears twice), 五十音順."""
    header = ["氏名", "フリガナ", "学区", "役割", "役職", "任期開始", "任期終了", "退任日", "所属団体"]
    if contacts:
        header += ["郵便番号", "住所", "電話番号", "メールアドレス", "備考"]
    rows = []
    for p in people.list_members(db, people.RosterFilter(district_id=district_id)):
        for m in p.memberships:
            if district_id is not None and m.district_id != district_id:
                continue
            row = [
                p.name,
                p.furigana,
                m.district_name,
                m.role_text,
                m.officer_post.label,
                _d(m.term_start),
                _d(m.term_end),
                _d(m.ended_on),
                p.organisation_name,
            ]
            if contacts:
                row += [p.postal_code, p.address, p.phone, p.email, p.notes]
            rows.append(tuple(row))
    return ExportTable("名簿", tuple(header), tuple(rows))


def organisations_table(
    db: Database, *, district_id: int | None = None, contacts: bool = True
) -> ExportTable:
    """団体: partner organisations, 五十音順."""
    header = ["団体名", "フリガナ", "種別", "学区", "担当者"]
    if contacts:
        header += ["電話番号", "住所", "備考"]
    rows = []
    for o in organisations.list_organisations(db, district_id=district_id):
        row = [o.name, o.furigana, o.kind.label, o.district_name, o.contact_person_name]
        if contacts:
            row += [o.phone, o.address, o.notes]
        rows.append(tuple(row))
    return ExportTable("団体", tuple(header), tuple(rows))


def issues_table(db: Database, *, district_id: int | None = None, contacts: bool = True) -> ExportTable:
    """地域課題."""
    header = (
        "ID",
        "件名",
        "学区",
        "分類",
        "状態",
        "優先度",
        "把握日",
        "連絡会で共有",
        "関連する協働事業",
        "内容",
    )
    rows = tuple(
        (
            str(i.id),
            i.title,
            i.district_name,
            i.category_name,
            i.status.label,
            i.priority.label,
            _d(i.raised_on),
            "はい" if i.shared_with_liaison else "",
            "・".join(i.project_titles),
            i.description,
        )
        for i in issues.list_issues(db, issues.IssueFilter(district_id=district_id))
    )
    return ExportTable("地域課題", header, rows)


def projects_table(db: Database, *, district_id: int | None = None, contacts: bool = True) -> ExportTable:
    """協働事業."""
    header = ("ID", "事業名", "学区", "種別", "状態", "開始日", "終了日", "目的")
    rows = tuple(
        (
            str(p.id),
            p.title,
            p.district_name,
            p.kind.label,
            p.status.label,
            _d(p.start_on),
            _d(p.end_on),
            p.purpose,
        )
        for p in projects.list_projects(db, projects.ProjectFilter(district_id=district_id))
    )
    return ExportTable("協働事業", header, rows)


def meetings_table(db: Database, *, district_id: int | None = None, contacts: bool = True) -> ExportTable:
    """会議, newest first."""
    header = ("会議体", "学区", "年度", "回", "開催日", "開始", "終了", "場所", "議事録")
    rows = tuple(
        (
            m.body_name,
            m.district_name,
            m.fiscal_year_label,
            m.number_label,
            _d(m.held_on),
            m.start_time.strftime("%H:%M") if m.start_time else "",
            m.end_time.strftime("%H:%M") if m.end_time else "",
            m.place,
            m.status.label,
        )
        for m in meetings.list_meetings(db, district_id=district_id)
    )
    return ExportTable("会議", header, rows)


_BUILDERS: dict[str, Callable[..., ExportTable]] = {
    "members": members_table,
    "organisations": organisations_table,
    "issues": issues_table,
    "projects": projects_table,
    "meetings": meetings_table,
}


def write_table(
    table: ExportTable,
    destination: Path,
    *,
    fmt: str = "csv",
    encoding: str = "utf-8",
    on_cleaned: Callable[[int], None] | None = None,
) -> int:
    """Write any ExportTable (a page may build its own from the DTOs it shows); returns the row count.

    ``on_cleaned(n)`` hears of the n cells whose control characters an xlsx cannot hold were left out."""
    if fmt == "csv":
        write_csv(destination, table.header, table.rows, encoding=encoding)
    elif fmt == "xlsx":
        cleaned = write_xlsx(destination, table.title, table.header, table.rows)
        if cleaned and on_cleaned is not None:
            on_cleaned(cleaned)
    else:
        raise ValidationError(
            "format", msg("形式「{fmt}」では書き出せません。csv か xlsx を指定してください。", fmt=fmt)
        )
    return len(table.rows)


def export_list(
    db: Database,
    kind: str,
    destination: Path,
    *,
    fmt: str = "csv",
    encoding: str = "utf-8",
    district: str | None = None,
    contacts: bool = True,
    on_cleaned: Callable[[int], None] | None = None,
) -> int:
    """Export one list (members, organisations, issues, projects, meetings); returns the row count."""
    if kind not in _BUILDERS:
        raise ValidationError(
            "kind",
            msg(
                "「{kind}」は書き出せません。{kinds} のいずれかを指定してください。",
                kind=kind,
                kinds="、".join(KINDS),
            ),
        )
    district_id = None
    if district:
        try:
            district_id = districts.district_id_by_name(db, district)
        except NotFoundError as exc:
            raise ValidationError("district", exc.source_message) from exc
    table = _BUILDERS[kind](db, district_id=district_id, contacts=contacts)
    return write_table(table, destination, fmt=fmt, encoding=encoding, on_cleaned=on_cleaned)
