"""Fonts are parsed on first use and through a cache, and the PDFs come out the same either way.

Each case runs in its own process: font registration is global to a process, and the first paper of a
fresh process is exactly what the cache is for.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import sys
from pathlib import Path

import pytest

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFontFace
from reportlab.platypus import Paragraph, SimpleDocTemplate

from sakae_council.reports import fonts

mode, out, text = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
if mode == "cached":  # every font must come from the cache: parsing a file now is a failure
    def refuse(*_a, **_k):
        raise AssertionError("a font was parsed although the cache holds it")
    TTFontFace.__init__ = refuse
fonts.register_fonts()
style = ParagraphStyle("body", fontName=fonts.GOTHIC, fontSize=10.5, leading=16, wordWrap="CJK")
story = [Paragraph(fonts.markup(text) + " <b>" + fonts.markup("太字の行") + "</b>", style)]
SimpleDocTemplate(str(out), pagesize=A4, invariant=1).build(story)
print(" ".join(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith(("BIZ", "IPA")))))
"""


def make(tmp_path: Path, cache: Path, mode: str, name: str, text: str) -> tuple[bytes, str]:
    out = tmp_path / f"{name}.pdf"
    env = dict(os.environ, SAKAE_CACHE_DIR=str(cache), PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode, str(out), text],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return out.read_bytes(), done.stdout.strip()


def test_the_cached_fonts_make_the_same_pdf_and_only_the_fonts_used_are_loaded(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh, loaded = make(tmp_path, cache, "parse", "fresh", "山田 花子さんの議事録")
    assert loaded.split() == ["BIZUDGothic", "BIZUDGothic-Bold"]  # not Mincho, PGothic or IPAmj明朝
    assert sorted(p.name.split("-")[0] for p in (cache / "fonts").iterdir()) == ["BIZUDGothic", "BIZUDGothic"]
    again, _ = make(tmp_path, cache, "cached", "again", "山田 花子さんの議事録")
    assert again == fresh  # byte for byte (ReportLab's invariant mode): same glyphs, widths and subsets


def test_the_rare_character_font_is_loaded_only_when_a_character_needs_it(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh, loaded = make(tmp_path, cache, "parse", "rare", "𠮷田 花子")
    if "IPAmjMincho" not in loaded:  # not installed here: then the character is reported, not printed
        assert b"IPAmj" not in fresh
        return
    again, _ = make(tmp_path, cache, "cached", "rare-again", "𠮷田 花子")
    assert again == fresh


def test_a_stale_or_damaged_cache_is_parsed_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh, _ = make(tmp_path, cache, "parse", "fresh", "会議")
    for cached in (cache / "fonts").iterdir():
        cached.write_bytes(b"not a pickle")
    again, _ = make(tmp_path, cache, "parse", "again", "会議")
    assert again == fresh
    assert all(p.read_bytes() != b"not a pickle" for p in (cache / "fonts").iterdir())  # rewritten


def test_a_font_file_changed_in_place_gets_its_own_cache_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same path, size and modification time, other bytes (a font updated by a copy that kept the time):
    the cache is keyed by the content, so the old tables are never used for the new file."""
    from sakae_council.paths import fonts_dir
    from sakae_council.reports.fonts import load_font

    cache = tmp_path / "cache"
    monkeypatch.setenv("SAKAE_CACHE_DIR", str(cache))
    font = tmp_path / "Font.ttf"
    original = (fonts_dir() / "BIZUDGothic-Regular.ttf").read_bytes()
    font.write_bytes(original)
    first = load_font("TestGothic", font)
    stat = font.stat()
    assert len(list((cache / "fonts").iterdir())) == 1

    changed = bytearray(original)
    start = first.face.table["DSIG"]["offset"]  # the signature block: parsed tables stay the same
    changed[start + 4] ^= 0xFF
    font.write_bytes(bytes(changed))
    os.utime(font, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert font.stat().st_size == stat.st_size and font.stat().st_mtime_ns == stat.st_mtime_ns

    second = load_font("TestGothic", font)

    assert len(list((cache / "fonts").iterdir())) == 2, "parsed again and kept under the new content's key"
    assert second.face._ttf_data[:] == bytes(changed)  # what goes into the PDF's subset is the new file
    third = load_font("TestGothic", font)  # and now from the cache
    assert third.face.charToGlyph == second.face.charToGlyph


class _Doc:
    """A document, as ReportLab keys a font's subsets by one."""


def test_a_large_face_keeps_its_character_maps_as_arrays_that_answer_as_reportlab_s(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """IPAmj明朝's maps (54,578 characters) are kept as arrays: here BIZ UD Gothic is made to count as
    large, so the bundled font shows that the arrays answer every lookup ReportLab makes as its dicts do,
    parsed now or read from the cache, and that a paper measures and subsets its text the same."""
    from reportlab.pdfbase.ttfonts import TTFont

    from sakae_council.paths import fonts_dir
    from sakae_council.reports import font_tables
    from sakae_council.reports.font_tables import CharTable
    from sakae_council.reports.fonts import load_font

    monkeypatch.setenv("SAKAE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(font_tables, "COMPACT_CHARS", 10_000)
    path = fonts_dir() / "BIZUDGothic-Regular.ttf"
    plain = TTFont("PlainGothicLarge", str(path))
    text = "栄町 まちづくり協議会 ABC 123 <&> 髙﨑 ー・〜"
    for font in (load_font("LargeGothic1", path), load_font("LargeGothic2", path)):  # parsed, then cached
        face = font.face
        for key in ("charToGlyph", "charWidths"):
            table, reference = getattr(face, key), getattr(plain.face, key)
            assert isinstance(table, CharTable)
            assert len(table) == len(reference) and dict(table.items()) == reference
        assert 0x3042 in face.charToGlyph and 0x20BB7 not in face.charToGlyph  # あ, and 𠮷 it lacks
        assert face.charWidths.get(0x20BB7, -1.0) == -1.0
        with pytest.raises(KeyError):
            face.charToGlyph[0x20BB7]
        assert font.stringWidth(text, 10.5) == plain.stringWidth(text, 10.5)
        doc = _Doc()  # the subsets are per document
        assert font.splitString(text, doc) == plain.splitString(text, doc)
        face.charToGlyph[0xF0000] = 7  # a private character, as text shaping adds one
        assert face.charToGlyph[0xF0000] == 7 and 0xF0000 in face.charToGlyph
    assert load_font("LargeGothic3", path).face.charToGlyph.get(0xF0000) is None  # the cache kept the font's
