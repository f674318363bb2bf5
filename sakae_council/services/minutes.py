"""議事録: entering and saving the minutes (attendance, signatories, agenda, decisions, action items).

Approval (確定) with its frozen snapshot and later revisions is services/minutes_approval.py; marking an
action item (宿題事項) done is services/action_items.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sakae_council.db.base import utcnow
from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Handout,
    Meeting,
    Person,
)
from sakae_council.domain.council import ATTENDING
from sakae_council.domain.enums import (
    ActionStatus,
    AgendaKind,
    AgendaResult,
    AttendanceStatus,
)
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    long_text,
    non_negative_int,
    optional_text,
    required_text,
)
from sakae_council.services.meetings import (
    AttendeeCategory,
    MeetingDetailDTO,
    _check_editable,
    _check_times,
    _label,
    load_detail,
)

# --- input -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceInput:
    name: str
    category: AttendeeCategory = AttendeeCategory.MEMBER
    status: AttendanceStatus = AttendanceStatus.PRESENT
    person_id: int | None = None
    affiliation: str = ""
    proxy_name: str = ""


@dataclass(frozen=True)
class AgendaItemInput:
    title: str
    kind: AgendaKind = AgendaKind.DELIBERATION
    presenter: str = ""
    discussion: str = ""
    result: AgendaResult = AgendaResult.NONE
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None


@dataclass(frozen=True)
class ActionItemInput:
    content: str
    assignee: str = ""
    due_on: date | None = None
    #: An existing action item of this meeting (its status and 完了日 are kept); None adds a new one.
    id: int | None = None


@dataclass(frozen=True)
class MinutesInput:
    """The whole minutes; lists replace what was saved before (see ``minutes_input_from``)."""

    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    chair_id: int | None = None
    recorder_id: int | None = None
    signatory1_id: int | None = None
    signatory2_id: int | None = None
    attendance: tuple[AttendanceInput, ...] = ()
    observers: int = 0
    handouts: tuple[str, ...] = ()
    agenda_items: tuple[AgendaItemInput, ...] = ()
    decisions: tuple[str, ...] = ()
    action_items: tuple[ActionItemInput, ...] = ()
    next_meeting: str = ""


def minutes_input_from(d: MeetingDetailDTO) -> MinutesInput:
    """The input that saves ``d`` unchanged — edit it with ``dataclasses.replace``."""
    return MinutesInput(
        start_time=d.start_time,
        end_time=d.end_time,
        place=d.place,
        chair_id=d.chair_id,
        recorder_id=d.recorder_id,
        signatory1_id=d.signatory1_id,
        signatory2_id=d.signatory2_id,
        attendance=tuple(
            AttendanceInput(
                name=a.name,
                category=a.category,
                status=a.status,
                person_id=a.person_id,
                affiliation=a.affiliation,
                proxy_name=a.proxy_name,
            )
            for a in d.attendance
        ),
        observers=d.observers,
        handouts=d.handouts,
        agenda_items=tuple(
            AgendaItemInput(
                title=a.title,
                kind=a.kind,
                presenter=a.presenter,
                discussion=a.discussion,
                result=a.result,
                votes_for=a.votes_for,
                votes_against=a.votes_against,
                votes_abstain=a.votes_abstain,
            )
            for a in d.agenda_items
        ),
        decisions=d.decisions,
        action_items=tuple(
            ActionItemInput(content=a.content, assignee=a.assignee, due_on=a.due_on, id=a.id)
            for a in d.action_items
        ),
        next_meeting=d.next_meeting,
    )


# --- validation --------------------------------------------------------------------------------------


def _validate_attendance(s: Session, rows: tuple[AttendanceInput, ...]) -> list[dict]:
    out: list[dict] = []
    seen: set[int] = set()
    for i, a in enumerate(rows):
        f = f"attendance[{i}]"
        person = get_or_raise(s, Person, a.person_id, "名簿の人") if a.person_id is not None else None
        name = required_text(
            a.name or (person.name if person else ""),
            f"{f}.name",
            msg("出席者（{row}行目）の氏名", row=i + 1),
            100,
        )
        if a.person_id is not None:
            if a.person_id in seen:
                raise ValidationError(
                    f"{f}.person_id",
                    msg("「{name}」さんが出席者に二度入っています。一つにしてください。", name=name),
                )
            seen.add(a.person_id)
        category = AttendeeCategory(a.category)
        status = AttendanceStatus(a.status)
        affiliation = optional_text(a.affiliation, f"{f}.affiliation", msg("「{name}」さんの所属", name=name))
        if category is AttendeeCategory.GUEST and not affiliation:
            raise ValidationError(
                f"{f}.affiliation",
                msg(
                    "来賓・説明者「{name}」さんの所属（例: 社会福祉協議会、住民）を入力してください。",
                    name=name,
                ),
            )
        proxy = optional_text(
            a.proxy_name, f"{f}.proxy_name", msg("「{name}」さんの代理出席者名", name=name), 100
        )
        if status is AttendanceStatus.PROXY and not proxy:
            raise ValidationError(
                f"{f}.proxy_name",
                msg(
                    "「{name}」さんは代理出席になっています。代理で出席した方の氏名を入力してください。",
                    name=name,
                ),
            )
        out.append(
            {
                "person_id": a.person_id,
                "name": name,
                "affiliation": affiliation,
                "category": category.value,
                "status": status.value,
                "proxy_name": proxy if status is AttendanceStatus.PROXY else "",
                "position": i,
            }
        )
    return out


def _validate_signatories(data: MinutesInput, attendance: list[dict]) -> None:
    present = {
        a["person_id"]
        for a in attendance
        if a["person_id"] is not None and AttendanceStatus(a["status"]) in ATTENDING
    }
    for field, pid in (("signatory1", data.signatory1_id), ("signatory2", data.signatory2_id)):
        if pid is not None and pid not in present:
            raise ValidationError(
                field,
                "議事録署名人は、出欠が「出席」か「代理」の出席者から選んでください。出欠を確認してください。",
            )
    if data.signatory1_id is not None and data.signatory1_id == data.signatory2_id:
        raise ValidationError(
            "signatory2", "議事録署名人は二人の別の方を選んでください。二人目を選び直してください。"
        )


def _validate_agenda(rows: tuple[AgendaItemInput, ...]) -> list[dict]:
    out: list[dict] = []
    for i, a in enumerate(rows):
        f = f"agenda_items[{i}]"
        title = required_text(a.title, f"{f}.title", msg("議題（{n}件目）の題名", n=i + 1), 400)
        result = AgendaResult(a.result)
        need = result is AgendaResult.MAJORITY
        votes_for = non_negative_int(
            a.votes_for, f"{f}.votes_for", msg("「{title}」の賛成数", title=title), allow_none=not need
        )
        against = non_negative_int(
            a.votes_against,
            f"{f}.votes_against",
            msg("「{title}」の反対数", title=title),
            allow_none=not need,
        )
        abstain = non_negative_int(
            a.votes_abstain, f"{f}.votes_abstain", msg("「{title}」の棄権数", title=title), allow_none=True
        )
        if need and votes_for <= against:  # type: ignore[operator]
            raise ValidationError(
                f"{f}.votes_for",
                msg(
                    "「{title}」は賛成多数ですが、賛成数が反対数以下です。人数か結果を確認してください。",
                    title=title,
                ),
            )
        if result is AgendaResult.UNANIMOUS and against:
            raise ValidationError(
                f"{f}.votes_against",
                msg(
                    "「{title}」は全会一致ですが、反対数が入っています。人数か結果を確認してください。",
                    title=title,
                ),
            )
        out.append(
            {
                "position": i,
                "kind": AgendaKind(a.kind).value,
                "title": title,
                "presenter": optional_text(
                    a.presenter, f"{f}.presenter", msg("「{title}」の説明者", title=title), 100
                ),
                "discussion": long_text(
                    a.discussion, f"{f}.discussion", msg("「{title}」の議事の経過", title=title)
                ),
                "result": result.value,
                "votes_for": votes_for,
                "votes_against": against,
                "votes_abstain": abstain,
            }
        )
    return out


def _validate_actions(rows: tuple[ActionItemInput, ...]) -> list[tuple[int | None, dict]]:
    out: list[tuple[int | None, dict]] = []
    for i, a in enumerate(rows):
        f = f"action_items[{i}]"
        content = required_text(a.content, f"{f}.content", msg("宿題事項（{n}件目）の内容", n=i + 1), 2000)
        assignee = optional_text(a.assignee, f"{f}.assignee", "担当", 100)
        out.append((a.id, {"content": content, "assignee": assignee, "due_on": a.due_on}))
    return out


def _person_id(s: Session, pid: int | None, what: str) -> int | None:
    if pid is not None:
        get_or_raise(s, Person, pid, what)
    return pid


def _texts(items: tuple[str, ...], field: str, label: str, max_len: int, multiline: bool) -> list[str]:
    check = long_text if multiline else optional_text
    out = [
        check(t, f"{field}[{i}]", msg("{label}（{n}件目）", label=label, n=i + 1), max_len)
        for i, t in enumerate(items)
    ]
    return [t for t in out if t]


# --- saving ------------------------------------------------------------------------------------------


def _sync_actions(
    s: Session, m: Meeting, existing: dict[int, ActionItem], rows: list[tuple[int | None, dict]]
) -> bool:
    changed = False
    keep: set[int] = set()
    for i, (aid, values) in enumerate(rows):
        if aid is None:
            s.add(ActionItem(meeting_id=m.id, status=ActionStatus.OPEN.value, **values))
            changed = True
        elif aid in existing:
            changed |= bool(apply_changes(existing[aid], values))
            keep.add(aid)
        else:
            raise ValidationError(
                f"action_items[{i}].id",
                "この宿題事項は別の会議のものです。再読み込みしてから入力し直してください。",
            )
    for aid, item in existing.items():
        if aid not in keep:
            s.delete(item)
            changed = True
    return changed


def _replace(collection: list, new: list[dict], model: type) -> bool:
    """Replace child rows when their content or order differs; return whether anything changed."""
    keys = [k for k in (new[0] if new else {}) if k != "position"]
    if len(collection) == len(new) and all(
        all(getattr(old, k) == values[k] for k in keys) for old, values in zip(collection, new, strict=True)
    ):
        return False
    collection.clear()
    collection.extend(model(**values) for values in new)
    return True


def _plain(value: Any) -> Any:
    return value.isoformat(timespec="minutes") if isinstance(value, time) else value


def _save(s: Session, m: Meeting, data: MinutesInput) -> dict[str, tuple[Any, Any]]:
    """Validate everything first, then write; returns the audit changes."""
    _check_times(data.start_time, data.end_time)
    attendance = _validate_attendance(s, data.attendance)
    _validate_signatories(data, attendance)
    scalars = {
        "start_time": data.start_time,
        "end_time": data.end_time,
        "place": optional_text(data.place, "place", "場所"),
        "chair_id": _person_id(s, data.chair_id, "議長"),
        "recorder_id": _person_id(s, data.recorder_id, "記録者"),
        "signatory1_id": _person_id(s, data.signatory1_id, "議事録署名人"),
        "signatory2_id": _person_id(s, data.signatory2_id, "議事録署名人"),
        "observers": non_negative_int(data.observers, "observers", "傍聴者数"),
        "next_meeting": long_text(data.next_meeting, "next_meeting", "次回の予定", 4000),
    }
    agenda = _validate_agenda(data.agenda_items)
    handouts = [
        {"position": i, "title": t}
        for i, t in enumerate(_texts(data.handouts, "handouts", "配布資料", 400, multiline=False))
    ]
    decisions = [
        {"position": i, "text": t}
        for i, t in enumerate(_texts(data.decisions, "decisions", "決定事項", 4000, multiline=True))
    ]
    actions = _validate_actions(data.action_items)
    existing_actions = {a.id: a for a in s.scalars(select(ActionItem).where(ActionItem.meeting_id == m.id))}
    with s.no_autoflush:  # one UPDATE of the meeting, so its version moves by exactly one
        return _write(s, m, scalars, attendance, handouts, agenda, decisions, existing_actions, actions)


def _write(
    s: Session,
    m: Meeting,
    scalars: dict[str, Any],
    attendance: list[dict],
    handouts: list[dict],
    agenda: list[dict],
    decisions: list[dict],
    existing_actions: dict[int, ActionItem],
    actions: list[tuple[int | None, dict]],
) -> dict[str, tuple[Any, Any]]:
    changes = {k: (_plain(a), _plain(b)) for k, (a, b) in apply_changes(m, scalars).items()}
    before = {
        "attendance": len(m.attendance),
        "handouts": len(m.handouts),
        "agenda_items": len(m.agenda_items),
        "decisions": len(m.decisions),
    }
    for name, collection, rows, model in (
        ("attendance", m.attendance, attendance, Attendance),
        ("handouts", m.handouts, handouts, Handout),
        ("agenda_items", m.agenda_items, agenda, AgendaItem),
        ("decisions", m.decisions, decisions, Decision),
    ):
        if _replace(collection, rows, model):
            changes[name] = (f"{before[name]}件", f"{len(rows)}件")
    if _sync_actions(s, m, existing_actions, actions):
        changes["action_items"] = ("", f"{len(actions)}件")
    if changes:
        m.updated_at = utcnow()  # a children-only edit still bumps the meeting's version
    return changes


def save_minutes(
    db: Database, meeting_id: int, data: MinutesInput, expected_version: int
) -> MeetingDetailDTO:
    """Save draft minutes in one transaction; 確定 minutes are refused (use ``revise_minutes``)."""
    with db.transaction() as s:
        m = get_or_raise(s, Meeting, meeting_id, "会議")
        check_version(m, expected_version, "議事録")
        _check_editable(m)
        changes = _save(s, m, data)
        if changes:
            s.flush()
            audit(s, db.user, "update", "meeting", m.id, f"「{_label(m)}」の議事録を保存", changes)
        return load_detail(s, m.id)
