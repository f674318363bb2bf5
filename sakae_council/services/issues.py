"""地域課題: categories, regional issues with their dated status history, and the searched, sorted list.

How the list finds a page (filter, search, sort) is services/issue_query.py; the district × category
matrix is services/issue_matrix.py."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session, joinedload

from sakae_council.db.base import utcnow
from sakae_council.db.engine import Database
from sakae_council.db.models import (
    CollaborativeProject,
    District,
    IssueCategory,
    IssueStatusChange,
    RegionalIssue,
    project_issue,
)
from sakae_council.db.models.search import KIND_ISSUE
from sakae_council.domain.enums import (
    DEFAULT_ISSUE_CATEGORIES,
    ISSUE_STATUSES_NEEDING_COMMENT,
    ISSUE_TRANSITIONS,
    OPEN_ISSUE_STATUSES,
    IssueSource,
    IssueStatus,
    Priority,
    check_transition,
)
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.search_text import issue_search_text
from sakae_council.domain.wareki import to_wareki
from sakae_council.services._crud import change, current, insert, remove
from sakae_council.services.common import (
    audit,
    check_version,
    chosen_id,
    get_or_raise,
    long_text,
    required_text,
)
from sakae_council.services.issue_query import (
    IssueFilter,
    _issue_order,
    _issue_query,
    _page_ids,
    _search_where,
)
from sakae_council.services.search_plan import capped_count, posting_count

# --- categories ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryDTO:
    id: int
    version: int
    name: str
    display_order: int


def _category_dto(c: IssueCategory) -> CategoryDTO:
    return CategoryDTO(id=c.id, version=c.version, name=c.name, display_order=c.display_order)


def seed_categories(session: Session) -> int:
    """Add the default 課題の分類 that are missing (idempotent); returns how many were added."""
    existing = set(session.scalars(select(IssueCategory.name)))
    added = 0
    for order, name in enumerate(DEFAULT_ISSUE_CATEGORIES, start=1):
        if name not in existing:
            session.add(IssueCategory(name=name, display_order=order))
            added += 1
    session.flush()
    return added


def list_categories(db: Database) -> list[CategoryDTO]:
    """All issue categories in display order."""
    with db.reading() as s:
        stmt = select(IssueCategory).order_by(IssueCategory.display_order, IssueCategory.id)
        return [_category_dto(c) for c in s.scalars(stmt)]


def add_category(db: Database, name: str) -> CategoryDTO:
    """Add a user-defined category after the existing ones."""
    with db.transaction() as s:
        text = required_text(name, "name", "分類名", 100)
        if s.scalar(select(IssueCategory.id).where(IssueCategory.name == text)) is not None:
            raise ValidationError(
                "name", msg("分類「{text}」はすでにあります。一覧から選んでください。", text=text)
            )
        last = s.scalar(select(func.max(IssueCategory.display_order))) or 0
        c = IssueCategory(name=text, display_order=last + 1)
        s.add(c)
        s.flush()
        audit(s, db.user, "create", "issue_category", c.id, f"課題の分類「{c.name}」を追加")
        return _category_dto(c)


# --- issues -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueInput:
    title: str
    district_id: int
    category_id: int
    raised_on: date | None
    description: str = ""
    priority: Priority = Priority.MEDIUM
    source: IssueSource = IssueSource.MEETING
    shared_with_liaison: bool = False


@dataclass(frozen=True)
class IssueDTO:
    id: int
    version: int
    title: str
    description: str
    district_id: int
    district_name: str
    category_id: int
    category_name: str
    status: IssueStatus
    priority: Priority
    source: IssueSource
    raised_on: date
    shared_with_liaison: bool
    project_ids: tuple[int, ...] = ()
    project_titles: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ISSUE_STATUSES


@dataclass(frozen=True)
class IssueStatusChangeDTO:
    id: int
    from_status: IssueStatus | None
    to_status: IssueStatus
    changed_on: date
    changed_at: datetime
    comment: str
    changed_by: str


def _issue_dto(
    i: Any, district_name: str, category_name: str, links: list[tuple[int, str]] | None
) -> IssueDTO:
    """``i``: a RegionalIssue, or a row with its columns (a page of the list reads no ORM objects)."""
    links = links or []
    return IssueDTO(
        id=i.id,
        version=i.version,
        title=i.title,
        description=i.description,
        district_id=i.district_id,
        district_name=district_name,
        category_id=i.category_id,
        category_name=category_name,
        status=IssueStatus(i.status),
        priority=Priority(i.priority),
        source=IssueSource(i.source),
        raised_on=i.raised_on,
        shared_with_liaison=bool(i.shared_with_liaison),
        project_ids=tuple(pid for pid, _ in links),
        project_titles=tuple(title for _, title in links),
    )


def to_dto(i: RegionalIssue, links: list[tuple[int, str]] | None = None) -> IssueDTO:
    return _issue_dto(i, i.district.name, i.category.name, links)


def _links(s: Session, issue_ids: Select) -> dict[int, list[tuple[int, str]]]:
    """Projects linked to the issues selected by ``issue_ids`` (a subquery, so no huge IN lists)."""
    stmt = (
        select(project_issue.c.issue_id, CollaborativeProject.id, CollaborativeProject.title)
        .join(CollaborativeProject, CollaborativeProject.id == project_issue.c.project_id)
        .where(project_issue.c.issue_id.in_(issue_ids))
        .order_by(CollaborativeProject.id)
    )
    out: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for issue_id, pid, title in s.execute(stmt):
        out[issue_id].append((pid, title))
    return out


def _load_dto(s: Session, issue_id: int) -> IssueDTO:
    issue = get_or_raise(s, RegionalIssue, issue_id, "地域課題")
    links = _links(s, select(RegionalIssue.id).where(RegionalIssue.id == issue_id))
    return to_dto(issue, links.get(issue_id))


def _required_date(value: date | None, field: str, label: str) -> date:
    if not isinstance(value, date):
        raise ValidationError(field, msg("{label}を入力してください。", label=label))
    return value


def _validate(s: Session, data: IssueInput) -> dict:
    title = required_text(data.title, "title", "課題名", 400)
    description = long_text(data.description, "description", "内容", 4000)
    get_or_raise(s, District, chosen_id(data.district_id, "district_id", "学区"), "学区")
    category = get_or_raise(
        s, IssueCategory, chosen_id(data.category_id, "category_id", "分類"), "課題の分類"
    )
    return {
        "title": title,
        "description": description,
        "district_id": data.district_id,
        "category_id": data.category_id,
        "priority": Priority.parse(data.priority, "priority").value,
        "source": IssueSource.parse(data.source, "source").value,
        "raised_on": _required_date(data.raised_on, "raised_on", "提起日"),
        "shared_with_liaison": bool(data.shared_with_liaison),
        "search_text": issue_search_text(title, description, category.name),
    }


def create_issue(db: Database, data: IssueInput) -> IssueDTO:
    """Record a new issue as 提起; its history starts with that step, dated the day it was raised."""
    with db.transaction() as s:
        issue = RegionalIssue(status=IssueStatus.RAISED.value, **_validate(s, data))
        issue.history.append(
            IssueStatusChange(
                from_status=None,
                to_status=IssueStatus.RAISED.value,
                changed_on=issue.raised_on,
                changed_by=db.user,
            )
        )
        insert(s, db.user, issue, "regional_issue", f"地域課題「{issue.title}」を登録")
        return _load_dto(s, issue.id)


def update_issue(db: Database, issue_id: int, data: IssueInput, expected_version: int) -> IssueDTO:
    """Change an issue's details (not its status); a stale copy raises ConflictError."""
    with db.transaction() as s:
        issue = current(s, RegionalIssue, issue_id, expected_version, "地域課題")
        values = _validate(s, data)
        first = min((h.changed_on for h in issue.history if h.from_status is not None), default=None)
        if first is not None and values["raised_on"] > first:
            raise ValidationError(
                "raised_on",
                msg(
                    "提起日が最初のステータス変更（{date}）より後になっています。日付を確認してください。",
                    date=to_wareki(first),
                ),
            )
        summary = f"地域課題「{values['title']}」を変更"
        change(s, db.user, issue, values, "regional_issue", summary, quiet=["search_text"])
        return _load_dto(s, issue.id)


