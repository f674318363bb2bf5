"""The history of the 協働マニュアル: each section's revisions (第1版, 第2版 …, compared and restored) and the
published editions (a frozen copy of the whole tree on a date, printed as the booklet).
"""

from __future__ import annotations

import difflib
import json
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ManualEdition,
    ManualRevision,
    ManualSection,
)
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.domain.search_text import manual_section_search_text
from sakae_council.services.common import (
    MAX_INT,
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    optional_text,
    require_id,
)
from sakae_council.services.manual import (
    MAX_TITLE,
    SNAPSHOT_FORMAT,
    EditionDTO,
    ManualSectionDTO,
    RevisionDTO,
    _add_revision,
    _flush_or_conflict,
    _load_tree,
    _section_dto,
)

# --- revisions -----------------------------------------------------------------------------------


def _revision_dto(r: ManualRevision) -> RevisionDTO:
    return RevisionDTO(
        id=r.id,
        section_id=r.section_id,
        number=r.number,
        title=r.title,
        body=r.body,
        summary=r.summary,
        author=r.author,
        created_at=r.created_at,
    )


def _get_revision(s: Session, section_id: int, number: int) -> ManualRevision:
    rev = None
    if 0 < number <= MAX_INT:  # a number past the column's range is no revision (PostgreSQL: DataError)
        rev = s.scalar(
            select(ManualRevision).where(
                ManualRevision.section_id == require_id(section_id, "マニュアルの項目"),
                ManualRevision.number == number,
            )
        )
    if rev is None:
        get_or_raise(s, ManualSection, section_id, "マニュアルの項目")
        raise NotFoundError(
            msg("この項目に第{number}版はありません。履歴の一覧から選んでください。", number=number)
        )
    return rev


def list_revisions(db: Database, section_id: int) -> list[RevisionDTO]:
    """A section's revisions, 第1版 first."""
    with db.reading() as s:
        get_or_raise(s, ManualSection, section_id, "マニュアルの項目")
        stmt = (
            select(ManualRevision)
            .where(ManualRevision.section_id == section_id)
            .order_by(ManualRevision.number)
        )
        return [_revision_dto(r) for r in s.scalars(stmt)]


def get_revision(db: Database, section_id: int, number: int) -> RevisionDTO:
    """One revision of a section by its number."""
    with db.reading() as s:
        return _revision_dto(_get_revision(s, section_id, number))


def diff_revisions(db: Database, section_id: int, a: int, b: int) -> list[str]:
    """Unified diff (difflib) from revision ``a`` to revision ``b``: title line, then the body lines."""
    with db.reading() as s:
        ra = _revision_dto(_get_revision(s, section_id, a))
        rb = _revision_dto(_get_revision(s, section_id, b))

    def lines(r: RevisionDTO) -> list[str]:
        return [f"# {r.title}", "", *r.body.split("\n")]

    return list(
        difflib.unified_diff(
            lines(ra),
            lines(rb),
            fromfile=f"{ra.label}（{ra.author}）",
            tofile=f"{rb.label}（{rb.author}）",
            lineterm="",
        )
    )


def restore_revision(db: Database, section_id: int, number: int, expected_version: int) -> ManualSectionDTO:
    """Bring back the title and body of revision ``number`` as a new revision 「第n版を復元」."""
    with db.transaction() as s:
        sec = get_or_raise(s, ManualSection, section_id, "マニュアルの項目")
        check_version(sec, expected_version, "マニュアルの項目")
        old = _get_revision(s, section_id, number)
        if old.title == sec.title and old.body == sec.body:
            raise ValidationError(
                "number", msg("第{number}版は今の内容と同じです。復元する必要はありません。", number=number)
            )
        summary = f"第{number}版を復元"
        changes = apply_changes(sec, {"title": old.title, "body": old.body})
        sec.search_text = manual_section_search_text(sec.title, sec.body)
        _flush_or_conflict(s)
        rev = _add_revision(s, sec, summary, db.user)
        _flush_or_conflict(s)
        shown = {k: v for k, v in changes.items() if k == "title"}
        audit(
            s,
            db.user,
            "restore",
            "manual_section",
            sec.id,
            f"マニュアル「{sec.title}」の{summary}（第{rev.number}版）",
            shown,
        )
        return _section_dto(s, sec.id)


