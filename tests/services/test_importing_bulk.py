"""名簿の取り込み at scale: thousands of rows checked in Python against one read of the roster and written
with a few multi-row INSERTs — with every promise of the row-by-row importer kept: the count, duplicates
against the roster and within the file, all or nothing, an audit entry per person, the search index, the
roles of a shared server, and nothing written when the roster changed meanwhile."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sakae_council.db.engine import Database, open_database
from sakae_council.db.models import AuditEntry, Person, SearchGram
from sakae_council.db.models import search as search_index
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import PermissionDeniedError, ValidationError
from sakae_council.domain.roles import AccessPolicy, UserRole
from sakae_council.services import audit_log, importing, people, people_duplicates
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.people import MembershipInput, PersonInput, RosterFilter
from sakae_council.services.people_bulk import NewPerson, insert_people

HEADER = "令和8年度 推進員名簿\n氏名,フリガナ,電話番号,役割,任期開始,備考\n"
SURNAMES = [
    ("佐藤", "サトウ"),
    ("鈴木", "スズキ"),
    ("髙橋", "タカハシ"),
    ("田中", "タナカ"),
    ("伊藤", "イトウ"),
]
GIVEN = [("一郎", "イチロウ"), ("和子", "カズコ"), ("茂", "シゲル"), ("幸子", "サチコ")]


def member_line(i: int) -> str:
    """Row ``i`` of a roster of different people (the number makes each 氏名 unique)."""
    sn, sk = SURNAMES[i % len(SURNAMES)]
    gn, gk = GIVEN[i // len(SURNAMES) % len(GIVEN)]
    return f"{sn}　{gn}{i},{sk} {gk},０４７６－９５－{i % 10000:04d},ふれあい推進員,令和8年4月1日,\n"


def write_roster(tmp_path: Path, lines: list[str], name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes((HEADER + "".join(lines)).encode("cp932"))
    return path


def count(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def postings(db: Database) -> set[tuple[int, str, int]]:
    with db.reading() as s:
        return {tuple(r) for r in s.execute(select(SearchGram.kind, SearchGram.gram, SearchGram.record_id))}  # type: ignore[misc]


@pytest.fixture()
def anjiki(db: Database) -> int:
    return create_district(db, DistrictInput(name="安食小学校区")).id


def test_a_2000_row_file_is_imported_whole_with_history_and_search(
    db: Database, anjiki: int, tmp_path: Path
) -> None:
    lines = [member_line(i) for i in range(2000)]
    lines.insert(1234, "栄町　花子,ｻｶｴﾏﾁ ﾊﾅｺ,090-1234-5678,ふれあい推進員,令和8年4月1日,取り込み確認用\n")
    before = datetime.now(UTC).replace(tzinfo=None) - timedelta(minutes=1)
    report = importing.import_members(db, write_roster(tmp_path, lines), district="安食")

    assert report.committed and report.imported == 2001 and not report.rejected
    assert [r.line for r in report.rows] == list(range(3, 2004)), "line numbers of the file"
    ids = [r.person_id for r in report.rows]
    assert None not in ids and len(set(ids)) == 2001
    assert people.count_members(db, RosterFilter(district_id=anjiki)) == 2001
    hanako = people.get_person(db, report.rows[1234].person_id)  # type: ignore[arg-type]
    assert (hanako.name, hanako.furigana, hanako.phone) == ("栄町 花子", "サカエマチ ハナコ", "090-1234-5678")
    assert hanako.notes == "取り込み確認用" and hanako.version == 1
    (m,) = hanako.memberships
    assert (m.district_id, m.role, m.term_start) == (anjiki, MemberRole.SUISHIN, date(2026, 4, 1))
    other = people.get_person(db, report.rows[1999].person_id)  # type: ignore[arg-type]
    assert other.name == "田中 幸子1998" and other.phone == "0476-95-1998", "全角 → 半角, as the form does"

    # who, when and what: one entry per person in their own history, and one for the import itself
    created = audit_log.AuditFilter(entity="person", action="create")
    assert audit_log.count_entries(db, created) == 2001
    (entry,) = audit_log.entries_for_person(db, hanako.id)
    assert (entry.action, entry.user, entry.summary) == ("create", "テスト担当", "「栄町 花子」を名簿に登録")
    with db.reading() as s:
        at = s.scalar(select(AuditEntry.at).where(AuditEntry.entity_id == hanako.id))
    assert at is not None and at >= before
    (summary,) = audit_log.list_entries(db, audit_log.AuditFilter(action="import"))
    assert summary.summary == "「roster.csv」から2001人を名簿に取り込み"

    # the roster's search finds imported people by 氏名, フリガナ (any kana form) and 備考
    for query in ("栄町", "さかえまち", "ｻｶｴﾏﾁ ﾊﾅｺ", "取り込み確認"):
        found = people.list_members(db, RosterFilter(query=query))
        assert [p.id for p in found] == [hanako.id], query
        assert people.count_members(db, RosterFilter(query=query)) == 1
    assert people.count_members(db, RosterFilter(query="幸子")) == 500
    live = postings(db)
    with db.engine.begin() as conn:
        search_index.rebuild_search_index(conn)
    assert postings(db) == live, "the postings written with the rows equal a rebuild"


def test_duplicates_against_the_roster_and_within_a_large_file(
    db: Database, anjiki: int, tmp_path: Path
) -> None:
    existing = people.create_person(db, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))
    gone = people.create_person(db, PersonInput(name="佐藤 花子", furigana="サトウ ハナコ"))
    people.delete_person(db, gone.id)  # soft-deleted people are not on the roster: no duplicate
    lines = [member_line(i) for i in range(2000)]
    lines.insert(10, "山田太郎,ﾔﾏﾀﾞ ﾀﾛｳ,,,,\n")  # line 13: on the roster already (spaces, 半角カナ)
    lines.insert(500, "佐藤 花子,サトウ ハナコ,,,,\n")  # line 503: new
    lines.insert(1500, "佐藤　花子,さとう はなこ,,,,\n")  # line 1503: the same as line 503
    lines.insert(
        1800, "山田 太郎,ヤマダ タロウ,電話なし,,,\n"
    )  # line 1803: a duplicate, whatever else is wrong
    path = write_roster(tmp_path, lines)

    dry = importing.import_members(db, path, district="安食", dry_run=True)
    by_line = {r.line: r for r in dry.rows}
    assert [(r.line, r.status) for r in dry.rejected] == [
        (13, "duplicate"),
        (1503, "duplicate"),
        (1803, "duplicate"),
    ]
    assert by_line[13].duplicate_of == (existing.id,) and f"ID {existing.id}" in by_line[13].issues[0].message
    assert by_line[1503].duplicate_of == () and "このファイルの503行目" in by_line[1503].issues[0].message
    assert by_line[503].status == "valid"
    assert count(db, Person) == 2, "a dry run writes nothing"

    report = importing.import_members(db, path, district="安食", skip_invalid=True)
    assert report.committed and report.imported == 2001
    rows = {r.line: r for r in report.rows}
    assert rows[1503].duplicate_of == (rows[503].person_id,), "names the person imported from line 503"
    assert rows[13].duplicate_of == (existing.id,) and rows[1803].duplicate_of == (existing.id,)
    assert [p.id for p in people_duplicates.find_duplicates(db, "佐藤 花子", "サトウ ハナコ")] == [
        rows[503].person_id
    ]
    assert count(db, Person) == 2 + 2001


def test_one_bad_row_in_2000_writes_nothing_by_default(db: Database, anjiki: int, tmp_path: Path) -> None:
    people.create_person(db, PersonInput(name="山田 太郎", furigana="ヤマダ タロウ"))
    lines = [member_line(i) for i in range(2000)]
    lines[1717] = "加藤 四郎,カトウ シロウ,0476-95-0000,ふれあい推進員,令和8年13月1日,\n"
    path = write_roster(tmp_path, lines)
    before = (count(db, Person), count(db, AuditEntry), postings(db))

    report = importing.import_members(db, path, district="安食")
    assert not report.committed and report.imported == 0 and report.backup is None
    (bad,) = report.rejected
    assert (bad.line, bad.name, bad.issues[0].label) == (1720, "加藤 四郎", "任期開始")
    assert report.valid == 1999
    assert any("1件も取り込んでいません" in n for n in report.notes)
    assert (count(db, Person), count(db, AuditEntry), postings(db)) == before


def test_a_roster_changed_between_the_check_and_the_write_stops_the_import(
    db: Database, anjiki: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_roster(tmp_path, [member_line(i) for i in range(300)])
    checked = importing.plan_rows

    def someone_else_adds_row_200(*args, **kwargs):  # type: ignore[no-untyped-def]
        planned = checked(*args, **kwargs)
        people.create_person(db, PersonInput(name="佐藤　一郎200", furigana="サトウ イチロウ"))
        return planned

    monkeypatch.setattr(importing, "plan_rows", someone_else_adds_row_200)
    with pytest.raises(ValidationError, match="名簿が変わったため、中止しました"):
        importing.import_members(db, path, district="安食")
    assert count(db, Person) == 1, "only the person added meanwhile"
    assert audit_log.count_entries(db, audit_log.AuditFilter(action="import")) == 0


def test_rights_on_a_shared_server_are_checked_per_row_and_at_the_write(
    db: Database, anjiki: int, tmp_path: Path
) -> None:
    sakae = create_district(db, DistrictInput(name="酒直小学校区")).id
    text = "氏名,フリガナ,学区\n" + "".join(
        f"{SURNAMES[i % 5][0]} {GIVEN[i % 4][0]}{i},,{'安食' if i % 3 else '酒直'}\n" for i in range(60)
    )
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    own = AccessPolicy.for_role("anjiki", UserRole.SECRETARIAT, [anjiki])
    mine = open_database(db.url, user="anjiki", permissions=own, lock=False, backup_dir=tmp_path / "bk")
    viewer = open_database(
        db.url, user="etsuran", permissions=AccessPolicy.for_role("etsuran", UserRole.VIEWER), lock=False
    )
    try:
        looked = importing.import_members(viewer, path, dry_run=True)
        assert looked.valid == 0 and all("閲覧のみ" in r.issues[0].message for r in looked.rows)

        report = importing.import_members(mine, path, skip_invalid=True)
        assert report.committed and report.imported == 40
        refused = report.rejected
        assert [r.line for r in refused] == [2 + i for i in range(0, 60, 3)]
        assert all("酒直小学校区" in r.issues[0].message and r.issues[0].label == "行" for r in refused)
        assert people.count_members(db, RosterFilter(district_id=anjiki)) == 40
        assert people.count_members(db, RosterFilter(district_id=sakae)) == 0

        # The multi-row INSERTs go through the session's guard too, not only through the importer's check.
        new = NewPerson(
            people.person_values(PersonInput(name="深田 一")),
            (people.membership_values(MembershipInput(district_id=sakae, role=MemberRole.SUISHIN)),),
        )
        with pytest.raises(PermissionDeniedError), mine.transaction() as s:
            insert_people(s, mine.user, [new])
        assert count(db, Person) == 40
    finally:
        viewer.close()
        mine.close()
