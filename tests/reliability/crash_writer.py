"""The child side of the crash test: write people in committed batches through the program's own
storage code, and report each batch's ids only after its commit returned. Runs until killed.

Usable as a script (``python crash_writer.py DB SEED``, reporting on stdout) or, in a forked child,
through :func:`write_until_killed` with any file descriptor.
"""

from __future__ import annotations

import os
import random
import sys

from sqlalchemy import select

from sakae_council.db.engine import open_database
from sakae_council.db.models import AuditEntry, Person


def write_until_killed(path: str, seed: int, out_fd: int, *, backup_every: int = 0) -> None:
    """Open ``path`` and append batches of 1–12 people forever; one line "id name" per committed person.

    Every ``backup_every`` batches (if set) also take a verified backup, so kills land inside backups too;
    a line "backup" follows each one that completed.
    """
    rng = random.Random(seed)
    db = open_database(path, user="crash-writer")
    os.write(out_fd, b"ready\n")
    batch = 0
    while True:
        size = rng.randint(1, 12)
        with db.transaction() as s:
            people = [
                Person(name=f"w{seed}-b{batch}-{i}", furigana="カキコミ", kana_key="カキコミ", search_text="")
                for i in range(size)
            ]
            s.add_all(people)
            s.flush()
            # Touch older rows too, so pages are rewritten, not only appended.
            if rng.random() < 0.3:
                older = s.scalars(select(Person).where(Person.id <= max(1, people[0].id - 1)).limit(3)).all()
                for p in older:
                    p.notes = f"{seed}-{batch}"
            s.add(
                AuditEntry(
                    user=db.user,
                    action="create",
                    entity="person",
                    entity_id=people[0].id,
                    summary=f"batch {batch}",
                )
            )
            lines = "".join(f"{p.id} {p.name}\n" for p in people)
        # Reached only after COMMIT returned: these rows are durable from here on.
        os.write(out_fd, lines.encode("utf-8"))
        batch += 1
        if backup_every and batch % backup_every == 0:
            from sakae_council.services.backups import make_backup

            make_backup(db, reason="auto")
            os.write(out_fd, b"backup\n")


if __name__ == "__main__":
    write_until_killed(sys.argv[1], int(sys.argv[2]), sys.stdout.fileno())
