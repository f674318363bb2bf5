"""The demo town's part for the council's year on paper: a 会則 for every council, and last year's
役員改選 (令和7年度末, applied on 2026-04-01): one member renewed, another handing the seat to a newcomer.

Called from services.demo.load_demo inside its one transaction.
"""

from __future__ import annotations

from datetime import date

from sakae_council.db.engine import Database
from sakae_council.domain.wareki import to_wareki
from sakae_council.services import bylaws, changeover, demo_notices, districts, people
from sakae_council.services.changeover import ChangeoverAction, ChangeoverPlan, NewPersonInput, SeatChoice

#: Last year's changeover: two members' terms run 令和6・7年度 and end on 2026-03-31; on 2026-04-01 one is
#: renewed and the other hands the seat to a newcomer (each council keeps its number of members).
LAST_FY = 2025
CHANGEOVER_DAY = date(2026, 4, 1)
#: The newcomer of each council (fictional): name, フリガナ.
NEWCOMERS = (
    ("新井 恵美", "アライ エミ"),
    ("宮本 由美", "ミヤモト ユミ"),
    ("松尾 陽子", "マツオ ヨウコ"),
    ("高田 真理", "タカダ マリ"),
    ("河野 直美", "コウノ ナオミ"),
    ("村田 智子", "ムラタ トモコ"),
)

BYLAWS = """第1章　総則
第1条（名称）
本会は、{council}（以下「本会」という。）と称する。
第2条（目的）
本会は、{district}の住民、団体及び町が協働し、地域の課題を整理し、その解決に向けた事業に取り組むことにより、住みよい地域づくりを進めることを目的とする。
第3条（事務所）
本会の事務所は、{place}に置く。
第2章　事業
第4条（事業）
本会は、第2条の目的を達成するため、次の事業を行う。
（1）地域課題の把握と整理
（2）みんなで力を合わせたまちづくり事業の企画及び実施
（3）地域まちづくり連絡会との情報の共有
（4）その他目的を達成するために必要な事業
第3章　会員及び役員
第5条（会員）
本会は、ふれあい推進員、町からの公職にある者、地域の団体の代表者その他本会の目的に賛同する者をもって組織する。
第6条（役員）
本会に次の役員を置く。会長1名、副会長2名、会計1名、監事1名。役員は総会で選出し、一人が二つ以上の役職を兼ねることはできない。
第7条（任期）
役員及び委員の任期は2年とし、再任を妨げない。任期は4月1日に始まり、翌々年の3月31日に終わる。
第4章　会議
第8条（総会）
総会は毎年度1回、会長が招集する。総会は、事業報告及び決算、事業計画及び予算、役員の選出その他重要な事項を議決する。
第9条（定足数と議決）
会議は委員の過半数の出席（書面表決書及び委任状による者を含む。）で成立し、出席者の過半数で議決する。
第5章　会計
第10条（会計年度）
本会の会計年度は、毎年4月1日に始まり、翌年3月31日に終わる。
第11条（監査）
監事は、会計を監査し、その結果を総会に報告する。
附則
この会則は、{established}から施行する。"""


def _last_years_terms(db: Database, person_id: int) -> None:
    """Move a member's seat to the term of 令和6・7年度 (2024-04-01 – 2026-03-31)."""
    p = people.get_person(db, person_id)
    seats = tuple(
        people.MembershipInput(
            m.district_id, m.role, m.public_post, m.officer_post, date(2024, 3, 22), date(2024, 4, 1),
            date(2026, 3, 31), m.ended_on, id=m.id,
        )
        for m in p.memberships
    )  # fmt: skip
    data = people.PersonInput(
        p.name, p.furigana, p.postal_code, p.address, p.phone, p.email, p.notes, p.organisation_id, seats
    )
    people.update_person(db, p.id, data, p.version)


def _address_newcomer(db: Database, name: str, postal_code: str, address: str) -> None:
    p = next(x for x in people.list_people(db, name) if x.name == name)
    data = people.PersonInput(
        p.name, p.furigana, postal_code, address, p.phone, p.email, p.notes, p.organisation_id,
        tuple(people.MembershipInput(m.district_id, m.role, m.public_post, m.officer_post, m.commissioned_on,
                                     m.term_start, m.term_end, m.ended_on, id=m.id) for m in p.memberships),
    )  # fmt: skip
    people.update_person(db, p.id, data, p.version)


def load_general_meeting_demo(db: Database, members: dict[int, list[int]], content: dict) -> int:
    """Bylaws for every council and last year's changeover applied (call it before the meetings, so
    their attendance follows the seats); returns the number of councils."""
    count = 0
    for index, district_id in enumerate(list(members)[: len(NEWCOMERS)]):
        d = districts.get_district(db, district_id)
        info = content["districts"][index]
        council = d.council_name or d.name
        established = to_wareki(d.established_on or date(2011, 4, 1))
        bylaws.save_bylaws(
            db,
            district_id,
            bylaws.default_title(council),
            BYLAWS.format(
                council=council, district=d.name, place=info.get("place", "町役場"), established=established
            ),
            "制定",
            effective_on=d.established_on,
        )
        # Two members after the officers (their seats run 2025-04-01 – 2027-03-31 in the demo roster).
        renewed, handed = members[district_id][6:8]
        for person_id in (renewed, handed):
            _last_years_terms(db, person_id)
        newcomer, kana = NEWCOMERS[index]
        decided = {
            renewed: (ChangeoverAction.RENEW, None),
            handed: (ChangeoverAction.HANDOVER, NewPersonInput(newcomer, kana)),
        }
        choices = []
        for seat in changeover.changeover_seats(db, district_id, LAST_FY):
            action, successor = decided.get(seat.person_id, (ChangeoverAction.CONTINUE, None))
            choices.append(SeatChoice(seat.membership_id, action, seat.officer_post, successor=successor))
        changeover.apply_changeover(db, ChangeoverPlan(district_id, LAST_FY, CHANGEOVER_DAY, tuple(choices)))
        # in the same real 町名 and 〒 as the district's other members (services.demo_notices)
        _address_newcomer(db, newcomer, *demo_notices.demo_address(index, 100 + index))
        count += 1
    return count
