"""議事録の確定と修正: approval (確定) freezes the minutes as a snapshot (第1版); a later correction needs a
reason and makes the next revision (第2版 …); every revision's snapshot can be read back as it was."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    Meeting,
    MinutesRevision,
)
from sakae_council.domain.enums import AttendanceStatus, MinutesStatus
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.services.common import (
    audit,
    check_date_order,
    check_version,
    get_or_raise,
    long_text,
)
from sakae_council.services.meeting_dto import MeetingDetailDTO
from sakae_council.services.meetings import _label, load_detail
from sakae_council.services.minutes import MinutesInput, _save
from sakae_council.services.minutes_snapshot import RevisionDTO, detail_to_json
from sakae_council.services.minutes_snapshot import detail_from_json as detail_from_json  # re-exported

# --- approval and revisions --------------------------------------------------------------------------


def _check_complete(m: Meeting) -> None:
    for field, value, label in (
        ("chair_id", m.chair_id, msg("議長")),
        ("recorder_id", m.recorder_id, msg("記録者")),
        ("signatory1", m.signatory1_id, msg("議事録署名人（1人目）")),
        ("signatory2", m.signatory2_id, msg("議事録署名人（2人目）")),
    ):
        if value is None:
            raise ValidationError(
                field, msg("{label}が決まっていません。入力してから確定してください。", label=label)
            )
    if not m.agenda_items:
        raise ValidationError("agenda_items", "議題が一つもありません。議題を入力してから確定してください。")
    unconfirmed = [a.name for a in m.attendance if a.status == AttendanceStatus.UNCONFIRMED.value]
    if unconfirmed:
        raise ValidationError(
            "attendance",
            msg(
                "出欠が「未確認」の方が{n}名います（{names}）。出欠を入力してから確定してください。",
                n=len(unconfirmed),
                names="、".join(unconfirmed[:5]) + ("ほか" if len(unconfirmed) > 5 else ""),
            ),
        )


def _store_snapshot(s: Session, m: Meeting, user: str, reason: str) -> None:
    s.flush()
    detail = load_detail(s, m.id)
    s.add(
        MinutesRevision(
            meeting_id=m.id,
            number=m.revision,
            created_by=user,
            reason=reason,
            snapshot=detail_to_json(detail),
        )
    )


def approve_minutes(
    db: Database, meeting_id: int, approved_on: date, expected_version: int
) -> MeetingDetailDTO:
    """下書き → 確定: needs 議長, 記録者, both 署名人 and an agenda; stores revision 1 as a frozen snapshot."""
    with db.transaction() as s:
        m = get_or_raise(s, Meeting, meeting_id, "会議")
        check_version(m, expected_version, "議事録")
        if m.status != MinutesStatus.DRAFT.value:
            raise ValidationError(
                "status", "この議事録はすでに確定しています。変更するときは「修正」を使ってください。"
            )
        _check_complete(m)
        check_date_order(
            m.held_on,
            approved_on,
            "approved_on",
            "確定日が開催日より前になっています。日付を確認してください。",
        )
        m.status = MinutesStatus.APPROVED.value
        m.approved_on = approved_on
        m.revision = 1
        _store_snapshot(s, m, db.user, "確定")
        audit(s, db.user, "approve", "meeting", m.id, f"「{_label(m)}」の議事録を確定（第1版）")
        return load_detail(s, m.id)


def revise_minutes(
    db: Database, meeting_id: int, data: MinutesInput, reason: str, expected_version: int
) -> MeetingDetailDTO:
    """Change 確定 minutes: needs a reason, adds the next revision number and snapshot; earlier ones stay."""
    text = long_text(reason, "reason", "修正の理由", 2000)
    if not text:
        raise ValidationError("reason", "確定した議事録を修正する理由を入力してください。")
    with db.transaction() as s:
        m = get_or_raise(s, Meeting, meeting_id, "会議")
        check_version(m, expected_version, "議事録")
        if m.status != MinutesStatus.APPROVED.value:
            raise ValidationError(
                "status", "この議事録はまだ下書きです。修正ではなく、そのまま保存してください。"
            )
        changes = _save(s, m, data)
        if not changes:
            raise ValidationError(
                "minutes", "変更された箇所がありません。直したい箇所を変更してから修正してください。"
            )
        _check_complete(m)
        m.revision += 1
        _store_snapshot(s, m, db.user, text)
        changes["revision"] = (m.revision - 1, m.revision)
        audit(
            s,
            db.user,
            "revise",
            "meeting",
            m.id,
            f"「{_label(m)}」の議事録を修正（第{m.revision}版）: {text}",
            changes,
        )
        return load_detail(s, m.id)


def list_revisions(db: Database, meeting_id: int) -> list[RevisionDTO]:
    """The frozen versions of a meeting's minutes, first (確定) to last."""
    with db.reading() as s:
        get_or_raise(s, Meeting, meeting_id, "会議")
        stmt = (
            select(MinutesRevision)
            .where(MinutesRevision.meeting_id == meeting_id)
            .order_by(MinutesRevision.number)
        )
        return [
            RevisionDTO(
                id=r.id,
                meeting_id=r.meeting_id,
                number=r.number,
                created_at=r.created_at,
                created_by=r.created_by,
                reason=r.reason,
            )
            for r in s.scalars(stmt)
        ]


def get_revision_snapshot(db: Database, meeting_id: int, number: int) -> MeetingDetailDTO:
    """The minutes exactly as they were at revision ``number`` (printable like a live detail)."""
    with db.reading() as s:
        snapshot = s.scalar(
            select(MinutesRevision.snapshot).where(
                MinutesRevision.meeting_id == meeting_id, MinutesRevision.number == number
            )
        )
        if snapshot is None:
            raise NotFoundError(
                msg("この議事録の第{number}版は見つかりません。版の一覧を更新してください。", number=number)
            )
        return detail_from_json(snapshot)
