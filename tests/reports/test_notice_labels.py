"""開催通知 and 宛名ラベル, read back from the PDF: one letter per addressed member, the unaddressed listed,
every label's words inside their cell, the start position honoured."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from notice_town import notice_town
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from sakae_council.db.engine import Database
from sakae_council.domain.errors import ValidationError
from sakae_council.reports.address_labels import SHEETS, make_labels, render_labels
from sakae_council.reports.fonts import register_fonts
from sakae_council.reports.meeting_notice import collect_notice, render_notice
from sakae_council.services import meeting_replies
from sakae_council.services.meeting_replies import Addressee

ISSUED = date(2026, 11, 28)


def pages_text(path: Path) -> list[str]:
    return ["".join(p.extract_text().split("\n")) for p in PdfReader(str(path)).pages]


def test_one_letter_per_addressed_member_and_the_unaddressed_listed(db: Database, tmp_path: Path) -> None:
    t = notice_town(db)
    doc = collect_notice(db, t.meeting, issued_on=ISSUED)
    out = render_notice(doc, tmp_path / "n.pdf")
    pages = pages_text(out)
    addressed = ["髙橋 一郎", "𠮷田 花子", "相川 次郎", "上野 三郎", "木村 四郎", "加藤 京子"]
    assert len(pages) == len(addressed) + 1, "one page per letter, and the list of the unaddressed"
    for page, name in zip(pages, addressed, strict=False):
        assert page.count(f"{name}　様") == 1, "the 宛名"
        assert f"氏名　{name}" in page, "the name pre-printed on the 出欠票"
        assert "第1回 安食小学校区まちづくり協議会の開催について（通知）" in page
        assert "令和8年11月28日" in page and "令和8年12月12日（土）　19時〜20時30分" in page
        assert "安食ふれあいセンター 会議室" in page
        assert (
            "（1）ふれあい送迎ボランティアの実施報告" in page
            and "（2）令和9年度 事業計画（案）について" in page
        )
        assert "資料1 送迎ボランティア実施報告" in page
        assert "安食小学校区まちづくり協議会" in page and "会長　髙橋 一郎" in page
        assert "出　欠　票" in page and "きりとり線" in page
        assert "出席　・　欠席　・　委任（代理人:" in page
        assert "回答期限: 令和8年12月5日（土）までに事務局へ" in page, "a week before the meeting"
    assert "〒270-1513" in pages[1] and "千葉県印旛郡栄町酒直123" in pages[1]
    assert "住所が登録されていないため通知を印刷していない方" in pages[-1] and "小川 幸子" in pages[-1]
    assert "小川 幸子　様" not in "".join(pages), "no letter without an address"
    fonts = {
        f["/BaseFont"].split("+")[-1]
        for p in PdfReader(str(out)).pages
        for f in p["/Resources"]["/Font"].values()
    }
    assert fonts <= {"BIZUDGothic-Regular", "BIZUDGothic-Bold", "BIZUDMincho-Regular", "IPAmjMincho"}, (
        "all embedded"
    )
    assert {"BIZUDGothic-Regular", "BIZUDMincho-Regular"} <= fonts
    assert "IPAmjMincho" in fonts or register_fonts().fallback is None, "𠮷 through the fallback font"


def test_without_addresses_everyone_gets_a_letter_with_the_name_alone(db: Database, tmp_path: Path) -> None:
    t = notice_town(db)
    doc = collect_notice(db, t.meeting, issued_on=ISSUED, addresses=False, reply_by=date(2026, 12, 10))
    pages = pages_text(render_notice(doc, tmp_path / "n.pdf"))
    assert len(pages) == 7 and "小川 幸子　様" in pages[4]
    assert not any("〒" in p or "酒直123" in p for p in pages), "no address printed"
    assert "令和8年12月10日（木）まで" in pages[0]


def test_only_the_unreplied_and_a_long_agenda_still_fits_one_page(db: Database, tmp_path: Path) -> None:
    t = notice_town(db)
    meeting_replies.record_replies(
        db,
        t.meeting,
        [
            meeting_replies.ReplyInput(pid, meeting_replies.Reply.PRESENT)
            for pid in list(t.people.values())[:4]
        ],
    )
    doc = collect_notice(db, t.meeting, issued_on=ISSUED, people="unreplied")
    assert [i.name for i in doc.letters] == ["木村 四郎", "加藤 京子"] and [
        i.name for i in doc.unaddressed
    ] == ["小川 幸子"]
    from dataclasses import replace

    long = replace(doc, agenda=tuple(f"議題その{i} " + "地域の見守り活動について" * 3 for i in range(25)))
    pages = pages_text(render_notice(long, tmp_path / "long.pdf"))
    assert len(pages) == 3, "each letter on its one page"
    assert "出　欠　票" in pages[0] and "議題その0" in pages[0] and "議題その24" not in pages[0]
    shown = sum(f"議題その{i} " in pages[0] for i in range(25))
    assert 3 <= shown < 25 and f"ほか{25 - shown}件（当日の次第をご覧ください）" in pages[0], (
        "the rest counted, not shrunk"
    )


def test_a_reply_date_or_an_issue_date_after_the_meeting_is_refused(db: Database) -> None:
    t = notice_town(db)
    with pytest.raises(ValidationError, match="回答期限が開催日より後"):
        collect_notice(db, t.meeting, issued_on=ISSUED, reply_by=date(2026, 12, 20))
    with pytest.raises(ValidationError, match=r"発行日（令和8年12月13日）が開催日（令和8年12月12日）より後"):
        collect_notice(db, t.meeting, issued_on=date(2026, 12, 13))
    late = collect_notice(db, t.meeting, issued_on=date(2026, 12, 10))
    assert late.reply_by == date(2026, 12, 10), "a late notice asks for the reply on its own day"


# --- labels ----------------------------------------------------------------------------------------


def words(path: Path) -> list[list[tuple[str, float, float, float, float]]]:
    """Per page: every text run as (text, x, y, x_end, size), positions in points from the page's origin."""
    out = []
    register_fonts()
    for page in PdfReader(str(path)).pages:
        runs: list[tuple[str, float, float, float, float]] = []

        def visit(
            text: str, cm: list[float], tm: list[float], font: object, size: float, runs: list = runs
        ) -> None:
            if not text.strip():
                return
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * cm[0]
            x = tm[4] * cm[0] + cm[4]
            y = tm[5] * cm[3] + cm[5]
            # The runs are set in BIZ UD Gothic (or IPAmj for 𠮷): its widths bound the run's end.
            width = sum(stringWidth(ch, "BIZUDGothic", size * scale) or size * scale for ch in text)
            runs.append((text, x, y, x + width, size * scale))

        page.extract_text(visitor_text=visit)
        out.append(runs)
    return out


