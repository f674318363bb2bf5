"""Each paper of the program printed once, in the memory child, the way a person prints it.

Every paper is made through its own print window — opened by the same ``open_…`` function its page calls,
parented to that page and shown with ``open()`` as the page does, so the worker reads the paper, the papers
lane draws it with ReportLab and QtPdf shows the preview — then the window is closed by its window's close
request (the ×). 地域課題一覧表 is a window with a table and 書き出し: it is opened from the 地域課題 page and
written to .xlsx through the export's own functions.

Two windows need a date a person types: the 委嘱状 is printed for the day the council's current terms
began (the 改選 date the 総会 page passes after a 役員改選), and the 開催通知 of a meeting already held
when the benchmark runs (the generated file's meetings are dated up to 2026-11-28) is dated as it was
sent, two weeks before the meeting — the window otherwise refuses a 発行日 after the 開催日.

After each paper the child notes the resident set, the peak so far (VmHWM), the time from the request
to the preview shown, and the pages; a paper this file has no data for is noted with the message its
window showed instead of a preview.

``SAKAE_BENCH_PAPERS=名簿,総会議案書`` (names as below, comma-separated) prints only those papers: for looking into
one paper's memory without the others' twenty minutes; the benchmark's own runs leave it unset.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

#: How long one paper may take (the 名簿 of every district at stress is ~3,400 pages: minutes).
PAPER_TIMEOUT_S = 1800.0
#: How long a print window may take to open (its choices read on the worker).
OPEN_TIMEOUT_S = 120.0


def _fiscal_year(day: Any) -> int:
    return day.year if day.month >= 4 else day.year - 1


def papers(window: Any) -> list[tuple[str, str, Callable[[Any, Callable[[Any], object]], None]]]:
    """(name, page key, open(page, show)) of each paper, with the choices a print window opens with."""
    from sakae_council.gui.dialogs.accounts_print import open_accounts_print
    from sakae_council.gui.dialogs.equipment_slip import LoanSlipDialog
    from sakae_council.gui.dialogs.labels_print import open_labels_print
    from sakae_council.gui.dialogs.manual_print import open_manual_print
    from sakae_council.gui.dialogs.meeting_open import open_meeting_print
    from sakae_council.gui.dialogs.notice_print import open_notice_print
    from sakae_council.gui.dialogs.print_general_meeting import (
        CommissionPrintWindow,
        GeneralMeetingPrintWindow,
        HandoverPrintWindow,
        open_council_paper,
    )
    from sakae_council.gui.dialogs.print_roster import open_print_roster
    from sakae_council.gui.dialogs.print_summary import PrintSummaryDialog
    from sakae_council.services import districts, equipment_loans, seats

    ctx = window.ctx
    db = ctx.db
    meeting = 1  # the first meeting (10 agenda items, 5 attendees at stress)
    district = ctx.district_id or districts.list_districts(db, include_inactive=False)[0].id
    year = _fiscal_year(ctx.today())
    loans = equipment_loans.list_loans(db, district)  # the 資機材 page's list of the council chosen
    terms = [x.term_start for x in seats.seats_on(db, district, ctx.today()) if x.term_start is not None]
    renewal = max(terms, default=None)  # the day this council's current terms began (its last 改選)

    def meeting_paper(document: str) -> Callable[[Any, Callable[[Any], object]], None]:
        return lambda page, show: open_meeting_print(ctx, meeting, page, show, document=document)

    def accounts(document: str) -> Callable[[Any, Callable[[Any], object]], None]:
        return lambda page, show: open_accounts_print(ctx, district, year, page, show, document=document)

    def council(build: Callable[[Any, str], Any]) -> Callable[[Any, Callable[[Any], object]], None]:
        return lambda page, show: open_council_paper(
            ctx, district, page, show, lambda name: build(page, name)
        )

    def notice(page: Any, show: Callable[[Any], object]) -> None:
        def dated(dialog: Any) -> None:
            held = dialog.replies.held_on
            if dialog.issued_on.value() > held:  # typed as a person re-issuing it would (module docstring)
                dialog.issued_on.set_value(held - timedelta(days=14))
                dialog.reply_by.set_value(held - timedelta(days=7))
            show(dialog)

        open_notice_print(ctx, meeting, page, dated)

    def loan_slip(page: Any, show: Callable[[Any], object]) -> None:
        if not loans:
            raise LookupError("no loans in this file (貸出なし)")
        show(LoanSlipDialog(ctx, loans[0], page))

    return [
        ("名簿", "roster", lambda page, show: open_print_roster(ctx, page, show)),
        ("次第", "meetings", meeting_paper("agenda")),
        ("出席簿", "meetings", meeting_paper("signin")),
        ("議事録", "meetings", meeting_paper("minutes")),
        ("開催通知", "meetings", notice),
        ("宛名ラベル", "meetings", lambda page, show: open_labels_print(ctx, meeting, page, show)),
        ("連絡会まとめ", "dashboard", lambda page, show: show(PrintSummaryDialog(ctx, page))),
        ("協働マニュアル冊子", "manual", lambda page, show: open_manual_print(ctx, page, show)),
        ("貸出票", "equipment", loan_slip),
        ("収支予算書", "accounts", accounts("budget")),
        ("出納帳", "accounts", accounts("cashbook")),
        ("収支決算書", "accounts", accounts("settlement")),
        ("監査報告書", "accounts", accounts("audit")),
        ("補助金の収支精算書", "accounts", accounts("grant")),
        (
            "総会議案書",
            "general_meeting",
            council(lambda p, n: GeneralMeetingPrintWindow(ctx, district, year, p, n)),
        ),
        (
            "委嘱状",
            "general_meeting",
            council(lambda p, n: CommissionPrintWindow(ctx, district, renewal, p, n)),
        ),
        ("引継ぎ資料", "general_meeting", council(lambda p, n: HandoverPrintWindow(ctx, district, p, n))),
    ]


def print_each(
    window: Any, settle: Callable[[float], None], rss: Callable[[], dict[str, float]]
) -> dict[str, Any]:
    """Print every paper once (see the module docstring); per paper: ms, pages, rss_mb, hwm_mb, or error."""
    done: dict[str, Any] = {}
    only = {n for n in os.environ.get("SAKAE_BENCH_PAPERS", "").split(",") if n}
    for name, key, open_paper in papers(window):
        if only and name not in only:
            continue
        page = window._pages.get(key) or window
        done[name] = _one(page, open_paper, settle, rss)
        print(f"memory child: {name} {done[name]}", file=sys.stderr, flush=True)
    if not only or "地域課題一覧表" in only:
        done["地域課題一覧表"] = _issue_matrix(window, settle, rss)
    return done


def _message_box() -> Any:
    """A message box the program showed (an error instead of a print window), if any."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None
    )


