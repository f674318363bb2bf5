"""A gallery of every paper: ``python scripts/papers.py OUT_DIR`` prints the demo town's papers and a hostile
town's, and renders each page to PNG (pdftoppm), so a person can look at every page before a release.

    OUT_DIR/demo/名簿.pdf, OUT_DIR/demo/名簿-p01.png, …
    OUT_DIR/hostile/議事録-….pdf, …

The hostile town holds what breaks papers: long texts, markup typed as text (``<b>&amp;``), 𠮷/髙/﨑 in
names, a 5,000-character item, a meeting without quorum, a URL and long numbers that cross a page
break, an emoji, a replaced (旧版) revision of minutes and an older edition of the manual, a loan
returned damaged. The PDF tests (tests/reports/test_paper_rules.py) read the same papers.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sakae_council.db.engine import Database, open_database  # noqa: E402
from sakae_council.domain.enums import AgendaKind, AgendaResult, AttendanceStatus, MemberRole, OfficerPost  # noqa: E402
from sakae_council.reports import (  # noqa: E402
    accounts_collect,
    commission,
    general_meeting,
    handover,
    loan_slip,
    manual_booklet,
    meeting_docs,
    roster,
)
from sakae_council.reports.liaison_summary import collect_summary, render_summary  # noqa: E402
from sakae_council.services import (  # noqa: E402
    accounts,
    demo,
    districts,
    equipment,
    equipment_loans,
    grants,
    manual,
    manual_history,
    meeting_bodies,
    meetings,
    minutes,
    minutes_approval,
    people,
    projects,
    seats,
    setup,
)
from sakae_council.services.accounts import BudgetLineInput, EntryInput  # noqa: E402
from sakae_council.services.liaison import Period  # noqa: E402
from sakae_council.services.meeting_list import list_meetings  # noqa: E402
from sakae_council.services.meetings import AttendeeCategory, MeetingInput  # noqa: E402
from sakae_council.services.minutes import (  # noqa: E402
    ActionItemInput,
    AgendaItemInput,
    AttendanceInput,
    minutes_input_from,
)

TODAY = demo.DEMO_TODAY
URL = (
    "https://www.town.sakae.chiba.jp/kyodo/abcdefghijabcdefghij/0123456789/index.html?id=12345678901234567890"
)
LONG_NUMBER = "12345678901234567890123456789012345678901234567890"
MARKUP = "<b>&amp;</b> <font name='x'>"


# --- towns ---------------------------------------------------------------------------------------------


def demo_town(path: Path) -> Database:
    """The demo town as ``init --demo`` makes it."""
    db = open_database(path, create=True, user="gallery")
    setup.ensure_seeded(db)
    demo.load_demo(db)
    return db


def _person(db: Database, district: int, name: str, kana: str, **kw: object) -> int:
    m = people.MembershipInput(
        district_id=district,
        role=kw.pop("role", MemberRole.SUISHIN),  # type: ignore[arg-type]
        officer_post=kw.pop("post", OfficerPost.MEMBER),  # type: ignore[arg-type]
        term_start=date(2025, 4, 1),
        term_end=date(2027, 3, 31),
    )
    return people.create_person(
        db,
        people.PersonInput(name=name, furigana=kana, memberships=(m,), **kw),  # type: ignore[arg-type]
    ).id


def _long_text(n: int) -> str:
    """About ``n`` characters of mixed Japanese, Latin words, a URL and long numbers."""
    unit = (
        f"地域の見守り活動について意見交換を行った。資料は {URL} に掲載している。"
        f"登録番号 {LONG_NUMBER} を確認すること。Smart Wellness City の考え方を参考にする。"
        f"「子ども食堂」（月1回）の参加者は延べ1,234人。{MARKUP} は文字どおり印刷される。"
    )
    return (unit * (n // len(unit) + 1))[:n]


def hostile_town(path: Path) -> Database:
    """A town whose data tries every way to break a paper (see the module docstring)."""
    db = open_database(path, create=True, user="gallery")
    setup.ensure_seeded(db)
    d = districts.create_district(
        db,
        districts.DistrictInput(
            name="安食小学校区",
            council_name="安食小学校区地域まちづくり協議会（長い名前の協議会）",
            display_order=1,
        ),
    ).id
    meeting_bodies.ensure_district_bodies(db)
    body = next(b.id for b in meeting_bodies.list_bodies(db) if b.district_id == d)
    address = "千葉県印旛郡栄町安食台3丁目12番地の4 コーポ栄201"
    ids = {
        "chair": _person(
            db,
            d,
            "髙橋 一郎",
            "タカハシ イチロウ",
            post=OfficerPost.CHAIR,
            phone="0476-95-0001",
            postal_code="270-1516",
            address=address,
        ),
        "vice": _person(db, d, "𠮷田 花子", "ヨシダ ハナコ", post=OfficerPost.VICE_CHAIR, address=address),
        "saki": _person(db, d, "山﨑 美紀子", "ヤマサキ ミキコ", address="栄町布鎌1234番地の5678"),
        "odd": _person(db, d, "<山本> &amp; 榮", "ヤマモト サカエ"),
        "hashi": _person(db, d, "橋本 茂", "ハシモト シゲル"),
        "staff": _person(db, d, "加藤 京子", "カトウ キョウコ", role=MemberRole.STAFF),
    }
    kana = "アイウエオカキクケコサシスセソタチツテトナニヌネノ"
    for i in range(24):
        ids[f"m{i}"] = _person(
            db, d, f"田村 美紀{i:02d}", f"タムラ {kana[i]}キ", email=f"tamura{i}@example.jp"
        )

    def meeting(held: date, *, quorum: bool, approve: bool, long_item: bool) -> int:
        m = meetings.create_meeting(
            db, MeetingInput(body, held, time(19), time(21, 30), place="安食ふれあいセンター <会議室A>")
        )
        rows = []
        for a in minutes_input_from(m).attendance:
            if (
                not quorum
                and a.category is AttendeeCategory.MEMBER
                and a.person_id not in (ids["chair"], ids["vice"], ids["odd"])
            ):
                a = replace(a, status=AttendanceStatus.ABSENT)
            elif a.person_id == ids["m0"]:
                a = replace(a, status=AttendanceStatus.PROXY, proxy_name="田村 美紀")
            else:  # entered from the sign-in sheet: every roster row starts 未確認
                a = replace(a, status=AttendanceStatus.PRESENT)
            rows.append(a)
        rows.append(
            AttendanceInput(
                name="社協 﨑山 次郎", category=AttendeeCategory.GUEST, affiliation="栄町社会福祉協議会"
            )
        )
        items = [
            AgendaItemInput(
                title=f"議題{i} 放課後ひろば「さかえっ子」{MARKUP if i == 1 else ''}",
                kind=(AgendaKind.REPORT, AgendaKind.DELIBERATION)[i % 2],
                presenter="山﨑 美紀子" if i % 2 else "髙橋 一郎",
                discussion=_long_text(5000 if long_item and i == 2 else 600),
                result=AgendaResult.APPROVED if i % 2 == 0 else AgendaResult.NONE,
            )
            for i in range(1, 6)
        ]
        data = replace(
            minutes_input_from(m),
            attendance=tuple(rows),
            chair_id=ids["chair"],
            recorder_id=ids["staff"],
            signatory1_id=ids["vice"],
            signatory2_id=ids["odd"],
            observers=2,
            handouts=("次第", f"資料1 実施計画(案) {MARKUP}", f"資料2 {URL}"),
            agenda_items=tuple(items),
            decisions=("放課後ひろばを計画どおり実施する。", f"登録番号 {LONG_NUMBER} で申請する。"),
            action_items=(ActionItemInput("送迎車両の保険の確認 😀", "橋本 茂", held + timedelta(days=20)),),
            next_meeting="令和9年1月中旬（日程は事務局から連絡）",
        )
        saved = minutes.save_minutes(db, m.id, data, m.version)
        if approve:
            ok = minutes_approval.approve_minutes(db, m.id, held + timedelta(days=7), saved.version)
            changed = replace(
                minutes_input_from(ok), decisions=(*ok.decisions, "追加の決定: 会場を変更する。")
            )
            minutes_approval.revise_minutes(db, m.id, changed, "決定事項の記載漏れ", ok.version)
        return m.id

    meeting(date(2026, 10, 3), quorum=True, approve=True, long_item=True)
    meeting(date(2026, 11, 7), quorum=False, approve=False, long_item=False)

    manual.create_section(
        db,
        None,
        "協働とは — とても長い章の題名が一行に収まらないときにどう折り返すかを見る",
        _long_text(3000),
    )
    manual_history.publish_edition(db, "", date(2026, 4, 1))
    manual.create_section(db, None, "第二の章", "## 節\n\n" + _long_text(800) + "\n\n- 項目 😀\n- " + MARKUP)
    manual_history.publish_edition(db, "", date(2026, 10, 1))

    item = equipment.create_equipment(
        db,
        equipment.EquipmentInput(
            "テント（3m×3m）", code="T-001", quantity=2, storage_place="役場 倉庫", condition="良好"
        ),
    )
    loan = equipment_loans.lend(
        db,
        equipment_loans.LoanInput(
            item.id,
            1,
            date(2026, 10, 1),
            date(2026, 10, 10),
            borrower_person_id=ids["hashi"],
            district_id=d,
            notes=f"雨天時は延期 😀 {MARKUP}",
        ),
        today=date(2026, 10, 1),
    )
    equipment_loans.return_loan(db, loan.id, date(2026, 10, 9), condition="破損あり: 支柱1本が曲がっている")
    equipment_loans.lend(
        db,
        equipment_loans.LoanInput(
            item.id, 1, date(2026, 11, 20), date(2026, 12, 1), borrower_person_id=ids["saki"], district_id=d
        ),
        today=date(2026, 11, 20),
    )
    _hostile_books(db, d)
    return db


def _hostile_books(db: Database, d: int) -> None:
    """令和8年度 books whose 摘要/相手先 hold markup, 𠮷/髙/﨑 and long texts, with a 訂正, an overspend and a
    grant spent past what was granted, over enough months to run the 出納帳 over several pages."""
    subjects = {s.name: s for s in accounts.ensure_starter_subjects(db, d)}
    book = accounts.open_book(db, d, 2026)
    budget = {
        "会費": 100_000,
        "町交付金": 300_000,
        "補助金": 80_000,
        "会議費": 20_000,
        "事業費": 300_000,
        "消耗品費": 10_000,
    }
    accounts.set_budget(
        db, book.id, date(2026, 4, 10), [BudgetLineInput(subjects[k].id, v) for k, v in budget.items()]
    )
    project = projects.create_project(
        db, projects.ProjectInput(title=f"放課後ひろば「さかえっ子」{MARKUP}", district_id=d)
    )
    grant = grants.create_grant(
        db,
        grants.GrantInput(
            project_id=project.id, fiscal_year=2026, scheme="公募制補助金 <特別枠>", amount_requested=80_000
        ),
    )
    grants.change_grant_status(db, grant.id, "reviewing", date(2026, 5, 1))
    grants.change_grant_status(db, grant.id, "awarded", date(2026, 5, 20), amount_granted=60_000)

    def add(day: date, subject: str, text: str, amount: int, **kw: object) -> int:
        income = subjects[subject].kind.value == "income"
        data = EntryInput(
            day,
            subjects[subject].id,
            text,
            income=amount if income else 0,
            expense=0 if income else amount,
            **kw,
        )  # type: ignore[arg-type]
        return accounts.add_entry(db, book.id, data).id

    add(date(2026, 4, 15), "会費", "会費 236世帯分", 118_000, account="bank")
    add(date(2026, 5, 1), "町交付金", "令和8年度 地域まちづくり交付金", 300_000, account="bank")
    accounts.add_transfer(db, book.id, date(2026, 5, 1), "bank", 150_000, "小口現金の引き出し")
    wrong = 0
    for i in range(70):
        day = date(2026, 5 + i // 10, 1 + (i % 10) * 2)
        text = _long_text(120) if i % 17 == 0 else f"会議用お茶 {MARKUP}" if i % 5 == 0 else f"コピー用紙 {i}"
        who = "𠮷田商店 髙橋 山﨑" if i % 3 == 0 else ""
        entry = add(
            day,
            "会議費" if i % 2 else "消耗品費",
            text,
            480 + i * 7,
            counterparty=who,
            overspend_reason="役員会で承認",
        )
        wrong = wrong or entry
    accounts.cancel_entry(db, wrong, date(2026, 5, 30), "金額の誤り <訂正>")
    for i in range(4):
        add(
            date(2026, 7, 10 + i),
            "事業費",
            f"ひろば 材料費 {MARKUP}",
            18_000,
            grant_id=grant.id,
            counterparty="𠮷田商店",
            overspend_reason="",
        )


# --- papers --------------------------------------------------------------------------------------------


def print_town(db: Database, out: Path, *, every_meeting: bool) -> Iterator[tuple[str, Path]]:
    """Every paper of ``db`` into ``out``: yields (kind, path). Kinds: roster, agenda, signin, minutes,
    manual, summary, budget, settlement, cashbook, audit, grant-settlement, loan-slip, general-meeting, commission,
    handover."""
    out.mkdir(parents=True, exist_ok=True)
    yield "roster", roster.render_roster(roster.collect_roster(db, today=TODAY), out / "名簿.pdf")
    first = districts.list_districts(db)[0].id
    doc = roster.collect_roster(db, district_id=first, contacts=False, today=TODAY)
    yield "roster", roster.render_roster(doc, out / "名簿-配布用.pdf")

    all_meetings = list_meetings(db)
    chosen = all_meetings if every_meeting else _sample_meetings(all_meetings)
    for m in chosen:
        stem = f"{m.body_name}-{m.fiscal_year_label}-第{m.number}回"
        detail = meetings.get_meeting(db, m.id)
        yield "agenda", meeting_docs.build_agenda(detail, out / f"次第-{stem}.pdf")
        yield "signin", meeting_docs.build_signin(detail, out / f"出席簿-{stem}.pdf")
        d, revisions = meeting_docs.collect_minutes(db, m.id)
        yield "minutes", meeting_docs.build_minutes(d, out / f"議事録-{stem}.pdf", revisions=revisions)
        if d.revision > 1:
            old, revisions = meeting_docs.collect_minutes(db, m.id, revision=1)
            yield (
                "minutes",
                meeting_docs.build_minutes(old, out / f"議事録-{stem}-第1版.pdf", revisions=revisions),
            )

    yield (
        "manual",
        manual_booklet.render_booklet(
            manual_booklet.collect_booklet(db, today=TODAY), out / "マニュアル-原稿.pdf"
        ),
    )
    for e in manual_history.list_editions(db):
        doc_e = manual_booklet.collect_booklet(db, e.number)
        yield "manual", manual_booklet.render_booklet(doc_e, out / f"マニュアル-第{e.number}版.pdf")

    fy = 2026
    summary = collect_summary(db, Period.for_fiscal_year(fy), TODAY)
    yield "summary", render_summary(summary, out / "連絡会まとめ.pdf")

    yield from _account_papers(db, out, every=every_meeting)

    loans = equipment_loans.list_loans(db)
    for loan in _sample_loans(loans, every_meeting):
        slip = loan_slip.collect_loan_slip(db, loan.id, TODAY)
        yield "loan-slip", loan_slip.render_loan_slip(slip, out / f"貸出票-{slip.number}.pdf")

    pack = general_meeting.collect_pack(db, first, fy, today=TODAY)
    yield "general-meeting", general_meeting.render_pack(pack, out / "総会議案書.pdf")
    letters = seats.commission_batch(db, first, date(2026, 4, 1))  # the demo town's changeover
    yield "commission", commission.render_commissions(letters, out / "委嘱状.pdf", thanks=True)
    doc_h = handover.collect_handover(db, first, today=TODAY)
    yield "handover", handover.render_handover(doc_h, out / "引継ぎ資料.pdf")


#: The account papers, by their kind in the gallery (and the CLI's name).
ACCOUNT_PAPERS = {
    "budget": "収支予算書",
    "settlement": "収支決算書",
    "cashbook": "出納帳",
    "audit": "監査報告書",
}


def _account_papers(db: Database, out: Path, *, every: bool) -> Iterator[tuple[str, Path]]:
    """The four papers of each district's 令和8年度 books (the first district only unless ``every``), and
    every grant's 収支精算書 among them."""
    with_books = [d for d in districts.list_districts(db) if accounts.find_book(db, d.id, 2026) is not None]
    for d in with_books if every else with_books[:1]:
        for kind, name in ACCOUNT_PAPERS.items():
            doc = accounts_collect.collect(db, kind, d.id, 2026, today=TODAY)
            yield kind, accounts_collect.render(doc, out / f"{name}-{d.name}-令和8年度.pdf")
        for g in grants.list_grants(db, fiscal_year=2026, district_id=d.id)[:2]:
            doc = accounts_collect.collect(db, "grant", d.id, 2026, today=TODAY, grant_id=g.id)
            yield "grant-settlement", accounts_collect.render(doc, out / f"収支精算書-{d.name}-{g.id}.pdf")


