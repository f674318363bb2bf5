"""How a computed 成果指標 counts its actual from the records, and the plan's four indicators to seed.

An indicator whose ``computed`` names one of ``COMPUTED_RULES`` has its actual per fiscal year counted from
the data (consultations, start-ups, launched projects, community projects); ``seed_plan_indicators`` adds
戦略４'s indicators with the plan's figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sakae_council.db.models import (
    BusinessStartup,
    CollaborativeProject,
    Consultation,
    District,
    Indicator,
    IndicatorValue,
)
from sakae_council.domain.enums import LAUNCHED_PROJECT_STATUSES, ProjectKind, ProjectStatus
from sakae_council.domain.wareki import fiscal_year as fiscal_year_of
from sakae_council.domain.wareki import fiscal_year_range
from sakae_council.services.common import (
    audit,
)

# --- computed rules ------------------------------------------------------------------------------

#: A computed actual per fiscal year; None is 未集計 (see ``_uncounted_before``).
YearCounts = dict[int, int | None]


def _years_span(years: list[int]) -> tuple[date, date]:
    return fiscal_year_range(min(years))[0], fiscal_year_range(max(years))[1]


def _uncounted_before(counts: dict[int, int], first: date | None) -> YearCounts:
    """未集計 (None) for every fiscal year before the one of the first record the rule counts.

    A count of records is only a figure from the year the records began to be kept: before the first
    consultation (start-up, launched project, community project) is on file, nobody can tell "none
    happened" from "none was entered", so such a year — and every year when there is no record at all —
    is 未集計, shown as 「—」, never 0. From the first record's year on, a year with nothing is a real 0.
    """
    start = fiscal_year_of(first) if first is not None else None
    return {fy: (n if start is not None and fy >= start else None) for fy, n in counts.items()}


def _count_by_year(dates: Iterable[date], years: list[int], first: date | None) -> YearCounts:
    counts = dict.fromkeys(years, 0)
    for d in dates:
        fy = fiscal_year_of(d)
        if fy in counts:
            counts[fy] += 1
    return _uncounted_before(counts, first)


def _consultations(s: Session, years: list[int]) -> YearCounts:
    """⑫ 相談者数: consultation records held in the fiscal year (未集計 before the first record)."""
    first, last = _years_span(years)
    return _count_by_year(
        s.scalars(select(Consultation.held_on).where(Consultation.held_on.between(first, last))),
        years,
        s.scalar(select(func.min(Consultation.held_on))),
    )


def _startups(s: Session, years: list[int]) -> YearCounts:
    """⑫ 起業者数: businesses started in the fiscal year (未集計 before the first record)."""
    first, last = _years_span(years)
    stmt = select(BusinessStartup.started_on).where(BusinessStartup.started_on.between(first, last))
    return _count_by_year(s.scalars(stmt), years, s.scalar(select(func.min(BusinessStartup.started_on))))


def _launched_districts(s: Session, years: list[int]) -> YearCounts:
    """⑬ 6小学校区協働事業立ち上げ数: districts with at least one 小学校区協働事業 launched by the end of the
    fiscal year and now at a launched stage (交付決定・実施中・完了・検証済); 未集計 before the year of the
    first such launch.

    A district merged into another by the end of that year counts as the district it joined, so a merge
    does not make the count exceed the districts that exist.
    """
    statuses = [st.value for st in LAUNCHED_PROJECT_STATUSES]
    rows = s.execute(
        select(CollaborativeProject.district_id, CollaborativeProject.launched_on).where(
            CollaborativeProject.launched_on.is_not(None),
            CollaborativeProject.status.in_(statuses),
            CollaborativeProject.kind == ProjectKind.DISTRICT_COLLABORATION.value,
        )
    ).all()
    merges = {
        d.id: (d.merged_into_id, d.merged_on)
        for d in s.execute(select(District.id, District.merged_into_id, District.merged_on))
    }

    def resolve(district_id: int, until: date) -> int:
        seen = {district_id}
        current = district_id
        while True:
            target, merged_on = merges.get(current, (None, None))
            if target is None or merged_on is None or merged_on > until or target in seen:
                return current
            seen.add(target)
            current = target

    out: dict[int, int] = {}
    for fy in years:
        end = fiscal_year_range(fy)[1]
        out[fy] = len({resolve(d, end) for d, launched in rows if launched is not None and launched <= end})
    return _uncounted_before(out, min((launched for _d, launched in rows if launched), default=None))


def _community_projects(s: Session, years: list[int]) -> YearCounts:
    """⑭ コミュニティ事業数: コミュニティ事業 not cancelled whose period (start_on..end_on, an open end meaning
    still running) overlaps the fiscal year; 未集計 before the year the first of them started. A project
    without a start date is not counted."""
    rows = s.execute(
        select(CollaborativeProject.start_on, CollaborativeProject.end_on).where(
            CollaborativeProject.kind == ProjectKind.COMMUNITY.value,
            CollaborativeProject.status != ProjectStatus.CANCELLED.value,
            CollaborativeProject.start_on.is_not(None),
        )
    ).all()
    out: dict[int, int] = {}
    for fy in years:
        first, last = fiscal_year_range(fy)
        out[fy] = sum(
            1 for start, end in rows if start is not None and start <= last and (end is None or end >= first)
        )
    return _uncounted_before(out, min((start for start, _e in rows if start), default=None))


#: Rules an indicator's ``computed`` may name: code → (Japanese description, counter).
COMPUTED_RULES: dict[str, tuple[str, Callable[[Session, list[int]], YearCounts]]] = {
    "consultations": ("相談記録の件数（年度内）", _consultations),
    "startups": ("起業記録の件数（年度内に起業）", _startups),
    "launched_districts": ("協働事業を立ち上げた小学校区の数（年度末まで）", _launched_districts),
    "community_projects": ("年度内に実施中のコミュニティ事業の数", _community_projects),
}


# --- seeding -------------------------------------------------------------------------------------

#: A note for whoever enters the figures (内部メモ): it is never printed.
_STARTUPS_NOTE = (
    "計画書（テキスト抽出）では、この指標の値として「15」と「20」が表の列を失った状態で示されている。"
    "20を平成27年度の目標値として登録した。15はどの年度・区分の値か特定できないため登録していない。"
    "原本で確認のうえ入力すること。"
)

#: The four indicators of 戦略４ with the figures of the plan (21年度 = FY2009, 22年度 = FY2010, 27年度 = FY2015).
PLAN_INDICATORS: tuple[dict, ...] = (
    {
        "code": "consultations",
        "name": "生活支援ビジネスの相談者数",
        "unit": "人",
        "project": "⑫",
        "computed": "consultations",
        "display_order": 1,
        "notes": "目標値23人は、想定115人の2割。",
        "internal_notes": "",
        "values": ((2009, "base", 0), (2010, "base", 0), (2015, "target", 23)),
    },
    {
        "code": "startups",
        "name": "生活支援サービスの起業者数",
        "unit": "人",
        "project": "⑫",
        "computed": "startups",
        "display_order": 2,
        "notes": "",
        "internal_notes": _STARTUPS_NOTE,
        "values": ((2015, "target", 20),),
    },
    {
        "code": "launched_districts",
        "name": "6小学校区協働事業立ち上げ数",
        "unit": "立ち上げ数",
        "project": "⑬",
        "computed": "launched_districts",
        "display_order": 3,
        "notes": "",
        "internal_notes": "",
        "values": ((2009, "base", 1), (2010, "base", 4), (2015, "target", 6)),
    },
    {
        "code": "community_projects",
        "name": "コミュニティ事業数",
        "unit": "事業",
        "project": "⑭",
        "computed": "community_projects",
        "display_order": 4,
        "notes": "",
        "internal_notes": "",
        "values": ((2009, "base", 3), (2010, "base", 4), (2015, "target", 10)),
    },
)

SEED_USER = "総合計画（戦略４）"


def seed_plan_indicators(session: Session, user: str = "") -> list[str]:
    """Add the plan's four indicators with their figures, unless an indicator with that code exists
    (user edits are never overwritten). Returns the codes added; runs in the caller's transaction."""
    existing = set(session.scalars(select(Indicator.code)))
    added = []
    for spec in PLAN_INDICATORS:
        if spec["code"] in existing:
            continue
        ind = Indicator(
            code=spec["code"],
            name=spec["name"],
            unit=spec["unit"],
            project=spec["project"],
            computed=spec["computed"],
            display_order=spec["display_order"],
            notes=spec["notes"],
            internal_notes=spec["internal_notes"],
        )
        for fy, kind, value in spec["values"]:
            ind.values.append(
                IndicatorValue(fiscal_year=fy, kind=kind, value=float(value), entered_by=SEED_USER, reason="")
            )
        session.add(ind)
        session.flush()
        audit(session, user, "create", "indicator", ind.id, f"成果指標「{ind.name}」を計画の値で登録")
        added.append(ind.code)
    return added
