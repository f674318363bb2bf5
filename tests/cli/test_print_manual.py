"""`sakae-council print manual [--edition N] -o FILE.pdf`, run as a real subprocess on the demo database."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakae_council.db.engine import open_database
from sakae_council.services import manual_history


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sakae_council", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("manual_cli") / "demo.db"
    out = run("init", "--demo", db=path)
    assert out.returncode == 0, out.stderr
    return path


def cover_lines(pdf: Path) -> list[str]:
    return PdfReader(str(pdf)).pages[0].extract_text().splitlines()


def test_print_current_text_then_a_published_edition(demo_db: Path, tmp_path: Path) -> None:
    draft = tmp_path / "原稿.pdf"
    out = run("print", "manual", "-o", str(draft), db=demo_db)
    assert out.returncode == 0, out.stderr
    assert str(draft) in out.stdout
    cover = cover_lines(draft)
    assert cover[0] == "協働マニュアル" and "未発行の原稿" in cover
    text = "".join(p.extract_text() for p in PdfReader(str(draft)).pages)
    assert "第7章 個人情報の取り扱い" in text  # the demo database carries the starter manual

    missing = run("print", "manual", "--edition", "1", "-o", str(tmp_path / "none.pdf"), db=demo_db)
    assert missing.returncode == 1
    assert "第1版は発行されていません" in missing.stderr
    assert not (tmp_path / "none.pdf").exists()

    db = open_database(demo_db, user="テスト担当")
    try:
        manual_history.publish_edition(db, "", date(2026, 11, 28))
    finally:
        db.close()
    first = tmp_path / "第1版.pdf"
    out = run("print", "manual", "--edition", "第1版", "-o", str(first), db=demo_db)
    assert out.returncode == 0, out.stderr
    cover = cover_lines(first)
    assert "第1版" in cover and "令和8年11月28日 発行" in cover


def test_edition_must_be_a_number(demo_db: Path, tmp_path: Path) -> None:
    out = run("print", "manual", "--edition", "最新", "-o", str(tmp_path / "x.pdf"), db=demo_db)
    assert out.returncode == 2
    assert "版の番号は数字で指定してください" in out.stderr
