"""Hostile input at every command-line entry point: malformed CSV quoting, UTF-16, NUL, a huge declared
xlsx, 200,000 rows, folders and missing paths as arguments, unreadable files, control characters.

Each must end in a Japanese message and exit code 1 (never a traceback), and leave the data file
byte-identical when nothing was to change. Most cases call ``cli.main`` in this process (quick); the
reproductions of issue 17 and the memory bound run as real processes.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sakae_council import cli
from sakae_council.db.engine import open_database
from sakae_council.domain.enums import MemberRole
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.people import MembershipInput, PersonInput, create_person, list_people

REPO = Path(__file__).resolve().parents[2]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")

QUOTE_LEFT_OPEN = (
    '氏名,フリガナ\r\n山田 一郎,ヤマダ イチロウ\r\n佐藤 二郎,"サトウ ジロウ\r\n'
    "鈴木 三郎,スズキ サブロウ\r\n鈴木 四郎,スズキ シロウ\r\n"
)


@pytest.fixture(scope="module")
def rows_200k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "200k.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["氏名", "フリガナ"])
        w.writerows([f"栄{i:06d} 太郎", "サカエ タロウ"] for i in range(200_000))
    return path


def main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def refused(result: tuple[int, str, str], *expected: str) -> None:
    code, out, err = result
    assert code == 1, (out, err)
    assert "Traceback" not in err and "Traceback" not in out
    assert JAPANESE.search(err), err
    for text in expected:
        assert text in err, err


def run(*args: str, db: Path, limit_mb: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    code = "import sys; from sakae_council.cli import main; sys.exit(main(sys.argv[1:]))"
    if limit_mb is not None:  # the address space of the whole process, interpreter included
        code = (
            f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({limit_mb << 20}, {limit_mb << 20})); "
            + code
        )
    return subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def names(path: Path) -> list[str]:
    db = open_database(path, read_only=True)
    try:
        return sorted(p.name for p in list_people(db))
    finally:
        db.close()


@pytest.fixture()
def unreadable(tmp_path: Path) -> Iterator[Path]:
    """A file that exists but cannot be read: mode 000 for a user, /proc/self/mem (EIO) for root."""
    if os.geteuid() == 0:
        yield Path("/proc/self/mem")
        return
    path = tmp_path / "secret.csv"
    path.write_text("氏名,フリガナ\n", encoding="utf-8")
    path.chmod(0)
    yield path
    path.chmod(0o600)


# --- import members -----------------------------------------------------------------------------


def test_quote_left_open_stops_the_import_naming_its_lines(town: Path, tmp_path: Path) -> None:
    q = tmp_path / "q.csv"
    q.write_text(QUOTE_LEFT_OPEN, encoding="utf-8", newline="")
    before = town.read_bytes()
    out = run("import", "members", str(q), "--district", "安食", db=town)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "3〜5行目 佐藤 二郎" in out.stdout and "引用符" in out.stdout
    assert "1件も取り込んでいません" in out.stdout
    assert town.read_bytes() == before


def test_quote_left_open_with_skip_invalid_names_the_swallowed_lines(town: Path, tmp_path: Path) -> None:
    """Issue 17's reproduction: no longer 「1人を取り込みました。取り込まなかった行: 1」 with two people lost unsaid."""
    q = tmp_path / "q.csv"
    q.write_text(QUOTE_LEFT_OPEN, encoding="utf-8", newline="")
    out = run("import", "members", str(q), "--district", "安食", "--skip-invalid", db=town)
    assert out.returncode == 0, out.stderr
    assert (
        '3〜5行目 佐藤 二郎: 行 — 3行目の「"」（引用符）が閉じられていないため、3〜5行目の3行' in out.stdout
    )
    assert "読んだ行 5: 取り込んだ行 1、取り込まなかった行 3、空行 0、見出し・表題 1" in out.stdout
    assert names(town) == ["制御 文字", "山田 一郎"]


