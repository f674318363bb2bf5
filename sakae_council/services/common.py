"""Helpers shared by every service: lookups, version checks, field validation, audit entries."""

from __future__ import annotations

import json
from datetime import date, time
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from sakae_council.db.models import AuditEntry, Person
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError, msg
from sakae_council.domain.text import normalize_furigana, normalize_text
from sakae_council.domain.wareki import ERAS

T = TypeVar("T")

MAX_SHORT = 200
MAX_LONG = 20000
#: The largest number an INTEGER column holds on PostgreSQL (ids, amounts in yen, counts, hours, order).
MAX_INT = 2**31 - 1


def not_found(record_id: object, what: str) -> NotFoundError:
    """The NotFoundError for ``what`` with ``record_id``: 「…が見つかりません。一覧を更新してください。」"""
    return NotFoundError(
        msg(
            "{what}（ID {record_id}）が見つかりません。一覧を更新してください。",
            what=what,
            record_id=record_id,
        )
    )


def _possible_id(record_id: object) -> bool:
    return isinstance(record_id, int) and not isinstance(record_id, bool) and 0 < record_id <= MAX_INT


def require_id(record_id: object, what: str) -> int:
    """``record_id`` if it could name a row; NotFoundError for one no row can have.

    SQLite cannot even bind an integer past 64 bits (OverflowError) and PostgreSQL refuses one past an
    INTEGER id column (DataError), so an absurd id must be turned away before it reaches a query.
    """
    if not _possible_id(record_id):
        raise not_found(record_id, what)
    assert isinstance(record_id, int)
    return record_id


def lookup(session: Session, model: type[T], record_id: object) -> T | None:
    """``session.get`` for an id that came from the user: None also for an id no row can have."""
    return session.get(model, record_id) if _possible_id(record_id) else None


def chosen_id(record_id: int | None, field: str, label: str) -> int:
    """An id the user must choose (学区, 分類…): None — nothing chosen — is a message under ``field``."""
    if record_id is None:
        raise ValidationError(field, msg("{label}を選んでください。", label=label))
    return record_id


def get_or_raise(session: Session, model: type[T], record_id: int, what: str) -> T:
    """The record with ``record_id`` or NotFoundError naming ``what`` in Japanese."""
    obj = session.get(model, require_id(record_id, what))
    if obj is None:
        raise not_found(record_id, what)
    return obj


def check_version(obj: Any, expected: int | None, what: str) -> None:
    """Refuse a save based on an out-of-date copy (optimistic concurrency)."""
    if expected is not None and obj.version != expected:
        raise ConflictError(
            msg(
                "この{what}は、あなたが開いた後に別の場所で変更されています。再読み込みしてから、もう一度変更してください。",
                what=what,
            ),
            current=obj,
        )


def required_text(value: str | None, field: str, label: str, max_len: int = MAX_SHORT) -> str:
    """Normalised one-line text that must not be empty."""
    text = normalize_text(value)
    if not text:
        raise ValidationError(field, msg("{label}を入力してください。", label=label))
    if len(text) > max_len:
        raise ValidationError(
            field,
            msg("{label}が長すぎます（{max_len}文字まで）。短くしてください。", label=label, max_len=max_len),
        )
    return text


def optional_text(value: str | None, field: str, label: str, max_len: int = MAX_SHORT) -> str:
    """Normalised one-line text that may be empty."""
    text = normalize_text(value)
    if len(text) > max_len:
        raise ValidationError(
            field,
            msg("{label}が長すぎます（{max_len}文字まで）。短くしてください。", label=label, max_len=max_len),
        )
    return text


def furigana_text(value: str | None, max_len: int) -> str:
    """A フリガナ in katakana, short enough that its 五十音 sort key (4 characters per kana) fits its column."""
    furigana = normalize_furigana(value)
    if len(furigana) > max_len:
        raise ValidationError(
            "furigana", msg("フリガナが長すぎます（{max_len}文字まで）。短くしてください。", max_len=max_len)
        )
    return furigana


