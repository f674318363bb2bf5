"""Start (or stop) a throwaway PostgreSQL cluster on loopback for the tests (Debian's postgresql package).

``pg_server.py [start]`` prints the URL to use (reusing a server already listening on the port);
``pg_server.py stop`` stops the cluster in ``SAKAE_PG_DIR`` and removes its folder. ``bootstrap.py test``
starts one in a fresh temporary folder and stops it when the run ends, also on Ctrl+C. Harmless where
PostgreSQL is not installed.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

BASE = Path(os.environ.get("SAKAE_PG_DIR", "/tmp/sakae-council-pg"))
PORT = int(os.environ.get("SAKAE_PG_PORT", "54329"))


def _bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _as_pg_user(cmd: list[str]) -> list[str]:
    if os.name != "nt" and os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _port_open() -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", PORT)) == 0


def start() -> str | None:
    """Start (or reuse) the cluster; return its URL, or None when PostgreSQL is not available."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        return None
    url = f"postgresql+psycopg://sakae@127.0.0.1:{PORT}/sakae_test"
    if _port_open():
        return url
    data = BASE / "data"
    if not (data / "PG_VERSION").exists():
        BASE.mkdir(parents=True, exist_ok=True)
        if os.name != "nt" and os.geteuid() == 0:
            shutil.chown(BASE, "postgres", "postgres")
        subprocess.run(
            _as_pg_user(
                [initdb, "-D", str(data), "-U", "sakae", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    subprocess.run(
        _as_pg_user(
            [
                pg_ctl,
                "-D",
                str(data),
                "-l",
                str(BASE / "log.txt"),
                "-w",
                "-o",
                f"-p {PORT} -k {BASE} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "start",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    for _ in range(50):
        if _port_open():
            break
        time.sleep(0.2)
    psql = _bin("psql")
    if psql:
        subprocess.run(
            [
                psql,
                "-h",
                "127.0.0.1",
                "-p",
                str(PORT),
                "-U",
                "sakae",
                "-d",
                "postgres",
                "-qc",
                "CREATE DATABASE sakae_test",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    return url


def stop() -> None:
    """Stop the cluster in BASE (if it runs) and remove BASE."""
    pg_ctl = _bin("pg_ctl")
    data = BASE / "data"
    if pg_ctl and (data / "postmaster.pid").exists():
        subprocess.run(
            _as_pg_user([pg_ctl, "-D", str(data), "-m", "fast", "-w", "stop"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
    shutil.rmtree(BASE, ignore_errors=True)


def port_in_use() -> bool:
    """Whether something already listens on the port (then ``start`` reuses it and nobody should stop it)."""
    return _port_open()


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        stop()
        raise SystemExit(0)
    result = start()
    if result is None:
        print("PostgreSQL is not installed", file=sys.stderr)
        raise SystemExit(1)
    print(result)
