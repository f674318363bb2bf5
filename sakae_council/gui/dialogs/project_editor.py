"""協働事業の基本情報: name, district, ⑬/⑭, purpose, period, lead organisation and the issues it takes up."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from sakae_council.domain.enums import ProjectKind
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.dialogs.conflict import dto_values, form_conflict_fields
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.district_choice import DistrictChoice
from sakae_council.gui.widgets.enum_label import enum_choices, enum_label
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import issues, organisations, projects
from sakae_council.services.issues import IssueDTO, IssueFilter
from sakae_council.services.projects import ProjectDTO, ProjectInput


class ProjectDialog(EntityDialog):
    """New project (at 構想) or an edit of its details; ``from_issue`` starts one from a 地域課題."""

    def __init__(
        self,
        ctx: AppContext,
        project: ProjectDTO | None = None,
        parent: QWidget | None = None,
        *,
        from_issue: IssueDTO | None = None,
    ) -> None:
        super().__init__(self.tr("協働事業の基本情報") if project else self.tr("協働事業を登録"), parent)
        self.ctx = ctx
        self.project = project
        district_id = (
            project.district_id if project else from_issue.district_id if from_issue else ctx.district_id
        )
        self.title_edit = QLineEdit()
        self.district = DistrictChoice(ctx.db, district_id)
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
        self._fill_issues()
        self.district.currentIndexChanged.connect(lambda _i: self._district_changed())
        self.fit_to_screen(40)

    def fill(self, project: ProjectDTO) -> None:
        """After 再読み込み of someone else's save: their details, lead and linked issues."""
        self.project = project
        self._checked = set(project.issue_ids)
        super().fill(project)
        self._fill_leads(project.lead_organisation_id)
        self._fill_issues()

    def _show_issues(self, ids: object) -> str:
        titles = {
            int(item.data(Qt.ItemDataRole.UserRole)): item.text()
            for item in (self.issue_list.item(row) for row in range(self.issue_list.count()))
        }
        return "\n".join(titles.get(i, str(i)) for i in ids) if ids else self.tr("（なし）")  # type: ignore[attr-defined]

    def _fill_leads(self, current: int | None) -> None:
        orgs = organisations.list_organisations(self.ctx.db)
        items: list[tuple[str, int | None]] = [(self.tr("（なし）"), None)]
        items += [(o.name, o.id) for o in orgs]
        if current is not None and current not in {o.id for o in orgs}:
            with contextlib.suppress(DomainError):
                items.append((organisations.get_organisation(self.ctx.db, current).name, current))
        self.lead.set_items(items)
        self.lead.set_value(current)

    def _district_changed(self) -> None:
        self._checked = self.issue_ids_checked()
        self._fill_issues()

    def _fill_issues(self) -> None:
        district_id = self.district.value()
        shown = (
            issues.list_issues(self.ctx.db, IssueFilter(district_id=district_id, open_only=True))
            if district_id
            else []
        )
        ids = {i.id for i in shown}
        extra = [issues.get_issue(self.ctx.db, i) for i in sorted(self._checked - ids)]
        self.issue_list.clear()
        for issue in extra + shown:
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

    def save(self) -> ProjectDTO:
        data = self.project_input()
        if self.project is None:
            return projects.create_project(self.ctx.db, data)
        project_id = self.project.id
        return self.update_record(
            self.project,
            lambda version: projects.update_project(self.ctx.db, project_id, data, version),
            db=self.ctx.db,
            entity="collaborative_project",
            what=self.tr("協働事業の基本情報"),
            load=lambda: projects.get_project(self.ctx.db, project_id).project,
            mine=data,
            fields=form_conflict_fields(self.form, shows={"issue_ids": self._show_issues}),
        )
