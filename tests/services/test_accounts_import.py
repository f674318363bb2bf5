"""Bank statement import: a CP932 file with title rows becomes proposed 預金 entries; confirming enters
them, remembers the columns, and a second import of the same file proposes nothing new; a broken file
ends in a Japanese message that says what to do."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from sakae_council.domain.errors import ValidationError
from sakae_council.services import accounts
from sakae_council.services.districts import DistrictInput, create_district

STATEMENT = """普通預金　入出金明細
口座番号,1234567,安食地域まちづくり協議会
取引日,摘要,お支払金額,お預り金額,残高
2026/04/01,前月繰越,,,"150,000"
2026/04/10,栄町交付金,,"300,000","450,000"
2026/04/15,ｶ)ｻｶｴｲﾝｻﾂ,"12,800",,"437,200"
R8.5.1,振込手数料,440,,"436,760"
2025/03/31,前年度の明細,100,,"436,660"
2026/05/02,不明な行,abc,,
"""


@pytest.fixture()
def book(db):
    district = create_district(db, DistrictInput(name="安食", display_order=1)).id
    return accounts.open_book(db, district, 2026)


def write(tmp_path: Path, text: str, encoding: str = "cp932") -> Path:
    path = tmp_path / "meisai.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_cp932_statement_becomes_proposals_then_entries(db, book, tmp_path) -> None:
    preview = accounts.read_bank_statement(db, book.id, write(tmp_path, STATEMENT))
    assert preview.encoding == "cp932"
    assert preview.mapping.header_row == 2 and preview.header[0] == "取引日"
    got = [(p.entry_date, p.description, p.income, p.expense) for p in preview.proposals]
    assert got == [
        (date(2026, 4, 1), "前月繰越", 0, 0),
        (date(2026, 4, 10), "栄町交付金", 300000, 0),
        (date(2026, 4, 15), "カ)サカエインサツ", 0, 12800),
        (date(2026, 5, 1), "振込手数料", 0, 440),
    ]
    problems = " ".join(p.message for p in preview.problems)
    assert "令和7年3月31日" in problems and "年度の外" in problems
    assert "9行目を読めません" in problems

    subjects = {s.name: s.id for s in accounts.list_subjects(db, book.district_id)}
    chosen = {"栄町交付金": "町交付金", "カ)サカエインサツ": "印刷製本費", "振込手数料": "通信運搬費"}
    confirmed = [
        replace(p, subject_id=subjects[chosen[p.description]])
        for p in preview.proposals
        if p.description in chosen
    ]
    made = accounts.confirm_import(db, book.id, confirmed, preview.mapping)
    assert [(e.voucher_no, e.account.value, e.balance) for e in made] == [
        (1, "bank", 300000),
        (2, "bank", 287200),
        (3, "bank", 286760),
    ]
    assert accounts.saved_mapping(db, book.district_id) == preview.mapping

    again = accounts.read_bank_statement(db, book.id, write(tmp_path, STATEMENT))
    assert [p.duplicate for p in again.proposals] == [False, True, True, True]
    # the 科目 chosen last time is offered for the same 摘要
    assert again.proposals[1].subject_id == subjects["町交付金"]
    assert accounts.confirm_import(db, book.id, again.proposals[1:], again.mapping) == []
    assert len(accounts.list_entries(db, book.id)) == 3


def test_a_utf8_statement_reads_the_same(db, book, tmp_path) -> None:
    preview = accounts.read_bank_statement(db, book.id, write(tmp_path, STATEMENT, "utf-8"))
    assert preview.encoding == "utf-8" and len(preview.proposals) == 4


def test_a_proposal_without_a_subject_is_named_by_its_line(db, book, tmp_path) -> None:
    preview = accounts.read_bank_statement(db, book.id, write(tmp_path, STATEMENT))
    with pytest.raises(ValidationError, match="5行目（栄町交付金）の科目を選んでください"):
        accounts.confirm_import(db, book.id, preview.proposals[1:2], preview.mapping)
    assert accounts.list_entries(db, book.id) == []


def test_a_file_without_the_headings_says_what_to_do(db, book, tmp_path) -> None:
    path = write(tmp_path, "名前,住所\n栄 太郎,安食1-1\n")
    with pytest.raises(ValidationError, match="明細の見出し.*見つかりません.*列の割り当て"):
        accounts.read_bank_statement(db, book.id, path)


def test_a_broken_file_ends_in_a_japanese_message(db, book, tmp_path) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(b"\x81\xff\xfe\x00\x9f\x80" * 50)
    with pytest.raises(ValidationError, match="文字コードを判別できません"):
        accounts.read_bank_statement(db, book.id, path)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match="明細の行がありません"):
        accounts.read_bank_statement(db, book.id, empty)


def test_a_mapping_chosen_by_hand_is_used_and_remembered(db, book, tmp_path) -> None:
    text = "日,内容,出,入\n2026/06/01,会費,,5000\n"
    mapping = accounts.ColumnMapping(date=0, description=1, deposit=3, withdrawal=2, header_row=0)
    preview = accounts.read_bank_statement(db, book.id, write(tmp_path, text), mapping)
    assert [(p.description, p.income) for p in preview.proposals] == [("会費", 5000)]
    subject = next(s.id for s in accounts.list_subjects(db, book.district_id) if s.name == "会費")
    accounts.confirm_import(db, book.id, [replace(preview.proposals[0], subject_id=subject)], mapping)
    assert accounts.read_bank_statement(db, book.id, write(tmp_path, text)).mapping == mapping
