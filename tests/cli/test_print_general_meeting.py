"""`sakae-council print general-meeting|commission|handover`, run as real subprocesses on the demo town."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sakae_council", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gm_cli") / "demo.db"
    out = run("init", "--demo", db=path)
    assert out.returncode == 0, out.stderr
    return path


def text_of(pdf: Path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(pdf)).pages))


def test_general_meeting_pack(demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "総会.pdf"
    out = run(
        "print", "general-meeting", "--district", "安食", "--fiscal-year", "令和8年度", "--date", "2026-11-28",
        "-o", str(pdf), db=demo_db,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    text = text_of(pdf)
    for part in (
        "第1号議案",
        "第2号議案",
        "第3号議案",
        "第4号議案",
        "第5号議案",
        "会則",
        "書面表決書",
        "委任状",
    ):
        assert part in text
    assert "令和8年度事業報告" in text and "令和9年度事業計画（案）" in text


def test_commission_letters_with_thanks_and_by_the_town(demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "委嘱状.pdf"
    out = run(
        "print",
        "commission",
        "--district",
        "安食小学校区",
        "--date",
        "2026-04-01",
        "--thanks",
        "-o",
        str(pdf),
        db=demo_db,
    )
    assert out.returncode == 0, out.stderr
    text = text_of(pdf)
    assert (
        text.count("あなたを安食小学校区地域まちづくり協議会の") == 2
        and text.count("退任にあたり") == 1
        and "令和8年4月1日" in text
    )
    town = tmp_path / "町長.pdf"
    out = run(
        "print",
        "commission",
        "--district",
        "安食",
        "--date",
        "2026-04-01",
        "--issuer",
        "town",
        "-o",
        str(town),
        db=demo_db,
    )
    assert out.returncode == 0, out.stderr
    assert "栄町長" in text_of(town) and "感謝状" not in text_of(town)
    none = tmp_path / "none.pdf"
    out = run(
        "print", "commission", "--district", "安食", "--date", "2026-05-01", "-o", str(none), db=demo_db
    )
    assert out.returncode == 0
    assert "始まる任期の委嘱はありません" in out.stderr


def test_handover_pack_and_an_unknown_district(demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "引継ぎ.pdf"
    out = run("print", "handover", "--district", "布鎌", "--date", "2026-11-28", "-o", str(pdf), db=demo_db)
    assert out.returncode == 0, out.stderr
    text = text_of(pdf)
    assert "引継ぎ資料（取扱注意）" in text and "布鎌小学校区" in text and "未完了の宿題" in text
    missing = run(
        "print", "handover", "--district", "どこにもない", "-o", str(tmp_path / "x.pdf"), db=demo_db
    )
    assert missing.returncode == 1
    assert "学区" in missing.stderr and not (tmp_path / "x.pdf").exists()
