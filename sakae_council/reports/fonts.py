"""Fonts for every PDF: the bundled BIZ UD Gothic / Mincho, plus a fallback for rare name characters.

BIZ UD fonts cover JIS X 0208 and much more, but not every 異体字 (𠮷 U+20BB7, for instance). Text goes
through :func:`markup`, which escapes it for ``Paragraph`` and switches to the fallback font (IPAmj明朝,
when installed or bundled) for characters the main font lacks. Characters no font can draw are
reported by :func:`unprintable_characters` so the user is told before printing, and print as a blank
(「空白になります」, as the warning says) — never the font's boxed X.
Ideographic variation selectors are dropped: ReportLab cannot apply them, and the base character is
the right glyph to print.

Speed (the first paper of a session is what a person waits for): a font is parsed only when a paper first
uses it — ReportLab asks ``pdfmetrics.findFontAndRegister`` for a name it does not know, and we answer for
ours — so IPAmj明朝 (46 MB) is read only when a character needs it. Parsed tables are kept in the user's
cache folder (keyed by the file's size and content hash, ReportLab's and this format's version) and parsing runs with the garbage collector paused, since a large GUI heap makes it pay.

Memory: a font file is mapped, not read (:func:`_file_bytes`), so only the pages of the glyphs printed
are ever resident.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import mmap
import os
import sys
import threading
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace
from reportlab.rl_config import unShapedFontGlob

from sakae_council.paths import cache_dir, fonts_dir
from sakae_council.reports.font_tables import CACHE_FORMAT, compact, dump, load

#: A font file's bytes: the file mapped into memory (see _file_bytes), or read when it cannot be mapped.
FontBytes = bytes | mmap.mmap

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
    """The fonts papers use: the fallback's name when its file is there, and the characters each can draw."""

    fallback: str | None

    def has_glyph(self, font: str, ch: str) -> bool:
        return ord(ch) in _char_map(font)


@cache
def _char_map(font: str) -> Container[int]:
    """The characters ``font`` has: its own character map (a copy as a set cost 4 MB for IPAmj明朝)."""
    try:
        face = pdfmetrics.getFont(font).face  # type: ignore[attr-defined]
    except Exception:  # a broken or unsupported fallback file: print without it (the user is told)
        if font != FALLBACK:
            raise
        return frozenset()
    return face.charToGlyph  # type: ignore[no-any-return]


# --- loading on first use, through a cache ----------------------------------------------------------

#: Attributes of a parsed face that are not kept in the cache: the file's bytes (read again, cheaply)
#: and a scaling function (made again from unitsPerEm).
_NOT_CACHED = ("_ttf_data", "_pdfScale")


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _cache_file(path: Path, data: FontBytes) -> Path:
    """Where the parsed tables of the font file ``path`` (whose bytes are ``data``) are kept: named by the
    file's size and content hash (another version of the font, or the same one moved, is told apart by
    what it holds; SHA-256 of a 4.6 MB BIZ UD file takes ~3 ms), ReportLab's and this format's version.
    The hash reads the file, not ``data``: a mapped file's pages stay out of memory until a paper needs them."""
    with path.open("rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
    key = f"{len(data)}|{digest}|{reportlab.Version}|{sys.version_info[:2]}|{CACHE_FORMAT}"
    return cache_dir() / "fonts" / f"{path.stem}-{hashlib.sha256(key.encode()).hexdigest()[:16]}.marshal"


def _file_bytes(path: Path) -> FontBytes:
    """The font file's bytes as ReportLab reads them (slices, single bytes, length), mapped rather than read:
    a paper reads only the tables and the glyphs it prints, so only those pages are ever in memory — the
    bytes read whole were 4.6 MB per BIZ UD face, 46 MB for IPAmj明朝, kept as long as the program runs."""
    with path.open("rb") as fh:
        try:
            return mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # a file that cannot be mapped (empty, odd file system): read it
            return fh.read()


class _GlyphTable:
    """The ``glyf`` table of a mapped font, read one glyph at a time: ``table[a:b]`` is the bytes of that
    slice only. ReportLab's subsetting copies the whole table to take a few glyphs from it — 4.6 MB per BIZ
    UD face and 40 MB for IPAmj明朝 at every paper, and every page of the file made resident."""

    def __init__(self, data: FontBytes, start: int, length: int) -> None:
        self._data, self._start, self._length = data, start, length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, part: slice) -> bytes:
        first, stop, step = part.indices(self._length)
        if step != 1:
            raise ValueError("a glyph table is read in runs of bytes")
        return bytes(self._data[self._start + first : self._start + max(first, stop)])


class MappedFace(TTFontFace):
    """A parsed face whose file is mapped (see _file_bytes): the same face, with the glyph table read lazily."""

    @property
    def glyphToChar(self) -> dict[int, list[int]]:  # noqa: N802 (ReportLab's name)
        """Glyph → characters, made on first use (only ReportLab's text shaping reads it)."""
        made: dict[int, list[int]] | None = self.__dict__.get("_glyph_to_char")
        if made is None:
            made = {}
            for char, glyph in self.charToGlyph.items():
                made.setdefault(glyph, []).append(char)
            self.__dict__["_glyph_to_char"] = made
        return made

    @glyphToChar.setter
    def glyphToChar(self, value: dict[int, list[int]]) -> None:  # noqa: N802 - set while ReportLab parses
        self.__dict__["_glyph_to_char"] = value

    def get_table(self, tag: str) -> Any:
        if tag == "glyf" and isinstance(self._ttf_data, mmap.mmap):
            pos, length = self.get_table_pos(tag)
            return _GlyphTable(self._ttf_data, pos, length)
        return super().get_table(tag)


