"""成果指標 (seeded plan figures, computed actuals, overrides) and the ⑫ records — on a real database."""

from __future__ import annotations

from datetime import date

import pytest
from dto_inputs import as_input
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    AuditEntry,
    CollaborativeProject,
    District,
    Indicator,
    IndicatorValue,
    Person,
)
from sakae_council.domain.enums import ProjectKind, ProjectStatus
from sakae_council.domain.errors import ConflictError, NotFoundError, StaleVersionError, ValidationError
from sakae_council.services import indicator_rules, indicator_values, indicators, lifesupport
from sakae_council.services.indicator_values import ActualSource
from sakae_council.services.indicators import IndicatorInput, ValueKind
from sakae_council.services.lifesupport import ConsultationInput, CourseInput, StartupInput

TODAY = date(2026, 11, 28)


def seed(db: Database) -> dict[str, int]:
    with db.transaction() as s:
        indicator_rules.seed_plan_indicators(s)
    return {i.code: i.id for i in indicators.list_indicators(db)}


def stored(ind: indicators.IndicatorDTO) -> dict[tuple[int, str], float | None]:
    return {(v.fiscal_year, v.kind.value): v.value for v in ind.values}


def make_districts(db: Database, *names: str) -> list[int]:
    with db.transaction() as s:
        rows = [District(name=n, display_order=i) for i, n in enumerate(names)]
        s.add_all(rows)
        s.flush()
        return [d.id for d in rows]


def add_project(
    db: Database,
    district_id: int,
    *,
    kind: ProjectKind = ProjectKind.DISTRICT_COLLABORATION,
    status: ProjectStatus = ProjectStatus.RUNNING,
    launched_on: date | None = None,
    start_on: date | None = None,
    end_on: date | None = None,
) -> int:
    with db.transaction() as s:
        p = CollaborativeProject(
            title="事業",
            district_id=district_id,
            kind=kind.value,
            status=status.value,
            launched_on=launched_on,
            start_on=start_on,
            end_on=end_on,
        )
        s.add(p)
        s.flush()
        return p.id


def cells(db: Database, code: str, years: list[int]) -> dict[int, indicator_values.IndicatorCellDTO]:
    row = next(r for r in indicator_values.indicator_table(db, years, today=TODAY) if r.code == code)
    return {c.fiscal_year: c for c in row.cells}


def actuals(db: Database, code: str, years: list[int]) -> dict[int, float | None]:
    return {fy: c.actual for fy, c in cells(db, code, years).items()}


# --- seeding --------------------------------------------------------------------------------------


def test_seed_records_the_plan_figures_exactly(db: Database) -> None:
    seed(db)
    by_code = {i.code: i for i in indicators.list_indicators(db)}
    assert list(by_code) == ["consultations", "startups", "launched_districts", "community_projects"]

    c = by_code["consultations"]
    assert (c.name, c.unit, c.project, c.computed) == (
        "生活支援ビジネスの相談者数",
        "人",
        "⑫",
        "consultations",
    )
    assert stored(c) == {(2009, "base"): 0, (2010, "base"): 0, (2015, "target"): 23}

    st = by_code["startups"]
    assert (st.name, st.unit, st.project, st.computed) == (
        "生活支援サービスの起業者数",
        "人",
        "⑫",
        "startups",
    )
    assert stored(st) == {(2015, "target"): 20}
    assert "15" in st.internal_notes and "20" in st.internal_notes and "列" in st.internal_notes
    assert st.notes == ""  # the note for whoever enters the figures is never printed

    ld = by_code["launched_districts"]
    assert (ld.name, ld.unit, ld.project, ld.computed) == (
        "6小学校区協働事業立ち上げ数",
        "立ち上げ数",
        "⑬",
        "launched_districts",
    )
    assert stored(ld) == {(2009, "base"): 1, (2010, "base"): 4, (2015, "target"): 6}

    cp = by_code["community_projects"]
    assert (cp.name, cp.unit, cp.project, cp.computed) == (
        "コミュニティ事業数",
        "事業",
        "⑭",
        "community_projects",
    )
    assert stored(cp) == {(2009, "base"): 3, (2010, "base"): 4, (2015, "target"): 10}

    with db.reading() as s:
        assert 15.0 not in set(s.scalars(select(IndicatorValue.value)))


