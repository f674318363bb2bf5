"""役員改選 — the year-end officer changeover of a council, applied in one step, and the papers it needs.

At the end of a 年度 every seat whose term ends by 3月31日 is decided: 再任 (a new term for the same
person), 退任 (the seat ends), or 交代 (a successor — from the roster or newly added — takes the seat).
Posts (会長, 副会長, 会計, 監事 …) are reassigned over every seat that runs on, with the council's rule
checked: one person holds one post (and there is one 会長). The whole change is applied on a chosen date in
one transaction, every row audited: a failure anywhere leaves nothing changed.

The ended seats keep their history (``ended_on``); a renewed or handed-over seat is a new membership from
the chosen date, so the roster shows both terms.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from sakae_council.db.engine import Database
from sakae_council.db.models import District, Membership, Person
from sakae_council.domain.council import is_member_seat
from sakae_council.domain.enums import LabeledEnum, OfficerPost
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range
from sakae_council.services import people
from sakae_council.services.common import audit, check_day, check_version, get_or_raise
from sakae_council.services.seats import POST_RANK, SeatDTO, seat_dto

#: 会長 is held by one person; the other posts may have several holders (副会長 二名 …).
SINGLE_HOLDER_POSTS = frozenset({OfficerPost.CHAIR})
DEFAULT_TERM_YEARS = 2


class ChangeoverAction(LabeledEnum):
    """What happens to a seat at the changeover."""

    CONTINUE = "continue", "任期継続"
    RENEW = "renew", "再任"
    END = "end", "退任"
    HANDOVER = "handover", "交代"


@dataclass(frozen=True)
class NewPersonInput:
    """A successor not yet on the roster: added with the change."""

    name: str
    furigana: str = ""


@dataclass(frozen=True)
class SeatChoice:
    """The decision for one seat: the action and the post held from the changeover date."""

    membership_id: int
    action: ChangeoverAction
    post: OfficerPost = OfficerPost.MEMBER
    successor_id: int | None = None
    successor: NewPersonInput | None = None
    #: The version the screen showed (None: not checked).
    expected_version: int | None = None


@dataclass(frozen=True)
class ChangeoverPlan:
    district_id: int
    fiscal_year: int
    effective_on: date
    choices: tuple[SeatChoice, ...]
    term_years: int = DEFAULT_TERM_YEARS


@dataclass(frozen=True)
class ChangeoverResult:
    """What the change did: names per kind, and the new terms' dates."""

    renewed: tuple[str, ...]
    ended: tuple[str, ...]
    handed_over: tuple[tuple[str, str], ...]
    posts_changed: tuple[str, ...]
    term_start: date
    term_end: date


def term_end_for(start: date, years: int) -> date:
    """The last day of a term of ``years`` years from ``start`` (2027-04-01, 2 → 2029-03-31)."""
    try:
        after = start.replace(year=start.year + years)
    except ValueError:  # 2月29日
        after = start.replace(year=start.year + years, day=28) + timedelta(days=1)
    return after - timedelta(days=1)


def _seat_rows(s: Session, district_id: int, fiscal_year: int) -> list[Membership]:
    first, last = fiscal_year_range(fiscal_year)
    stmt = (
        select(Membership)
        .join(Person, Person.id == Membership.person_id)
        .options(joinedload(Membership.person))
        .where(
            Membership.district_id == district_id,
            Person.deleted_at.is_(None),
            Membership.ended_on.is_(None) | (Membership.ended_on > last),
            Membership.term_start.is_(None) | (Membership.term_start <= last),
            Membership.term_end.is_(None) | (Membership.term_end >= first),
        )
    )
    rows = [m for m in s.scalars(stmt) if is_member_seat(m.role)]
    rows.sort(key=lambda m: (POST_RANK[OfficerPost(m.officer_post)], m.person.kana_key, m.id))
    return rows


def changeover_seats(db: Database, district_id: int, fiscal_year: int) -> list[SeatDTO]:
    """Every council seat running at the end of ``fiscal_year`` (officers first, then 五十音順)."""
    _first, last = fiscal_year_range(fiscal_year)
    with db.reading() as s:
        get_or_raise(s, District, district_id, "学区")
        return [seat_dto(m, last) for m in _seat_rows(s, district_id, fiscal_year)]


def default_choices(seats: list[SeatDTO]) -> tuple[SeatChoice, ...]:
    """Nothing decided for the ending seats (the safe default: the secretary chooses each), posts kept."""
    return tuple(
        SeatChoice(
            membership_id=seat.membership_id,
            action=ChangeoverAction.CONTINUE,
            post=seat.officer_post,
            expected_version=seat.membership_version,
        )
        for seat in seats
    )