def cells(sheet: int, first: int = 0) -> list[tuple[float, float, float, float]]:
    spec = SHEETS[sheet]
    return [spec.cell(i) for i in range(first, spec.labels)]


@pytest.mark.parametrize("sheet", [12, 24])
def test_every_labels_words_stay_inside_their_cell_and_names_are_whole(sheet: int, tmp_path: Path) -> None:
    people = [
        Addressee("𠮷田 花子", "ヨシダ ハナコ", "270-1513", "千葉県印旛郡栄町酒直123"),
        Addressee(
            "長谷川 左衛門三郎",
            "ハセガワ",
            "270-1516",
            "千葉県印旛郡栄町安食台3丁目12番地の4 さかえハイツ1棟1203号室 北側入口",
        ),
        Addressee("林 一", "ハヤシ", "270-1506", "千葉県印旛郡栄町龍角寺45"),
        # Too long for the cell at full size: set smaller, never cut or run over.
        Addressee(
            "勘解由小路 左衛門三郎兵衛",
            "カデノコウジ",
            "270-1513",
            "千葉県印旛郡栄町酒直台二丁目1234番地の5 さかえニュータウン第三住宅 東棟12階1203号室 管理事務所気付 北側通用口",
        ),  # fmt: skip
    ] * 7
    doc = make_labels(people, sheet=sheet)
    runs = words(render_labels(doc, tmp_path / "l.pdf"))
    assert len(runs) == -(-len(people) // sheet)
    boxes = cells(sheet)
    placed: dict[int, list[str]] = {}
    for page in runs:
        for text, x, y, x_end, size in page:
            inside = [
                i for i, (cx, cy, cw, ch) in enumerate(boxes)
                if cx <= x and x_end <= cx + cw + 0.5 and cy <= y and y + size * 0.8 <= cy + ch
            ]  # fmt: skip
            assert inside, f"「{text}」 at ({x / mm:.1f}, {y / mm:.1f}) mm lies outside every label"
            placed.setdefault(inside[0], []).append(text)
    fonts = {
        f["/BaseFont"].split("+")[-1]
        for f in PdfReader(str(tmp_path / "l.pdf")).pages[0]["/Resources"]["/Font"].values()
    }
    assert fonts <= {"BIZUDGothic-Regular", "IPAmjMincho"}, "embedded fonts only"
    first_page = {i: "".join(t) for i, t in placed.items()}
    assert "長谷川 左衛門三郎　様" in first_page[1], "the name on one line, never broken"
    assert "勘解由小路 左衛門三郎兵衛　様" in first_page[3]
    assert "〒270-1513" in first_page[0] and "𠮷田 花子　様" in first_page[0]


def test_the_start_position_leaves_the_used_labels_empty(tmp_path: Path) -> None:
    people = [
        Addressee(f"委員{i:02d} 太郎", "イイン", f"270-15{i:02d}", f"千葉県印旛郡栄町安食{i}")
        for i in range(10)
    ]
    doc = make_labels(people, sheet=12, start=5)
    runs = words(render_labels(doc, tmp_path / "l.pdf"))
    assert len(runs) == 2, "4 used + 10 labels need two sheets of 12"
    boxes = cells(12)

    def cell_of(x: float, y: float) -> int:
        return next(
            i for i, (cx, cy, cw, ch) in enumerate(boxes) if cx <= x <= cx + cw and cy <= y <= cy + ch
        )

    first = {cell_of(x, y) for _t, x, y, _e, _s in runs[0]}
    assert first == set(range(4, 12)), "labels 1–4 of the half-used sheet stay empty"
    assert {cell_of(x, y) for _t, x, y, _e, _s in runs[1]} == {0, 1}
    texts = "".join(t for page in runs for t, *_ in page)
    assert texts.index("委員00") < texts.index("委員09")


def test_margins_move_the_whole_sheet_and_bad_choices_are_refused(tmp_path: Path) -> None:
    people = [Addressee("林 一", "ハヤシ", "270-1506", "千葉県印旛郡栄町龍角寺45")]
    plain = words(render_labels(make_labels(people, sheet=24), tmp_path / "a.pdf"))[0]
    moved = words(render_labels(make_labels(people, sheet=24, top=14.4, left=7.5), tmp_path / "b.pdf"))[0]
    dx, dy = moved[0][1] - plain[0][1], moved[0][2] - plain[0][2]
    assert dx == pytest.approx(1.5 * mm, abs=0.01) and dy == pytest.approx(-1.5 * mm, abs=0.01)
    with pytest.raises(ValidationError, match="1から24まで"):
        make_labels(people, sheet=24, start=25)
    with pytest.raises(ValidationError, match="12面か24面"):
        make_labels(people, sheet=10)
    with pytest.raises(ValidationError, match="住所が登録されている方がいない"):
        render_labels(make_labels([Addressee("林 一", "ハヤシ", "", "")]), tmp_path / "c.pdf")
    assert not (tmp_path / "c.pdf").exists()
