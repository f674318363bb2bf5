"""文字サイズ 特大 on a 1280×800 laptop (its screen less a 40-pixel task bar): the windows found too large or
scrolling sideways when the whole program was looked at (``scripts/screenshots.py --every-window``) fit.

* the meeting editor opens inside the screen (it opened at 1400×1000, its buttons below the screen's edge);
* 資機材の空き状況 shows its dates whole (「年11月28日」: the era and year were cut off);
* 役員改選 shows its seven columns without sideways scrolling, its choices (「選んでください」) whole;
* 連絡会まとめを印刷 fits the screen's height (its choices and the preview needed 770 of 760 pixels);
* 補助金の集計 grows with the text (it stayed 900×520 and scrolled sideways, 支出額 cut);
* 出納帳 shows each line's 日付 whole (it was the first column hidden for room);
* 通帳CSVの取込, with a statement read, fits the screen's width and its table of entries needs no sideways
  scrolling;
* 設定's list of 学区 needs no sideways scrolling and shows all six (it showed two; the page scrolls now).

Like ``test_laptop_screen.py``, a program of its own is started with Qt's offscreen platform given the
laptop's screen (``configfile``): the test suite's own offscreen screen is 800×800.
"""

from __future__ import annotations

import pytest

from .demo_town import demo_town_copy
from .laptop_program import SCREEN, fits, run_program

PROGRAM = r"""
from PySide6.QtWidgets import QDialog, QPushButton

def new_dialog(before):
    settle()
    found = [w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible() and w not in before]
    assert len(found) == 1, found
    return found[0]

from sakae_council.db.engine import open_database
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.print_summary import PrintSummaryDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import KEY_TEXT_SIZE, app_settings
from sakae_council.services import meetings
from sakae_council.services.districts import list_districts
from sakae_council.services.demo import DEMO_TODAY

settings = app_settings()
settings.setValue(KEY_TEXT_SIZE, "xlarge")  # 特大, chosen in an earlier session
family = prepare_application(app, settings)
db = open_database(sys.argv[1], create=False, user="test")
ctx = AppContext(db, settings, font_family=family, today=DEMO_TODAY)
window = MainWindow(ctx, last_backup=lambda _db: None)
window.show()
settle()
result = {}

page = window.show_page("meetings")
settle()
first = meetings.list_meetings(db)[0]
editor = page.open_editor(meetings.get_meeting(db, first.id))
settle()
result["meeting_editor"] = facts(editor, "editor")
editor.mark_clean()
editor.reject()
settle()

page = window.show_page("projects")
settle()
before = set(app.topLevelWidgets())
next(b for b in page.findChildren(QPushButton) if b.text().startswith("補助金の集計")).click()
totals = new_dialog(before)
result["grant_totals"] = facts(totals, "grant_totals")
result["grant_totals"]["sideways"] = totals.table.horizontalScrollBar().maximum()
totals.reject()
settle()

page = window.show_page("general_meeting")
settle()
before = set(app.topLevelWidgets())
next(b for b in page.findChildren(QPushButton) if b.text().startswith("役員改選")).click()
changeover = new_dialog(before)
result["changeover"] = facts(changeover, "changeover")
result["changeover"]["sideways"] = changeover.table.horizontalScrollBar().maximum()
body = changeover.scroll_area.widget()
result["changeover"]["body_sideways"] = body.width() - changeover.scroll_area.viewport().width()
result["changeover"]["choice_cut"] = [
    changeover.table.columnWidth(c) < changeover.table.cellWidget(0, c).sizeHint().width() for c in (4, 5)
]
changeover.mark_clean()
changeover.reject()
settle()

page = window.show_page("equipment")
settle()
before = set(app.topLevelWidgets())
next(b for b in page.findChildren(QPushButton) if b.objectName() == "availabilityButton").click()
free = new_dialog(before)
result["availability"] = facts(free, "availability")
result["availability"]["dates"] = [
    [e.text(), e.width() >= e.fontMetrics().horizontalAdvance(e.text()) + e.height()] for e in (free.start, free.end)
]
free.reject()
settle()

summary = PrintSummaryDialog(ctx, window)
summary.show()
settle(1.0)
result["summary"] = facts(summary, "summary")
summary.reject()
settle()

ctx.set_district(list_districts(db)[0].id)  # a council's books, as a treasurer chooses them
page = window.show_page("accounts")
settle()
cash = page.cashbook.table
dates = cash.horizontalHeader()
result["cashbook_dates"] = [dates.isSectionHidden(1), dates.sectionSize(1) >= cash.sizeHintForColumn(1)]
before = set(app.topLevelWidgets())
page.cashbook.import_button.click()
importing = new_dialog(before)
importing.path.setText(sys.argv[3])
importing.read(by_hand=False)
settle()
result["import"] = facts(importing, "importing")
result["import"]["rows"] = importing.table.rowCount()
result["import"]["sideways"] = importing.table.horizontalScrollBar().maximum()
result["import"]["page_sideways"] = importing.central.horizontalScrollBar().maximum()
importing.mark_clean()
importing.reject()
settle()

ctx.set_district(None)
page = window.show_page("settings")
settle()
result["settings_sideways"] = page.table.horizontalScrollBar().maximum()
table = page.table
result["settings_rows"] = [table.model().rowCount(), table.rowAt(table.viewport().height() - 2)]
window.grab().save(f"{sys.argv[4]}/settings.png")
window.close()
db.close()
print(json.dumps(result))
"""

