"""The single-user lock (使用中ロック): a file beside the data file naming who has it open.

Mutual exclusion comes from an OS lock on ``<file>.lock`` (``flock`` on POSIX, ``msvcrt.locking`` on
Windows) which the kernel drops when the holder dies, even by SIGKILL. The file's JSON content — user,
machine, process id, since when — is what the second program shows its user. A lock file left by a
crashed process on this machine is therefore recognised and taken over. One naming another machine
cannot be proven stale (network shares do not always carry OS locks between machines), so it is only
cleared by :func:`break_lock` after the user confirms.

Within one process the lock is shared: opening the same file twice is one program, not two.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import logging
import os
import socket
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sakae_council.domain.errors import StorageError, msg
from sakae_council.domain.wareki import to_wareki

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"
_WIN_LOCK_OFFSET = 1 << 30  # lock a byte far past the JSON so others can still read who holds it
_registry: dict[str, DatabaseLock] = {}
_registry_guard = threading.Lock()


def current_user() -> str:
    """The OS login name, or "" when it cannot be determined."""
    try:
        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (containers)
        return ""


@dataclass(frozen=True)
class LockInfo:
    """Who holds a data file: OS user, machine, process id and since when (local time)."""

    user: str
    host: str
    pid: int
    since: datetime

    def to_json(self) -> str:
        return json.dumps(
            {
                "user": self.user,
                "host": self.host,
                "pid": self.pid,
                "since": self.since.isoformat(timespec="seconds"),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> LockInfo | None:
        try:
            data = json.loads(text)
            return cls(
                str(data["user"]), str(data["host"]), int(data["pid"]), datetime.fromisoformat(data["since"])
            )
        except (ValueError, KeyError, TypeError):
            return None

    @property
    def since_text(self) -> str:
        """和暦 date and time, e.g. 令和8年11月28日 14時05分."""
        return f"{to_wareki(self.since.date())} {self.since.hour}時{self.since.minute:02d}分"


class LockedError(StorageError):
    """Another program has the data file open; ``info`` says who (None when the lock file is unreadable).

    The caller may offer to open the file read-only, or — when ``info.host`` is another machine that is
    known to be off — :func:`break_lock`.
    """

    def __init__(self, path: Path, info: LockInfo | None) -> None:
        if info is None:
            message = (
                "このデータファイルは、別のプログラムが使用中です。同時に書き込むとデータが壊れるおそれがあるため、"
                "読み取り専用で開くか、相手が終了してから開き直してください。"
            )
        else:
            who = msg("{user}さん", user=info.user) if info.user else msg("別の利用者")
            message = msg(
                "このデータファイルは、{who}がパソコン「{host}」で{since}から使用中です。"
                "同時に書き込むとデータが壊れるおそれがあるため、読み取り専用で開くか、"
                "相手がプログラムを終了してから開き直してください。",
                who=who,
                host=info.host,
                since=info.since_text,
            )
        super().__init__(message)
        self.path = path
        self.info = info
        self.other_machine = info is not None and info.host != socket.gethostname()


class ReadOnlyError(StorageError):
    """The file or its folder cannot be written (write-protected media, permissions): offer read-only."""


class NoSpaceError(ReadOnlyError):
    """The disk is full: the lock (and so any edit) cannot be written; reading the file still works."""

    def __init__(self, db_path: Path) -> None:
        super().__init__(
            msg(
                "データファイルのあるディスク（{folder}）の空き容量がないため、編集用に開けません。"
                "不要なファイルを削除して空きを作ってから、開き直してください（読み取り専用でなら開けます）。",
                folder=db_path.parent,
            )
        )


def lock_path_for(db_path: Path) -> Path:
    """``<file>.lock`` beside the data file."""
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


@dataclass
class DatabaseLock:
    """A held lock; :meth:`release` when the database is closed (shared within the process)."""

    path: Path
    info: LockInfo
    #: What a crashed process left behind and we took over (for a "last session ended abruptly" note).
    replaced_stale: LockInfo | None = None
    _fd: int = field(default=-1, repr=False)
    _users: int = field(default=1, repr=False)

    def release(self) -> None:
        """Drop one use; the last one removes the lock file and the OS lock."""
        with _registry_guard:
            self._users -= 1
            if self._users > 0 or self._fd < 0:
                return
            _registry.pop(_key(self.path), None)
            fd, self._fd = self._fd, -1
        # POSIX: unlink while still holding the OS lock, so a waiting opener never locks a dead inode
        # unnoticed (acquire re-checks the inode). Windows cannot unlink an open file: close first.
        if os.name == "posix":
            _unlink_quietly(self.path)
            os.close(fd)
        else:
            _os_unlock(fd)
            os.close(fd)
            _unlink_quietly(self.path)

    @property
    def held(self) -> bool:
        return self._fd >= 0


def _key(path: Path) -> str:
    return os.path.normcase(str(path.resolve()))


def _unlink_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _os_lock(fd: int) -> bool | None:
    """True when we got the OS lock, False when someone holds it, None when the filesystem has none."""
    if os.name == "posix":
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False
        except OSError as exc:  # ENOLCK / EOPNOTSUPP on some network filesystems
            log.warning("no OS lock on this filesystem: %s", exc)
            return None
    import msvcrt

    try:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        return True
    except OSError:
        return False


def _os_unlock(fd: int) -> None:
    if os.name == "posix":
        return  # closing the descriptor drops the flock
    import msvcrt

    try:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
    except OSError:
        pass


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs on this machine (conservatively True when unsure)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _read_fd(fd: int) -> LockInfo | None:
    os.lseek(fd, 0, os.SEEK_SET)
    data = b""
    while chunk := os.read(fd, 4096):
        data += chunk
        if len(data) > 65536:
            break
    return LockInfo.from_json(data.decode("utf-8", errors="replace")) if data.strip() else None


def read_lock(db_path: Path) -> LockInfo | None:
    """Who the lock file says holds ``db_path`` (None when there is no readable lock file)."""
    held = _registry.get(_key(lock_path_for(db_path)))
    if held is not None:
        return held.info
    try:
        text = lock_path_for(db_path).read_text(encoding="utf-8")
    except OSError:
        return None
    return LockInfo.from_json(text)


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), path.stat()
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino) or os.name != "posix"


def _is_stale(existing: LockInfo, got_os_lock: bool | None, host: str) -> bool:
    if existing.host != host:
        # Another machine: its OS lock may not reach us over the share. Never assume it is gone.
        return False
    if got_os_lock:
        return True  # same machine and the kernel says nobody holds it: the holder died
    return not pid_alive(existing.pid) or existing.pid == os.getpid()


def acquire_lock(db_path: Path, *, user: str = "") -> DatabaseLock:
    """Take the lock on ``db_path`` or raise :class:`LockedError`; a crashed holder's lock is taken over."""
    lock_path = lock_path_for(db_path)
    key = _key(lock_path)
    host = socket.gethostname()
    with _registry_guard:
        held = _registry.get(key)
        if held is not None and held.held:
            held._users += 1
            return held
        for _attempt in range(20):
            try:
                fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
            except PermissionError as exc:
                if lock_path.exists():  # another user's lock file that we may not even read
                    raise LockedError(db_path, None) from exc
                raise ReadOnlyError(
                    msg(
                        "データファイルのフォルダ（{folder}）に書き込めないため、編集用に開けません。"
                        "読み取り専用で開くか、書き込めるフォルダにファイルを移してください。",
                        folder=db_path.parent,
                    )
                ) from exc
            except OSError as exc:
                if exc.errno == errno.ENOSPC:
                    raise NoSpaceError(db_path) from exc
                raise ReadOnlyError(
                    msg(
                        "データファイルのフォルダ（{folder}）に書き込めないため、編集用に開けません。"
                        "読み取り専用で開くか、書き込めるフォルダにファイルを移してください。",
                        folder=db_path.parent,
                    )
                ) from exc
            got = _os_lock(fd)
            if got is False:
                info = _read_fd(fd)
                os.close(fd)
                raise LockedError(db_path, info)
            if not _same_file(fd, lock_path):  # the holder released (unlinked) it meanwhile: retry
                os.close(fd)
                continue
            existing = _read_fd(fd)
            replaced: LockInfo | None = None
            if existing is not None:
                if not _is_stale(existing, got, host):
                    os.close(fd)
                    raise LockedError(db_path, existing)
                replaced = existing
                log.info("taking over a stale lock on %s", db_path.name)
            info = LockInfo(user or current_user(), host, os.getpid(), datetime.now().replace(microsecond=0))
            data = info.to_json().encode("utf-8")
            try:
                os.lseek(fd, 0, os.SEEK_SET)
                os.ftruncate(fd, 0)
                if os.write(fd, data) != len(data):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                os.fsync(fd)
            except OSError as exc:
                # Leave no empty lock file behind: it would say nothing about who holds the data file.
                if os.name == "posix":
                    _unlink_quietly(lock_path)
                    os.close(fd)
                else:
                    os.close(fd)
                    _unlink_quietly(lock_path)
                if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
                    raise NoSpaceError(db_path) from exc
                raise ReadOnlyError(
                    msg(
                        "データファイルのフォルダ（{folder}）に書き込めないため、編集用に開けません（{error}）。"
                        "読み取り専用で開くか、書き込めるフォルダにファイルを移してください。",
                        folder=db_path.parent,
                        error=exc.strerror or exc,
                    )
                ) from exc
            lock = DatabaseLock(lock_path, info, replaced, _fd=fd)
            _registry[key] = lock
            return lock
    raise StorageError("データファイルの使用状況を確認できませんでした。もう一度開いてください。")


def break_lock(db_path: Path) -> LockInfo | None:
    """Remove a lock the user has confirmed is stale (the other machine is off); returns what it said.

    Refuses while a program on this machine holds it.
    """
    lock_path = lock_path_for(db_path)
    try:
        fd = os.open(lock_path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return None
    try:
        if _os_lock(fd) is False:
            raise LockedError(db_path, _read_fd(fd))
        info = _read_fd(fd)
        _unlink_quietly(lock_path)
        log.warning("lock on %s broken by the user; it said %s", db_path, info)
        return info
    finally:
        _os_unlock(fd)
        os.close(fd)
