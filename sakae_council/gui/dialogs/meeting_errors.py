"""Where the meeting editor shows a service's ValidationError: under the field it names, on its tab (an
attendee's row, an agenda row, a form field); ``attendance[3].proxy_name`` names the fourth attendee."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sakae_council.domain.errors import ValidationError

if TYPE_CHECKING:
    from sakae_council.gui.dialogs.meeting_editor import MeetingEditor

_INDEXED = re.compile(r"(?P<name>\w+)\[(?P<index>\d+)\](?:\.(?P<sub>\w+))?")
BASIC_FIELDS = (
    "held_on",
    "start_time",
    "end_time",
    "place",
    "chair_id",
    "recorder_id",
    "signatory1",
    "signatory2",
)


def show_minutes_error(editor: MeetingEditor, exc: ValidationError) -> None:
    """Put the message under the field it names, on its tab (anything else at the top)."""
    field, message = exc.field, exc.message
    m = _INDEXED.fullmatch(field)
    name = m.group("name") if m else field
    index = int(m.group("index")) if m else -1
    if name in BASIC_FIELDS:
        editor.tabs.setCurrentIndex(0)
        editor.basic.show_error(name, message)
    elif name == "attendance":
        editor.tabs.setCurrentIndex(1)
        row = editor.attendance.show_error(index, message)
        if row is not None:
            editor.tabs.currentWidget().ensureWidgetVisible(row)  # type: ignore[attr-defined]
    elif name == "observers":
        editor.tabs.setCurrentIndex(1)
        editor.attendance.observers_row.error.show_message(message)
    elif name == "agenda_items":
        editor.tabs.setCurrentIndex(2)
        editor.agenda.show_error(index, message)
    elif name in ("decisions", "action_items"):
        editor.tabs.setCurrentIndex(3)
        if name == "decisions":
            editor.outcomes.show_error("decisions", message)
        else:
            editor.action_section.show_error(index, message)
    elif name in ("handouts", "next_meeting"):
        editor.tabs.setCurrentIndex(4)
        editor.closing.show_error(name, message)
    else:
        editor.general_error.show_message(message)
