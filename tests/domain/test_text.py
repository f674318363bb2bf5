"""Tests for sakae_council.domain.text: normalisation, search folding, 五十音順 keys, フリガナ."""

from __future__ import annotations

import random

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.text import (
    FURIGANA_ERROR_MESSAGE,
    SORT_KEY_SEPARATOR,
    fold_for_search,
    hiragana_to_katakana,
    is_furigana,
    kana_sort_key,
    katakana_to_hiragana,
    normalize_ascii,
    normalize_furigana,
    normalize_text,
)

RARE_NAMES = ["髙橋", "﨑山", "𠮷野家", "渡邊", "齋藤", "葛\U000e0100城"]  # 𠮷 is U+20BB7; 葛 with an IVS

# Text as people type it: every kind of width, kana, whitespace and control character, and names.
japanese_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0x3000, max_codepoint=0x30FF),
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF9F),
        st.sampled_from(list("髙﨑𠮷漢字\t\n\r\x00\x07\x7f\x85\u200b\ufeff\u3099\u309a\u2028\xa0")),
    ),
    max_size=40,
)


# --- normalize_text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＡＢＣ０９", "ABC09"),
        ("ａｂｃ　ＸＹＺ", "abc XYZ"),
        ("！＃＄％＆（）＝～｜＠", "！#$%&（）=～|@"),  # Japanese punctuation stays as typed
        ("－＋＜＞", "-+＜＞"),
        ("（地区担当職員（酒直小学校区））", "（地区担当職員（酒直小学校区））"),
        ("日時：１０：３０～１２：００", "日時：10:30～12:00"),
        ("参加費１，０００円。よろしいですか？", "参加費1,000円。よろしいですか？"),
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"),
        ("１．５倍；ＯＫ！", "1.5倍；OK！"),
        ("ｱｲｳ ｶﾞ", "アイウ ガ"),
        ("ﾊﾟﾋﾟﾌﾟ ﾊﾞﾋﾞﾌﾞ ｳﾞ", "パピプ バビブ ヴ"),
        ("ｷｬｯﾁｰ", "キャッチー"),
        ("｢ｱ｣､｡･", "「ア」、。・"),
        ("「テスト」、。・ー〜", "「テスト」、。・ー〜"),
        ("  前後の空白  ", "前後の空白"),
        ("山田\u3000\u3000太郎", "山田 太郎"),
        ("a\t\tb\n\nc\r\nd", "a b c d"),
        ("a\u00a0b\u2003c", "a b c"),
        ("制御\x00文字\x07\x7f\x9f", "制御文字"),
        ("ゼロ\u200b幅\ufeff", "ゼロ幅"),
        ("か\u3099き\u3099", "がぎ"),  # combining voiced marks (macOS NFD input)
        ("は\u309aカ゛", "ぱガ"),
        ("ﾞ単独", "゛単独"),
        ("<b>&amp;</b>", "<b>&amp;</b>"),
    ],
)
def test_normalize_text_examples(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000\t\n"])
def test_normalize_text_empty_gives_empty_string(value: str | None) -> None:
    assert normalize_text(value) == ""


@pytest.mark.parametrize("name", RARE_NAMES)
def test_normalize_text_keeps_variant_kanji(name: str) -> None:
    assert normalize_text(name) == name
    assert normalize_text(f" {name}　様 ") == f"{name} 様"


def test_normalize_text_does_not_apply_nfkc_to_ideographs() -> None:
    # Each of these is changed by NFKC (or NFC) but must be stored exactly as typed.
    for ch in ["\u9ad9", "\ufa11", "\U00020bb7", "\ufa10", "\u2f08", "\u3231", "\u337b", "①"]:
        assert normalize_text(ch) == ch


def test_normalize_text_keeps_markup_characters() -> None:
    text = "<script>alert('x')</script> & \"q\""
    assert normalize_text(text) == text


def test_normalize_text_multiline_keeps_newlines() -> None:
    raw = "  一行目\u3000\u3000です  \r\n\n二行目\t\tです\t\n\u3000三行目\n\n"
    assert normalize_text(raw, multiline=True) == "一行目 です\n\n二行目 です\n 三行目"


def test_normalize_text_multiline_treats_unicode_line_breaks_as_newlines() -> None:
    assert normalize_text("a\u2028b\rc\x85d", multiline=True) == "a\nb\nc\nd"


def test_normalize_text_huge_input() -> None:
    raw = ("ＡＢＣ　ｱｲｳ　髙𠮷 " * 10_000)[:100_000]
    result = normalize_text(raw)
    assert result.startswith("ABC アイウ 髙𠮷 ABC")
    assert "ＡＢＣ" not in result
    assert "  " not in result


@given(japanese_text, st.booleans())
@example("ｶ\x00ﾞ", False)
@example("か \u3099", False)
@example("\n\n a \n", True)
def test_normalize_text_is_idempotent(text: str, multiline: bool) -> None:
    once = normalize_text(text, multiline=multiline)
    assert normalize_text(once, multiline=multiline) == once


@given(japanese_text)
def test_normalize_text_output_is_clean(text: str) -> None:
    result = normalize_text(text)
    assert result == result.strip()
    assert "  " not in result
    assert all(ch == " " or not ch.isspace() for ch in result)
    # full-width letters, digits and symbols are gone; only the Japanese punctuation stays full width
    kept = set("（）［］｛｝＜＞！？～；＂＇：，．")
    assert not any(0xFF01 <= ord(ch) <= 0xFF5E and ch not in kept for ch in result)
    assert not any(0xFF61 <= ord(ch) <= 0xFF9F for ch in result)
    assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 for ch in result)


