"""Two columns of choices above a print window's preview, so the preview keeps its room at 特大.

``two_forms(window)`` puts a left and a right :class:`Form` into the window's ``content`` and returns them;
:func:`show_error_in` puts a ValidationError under its field in whichever of them has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QHBoxLayout

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import PrintWindow, unprintable_warning


def two_forms(window: PrintWindow) -> tuple[Form, Form]:
    """A left and a right form, side by side, at the top of ``window``."""
    left, right = Form(), Form()
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(left, 1)
    row.addSpacing(left.fontMetrics().horizontalAdvance("あ") * 2)
    row.addWidget(right, 1)
    window.content.addLayout(row)
    return left, right


def warning_with_glyphs(note: str, texts: Iterable[str]) -> str:
    """``note`` (who gets no paper, say) and, below it, the characters of ``texts`` no font can print."""
    from sakae_council.reports.fonts import unprintable_characters

    return "\n".join(t for t in (note, unprintable_warning(unprintable_characters(texts))) if t)


def show_error_in(forms: Sequence[Form], error: ValidationError) -> bool:
    """Show ``error`` under its field in the first of ``forms`` that has it; False if none does."""
    return any(form.show_error(error.field, error.message) for form in forms)