STATEMENT = (
    "普通預金 入出金明細\r\n"
    "取引日,摘要,お預り金額,お支払金額,残高\r\n"
    '2026/11/02,ｶｲﾋ ﾀﾅｶ ﾊﾅｺ ｶﾞｲﾄｳ ﾆｼﾞｭｳﾖﾝ ﾅﾝﾄﾞ ﾜｹ,"3,000",,"203,000"\r\n'
    '2026/11/05,振込 髙橋商店 文房具・印刷用紙・トナーの代金,,"112,800","90,200"\r\n'
    "2026/11/10,手数料,,110,90090\r\n"
)


@pytest.fixture(scope="module")
def looked(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What the program of its own reports of each window (one run for the module: it takes a while)."""
    tmp_path = tmp_path_factory.mktemp("laptop_xlarge")
    geometry = {"name": "laptop", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1]}
    data = demo_town_copy(tmp_path_factory, tmp_path / "demo.db")
    csv = tmp_path / "meisai.csv"
    csv.write_bytes(STATEMENT.encode("cp932"))
    args = [str(data), str(tmp_path / "settings"), str(csv), str(tmp_path)]
    return run_program(PROGRAM, args, [geometry], tmp_path)


def test_the_meeting_editor_opens_inside_the_screen(looked: dict) -> None:
    fits(looked["meeting_editor"])


def test_the_grant_totals_grow_with_the_text_and_need_no_sideways_scrolling(looked: dict) -> None:
    fits(looked["grant_totals"])
    assert looked["grant_totals"]["sideways"] == 0, looked["grant_totals"]


def test_the_changeover_shows_every_column_and_its_choices_whole(looked: dict) -> None:
    fits(looked["changeover"])
    assert looked["changeover"]["sideways"] == 0, looked["changeover"]
    assert looked["changeover"]["body_sideways"] <= 0, looked["changeover"]  # nothing cut at the right
    assert looked["changeover"]["choice_cut"] == [False, False], looked["changeover"]


def test_the_availability_window_shows_its_dates_whole(looked: dict) -> None:
    fits(looked["availability"])
    assert looked["availability"]["dates"] == [["令和8年11月28日", True], ["令和8年12月28日", True]], looked


def test_the_summary_print_window_fits_the_screen_height(looked: dict) -> None:
    fits(looked["summary"])


def test_the_cash_book_keeps_its_dates_whole(looked: dict) -> None:
    assert looked["cashbook_dates"] == [False, True], looked["cashbook_dates"]  # shown, not cut


def test_the_bank_statement_import_needs_no_sideways_scrolling(looked: dict) -> None:
    fits(looked["import"])
    assert looked["import"]["rows"] == 3, looked["import"]  # the statement was read: its entries are listed
    assert looked["import"]["sideways"] == 0 and looked["import"]["page_sideways"] == 0, looked["import"]


def test_the_settings_list_of_districts_needs_no_sideways_scrolling(looked: dict) -> None:
    assert looked["settings_sideways"] == 0, looked


def test_the_settings_list_shows_every_district(looked: dict) -> None:
    count, last_seen = looked["settings_rows"]
    assert count == 6 and last_seen in (-1, count - 1), looked["settings_rows"]  # (-1: below the last row)
