"""協働マニュアル（職員向け）: chapters and sections, their text and their place in the tree.

The manual is a tree: chapters have no parent, sections hang below them (to any depth). Siblings are kept
at positions 0, 1, 2 … in order. A section's ``version`` guards its text (title and body): moving sections
around re-numbers positions without making anybody's open text edit stale.

Every creation and every save that changes the title or body appends a ManualRevision (第1版, 第2版 … per
section) with the author (``db.user``) and a one-line summary of the change (services/manual_history.py
keeps the revisions and the published editions; manual_search.py searches, manual_import.py reads Markdown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ManualRevision,
    ManualSection,
)
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.domain.search_text import manual_section_search_text
from sakae_council.domain.text import normalize_text
from sakae_council.services._crud import current, flush_or_conflict, remove
from sakae_council.services.common import (
    apply_changes,
    audit,
    get_or_raise,
    required_text,
)

#: Separator between the levels of a section path: 「第2章 役割分担 › 地区担当職員」.
PATH_SEPARATOR = " › "
MAX_TITLE = 200
MAX_BODY = 50000
MAX_SUMMARY = 200
SNIPPET_WIDTH = 60
SNIPPET_BEFORE = 20
SNAPSHOT_FORMAT = 1


# --- DTOs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ManualSectionDTO:
    """A chapter (``parent_id`` None) or section, with its sub-sections in position order."""

    id: int
    version: int
    parent_id: int | None
    position: int
    title: str
    body: str
    #: 「第2章 役割分担」 for a chapter, the title for a section.
    label: str
    #: Labels from the chapter down to this section.
    path: tuple[str, ...]
    #: Number of the newest revision (0 if the section somehow has none).
    revision: int
    children: tuple[ManualSectionDTO, ...] = ()

    @property
    def is_chapter(self) -> bool:
        return self.parent_id is None

    @property
    def path_text(self) -> str:
        return PATH_SEPARATOR.join(self.path)


@dataclass(frozen=True)
class RevisionDTO:
    id: int
    section_id: int
    number: int
    title: str
    body: str
    summary: str
    author: str
    created_at: datetime

    @property
    def label(self) -> str:
        return f"第{self.number}版"


@dataclass(frozen=True)
class EditionDTO:
    id: int
    number: int
    title: str
    published_on: date
    published_by: str

    @property
    def label(self) -> str:
        return f"第{self.number}版"


@dataclass(frozen=True)
class ManualHitDTO:
    """One section matching a search: where it is and the matched line, shortened."""

    section_id: int
    title: str
    path: tuple[str, ...]
    #: The matched line (or the title when only the title matched), cut to about SNIPPET_WIDTH chars.
    snippet: str
    #: Where the match lies inside ``snippet`` (for highlighting); length 0 if it could not be placed.
    match_start: int
    match_length: int
    in_title: bool

    @property
    def path_text(self) -> str:
        return PATH_SEPARATOR.join(self.path)


# --- tree building -------------------------------------------------------------------------------


_CHAPTER_PREFIX = re.compile(r"^第\s*[0-9０-９一二三四五六七八九十百]+\s*章[\s\u3000]*")


def strip_chapter_number(title: str) -> str:
    """「第1章 協働とは」→「協働とは」: the chapter number is given by the position, not typed."""
    return _CHAPTER_PREFIX.sub("", title, count=1) or title


def chapter_label(number: int, title: str) -> str:
    """「第2章 役割分担」 (a number typed into the title is replaced by the chapter's real number)."""
    return f"第{number}章 {strip_chapter_number(title)}"


def _build_tree(
    rows: list[tuple[int, int | None, int, int, str, str]], revisions: dict[int, int]
) -> list[ManualSectionDTO]:
    """Nested DTOs from flat rows (id, parent_id, position, version, title, body)."""
    by_parent: dict[int | None, list[tuple[int, int | None, int, int, str, str]]] = {}
    for row in rows:
        by_parent.setdefault(row[1], []).append(row)
    for items in by_parent.values():
        items.sort(key=lambda r: (r[2], r[0]))

    def build(parent: int | None, prefix: tuple[str, ...]) -> tuple[ManualSectionDTO, ...]:
        out = []
        for index, (sid, pid, pos, version, title, body) in enumerate(by_parent.get(parent, []), start=1):
            label = chapter_label(index, title) if pid is None else title
            path = (*prefix, label)
            out.append(
                ManualSectionDTO(
                    id=sid,
                    version=version,
                    parent_id=pid,
                    position=pos,
                    title=title,
                    body=body,
                    label=label,
                    path=path,
                    revision=revisions.get(sid, 0),
                    children=build(sid, path),
                )
            )
        return tuple(out)

    return list(build(None, ()))


def _load_tree(s: Session) -> list[ManualSectionDTO]:
    rows = [
        (r.id, r.parent_id, r.position, r.version, r.title, r.body)
        for r in s.execute(
            select(
                ManualSection.id,
                ManualSection.parent_id,
                ManualSection.position,
                ManualSection.version,
                ManualSection.title,
                ManualSection.body,
            )
        )
    ]
    revisions: dict[int, int] = {
        sid: number
        for sid, number in s.execute(
            select(ManualRevision.section_id, func.max(ManualRevision.number)).group_by(
                ManualRevision.section_id
            )
        )
    }
    return _build_tree(rows, revisions)


def _walk(nodes: tuple[ManualSectionDTO, ...] | list[ManualSectionDTO]):  # type: ignore[no-untyped-def]
    """Every node in document order (depth first)."""
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _find(tree: list[ManualSectionDTO], section_id: int) -> ManualSectionDTO:
    for node in _walk(tree):
        if node.id == section_id:
            return node
    raise NotFoundError(
        msg(
            "マニュアルの項目（ID {section_id}）が見つかりません。一覧を更新してください。",
            section_id=section_id,
        )
    )


def _section_dto(s: Session, section_id: int) -> ManualSectionDTO:
    return _find(_load_tree(s), section_id)


def list_tree(db: Database) -> list[ManualSectionDTO]:
    """The whole manual: chapters in order, each with its sections nested in order."""
    with db.reading() as s:
        return _load_tree(s)


def get_section(db: Database, section_id: int) -> ManualSectionDTO:
    """One chapter or section (with its path and sub-sections)."""
    with db.reading() as s:
        return _section_dto(s, section_id)


# --- validation ----------------------------------------------------------------------------------


def _normalize_body(value: str | None) -> str:
    """Markdown body: each line normalised like other text, but its leading indentation (nested lists,
    全角スペースの字下げ) kept as typed."""
    if not value:
        return ""
    lines = []
    for raw in value.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        rest = raw.lstrip(" \t\u3000")
        indent = raw[: len(raw) - len(rest)]
        text = normalize_text(rest)
        lines.append(indent + text if text else "")
    return "\n".join(lines).strip("\n")


def _validate_body(value: str | None) -> str:
    body = _normalize_body(value)
    if len(body) > MAX_BODY:
        raise ValidationError(
            "body", msg("本文が長すぎます（{max_len}文字まで）。節を分けてください。", max_len=MAX_BODY)
        )
    return body


def _validate_summary(value: str | None) -> str:
    raw = (value or "").strip()
    if "\n" in raw or "\r" in raw:
        raise ValidationError("summary", "変更の要約は1行で入力してください（改行は使えません）。")
    text = normalize_text(raw)
    if not text:
        raise ValidationError(
            "summary", "変更の要約（何をなぜ変えたか）を1行で入力してください。例:「連絡先を更新」"
        )
    if len(text) > MAX_SUMMARY:
        raise ValidationError(
            "summary",
            msg(
                "変更の要約が長すぎます（{max_len}文字まで）。1行に短くまとめてください。",
                max_len=MAX_SUMMARY,
            ),
        )
    return text


def _add_revision(s: Session, section: ManualSection, summary: str, user: str) -> ManualRevision:
    last = s.scalar(select(func.max(ManualRevision.number)).where(ManualRevision.section_id == section.id))
    rev = ManualRevision(
        section_id=section.id,
        number=(last or 0) + 1,
        title=section.title,
        body=section.body,
        summary=summary,
        author=user,
    )
    s.add(rev)
    return rev


def _new_section(
    s: Session, parent_id: int | None, position: int, title: str, body: str, summary: str, user: str
) -> ManualSection:
    """A new chapter or section at ``position`` below ``parent_id``, with its first revision (第1版)."""
    sec = ManualSection(
        parent_id=parent_id,
        position=position,
        title=title,
        body=body,
        search_text=manual_section_search_text(title, body),
    )
    s.add(sec)
    s.flush()
    _add_revision(s, sec, summary, user)
    return sec


def _siblings(s: Session, parent_id: int | None, exclude: int | None = None) -> list[int]:
    """Ids of the children of ``parent_id`` in order."""
    cond = ManualSection.parent_id.is_(None) if parent_id is None else ManualSection.parent_id == parent_id
    stmt = select(ManualSection.id).where(cond).order_by(ManualSection.position, ManualSection.id)
    return [i for i in s.scalars(stmt) if i != exclude]


def _renumber(s: Session, ids: list[int], parent_id: int | None) -> None:
    """Set parent and positions 0..n-1 without bumping versions (structure, not text)."""
    for pos, sid in enumerate(ids):
        s.execute(
            update(ManualSection)
            .where(ManualSection.id == sid)
            .where((ManualSection.position != pos) | _parent_differs(parent_id))
            .values(position=pos, parent_id=parent_id)
        )


def _parent_differs(parent_id: int | None):  # type: ignore[no-untyped-def]
    if parent_id is None:
        return ManualSection.parent_id.is_not(None)
    return ManualSection.parent_id.is_(None) | (ManualSection.parent_id != parent_id)


def _flush_or_conflict(s: Session) -> None:
    flush_or_conflict(
        s,
        message="このマニュアルの項目は、同時に別の場所で変更されました。再読み込みしてから、もう一度保存してください。",
    )


# --- sections ------------------------------------------------------------------------------------


def create_section(
    db: Database, parent_id: int | None, title: str, body: str = "", summary: str = "新規作成"
) -> ManualSectionDTO:
    """Add a chapter (``parent_id`` None) or a section at the end of its parent; records revision 第1版."""
    title_v = required_text(title, "title", "見出し", MAX_TITLE)
    body_v = _validate_body(body)
    summary_v = _validate_summary(summary)
    with db.transaction() as s:
        if parent_id is not None:
            get_or_raise(s, ManualSection, parent_id, "マニュアルの親の章・節")
        sec = _new_section(s, parent_id, len(_siblings(s, parent_id)), title_v, body_v, summary_v, db.user)
        _flush_or_conflict(s)
        kind = "章" if parent_id is None else "節"
        audit(
            s,
            db.user,
            "create",
            "manual_section",
            sec.id,
            f"マニュアルに{kind}「{title_v}」を追加（{summary_v}）",
        )
        return _section_dto(s, sec.id)


def save_section(
    db: Database, section_id: int, title: str, body: str, summary: str, expected_version: int
) -> ManualSectionDTO:
    """Save a section's title and body as a new revision. An unchanged title and body saves nothing."""
    title_v = required_text(title, "title", "見出し", MAX_TITLE)
    body_v = _validate_body(body)
    summary_v = _validate_summary(summary)
    with db.transaction() as s:
        sec = current(s, ManualSection, section_id, expected_version, "マニュアルの項目")
        changes = apply_changes(sec, {"title": title_v, "body": body_v})
        if changes:
            sec.search_text = manual_section_search_text(title_v, body_v)
            _flush_or_conflict(s)
            rev = _add_revision(s, sec, summary_v, db.user)
            _flush_or_conflict(s)
            shown = {k: v for k, v in changes.items() if k == "title"}
            audit(
                s,
                db.user,
                "update",
                "manual_section",
                sec.id,
                f"マニュアル「{sec.title}」を第{rev.number}版に更新（{summary_v}）",
                shown,
            )
        return _section_dto(s, sec.id)


def delete_section(db: Database, section_id: int, expected_version: int | None = None) -> None:
    """Delete a chapter or section with everything below it and their revisions.

    Published editions keep their frozen copy of the deleted text.
    """
    with db.transaction() as s:
        sec = current(s, ManualSection, section_id, expected_version, "マニュアルの項目")
        parent_id = sec.parent_id
        count = sum(1 for _ in _walk([_section_dto(s, sec.id)]))
        extra = f"（下の{count - 1}項目も含む）" if count > 1 else ""
        remove(s, db.user, sec, "manual_section", f"マニュアルの「{sec.title}」を削除{extra}")
        s.flush()
        _renumber(s, _siblings(s, parent_id), parent_id)


def _descendant_ids(s: Session, section_id: int) -> set[int]:
    return {n.id for n in _walk(_section_dto(s, section_id).children)}


def move_section(
    db: Database, section_id: int, new_parent_id: int | None, new_position: int | None = None
) -> ManualSectionDTO:
    """Move a section under ``new_parent_id`` (None: make it a chapter) at ``new_position``
    (0 = first; None or past the end = last). A section cannot move under itself or its own sub-sections.
    """
    if new_position is not None and (isinstance(new_position, bool) or new_position < 0):
        raise ValidationError("position", "移動先の位置は0以上で指定してください（0が先頭）。")
    with db.transaction() as s:
        sec = get_or_raise(s, ManualSection, section_id, "マニュアルの項目")
        if new_parent_id is not None:
            parent = get_or_raise(s, ManualSection, new_parent_id, "移動先の章・節")
            if new_parent_id == section_id or new_parent_id in _descendant_ids(s, section_id):
                raise ValidationError(
                    "parent_id",
                    msg(
                        "「{title}」を自分自身やその下の「{parent}」の中へは移動できません。"
                        "別の移動先を選んでください。",
                        title=sec.title,
                        parent=parent.title,
                    ),
                )
        old_parent_id, old_position = sec.parent_id, sec.position
        old_path = _section_dto(s, section_id).path_text
        if old_parent_id != new_parent_id:
            _renumber(s, _siblings(s, old_parent_id, exclude=section_id), old_parent_id)
        ids = _siblings(s, new_parent_id, exclude=section_id)
        pos = len(ids) if new_position is None else min(new_position, len(ids))
        ids.insert(pos, section_id)
        _renumber(s, ids, new_parent_id)
        dto = _section_dto(s, section_id)
        if old_parent_id != new_parent_id or dto.position != old_position:
            audit(
                s,
                db.user,
                "move",
                "manual_section",
                section_id,
                f"マニュアルの「{sec.title}」を移動（{old_path} → {dto.path_text}）",
            )
        return dto


def _move_by(db: Database, section_id: int, step: int) -> ManualSectionDTO:
    with db.reading() as s:
        sec = get_or_raise(s, ManualSection, section_id, "マニュアルの項目")
        parent_id = sec.parent_id
        ids = _siblings(s, parent_id)
    index = ids.index(section_id)
    target = index + step
    if target < 0 or target >= len(ids):
        return get_section(db, section_id)  # already first / last: nothing to do
    return move_section(db, section_id, parent_id, target)


def move_up(db: Database, section_id: int) -> ManualSectionDTO:
    """Swap with the previous sibling (no change when already first)."""
    return _move_by(db, section_id, -1)


def move_down(db: Database, section_id: int) -> ManualSectionDTO:
    """Swap with the next sibling (no change when already last)."""
    return _move_by(db, section_id, +1)
