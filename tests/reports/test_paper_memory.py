"""A long paper holds little in memory while it is drawn (issue 20: memory with each paper printed once).

``Deferred`` makes its flowables only when the layout reaches them (the roster's district tables: a
whole town at stress held every cell at once, over 1 GB); the page-number canvas keeps each finished
page as one string until the page count is known, and writes the same pages as ReportLab's own list.
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak

from sakae_council.reports import page_layout
from sakae_council.reports.style import Deferred, PageDecor, build_pdf, para, styles


class _Noting(Flowable):
    """A paragraph that notes in ``log`` when it is drawn."""

    def __init__(self, text: str, log: list[str]) -> None:
        super().__init__()
        self.inner = para(text, styles().body)
        self.text, self.log = text, log

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.inner.wrap(availWidth, availHeight)

    def draw(self) -> None:
        self.log.append(f"drawn {self.text}")
        self.inner.drawOn(self.canv, 0, 0)


def _part(name: str, log: list[str]) -> Deferred:
    def make() -> list[Flowable]:
        log.append(f"made {name}")
        return [_Noting(f"{name} の一行目", log), _Noting(f"{name} の二行目", log)]

    return Deferred(make)


def test_deferred_parts_are_made_when_reached_and_print_in_place(tmp_path: Path) -> None:
    log: list[str] = []
    story = [
        para("名簿（全学区）", styles().title),
        _part("第1学区", log),
        PageBreak(),
        _part("第2学区", log),
    ]
    out = build_pdf(tmp_path / "d.pdf", story, title="t", decor=PageDecor())

    # the second part is made only after the first is on paper, not while the story is put together
    assert log == [
        "made 第1学区",
        "drawn 第1学区 の一行目",
        "drawn 第1学区 の二行目",
        "made 第2学区",
        "drawn 第2学区 の一行目",
        "drawn 第2学区 の二行目",
    ]
    pages = [p.extract_text() for p in PdfReader(str(out)).pages]
    assert len(pages) == 2
    assert "名簿（全学区）" in pages[0] and "第1学区 の一行目" in pages[0] and "第1学区 の二行目" in pages[0]
    assert "第2学区 の一行目" in pages[1] and "1 / 2" in pages[0] and "2 / 2" in pages[1]


def test_a_deferred_table_longer_than_a_page_runs_over_pages(tmp_path: Path) -> None:
    from reportlab.platypus import Table

    rows = [[para(f"{i}番目の委員", styles().cell)] for i in range(1, 121)]
    story = [para("見出し", styles().heading), Deferred(lambda: [Table(rows, repeatRows=0)])]
    out = build_pdf(tmp_path / "t.pdf", story, title="t", decor=PageDecor())
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert len(PdfReader(str(out)).pages) >= 3
    assert all(f"{i}番目の委員" in text for i in (1, 60, 120))


class _ListCanvas(page_layout.NumberedCanvas):
    """The canvas as it was: every page's drawing operators kept as ReportLab's list until ``save``."""

    def showPage(self) -> None:  # noqa: N802
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            Canvas.showPage(self)
        Canvas.save(self)


def test_compact_pages_write_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamps or random ids: files comparable
    decor = PageDecor(header_left="名簿", footer_right="個人情報を含みます。")

    def story() -> list[Flowable]:
        return [para(f"{i}　栄町安食台3丁目12番地の4　𠮷田 髙橋", styles().body) for i in range(300)]

    new = tmp_path / "new.pdf"
    doc = page_layout.PaperTemplate(str(new), decor, title="t")
    doc.build(story(), canvasmaker=page_layout.numbered_canvas(decor))
    old = tmp_path / "old.pdf"
    doc = page_layout.PaperTemplate(str(old), decor, title="t")
    doc.build(story(), canvasmaker=type("Old", (_ListCanvas,), {"decor": decor}))
    assert len(PdfReader(str(new)).pages) > 3
    assert new.read_bytes() == old.read_bytes()


def test_the_canvas_keeps_each_finished_page_compressed_in_a_file_and_little_state(tmp_path: Path) -> None:
    kept: list[bytes] = []
    state_sizes: list[int] = []

    class Watching(page_layout.numbered_canvas(PageDecor())):  # type: ignore[misc]
        def save(self) -> None:
            for state in self._pages:
                offset, length = state["_code"]
                self._spill.seek(offset)
                kept.append(self._spill.read(length))
                state_sizes.append(len(state))
            full = len(self.__dict__)
            super().save()
            assert max(state_sizes) < full / 3  # only what differs from the first page's state

    doc = page_layout.PaperTemplate(str(tmp_path / "w.pdf"), PageDecor(), title="t")
    doc.build(
        [para(f"{i}行目　栄町まちづくり協議会", styles().body) for i in range(200)], canvasmaker=Watching
    )
    assert len(kept) > 2
    text = zlib.decompress(kept[0]).decode("utf-8")
    assert "BT" in text and len(kept[0]) < len(text) / 3
    pages = [p.extract_text() for p in PdfReader(str(tmp_path / "w.pdf")).pages]
    assert "0行目" in pages[0] and "199行目" in pages[-1] and f"{len(pages)} / {len(pages)}" in pages[-1]


def test_font_files_are_mapped_and_papers_after_letting_their_pages_go_are_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mmap

    from reportlab.pdfbase import pdfmetrics

    from sakae_council.reports import fonts

    monkeypatch.setattr(rl_config, "invariant", 1)
    released: list[int] = []
    real_release = page_layout.release_font_pages
    monkeypatch.setattr(page_layout, "release_font_pages", lambda: (released.append(1), real_release()))

    def paper(name: str) -> bytes:
        story = [
            para("栄町まちづくり協議会　𠮷田 髙橋　<b>太字</b>", styles().body),
            para("ゴシックの行", styles().body_gothic),
        ]
        return build_pdf(tmp_path / name, story, title="t", decor=PageDecor()).read_bytes()

    first = paper("1.pdf")
    faces = [f.face for f in pdfmetrics._fonts.values() if getattr(f, "face", None) is not None]  # noqa: SLF001
    ours = [face for face in faces if isinstance(getattr(face, "_ttf_data", None), mmap.mmap)]
    assert ours, "the bundled fonts are read from mapped files"
    fonts.release_font_pages()  # and again between the two papers, besides the one after each paper
    second = paper("2.pdf")
    assert released == [1, 1]  # once per paper, after it was written
    assert first == second
    assert "栄町まちづくり協議会" in PdfReader(str(tmp_path / "2.pdf")).pages[0].extract_text()


def test_compact_font_tables_hold_what_reportlab_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Glyph offsets and metrics as arrays, glyph → characters made on demand: the same values as
    ReportLab's own lists, whether the face was parsed now or read from the cache."""
    from array import array

    from reportlab.pdfbase.ttfonts import TTFont

    from sakae_council.paths import fonts_dir
    from sakae_council.reports.fonts import load_font

    monkeypatch.setenv("SAKAE_CACHE_DIR", str(tmp_path / "cache"))
    path = fonts_dir() / "BIZUDGothic-Regular.ttf"
    plain = TTFont("PlainGothic", str(path)).face
    for face in (load_font("T1", path).face, load_font("T2", path).face):  # parsed, then from the cache
        assert isinstance(face.glyphPos, array) and list(face.glyphPos) == plain.glyphPos
        assert len(face.hmetrics) == len(plain.hmetrics)
        assert all(face.hmetrics[g] == plain.hmetrics[g] for g in range(len(plain.hmetrics)))
        assert "glyphToChar" not in face.__dict__  # made only when text shaping asks

        # the same pairs, but for the no-break space (ReportLab aliases it to the space after making its map)
        def pairs(mapping: dict[int, list[int]]) -> set[tuple[int, int]]:
            return {(g, c) for g, chars in mapping.items() for c in chars if c != 0xA0}

        assert pairs(face.glyphToChar) == pairs(plain.glyphToChar)
        assert face.charToGlyph == plain.charToGlyph and face.charWidths == plain.charWidths


