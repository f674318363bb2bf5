"""A long paper holds little in memory while it is drawn (issue 20: memory with each paper printed once).

``Deferred`` makes its flowables only when the layout reaches them (the roster's district tables: a
whole town at stress held every cell at once, over 1 GB); the page-number canvas keeps each finished
page as one string until the page count is known, and writes the same pages as ReportLab's own list.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
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


def test_compact_pages_write_the_same_page_streams(tmp_path: Path) -> None:
    decor = PageDecor(header_left="名簿", footer_right="個人情報を含みます。")

    def story() -> list[Flowable]:
        return [para(f"{i}　栄町安食台3丁目12番地の4　𠮷田 髙橋", styles().body) for i in range(300)]

    def streams(path: Path) -> list[bytes]:
        return [p.get_contents().get_data() for p in PdfReader(str(path)).pages]  # type: ignore[union-attr]

    new = build_pdf(tmp_path / "new.pdf", story(), title="t", decor=decor)
    old_class = type("Old", (_ListCanvas,), {"decor": decor})
    doc = page_layout.PaperTemplate(str(tmp_path / "old.pdf"), decor, title="t")
    doc.build(story(), canvasmaker=old_class)
    assert len(streams(new)) > 3
    assert streams(new) == streams(tmp_path / "old.pdf")


def test_the_canvas_keeps_each_finished_page_as_one_string(tmp_path: Path) -> None:
    kept: list[int] = []

    class Watching(page_layout.numbered_canvas(PageDecor())):  # type: ignore[misc]
        def save(self) -> None:
            kept.extend(len(state["_code"]) for state in self._pages)
            super().save()

    doc = page_layout.PaperTemplate(str(tmp_path / "w.pdf"), PageDecor(), title="t")
    doc.build([para(f"{i}行目", styles().body) for i in range(200)], canvasmaker=Watching)
    assert len(kept) > 2 and set(kept) == {1}
