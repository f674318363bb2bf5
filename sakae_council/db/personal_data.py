"""個人情報の所在 — the one registry of every place a person's name or contact can be stored.

Erasure at a person's request (:mod:`sakae_council.services.erasure`) works from these tables and nothing
else, so a place missing here would silently keep someone's data. ``tests/db/test_personal_data.py``
walks the models and fails when

* a text column (``String``/``Text``, in any table) is neither in :data:`PERSONAL_COLUMNS` nor in
  :data:`NOT_PERSONAL` (with the reason it is not), or
* a foreign key to ``person.id`` is not in :data:`PERSON_LINKS` —

so a new column or table cannot be forgotten: whoever adds one must say here what erasure does with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class How(StrEnum):
    """What erasure does with a column."""

    #: The person's own record (``person``): cleared, the row deleted — or only the name kept when
    #: approved minutes print it.
    IDENTITY = "identity"
    #: A copy of a person's name taken at the time (出欠, 講座の参加者, 相談, 起業): set to the pseudonym on
    #: the rows linked to the person (by ``person_id`` or by holding exactly their name); replaced like
    #: TEXT on other rows.
    NAME_COPY = "name_copy"
    #: A detail of a row linked to the person (所属, 相談内容): cleared on the linked rows; replaced like
    #: TEXT on other rows.
    LINKED_DETAIL = "linked_detail"
    #: Free text anyone types, which may mention the person: their names and contacts are replaced
    #: wherever they appear.
    TEXT = "text"
    #: A folded copy of other columns kept for search (``fold_for_search``): the folded names replaced.
    SEARCH = "search"
    #: 監査ログ: entries about the person are scrubbed (services.audit_log.redact_person); names and
    #: contacts are replaced in every other entry.
    AUDIT = "audit"


@dataclass(frozen=True)
class PersonalColumn:
    """One column that can hold a person's name or contact, and what erasure does with it."""

    table: str
    column: str
    how: How
    #: Printed in approved (確定) minutes: kept as printed on the rows of approved meetings, which are
    #: the council's official record; treated as ``how`` on the rows of draft meetings.
    printed_in_minutes: bool = False


def _cols(table: str, how: How, *columns: str, minutes: bool = False) -> tuple[PersonalColumn, ...]:
    return tuple(PersonalColumn(table, c, how, minutes) for c in columns)


