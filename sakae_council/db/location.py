"""Where a database lives: a file path or a server URL made into a URL, the file behind a SQLite URL, and
whether a file sits on a network share (where WAL must stay off and the user is warned)."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy.engine import make_url


def to_url(target: str | Path) -> str:
    """A database URL from a path or a URL string."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for a server or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


#: Where Linux lists what is mounted where (a module attribute so a test can point it at its own table).
MOUNT_TABLE = Path("/proc/mounts")
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "sshfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ncpfs",
        "davfs",
        "fuse.davfs2",
    }
)


def _unescape_mount_point(text: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash in a mount point as octal escapes (\\040)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), text)


def is_network_path(path: Path) -> bool:
    """True when the file lives on a network share (UNC path, or a mount of a network filesystem)."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    try:
        mounts = MOUNT_TABLE.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    resolved = path.resolve()
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = _unescape_mount_point(parts[1])
        # the deepest mount that contains the file (/mnt/kyogikai must not claim /mnt/kyogikai2/...)
        if resolved.is_relative_to(mount_point) and len(mount_point) > len(best):
            best, fstype = mount_point, parts[2]
    return fstype in NETWORK_FILESYSTEMS
