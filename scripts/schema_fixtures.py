"""Write a data file at each past schema revision for the upgrade tests: ``tests/fixtures/schema/NNNN.sqlite.gz``.

    python scripts/schema_fixtures.py            # the revisions that have no file yet
    python scripts/schema_fixtures.py 0007       # only this one (e.g. the head just before a new revision)
    python scripts/schema_fixtures.py --force 0003

A fixture is made once and then kept as it is: it stands for a file a user's older program left behind,
and the upgrade tests (tests/db/test_schema_fixtures.py) open it with the program of today. So when a
new revision is added, run this script once to add a file at the revision that was the head until then,
and commit it; never regenerate an old one without a reason (``--force``).

How a file is made: the demo town is loaded at the current head through the services (every kind of
record, the search index, meetings' search text), then Alembic downgrades the file to the revision —
the same schema that revision's upgrade created — and it is vacuumed into one file (no WAL) and gzipped
(~1 MB of SQLite pages become ~150 KB in the repository). Beside
it, ``NNNN.json`` records what the upgraded file must still hold: every table's row count and a few
records (people, issues, meetings) by id with the words a search must find them by.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sqlite3
import sys
import tempfile
from contextlib import closing
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from sakae_council.db.engine import Database, alembic_config, open_database, to_url  # noqa: E402
from sakae_council.domain.enums import AgendaKind, AgendaResult, AttendanceStatus, MinutesStatus  # noqa: E402
from sakae_council.services import (  # noqa: E402
    demo,
    manual_history,
    meeting_list,
    meetings,
    minutes,
    minutes_approval,
    setup,
)
from sakae_council.services.minutes import ActionItemInput, AgendaItemInput, minutes_input_from  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "schema"


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as con:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {
            t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])
            for t in tables
            if t != "alembic_version"
        }


def _probes(path: Path) -> dict[str, list[dict[str, object]]]:
    """A few records to find again after the upgrade, with a word of their own to search for."""
    with closing(sqlite3.connect(path)) as con:
        people = [
            {"id": i, "name": n, "query": n.split()[0]}
            for i, n in con.execute(
                "SELECT id, name FROM person WHERE deleted_at IS NULL AND name LIKE '% %' ORDER BY id LIMIT 3"
            )
        ]
        issues = [
            {"id": i, "title": t, "query": t[:3]}
            for i, t in con.execute("SELECT id, title FROM regional_issue ORDER BY id LIMIT 2")
        ]
        meetings = [
            {"id": i, "place": p, "number": n, "fiscal_year": fy}
            for i, p, n, fy in con.execute(
                "SELECT id, place, number, fiscal_year FROM meeting WHERE place != '' ORDER BY id LIMIT 2"
            )
        ]
    return {"people": people, "issues": issues, "meetings": meetings}


def _minutes(db: Database) -> None:
    """What the demo town lacks: minutes entered, approved and revised (attendance, agenda, handouts,
    decisions, action items, revisions), and a published edition of the manual."""
    held = sorted(
        (m for m in meeting_list.list_meetings(db) if m.status is MinutesStatus.DRAFT),
        key=lambda m: m.held_on,
    )
    for number, summary in enumerate(held[:2]):
        m = meetings.get_meeting(db, summary.id)
        data = minutes_input_from(m)
        rows = tuple(
            replace(a, status=AttendanceStatus.ABSENT if i % 5 == 4 else AttendanceStatus.PRESENT)
            for i, a in enumerate(data.attendance)
        )
        data = replace(
            data,
            attendance=rows,
            observers=1,
            handouts=("次第", "資料1 𠮷田さんの提案"),
            agenda_items=(
                AgendaItemInput(
                    title="見守り活動の報告", kind=AgendaKind.REPORT, discussion="髙橋委員から報告。"
                ),
                AgendaItemInput(
                    title="放課後ひろばの実施", kind=AgendaKind.DELIBERATION, result=AgendaResult.APPROVED
                ),
            ),
            decisions=("放課後ひろばを計画どおり実施する。",),
            action_items=(ActionItemInput("会場の予約", "事務局", m.held_on + timedelta(days=14)),),
            next_meeting="来月中旬",
        )
        saved = minutes.save_minutes(db, m.id, data, m.version)
        if number == 0:
            ok = minutes_approval.approve_minutes(db, m.id, m.held_on + timedelta(days=7), saved.version)
            changed = replace(
                minutes_input_from(ok), decisions=(*ok.decisions, "追加の決定: 会場を変更する。")
            )
            minutes_approval.revise_minutes(db, m.id, changed, "決定事項の記載漏れ", ok.version)
    manual_history.publish_edition(db, "", date(2026, 4, 1))


def _demo_at_head(folder: Path) -> Path:
    path = folder / "head.db"
    db = open_database(path, user="fixture")
    try:
        setup.ensure_seeded(db)
        demo.load_demo(db)
        _minutes(db)
    finally:
        db.close()
    return path


def make_fixture(revision: str, head_file: Path, folder: Path) -> Path:
    """Copy the demo file at head, downgrade it to ``revision``, shrink it; returns the .sqlite.gz written."""
    work = folder / f"{revision}.db"
    with closing(sqlite3.connect(head_file)) as src, closing(sqlite3.connect(work)) as dst:
        src.backup(dst)
    # Foreign keys off, as Alembic's batch mode on SQLite expects: a downgrade that copies a parent table
    # must not cascade-delete its children (0004's did until it dropped its column in place; the
    # downgrade test in tests/db/test_schema_fixtures.py now checks every revision with them on).
    engine = create_engine(to_url(work))
    try:
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), revision)
    finally:
        engine.dispose()
    with closing(sqlite3.connect(work)) as con:
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("VACUUM")
        stamped = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert stamped == revision, (stamped, revision)
    manifest = {"revision": revision, "counts": _counts(work), "probes": _probes(work)}
    FIXTURES.mkdir(parents=True, exist_ok=True)
    out = FIXTURES / f"{revision}.sqlite.gz"
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as packed:  # mtime 0: same bytes, same file
        packed.write(work.read_bytes())
    (FIXTURES / f"{revision}.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "revision", nargs="*", help="the revisions to write (default: every one without a file)"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing fixture")
    args = parser.parse_args(argv)
    known = revisions()
    wanted = args.revision or known
    unknown = [r for r in wanted if r not in known]
    if unknown:
        parser.error(f"unknown revision(s): {', '.join(unknown)} (known: {', '.join(known)})")
    todo = [r for r in wanted if args.force or not (FIXTURES / f"{r}.sqlite.gz").exists()]
    if not todo:
        print("every fixture exists (kept as it is; --force to rewrite one)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        head_file = _demo_at_head(folder)
        for revision in todo:
            out = make_fixture(revision, head_file, folder)
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