# --- checking -------------------------------------------------------------------------------------


def _check_choice(seat: Membership, choice: SeatChoice, name: str, ending: bool) -> None:
    ending_actions = (ChangeoverAction.RENEW, ChangeoverAction.END, ChangeoverAction.HANDOVER)
    if choice.action is ChangeoverAction.CONTINUE and ending:
        raise ValidationError(
            f"choice[{seat.id}]",
            msg("「{name}」さんの任期が満了します。再任・退任・交代のどれかを選んでください。", name=name),
        )
    if choice.action in ending_actions and not ending:
        raise ValidationError(
            f"choice[{seat.id}]",
            msg(
                "「{name}」さんの任期はまだ続きます。「任期継続」のまま、役職だけを変えてください。",
                name=name,
            ),
        )
    if (
        choice.action is ChangeoverAction.HANDOVER
        and choice.successor_id is None
        and (choice.successor is None or not choice.successor.name.strip())
    ):
        raise ValidationError(
            f"choice[{seat.id}]",
            msg("「{name}」さんの後任を名簿から選ぶか、新しい人の氏名を入力してください。", name=name),
        )


def _holder_name(s: Session, choice: SeatChoice, seat: Membership) -> tuple[object, str]:
    """Who holds the seat after the change: a key (person id or the new name) and the name."""
    if choice.action is ChangeoverAction.HANDOVER:
        if choice.successor_id is not None:
            person = get_or_raise(s, Person, choice.successor_id, "後任の人")
            if person.deleted_at is not None:
                raise ValidationError(
                    f"choice[{seat.id}]",
                    msg(
                        "後任の「{name}」さんは名簿から削除されています。別の人を選んでください。",
                        name=person.name,
                    ),
                )
            return person.id, person.name
        assert choice.successor is not None
        name = choice.successor.name.strip()
        return ("new", name), name
    return seat.person_id, seat.person.name


def _check_posts(holders: list[tuple[object, str, OfficerPost]]) -> None:
    """One person, one post (and one seat); one 会長."""
    seats = Counter(key for key, _n, _p in holders)
    for key, name, _post in holders:
        if seats[key] > 1:
            raise ValidationError(
                "posts",
                msg(
                    "「{name}」さんが改選後に二つの席に就くことになっています。交代の後任には、まだ委員でない人を選んでください。",
                    name=name,
                ),
            )
    for post in SINGLE_HOLDER_POSTS:
        chairs = [n for _k, n, p in holders if p is post]
        if len(chairs) > 1:
            raise ValidationError(
                "posts",
                msg(
                    "{post}が{count}人（{names}）になっています。{post}は一人にしてください。",
                    post=post.label,
                    count=len(chairs),
                    names="・".join(chairs),
                ),
            )


def _check_plan(s: Session, plan: ChangeoverPlan) -> tuple[District, dict[int, Membership]]:
    district = get_or_raise(s, District, plan.district_id, "学区")
    first, last = fiscal_year_range(plan.fiscal_year)
    check_day(plan.effective_on, "effective_on", "改選の日")
    if not first < plan.effective_on <= last + timedelta(days=366):
        raise ValidationError(
            "effective_on",
            msg(
                "改選の日は{fy}の途中から翌年度の終わりまでの日付にしてください（ふつうは4月1日）。",
                fy=fiscal_year_label(plan.fiscal_year),
            ),
        )
    if not 1 <= plan.term_years <= 4:
        raise ValidationError("term_years", msg("任期は1年から4年の間で指定してください。"))
    rows = {m.id: m for m in _seat_rows(s, plan.district_id, plan.fiscal_year)}
    chosen = {c.membership_id: c for c in plan.choices}
    stale = set(chosen) - set(rows)
    if stale or len(chosen) != len(plan.choices):
        raise ValidationError(
            "choices", msg("改選の一覧が古くなっています。画面を開き直してから、もう一度適用してください。")
        )
    holders: list[tuple[object, str, OfficerPost]] = []
    for mid, seat in rows.items():
        choice = chosen.get(mid)
        if choice is None:
            if seat.term_end is not None and seat.term_end <= last:
                raise ValidationError(
                    f"choice[{mid}]",
                    msg(
                        "「{name}」さんの任期満了後の扱い（再任・退任・交代）を選んでください。",
                        name=seat.person.name,
                    ),
                )
            choice = SeatChoice(mid, ChangeoverAction.CONTINUE, OfficerPost(seat.officer_post))
        check_version(seat, choice.expected_version, "委嘱（役割・任期）")
        ending = seat.term_end is not None and seat.term_end <= last
        _check_choice(seat, choice, seat.person.name, ending)
        if choice.action is not ChangeoverAction.END:
            key, name = _holder_name(s, choice, seat)
            holders.append((key, name, OfficerPost(choice.post)))
    _check_posts(holders)
    return district, rows


