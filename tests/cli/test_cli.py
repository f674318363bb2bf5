"""The command line, run as a real subprocess against real files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sakae_council import __version__
from sakae_council.domain.text import kana_sort_key


def run(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sakae_council"]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "t.db"
    out = run("init", "--demo", db=path)
    assert out.returncode == 0, out.stderr
    return path


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0
    assert __version__ in out.stdout


def test_list_districts_json(demo_db: Path) -> None:
    out = run("list", "districts", "--json", db=demo_db)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [r["name"] for r in rows] == [
        "安食小学校区",
        "安食台小学校区",
        "酒直小学校区",
        "北辺田小学校区",
        "竜角寺台小学校区",
        "布鎌小学校区",
    ]
    assert all(isinstance(r["id"], int) for r in rows)
    assert {r["council_status"] for r in rows} == {"準備中", "設立済"}


def test_list_members_json(demo_db: Path) -> None:
    out = run("list", "members", "--json", db=demo_db)
    rows = json.loads(out.stdout)
    assert len(rows) >= 6 * 15
    assert all(r["furigana"] for r in rows)
    roles = {m["role"] for r in rows for m in r["memberships"]}
    assert {"ふれあい推進員", "町からの公職", "地区担当職員"} <= roles
    names = "".join(r["name"] for r in rows)
    assert any(ch in names for ch in "髙﨑𠮷"), "demo data should exercise 異体字"
    keys = [kana_sort_key(r["furigana"]) for r in rows]
    assert keys == sorted(keys), "members are listed in 五十音順 by フリガナ"


def test_list_members_of_one_district(demo_db: Path) -> None:
    out = run("list", "members", "--district", "安食", "--json", db=demo_db)
    rows = json.loads(out.stdout)
    assert 15 <= len(rows) <= 40
    assert all("安食小学校区" in r["districts"] for r in rows)


def test_unknown_district_is_a_clear_error(demo_db: Path) -> None:
    out = run("list", "members", "--district", "存在しない学区", db=demo_db)
    assert out.returncode == 1
    assert "見つかりません" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize("what", ["issues", "projects", "meetings"])
def test_list_other_areas(demo_db: Path, what: str) -> None:
    out = run("list", what, "--json", db=demo_db)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows and all(isinstance(r["id"], int) for r in rows)


def test_check_ok(demo_db: Path) -> None:
    out = run("check", db=demo_db)
    assert out.returncode == 0, out.stderr


def test_check_garbage_pages(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "broken.db"
    data = bytearray(demo_db.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 40), page):
        data[offset : offset + page] = bytes((i * 7 + 13) % 256 for i in range(page))
    copy.write_bytes(bytes(data))
    out = run("check", db=copy)
    assert out.returncode != 0
    assert "問題" in out.stderr
    assert "Traceback" not in out.stderr


def test_check_newer_revision(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "newer.db"
    copy.write_bytes(demo_db.read_bytes())
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE alembic_version SET version_num='9999zz'")
    conn.commit()
    conn.close()
    out = run("check", db=copy)
    assert out.returncode != 0
    assert "新しい版" in out.stderr


def test_init_demo_twice_is_refused(demo_db: Path) -> None:
    out = run("init", "--demo", db=demo_db)
    assert out.returncode == 1
    assert "すでにデータ" in out.stderr


def test_demo_is_deterministic(demo_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "again.db"
    assert run("init", "--demo", db=other).returncode == 0
    a = json.loads(run("list", "members", "--json", db=demo_db).stdout)
    b = json.loads(run("list", "members", "--json", db=other).stdout)
    assert a == b


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--db", "町.db"],
        ["--db=町.db"],
        ["--db", "a.db", "--quit-after", "data"],
        ["--quit-after=ready", "--db", "x.db"],
        ["--read-only", "--db", "x.db"],
        ["--db", "a.db", "--db", "b.db"],
        ["--db="],
    ],
)
def test_a_plain_window_start_is_read_as_argparse_reads_it(words: list[str]) -> None:
    from sakae_council.cli.main import build_parser
    from sakae_council.cli.window_start import window_start

    quick = window_start(words)
    full = build_parser(None, words).parse_args(words)
    assert quick is not None
    assert vars(quick) == {k: getattr(full, k) for k in ("command", "db", "quit_after", "read_only")}


@pytest.mark.parametrize(
    "words",
    [
        ["--db"],
        ["--quit-after", "soon"],
        ["--quit", "data"],
        ["--help"],
        ["--version"],
        ["--read-only=yes"],
        ["--db", "-x"],
        ["list", "districts"],
        ["--db", "a.db", "print", "roster"],
    ],
)
def test_anything_else_goes_to_argparse(words: list[str]) -> None:
    from sakae_council.cli.window_start import window_start

    assert window_start(words) is None