def test_seed_is_idempotent_and_keeps_user_edits(db: Database) -> None:
    ids = seed(db)
    indicator_values.set_value(db, ids["community_projects"], 2015, "target", 12)
    with db.transaction() as s:
        assert indicator_rules.seed_plan_indicators(s) == []
    with db.reading() as s:
        assert len(s.scalars(select(Indicator)).all()) == 4
        assert len(s.scalars(select(IndicatorValue)).all()) == 3 + 1 + 3 + 3
    cp = next(i for i in indicators.list_indicators(db) if i.code == "community_projects")
    assert cp.value(2015, ValueKind.TARGET) == 12


def test_table_shows_base_and_target_per_year(db: Database) -> None:
    seed(db)
    c = cells(db, "launched_districts", [2009, 2010, 2015])
    assert (c[2009].base, c[2010].base, c[2015].target) == (1, 4, 6)
    assert c[2009].target is None and c[2015].base is None


# --- computed actuals -----------------------------------------------------------------------------


def test_launched_districts_follow_the_projects(db: Database) -> None:
    seed(db)
    d1, d2, d3, _d4 = make_districts(db, "安食", "安食台", "酒直", "布鎌")
    add_project(db, d1, status=ProjectStatus.RUNNING, launched_on=date(2024, 6, 1))
    add_project(db, d1, status=ProjectStatus.GRANTED, launched_on=date(2025, 5, 1))  # same district again
    add_project(db, d2, status=ProjectStatus.COMPLETED, launched_on=date(2025, 3, 31))  # last day of FY2024
    p3 = add_project(db, d3, status=ProjectStatus.IDEA, launched_on=date(2025, 4, 1))  # not launched (yet)
    add_project(db, d3, status=ProjectStatus.CANCELLED, launched_on=date(2024, 5, 1))
    add_project(
        db, d3, kind=ProjectKind.COMMUNITY, status=ProjectStatus.RUNNING, launched_on=date(2024, 5, 1)
    )
    add_project(db, d3, status=ProjectStatus.RUNNING, launched_on=None)
    years = [2023, 2024, 2025]
    # 2023 is before the first launch on file: 未集計, not 0
    assert actuals(db, "launched_districts", years) == {2023: None, 2024: 2, 2025: 2}
    assert cells(db, "launched_districts", years)[2024].actual_source is ActualSource.COMPUTED

    with db.transaction() as s:
        s.get_one(CollaborativeProject, p3).status = ProjectStatus.VERIFIED.value
    assert actuals(db, "launched_districts", years) == {2023: None, 2024: 2, 2025: 3}


def test_launched_districts_count_a_merged_district_as_the_one_it_joined(db: Database) -> None:
    seed(db)
    d1, d2 = make_districts(db, "安食台", "北辺田")
    add_project(db, d1, launched_on=date(2020, 6, 1))
    add_project(db, d2, launched_on=date(2021, 6, 1))
    with db.transaction() as s:
        src = s.get_one(District, d2)
        src.active, src.merged_into_id, src.merged_on = False, d1, date(2024, 4, 1)
    assert actuals(db, "launched_districts", [2022, 2023, 2024]) == {2022: 2, 2023: 2, 2024: 1}


def test_community_projects_active_in_the_year(db: Database) -> None:
    seed(db)
    (d,) = make_districts(db, "布鎌")
    community = ProjectKind.COMMUNITY
    add_project(db, d, kind=community, start_on=date(2024, 4, 1), end_on=date(2025, 3, 31))  # FY2024 only
    add_project(db, d, kind=community, start_on=date(2024, 10, 1))  # open end: still running
    add_project(db, d, kind=community, start_on=date(2023, 1, 10), end_on=date(2024, 4, 1))  # FY2022..FY2024
    add_project(db, d, kind=community, status=ProjectStatus.CANCELLED, start_on=date(2025, 6, 1))
    add_project(db, d, kind=community, start_on=None)  # no period: not counted
    add_project(db, d, kind=ProjectKind.DISTRICT_COLLABORATION, start_on=date(2025, 6, 1))
    add_project(
        db,
        d,
        kind=community,
        status=ProjectStatus.COMPLETED,
        start_on=date(2026, 5, 1),
        end_on=date(2026, 9, 30),
    )
    assert actuals(db, "community_projects", [2021, 2022, 2023, 2024, 2025, 2026]) == {
        2021: None,  # before the first community project started: 未集計
        2022: 1,
        2023: 1,
        2024: 3,
        2025: 1,
        2026: 2,
    }


