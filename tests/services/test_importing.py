"""名簿の取り込み from real files: CP932/UTF-8 CSV and xlsx with title rows, 全角/半角, broken rows, duplicates."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import ValidationError
from sakae_council.services import audit_log, importing
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.people import PersonInput, RosterFilter, create_person, list_members, list_people

ROSTER = (
    "令和8年度 安食小学校区 ふれあい推進員名簿,,,,\n"
    ",,,,\n"
    "氏名,フリガナ,郵便番号,住所,電話番号\n"
    "山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,２７０－１５１６,栄町安食１２３,０４７６－９５－１１１１\n"
    "佐藤 花子,ｻﾄｳ ﾊﾅｺ,270-1516,栄町安食456,0476-95-2222\n"
    "鈴木 一郎,スズキ イチロウ,,栄町安食789,電話なし\n"
    "髙橋 次郎,たかはし じろう,2701516,栄町安食1-2-3,090-1234-5678\n"
)


@pytest.fixture()
def anjiki(db: Database) -> int:
    return create_district(db, DistrictInput(name="安食小学校区")).id


def _write(tmp_path: Path, text: str, encoding: str, name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_cp932_roster_dry_run_names_the_broken_row(db: Database, anjiki: int, tmp_path: Path) -> None:
    path = _write(tmp_path, ROSTER, "cp932")
    report = importing.import_members(db, path, district="安食", dry_run=True)
    assert report.encoding == "cp932" and report.header_line == 3
    assert not report.committed and list_people(db) == []
    assert [(r.line, r.status) for r in report.rows] == [
        (4, "valid"),
        (5, "valid"),
        (6, "invalid"),
        (7, "valid"),
    ]
    broken = report.rejected[0]
    assert broken.name == "鈴木 一郎" and broken.issues[0].label == "電話番号"
    assert "電話番号の形式が正しくありません" in broken.issues[0].message
    data = json.loads(report.to_json())
    assert data["counts"] == {
        "rows": 4,
        "valid": 3,
        "imported": 0,
        "skipped": 1,
        "lines_read": 7,
        "lines_imported": 0,
        "lines_valid": 3,
        "lines_refused": 1,
        "lines_blank": 1,
        "lines_title": 2,
    }
    assert data["rows"][2]["line"] == 6


def test_cp932_roster_with_skip_invalid_imports_exactly_the_valid_rows(
    db: Database, anjiki: int, tmp_path: Path
) -> None:
    path = _write(tmp_path, ROSTER, "cp932")
    report = importing.import_members(db, path, district="安食小学校区", skip_invalid=True)
    assert report.committed and report.imported == 3
    if db.is_sqlite:  # a server is backed up by pg_dump (README), not by the program
        assert report.backup is not None and Path(report.backup).exists(), "a backup just before the import"
    else:
        assert report.backup is None
    members = {p.name: p for p in list_members(db, RosterFilter(district_id=anjiki))}
    assert set(members) == {"山田 太郎", "佐藤 花子", "髙橋 次郎"}
    yamada = members["山田 太郎"]
    assert yamada.furigana == "ヤマダ タロウ", "半角カナ → 全角"
    assert yamada.phone == "0476-95-1111" and yamada.postal_code == "270-1516", "全角数字 → 半角"
    assert yamada.address == "栄町安食123"
    assert members["髙橋 次郎"].furigana == "タカハシ ジロウ"
    assert all(m.memberships[0].role is MemberRole.SUISHIN for m in members.values())
    assert [e.action for e in audit_log.list_entries(db, audit_log.AuditFilter(action="import"))] == [
        "import"
    ]


def test_all_or_nothing_by_default(db: Database, anjiki: int, tmp_path: Path) -> None:
    path = _write(tmp_path, ROSTER, "cp932")
    report = importing.import_members(db, path, district="安食")
    assert not report.committed and report.imported == 0
    assert list_people(db) == []
    assert any("1件も取り込んでいません" in n for n in report.notes)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_and_without_bom(db: Database, anjiki: int, tmp_path: Path, encoding: str) -> None:
    text = "氏名,フリガナ,電話\n山田 太郎,ヤマダ タロウ,0476-95-1111\n"
    report = importing.import_members(db, _write(tmp_path, text, encoding), district="安食")
    assert report.committed and report.imported == 1
    assert report.encoding == encoding


def test_split_names_and_columns_with_district_and_role(db: Database, anjiki: int, tmp_path: Path) -> None:
    create_district(db, DistrictInput(name="酒直小学校区"))
    text = (
        "姓\t名\tセイ\tメイ\t学区\t役割\t公職名\t任期開始\t任期終了\n"
        "田中\t一\tタナカ\tハジメ\t酒直\t町からの公職\t民生委員・児童委員\t令和8年4月1日\t2028/3/31\n"
        "中村\t二\tナカムラ\tフタ\t安食\tふれあい推進員\t\t\t\n"
        "小林\t三\tコバヤシ\tミツ\t存在しない\tふれあい推進員\t\t\t\n"
        "加藤\t四\tカトウ\tヨン\t安食\t会長さん\t\t\t\n"
    )
    report = importing.import_members(db, _write(tmp_path, text, "utf-8", "roster.tsv"), skip_invalid=True)
    assert report.imported == 2
    assert [r.issues[0].label for r in report.rejected] == ["学区", "役割"]
    tanaka = next(p for p in list_people(db) if p.name == "田中 一")
    m = tanaka.memberships[0]
    assert m.district_name == "酒直小学校区" and m.role is MemberRole.PUBLIC_POST
    assert m.public_post == "民生委員・児童委員"
    assert (m.term_start, m.term_end) == (date(2026, 4, 1), date(2028, 3, 31))


def test_duplicates_against_the_roster_and_within_the_file(db: Database, anjiki: int, tmp_path: Path) -> None:
    existing = create_person(db, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))
    text = "氏名,フリガナ\n山田　太郎,ﾔﾏﾀﾞ ﾀﾛｳ\n佐藤 花子,サトウ ハナコ\n佐藤 花子,サトウ ハナコ\n"
    report = importing.import_members(db, _write(tmp_path, text, "utf-8"), district="安食", skip_invalid=True)
    assert [r.status for r in report.rows] == ["duplicate", "imported", "duplicate"]
    assert report.rows[0].duplicate_of == (existing.id,)
    assert sorted(p.name for p in list_people(db)) == ["佐藤 花子", "山田 太郎"]


def test_xlsx_with_title_rows(db: Database, anjiki: int, tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["安食小学校区 推進員名簿"])
    ws.append(["令和8年4月1日現在"])
    ws.append([])
    ws.append(["No.", "氏名", "ふりがな", "電話番号", "任期開始"])
    ws.append([1, "山田 太郎", "やまだ たろう", "0476-95-1111", date(2026, 4, 1)])
    ws.append([2, "佐藤 花子", "さとう はなこ", "", None])
    path = tmp_path / "名簿.xlsx"
    book.save(path)
    report = importing.import_members(db, path, district="安食", skip_invalid=True)
    assert report.sheet == ws.title and report.header_line == 4
    assert [c[2] for c in report.columns] == ["name", "furigana", "phone", "term_start"]
    assert report.imported == 2
    yamada = next(p for p in list_people(db) if p.name == "山田 太郎")
    assert yamada.furigana == "ヤマダ タロウ" and yamada.memberships[0].term_start == date(2026, 4, 1)


def test_user_mapping_overrides_the_guess(db: Database, anjiki: int, tmp_path: Path) -> None:
    text = "お名前,よみ,TEL\n山田 太郎,ヤマダ タロウ,0476-95-1111\n"
    path = _write(tmp_path, text, "utf-8")
    report = importing.import_members(
        db, path, district="安食", mapping={0: "name", 1: "furigana", 2: "phone"}
    )
    assert report.imported == 1
    assert list_people(db)[0].furigana == "ヤマダ タロウ"


def test_files_that_cannot_be_imported_get_clear_errors(db: Database, anjiki: int, tmp_path: Path) -> None:
    no_header = _write(tmp_path, "a,b\n1,2\n", "utf-8", "x.csv")
    with pytest.raises(ValidationError, match="見出しの行が見つかりません"):
        importing.import_members(db, no_header, district="安食")
    with pytest.raises(ValidationError, match="学区「どこか」が見つかりません"):
        importing.import_members(db, _write(tmp_path, ROSTER, "cp932"), district="どこか")
    binary = tmp_path / "bad.csv"
    binary.write_bytes(bytes(range(128, 256)) * 4)
    with pytest.raises(ValidationError, match="文字コードを判別できません"):
        importing.import_members(db, binary, district="安食")
    old_excel = tmp_path / "old.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(ValidationError, match=".xls"):
        importing.import_members(db, old_excel, district="安食")
    assert list_people(db) == []


_cell = st.text(
    alphabet=st.sampled_from(list('山田花子太郎ヤマダﾀﾛｳやまだ０１２３0123-－ ,"=+@\t\n髙𠮷a@b.jp〒')),
    max_size=14,
)


def _mostly(*good: str) -> st.SearchStrategy[str]:
    # Usually a realistic value (so that whole files do import), sometimes anything at all.
    return st.one_of(*[st.sampled_from(good)] * 5, _cell)


_row = st.tuples(
    _mostly("山田 太郎", "髙橋　一", "𠮷田 花子", "ﾔﾏﾀﾞ"),
    _mostly("ヤマダ タロウ", "ﾀｶﾊｼ ﾊｼﾞﾒ", "よしだ はなこ", ""),
    _mostly("", "0476-95-1111", "０４７６－９５－２２２２", "090-1234-5678"),
    _mostly("", "taro@example.jp", "ＨＡＮＡ＠ｅｘａｍｐｌｅ．ｊｐ"),
)


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(_row, min_size=1, max_size=5), skip=st.booleans())
def test_any_roster_ends_in_clean_records_or_clear_errors(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, ...]], skip: bool
) -> None:
    import csv as csv_module
    import io

    from sakae_council.db.engine import open_database

    folder = tmp_path_factory.mktemp("prop")
    db = open_database(folder / "town.db")  # a fresh roster for every example
    try:
        create_district(db, DistrictInput(name="安食小学校区"))
        buffer = io.StringIO()
        writer = csv_module.writer(buffer)
        writer.writerow(["氏名", "フリガナ", "電話番号", "メール"])
        writer.writerows(rows)
        path = folder / "roster.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        try:
            report = importing.import_members(db, path, district="安食", skip_invalid=skip)
        except ValidationError as exc:
            event("file refused")
            assert exc.message  # a clear error, and nothing written
            assert list_people(db) == []
            return
        added = {p.id: p for p in list_people(db)}
        event("committed" if report.committed else "refused")
        if report.committed:
            assert set(added) == {r.person_id for r in report.rows if r.status == "imported"}
            assert skip or not report.rejected
        else:
            assert added == {}, "never a half-write"
        for r in report.rejected:
            assert r.issues and all(i.message for i in r.issues)
        for p in added.values():
            assert p.name and p.name == p.name.strip() and p.memberships
    finally:
        db.close()
