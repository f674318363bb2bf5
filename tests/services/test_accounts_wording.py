"""The council's 監査報告の文言 (stored, audited, a stale save refused, braces checked) and a statement's
header row for choosing its columns by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakae_council.domain.errors import ConflictError, ValidationError
from sakae_council.services import accounts
from sakae_council.services.audit_log import entries_for
from sakae_council.services.districts import DistrictInput, create_district


@pytest.fixture()
def district(db) -> int:
    return create_district(db, DistrictInput(name="安食", council_name="安食の会")).id


def test_the_wording_is_stored_audited_and_checked(db, district) -> None:
    first = accounts.get_audit_wording(db, district)
    assert first.wording == "" and first.council_name == "安食の会"
    saved = accounts.set_audit_wording(
        db, district, "{year}の会計を監査し、<適正> & 正確と認めます。", first.version
    )
    assert (
        accounts.get_audit_wording(db, district).wording == "{year}の会計を監査し、<適正> & 正確と認めます。"
    )
    assert any("監査報告の文言" in a.summary for a in entries_for(db, "district", district))
    with pytest.raises(ConflictError):
        accounts.set_audit_wording(db, district, "古い画面から", first.version)
    with pytest.raises(ValidationError) as unbalanced:
        accounts.set_audit_wording(db, district, "{year の会計", saved.version)
    assert unbalanced.value.field == "wording" and "{year}" in unbalanced.value.message
    with pytest.raises(ValidationError):
        accounts.set_audit_wording(db, district, "長" * 1001, saved.version)
    assert accounts.set_audit_wording(db, district, "", saved.version).wording == ""


def test_the_header_row_of_unknown_headings_is_offered(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"Bank statement\nDate,Memo,In,Out,Balance\n2026-11-20,ATM,5000,,205000\n")
    assert accounts.statement_header(path) == (1, ("Date", "Memo", "In", "Out", "Balance"))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match="明細の行がありません"):
        accounts.statement_header(empty)
