"""Accessibility: WCAG AA contrast of the default colours, every control reachable by keyboard in a sensible
order on every page and in the dialogs the pages open, and the text size reaching every page and dialog
(checked, and photographed, at 特大)."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database, open_database
from sakae_council.gui import palette
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import app_settings
from sakae_council.gui.text_size import TextSize

from .demo_town import demo_town_copy
from .helpers import TODAY, clipped_texts, settle_layouts
from .waiting import wait_idle

AA = 4.5
#: Where the 特大 pictures go (look at them after a change to a screen): SAKAE_A11Y_SHOTS or a temp folder.
SHOTS_ENV = "SAKAE_A11Y_SHOTS"


# --- contrast ----------------------------------------------------------------------------------------


def _channel(v: float) -> float:
    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4


def luminance(c: QColor) -> float:
    return 0.2126 * _channel(c.redF()) + 0.7152 * _channel(c.greenF()) + 0.0722 * _channel(c.blueF())


def over(fg: QColor, bg: QColor) -> QColor:
    """``fg`` as seen painted on ``bg`` (a half-transparent text colour is lighter than it says)."""
    a = fg.alphaF()
    return QColor.fromRgbF(
        fg.redF() * a + bg.redF() * (1 - a),
        fg.greenF() * a + bg.greenF() * (1 - a),
        fg.blueF() * a + bg.blueF() * (1 - a),
    )


def contrast(fg: QColor | str, bg: QColor | str) -> float:
    """WCAG 2 contrast ratio, 1..21."""
    b = QColor(bg)
    f = over(QColor(fg), b)
    hi, lo = sorted((luminance(f), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)  # the classic just-failing grey
    assert contrast(QColor(0, 0, 0, 128), "#FFFFFF") == pytest.approx(
        contrast("#7F7F7F", "#FFFFFF"), abs=0.01
    )


TEXT_PAIRS = [
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
]


def test_the_default_palette_meets_wcag_aa(ctx: AppContext) -> None:
    pal = QApplication.palette()
    low = []
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg, bg in TEXT_PAIRS:
            ratio = contrast(pal.color(group, fg), pal.color(group, bg))
            if ratio < AA:
                low.append(f"{group.name} {fg.name} on {bg.name}: {ratio:.2f}")
    # WCAG excuses disabled controls; elderly eyes do not: greyed-out text stays readable (3:1).
    for fg, bg in TEXT_PAIRS[:4]:
        ratio = contrast(
            pal.color(QPalette.ColorGroup.Disabled, fg), pal.color(QPalette.ColorGroup.Disabled, bg)
        )
        if ratio < 3.0:
            low.append(f"Disabled {fg.name} on {bg.name}: {ratio:.2f}")
    assert not low, low


def test_status_and_message_colours_meet_wcag_aa(ctx: AppContext) -> None:
    pal = QApplication.palette()
    backgrounds = {
        "window": pal.color(QPalette.ColorRole.Window),
        "base": pal.color(QPalette.ColorRole.Base),
        "alternate": pal.color(QPalette.ColorRole.AlternateBase),
    }
    low = []
    for key, style in palette.STATUS_STYLES.items():
        if (ratio := contrast(style.foreground, style.background)) < AA:
            low.append(f"status {key}: {ratio:.2f}")
    for name in ("ERROR_TEXT", "WARNING_TEXT", "MUTED_TEXT"):
        for where, bg in backgrounds.items():
            if (ratio := contrast(getattr(palette, name), bg)) < AA:
                low.append(f"{name} on {where}: {ratio:.2f}")
    if (ratio := contrast(palette.WARNING_TEXT, palette.WARNING_BACKGROUND)) < AA:
        low.append(f"warning: {ratio:.2f}")
    assert not low, low


# --- the demo town in a window -----------------------------------------------------------------------


@pytest.fixture()
def demo_db(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Database]:
    path = demo_town_copy(tmp_path_factory, tmp_path / "demo.db")
    db = open_database(path, create=False, user="テスト担当")
    yield db
    db.close()


@pytest.fixture()
def demo_window(qtbot: QtBot, demo_db: Database, qapp: QApplication) -> Iterator[MainWindow]:
    settings = app_settings()
    family = prepare_application(qapp, settings)
    window = MainWindow(AppContext(demo_db, settings, font_family=family, today=TODAY))
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window.ctx.set_text_size(TextSize.MEDIUM)


@pytest.fixture()
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = (
        Path(os.environ[SHOTS_ENV]) if os.environ.get(SHOTS_ENV) else tmp_path_factory.mktemp("a11y_shots")
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def page_keys(window: MainWindow) -> list[str]:
    return [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]


# --- keyboard ------------------------------------------------------------------------------------------

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
)


def _shown(w: QWidget, root: QWidget) -> bool:
    return w.isVisibleTo(root) and w.isEnabled() and w.width() > 0 and w.height() > 0


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """Controls a mouse user can use in ``root`` (what a keyboard user must be able to reach)."""
    found = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INTERACTIVE) or not _shown(w, root):
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox | QAbstractSpinBox):
            continue  # the editor inside a combo or spin box: reached through its owner
        if (
            isinstance(w, QAbstractButton)
            and w.parent() is not None
            and type(w.parent()).__name__
            in {
                "QLineEdit",  # a line edit's clear button: Ctrl+A, Delete do the same
                "QScrollBar",
            }
        ):
            continue
        if isinstance(w, QAbstractButton) and w.objectName() in {
            "qt_scrollarea_hcontainer",
            "qt_scrollarea_vcontainer",
        }:
            continue
        if isinstance(w, QTabBar) and w.count() <= 1:
            continue
        if w.objectName() == "qt_toolbar_ext_button":
            continue
        found.append(w)
    return found


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets Tab visits inside ``root``, in order (Qt's focus chain, as Tab walks it)."""
    chain: list[QWidget] = []
    start = root
    w = root.nextInFocusChain()
    guard = 0
    while w is not start and guard < 5000:
        guard += 1
        if (
            (root.isAncestorOf(w) or w is root)
            and _shown(w, root)
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None
        ):
            chain.append(w)
        w = w.nextInFocusChain()
    return chain


