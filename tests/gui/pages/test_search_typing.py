"""Typing in a list's search field, as a person feels it (issue 20): the first key after a pause searches at
once, keys typed while a search is out make one more search with the newest text, an older answer never
replaces a newer one, and an input method's composition searches only when it commits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.issues import IssuesPage
from sakae_council.gui.pages.roster import RosterPage
from sakae_council.gui.widgets.list_page import SEARCH_DEBOUNCE_MS
from sakae_council.gui.widgets.search_field import WARM_AFTER_MS
from sakae_council.services import issues, people

from ..helpers import add_member
from ..waiting import wait_idle


@pytest.fixture()
def sakae(
    db: Database, roster: dict[str, people.PersonDTO], two_districts: tuple[int, int]
) -> people.PersonDTO:
    """One more person, whose notes have ASCII letters to type key by key."""
    return add_member(db, "栄 一郎", "サカエ イチロウ", two_districts[0], notes="Sakae volunteers")


@pytest.fixture()
def searches(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The search text of every roster list the page reads on the worker (the real service answers)."""
    asked: list[str] = []
    real = people.list_members

    def list_members(db: Database, flt: Any, **kw: Any) -> Any:
        asked.append(flt.query)
        return real(db, flt, **kw)

    monkeypatch.setattr(people, "list_members", list_members)
    yield asked


def roster_page(qtbot: QtBot, window: MainWindow) -> RosterPage:
    page = window.show_page("roster")
    assert isinstance(page, RosterPage)
    wait_idle(qtbot)
    qtbot.wait(SEARCH_DEBOUNCE_MS + 50)  # a person reads the list before typing
    wait_idle(qtbot)  # (the first search paid ahead meanwhile)
    page.search.setFocus()
    return page


def names(page: Any) -> list[str]:
    model = page.table.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def commit(widget: Any, text: str, preedit: str = "") -> None:
    """What an input method sends: ``preedit`` being composed, or ``text`` committed (変換して確定)."""
    event = QInputMethodEvent(preedit, [])
    if text:
        event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def settled(qtbot: QtBot, page: Any) -> None:
    """Wait as a person does until the list shows the answer to the last text typed."""
    qtbot.waitUntil(lambda: not page.search_waiting and not page.loading, timeout=10_000)
    wait_idle(qtbot)


def test_one_key_after_a_pause_searches_at_once(  # type: ignore[no-untyped-def]
    qtbot: QtBot, sakae, searches: list[str], window: MainWindow
) -> None:
    page = roster_page(qtbot, window)
    assert len(names(page)) == 6
    qtbot.keyClick(page.search, "s")
    # Asked for on the keystroke itself: no fixed wait before the search starts.
    assert page.loading and not page.search_waiting
    wait_idle(qtbot)  # waits for the database worker only, not for any timer
    assert searches[-1] == "s"
    assert names(page) == ["栄 一郎"]
    assert page.context_label.text() == "全学区・1名"

    qtbot.wait(SEARCH_DEBOUNCE_MS + 50)
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)  # cleared: the whole list again, at once
    assert page.loading and not page.search_waiting
    wait_idle(qtbot)
    assert searches[-1] == ""
    assert len(names(page)) == 6


def test_fast_typing_searches_at_most_twice_and_shows_the_last_text(  # type: ignore[no-untyped-def]
    qtbot: QtBot, sakae, searches: list[str], window: MainWindow
) -> None:
    page = roster_page(qtbot, window)
    searches.clear()
    qtbot.keyClicks(page.search, "sakae")  # five keys faster than any search answers
    settled(qtbot, page)
    assert len(searches) <= 2, searches
    assert searches[0] == "s" and searches[-1] == "sakae"
    assert names(page) == ["栄 一郎"]


def test_a_key_soon_after_a_search_waits_for_the_pause_then_searches_the_newest_text(  # type: ignore[no-untyped-def]
    qtbot: QtBot, sakae, searches: list[str], window: MainWindow
) -> None:
    page = roster_page(qtbot, window)
    commit(page.search, "北")
    wait_idle(qtbot)
    assert names(page) == ["北 三郎"]
    if page._typing._since_search.isActive():  # the answer came within the pause (the usual case)
        commit(page.search, "三")  # 北三: typed within the pause after the last search
        assert page.search_waiting and not page.loading
    else:
        commit(page.search, "三")
    settled(qtbot, page)
    assert searches[-1] == "北三"
    assert names(page) == ["北 三郎"]
    page.search.clear()
    settled(qtbot, page)
    assert len(names(page)) == 6


def test_an_older_answer_never_replaces_a_newer_one(  # type: ignore[no-untyped-def]
    qtbot: QtBot, sakae, searches: list[str], window: MainWindow
) -> None:
    page = roster_page(qtbot, window)
    shown: list[list[str]] = []
    page.model.modelReset.connect(lambda: shown.append(names(page)))
    qtbot.keyClick(page.search, "s")  # a search for "s" is out (six people have no s, one has)…
    qtbot.keyClicks(page.search, "x")  # …"sx" waits for it…
    page.flush_search()  # …and is asked for before it lands: the answer for "s" is dropped
    settled(qtbot, page)
    assert searches[-1] == "sx"  # (the search for "s" ran, or was dropped before it started)
    assert shown == [[]]  # only the newest answer reached the table
    assert page.context_label.text() == "全学区・0名"


