"""Program start on a SQLite file the last session closed cleanly: the dashboard's figures first, the data
layer after.

The start sequence (gui/app.py ``OpenAfterPaint``), for such a file and the dashboard as the page to show:

1. the main window paints (no SQLAlchemy, no services);
2. :func:`read_first_figures` reads the dashboard's cards and the district list with ``sqlite3`` (a few
   milliseconds at the town's size) and the window shows them (``MainWindow.show_first_figures``) —
   *data shown*;
3. once those cards have painted, :func:`load_data_layer` imports SQLAlchemy, the models and the services
   and configures the mappers in a background thread (the GUI thread only paints and answers input
   meanwhile; nothing else is painting, so the GIL costs the window little);
4. back on the GUI thread the file is opened the full way (lock, schema, the questions if something is
   wrong), the reference data checked, and the window gets its database: the dashboard page is kept as
   it is, re-read only when the file changed since step 2 — *ready*.

Any other file, a server, or another first page: step 2 is skipped and the data comes after step 4.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sakae_council.gui.main_window import MainWindow
    from sakae_council.services.first_figures import FirstFigures

log = logging.getLogger(__name__)

#: The page the first figures are for.
FIRST_PAGE = "dashboard"


def read_first_figures(target: str, today: date) -> FirstFigures | None:
    """The first figures of ``target``, or None (the full open comes first); never raises."""
    try:
        from sakae_council.services.first_figures import read_first_figures as read

        return read(target, today)
    except Exception:  # the full open will say what is wrong, in the usual words
        log.warning("first figures not read", exc_info=True)
        return None


def load_data_layer() -> None:
    """Import the data layer and configure the ORM (step 3; meant for a background thread)."""
    from sakae_council.services.first_figures import load_data_layer as load

    load()


def still_current(figures: FirstFigures) -> bool:
    """Nothing has written to the file since its first figures were read."""
    from sakae_council.services.first_figures import unchanged_since

    return unchanged_since(figures)


def refresh_if_changed(window: MainWindow, figures: FirstFigures) -> None:
    """Step 4's end: the dashboard kept from the first figures is read again only if the file changed since."""
    page = window._pages.get(FIRST_PAGE)
    if page is not None and not still_current(figures):
        page.reload()  # type: ignore[attr-defined]