def _radio_siblings(w: QRadioButton) -> list[QWidget]:
    """Radio buttons that arrow keys move between once Tab has reached one of them."""
    if w.group() is not None:
        return list(w.group().buttons())
    parent = w.parentWidget()
    return [r for r in parent.findChildren(QRadioButton) if r.parentWidget() is parent] if parent else [w]


def reachable(w: QWidget, chain: list[QWidget]) -> bool:
    """Tab reaches ``w`` itself, its focus proxy, or the container that owns it (a view's own editor);
    a radio button counts as reached when Tab reaches one of its group (arrows do the rest)."""
    targets = _radio_siblings(w) if isinstance(w, QRadioButton) else [w.focusProxy() or w]
    return any(c is t or c.isAncestorOf(t) for c in chain for t in targets)


def unreachable(root: QWidget) -> list[str]:
    chain = focus_chain(root)
    return [
        f"{type(w).__name__}#{w.objectName()} {getattr(w, 'text', lambda: '')()!r}"
        for w in interactive_widgets(root)
        if not reachable(w, chain) and not _has_shortcut(w)
    ]


def _has_shortcut(w: QWidget) -> bool:
    return isinstance(w, QAbstractButton) and not w.shortcut().isEmpty()


def backward_steps(chain: list[QWidget], root: QWidget) -> list[str]:
    """Places where Tab jumps back up and to the left (to a control wholly above the previous one and
    starting no further right): a focus order against reading order. Going on from a list to the buttons
    at the top right that act on it is fine."""
    bad = []
    for a, b in zip(chain, chain[1:], strict=False):
        if isinstance(b, QTabBar):
            continue  # tabs also switch with Ctrl+Tab from anywhere inside their tab widget
        pa = a.mapTo(root, a.rect().topLeft())
        pb = b.mapTo(root, b.rect().topLeft())
        if pb.y() + b.height() < pa.y() - 4 and pb.x() <= pa.x() + 8:
            bad.append(f"{type(a).__name__}#{a.objectName()} → {type(b).__name__}#{b.objectName()}")
    return bad


