"""補助金: applications of a project through 申請 → 審査 → 交付決定/不採用 → 実績報告 → 確定, documents and totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.base import utcnow
from sakae_council.db.engine import Database
from sakae_council.db.models import CollaborativeProject, District, GrantApplication, GrantDocument
from sakae_council.domain.enums import GRANT_TRANSITIONS, GrantStatus, check_transition
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.money import format_yen
from sakae_council.domain.wareki import fiscal_year_range, to_wareki
from sakae_council.services._crud import change, current, insert, remove
from sakae_council.services.common import (
    audit,
    check_version,
    get_or_raise,
    long_text,
    non_negative_int,
    optional_text,
    required_text,
)

#: The date column each status stamps, in the order the steps happen.
STEP_DATES: dict[GrantStatus, str] = {
    GrantStatus.APPLIED: "applied_on",
    GrantStatus.REVIEWING: "reviewed_on",
    GrantStatus.AWARDED: "decided_on",
    GrantStatus.REJECTED: "decided_on",
    GrantStatus.REPORTED: "reported_on",
    GrantStatus.SETTLED: "settled_on",
}
_DATE_ORDER = ("applied_on", "reviewed_on", "decided_on", "reported_on", "settled_on")
_DATE_LABELS = dict(zip(_DATE_ORDER, ("申請日", "審査日", "決定日", "実績報告日", "確定日"), strict=True))
#: How far each status has come along _DATE_ORDER (a step's date may be set only once it is reached).
_REACHED = {
    GrantStatus.APPLIED: 0,
    GrantStatus.REVIEWING: 1,
    GrantStatus.AWARDED: 2,
    GrantStatus.REJECTED: 2,
    GrantStatus.REPORTED: 3,
    GrantStatus.SETTLED: 4,
}
#: Statuses at which money has been granted (交付決定 or later).
AWARDED_OR_LATER = frozenset({GrantStatus.AWARDED, GrantStatus.REPORTED, GrantStatus.SETTLED})


@dataclass(frozen=True)
class GrantInput:
    project_id: int
    fiscal_year: int
    scheme: str = ""
    amount_requested: int = 0
    amount_granted: int | None = None
    amount_spent: int | None = None
    applied_on: date | None = None
    reviewed_on: date | None = None
    decided_on: date | None = None
    reported_on: date | None = None
    settled_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class GrantDocumentDTO:
    id: int
    title: str
    location: str
    submitted_on: date | None


@dataclass(frozen=True)
class GrantDTO:
    id: int
    version: int
    project_id: int
    project_title: str
    district_id: int
    district_name: str
    scheme: str
    fiscal_year: int
    status: GrantStatus
    amount_requested: int
    amount_granted: int | None
    amount_spent: int | None
    applied_on: date | None
    reviewed_on: date | None
    decided_on: date | None
    reported_on: date | None
    settled_on: date | None
    notes: str
    documents: tuple[GrantDocumentDTO, ...] = ()

    @property
    def overspent(self) -> bool:
        """More spent than granted (実績が交付決定額を超えている)."""
        return (
            self.amount_spent is not None
            and self.amount_granted is not None
            and self.amount_spent > self.amount_granted
        )

    @property
    def remaining(self) -> int | None:
        """Granted minus spent; None until an amount is granted."""
        if self.amount_granted is None:
            return None
        return self.amount_granted - (self.amount_spent or 0)


def _document_dto(d: GrantDocument) -> GrantDocumentDTO:
    return GrantDocumentDTO(d.id, d.title, d.location, d.submitted_on)


def to_dto(g: GrantApplication) -> GrantDTO:
    return GrantDTO(
        id=g.id,
        version=g.version,
        project_id=g.project_id,
        project_title=g.project.title,
        district_id=g.project.district_id,
        district_name=g.project.district.name,
        scheme=g.scheme,
        fiscal_year=g.fiscal_year,
        status=GrantStatus(g.status),
        amount_requested=g.amount_requested,
        amount_granted=g.amount_granted,
        amount_spent=g.amount_spent,
        applied_on=g.applied_on,
        reviewed_on=g.reviewed_on,
        decided_on=g.decided_on,
        reported_on=g.reported_on,
        settled_on=g.settled_on,
        notes=g.notes,
        documents=tuple(_document_dto(d) for d in sorted(g.documents, key=lambda d: d.id)),
    )


def _options():  # type: ignore[no-untyped-def]
    return (
        selectinload(GrantApplication.project).selectinload(CollaborativeProject.district),
        selectinload(GrantApplication.documents),
    )


def _load(s: Session, grant_id: int) -> GrantApplication:
    get_or_raise(s, GrantApplication, grant_id, "補助金の申請")
    return s.scalars(
        select(GrantApplication).where(GrantApplication.id == grant_id).options(*_options())
    ).one()


def _check_dates(values: dict, status: GrantStatus) -> None:
    """Step dates only for steps reached, and in the order the steps happen."""
    reached = _REACHED[status]
    previous: tuple[str, date] | None = None
    for index, name in enumerate(_DATE_ORDER):
        day = values[name]
        if day is None:
            continue
        if index > reached:
            raise ValidationError(
                name,
                msg(
                    "{label}は、ステータスが「{status}」の間は入力できません。空欄にしてください。",
                    label=_DATE_LABELS[name],
                    status=status.label,
                ),
            )
        if previous is not None and day < previous[1]:
            raise ValidationError(
                name,
                msg(
                    "{label}が{what}（{date}）より前になっています。日付を確認してください。",
                    label=_DATE_LABELS[name],
                    what=_DATE_LABELS[previous[0]],
                    date=to_wareki(previous[1]),
                ),
            )
        previous = (name, day)


def _check_amounts(values: dict, status: GrantStatus) -> None:
    if status not in AWARDED_OR_LATER:
        for name, label in (("amount_granted", msg("交付決定額")), ("amount_spent", msg("支出額"))):
            if values[name] is not None:
                raise ValidationError(
                    name,
                    msg(
                        "{label}は交付決定の後に入力できます（今は「{status}」です）。空欄にしてください。",
                        label=label,
                        status=status.label,
                    ),
                )


def _validate(s: Session, data: GrantInput, status: GrantStatus) -> dict:
    get_or_raise(s, CollaborativeProject, data.project_id, "協働事業")
    fy = data.fiscal_year
    if isinstance(fy, bool) or not isinstance(fy, int):
        raise ValidationError("fiscal_year", "年度を選んでください。")
    fiscal_year_range(fy)
    values = {
        "project_id": data.project_id,
        "fiscal_year": fy,
        "scheme": optional_text(data.scheme, "scheme", "補助制度名"),
        "amount_requested": non_negative_int(data.amount_requested, "amount_requested", "申請額"),
        "amount_granted": non_negative_int(
            data.amount_granted, "amount_granted", "交付決定額", allow_none=True
        ),
        "amount_spent": non_negative_int(data.amount_spent, "amount_spent", "支出額", allow_none=True),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }
    values.update({name: getattr(data, name) for name in _DATE_ORDER})
    _check_amounts(values, status)
    _check_dates(values, status)
    return values


def create_grant(db: Database, data: GrantInput) -> GrantDTO:
    """Record a grant application (status 申請) for a project."""
    with db.transaction() as s:
        g = GrantApplication(status=GrantStatus.APPLIED.value, **_validate(s, data, GrantStatus.APPLIED))
        summary = f"補助金の申請（事業ID {g.project_id}、{format_yen(g.amount_requested)}）を登録"
        insert(s, db.user, g, "grant_application", summary)
        return to_dto(_load(s, g.id))


def update_grant(db: Database, grant_id: int, data: GrantInput, expected_version: int) -> GrantDTO:
    """Change an application's amounts, dates and notes (its status moves only by change_grant_status)."""
    with db.transaction() as s:
        g = current(s, GrantApplication, grant_id, expected_version, "補助金の申請", load=_load)
        values = _validate(s, data, GrantStatus(g.status))
        change(s, db.user, g, values, "grant_application", f"補助金の申請（ID {g.id}）を変更")
        return to_dto(_load(s, g.id))


