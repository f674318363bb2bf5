"""A program of its own on a laptop's screen (Qt's offscreen platform given screens by ``configfile``), for the
tests of windows at 特大 on a 1280×800 laptop (``test_laptop_xlarge*.py``): the Python it starts with
(``PRELUDE``: the application, ``settle`` until the database worker is idle, ``facts`` of a window, its
picture saved in the folder given last on the command line), how it is run, and what "fits" means."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: A 1280×800 laptop's screen less a 40-pixel task bar.
SCREEN = (1280, 800 - 40)

PRELUDE = r"""
import json, sys, time
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication(sys.argv[:1])
PICTURES = sys.argv[-1]

def settle(seconds=0.3):
    from sakae_council.gui import ops

    end = time.monotonic() + seconds
    while time.monotonic() < end or not ops.is_idle():
        app.processEvents()
        time.sleep(0.01)

def facts(w, name):
    w.grab().save(f"{PICTURES}/{name}.png")  # for looking at
    area = w.screen().availableGeometry()
    return {
        "size": [w.width(), w.height()],
        "minimum": [w.minimumSizeHint().width(), w.minimumSizeHint().height()],
        "screen": [area.width(), area.height()],
        "inside": area.contains(w.frameGeometry()),
    }
"""


def run_program(program: str, args: list[str], screens: list[dict], folder: Path) -> dict:
    """Run ``PRELUDE + program`` with ``args`` (pictures folder last) on ``screens``; its last JSON line."""
    screen = folder / "laptop.json"
    dpi = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    screen.write_text(json.dumps({"screens": [s | dpi for s in screens]}))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    run = subprocess.run(
        [sys.executable, "-c", PRELUDE + program, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=folder,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result: dict = json.loads(run.stdout.strip().splitlines()[-1])
    return result


def fits(window: dict, screen: tuple[int, int] = SCREEN) -> None:
    """The window, and its smallest size, inside ``screen``."""
    assert window["screen"] == list(screen)
    width, height = screen
    assert window["size"][0] <= width and window["size"][1] <= height, window
    assert window["minimum"][0] <= width and window["minimum"][1] <= height, window
    assert window["inside"], window