def test_a_stray_quote_in_the_middle_refuses_only_its_own_lines(town: Path, tmp_path: Path, capsys) -> None:
    q = tmp_path / "q.csv"
    q.write_text(
        '氏名,フリガナ\n\n"山田\n一郎",ヤマダ イチロウ\n佐藤 二郎,"サトウ"ジロウ\n鈴木 三郎,スズキ サブロウ\n',
        encoding="utf-8",
    )
    code, out, err = main(
        capsys, "--db", str(town), "import", "members", str(q), "--district", "安食", "--skip-invalid"
    )
    assert code == 0, err
    assert '5行目 佐藤 二郎: 行 — 5行目の「"」（引用符）の使い方が正しくないため' in out
    # A cell really quoted over a line end is one row of two lines.
    assert "読んだ行 6: 取り込んだ行 3、取り込まなかった行 1、空行 1、見出し・表題 1" in out
    assert len(names(town)) == 3 and "鈴木 三郎" in names(town) and "佐藤 二郎" not in names(town)


def test_utf16_unicode_text_from_excel_is_read(town: Path, tmp_path: Path, capsys) -> None:
    f = tmp_path / "unicode.txt"
    f.write_bytes(
        "氏名\tフリガナ\r\n山田 一郎\tヤマダ イチロウ\r\n髙橋 二郎\tタカハシ ジロウ\r\n".encode("utf-16")
    )
    assert f.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    code, out, err = main(capsys, "--db", str(town), "import", "members", str(f), "--district", "安食")
    assert code == 0, err
    assert names(town) == ["制御 文字", "山田 一郎", "髙橋 二郎"]


def test_nul_in_a_name_is_refused_naming_the_line(town: Path, tmp_path: Path, capsys) -> None:
    f = tmp_path / "nul.csv"
    f.write_bytes("氏名,フリガナ\n山田 一郎,ヤマダ イチロウ\n佐藤\x00二郎,サトウ ジロウ\n".encode())
    before = town.read_bytes()
    code, out, err = main(capsys, "--db", str(town), "import", "members", str(f), "--district", "安食")
    assert code == 1 and "Traceback" not in err
    assert "3行目 佐藤二郎: 行 — 氏名に見えない制御文字（NUL）が入っています" in out
    assert town.read_bytes() == before


def test_200k_rows_stop_at_the_limit_within_300mb(town: Path, rows_200k: Path) -> None:
    before = town.read_bytes()
    out = run("import", "members", str(rows_200k), "--district", "安食", db=town, limit_mb=300)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert "行が多すぎます（100,000行まで取り込めます）" in out.stderr
    assert town.read_bytes() == before


def test_a_far_away_cell_in_a_5kb_workbook_is_refused_within_300mb(town: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["氏名", "フリガナ"])
    ws.append(["山田 一郎", "ヤマダ イチロウ"])
    ws["XFD1048576"] = "x"
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert path.stat().st_size < 10_000
    before = town.read_bytes()
    out = run("import", "members", str(path), "--district", "安食", "--dry-run", db=town, limit_mb=300)
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr and "MemoryError" not in out.stderr
    assert "1048576行目の列が多すぎます（200列まで）" in out.stderr
    assert town.read_bytes() == before


def test_a_declared_huge_dimension_alone_is_not_trusted(town: Path, tmp_path: Path, capsys) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["氏名", "フリガナ"])
    ws.append(["山田 一郎", "ヤマダ イチロウ"])
    path = tmp_path / "declared.xlsx"
    book.save(path)
    import zipfile

    patched = tmp_path / "declared-huge.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
            dst.writestr(item, data)
    code, out, err = main(capsys, "--db", str(town), "import", "members", str(patched), "--district", "安食")
    assert code == 0, err
    assert "読んだ行 2: 取り込んだ行 1、取り込まなかった行 0、空行 0、見出し・表題 1" in out
    assert names(town) == ["制御 文字", "山田 一郎"]


