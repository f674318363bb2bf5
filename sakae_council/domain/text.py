"""Text normalisation for Japanese input: 全角/半角, かな folding for search, 五十音順 sort keys, フリガナ.

Design rules (see DOMAIN.md "Calendar and notation"):

* Names use 異体字 and characters outside the BMP, so nothing here applies NFKC/NFC to the whole
  string: only the full-width ASCII block (U+FF01–U+FF5E) and half-width katakana (U+FF61–U+FF9F)
  are mapped, and voiced-sound marks are combined only onto kana.  CJK ideographs, CJK
  compatibility ideographs (e.g. 﨑 U+FA11) and ideographic variation selectors pass through as they are.
* Storage keeps Japanese punctuation as typed. ``normalize_text`` (what is stored and printed) makes
  full-width letters, digits and the symbols that belong to them (＃＄％＆＊＋－／＝＠＼＾＿｀｜) half-width,
  but leaves the punctuation and brackets of Japanese prose — （）［］｛｝＜＞！？～；＂＇ — as typed, and
  ，．： too unless they sit between two letters or digits (１，０００ → 1,000, １０：３０ → 10:30,
  ｅｘａｍｐｌｅ．ｊｐ → example.jp; 「日時：」 stays).
* Codes and numbers (telephone, 郵便番号, e-mail, dates, amounts, log-in names) go through
  ``normalize_ascii``, which maps the whole full-width ASCII block; search goes through
  ``fold_for_search``, which does too, so a search finds （ and ( alike whichever was stored.
* ``normalize_text`` is idempotent, and so are ``normalize_ascii``, ``fold_for_search`` and
  ``normalize_furigana``.
"""

from __future__ import annotations

import re
import unicodedata

from sakae_council.domain.errors import ValidationError

__all__ = [
    "FURIGANA_ERROR_MESSAGE",
    "SORT_KEY_SEPARATOR",
    "fold_for_search",
    "hiragana_to_katakana",
    "is_furigana",
    "kana_sort_key",
    "katakana_to_hiragana",
    "normalize_ascii",
    "normalize_furigana",
    "normalize_text",
]

FURIGANA_ERROR_MESSAGE = "フリガナはカタカナかひらがなで入力してください。"

# Separator between the levels of a sort key; lower than every character a key level can hold.
SORT_KEY_SEPARATOR = "\x01"
# Key for an empty フリガナ: greater than every non-empty key, so such rows sort last.
_EMPTY_SORT_KEY = "\U0010ffff"

# --- character tables -------------------------------------------------------------------------

# Zero-width characters that only get in the way of search and comparison (ZWSP, BOM).
_INVISIBLE = frozenset("\u200b\ufeff")

_COMBINING_VOICED = "\u3099"
_COMBINING_SEMI_VOICED = "\u309a"
_SPACING_VOICED = "\u309b"  # ゛
_SPACING_SEMI_VOICED = "\u309c"  # ゜
_HALFWIDTH_VOICED = "\uff9e"  # ﾞ
_HALFWIDTH_SEMI_VOICED = "\uff9f"  # ﾟ

_VOICED_MARKS = frozenset({_COMBINING_VOICED, _SPACING_VOICED, _HALFWIDTH_VOICED})
_SEMI_VOICED_MARKS = frozenset({_COMBINING_SEMI_VOICED, _SPACING_SEMI_VOICED, _HALFWIDTH_SEMI_VOICED})


def _kana_range() -> list[str]:
    """All hiragana and katakana letters (including iteration marks) in code point order."""
    return [chr(c) for c in range(0x3041, 0x30FF)]


def _compose_table(mark: str) -> dict[str, str]:
    """Map each kana to its precomposed form with ``mark`` (only where such a character exists)."""
    table: dict[str, str] = {}
    for ch in _kana_range():
        composed = unicodedata.normalize("NFC", ch + mark)
        if len(composed) == 1:
            table[ch] = composed
    return table


_VOICED = _compose_table(_COMBINING_VOICED)  # か→が, ウ→ヴ, ゝ→ゞ …
_SEMI_VOICED = _compose_table(_COMBINING_SEMI_VOICED)  # は→ぱ …

# Half-width katakana and half-width CJK punctuation (U+FF61–U+FF9D) → full width.
_HALFWIDTH_KANA = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFF61, 0xFF9E)}
# Full-width ASCII (U+FF01–U+FF5E) → ASCII.  Japanese punctuation 「」、。・ is outside this block.
_FULLWIDTH_ASCII = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
# Punctuation and brackets of Japanese prose in that block: stored as typed.
_KEPT_PUNCTUATION = frozenset("（）［］｛｝＜＞！？～；＂＇")
# Kept as typed too, except between two (half-width) letters or digits: 1,000 / 1.5 / 10:30 / example.jp.
_JOINING_PUNCTUATION = frozenset("，．：")
_FULLWIDTH_TABLE = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}

