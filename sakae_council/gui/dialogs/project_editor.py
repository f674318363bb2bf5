"""協働事業の基本情報: name, district, ⑬/⑭, purpose, period, lead organisation and the issues it takes up."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.enums import ProjectKind
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import dto_values, form_conflict_fields
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.district_choice import DistrictChoice
from sakae_council.gui.widgets.enum_label import enum_choices, enum_label
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import districts, issues, organisations, projects
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.issues import IssueDTO, IssueFilter
from sakae_council.services.projects import ProjectDTO, ProjectInput


def load_leads(db: Database, current: int | None) -> list[tuple[str, int]]:
    """The organisations that may lead a project, and ``current`` when it is no longer listed (worker)."""
    leads = [(o.name, o.id) for o in organisations.list_organisations(db)]
    if current is not None and current not in {i for _n, i in leads}:
        with contextlib.suppress(DomainError):
            leads.append((organisations.get_organisation(db, current).name, current))
    return leads


def load_issues(db: Database, district_id: int | None, checked: Iterable[int]) -> list[IssueDTO]:
    """The issues the list offers: those checked that the district's open ones leave out, then those (worker)."""
    shown = (
        issues.list_issues(db, IssueFilter(district_id=district_id, open_only=True)) if district_id else []
    )
    ids = {i.id for i in shown}
    return [issues.get_issue(db, i) for i in sorted(set(checked) - ids)] + shown


@dataclass(frozen=True)
class ProjectChoices:
    """What the editor offers to choose from: read on the database worker before it opens."""

    districts: list[DistrictDTO]
    leads: list[tuple[str, int]]
    issues: list[IssueDTO]


def load_choices(
    db: Database, district_id: int | None, lead_id: int | None, checked: Iterable[int]
) -> ProjectChoices:
    """The districts, lead organisations and issues of the editor (call it on the database worker)."""
    return ProjectChoices(
        districts.list_districts(db), load_leads(db, lead_id), load_issues(db, district_id, checked)
    )


