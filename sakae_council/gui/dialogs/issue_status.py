"""ステータス変更 of an issue: the moves its lifecycle allows, dated, with a comment (required to 解決 or 取り下げ)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sakae_council.domain.enums import ISSUE_STATUSES_NEEDING_COMMENT, ISSUE_TRANSITIONS, IssueStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import ConflictField
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.step_dialog import StepDialog
from sakae_council.services import issues
from sakae_council.services.issues import IssueDTO


def tr(text: str) -> str:
    return QCoreApplication.translate("IssueStatusDialog", text)


def open_issue_status(
    ctx: AppContext,
    issue_id: int,
    parent: QWidget,
    show: Callable[[StepDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the issue (fresh) on the database worker, then build the dialog and ``show`` it."""
    db = ctx.db
    open_after_loading(
        parent,
        lambda: issues.get_issue(db, issue_id),
        lambda issue: issue_status_dialog(ctx, issue, parent),
        show,
        failure=failure,
    )


def issue_status_dialog(
    ctx: AppContext, issue: IssueDTO, parent: QWidget | None = None, *, preselect: IssueStatus | None = None
) -> StepDialog:
    """The dialog; ``saved`` carries the updated IssueDTO."""

    def subject(i: IssueDTO) -> str:
        return tr("「{title}」（{district}）\n今のステータス: {status}").format(
            title=i.title, district=i.district_name, status=enum_label(i.status)
        )

    def choices(i: IssueDTO) -> list[tuple[str, IssueStatus]]:
        return [(enum_label(s), s) for s in IssueStatus if s in ISSUE_TRANSITIONS[i.status]]

    def perform(
        target: object, day: date | None, comment: str, _amount: int | None, version: int
    ) -> IssueDTO:
        return issues.change_issue_status(ctx.db, issue.id, target, day, comment, version)  # type: ignore[arg-type]

    dialog = StepDialog(
        tr("地域課題のステータス変更"),
        subject(issue),
        choices(issue),
        perform,
        today=ctx.today(),
        comment=True,
        comment_required_for=ISSUE_STATUSES_NEEDING_COMMENT,
        hint=tr(
            "「事業化」にするには、先に協働事業をこの課題に結び付けてください（一覧の「事業にする…」）。"
        ),
        parent=parent,
    )
    dialog.guard(
        issue,
        lambda: issues.get_issue(ctx.db, issue.id),
        db=ctx.db,
        entity="regional_issue",
        what=tr("地域課題"),
        fields=[
            ConflictField("status", tr("ステータス"), enum_label),
            ConflictField("title", tr("課題名")),
            ConflictField("priority", tr("優先度"), enum_label),
            ConflictField("description", tr("内容")),
        ],
        subject=subject,
        choices=choices,
    )
    if preselect is not None:
        dialog.target.set_value(preselect)
    return dialog