_KATA_TO_HIRA = {c: c - 0x60 for c in range(0x30A1, 0x30F7)}  # ァ..ヶ (incl. ヴ→ゔ, ヵ→ゕ, ヶ→ゖ)
_KATA_TO_HIRA.update({0x30FD: 0x309D, 0x30FE: 0x309E})  # ヽヾ → ゝゞ
_HIRA_TO_KATA = {v: k for k, v in _KATA_TO_HIRA.items()}

_WHITESPACE_RUN = re.compile(r"\s+")

# --- normalize_text ---------------------------------------------------------------------------


def _drop_char(ch: str) -> bool:
    """Whether ``ch`` is a control/invisible character that normalisation removes."""
    if ch.isspace():
        return False
    if ch in _INVISIBLE:
        return True
    category = unicodedata.category(ch)
    return category in ("Cc", "Cs")  # control characters and lone surrogates


# Every character _convert_each could change or drop: control characters (category Cc, whitespace among
# them too — harmless here), lone surrogates, ZWSP/BOM, voiced-sound marks, full-width ASCII and the
# half-width katakana block. A string with none of them is returned as it is, without the loop.
_NEEDS_CONVERSION = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u200b\ufeff\u3099-\u309c\uff01-\uff5e\uff61-\uff9f\ud800-\udfff]"
)


def _convert_chars(s: str) -> str:
    """Map full-width ASCII and half-width kana, combine voiced marks onto kana, drop control chars."""
    if _NEEDS_CONVERSION.search(s) is None:
        return s  # most input (names, addresses, the converted text itself) has nothing to convert
    return _convert_each(s)


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _convert_each(s: str) -> str:
    out: list[str] = []
    joining: list[int] = []  # where a ，．： was kept, to fold it if it stands between letters or digits
    for ch in s:
        if _drop_char(ch):
            continue
        if ch in _VOICED_MARKS:
            if out and out[-1] in _VOICED:
                out[-1] = _VOICED[out[-1]]
                continue
            out.append(_SPACING_VOICED if ch == _HALFWIDTH_VOICED else ch)
            continue
        if ch in _SEMI_VOICED_MARKS:
            if out and out[-1] in _SEMI_VOICED:
                out[-1] = _SEMI_VOICED[out[-1]]
                continue
            out.append(_SPACING_SEMI_VOICED if ch == _HALFWIDTH_SEMI_VOICED else ch)
            continue
        code = ord(ch)
        if ch in _KEPT_PUNCTUATION:
            out.append(ch)
        elif ch in _JOINING_PUNCTUATION:
            joining.append(len(out))
            out.append(ch)
        elif code in _FULLWIDTH_ASCII:
            out.append(chr(_FULLWIDTH_ASCII[code]))
        elif ch in _HALFWIDTH_KANA:
            out.append(_HALFWIDTH_KANA[ch])
        else:
            out.append(ch)
    for i in joining:
        if 0 < i < len(out) - 1 and _is_ascii_alnum(out[i - 1]) and _is_ascii_alnum(out[i + 1]):
            out[i] = _FULLWIDTH_TABLE[ord(out[i])]
    return "".join(out)


def normalize_text(s: str | None, *, multiline: bool = False) -> str:
    """Normalise user input for storage: 全角英数→半角 (Japanese punctuation kept as typed, see the module
    docstring), 半角カナ→全角, whitespace collapsed, ends stripped."""
    if not s:
        return ""
    text = _convert_chars(s)
    if not multiline:
        return _WHITESPACE_RUN.sub(" ", text).strip(" ")
    lines = [_WHITESPACE_RUN.sub(" ", line).rstrip(" ") for line in text.splitlines()]
    return "\n".join(lines).strip("\n ")


def normalize_ascii(s: str | None) -> str:
    """normalize_text for codes and numbers (電話番号, 郵便番号, メール, 日付, 金額, ログイン名): every
    full-width ASCII character half-width, the punctuation too (（０４７６）→(0476), ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ)."""
    return normalize_text(s).translate(_FULLWIDTH_TABLE)


# --- kana conversion and search folding -------------------------------------------------------


def katakana_to_hiragana(s: str) -> str:
    """Convert katakana (ァ..ヶ, ヽヾ) to hiragana; ヷヸヹヺ and everything else are left alone."""
    return s.translate(_KATA_TO_HIRA)


