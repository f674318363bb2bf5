"""Fonts for every PDF: the bundled BIZ UD Gothic / Mincho, plus a fallback for rare name characters.

BIZ UD fonts cover JIS X 0208 and much more, but not every 異体字 (𠮷 U+20BB7, for instance). Text goes
through :func:`markup`, which escapes it for ``Paragraph`` and switches to the fallback font (IPAmj明朝,
when installed or bundled) for characters the main font lacks. Characters no font can draw are
reported by :func:`unprintable_characters` so the user is told before printing, and print as a blank
(「空白になります」, as the warning says) — never the font's boxed X.
Ideographic variation selectors are dropped: ReportLab cannot apply them, and the base character is
the right glyph to print.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from sakae_council.paths import fonts_dir

GOTHIC = "BIZUDGothic"
GOTHIC_BOLD = "BIZUDGothic-Bold"
PGOTHIC = "BIZUDPGothic"
PGOTHIC_BOLD = "BIZUDPGothic-Bold"
MINCHO = "BIZUDMincho"
FALLBACK = "IPAmjMincho"

_BUNDLED = {
    GOTHIC: "BIZUDGothic-Regular.ttf",
    GOTHIC_BOLD: "BIZUDGothic-Bold.ttf",
    PGOTHIC: "BIZUDPGothic-Regular.ttf",
    PGOTHIC_BOLD: "BIZUDPGothic-Bold.ttf",
    MINCHO: "BIZUDMincho-Regular.ttf",
}
_FALLBACK_FILES = ("ipamjm.ttf", "IPAmjMincho.ttf")


def _is_variation_selector(ch: str) -> bool:
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _fallback_paths() -> list[Path]:
    """Where IPAmj明朝 may be: bundled beside our fonts, or installed on the system."""
    candidates = [fonts_dir() / name for name in _FALLBACK_FILES]
    candidates += [Path("/usr/share/fonts/truetype/ipamj") / name for name in _FALLBACK_FILES]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        candidates += [windir / "Fonts" / name for name in _FALLBACK_FILES]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            candidates += [Path(local) / "Microsoft" / "Windows" / "Fonts" / name for name in _FALLBACK_FILES]
    return candidates


@dataclass(frozen=True)
class FontSet:
    """The registered fonts: which have a fallback, and the characters each can draw."""

    fallback: str | None

    def has_glyph(self, font: str, ch: str) -> bool:
        return ord(ch) in _char_map(font)


@cache
def _char_map(font: str) -> frozenset[int]:
    face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    return frozenset(face.charToGlyph)


def _utf16_hex(code: int) -> str:
    """A code point as the UTF-16BE hex a ToUnicode CMap needs (a surrogate pair beyond the BMP)."""
    return chr(code).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, but with characters beyond the BMP (𠮷 U+20BB7) written as UTF-16.

    ReportLab writes ``<20BB7>``, which is not valid UTF-16, so such names could not be searched or
    copied out of the PDF; every other line is as ReportLab makes it.
    """
    original = _original_cmap(fontname, subset)
    lines = original.split("\n")
    start = next(i for i, line in enumerate(lines) if line.endswith("beginbfchar")) + 1
    for offset, code in enumerate(subset):
        lines[start + offset] = f"<{offset:02X}> <{_utf16_hex(code)}>"
    return "\n".join(lines)


_original_cmap = ttfonts.makeToUnicodeCMap


@lru_cache(maxsize=1)
def register_fonts() -> FontSet:
    """Register the bundled fonts with ReportLab (once); subsets are embedded in every PDF."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # type: ignore[assignment]
    for name, filename in _BUNDLED.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / filename)))
    addMapping(GOTHIC, 0, 0, GOTHIC)
    addMapping(GOTHIC, 1, 0, GOTHIC_BOLD)
    addMapping(GOTHIC, 0, 1, GOTHIC)
    addMapping(GOTHIC, 1, 1, GOTHIC_BOLD)
    fallback = None
    for path in _fallback_paths():
        if path.is_file():
            try:
                pdfmetrics.registerFont(TTFont(FALLBACK, str(path)))
            except Exception:  # a broken or unsupported font file: print without the fallback
                continue
            fallback = FALLBACK
            break
    return FontSet(fallback)


def _printable(text: str, font: str, fonts: FontSet) -> tuple[list[tuple[str, str]], set[str]]:
    """Split ``text`` into (font, run) pieces; also return characters no font has."""
    runs: list[tuple[str, str]] = []
    missing: set[str] = set()
    for ch in text:
        if _is_variation_selector(ch):
            continue
        use = font
        if ch not in "\n\t " and not fonts.has_glyph(font, ch):
            if fonts.fallback and fonts.has_glyph(fonts.fallback, ch):
                use = fonts.fallback
            else:
                missing.add(ch)
        if runs and runs[-1][0] == use:
            runs[-1] = (use, runs[-1][1] + ch)
        else:
            runs.append((use, ch))
    return runs, missing


def markup(text: str, font: str = GOTHIC) -> str:
    """``text`` escaped for a Paragraph, with rare characters switched to the fallback font."""
    fonts = register_fonts()
    runs, missing = _printable(text, font, fonts)
    parts = []
    for use, run in runs:
        if missing:
            # No font can draw it (an emoji): print a blank, as the warning before printing says,
            # rather than the font's boxed-X glyph.
            run = "".join("\u3000" if ch in missing else ch for ch in run)
        safe = escape(run).replace("\n", "<br/>")
        parts.append(safe if use == font else f'<font name="{use}">{safe}</font>')
    return "".join(parts)


def unprintable_characters(texts: Iterable[str], font: str = GOTHIC) -> list[str]:
    """Characters in ``texts`` that neither the main font nor the fallback can draw, in first-seen order."""
    fonts = register_fonts()
    seen: dict[str, None] = {}
    for text in texts:
        for ch in sorted(_printable(text, font, fonts)[1], key=text.index):
            seen.setdefault(ch, None)
    return list(seen)
