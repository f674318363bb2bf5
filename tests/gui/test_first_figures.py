"""Program start on a file closed cleanly: the dashboard shows its figures before SQLAlchemy is imported
(plain sqlite3, gui/first_figures.py), then the file is opened the full way and the same page carries on.

Run in a fresh process as a user starts it (``sakae-council --db FILE``, the dashboard the page last used),
watched from the outside at each paint. No timing here (bench/startup.py measures).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from sakae_council.db.engine import open_database
from sakae_council.services.setup import ensure_seeded

from .helpers import fresh_process_env
from .safety_helpers import add_people

ROOT = Path(__file__).resolve().parents[2]

DRIVER = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    seen = {}

    def cards(page):
        return [(c.card.name, c.card.member_count) for c in page.cards]

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() != QEvent.Type.Paint:
                return False
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
            if not windows:
                return False
            window = windows[0]
            page = window.current_page()
            if "first" not in seen and page is not None and page.objectName() == "page_dashboard" and page.data:
                seen["first"] = {
                    "open": window.ctx.has_database,
                    "sqlalchemy": "sqlalchemy" in sys.modules,
                    "cards": cards(page),
                    "switcher": [window.district_switcher.itemText(i) for i in range(window.district_switcher.count())],
                    "refresh": page.refresh_button.isEnabled(),
                    "page": id(page),
                }
            if "first" in seen and "ready" not in seen and window.ctx.has_database:
                ready = window._pages.get("dashboard")
                if ready is not None and ready.data is not None and window.current_page() is ready:
                    seen["ready"] = {
                        "same_page": id(ready) == seen["first"]["page"],
                        "cards": cards(ready),
                        "refresh": ready.refresh_button.isEnabled(),
                    }
                    QTimer.singleShot(0, lambda: window.windowHandle().close())  # the window's × as a person closes it
            return False

    watch = Watch()
    app.installEventFilter(watch)
    from sakae_council.gui.settings import KEY_PAGE, app_settings

    settings = app_settings()
    settings.setValue(KEY_PAGE, "dashboard")
    settings.sync()
    QTimer.singleShot(120_000, app.quit)
    from sakae_council.cli import main

    code = main(["--db", sys.argv[1]])
    print(json.dumps({"code": code, **seen}, ensure_ascii=False))
    """
)


def _start(database: Path, home: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    env = fresh_process_env(home, PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", DRIVER, str(database)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    result: dict[str, dict] = json.loads(lines[-1])  # type: ignore[type-arg]
    assert result["code"] == 0, proc.stderr[-3000:]
    return result


def _town(tmp_path: Path) -> Path:
    path = tmp_path / "town.db"
    db = open_database(path, user="テスト担当")
    try:
        ensure_seeded(db)
        add_people(db, 4, district="安食小学校区")
        add_people(db, 2, district="布鎌小学校区", prefix="布")
    finally:
        db.close()
    return path


def test_a_file_closed_cleanly_shows_the_dashboard_before_sqlalchemy_and_keeps_that_page(
    tmp_path: Path,
) -> None:
    path = _town(tmp_path)
    _start(
        path, tmp_path / "first-start"
    )  # the first start takes the first backup: the close is noted beside it

    result = _start(path, tmp_path / "home")

    first, ready = result["first"], result["ready"]
    assert first["open"] is False and first["sqlalchemy"] is False, "the figures came before the data layer"
    assert first["cards"] == [["安食小学校区", 4], ["布鎌小学校区", 2]], "the file's own figures"
    assert first["switcher"] == ["全学区", "安食小学校区", "布鎌小学校区"], (
        "the districts can be chosen already"
    )
    assert first["refresh"] is False, "最新の状態にする waits for the full open"
    assert ready["same_page"] is True, "the full open keeps the page the person is reading"
    assert ready["cards"] == first["cards"]
    assert ready["refresh"] is True


def test_a_file_another_program_wrote_to_is_opened_the_full_way_before_any_figure_shows(
    tmp_path: Path,
) -> None:
    path = _town(tmp_path)
    _start(path, tmp_path / "first-start")
    other = sqlite3.connect(path)  # another program writes after the program closed it
    other.execute("UPDATE person SET name = name || '（外）' WHERE id = (SELECT min(id) FROM person)")
    other.commit()
    other.close()

    result = _start(path, tmp_path / "home")

    assert result["first"]["open"] is True, "no first look: the quick check and the rest come first"
    assert result["first"]["sqlalchemy"] is True
    assert result["first"]["cards"] == [["安食小学校区", 4], ["布鎌小学校区", 2]]
