"""Memberships of the person being edited (not yet saved), as rows of the person dialog's table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.domain.enums import MemberRole
from sakae_council.domain.terms import term_status
from sakae_council.gui.formatting import TERM_STATUS_STYLE, term_status_label, term_text, wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.services.people import MembershipDTO, MembershipInput


def tr(text: str) -> str:
    return QCoreApplication.translate("Memberships", text)


@dataclass(frozen=True)
class MembershipRow:
    """A membership as typed in the dialog, with its district's name for display."""

    data: MembershipInput
    district_name: str

    @classmethod
    def from_dto(cls, m: MembershipDTO) -> MembershipRow:
        return cls(m.as_input(), m.district_name)

    @property
    def role_text(self) -> str:
        role = self.data.role
        label = QCoreApplication.translate("MemberRole", role.label)
        if role is MemberRole.PUBLIC_POST and self.data.public_post:
            return f"{label}（{self.data.public_post}）"
        return label


class MembershipsModel(DtoTableModel[MembershipRow]):
    """学区, 役割, 役職, 任期, 状況."""

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        self.today = today
        super().__init__(
            [
                Column(tr("学区"), lambda r: r.district_name),
                Column(tr("役割"), lambda r: r.role_text),
                Column(
                    tr("役職"), lambda r: QCoreApplication.translate("OfficerPost", r.data.officer_post.label)
                ),
                Column(tr("任期"), self._term),
                Column(tr("状況"), lambda r: term_status_label(self._status(r)), status=self._style),
            ],
            parent,
        )

    def _status(self, r: MembershipRow):  # type: ignore[no-untyped-def]
        return term_status(r.data.term_start, r.data.term_end, r.data.ended_on, self.today)

    def _style(self, r: MembershipRow) -> str | None:
        return TERM_STATUS_STYLE.get(self._status(r))

    def _term(self, r: MembershipRow) -> str:
        text = term_text(r.data.term_start, r.data.term_end)
        if r.data.ended_on:
            text += tr("（退任 {date}）").format(date=wareki(r.data.ended_on))
        return text
