"""On the demo town: members have addresses in 栄町's postal codes, the next meeting of 安食's council has
replies, and its notice and labels print from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakae_council.db.engine import open_database
from sakae_council.services import meeting_replies


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sakae_council", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("demo") / "t.db"
    done = run(path, "init", "--demo")
    assert done.returncode == 0, done.stderr
    listed = json.loads(run(path, "list", "meetings", "--json").stdout)
    upcoming = [
        m for m in listed if date.fromisoformat(m["held_on"]) > date(2026, 11, 28) and "安食小" in m["body"]
    ]
    return path, min(upcoming, key=lambda m: m["held_on"])["id"]


def test_the_demo_next_meeting_has_replies_and_addresses(demo: tuple[Path, int]) -> None:
    path, meeting = demo
    db = open_database(path)
    try:
        r = meeting_replies.get_replies(db, meeting, with_addresses=True)  # read back
    finally:
        db.close()
    assert 0 < r.unreplied < r.replied, "most members answered, some not yet"
    assert any(i.reply is meeting_replies.Reply.PROXY and i.proxy_name for i in r.invitees)
    codes = {i.postal_code for i in r.invitees if i.has_address}
    assert codes and codes <= {"270-1516", "270-1513", "270-1506"}, "栄町's real postal codes"
    assert all(i.address.startswith("千葉県印旛郡栄町") for i in r.invitees if i.has_address)
    assert any(not i.has_address for i in r.invitees), "someone for the list of the unaddressed"


def test_the_demo_notice_and_labels_print(demo: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting = demo
    notice = run(path, "print", "notice", str(meeting), "--date", "2026-11-20", "-o", str(tmp_path / "n.pdf"))
    assert notice.returncode == 0, notice.stderr
    pages = [p.extract_text() for p in PdfReader(str(tmp_path / "n.pdf")).pages]
    assert all("出　欠　票" in p for p in pages[:-1]) and "住所が登録されていない" in pages[-1]
    assert "住所が登録されていない" in notice.stderr
    assert "令和9年度 役員の改選について" in pages[0] and "資料2 令和9年度 事業計画（案）" in pages[0]
    unreplied = run(
        path,
        "print",
        "notice",
        str(meeting),
        "--people",
        "unreplied",
        "--date",
        "2026-11-20",
        "-o",
        str(tmp_path / "u.pdf"),
    )
    assert unreplied.returncode == 0, unreplied.stderr
    assert len(PdfReader(str(tmp_path / "u.pdf")).pages) < len(pages), "only those who have not answered"
    labels = run(
        path, "print", "labels", "--district", "安食小学校区", "--sheet", "24", "-o", str(tmp_path / "l.pdf")
    )
    assert labels.returncode == 0, labels.stderr
    text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "l.pdf")).pages)
    assert "〒270-1516" in text and "様" in text
