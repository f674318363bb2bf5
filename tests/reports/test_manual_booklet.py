"""協働マニュアルの冊子: cover, a table of contents whose page numbers are the pages the chapters start
on, frozen editions, Markdown mapped to PDF styles, embedded fonts — read back from the real PDF."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from sakae_council.db.engine import Database
from sakae_council.paths import resources_dir
from sakae_council.reports.manual_booklet import collect_booklet, render_booklet
from sakae_council.services import manual, manual_history, manual_import

PUBLISHED = date(2026, 11, 28)
TOC_LINE = re.compile(r"^(?P<title>.+?)\s*(?:\.\s*)+(?P<page>\d+)$")


def page_lines(reader: PdfReader, index: int) -> list[str]:
    """The text of one page as lines, top to bottom, in drawing order; a contents line's dot leader and
    page number (drawn before its title) are put last, where the eye reads them."""
    parts: list[tuple[int, bool, int, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            piece = text.replace("\n", "")
            leader = "." in piece and re.fullmatch(r"[\s.]*\d+", piece) is not None
            parts.append((round(y), leader, len(parts), piece))

    reader.pages[index].extract_text(visitor_text=visit)
    rows: dict[int, list[tuple[bool, int, str]]] = {}
    for y, leader, order, text in parts:
        rows.setdefault(y, []).append((leader, order, text))
    return ["".join(t for _, _, t in sorted(row)).strip() for _, row in sorted(rows.items(), reverse=True)]


def fonts_of(reader: PdfReader) -> dict[str, bool]:
    """Font name -> embedded?, over every page."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for ref in resources.get("/Font", {}).values():
            font: Any = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else None
            embedded = descriptor is not None and any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def toc_entries(reader: PdfReader) -> list[tuple[str, int]]:
    """(title, page) for every entry of the table of contents (it may run over several pages)."""
    entries: list[tuple[str, int]] = []
    for index in range(1, len(reader.pages)):
        lines = page_lines(reader, index)
        if index > 1 and not any(TOC_LINE.match(line) for line in lines[1:4]):
            break
        for line in lines:
            m = TOC_LINE.match(line)
            if m:
                entries.append((m.group("title").strip(), int(m.group("page"))))
    return entries


@pytest.fixture()
def starter(db: Database) -> Database:
    """The starter manual that the demo database carries, imported the same way."""
    text = (resources_dir() / "manual" / "starter.md").read_text(encoding="utf-8")
    manual_import.import_markdown(db, text, summary="初版の原稿を取り込み")
    return db


def test_first_edition_booklet_has_a_toc_whose_numbers_are_the_chapter_pages(
    starter: Database, tmp_path: Path
) -> None:
    edition = manual_history.publish_edition(starter, "", PUBLISHED)
    assert edition.label == "第1版"
    out = render_booklet(collect_booklet(starter, 1), tmp_path / "manual.pdf")
    reader = PdfReader(str(out))
    total = len(reader.pages)

    cover = page_lines(reader, 0)
    assert cover[0] == "協働マニュアル"
    assert "第1版" in cover and "令和8年11月28日 発行" in cover
    assert not any(re.fullmatch(r"\d+ / \d+", line) for line in cover)  # the cover carries no number
    assert page_lines(reader, 1)[1] == "目次"

    tree = manual.list_tree(starter)
    expected = [label for ch in tree for label in (ch.label, *(s.label for s in ch.children))]
    entries = toc_entries(reader)
    assert [title for title, _ in entries] == expected
    assert len([c for c in tree]) == 7

    chapters = {ch.label for ch in tree}
    for title, number in entries:
        lines = page_lines(reader, number - 1)
        assert f"{number} / {total}" in lines, title
        if title in chapters:
            # the chapter title is the first thing under the running header, and its chapter is named there
            assert "".join(lines[1:4]).startswith(title), (title, lines[:3])  # a long title wraps
            assert title.replace(" ", "") in lines[0].replace(" ", "")
            previous = page_lines(reader, number - 2)
            assert title not in previous[1:], f"{title} starts on page {number - 1} already"
        else:
            assert title in lines, (title, number)
    # chapters start on new pages, in order, after the cover and the contents
    starts = [number for title, number in entries if title in chapters]
    assert starts == sorted(starts) and starts[0] == 3
    for index in range(1, total):
        assert page_lines(reader, index)[-1] == f"{index + 1} / {total}"


