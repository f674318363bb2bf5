"""役員改選 (officer changeover) and 会則 — on a real database (SQLite; PostgreSQL when configured)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry, Membership, Person
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.errors import ConflictError, ValidationError
from sakae_council.services import bylaws, changeover, districts, people
from sakae_council.services.changeover import ChangeoverAction as A
from sakae_council.services.changeover import ChangeoverPlan, NewPersonInput, SeatChoice

FY = 2026  # 令和8年度: terms ending 2027-03-31 are decided, applied on 2027-04-01
APRIL = date(2027, 4, 1)


def _person(db: Database, district_id: int, name: str, kana: str, post: OfficerPost, end: date) -> int:
    return people.create_person(
        db,
        people.PersonInput(
            name=name,
            furigana=kana,
            memberships=(
                people.MembershipInput(
                    district_id=district_id,
                    role=MemberRole.SUISHIN,
                    officer_post=post,
                    term_start=date(2025, 4, 1),
                    term_end=end,
                ),
            ),
        ),
    ).id


@pytest.fixture()
def council(db: Database) -> dict[str, int]:
    d = districts.create_district(
        db, districts.DistrictInput(name="安食小学校区", council_name="安食小学校区まちづくり協議会")
    )
    end, later = date(2027, 3, 31), date(2028, 3, 31)
    ids = {
        "district": d.id,
        "chair": _person(db, d.id, "髙橋 一郎", "タカハシ イチロウ", OfficerPost.CHAIR, end),
        "vice": _person(db, d.id, "𠮷田 花子", "ヨシダ ハナコ", OfficerPost.VICE_CHAIR, later),
        "treasurer": _person(db, d.id, "佐藤 次郎", "サトウ ジロウ", OfficerPost.TREASURER, end),
        "member": _person(db, d.id, "鈴木 三郎", "スズキ サブロウ", OfficerPost.MEMBER, end),
    }
    ids["outsider"] = people.create_person(
        db, people.PersonInput(name="田中 四郎", furigana="タナカ シロウ")
    ).id
    return ids


def _seat(db: Database, council: dict[str, int], key: str) -> changeover.SeatDTO:
    seats = changeover.changeover_seats(db, council["district"], FY)
    return next(s for s in seats if s.person_id == council[key])


def _plan(db: Database, council: dict[str, int], **choices: SeatChoice) -> ChangeoverPlan:
    return ChangeoverPlan(council["district"], FY, APRIL, tuple(choices.values()))


def _full_plan(db: Database, council: dict[str, int]) -> ChangeoverPlan:
    mid = {k: _seat(db, council, k).membership_id for k in ("chair", "vice", "treasurer", "member")}
    return _plan(
        db,
        council,
        chair=SeatChoice(mid["chair"], A.END),
        vice=SeatChoice(mid["vice"], A.CONTINUE, OfficerPost.CHAIR),
        treasurer=SeatChoice(mid["treasurer"], A.RENEW, OfficerPost.TREASURER),
        member=SeatChoice(
            mid["member"], A.HANDOVER, OfficerPost.VICE_CHAIR, successor_id=council["outsider"]
        ),
    )


def _snapshot(db: Database) -> list[tuple]:
    with db.reading() as s:
        rows = s.execute(
            select(
                Membership.id,
                Membership.person_id,
                Membership.officer_post,
                Membership.term_start,
                Membership.term_end,
                Membership.ended_on,
            ).order_by(Membership.id)
        )
        return [tuple(r) for r in rows] + [(s.scalar(select(func.count()).select_from(Person)),)]


def test_seats_list_every_running_seat_and_mark_those_ending_by_march(
    db: Database, council: dict[str, int]
) -> None:
    seats = changeover.changeover_seats(db, council["district"], FY)
    assert [s.name for s in seats] == ["髙橋 一郎", "𠮷田 花子", "佐藤 次郎", "鈴木 三郎"]  # posts first
    assert [s.ending for s in seats] == [True, False, True, True]


def test_apply_changes_terms_and_posts_as_chosen(db: Database, council: dict[str, int]) -> None:
    result = changeover.apply_changeover(db, _full_plan(db, council))
    assert result.renewed == ("佐藤 次郎",)
    assert result.ended == ("髙橋 一郎",)
    assert result.handed_over == (("鈴木 三郎", "田中 四郎"),)
    assert result.term_end == date(2029, 3, 31)
    after = changeover.changeover_seats(db, council["district"], FY + 1)
    by_name = {s.name: s for s in after}
    assert set(by_name) == {"𠮷田 花子", "佐藤 次郎", "田中 四郎"}
    assert by_name["𠮷田 花子"].officer_post is OfficerPost.CHAIR
    assert by_name["𠮷田 花子"].term_end == date(2028, 3, 31)  # a running term keeps its end
    assert (by_name["佐藤 次郎"].term_start, by_name["佐藤 次郎"].term_end) == (APRIL, date(2029, 3, 31))
    assert by_name["田中 四郎"].officer_post is OfficerPost.VICE_CHAIR
    # the ended seats keep their history, closed the day before
    chair = people.get_person(db, council["chair"])
    assert [(m.ended_on, m.officer_post) for m in chair.memberships] == [
        (date(2027, 3, 31), OfficerPost.CHAIR)
    ]
    treasurer = people.get_person(db, council["treasurer"])
    assert sorted((m.term_start, m.ended_on) for m in treasurer.memberships) == [
        (date(2025, 4, 1), date(2027, 3, 31)),
        (APRIL, None),
    ]
    with db.reading() as s:
        summaries = list(s.scalars(select(AuditEntry.summary)))
    assert any("役員改選" in x and "再任1名・退任1名・交代1名" in x for x in summaries)
    assert any("「鈴木 三郎」から「田中 四郎」" in x for x in summaries)


def test_new_successor_is_added_to_the_roster(db: Database, council: dict[str, int]) -> None:
    mid = {k: _seat(db, council, k).membership_id for k in ("chair", "treasurer", "member")}
    plan = _plan(
        db,
        council,
        chair=SeatChoice(mid["chair"], A.RENEW, OfficerPost.CHAIR),
        treasurer=SeatChoice(mid["treasurer"], A.END),
        member=SeatChoice(
            mid["member"],
            A.HANDOVER,
            OfficerPost.TREASURER,
            successor=NewPersonInput("渡邉 五郎", "ワタナベ ゴロウ"),
        ),
    )
    changeover.apply_changeover(db, plan)
    found = people.list_people(db, "渡邉")
    assert [p.name for p in found] == ["渡邉 五郎"]
    assert [(m.officer_post, m.term_start) for m in found[0].memberships] == [(OfficerPost.TREASURER, APRIL)]


def test_a_crash_in_the_middle_leaves_nothing_changed(
    db: Database, council: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _snapshot(db)
    real = changeover._apply_choice
    calls = {"n": 0}

    def crash_on_third(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("停電")
        return real(*args, **kwargs)

    monkeypatch.setattr(changeover, "_apply_choice", crash_on_third)
    with pytest.raises(RuntimeError):
        changeover.apply_changeover(db, _full_plan(db, council))
    assert calls["n"] == 3  # two seats had been changed in the session when it failed
    assert _snapshot(db) == before
    monkeypatch.setattr(changeover, "_apply_choice", real)
    changeover.apply_changeover(db, _full_plan(db, council))
    assert _snapshot(db) != before


def test_one_person_one_post_and_one_chair(db: Database, council: dict[str, int]) -> None:
    mid = {k: _seat(db, council, k).membership_id for k in ("chair", "vice", "treasurer", "member")}
    two_chairs = _plan(
        db,
        council,
        chair=SeatChoice(mid["chair"], A.RENEW, OfficerPost.CHAIR),
        vice=SeatChoice(mid["vice"], A.CONTINUE, OfficerPost.CHAIR),
        treasurer=SeatChoice(mid["treasurer"], A.END),
        member=SeatChoice(mid["member"], A.END),
    )
    before = _snapshot(db)
    with pytest.raises(ValidationError) as e:
        changeover.apply_changeover(db, two_chairs)
    assert "会長が2人（髙橋 一郎・𠮷田 花子）" in str(e.value.message)
    # the successor already sits on the council: two seats (two posts) for one person
    twice = _plan(
        db,
        council,
        chair=SeatChoice(mid["chair"], A.HANDOVER, OfficerPost.CHAIR, successor_id=council["vice"]),
        vice=SeatChoice(mid["vice"], A.CONTINUE, OfficerPost.VICE_CHAIR),
        treasurer=SeatChoice(mid["treasurer"], A.END),
        member=SeatChoice(mid["member"], A.END),
    )
    with pytest.raises(ValidationError) as e:
        changeover.apply_changeover(db, twice)
    assert "「𠮷田 花子」さんが改選後に二つの席" in str(e.value.message)
    assert _snapshot(db) == before


def test_every_ending_seat_must_be_decided_and_handover_needs_a_successor(
    db: Database, council: dict[str, int]
) -> None:
    mid = {k: _seat(db, council, k).membership_id for k in ("chair", "treasurer", "member")}
    undecided = _plan(
        db, council, chair=SeatChoice(mid["chair"], A.END), treasurer=SeatChoice(mid["treasurer"], A.END)
    )
    with pytest.raises(ValidationError) as e:
        changeover.apply_changeover(db, undecided)
    assert "「鈴木 三郎」さんの任期満了後の扱い" in str(e.value.message)
    kept = _plan(
        db,
        council,
        chair=SeatChoice(mid["chair"], A.CONTINUE, OfficerPost.CHAIR),
        treasurer=SeatChoice(mid["treasurer"], A.END),
        member=SeatChoice(mid["member"], A.END),
    )
    with pytest.raises(ValidationError) as e:
        changeover.apply_changeover(db, kept)
    assert "「髙橋 一郎」さんの任期が満了します" in str(e.value.message)
    nobody = _plan(
        db,
        council,
        chair=SeatChoice(mid["chair"], A.HANDOVER, OfficerPost.CHAIR, successor=NewPersonInput("  ")),
        treasurer=SeatChoice(mid["treasurer"], A.END),
        member=SeatChoice(mid["member"], A.END),
    )
    with pytest.raises(ValidationError) as e:
        changeover.apply_changeover(db, nobody)
    assert "後任を名簿から選ぶか" in str(e.value.message)


def test_a_stale_screen_is_a_conflict(db: Database, council: dict[str, int]) -> None:
    plan = _full_plan(db, council)
    seat = _seat(db, council, "chair")
    stale = ChangeoverPlan(
        plan.district_id,
        FY,
        APRIL,
        tuple(
            SeatChoice(
                c.membership_id, c.action, c.post, c.successor_id, c.successor, seat.membership_version
            )
            for c in plan.choices
        ),
    )
    person = people.get_person(db, council["chair"])
    m = person.memberships[0]
    data = people.PersonInput(
        name=person.name,
        furigana=person.furigana,
        memberships=(
            people.MembershipInput(
                m.district_id,
                m.role,
                officer_post=m.officer_post,
                term_start=m.term_start,
                term_end=date(2027, 3, 30),
                id=m.id,
            ),
        ),
    )
    people.update_person(db, person.id, data, person.version)
    with pytest.raises((ConflictError, ValidationError)):
        changeover.apply_changeover(db, stale)


def test_bylaws_keep_every_revision(db: Database, council: dict[str, int]) -> None:
    d = council["district"]
    assert bylaws.get_bylaws(db, d) is None
    first = bylaws.save_bylaws(
        db, d, "安食小学校区まちづくり協議会会則", "第1条（名称）\n本会は…", "", effective_on=date(2024, 4, 1)
    )
    assert (first.revision, first.effective_on) == (1, date(2024, 4, 1))
    same = bylaws.save_bylaws(db, d, first.title, first.body, "", expected_version=first.version)
    assert same.revision == 1  # nothing changed, nothing recorded
    second = bylaws.save_bylaws(
        db,
        d,
        first.title,
        first.body + "\n第2条（目的）",
        "第2条を追加",
        effective_on=date(2026, 4, 1),
        expected_version=first.version,
    )
    assert second.revision == 2
    assert [(r.label, r.summary) for r in bylaws.list_revisions(db, d)] == [
        ("第1版", "制定"),
        ("第2版", "第2条を追加"),
    ]
    with pytest.raises(ConflictError):
        bylaws.save_bylaws(db, d, first.title, "古い画面から", "", expected_version=first.version)
    with pytest.raises(ValidationError) as e:
        bylaws.save_bylaws(db, d, first.title, "  ", "", expected_version=second.version)
    assert e.value.field == "body"