def test_consultations_and_startups_are_counted_per_fiscal_year(db: Database) -> None:
    seed(db)
    for d in (date(2025, 3, 31), date(2025, 4, 1), date(2025, 12, 24), date(2026, 3, 31), date(2026, 4, 1)):
        lifesupport.create_consultation(db, ConsultationInput(held_on=d, person_name="相談 太郎"))
    lifesupport.create_startup(
        db, StartupInput(founder_name="起業 花子", started_on=date(2025, 10, 1), field="子育て")
    )
    assert actuals(db, "consultations", [2024, 2025, 2026]) == {2024: 1, 2025: 3, 2026: 1}
    # before the first start-up on file 未集計; after it, a year without one is a real 0
    assert actuals(db, "startups", [2024, 2025, 2026]) == {2024: None, 2025: 1, 2026: 0}
    assert [c.fiscal_year for c in lifesupport.list_consultations(db, fiscal_year=2025)] == [2025, 2025, 2025]


def test_a_year_not_yet_begun_has_no_computed_actual(db: Database) -> None:
    seed(db)
    lifesupport.create_consultation(db, ConsultationInput(held_on=date(2025, 6, 1), person_name="相談 太郎"))
    c = cells(db, "consultations", [2026, 2027])
    assert (c[2026].actual, c[2026].actual_source) == (0, ActualSource.COMPUTED)
    assert (c[2027].actual, c[2027].actual_source, c[2027].computed_value) == (None, ActualSource.NONE, None)


def test_years_before_any_record_are_not_counted_not_zero(db: Database) -> None:
    """未集計 vs 0: with no record of a kind, no year has a count; from the first record's year on, it does."""
    ids = seed(db)
    years = [2009, 2010, 2015, 2024, 2025, 2026]
    for code in ("consultations", "startups", "launched_districts", "community_projects"):
        c = cells(db, code, years)
        assert {fy: (x.actual, x.actual_source, x.computed_value) for fy, x in c.items()} == dict.fromkeys(
            years, (None, ActualSource.NOT_COUNTED, None)
        ), code
    lifesupport.create_consultation(db, ConsultationInput(held_on=date(2025, 4, 1), person_name="相談 太郎"))
    assert actuals(db, "consultations", years) == {
        2009: None,
        2010: None,
        2015: None,
        2024: None,
        2025: 1,
        2026: 0,  # records are kept from 2025 on: a year with none is a real 0
    }
    # a figure typed over a 未集計 year is shown, and says it was typed
    indicator_values.set_value(db, ids["consultations"], 2015, "actual", 0, "窓口の記録簿（紙）から")
    cell = cells(db, "consultations", [2015])[2015]
    assert (cell.actual, cell.actual_source, cell.computed_value) == (0, ActualSource.OVERRIDE, None)


# --- overrides and manual values ------------------------------------------------------------------


def test_override_needs_a_reason_wins_and_can_be_cleared(db: Database) -> None:
    ids = seed(db)
    lifesupport.create_consultation(db, ConsultationInput(held_on=date(2025, 6, 1), person_name="相談 太郎"))
    with pytest.raises(ValidationError) as e:
        indicator_values.set_value(db, ids["consultations"], 2025, ValueKind.ACTUAL, 7)
    assert e.value.field == "reason"
    with pytest.raises(ValidationError):
        indicator_values.set_value(db, ids["consultations"], 2025, "actual", 7, "   ")
    assert cells(db, "consultations", [2025])[2025].actual == 1

    db.user = "佐藤"
    v = indicator_values.set_value(
        db, ids["consultations"], 2025, "actual", 7, "電話相談6件が記録に未入力のため"
    )
    assert v.is_override and v.entered_by == "佐藤"
    cell = cells(db, "consultations", [2025])[2025]
    assert (cell.actual, cell.actual_source, cell.computed_value) == (7, ActualSource.OVERRIDE, 1)
    assert cell.override_reason == "電話相談6件が記録に未入力のため" and cell.entered_by == "佐藤"
    assert cell.actual_value_id == v.id

    with pytest.raises(ConflictError):
        indicator_values.clear_override(db, ids["consultations"], 2025, v.version + 1)
    indicator_values.clear_override(db, ids["consultations"], 2025, v.version)
    cell = cells(db, "consultations", [2025])[2025]
    assert (cell.actual, cell.actual_source, cell.override_reason) == (1, ActualSource.COMPUTED, "")
    with pytest.raises(NotFoundError):
        indicator_values.clear_override(db, ids["consultations"], 2025)

    with db.reading() as s:
        summaries = list(s.scalars(select(AuditEntry.summary).where(AuditEntry.entity == "indicator_value")))
    assert any("上書き" in x and "7" in x for x in summaries)
    assert any("解除" in x for x in summaries)