def open_project_editor(
    ctx: AppContext,
    project_id: int | None,
    parent: QWidget,
    show: Callable[[ProjectDialog], object],
    *,
    from_issue_id: int | None = None,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the project (fresh) or the issue it starts from, and the choices, on the database worker; then
    build the editor and ``show`` it."""
    db, district_id = ctx.db, ctx.district_id

    def load() -> tuple[ProjectDTO | None, IssueDTO | None, ProjectChoices]:
        project = projects.get_project(db, project_id).project if project_id is not None else None
        issue = issues.get_issue(db, from_issue_id) if from_issue_id is not None else None
        if project is not None:
            choices = load_choices(db, project.district_id, project.lead_organisation_id, project.issue_ids)
        elif issue is not None:
            choices = load_choices(db, issue.district_id, None, (issue.id,))
        else:
            choices = load_choices(db, district_id, None, ())
        return project, issue, choices

    open_after_loading(
        parent,
        load,
        lambda a: ProjectDialog(ctx, a[0], parent, from_issue=a[1], choices=a[2]),
        show,
        failure=failure,
    )


class ProjectDialog(EntityDialog):
    """New project (at 構想) or an edit of its details; ``from_issue`` starts one from a 地域課題.

    Opened through :func:`open_project_editor` it touches the database only on the worker: the choices are
    read before it opens, the issues of another district when 学区 changes, and the save (built without
    ``choices``, it reads them on the spot, on the calling thread)."""

    def __init__(
        self,
        ctx: AppContext,
        project: ProjectDTO | None = None,
        parent: QWidget | None = None,
        *,
        from_issue: IssueDTO | None = None,
        choices: ProjectChoices | None = None,
    ) -> None:
        super().__init__(self.tr("協働事業の基本情報") if project else self.tr("協働事業を登録"), parent)
        self.ctx = ctx
        self.project = project
        self._issue_loads = Generation()
        district_id = (
            project.district_id if project else from_issue.district_id if from_issue else ctx.district_id
        )
        if choices is None:
            checked = project.issue_ids if project else (from_issue.id,) if from_issue else ()
            lead = project.lead_organisation_id if project else None
            choices = load_choices(ctx.db, district_id, lead, checked)
        self._leads = list(choices.leads)
        self.title_edit = QLineEdit()
        self.district = DistrictChoice(choices.districts, district_id)
        self.kind = ChoiceCombo(enum_choices(ProjectKind))
        self.purpose = NoteEdit(4)
        self.start_on = WarekiDateEdit("start_on")
        self.end_on = WarekiDateEdit("end_on")
        self.lead = ChoiceCombo()
        self.issue_list = QListWidget()
        self.issue_list.setObjectName("issue_ids")
        self.issue_list.setMinimumHeight(self.issue_list.fontMetrics().height() * 6)

        f = self.form
        f.add_field("title", self.tr("事業名"), self.title_edit, required=True)
        f.add_field("district_id", self.tr("学区"), self.district, required=True)
        f.add_field(
            "kind",
            self.tr("区分"),
            self.kind,
            hint=self.tr("⑬ 学区の協議会が進める協働事業か、⑭ 自治会などの自治組織のコミュニティ事業か"),
        )
        f.add_field("purpose", self.tr("目的"), self.purpose)
        f.add_field("start_on", self.tr("開始日"), self.start_on)
        f.add_field("end_on", self.tr("終了日"), self.end_on)
        f.add_field("lead_organisation_id", self.tr("主体となる団体"), self.lead)
        f.add_field(
            "issue_ids",
            self.tr("取り組む地域課題"),
            self.issue_list,
            hint=self.tr("チェックした課題がこの事業に結び付きます（学区の未解決の課題を表示）。"),
        )

        self._checked: set[int] = set()
        if project is not None:
            self.form.set_values(dto_values(project))
            self._checked = set(project.issue_ids)
        elif from_issue is not None:
            self.title_edit.setText(from_issue.title)
            self.purpose.setText(from_issue.description)
            self._checked = {from_issue.id}
            self.start_on.set_value(ctx.today())
        self._fill_leads(project.lead_organisation_id if project else None)
        self._show_issue_list(choices.issues)
        self.district.currentIndexChanged.connect(lambda _i: self._district_changed())
        self.fit_to_screen(40)

    def fill(self, project: ProjectDTO) -> None:
        """After 再読み込み of someone else's save: their details, lead and linked issues."""
        self.project = project
        self._checked = set(project.issue_ids)
        super().fill(project)
        db, lead = self.ctx.db, project.lead_organisation_id
        if lead is not None and lead not in {i for _n, i in self._leads}:  # a lead no longer listed
            QueryOp(lambda: load_leads(db, lead), parent=self).success(
                lambda leads: self._new_leads(leads, lead)
            ).run()
        self._fill_leads(lead)
        self._fill_issues()

    def _show_issues(self, ids: object) -> str:
        titles = {
            int(item.data(Qt.ItemDataRole.UserRole)): item.text()
            for item in (self.issue_list.item(row) for row in range(self.issue_list.count()))
        }
        return "\n".join(titles.get(i, str(i)) for i in ids) if ids else self.tr("（なし）")  # type: ignore[attr-defined]

    def _fill_leads(self, current: int | None) -> None:
        items: list[tuple[str, int | None]] = [(self.tr("（なし）"), None)]
        items += self._leads
        self.lead.set_items(items)
        self.lead.set_value(current)

    def _new_leads(self, leads: list[tuple[str, int]], current: int | None) -> None:
        self._leads = leads
        self._fill_leads(current)

    def _district_changed(self) -> None:
        self._checked = self.issue_ids_checked()
        self._fill_issues()

    def _fill_issues(self) -> None:
        """List the chosen district's open issues and the checked ones, read on the database worker."""
        db, district_id, checked = self.ctx.db, self.district.value(), set(self._checked)
        QueryOp(lambda: load_issues(db, district_id, checked), parent=self).latest(self._issue_loads).success(
            self._show_issue_list
        ).run()

    def _show_issue_list(self, listed: list[IssueDTO]) -> None:
        self.issue_list.clear()
        for issue in listed:
            item = QListWidgetItem(f"{issue.title}（{issue.category_name}・{enum_label(issue.status)}）")
            item.setData(Qt.ItemDataRole.UserRole, issue.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if issue.id in self._checked else Qt.CheckState.Unchecked
            )
            self.issue_list.addItem(item)

    def issue_ids_checked(self) -> set[int]:
        out = set()
        for row in range(self.issue_list.count()):
            item = self.issue_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def project_input(self) -> ProjectInput:
        return ProjectInput(
            title=self.title_edit.text(),
            district_id=self.district.value(),
            kind=self.kind.value(),
            purpose=self.purpose.text(),
            start_on=self.start_on.value(),
            end_on=self.end_on.value(),
            lead_organisation_id=self.lead.value(),
            issue_ids=tuple(sorted(self.issue_ids_checked())),
        )

    def save_request(self) -> SaveRequest:
        """The project as typed, written on the database worker (an edit through the conflict dialog)."""
        data = self.project_input()
        db = self.ctx.db
        if self.project is None:
            return SaveRequest(lambda _version: projects.create_project(db, data))
        project_id = self.project.id
        return self.request_update(
            self.project,
            lambda version: projects.update_project(db, project_id, data, version),
            db=db,
            entity="collaborative_project",
            what=self.tr("協働事業の基本情報"),
            load=lambda: projects.get_project(db, project_id).project,
            mine=data,
            fields=form_conflict_fields(self.form, shows={"issue_ids": self._show_issues}),
        )
