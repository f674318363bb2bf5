"""A paragraph split across two pages prints exactly what was typed (issue 16, finding 3).

ReportLab's ``Paragraph.split`` rebuilt the rest of a CJK paragraph with a space after every line
(「…abcdefgh i jabcdef…」, 「1234567 8 9012」). Property: for random mixes of kana, kanji, ASCII words,
URLs, digits and spaces, and every break position in a range (the paragraph starts lower and lower on
page 1), the text pypdf extracts from the PDF, line breaks removed, equals the input.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from property_support import PROPERTY
from pypdf import PdfReader
from reportlab.platypus import Spacer

from sakae_council.reports.style import PageDecor, build_pdf, content_height, content_width, para, styles

KANA = st.text(alphabet="あいうえおかきくけこさしすせそアイウエオカキクケコー", min_size=1, max_size=12)
KANJI = st.text(alphabet="栄町安食布鎌酒直地域協議会委員会議事録資料確認", min_size=1, max_size=12)
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCXYZ", min_size=1, max_size=14)
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=30)
URL = st.builds(
    lambda host, path, q: f"https://{host}.example.jp/{path}?id={q}",
    st.text(alphabet="abcdefghij", min_size=3, max_size=12),
    st.text(alphabet="abcdefghij0123456789/", min_size=5, max_size=40),
    DIGITS,
)
PIECE = st.one_of(KANA, KANJI, WORD, DIGITS, URL, st.sampled_from([" ", "、", "。", "　"]))
TEXT = st.lists(PIECE, min_size=20, max_size=80).map("".join).filter(lambda t: t.strip() == t)

_FOOTER = re.compile(r"^\d+ / \d+$")
BODY = styles().body


def _printed(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    lines = [line for page in reader.pages for line in page.extract_text().split("\n")]
    return len(reader.pages), "".join(line for line in lines if not _FOOTER.match(line.strip()))


def _split_at(text: str, lines_on_first_page: int, path: Path) -> tuple[int, str]:
    room = content_height() - BODY.leading * lines_on_first_page - 2
    build_pdf(path, [Spacer(1, room), para(text, BODY)], title="split", decor=PageDecor())
    return _printed(path)


@PROPERTY
@given(text=TEXT)
@example(
    text="資料は https://www.town.sakae.chiba.jp/abcdefghijabcdefghij/page.html 番号 12345678901234567890 です。"
    * 8
)
def test_a_split_paragraph_prints_exactly_the_typed_text(tmp_path: Path, text: str) -> None:
    whole = para(text, BODY)
    whole.wrap(content_width(), 1e9)
    total = len(whole.blPara.lines)
    for first in range(2, min(total - 1, 8)):  # every break position that leaves ≥ 2 lines each side
        pages, printed = _split_at(text, first, tmp_path / "split.pdf")
        assert pages == 2, (first, total)
        assert printed == text.replace("\n", ""), (first, printed, text)