def _wait(
    settle: Callable[[float], None], ready: Callable[[], bool], timeout: float = PAPER_TIMEOUT_S
) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if ready():
            return True
        settle(0.02)
    return False


def _close(dialog: Any, settle: Callable[[float], None]) -> None:
    handle = dialog.windowHandle()
    if handle is not None:
        handle.close()  # the window's ×, as a person closes it
    else:
        dialog.close()
    settle(0.3)


def _one(
    page: Any,
    open_paper: Callable[[Any, Callable[[Any], object]], None],
    settle: Callable[[float], None],
    rss: Callable[[], dict[str, float]],
) -> dict[str, Any]:
    shown: list[Any] = []

    def show(dialog: Any) -> None:  # what the pages do: keep it, open it window-modal
        page.dialog = dialog
        dialog.open()
        shown.append(dialog)

    start = time.monotonic()
    try:
        open_paper(page, show)
    except LookupError as exc:
        return {"error": str(exc)}
    if not _wait(settle, lambda: bool(shown) or _message_box() is not None, OPEN_TIMEOUT_S):
        return {"error": "the print window did not open"}
    box = _message_box()
    if not shown and box is not None:  # the window's data could not be read: the program said why
        text = box.text()
        box.close()
        return {"error": text}
    dialog = shown[0]
    drawn = _wait(settle, lambda: not dialog.is_busy())
    ms = (time.monotonic() - start) * 1000
    settle(0.3)  # the preview paints its first pages
    out: dict[str, Any] = {"ms": round(ms, 1), "pages": dialog.page_count(), **rss()}
    if dialog.pdf_path is None:
        out["error"] = (
            (dialog.error.text.text() or dialog.status.text() or "no preview") if drawn else "timed out"
        )
    _close(dialog, settle)
    return out


def _issue_matrix(
    window: Any, settle: Callable[[float], None], rss: Callable[[], dict[str, float]]
) -> dict[str, Any]:
    """課題の一覧表 from the 地域課題 page, written to .xlsx by the export's own functions."""
    from sakae_council.gui.widgets.export import export_model_to

    page = window._pages.get("issues")
    if page is None:
        return {"error": "the 地域課題 page is not there"}
    start = time.monotonic()
    dialog = page.show_matrix()
    if not _wait(settle, lambda: dialog.model.rowCount() > 0 or dialog.error.isVisible()):
        return {"error": "timed out"}
    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as tmp:
        export_model_to(dialog.model, Path(tmp) / "課題の一覧表.xlsx", "課題の一覧表")
    out: dict[str, Any] = {
        "ms": round((time.monotonic() - start) * 1000, 1),
        "rows": dialog.model.rowCount(),
        **rss(),
    }
    _close(dialog, settle)
    return out
