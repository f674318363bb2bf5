"""表示言語 — which language the interface speaks, and the translators that make it so.

The interface is written in Japanese; ``resources/i18n/sakae_council_en.qm`` (compiled from the ``.ts``
by ``scripts/i18n.py`` or the build) turns it into English. The program is for a Japanese town, so it
speaks Japanese whatever the computer's locale; English only when the user chose it (設定 › 表示言語, or the
「English」 link on the welcome screen), stored under ``view/language``.

Dates follow the language: 和暦 (令和8年11月28日) in Japanese, Gregorian (Nov 28, 2026) in English.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtWidgets import QMainWindow, QWidget

from sakae_council.domain.errors import set_message_translator
from sakae_council.gui.settings import ENGLISH, KEY_LANGUAGE
from sakae_council.paths import resources_dir

if TYPE_CHECKING:
    from datetime import date

log = logging.getLogger(__name__)

JAPANESE = "ja"

#: (setting value, label). Language names are written in their own language so anyone can find theirs.
CHOICES: tuple[tuple[str, str], ...] = (
    (JAPANESE, "日本語"),
    (ENGLISH, "English"),
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_current = JAPANESE
_installed: list[QTranslator] = []


def choice_label(value: str) -> str:
    """The label shown for a language choice: the language's name in that language."""
    return dict(CHOICES).get(value, value)


def stored_choice(settings: QSettings) -> str:
    """The user's choice: "ja" (the default, also for nothing or anything unknown stored) or "en".

    The computer's locale plays no part: an earlier version's "system" (follow the computer) reads as
    Japanese, so an English Windows no longer turns the program English without anyone choosing it.
    """
    value = str(settings.value(KEY_LANGUAGE) or JAPANESE)
    return value if value in dict(CHOICES) else JAPANESE


def effective_language(choice: str) -> str:
    """The language to show for a stored choice: English only when chosen, Japanese otherwise."""
    return ENGLISH if choice == ENGLISH else JAPANESE


def current_language() -> str:
    """The language the interface speaks now ("ja" or "en")."""
    return _current


def is_english() -> bool:
    return _current == ENGLISH


def translations_dir() -> str:
    return str(resources_dir() / "i18n")


def install_language(language: str, app: QCoreApplication | None = None) -> bool:
    """Replace the installed translators with those for ``language`` ("ja"/"en").

    Returns False when the English file is missing (the interface then stays Japanese).
    """
    global _current
    # The services' error messages (Japanese) are translated under "services" (see domain.errors).
    set_message_translator(translate_service_text)
    app = app or QCoreApplication.instance()
    if app is None:
        _current = language
        return True
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ok = True
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == JAPANESE:
        qt = QTranslator(app)
        if qt.load(
            QLocale(QLocale.Language.Japanese), "qtbase", "_", qt_dir
        ):  # OK/キャンセル in Qt's own dialogs
            app.installTranslator(qt)
            _installed.append(qt)
        _current = JAPANESE
    else:
        ours = QTranslator(app)
        if ours.load(f"sakae_council_{language}", translations_dir()):
            app.installTranslator(ours)
            _installed.append(ours)
            _current = language
        else:
            log.warning("no translation file for %s in %s", language, translations_dir())
            _current = JAPANESE
            ok = False
    return ok


def translate_service_text(text: str) -> str:
    """A service's Japanese message (or message template, or term) in the interface's language."""
    return QCoreApplication.translate("services", text)


def install_translators(app: QCoreApplication, settings: QSettings) -> str:
    """At start-up: install what the user chose (Japanese unless English was chosen); returns the language."""
    install_language(effective_language(stored_choice(settings)), app)
    return _current


# --- dates ------------------------------------------------------------------------------------------


def format_date(d: date, *, weekday: bool = False) -> str:
    """令和8年11月28日（土） in Japanese; Sat, Nov 28, 2026 in English."""
    if _current != ENGLISH:
        from sakae_council.domain.wareki import to_wareki  # not needed before the first paint

        return to_wareki(d, weekday=weekday)
    text = f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"
    return f"{_WEEKDAYS[d.weekday()]}, {text}" if weekday else text


def format_fiscal_year(fy: int) -> str:
    """令和8年度 in Japanese; FY2026 in English."""
    from sakae_council.domain.wareki import fiscal_year_label

    return f"FY{fy}" if _current == ENGLISH else fiscal_year_label(fy)


def date_input_text(d: date) -> str:
    """A date as written back into a field: 和暦 in Japanese, ISO (2026-11-28) in English — both parse."""
    from sakae_council.domain.wareki import format_date_iso, to_wareki

    return format_date_iso(d) if _current == ENGLISH else to_wareki(d)


# --- switching while running ------------------------------------------------------------------------


def switch_language(settings: QSettings, choice: str, window: QWidget | None = None) -> QMainWindow | None:
    """Store the choice, install its translators and rebuild the main window so every text changes.

    Widgets write their texts once, when built; rebuilding the window (same database, same page, same
    size) is simpler and surer than teaching every page to retranslate itself. Returns the new window.
    """
    settings.setValue(KEY_LANGUAGE, choice)
    settings.sync()
    install_language(effective_language(choice))
    old = window.window() if window is not None else None
    if old is None or not hasattr(old, "ctx"):
        return None
    from PySide6.QtCore import Qt  # not at import: see main_window.PAGE_KEY_ROLE

    from sakae_council.gui.main_window import MainWindow

    if not isinstance(old, MainWindow):
        return None
    geometry = QByteArray(old.saveGeometry())
    old.save_state()
    new = MainWindow(old.ctx)
    new.restoreGeometry(geometry)
    _keep.append(new)
    new.show()
    old.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # its pages let go of the context's signals
    old.close()
    _keep[:] = [new]
    return new


#: The window made by a language switch: something must hold it, since run_gui holds only the first.
_keep: list[QWidget] = []
