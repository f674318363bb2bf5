"""Enum members on screen: their Japanese label through Qt's translation, and filter/choice lists of them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from sakae_council.domain.enums import LabeledEnum


def enum_label(member: LabeledEnum) -> str:
    """提起, 交付決定, 貸出中... (translated in the enum's own context, e.g. "IssueStatus")."""
    return QCoreApplication.translate(type(member).__name__, member.label)


def enum_choices(members: Iterable[LabeledEnum], all_text: str | None = None) -> list[tuple[str, Any]]:
    """(label, member) pairs for a ChoiceCombo, led by (all_text, None) when given."""
    items: list[tuple[str, Any]] = [(all_text, None)] if all_text is not None else []
    return items + [(enum_label(m), m) for m in members]