def _font(name: str, face: MappedFace) -> TTFont:
    """A registered font of ``face``, made as ``TTFont.__init__`` makes one."""
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()  # as TTFont.__init__ makes it
    font._asciiReadable = reportlab.rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)  # as TTFont.__init__ does
    return font


def _from_cache(name: str, data: FontBytes, cached: Path) -> TTFont | None:
    try:
        state = load(cached.read_bytes())
    except Exception:  # missing, stale or damaged: parse the font again
        return None
    face = MappedFace.__new__(MappedFace)
    face.__dict__.update(state)
    face._ttf_data = data
    per_em = face.unitsPerEm
    face._pdfScale = (lambda x: x) if per_em == 1000 else (lambda x, m=1000 / per_em: x * m)
    return _font(name, face)


def _parse(name: str, path: Path, data: FontBytes) -> TTFont:
    """Parse the font file with ReportLab, from the mapped file (ReportLab would read all of it: 46 MB for
    IPAmj明朝), then keep its tables compact."""
    face = MappedFace.__new__(MappedFace)
    face._ttf_data, face.filename = data, str(path)  # ReportLab reads the file only when it has no data
    TTFontFace.__init__(face, str(path))
    scale = face._pdfScale
    state = {k: v for k, v in face.__dict__.items() if k not in _NOT_CACHED}
    face.__dict__.clear()
    face.__dict__.update(compact(state))
    face._ttf_data, face._pdfScale = data, scale
    return _font(name, face)


def load_font(name: str, path: Path) -> TTFont:
    """The parsed font ``name`` from ``path``, from the cache when it is there and current."""
    data = _file_bytes(path)
    cached = _cache_file(path, data)
    with _gc_paused():
        font = _from_cache(name, data, cached)
        if font is not None:
            return font
        font = _parse(name, path, data)
    # kept for the next session (a missing, stale or damaged entry is written again)
    state = {k: v for k, v in font.face.__dict__.items() if k not in _NOT_CACHED}
    with contextlib.suppress(OSError):  # no cache is only slower
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(dump(state))
        os.replace(partial, cached)
    return font


def release_font_pages() -> None:
    """After a paper is written: the pages of the mapped font files its subsets read (the whole glyph table,
    which ReportLab copies to subset it) leave the resident set; the files stay mapped and the next paper
    reads those pages again from the system's file cache. Call it only while no paper is being drawn."""
    if not hasattr(mmap, "MADV_DONTNEED"):  # not on Windows; there the system trims the pages itself
        return
    with FONT_LOCK:
        for font in list(pdfmetrics._fonts.values()):  # noqa: SLF001 - ReportLab's registry
            data = getattr(getattr(font, "face", None), "_ttf_data", None)
            if isinstance(data, mmap.mmap):
                with contextlib.suppress(OSError, ValueError):
                    data.madvise(mmap.MADV_DONTNEED)


def _fallback_file() -> Path | None:
    return next((p for p in _fallback_paths() if p.is_file()), None)


_original_find = pdfmetrics.findFontAndRegister


#: ReportLab's font registry is a plain module-level dict: papers drawn in two threads at once (a print
#: window's preview while another opens) must not parse and register the same font twice.
FONT_LOCK = threading.RLock()


def _find_and_register(font_name: str) -> object:
    """ReportLab's look-up of a font it has not registered yet: ours are parsed now, on first use."""
    with FONT_LOCK:
        if font_name in pdfmetrics._fonts:  # noqa: SLF001 - another thread registered it meanwhile
            return pdfmetrics._fonts[font_name]  # noqa: SLF001
        return _load_and_register(font_name)


def _load_and_register(font_name: str) -> object:
    path = fonts_dir() / _BUNDLED[font_name] if font_name in _BUNDLED else None
    if font_name == FALLBACK:
        path = _fallback_file()
    if path is None:
        return _original_find(font_name)
    font = load_font(font_name, path)
    pdfmetrics.registerFont(font)  # which maps the name's bold and italic to itself: map ours again
    _map_families()
    return font


def _map_families() -> None:
    """<b> in a Gothic paragraph is set in Gothic Bold."""
    addMapping(GOTHIC, 0, 0, GOTHIC)
    addMapping(GOTHIC, 1, 0, GOTHIC_BOLD)
    addMapping(GOTHIC, 0, 1, GOTHIC)
    addMapping(GOTHIC, 1, 1, GOTHIC_BOLD)


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
    """Make our fonts known to ReportLab (once); each is parsed when a paper first uses it."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # type: ignore[assignment]
    pdfmetrics.findFontAndRegister = _find_and_register
    _map_families()
    return FontSet(FALLBACK if _fallback_file() is not None else None)


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


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` makes them (that module imports
    ``urllib.request`` and with it half the standard library: tens of ms before the first paper)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