def test_the_terminal_shows_at_most_50_problems_and_json_all(town: Path, tmp_path: Path, capsys) -> None:
    f = tmp_path / "many.csv"
    f.write_text("氏名,フリガナ\n" + "".join(f"名{i},Latin\n" for i in range(80)), encoding="utf-8")
    code, out, err = main(
        capsys, "--db", str(town), "import", "members", str(f), "--district", "安食", "--dry-run"
    )
    assert code == 1
    assert out.count("フリガナはカタカナかひらがなで") == 50
    assert "ほかに 30 件の問題があります" in out
    code, out, err = main(
        capsys, "--db", str(town), "import", "members", str(f), "--district", "安食", "--dry-run", "--json"
    )
    assert out.count("フリガナはカタカナかひらがなで") == 80


@pytest.mark.parametrize("kind", ["folder", "missing", "unreadable"])
def test_import_of_what_is_not_a_readable_file(
    kind: str, town: Path, tmp_path: Path, unreadable: Path, capsys
) -> None:
    target = {"folder": tmp_path, "missing": tmp_path / "nothing.csv", "unreadable": unreadable}[kind]
    before = town.read_bytes()
    refused(main(capsys, "--db", str(town), "import", "members", str(target), "--district", "安食"))
    assert town.read_bytes() == before