@given(st.text(alphabet=st.characters(categories=["Lo"], exclude_characters="\u3099\u309a"), max_size=30))
def test_normalize_text_keeps_letters_other_than_halfwidth_kana(text: str) -> None:
    expected = "".join(
        normalize_text(ch) if 0xFF61 <= ord(ch) <= 0xFF9F else ch for ch in text
    )  # only 半角カナ (category Lo too) is allowed to change
    assert normalize_text(text) == expected


def test_normalize_text_shortcut_skips_only_text_the_loop_would_leave_alone() -> None:
    """The importer normalises ~30 cells a row: a string with nothing to convert skips the per-character
    loop. Every character the pattern lets through must be one the loop keeps as it is."""
    from sakae_council.domain import text as module

    skipped = (chr(c) for c in range(0x110000) if module._NEEDS_CONVERSION.search(chr(c)) is None)
    changed = [f"U+{ord(ch):04X}" for ch in skipped if module._convert_each(ch) != ch]
    assert changed == []


@given(japanese_text)
@example("ｶﾞ山田\u200b")
@example("か\u3099")
def test_normalize_text_shortcut_gives_what_the_loop_gives(text: str) -> None:
    from sakae_council.domain import text as module

    assert module._convert_chars(text) == module._convert_each(text)


#: Japanese punctuation and brackets a user types in full width: stored and printed as typed.
JAPANESE_PUNCTUATION = "（）「」『』【】［］｛｝＜＞、。・；！？～＂＇"
_FULLWIDTH_ALNUM = [chr(c) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))]
_typed = st.lists(
    st.one_of(
        st.sampled_from(_FULLWIDTH_ALNUM),
        st.sampled_from(list(JAPANESE_PUNCTUATION)),
        st.sampled_from(list("あア漢字：，．")),
    ),
    max_size=40,
).map("".join)


@given(_typed)
@example("（Ａ）")
@example("？１！～")
def test_letters_and_digits_fold_japanese_punctuation_is_kept(text: str) -> None:
    out = normalize_text(text)
    # every full-width letter and digit became its half-width form, in order
    assert not any(ch in _FULLWIDTH_ALNUM for ch in out)
    assert [ch for ch in out if ch.isascii() and ch.isalnum()] == [
        chr(ord(ch) - 0xFEE0) for ch in text if ch in _FULLWIDTH_ALNUM
    ]
    # the punctuation and brackets are exactly as typed, none turned into its ASCII look-alike
    assert [ch for ch in out if ch in JAPANESE_PUNCTUATION] == [
        ch for ch in text if ch in JAPANESE_PUNCTUATION
    ]
    assert not any(ch in "()[]{}<>!?~;\"'" for ch in out)


