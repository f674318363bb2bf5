"""One vocabulary of change notices: every table has an area, every area a screen that refreshes for it,
and other users' changes to ⑫ records, staff records and the manual reach open pages on the server."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.db.models import Base
from sakae_council.domain.areas import Area
from sakae_council.domain.enums import MemberRole
from sakae_council.gui.context import AppContext
from sakae_council.gui.pages.indicators_lifesupport import ConsultationsPage, CoursesPage, StartupsPage
from sakae_council.gui.pages.manual import ManualPage
from sakae_council.gui.pages.staff_records import ActivityTab, TrainingTab
from sakae_council.gui.widgets.change_watcher import ChangeWatcher
from sakae_council.services import changes, districts, lifesupport, manual, people, staff_records
from sakae_council.services.people import MembershipInput, PersonInput

from .conftest import Store

GUI = Path(__file__).resolve().parents[2] / "sakae_council" / "gui"


@pytest.fixture()
def make_ctx(qapp: QApplication, tmp_path: Path) -> Callable[[Database], AppContext]:
    def make(db: Database) -> AppContext:
        return AppContext(db, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))

    return make


def test_every_table_belongs_to_an_area() -> None:
    tables = set(Base.metadata.tables)
    unmapped = tables - changes.TABLE_AREAS.keys() - changes.IGNORED_TABLES
    assert not unmapped, f"tables with no change area: {sorted(unmapped)}"
    assert not changes.TABLE_AREAS.keys() - tables, "areas given for tables that no longer exist"
    assert set(Area) >= changes.ALL_AREAS
    assert changes.areas_of({"a_table_of_a_newer_version"}) is None  # then every page refreshes


def _areas_in(node: ast.AST, constants: dict[str, set[Area]]) -> set[Area]:
    found: set[Area] = set()
    for sub in ast.walk(node):
        if isinstance(sub, ast.Attribute) and isinstance(sub.value, ast.Name) and sub.value.id == "Area":
            found.add(Area[sub.attr])
        elif isinstance(sub, ast.Name) and sub.id in constants:
            found |= constants[sub.id]
    return found


def test_every_area_has_a_screen_that_refreshes_for_it() -> None:
    """Read from the code: the areas named in every ``_data_changed`` handler of gui/, constants resolved."""
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in GUI.rglob("*.py")]
    constants: dict[str, set[Area]] = {}
    for tree in trees:
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
            ):
                areas = _areas_in(node.value, {})
                if areas:
                    constants[node.targets[0].id] = areas
    handled: set[Area] = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "_data_changed":
                handled |= _areas_in(node, constants)
    assert set(Area) - handled == set(), f"areas no screen refreshes for: {sorted(set(Area) - handled)}"


def test_other_users_records_reach_the_open_pages(
    qtbot: QtBot, pg_store: Store, tmp_path: Path, make_ctx: Callable[[Database], AppContext]
) -> None:
    """The five refreshes that were missed: 相談記録, 講座, 起業, 研修, 職員の地域活動 — and the manual."""
    mine, theirs = pg_store.open("自分"), pg_store.open("ほかの人")
    ctx = make_ctx(mine)
    today = ctx.today()
    a = districts.create_district(theirs, districts.DistrictInput(name="安食小学校区")).id
    staff = people.create_person(
        theirs,
        PersonInput(
            name="町 職員",
            memberships=(MembershipInput(district_id=a, role=MemberRole.STAFF, term_start=today),),
        ),
    )
    pages = {
        "consultations": ConsultationsPage(ctx),
        "courses": CoursesPage(ctx),
        "startups": StartupsPage(ctx),
        "training": TrainingTab(ctx),
        "activity": ActivityTab(ctx),
        "manual": ManualPage(ctx),
    }
    for page in pages.values():
        qtbot.addWidget(page)
        page.show()  # open: a record tab out of view loads when it is opened (test_manual_page)
    rows: dict[str, Callable[[], int]] = {
        "consultations": lambda: pages["consultations"].records.rowCount(),  # type: ignore[attr-defined]
        "courses": lambda: pages["courses"].records.rowCount(),  # type: ignore[attr-defined]
        "startups": lambda: pages["startups"].records.rowCount(),  # type: ignore[attr-defined]
        "training": lambda: pages["training"].model.rowCount(),  # type: ignore[attr-defined]
        "activity": lambda: pages["activity"].entries_model.rowCount(),  # type: ignore[attr-defined]
        "manual": lambda: pages["manual"].outline.model.chapter_count(),  # type: ignore[attr-defined]
    }
    assert all(count() == 0 for count in rows.values())

    watcher = ChangeWatcher(ctx, interval_ms=100)
    watcher.start()
    try:
        # The other user's saves, one at a time (set up through the services: they are another program, not
        # this window); each page must show its record before the next save, so one save's notice cannot
        # stand in for another's.
        saves: dict[str, Callable[[], object]] = {
            "consultations": lambda: lifesupport.create_consultation(
                theirs, lifesupport.ConsultationInput(held_on=today, person_name="相談 花子", district_id=a)
            ),
            "courses": lambda: lifesupport.create_course(
                theirs, lifesupport.CourseInput(title="スマホ講座", held_on=today)
            ),
            "startups": lambda: lifesupport.create_startup(
                theirs, lifesupport.StartupInput(founder_name="起業 一郎", started_on=today, district_id=a)
            ),
            "training": lambda: staff_records.create_training(
                theirs, staff_records.StaffTrainingInput(person_id=staff.id, held_on=today, title="協働研修")
            ),
            "activity": lambda: staff_records.create_staff_activity(
                theirs,
                staff_records.StaffActivityInput(
                    person_id=staff.id, held_on=today, title="夏祭りの手伝い", district_id=a
                ),
            ),
            "manual": lambda: manual.create_section(theirs, None, "第1章 協働とは"),
        }
        for name, save in saves.items():
            save()
            qtbot.waitUntil(lambda name=name: rows[name]() == 1, timeout=10_000)  # type: ignore[misc]
    finally:
        watcher.stop()
