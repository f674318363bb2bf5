"""協働マニュアル（職員向け）: chapters and sections, their revisions, published editions and search;
and the 地区担当職員's records of training (研修) and local activities (職員地域活動).

The manual is a tree: chapters have no parent, sections hang below them (to any depth). Siblings are kept
at positions 0, 1, 2 … in order. A section's ``version`` guards its text (title and body): moving sections
around re-numbers positions without making anybody's open text edit stale.

Every creation and every save that changes the title or body appends a ManualRevision (第1版, 第2版 … per
section) with the author (``db.user``) and a one-line summary of the change.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    District,
    ManualEdition,
    ManualRevision,
    ManualSection,
    Person,
    StaffActivity,
    StaffTraining,
)
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError, msg
from sakae_council.domain.search_text import manual_section_search_text
from sakae_council.domain.text import fold_for_search, normalize_text
from sakae_council.domain.wareki import fiscal_year as fiscal_year_of
from sakae_council.domain.wareki import fiscal_year_range
from sakae_council.services import search as search_rule
from sakae_council.services.common import (
    MAX_INT,
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    long_text,
    non_negative_int,
    optional_text,
    require_id,
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
    try:
        s.flush()
    except (StaleDataError, IntegrityError) as exc:
        raise ConflictError(
            "このマニュアルの項目は、同時に別の場所で変更されました。再読み込みしてから、もう一度保存してください。"
        ) from exc


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
        position = len(_siblings(s, parent_id))
        sec = ManualSection(
            parent_id=parent_id,
            position=position,
            title=title_v,
            body=body_v,
            search_text=manual_section_search_text(title_v, body_v),
        )
        s.add(sec)
        s.flush()
        _add_revision(s, sec, summary_v, db.user)
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
        sec = get_or_raise(s, ManualSection, section_id, "マニュアルの項目")
        check_version(sec, expected_version, "マニュアルの項目")
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
        sec = get_or_raise(s, ManualSection, section_id, "マニュアルの項目")
        check_version(sec, expected_version, "マニュアルの項目")
        parent_id = sec.parent_id
        count = sum(1 for _ in _walk([_section_dto(s, sec.id)]))
        extra = f"（下の{count - 1}項目も含む）" if count > 1 else ""
        audit(s, db.user, "delete", "manual_section", sec.id, f"マニュアルの「{sec.title}」を削除{extra}")
        s.delete(sec)
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


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")


def _parse_markdown(text: str) -> list[tuple[int, str, str]]:
    """(level, title, body) per heading; ``#`` lines inside ``` fences are body text."""
    nodes: list[tuple[int, str, list[str]]] = []
    preamble: list[str] = []
    fenced = False
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        m = None if fenced else _HEADING.match(line)
        if m:
            nodes.append((len(m.group(1)), m.group(2).strip(), []))
        elif nodes:
            nodes[-1][2].append(line)
        else:
            preamble.append(line)
    if any(ln.strip() for ln in preamble):
        raise ValidationError(
            "text",
            "最初の見出し（# 章の名前）より前に本文があります。先頭に「# 」で始まる章の見出しを置いてください。",
        )
    if not nodes:
        raise ValidationError("text", "見出しがありません。章は「# 」、節は「## 」で始まる行にしてください。")
    return [(level, title, "\n".join(body)) for level, title, body in nodes]


def import_markdown(db: Database, text: str, summary: str = "Markdownから取り込み") -> list[ManualSectionDTO]:
    """Append chapters and sections written in Markdown (``#`` chapter, ``##`` section, ``###`` …) after
    the existing ones, all in one transaction, each with its first revision. 「第1章」 typed in a chapter
    heading is dropped (chapters are numbered by position). Returns the new tree."""
    summary_v = _validate_summary(summary)
    parsed = []
    for level, title, body in _parse_markdown(text or ""):
        try:
            title_v = required_text(
                strip_chapter_number(title) if level == 1 else title, "title", "見出し", MAX_TITLE
            )
            body_v = _validate_body(body)
        except ValidationError as exc:
            raise ValidationError(
                "text", msg("見出し「{title}」: {message}", title=title[:40], message=exc.source_message)
            ) from exc
        parsed.append((level, title_v, body_v))
    with db.transaction() as s:
        stack: list[tuple[int, int]] = []  # (level, section id) of the open ancestors
        next_position: dict[int | None, int] = {None: len(_siblings(s, None))}
        for level, title_v, body_v in parsed:
            while stack and stack[-1][0] >= level:
                stack.pop()
            parent_id = stack[-1][1] if stack else None
            position = next_position.get(parent_id, 0)
            next_position[parent_id] = position + 1
            sec = ManualSection(
                parent_id=parent_id,
                position=position,
                title=title_v,
                body=body_v,
                search_text=manual_section_search_text(title_v, body_v),
            )
            s.add(sec)
            s.flush()
            _add_revision(s, sec, summary_v, db.user)
            stack.append((level, sec.id))
        _flush_or_conflict(s)
        chapters = sum(1 for p in parsed if p[0] == 1)
        audit(
            s,
            db.user,
            "import",
            "manual_section",
            None,
            f"マニュアルにMarkdownから{len(parsed)}項目（うち章{chapters}）を取り込み（{summary_v}）",
        )
        return _load_tree(s)


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


