"""The house rules of every paper, read from the PDFs the gallery prints (scripts/papers.py): the demo town
and a hostile town (long texts, markup, 𠮷/髙/﨑, a 5,000-character item, a meeting without quorum, a URL
and long numbers across page breaks, an emoji, a replaced revision, an older manual edition).

Rules checked on every page of every paper:

* every font is embedded; no line starts with closing punctuation;
* the running header (the paper's title) and 「n / N」 on every page (the manual's cover excepted: it
  counts in N but carries nothing);
* text inside the body frame is ≥ 10.5 pt. Documented exceptions: the page furniture drawn in the
  margins (header and footer, 9 pt, outside the frame), a フリガナ line (katakana only, ≥ 8 pt), and the
  連絡会まとめ, whose charts label their axes in small type (that paper's content is another issue's).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pypdf import PdfReader

from sakae_council.db.engine import open_database
from sakae_council.reports import meeting_docs
from sakae_council.reports.fonts import markup
from sakae_council.reports.roster import collect_roster
from sakae_council.reports.style import BODY_SIZE, FURIGANA_SIZE, MARGIN_BOTTOM, MARGIN_TOP, PAGE_SIZE
from sakae_council.services import meetings
from sakae_council.services.meeting_list import list_meetings

ROOT = Path(__file__).resolve().parents[2]
CLOSING = set("、。，．）」』】〕］｝〉》")
HEADER_WORD = {
    "roster": "名簿",
    "agenda": "次第",
    "signin": "出席簿",
    "minutes": "議事録",
    "manual": "協働マニュアル",
    "summary": "まとめ",
    "loan-slip": "資機材貸出票",
    "budget": "収支予算書",
    "settlement": "収支決算書",
    "cashbook": "出納帳",
    "audit": "監査報告書",
    "grant-settlement": "収支精算書",
    "general-meeting": "総会議案書",
    "commission": "委嘱状",
    "handover": "引継ぎ資料",
}
#: Papers whose first page is a cover (counted in N, carrying nothing).
COVERED = ("manual", "general-meeting")
_KATAKANA_LINE = re.compile(r"^[\u30a0-\u30ff\s]+$")


def _gallery() -> ModuleType:
    spec = importlib.util.spec_from_file_location("papers_gallery", ROOT / "scripts" / "papers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Both towns' papers, printed once for the module: {"demo"/"hostile": [(kind, pdf)], "dbs": paths}."""
    papers = _gallery()
    base = tmp_path_factory.mktemp("gallery")
    out: dict[str, Any] = {"dbs": {}}
    for name, make in (("demo", papers.demo_town), ("hostile", papers.hostile_town)):
        (base / name).mkdir()
        db = make(base / name / "town.sqlite")
        try:
            out[name] = list(papers.print_town(db, base / name, every_meeting=name == "hostile"))
        finally:
            db.close()
        out["dbs"][name] = base / name / "town.sqlite"
    yield out


def _papers(gallery: dict[str, Any]) -> list[tuple[str, Path]]:
    return [*gallery["demo"], *gallery["hostile"]]


