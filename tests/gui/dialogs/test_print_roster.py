"""名簿を印刷 from the roster page: the PDF is drawn in the background and holds the chosen district."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.gui.dialogs.print_roster import PrintRosterDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.roster import RosterPage


def test_print_roster_without_contacts(
    qtbot: QtBot, roster, two_districts, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.district_switcher.setCurrentIndex(window.district_switcher.findText("安食小学校区"))
    wait_idle()
    page = window.show_page("roster")
    wait_idle()
    assert isinstance(page, RosterPage)
    page.print_roster()  # opens once the districts are read on the worker
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(PrintRosterDialog)))
    dialog = next(d for d in page.findChildren(PrintRosterDialog) if d.isVisible())
    assert dialog.district.currentText() == "安食小学校区"
    assert not dialog.contacts.isChecked()  # the handout is the default
    assert dialog.suggested_name() == "名簿_安食小学校区_令和8年11月28日_配布用.pdf"
    assert not dialog.save_button.isEnabled()  # busy while the PDF is drawn
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20000)
    out = tmp_path / "roster.pdf"
    with qtbot.waitSignal(dialog.finished_pdf, timeout=20000) as blocker:
        assert dialog.save_as(str(out))
    assert blocker.args == [str(out)]
    text = "\n".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert all(n in text for n in ("相川 健", "𠮷田 次郎", "渡辺 花子"))
    assert "北 三郎" not in text and "0476-95-1111" not in text
    assert dialog.save_button.isEnabled() and "保存しました" in dialog.status.text()
