"""The places postings carry (db.models.search): walking them in order and sorting only the records that
share a place gives exactly the list's order."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from sakae_council.db.models.search import issue_order, person_order
from sakae_council.domain.text import kana_sort_key

#: フリガナ as people type them: katakana, hiragana, small kana, ー, spaces, and the empty one.
furigana = st.text(
    alphabet=st.sampled_from("アイウカガキサザタダッナハバパマャヤユョラワヲンーあいうがぱゃ ・"), max_size=14
)


@given(st.lists(furigana, min_size=2, max_size=30))
def test_person_places_never_decrease_along_the_roster_order(names: list[str]) -> None:
    keys = sorted(kana_sort_key(n) for n in names)
    places = [person_order(k) for k in keys]
    assert places == sorted(places)


@given(st.text(max_size=20), st.text(max_size=20))
def test_any_two_keys_keep_their_order(a: str, b: str) -> None:
    if a <= b:
        assert person_order(a) <= person_order(b)
    else:
        assert person_order(a) >= person_order(b)


def test_places_tell_apart_names_that_differ_in_their_first_nine_characters() -> None:
    assert person_order(kana_sort_key("サトウ イチロウ")) < person_order(kana_sort_key("サトウ ジロウ"))
    assert person_order(kana_sort_key("タナカ")) < person_order(kana_sort_key(""))  # no フリガナ: last
    assert 0 < person_order(kana_sort_key("ンンンンンンンンンン")) < 2**63  # fits a signed BIGINT


def test_issue_places_are_the_days_raised() -> None:
    assert issue_order(date(2026, 5, 1)) < issue_order(date(2026, 5, 2))
    assert issue_order(date(2026, 5, 2)) - issue_order(date(2026, 5, 1)) == 1