def delete_grant(db: Database, grant_id: int, expected_version: int | None = None) -> None:
    """Remove an application and its document list."""
    with db.transaction() as s:
        g = current(s, GrantApplication, grant_id, expected_version, "補助金の申請")
        remove(s, db.user, g, "grant_application", f"補助金の申請（ID {g.id}、事業ID {g.project_id}）を削除")


def change_grant_status(
    db: Database,
    grant_id: int,
    new_status: GrantStatus | str,
    changed_on: date | None,
    expected_version: int | None = None,
    *,
    amount_granted: int | None = None,
) -> GrantDTO:
    """Move an application to its next step and stamp that step's date; 交付決定 may set the granted amount."""
    with db.transaction() as s:
        g = _load(s, grant_id)
        check_version(g, expected_version, "補助金の申請")
        current, new = GrantStatus(g.status), GrantStatus.parse(new_status, "status")
        if new is current:
            raise ValidationError("status", msg("この申請はすでに「{current}」です。", current=current.label))
        check_transition(current, new, GRANT_TRANSITIONS)
        if not isinstance(changed_on, date):
            raise ValidationError("changed_on", "日付を入力してください。")
        column = STEP_DATES[new]
        for name in _DATE_ORDER[: _DATE_ORDER.index(column)]:
            earlier = getattr(g, name)
            if earlier is not None and changed_on < earlier:
                raise ValidationError(
                    "changed_on",
                    msg(
                        "{label}が{what}（{date}）より前になっています。日付を確認してください。",
                        label=_DATE_LABELS[column],
                        what=_DATE_LABELS[name],
                        date=to_wareki(earlier),
                    ),
                )
        changes = {"status": (current.value, new.value), column: (getattr(g, column), changed_on)}
        if amount_granted is not None:
            if new is not GrantStatus.AWARDED:
                raise ValidationError(
                    "amount_granted", "交付決定額は「交付決定」にするときに入力してください。"
                )
            amount = non_negative_int(amount_granted, "amount_granted", "交付決定額")
            changes["amount_granted"] = (g.amount_granted, amount)
            g.amount_granted = amount
        g.status = new.value
        setattr(g, column, changed_on)
        g.updated_at = utcnow()
        s.flush()
        summary = f"補助金の申請（ID {g.id}）を「{current.label}」から「{new.label}」に変更"
        audit(s, db.user, "status", "grant_application", g.id, summary, changes)
        return to_dto(_load(s, g.id))