PERSONAL_COLUMNS: tuple[PersonalColumn, ...] = (
    # 名簿 — the person's own record; notes and search text of *other* people may mention them.
    *_cols(
        "person", How.IDENTITY, "name", "furigana", "kana_key", "postal_code", "address", "phone", "email"
    ),
    *_cols("person", How.TEXT, "notes"),
    *_cols("person", How.SEARCH, "search_text"),
    *_cols("organisation", How.TEXT, "phone", "address", "notes"),
    *_cols("district", How.TEXT, "notes", "no_quorum_remark", "audit_wording"),
    # 会議・議事録
    *_cols("meeting", How.TEXT, "place", "next_meeting", minutes=True),
    *_cols("meeting", How.TEXT, "notes"),
    *_cols("meeting", How.SEARCH, "search_text", minutes=True),
    *_cols("attendance", How.NAME_COPY, "name", minutes=True),
    *_cols("attendance", How.LINKED_DETAIL, "affiliation", minutes=True),
    *_cols("attendance", How.TEXT, "proxy_name", minutes=True),
    *_cols("agenda_item", How.TEXT, "title", "presenter", "discussion", minutes=True),
    *_cols("decision", How.TEXT, "text", minutes=True),
    *_cols("action_item", How.TEXT, "content", "assignee", minutes=True),
    *_cols("handout", How.TEXT, "title", minutes=True),
    *_cols("meeting_reply", How.TEXT, "proxy_name"),
    *_cols("minutes_revision", How.TEXT, "reason", "snapshot", minutes=True),
    # ⑫ 相談・講座・起業
    *_cols("consultation", How.NAME_COPY, "person_name"),
    *_cols("consultation", How.LINKED_DETAIL, "topic", "follow_up"),
    *_cols("course", How.TEXT, "title", "place", "notes"),
    *_cols("course_attendee", How.NAME_COPY, "name"),
    *_cols("business_startup", How.NAME_COPY, "founder_name"),
    *_cols("business_startup", How.TEXT, "business_name", "notes"),
    *_cols("indicator", How.TEXT, "notes", "internal_notes"),
    *_cols("indicator_value", How.TEXT, "reason", "notes", "internal_notes"),
    # 地域課題・協働事業・補助金・資機材
    *_cols("regional_issue", How.TEXT, "title", "description"),
    *_cols("regional_issue", How.SEARCH, "search_text"),
    *_cols("issue_status_change", How.TEXT, "comment"),
    *_cols("collaborative_project", How.TEXT, "title", "purpose"),
    *_cols("collaborative_project", How.SEARCH, "search_text"),
    *_cols("project_partner", How.TEXT, "role_description"),
    *_cols("project_staff", How.TEXT, "role_description"),
    *_cols("milestone", How.TEXT, "title"),
    *_cols("activity_record", How.TEXT, "title", "description"),
    *_cols(
        "project_evaluation", How.TEXT, "achievements", "issues_found", "next_steps", "indicator_contribution"
    ),
    *_cols("grant_application", How.TEXT, "notes"),
    *_cols("grant_document", How.TEXT, "title", "location"),
    *_cols("equipment", How.TEXT, "notes"),
    *_cols("equipment_loan", How.TEXT, "return_condition", "notes"),
    # 職員の研修・地域活動, マニュアル
    *_cols("staff_training", How.TEXT, "title", "organiser", "notes"),
    *_cols("staff_activity", How.TEXT, "title", "notes"),
    *_cols("manual_section", How.TEXT, "title", "body"),
    *_cols("manual_section", How.SEARCH, "search_text"),
    *_cols("manual_revision", How.TEXT, "title", "body", "summary"),
    *_cols("manual_edition", How.TEXT, "title", "snapshot"),
    # 会則・総会議案書
    *_cols("bylaws", How.TEXT, "title", "body"),
    *_cols("bylaws_revision", How.TEXT, "title", "body", "summary"),
    *_cols("general_meeting_text", How.TEXT, "body"),
    # 会計 — 摘要・相手先 (a 講師's name on a 謝礼) and the reasons typed with a 訂正, a 差異 or a revision
    *_cols("account_entry", How.TEXT, "description", "counterparty", "notes", "overspend_reason"),
    *_cols("account_subject", How.TEXT, "notes"),
    *_cols("account_budget_revision", How.TEXT, "reason"),
    *_cols("account_close_revision", How.TEXT, "reason"),
    *_cols("account_cash_count", How.TEXT, "explanation"),
    # 監査ログ
    *_cols("audit_entry", How.AUDIT, "summary", "changes"),
)

_CODE = "コード・状態・種類（決まった値だけを保存）"
_ACCOUNT = "操作した利用者のアカウント名（だれが操作したかの記録。名簿の人の個人情報ではない）"
_THING = "物・団体・制度・場所の名前（人の個人情報ではない）"