def test_deferred_parts_print_in_a_paper_with_contents_whose_numbers_count_their_pages(
    tmp_path: Path,
) -> None:
    """The 総会議案書 defers each member's sheet and is laid out in two passes (the contents' page numbers):
    every pass makes the parts again, so the last pass (the one written) has them all, in place."""
    from reportlab.platypus import Table

    from sakae_council.reports.contents import Heading, build_with_contents, contents_flowables

    log: list[str] = []
    rows = [[para(f"{i}番目の委員", styles().cell)] for i in range(1, 121)]
    story = [
        para("表紙", styles().title),
        PageBreak(),
        *contents_flowables(),
        PageBreak(),
        Heading("名簿"),
        Deferred(lambda: [Table(rows, repeatRows=0)]),
        *[
            Deferred(lambda n=n: (log.append(n), [PageBreak(), para(f"{n}の用紙", styles().body)])[1])
            for n in "甲乙"
        ],
        PageBreak(),
        Heading("おわりに"),
    ]
    out = build_with_contents(tmp_path / "c.pdf", story, title="t", decor=PageDecor())
    pages = [p.extract_text() for p in PdfReader(str(out)).pages]

    assert log.count("甲") >= 2 and log.count("乙") >= 2  # made again on each pass
    assert all(f"{i}番目の委員" in "".join(pages) for i in (1, 60, 120))
    assert "甲の用紙" in pages[-3] and "乙の用紙" in pages[-2] and "おわりに" in pages[-1]
    contents = pages[1].replace(" ", "").replace(".", "")
    assert f"3\n名簿\n{len(pages)}\nおわりに" in contents  # the contents count the deferred parts' pages


