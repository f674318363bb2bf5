"""監査ログ: a person's history and the whole log, filtered, exported safely for Excel."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from sakae_council.db.engine import Database
from sakae_council.domain.errors import ValidationError
from sakae_council.services import audit_log, tabular
from sakae_council.services.audit_log import AuditFilter
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.people import (
    PersonInput,
    create_person,
    delete_person,
    restore_person,
    update_person,
)


def _history(db: Database) -> int:
    p = create_person(db, PersonInput(name="髙橋 一郎", furigana="タカハシ イチロウ", phone="0476-95-1111"))
    p = update_person(
        db, p.id, PersonInput(name="髙橋 一郎", furigana="タカハシ イチロウ", phone="0476-95-2222"), p.version
    )
    p = delete_person(db, p.id, p.version)
    restore_person(db, p.id)
    return p.id


def test_a_persons_history_says_who_did_what_and_what_changed(db: Database) -> None:
    person_id = _history(db)
    other = create_person(db, PersonInput(name="別人 花子", furigana="ベツジン ハナコ"))
    entries = audit_log.entries_for_person(db, person_id)
    assert [e.action for e in entries] == ["restore", "delete", "update", "create"]
    assert [e.action_label for e in entries] == ["元に戻す", "削除", "変更", "登録"]
    assert all(e.user == "テスト担当" and e.entity_label == "名簿" for e in entries)
    assert all(e.entity_id == person_id for e in entries)
    update = entries[2]
    phone = next(c for c in update.changes if c.field == "phone")
    assert (phone.label, phone.before, phone.after) == ("電話番号", "0476-95-1111", "0476-95-2222")
    assert phone.text == "電話番号: 0476-95-1111 → 0476-95-2222"
    assert "髙橋 一郎" in entries[-1].summary
    assert entries[0].at_text.startswith("令和")
    assert all(e.entity_id != other.id for e in entries)


def test_the_log_filters_by_user_action_record_text_and_day(db: Database) -> None:
    _history(db)
    db.user = "事務局 田中"
    create_district(db, DistrictInput(name="酒直小学校区"))
    everything = audit_log.list_entries(db)
    assert audit_log.count_entries(db) == len(everything) >= 5
    assert [e.entity for e in everything][0] == "district", "newest first"
    assert {e.user for e in audit_log.list_entries(db, AuditFilter(user="事務局 田中"))} == {"事務局 田中"}
    assert audit_log.count_entries(db, AuditFilter(action="delete")) == 1
    assert audit_log.count_entries(db, AuditFilter(entity="district")) == 1
    assert audit_log.count_entries(db, AuditFilter(text="酒直")) == 1
    today = everything[0].at.date()
    assert audit_log.count_entries(db, AuditFilter(since=today, until=today)) == len(everything)
    assert audit_log.count_entries(db, AuditFilter(until=today - timedelta(days=1))) == 0
    assert audit_log.count_entries(db, AuditFilter(since=today + timedelta(days=1))) == 0
    page = audit_log.list_entries(db, limit=2, offset=1)
    assert [e.id for e in page] == [e.id for e in everything[1:3]]
    assert audit_log.users(db) == sorted({"テスト担当", "事務局 田中"})


def test_membership_changes_read_plainly(db: Database) -> None:
    from sakae_council.domain.enums import MemberRole
    from sakae_council.services.people import MembershipInput

    d = create_district(db, DistrictInput(name="安食小学校区"))
    p = create_person(db, PersonInput(name="委嘱 太郎", furigana="イショク タロウ"))
    update_person(
        db,
        p.id,
        PersonInput(
            name="委嘱 太郎",
            furigana="イショク タロウ",
            memberships=(MembershipInput(district_id=d.id, role=MemberRole.SUISHIN),),
        ),
        p.version,
    )
    change = audit_log.entries_for_person(db, p.id)[0].changes
    assert any(c.label == "委嘱（追加）" for c in change)


def _read_csv(path: Path, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding=encoding), newline="")))


def test_export_is_excel_ready_and_owner_only(db: Database, tmp_path: Path) -> None:
    _history(db)
    target = tmp_path / "監査ログ.csv"
    written = audit_log.export_csv(db, target)
    assert written == 4
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM so Excel reads Japanese correctly"
    rows = _read_csv(target, "utf-8-sig")
    assert rows[0] == list(audit_log.EXPORT_COLUMNS)
    assert [r[2] for r in rows[1:]] == ["登録", "変更", "削除", "元に戻す"], "oldest first in a file"
    assert "電話番号: 0476-95-1111 → 0476-95-2222" in rows[2][6]
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not list(tmp_path.glob(".*partial"))


def test_export_neutralises_formulas(db: Database, tmp_path: Path) -> None:
    db.user = "=1+1"
    create_person(db, PersonInput(name="数式 太郎", furigana="スウシキ タロウ"))
    target = tmp_path / "log.csv"
    audit_log.export_csv(db, target)
    rows = _read_csv(target, "utf-8-sig")
    assert rows[1][1] == "'=1+1", "Excel shows it as text and runs nothing"
    for start in ("=", "+", "-", "@", "＝", "＋", "－", "＠", "\t", "\r"):
        assert tabular.neutralise_cell(f"{start}SUM(A1)").startswith("'")
    assert tabular.neutralise_cell("山田") == "山田"
    assert tabular.neutralise_cell("") == ""


def test_export_in_cp932_and_characters_it_cannot_hold(db: Database, tmp_path: Path) -> None:
    create_person(db, PersonInput(name="高橋 一郎", furigana="タカハシ イチロウ"))
    target = tmp_path / "sjis.csv"
    assert audit_log.export_csv(db, target, encoding="cp932") == 1
    assert "「高橋 一郎」を名簿に登録" in _read_csv(target, "cp932")[1][5]
    create_person(db, PersonInput(name="𠮷田 花子", furigana="ヨシダ ハナコ"))
    other = tmp_path / "sjis2.csv"
    with pytest.raises(ValidationError, match="UTF-8で書き出してください") as caught:
        audit_log.export_csv(db, other, encoding="cp932")
    assert "𠮷" in caught.value.message
    assert not other.exists()


def test_redacting_an_erased_persons_entries_keeps_who_and_when(db: Database) -> None:
    person_id = _history(db)
    before = audit_log.entries_for_person(db, person_id)
    with db.transaction() as s:
        assert audit_log.redact_person(s, person_id) == 4
    after = audit_log.entries_for_person(db, person_id)
    assert [(e.at, e.user, e.action) for e in after] == [(e.at, e.user, e.action) for e in before]
    text = "".join(e.summary + "".join(c.text for c in e.changes) for e in after)
    assert "髙橋" not in text and "0476" not in text
    assert "消去済み" in text


def test_every_record_kind_is_named_in_japanese_never_by_its_table(db: Database) -> None:
    """A kind the log has no word of its own for (講座の参加者, the 会計's records …) is named as every table
    is named elsewhere: the 操作の記録 window showed 「course_attendee（ID 16）」."""
    from sakae_council.db.permissions import ENTITY_LABELS as TABLE_LABELS
    from sakae_council.services.common import audit

    with db.transaction() as s:  # set-up: entries as the services write them
        audit(
            s, "テスト担当", "create", "course_attendee", 16, "講座「はじめての地域起業講座」に参加者を追加"
        )
        audit(s, "テスト担当", "create", "account_entry", 3, "出納帳に記帳")
    shown = {e.entity: e.entity_label for e in audit_log.list_entries(db, AuditFilter())}
    assert shown["course_attendee"] == "講座の参加者" and shown["account_entry"] == "出納帳の記帳"
    assert all(audit_log.entity_label(name) != name for name in TABLE_LABELS)