@given(_typed)
@example("Ａ：Ｂ：：１")
def test_colon_comma_period_fold_only_between_letters_or_digits(text: str) -> None:
    out = normalize_text(text)
    for i, ch in enumerate(out):
        if ch in ":,.":
            assert (
                out[i - 1].isascii()
                and out[i - 1].isalnum()
                and out[i + 1].isascii()
                and out[i + 1].isalnum()
            )
        if ch in "：，．" and 0 < i < len(out) - 1:
            assert not (
                out[i - 1].isascii()
                and out[i - 1].isalnum()
                and out[i + 1].isascii()
                and out[i + 1].isalnum()
            )


@given(japanese_text)
def test_search_folding_finds_either_width(text: str) -> None:
    """Search folds both forms: what is stored (punctuation as typed) and what is searched for match."""
    assert fold_for_search(normalize_text(text)) == fold_for_search(text)
    assert fold_for_search(text) == fold_for_search(normalize_ascii(text))
    assert fold_for_search("（仮）地域") == fold_for_search("(仮)地域")


@given(japanese_text)
def test_normalize_ascii_is_idempotent_and_has_no_full_width_ascii(text: str) -> None:
    once = normalize_ascii(text)
    assert normalize_ascii(once) == once
    assert not any(0xFF01 <= ord(ch) <= 0xFF5E for ch in once)


# --- kana conversion and fold_for_search -------------------------------------------------------


def test_kana_conversions() -> None:
    assert katakana_to_hiragana("ヤマダ ヴァヵヶヽヾ ー 山田") == "やまだ ゔぁゕゖゝゞ ー 山田"
    assert hiragana_to_katakana("やまだ ゔぁゕゖゝゞ ー 山田") == "ヤマダ ヴァヵヶヽヾ ー 山田"


@pytest.mark.parametrize(
    "variant",
    ["ヤマダ　タロウ", "やまだたろう", "ﾔﾏﾀﾞ ﾀﾛｳ", "やまだ タロウ", " ヤ マ ダ タ ロ ウ ", "ﾔﾏﾀ\u3099ﾀﾛｳ"],
)
def test_fold_for_search_treats_kana_forms_alike(variant: str) -> None:
    assert fold_for_search(variant) == "やまだたろう"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ＮＰＯ法人　ＡＢＣ", "npo法人abc"),
        ("ヴォーカル", "ゔぉーかる"),
        ("ｳﾞｫｰｶﾙ", "ゔぉーかる"),
        ("コーヒー", "こーひー"),
        ("髙橋　﨑子", "髙橋﨑子"),
        ("𠮷田", "𠮷田"),
        ("<a&b>", "<a&b>"),
        (None, ""),
        ("", ""),
    ],
)
def test_fold_for_search_examples(raw: str | None, expected: str) -> None:
    assert fold_for_search(raw) == expected


def test_fold_for_search_keeps_long_vowel_mark_distinct() -> None:
    assert fold_for_search("コーヒー") != fold_for_search("コヒ")


def test_fold_for_search_does_not_merge_voicing() -> None:
    assert fold_for_search("ハシ") != fold_for_search("バシ")


def test_fold_for_search_substring_match() -> None:
    haystack = fold_for_search("栄町 ﾌﾚｱｲ推進員 ＡＢＣ")
    assert fold_for_search("ふれあい") in haystack
    assert fold_for_search("ＦＵＲＥ") not in haystack
    assert fold_for_search("abc") in haystack


def test_fold_for_search_huge_input() -> None:
    result = fold_for_search("ﾔﾏﾀﾞ　" * 20_000)
    assert result == "やまだ" * 20_000


