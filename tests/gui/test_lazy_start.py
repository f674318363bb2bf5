"""The program's start, in a fresh process as a user starts it (``sakae-council --db FILE``): the main
window with its navigation paints before the data layer is even imported, and the dashboard shows the
file's data without Alembic, ReportLab, openpyxl or the other heavy libraries having been loaded.

No timing here (that is bench/startup.py); what is pinned is which modules exist at those two moments.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from sakae_council.db.engine import open_database
from sakae_council.gui.pages.registry import page_specs
from sakae_council.services import districts
from sakae_council.services.setup import ensure_seeded

from .helpers import fresh_process_env
from .safety_helpers import add_people

ROOT = Path(__file__).resolve().parents[2]

#: Libraries that cost a good part of a second to import, and what the start must not wait for.
HEAVY = (
    "sqlalchemy",
    "alembic",
    "mako",
    "reportlab",
    "openpyxl",
    "markdown_it",
    "keyring",
    "phonenumbers",
    "psycopg",
)
#: The program's own modules the first paint does not need (the file exists: no welcome screen; dates,
#: backups and the data-safety parts come with the data).
LATER = (
    "sakae_council.gui.welcome",
    "sakae_council.domain.wareki",
    "sakae_council.gui.formatting",
    "sakae_council.db.backup",
    "sakae_council.db.engine",
    "sakae_council.services",
    "sakae_council.gui.data_safety",
    "sakae_council.gui.widgets.backup_timer",
    "sakae_council.gui.startup",
)

DRIVER = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    HEAVY = set(sys.argv[2].split(","))
    LATER = set(sys.argv[3].split(","))
    app = QApplication(sys.argv[:1])
    seen = {}

    def loaded():
        return sorted({name.split(".")[0] for name in sys.modules} & HEAVY)

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() != QEvent.Type.Paint:
                return False
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
            if not windows:
                return False
            window = windows[0]
            if "painted" not in seen:
                seen["painted"] = {
                    "modules": loaded(),
                    "later": sorted(set(sys.modules) & LATER),
                    "navigation": [window.nav.item(i).text() for i in range(window.nav.count())],
                    "pages": sorted(window._pages),
                    "title": window.windowTitle(),
                }
            page = window._pages.get("dashboard")
            if "dashboard" not in seen and page is not None and page.data is not None:
                seen["dashboard"] = {
                    "modules": loaded(),
                    "cards": sorted(card.name for card in page.data.cards),
                    "members": sum(card.member_count for card in page.data.cards),
                }
                QTimer.singleShot(0, window.close)
            return False

    watch = Watch()
    app.installEventFilter(watch)
    from sakae_council.gui.i18n import JAPANESE, KEY_LANGUAGE
    from sakae_council.gui.settings import KEY_PAGE, app_settings

    settings = app_settings()
    settings.setValue(KEY_LANGUAGE, JAPANESE)
    settings.setValue(KEY_PAGE, "dashboard")
    settings.sync()
    QTimer.singleShot(120_000, app.quit)
    from sakae_council.cli import main

    code = main(["--db", sys.argv[1]])
    print(json.dumps({"code": code, **seen}, ensure_ascii=False))
    """
)


def _start(database: Path, home: Path) -> dict[str, object]:
    env = fresh_process_env(home)
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(database), ",".join(HEAVY), ",".join(LATER)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    result: dict[str, object] = json.loads(lines[-1])
    return result


def test_the_window_paints_before_the_data_layer_and_the_dashboard_needs_no_heavy_library(
    tmp_path: Path,
) -> None:
    path = tmp_path / "town.db"
    db = open_database(path, user="テスト担当")
    try:
        ensure_seeded(db)
        add_people(db, 4, district="安食小学校区")
        add_people(db, 2, district="布鎌小学校区", prefix="布")
        assert len(districts.list_districts(db)) == 2
    finally:
        db.close()

    result = _start(path, tmp_path / "home")

    assert result["code"] == 0
    painted = result["painted"]
    assert isinstance(painted, dict)
    assert painted["modules"] == [], "nothing heavy (not even SQLAlchemy) before the window's first paint"
    assert painted["later"] == [], "nor the program's own modules the paint does not need"
    assert painted["navigation"] == [spec.title for spec in page_specs()], (
        "the real window, with its navigation"
    )
    assert painted["pages"] == [], "no page is built (and nothing read) before the file is open"
    dashboard = result["dashboard"]
    assert isinstance(dashboard, dict)
    assert dashboard["cards"] == ["安食小学校区", "布鎌小学校区"], "the dashboard shows the file's own data"
    assert dashboard["members"] == 6
    assert dashboard["modules"] == ["sqlalchemy"], "the dashboard needs SQLAlchemy and nothing else heavy"