def test_manual_indicator_takes_a_typed_actual_without_reason(db: Database) -> None:
    ind = indicators.create_indicator(
        db, IndicatorInput(code="volunteers", name="ボランティア登録者数", unit="人", display_order=5)
    )
    assert cells(db, "volunteers", [2025])[2025].actual_source is ActualSource.NONE
    v = indicator_values.set_value(db, ind.id, 2025, "実績値", 42)
    assert not v.is_override and v.entered_by == "テスト担当"
    cell = cells(db, "volunteers", [2025])[2025]
    assert (cell.actual, cell.actual_source, cell.computed_value) == (42, ActualSource.MANUAL, None)
    indicator_values.clear_value(db, ind.id, 2025, ValueKind.ACTUAL, v.version)
    assert cells(db, "volunteers", [2025])[2025].actual is None
    with pytest.raises(NotFoundError):
        indicator_values.clear_value(db, ind.id, 2025, ValueKind.ACTUAL)


def test_set_value_replaces_and_guards_versions(db: Database) -> None:
    ids = seed(db)
    first = indicator_values.set_value(db, ids["startups"], 2015, "target", 20)  # replaces the seeded row
    second = indicator_values.set_value(
        db, ids["startups"], 2015, "target", 25, expected_version=first.version
    )
    assert second.id == first.id and second.value == 25 and second.version == first.version + 1
    with pytest.raises(ConflictError):
        indicator_values.set_value(db, ids["startups"], 2015, "target", 30, expected_version=first.version)
    with pytest.raises(ConflictError):
        indicator_values.set_value(
            db, ids["startups"], 2016, "target", 30, expected_version=1
        )  # deleted meanwhile
    assert cells(db, "startups", [2015])[2015].target == 25


@pytest.mark.parametrize(
    ("kind", "value", "field"),
    [
        ("budget", 1, "kind"),
        ("target", -1, "value"),
        ("target", None, "value"),
        ("target", True, "value"),
        ("target", float("nan"), "value"),
        ("target", "3", "value"),
    ],
)
def test_set_value_validates(db: Database, kind: str, value: object, field: str) -> None:
    ids = seed(db)
    with pytest.raises(ValidationError) as e:
        indicator_values.set_value(db, ids["startups"], 2020, kind, value)  # type: ignore[arg-type]
    assert e.value.field == field


def test_indicator_validation_and_conflicts(db: Database) -> None:
    ids = seed(db)
    with pytest.raises(ValidationError) as e:
        indicators.create_indicator(db, IndicatorInput(code="startups", name="重複"))
    assert e.value.field == "code"
    with pytest.raises(ValidationError) as e:
        indicators.create_indicator(db, IndicatorInput(code="x", name="不明な集計", computed="magic"))
    assert e.value.field == "computed"
    with pytest.raises(ValidationError):
        indicators.create_indicator(db, IndicatorInput(code="相談", name="日本語のコード"))
    ind = indicators.get_indicator(db, ids["community_projects"])
    data = as_input(ind, IndicatorInput, name="コミュニティ事業の数")
    changed = indicators.update_indicator(db, ind.id, data, ind.version)
    assert changed.name == "コミュニティ事業の数" and len(changed.values) == 3
    with pytest.raises(ConflictError):
        indicators.update_indicator(db, ind.id, data, ind.version)
    indicators.delete_indicator(db, ind.id, changed.version)
    assert "community_projects" not in {i.code for i in indicators.list_indicators(db)}


# --- ⑫ records ------------------------------------------------------------------------------------


