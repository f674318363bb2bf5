"""The council papers (引継ぎ資料, 委嘱状) make their long parts only when the layout reaches them (issue 20:
memory at stress): a stress council's 2,000 open issues in the 引継ぎ資料 and 940 letters of commission
were each made whole before the first page was drawn, and held until the file was written."""

from __future__ import annotations

import dataclasses
import gc
import weakref
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from sakae_council.db.engine import Database
from sakae_council.domain.enums import IssueStatus, OfficerPost
from sakae_council.reports import commission, general_meeting, handover, page_layout
from sakae_council.services import districts
from sakae_council.services.handover import IssueHistory
from sakae_council.services.seats import CommissionBatch, CommissionDTO

TODAY = date(2026, 11, 28)


def _noting_pages(monkeypatch: pytest.MonkeyPatch, log: list[str]) -> None:
    """Note in ``log`` each page the layout finishes."""
    real = page_layout.NumberedCanvas.showPage

    def show_page(self: Any) -> None:
        log.append("page")
        real(self)

    monkeypatch.setattr(page_layout.NumberedCanvas, "showPage", show_page)


def _made_between_pages(log: list[str], what: str) -> int:
    """How many pages were finished between the first and the last ``what`` made (of the first pass)."""
    first = log.index(f"{what} 1")
    last = log.index(f"{what} {max(int(x.split()[1]) for x in log if x.startswith(what))}")
    return log[first:last].count("page")


def _pages(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(str(path)).pages]


def test_the_handovers_open_issues_are_made_one_at_a_time_as_the_layout_reaches_them(
    town: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    district = districts.district_id_by_name(town, "安食")
    doc = handover.collect_handover(town, district, today=TODAY)
    issues = tuple(
        IssueHistory(
            title=f"課題{i}号",
            category="防犯",
            status=IssueStatus.RAISED,
            priority="中",
            raised_on=TODAY - timedelta(days=i),
            description="街灯が少なく夜道が暗い。" * 4,
            history=((TODAY - timedelta(days=i), "提起", f"経過{i}"),),
        )
        for i in range(1, 81)
    )
    doc = dataclasses.replace(doc, open_issues=issues)
    log: list[str] = []
    real = handover._issue
    monkeypatch.setattr(handover, "_issue", lambda i: (log.append(f"issue {i.title[2:-1]}"), real(i))[1])
    _noting_pages(monkeypatch, log)

    story = handover.handover_story(doc)
    assert log == []  # nothing made while the story is put together
    text = _pages(handover.render_handover(doc, tmp_path / "h.pdf"))

    # made on each pass of the build (the contents' two passes), each issue once a pass ...
    assert len(story) > 80 and log.count("issue 1") == log.count("issue 80") == 2
    # ... and as the layout reaches it: pages are drawn between the first issue made and the last
    assert _made_between_pages(log, "issue") >= 5
    whole = "".join(text).replace("\n", "")
    assert all(f"課題{i}号" in whole and f"経過{i}" in whole for i in range(1, 81))
    assert whole.index("課題1号") < whole.index("課題2号") < whole.index("課題80号")
    assert all(f"{n} / {len(text)}" in t for n, t in enumerate(text, start=1))


def test_letters_of_commission_are_made_one_at_a_time_as_the_layout_reaches_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = date(2026, 4, 1)
    letters = tuple(
        CommissionDTO(f"委員{i}号", OfficerPost.MEMBER, "", start, date(2028, 3, 31)) for i in range(1, 31)
    )
    batch = CommissionBatch("安食", "安食小学校区まちづくり協議会", start, "岡田 洋子", letters, ())
    log: list[str] = []
    real = commission._letter
    monkeypatch.setattr(
        commission,
        "_letter",
        lambda b, x, issuer: (log.append(f"letter {x.name[2:-1]}"), real(b, x, issuer))[1],
    )
    _noting_pages(monkeypatch, log)

    text = _pages(commission.render_commissions(batch, tmp_path / "c.pdf"))

    assert log.count("letter 1") == log.count("letter 30") == 1
    # each letter made as the layout reaches it (the next one while the page before is being finished)
    assert _made_between_pages(log, "letter") >= 28
    assert len(text) == 30
    for n, page in enumerate(text, start=1):
        body = page.replace("\n", "").replace(" ", "").replace("　", "")
        assert f"委員{n}号様" in body and "委嘱状" in body and f"{n}/30" in body


def test_the_general_meeting_pack_makes_each_part_s_text_as_the_layout_reaches_it(
    town: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parts (次第, the five 議案) are made on each pass when the layout reaches them: made with the
    story, a stress council's 役員改選 (950 rows) and 事業計画 (2,000) were held wrapped through both passes."""
    district = districts.district_id_by_name(town, "安食")
    pack = general_meeting.collect_pack(town, district, 2026, today=TODAY)
    log: list[str] = []
    real = general_meeting.text_flowables
    monkeypatch.setattr(
        general_meeting, "text_flowables", lambda text: (log.append(f"part {text[:12]}"), real(text))[1]
    )
    _noting_pages(monkeypatch, log)

    general_meeting.pack_story(pack)
    assert log == []  # nothing made while the story is put together
    text = _pages(general_meeting.render_pack(pack, tmp_path / "g.pdf"))

    parts = [x for x in log if x.startswith("part")]
    assert len(parts) == 2 * 6 and len(set(parts)) == 6  # 次第 and five 議案, once on each of two passes
    assert log.index(parts[1]) > log.index("page") and log[: log.index(parts[5])].count("page") >= 5
    whole = "".join(text).replace("\n", "")
    for part in (general_meeting.PackPart.AGENDA, *general_meeting.MOTIONS):
        title = pack.part(part).title
        assert title in whole, title
    assert all(f"{n} / {len(text)}" in t for n, t in enumerate(text[1:], start=2))  # the cover has none


def test_a_long_table_s_remainders_are_let_go_as_the_pages_are_drawn_not_at_the_end_of_the_pass(
    tmp_path: Path,
) -> None:
    """ReportLab's two-pass build keeps every flowable pushed to the next page until its pass ends (to undo
    its "postponed" mark): each page's remainder of a long table, all its cells with them. The contents
    template keeps that mark's undo weakly, so only the remainder being laid out is alive."""
    from reportlab.platypus import PageBreak, Table

    from sakae_council.reports.contents import Heading, build_with_contents, contents_flowables
    from sakae_council.reports.page_layout import PageDecor
    from sakae_council.reports.style import para, styles

    remainders: weakref.WeakSet[Table] = weakref.WeakSet()

    class Counted(Table):
        def _splitRows(self, *args: Any, **kwargs: Any) -> list[Table]:
            parts: list[Table] = super()._splitRows(*args, **kwargs)
            remainders.update(parts)
            return parts

    alive: list[int] = []

    class Probe(Flowable):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
            return 0, 0

        def draw(self) -> None:
            gc.collect()
            alive.append(len(remainders))

    rows = [[para(f"{i}行目の委員", styles().cell)] for i in range(1, 601)]
    story = [
        *contents_flowables(),
        PageBreak(),
        Heading("名簿"),
        Counted(rows),
        PageBreak(),
        Heading("終"),
        Probe(),
    ]
    out = build_with_contents(tmp_path / "t.pdf", story, title="t", decor=PageDecor(), cover=False)

    pages = _pages(out)
    assert len(pages) > 10 and "600行目の委員" in "".join(pages)
    assert len(alive) == 2 and max(alive) <= 2  # ReportLab's own edits held one a page (17)
