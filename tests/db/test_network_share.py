"""A data file on a network share: never WAL (its shared-memory index does not work over NFS/SMB), and the
user is warned. The share is made real the way Linux reports it: an entry in the mount table."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakae_council.db import engine, location
from sakae_council.db.engine import is_network_path, open_database


def _mount_table(tmp_path: Path, *entries: tuple[str, str]) -> Path:
    """A mount table like /proc/mounts: the root file system, then ``(mount point, fstype)`` entries."""
    lines = ["/dev/sda1 / ext4 rw,relatime 0 0"]
    for point, fstype in entries:
        escaped = point.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011")
        lines.append(f"fileserver:/kyogikai {escaped} {fstype} rw,relatime 0 0")
    table = tmp_path / "mounts"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return table


def _journal_mode(db: engine.Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar())


@pytest.mark.parametrize("fstype", ["nfs4", "cifs", "fuse.sshfs"])
def test_file_on_a_network_mount_opens_without_wal_and_warns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fstype: str
) -> None:
    share = tmp_path / "共有 フォルダ"  # a space: /proc/mounts writes it as \040
    share.mkdir()
    monkeypatch.setattr(location, "MOUNT_TABLE", _mount_table(tmp_path, (str(share), fstype)))
    db = open_database(share / "town.db")
    try:
        assert db.on_network_share
        assert db.network_warning is not None and "ネットワーク上の共有フォルダ" in db.network_warning
        assert _journal_mode(db) == "delete"
        from sakae_council.services import districts

        districts.create_district(db, districts.DistrictInput(name="安食小学校区"))  # a write, still no WAL
        assert _journal_mode(db) == "delete"
        assert not (share / "town.db-wal").exists()
    finally:
        db.close()


def test_a_wal_file_moved_onto_a_share_leaves_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    share = tmp_path / "share"
    share.mkdir()
    db = open_database(share / "town.db")  # made on a local disk: WAL
    assert _journal_mode(db) == "wal"
    db.close()
    monkeypatch.setattr(location, "MOUNT_TABLE", _mount_table(tmp_path, (str(share), "smb3")))
    db = open_database(share / "town.db")
    try:
        assert db.network_warning is not None
        assert _journal_mode(db) == "delete"
    finally:
        db.close()


def test_only_the_deepest_mount_containing_the_file_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share, sibling, local = tmp_path / "kyogikai", tmp_path / "kyogikai2", tmp_path / "kyogikai" / "usb"
    for folder in (share, sibling, local):
        folder.mkdir()
    table = _mount_table(tmp_path, (str(share), "nfs"), (str(local), "vfat"))
    monkeypatch.setattr(location, "MOUNT_TABLE", table)
    assert is_network_path(share / "town.db")
    assert not is_network_path(sibling / "town.db")  # a name that merely starts like the share
    assert not is_network_path(local / "town.db")  # a local disk mounted inside the share
    db = open_database(sibling / "town.db")
    try:
        assert db.network_warning is None and _journal_mode(db) == "wal"
    finally:
        db.close()