# --- search --------------------------------------------------------------------------------------


def _locate(line: str, folded_query: str) -> tuple[int, int] | None:
    """(start, length) of ``folded_query`` in ``line`` counted in ``line``'s own characters, or None."""
    pieces = [fold_for_search(ch) for ch in line]
    folded = "".join(pieces)
    at = folded.find(folded_query)
    if at < 0:
        return None
    starts = []
    offset = 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece)
    start = max((i for i, st in enumerate(starts) if st <= at and pieces[i]), default=0)
    end_at = at + len(folded_query)
    end = next((i for i, st in enumerate(starts) if st >= end_at), len(line))
    return start, max(end - start, 0)


def _snippet(line: str, folded_query: str) -> tuple[str, int, int]:
    """A short excerpt of ``line`` around the match, with the match position inside it."""
    found = _locate(line, folded_query)
    start, length = found if found is not None else (0, 0)
    if len(line) <= SNIPPET_WIDTH:
        return line, start, length
    cut = max(0, min(start - SNIPPET_BEFORE, len(line) - SNIPPET_WIDTH))
    text = line[cut : cut + SNIPPET_WIDTH]
    head = "…" if cut > 0 else ""
    tail = "…" if cut + SNIPPET_WIDTH < len(line) else ""
    return f"{head}{text}{tail}", start - cut + len(head), min(length, SNIPPET_WIDTH - (start - cut))


def search_manual(db: Database, query: str) -> list[ManualHitDTO]:
    """Sections whose title or body holds every word of ``query`` (ひらがな/カタカナ, 全角/半角 ignored; words
    in any order), in document order, each with its path and the first line holding the first word."""
    wanted = search_rule.words(query)
    if not wanted:
        return []
    folded = wanted[0]  # the word the snippet shows
    with db.reading() as s:
        ids = set(
            s.scalars(select(ManualSection.id).where(*search_rule.contains_all(ManualSection.search_text, wanted)))
        )
        if not ids:
            return []
        tree = _load_tree(s)
    hits = []
    for node in _walk(tree):
        if node.id not in ids:
            continue
        line = next((ln for ln in node.body.split("\n") if folded in fold_for_search(ln)), None)
        in_title = folded in fold_for_search(node.title)
        if line is None:
            line = node.title
        snippet, start, length = _snippet(line, folded)
        hits.append(
            ManualHitDTO(
                section_id=node.id,
                title=node.title,
                path=node.path,
                snippet=snippet,
                match_start=start,
                match_length=length,
                in_title=in_title,
            )
        )
    return hits


# --- staff records: 研修 and 職員地域活動 ---------------------------------------------------------------


@dataclass(frozen=True)
class StaffTrainingInput:
    person_id: int
    held_on: date
    title: str
    organiser: str = ""
    hours: int = 0
    notes: str = ""


@dataclass(frozen=True)
class StaffTrainingDTO:
    id: int
    version: int
    person_id: int
    person_name: str
    held_on: date
    fiscal_year: int
    title: str
    organiser: str
    hours: int
    notes: str


@dataclass(frozen=True)
class StaffActivityInput:
    person_id: int
    held_on: date
    title: str
    district_id: int | None = None
    hours: int = 0
    notes: str = ""


@dataclass(frozen=True)
class StaffActivityDTO:
    id: int
    version: int
    person_id: int
    person_name: str
    district_id: int | None
    district_name: str
    held_on: date
    fiscal_year: int
    title: str
    hours: int
    notes: str


