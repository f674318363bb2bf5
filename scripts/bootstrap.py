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
import socket
import subprocess
import sys
import tempfile
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


def missing_system_packages() -> list[str]:
    """The Debian packages of APT_PACKAGES not installed here (empty off Debian)."""
    if sys.platform != "linux" or not shutil.which("dpkg-query"):
        return []
    return [
        p
        for p in APT_PACKAGES
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True
        ).stdout.strip()
        != "install ok installed"
    ]


def install_system_packages() -> None:
    missing = missing_system_packages()
    if not missing:
        return
    if not shutil.which("apt-get") or os.geteuid() != 0:
        # A normal user cannot install them: say the one line to run, then go on (what can run, runs).
        log("these Debian packages are missing; install them once with:")
        print("    sudo apt-get install -y " + " ".join(missing), flush=True)
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


def start_postgres(env: dict[str, str], scratch: Path) -> bool:
    """Start a loopback PostgreSQL so the service tests run on both backends (skipped where absent).

    Returns True when this run started the server (and so must stop it); a server already listening on
    the port, or one named by SAKAE_TEST_PG_URL, is used and left running.
    """
    if env.get("SAKAE_TEST_PG_URL"):
        return False
    pg_env = dict(env, SAKAE_PG_DIR=str(scratch / "pg"))
    script = str(ROOT / "scripts" / "pg_server.py")
    with socket.socket() as probe:  # a server already listening there is reused, and left running
        reused = probe.connect_ex(("127.0.0.1", int(env.get("SAKAE_PG_PORT", "54329")))) == 0
    out = subprocess.run([sys.executable, script], capture_output=True, text=True, env=pg_env)
    if out.returncode == 0 and out.stdout.strip():
        env["SAKAE_TEST_PG_URL"] = out.stdout.strip()
        log(f"PostgreSQL for tests: {env['SAKAE_TEST_PG_URL']}" + (" (already running)" if reused else ""))
        return not reused
    log("PostgreSQL not available: its test variants are reported as skipped")
    return False


def stop_postgres(scratch: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "pg_server.py"), "stop"],
        env=dict(os.environ, SAKAE_PG_DIR=str(scratch / "pg")),
        check=False,
    )


def run_checks(py: Path, pytest_args: list[str]) -> int:
    # Everything the run writes (PostgreSQL's cluster, pytest's temporary folders, the bundle) goes into one
    # scratch folder that is removed at the end, also on Ctrl+C: the machine is left as it was found.
    scratch = Path(tempfile.mkdtemp(prefix="sakae-test-"))
    os.chmod(scratch, 0o755)  # the postgres user must reach its cluster inside
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started_pg = False
    try:
        started_pg = start_postgres(env, scratch)
        steps = [
            ("ruff", [str(py), "-m", "ruff", "check", "sakae_council", "tests", "bench", "scripts"]),
            # one layout everywhere: `ruff format sakae_council tests bench scripts` before committing
            (
                "ruff format",
                [str(py), "-m", "ruff", "format", "--check", "sakae_council", "tests", "bench", "scripts"],
            ),
            ("mypy", [str(py), "-m", "mypy", "sakae_council"]),
            (
                "import-linter",
                [str(venv_python().parent / ("lint-imports.exe" if os.name == "nt" else "lint-imports"))],
            ),
            # Two workers: the suite is long and the machines have two cores; each worker gets its own tests.
            (
                "pytest",
                [
                    str(py),
                    "-m",
                    "pytest",
                    "-n",
                    os.environ.get("SAKAE_TEST_WORKERS", "2"),
                    f"--basetemp={scratch / 'pytest'}",
                    *pytest_args,
                ],
            ),
        ]
        if not pytest_args and os.environ.get("SAKAE_SKIP_BUNDLE") != "1":
            # The installed program: build the PyInstaller folder and run its smoke tests (a change that
            # breaks the bundle fails here, not at a town's laptop). Skipped when pytest was given
            # arguments (a developer's partial run) or SAKAE_SKIP_BUNDLE=1.
            steps.append(
                (
                    "bundle",
                    [
                        str(py),
                        "-m",
                        "pytest",
                        "-p",
                        "no:xdist",
                        "-m",
                        "slow",
                        f"--basetemp={scratch / 'bundle'}",
                        "tests/packaging/test_bundle.py",
                    ],
                )
            )
        for name, cmd in steps:
            log(f"running {name}")
            step_env = dict(env, SAKAE_TEST_BUNDLE="1") if name == "bundle" else env
            rc = subprocess.run(cmd, cwd=ROOT, env=step_env).returncode
            if rc != 0:
                # pytest's 5 ("no tests ran") is a failure too, never a pass.
                log(f"{name} failed (exit code {rc})")
                return rc or 1
        log("all checks passed")
        return 0
    finally:
        if started_pg:
            stop_postgres(scratch)
        shutil.rmtree(scratch, ignore_errors=True)


def build_installer(py: Path) -> int:
    """Build the program folder, then (on Windows, with Inno Setup 6) the installer."""
    rc = subprocess.run([str(py), str(ROOT / "packaging" / "build.py")], cwd=ROOT).returncode
    if rc != 0:
        return rc
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    for guess in (
        Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6" / "ISCC.exe",
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Inno Setup 6" / "ISCC.exe",
    ):
        if not iscc and guess.is_file():
            iscc = str(guess)
    if not iscc:
        log(
            "program folder built in dist/sakae_council; Inno Setup 6 (ISCC.exe) was not found, so no installer"
        )
        return 1 if os.name == "nt" else 0
    return subprocess.run(
        [iscc, str(ROOT / "packaging" / "windows" / "sakae_council.iss")], cwd=ROOT
    ).returncode


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "build-installer"}:
        print("usage: python3 scripts/bootstrap.py run [program args] | test [pytest args] | build-installer")
        return 2
    install_system_packages()
    py = ensure_venv()
    if argv[0] == "run":
        return subprocess.run([str(py), "-m", "sakae_council", *argv[1:]], cwd=ROOT).returncode
    if argv[0] == "build-installer":
        return build_installer(py)
    try:
        return run_checks(py, argv[1:])
    except KeyboardInterrupt:
        log("stopped (Ctrl+C); the test server and temporary files were removed")
        return 130


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
