"""The create / update / delete shape every editable record shares, written once.

A save is the same few steps inside the caller's transaction: load the row (NotFoundError naming it) and
refuse a stale copy (``current``); set the validated values, flush, append the audit entry (``insert``,
``change``); or append the audit entry and delete (``remove``). The caller keeps what is its own — the
validation, the audit's Japanese summary, extra checks, the DTO it returns — so messages and audit entries
read exactly as each area writes them. A kind of record whose saves are that shape and nothing more is
described once as a ``RecordKind``, which writes its create / update / delete / get.

``summary`` is text or a function of the record, called after the flush: an update's summary names the record
as it now is (「講座「新しい名前」を変更」), a creation's may use the id the flush gave.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from sakae_council.db.base import utcnow
from sakae_council.domain.errors import ConflictError, msg
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    not_found,
    require_id,
)

if TYPE_CHECKING:
    from sakae_council.db.engine import Database

R = TypeVar("R")

Summary = str | Callable[[Any], str]
Flush = Callable[[Session], None]


def plain_flush(s: Session) -> None:
    """``s.flush()``: a failure is translated by the database layer like any other."""
    s.flush()


def flush_or_conflict(s: Session, what: str = "", message: str | None = None) -> None:
    """Flush, turning a concurrent change (stale version, unique clash) into ConflictError naming ``what``
    (or saying ``message``). Pass it as ``flush=lambda s: flush_or_conflict(s, "講座")``."""
    try:
        s.flush()
    except (StaleDataError, IntegrityError) as exc:
        raise ConflictError(
            message
            or msg(
                "この{what}は、同時に別の場所で変更されました。再読み込みしてから、もう一度入力してください。",
                what=what,
            )
        ) from exc


def current(
    s: Session,
    model: type[R],
    record_id: int,
    expected_version: int | None,
    what: str,
    *,
    load: Callable[[Session, int], R] | None = None,
) -> R:
    """The record to change: loaded (``load``, else by id; NotFoundError naming ``what``) and refused with
    ConflictError when ``expected_version`` says the caller's copy is out of date."""
    obj = load(s, record_id) if load is not None else get_or_raise(s, model, record_id, what)
    check_version(obj, expected_version, what)
    return obj


def load_with(s: Session, model: type[R], record_id: int, what: str, *options: Any, fresh: bool = False) -> R:
    """The record with ``record_id`` and the relations ``options`` name (``selectinload(...)``) loaded in the
    same go; NotFoundError naming ``what``. ``fresh`` re-reads a row this session already holds, as stored."""
    require_id(record_id, what)
    stmt = select(model).where(model.id == record_id).options(*options)  # type: ignore[attr-defined]
    obj = s.scalar(stmt.execution_options(populate_existing=True) if fresh else stmt)
    if obj is None:
        raise not_found(record_id, what)
    return obj


def _text(summary: Summary, obj: Any) -> str:
    return summary(obj) if callable(summary) else summary


def insert(s: Session, user: str, obj: R, entity: str, summary: Summary, *, flush: Flush = plain_flush) -> R:
    """Add a new record, flush for its id and audit its creation."""
    s.add(obj)
    flush(s)
    audit(s, user, "create", entity, obj.id, _text(summary, obj))  # type: ignore[attr-defined]
    return obj


def change(
    s: Session,
    user: str,
    obj: Any,
    values: dict[str, Any],
    entity: str,
    summary: Summary,
    *,
    flush: Flush = plain_flush,
    quiet: Iterable[str] = (),
    refresh: bool = False,
    extra: dict[str, tuple[Any, Any]] | None = None,
) -> dict[str, tuple[Any, Any]]:
    """Set ``values`` on ``obj``; when any changed, flush and audit the change. The ``quiet`` fields (derived
    columns nobody typed: search text, sort keys) are set but neither audited nor counted. ``extra`` is what
    the caller changed beside the columns (links to other rows, memberships): audited with them, and the row
    is stamped so that its version moves all the same. ``refresh`` reloads the row after the flush, so that a
    changed foreign key shows its new relation in the summary. Returns what changed."""
    changes = apply_changes(obj, values)
    for name in quiet:
        changes.pop(name, None)
    if extra:
        changes.update(extra)
        obj.updated_at = utcnow()  # an edit of links only still bumps the record's version
    if changes:
        flush(s)
        if refresh:
            s.refresh(obj)
        audit(s, user, "update", entity, obj.id, _text(summary, obj), changes)
    return changes


