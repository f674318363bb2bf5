"""Messages made of messages (a term built with values, a sentence a helper wraps) are translated whole:
each template through the translator, then filled in. The GUI installs Qt's translator; here a table does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sakae_council.domain.errors import ValidationError, msg, set_message_translator
from sakae_council.domain.wareki import parse_wareki
from sakae_council.services.common import required_text

ENGLISH = {
    "{label}を入力してください。": "Please enter the {label}.",
    "議題（{n}件目）の題名": "title of agenda item {n}",
    "{message}{examples}のように入力してください。": "{message} Enter it like {examples}.",
    "「{shown}」という日付はありません。": "There is no date {shown}.",
}


@pytest.fixture()
def english() -> Iterator[None]:
    set_message_translator(lambda text: ENGLISH.get(text, text))
    yield
    set_message_translator(None)


def test_a_term_made_with_values_is_translated_inside_the_message(english: None) -> None:
    with pytest.raises(ValidationError) as caught:
        required_text("", "agenda_items[1].title", msg("議題（{n}件目）の題名", n=2))
    assert caught.value.message == "Please enter the title of agenda item 2."
    assert str(caught.value.source_message) == "議題（2件目）の題名を入力してください。"


def test_a_sentence_wrapped_by_a_helper_is_translated_inside_the_message(english: None) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_wareki("R8.2.30")
    examples = "「令和8年11月28日」「R8.11.28」「2026-11-28」"
    assert caught.value.message == f"There is no date 令和8年2月30日. Enter it like {examples}."


def test_without_a_translator_the_japanese_is_unchanged() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_wareki("R8.2.30")
    assert caught.value.message == (
        "「令和8年2月30日」という日付はありません。「令和8年11月28日」「R8.11.28」「2026-11-28」のように入力してください。"
    )


def test_a_message_passed_on_keeps_its_template(english: None) -> None:
    with pytest.raises(ValidationError) as first:
        parse_wareki("R8.2.30")
    again = ValidationError("held_on", first.value.source_message)
    assert again.message == first.value.message  # translated once, from the template, not from the English
