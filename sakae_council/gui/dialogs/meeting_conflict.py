"""同時編集 of minutes: the meeting editor's 保存, 修正 and 確定 meet a stale version with the two-version
dialog (gui.dialogs.conflict), the minutes compared field by field as the editor's tabs show them.

確定 minutes stay as approved: when what is saved now is approved, 上書き is not offered and the dialog
says why (change approved minutes through 「修正する」, with a reason, as a new 版).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from sakae_council.db.engine import Database
from sakae_council.domain.enums import AgendaResult, AttendanceStatus
from sakae_council.gui.dialogs.base import SaveRequest
from sakae_council.gui.dialogs.conflict import EMPTY, ConflictField, describe_last_change, show_value
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.services import meetings
from sakae_council.services.meetings import MeetingDetailDTO
from sakae_council.services.minutes import AgendaItemInput, MinutesInput, minutes_input_from


def _tr(text: str, n: int = -1) -> str:
    """``text`` in the interface's language; with ``n``, its ``%n`` is the count in the right plural form."""
    return QCoreApplication.translate("MeetingConflict", text, None, n)


def _lines(value: Any) -> str:
    return "\n".join(value) if value else _tr("（なし）")


def _agenda_line(a: AgendaItemInput) -> str:
    line = f"・{a.title}（{enum_label(a.kind)}）"
    if a.result is not AgendaResult.NONE:
        votes = [v for v in (a.votes_for, a.votes_against, a.votes_abstain) if v is not None]
        result = enum_label(a.result) + (f"（{'・'.join(str(v) for v in votes)}）" if votes else "")
        line += f" {_tr('結果')}: {result}"
    if a.presenter:
        line += f" {_tr('説明者')}: {a.presenter}"
    return line + (f"\n{a.discussion}" if a.discussion else "")


def minutes_values(held_on: date | None, data: MinutesInput, names: Mapping[int, str]) -> dict[str, Any]:
    """The minutes as the comparison shows them (people by name, lists one line per entry)."""

    def name(pid: int | None) -> str:
        return "" if pid is None else names.get(pid, str(pid))

    attendance = []
    for row in data.attendance:
        status = enum_label(row.status)
        if row.status is AttendanceStatus.PROXY and row.proxy_name:
            status += f": {row.proxy_name}"
        attendance.append(f"{row.name}（{status}）")
    actions = []
    for item in data.action_items:
        extra = "・".join(x for x in (item.assignee, wareki(item.due_on) if item.due_on else "") if x)
        actions.append(f"・{item.content}" + (f"（{extra}）" if extra else ""))
    return {
        "held_on": held_on,
        "start_time": data.start_time,
        "end_time": data.end_time,
        "place": data.place,
        "chair_id": name(data.chair_id),
        "recorder_id": name(data.recorder_id),
        "signatory1_id": name(data.signatory1_id),
        "signatory2_id": name(data.signatory2_id),
        "attendance": tuple(attendance),
        "observers": data.observers,
        "agenda_items": tuple(_agenda_line(a) for a in data.agenda_items),
        "decisions": data.decisions,
        "action_items": tuple(actions),
        "handouts": data.handouts,
        "next_meeting": data.next_meeting,
    }


def detail_names(d: MeetingDetailDTO) -> dict[int, str]:
    """Person id → name, from the meeting's attendance and its roles."""
    names = {a.person_id: a.name for a in d.attendance if a.person_id is not None}
    for pid, n in (
        (d.chair_id, d.chair_name),
        (d.recorder_id, d.recorder_name),
        (d.signatory1_id, d.signatory1_name),
        (d.signatory2_id, d.signatory2_name),
    ):
        if pid is not None:
            names.setdefault(pid, n)
    return names


def detail_values(d: MeetingDetailDTO) -> dict[str, Any]:
    """The saved minutes as the comparison shows them."""
    return minutes_values(d.held_on, minutes_input_from(d), detail_names(d))


def minutes_fields() -> list[ConflictField]:
    """The comparison's rows, in the order of the editor's tabs."""
    t = lambda text: QCoreApplication.translate("MeetingEditor", text)  # noqa: E731 — the editor's own labels
    return [
        ConflictField("held_on", t("開催日")),
        ConflictField("start_time", t("開始時刻")),
        ConflictField("end_time", t("終了時刻")),
        ConflictField("place", t("場所")),
        ConflictField("chair_id", t("議長")),
        ConflictField("recorder_id", t("記録者")),
        ConflictField("signatory1_id", t("議事録署名人（1人目）")),
        ConflictField("signatory2_id", t("議事録署名人（2人目）")),
        ConflictField("attendance", t("出欠"), lambda v: "、".join(v) if v else EMPTY),
        ConflictField("observers", _tr("傍聴者の人数"), lambda v: _tr("%n名", v or 0)),
        ConflictField("agenda_items", t("議題"), _lines),
        ConflictField("decisions", t("決定事項"), _lines),
        ConflictField("action_items", _tr("宿題事項"), _lines),
        ConflictField("handouts", t("配布資料"), _lines),
        ConflictField("next_meeting", t("今後の予定・次回"), show_value),
    ]


def refuse_approved(current: MeetingDetailDTO) -> str:
    """Why approved minutes are not written over ("" for a draft)."""
    if not current.is_approved:
        return ""
    return _tr(
        "いま保存されている議事録は確定済み（第{n}版）のため、上書きできません。"
        "「再読み込み」で保存されている内容を表示し、変更が必要なら「修正する」から理由を添えて修正してください。"
    ).format(n=current.revision)


def minutes_request(
    db: Database,
    meeting_id: int,
    write: Callable[[int], MeetingDetailDTO],
    *,
    version: int,
    mine: Mapping[str, Any],
    on_reload: Callable[[MeetingDetailDTO], None],
) -> SaveRequest:
    """``write(version)`` of the minutes on the database worker, through the conflict dialog (the saved
    minutes read and compared there as the editor's tabs show them; approved minutes never written over)."""
    return SaveRequest(
        write,
        version=version,
        what=_tr("議事録"),
        load_current=lambda: meetings.get_meeting(db, meeting_id),
        changed_by=lambda: describe_last_change(db, "meeting", meeting_id),
        fields=minutes_fields(),
        mine=mine,
        on_reload=on_reload,
        values_of=detail_values,
        refuse_overwrite=refuse_approved,
    )