# --- --db naming a folder or nothing ----------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["list", "districts"],
        ["init"],
        ["export", "members", "-o", "OUT/x.csv"],
        ["print", "roster", "-o", "OUT/x.pdf"],
        ["import", "members", "IN", "--district", "安食"],
        ["backup"],
        ["restore", "IN"],
        ["transfer", "--to", "OUT/copy.db"],
    ],
)
def test_db_naming_a_folder(command: list[str], tmp_path: Path, capsys) -> None:
    src = tmp_path / "in.csv"
    src.write_text("氏名,フリガナ\n山田 一郎,ヤマダ イチロウ\n", encoding="utf-8")
    words = [w.replace("OUT", str(tmp_path)).replace("IN", str(src)) for w in command]
    refused(main(capsys, "--db", str(tmp_path), *words), "フォルダ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


@pytest.mark.parametrize("command", [["list", "districts"], ["export", "members", "-o", "x.csv"], ["check"]])
def test_db_naming_a_missing_file(command: list[str], tmp_path: Path, capsys) -> None:
    words = [w.replace("x.csv", str(tmp_path / "x.csv")) for w in command]
    refused(main(capsys, "--db", str(tmp_path / "none.db"), *words), "見つかりません")
    assert list(tmp_path.iterdir()) == []


# --- -o into a missing folder or onto a folder ----------------------------------------------------

OUTPUTS = [
    ["export", "members"],
    ["export", "organisations", "--format", "xlsx"],
    ["export", "issues"],
    ["export", "projects"],
    ["export", "meetings"],
    ["print", "roster"],
    ["print", "summary"],
    ["print", "manual"],
    ["print", "agenda", "1"],
    ["print", "loan-slip", "--loan", "1"],
]


@pytest.mark.parametrize("command", OUTPUTS, ids=lambda c: "-".join(c[:2]))
@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_output_into_a_missing_folder_or_onto_a_folder(
    command: list[str], where: str, town: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "nowhere" / "x.out" if where == "missing-folder" else tmp_path
    before = town.read_bytes()
    code, stdout, err = main(capsys, "--db", str(town), *command, "-o", str(out))
    assert code == 1 and "Traceback" not in err
    assert JAPANESE.search(err)
    if command[1] in ("roster", "summary", "manual") or command[0] == "export":  # these reach the file
        assert (
            ("フォルダ「" in err and "がありません" in err)
            if where == "missing-folder"
            else "はフォルダです" in err
        )
    assert town.read_bytes() == before
    assert not (tmp_path / "nowhere").exists()


def test_papers_and_exports_are_owner_only_and_leave_no_partial_file(
    town: Path, tmp_path: Path, capsys
) -> None:
    for command, name in (
        (["print", "roster"], "r.pdf"),
        (["export", "members", "--format", "xlsx"], "m.xlsx"),
    ):
        target = tmp_path / name
        target.write_bytes(b"old")
        target.chmod(0o644)
        code, _out, err = main(capsys, "--db", str(town), *command, "-o", str(target))
        assert code == 0, err
        assert target.stat().st_mode & 0o777 == 0o600
        assert target.read_bytes() != b"old"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("town.db")) == [
        "m.xlsx",
        "r.pdf",
    ]


def test_xlsx_export_of_control_characters_leaves_them_out_and_says_so(
    town: Path, tmp_path: Path, capsys
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "m.xlsx"
    code, out, err = main(
        capsys, "--db", str(town), "export", "members", "--format", "xlsx", "-o", str(target)
    )
    assert code == 0, err
    assert "制御文字を含むセルが1個あった" in err
    cells = [c for row in load_workbook(target).active.iter_rows(values_only=True) for c in row]
    assert "ベルのあと" in cells


def test_cp932_export_names_the_line_of_the_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "kichi.db"
    db = open_database(path)
    try:
        d = create_district(db, DistrictInput(name="安食小学校区"))
        for name, kana in (("安藤 一", "アンドウ ハジメ"), ("𠮷田 二郎", "ヨシダ ジロウ")):
            create_person(
                db,
                PersonInput(
                    name=name,
                    furigana=kana,
                    memberships=(MembershipInput(district_id=d.id, role=MemberRole.SUISHIN),),
                ),
            )
    finally:
        db.close()
    refused(
        main(
            capsys,
            "--db",
            str(path),
            "export",
            "members",
            "--encoding",
            "cp932",
            "-o",
            str(tmp_path / "x.csv"),
        ),
        "3行目に、Shift_JIS（CP932）では書けない文字「𠮷」",  # header line 1, 安藤 line 2, 𠮷田 line 3
    )


# --- restore, transfer, backup with odd paths ------------------------------------------------------


@pytest.mark.parametrize("kind", ["folder", "missing", "unreadable", "not-a-backup"])
def test_restore_of_what_is_not_a_backup(
    kind: str, town: Path, tmp_path: Path, unreadable: Path, capsys
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    target = {
        "folder": tmp_path,
        "missing": tmp_path / "none.db",
        "unreadable": unreadable,
        "not-a-backup": junk,
    }[kind]
    before = town.read_bytes()
    refused(main(capsys, "--db", str(town), "restore", str(target)))
    assert town.read_bytes() == before


@pytest.mark.parametrize("kind", ["folder", "missing-folder"])
def test_transfer_and_backup_to_odd_places(kind: str, town: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "sub" if kind == "folder" else tmp_path / "nowhere" / "copy.db"
    if kind == "folder":
        target.mkdir()
    before = town.read_bytes()
    if kind == "folder":
        refused(main(capsys, "--db", str(town), "transfer", "--to", str(target)), "フォルダ")
    refused(main(capsys, "--db", str(town), "backup", "-o", str(target)))
    assert town.read_bytes() == before


# --- servers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://nosuch@/db?host=/var/run/postgresql",
        "postgresql+psycopg://nosuch@127.0.0.1:1/db",
    ],
)
@pytest.mark.parametrize("command", [["list", "districts"], ["check"]])
def test_a_server_that_is_not_there_is_named_as_such(url: str, command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-m", "sakae_council", "--db", url, *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "に接続できません" in out.stderr
    assert "壊れ" not in out.stderr and "バックアップ" not in out.stderr


PG_URL = os.environ.get("SAKAE_TEST_PG_URL", "")


@pytest.mark.skipif(not PG_URL, reason="SAKAE_TEST_PG_URL names no test server")
def test_a_refused_login_and_a_missing_database_are_named(capsys) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(PG_URL)
    refused(
        main(capsys, "--db", url.set(username="nosuch_user").render_as_string(False), "list", "districts"),
        "ログインが拒否されました",
    )
    code, _out, err = main(capsys, "--db", url.set(database="no_such_db").render_as_string(False), "check")
    assert code == 1 and "データベース「no_such_db」がありません" in err
    assert "壊れ" not in err and "バックアップ" not in err