def long_text(value: str | None, field: str, label: str, max_len: int = MAX_LONG) -> str:
    """Multi-line free text (notes, 議事の経過): normalised per line, newlines kept."""
    text = normalize_text(value, multiline=True)
    if len(text) > max_len:
        raise ValidationError(
            field,
            msg(
                "{label}が長すぎます（{max_len}文字まで）。分けて入力してください。",
                label=label,
                max_len=max_len,
            ),
        )
    return text


#: The days a date field takes: from the first day 和暦 can name (明治) to a year before the calendar's
#: end, so that counting days past it (loan spans, 年度 ends) never runs off ``date.max``.
FIRST_DAY = ERAS[0].start
LAST_DAY = date(9998, 12, 31)


def check_day(value: date | None, field: str, label: str) -> None:
    """Refuse a date outside FIRST_DAY..LAST_DAY (a slip of the year field: 0025, 9999)."""
    if value is not None and not FIRST_DAY <= value <= LAST_DAY:
        raise ValidationError(
            field,
            msg(
                "{label}（{value}）は扱える範囲の外です。年を確認して、明治以降の日付を入力してください。",
                label=label,
                value=value.isoformat(),
            ),
        )


def check_date_order(start: date | None, end: date | None, field: str, message: str) -> None:
    """Raise when both dates are set and ``end`` is before ``start``."""
    if start is not None and end is not None and end < start:
        raise ValidationError(field, message)


def non_negative_int(value: int | None, field: str, label: str, *, allow_none: bool = False) -> int | None:
    """An integer ≥ 0 (amounts in yen, counts)."""
    if value is None:
        if allow_none:
            return None
        raise ValidationError(field, msg("{label}を入力してください。", label=label))
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, msg("{label}は整数で入力してください。", label=label))
    if value < 0:
        raise ValidationError(
            field, msg("{label}に負の数は入力できません。0以上を入力してください。", label=label)
        )
    if value > MAX_INT:  # 約21億: past it PostgreSQL refuses the row (and no amount or count here is near it)
        raise ValidationError(field, msg("{label}が大きすぎます。桁を確認してください。", label=label))
    return value


def order_number(value: int, field: str, label: str) -> int:
    """A display order / position: any integer a column can hold (negative ones sort first)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, msg("{label}は整数で入力してください。", label=label))
    if not -MAX_INT <= value <= MAX_INT:
        raise ValidationError(field, msg("{label}が大きすぎます。桁を確認してください。", label=label))
    return value


def _jsonable(value: Any) -> Any:
    """Dates and times as ISO text, at any depth (membership changes arrive as nested dicts)."""
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def audit_row(
    user: str,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    changes: dict[str, tuple[Any, Any]] | None = None,
) -> dict[str, Any]:
    """The column values of one audit entry (``at`` is filled in when it is inserted)."""
    payload = {k: [_jsonable(a), _jsonable(b)] for k, (a, b) in (changes or {}).items()}
    return {
        "user": user,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "summary": summary[:400],
        "changes": json.dumps(payload, ensure_ascii=False) if payload else "",
    }


def audit(
    session: Session,
    user: str,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    changes: dict[str, tuple[Any, Any]] | None = None,
) -> None:
    """Append an audit entry in the caller's transaction."""
    session.add(AuditEntry(**audit_row(user, action, entity, entity_id, summary, changes)))


def apply_changes(obj: Any, values: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Set attributes on ``obj``; return {field: (old, new)} for those that changed."""
    changed: dict[str, tuple[Any, Any]] = {}
    for key, new in values.items():
        old = getattr(obj, key)
        if old != new:
            changed[key] = (old, new)
            setattr(obj, key, new)
    return changed


def refuse_removed(obj: Any, field: str) -> None:
    """Refuse a person or organisation removed (soft-deleted) from the lists, as a message under ``field``."""
    if obj.deleted_at is not None:
        where = "名簿" if isinstance(obj, Person) else "団体の一覧"
        raise ValidationError(
            field,
            msg(
                "「{name}」は{what}から削除されています。元に戻すか、別の相手を選んでください。",
                name=obj.name,
                what=where,
            ),
        )