def delete_issue(db: Database, issue_id: int, expected_version: int | None = None) -> None:
    """Remove an issue and its history; refused while a project is linked to it."""
    with db.transaction() as s:
        issue = current(s, RegionalIssue, issue_id, expected_version, "地域課題")
        titles = [
            t
            for _, t in _links(s, select(RegionalIssue.id).where(RegionalIssue.id == issue_id)).get(
                issue_id, []
            )
        ]
        if titles:
            names = "、".join(f"「{t}」" for t in titles)
            raise ValidationError(
                "issue",
                msg(
                    "この課題は協働事業{names}に結び付いているため削除できません。先に事業側の結び付きを外してください。",
                    names=names,
                ),
            )
        remove(s, db.user, issue, "regional_issue", f"地域課題「{issue.title}」を削除")


def get_issue(db: Database, issue_id: int) -> IssueDTO:
    """One issue with its linked projects."""
    with db.reading() as s:
        return _load_dto(s, issue_id)


def change_issue_status(
    db: Database,
    issue_id: int,
    new_status: IssueStatus | str,
    changed_on: date | None,
    comment: str = "",
    expected_version: int | None = None,
) -> IssueDTO:
    """Move an issue along its lifecycle, appending a dated history row signed with ``db.user``."""
    with db.transaction() as s:
        issue = get_or_raise(s, RegionalIssue, issue_id, "地域課題")
        check_version(issue, expected_version, "地域課題")
        current = IssueStatus(issue.status)
        new = IssueStatus.parse(new_status, "status")
        if new is current:
            raise ValidationError(
                "status",
                msg(
                    "この課題はすでに「{current}」です。別のステータスを選んでください。",
                    current=current.label,
                ),
            )
        check_transition(current, new, ISSUE_TRANSITIONS)
        day = _required_date(changed_on, "changed_on", "変更日")
        last = max(h.changed_on for h in issue.history) if issue.history else issue.raised_on
        if day < last:
            raise ValidationError(
                "changed_on",
                msg(
                    "変更日が前回の記録（{date}）より前になっています。日付を確認してください。",
                    date=to_wareki(last),
                ),
            )
        text = long_text(comment, "comment", "コメント", 4000)
        if new in ISSUE_STATUSES_NEEDING_COMMENT and not text:
            raise ValidationError(
                "comment", msg("「{new}」にするときは、その理由をコメントに入力してください。", new=new.label)
            )
        if new is IssueStatus.PROJECTIZED:
            linked = s.scalar(
                select(func.count()).select_from(project_issue).where(project_issue.c.issue_id == issue_id)
            )
            if not linked:
                raise ValidationError(
                    "status", "「事業化」にするには、先に協働事業の画面でこの課題を事業に結び付けてください。"
                )
        issue.status = new.value
        issue.updated_at = utcnow()
        issue.history.append(
            IssueStatusChange(
                from_status=current.value,
                to_status=new.value,
                changed_on=day,
                comment=text,
                changed_by=db.user,
            )
        )
        s.flush()
        audit(
            s,
            db.user,
            "status",
            "regional_issue",
            issue.id,
            f"地域課題「{issue.title}」を「{current.label}」から「{new.label}」に変更",
            {"status": (current.value, new.value)},
        )
        return _load_dto(s, issue.id)


