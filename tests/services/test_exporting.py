"""一覧の書き出し: CSV for Excel (BOM / CP932) and xlsx, formulas neutralised, contacts optional."""

from __future__ import annotations

import csv
import io
import os
import stat
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import ValidationError
from sakae_council.services import exporting
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.people import MembershipInput, PersonInput, create_person


@pytest.fixture()
def town(db: Database) -> Database:
    anjiki = create_district(db, DistrictInput(name="安食小学校区")).id
    sakanao = create_district(db, DistrictInput(name="酒直小学校区")).id
    create_person(
        db,
        PersonInput(
            name="山田 太郎",
            furigana="ヤマダ タロウ",
            phone="0476-95-1111",
            address="栄町安食123",
            notes="=1+1",
            memberships=(MembershipInput(district_id=anjiki, role=MemberRole.SUISHIN),),
        ),
    )
    create_person(
        db,
        PersonInput(
            name="佐藤 花子",
            furigana="サトウ ハナコ",
            notes="@SUM(A1:A9)",
            memberships=(MembershipInput(district_id=sakanao, role=MemberRole.SUISHIN),),
        ),
    )
    return db


def _csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding=encoding), newline="")))


def test_members_csv_for_excel(town: Database, tmp_path: Path) -> None:
    target = tmp_path / "名簿.csv"
    assert exporting.export_list(town, "members", target) == 2
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _csv(target)
    assert rows[0][:3] == ["氏名", "フリガナ", "学区"] and "電話番号" in rows[0]
    by_name = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_name["山田 太郎"]["電話番号"] == "0476-95-1111"
    assert by_name["山田 太郎"]["備考"] == "'=1+1", "Excel shows =1+1 as text"
    assert by_name["佐藤 花子"]["備考"] == "'@SUM(A1:A9)"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_members_without_contacts_and_for_one_district(town: Database, tmp_path: Path) -> None:
    target = tmp_path / "配布用.csv"
    assert exporting.export_list(town, "members", target, contacts=False, district="安食") == 1
    text = target.read_text(encoding="utf-8-sig")
    rows = _csv(target)
    assert [r[0] for r in rows[1:]] == ["山田 太郎"]
    for hidden in ("電話番号", "住所", "0476-95-1111", "栄町安食123", "メールアドレス"):
        assert hidden not in text


def test_xlsx_cells_are_text_never_formulas(town: Database, tmp_path: Path) -> None:
    target = tmp_path / "名簿.xlsx"
    exporting.export_list(town, "members", target, fmt="xlsx")
    ws = openpyxl.load_workbook(target).active
    header = [c.value for c in ws[1]]
    notes = header.index("備考")
    cells = {row[0].value: row[notes] for row in ws.iter_rows(min_row=2)}
    assert cells["山田 太郎"].value == "=1+1" and cells["山田 太郎"].data_type == "s"
    with zipfile.ZipFile(target) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml, "no formula element anywhere in the sheet"


def test_cp932_on_request_and_characters_it_cannot_hold(town: Database, tmp_path: Path) -> None:
    target = tmp_path / "sjis.csv"
    exporting.export_list(town, "members", target, encoding="cp932")
    assert {r[0] for r in _csv(target, "cp932")[1:]} == {"山田 太郎", "佐藤 花子"}
    district_id = exporting.districts.district_id_by_name(town, "安食")
    create_person(
        town,
        PersonInput(
            name="𠮷田 一",
            furigana="ヨシダ ハジメ",
            memberships=(MembershipInput(district_id=district_id, role=MemberRole.SUISHIN),),
        ),
    )
    other = tmp_path / "sjis2.csv"
    with pytest.raises(ValidationError, match="UTF-8で書き出してください") as caught:
        exporting.export_list(town, "members", other, encoding="cp932")
    assert "𠮷" in caught.value.message
    assert not other.exists(), "no half-written file"


def test_every_list_exports_in_both_formats(town: Database, tmp_path: Path) -> None:
    from sakae_council.services import issues, meeting_bodies, meetings, organisations, projects
    from sakae_council.services.setup import ensure_seeded

    ensure_seeded(town)
    anjiki = exporting.districts.district_id_by_name(town, "安食")
    organisations.create_organisation(
        town, organisations.OrganisationInput(name="安食区自治会", furigana="アジキクジチカイ")
    )
    category = issues.list_categories(town)[0].id
    issue = issues.create_issue(town, issues.IssueInput("通学路の見守り", anjiki, category, date(2026, 5, 1)))
    projects.create_project(town, projects.ProjectInput("見守り隊", anjiki, issue_ids=(issue.id,)))
    body = meeting_bodies.list_bodies(town, district_id=anjiki)[0]
    meetings.create_meeting(town, meetings.MeetingInput(body.id, date(2026, 6, 1), place="安食公民館"))
    for kind in exporting.KINDS:
        csv_rows = exporting.export_list(town, kind, tmp_path / f"{kind}.csv")
        xlsx_rows = exporting.export_list(town, kind, tmp_path / f"{kind}.xlsx", fmt="xlsx")
        assert csv_rows == xlsx_rows > 0, kind
        assert len(_csv(tmp_path / f"{kind}.csv")) == csv_rows + 1
        ws = openpyxl.load_workbook(tmp_path / f"{kind}.xlsx").active
        assert ws.max_row == xlsx_rows + 1 and ws.title == exporting.KINDS[kind]
    meeting_row = _csv(tmp_path / "meetings.csv")[1]
    assert "2026-06-01" in meeting_row and "安食公民館" in meeting_row, "dates in files are ISO 8601"


def test_unknown_kind_format_or_district(town: Database, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(ValidationError, match="書き出せません"):
        exporting.export_list(town, "secrets", tmp_path / "x.csv")
    with pytest.raises(ValidationError, match="csv か xlsx"):
        exporting.export_list(town, "members", tmp_path / "x.pdf", fmt="pdf")
    with pytest.raises(ValidationError, match="見つかりません"):
        exporting.export_list(town, "members", tmp_path / "x.csv", district="どこにもない")
    assert not list(tmp_path.iterdir())