def test_every_font_is_embedded_and_no_standard_font_sneaks_in(starter: Database, tmp_path: Path) -> None:
    out = render_booklet(collect_booklet(starter, None, today=PUBLISHED), tmp_path / "draft.pdf")
    fonts = fonts_of(PdfReader(str(out)))
    assert fonts and all(fonts.values()), fonts
    assert all("BIZUD" in name or "IPAmj" in name for name in fonts), fonts


def test_published_edition_stays_frozen_while_the_text_moves_on(starter: Database, tmp_path: Path) -> None:
    manual_history.publish_edition(starter, "", PUBLISHED)
    section = manual.list_tree(starter)[0].children[0]
    manual.save_section(
        starter,
        section.id,
        section.title,
        section.body + "\n\n追記：令和9年度から研修を年2回にします。",
        "研修の回数を追記",
        section.version,
    )
    frozen = PdfReader(str(render_booklet(collect_booklet(starter, 1), tmp_path / "ed1.pdf")))
    draft_doc = collect_booklet(starter, None, today=date(2027, 1, 5))
    draft = PdfReader(str(render_booklet(draft_doc, tmp_path / "draft.pdf")))
    frozen_text = "".join(p.extract_text() for p in frozen.pages).replace("\n", "")
    draft_text = "".join(p.extract_text() for p in draft.pages).replace("\n", "")
    assert "研修を年2回にします" not in frozen_text
    assert "研修を年2回にします" in draft_text
    assert page_lines(draft, 0)[1:] == [
        "（職員向け）",
        "小学校区の協働を支える地区担当職員のために",
        "未発行の原稿",
        "令和9年1月5日 印刷",
        "栄町 住民活動推進課",
    ]


MARKDOWN = """冒頭の段落には **太字の語** と *強調した語* と `設定値` があります。
記号 <script> & "引用" と 𠮷田さんの名前もそのまま出ます。

### 小見出しの例

- 一段目の項目
  - 二段目の項目
- もう一つの項目

3. 三番目から始まる手順
4. 四番目の手順

- [ ] 未確認のチェック項目
- [x] 確認済みのチェック項目

| 項目 | 内容 |
|---|---|
| 日時 | 開催日（和暦） |
| 場所 | 会場の名称 |

> 引用した注意書き
"""


def test_markdown_maps_to_pdf_styles(db: Database, tmp_path: Path) -> None:
    chapter = manual.create_section(db, None, "書式の確認", MARKDOWN, "新規作成")
    manual.create_section(db, chapter.id, "節の見出し", "節の本文。", "新規作成")
    reader = PdfReader(str(render_booklet(collect_booklet(db, None, today=PUBLISHED), tmp_path / "md.pdf")))
    assert len(reader.pages) == 3  # cover, contents, one short chapter: what the content needs
    lines = page_lines(reader, 2)
    assert lines[1] == "第1章 書式の確認"
    flat = "".join(lines).replace(" ", "")
    squeezed = [line.replace(" ", "") for line in lines]
    assert "冒頭の段落には太字の語と強調した語と設定値があります。" in flat
    assert '記号<script>&"引用"と𠮷田さんの名前もそのまま出ます。' in flat  # escaped, rare character kept
    assert "小見出しの例" in lines
    for text in ("・一段目の項目", "・二段目の項目", "3.三番目から始まる手順", "4.四番目の手順"):
        assert text in squeezed, text
    assert "未確認のチェック項目" in lines and "確認済みのチェック項目" in lines
    assert "[ ]" not in flat and "[x]" not in flat and "**" not in flat and "|" not in flat
    # the service stores （） as half-width brackets, like every other text
    assert "項目内容" in squeezed and "日時開催日（和暦）" in squeezed and "場所会場の名称" in squeezed
    assert "引用した注意書き" in lines and "節の見出し" in lines

    # bold text is set in the bold face, ordinary text in the regular one
    faces: dict[str, str] = {}

    def visit(text: str, _cm: object, _tm: object, font: dict | None, _size: object) -> None:
        if font is not None and text.strip():
            faces[text.strip()] = str(font["/BaseFont"])

    reader.pages[2].extract_text(visitor_text=visit)
    assert "Bold" in faces["太字の語"]
    assert "Bold" not in faces.get("強調した語", faces.get("と 強調した語 と", "Regular"))
    assert "Bold" in faces["小見出しの例"]
    assert "Bold" in faces["項目"] and "Bold" not in faces["開催日（和暦）"]
