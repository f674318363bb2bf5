"""A record read back, made into the service input that saves it as it is — the starting point of a test that
changes one field (``as_input(dto, IndicatorInput, notes="…")``)."""

from __future__ import annotations

import dataclasses
from typing import Any


def as_input(dto: Any, input_type: type, **changes: Any) -> Any:
    """The service input that would save ``dto`` unchanged, with ``changes``."""
    values = {f.name: getattr(dto, f.name) for f in dataclasses.fields(input_type)}
    return input_type(**{**values, **changes})
