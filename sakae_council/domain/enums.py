"""Enumerations of the domain. Stored values are stable ASCII codes; ``label`` is the Japanese text."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Self

from sakae_council.domain.errors import ValidationError, msg


class LabeledEnum(StrEnum):
    """A StrEnum whose members carry a Japanese ``label`` beside their stored code."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def parse(cls, text: str, field: str = "value") -> Self:
        """Accept either the stored code or the Japanese label; anything else is a ValidationError."""
        for member in cls:
            if text in (member.value, member.label):
                return member
        choices = "、".join(m.label for m in cls)
        raise ValidationError(
            field,
            msg("「{text}」は選べません。次のどれかを選んでください: {choices}", text=text, choices=choices),
        )


class MemberRole(LabeledEnum):
    """協議会での役割 — what seat a person holds at the council's table."""

    SUISHIN = "suishin", "ふれあい推進員"
    PUBLIC_POST = "public_post", "町からの公職"
    STAFF = "staff", "地区担当職員"
    NPO = "npo", "NPO・団体"
    BUSINESS = "business", "事業者"
    SCHOOL = "school", "学校・PTA"
    OTHER = "other", "その他"


#: Examples offered when a role is 町からの公職; the post's name is free text.
PUBLIC_POST_EXAMPLES = (
    "民生委員・児童委員",
    "自治会長",
    "区長",
    "青少年相談員",
    "保護司",
    "スポーツ推進委員",
)


class OfficerPost(LabeledEnum):
    """役職 — officer posts of a council."""

    CHAIR = "chair", "会長"
    VICE_CHAIR = "vice_chair", "副会長"
    TREASURER = "treasurer", "会計"
    AUDITOR = "auditor", "監事"
    SECRETARIAT = "secretariat", "事務局"
    MEMBER = "member", "委員"


#: 地域課題の分類 seeded into every database; users may add more.
DEFAULT_ISSUE_CATEGORIES = (
    "介護",
    "健康づくり",
    "子育て",
    "教育",
    "防犯",
    "防災",
    "環境美化",
    "見守り・助け合い",
    "交通",
    "その他",
)


class CouncilStatus(LabeledEnum):
    """推進母体 (district council) status."""

    PREPARING = "preparing", "準備中"
    ESTABLISHED = "established", "設立済"


class OrganisationKind(LabeledEnum):
    """Kinds of partner organisations."""

    NEIGHBOURHOOD = "neighbourhood", "自治会・自治組織"
    NPO = "npo", "NPO法人"
    VOLUNTEER = "volunteer", "ボランティア団体"
    BUSINESS = "business", "事業者"
    SCHOOL = "school", "学校・PTA"
    PUBLIC = "public", "行政・公的機関"
    OTHER = "other", "その他"


class IssueStatus(LabeledEnum):
    """地域課題のステータス."""

    RAISED = "raised", "提起"
    CONSIDERING = "considering", "検討中"
    PROJECTIZED = "projectized", "事業化"
    RESOLVED = "resolved", "解決"
    CONTINUING = "continuing", "継続検討"
    WITHDRAWN = "withdrawn", "取り下げ"


ISSUE_TRANSITIONS: dict[IssueStatus, frozenset[IssueStatus]] = {
    IssueStatus.RAISED: frozenset({IssueStatus.CONSIDERING, IssueStatus.WITHDRAWN}),
    IssueStatus.CONSIDERING: frozenset(
        {IssueStatus.PROJECTIZED, IssueStatus.RESOLVED, IssueStatus.CONTINUING, IssueStatus.WITHDRAWN}
    ),
    IssueStatus.PROJECTIZED: frozenset({IssueStatus.RESOLVED, IssueStatus.CONTINUING, IssueStatus.WITHDRAWN}),
    IssueStatus.CONTINUING: frozenset({IssueStatus.CONSIDERING, IssueStatus.RESOLVED, IssueStatus.WITHDRAWN}),
    IssueStatus.RESOLVED: frozenset({IssueStatus.CONSIDERING}),
    IssueStatus.WITHDRAWN: frozenset({IssueStatus.CONSIDERING}),
}
#: Moves into these statuses need a comment saying why.
ISSUE_STATUSES_NEEDING_COMMENT = frozenset({IssueStatus.RESOLVED, IssueStatus.WITHDRAWN})
OPEN_ISSUE_STATUSES = frozenset(
    {IssueStatus.RAISED, IssueStatus.CONSIDERING, IssueStatus.PROJECTIZED, IssueStatus.CONTINUING}
)


class IssueSource(LabeledEnum):
    """Where an issue was first raised."""

    MEETING = "meeting", "会議"
    RESIDENT = "resident", "住民の声"
    STAFF = "staff", "職員"
    LIAISON = "liaison", "連絡会"


class Priority(LabeledEnum):
    """優先度."""

    HIGH = "high", "高"
    MEDIUM = "medium", "中"
    LOW = "low", "低"


class ProjectStatus(LabeledEnum):
    """協働事業のステータス."""

    IDEA = "idea", "構想"
    APPLYING = "applying", "申請中"
    GRANTED = "granted", "交付決定"
    RUNNING = "running", "実施中"
    COMPLETED = "completed", "完了"
    VERIFIED = "verified", "検証済"
    CANCELLED = "cancelled", "中止"