def get_issue_history(db: Database, issue_id: int) -> list[IssueStatusChangeDTO]:
    """An issue's status changes, oldest first."""
    with db.reading() as s:
        get_or_raise(s, RegionalIssue, issue_id, "地域課題")
        stmt = (
            select(IssueStatusChange)
            .where(IssueStatusChange.issue_id == issue_id)
            .order_by(IssueStatusChange.changed_on, IssueStatusChange.id)
        )
        return [
            IssueStatusChangeDTO(
                id=h.id,
                from_status=IssueStatus(h.from_status) if h.from_status else None,
                to_status=IssueStatus(h.to_status),
                changed_on=h.changed_on,
                changed_at=h.changed_at,
                comment=h.comment,
                changed_by=h.changed_by,
            )
            for h in s.scalars(stmt)
        ]


# --- listing ------------------------------------------------------------------------------------


def list_issues(
    db: Database, flt: IssueFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> list[IssueDTO]:
    """Issues matching the filter (every word of the query must match), newest raised first unless
    ``flt.sort`` says otherwise; ``limit``/``offset`` page the list (count_issues gives the total)."""
    flt = flt or IssueFilter()
    with db.reading() as s:
        q = _issue_query(s, flt)
        if q.impossible:
            return []
        if limit is not None:
            return _page_dtos(s, _page_ids(s, q, flt, limit, offset))
        opts = (joinedload(RegionalIssue.district), joinedload(RegionalIssue.category))
        where = _search_where(q, flt)
        issues = list(
            s.scalars(select(RegionalIssue).where(*where).options(*opts).order_by(*_issue_order(flt)))
        )
        if not issues:
            return []
        links = _links(s, select(RegionalIssue.id).where(*where))
        return [to_dto(i, links.get(i.id)) for i in issues]


#: The columns ``_issue_dto`` reads, selected as such for a page of the list.
_COLUMNS = (
    "id", "version", "title", "description", "district_id", "category_id", "status", "priority", "source",
    "raised_on", "shared_with_liaison",
)  # fmt: skip


def _page_dtos(s: Session, ids: list[int]) -> list[IssueDTO]:
    """One page's issues in the order of ``ids``, read as plain rows (no ORM objects: for a page of 200
    they cost more than finding the page) in one SELECT, each with its linked projects joined (a row per
    project, or one row without), so that a keystroke in the search field costs few statements."""
    if not ids:
        return []
    i, cp = RegionalIssue, CollaborativeProject
    found: dict[int, Any] = {}
    links: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for row in s.execute(
        select(
            *(getattr(i, c) for c in _COLUMNS),
            District.name.label("district_name"),
            IssueCategory.name.label("category_name"),
            cp.id.label("project_id"),
            cp.title.label("project_title"),
        )
        .join(District, District.id == i.district_id)
        .join(IssueCategory, IssueCategory.id == i.category_id)
        .outerjoin(project_issue, project_issue.c.issue_id == i.id)
        .outerjoin(cp, cp.id == project_issue.c.project_id)
        .where(i.id.in_(bindparam("ids", ids, expanding=True)))
        .order_by(i.id, cp.id),  # each issue's projects as _links orders them
    ):
        found.setdefault(row.id, row)
        if row.project_id is not None:
            links[row.id].append((row.project_id, row.project_title))
    return [
        _issue_dto(found[n], found[n].district_name, found[n].category_name, links.get(n))
        for n in ids
        if n in found
    ]


def count_issues(db: Database, flt: IssueFilter | None = None, *, at_most: int | None = None) -> int:
    """How many issues list_issues would return for the filter (for the page's title line).

    With ``at_most``, a search whose count would have to read every matching row stops there and returns
    ``at_most`` (show it as 「1,000件以上」); counts the index answers exactly are returned as they are."""
    flt = flt or IssueFilter()
    with db.reading() as s:
        q = _issue_query(s, flt)
        if q.impossible:
            return 0
        if q.count_gram is not None:
            return posting_count(s, KIND_ISSUE, q.count_gram)
        if q.search is None:
            return capped_count(s, select(RegionalIssue.id).where(*q.where), None)
        if flt.district_id is not None and not q.search.selective:
            matching = select(RegionalIssue.id).where(*_search_where(q, flt))  # the district's rows drive
        else:
            matching = q.search.driven_ids(RegionalIssue.id, RegionalIssue.search_text, q.where)
        return capped_count(s, matching, at_most)
