"""``sakae-council print summary``, run as a real subprocess against a real demo file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

DISTRICTS = [
    "安食小学校区",
    "安食台小学校区",
    "酒直小学校区",
    "北辺田小学校区",
    "竜角寺台小学校区",
    "布鎌小学校区",
]


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sakae_council", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def text_of(path: Path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("summary") / "demo.db"
    out = run(path, "init", "--demo")
    assert out.returncode == 0, out.stderr
    return path


def test_fiscal_year_summary(demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "summary.pdf"
    out = run(demo_db, "print", "summary", "--fy", "2026", "--date", "2026-11-28", "-o", str(pdf))
    assert out.returncode == 0, out.stderr
    assert f"PDFを保存しました: {pdf}" in out.stdout
    text = text_of(pdf)
    assert "令和8年度（令和8年4月1日〜令和9年3月31日）" in text
    for name in DISTRICTS:
        assert name in text
    assert "3 地域課題の一覧表（学区×分類）" in text
    assert "平成27年度 23 " in text


def test_the_year_in_wareki_and_the_long_option(demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "r7.pdf"
    out = run(
        demo_db, "print", "summary", "--fiscal-year", "令和7年度", "--date", "2026-11-28", "-o", str(pdf)
    )
    assert out.returncode == 0, out.stderr
    assert "令和7年度（令和7年4月1日〜令和8年3月31日）" in text_of(pdf)


def test_a_period_and_the_default_year(demo_db: Path, tmp_path: Path) -> None:
    half = tmp_path / "half.pdf"
    out = run(
        demo_db,
        "print",
        "summary",
        "--from",
        "2026-04-01",
        "--to",
        "令和8年9月30日",
        "--date",
        "2026-11-28",
        "-o",
        str(half),
    )
    assert out.returncode == 0, out.stderr
    assert "令和8年4月1日〜令和8年9月30日" in text_of(half)
    default = tmp_path / "default.pdf"
    out = run(demo_db, "print", "summary", "--date", "2026-11-28", "-o", str(default))
    assert out.returncode == 0, out.stderr
    assert "令和8年度（令和8年4月1日〜令和9年3月31日）" in text_of(default)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fy", "2026", "--from", "2026-04-01"], "どちらか一方だけ"),
        (["--from", "2026-10-01", "--to", "2026-04-01"], "最終日が初日より前"),
        (["--from", "2026-04-01"], "期間の最終日を入力してください"),
        (["--fy", "来年"], "年度として読み取れません"),
    ],
)
def test_wrong_options_say_what_to_do(demo_db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    pdf = tmp_path / "x.pdf"
    out = run(demo_db, "print", "summary", *args, "-o", str(pdf))
    assert out.returncode == 1
    assert out.stderr.startswith("エラー: ") and message in out.stderr
    assert "Traceback" not in out.stderr
    assert not pdf.exists()


def test_a_plain_init_prints_no_internal_note_and_no_false_zero(tmp_path: Path) -> None:
    """Every installation starts with a plain ``init``: its summary is fit to hand to the chairs as it is."""
    path = tmp_path / "plain.db"
    assert run(path, "init").returncode == 0
    pdf = tmp_path / "plain.pdf"
    out = run(path, "print", "summary", "--fy", "2026", "--date", "2026-11-28", "-o", str(pdf))
    assert out.returncode == 0, out.stderr
    text = text_of(pdf)
    flat = "".join(text.split())
    # the seeded note for whoever enters the figures (「…原本で確認のうえ入力すること。」) is not on paper
    assert "原本で確認" not in flat and "テキスト抽出" not in flat and "備考" not in flat
    # no record of any kind yet: every actual is 未集計, printed 「—」, never 「0 自動集計」
    assert "0 自動集計" not in text
    assert "平成21年度 0 — 未集計" in text and "平成27年度 23 — 未集計" in text
    assert "令和8年度 — 未集計" in text


@pytest.fixture(scope="module")
def crowded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One district with 320 issues raised in 令和8年度: 315 cut from its section, more than the annex's 300."""
    from summary_town import Town

    from sakae_council.db.engine import open_database

    path = tmp_path_factory.mktemp("crowded") / "crowded.db"
    assert run(path, "init").returncode == 0
    db = open_database(path)
    try:
        t = Town(db)
        t.issues(t.district("布鎌小学校区", 9), [f"課題その{n:03d}号" for n in range(320)])
    finally:
        db.close()
    return path


def test_the_annex_is_bounded_unless_the_full_annex_is_asked_for(crowded_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "bounded.pdf"
    out = run(crowded_db, "print", "summary", "--fy", "2026", "--date", "2026-11-28", "-o", str(pdf))
    assert out.returncode == 0, out.stderr
    assert "付録には各一覧の300件までを載せ、15件は省きました（すべて載せるには --full-annex。" in out.stderr
    flat = "".join(text_of(pdf).split())
    assert "ほか15件は載せていません" in flat and "課題その304号" in flat and "課題その305号" not in flat

    full = tmp_path / "full.pdf"
    args = ["print", "summary", "--fy", "2026", "--date", "2026-11-28", "--full-annex", "-o", str(full)]
    out = run(crowded_db, *args)
    assert out.returncode == 0, out.stderr
    assert "注意: 付録に315件をすべて載せます。付録だけで約16ページになり" in out.stderr
    flat = "".join(text_of(full).split())
    assert all(f"課題その{n:03d}号" in flat for n in range(320)) and "載せていません" not in flat
