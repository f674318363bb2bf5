"""English counts use Qt's plural forms (``%n``): "1 person", "2 people" — never "1 items" or "Other 1 people" —
and a date in brackets after a word gets its space ("Established (Jun 12, 2011)")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.domain.enums import CouncilStatus, MemberRole, ProjectStatus
from sakae_council.gui import i18n
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.widgets.district_card import DistrictCard
from sakae_council.services import organisations
from sakae_council.services.dashboard import DistrictCardDTO

from .helpers import add_member


@pytest.fixture()
def english() -> Iterator[None]:
    assert i18n.install_language(i18n.ENGLISH)
    yield
    i18n.install_language(i18n.JAPANESE)


def plain(text: str) -> str:
    return re.sub(r"[\u00a0\u2060]+", lambda m: " " if "\u00a0" in m.group() else "", text)


def card(
    members: int, by_role: tuple[tuple[MemberRole, int], ...], projects: tuple[tuple[ProjectStatus, int], ...]
) -> DistrictCardDTO:
    return DistrictCardDTO(
        district_id=1,
        name="安食小学校区",
        council_name="安食小学校区地域まちづくり協議会",
        council_status=CouncilStatus.ESTABLISHED,
        established_on=date(2011, 6, 12),
        chair_name="渡辺 花子",
        member_count=members,
        members_by_role=by_role,
        open_issue_count=1,
        issues_by_status=(),
        projects_by_status=projects,
        last_meeting=None,
        next_meeting=None,
        overdue_action_count=1,
        overdue_loan_count=2,
    )


def test_a_district_card_counts_in_english_plural_forms(qtbot: QtBot, english: None) -> None:
    one = DistrictCard(card(1, ((MemberRole.OTHER, 1),), ((ProjectStatus.GRANTED, 1),)))
    qtbot.addWidget(one)
    members = plain(one.lines["members"].text.text())
    assert members.splitlines() == ["1 person", "Other 1 person"]
    assert "1 items" not in plain(one.lines["projects"].text.text())
    assert plain(one.status_badge.text()) == "Established (Jun 12, 2011)"

    two = DistrictCard(card(2, ((MemberRole.OTHER, 2),), ((ProjectStatus.GRANTED, 2),)))
    qtbot.addWidget(two)
    assert plain(two.lines["members"].text.text()).splitlines() == ["2 people", "Other 2 people"]


def test_the_same_counts_stay_japanese_in_japanese(qtbot: QtBot) -> None:
    i18n.install_language(i18n.JAPANESE)
    one = DistrictCard(card(1, ((MemberRole.OTHER, 1),), ()))
    qtbot.addWidget(one)
    assert plain(one.lines["members"].text.text()).splitlines() == ["1名", "その他 1名"]
    assert one.status_badge.text() == "設立済（平成23年6月12日）"


def test_a_list_page_title_says_1_organisation_and_2_organisations(
    qtbot: QtBot, db: Database, window: MainWindow, english: None
) -> None:
    organisations.create_organisation(db, organisations.OrganisationInput(name="安食第一自治会"))
    page = window.show_page("organisations")
    wait_idle()
    qtbot.waitUntil(lambda: page.context_label.text().endswith("1 organisation"))  # type: ignore[attr-defined]
    organisations.create_organisation(db, organisations.OrganisationInput(name="安食第二自治会"))
    page.reload()  # type: ignore[attr-defined]
    wait_idle()
    assert page.context_label.text().endswith("· 2 organisations")  # type: ignore[attr-defined]


def test_roster_title_counts_people(
    qtbot: QtBot, db: Database, two_districts: tuple[int, int], window: MainWindow, english: None
) -> None:
    add_member(db, "渡辺 花子", "ワタナベ ハナコ", two_districts[0])
    page = window.show_page("roster")
    wait_idle()
    page.reload()  # type: ignore[attr-defined]
    wait_idle()
    assert page.context_label.text().endswith("1 person")  # type: ignore[attr-defined]
    add_member(db, "相川 健", "アイカワ ケン", two_districts[0])
    page.reload()  # type: ignore[attr-defined]
    wait_idle()
    assert page.context_label.text().endswith("2 people")  # type: ignore[attr-defined]


def test_no_english_count_reads_1_items_or_1_people() -> None:
    """Every count of the English file, asked for 1: the singular noun (no "1 items", "1 people"...)."""
    assert i18n.install_language(i18n.ENGLISH)
    try:
        import xml.etree.ElementTree as ET

        ts = ET.parse(i18n.translations_dir() + "/sakae_council_en.ts")
        wrong = []
        for context in ts.getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                if message.get("numerus") != "yes":
                    continue
                one = QCoreApplication.translate(name, message.findtext("source") or "", None, 1)
                if re.search(
                    r"\b1 (items|people|entries|days|hours|participants|records|meetings|issues|projects|"
                    r"organisations|indicators|districts|backups|courses|loans|applications|pages)\b",
                    one,
                ):
                    wrong.append(f"{name}: {one}")
        assert not wrong, wrong
    finally:
        i18n.install_language(i18n.JAPANESE)
