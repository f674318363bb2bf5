"""Issue 9 for 成果指標 figures: a figure changed, or entered into a cell the user opened empty, by another
program instance meanwhile meets the two-version dialog — never a silent replacement."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.indicator_value import IndicatorValueDialog
from sakae_council.services import indicator_values, indicators
from sakae_council.services.indicators import ValueKind

from ..conflict_cases import answer
from ..helpers import TODAY

YEAR = 2026


def value_audits(db: Database) -> list[tuple[str, str]]:
    with db.reading() as s:
        rows = s.execute(
            select(AuditEntry.user, AuditEntry.action).where(AuditEntry.entity == "indicator_value")
        )
        return [(u, a) for u, a in rows]


def stale_value_dialog(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, existing: bool
) -> tuple[IndicatorValueDialog, int]:
    ind = indicators.create_indicator(
        db, indicators.IndicatorInput(code="volunteers", name="ボランティア数", unit="人")
    )
    if existing:
        indicator_values.set_value(db, ind.id, YEAR, ValueKind.TARGET, 10)
    line = next(
        r for r in indicator_values.indicator_table(db, [YEAR], today=TODAY) if r.indicator_id == ind.id
    )
    dialog = IndicatorValueDialog(
        ctx, indicators.get_indicator(db, ind.id), line.cell(YEAR), ValueKind.TARGET
    )
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    seen = indicator_values.get_value(other, ind.id, YEAR, ValueKind.TARGET).version if existing else 0
    indicator_values.set_value(
        other, ind.id, YEAR, ValueKind.TARGET, 12, expected_version=seen
    )  # theirs, first
    dialog.value.setText("15")
    return dialog, ind.id


@pytest.mark.parametrize("existing", [True, False], ids=["changed", "entered"])
@pytest.mark.parametrize("button", ["reload_button", "overwrite_button", "cancel_button"])
def test_a_stale_figure_meets_the_two_versions(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, button: str, existing: bool
) -> None:
    dialog, ind = stale_value_dialog(qtbot, ctx, db, other, existing)
    audits = value_audits(db)
    seen: list[list[tuple[str, str, str]]] = []
    explanations: list[str] = []
    answer(button, seen, explanations)
    dialog.save_button.click()
    wait_idle()

    assert seen and seen[0] == [
        ("★ 値（人）", "15", "12"),  # the one difference, marked
        ("資料の注記（印刷されます）", "（空欄）", "（空欄）"),
        ("内部メモ（印刷されません）", "（空欄）", "（空欄）"),
    ]
    assert "ほかの人 が 令和" in explanations[0]  # who entered it, from the audit trail
    now = indicator_values.get_value(other, ind, YEAR, ValueKind.TARGET)
    if button == "reload_button":
        assert now.value == 12 and dialog.isVisible()
        assert dialog.value.text() == "12" and dialog.stored == now
        assert "・値（人）: 15" in dialog.conflict_note.text.text()
        dialog.value.setText("16")  # saved on the version shown now, without asking again
        with qtbot.waitSignal(dialog.saved, timeout=3000):
            dialog.save_button.click()
            wait_idle()
        assert indicator_values.get_value(other, ind, YEAR, ValueKind.TARGET).value == 16 and len(seen) == 1
    elif button == "overwrite_button":
        assert now.value == 15 and not dialog.isVisible()
        assert value_audits(db) == [*audits, ("テスト担当", "update")]
    else:
        assert now.value == 12 and dialog.isVisible() and dialog.value.text() == "15"
        assert value_audits(db) == audits