def check_changeover(db: Database, plan: ChangeoverPlan) -> None:
    """Raise ValidationError for the first problem of ``plan`` (nothing is written)."""
    with db.reading() as s:
        _check_plan(s, plan)


# --- applying -------------------------------------------------------------------------------------


def _successor(s: Session, db: Database, choice: SeatChoice) -> Person:
    if choice.successor_id is not None:
        return get_or_raise(s, Person, choice.successor_id, "後任の人")
    assert choice.successor is not None
    values = people.person_values(
        people.PersonInput(name=choice.successor.name, furigana=choice.successor.furigana)
    )
    person = Person(**values)
    s.add(person)
    s.flush()
    audit(s, db.user, "create", "person", person.id, people.created_summary(person.name))
    return person


def _new_seat(
    s: Session, person: Person, old: Membership, post: OfficerPost, start: date, end: date
) -> Membership:
    seat = Membership(
        person_id=person.id,
        district_id=old.district_id,
        role=old.role,
        public_post=old.public_post,
        officer_post=post.value,
        commissioned_on=start,
        term_start=start,
        term_end=end,
    )
    s.add(seat)
    return seat


def _end_seat(old: Membership, effective_on: date) -> None:
    day_before = effective_on - timedelta(days=1)
    ended = min(old.term_end, day_before) if old.term_end is not None else day_before
    if old.term_start is not None and ended < old.term_start:
        ended = old.term_start
    old.ended_on = ended


def _apply_choice(
    s: Session,
    db: Database,
    old: Membership,
    choice: SeatChoice,
    start: date,
    end: date,
    out: dict[str, list],
) -> None:
    """One seat's change (inside the plan's transaction)."""
    name = old.person.name
    post = OfficerPost(choice.post)
    action = choice.action
    if action is ChangeoverAction.CONTINUE:
        if OfficerPost(old.officer_post) is not post:
            before = OfficerPost(old.officer_post).label
            old.officer_post = post.value
            out["posts"].append(f"{name}（{before}→{post.label}）")
            audit(
                s,
                db.user,
                "update",
                "membership",
                old.id,
                f"役員改選: 「{name}」の役職を{before}から{post.label}に",
            )
        return
    _end_seat(old, start)
    if action is ChangeoverAction.RENEW:
        _new_seat(s, old.person, old, post, start, end)
        out["renewed"].append(name)
        audit(s, db.user, "update", "membership", old.id, f"役員改選: 「{name}」を{post.label}に再任")
    elif action is ChangeoverAction.END:
        out["ended"].append(name)
        audit(s, db.user, "update", "membership", old.id, f"役員改選: 「{name}」が退任")
    else:
        person = _successor(s, db, choice)
        _new_seat(s, person, old, post, start, end)
        out["handed"].append((name, person.name))
        audit(
            s,
            db.user,
            "update",
            "membership",
            old.id,
            f"役員改選: 「{name}」から「{person.name}」（{post.label}）へ交代",
        )


def apply_changeover(db: Database, plan: ChangeoverPlan) -> ChangeoverResult:
    """Check ``plan`` and apply it in one transaction (all seats or none), audited row by row."""
    start = plan.effective_on
    end = term_end_for(start, plan.term_years)
    out: dict[str, list] = {"renewed": [], "ended": [], "handed": [], "posts": []}
    with db.transaction() as s:
        district, rows = _check_plan(s, plan)
        chosen = {c.membership_id: c for c in plan.choices}
        for mid, old in rows.items():
            choice = chosen.get(mid) or SeatChoice(
                mid, ChangeoverAction.CONTINUE, OfficerPost(old.officer_post)
            )
            _apply_choice(s, db, old, choice, start, end, out)
        s.flush()
        audit(
            s,
            db.user,
            "update",
            "district",
            district.id,
            f"{district.name}の役員改選（{fiscal_year_label(plan.fiscal_year)}末）を{start.isoformat()}付で適用: "
            f"再任{len(out['renewed'])}名・退任{len(out['ended'])}名・交代{len(out['handed'])}名",
        )
    return ChangeoverResult(
        renewed=tuple(out["renewed"]),
        ended=tuple(out["ended"]),
        handed_over=tuple(out["handed"]),
        posts_changed=tuple(out["posts"]),
        term_start=start,
        term_end=end,
    )
