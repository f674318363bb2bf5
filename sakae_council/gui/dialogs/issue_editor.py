"""地域課題の編集: what the issue is, where, how urgent, where it came from, 連絡会で共有 — and its dated history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.enums import IssueSource, Priority
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.models.issue_list import IssueHistoryModel
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.district_choice import DistrictChoice
from sakae_council.gui.widgets.enum_label import enum_choices, enum_label
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.services import districts, issues
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.issues import CategoryDTO, IssueDTO, IssueInput, IssueStatusChangeDTO


@dataclass(frozen=True)
class IssueChoices:
    """The districts and categories the editor offers, and the issue's status history (read on the worker)."""

    districts: list[DistrictDTO]
    categories: list[CategoryDTO]
    history: list[IssueStatusChangeDTO]


def load_choices(db: Database, issue_id: int | None = None) -> IssueChoices:
    """The editor's choices and the history of ``issue_id`` (call it on the database worker)."""
    history = issues.get_issue_history(db, issue_id) if issue_id is not None else []
    return IssueChoices(districts.list_districts(db), issues.list_categories(db), history)


def open_issue_editor(
    ctx: AppContext,
    issue_id: int | None,
    parent: QWidget,
    show: Callable[[IssueDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the issue (fresh), its history and the choices on the database worker, then build the editor."""
    db = ctx.db

    def load() -> tuple[IssueDTO | None, IssueChoices]:
        issue = issues.get_issue(db, issue_id) if issue_id is not None else None
        return issue, load_choices(db, issue_id)

    open_after_loading(
        parent,
        load,
        lambda answer: IssueDialog(ctx, answer[0], parent, choices=answer[1]),
        show,
        failure=failure,
    )


class IssueDialog(EntityDialog):
    """New issue (``issue`` None, starts at 提起) or the details of an existing one; ``saved`` carries the IssueDTO.

    Opened through :func:`open_issue_editor` it touches the database only on the worker (built without
    ``choices``, it reads them on the spot, on the calling thread)."""

    record_attr = "issue"

    def __init__(
        self,
        ctx: AppContext,
        issue: IssueDTO | None = None,
        parent: QWidget | None = None,
        *,
        choices: IssueChoices | None = None,
    ) -> None:
        super().__init__(self.tr("地域課題の編集") if issue else self.tr("地域課題を登録"), parent)
        self.ctx = ctx
        self.issue = issue
        if choices is None:
            choices = load_choices(ctx.db, issue.id if issue else None)
        self.title_edit = QLineEdit()
        self.district = DistrictChoice(choices.districts, issue.district_id if issue else ctx.district_id)
        self.category = ChoiceCombo([(c.name, c.id) for c in choices.categories])
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
            self._add_history(issue, choices.history)
        self.fit_to_screen(40)

    def _add_history(self, issue: IssueDTO, history: list[IssueStatusChangeDTO]) -> None:
        status = MutedLabel(
            self.tr("現在のステータス: {status}　関連する事業: {projects}").format(
                status=enum_label(issue.status), projects="、".join(issue.project_titles) or self.tr("なし")
            )
        )
        status.setObjectName("currentStatus")
        self.history_model.set_rows(history)
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

    def save_request(self) -> SaveRequest:
        """The issue as typed, written on the database worker (an edit through the conflict dialog)."""
        data = self.issue_input()
        db = self.ctx.db
        if self.issue is None:
            return SaveRequest(lambda _version: issues.create_issue(db, data))
        issue_id = self.issue.id
        return self.request_update(
            self.issue,
            lambda version: issues.update_issue(db, issue_id, data, version),
            db=db,
            entity="regional_issue",
            what=self.tr("地域課題"),
            load=lambda: issues.get_issue(db, issue_id),
            mine=data,
        )
