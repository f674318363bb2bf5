"""Reference data every database needs: issue categories, the plan's indicators, meeting bodies."""

from __future__ import annotations

from sakae_council.db.engine import Database


def ensure_seeded(db: Database) -> None:
    """Seed reference data (idempotent): categories, the four plan indicators, one body per district."""
    from sakae_council.services import indicators, issues, meetings

    with db.transaction() as s:
        issues.seed_categories(s)
        indicators.seed_plan_indicators(s)
    meetings.ensure_district_bodies(db)
