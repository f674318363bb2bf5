"""``sakae-council import members`` and ``sakae-council export`` as a user runs them (a real process)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sakae_council.db.engine import open_database
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.people import list_people

REPO = Path(__file__).resolve().parents[2]

ROSTER = (
    "令和8年度 安食小学校区 ふれあい推進員名簿,,,,\n"
    "氏名,フリガナ,郵便番号,住所,電話番号\n"
    "山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,２７０－１５１６,栄町安食１２３,０４７６－９５－１１１１\n"
    "佐藤 花子,ｻﾄｳ ﾊﾅｺ,270-1516,=1+1,0476-95-2222\n"
    "鈴木 一郎,スズキ イチロウ,,栄町安食789,電話なし\n"
    "髙橋 次郎,たかはし じろう,2701516,栄町安食1-2-3,090-1234-5678\n"
)


def run(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "SAKAE_COUNCIL_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "sakae_council", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture()
def town(tmp_path: Path) -> Path:
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        create_district(db, DistrictInput(name="安食小学校区"))
    finally:
        db.close()
    return path


def _names(path: Path) -> list[str]:
    db = open_database(path, read_only=True)
    try:
        return sorted(p.name for p in list_people(db))
    finally:
        db.close()


def test_cp932_roster_dry_run_then_skip_invalid(town: Path, tmp_path: Path) -> None:
    roster = tmp_path / "名簿.csv"
    roster.write_bytes(ROSTER.encode("cp932"))

    dry = run("import", "members", str(roster), "--district", "安食", "--dry-run", db=town)
    assert dry.returncode == 1, dry.stderr
    assert "5行目 鈴木 一郎: 電話番号" in dry.stdout
    assert _names(town) == []

    as_json = run("import", "members", str(roster), "--district", "安食", "--dry-run", "--json", db=town)
    report = json.loads(as_json.stdout)
    assert report["encoding"] == "cp932" and report["header_line"] == 2
    counts = {k: report["counts"][k] for k in ("rows", "valid", "imported", "skipped", "lines_read")}
    assert counts == {"rows": 4, "valid": 3, "imported": 0, "skipped": 1, "lines_read": 6}
    broken = [r for r in report["rows"] if r["status"] == "invalid"]
    assert [(r["line"], r["name"], r["issues"][0]["label"]) for r in broken] == [(5, "鈴木 一郎", "電話番号")]

    refused = run("import", "members", str(roster), "--district", "安食", db=town)
    assert refused.returncode == 1 and "1件も取り込んでいません" in refused.stdout
    assert _names(town) == []

    done = run("import", "members", str(roster), "--district", "安食", "--skip-invalid", "--json", db=town)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["counts"]["imported"] == 3 and result["committed"] is True
    assert [r["line"] for r in result["rows"] if r["status"] == "imported"] == [3, 4, 6]
    assert _names(town) == ["佐藤 花子", "山田 太郎", "髙橋 次郎"]

    again = run("import", "members", str(roster), "--district", "安食", "--skip-invalid", "--json", db=town)
    assert json.loads(again.stdout)["counts"]["imported"] == 0, "everyone is now a duplicate"


def test_export_neutralises_and_can_leave_contacts_out(town: Path, tmp_path: Path) -> None:
    roster = tmp_path / "名簿.csv"
    roster.write_bytes(ROSTER.encode("cp932"))
    assert (
        run("import", "members", str(roster), "--district", "安食", "--skip-invalid", db=town).returncode == 0
    )

    out_csv = tmp_path / "members.csv"
    done = run("export", "members", "--format", "csv", "-o", str(out_csv), db=town)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"), newline="")))
    address = rows[0].index("住所")
    assert "'=1+1" in [r[address] for r in rows[1:]]

    out_xlsx = tmp_path / "members.xlsx"
    assert run("export", "members", "--format", "xlsx", "-o", str(out_xlsx), db=town).returncode == 0
    import openpyxl

    ws = openpyxl.load_workbook(out_xlsx).active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "=1+1")
    assert cell.data_type == "s", "Excel opens it as the text =1+1"

    sjis = tmp_path / "配布用.csv"
    done = run(
        "export",
        "members",
        "--encoding",
        "cp932",
        "--no-contacts",
        "--district",
        "安食",
        "-o",
        str(sjis),
        db=town,
    )
    assert done.returncode == 0, done.stderr
    text = sjis.read_bytes().decode("cp932")
    assert "山田 太郎" in text and "0476" not in text and "住所" not in text
