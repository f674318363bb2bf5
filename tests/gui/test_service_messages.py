"""Service error messages in English: the GUI translates the Japanese template under "services", then fills
it in; scripts/i18n.py collects those templates for the translators."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.domain.errors import ValidationError, msg, set_message_translator
from sakae_council.gui import i18n
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.services.common import required_text

ROOT = Path(__file__).resolve().parents[2]

#: What the lead's English .ts will hold for these (written here so the test does not wait for it).
ENGLISH = {
    "{label}を入力してください。": "Please enter the {label}.",
    "氏名": "name",
    "{label}が長すぎます（{max_len}文字まで）。短くしてください。": "The {label} is too long",  # lost {max_len}: fine
}


class ServicesTranslator(QTranslator):
    """A translator for the "services" context, as the compiled .qm will be once the English is filled in."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:  # type: ignore[override]
        return ENGLISH.get(source) if context == "services" else None  # None: "not here", ask the next one


@pytest.fixture()
def english(qapp: QApplication) -> Iterator[None]:
    assert i18n.install_language(i18n.ENGLISH, qapp)
    extra = ServicesTranslator(qapp)
    qapp.installTranslator(extra)
    yield
    qapp.removeTranslator(extra)
    i18n.install_language(i18n.JAPANESE, qapp)


def test_an_empty_name_is_refused_in_english(qtbot: QtBot, ctx: AppContext, english: None) -> None:
    dialog = PersonDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.save_button.click()  # 氏名 left empty: the service refuses it
    wait_idle()
    assert dialog.isVisible()
    assert dialog.form.error_text("name") == "Please enter the name."


def test_the_message_stays_japanese_without_a_translation_and_in_the_cli(english: None) -> None:
    with pytest.raises(ValidationError) as caught:
        required_text("", "place", "試験用の項目名")
    assert (
        caught.value.message == "Please enter the 試験用の項目名."
    )  # a term with no English yet stays as written
    error = ValidationError(
        "x", msg("{label}が長すぎます（{max_len}文字まで）。短くしてください。", label="氏名", max_len=100)
    )
    assert (
        error.message == "氏名が長すぎます（100文字まで）。短くしてください。"
    )  # a broken translation is not shown
    set_message_translator(None)  # the command line installs no translator
    try:
        assert error.message == "氏名が長すぎます（100文字まで）。短くしてください。"
        assert str(error) == "x: 氏名が長すぎます（100文字まで）。短くしてください。"
    finally:
        i18n.install_language(i18n.ENGLISH, QCoreApplication.instance())


def test_the_templates_are_collected_for_the_translators() -> None:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    found = set(script.service_message_strings())
    assert ("services", "{label}を入力してください。") in found  # a msg() template
    assert ("services", "氏名") in found  # the term people.py passes to required_text(label=...)
    assert (
        "services",
        "同じ会議体・年度の会議が同時に登録されたため、回数を決められませんでした。もう一度保存してください。",
    ) in found