def hiragana_to_katakana(s: str) -> str:
    """Convert hiragana (ぁ..ゖ, ゝゞ) to katakana; everything else is left alone."""
    return s.translate(_HIRA_TO_KATA)


def fold_for_search(s: str | None) -> str:
    """Fold text for matching: normalised with every full-width ASCII character half-width (so （ and ( are
    one), katakana→hiragana, lower case, no spaces (ー is kept)."""
    # Spaces go before the voiced marks are joined, so 「か ゙」 folds to が in one pass (idempotent).
    text = normalize_ascii(normalize_ascii(s).replace(" ", ""))
    return katakana_to_hiragana(text).lower()


# --- 五十音順 sort key ---------------------------------------------------------------------------

_SMALL_TO_LARGE = dict(zip("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ", strict=True))
_VOWEL_ROWS = {
    "あ": "あかさたなはまやらわ",
    "い": "いきしちにひみりゐ",
    "う": "うくすつぬふむゆる",
    "え": "えけせてねへめれゑ",
    "お": "おこそとのほもよろを",
}
_VOWEL_OF = {kana: vowel for vowel, row in _VOWEL_ROWS.items() for kana in row}
_VOWEL_OF["ん"] = "ん"
_LONG_MARK = "ー"
_WORD_SEPARATORS = frozenset(" ・")


def _decompose_kana(ch: str) -> tuple[str, int] | None:
    """Split a hiragana (or ヷヸヹヺ) into (clean base letter, voicing 0/1/2); None if not kana."""
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    if not ("\u3041" <= base <= "\u3096" or "\u30f7" <= ch <= "\u30fa"):
        return None
    base = katakana_to_hiragana(base)
    voicing = 0
    if decomposed.endswith(_COMBINING_VOICED):
        voicing = 1
    elif decomposed.endswith(_COMBINING_SEMI_VOICED):
        voicing = 2
    return base, voicing


def kana_sort_key(furigana: str | None) -> str:
    """Return a key whose ``<`` order is 五十音順 (JIS X 4061 style); empty フリガナ sorts last."""
    text = katakana_to_hiragana(normalize_text(furigana)).lower()
    primary: list[str] = []
    voicing: list[str] = []
    size: list[str] = []
    length: list[str] = []
    previous_vowel: str | None = None
    previous_base: str | None = None
    for ch in text:
        if ch in _WORD_SEPARATORS:
            continue  # spaces and ・ between 姓 and 名 do not affect the order
        base: str = ch
        voiced, small, long_mark = 0, 0, 0
        if ch == _LONG_MARK and previous_vowel is not None:
            base, long_mark = previous_vowel, 1
        elif ch in "ゝゞ" and previous_base is not None:
            base, voiced = previous_base, (1 if ch == "ゞ" else 0)
        else:
            parts = _decompose_kana(ch)
            if parts is not None:
                base, voiced = parts
                if base in _SMALL_TO_LARGE:
                    base, small = _SMALL_TO_LARGE[base], 1
        previous_vowel = _VOWEL_OF.get(base, previous_vowel if base == _LONG_MARK else None)
        previous_base = base if base in _VOWEL_OF else None
        primary.append(base)
        voicing.append(str(voiced))
        size.append(str(small))
        length.append(str(long_mark))
    if not primary:
        return _EMPTY_SORT_KEY
    sep = SORT_KEY_SEPARATOR
    return sep.join(("".join(primary), "".join(voicing), "".join(size), "".join(length)))


# --- フリガナ -----------------------------------------------------------------------------------


def _is_furigana_char(ch: str) -> bool:
    """Whether ``ch`` may appear in a フリガナ as typed (full- or half-width kana, ー, spaces, ・)."""
    return (
        "\u3041" <= ch <= "\u3096"  # ひらがな
        or "\u3099" <= ch <= "\u309e"  # voiced marks, ゝゞ
        or "\u30a1" <= ch <= "\u30fe"  # カタカナ, ・, ー, ヽヾ
        or "\uff65" <= ch <= "\uff9f"  # 半角カナ, ･
        or ch in " \u3000"
    )


def is_furigana(s: str) -> bool:
    """Whether ``s`` consists only of kana (全角/半角), ー, spaces and ・ (the empty string counts)."""
    return all(_is_furigana_char(ch) for ch in s)


def normalize_furigana(s: str | None, *, field: str = "furigana") -> str:
    """Normalise a フリガナ to full-width katakana; raise ValidationError if anything else remains."""
    text = hiragana_to_katakana(normalize_text(s))
    if not all(_is_furigana_char(ch) and not ("\u3099" <= ch <= "\u309c") for ch in text):
        raise ValidationError(field, FURIGANA_ERROR_MESSAGE)
    return text