def get_grant(db: Database, grant_id: int) -> GrantDTO:
    """One application with its documents."""
    with db.reading() as s:
        return to_dto(_load(s, grant_id))


def list_grants(
    db: Database,
    *,
    project_id: int | None = None,
    fiscal_year: int | None = None,
    district_id: int | None = None,
) -> list[GrantDTO]:
    """Applications, newest fiscal year first, optionally of one project, year or district."""
    with db.reading() as s:
        stmt = (
            select(GrantApplication)
            .join(CollaborativeProject, CollaborativeProject.id == GrantApplication.project_id)
            .options(*_options())
            .order_by(GrantApplication.fiscal_year.desc(), GrantApplication.id)
        )
        if project_id is not None:
            stmt = stmt.where(GrantApplication.project_id == project_id)
        if fiscal_year is not None:
            stmt = stmt.where(GrantApplication.fiscal_year == fiscal_year)
        if district_id is not None:
            stmt = stmt.where(CollaborativeProject.district_id == district_id)
        return [to_dto(g) for g in s.scalars(stmt)]


# --- documents ------------------------------------------------------------------------------------


def add_document(
    db: Database, grant_id: int, title: str, location: str = "", submitted_on: date | None = None
) -> GrantDocumentDTO:
    """Attach a document (its title and where the paper or file is kept) to an application."""
    with db.transaction() as s:
        g = get_or_raise(s, GrantApplication, grant_id, "補助金の申請")
        doc = GrantDocument(
            grant_id=g.id,
            title=required_text(title, "title", "書類名", 400),
            location=optional_text(location, "location", "保管場所", 1000),
            submitted_on=submitted_on,
        )
        insert(s, db.user, doc, "grant_document", f"補助金の申請（ID {g.id}）に書類「{doc.title}」を追加")
        return _document_dto(doc)


def remove_document(db: Database, document_id: int) -> None:
    """Remove a document from an application's list."""
    with db.transaction() as s:
        doc = get_or_raise(s, GrantDocument, document_id, "書類")
        remove(s, db.user, doc, "grant_document", f"補助金の書類「{doc.title}」を削除")


# --- totals ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GrantTotalsRow:
    fiscal_year: int
    district_id: int
    district_name: str
    applications: int
    requested: int
    granted: int
    spent: int


def grant_totals(
    db: Database, fiscal_year: int | None = None, district_id: int | None = None
) -> list[GrantTotalsRow]:
    """Sums of requested, granted and spent yen per (fiscal year, district), every status included."""
    with db.reading() as s:
        stmt = (
            select(
                GrantApplication.fiscal_year,
                District.id,
                District.name,
                func.count(GrantApplication.id),
                func.coalesce(func.sum(GrantApplication.amount_requested), 0),
                func.coalesce(func.sum(GrantApplication.amount_granted), 0),
                func.coalesce(func.sum(GrantApplication.amount_spent), 0),
            )
            .join(CollaborativeProject, CollaborativeProject.id == GrantApplication.project_id)
            .join(District, District.id == CollaborativeProject.district_id)
            .group_by(GrantApplication.fiscal_year, District.id, District.name, District.display_order)
            .order_by(GrantApplication.fiscal_year, District.display_order, District.id)
        )
        if fiscal_year is not None:
            stmt = stmt.where(GrantApplication.fiscal_year == fiscal_year)
        if district_id is not None:
            stmt = stmt.where(CollaborativeProject.district_id == district_id)
        return [
            GrantTotalsRow(row[0], row[1], row[2], *(int(x or 0) for x in row[3:])) for row in s.execute(stmt)
        ]
