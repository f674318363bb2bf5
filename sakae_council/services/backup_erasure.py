"""「古いバックアップからも消す」 — erase a person from every backup of the data file as well.

Each backup holding the person is rewritten: copied (online backup API, verified) to a hidden file beside
it, erased there with the very code that erased the live file (services.erasure.scrub_person, with
``secure_delete`` on), vacuumed so no free page keeps an old value, checked (``integrity_check``, and no
registered place still holding the person's names or contacts), and only then put in place under the
backup's own name. A backup that cannot be rewritten — another schema version, damaged, unreadable — is
deleted if the user chose so, else kept and counted in the report. The whole run is audited in the live
file, without the name.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from sakae_council.cancel import current as current_token
from sakae_council.db import backup as files
from sakae_council.db.direct import open_scratch_copy, stamped_revision
from sakae_council.db.engine import Database, head_revision
from sakae_council.domain.errors import StorageError, msg
from sakae_council.services.backups import backup_folder
from sakae_council.services.common import audit
from sakae_council.services.erasure import Identity, identity_of, remaining_mentions, scrub_person

_WORK_SUFFIX = ".erasing"
#: A hidden partial backup younger than this may be one being written right now: left alone.
_PARTIAL_IN_PROGRESS = 600


@dataclass(frozen=True)
class BackupErasure:
    """What 「古いバックアップからも消す」 did to the backups."""

    rewritten: tuple[Path, ...]
    deleted: tuple[Path, ...]
    #: Backups that could not be rewritten and were kept (the user chose not to delete them).
    kept_holding: tuple[Path, ...]
    #: Backups that never held the person (left as they were).
    untouched: tuple[Path, ...]

    @property
    def message(self) -> str:
        """What was done, in Japanese."""
        text = msg(
            "バックアップ{rewritten}件から消去し、書き換えられなかった{deleted}件を削除しました"
            "（もともと含んでいなかったもの: {untouched}件）。",
            rewritten=len(self.rewritten),
            deleted=len(self.deleted),
            untouched=len(self.untouched),
        )
        if self.kept_holding:
            text = msg(
                "{message}形式が古いなどの理由で書き換えられなかったバックアップ{kept}件には、まだ消去前の情報が残っています。",
                message=text,
                kept=len(self.kept_holding),
            )
        return text


def rewritable(path: Path) -> bool:
    """Whether this program can rewrite the backup (same schema version as the live file, readable)."""
    return stamped_revision(path) == head_revision()


def _erase_in_copy(work: Path, person_id: int, extra: Identity) -> bool:
    """Erase the person in the copy; False when it never held them (nothing to do)."""
    engine, sessions = open_scratch_copy(work)
    try:
        with sessions() as s, s.begin():
            identity = identity_of(s, person_id) | extra
            if not remaining_mentions(s, person_id, identity):
                return False
            scrub_person(s, person_id, extra)
            left = remaining_mentions(s, person_id, identity)
            if left:
                raise StorageError(
                    msg(
                        "バックアップの書き換えを確かめたところ、消去しきれていない所がありました（{places}）。",
                        places=left,
                    )
                )
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM")  # no free page keeps an old value
            rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        if rows != ["ok"]:
            raise StorageError(
                msg(
                    "書き換えたバックアップの検査で異常が見つかりました（{details}）。",
                    details="; ".join(rows[:3]),
                )
            )
    finally:
        engine.dispose()
    return True


def _rewrite(backup: Path, person_id: int, extra: Identity) -> bool:
    """Rewrite one backup without the person; True if it was rewritten, False if it never held them."""
    work = backup.with_name(f".{backup.name}{_WORK_SUFFIX}{files.PARTIAL_SUFFIX}")
    files.remove_quietly(work)
    files.copy_database(backup, work, "バックアップの書き換え")
    try:
        if not _erase_in_copy(work, person_id, extra):
            return False
        os.replace(work, backup)
        files.fsync_dir(backup.parent)
        files.make_owner_only(backup)
        return True
    finally:
        files.remove_quietly(work)
        for sidecar in files.SIDECARS:
            files.remove_quietly(Path(f"{work}{sidecar}"))


def erase_from_backups(
    db: Database, person_id: int, *, identity: Identity | None = None, delete_unrewritable: bool = True
) -> BackupErasure:
    """Erase the person from every backup of ``db``'s file (see the module docstring); audited."""
    if db.path is None:
        raise StorageError(
            "町のサーバーのバックアップは、このプログラムでは消去できません。サーバーの管理者に依頼してください。"
        )
    if db.read_only:
        raise StorageError("読み取り専用で開いているため消去できません。通常どおり開き直してください。")
    folder = backup_folder(db)
    rewritten: list[Path] = []
    deleted: list[Path] = []
    kept: list[Path] = []
    untouched: list[Path] = []
    paths = [b.path for b in files.list_backup_files(folder, files.backup_key(db.path))] + _leftover_copies(
        db
    )
    token = current_token()
    for step, path in enumerate(paths):
        token.progress(step, len(paths))  # each backup is rewritten whole or not at all
        if not path.name.startswith(".") and rewritable(path):
            (rewritten if _rewrite(path, person_id, identity or Identity()) else untouched).append(path)
        elif delete_unrewritable:
            for sidecar in ("", *files.SIDECARS):
                Path(f"{path}{sidecar}").unlink(missing_ok=True)
            deleted.append(path)
        else:
            kept.append(path)
    with db.transaction() as s:
        audit(
            s,
            db.user,
            "erase",
            "backup",
            person_id,
            f"本人の求めにより、バックアップ{len(rewritten)}件から名簿の人（ID {person_id}）の個人情報を消去、"
            f"書き換えられない{len(deleted)}件を削除、{len(kept)}件は残す",
        )
    return BackupErasure(tuple(rewritten), tuple(deleted), tuple(kept), tuple(untouched))


def _leftover_copies(db: Database) -> list[Path]:
    """Other copies of the data the program made: damaged files moved aside beside it, and backups a
    crash left half-written (hidden ``.partial`` files older than a few minutes) — never rewritten."""
    assert db.path is not None
    stem = files.glob_escape(db.path.stem)
    found = sorted(db.path.parent.glob(f"{stem}.damaged-*{files.glob_escape(db.path.suffix)}"))
    folder = backup_folder(db)
    if folder.is_dir():
        now = time.time()
        key = files.glob_escape(files.backup_key(db.path))  # the whole file name; the stem in older versions
        partials = {
            *folder.glob(f".{key}-*{files.PARTIAL_SUFFIX}"),
            *folder.glob(f".{stem}-*{files.PARTIAL_SUFFIX}"),
        }
        for entry in sorted(partials):
            try:
                if now - entry.stat().st_mtime > _PARTIAL_IN_PROGRESS:
                    found.append(entry)
            except OSError:
                continue
    return found


def unrewritable_backups(db: Database) -> list[Path]:
    """Backups and other copies of ``db``'s file this program cannot rewrite (asked about first)."""
    if db.path is None:
        return []
    folder = backup_folder(db)
    listed = [
        b.path for b in files.list_backup_files(folder, files.backup_key(db.path)) if not rewritable(b.path)
    ]
    return listed + _leftover_copies(db)
