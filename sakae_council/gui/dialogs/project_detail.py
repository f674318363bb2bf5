"""協働事業の詳細: one project with everything it holds, one tab each; every change is saved as it is made.

Everything it reads and writes goes through the database worker: the project is read before the window is
built (:func:`open_project_detail`), again after every change, and each tab's editor reads its choices
there before it opens.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sakae_council.db.engine import Database
from sakae_council.domain.enums import PROJECT_TRANSITIONS, ActivityKind, ProjectStatus
from sakae_council.domain.money import format_yen
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import ConflictField
from sakae_council.gui.dialogs.grant_editor import GrantDialog, grant_step_dialog
from sakae_council.gui.dialogs.project_editor import open_project_editor
from sakae_council.gui.dialogs.project_parts import MilestoneDialog, open_partner_editor, open_staff_editor
from sakae_council.gui.dialogs.project_records import EvaluationDialog, open_activity_editor
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.formatting import fiscal_year_text, term_text, wareki
from sakae_council.gui.models.project_grants import GrantsModel
from sakae_council.gui.models.project_list import (
    ActivitiesModel,
    EvaluationsModel,
    LinkedIssuesModel,
    MilestonesModel,
    PartnersModel,
    StaffModel,
)
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.screen_fit import text_sized
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.messages import confirm
from sakae_council.gui.widgets.record_table import RecordSection
from sakae_council.gui.widgets.step_dialog import StepDialog
from sakae_council.services import grants, project_parts, project_staff, projects
from sakae_council.services.grants import GrantDTO
from sakae_council.services.projects import ProjectDetailDTO, ProjectDTO

#: A project as the window shows it: its details and its grant applications.
Loaded = tuple[ProjectDetailDTO, list[GrantDTO]]


def load_detail(db: Database, project_id: int) -> Loaded:
    """The project and its grants (call it on the database worker)."""
    return projects.get_project(db, project_id), grants.list_grants(db, project_id=project_id)


def open_project_detail(
    ctx: AppContext,
    project_id: int,
    parent: QWidget,
    show: Callable[[ProjectDetailDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the project on the database worker, then build the window and ``show`` it."""
    db = ctx.db
    open_after_loading(
        parent,
        lambda: load_detail(db, project_id),
        lambda loaded: ProjectDetailDialog(ctx, project_id, parent, loaded=loaded),
        show,
        failure=failure,
    )