# --- editions ------------------------------------------------------------------------------------


def _node_to_json(n: ManualSectionDTO) -> dict:
    return {
        "id": n.id,
        "version": n.version,
        "parent_id": n.parent_id,
        "position": n.position,
        "title": n.title,
        "body": n.body,
        "label": n.label,
        "revision": n.revision,
        "children": [_node_to_json(c) for c in n.children],
    }


def _node_from_json(d: dict, prefix: tuple[str, ...]) -> ManualSectionDTO:
    path = (*prefix, d["label"])
    return ManualSectionDTO(
        id=d["id"],
        version=d["version"],
        parent_id=d["parent_id"],
        position=d["position"],
        title=d["title"],
        body=d["body"],
        label=d["label"],
        path=path,
        revision=d["revision"],
        children=tuple(_node_from_json(c, path) for c in d["children"]),
    )


def _edition_dto(e: ManualEdition) -> EditionDTO:
    return EditionDTO(
        id=e.id, number=e.number, title=e.title, published_on=e.published_on, published_by=e.published_by
    )


def publish_edition(db: Database, title: str, published_on: date) -> EditionDTO:
    """Publish 第N版 (N = last + 1): the whole manual with its text is frozen in the edition.

    An empty title becomes 「協働マニュアル 第N版」.
    """
    if not isinstance(published_on, date):
        raise ValidationError("published_on", "発行日を入力してください。")
    title_v = optional_text(title, "title", "版の表題", MAX_TITLE)
    with db.transaction() as s:
        tree = _load_tree(s)
        if not tree:
            raise ValidationError(
                "edition", "マニュアルにまだ章がありません。章と節を作ってから発行してください。"
            )
        number = (s.scalar(select(func.max(ManualEdition.number))) or 0) + 1
        title_v = title_v or f"協働マニュアル 第{number}版"
        snapshot = {
            "format": SNAPSHOT_FORMAT,
            "number": number,
            "title": title_v,
            "published_on": published_on.isoformat(),
            "chapters": [_node_to_json(n) for n in tree],
        }
        edition = ManualEdition(
            number=number,
            published_on=published_on,
            title=title_v,
            published_by=db.user,
            snapshot=json.dumps(snapshot, ensure_ascii=False),
        )
        s.add(edition)
        _flush_or_conflict(s)
        audit(
            s, db.user, "publish", "manual_edition", edition.id, f"マニュアル第{number}版「{title_v}」を発行"
        )
        return _edition_dto(edition)


def list_editions(db: Database) -> list[EditionDTO]:
    """Published editions, 第1版 first."""
    with db.reading() as s:
        return [_edition_dto(e) for e in s.scalars(select(ManualEdition).order_by(ManualEdition.number))]


def _get_edition(s: Session, number: int) -> ManualEdition:
    e = (
        s.scalar(select(ManualEdition).where(ManualEdition.number == number))
        if 0 < number <= MAX_INT
        else None
    )
    if e is None:
        raise NotFoundError(
            msg("マニュアルの第{number}版は発行されていません。版の一覧から選んでください。", number=number)
        )
    return e


def get_edition(db: Database, number: int) -> EditionDTO:
    """One edition by its number."""
    with db.reading() as s:
        return _edition_dto(_get_edition(s, number))


def get_edition_tree(db: Database, number: int) -> list[ManualSectionDTO]:
    """The manual exactly as it was when 第``number``版 was published."""
    with db.reading() as s:
        data = json.loads(_get_edition(s, number).snapshot)
    return [_node_from_json(c, ()) for c in data["chapters"]]
