"""The layer rules of ARCHITECTURE.md, checked for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_services_and_reports_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "import sakae_council.services, sakae_council.reports, sakae_council.db.models, sakae_council.cli\n"
        "import pkgutil, importlib\n"
        "for pkg in (sakae_council.services, sakae_council.reports, sakae_council.domain, sakae_council.db):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' in m.name: continue\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(k for k in sys.modules if k.startswith('PySide6'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "", f"Qt imported outside gui/: {out.stdout}"


def test_import_linter_contracts_hold() -> None:
    exe = Path(sys.executable).parent / "lint-imports"
    out = subprocess.run([str(exe)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


BREACHES = [
    ("gui/pages/roster.py", "from sqlalchemy import select", "sakae_council.gui.pages.roster -> sqlalchemy"),
    (
        "gui/pages/issues.py",
        "from sakae_council.db.models import Person",
        "sakae_council.gui.pages.issues -> sakae_council.db.models",
    ),
    ("reports/roster.py", "import sqlalchemy", "sakae_council.reports.roster -> sqlalchemy"),
    ("services/people.py", "import reportlab", "sakae_council.services.people -> reportlab"),
    ("domain/text.py", "import PySide6", "sakae_council.domain.text -> PySide6"),
    # SQLite files are opened only by db/ (the standard library is in the graph: include_external_packages).
    ("services/people.py", "import sqlite3", "sakae_council.services.people -> sqlite3"),
    ("gui/pages/meetings.py", "import sqlite3", "sakae_council.gui.pages.meetings -> sqlite3"),
    ("cli/print_roster.py", "import sqlite3", "sakae_council.cli.print_roster -> sqlite3"),
    # The command line sits on top: nothing below it imports it.
    (
        "services/issues.py",
        "import sakae_council.cli.main",
        "sakae_council.services.issues -> sakae_council.cli.main",
    ),
]


def test_import_linter_refuses_what_the_design_forbids(tmp_path: Path) -> None:
    """Each forbidden import, added to a copy of the package, breaks a contract (the contracts have teeth)."""
    import shutil

    shutil.copytree(
        ROOT / "sakae_council", tmp_path / "sakae_council", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for relative, line, _ in BREACHES:
        with (tmp_path / "sakae_council" / relative).open("a", encoding="utf-8") as f:
            f.write(f"\n{line}  # noqa\n")
    exe = Path(sys.executable).parent / "lint-imports"
    env = {"PATH": str(Path(sys.executable).parent), "PYTHONPATH": str(tmp_path)}
    out = subprocess.run([str(exe), "--no-cache"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert out.returncode != 0
    for _, _, chain in BREACHES:
        assert chain in out.stdout, chain
