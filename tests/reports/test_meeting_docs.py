"""次第, 出席簿 and 議事録 PDFs: exact text, embedded fonts, n / N, sections, draft mark, revisions, 禁則."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from meeting_town import council, full_meeting
from pypdf import PdfReader

from sakae_council.db.engine import Database
from sakae_council.reports.base import NO_LINE_END, NO_LINE_START, content_width, para, styles
from sakae_council.reports.meeting_docs import (
    build_agenda,
    build_minutes,
    build_signin,
    collect_minutes,
    printed_fields,
    unprintable_fields,
)
from sakae_council.services import meetings, minutes, minutes_approval
from sakae_council.services.meetings import MeetingDetailDTO
from sakae_council.services.minutes import minutes_input_from


def pdf_text(path: Path) -> tuple[list[str], PdfReader]:
    reader = PdfReader(str(path))
    return [page.extract_text() for page in reader.pages], reader


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    found: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            fd = font.get("/FontDescriptor")
            fd = fd.get_object() if fd is not None else None
            found[str(font["/BaseFont"])] = fd is not None and any(
                k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return found


def assert_numbered(pages: list[str]) -> None:
    total = len(pages)
    for n, text in enumerate(pages, start=1):
        assert f"{n} / {total}" in text, (n, total)


def flat(pages: list[str]) -> str:
    """All pages as one string without line breaks (a long field wraps over lines)."""
    return "".join("".join(p.split("\n")) for p in pages)


@pytest.fixture()
def meeting(db: Database) -> MeetingDetailDTO:
    c = council(db)
    return full_meeting(db, c)


def test_acceptance_minutes_of_eight_items_and_25_attendees(
    db: Database, meeting: MeetingDetailDTO, tmp_path: Path
) -> None:
    d, revisions = collect_minutes(db, meeting.id)
    assert len(d.agenda_items) == 8 and len(d.attendance) >= 25
    pages, reader = pdf_text(build_minutes(d, tmp_path / "minutes.pdf", revisions=revisions))
    text = flat(pages)
    for section in (
        "日時",
        "場所",
        "出席者（敬称略）",
        "欠席者",
        "会議の成立",
        "配布資料",
        "議事",
        "説明者",
        "経過",
        "結果",
        "決定事項",
        "今後の予定",
        "記録者",
        "議長",
        "議事録署名人",
    ):
        assert section in text, section
    for label, value in printed_fields(d):
        # every field entered comes out exactly (a paragraph's blank lines become separate paragraphs)
        for piece in value.split("\n\n"):
            assert piece in text, (label, piece)
    assert "𠮷田 花子" in text and "髙橋 一郎" in text and "<山本> & 榮" in text
    assert "<b>太字</b> & <font name='x'>" in text
    assert "委員25名中24名が出席（代理出席1名を含む）し、過半数に達したため、会議は成立した。" in text
    assert "賛成多数（賛成15・反対4）" in text and "継続審議" in text and "全会一致" in text
    assert "〔代理出席: 代理 𠮷川〕" in text
    assert "傍聴者　3名" in text
    # the signature block is on the last page, with the three seal boxes
    last = pages[-1]
    assert last.count("印") >= 3 and last.count("議事録署名人") == 3 and "議長" in last
    assert "𠮷田 花子" in last and "<山本> & 榮" in last
    assert_numbered(pages)
    assert 2 <= len(pages) <= 5
    fonts = embedded_fonts(reader)
    assert all(fonts.values()), fonts
    assert any("BIZUDMincho" in f for f in fonts) and any("BIZUDGothic" in f for f in fonts)
    assert any("IPAmj" in f for f in fonts)  # 𠮷 through the fallback font
    assert "下書き（未確定）" in text  # a draft says so


def test_draft_mark_and_approved_minutes_without_it(
    db: Database, meeting: MeetingDetailDTO, tmp_path: Path
) -> None:
    draft_pages, _ = pdf_text(build_minutes(meeting, tmp_path / "draft.pdf"))
    assert all("下書き" in p for p in draft_pages)  # the watermark and footer on every page
    approved = minutes_approval.approve_minutes(db, meeting.id, date(2026, 12, 5), meeting.version)
    d, revisions = collect_minutes(db, approved.id)
    pages, _ = pdf_text(build_minutes(d, tmp_path / "approved.pdf", revisions=revisions))
    assert not any("下書き" in p for p in pages)
    assert "確定 令和8年12月5日" in flat(pages)


def test_revised_minutes_print_their_revision_and_the_original_stays(
    db: Database, meeting: MeetingDetailDTO, tmp_path: Path
) -> None:
    d = minutes_approval.approve_minutes(db, meeting.id, date(2026, 12, 5), meeting.version)
    changed = replace(minutes_input_from(d), decisions=(*d.decisions, "追加の決定: 会場を変更する。"))
    minutes_approval.revise_minutes(db, d.id, changed, "決定事項の記載漏れ", d.version)
    latest, revisions = collect_minutes(db, d.id)
    assert latest.revision == 2
    text = flat(pdf_text(build_minutes(latest, tmp_path / "r2.pdf", revisions=revisions))[0])
    assert "第2版" in text and "決定事項の記載漏れ" in text and "追加の決定: 会場を変更する。" in text
    # 改訂の記録: 第1版 is dated by its 確定日 (typed as 令和8年12月5日), not by the day it was entered
    assert "第1版　令和8年12月5日　確定" in text
    assert "旧版" not in text
    first, revisions1 = collect_minutes(db, d.id, revision=1)
    pages1 = pdf_text(build_minutes(first, tmp_path / "r1.pdf", revisions=revisions1))[0]
    text1 = flat(pages1)
    assert "追加の決定" not in text1 and "改訂の記録" not in text1
    # the replaced version says so on every page: it cannot pass for the minutes in force
    assert all("旧版（第1版・最新は第2版）" in "".join(p.split("\n")) for p in pages1)
    assert "【旧版】" in text1


def test_agenda_lists_items_by_kind_with_presenters_and_carried_actions(
    db: Database, meeting: MeetingDetailDTO, tmp_path: Path
) -> None:
    nxt = meetings.create_meeting(db, meetings.MeetingInput(meeting.body_id, date(2027, 1, 16)))
    nxt = minutes.save_minutes(
        db,
        nxt.id,
        replace(minutes_input_from(nxt), agenda_items=minutes_input_from(meeting).agenda_items[:3]),
        nxt.version,
    )
    assert [a.content for a in nxt.carried_action_items] == ["送迎車両の保険の確認"]
    pages, reader = pdf_text(build_agenda(nxt, tmp_path / "agenda.pdf"))
    text = flat(pages)
    assert "次　　第" in text
    for item in nxt.agenda_items:
        assert item.title in text and item.presenter in text
    assert text.index("報告事項") < text.index("協議事項") < text.index("閉会")
    assert "前回までの宿題事項" in text and "送迎車両の保険の確認" in text
    assert "令和9年1月16日（土）" in text
    assert_numbered(pages)
    assert all(embedded_fonts(reader).values())


def test_signin_sheet_has_every_attendee_and_a_signature_column(
    db: Database, meeting: MeetingDetailDTO, tmp_path: Path
) -> None:
    pages, reader = pdf_text(build_signin(meeting, tmp_path / "signin.pdf"))
    text = flat(pages)
    assert "出　席　簿" in text and "署名" in text
    for a in meeting.attendance:
        assert a.name in text, a.name
    assert "代理: 代理 𠮷川" in text and "欠席の連絡あり" in text
    assert text.index("委員（") < text.index("町職員（") < text.index("来賓・説明者（")
    assert len(pages) >= 2  # 28 tall signature rows do not fit one page
    assert meeting.members[0].name in pages[0]  # the list starts under the title, not on a new page
    for page in pages[1:]:
        assert "署名" in page  # the header row repeats
    assert_numbered(pages)
    assert all(embedded_fonts(reader).values())


def test_page_count_grows_with_content_and_ten_pages_build(db: Database, tmp_path: Path) -> None:
    c = council(db, members=10)
    short = full_meeting(db, c, agenda=2)
    long = full_meeting(db, c, agenda=8, paragraphs=18)
    short_pages, _ = pdf_text(build_minutes(short, tmp_path / "short.pdf"))
    long_pages, _ = pdf_text(build_minutes(long, tmp_path / "long.pdf"))
    assert len(short_pages) < len(long_pages)
    assert len(long_pages) >= 10
    assert_numbered(long_pages)
    text = flat(long_pages)
    last_block = long.agenda_items[-1].discussion.split("\n\n")[-1]
    assert "第18段" in last_block and last_block in text
    assert text.count("<script>&amp; は文字どおり印刷される。") == 8 * 18


def test_no_line_starts_with_closing_punctuation() -> None:
    st = styles()
    width = content_width() - st.body.leftIndent
    sample = "地域の見守り活動について説明があった。」「次回は、場所を変えて行う（予定）。」と会長が述べた、"
    for shift in range(40):
        p = para("あ" * shift + sample * 3, st.body)
        p.wrap(width, 1000)
        lines = ["".join(f.text for f in line.words) for line in p.blPara.lines]
        assert "".join(lines) == "あ" * shift + sample * 3  # nothing lost or doubled
        for line in lines[1:]:
            assert line[:1] not in NO_LINE_START, (shift, lines)
        for line in lines[:-1]:
            assert line[-1:] not in NO_LINE_END, (shift, lines)


def test_unprintable_characters_are_reported_by_field(meeting: MeetingDetailDTO) -> None:
    assert unprintable_fields(meeting) == []  # 𠮷 and 髙 print (fallback font)
    odd = replace(meeting, place="公民館\U0010fffd", next_meeting="未定")
    assert unprintable_fields(odd) == [("場所", ["\U0010fffd"])]
