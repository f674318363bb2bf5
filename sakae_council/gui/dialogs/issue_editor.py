"""地域課題の編集: what the issue is, where, how urgent, where it came from, 連絡会で共有 — and its dated history."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from sakae_council.domain.enums import IssueSource, Priority
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.models.issue_list import IssueHistoryModel
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.district_choice import DistrictChoice
from sakae_council.gui.widgets.enum_label import enum_choices, enum_label
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.services import issues
from sakae_council.services.issues import IssueDTO, IssueInput


class IssueDialog(EntityDialog):
    """New issue (``issue`` None, starts at 提起) or the details of an existing one; ``saved`` carries the IssueDTO."""

    record_attr = "issue"

    def __init__(self, ctx: AppContext, issue: IssueDTO | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("地域課題の編集") if issue else self.tr("地域課題を登録"), parent)
        self.ctx = ctx
        self.issue = issue
        self.title_edit = QLineEdit()
        self.district = DistrictChoice(ctx.db, issue.district_id if issue else ctx.district_id)
        self.category = ChoiceCombo([(c.name, c.id) for c in issues.list_categories(ctx.db)])
        if issue is None:
            self.category.start_empty(self.tr("分類を選んでください"))
        self.raised_on = WarekiDateEdit("raised_on")
        self.priority = ChoiceCombo(enum_choices(Priority))
        self.source = ChoiceCombo(enum_choices(IssueSource))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 5 + 12)
        self.shared = QCheckBox(self.tr("地域まちづくり連絡会で共有する"))

        f = self.form
        f.add_field("title", self.tr("課題名"), self.title_edit, required=True)
        f.add_field("district_id", self.tr("学区"), self.district, required=True)
        f.add_field("category_id", self.tr("分類"), self.category, required=True)
        f.add_field("raised_on", self.tr("提起日"), self.raised_on, required=True)
        f.add_field("priority", self.tr("優先度"), self.priority)
        f.add_field(
            "source",
            self.tr("出どころ"),
            self.source,
            hint=self.tr("どこで出た課題か: 会議・住民の声・職員・連絡会"),
        )
        f.add_field("description", self.tr("内容"), self.description)
        f.add_field("shared_with_liaison", self.tr("連絡会"), self.shared)

        self.history_model = IssueHistoryModel(self)
        if issue is None:
            self.raised_on.set_value(ctx.today())
            self.priority.set_value(Priority.MEDIUM)
        else:
            self.fill(issue)
            self._add_history(issue)
        self.fit_to_screen(40)

    def _add_history(self, issue: IssueDTO) -> None:
        status = MutedLabel(
            self.tr("現在のステータス: {status}　関連する事業: {projects}").format(
                status=enum_label(issue.status), projects="、".join(issue.project_titles) or self.tr("なし")
            )
        )
        status.setObjectName("currentStatus")
        self.history_model.set_rows(issues.get_issue_history(self.ctx.db, issue.id))
        self.history = DataTable()
        self.history.setObjectName("history")
        self.history.setModel(self.history_model)
        self.history.resizeColumnsToContents()
        rows = max(2, min(self.history_model.rowCount(), 6))
        self.history.setMinimumHeight(
            self.history.horizontalHeader().sizeHint().height()
            + rows * self.history.verticalHeader().defaultSectionSize()
            + 6
        )
        self.body_layout.addWidget(TitleLabel(self.tr("ステータスの履歴"), factor=1.1))
        self.body_layout.addWidget(status)
        self.body_layout.addWidget(self.history)
        self.body_layout.addWidget(
            MutedLabel(
                self.tr(
                    "ステータスは一覧の「ステータス変更…」で変えます。変更は日付とコメントつきで残ります。"
                )
            )
        )

    def issue_input(self) -> IssueInput:
        return IssueInput(
            title=self.title_edit.text(),
            district_id=self.district.value(),
            category_id=self.category.value(),
            raised_on=self.raised_on.value(),
            description=self.description.toPlainText(),
            priority=self.priority.value(),
            source=self.source.value(),
            shared_with_liaison=self.shared.isChecked(),
        )

    def save(self) -> IssueDTO:
        data = self.issue_input()
        if self.issue is None:
            return issues.create_issue(self.ctx.db, data)
        issue_id = self.issue.id
        return self.update_record(
            self.issue,
            lambda version: issues.update_issue(self.ctx.db, issue_id, data, version),
            db=self.ctx.db,
            entity="regional_issue",
            what=self.tr("地域課題"),
            load=lambda: issues.get_issue(self.ctx.db, issue_id),
            mine=data,
        )
