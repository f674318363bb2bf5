"""他の人の変更: which kinds of records other users changed, so open lists refresh without a restart.

On the server every committed write sends ``NOTIFY sakae_council_changes`` naming its tables (see
:mod:`sakae_council.db.shared`); a :class:`ChangeFeed` holds one extra connection that LISTENs and, on
``poll()``, returns the *areas* ("people", "issues", ...) other program instances changed since the last
poll — its own writes are left out. Polling costs no query: it only reads what the server already sent.
If the listening connection breaks (network, server restart), the next poll reconnects and reports
"everything may have changed", since notices sent meanwhile are lost.

A local file is single-user (the file lock keeps other writers out), so there is nothing to poll —
except for a file opened read-only while another program writes it, where SQLite's ``data_version``
tells that something changed.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from sakae_council.db import shared
from sakae_council.db.direct import DataVersionWatch
from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry
from sakae_council.domain.areas import Area

log = logging.getLogger(__name__)

#: Table → the area pages listen for in ``AppContext.dataChanged`` (every table of the models is here:
#: a test checks it).
TABLE_AREAS: dict[str, Area] = {
    "person": Area.PEOPLE,
    "membership": Area.PEOPLE,
    "organisation": Area.ORGANISATIONS,
    "district": Area.DISTRICTS,
    "regional_issue": Area.ISSUES,
    "issue_status_change": Area.ISSUES,
    "issue_category": Area.ISSUES,
    "project_issue": Area.PROJECTS,
    "collaborative_project": Area.PROJECTS,
    "project_partner": Area.PROJECTS,
    "project_staff": Area.PROJECTS,
    "milestone": Area.PROJECTS,
    "activity_record": Area.PROJECTS,
    "activity_staff": Area.PROJECTS,
    "project_evaluation": Area.PROJECTS,
    "grant_application": Area.GRANTS,
    "grant_document": Area.GRANTS,
    "account_subject": Area.ACCOUNTS,
    "account_book": Area.ACCOUNTS,
    "account_budget_revision": Area.ACCOUNTS,
    "account_budget_line": Area.ACCOUNTS,
    "account_close_revision": Area.ACCOUNTS,
    "account_entry": Area.ACCOUNTS,
    "account_month_check": Area.ACCOUNTS,
    "account_cash_count": Area.ACCOUNTS,
    "account_import_profile": Area.ACCOUNTS,
    "equipment": Area.EQUIPMENT,
    "equipment_loan": Area.EQUIPMENT,
    "meeting_body": Area.MEETINGS,
    "meeting": Area.MEETINGS,
    "meeting_reply": Area.MEETINGS,
    "attendance": Area.MEETINGS,
    "handout": Area.MEETINGS,
    "agenda_item": Area.MEETINGS,
    "decision": Area.MEETINGS,
    "action_item": Area.MEETINGS,
    "minutes_revision": Area.MEETINGS,
    "manual_section": Area.MANUAL,
    "manual_revision": Area.MANUAL,
    "manual_edition": Area.MANUAL,
    "bylaws": Area.DISTRICTS,
    "bylaws_revision": Area.DISTRICTS,
    "general_meeting_text": Area.DISTRICTS,
    "staff_training": Area.STAFF,
    "staff_activity": Area.STAFF,
    "indicator": Area.INDICATORS,
    "indicator_value": Area.INDICATORS,
    "consultation": Area.LIFESUPPORT,
    "course": Area.LIFESUPPORT,
    "course_attendee": Area.LIFESUPPORT,
    "business_startup": Area.LIFESUPPORT,
    "app_user": Area.USERS,
    "app_user_district": Area.USERS,
    "app_setting": Area.SETTINGS,
    "audit_entry": Area.AUDIT,
}
#: Tables that only follow other changes (an index): never an area of their own.
IGNORED_TABLES = frozenset({"search_gram"})
#: Every area a change on the database can name (BACKUPS is this computer's own, never on the server).
ALL_AREAS = frozenset(TABLE_AREAS.values())
RECONNECT_EVERY_S = 10.0


def areas_of(tables: set[str] | frozenset[str]) -> frozenset[Area] | None:
    """The areas the given tables belong to; None when a table is unknown (a newer program's): refresh all."""
    tables = {t for t in tables if t not in IGNORED_TABLES}
    if not tables <= TABLE_AREAS.keys():
        return None
    return frozenset(TABLE_AREAS[t] for t in tables)


@dataclass(frozen=True)
class ChangeSet:
    """What changed since the last poll: ``areas``, or ``everything`` when the feed lost track."""

    areas: frozenset[Area] = frozenset()
    everything: bool = False

    def __bool__(self) -> bool:
        return self.everything or bool(self.areas)

    def all_areas(self) -> frozenset[Area]:
        """The areas to refresh (every area when the feed lost track)."""
        return ALL_AREAS if self.everything else self.areas


class ChangeFeed:
    """Other users' changes to ``db``, collected by ``poll()`` (cheap; safe to call every few seconds).

    One feed is used by one thread at a time; a lock makes concurrent calls wait rather than collide.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        state = shared.state_of(db)
        self._server = state is not None and state.server
        self._schema = state.schema if state is not None else ""
        self._origin = state.origin if state is not None else ""
        self._conn: Any = None
        self._broken_since: float | None = None
        self._sqlite: DataVersionWatch | None = None
        self._closed = False
        if self._server:
            self._connect()
        elif db.read_only and db.path is not None:
            self._sqlite = DataVersionWatch(db.path)

    @property
    def live(self) -> bool:
        """True while changes of other users can be noticed at all."""
        return (self._server and self._conn is not None) or self._sqlite is not None

    def _connect(self) -> None:
        from sakae_council.db.shared import CHANGE_CHANNEL

        raw = self._db.engine.raw_connection()
        conn = raw.driver_connection
        try:
            assert conn is not None
            raw.detach()  # ours for good: the pool must not hand it to a session
            conn.rollback()
            conn.autocommit = True
            conn.execute(f'LISTEN "{CHANGE_CHANNEL}"')
        except Exception:
            raw.close()
            raise
        self._conn = conn

    def poll(self) -> ChangeSet:
        """The areas other users changed since the last poll (empty when nothing changed)."""
        with self._lock:
            if self._closed:
                return ChangeSet()
            if self._sqlite is not None:
                return ChangeSet(everything=self._sqlite.changed())
            if not self._server:
                return ChangeSet()
            if self._conn is None:
                return self._reconnect()
            try:
                notices = list(self._conn.notifies(timeout=0))
            except Exception:
                log.warning("change feed lost its connection", exc_info=True)
                self._drop()
                return self._reconnect()
            tables: set[str] = set()
            for notice in notices:
                try:
                    payload = json.loads(notice.payload)
                except ValueError:
                    continue
                if payload.get("s") != self._schema or payload.get("o") == self._origin:
                    continue  # another database on the same server, or our own write
                tables.update(payload.get("t", ()))
            areas = areas_of(tables)
            return ChangeSet(everything=True) if areas is None else ChangeSet(areas)

    def _reconnect(self) -> ChangeSet:
        now = time.monotonic()
        if self._broken_since is not None and now - self._broken_since < RECONNECT_EVERY_S:
            return ChangeSet()
        self._broken_since = now
        try:
            self._connect()
        except Exception:
            log.info("change feed cannot reconnect yet", exc_info=True)
            return ChangeSet()
        self._broken_since = None
        return ChangeSet(everything=True)  # notices sent while we were away are lost

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        self._broken_since = time.monotonic()
        if conn is not None:
            try:
                conn.close()
            except Exception:
                log.debug("closing a broken feed connection", exc_info=True)

    def close(self) -> None:
        """Stop listening (idempotent)."""
        with self._lock:
            self._closed = True
            self._drop()
            if self._sqlite is not None:
                self._sqlite.close()
                self._sqlite = None


@dataclass(frozen=True)
class LastChange:
    """Who last changed a record and when (for the conflict dialog: 「佐藤さんが 10:42 に保存」)."""

    user: str
    at: datetime  # UTC, as stored


def last_change(db: Database, entity: str, entity_id: int) -> LastChange | None:
    """The newest audit entry of a record, or None when it has none."""
    with db.reading() as s:
        row = s.execute(
            select(AuditEntry.user, AuditEntry.at)
            .where(AuditEntry.entity == entity, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).one_or_none()
    return LastChange(row.user, row.at) if row is not None else None