PROJECT_TRANSITIONS: dict[ProjectStatus, frozenset[ProjectStatus]] = {
    ProjectStatus.IDEA: frozenset({ProjectStatus.APPLYING, ProjectStatus.RUNNING, ProjectStatus.CANCELLED}),
    ProjectStatus.APPLYING: frozenset({ProjectStatus.GRANTED, ProjectStatus.IDEA, ProjectStatus.CANCELLED}),
    ProjectStatus.GRANTED: frozenset({ProjectStatus.RUNNING, ProjectStatus.CANCELLED}),
    ProjectStatus.RUNNING: frozenset({ProjectStatus.COMPLETED, ProjectStatus.CANCELLED}),
    ProjectStatus.COMPLETED: frozenset({ProjectStatus.VERIFIED}),
    ProjectStatus.VERIFIED: frozenset(),
    ProjectStatus.CANCELLED: frozenset({ProjectStatus.IDEA}),
}
#: A project at one of these stages counts as launched (立ち上げ) for indicator ⑬.
LAUNCHED_PROJECT_STATUSES = frozenset(
    {ProjectStatus.GRANTED, ProjectStatus.RUNNING, ProjectStatus.COMPLETED, ProjectStatus.VERIFIED}
)


class ProjectKind(LabeledEnum):
    """⑬ district collaborative project or ⑭ community project of a 自治組織."""

    DISTRICT_COLLABORATION = "district_collaboration", "小学校区協働事業（⑬）"
    COMMUNITY = "community", "コミュニティ事業（⑭）"


class GrantStatus(LabeledEnum):
    """補助金申請のステータス."""

    APPLIED = "applied", "申請"
    REVIEWING = "reviewing", "審査"
    AWARDED = "awarded", "交付決定"
    REJECTED = "rejected", "不採用"
    REPORTED = "reported", "実績報告"
    SETTLED = "settled", "確定"


GRANT_TRANSITIONS: dict[GrantStatus, frozenset[GrantStatus]] = {
    GrantStatus.APPLIED: frozenset({GrantStatus.REVIEWING}),
    GrantStatus.REVIEWING: frozenset({GrantStatus.AWARDED, GrantStatus.REJECTED}),
    GrantStatus.AWARDED: frozenset({GrantStatus.REPORTED}),
    GrantStatus.REJECTED: frozenset(),
    GrantStatus.REPORTED: frozenset({GrantStatus.SETTLED}),
    GrantStatus.SETTLED: frozenset(),
}


class LoanStatus(LabeledEnum):
    """資機材貸出のステータス (期限切れ is computed from the due date, not stored)."""

    RESERVED = "reserved", "予約"
    LENT = "lent", "貸出中"
    RETURNED = "returned", "返却済"
    CANCELLED = "cancelled", "取消"


class MinutesStatus(LabeledEnum):
    """議事録のステータス."""

    DRAFT = "draft", "下書き"
    APPROVED = "approved", "確定"


class BodyKind(LabeledEnum):
    """会議体の種類."""

    DISTRICT_COUNCIL = "district_council", "地域まちづくり協議会"
    LIAISON = "liaison", "地域まちづくり連絡会"
    SUBCOMMITTEE = "subcommittee", "部会"


class AttendanceStatus(LabeledEnum):
    """出欠. 未確認 is where every new meeting's roster starts: attendance is entered, never assumed."""

    PRESENT = "present", "出席"
    ABSENT = "absent", "欠席"
    PROXY = "proxy", "代理"
    #: Stored as "unknown" (the column holds 10 characters).
    UNCONFIRMED = "unknown", "未確認"


class AgendaKind(LabeledEnum):
    """議題の種類."""

    REPORT = "report", "報告事項"
    DELIBERATION = "deliberation", "協議事項"
    OTHER = "other", "その他"


class AgendaResult(LabeledEnum):
    """議決の結果."""

    NONE = "none", "—"
    APPROVED = "approved", "承認"
    UNANIMOUS = "unanimous", "全会一致"
    MAJORITY = "majority", "賛成多数"
    CONTINUED = "continued", "継続審議"


class ActionStatus(LabeledEnum):
    """宿題事項（アクションアイテム）の状態."""

    OPEN = "open", "未完了"
    DONE = "done", "完了"


def check_transition(current: LabeledEnum, new: LabeledEnum, allowed: Mapping, field: str = "status") -> None:
    """Raise ValidationError when ``current`` may not move to ``new`` under ``allowed``."""
    if current == new:
        return
    if new not in allowed.get(current, frozenset()):
        targets = allowed.get(current, frozenset())
        nexts = "、".join(s.label for s in type(current) if s in targets) or "なし"
        raise ValidationError(
            field,
            msg(
                "「{current}」から「{new}」へは変更できません。変更できるのは: {nexts}",
                current=current.label,
                new=new.label,
                nexts=nexts,
            ),
        )


class ActivityKind(LabeledEnum):
    """活動の種類 — what a project's activity day (活動記録) was; ごみゼロ・草ゼロ is counted on its own."""

    CLEAN_UP = "clean_up", "ごみゼロ・草ゼロ"
    BEAUTIFICATION = "beautification", "清掃・美化"
    WATCHING = "watching", "見守り"
    LEARNING = "learning", "講座・学習"
    EXCHANGE = "exchange", "交流イベント"
    MEETING = "meeting", "会議・打合せ"
    OTHER = "other", "その他"