class ProjectDetailDialog(QDialog):
    """``changed`` is emitted after every save, so the list behind stays current.

    Opened through :func:`open_project_detail` it reads nothing on the GUI thread (built without
    ``loaded``, it reads the project on the spot, on the calling thread)."""

    changed = Signal()

    def __init__(
        self, ctx: AppContext, project_id: int, parent: QWidget | None = None, *, loaded: Loaded | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.project_id = project_id
        self.detail: ProjectDetailDTO | None = None
        self.grants: list[GrantDTO] = []
        self.child: Any = None
        self._loads = Generation()
        self.setWindowTitle(self.tr("協働事業の詳細"))

        self.heading = TitleLabel("", self)
        self.heading.setWordWrap(True)
        self.summary = MutedLabel("", self)
        self.summary.setObjectName("summary")
        self.error = MessageLine("error", self)
        self.edit_button = QPushButton(self.tr("基本情報を編集…"), self)
        self.status_button = QPushButton(self.tr("ステータス変更…"), self)
        edit_guard.mark_edit(self.edit_button, self.status_button)
        for b in (self.edit_button, self.status_button):
            b.setAutoDefault(False)
        self.edit_button.clicked.connect(self.edit_basic)
        self.status_button.clicked.connect(self.change_status)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.status_button)
        actions.addStretch(1)

        self.tabs = QTabWidget(self)
        self.tabs.setUsesScrollButtons(True)
        self.purpose = QLabel(self)
        self.purpose.setWordWrap(True)
        self.issues_model = LinkedIssuesModel(self)
        self.issue_table = DataTable(self)
        self.issue_table.setModel(self.issues_model)
        overview = QWidget()
        ov = QVBoxLayout(overview)
        ov.addWidget(TitleLabel(self.tr("目的"), factor=1.1))
        ov.addWidget(self.purpose)
        ov.addWidget(TitleLabel(self.tr("取り組む地域課題"), factor=1.1))
        ov.addWidget(self.issue_table, 1)
        # No issue linked: a line saying so and what to do, in place of a large empty table.
        self.no_issues = MutedLabel(
            self.tr(
                "この事業につながる地域課題はまだありません。\n「基本情報を編集…」で、取り組む地域課題を選んでください。"
            ),
            self,
        )
        self.no_issues.setObjectName("noIssues")
        self.no_issues.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.no_issues.hide()
        ov.addWidget(self.no_issues, 1)
        self.tabs.addTab(overview, self.tr("概要"))

        self.partners = self._section(
            self.tr("協働パートナーと役割分担"),
            PartnersModel(self),
            self.tr("パートナー"),
            lambda item: open_partner_editor(ctx, project_id, item, self, self._open_child),
            lambda p: project_parts.remove_partner(ctx.db, p.id, p.version),
            lambda p: p.name,
        )
        self.milestones = self._section(
            self.tr("工程（期日と進捗）"),
            MilestonesModel(ctx.today(), self),
            self.tr("工程"),
            lambda item: self._open_child(MilestoneDialog(ctx, project_id, item, self)),
            lambda m: project_parts.remove_milestone(ctx.db, m.id, m.version),
            lambda m: m.title,
        )
        self.staff = self._section(
            self.tr("参加する地区担当職員"),
            StaffModel(self),
            self.tr("職員"),
            lambda _item: open_staff_editor(ctx, project_id, self, self._open_child),
            lambda s: project_staff.remove_staff(ctx.db, project_id, s.person_id),
            lambda s: s.name,
            editable=False,
            remove_text=self.tr("担当から外す"),
        )
        self.grant_section = self._section(
            self.tr("補助金の申請"),
            GrantsModel(self),
            self.tr("補助金"),
            lambda item: self._open_child(self._grant_dialog(item)),
            lambda g: grants.delete_grant(ctx.db, g.id, g.version),
            lambda g: self.tr("{year}の申請（{amount}）").format(
                year=fiscal_year_text(g.fiscal_year), amount=format_yen(g.amount_requested)
            ),
        )
        self.grant_section.add_action(self.tr("次の段階へ…"), self.grant_step, name="grantStep")
        self.grant_totals = MutedLabel("", self)
        self.grant_totals.setObjectName("grantTotals")
        self.grant_section.add_footer(self.grant_totals)
        self.activities = self._section(
            self.tr("活動記録"),
            ActivitiesModel(self),
            self.tr("活動記録"),
            lambda item: open_activity_editor(ctx, project_id, item, self, self._open_child),
            lambda a: project_parts.remove_activity(ctx.db, a.id, a.version),
            lambda a: f"{wareki(a.held_on)} {a.title}",
        )
        self.activity_totals = MutedLabel("", self)
        self.activities.add_footer(self.activity_totals)
        self.evaluations = self._section(
            self.tr("年度ごとの検証"),
            EvaluationsModel(self),
            self.tr("検証"),
            lambda item: self._open_child(EvaluationDialog(ctx, project_id, item, self)),
            lambda e: project_parts.remove_evaluation(ctx.db, e.id, e.version),
            lambda e: self.tr("{year}の検証").format(year=fiscal_year_text(e.fiscal_year)),
        )

        buttons = QDialogButtonBox(self)
        close = QPushButton(self.tr("閉じる"), self)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(text_sized(self, 62, 32))  # grows with 文字サイズ, within the screen
        if loaded is None:
            loaded = load_detail(ctx.db, project_id)
        self._show(loaded)

    # --- building -------------------------------------------------------------------------------
    def _section(
        self,
        title: str,
        model: Any,
        tab: str,
        open_dialog: Callable[[Any], object],
        remove: Callable[[Any], None],
        describe: Callable[[Any], str],
        *,
        editable: bool = True,
        remove_text: str = "",
    ) -> RecordSection:
        section = RecordSection(
            title, model, editable=editable, remove_text=remove_text, max_rows=12, parent=self
        )
        # open_dialog(item) builds the editor (after reading its choices on the worker) and opens it
        section.addRequested.connect(lambda: open_dialog(None))
        section.editRequested.connect(open_dialog)
        section.removeRequested.connect(lambda item: self._remove(section, item, remove, describe))
        page = QWidget()
        QVBoxLayout(page).addWidget(section)
        page.layout().addStretch(1)  # type: ignore[union-attr]
        self.tabs.addTab(page, tab)
        return section

    def _grant_dialog(self, grant: GrantDTO | None) -> GrantDialog:
        dialog = GrantDialog(self.ctx, self.project_id, grant, self)
        dialog.documentsChanged.connect(self._after_change)
        return dialog

    # --- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the project again on the database worker (after a change); only the newest answer shows."""
        db, project_id = self.ctx.db, self.project_id
        QueryOp(lambda: load_detail(db, project_id), parent=self).latest(self._loads).success(
            self._show
        ).failure(self.error.show_failure).run()

    def _show(self, loaded: Loaded) -> None:
        self.detail, self.grants = loaded
        self.error.clear()
        d = self.detail
        p = d.project
        self.heading.setText(p.title)
        parts = [
            p.district_name,
            enum_label(p.kind),
            self.tr("ステータス: {s}").format(s=enum_label(p.status)),
        ]
        if p.start_on or p.end_on:
            parts.append(self.tr("期間: {t}").format(t=term_text(p.start_on, p.end_on)))
        if p.launched_on:
            parts.append(self.tr("立ち上げ: {d}").format(d=wareki(p.launched_on)))
        if d.lead_organisation_name:
            parts.append(self.tr("主体: {o}").format(o=d.lead_organisation_name))
        self.summary.setText("　".join(parts))
        self.purpose.setText(p.purpose or self.tr("（未入力）"))
        self.issues_model.set_rows(list(d.issues))
        self.issue_table.resizeColumnsToContents()
        self.issue_table.setVisible(bool(d.issues))
        self.no_issues.setVisible(not d.issues)
        self.partners.set_rows(list(d.partners))
        self.milestones.set_rows(list(d.milestones))
        self.staff.set_rows(list(d.staff))
        self.grant_section.set_rows(self.grants)
        self.activities.set_rows(list(d.activities))
        self.evaluations.set_rows(list(d.evaluations))
        self.status_button.setEnabled(bool(PROJECT_TRANSITIONS[p.status]))
        requested = sum(g.amount_requested for g in self.grants)
        granted = sum(g.amount_granted or 0 for g in self.grants)
        spent = sum(g.amount_spent or 0 for g in self.grants)
        over = [g for g in self.grants if g.overspent]
        text = self.tr("合計　申請額 {r}　交付決定額 {g}　支出額 {s}").format(
            r=format_yen(requested), g=format_yen(granted), s=format_yen(spent)
        )
        if over:
            text += self.tr("　— 交付決定額を超えた申請が%n件あります", "", len(over))
        self.grant_totals.setText(text if self.grants else "")
        people = sum(a.participants for a in d.activities)
        hours = sum(a.volunteer_hours for a in d.activities)
        text = self.tr("{n}回　延べ参加者 {p}人　ボランティア {h}時間").format(
            n=len(d.activities), p=people, h=hours
        )
        clean_ups = sum(1 for a in d.activities if a.kind is ActivityKind.CLEAN_UP)
        if clean_ups:
            text += self.tr("（うち ごみゼロ・草ゼロ {n}回）").format(n=clean_ups)
        self.activity_totals.setText(text if d.activities else "")

    # --- actions --------------------------------------------------------------------------------
    def _open_child(self, dialog: Any) -> None:
        self.child = dialog
        dialog.saved.connect(lambda _dto: self._after_change())
        dialog.open()

    def _after_change(self) -> None:
        self.reload()
        self.changed.emit()

    def _remove(
        self, section: RecordSection, item: Any, remove: Callable[[Any], None], describe: Callable[[Any], str]
    ) -> None:
        if not confirm(
            self,
            self.tr("削除の確認"),
            self.tr("「{what}」を削除しますか？").format(what=describe(item)),
            self.tr("削除"),
        ):
            return

        QueryOp(lambda: remove(item), parent=self).success(lambda _none: self._after_change()).failure(
            section.error.show_failure
        ).run()

    def edit_basic(self) -> None:
        """基本情報を編集…: the project read fresh, with the editor's choices, on the database worker."""
        if self.detail is not None:
            open_project_editor(
                self.ctx, self.project_id, self, self._open_child, failure=self.error.show_failure
            )

    def change_status(self) -> StepDialog | None:
        if self.detail is None:
            return None
        p = self.detail.project

        def subject(x: ProjectDTO) -> str:
            return self.tr("「{title}」\n今のステータス: {status}").format(
                title=x.title, status=enum_label(x.status)
            )

        def choices(x: ProjectDTO) -> list[tuple[str, ProjectStatus]]:
            return [(enum_label(s), s) for s in ProjectStatus if s in PROJECT_TRANSITIONS[x.status]]

        db = self.ctx.db

        def perform(target: Any, day: date | None, _c: str, _a: int | None, version: int) -> Any:
            return projects.change_project_status(db, p.id, target, day, version)  # on the worker

        dialog = StepDialog(
            self.tr("協働事業のステータス変更"),
            subject(p),
            choices(p),
            perform,
            today=self.ctx.today(),
            hint=self.tr("初めて「交付決定」か「実施中」にした日が、事業の立ち上げ日になります。"),
            parent=self,
        )
        dialog.guard(
            p,
            lambda: projects.get_project(db, p.id).project,
            db=db,
            entity="collaborative_project",
            what=self.tr("協働事業"),
            subject=subject,
            choices=choices,
            fields=[
                ConflictField("status", self.tr("ステータス"), enum_label),
                ConflictField("title", self.tr("事業名")),
                ConflictField("purpose", self.tr("目的")),
                ConflictField("end_on", self.tr("終了日")),
            ],
        )
        self._open_child(dialog)
        return dialog

    def grant_step(self) -> StepDialog | None:
        grant = self.grant_section.current_item()
        if grant is None:
            self.grant_section.error.show_message(self.tr("進める申請を一覧で選んでください。"))
            return None
        dialog = grant_step_dialog(self.ctx, grant, self)
        self._open_child(dialog)
        return dialog