def _member_rows(start: int, stop: int) -> list[list[Flowable]]:
    st = styles()
    # rows of different heights (a long 役割 wraps), so a page's break depends on every row's height
    return [
        [para(str(i + 1), st.cell_center), para(f"委員{i + 1}　𠮷田 髙橋" + "、会計" * (i % 7), st.cell)]
        for i in range(start, stop)
    ]


def _member_table(rows: list[list[Flowable]]) -> Any:
    from sakae_council.reports.style import grid_table

    st = styles()
    header = [para("No.", st.cell_head), para("氏名・役割", st.cell_head)]
    return grid_table([header, *rows], [20 * mm, 120 * mm])


def test_a_table_made_by_pages_breaks_where_the_whole_table_breaks_and_makes_rows_as_reached(
    tmp_path: Path,
) -> None:
    from sakae_council.reports.style import TableByPages

    count = 400
    made: list[tuple[int, int]] = []
    drawn_pages: list[int] = []

    def rows(start: int, stop: int) -> list[list[Flowable]]:
        made.append((start, stop))
        drawn_pages.append(len(made))
        return _member_rows(start, stop)

    def story(table: Flowable) -> list[Flowable]:
        return [para("名簿（全学区）", styles().title), para("安食小学校区", styles().heading), table]

    whole = build_pdf(tmp_path / "whole.pdf", story(_member_table(_member_rows(0, count))), title="t")
    by_pages = build_pdf(tmp_path / "pages.pdf", story(TableByPages(rows, count, _member_table)), title="t")
    old = [p.extract_text() for p in PdfReader(str(whole)).pages]
    new = [p.extract_text() for p in PdfReader(str(by_pages)).pages]
    assert len(new) == len(old) > 10
    assert new == old  # the same rows on the same pages, the header row on each
    assert all("氏名・役割" in page for page in new if "委員" in page)
    # every row made once, in order, a few pages' worth at a time — never the whole table
    assert [r for start, stop in made for r in range(start, stop)] == list(range(count))
    assert max(stop - start for start, stop in made) <= 100
    assert len(made) >= len(new) - 1


def test_a_table_made_by_pages_with_no_rows_is_its_header(tmp_path: Path) -> None:
    from sakae_council.reports.style import TableByPages

    out = build_pdf(tmp_path / "e.pdf", [TableByPages(_member_rows, 0, _member_table)], title="t")
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "氏名・役割" in text and "委員1" not in text


def test_the_file_is_written_as_it_is_formatted_not_joined_first(tmp_path: Path) -> None:
    """ReportLab joins the whole formatted PDF into one bytes object before writing it; here each piece
    goes to the file as it is formatted (the same bytes: test_compact_pages_write_the_same_file)."""
    import builtins

    writes: list[int] = []
    real_open = builtins.open

    class Watched:
        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def write(self, data: bytes) -> int:
            writes.append(len(data))
            return int(self.fh.write(data))

        def __getattr__(self, name: str) -> Any:
            return getattr(self.fh, name)

        def __enter__(self) -> Watched:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()

    def watching_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        fh = real_open(file, mode, *args, **kwargs)
        return Watched(fh) if mode == "wb" else fh

    story = [para(f"{i}　栄町安食台3丁目12番地の4　𠮷田 髙橋", styles().body) for i in range(1500)]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(page_layout, "open", watching_open, raising=False)
        out = build_pdf(tmp_path / "s.pdf", story, title="t")
    size = out.stat().st_size
    assert sum(writes) == size
    assert len(writes) > 20 and max(writes) < size / 4  # the old way: one write of the whole file
    assert len(PdfReader(str(out)).pages) > 5
