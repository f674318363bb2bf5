"""会則 — each district council's bylaws: one current text, every save kept as a numbered revision.

Like the manual's sections (services.manual): the text is guarded by ``version`` (a stale save is a
conflict), and every save that changes the title or body appends a BylawsRevision (第1版, 第2版 …) with
the author, a one-line reason (「第5条（役員）を改正」) and the date it applies from (施行日).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import Bylaws, BylawsRevision, District
from sakae_council.domain.errors import ConflictError, StaleVersionError, ValidationError, msg
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_day,
    check_version,
    get_or_raise,
    long_text,
    optional_text,
    required_text,
)

MAX_TITLE = 200
MAX_BODY = 50000
MAX_SUMMARY = 200


@dataclass(frozen=True)
class BylawsDTO:
    """A council's 会則 as it stands, with its newest revision's number and 施行日."""

    id: int
    version: int
    district_id: int
    title: str
    body: str
    revision: int
    effective_on: date | None

    @property
    def revision_label(self) -> str:
        return f"第{self.revision}版"


@dataclass(frozen=True)
class BylawsRevisionDTO:
    number: int
    title: str
    body: str
    summary: str
    effective_on: date | None
    author: str
    created_at: datetime

    @property
    def label(self) -> str:
        return f"第{self.number}版"


def default_title(council_name: str) -> str:
    """「安食小学校区まちづくり協議会会則」."""
    return f"{council_name}会則" if council_name else "会則"


def _latest(s: Session, bylaws_id: int) -> BylawsRevision | None:
    return s.scalar(
        select(BylawsRevision)
        .where(BylawsRevision.bylaws_id == bylaws_id)
        .order_by(BylawsRevision.number.desc())
    )


def _dto(s: Session, b: Bylaws) -> BylawsDTO:
    latest = _latest(s, b.id)
    return BylawsDTO(
        id=b.id,
        version=b.version,
        district_id=b.district_id,
        title=b.title,
        body=b.body,
        revision=latest.number if latest else 0,
        effective_on=latest.effective_on if latest else None,
    )


def get_bylaws(db: Database, district_id: int) -> BylawsDTO | None:
    """The council's 会則, or None when none has been entered yet."""
    with db.reading() as s:
        get_or_raise(s, District, district_id, "学区")
        b = s.scalar(select(Bylaws).where(Bylaws.district_id == district_id))
        return _dto(s, b) if b is not None else None


_TAKEN = msg("この学区の会則は、別の場所で先に登録されています。開き直してから、もう一度保存してください。")


def save_bylaws(
    db: Database,
    district_id: int,
    title: str,
    body: str,
    summary: str,
    *,
    effective_on: date | None = None,
    expected_version: int | None = None,
) -> BylawsDTO:
    """Enter or change a council's 会則; a change of title or body is kept as a new revision.

    ``expected_version`` is the version the editor opened (None when it opened an empty 会則)."""
    title_v = required_text(title, "title", "会則の名称", MAX_TITLE)
    body_v = long_text(body, "body", "本文", MAX_BODY)
    if not body_v.strip():
        raise ValidationError("body", msg("会則の本文を入力してください。"))
    summary_v = optional_text(summary, "summary", "改正の内容", MAX_SUMMARY)
    check_day(effective_on, "effective_on", "施行日")
    with db.transaction() as s:
        district = get_or_raise(s, District, district_id, "学区")
        b = s.scalar(select(Bylaws).where(Bylaws.district_id == district_id))
        if b is None:
            if expected_version is not None:
                raise ConflictError(msg("この会則は別の場所で削除されています。一覧を更新してください。"))
            b = Bylaws(district_id=district_id, title=title_v, body=body_v)
            s.add(b)
            try:
                s.flush()
            except IntegrityError as exc:  # both entered the district's first 会則 at once (the server)
                raise StaleVersionError(_TAKEN) from exc
            changed = True
            action = "create"
        else:
            if expected_version is None:  # both opened an empty 会則: the second sees the first's text
                raise StaleVersionError(_TAKEN)
            check_version(b, expected_version, "会則")
            changed = bool(apply_changes(b, {"title": title_v, "body": body_v}))
            action = "update"
        if changed:
            s.flush()
            last = s.scalar(select(func.max(BylawsRevision.number)).where(BylawsRevision.bylaws_id == b.id))
            number = (last or 0) + 1
            reason = summary_v or ("制定" if number == 1 else "改正")
            s.add(
                BylawsRevision(
                    bylaws_id=b.id,
                    number=number,
                    title=title_v,
                    body=body_v,
                    summary=reason,
                    effective_on=effective_on,
                    author=db.user,
                )
            )
            audit(s, db.user, action, "bylaws", b.id, f"{district.name}の会則を第{number}版に（{reason}）")
            s.flush()
        return _dto(s, b)


def list_revisions(db: Database, district_id: int) -> list[BylawsRevisionDTO]:
    """A council's 会則 revisions, 第1版 first (empty when no 会則 has been entered)."""
    with db.reading() as s:
        stmt = (
            select(BylawsRevision)
            .join(Bylaws, Bylaws.id == BylawsRevision.bylaws_id)
            .where(Bylaws.district_id == district_id)
            .order_by(BylawsRevision.number)
        )
        return [
            BylawsRevisionDTO(
                number=r.number,
                title=r.title,
                body=r.body,
                summary=r.summary,
                effective_on=r.effective_on,
                author=r.author,
                created_at=r.created_at,
            )
            for r in s.scalars(stmt)
        ]
