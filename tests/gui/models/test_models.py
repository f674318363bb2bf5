"""Every item model of the GUI passes pytest-qt's qtmodeltester (Qt's QAbstractItemModelTester)."""

from __future__ import annotations

from datetime import date

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.gui.models.districts import DistrictsModel, MergeHistoryModel
from sakae_council.gui.models.memberships import MembershipRow, MembershipsModel
from sakae_council.gui.models.organisations import OrganisationsModel
from sakae_council.gui.models.roster import RosterModel
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.services import districts, organisations, people
from sakae_council.services.people import MembershipInput, RosterFilter

from ..helpers import TODAY


def test_roster_model_with_lazy_fetching(qtmodeltester, db: Database, roster) -> None:  # type: ignore[no-untyped-def]
    model = RosterModel(TODAY)
    model.FIRST_BATCH = model.BATCH = 2  # three batches for five people, so fetchMore is exercised
    model.set_fetcher(
        lambda offset, limit: people.list_members(db, RosterFilter(today=TODAY), limit=limit, offset=offset)
    )
    assert model.rowCount() == 2 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "相川 健",
        "北 三郎",
        "前 退子",
        "𠮷田 次郎",
        "渡辺 花子",
    ]
    qtmodeltester.check(model)


def test_roster_model_shows_role_post_term_and_status(db: Database, roster) -> None:  # type: ignore[no-untyped-def]
    model = RosterModel(TODAY)
    model.set_rows(people.list_members(db, RosterFilter(today=TODAY)))
    rows = {
        model.index(r, 0).data(): [model.index(r, c).data() for c in range(7)]
        for r in range(model.rowCount())
    }
    assert rows["渡辺 花子"] == [
        "渡辺 花子",
        "ワタナベ ハナコ",
        "安食小学校区",
        "ふれあい推進員",
        "会長",
        "令和7年4月1日〜令和9年3月31日",
        "0476-95-1111",
    ]
    assert rows["𠮷田 次郎"][3] == "町からの公職（民生委員・児童委員）"
    assert rows["北 三郎"][5].endswith("（3か月以内に任期満了）")
    assert rows["前 退子"][5].endswith("（退任）")
    expiring = model.index(list(rows).index("北 三郎"), 5)
    assert expiring.data(9) is not None  # BackgroundRole: status colour beside the text label


def test_other_models(qtmodeltester, db: Database, roster, two_districts) -> None:  # type: ignore[no-untyped-def]
    a, b = two_districts
    organisations.create_organisation(
        db, organisations.OrganisationInput(name="安食自治会", furigana="アジキジチカイ", district_id=a)
    )
    organisations.create_organisation(db, organisations.OrganisationInput(name="栄町商工会"))
    orgs = OrganisationsModel()
    orgs.set_rows(organisations.list_organisations(db))
    qtmodeltester.check(orgs)
    orgs.sort(0)
    qtmodeltester.check(orgs)

    districts.merge_districts(db, b, a, date(2026, 4, 1))
    dmodel = DistrictsModel()
    dmodel.set_rows(districts.list_districts(db))
    qtmodeltester.check(dmodel)
    assert dmodel.index(1, 4).data() == "統合済み → 安食小学校区（令和8年4月1日）"
    history = MergeHistoryModel()
    history.set_rows(districts.merge_history(db))
    qtmodeltester.check(history)

    ms = MembershipsModel(TODAY)
    ms.set_rows(
        [
            MembershipRow(
                MembershipInput(a, MemberRole.SUISHIN, officer_post=OfficerPost.CHAIR), "安食小学校区"
            ),
            MembershipRow(
                MembershipInput(
                    a, MemberRole.PUBLIC_POST, public_post="自治会長", ended_on=date(2025, 3, 31)
                ),
                "安食小学校区",
            ),
        ]
    )
    qtmodeltester.check(ms)
    assert ms.index(1, 1).data() == "町からの公職（自治会長）"
    assert ms.index(1, 4).data() == "退任"


def test_empty_generic_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model: DtoTableModel[str] = DtoTableModel([Column("文字", lambda s: s)])
    qtmodeltester.check(model)
    model.set_rows(["あ", "い"])
    qtmodeltester.check(model)


def test_cells_shown_are_never_stale_after_new_rows_a_sort_or_more_rows() -> None:
    """Texts and colours are worked out once per row and kept: every way of changing the rows drops them."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    from sakae_council.gui.palette import STATUS_STYLES

    asked: list[str] = []

    def text(s: str) -> str:
        asked.append(s)
        return s.upper()

    model: DtoTableModel[str] = DtoTableModel(
        [Column("文字", text, sort_value=lambda s: s, status=lambda s: "draft" if s == "b" else None)]
    )
    model.set_rows(["b", "a"])
    shown = lambda: [model.index(r, 0).data() for r in range(model.rowCount())]  # noqa: E731
    assert shown() == ["B", "A"] and shown() == ["B", "A"]
    assert sorted(asked) == ["a", "b"]  # the second paint asked nobody again
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(0, 0).data(background) == QColor(STATUS_STYLES["draft"].background)
    assert model.index(1, 0).data(background) is None
    model.sort(0)
    assert shown() == ["A", "B"]
    assert model.index(1, 0).data(background) == QColor(STATUS_STYLES["draft"].background)
    model.set_rows(["c"])
    assert shown() == ["C"] and model.index(0, 0).data(background) is None
    model.set_fetcher(lambda offset, limit: ["x", "y", "z"][offset : offset + limit])
    assert shown() == ["X", "Y", "Z"]
    model.BATCH = 1
    model.set_fetcher(lambda offset, limit: ["p", "q"][offset : offset + limit])
    assert shown() == ["P"]
    model.fetchMore()
    assert shown() == ["P", "Q"]
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    assert model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is None