#: Text columns that never hold a person's name or contact, each with the reason.
NOT_PERSONAL: dict[str, dict[str, str]] = {
    "app_setting": {"key": _CODE, "value": "プログラムの設定値（最終バックアップ日時など）"},
    "app_user": {"login": _ACCOUNT, "display_name": _ACCOUNT, "role": _CODE},
    "audit_entry": {"user": _ACCOUNT, "action": _CODE, "entity": _CODE},
    "district": {"name": _THING, "council_name": _THING, "council_status": _CODE},
    "equipment": {"name": _THING, "code": _CODE, "storage_place": _THING, "condition": "資機材の状態"},
    "indicator": {"code": _CODE, "name": _THING, "unit": _CODE, "project": _CODE, "computed": _CODE},
    "indicator_value": {"kind": _CODE, "entered_by": _ACCOUNT},
    "issue_category": {"name": _THING},
    "manual_edition": {"published_by": _ACCOUNT},
    "manual_revision": {"author": _ACCOUNT},
    "bylaws_revision": {"author": _ACCOUNT},
    "general_meeting_text": {"part": _CODE},
    "meeting_body": {"kind": _CODE, "name": _THING},
    "organisation": {"name": _THING, "furigana": _THING, "kana_key": _THING, "kind": _CODE},
    "regional_issue": {"status": _CODE, "priority": _CODE, "source": _CODE},
    "collaborative_project": {"kind": _CODE, "status": _CODE},
    "issue_status_change": {"from_status": _CODE, "to_status": _CODE, "changed_by": _ACCOUNT},
    "activity_record": {"kind": _CODE},
    "business_startup": {"field": "業種"},
    "equipment_loan": {"status": _CODE},
    "grant_application": {"scheme": _THING, "status": _CODE},
    "meeting": {"status": _CODE},
    "membership": {"role": _CODE, "officer_post": _CODE, "public_post": "公職の名前（委嘱の行ごと消える）"},
    "action_item": {"status": _CODE},
    "agenda_item": {"kind": _CODE, "result": _CODE},
    "attendance": {"category": _CODE, "status": _CODE},
    "meeting_reply": {"reply": _CODE},
    "minutes_revision": {"created_by": _ACCOUNT},
    "search_gram": {"gram": "検索の索引（1〜2文字の断片。消去のたびに作り直す）"},
    "account_subject": {"name": "会計の科目名（会費・事業費など）", "kind": _CODE, "role": _CODE},
    "account_book": {"status": _CODE, "closed_by": _ACCOUNT},
    "account_entry": {
        "account": _CODE,
        "import_ref": "通帳の明細行の指紋（二重取り込みの防止。文字は含まない）",
    },
    "account_month_check": {"checked_by": _ACCOUNT},
    "account_cash_count": {"account": _CODE, "counted_by": _ACCOUNT},
    "account_close_revision": {"made_by": _ACCOUNT},
    "account_import_profile": {"mapping": "通帳CSVの列の割り当て（列番号だけ）"},
}


class Link(StrEnum):
    """What erasure does with a row that points at the person."""

    #: The row belongs to the person (委嘱, 研修, 事業の担い手…): deleted.
    DELETE_ROW = "delete_row"
    #: The row stays (a loan, a course, a draft meeting's attendance) without the link; its NAME_COPY
    #: columns get the pseudonym and its LINKED_DETAIL columns are cleared.
    UNLINK = "unlink"


@dataclass(frozen=True)
class PersonLink:
    """A foreign key to ``person.id``."""

    table: str
    column: str
    link: Link
    #: On the rows of approved minutes the link stays (the minutes print the name through it).
    printed_in_minutes: bool = False


PERSON_LINKS: tuple[PersonLink, ...] = (
    PersonLink("membership", "person_id", Link.DELETE_ROW),
    PersonLink("project_partner", "person_id", Link.DELETE_ROW),
    PersonLink("project_staff", "person_id", Link.DELETE_ROW),
    PersonLink("activity_staff", "person_id", Link.DELETE_ROW),
    PersonLink("staff_training", "person_id", Link.DELETE_ROW),
    PersonLink("staff_activity", "person_id", Link.DELETE_ROW),
    PersonLink("organisation", "contact_person_id", Link.UNLINK),
    PersonLink("equipment_loan", "borrower_person_id", Link.UNLINK),
    PersonLink("consultation", "person_id", Link.UNLINK),
    PersonLink("course_attendee", "person_id", Link.UNLINK),
    PersonLink("business_startup", "person_id", Link.UNLINK),
    PersonLink("attendance", "person_id", Link.UNLINK, printed_in_minutes=True),
    PersonLink("meeting_reply", "person_id", Link.DELETE_ROW),
    PersonLink("meeting", "chair_id", Link.UNLINK, printed_in_minutes=True),
    PersonLink("meeting", "recorder_id", Link.UNLINK, printed_in_minutes=True),
    PersonLink("meeting", "signatory1_id", Link.UNLINK, printed_in_minutes=True),
    PersonLink("meeting", "signatory2_id", Link.UNLINK, printed_in_minutes=True),
)


def columns_of(table: str, *hows: How) -> list[PersonalColumn]:
    """The registered columns of ``table`` treated in one of the ways ``hows`` (all ways if none given)."""
    return [c for c in PERSONAL_COLUMNS if c.table == table and (not hows or c.how in hows)]
