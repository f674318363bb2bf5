"""The first save of something that has no row yet, by two program instances on the PostgreSQL server at
the same moment: the first reply of a person to a meeting's notice, and a district's first 会則. Neither
has a version to compare yet; the second writer waits on the unique key and then gets StaleVersionError
(the two-version dialog), never a raw database error and never a second row. Skipped without a server."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from notice_town import notice_town
from sqlalchemy import text

from sakae_council.db.engine import Database
from sakae_council.domain.errors import StaleVersionError
from sakae_council.domain.replies import Reply
from sakae_council.services import bylaws, meeting_replies
from sakae_council.services.meeting_replies import ReplyInput

from .conftest import Store


def second_writer_while_first_holds_the_key(
    first: Database, insert: str, params: dict[str, Any], save: Callable[[], object]
) -> BaseException | None:
    """``insert`` held uncommitted by ``first``; ``save()`` starts meanwhile (and waits on the key); the
    insert commits; returns what ``save()`` raised."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            save()
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 — the outcome is what the test looks at
            outcome.append(exc)

    with first.engine.connect() as conn:
        tx = conn.begin()
        conn.execute(text(insert), params)
        worker = threading.Thread(target=run)
        worker.start()
        worker.join(1.0)
        assert worker.is_alive(), "the second save waits for the first one's key"
        tx.commit()
    worker.join(30)
    assert not worker.is_alive() and outcome
    return outcome[0]


def test_two_first_replies_of_one_person_at_once(pg_store: Store) -> None:
    yamada, sato = pg_store.open("yamada"), pg_store.open("sato")
    town = notice_town(yamada)
    takahashi = town.people["髙橋 一郎"]
    raised = second_writer_while_first_holds_the_key(
        yamada,
        "INSERT INTO meeting_reply (meeting_id, person_id, reply, proxy_name, version) VALUES (:m, :p, 'present', '', 1)",
        {"m": town.meeting, "p": takahashi},
        lambda: meeting_replies.record_replies(
            sato, town.meeting, [ReplyInput(takahashi, Reply.ABSENT)], versions={takahashi: 0}
        ),
    )
    assert isinstance(raised, StaleVersionError), raised
    r = {i.person_id: (i.reply, i.version) for i in meeting_replies.get_replies(sato, town.meeting).invitees}
    assert r[takahashi] == (Reply.PRESENT, 1), "the first one's reply, once"


def test_two_first_bylaws_of_one_district_at_once(pg_store: Store) -> None:
    yamada, sato = pg_store.open("yamada"), pg_store.open("sato")
    d = notice_town(yamada).district
    now = datetime.now(UTC).replace(tzinfo=None)
    raised = second_writer_while_first_holds_the_key(
        yamada,
        "INSERT INTO bylaws (district_id, title, body, version, created_at, updated_at) "
        "VALUES (:d, '会則', '第1条 山田の案', 1, :t, :t)",
        {"d": d, "t": now},
        lambda: bylaws.save_bylaws(sato, d, "会則", "第1条 佐藤の案", "制定"),
    )
    assert isinstance(raised, StaleVersionError), raised
    saved = bylaws.get_bylaws(sato, d)
    assert saved is not None and saved.body == "第1条 山田の案"
