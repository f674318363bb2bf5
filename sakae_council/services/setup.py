"""Reference data every database needs: issue categories, the plan's indicators, meeting bodies."""

from __future__ import annotations

from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import AppSetting, District, MeetingBody
from sakae_council.domain.enums import BodyKind

#: Raise when the seeded categories or indicators change, so every file is seeded again once.
SEED_VERSION = "1"
SEED_KEY = "reference_data_version"


def _seeded(db: Database) -> bool:
    """Whether this file already has this version's reference data and a body for every active district.

    A read, not a write: on every start the check costs a few lookups instead of a write transaction (a
    file lock and an fsync on SQLite).
    """
    with db.reading() as s:
        if s.scalar(select(AppSetting.value).where(AppSetting.key == SEED_KEY)) != SEED_VERSION:
            return False
        council = select(MeetingBody.id).where(
            MeetingBody.kind == BodyKind.DISTRICT_COUNCIL.value, MeetingBody.district_id == District.id
        )
        without_body = s.scalar(
            select(District.id).where(District.active.is_(True), ~council.exists()).limit(1)
        )
        liaison = s.scalar(select(MeetingBody.id).where(MeetingBody.kind == BodyKind.LIAISON.value).limit(1))
        return without_body is None and liaison is not None


def ensure_seeded(db: Database) -> None:
    """Seed reference data (idempotent): categories, the four plan indicators, one body per district."""
    if _seeded(db):
        return
    from sakae_council.services import indicator_rules, issues, meeting_bodies

    with db.transaction() as s:
        issues.seed_categories(s)
        indicator_rules.seed_plan_indicators(s)
    meeting_bodies.ensure_district_bodies(db)
    with db.transaction() as s:
        s.merge(AppSetting(key=SEED_KEY, value=SEED_VERSION))
