"""デモデータ: the demo town's meetings, with attendance, minutes (approved where long past) and action items."""

from __future__ import annotations

from datetime import date, timedelta

from sakae_council.db.engine import Database
from sakae_council.domain.enums import (
    AgendaKind,
    AgendaResult,
    AttendanceStatus,
)
from sakae_council.services.demo import DEMO_TODAY, DemoTown, load_content

AGENDA = (
    (
        "report",
        "前回からの活動報告",
        "事務局",
        "ごみゼロ・草ゼロ活動に延べ{n}名が参加したことが報告された。参加者から「若い世代の参加が増えた」との声があった。",
        "none",
    ),
    (
        "deliberation",
        "{project}の進め方について",
        "地区担当職員",
        "実施日と役割分担を協議した。送迎車両の保険について質問があり、町が加入手続きを確認することとなった。",
        "unanimous",
    ),
    (
        "deliberation",
        "補助金の申請について",
        "会計",
        "申請額と収支予算を説明。備品購入費を減額する修正意見があり、修正のうえ採決した。",
        "majority",
    ),
    (
        "other",
        "地域課題の整理",
        "会長",
        "住民から寄せられた課題を分類し、連絡会で共有するものを選んだ。",
        "continued",
    ),
)


def add_meetings(db: Database, town: DemoTown) -> int:
    """The councils' meetings (ten for an established council, two for one being set up) and five of the
    連絡会, each with minutes; returns how many."""
    from dataclasses import replace
    from datetime import time

    from sakae_council.services import action_items, meeting_bodies, meetings, minutes, minutes_approval
    from sakae_council.services.meetings import AttendeeCategory

    bodies = {b.district_id: b for b in meeting_bodies.list_bodies(db)}
    content = load_content()
    n = 0
    dated: list[tuple[date, int | None, int]] = []
    for d_index, district_id in enumerate(town.district_ids):
        established = content["districts"][d_index]["status"] == "established"
        count = 10 if established else 2
        for k in range(count):
            held = date(2025, 5, 17) + timedelta(days=63 * k + 3 * d_index)
            dated.append((held, district_id, k))
    for k in range(5):
        dated.append((date(2025, 7, 10) + timedelta(days=120 * k), None, k))
    dated.sort(key=lambda x: x[0])
    for held, body_district, k in dated:
        body = bodies[body_district]
        place = (
            content["districts"][town.district_ids.index(body_district)]["place"]
            if body_district is not None
            else "栄町役場 大会議室"
        )
        detail = meetings.create_meeting(
            db,
            meetings.MeetingInput(
                body_id=body.id, held_on=held, start_time=time(19, 0), end_time=time(20, 30), place=place
            ),
        )
        n += 1
        if held > DEMO_TODAY:
            continue  # an upcoming meeting: prepared, no minutes yet
        base = minutes.minutes_input_from(detail)
        # The meeting was held: its attendance is entered (every roster row starts 未確認).
        attendance = [replace(a, status=AttendanceStatus.PRESENT) for a in base.attendance]
        members = [i for i, a in enumerate(attendance) if a.category == "member"]
        if len(members) > 5:
            attendance[members[-1]] = replace(attendance[members[-1]], status=AttendanceStatus.ABSENT)
            attendance[members[-2]] = replace(
                attendance[members[-2]], status=AttendanceStatus.PROXY, proxy_name="田村 美紀"
            )
        attendance.append(
            minutes.AttendanceInput(
                name="社会福祉協議会 担当者",
                category=AttendeeCategory.GUEST,
                affiliation="栄町社会福祉協議会",
            )
        )
        present = [a for a in attendance if a.person_id and a.status != "absent"]
        chair = present[0].person_id
        staff = [a.person_id for a in attendance if a.category == "staff"]
        recorder = staff[0] if staff else present[-1].person_id
        sign = [a.person_id for a in present if a.category == "member" and a.person_id != chair][:2]
        if len(sign) < 2:
            sign = [a.person_id for a in present if a.person_id != chair][:2]
        project = "ふれあい送迎ボランティア" if k % 2 == 0 else "放課後ひろば「さかえっ子」"
        items = []
        for kind, title, presenter, discussion, result in AGENDA[: 2 + k % 3]:
            votes = (7, 2) if result == "majority" else (None, None)
            items.append(
                minutes.AgendaItemInput(
                    title=title.format(project=project),
                    kind=AgendaKind(kind),
                    presenter=presenter,
                    discussion=discussion.format(n=30 + 7 * k),
                    result=AgendaResult(result),
                    votes_for=votes[0],
                    votes_against=votes[1],
                )
            )
        data = replace(
            base,
            attendance=tuple(attendance),
            chair_id=chair,
            recorder_id=recorder,
            signatory1_id=sign[0],
            signatory2_id=sign[1],
            observers=k % 3,
            handouts=("次第", f"資料1 {project} 実施計画（案）", "資料2 収支予算書"),
            agenda_items=tuple(items),
            decisions=(f"{project}を計画どおり実施する。", "次回までに役割分担表を事務局が作成する。"),
            action_items=(
                minutes.ActionItemInput(
                    content="役割分担表の作成", assignee="事務局", due_on=held + timedelta(days=21)
                ),
                minutes.ActionItemInput(
                    content="送迎車両の保険の確認", assignee="地区担当職員", due_on=held + timedelta(days=30)
                ),
            ),
            next_meeting=f"{(held + timedelta(days=63)).month}月中旬（日程は事務局から連絡）",
        )
        detail = minutes.save_minutes(db, detail.id, data, detail.version)
        if held + timedelta(days=60) < DEMO_TODAY:
            detail = minutes_approval.approve_minutes(
                db, detail.id, held + timedelta(days=30), detail.version
            )
            for item in detail.action_items[:1]:
                action_items.complete_action_item(db, item.id, held + timedelta(days=20))
    return n
