"""The bundled BIZ UD fonts, registered with Qt so Japanese never shows as boxes."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from sakae_council.paths import fonts_dir

log = logging.getLogger(__name__)

UI_FAMILY = "BIZ UDPGothic"
UI_FONT_FILES = ("BIZUDPGothic-Regular.ttf", "BIZUDPGothic-Bold.ttf")


def load_bundled_fonts() -> str | None:
    """Register BIZ UD PGothic from resources/fonts; return its family name, or None if it could not load."""
    family: str | None = None
    for name in UI_FONT_FILES:
        path = fonts_dir() / name
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load bundled font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]
    return family
