"""``sakae-council accounts list|export``, run as a real subprocess against a small town's books."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from sakae_council.db.engine import open_database
from sakae_council.services import accounts
from sakae_council.services.accounts import EntryInput
from sakae_council.services.districts import DistrictInput, create_district


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sakae_council", "--db", str(db), "accounts", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("accounts") / "t.db"
    db = open_database(path, user="会計")
    try:
        district = create_district(db, DistrictInput(name="安食小学校区")).id
        book = accounts.open_book(db, district, 2026)
        ids = {s.name: s.id for s in accounts.list_subjects(db, district)}
        accounts.add_entry(
            db, book.id, EntryInput(date(2026, 5, 20), ids["町交付金"], "交付金", 300000, 0, "bank", "栄町")
        )
        wrong = accounts.add_entry(
            db, book.id, EntryInput(date(2026, 6, 1), ids["消耗品費"], "コピー用紙", 0, 3300)
        )
        accounts.cancel_entry(db, wrong.id, date(2026, 6, 2), "金額の誤り")
    finally:
        db.close()
    return path


def test_list_json_gives_the_book_balances_and_entries(books: Path) -> None:
    out = run("list", "--district", "安食", "--fiscal-year", "令和8年度", "--json", db=books)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert (data["district"], data["fiscal_year"], data["fiscal_year_label"], data["status"]) == (
        "安食小学校区",
        2026,
        "令和8年度",
        "open",
    )
    assert [(b["account"], b["closing"]) for b in data["balances"]] == [("cash", 0), ("bank", 300000)]
    assert [(e["voucher_no"], e["income"], e["expense"], e["balance"]) for e in data["entries"]] == [
        (1, 300000, 0, 300000),
        (2, 0, 3300, -3300),
        (3, 0, 3300, 0),
    ]
    assert data["entries"][2]["cancels_voucher_no"] == 2


def test_list_plain_shows_the_lines_and_the_count(books: Path) -> None:
    out = run("list", "--district", "安食小学校区", "--fiscal-year", "R8", "--account", "cash", db=books)
    assert out.returncode == 0, out.stderr
    assert "訂正（第2号の取消）コピー用紙\t現金\t支出 △3,300\t残高 0" in out.stdout
    assert out.stdout.strip().endswith("（2件）")


def test_export_csv_and_xlsx(books: Path, tmp_path: Path) -> None:
    target = tmp_path / "出納帳.csv"
    out = run(
        "export",
        "--district",
        "安食",
        "--fiscal-year",
        "2026",
        "--encoding",
        "cp932",
        "-o",
        str(target),
        db=books,
    )
    assert out.returncode == 0, out.stderr
    assert "3行書き出しました" in out.stdout
    text = target.read_bytes().decode("cp932")
    assert text.splitlines()[0].startswith("証憑番号,日付,科目")
    assert "第3号で取消" in text
    book = tmp_path / "出納帳.xlsx"
    assert (
        run(
            "export",
            "--district",
            "安食",
            "--fiscal-year",
            "令和8年度",
            "--format",
            "xlsx",
            "-o",
            str(book),
            db=books,
        ).returncode
        == 0
    )
    with zipfile.ZipFile(book) as z:
        assert "交付金" in z.read("xl/worksheets/sheet1.xml").decode("utf-8")  # inline strings


def test_a_year_without_books_and_a_missing_output_are_clear_errors(books: Path) -> None:
    out = run("list", "--district", "安食", "--fiscal-year", "令和9年度", db=books)
    assert out.returncode == 1 and "令和9年度の会計帳簿はまだありません" in out.stderr
    out = run("export", "--district", "安食", "--fiscal-year", "令和8年度", db=books)
    assert out.returncode == 1 and "-o で指定" in out.stderr
    out = run("list", "--district", "どこにもない", "--fiscal-year", "令和8年度", db=books)
    assert out.returncode == 1 and "エラー" in out.stderr