def test_an_input_method_searches_when_it_commits(  # type: ignore[no-untyped-def]
    qtbot: QtBot, sakae, searches: list[str], window: MainWindow
) -> None:
    page = roster_page(qtbot, window)
    searches.clear()
    commit(page.search, "", preedit="さかえ")  # being composed: not text yet
    assert page.search.text() == "" and not page.search_waiting and not page.loading
    wait_idle(qtbot)
    assert searches == [] and len(names(page)) == 6
    commit(page.search, "栄")  # 変換して確定
    assert page.loading and not page.search_waiting
    settled(qtbot, page)
    assert searches == ["栄"]
    assert names(page) == ["栄 一郎"]

    qtbot.wait(SEARCH_DEBOUNCE_MS + 50)
    page.search.clear()
    settled(qtbot, page)
    qtbot.wait(SEARCH_DEBOUNCE_MS + 50)
    commit(page.search, "ＳＡＫＡＥ")  # 全角 letters find the half-width notes
    settled(qtbot, page)
    assert searches[-1] == "ＳＡＫＡＥ"
    assert names(page) == ["栄 一郎"]


def test_the_issue_list_searches_on_the_first_key_too(  # type: ignore[no-untyped-def]
    qtbot: QtBot, db: Database, two_districts: tuple[int, int], window: MainWindow
) -> None:
    with db.transaction() as s:
        issues.seed_categories(s)
    category = issues.list_categories(db)[0].id
    for title in ("通院の送迎", "公園の草刈り"):
        issues.create_issue(
            db,
            issues.IssueInput(
                title=title, district_id=two_districts[0], category_id=category, raised_on=date(2026, 5, 1)
            ),
        )
    page = window.show_page("issues")
    assert isinstance(page, IssuesPage)
    wait_idle(qtbot)
    assert len(names(page)) == 2
    qtbot.wait(SEARCH_DEBOUNCE_MS + 50)
    commit(page.search, "公園")
    assert page.loading and not page.search_waiting
    wait_idle(qtbot)
    assert names(page) == ["公園の草刈り"]


def test_the_first_search_is_paid_ahead_without_touching_the_list(  # type: ignore[no-untyped-def]
    qtbot: QtBot, sakae, searches: list[str], window: MainWindow
) -> None:
    """Once the list has shown, its search runs on the worker for the start of its first row (アイカワ
    ケン): the statements the first keystroke needs are ready, and nothing on screen changes."""
    page = roster_page(qtbot, window)
    assert searches == ["", "ア", "アイ", "アイカ"]
    assert len(names(page)) == 6 and page.context_label.text() == "全学区・6名"
    page.reload()  # later loads do not warm again
    wait_idle(qtbot)
    assert searches[4:] == [""]


@pytest.fixture()
def many_people(db: Database, two_districts: tuple[int, int]) -> int:
    """Ten more people than the roster's first query reads."""
    from sakae_council.gui.models.roster import RosterModel

    kana = "アイウエオカキクケコサシスセソタチツテト"
    count = RosterModel.FIRST_BATCH + 10
    for i in range(count):
        add_member(db, f"会員 {i:03d}", f"カイイン {kana[i // 20]}{kana[i % 20]}", two_districts[0])
    return count


def test_the_first_rows_fill_a_full_hd_window_at_the_smallest_text_size(  # type: ignore[no-untyped-def]
    qtbot: QtBot, many_people: int, ctx, window: MainWindow
) -> None:
    """A keystroke asks for RosterModel.FIRST_BATCH people only: more than the table shows on a 1920×1080
    window at 小, so the view needs no second fetch to fill itself; the rest come as it scrolls."""
    from sakae_council.gui.models.roster import RosterModel
    from sakae_council.gui.text_size import TextSize, apply_text_size

    apply_text_size(TextSize.SMALL, ctx.font_family)
    window.resize(1920, 1080)
    page = window.show_page("roster")
    wait_idle(qtbot)
    qtbot.wait(50)  # the view's own check whether it is filled (a zero timer), then its fetch if any
    wait_idle(qtbot)
    table = page.table
    assert page.model.rowCount() == RosterModel.FIRST_BATCH
    last_seen = table.rowAt(table.viewport().height() - 1)
    assert 0 < last_seen < RosterModel.FIRST_BATCH - 1
    assert page.context_label.text() == f"全学区・{many_people}名"
    table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == many_people)


def test_a_key_typed_as_the_list_lands_waits_for_one_probe_at_most(  # type: ignore[no-untyped-def]
    qtbot: QtBot, sakae, searches: list[str], ctx
) -> None:
    """A person typing the moment the list appears: the warming gives way (put off, or stopped after the
    probe it is at), and it is done later, from the list then shown."""
    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot)  # the list has landed; the warming is due WARM_AFTER_MS later
    page.search.setFocus()
    qtbot.keyClick(page.search, "s")
    settled(qtbot, page)
    qtbot.wait(WARM_AFTER_MS + 50)
    wait_idle(qtbot)
    assert len(searches[1 : searches.index("s")]) <= 1  # probes run before the keystroke's search
    assert names(page) == ["栄 一郎"]
    assert set(searches[searches.index("s") + 1 :]) <= {"ア", "アイ", "アイカ", "サ", "サカ", "サカエ"}