def test_consultation_crud(db: Database) -> None:
    (d,) = make_districts(db, "安食")
    with db.transaction() as s:
        p = Person(name="髙橋 一郎", furigana="タカハシ イチロウ")
        s.add(p)
        s.flush()
        pid = p.id
    with pytest.raises(ValidationError) as e:
        lifesupport.create_consultation(db, ConsultationInput(held_on=date(2026, 5, 1), person_name=" "))
    assert e.value.field == "person_name"
    c = lifesupport.create_consultation(
        db,
        ConsultationInput(
            held_on=date(2026, 5, 1),
            person_name="",
            person_id=pid,
            district_id=d,
            topic="配食サービスを始めたい",
        ),
    )
    assert (c.person_name, c.district_name, c.fiscal_year) == ("髙橋 一郎", "安食", 2026)
    c2 = lifesupport.update_consultation(
        db,
        c.id,
        ConsultationInput(
            held_on=c.held_on,
            person_name=c.person_name,
            person_id=pid,
            topic=c.topic,
            follow_up="金融機関を紹介",
        ),
        c.version,
    )
    assert (c2.follow_up, c2.district_id, c2.district_name) == ("金融機関を紹介", None, "")
    with pytest.raises(ConflictError):
        lifesupport.update_consultation(
            db, c.id, ConsultationInput(held_on=c.held_on, person_name="古い"), c.version
        )
    assert [x.id for x in lifesupport.list_consultations(db, query="さーびす")] == [
        c.id
    ]  # ひらがな finds カタカナ
    assert [x.id for x in lifesupport.list_consultations(db, query="きんゆう")] == []
    assert [x.id for x in lifesupport.list_consultations(db, query="金融")] == [c.id]
    assert [x.id for x in lifesupport.list_consultations(db, query="髙橋")] == [c.id]
    lifesupport.delete_consultation(db, c.id, c2.version)
    with pytest.raises(NotFoundError):
        lifesupport.get_consultation(db, c.id)


def test_course_attendees_by_person_or_free_name(db: Database) -> None:
    with db.transaction() as s:
        p = Person(name="𠮷田 花子", furigana="ヨシダ ハナコ")
        s.add(p)
        s.flush()
        pid = p.id
    course = lifesupport.create_course(
        db,
        CourseInput(title="生活支援ビジネス入門講座", held_on=date(2026, 7, 4), place="ふれあいプラザさかえ"),
    )
    course = lifesupport.add_attendee(db, course.id, person_id=pid)
    course = lifesupport.add_attendee(db, course.id, name="ヤマダ タロウ")
    assert [(a.person_id, a.name) for a in course.attendees] == [(pid, "𠮷田 花子"), (None, "ヤマダ タロウ")]
    with pytest.raises(ValidationError):
        lifesupport.add_attendee(db, course.id, person_id=pid)
    with pytest.raises(ValidationError):
        lifesupport.add_attendee(db, course.id, name="ﾔﾏﾀﾞ ﾀﾛｳ")  # same name in 半角カナ
    with pytest.raises(ValidationError):
        lifesupport.add_attendee(db, course.id, name="  ")
    assert lifesupport.get_course(db, course.id).attendee_count == 2
    course = lifesupport.remove_attendee(db, course.id, course.attendees[1].id)
    assert [a.name for a in course.attendees] == ["𠮷田 花子"]
    with pytest.raises(NotFoundError):
        lifesupport.remove_attendee(db, course.id, 9999)

    lifesupport.create_course(db, CourseInput(title="起業相談会", held_on=date(2027, 4, 10)))
    assert [c.title for c in lifesupport.list_courses(db, fiscal_year=2026)] == ["生活支援ビジネス入門講座"]
    assert [c.title for c in lifesupport.list_courses(db, fiscal_year=2027)] == ["起業相談会"]
    changed = lifesupport.update_course(
        db,
        course.id,
        CourseInput(title="生活支援ビジネス入門講座（第1回）", held_on=course.held_on),
        course.version,
    )
    with pytest.raises(ConflictError):
        lifesupport.delete_course(db, course.id, course.version - 1)
    lifesupport.delete_course(db, course.id, changed.version)
    assert [c.title for c in lifesupport.list_courses(db)] == ["起業相談会"]


