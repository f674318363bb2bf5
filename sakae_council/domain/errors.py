r"""Typed errors raised by services and domain rules; messages are Japanese and meant for the user.

Translation: the services write their messages in Japanese, the interface's source language. The GUI
installs a translator (:func:`set_message_translator`, Qt's context "services") and ``error.message`` is
then the translation of the Japanese text, or the Japanese itself where none exists (the CLI installs
none). A message with values in it is raised as :func:`msg`\ ``("{label}を入力してください。", label=...)``
so that its template, not each filled-in text, is what gets translated; a ``label`` or ``what`` value (a term
such as 氏名, written in the source) is translated too, and so is a value that is itself a :func:`msg` (a
sentence, or a term made with values: ``label=msg("議題（{n}件目）の題名", n=2)``). ``scripts/i18n.py``
collects these templates, the constant messages and the terms passed to ``label`` and ``what`` parameters
for the translators; ``tests/test_message_sources.py`` fails on a message written as an f-string.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Message(str):
    """A message as the user reads it in Japanese, remembering the template and values it was made from."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = params
        return self


def msg(template: str, **params: Any) -> Message:
    """``msg("{label}を入力してください。", label="氏名")`` — a message whose template can be translated."""
    return Message(template, **params)


#: Values written in the source and translated like messages: a term (a field name, a kind of record) or, as
#: ``message``, a whole sentence that a helper puts into a longer message.
TERMS = ("label", "what", "message")

_translate: Callable[[str], str] | None = None


def set_message_translator(translate: Callable[[str], str] | None) -> None:
    """Let ``DomainError.message`` speak the interface's language (``None``: Japanese as raised)."""
    global _translate
    _translate = translate


def translated(text: str) -> str:
    """``text`` through the installed translator (template translated, then filled in), else as it is."""
    if _translate is None:
        return str(text)
    template = getattr(text, "template", str(text))
    params: dict[str, Any] = getattr(text, "params", {})
    result = _translate(template)
    if not params:
        return result
    if _fields(result) != _fields(
        template
    ):  # a translation that lost or misspelt a {value}: the Japanese is right
        return str(text)
    values = {k: _value(k, v) for k, v in params.items()}
    try:
        return result.format(**values)
    except (KeyError, IndexError, ValueError):
        return str(text)


def _value(name: str, value: Any) -> Any:
    """A value as it goes into a translated template: a message in a message is translated as well."""
    if isinstance(value, Message) or (name in TERMS and isinstance(value, str)):
        return translated(value)
    return value


def _fields(template: str) -> set[str]:
    try:
        from string import Formatter  # only when a message is translated: not before the window's first paint

        return {name for _text, name, _spec, _conv in Formatter().parse(template) if name is not None}
    except ValueError:
        return {"\0broken"}


class DomainError(Exception):
    """Base class: ``message`` is shown to the user (translated when the GUI installed a translator)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.source_message = message

    @property
    def message(self) -> str:
        return translated(self.source_message)


class ValidationError(DomainError):
    """An input is wrong; ``field`` names the form field the message belongs next to."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class NotFoundError(DomainError):
    """The record asked for does not exist (any more)."""


class ConflictError(DomainError):
    """Someone else changed the record since it was read, or the change collides with existing data."""

    def __init__(self, message: str, *, current: object | None = None) -> None:
        super().__init__(message)
        self.current = current


class StorageError(DomainError):
    """The database file cannot be used (damaged, too new, locked)."""


class PermissionDeniedError(DomainError):
    """The signed-in user's role may not make this change (shared server: 閲覧のみ, another district...)."""


class StaleVersionError(ConflictError):
    """A save lost the race: the row changed (or vanished) between reading and writing it."""