@given(japanese_text)
def test_fold_for_search_is_idempotent(text: str) -> None:
    once = fold_for_search(text)
    assert fold_for_search(once) == once


@given(st.text(alphabet=st.characters(min_codepoint=0x30A1, max_codepoint=0x30F6), max_size=20))
def test_fold_for_search_katakana_equals_hiragana(katakana: str) -> None:
    assert fold_for_search(katakana) == fold_for_search(katakana_to_hiragana(katakana))
    assert fold_for_search(katakana) == katakana_to_hiragana(normalize_text(katakana))


@given(japanese_text)
def test_fold_for_search_has_no_spaces_katakana_or_ascii_capitals(text: str) -> None:
    folded = fold_for_search(text)
    assert " " not in folded
    assert not any("\u30a1" <= ch <= "\u30f6" or "A" <= ch <= "Z" for ch in folded)


# --- kana_sort_key ----------------------------------------------------------------------------


def _sorted(words: list[str | None]) -> list[str | None]:
    shuffled = list(words)
    random.Random(4).shuffle(shuffled)
    return sorted(shuffled, key=kana_sort_key)


@pytest.mark.parametrize(
    "ordered",
    [
        # 五十音順 of clean letters
        ["あ", "い", "う", "え", "お", "か", "さ", "た", "な", "は", "ま", "や", "ら", "わ", "を", "ん"],
        ["あ", "ああ", "あああ", "あい"],
        # voicing is only a tie-breaker: 清音 < 濁音 < 半濁音 (JIS X 4061, compared from the word's start)
        ["は", "ば", "ぱ", "はあ", "ばあ", "ぱあ", "ひ"],
        ["かく", "かぐ", "がく"],
        ["かく", "がけ", "かこ"],
        ["はし", "はじ", "ばし", "ぱし", "はす"],
        # small kana right after the large one, as a tie-breaker only
        ["きや", "きゃ", "きやく", "きゃく", "きゆ"],
        ["かつた", "かった", "かつち"],
        # ー counts as the preceding vowel; the written vowel comes first
        ["ああく", "あーく", "ああけ"],
        ["かあど", "かーど", "かいど"],
        ["きゃあ", "きゃー", "きゃく"],
        ["らん", "らんー", "り"],
        # ヴ is う with a voiced mark
        ["う", "ゔ", "うあ", "ゔぁ", "え"],
        # iteration marks repeat the previous letter
        ["いすす", "いすゞ", "いすせ"],
    ],
)
def test_kana_sort_key_orders_like_a_dictionary(ordered: list[str]) -> None:
    assert _sorted(list(ordered)) == ordered
    keys = [kana_sort_key(word) for word in ordered]
    assert all(a < b for a, b in zip(keys, keys[1:], strict=False)), ordered


def test_kana_sort_key_katakana_hiragana_and_halfwidth_are_equal() -> None:
    assert kana_sort_key("ヤマダ タロウ") == kana_sort_key("やまだたろう") == kana_sort_key("ﾔﾏﾀﾞ ﾀﾛｳ")


def test_kana_sort_key_ignores_spaces_and_nakaguro() -> None:
    # Data entry is not consistent about the space between 姓 and 名; the order must not depend on it.
    names = ["ヤマダ ハナコ", "ヤマダタロウ", "ヤマダ・ジロウ", "ヤマダ　アキラ"]
    assert _sorted(list(names)) == ["ヤマダ　アキラ", "ヤマダ・ジロウ", "ヤマダタロウ", "ヤマダ ハナコ"]


def test_kana_sort_key_realistic_name_list() -> None:
    names = [
        "ワタナベ",
        "アベ",
        "イトウ",
        "サトウ",
        "サイトウ",
        "ササキ",
        "スズキ",
        "タカハシ",
        "タカバシ",
        "ナカムラ",
    ]
    assert _sorted(list(names)) == [
        "アベ",
        "イトウ",
        "サイトウ",
        "ササキ",
        "サトウ",
        "スズキ",
        "タカハシ",
        "タカバシ",
        "ナカムラ",
        "ワタナベ",
    ]


