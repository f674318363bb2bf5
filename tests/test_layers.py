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