def training_to_dto(t: StaffTraining) -> StaffTrainingDTO:
    return StaffTrainingDTO(
        id=t.id,
        version=t.version,
        person_id=t.person_id,
        person_name=t.person.name,
        held_on=t.held_on,
        fiscal_year=fiscal_year_of(t.held_on),
        title=t.title,
        organiser=t.organiser,
        hours=t.hours,
        notes=t.notes,
    )


def activity_to_dto(a: StaffActivity, district_name: str) -> StaffActivityDTO:
    return StaffActivityDTO(
        id=a.id,
        version=a.version,
        person_id=a.person_id,
        person_name=a.person.name,
        district_id=a.district_id,
        district_name=district_name,
        held_on=a.held_on,
        fiscal_year=fiscal_year_of(a.held_on),
        title=a.title,
        hours=a.hours,
        notes=a.notes,
    )


def _staff_person(s: Session, person_id: int) -> Person:
    p = get_or_raise(s, Person, person_id, "職員")
    if getattr(p, "deleted_at", None) is not None:
        raise ValidationError(
            "person_id",
            msg(
                "「{name}」さんは名簿から削除されています。名簿で元に戻すか、別の職員を選んでください。",
                name=p.name,
            ),
        )
    return p


def _held_on(value: date | None) -> date:
    if not isinstance(value, date):
        raise ValidationError("held_on", "実施日を入力してください。")
    return value


