"""On a 1366×768 laptop whose computer speaks American English: the program starts in Japanese, the main window
opens inside the screen, and 名簿, 会議・議事録, 資機材 and 会計 need no sideways scrolling at 文字サイズ 中.

The test suite's own offscreen screen is 800×800; a laptop's screen needs a program of its own, started here
with Qt's offscreen platform given a 1366×768 screen (``configfile``) and ``LANG=en_US.UTF-8``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .demo_town import demo_town_copy

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = r"""
import json, sys, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTableView

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication(sys.argv[:1])

def settle(seconds=0.4):
    end = time.monotonic() + seconds
    from sakae_council.gui import ops

    while time.monotonic() < end or not ops.is_idle():
        app.processEvents()
        time.sleep(0.01)

from sakae_council.db.engine import open_database
from sakae_council.gui import i18n
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import app_settings
from sakae_council.services.demo import DEMO_TODAY

settings = app_settings()
language = i18n.install_translators(app, settings)  # as the program starts: nothing chosen yet
family = prepare_application(app, settings)
db = open_database(sys.argv[1], create=False, user="test")
window = MainWindow(AppContext(db, settings, font_family=family, today=DEMO_TODAY), last_backup=lambda _db: None)
window.show()
settle()
area = app.primaryScreen().availableGeometry()
frame = window.frameGeometry()
result = {
    "language": language,
    "title": window.nav.item(1).text(),
    "screen": [area.width(), area.height()],
    "inside": area.contains(frame),
    "window": [frame.width(), frame.height()],
    "sideways": {},
}
from sakae_council.services.districts import list_districts
for key in ("roster", "meetings", "equipment", "accounts"):
    if key == "accounts":  # a council's books: the first district chosen, as a treasurer would
        window.ctx.set_district(list_districts(db)[0].id)
    page = window.show_page(key)
    settle()
    tables = [t for t in page.findChildren(QTableView) if t.isVisible() and t.objectName() != "frozenColumn"]
    result["sideways"][key] = max(t.horizontalScrollBar().maximum() for t in tables)
window.close()
db.close()
print(json.dumps(result))
"""


@pytest.fixture()
def laptop_env(tmp_path: Path) -> dict[str, str]:
    screen = tmp_path / "laptop.json"
    screen.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1366,
                        "height": 768,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    env = dict(os.environ)
    env.update(
        {
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            "LANG": "en_US.UTF-8",
            "LC_ALL": "en_US.UTF-8",
            "LANGUAGE": "en_US",
            "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
        }
    )
    return env


def test_a_1366x768_english_laptop_gets_japanese_and_screens_that_fit(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, laptop_env: dict[str, str]
) -> None:
    data = demo_town_copy(tmp_path_factory, tmp_path / "demo.db")
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(data), str(tmp_path / "settings")],
        env=laptop_env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["screen"] == [1366, 768]
    assert result["language"] == "ja" and result["title"] == "名簿"  # Japanese on an American computer
    assert result["inside"], result  # the window opens inside the screen, frame and all
    assert result["sideways"] == {"roster": 0, "meetings": 0, "equipment": 0, "accounts": 0}, result