def test_every_control_of_every_page_is_reachable_by_tab(qtbot: QtBot, demo_window: MainWindow) -> None:
    problems: dict[str, list[str]] = {}
    for key in page_keys(demo_window):
        page = demo_window.show_page(key)
        QApplication.processEvents()
        missing = unreachable(page)
        if missing:
            problems[key] = missing
    assert not problems, problems


def test_tab_goes_from_the_navigation_into_the_page_in_reading_order(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    window_chain = focus_chain(demo_window)
    assert window_chain[0] is demo_window.nav or demo_window.nav in window_chain
    problems: dict[str, list[str]] = {}
    for key in page_keys(demo_window):
        page = demo_window.show_page(key)
        QApplication.processEvents()
        chain = focus_chain(demo_window)
        nav_at = chain.index(demo_window.nav)
        in_page = [w for w in chain if page.isAncestorOf(w)]
        assert in_page, key
        # From the navigation list, Tab goes to the district switcher or straight into the page.
        after_nav = chain[(nav_at + 1) % len(chain)]
        assert after_nav is demo_window.district_switcher or page.isAncestorOf(after_nav), key
        steps = backward_steps(in_page, page)
        if steps:
            problems[key] = steps
    assert not problems, problems


# --- dialogs: open what each page opens ------------------------------------------------------------


def opener_buttons(page: QWidget) -> list[QPushButton]:
    """Buttons that open a dialog without changing anything: 新規登録 and the "…" ones, not deleting."""
    found = []
    for b in page.findChildren(QPushButton):
        text = b.text().replace("&", "")
        if not _shown(b, page) or "削除" in text or "取消" in text or "取り消" in text:
            continue
        if text.startswith("新規登録") or text.endswith("…"):
            found.append(b)
    return found


def _new_dialogs(before: set[int]) -> list[QDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w.isVisible() and id(w) not in before
    ]


def _close_boxes() -> None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMessageBox | QFileDialog) and w.isVisible():
            w.reject()


DialogCheck = Callable[[str, str, QDialog], None]


def walk_dialogs(window: MainWindow, check: DialogCheck) -> int:
    """Click every opener button of every page and run ``check(page, button, dialog)`` on what opens.

    A timer does the looking, so dialogs shown with ``exec()`` (which do not return until closed) are
    checked too; file choosers, input and message boxes are just closed. Returns how many were checked.
    """
    checked = 0
    for key in page_keys(window):
        page = window.show_page(key)
        QApplication.processEvents()
        for button in opener_buttons(page):
            if not button.isEnabled():
                continue
            before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
            handled: set[int] = set()
            label = button.text().replace("&", "")

            def look(
                key: str = key, label: str = label, before: set[int] = before, handled: set[int] = handled
            ) -> None:
                nonlocal checked
                for dialog in _new_dialogs(before):
                    if id(dialog) in handled:
                        continue
                    handled.add(id(dialog))
                    if isinstance(dialog, QMessageBox | QFileDialog | QInputDialog):
                        # Qt's own standard dialogs (keyboard-ready by design). A QInputDialog.getText()
                        # is deleted by Qt the moment it returns: wrappers of its children left for the
                        # garbage collector would crash it.
                        dialog.reject()
                        continue
                    QApplication.processEvents()
                    settle_layouts()
                    checked += 1
                    try:
                        check(key, label, dialog)
                    finally:
                        if dialog.isVisible():
                            dialog.reject()
                        QApplication.processEvents()
                        _close_boxes()  # an "unsaved changes?" question on the way out

            timer = QTimer()
            timer.setInterval(50)
            timer.timeout.connect(look)
            timer.start()
            try:
                button.click()
                # A dialog shows at once (or within the click, for exec()); give a slower one a moment.
                deadline = time.monotonic() + 0.4
                while time.monotonic() < deadline and not (handled and not _new_dialogs(before)):
                    QApplication.processEvents()
                    time.sleep(0.01)
            finally:
                timer.stop()
            look()
            _close_boxes()
    return checked


