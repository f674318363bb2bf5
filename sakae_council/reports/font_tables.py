"""A parsed font's tables kept small for a session, and as the font cache stores them.

ReportLab keeps a face's glyph offsets and metrics as lists and its character maps as dicts, ~100 bytes an
entry. These are the same values in arrays; :mod:`sakae_council.reports.fonts` loads and caches faces so.
"""

from __future__ import annotations

import marshal
from array import array
from bisect import bisect_left
from collections.abc import Iterator, MutableMapping
from typing import Any

from reportlab.pdfbase.ttfonts import TTFNameBytes

#: 2: marshal — a little quicker to read than pickle (4.5 against 5.4 ms of CPU for BIZ UD Gothic), and a
#: damaged or planted cache file can run no code. 3: the glyph offsets and metrics as arrays (see compact).
#: 4: a large face's character maps as arrays (see CharTable).
CACHE_FORMAT = 4


class Metrics:
    """ReportLab's ``hmetrics`` — (advance, left side bearing) per glyph — as one array of numbers: a list of
    tuples cost ~100 bytes a glyph (6 MB for IPAmj明朝's 60,000 glyphs), this 16."""

    __slots__ = ("flat",)

    def __init__(self, flat: array[float]) -> None:
        self.flat = flat

    def __len__(self) -> int:
        return len(self.flat) // 2

    def __getitem__(self, glyph: int) -> tuple[float, float]:
        return self.flat[2 * glyph], self.flat[2 * glyph + 1]


class CharTable(MutableMapping[int, Any]):
    """ReportLab's ``charToGlyph`` or ``charWidths`` — character → glyph or width — over two arrays: the
    character codes in order, and the value of each. A dict cost ~100 bytes a character; IPAmj明朝's 54,578
    characters held 10 MB in its two maps for the rest of the session once a rare name was printed. Only the
    fallback is kept so (:data:`COMPACT_CHARS`): it draws a few characters a paper, so a lookup's bisection
    is never felt, while the main fonts measure every character of a paper with ``charWidths.get``.

    Characters added after loading (ReportLab's text shaping adds private ones) go to a small dict."""

    __slots__ = ("codes", "entries", "added")

    def __init__(self, codes: array[int], values: array[Any]) -> None:
        self.codes, self.entries = codes, values
        self.added: dict[int, Any] = {}

    @classmethod
    def of(cls, table: dict[int, Any], codes: array[int], kind: str) -> CharTable:
        """``table`` (whose keys are ``codes``, in order) as a table of values of array type ``kind``."""
        return cls(codes, array(kind, [table[code] for code in codes]))

    def _index(self, code: object) -> int:
        codes = self.codes
        i = bisect_left(codes, code)  # type: ignore[call-overload]
        return i if i < len(codes) and codes[i] == code else -1

    def __getitem__(self, code: int) -> Any:
        i = self._index(code)
        if i >= 0:
            return self.entries[i]
        return self.added[code]

    def get(self, code: int, default: Any = None) -> Any:  # type: ignore[override]
        i = self._index(code)
        return self.entries[i] if i >= 0 else self.added.get(code, default)

    def __contains__(self, code: object) -> bool:
        return self._index(code) >= 0 or code in self.added

    def __setitem__(self, code: int, value: Any) -> None:
        i = self._index(code)
        if i >= 0:
            self.entries[i] = value
        else:
            self.added[code] = value

    def __delitem__(self, code: int) -> None:
        raise TypeError("a font's characters are not removed")

    def __iter__(self) -> Iterator[int]:
        yield from self.codes
        yield from self.added

    def __len__(self) -> int:
        return len(self.codes) + len(self.added)


#: A face with more characters than this keeps its character maps as :class:`CharTable` (IPAmj明朝: 54,578;
#: each BIZ UD face: 11,741, measured for every character printed, stays a dict).
COMPACT_CHARS = 30_000
CHAR_MAPS = (("charToGlyph", "I"), ("charWidths", "d"))


def compact(state: dict[str, Any]) -> dict[str, Any]:
    """A parsed face's tables, kept small for the session: glyph offsets and metrics as arrays, a large
    face's character maps as :class:`CharTable`, and no glyph → characters map (only text shaping reads
    it; MappedFace makes it when asked)."""
    out = {k: v for k, v in state.items() if k not in ("glyphToChar", "_glyph_to_char")}
    if isinstance(out.get("glyphPos"), list):
        out["glyphPos"] = array("I", out["glyphPos"])
    if isinstance(out.get("hmetrics"), list):
        out["hmetrics"] = Metrics(array("d", [n for pair in out["hmetrics"] for n in pair]))
    glyphs = out.get("charToGlyph")
    if isinstance(glyphs, dict) and len(glyphs) > COMPACT_CHARS and glyphs.keys() == out["charWidths"].keys():
        codes = array("I", sorted(glyphs))
        for key, kind in CHAR_MAPS:
            out[key] = CharTable.of(out[key], codes, kind)
    return out


def dump(state: dict[str, Any]) -> bytes:
    """The face's tables as marshal data; its name strings (ReportLab's bytes subclass) as plain bytes, its
    arrays as their bytes (a compact character map as its codes' and values' bytes)."""
    state = compact(state)
    plain = {k: bytes(v) if isinstance(v, TTFNameBytes) else v for k, v in state.items()}
    plain["glyphPos"] = state["glyphPos"].tobytes()
    plain["hmetrics"] = state["hmetrics"].flat.tobytes()
    tables = [key for key, _ in CHAR_MAPS if isinstance(state[key], CharTable)]
    for key in tables:
        table = state[key]
        plain[key] = (table.codes.tobytes(), table.entries.tobytes(), table.added)
    names = [k for k, v in state.items() if isinstance(v, TTFNameBytes)]
    return marshal.dumps({"names": names, "tables": tables, "state": plain})


def _array(kind: str, data: bytes) -> array[Any]:
    made = array(kind)
    made.frombytes(data)
    return made


def load(blob: bytes) -> dict[str, object]:
    stored = marshal.loads(blob)
    state = dict(stored["state"])
    for key in stored["names"]:
        state[key] = TTFNameBytes(state[key])
    state["glyphPos"] = _array("I", state["glyphPos"])
    state["hmetrics"] = Metrics(_array("d", state["hmetrics"]))
    kinds = dict(CHAR_MAPS)
    for key in stored["tables"]:
        codes, values, added = state[key]
        table = CharTable(_array("I", codes), _array(kinds[key], values))
        table.added.update(added)
        state[key] = table
    return state
