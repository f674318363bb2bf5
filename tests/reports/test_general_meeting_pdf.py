"""総会議案書, 委嘱状 and 引継ぎ資料 of the demo town, read back from the PDFs (pypdf)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.money import format_yen
from sakae_council.domain.wareki import fiscal_year_range, to_wareki
from sakae_council.reports.commission import render_commissions
from sakae_council.reports.general_meeting import collect_pack, render_pack
from sakae_council.reports.handover import MARK, SECTIONS, collect_handover, render_handover
from sakae_council.services import (
    accounts,
    demo,
    districts,
    general_meeting,
    meetings,
    people,
    projects,
    seats,
)
from sakae_council.services.general_meeting import NO_BOOKS, PackPart

FY = 2026
TODAY = demo.DEMO_TODAY


@pytest.fixture(scope="module")
def ajiki(town: Database) -> int:
    return districts.district_id_by_name(town, "安食")


def pages(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(str(path)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def contents(toc_pages: list[str]) -> dict[str, int]:
    """{entry: page} from the printed table of contents (pypdf gives each row's dots and number before
    its title)."""
    text = "\n".join(toc_pages)
    text = text[text.index("目次") + 2 :]
    out: dict[str, int] = {}
    for number, title in re.findall(r"(?:\.\s*)+(\d+)\s*\n([^\n]+)", text):
        out[flat(title)] = int(number)
    return out


def test_contents_match_the_pages_and_every_page_has_header_and_number(
    town: Database, ajiki: int, tmp_path: Path
) -> None:
    pdf = render_pack(collect_pack(town, ajiki, FY, today=TODAY), tmp_path / "pack.pdf")
    text = pages(pdf)
    toc = contents(text[1:2])
    expected = [
        "次第",
        "第1号議案令和8年度事業報告",
        "第2号議案令和8年度収支決算報告・監査報告",
        "第3号議案役員改選",
        "第4号議案令和9年度事業計画（案）",
        "第5号議案令和9年度収支予算（案）",
        "（附属資料）安食小学校区地域まちづくり協議会会則",
        "書面表決書・委任状",
    ]
    assert list(toc) == expected
    for title, number in toc.items():
        assert flat(text[number - 1]).startswith(title), (title, number)
        assert f"総会議案書{title}" in flat(text[number - 1]), title  # the running header names the part
    assert sorted(toc.values()) == list(toc.values())
    total = len(text)
    for i, t in enumerate(text[1:], start=2):
        assert "総会議案書" in t and f"{i} / {total}" in t, i
    assert "総会議案書" in text[0] and "/ " not in text[0]  # the cover carries no furniture


def test_the_covers_blank_date_is_in_wareki(town: Database, ajiki: int, tmp_path: Path) -> None:
    """The date to fill in by hand on the cover is a 和暦 date, as on every paper (it printed 「年　月　日」)."""
    cover = pages(render_pack(collect_pack(town, ajiki, FY, today=TODAY), tmp_path / "pack.pdf"))[0]
    assert "日時令和年月日（）時から" in flat(cover), cover


def test_each_motions_figures_equal_the_services(town: Database, ajiki: int, tmp_path: Path) -> None:
    first, last = fiscal_year_range(FY)
    text = flat("".join(pages(render_pack(collect_pack(town, ajiki, FY, today=TODAY), tmp_path / "p.pdf"))))
    # 第1号議案: each project's activities of the year, summed as the project service records them
    reported = 0
    for p in projects.list_projects(town, projects.ProjectFilter(district_id=ajiki)):
        acts = [a for a in projects.get_project(town, p.id).activities if first <= a.held_on <= last]
        if acts:
            reported += 1
            n, hours = sum(a.participants for a in acts), sum(a.volunteer_hours for a in acts)
            assert f"{p.title}" in text
            assert flat(f"参加者 延べ{n}人・ボランティア {hours}時間（活動{len(acts)}回）") in text
    assert reported >= 1
    held = [m for m in meetings.list_meetings(town, district_id=ajiki, fiscal_year=FY) if m.held_on <= TODAY]
    assert f"会議の開催（{len(held)}回）" in text
    for m in held:
        assert flat(to_wareki(m.held_on)) in text
    # 第3号議案: every seat ending this year, with its post
    ending = seats.terms_ending(town, ajiki, FY)
    assert f"任期満了（{len(ending)}名）" in text
    for seat in ending:
        assert flat(f"{seat.officer_post.label}{seat.name}{seat.role_text}") in text
    # 第2号議案: the year's 収支決算書 figures, as the accounts services give them
    st = accounts.settlement_statement(town, accounts.find_book(town, ajiki, FY).id)
    assert (
        flat(
            f"収入合計 {format_yen(st.income_actual_total)} − 支出合計 {format_yen(st.expense_actual_total)}"
            f" ＝ 次年度繰越金 {format_yen(st.carryover)}"
        )
        in text
    )
    for row in st.expense_rows:
        assert flat(row.label) in text
    # 第5号議案: the demo keeps no book for the next 年度 yet: the 収支予算書 form to fill in, each 科目 with its
    # 前年度予算額 (this year's budget), not an internal note
    assert accounts.find_book(town, ajiki, FY + 1) is None
    assert NO_BOOKS not in text
    assert "令和9年度の収支予算（案）は次のとおりです。" in text
    budget = accounts.budget_statement(town, accounts.find_book(town, ajiki, FY).id)
    assert text.count(flat("科目本年度予算額前年度予算額増減")) == 2  # 収入の部, 支出の部
    for row in (*budget.income_rows, *budget.expense_rows):  # 本年度予算額 blank: the 科目, then 前年度
        assert flat(f"{row.label}{format_yen(row.budget)}") in text, row.label
    assert flat(f"合計{format_yen(budget.expense_budget_total)}") in text


def test_a_year_without_books_prints_the_accounts_as_separate_papers(
    town: Database, ajiki: int, tmp_path: Path
) -> None:
    """A council keeping its books on paper (no book in the program for the year, nor the year before the
    budget's): 第2号・第5号議案 say where the member finds the figures, as a council prints it."""
    assert accounts.find_book(town, ajiki, FY + 1) is None
    text = flat(
        "".join(pages(render_pack(collect_pack(town, ajiki, FY + 1, today=TODAY), tmp_path / "p.pdf")))
    )
    assert NO_BOOKS not in text
    assert flat("令和9年度の収支決算は、別紙「収支決算書」のとおりです。") in text
    assert flat("監事による監査の結果は、別紙「監査報告書」のとおりです。") in text
    assert flat("令和10年度の収支予算（案）は、別紙「収支予算書（案）」のとおりです。") in text


def test_an_edit_prints_is_kept_with_the_pack_and_not_in_the_records(
    town: Database, ajiki: int, tmp_path: Path
) -> None:
    before = projects.list_projects(town, projects.ProjectFilter(district_id=ajiki))
    version = general_meeting.save_part_text(
        town, ajiki, FY, PackPart.PLAN, "■ 1　見守り活動の拡充\n毎月第2土曜日に実施します。", None
    )
    try:
        pack = collect_pack(town, ajiki, FY, today=TODAY)
        assert pack.part(PackPart.PLAN).edited
        text = flat("".join(pages(render_pack(pack, tmp_path / "edited.pdf"))))
        assert "見守り活動の拡充毎月第2土曜日に実施します。" in text
        assert projects.list_projects(town, projects.ProjectFilter(district_id=ajiki)) == before
        other_year = collect_pack(town, ajiki, FY - 1, today=TODAY)
        assert not other_year.part(PackPart.PLAN).edited
        general_meeting.save_part_text(town, ajiki, FY, PackPart.PLAN, "二度目の文案", version)
    finally:
        general_meeting.reset_part_text(town, ajiki, FY, PackPart.PLAN)
    assert not collect_pack(town, ajiki, FY, today=TODAY).part(PackPart.PLAN).edited


def test_one_form_sheet_per_member_with_the_name_printed(town: Database, ajiki: int, tmp_path: Path) -> None:
    text = pages(render_pack(collect_pack(town, ajiki, FY, today=TODAY), tmp_path / "forms.pdf"))
    sheets = [t for t in text if "書面表決書" in t and "委任状" in t and "キリトリ線" in t]
    members = people.current_members(town, ajiki, TODAY)
    members = [p for p in members if any(m.role is not MemberRole.STAFF for m in p.memberships)]
    assert len(sheets) == len(members)
    assert sorted(next(p.name for p in members if p.name in s) for s in sheets) == sorted(
        p.name for p in members
    )


def test_commission_letters_name_the_roster_and_its_posts(town: Database, ajiki: int, tmp_path: Path) -> None:
    day = date(2026, 4, 1)  # the demo town's changeover
    batch = seats.commission_batch(town, ajiki, day)
    roster = people.list_members(town, people.RosterFilter(district_id=ajiki, today=day))
    starting = {
        (p.name, m.officer_post)
        for p in roster
        for m in p.memberships
        if m.district_id == ajiki and m.term_start == day
    }
    assert starting and {(x.name, x.post) for x in batch.letters} == starting
    text = pages(render_commissions(batch, tmp_path / "c.pdf", thanks=True))
    assert len(text) == len(batch.letters) + len(batch.thanks)
    for page, letter in zip(text, list(batch.letters) + list(batch.thanks), strict=True):
        body = flat(page)
        assert flat(f"{letter.name}様") in body
        post = "委員" if letter.post is OfficerPost.MEMBER else letter.post.label
        if letter.retiring:
            assert "感謝状" in body
        else:
            assert "委嘱状" in body and f"の{post}に委嘱します" in body
            assert flat(f"任期{to_wareki(day)}から{to_wareki(date(2028, 3, 31))}まで") in body
        assert flat(f"会長{batch.chair_name}") in body and "印" in body
    ended = [p.name for p in roster for m in p.memberships if m.ended_on == day - timedelta(days=1)]
    assert sorted(x.name for x in batch.thanks) == sorted(
        n for n in ended if n not in {x.name for x in batch.letters}
    )


def test_handover_pack_holds_every_section_marked_on_every_page(
    town: Database, ajiki: int, tmp_path: Path
) -> None:
    doc = collect_handover(town, ajiki, today=TODAY)
    text = pages(render_handover(doc, tmp_path / "h.pdf"))
    toc = contents(text[:1])
    for title in SECTIONS:
        assert flat(title) in toc, title
        assert flat(text[toc[flat(title)] - 1]).find(flat(title)) >= 0, title
    total = len(text)
    for i, t in enumerate(text, start=1):
        assert MARK in t and to_wareki(TODAY) in t and f"{i} / {total}" in t, i
    whole = flat("".join(text))
    for o in doc.officers:
        assert flat(f"{o.post.label}{o.name}") in whole
        if o.phone:
            assert o.phone in whole
    assert len(doc.minutes) == 3
    for m in doc.minutes:
        assert flat(m.title) in whole
    assert NO_BOOKS not in whole
    book = accounts.find_book(town, ajiki, FY)
    for b in accounts.balances(town, book.id, as_of=TODAY):
        assert format_yen(b.closing) in whole
    assert doc.chapters and all(flat(c.label) in whole for c in doc.chapters)