def _sizes(page: Any) -> list[tuple[float, float, str]]:
    """(size in pt, baseline y, text) of every piece of text a page's content stream shows."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip():
            return
        scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
        y = tm[5] * cm[3] + cm[5] if cm[3] else tm[5] + cm[5]
        found.append((size * scale, y, text))

    page.extract_text(visitor_text=visit)
    return found


def _header(page: Any) -> str:
    """The text drawn in the top margin (the running header)."""
    top = PAGE_SIZE[1] - MARGIN_TOP
    return "".join(text for _size, y, text in _sizes(page) if y > top)


def test_gallery_prints_every_kind_of_paper(gallery: dict[str, Any]) -> None:
    for town in ("demo", "hostile"):
        kinds = {kind for kind, _ in gallery[town]}
        assert kinds == set(HEADER_WORD), (town, kinds)


def test_every_paper_embeds_its_fonts_and_keeps_kinsoku_header_and_n_of_n(gallery: dict[str, Any]) -> None:
    for kind, pdf in _papers(gallery):
        reader = PdfReader(str(pdf))
        total = len(reader.pages)
        for n, page in enumerate(reader.pages, start=1):
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                descendants = font.get("/DescendantFonts")
                target = descendants[0].get_object() if descendants else font
                fd = target.get("/FontDescriptor")
                fd = fd.get_object() if fd is not None else None
                assert fd is not None and any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                    pdf.name,
                    font.get("/BaseFont"),
                )
            text = page.extract_text()
            lines = [line.strip() for line in text.split("\n")]
            bad = [line for line in lines if line and line[0] in CLOSING]
            assert not bad, (pdf.name, n, bad[:3])
            if kind in COVERED and n == 1:
                continue  # the cover
            assert f"{n} / {total}" in text, (pdf.name, n)
            assert HEADER_WORD[kind] in _header(page), (pdf.name, n, _header(page))


def test_body_text_is_at_least_10_5_pt(gallery: dict[str, Any]) -> None:
    _width, height = PAGE_SIZE
    for kind, pdf in _papers(gallery):
        if kind == "summary":
            continue  # its charts' axis labels: see the module docstring
        for n, page in enumerate(PdfReader(str(pdf)).pages, start=1):
            for size, y, text in _sizes(page):
                if not (MARGIN_BOTTOM - 1 < y < height - MARGIN_TOP + 1):
                    continue  # header and footer in the margins
                if _KATAKANA_LINE.match(text.strip()):
                    assert size >= 8 and size >= FURIGANA_SIZE - 0.01, (pdf.name, n, size, text)
                    continue
                assert size >= BODY_SIZE - 0.01, (pdf.name, n, size, text)


def test_member_names_stay_whole_on_one_line_of_the_roster_and_the_signin_sheet(
    gallery: dict[str, Any],
) -> None:
    db = open_database(gallery["dbs"]["demo"], create=False, user="test")
    try:
        doc = collect_roster(db, today=_gallery().TODAY)
        names = {line.name for s in doc.sections for line in s.lines}
        first_signin = next(k for k in gallery["demo"] if k[0] == "signin")[1]
        detail = next(
            meetings.get_meeting(db, m.id)
            for m in list_meetings(db)
            if first_signin.stem.endswith(f"{m.body_name}-{m.fiscal_year_label}-第{m.number}回")
        )
        signin_names = {a.name for a in detail.attendance if a.person_id is not None}
    finally:
        db.close()
    assert len(names) > 50
    roster_pdf = next(p for k, p in gallery["demo"] if k == "roster")
    roster_lines = {
        line for page in PdfReader(str(roster_pdf)).pages for line in page.extract_text().split("\n")
    }
    for name in names:
        assert any(name in line for line in roster_lines), name

    # The same for the hostile town's 出席簿 (long names next to 𠮷/髙/﨑) and every demo 出席簿.
    signin_pdf = next(p for k, p in gallery["demo"] if k == "signin")
    signin_lines = [
        line for page in PdfReader(str(signin_pdf)).pages for line in page.extract_text().split("\n")
    ]
    for name in signin_names:
        assert any(name in line for line in signin_lines), name

    # The hostile town: 24 「田村 美紀NN」 run on in the 議事録's lists of those present or absent (prose
    # wrapped over many lines), next to 𠮷/髙/﨑, and a proxy 「代理: 田村 美紀」 in the 出席簿's note column.
    hostile = [f"田村 美紀{i:02d}" for i in range(24)] + ["髙橋 一郎", "𠮷田 花子", "山﨑 美紀子"]
    for kind, pdf in gallery["hostile"]:
        if kind not in ("signin", "minutes"):
            continue
        lines = [line for page in PdfReader(str(pdf)).pages for line in page.extract_text().split("\n")]
        proxy = (
            ["代理: 田村 美紀"] if kind == "signin" and "第1回" in pdf.stem else []
        )  # the meeting with quorum
        for name in [*hostile, *proxy]:
            assert any(name in line for line in lines), (pdf.name, name)


def test_the_last_page_of_every_approved_minutes_holds_more_than_the_signatures(
    gallery: dict[str, Any],
) -> None:
    checked = 0
    for kind, pdf in _papers(gallery):
        if kind != "minutes":
            continue
        pages = PdfReader(str(pdf)).pages
        if "確定" not in pages[0].extract_text():
            continue
        last = pages[-1].extract_text()
        assert "議事録署名人" in last, pdf.name
        # the 署名 block is kept with what leads to it: the 決定事項 at least, and 記録者
        assert "決定事項" in last and "記録者" in last, (pdf.name, last[:200])
        checked += 1
    assert checked >= 3


def test_a_replaced_revision_and_an_older_edition_say_旧版(gallery: dict[str, Any]) -> None:
    old = [p for k, p in gallery["hostile"] if k == "minutes" and p.stem.endswith("第1版")]
    assert old
    for page in PdfReader(str(old[0])).pages:
        assert "旧版" in page.extract_text()
    first_edition = next(p for k, p in gallery["hostile"] if p.stem == "マニュアル-第1版")
    latest_edition = next(p for k, p in gallery["hostile"] if p.stem == "マニュアル-第2版")
    assert all("旧版" in p.extract_text() for p in PdfReader(str(first_edition)).pages)
    assert not any("旧版" in p.extract_text() for p in PdfReader(str(latest_edition)).pages)


def test_each_district_of_the_roster_names_itself_on_every_page(gallery: dict[str, Any]) -> None:
    roster_pdf = next(p for k, p in gallery["demo"] if k == "roster" and "配布" not in p.stem)
    db = open_database(gallery["dbs"]["demo"], create=False, user="test")
    try:
        districts = [s.district_name for s in collect_roster(db, today=_gallery().TODAY).sections]
    finally:
        db.close()
    seen = []
    for page in PdfReader(str(roster_pdf)).pages:
        header = _header(page)
        named = [d for d in districts if d in header]
        assert named, header
        seen.append(named[-1])
    assert set(seen) == set(districts)


def test_the_returned_loan_slip_prints_the_damage_and_labels_the_condition_honestly(
    gallery: dict[str, Any],
) -> None:
    texts = [
        "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
        for k, pdf in gallery["hostile"]
        if k == "loan-slip"
    ]
    returned = next(t for t in texts if "返却済" in t)
    assert "破損あり: 支柱1本が曲がっている" in returned
    assert "貸出時の状態" not in returned and "資機材の状態（令和8年11月28日現在）" in "".join(
        returned.split("\n")
    )
    # an emoji no font can draw prints as a blank (as the warning before printing says), not as a box
    assert "😀" not in returned and "雨天時は延期" in returned
    assert markup("延期😀") == "延期\u3000"


def test_minutes_footer_carries_the_meeting_identity_on_every_page(gallery: dict[str, Any]) -> None:
    db = open_database(gallery["dbs"]["hostile"], create=False, user="test")
    try:
        summaries = list_meetings(db)
        details = [meetings.get_meeting(db, m.id) for m in summaries]
    finally:
        db.close()
    numbered = {m.number: d for m, d in zip(summaries, details, strict=True)}
    for kind, pdf in gallery["hostile"]:
        if kind != "minutes":
            continue
        pages = PdfReader(str(pdf)).pages
        assert len(pages) > 1
        d = next(d for n, d in numbered.items() if f"第{n}回" in pdf.stem)
        for page in pages:
            assert _squeeze(meeting_docs.identity(d)) in _squeeze(page.extract_text()), pdf.name


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_a_normal_agenda_fills_its_page_in_one_family(gallery: dict[str, Any]) -> None:
    """The 次第 of the demo town: one page when it can be, at most 40 % of it left empty, ゴシック only."""
    height = PAGE_SIZE[1]
    checked = 0
    for kind, pdf in gallery["demo"]:
        if kind != "agenda":
            continue
        pages = PdfReader(str(pdf)).pages
        fonts = {str(f.get_object()["/BaseFont"]) for p in pages for f in p["/Resources"]["/Font"].values()}
        assert not any("Mincho" in f for f in fonts), (pdf.name, fonts)
        if len(pages) == 1:
            body = [y for _s, y, _t in _sizes(pages[0]) if MARGIN_BOTTOM < y < height - MARGIN_TOP]
            frame = height - MARGIN_TOP - MARGIN_BOTTOM
            assert (min(body) - MARGIN_BOTTOM) / frame < 0.4, pdf.name
            checked += 1
    assert checked


def test_an_address_wraps_between_its_parts_never_inside_the_banchi(gallery: dict[str, Any]) -> None:
    roster_pdf = next(p for k, p in gallery["hostile"] if k == "roster" and "配布" not in p.stem)
    lines = [line for page in PdfReader(str(roster_pdf)).pages for line in page.extract_text().split("\n")]
    # 「千葉県印旛郡栄町安食台3丁目12番地の4 コーポ栄201」 in a 52 mm column, and 「栄町布鎌1234番地の5678」
    for part in ("安食台3丁目12番地の4", "布鎌1234番地の5678", "〒270-1516"):
        assert any(part in line for line in lines), (part, [x for x in lines if "番地" in x][:4])
