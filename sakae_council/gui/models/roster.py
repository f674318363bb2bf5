"""The roster table: one row per person, showing the membership that matters in the current view."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.terms import TermStatus
from sakae_council.gui.formatting import TERM_STATUS_STYLE, term_status_label, term_text, wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.services.people import MembershipDTO, PersonDTO

_STATUS_RANK = {TermStatus.CURRENT: 0, TermStatus.EXPIRING: 0, TermStatus.UPCOMING: 1, TermStatus.ENDED: 2}
_POST_RANK = {post: i for i, post in enumerate(OfficerPost)}


def tr(text: str) -> str:
    return QCoreApplication.translate("Roster", text)


def primary_membership(person: PersonDTO, district_id: int | None, today: date) -> MembershipDTO | None:
    """The membership a roster row shows: in the chosen district, running before past, officers first."""
    candidates = [m for m in person.memberships if district_id is None or m.district_id == district_id]
    if not candidates:
        candidates = list(person.memberships)
    if not candidates:
        return None
    return min(
        candidates,
        key=lambda m: (
            _STATUS_RANK[m.status(today)],
            _POST_RANK[m.officer_post],
            -(m.term_start.toordinal() if m.term_start else 0),
        ),
    )


def role_text(m: MembershipDTO) -> str:
    """役割 on screen, translated: 町からの公職 shows the post's name (民生委員・児童委員) beside it."""
    if m.role is MemberRole.PUBLIC_POST and m.public_post:
        return tr("{role}（{post}）").format(role=enum_label(m.role), post=m.public_post)
    return enum_label(m.role)


def membership_line(m: MembershipDTO, today: date) -> str:
    """One membership in words, for tooltips: 安食小学校区 ふれあい推進員 会長 令和7年4月1日〜… (現任)."""
    parts = [m.district_name, role_text(m), enum_label(m.officer_post), term_text(m.term_start, m.term_end)]
    if m.ended_on:
        parts.append(tr("退任日 {date}").format(date=wareki(m.ended_on)))
    parts.append(tr("（{status}）").format(status=term_status_label(m.status(today))))
    return " ".join(p for p in parts if p)


class RosterModel(DtoTableModel[PersonDTO]):
    """氏名, フリガナ, 学区, 役割, 役職, 任期, 連絡先 over PersonDTOs."""

    #: A search keystroke reads and builds this many people (more as the list scrolls): more than a screen
    #: shows at any text size, and a quarter of a full batch's time (issue 20).
    FIRST_BATCH = 50

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        self.today = today
        self.district_id: int | None = None
        super().__init__(
            [
                Column(
                    tr("氏名"), lambda p: p.name, sort_key="name", tooltip=self._tooltip, status=self._deleted
                ),
                Column(tr("フリガナ"), lambda p: p.furigana, sort_key="kana", priority=2),
                Column(tr("学区"), self._district, sort_key="district"),
                Column(tr("役割"), lambda p: self._with(p, role_text)),
                Column(tr("役職"), lambda p: self._with(p, lambda m: enum_label(m.officer_post))),
                Column(tr("任期"), self._term, sort_key="term_end", status=self._term_status),
                Column(tr("連絡先"), lambda p: p.phone or p.email, priority=3),
            ],
            parent,
        )

    def _primary(self, p: PersonDTO) -> MembershipDTO | None:
        return primary_membership(p, self.district_id, self.today)

    def _with(self, p: PersonDTO, text: object) -> str:
        m = self._primary(p)
        return text(m) if m is not None and callable(text) else ""

    def _district(self, p: PersonDTO) -> str:
        m = self._primary(p)
        if m is None:
            return tr("（学区なし）")
        others = {
            x.district_id
            for x in p.memberships
            if x.district_id != m.district_id and x.status(self.today) is not TermStatus.ENDED
        }
        return m.district_name + (tr(" ほか{n}").format(n=len(others)) if others else "")

    def _term(self, p: PersonDTO) -> str:
        m = self._primary(p)
        if m is None:
            return ""
        status = m.status(self.today)
        text = term_text(
            m.term_start, m.ended_on if status is TermStatus.ENDED and m.ended_on else m.term_end
        )
        if status is not TermStatus.CURRENT:
            text = f"{text}（{term_status_label(status)}）" if text else term_status_label(status)
        return text

    def _term_status(self, p: PersonDTO) -> str | None:
        m = self._primary(p)
        return TERM_STATUS_STYLE.get(m.status(self.today)) if m is not None else None

    def _deleted(self, p: PersonDTO) -> str | None:
        return "deleted" if p.deleted_at is not None else None

    def _tooltip(self, p: PersonDTO) -> str:
        lines = [f"{p.name}（{p.furigana}）" if p.furigana else p.name]
        lines += [membership_line(m, self.today) for m in p.memberships]
        if p.organisation_name:
            lines.append(tr("所属: {org}").format(org=p.organisation_name))
        return "\n".join(lines)
