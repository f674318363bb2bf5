"""監査ログ — read the audit trail per record (a person's history) or as a whole log, and export it.

Entries are written by every service through ``services.common.audit`` in the same transaction as the
change; this module only reads them, exports them, and (for 消去 at a person's request) scrubs the personal
data they hold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry
from sakae_council.db.permissions import ENTITY_LABELS as TABLE_LABELS
from sakae_council.domain.wareki import to_wareki
from sakae_council.services.tabular import write_csv

ACTION_LABELS = {
    "create": "登録",
    "update": "変更",
    "delete": "削除",
    "restore": "元に戻す",
    "erase": "完全に削除",
    "merge": "統合",
    "status": "状態の変更",
    "approve": "確定",
    "import": "取り込み",
}

ENTITY_LABELS = {
    "person": "名簿",
    "membership": "委嘱",
    "district": "学区",
    "organisation": "団体",
    "regional_issue": "地域課題",
    "issue_category": "課題の分類",
    "collaborative_project": "協働事業",
    "grant_application": "補助金申請",
    "grant_document": "補助金書類",
    "equipment": "備品",
    "equipment_loan": "備品の貸出",
    "meeting": "会議",
    "meeting_body": "会議体",
    "indicator": "成果指標",
    "course": "講座",
    "business_startup": "起業",
    "manual_section": "マニュアル",
}


def entity_label(entity: str) -> str:
    """The Japanese name of a record kind: the log's own word, else the one every table has (never the raw
    table name such as ``course_attendee``, which the 操作の記録 window showed)."""
    return ENTITY_LABELS.get(entity) or TABLE_LABELS.get(entity, entity)


FIELD_LABELS = {
    "name": "氏名",
    "furigana": "フリガナ",
    "postal_code": "郵便番号",
    "address": "住所",
    "phone": "電話番号",
    "email": "メールアドレス",
    "notes": "備考",
    "organisation_id": "所属団体",
    "deleted_at": "削除日時",
    "role": "役割",
    "public_post": "公職名",
    "officer_post": "役職",
    "commissioned_on": "委嘱日",
    "term_start": "任期開始",
    "term_end": "任期終了",
    "ended_on": "退任日",
    "district_id": "学区",
    "title": "件名",
    "status": "状態",
}

#: CSV columns of an export, in order.
EXPORT_COLUMNS = ("日時", "利用者", "操作", "対象", "対象ID", "内容", "変更内容")
ERASED = "（消去済み）"


@dataclass(frozen=True)
class FieldChange:
    """One changed field of an audit entry: before and after, as they were stored."""

    field: str
    label: str
    before: Any
    after: Any

    @property
    def text(self) -> str:
        """氏名: 山田 太郎 → 山田 たろう"""
        return f"{self.label}: {show_value(self.before)} → {show_value(self.after)}"


@dataclass(frozen=True)
class AuditEntryDTO:
    """One audit entry: who, when (local time), what action on which record, and what changed."""

    id: int
    at: datetime
    user: str
    action: str
    action_label: str
    entity: str
    entity_label: str
    entity_id: int | None
    summary: str
    changes: tuple[FieldChange, ...]

    @property
    def at_text(self) -> str:
        """令和8年11月28日（土） 14:05"""
        return f"{to_wareki(self.at.date(), weekday=True)} {self.at:%H:%M}"


@dataclass(frozen=True)
class AuditFilter:
    """What to show of the log; every criterion is optional. Dates are local calendar days, inclusive."""

    entity: str | None = None
    entity_id: int | None = None
    user: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None
    text: str = ""


def show_value(value: Any) -> str:
    """How a stored before/after value reads in the log."""
    if value is None:
        return "（なし）"
    if value == "":
        return "（空欄）"
    if value == "removed":
        return "（外した）"
    if isinstance(value, dict):
        return "、".join(f"{FIELD_LABELS.get(k, k)}={show_value(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "・".join(show_value(v) for v in value)
    if isinstance(value, bool):
        return "はい" if value else "いいえ"
    return str(value)


def _field_label(key: str) -> str:
    if key.startswith("membership["):
        inner = key[len("membership[") : -1]
        return "委嘱（追加）" if inner == "new" else f"委嘱（ID {inner}）"
    return FIELD_LABELS.get(key, key)


def _changes(raw: str) -> tuple[FieldChange, ...]:
    if not raw:
        return ()
    try:
        data = json.loads(raw)
    except ValueError:
        return (FieldChange("?", "変更内容", None, raw),)
    out = []
    for key, pair in data.items():
        before, after = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        out.append(FieldChange(key, _field_label(key), before, after))
    return tuple(out)


def _local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def to_dto(e: AuditEntry) -> AuditEntryDTO:
    """The DTO of one stored entry."""
    return AuditEntryDTO(
        id=e.id,
        at=_local(e.at),
        user=e.user,
        action=e.action,
        action_label=ACTION_LABELS.get(e.action, e.action),
        entity=e.entity,
        entity_label=entity_label(e.entity),
        entity_id=e.entity_id,
        summary=e.summary,
        changes=_changes(e.changes),
    )


def _where(flt: AuditFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.entity:
        conditions.append(AuditEntry.entity == flt.entity)
    if flt.entity_id is not None:
        conditions.append(AuditEntry.entity_id == flt.entity_id)
    if flt.user:
        conditions.append(AuditEntry.user == flt.user)
    if flt.action:
        conditions.append(AuditEntry.action == flt.action)
    if flt.since:
        conditions.append(AuditEntry.at >= _utc(datetime.combine(flt.since, time.min).astimezone()))
    if flt.until:
        end = datetime.combine(flt.until + timedelta(days=1), time.min).astimezone()
        conditions.append(AuditEntry.at < _utc(end))
    if flt.text.strip():
        pattern = f"%{flt.text.strip()}%"
        conditions.append(or_(AuditEntry.summary.like(pattern), AuditEntry.user.like(pattern)))
    return conditions


def list_entries(
    db: Database, flt: AuditFilter | None = None, *, limit: int | None = 500, offset: int = 0
) -> list[AuditEntryDTO]:
    """Audit entries matching ``flt``, newest first (a page of ``limit`` from ``offset``)."""
    stmt = (
        select(AuditEntry)
        .where(*_where(flt or AuditFilter()))
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.reading() as s:
        return [to_dto(e) for e in s.scalars(stmt)]


def count_entries(db: Database, flt: AuditFilter | None = None) -> int:
    """How many entries match ``flt`` (for the page's title line)."""
    with db.reading() as s:
        return int(s.scalar(select(func.count(AuditEntry.id)).where(*_where(flt or AuditFilter()))) or 0)


def entries_for(db: Database, entity: str, entity_id: int) -> list[AuditEntryDTO]:
    """The whole history of one record, newest first."""
    return list_entries(db, AuditFilter(entity=entity, entity_id=entity_id), limit=None)


def entries_for_person(db: Database, person_id: int) -> list[AuditEntryDTO]:
    """A person's history (details and 委嘱 changes, deletion, restoration), newest first."""
    return entries_for(db, "person", person_id)


def users(db: Database) -> list[str]:
    """Everyone who appears in the log (for the filter's list)."""
    with db.reading() as s:
        return sorted(u for u in s.scalars(select(AuditEntry.user).distinct()) if u)


def export_row(e: AuditEntryDTO) -> list[str]:
    """One CSV row of an entry (neutralised for Excel when written)."""
    cells = [
        e.at.strftime("%Y-%m-%d %H:%M:%S"),
        e.user,
        e.action_label,
        e.entity_label,
        "" if e.entity_id is None else str(e.entity_id),
        e.summary,
        "\n".join(c.text for c in e.changes),
    ]
    return cells


def export_csv(
    db: Database, destination: Path, flt: AuditFilter | None = None, *, encoding: str = "utf-8"
) -> int:
    """Write the entries matching ``flt`` (oldest first) as CSV — UTF-8 with BOM for Excel, or ``cp932``.

    The file holds personal data: it is created readable by its owner only, and written completely
    before it appears under its name. Returns the number of entries written.
    """
    entries = list(reversed(list_entries(db, flt, limit=None)))
    write_csv(destination, EXPORT_COLUMNS, [export_row(e) for e in entries], encoding=encoding)
    return len(entries)


def redact_person(session: Session, person_id: int) -> int:
    """For 消去 at a person's request, inside the erasing transaction: replace the personal data the
    person's past audit entries hold (summaries naming them, before/after values) with 「消去済み」,
    keeping who did what and when. Returns how many entries were scrubbed."""
    entries = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "person", AuditEntry.entity_id == person_id)
    ).all()
    for e in entries:
        e.summary = f"名簿の人（ID {person_id}）の{ACTION_LABELS.get(e.action, e.action)}{ERASED}"
        if e.changes:
            try:
                keys = list(json.loads(e.changes))
            except ValueError:
                keys = []
            e.changes = json.dumps({k: [ERASED, ERASED] for k in keys}, ensure_ascii=False) if keys else ""
    return len(entries)