def remove(s: Session, user: str, obj: Any, entity: str, summary: Summary) -> None:
    """Audit a record's deletion and delete it."""
    audit(s, user, "delete", entity, obj.id, _text(summary, obj))
    s.delete(obj)


def set_removed(s: Session, user: str, obj: Any, removed: bool, entity: str, summary: Summary) -> None:
    """Take a record off its list (soft delete: ``deleted_at`` stamped, 元に戻せます) or put it back, and audit
    it ("delete" / "restore"); a record already so is left as it is, unaudited."""
    if (obj.deleted_at is not None) != removed:
        obj.deleted_at = utcnow() if removed else None
        s.flush()
        audit(s, user, "delete" if removed else "restore", entity, obj.id, _text(summary, obj))


M = TypeVar("M")
I = TypeVar("I")  # noqa: E741 - the input dataclass, beside M (model) and D (DTO)
D = TypeVar("D")


class RecordKind(Generic[M, I, D]):
    """A kind of record whose saves are the shape and nothing more (⑫ 相談記録, 講座, 起業者; 研修, 職員地域活動):
    validate the input into column values, then create / change / delete through the helpers above, with a
    stale copy or a concurrent change refused as ConflictError naming ``what``. What differs between kinds —
    the validation, the DTO, the audit texts — is given here; the area names the bound methods as its public
    functions (``create_course = _COURSES.create``).

    ``validate(s, data)`` gives the column values; ``dto(s, obj)`` the DTO returned; ``created`` / ``changed`` /
    ``deleted`` the audit summaries (of the record, after the flush for the first two); ``load`` reads the
    record with what its DTO needs (else by id); ``refresh`` reloads it after an update so that a changed
    foreign key (the person) shows its new relation in the summary and the DTO."""

    def __init__(
        self,
        model: type[M],
        entity: str,
        what: str,
        validate: Callable[[Session, I], dict[str, Any]],
        dto: Callable[[Session, M], D],
        created: Callable[[M], str],
        changed: Callable[[M], str],
        deleted: Callable[[M], str],
        load: Callable[[Session, int], M] | None = None,
        refresh: bool = False,
    ) -> None:
        self.model, self.entity, self.validate, self.dto = model, entity, validate, dto
        self.created, self.changed, self.deleted, self.refresh = created, changed, deleted, refresh
        # ``what`` reaches the messages only through these, so the translators' collection sees the term
        # where a kind is declared (scripts/i18n.py follows a ``what`` parameter to its callers).
        self._current: Callable[[Session, int, int | None], M] = lambda s, record_id, expected: current(
            s, model, record_id, expected, what, load=load
        )
        self._flush: Flush = lambda s: flush_or_conflict(s, what)

    def create(self, db: Database, data: I) -> D:
        """Record a new one from ``data``."""
        with db.transaction() as s:
            obj = insert(s, db.user, self.model(**self.validate(s, data)), self.entity, self.created)
            return self.dto(s, obj)

    def update(self, db: Database, record_id: int, data: I, expected_version: int) -> D:
        """Change one to ``data``; a stale copy raises ConflictError."""
        with db.transaction() as s:
            obj = self._current(s, record_id, expected_version)
            change(
                s,
                db.user,
                obj,
                self.validate(s, data),
                self.entity,
                self.changed,
                flush=self._flush,
                refresh=self.refresh,
            )
            return self.dto(s, obj)

    def delete(self, db: Database, record_id: int, expected_version: int | None = None) -> None:
        """Remove one with what belongs to it (a course: its attendance list)."""
        with db.transaction() as s:
            obj = self._current(s, record_id, expected_version)
            remove(s, db.user, obj, self.entity, self.deleted)

    def get(self, db: Database, record_id: int) -> D:
        """One record as its DTO; NotFoundError naming ``what``."""
        with db.reading() as s:
            return self.dto(s, self._current(s, record_id, None))