def _validate_training(s: Session, data: StaffTrainingInput) -> dict:
    _staff_person(s, data.person_id)
    return {
        "person_id": data.person_id,
        "held_on": _held_on(data.held_on),
        "title": required_text(data.title, "title", "研修名", MAX_TITLE),
        "organiser": optional_text(data.organiser, "organiser", "主催"),
        "hours": non_negative_int(data.hours, "hours", "時間数"),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def _load_training(s: Session, training_id: int) -> StaffTraining:
    require_id(training_id, "研修記録")
    t = s.scalar(
        select(StaffTraining)
        .where(StaffTraining.id == training_id)
        .options(selectinload(StaffTraining.person))
    )
    if t is None:
        get_or_raise(s, StaffTraining, training_id, "研修記録")
    assert t is not None
    return t


def create_training(db: Database, data: StaffTrainingInput) -> StaffTrainingDTO:
    """Record a training (研修) attended by a staff member."""
    with db.transaction() as s:
        t = StaffTraining(**_validate_training(s, data))
        s.add(t)
        s.flush()
        t = _load_training(s, t.id)
        audit(
            s, db.user, "create", "staff_training", t.id, f"「{t.person.name}」さんの研修「{t.title}」を記録"
        )
        return training_to_dto(t)


def update_training(
    db: Database, training_id: int, data: StaffTrainingInput, expected_version: int
) -> StaffTrainingDTO:
    """Change a training record; a stale copy raises ConflictError."""
    with db.transaction() as s:
        t = _load_training(s, training_id)
        check_version(t, expected_version, "研修記録")
        changes = apply_changes(t, _validate_training(s, data))
        if changes:
            _flush_or_conflict(s)
            s.refresh(t)
            audit(
                s,
                db.user,
                "update",
                "staff_training",
                t.id,
                f"「{t.person.name}」さんの研修「{t.title}」を変更",
                changes,
            )
        return training_to_dto(t)


def delete_training(db: Database, training_id: int, expected_version: int | None = None) -> None:
    """Remove a training record."""
    with db.transaction() as s:
        t = _load_training(s, training_id)
        check_version(t, expected_version, "研修記録")
        audit(
            s, db.user, "delete", "staff_training", t.id, f"「{t.person.name}」さんの研修「{t.title}」を削除"
        )
        s.delete(t)


def get_training(db: Database, training_id: int) -> StaffTrainingDTO:
    with db.reading() as s:
        return training_to_dto(_load_training(s, training_id))


def list_trainings(
    db: Database, person_id: int | None = None, fiscal_year: int | None = None
) -> list[StaffTrainingDTO]:
    """Training records by date, optionally of one person and/or one fiscal year."""
    with db.reading() as s:
        stmt = (
            select(StaffTraining)
            .options(selectinload(StaffTraining.person))
            .order_by(StaffTraining.held_on, StaffTraining.id)
        )
        if person_id is not None:
            stmt = stmt.where(StaffTraining.person_id == person_id)
        if fiscal_year is not None:
            first, last = fiscal_year_range(fiscal_year)
            stmt = stmt.where(StaffTraining.held_on.between(first, last))
        return [training_to_dto(t) for t in s.scalars(stmt)]


def _validate_activity(s: Session, data: StaffActivityInput) -> dict:
    _staff_person(s, data.person_id)
    if data.district_id is not None:
        get_or_raise(s, District, data.district_id, "学区")
    return {
        "person_id": data.person_id,
        "district_id": data.district_id,
        "held_on": _held_on(data.held_on),
        "title": required_text(data.title, "title", "活動名", MAX_TITLE),
        "hours": non_negative_int(data.hours, "hours", "時間数"),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def _district_names(s: Session) -> dict[int, str]:
    return {did: name for did, name in s.execute(select(District.id, District.name))}


def _load_activity(s: Session, activity_id: int) -> StaffActivity:
    require_id(activity_id, "職員地域活動の記録")
    a = s.scalar(
        select(StaffActivity)
        .where(StaffActivity.id == activity_id)
        .options(selectinload(StaffActivity.person))
    )
    if a is None:
        get_or_raise(s, StaffActivity, activity_id, "職員地域活動の記録")
    assert a is not None
    return a


def _activity_dto(s: Session, a: StaffActivity) -> StaffActivityDTO:
    district = s.get(District, a.district_id) if a.district_id is not None else None
    return activity_to_dto(a, district.name if district else "")


def create_staff_activity(db: Database, data: StaffActivityInput) -> StaffActivityDTO:
    """Record a staff member joining a district's activity (職員地域活動)."""
    with db.transaction() as s:
        a = StaffActivity(**_validate_activity(s, data))
        s.add(a)
        s.flush()
        a = _load_activity(s, a.id)
        audit(
            s,
            db.user,
            "create",
            "staff_activity",
            a.id,
            f"「{a.person.name}」さんの地域活動「{a.title}」を記録",
        )
        return _activity_dto(s, a)


def update_staff_activity(
    db: Database, activity_id: int, data: StaffActivityInput, expected_version: int
) -> StaffActivityDTO:
    """Change a staff activity record; a stale copy raises ConflictError."""
    with db.transaction() as s:
        a = _load_activity(s, activity_id)
        check_version(a, expected_version, "職員地域活動の記録")
        changes = apply_changes(a, _validate_activity(s, data))
        if changes:
            _flush_or_conflict(s)
            s.refresh(a)
            audit(
                s,
                db.user,
                "update",
                "staff_activity",
                a.id,
                f"「{a.person.name}」さんの地域活動「{a.title}」を変更",
                changes,
            )
        return _activity_dto(s, a)


def delete_staff_activity(db: Database, activity_id: int, expected_version: int | None = None) -> None:
    """Remove a staff activity record."""
    with db.transaction() as s:
        a = _load_activity(s, activity_id)
        check_version(a, expected_version, "職員地域活動の記録")
        audit(
            s,
            db.user,
            "delete",
            "staff_activity",
            a.id,
            f"「{a.person.name}」さんの地域活動「{a.title}」を削除",
        )
        s.delete(a)


def get_staff_activity(db: Database, activity_id: int) -> StaffActivityDTO:
    with db.reading() as s:
        return _activity_dto(s, _load_activity(s, activity_id))


def list_staff_activities(
    db: Database, person_id: int | None = None, district_id: int | None = None, fiscal_year: int | None = None
) -> list[StaffActivityDTO]:
    """Staff activity records by date, optionally of one person, one district and/or one fiscal year."""
    with db.reading() as s:
        stmt = (
            select(StaffActivity)
            .options(selectinload(StaffActivity.person))
            .order_by(StaffActivity.held_on, StaffActivity.id)
        )
        if person_id is not None:
            stmt = stmt.where(StaffActivity.person_id == person_id)
        if district_id is not None:
            stmt = stmt.where(StaffActivity.district_id == district_id)
        if fiscal_year is not None:
            first, last = fiscal_year_range(fiscal_year)
            stmt = stmt.where(StaffActivity.held_on.between(first, last))
        names = _district_names(s)
        return [
            activity_to_dto(a, names.get(a.district_id, "") if a.district_id else "") for a in s.scalars(stmt)
        ]
