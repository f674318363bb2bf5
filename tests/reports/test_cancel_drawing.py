"""中止 while a paper is drawn: build_pdf stops at the next flowable and leaves no file, not even a partial one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from sakae_council.cancel import Cancelled, CancelToken, scope
from sakae_council.reports.style import build_pdf, para, styles


def _story(n: int) -> list[Flowable]:
    st = styles()
    return [para(f"{i}番目の段落です。" * 8, st.body) for i in range(n)]


def test_cancel_half_way_leaves_no_file_and_reports_progress_until_then(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    token = CancelToken()

    def report(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= total // 2:
            token.cancel()  # the person presses 中止 while the bar is half full

    token.report_to(report)
    out = tmp_path / "名簿.pdf"
    with pytest.raises(Cancelled):
        build_pdf(out, _story(300), title="名簿", cancel=token)
    assert list(tmp_path.iterdir()) == []
    assert seen[0] == (1, 300) and seen[-1][0] >= 150 and seen[-1][0] < 300


def test_the_running_operations_token_is_used_when_none_is_passed(tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    with scope(token), pytest.raises(Cancelled):
        build_pdf(tmp_path / "x.pdf", _story(5), title="x")
    assert list(tmp_path.iterdir()) == []


def test_not_cancelled_the_paper_is_whole(tmp_path: Path) -> None:
    out = build_pdf(tmp_path / "x.pdf", _story(40), title="x", cancel=CancelToken())
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "39番目の段落です。" in text
