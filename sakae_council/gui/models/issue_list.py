"""地域課題の一覧 and one issue's dated status history, as table models."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.domain.enums import IssueStatus
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.services.issues import IssueDTO, IssueStatusChangeDTO


def tr(text: str) -> str:
    return QCoreApplication.translate("Issues", text)


#: How each status looks in the list (the cell always says the status in words too).
ISSUE_STATUS_STYLE = {
    IssueStatus.RAISED: "draft",
    IssueStatus.PROJECTIZED: "upcoming",
    IssueStatus.RESOLVED: "approved",
    IssueStatus.WITHDRAWN: "cancelled",
}


def projects_text(i: IssueDTO) -> str:
    return "、".join(i.project_titles)


class IssuesModel(DtoTableModel[IssueDTO]):
    """課題名, 分類, 学区, ステータス, 優先度, 提起日, 出どころ, 連絡会, 関連する事業.

    Every column sorts in the database (services.issues.IssueFilter.sort): the page fetches the list in
    batches, so the rows on screen are never all the rows there are."""

    #: A search keystroke reads and builds this many issues (more as the list scrolls): more than a screen
    #: shows at any text size, and a quarter of a full batch's time (issue 20).
    FIRST_BATCH = 50

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("課題名"),
                    lambda i: i.title,
                    tooltip=lambda i: i.description or i.title,
                    sort_key="title",
                ),
                Column(tr("分類"), lambda i: i.category_name, sort_key="category"),
                Column(tr("学区"), lambda i: i.district_name, sort_key="district"),
                Column(
                    tr("ステータス"),
                    lambda i: enum_label(i.status),
                    status=lambda i: ISSUE_STATUS_STYLE.get(i.status),
                    sort_key="status",
                ),
                Column(tr("優先度"), lambda i: enum_label(i.priority), sort_key="priority"),
                Column(tr("提起日"), lambda i: wareki(i.raised_on), sort_key="raised_on"),
                Column(tr("出どころ"), lambda i: enum_label(i.source), sort_key="source", priority=3),
                Column(
                    tr("連絡会"),
                    lambda i: tr("共有") if i.shared_with_liaison else "",
                    tooltip=lambda i: (
                        tr("地域まちづくり連絡会で共有する課題") if i.shared_with_liaison else ""
                    ),
                    sort_key="shared",
                    priority=2,
                ),
                Column(
                    tr("関連する事業"),
                    projects_text,
                    tooltip=lambda i: "\n".join(i.project_titles),
                    sort_key="projects",
                    priority=2,
                ),
            ],
            parent,
        )


def change_text(h: IssueStatusChangeDTO) -> str:
    if h.from_status is None:
        return tr("{to}（登録）").format(to=enum_label(h.to_status))
    return f"{enum_label(h.from_status)} → {enum_label(h.to_status)}"


class IssueHistoryModel(DtoTableModel[IssueStatusChangeDTO]):
    """日付, 変更, コメント, 記録者 — oldest first, as the service gives them."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("日付"), lambda h: wareki(h.changed_on)),
                Column(tr("変更"), change_text, status=lambda h: ISSUE_STATUS_STYLE.get(h.to_status)),
                Column(tr("コメント"), lambda h: h.comment.replace("\n", " "), tooltip=lambda h: h.comment),
                Column(tr("記録者"), lambda h: h.changed_by),
            ],
            parent,
        )