@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000"])
def test_kana_sort_key_empty_sorts_last(empty: str | None) -> None:
    assert kana_sort_key(empty) > kana_sort_key("ンンン")
    assert kana_sort_key(empty) > kana_sort_key("ヴォ")
    assert kana_sort_key(empty) > kana_sort_key("ー")
    assert _sorted(["イ", empty, "ア"]) == ["ア", "イ", empty]


def test_kana_sort_key_structure() -> None:
    key = kana_sort_key("ガー")
    primary, voicing, size, length = key.split(SORT_KEY_SEPARATOR)
    assert (primary, voicing, size, length) == ("かあ", "10", "00", "01")


def test_kana_sort_key_handles_non_kana() -> None:
    assert kana_sort_key("abc") < kana_sort_key("あ")  # Latin before kana, never an error
    assert kana_sort_key("𠮷") == kana_sort_key("𠮷")


kana_words = st.text(
    alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x3096), min_size=1, max_size=8
)


@given(kana_words, kana_words)
def test_kana_sort_key_primary_order_decides_first(a: str, b: str) -> None:
    key_a, key_b = kana_sort_key(a), kana_sort_key(b)
    primary_a, primary_b = key_a.split(SORT_KEY_SEPARATOR)[0], key_b.split(SORT_KEY_SEPARATOR)[0]
    if primary_a < primary_b:
        assert key_a < key_b
    if key_a == key_b:
        assert a == b or hiragana_to_katakana(a) == hiragana_to_katakana(b)


@given(kana_words)
def test_kana_sort_key_same_for_katakana(word: str) -> None:
    assert kana_sort_key(word) == kana_sort_key(hiragana_to_katakana(word))


# --- フリガナ ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["ヤマダ タロウ", "やまだ　たろう", "ﾔﾏﾀﾞ ﾀﾛｳ", "ジョン・スミス", "コーヒー", "ヴァ", "", "ｶ\u3099"],
)
def test_is_furigana_accepts_kana(value: str) -> None:
    assert is_furigana(value)


@pytest.mark.parametrize("value", ["山田", "yamada", "ヤマダ1", "ヤマダ\t", "ヤマダ。", "ア<", "𠮷"])
def test_is_furigana_rejects_other_characters(value: str) -> None:
    assert not is_furigana(value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("やまだ　たろう", "ヤマダ タロウ"),
        ("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダ タロウ"),
        ("  ヤマダ  タロウ  ", "ヤマダ タロウ"),
        ("じょん・すみす", "ジョン・スミス"),
        ("ゔぁいおりん", "ヴァイオリン"),
        ("いすゞ", "イスヾ"),
        ("こーひー", "コーヒー"),
        ("", ""),
        (None, ""),
        ("   ", ""),
    ],
)
def test_normalize_furigana(raw: str | None, expected: str) -> None:
    assert normalize_furigana(raw) == expected


@pytest.mark.parametrize("raw", ["山田 タロウ", "yamada", "ヤマダ2", "ヤマダ。", "タロウ<", "𠮷ダ", "ア゛"])
def test_normalize_furigana_rejects_non_kana(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_furigana(raw)
    assert info.value.field == "furigana"
    assert info.value.message == FURIGANA_ERROR_MESSAGE == "フリガナはカタカナかひらがなで入力してください。"


def test_normalize_furigana_custom_field() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_furigana("abc", field="representative_furigana")
    assert info.value.field == "representative_furigana"


@given(st.text(alphabet=st.characters(min_codepoint=0x3041, max_codepoint=0x30FC), max_size=20))
def test_normalize_furigana_is_katakana_and_idempotent(raw: str) -> None:
    try:
        result = normalize_furigana(raw)
    except ValidationError:
        return
    assert normalize_furigana(result) == result
    assert is_furigana(result)
    assert not any("\u3041" <= ch <= "\u3096" for ch in result)
    assert fold_for_search(result) == fold_for_search(raw)
