"""協働事業の一覧 and the records inside one project (linked issues, partners, milestones, staff, activities, 検証)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.domain.enums import ProjectKind, ProjectStatus
from sakae_council.gui.formatting import fiscal_year_text, term_text, wareki
from sakae_council.gui.models.issue_list import ISSUE_STATUS_STYLE
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.services.project_parts import ActivityDTO, EvaluationDTO, MilestoneDTO, PartnerDTO
from sakae_council.services.project_staff import StaffDTO
from sakae_council.services.projects import LinkedIssueDTO, ProjectDTO


def tr(text: str, n: int = -1) -> str:
    """``text`` in the interface's language; with ``n``, its ``%n`` is the count in the right plural form."""
    return QCoreApplication.translate("Projects", text, None, n)


PROJECT_STATUS_STYLE = {
    ProjectStatus.IDEA: "draft",
    ProjectStatus.APPLYING: "expiring",
    ProjectStatus.GRANTED: "upcoming",
    ProjectStatus.VERIFIED: "approved",
    ProjectStatus.CANCELLED: "cancelled",
}
_STATUS_RANK = {s: i for i, s in enumerate(ProjectStatus)}


def kind_short(kind: ProjectKind) -> str:
    """⑬ 小学校区協働 / ⑭ コミュニティ (short enough for a column)."""
    return tr("⑬ 小学校区協働") if kind is ProjectKind.DISTRICT_COLLABORATION else tr("⑭ コミュニティ")


class ProjectsModel(DtoTableModel[ProjectDTO]):
    """事業名, 区分, 学区, ステータス, 期間, 立ち上げ, 関連課題 — sorted by the service (the page pages)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("事業名"), lambda p: p.title, tooltip=lambda p: p.purpose or p.title, sort_key="title"
                ),
                Column(
                    tr("区分"),
                    lambda p: kind_short(p.kind),
                    tooltip=lambda p: enum_label(p.kind),
                    sort_key="kind",
                ),
                Column(tr("学区"), lambda p: p.district_name, sort_key="district"),
                Column(
                    tr("ステータス"),
                    lambda p: enum_label(p.status),
                    status=lambda p: PROJECT_STATUS_STYLE.get(p.status),
                    sort_key="status",
                ),
                Column(tr("期間"), lambda p: term_text(p.start_on, p.end_on), sort_key="start"),
                Column(tr("立ち上げ"), lambda p: wareki(p.launched_on), sort_key="launched", priority=3),
                Column(
                    tr("関連課題"),
                    lambda p: tr("%n件", len(p.issue_ids)) if p.issue_ids else "",
                    sort_key="issues",
                    align_right=True,
                    priority=2,
                ),
            ],
            parent,
        )


class LinkedIssuesModel(DtoTableModel[LinkedIssueDTO]):
    """課題名, ステータス."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("課題名"), lambda i: i.title),
                Column(
                    tr("ステータス"),
                    lambda i: enum_label(i.status),
                    status=lambda i: ISSUE_STATUS_STYLE.get(i.status),
                ),
            ],
            parent,
        )


class PartnersModel(DtoTableModel[PartnerDTO]):
    """協働パートナー, 種別, 役割分担."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("協働パートナー"), lambda p: p.name),
                Column(tr("種別"), lambda p: tr("団体") if p.organisation_id is not None else tr("個人")),
                Column(
                    tr("役割分担"),
                    lambda p: p.role_description.replace("\n", " "),
                    tooltip=lambda p: p.role_description,
                ),
            ],
            parent,
        )


def _milestone_state(m: MilestoneDTO, today: date) -> str | None:
    if m.done_on is not None or m.progress >= 100:
        return "approved"
    if m.due_on is not None and m.due_on < today:
        return "overdue"
    return None


class MilestonesModel(DtoTableModel[MilestoneDTO]):
    """工程, 期日, 進捗, 完了日 — a step past its date and not done is marked 期限切れ."""

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        self.today = today
        super().__init__(
            [
                Column(tr("工程"), lambda m: m.title),
                Column(tr("期日"), lambda m: wareki(m.due_on)),
                Column(
                    tr("進捗"),
                    self._progress,
                    status=lambda m: _milestone_state(m, self.today),
                    align_right=True,
                ),
                Column(tr("完了日"), lambda m: wareki(m.done_on)),
            ],
            parent,
        )

    def _progress(self, m: MilestoneDTO) -> str:
        text = f"{m.progress}%"
        if _milestone_state(m, self.today) == "overdue":
            text += tr("（期限切れ）")
        return text


class StaffModel(DtoTableModel[StaffDTO]):
    """地区担当職員, 担当内容."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("地区担当職員"), lambda s: s.name),
                Column(tr("担当内容"), lambda s: s.role_description),
            ],
            parent,
        )


class ActivitiesModel(DtoTableModel[ActivityDTO]):
    """実施日, 種類, 活動名, 参加者数, ボランティア時間, 参加した職員, 内容."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("実施日"), lambda a: wareki(a.held_on)),
                Column(tr("種類"), lambda a: enum_label(a.kind)),
                Column(tr("活動名"), lambda a: a.title),
                Column(tr("参加者数"), lambda a: tr("%n人", a.participants), align_right=True),
                Column(tr("ボランティア時間"), lambda a: tr("%n時間", a.volunteer_hours), align_right=True),
                Column(tr("参加した職員"), lambda a: "、".join(a.staff_names)),
                Column(
                    tr("内容"), lambda a: a.description.replace("\n", " "), tooltip=lambda a: a.description
                ),
            ],
            parent,
        )


def rating_text(rating: int | None) -> str:
    return "★" * rating + "☆" * (5 - rating) + f"（{rating}）" if rating else tr("未評価")


def achieved_text(achieved: bool | None) -> str:
    """達成 / 未達成 / 未判定."""
    return tr("未判定") if achieved is None else tr("達成") if achieved else tr("未達成")


class EvaluationsModel(DtoTableModel[EvaluationDTO]):
    """年度, 評価, 達成, 成果, 指標への貢献, 課題, 今後の方向性, 検証日."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("年度"), lambda e: fiscal_year_text(e.fiscal_year)),
                Column(tr("評価"), lambda e: rating_text(e.rating)),
                Column(
                    tr("達成"),
                    lambda e: achieved_text(e.achieved),
                    status=lambda e: (
                        "approved" if e.achieved else "expiring" if e.achieved is False else None
                    ),
                ),
                Column(
                    tr("成果"), lambda e: e.achievements.replace("\n", " "), tooltip=lambda e: e.achievements
                ),
                Column(
                    tr("指標への貢献"),
                    lambda e: e.indicator_contribution.replace("\n", " "),
                    tooltip=lambda e: e.indicator_contribution,
                ),
                Column(
                    tr("課題"), lambda e: e.issues_found.replace("\n", " "), tooltip=lambda e: e.issues_found
                ),
                Column(
                    tr("今後の方向性"),
                    lambda e: e.next_steps.replace("\n", " "),
                    tooltip=lambda e: e.next_steps,
                ),
                Column(tr("検証日"), lambda e: wareki(e.evaluated_on)),
            ],
            parent,
        )
