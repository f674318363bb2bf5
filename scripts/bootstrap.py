#!/usr/bin/env python3
"""Set everything up, then start the program (``run``) or run every check and test (``test``).

Works with only Python installed: creates ``.venv`` when it is missing or stale (pyproject.toml changed),
installs the project with its test and dev extras, and on Debian as root installs the system packages
that Qt offscreen, the PDF checks and the PostgreSQL tests need.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".sakae-stamp"
APT_PACKAGES = [
    # Qt offscreen / xcb
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libfontconfig1",
    "libdbus-1-3",
    "libglib2.0-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    # PDFs: pdffonts/pdftoppm for checks, the rare-character fallback font
    "poppler-utils",
    "fonts-ipamj-mincho",
    # the shared-server tests
    "postgresql",
]


def log(msg: str) -> None:
    print(f"[bootstrap] {msg}", flush=True)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def install_system_packages() -> None:
    if sys.platform != "linux" or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    missing = [
        p
        for p in APT_PACKAGES
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
        ).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return
    log("installing Debian packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=False, env=env, stdout=subprocess.DEVNULL)
    subprocess.run(
        ["apt-get", "install", "-y", "-q", *missing], check=True, env=env, stdout=subprocess.DEVNULL
    )


def wanted_stamp() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_venv() -> Path:
    py = venv_python()
    if py.exists() and STAMP.exists() and STAMP.read_text() == wanted_stamp():
        return py
    if not py.exists():
        log("creating .venv")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    log("installing the project and its dependencies into .venv")
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "-e", f"{ROOT}[test,dev]"], check=True)
    STAMP.write_text(wanted_stamp())
    return py


def start_postgres(env: dict[str, str]) -> None:
    """Start a loopback PostgreSQL so the service tests run on both backends (skipped where absent)."""
    if env.get("SAKAE_TEST_PG_URL"):
        return
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "pg_server.py")], capture_output=True, text=True
    )
    if out.returncode == 0 and out.stdout.strip():
        env["SAKAE_TEST_PG_URL"] = out.stdout.strip()
        log(f"PostgreSQL for tests: {env['SAKAE_TEST_PG_URL']}")
    else:
        log("PostgreSQL not available: service tests run on SQLite only")


def run_checks(py: Path, pytest_args: list[str]) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start_postgres(env)
    steps = [
        ("ruff", [str(py), "-m", "ruff", "check", "sakae_council", "tests", "bench", "scripts"]),
        ("mypy", [str(py), "-m", "mypy", "sakae_council"]),
        (
            "import-linter",
            [str(venv_python().parent / ("lint-imports.exe" if os.name == "nt" else "lint-imports"))],
        ),
        # Two workers: the suite is long and the machines have two cores; each worker gets its own tests.
        ("pytest", [str(py), "-m", "pytest", "-n", os.environ.get("SAKAE_TEST_WORKERS", "2"), *pytest_args]),
    ]
    for name, cmd in steps:
        log(f"running {name}")
        rc = subprocess.run(cmd, cwd=ROOT, env=env).returncode
        if rc != 0:
            # pytest's 5 ("no tests ran") is a failure too, never a pass.
            log(f"{name} failed (exit code {rc})")
            return rc or 1
    log("all checks passed")
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print("usage: python3 scripts/bootstrap.py run [program args] | test [pytest args]")
        return 2
    install_system_packages()
    py = ensure_venv()
    if argv[0] == "run":
        return subprocess.run([str(py), "-m", "sakae_council", *argv[1:]], cwd=ROOT).returncode
    return run_checks(py, argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
