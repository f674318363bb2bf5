"""A small town built straight through the ORM, so tests of the dashboard and the 連絡会 summary state
exactly the data they count (shared by the service, report and CLI tests)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

from sqlalchemy import event, select

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActionItem,
    ActivityRecord,
    CollaborativeProject,
    Decision,
    District,
    Equipment,
    EquipmentLoan,
    GrantApplication,
    IssueCategory,
    IssueStatusChange,
    Meeting,
    MeetingBody,
    Membership,
    Milestone,
    Person,
    RegionalIssue,
)
from sakae_council.domain.enums import BodyKind, IssueStatus, MemberRole, OfficerPost, ProjectStatus


@contextmanager
def count_statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


class Town:
    """Builds records straight through the ORM, so each test states exactly the data it counts."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._n = 0
        with db.transaction() as s:
            cat = s.scalar(select(IssueCategory).where(IssueCategory.name == "防犯"))
            if cat is None:
                cat = IssueCategory(name="防犯", display_order=1)
                s.add(cat)
                s.flush()
            self.category_id = cat.id
            eq = Equipment(name="テント", quantity=10)
            s.add(eq)
            s.flush()
            self.equipment_id = eq.id

    def district(self, name: str, order: int, **kw: object) -> int:
        with self.db.transaction() as s:
            d = District(name=name, display_order=order, council_name=f"{name}地域まちづくり協議会", **kw)
            s.add(d)
            s.flush()
            body = MeetingBody(kind=BodyKind.DISTRICT_COUNCIL.value, name=d.council_name, district_id=d.id)
            s.add(body)
            s.flush()
            return d.id

    def body_of(self, district_id: int | None) -> int:
        with self.db.reading() as s:
            if district_id is None:
                found = s.scalar(select(MeetingBody.id).where(MeetingBody.kind == BodyKind.LIAISON.value))
                if found is not None:
                    return found
            else:
                return s.scalar(select(MeetingBody.id).where(MeetingBody.district_id == district_id))  # type: ignore[return-value]
        with self.db.transaction() as s:
            body = MeetingBody(kind=BodyKind.LIAISON.value, name="地域まちづくり連絡会")
            s.add(body)
            s.flush()
            return body.id

    def member(
        self,
        name: str,
        district_id: int,
        role: MemberRole = MemberRole.SUISHIN,
        *,
        term: tuple[date | None, date | None] = (date(2025, 4, 1), date(2027, 3, 31)),
        ended_on: date | None = None,
        post: OfficerPost = OfficerPost.MEMBER,
        deleted: bool = False,
        person_id: int | None = None,
    ) -> int:
        with self.db.transaction() as s:
            if person_id is None:
                self._n += 1
                p = Person(name=name, furigana="", kana_key=f"{self._n:04d}")
                if deleted:
                    p.deleted_at = datetime(2026, 1, 1)
                s.add(p)
                s.flush()
                person_id = p.id
            s.add(
                Membership(
                    person_id=person_id,
                    district_id=district_id,
                    role=role.value,
                    officer_post=post.value,
                    term_start=term[0],
                    term_end=term[1],
                    ended_on=ended_on,
                )
            )
            return person_id

    def issue(
        self, district_id: int, status: IssueStatus, raised_on: date = date(2026, 5, 1), **kw: object
    ) -> int:
        with self.db.transaction() as s:
            i = RegionalIssue(
                title=str(kw.pop("title", f"課題{status.value}")),
                district_id=district_id,
                category_id=kw.pop("category_id", self.category_id),
                status=status.value,
                raised_on=raised_on,
                **kw,
            )
            s.add(i)
            s.flush()
            return i.id

    def issues(
        self, district_id: int, titles: list[str], start: date = date(2026, 5, 1), **kw: object
    ) -> None:
        """Many issues in one transaction, raised a day apart from ``start`` (the first is the oldest)."""
        with self.db.transaction() as s:
            for n, title in enumerate(titles):
                s.add(
                    RegionalIssue(
                        title=title,
                        district_id=district_id,
                        category_id=self.category_id,
                        status=IssueStatus.RAISED.value,
                        raised_on=date.fromordinal(start.toordinal() + n),
                        **kw,
                    )
                )

    def project(self, district_id: int, status: ProjectStatus, **kw: object) -> int:
        with self.db.transaction() as s:
            p = CollaborativeProject(
                title=str(kw.pop("title", f"事業{status.value}")),
                district_id=district_id,
                status=status.value,
                **kw,
            )
            s.add(p)
            s.flush()
            return p.id

    def meeting(self, district_id: int | None, held_on: date, number: int, status: str = "draft") -> int:
        body_id = self.body_of(district_id)
        with self.db.transaction() as s:
            fy = held_on.year if held_on.month >= 4 else held_on.year - 1
            m = Meeting(body_id=body_id, fiscal_year=fy, number=number, held_on=held_on, status=status)
            s.add(m)
            s.flush()
            return m.id

    def action(self, meeting_id: int, due_on: date | None, status: str = "open") -> int:
        with self.db.transaction() as s:
            a = ActionItem(meeting_id=meeting_id, content="資料を用意する", due_on=due_on, status=status)
            s.add(a)
            s.flush()
            return a.id

    def loan(self, district_id: int | None, status: str, due_on: date) -> None:
        with self.db.transaction() as s:
            s.add(
                EquipmentLoan(
                    equipment_id=self.equipment_id,
                    district_id=district_id,
                    status=status,
                    lent_on=date(2026, 10, 1),
                    due_on=due_on,
                    quantity=1,
                )
            )

    def category(self, name: str, order: int) -> int:
        with self.db.transaction() as s:
            c = IssueCategory(name=name, display_order=order)
            s.add(c)
            s.flush()
            return c.id

    def change_issue(self, issue_id: int, to: IssueStatus, on: date) -> None:
        """Append a dated status change and move the issue there."""
        with self.db.transaction() as s:
            issue = s.get(RegionalIssue, issue_id)
            assert issue is not None
            s.add(
                IssueStatusChange(
                    issue_id=issue_id, from_status=issue.status, to_status=to.value, changed_on=on
                )
            )
            issue.status = to.value

    def grant(
        self, project_id: int, fy: int, status: str, granted: int | None, decided_on: date | None = None
    ) -> None:
        with self.db.transaction() as s:
            s.add(
                GrantApplication(
                    project_id=project_id,
                    fiscal_year=fy,
                    status=status,
                    amount_requested=granted or 100000,
                    amount_granted=granted,
                    decided_on=decided_on,
                )
            )

    def decision(self, meeting_id: int, text: str, position: int = 0) -> None:
        with self.db.transaction() as s:
            s.add(Decision(meeting_id=meeting_id, text=text, position=position))

    def milestone(self, project_id: int, title: str, done_on: date | None) -> None:
        with self.db.transaction() as s:
            s.add(
                Milestone(project_id=project_id, title=title, done_on=done_on, progress=100 if done_on else 0)
            )

    def activity(self, project_id: int, held_on: date, participants: int) -> None:
        with self.db.transaction() as s:
            s.add(
                ActivityRecord(
                    project_id=project_id, held_on=held_on, title="活動", participants=participants
                )
            )