def _sample_meetings(all_meetings: list) -> list:  # type: ignore[type-arg]
    """Every approved meeting, the latest draft, and the next meeting to come (a town has ~50)."""
    approved = [m for m in all_meetings if m.status.name == "APPROVED"]
    drafts = sorted((m for m in all_meetings if m.status.name != "APPROVED"), key=lambda m: m.held_on)
    picked = {m.id: m for m in approved[:4]}
    past = [m for m in drafts if m.held_on <= TODAY]
    future = [m for m in drafts if m.held_on > TODAY]
    for m in past[-1:] + future[:1]:
        picked[m.id] = m
    return list(picked.values())


def _sample_loans(loans: list, every: bool) -> list:  # type: ignore[type-arg]
    if every:
        return loans
    returned = [x for x in loans if x.returned_on is not None][:1]
    out = [x for x in loans if x.returned_on is None][:1]
    return returned + out


def render_pngs(pdf: Path, dpi: int = 60) -> list[Path]:
    """Each page of ``pdf`` as ``<stem>-pNN.png`` beside it (needs pdftoppm, from poppler-utils)."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise SystemExit("pdftoppm が見つかりません。poppler-utils を入れてください。")
    prefix = pdf.with_name(f"{pdf.stem}-p")
    subprocess.run([exe, "-r", str(dpi), "-png", str(pdf), str(prefix)], check=True)
    return sorted(pdf.parent.glob(f"{pdf.stem}-p*.png"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="すべての帳票を作り、各ページをPNGにします。")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--all-meetings", action="store_true", help="デモの町のすべての会議の帳票を作る")
    parser.add_argument("--no-png", action="store_true")
    args = parser.parse_args(argv)
    out: Path = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    for name, make, every in (("demo", demo_town, args.all_meetings), ("hostile", hostile_town, True)):
        target = out / name
        if target.exists():
            shutil.rmtree(target)
        target.mkdir()
        db = make(target / "town.sqlite")
        try:
            for kind, pdf in print_town(db, target, every_meeting=every):
                pages = [] if args.no_png else render_pngs(pdf, args.dpi)
                print(f"{name}\t{kind}\t{pdf.name}\t{len(pages)} PNG")
        finally:
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
