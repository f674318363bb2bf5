"""協働マニュアル (tree, revisions, diff, restore, editions, search) and staff records — on a real SQLite file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry, ManualRevision, ManualSection, Person
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError
from sakae_council.services import (
    districts,
    manual,
    manual_history,
    manual_import,
    manual_search,
    staff_records,
)
from sakae_council.services.staff_records import StaffActivityInput, StaffTrainingInput


def titles(nodes) -> list[str]:  # type: ignore[no-untyped-def]
    return [n.title for n in nodes]


@pytest.fixture()
def book(db: Database) -> dict[str, int]:
    """第1章 はじめに / 第2章 役割分担 (地区担当職員, ふれあい推進員)."""
    ch1 = manual.create_section(db, None, "はじめに", "このマニュアルは職員向けです。", "新規作成")
    ch2 = manual.create_section(db, None, "役割分担", "", "新規作成")
    staff = manual.create_section(
        db,
        ch2.id,
        "地区担当職員",
        "地区の会議を準備します。\nコミュニティ活動に参加します。\n協働の考え方を共有します。",
        "新規作成",
    )
    suishin = manual.create_section(
        db, ch2.id, "ふれあい推進員", "子どもと地域の活動を担います。", "新規作成"
    )
    return {"ch1": ch1.id, "ch2": ch2.id, "staff": staff.id, "suishin": suishin.id}


# --- tree -----------------------------------------------------------------------------------------


def test_tree_is_nested_in_position_order_with_chapter_labels(db: Database, book: dict[str, int]) -> None:
    tree = manual.list_tree(db)
    assert titles(tree) == ["はじめに", "役割分担"]
    assert [n.label for n in tree] == ["第1章 はじめに", "第2章 役割分担"]
    assert tree[0].is_chapter and tree[0].children == ()
    assert titles(tree[1].children) == ["地区担当職員", "ふれあい推進員"]
    assert [c.position for c in tree[1].children] == [0, 1]
    staff = tree[1].children[0]
    assert staff.path_text == "第2章 役割分担 › 地区担当職員"
    assert staff.parent_id == book["ch2"]
    assert staff.revision == 1


def test_create_validates_title_summary_and_parent(db: Database, book: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as e:
        manual.create_section(db, None, "  ", "本文", "新規作成")
    assert e.value.field == "title"
    with pytest.raises(ValidationError) as e:
        manual.create_section(db, None, "見出し", "本文", "")
    assert e.value.field == "summary"
    with pytest.raises(NotFoundError):
        manual.create_section(db, 9999, "見出し", "本文", "新規作成")
    assert len(manual.list_tree(db)) == 2


def test_body_keeps_markdown_indentation_and_normalises_text(db: Database) -> None:
    body = "- 準備\n    - 次第を印刷　（ＡＢＣ）\n\u3000字下げの段落\r\n"
    sec = manual.create_section(db, None, "会議", body, "新規作成")
    assert sec.body == "- 準備\n    - 次第を印刷 （ABC）\n\u3000字下げの段落"


# --- revisions ------------------------------------------------------------------------------------


def test_every_save_appends_a_numbered_revision_with_author_and_summary(
    db: Database, book: dict[str, int]
) -> None:
    sid = book["staff"]
    sec = manual.get_section(db, sid)
    sec = manual.save_section(
        db, sid, sec.title, sec.body + "\n議事録を確認します。", "議事録の確認を追記", sec.version
    )
    db.user = "佐藤"
    sec = manual.save_section(db, sid, "地区担当職員の役割", sec.body, "見出しを変更", sec.version)
    revs = manual_history.list_revisions(db, sid)
    assert [r.number for r in revs] == [1, 2, 3]
    assert [r.author for r in revs] == ["テスト担当", "テスト担当", "佐藤"]
    assert [r.summary for r in revs] == ["新規作成", "議事録の確認を追記", "見出しを変更"]
    assert revs[2].title == "地区担当職員の役割" and revs[1].title == "地区担当職員"
    assert manual_history.get_revision(db, sid, 2).body.endswith("議事録を確認します。")
    assert sec.revision == 3
    # numbering is per section
    assert [r.number for r in manual_history.list_revisions(db, book["suishin"])] == [1]


def test_unchanged_save_makes_no_revision(db: Database, book: dict[str, int]) -> None:
    sec = manual.get_section(db, book["ch1"])
    again = manual.save_section(db, sec.id, sec.title, sec.body, "保存のみ", sec.version)
    assert again.version == sec.version
    assert len(manual_history.list_revisions(db, sec.id)) == 1


@pytest.mark.parametrize(
    ("summary", "needle"),
    [("", "1行で入力"), ("一行目\n二行目", "改行"), ("あ" * 201, "200文字")],
)
def test_summary_is_one_required_line_of_at_most_200_chars(
    db: Database, book: dict[str, int], summary: str, needle: str
) -> None:
    sec = manual.get_section(db, book["ch1"])
    with pytest.raises(ValidationError) as e:
        manual.save_section(db, sec.id, sec.title, "変更後", summary, sec.version)
    assert e.value.field == "summary" and needle in e.value.message
    assert manual.get_section(db, sec.id).body == sec.body
    assert manual.save_section(db, sec.id, sec.title, "変更後", "あ" * 200, sec.version).revision == 2


def test_stale_save_is_a_conflict_and_changes_nothing(db: Database, book: dict[str, int]) -> None:
    sec = manual.get_section(db, book["staff"])
    manual.save_section(db, sec.id, sec.title, "先に保存した本文", "先の変更", sec.version)
    with pytest.raises(ConflictError):
        manual.save_section(db, sec.id, sec.title, "古い画面からの本文", "後の変更", sec.version)
    assert manual.get_section(db, sec.id).body == "先に保存した本文"
    assert len(manual_history.list_revisions(db, sec.id)) == 2


def test_diff_shows_changed_lines(db: Database, book: dict[str, int]) -> None:
    sid = book["staff"]
    sec = manual.get_section(db, sid)
    new_body = sec.body.replace("コミュニティ活動に参加します。", "ごみゼロ・草ゼロ活動に年3回参加します。")
    manual.save_section(db, sid, sec.title, new_body, "参加する活動を具体化", sec.version)
    diff = manual_history.diff_revisions(db, sid, 1, 2)
    assert diff[0].startswith("--- 第1版") and diff[1].startswith("+++ 第2版")
    assert "-コミュニティ活動に参加します。" in diff
    assert "+ごみゼロ・草ゼロ活動に年3回参加します。" in diff
    assert " 地区の会議を準備します。" in diff  # context, unchanged
    assert not any(line.startswith(("-地区の会議", "+地区の会議")) for line in diff)
    assert manual_history.diff_revisions(db, sid, 2, 2) == []
    with pytest.raises(NotFoundError):
        manual_history.diff_revisions(db, sid, 1, 7)


def test_restore_makes_a_new_revision_with_the_old_text(db: Database, book: dict[str, int]) -> None:
    sid = book["staff"]
    original = manual.get_section(db, sid)
    sec = manual.save_section(db, sid, "新しい見出し", "書き換えた本文", "全面改稿", original.version)
    restored = manual_history.restore_revision(db, sid, 1, sec.version)
    assert (restored.title, restored.body) == (original.title, original.body)
    revs = manual_history.list_revisions(db, sid)
    assert [r.number for r in revs] == [1, 2, 3]
    assert (
        revs[2].summary == "第1版を復元" and revs[2].body == original.body and revs[2].author == "テスト担当"
    )
    with pytest.raises(ConflictError):
        manual_history.restore_revision(db, sid, 2, sec.version)  # stale version
    with pytest.raises(ValidationError):
        manual_history.restore_revision(db, sid, 3, restored.version)  # identical to the current text
    with pytest.raises(NotFoundError):
        manual_history.restore_revision(db, sid, 9, restored.version)


def test_search_text_follows_saves_and_restores(db: Database, book: dict[str, int]) -> None:
    sid = book["suishin"]
    sec = manual.get_section(db, sid)
    sec = manual.save_section(db, sid, sec.title, "見守りボランティアの連絡", "見守りを追記", sec.version)
    assert [h.section_id for h in manual_search.search_manual(db, "ぼらんてぃあ")] == [sid]
    manual_history.restore_revision(db, sid, 1, sec.version)
    assert manual_search.search_manual(db, "ぼらんてぃあ") == []
    assert [h.section_id for h in manual_search.search_manual(db, "子ども")] == [sid]


# --- moving ---------------------------------------------------------------------------------------


def test_move_section_to_another_chapter_and_position(db: Database, book: dict[str, int]) -> None:
    moved = manual.move_section(db, book["suishin"], book["ch1"], 0)
    assert moved.parent_id == book["ch1"] and moved.position == 0
    assert moved.path == ("第1章 はじめに", "ふれあい推進員")
    tree = manual.list_tree(db)
    assert titles(tree[0].children) == ["ふれあい推進員"]
    assert titles(tree[1].children) == ["地区担当職員"]
    assert [c.position for c in tree[1].children] == [0]
    # a section can become a chapter; a position past the end means last
    manual.move_section(db, book["staff"], None, 99)
    assert [n.label for n in manual.list_tree(db)] == [
        "第1章 はじめに",
        "第2章 役割分担",
        "第3章 地区担当職員",
    ]
    actions = [a.action for a in _audit(db, "manual_section")]
    assert actions.count("move") == 2


def test_move_refuses_cycles(db: Database, book: dict[str, int]) -> None:
    deep = manual.create_section(db, book["staff"], "会議の準備", "次第と出席簿", "新規作成")
    with pytest.raises(ValidationError) as e:
        manual.move_section(db, book["ch2"], deep.id, 0)  # under its own grandchild
    assert e.value.field == "parent_id"
    with pytest.raises(ValidationError):
        manual.move_section(db, book["ch2"], book["staff"], 0)  # under its own child
    with pytest.raises(ValidationError):
        manual.move_section(db, book["ch2"], book["ch2"], 0)  # under itself
    with pytest.raises(NotFoundError):
        manual.move_section(db, book["ch2"], 9999, 0)
    tree = manual.list_tree(db)
    assert titles(tree) == ["はじめに", "役割分担"]
    assert titles(tree[1].children[0].children) == ["会議の準備"]


def test_move_up_and_down_and_moves_do_not_make_text_edits_stale(db: Database, book: dict[str, int]) -> None:
    suishin = manual.get_section(db, book["suishin"])
    staff = manual.get_section(db, book["staff"])
    assert manual.move_up(db, book["suishin"]).position == 0
    assert titles(manual.list_tree(db)[1].children) == ["ふれあい推進員", "地区担当職員"]
    assert manual.move_up(db, book["suishin"]).position == 0  # already first: unchanged
    manual.move_down(db, book["suishin"])
    assert titles(manual.list_tree(db)[1].children) == ["地区担当職員", "ふれあい推進員"]
    manual.move_down(db, book["ch1"])
    assert titles(manual.list_tree(db)) == ["役割分担", "はじめに"]
    # text editors opened before the moves can still save
    manual.save_section(db, suishin.id, suishin.title, "新しい本文", "本文を更新", suishin.version)
    manual.save_section(db, staff.id, staff.title, "職員の本文", "本文を更新", staff.version)


def test_delete_section_removes_subtree_and_renumbers(db: Database, book: dict[str, int]) -> None:
    manual.create_section(db, book["staff"], "会議の準備", "", "新規作成")
    ch2 = manual.get_section(db, book["ch2"])
    with pytest.raises(ConflictError):
        manual.delete_section(db, book["ch1"], ch2.version + 5)
    manual.delete_section(db, book["ch1"])
    tree = manual.list_tree(db)
    assert [n.label for n in tree] == ["第1章 役割分担"] and tree[0].position == 0
    manual.delete_section(db, book["ch2"], ch2.version)
    assert manual.list_tree(db) == []
    with db.reading() as s:
        assert s.scalars(select(ManualSection)).all() == []
        assert s.scalars(select(ManualRevision)).all() == []
    with pytest.raises(NotFoundError):
        manual_history.list_revisions(db, book["staff"])


# --- editions -------------------------------------------------------------------------------------


def test_edition_snapshot_is_frozen_after_later_edits(db: Database, book: dict[str, int]) -> None:
    e1 = manual_history.publish_edition(db, "協働マニュアル（初版）", date(2026, 4, 1))
    assert (e1.number, e1.label, e1.published_by) == (1, "第1版", "テスト担当")
    sec = manual.get_section(db, book["staff"])
    manual.save_section(db, sec.id, sec.title, "全く新しい本文", "改稿", sec.version)
    manual.move_section(db, book["suishin"], None, 0)
    manual.delete_section(db, book["ch1"])
    manual.create_section(db, None, "付録", "様式集", "新規作成")

    frozen = manual_history.get_edition_tree(db, 1)
    assert [n.label for n in frozen] == ["第1章 はじめに", "第2章 役割分担"]
    assert frozen[0].body == "このマニュアルは職員向けです。"
    assert titles(frozen[1].children) == ["地区担当職員", "ふれあい推進員"]
    assert frozen[1].children[0].body.startswith("地区の会議を準備します。")
    assert frozen[1].children[0].path_text == "第2章 役割分担 › 地区担当職員"

    e2 = manual_history.publish_edition(db, "", date(2026, 10, 1))
    assert e2.number == 2 and e2.title == "協働マニュアル 第2版"
    assert [e.number for e in manual_history.list_editions(db)] == [1, 2]
    assert [n.title for n in manual_history.get_edition_tree(db, 2)] == ["ふれあい推進員", "役割分担", "付録"]
    assert manual_history.get_edition_tree(db, 2)[1].children[0].body == "全く新しい本文"
    assert manual_history.get_edition_tree(db, 1)[1].children[0].body.startswith("地区の会議")
    with pytest.raises(NotFoundError):
        manual_history.get_edition_tree(db, 3)


def test_cannot_publish_an_empty_manual(db: Database) -> None:
    with pytest.raises(ValidationError):
        manual_history.publish_edition(db, "空", date(2026, 4, 1))
    assert manual_history.list_editions(db) == []


# --- search ---------------------------------------------------------------------------------------


def test_search_is_kana_and_width_insensitive_with_path_and_snippet(
    db: Database, book: dict[str, int]
) -> None:
    for query in ("こみゅにてぃ", "コミュニティ", "ｺﾐｭﾆﾃｨ", "コミュニティ 活動"):
        hits = manual_search.search_manual(db, query)
        assert [h.section_id for h in hits] == [book["staff"]], query
        hit = hits[0]
        assert hit.path_text == "第2章 役割分担 › 地区担当職員"
        assert hit.snippet == "コミュニティ活動に参加します。"
        assert not hit.in_title
    hit = manual_search.search_manual(db, "こみゅにてぃ")[0]
    assert hit.snippet[hit.match_start : hit.match_start + hit.match_length] == "コミュニティ"


def test_search_half_width_text_and_title_matches_in_document_order(
    db: Database, book: dict[str, int]
) -> None:
    manual.create_section(db, book["ch1"], "ﾎﾞﾗﾝﾃｨｱ団体との連携", "", "新規作成")  # stored as ボランティア
    sec = manual.get_section(db, book["suishin"])
    manual.save_section(db, sec.id, sec.title, "ボランティアと協力します。", "追記", sec.version)
    hits = manual_search.search_manual(db, "ぼらんてぃあ")
    assert [h.path_text for h in hits] == [
        "第1章 はじめに › ボランティア団体との連携",
        "第2章 役割分担 › ふれあい推進員",
    ]
    assert hits[0].in_title and hits[0].snippet == "ボランティア団体との連携"
    assert manual_search.search_manual(db, "ＢＯＲＡ") == []
    assert manual_search.search_manual(db, "   ") == []
    assert manual_search.search_manual(db, "%") == []


def test_search_snippet_of_a_long_line_is_shortened_around_the_match(db: Database) -> None:
    line = "あ" * 100 + "地区担当職員" + "い" * 100
    sec = manual.create_section(db, None, "長い行", line, "新規作成")
    assert manual_search.search_manual(db, "ちくたんとう") == []  # no kanji reading: must not match
    hit = manual_search.search_manual(db, "地区担当")[0]
    assert hit.section_id == sec.id
    assert len(hit.snippet) <= manual.SNIPPET_WIDTH + 2
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert hit.snippet[hit.match_start : hit.match_start + hit.match_length] == "地区担当"


# --- audit ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    action: str
    user: str
    summary: str


def _audit(db: Database, entity: str) -> list[Entry]:
    with db.reading() as s:
        stmt = select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)
        return [Entry(a.action, a.user, a.summary) for a in s.scalars(stmt)]


def test_changes_are_audited(db: Database, book: dict[str, int]) -> None:
    sec = manual.get_section(db, book["staff"])
    manual.save_section(db, sec.id, sec.title, "新本文", "本文を更新", sec.version)
    manual_history.publish_edition(db, "初版", date(2026, 4, 1))
    entries = _audit(db, "manual_section")
    assert [e.action for e in entries] == ["create"] * 4 + ["update"]
    assert "第2版" in entries[-1].summary and entries[-1].user == "テスト担当"
    assert [e.action for e in _audit(db, "manual_edition")] == ["publish"]


# --- staff records --------------------------------------------------------------------------------


@pytest.fixture()
def staff(db: Database) -> dict[str, int]:
    d1 = districts.create_district(db, districts.DistrictInput(name="安食小学校区"))
    d2 = districts.create_district(db, districts.DistrictInput(name="布鎌小学校区"))
    with db.transaction() as s:
        a = Person(name="髙橋 一郎", furigana="タカハシ イチロウ")
        b = Person(name="𠮷田 花子", furigana="ヨシダ ハナコ")
        s.add_all([a, b])
        s.flush()
        return {"a": a.id, "b": b.id, "d1": d1.id, "d2": d2.id}


def test_training_crud_and_lists_by_person_and_fiscal_year(db: Database, staff: dict[str, int]) -> None:
    t1 = staff_records.create_training(
        db,
        StaffTrainingInput(
            staff["a"], date(2026, 5, 20), "協働の基礎研修", organiser="住民活動推進課", hours=3
        ),
    )
    assert (t1.person_name, t1.fiscal_year, t1.hours) == ("髙橋 一郎", 2026, 3)
    staff_records.create_training(
        db, StaffTrainingInput(staff["a"], date(2027, 3, 31), "ファシリテーション研修", hours=2)
    )
    staff_records.create_training(
        db, StaffTrainingInput(staff["b"], date(2027, 4, 1), "協働の基礎研修", hours=0)
    )
    assert [t.title for t in staff_records.list_trainings(db, person_id=staff["a"])] == [
        "協働の基礎研修",
        "ファシリテーション研修",
    ]
    assert [t.person_name for t in staff_records.list_trainings(db, fiscal_year=2026)] == [
        "髙橋 一郎",
        "髙橋 一郎",
    ]
    assert [t.person_name for t in staff_records.list_trainings(db, fiscal_year=2027)] == ["𠮷田 花子"]
    assert staff_records.list_trainings(db, person_id=staff["b"], fiscal_year=2026) == []

    t1b = staff_records.update_training(
        db, t1.id, StaffTrainingInput(staff["b"], t1.held_on, t1.title, t1.organiser, 4), t1.version
    )
    assert (t1b.person_name, t1b.hours, t1b.version) == ("𠮷田 花子", 4, t1.version + 1)
    with pytest.raises(ConflictError):
        staff_records.update_training(
            db, t1.id, StaffTrainingInput(staff["a"], t1.held_on, "古い", hours=1), t1.version
        )
    staff_records.delete_training(db, t1.id, t1b.version)
    with pytest.raises(NotFoundError):
        staff_records.get_training(db, t1.id)
    assert [e.action for e in _audit(db, "staff_training")] == [
        "create",
        "create",
        "create",
        "update",
        "delete",
    ]


@pytest.mark.parametrize("hours", [-1, 1.5, None])
def test_training_hours_must_be_a_non_negative_integer(db: Database, staff: dict[str, int], hours) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as e:
        staff_records.create_training(
            db, StaffTrainingInput(staff["a"], date(2026, 5, 1), "研修", hours=hours)
        )
    assert e.value.field == "hours"
    assert staff_records.list_trainings(db) == []


def test_training_needs_title_and_existing_person(db: Database, staff: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        staff_records.create_training(db, StaffTrainingInput(staff["a"], date(2026, 5, 1), " "))
    with pytest.raises(NotFoundError):
        staff_records.create_training(db, StaffTrainingInput(9999, date(2026, 5, 1), "研修"))


def test_staff_activities_filter_by_person_district_and_year(db: Database, staff: dict[str, int]) -> None:
    a1 = staff_records.create_staff_activity(
        db, StaffActivityInput(staff["a"], date(2026, 6, 7), "ごみゼロ運動", district_id=staff["d1"], hours=2)
    )
    assert (a1.district_name, a1.fiscal_year) == ("安食小学校区", 2026)
    staff_records.create_staff_activity(
        db, StaffActivityInput(staff["a"], date(2026, 9, 13), "草ゼロ運動", district_id=staff["d2"], hours=3)
    )
    staff_records.create_staff_activity(
        db, StaffActivityInput(staff["b"], date(2025, 11, 3), "地域の祭り", hours=5)
    )
    assert [a.title for a in staff_records.list_staff_activities(db, person_id=staff["a"])] == [
        "ごみゼロ運動",
        "草ゼロ運動",
    ]
    assert [a.title for a in staff_records.list_staff_activities(db, district_id=staff["d2"])] == [
        "草ゼロ運動"
    ]
    assert [a.title for a in staff_records.list_staff_activities(db, fiscal_year=2025)] == ["地域の祭り"]
    assert staff_records.list_staff_activities(db, fiscal_year=2025)[0].district_name == ""
    assert [
        a.title
        for a in staff_records.list_staff_activities(
            db, person_id=staff["a"], district_id=staff["d1"], fiscal_year=2026
        )
    ] == ["ごみゼロ運動"]
    with pytest.raises(ValidationError):
        staff_records.create_staff_activity(
            db, StaffActivityInput(staff["a"], date(2026, 6, 7), "活動", hours=-2)
        )
    with pytest.raises(NotFoundError):
        staff_records.create_staff_activity(
            db, StaffActivityInput(staff["a"], date(2026, 6, 7), "活動", district_id=999)
        )
    a1b = staff_records.update_staff_activity(
        db,
        a1.id,
        StaffActivityInput(staff["a"], a1.held_on, "ごみゼロ運動（春）", district_id=None, hours=2),
        a1.version,
    )
    assert (a1b.title, a1b.district_id, a1b.district_name) == ("ごみゼロ運動（春）", None, "")
    with pytest.raises(ConflictError):
        staff_records.delete_staff_activity(db, a1.id, a1.version)
    staff_records.delete_staff_activity(db, a1.id, a1b.version)
    assert len(staff_records.list_staff_activities(db)) == 2


# --- Markdown import --------------------------------------------------------------------------------

STARTER = Path(__file__).resolve().parents[2] / "resources" / "manual" / "starter.md"


def test_import_markdown_builds_the_tree_and_numbers_chapters_by_position(
    db: Database, book: dict[str, int]
) -> None:
    text = "# 第1章 協働とは\n\n## 1-1 目的\n\n本書の目的。\n\n### 補足\n補足の本文\n\n## 1-2 原則\n```\n# コードの中\n```\n# 第2章 付録\n様式"
    tree = manual_import.import_markdown(db, text, "初版を取り込み")
    assert [n.label for n in tree] == ["第1章 はじめに", "第2章 役割分担", "第3章 協働とは", "第4章 付録"]
    ch3 = tree[2]
    assert ch3.title == "協働とは" and ch3.body == ""
    assert titles(ch3.children) == ["1-1 目的", "1-2 原則"]
    assert ch3.children[0].body == "本書の目的。"
    assert titles(ch3.children[0].children) == ["補足"]
    assert ch3.children[1].body == "```\n# コードの中\n```"
    assert tree[3].body == "様式"
    revs = manual_history.list_revisions(db, ch3.children[0].id)
    assert [(r.number, r.summary, r.author) for r in revs] == [(1, "初版を取り込み", "テスト担当")]
    hit = manual_search.search_manual(db, "補足の")[0]
    assert hit.path_text == "第3章 協働とは › 1-1 目的 › 補足"


def test_import_markdown_refuses_text_before_the_first_heading(db: Database) -> None:
    with pytest.raises(ValidationError):
        manual_import.import_markdown(db, "前書き\n# 章")
    with pytest.raises(ValidationError):
        manual_import.import_markdown(db, "見出しなし")
    assert manual.list_tree(db) == []


@pytest.mark.skipif(not STARTER.exists(), reason="starter manual not shipped")
def test_the_starter_manual_imports_and_is_searchable(db: Database) -> None:
    tree = manual_import.import_markdown(db, STARTER.read_text(encoding="utf-8"), "初版")
    assert len(tree) == 7
    assert tree[1].label == "第2章 役割分担"
    hits = manual_search.search_manual(db, "ちくたんとうしょくいん")  # kana reading does not match kanji
    assert hits == []
    hits = manual_search.search_manual(db, "地区担当職員の心構え")
    assert hits and hits[0].path_text == "第2章 役割分担 › 2-3 地区担当職員の心構え"
    assert manual_history.publish_edition(db, "", date(2026, 12, 1)).number == 1
