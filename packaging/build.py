#!/usr/bin/env python3
"""Build the one-folder program with PyInstaller: ``python packaging/build.py`` → ``dist/sakae_council/``.

Steps: compile the translations (.ts → .qm), check the icons are there, run PyInstaller on
``packaging/sakae_council.spec``. The folder holds ``sakae-council`` (the window) and
``sakae-council-cli`` (console), ready for ``packaging/windows/sakae_council.iss`` or a tarball with
``packaging/linux/sakae-council.desktop``.

Options: ``--dist DIR`` / ``--work DIR`` put the result and PyInstaller's scratch elsewhere (the smoke
test builds into a temporary folder); ``--clean`` empties PyInstaller's cache first.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "sakae_council.spec"
APP_FOLDER = "sakae_council"
REQUIRED = [
    ROOT / "resources" / "icons" / "sakae_council.svg",
    ROOT / "resources" / "icons" / "sakae_council_256.png",
    ROOT / "resources" / "icons" / "sakae_council.ico",
    ROOT / "resources" / "fonts" / "BIZUDPGothic-Regular.ttf",
]


def executable(dist: Path, name: str = "sakae-council-cli") -> Path:
    """Path of a program inside a built folder."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / APP_FOLDER / f"{name}{suffix}"


def build(dist: Path, work: Path, *, clean: bool = False) -> Path:
    missing = [str(p) for p in REQUIRED if not p.exists()]
    if missing:
        raise SystemExit("missing: " + ", ".join(missing) + " (run packaging/make_icons.py?)")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "--release"], check=True, cwd=ROOT)
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        cmd.append("--clean")
    started = time.monotonic()
    subprocess.run(cmd, check=True, cwd=ROOT)
    target = dist / APP_FOLDER
    print(f"built {target} in {time.monotonic() - started:.0f} s", flush=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--clean", action="store_true")
    args = parser.parse_args(argv)
    if shutil.which("pyinstaller") is None and not (Path(sys.executable).parent / "pyinstaller").exists():
        try:
            import PyInstaller  # noqa: F401
        except ImportError:
            raise SystemExit("PyInstaller is not installed: pip install -e '.[dev]'") from None
    build(args.dist, args.work, clean=args.clean)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
