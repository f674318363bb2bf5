"""The council's own wording of its 監査報告書 (kept on the council; "" prints the standard sentence)."""

from __future__ import annotations

from dataclasses import dataclass

from sakae_council.db.engine import Database
from sakae_council.db.models import District
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.services.common import audit, check_version, get_or_raise, long_text

#: Long enough for a paragraph the 監事 sign; longer belongs in a separate 所見.
MAX_WORDING = 1000


@dataclass(frozen=True)
class AuditWordingDTO:
    """監査報告の文言 of one council ("" — the standard sentence); ``version`` is the council record's."""

    district_id: int
    version: int
    council_name: str
    wording: str

    @property
    def id(self) -> int:
        """The council's id (the audit trail names the district record)."""
        return self.district_id


def _dto(d: District) -> AuditWordingDTO:
    return AuditWordingDTO(d.id, d.version, d.council_name or d.name, d.audit_wording)


def get_audit_wording(db: Database, district_id: int) -> AuditWordingDTO:
    """The council's 監査報告の文言 ("" when it prints the standard sentence)."""
    with db.reading() as s:
        return _dto(get_or_raise(s, District, district_id, "学区"))


def set_audit_wording(
    db: Database, district_id: int, wording: str, expected_version: int | None = None
) -> AuditWordingDTO:
    """Store the council's 監査報告の文言 ("" goes back to the standard sentence); audited."""
    with db.transaction() as s:
        d = get_or_raise(s, District, district_id, "学区")
        check_version(d, expected_version, "協議会の監査報告の文言")
        text = long_text(wording, "wording", "監査報告の文言", MAX_WORDING)
        if text.count("{") != text.count("}"):
            raise ValidationError(
                "wording",
                msg("{{ と }} の数が合いません。年度は {{year}}、期間は {{period}} と書いてください。"),
            )
        if text != d.audit_wording:
            changes = {"audit_wording": (d.audit_wording, text)}
            d.audit_wording = text
            s.flush()
            audit(s, db.user, "update", "district", d.id, f"{d.name}の監査報告の文言を変更", changes)
        return _dto(d)