def test_startup_crud_and_list_by_year(db: Database) -> None:
    (d,) = make_districts(db, "竜角寺台")
    s1 = lifesupport.create_startup(
        db,
        StartupInput(
            founder_name="起業 花子",
            started_on=date(2026, 4, 1),
            business_name="子育てひろば",
            field="子育て",
            district_id=d,
        ),
    )
    assert (s1.fiscal_year, s1.district_name) == (2026, "竜角寺台")
    lifesupport.create_startup(db, StartupInput(founder_name="起業 次郎", started_on=date(2026, 3, 31)))
    assert [x.founder_name for x in lifesupport.list_startups(db, fiscal_year=2026)] == ["起業 花子"]
    assert [x.founder_name for x in lifesupport.list_startups(db, fiscal_year=2025)] == ["起業 次郎"]
    assert [x.founder_name for x in lifesupport.list_startups(db, district_id=d)] == ["起業 花子"]
    with pytest.raises(ValidationError) as e:
        lifesupport.create_startup(db, StartupInput(founder_name="", started_on=date(2026, 4, 1)))
    assert e.value.field == "founder_name"
    with pytest.raises(NotFoundError):
        lifesupport.create_startup(
            db, StartupInput(founder_name="誰か", started_on=date(2026, 4, 1), district_id=999)
        )
    s2 = lifesupport.update_startup(
        db,
        s1.id,
        StartupInput(founder_name="起業 花子", started_on=date(2026, 5, 1), field="子育て"),
        s1.version,
    )
    assert s2.started_on == date(2026, 5, 1) and s2.district_id is None
    with pytest.raises(ConflictError):
        lifesupport.update_startup(
            db, s1.id, StartupInput(founder_name="古い", started_on=date(2026, 5, 1)), s1.version
        )
    lifesupport.delete_startup(db, s1.id, s2.version)
    assert len(lifesupport.list_startups(db)) == 1


def test_a_figure_entered_meanwhile_is_not_silently_replaced(db: Database) -> None:
    ids = seed(db)
    with pytest.raises(NotFoundError):
        indicator_values.get_value(db, ids["startups"], 2017, "target")
    # the user opened an empty cell (expected_version 0); someone else entered a figure first
    theirs = indicator_values.set_value(db, ids["startups"], 2017, "target", 18, expected_version=0)
    assert indicator_values.get_value(db, ids["startups"], 2017, ValueKind.TARGET) == theirs
    with pytest.raises(StaleVersionError) as stale:
        indicator_values.set_value(db, ids["startups"], 2017, "target", 30, expected_version=0)
    assert stale.value.current is not None
    assert indicator_values.get_value(db, ids["startups"], 2017, "target").value == 18
    # 上書き: on top of the figure as it is now
    mine = indicator_values.set_value(
        db, ids["startups"], 2017, "target", 30, expected_version=theirs.version
    )
    assert mine.id == theirs.id and mine.value == 30
    # a figure removed meanwhile is a stale version too (the conflict dialog says it was removed)
    indicator_values.clear_value(db, ids["startups"], 2017, "target", mine.version)
    with pytest.raises(StaleVersionError):
        indicator_values.set_value(db, ids["startups"], 2017, "target", 31, expected_version=mine.version)


def test_notes_for_print_and_for_staff_are_kept_apart(db: Database) -> None:
    """資料の注記 (printed) and 内部メモ (never printed), on an indicator and on one of its figures."""
    ids = seed(db)
    ind = indicators.get_indicator(db, ids["community_projects"])
    data = as_input(
        ind,
        IndicatorInput,
        notes="平成27年度の目標は計画書による。",
        internal_notes="原本のページ番号を確認中（担当: 住民活動推進課）",
    )
    updated = indicators.update_indicator(db, ind.id, data, ind.version)
    assert (updated.notes, updated.internal_notes) == (data.notes, data.internal_notes)
    v = indicator_values.set_value(
        db, ind.id, 2015, "target", 10, notes="計画書の表による", internal_notes="入力 11/30 田中"
    )
    assert (v.notes, v.internal_notes) == ("計画書の表による", "入力 11/30 田中")
    # a later change of the figure alone keeps its notes
    v = indicator_values.set_value(db, ind.id, 2015, "target", 11, expected_version=v.version)
    assert (v.value, v.notes, v.internal_notes) == (11, "計画書の表による", "入力 11/30 田中")
    (row,) = [
        r for r in indicator_values.indicator_table(db, [2015], today=TODAY) if r.code == "community_projects"
    ]
    assert row.value_notes == ((2015, ValueKind.TARGET, "計画書の表による"),)
    assert row.value_internal_notes == ((2015, ValueKind.TARGET, "入力 11/30 田中"),)
    assert row.internal_notes == data.internal_notes