def dialog_order_problems(dialog: QDialog) -> list[str]:
    """Unreachable controls and a Tab order against reading order in ``dialog``, as text (no widgets kept).

    Tab goes round in a circle, so one step back up — from the last control to the first — is the wrap;
    any other is a jump against reading order.
    """
    found = [f"not reachable by Tab: {w}" for w in unreachable(dialog)]
    chain = focus_chain(dialog)
    steps = backward_steps([*chain, chain[0]], dialog) if chain else []
    if len(steps) > 1:
        found.append(f"focus jumps back: {steps}")
    return found


def test_every_dialog_a_page_opens_is_usable_by_keyboard(qtbot: QtBot, demo_window: MainWindow) -> None:
    problems: list[str] = []

    def check(key: str, button: str, dialog: QDialog) -> None:
        where = f"{key} / {button} / {dialog.windowTitle()}"
        problems.extend(f"{where}: {p}" for p in dialog_order_problems(dialog))
        # Python wrappers of a dialog's children must be gone before Qt deletes a dialog it made itself
        # (QInputDialog.getText...): a stale one crashes the garbage collector later.
        gc.collect()
        # Esc leaves the dialog without saving (perhaps after asking about unsaved changes).
        dialog.activateWindow()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        QApplication.processEvents()
        _close_boxes()
        if dialog.isVisible():
            problems.append(f"{where}: Esc does not close it")

    seen = walk_dialogs(demo_window, check)
    assert seen >= 5, "the walk opened hardly any dialogs: is the demo town there?"
    assert not problems, "\n".join(problems)


# --- text size ---------------------------------------------------------------------------------------


def small_fonts(root: QWidget, points: float) -> list[str]:
    """Visible texts drawn smaller than the chosen body size (the text size did not reach them)."""
    bad = []
    for w in [root, *root.findChildren(QWidget)]:
        if not _shown(w, root):
            continue
        text = w.text() if isinstance(w, QLabel | QAbstractButton) else None
        if not text and not isinstance(w, QLineEdit | QComboBox | QAbstractItemView):
            continue
        size = w.font().pointSizeF()
        if 0 < size < points - 0.6:
            bad.append(f"{type(w).__name__}#{w.objectName()} {text!r}: {size} pt")
    return bad


def test_every_page_follows_the_largest_text_size_without_clipping(
    qtbot: QtBot, demo_window: MainWindow, shots: Path
) -> None:
    demo_window.ctx.set_text_size(TextSize.XLARGE)
    demo_window.resize(1366, 900)
    problems: dict[str, list[str]] = {}
    for key in page_keys(demo_window):
        page = demo_window.show_page(key)
        wait_idle(qtbot)  # as a person waits for the list, read on the database worker
        found = small_fonts(page, TextSize.XLARGE.points) + clipped_texts(page)
        demo_window.grab().save(str(shots / f"xlarge_page_{key}.png"))
        if found:
            problems[key] = found
    assert not problems, problems
    assert demo_window.nav.font().pointSizeF() == pytest.approx(TextSize.XLARGE.points)


def test_every_dialog_follows_the_largest_text_size_without_clipping(
    qtbot: QtBot, demo_window: MainWindow, shots: Path
) -> None:
    demo_window.ctx.set_text_size(TextSize.XLARGE)
    problems: list[str] = []

    def check(key: str, button: str, dialog: QDialog) -> None:
        name = f"xlarge_dialog_{key}_{len(list(shots.glob(f'xlarge_dialog_{key}_*'))) + 1:02d}.png"
        dialog.grab().save(str(shots / name))
        found = small_fonts(dialog, TextSize.XLARGE.points) + clipped_texts(dialog)
        if found:
            problems.append(f"{key} / {button} ({name}): {found}")

    seen = walk_dialogs(demo_window, check)
    assert seen >= 5
    assert not problems, "\n".join(problems)
