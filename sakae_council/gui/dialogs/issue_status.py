"""ステータス変更 of an issue: the moves its lifecycle allows, dated, with a comment (required to 解決 or 取り下げ)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sakae_council.domain.enums import ISSUE_STATUSES_NEEDING_COMMENT, ISSUE_TRANSITIONS, IssueStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.step_dialog import StepDialog
from sakae_council.services import issues
from sakae_council.services.issues import IssueDTO


def tr(text: str) -> str:
    return QCoreApplication.translate("IssueStatusDialog", text)


def issue_status_dialog(
    ctx: AppContext, issue: IssueDTO, parent: QWidget | None = None, *, preselect: IssueStatus | None = None
) -> StepDialog:
    """The dialog; ``saved`` carries the updated IssueDTO."""
    targets = [s for s in IssueStatus if s in ISSUE_TRANSITIONS[issue.status]]

    def perform(target: object, day: date | None, comment: str, _amount: int | None) -> IssueDTO:
        return issues.change_issue_status(ctx.db, issue.id, target, day, comment, issue.version)  # type: ignore[arg-type]

    dialog = StepDialog(
        tr("地域課題のステータス変更"),
        tr("「{title}」（{district}）\n今のステータス: {status}").format(
            title=issue.title, district=issue.district_name, status=enum_label(issue.status)
        ),
        [(enum_label(s), s) for s in targets],
        perform,
        today=ctx.today(),
        comment=True,
        comment_required_for=ISSUE_STATUSES_NEEDING_COMMENT,
        hint=tr("「事業化」にするには、先に協働事業をこの課題に結び付けてください（一覧の「事業にする…」）。"),
        parent=parent,
    )
    if preselect is not None:
        dialog.target.set_value(preselect)
    return dialog
