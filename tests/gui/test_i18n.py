"""Languages: Japanese whatever the OS unless the user chose English; English changes every visible string of the main pages;
dates are 和暦 in Japanese and Gregorian in English; the compiled .qm matches the .ts.

When the English walk fails after you added strings: ``python scripts/i18n.py`` (collects them into
``resources/i18n/sakae_council_en.ts``), ``python scripts/i18n.py --unfinished`` (lists them), write the
English as ``source<TAB>English`` lines in a file, ``python scripts/i18n.py --fill that.tsv``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import String, Text, inspect, select
from sqlalchemy import Table as SATable

from gui.waiting import wait_idle
from sakae_council.db.engine import Database, open_database
from sakae_council.gui import i18n
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import fiscal_year_text, wareki
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import app_settings
from sakae_council.gui.widgets.date_edit import WarekiDateEdit

from .demo_town import demo_town_copy
from .helpers import TODAY

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = re.compile(
    r"[\u3040-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"
)


@pytest.fixture()
def restore_japanese() -> Iterator[None]:
    yield
    i18n.install_language(i18n.JAPANESE)


@pytest.fixture()
def demo_db(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Database]:
    path = demo_town_copy(tmp_path_factory, tmp_path / "demo.db")
    db = open_database(path, create=False, user="テスト担当")
    yield db
    db.close()


def demo_window(qtbot: QtBot, db: Database) -> MainWindow:
    app = QApplication.instance()
    settings = app_settings()
    family = prepare_application(app, settings)  # type: ignore[arg-type]
    window = MainWindow(AppContext(db, settings, font_family=family, today=TODAY))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


# --- what the user sees ------------------------------------------------------------------------------


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _menu_texts(menu: QMenu) -> Iterator[str]:
    for action in menu.actions():
        yield action.text()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def _view_texts(view: QAbstractItemView, rows: int = 40) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    top = QModelIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
    for column in range(columns):
        yield "header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(top), rows)):
        for column in range(columns):
            value = model.data(model.index(row, column, QModelIndex()))
            if isinstance(value, str):
                yield "cell", value
            tip = model.data(model.index(row, column, QModelIndex()), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield "cell", tip


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a user can see in ``root``: labels, buttons, tabs, headers, cells,
    combo items, placeholders, tooltips, titles."""
    found: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(root) and w is not root:
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if w.toolTip():
            found.append((f"{name} tooltip", w.toolTip()))
        if w.accessibleName():
            found.append((f"{name} accessible name", w.accessibleName()))
        if isinstance(w, QLabel | QAbstractButton):
            found.append((name, w.text()))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title()))
        elif isinstance(w, QTabBar):
            found += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            found += [(f"{name} item", w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            found.append((f"{name} placeholder", w.placeholderText()))
        if isinstance(w, QAbstractItemView) and not isinstance(
            w, QHeaderView
        ):  # headers: from the view's model
            found += [(f"{name} {kind}", text) for kind, text in _view_texts(w)]
        if isinstance(w, QTabWidget):
            found += [(name, w.tabText(i)) for i in range(w.count())]
    # Labels and buttons may hold rich text and & mnemonics; cells and items are shown as they are.
    return [
        (where, _plain(text) if where.split("#")[0] in _MARKED_UP else text) for where, text in found if text
    ]


_MARKED_UP = {
    "QLabel",
    "TitleLabel",
    "MutedLabel",
    "ElidedLabel",
    "QPushButton",
    "QRadioButton",
    "QCheckBox",
    "QToolButton",
}


def window_texts(window: MainWindow) -> list[tuple[str, str]]:
    texts = [("window title", window.windowTitle())]
    for action in window.menuBar().actions():
        texts.append(("menu", _plain(action.text())))
        if action.menu() is not None:
            texts += [("menu", _plain(t)) for t in _menu_texts(action.menu()) if t]
    return texts + visible_texts(window)


def data_strings(db: Database) -> list[str]:
    """Every text stored in the database (names, titles, notes...): data, which stays as entered."""
    found: set[str] = set()
    with db.engine.connect() as conn:
        insp = inspect(conn)
        for table_name in insp.get_table_names():
            columns = [
                c["name"] for c in insp.get_columns(table_name) if isinstance(c["type"], String | Text)
            ]
            if not columns:
                continue
            table = SATable(table_name, __import__("sqlalchemy").MetaData(), autoload_with=conn)
            for row in conn.execute(select(*[table.c[c] for c in columns])):
                for value in row:
                    if value and JAPANESE.search(value):
                        found.add(value)
                        found.update(line.strip() for line in value.splitlines() if line.strip())
    return sorted(found, key=len, reverse=True)


#: Known gaps, page by page, each to be closed by the page's owner; the rest of each page is checked.
KNOWN_GAPS: dict[str, list[str]] = {
    # services/indicator_rules.py describes how an actual value is totalled in Japanese only.
    "indicators": [r"(?<=automatically: ).*"],
}

#: Language names are written in their own language on purpose (gui/i18n.py CHOICES).
LANGUAGE_NAMES = ("日本語",)


def untranslated(texts: list[tuple[str, str]], data: list[str], gaps: list[str] = ()) -> list[str]:  # type: ignore[assignment]
    """Texts with Japanese left once the data (and any known gap) in them is taken out."""
    data = [*data, *LANGUAGE_NAMES]
    pattern = re.compile("|".join([*gaps, *(re.escape(d) for d in data)]))
    prefixes = data  # a cell may show a note cut short with …
    bad = []
    for where, text in texts:
        if not JAPANESE.search(text):
            continue
        rest = pattern.sub(" ", text)
        if JAPANESE.search(rest) and "…" in rest:
            rest = " ".join(
                part
                for part in rest.split("…")
                if not any(d.startswith(part.strip()) for d in prefixes if part.strip())
            )
        if JAPANESE.search(rest):
            bad.append(f"{where}: {text!r}")
    return sorted(set(bad))


def walk_pages(qtbot: QtBot, window: MainWindow) -> dict[str, list[tuple[str, str]]]:
    seen: dict[str, list[tuple[str, str]]] = {}
    for i in range(window.nav.count()):
        key = window.nav.item(i).data(Qt.ItemDataRole.UserRole)
        page = window.show_page(key)
        wait_idle()
        qtbot.waitUntil(lambda p=page: window.stack.currentWidget() is p)
        QApplication.processEvents()
        seen[key] = window_texts(window)
    return seen


# --- tests --------------------------------------------------------------------------------------------


def test_japanese_whatever_the_os_unless_english_is_chosen() -> None:
    assert i18n.effective_language(i18n.JAPANESE) == "ja"
    assert i18n.effective_language(i18n.ENGLISH) == "en"
    assert i18n.effective_language("system") == "ja"  # an earlier version's "follow the computer"


def test_an_english_computer_starts_in_japanese(qapp: QApplication, restore_japanese: None) -> None:
    """Nothing chosen, on a computer whose locale is American English: the program speaks Japanese."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        settings = app_settings()
        settings.remove(i18n.KEY_LANGUAGE)
        i18n.install_language(i18n.ENGLISH)  # whatever ran before
        assert i18n.install_translators(qapp, settings) == "ja"
        assert qapp.translate("Navigation", "名簿") == "名簿"
    finally:
        QLocale.setDefault(before)


def test_the_stored_choice_is_applied_at_start(qapp: QApplication, restore_japanese: None) -> None:
    settings = app_settings()
    settings.setValue(i18n.KEY_LANGUAGE, "en")
    wait_idle()
    assert i18n.install_translators(qapp, settings) == "en"
    assert qapp.translate("Navigation", "名簿") == "Members"
    settings.setValue(i18n.KEY_LANGUAGE, "ja")
    wait_idle()
    assert i18n.install_translators(qapp, settings) == "ja"
    assert qapp.translate("Navigation", "名簿") == "名簿"
    for stored in ("nonsense", "system"):
        settings.setValue(i18n.KEY_LANGUAGE, stored)
        wait_idle()
        assert i18n.stored_choice(settings) == i18n.JAPANESE


def test_dates_are_wareki_in_japanese_and_gregorian_in_english(qtbot: QtBot, restore_japanese: None) -> None:
    day = date(2026, 11, 28)
    i18n.install_language("ja")
    assert wareki(day) == "令和8年11月28日"
    assert i18n.format_date(day, weekday=True) == "令和8年11月28日（土）"
    assert fiscal_year_text(2026) == "令和8年度"
    i18n.install_language("en")
    assert wareki(day) == "Nov 28, 2026"
    assert i18n.format_date(day, weekday=True) == "Sat, Nov 28, 2026"
    assert fiscal_year_text(2026) == "FY2026"
    edit = WarekiDateEdit("held_on")
    qtbot.addWidget(edit)
    edit.set_value(day)
    wait_idle()
    assert edit.text() == "2026-11-28" and edit.value() == day  # what is written back still parses


def test_compiled_translation_matches_its_source(qapp: QApplication) -> None:
    """The shipped .qm says what the .ts says (run ``python scripts/i18n.py --release`` after editing it)."""
    ts = ROOT / "resources" / "i18n" / "sakae_council_en.ts"
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "i18n" / "sakae_council_en.qm"))
    stale = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            if node is None or node.get("type") in {"unfinished", "vanished", "obsolete"}:
                continue
            if message.get("numerus") == "yes":  # a count: "%n item" for 1, "%n items" for 2
                forms = [f.text or "" for f in node.findall("numerusform")]
                for n, form in ((1, forms[0]), (2, forms[-1])):
                    if translator.translate(name, source, None, n) != form:
                        stale.append(f"{name}: {source!r} (n={n})")
                continue
            if not node.text:
                continue
            if translator.translate(name, source) != node.text:
                stale.append(f"{name}: {source!r}")
    assert not stale, f"run: python scripts/i18n.py --release\n{stale[:20]}"


def test_every_translation_keeps_the_placeholders_of_its_source() -> None:
    ts = ROOT / "resources" / "i18n" / "sakae_council_en.ts"
    wrong = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        texts = [f.text or "" for f in node.iter("numerusform")] if node is not None else []
        texts = texts or [message.findtext("translation") or ""]
        for text in texts:
            if text and sorted(re.findall(r"\{\w*\}|%n", source)) != sorted(re.findall(r"\{\w*\}|%n", text)):
                wrong.append(f"{source!r} → {text!r}")
    assert not wrong, wrong


def test_english_changes_every_visible_string_of_the_main_pages(
    qtbot: QtBot, demo_db: Database, restore_japanese: None
) -> None:
    data = data_strings(demo_db)

    i18n.install_language("ja")
    japanese = walk_pages(qtbot, demo_window(qtbot, demo_db))
    # The walk itself sees the interface: in Japanese, every page shows plenty of non-data Japanese.
    for key, texts in japanese.items():
        assert len(untranslated(texts, data)) >= 5, key

    assert i18n.install_language("en")
    english_window = demo_window(qtbot, demo_db)
    english = walk_pages(qtbot, english_window)
    assert english_window.nav.item(1).text() == "Members"
    left = {key: untranslated(texts, data, KNOWN_GAPS.get(key, [])) for key, texts in english.items()}
    left = {key: texts for key, texts in left.items() if texts}
    report = "\n".join(f"[{key}]\n  " + "\n  ".join(texts) for key, texts in left.items())
    assert not left, f"Japanese left in the English interface (see this module's docstring):\n{report}"
    # And the data itself is untouched: the people of the demo town keep their names.
    roster_cells = [t for where, t in english["roster"] if where.endswith("cell")]
    assert any(t in data for t in roster_cells)


def test_switching_in_settings_rebuilds_the_window_in_english(
    qtbot: QtBot, demo_db: Database, restore_japanese: None
) -> None:
    i18n.install_language("ja")
    window = demo_window(qtbot, demo_db)
    page = window.show_page("settings")
    wait_idle()
    radio = page.findChild(QAbstractButton, "language_en")
    assert radio is not None and radio.text() == "English"
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)
    new = i18n._keep[-1]
    assert isinstance(new, MainWindow) and new is not window
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert new.isVisible() and i18n.current_language() == "en"
    assert new.stack.currentWidget() is new.page("settings")  # the user stays where they were
    assert [new.nav.item(i).text() for i in range(2)] == ["Dashboard", "Members"]
    assert app_settings().value(i18n.KEY_LANGUAGE) == "en"
    back = new.page("settings").findChild(QAbstractButton, "language_ja")
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    newest = i18n._keep[-1]
    qtbot.addWidget(newest)
    assert newest.nav.item(1).text() == "名簿" and i18n.current_language() == "ja"
