"""What the printed 議事録 and 次第 claim about quorum, read from the PDFs' text: a meeting not held yet is
never 成立, a meeting without quorum carries the no-quorum remark before its items, overdue 宿題 are
marked 期限切れ, and the roster's 委員 count is the minutes' 委員総数."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from meeting_town import council, full_meeting
from pypdf import PdfReader

from sakae_council.db.engine import Database
from sakae_council.domain.council import NO_QUORUM_REMARK
from sakae_council.domain.enums import AttendanceStatus
from sakae_council.reports.meeting_docs import build_agenda, build_minutes, collect_minutes
from sakae_council.reports.roster import collect_roster, render_roster
from sakae_council.services import demo, districts, meeting_bodies, meetings, minutes
from sakae_council.services.meetings import MeetingInput
from sakae_council.services.minutes import ActionItemInput, AgendaItemInput, minutes_input_from


def text_of(path: Path) -> str:
    """Every page's text, without line breaks (a sentence may wrap)."""
    return "".join(page.extract_text().replace("\n", "") for page in PdfReader(str(path)).pages)


def test_draft_minutes_and_agenda_of_a_meeting_not_held_yet_never_claim_quorum(
    db: Database, tmp_path: Path
) -> None:
    c = council(db, members=12)  # 15 委員
    m = meetings.create_meeting(db, MeetingInput(c.body, date.today() + timedelta(days=14), place="公民館"))
    data = replace(minutes_input_from(m), agenda_items=(AgendaItemInput(title="秋祭りの役割分担"),))
    m = minutes.save_minutes(db, m.id, data, m.version)
    d, revisions = collect_minutes(db, m.id)
    text = text_of(build_minutes(d, tmp_path / "draft.pdf", revisions=revisions))
    assert "委員15名のうち15名の出欠が未確認のため、会議の成立は未確定である" in text
    assert "成立した" not in text and "会議は成立" not in text
    assert re.search(r"委員\s*0名（委員総数15名）", text)  # nobody entered as present yet
    assert re.search(r"出欠未確認（敬称略）\s*17名", text)  # 15 委員 and the 2 地区担当職員
    assert NO_QUORUM_REMARK not in text  # not known to be without quorum either
    agenda = text_of(build_agenda(d, tmp_path / "agenda.pdf"))
    assert "秋祭りの役割分担" in agenda and "成立" not in agenda


def _no_quorum_meeting(db: Database):
    c = council(db, members=4)  # 7 委員: 4 needed
    m = full_meeting(db, c, agenda=2)
    absent = {c.people[k] for k in ("m0", "m1", "m2", "m3")}
    rows = tuple(
        replace(a, status=AttendanceStatus.ABSENT, proxy_name="") if a.person_id in absent else a
        for a in minutes_input_from(m).attendance
    )
    return c, minutes.save_minutes(db, m.id, replace(minutes_input_from(m), attendance=rows), m.version)


def test_minutes_without_quorum_print_the_remark_before_the_items(db: Database, tmp_path: Path) -> None:
    _c, m = _no_quorum_meeting(db)
    d, revisions = collect_minutes(db, m.id)
    text = text_of(build_minutes(d, tmp_path / "no_quorum.pdf", revisions=revisions))
    assert "委員7名中3名が出席し、過半数に達しないため、会議は成立していない。" in text
    remark = text.index(NO_QUORUM_REMARK)
    assert (
        text.index("議事", text.index("会議の成立")) < remark < text.index("議題1") < text.index("決定事項")
    )
    assert text.count(NO_QUORUM_REMARK) == 1


def test_the_councils_own_wording_is_printed_instead(db: Database, tmp_path: Path) -> None:
    c, m = _no_quorum_meeting(db)
    d = districts.get_district(db, c.district)
    wording = "本日は定足数に達しなかったため、協議のみを行いました。"
    districts.update_district(
        db,
        d.id,
        districts.DistrictInput(
            name=d.name,
            council_name=d.council_name,
            council_status=d.council_status,
            established_on=d.established_on,
            display_order=d.display_order,
            notes=d.notes,
            no_quorum_remark=wording,
        ),
        d.version,
    )
    detail, revisions = collect_minutes(db, m.id)
    text = text_of(build_minutes(detail, tmp_path / "own.pdf", revisions=revisions))
    assert wording in text and NO_QUORUM_REMARK not in text


def test_minutes_with_quorum_carry_no_remark(db: Database, tmp_path: Path) -> None:
    m = full_meeting(db, council(db, members=4), agenda=2)  # 6 of 7 present
    d, revisions = collect_minutes(db, m.id)
    text = text_of(build_minutes(d, tmp_path / "ok.pdf", revisions=revisions))
    assert "委員7名中6名が出席（代理出席1名を含む）し、過半数に達したため、会議は成立した。" in text
    assert NO_QUORUM_REMARK not in text


def test_overdue_homework_is_marked_on_the_next_agenda_and_minutes(db: Database, tmp_path: Path) -> None:
    c = council(db, members=4)
    first = full_meeting(db, c, agenda=1)  # held 令和8年11月28日
    data = replace(
        minutes_input_from(first),
        action_items=(
            ActionItemInput("期限を過ぎた宿題", "事務局", date(2026, 12, 20)),
            ActionItemInput("まだ期限前の宿題", "会長", date(2027, 3, 1)),
            ActionItemInput("期限のない宿題", "職員"),
        ),
    )
    minutes.save_minutes(db, first.id, data, first.version)
    nxt = meetings.create_meeting(db, MeetingInput(c.body, date(2027, 1, 23)))
    d, revisions = collect_minutes(db, nxt.id)
    assert [a.content for a in d.carried_action_items] == [
        "期限を過ぎた宿題",
        "まだ期限前の宿題",
        "期限のない宿題",
    ]
    for path in (
        build_agenda(d, tmp_path / "agenda.pdf"),
        build_minutes(d, tmp_path / "minutes.pdf", revisions=revisions),
    ):
        text = text_of(path)
        assert text.count("期限切れ") == 1, path.name
        assert re.search(r"期限を過ぎた宿題事務局令和8年12月20日期限切れ", text), path.name
        assert "令和9年3月1日期限切れ" not in text


def test_demo_towns_roster_and_minutes_count_the_same_members(db: Database, tmp_path: Path) -> None:
    demo.load_demo(db)
    ajiki = districts.district_id_by_name(db, "安食")
    day = demo.DEMO_TODAY
    roster = text_of(
        render_roster(collect_roster(db, district_id=ajiki, contacts=False, today=day), tmp_path / "r.pdf")
    )
    on_roster = re.search(r"現在\s*委員(\d+)名（ほか地区担当職員(\d+)名）", roster)
    assert on_roster is not None, roster[:200]
    body = next(b for b in meeting_bodies.list_bodies(db, district_id=ajiki))
    m = meetings.create_meeting(db, MeetingInput(body.id, day))
    d, revisions = collect_minutes(db, m.id)
    in_minutes = re.search(
        r"委員総数(\d+)名", text_of(build_minutes(d, tmp_path / "m.pdf", revisions=revisions))
    )
    assert in_minutes is not None
    assert int(on_roster.group(1)) == int(in_minutes.group(1)) == 14
    assert int(on_roster.group(2)) == len(d.staff) == 2
