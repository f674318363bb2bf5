"""Reading a Markdown text into the 協働マニュアル: each heading becomes a chapter or section."""

from __future__ import annotations

import re

from sakae_council.db.engine import Database
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.services.common import (
    audit,
    required_text,
)
from sakae_council.services.manual import (
    MAX_TITLE,
    ManualSectionDTO,
    _flush_or_conflict,
    _load_tree,
    _new_section,
    _siblings,
    _validate_body,
    _validate_summary,
    strip_chapter_number,
)

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
            sec = _new_section(s, parent_id, position, title_v, body_v, summary_v, db.user)
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
