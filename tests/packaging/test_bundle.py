"""The installable program: a PyInstaller build of this checkout, run headless as town staff would use it.

Building takes about three minutes on two cores, so the main pytest run skips it and ``scripts/bootstrap.py
test`` (CI) runs it as its own step after the rest has passed. By hand:

    SAKAE_TEST_BUNDLE=1 .venv/bin/python -m pytest tests/packaging -m slow

(``SAKAE_BUNDLE_DIR=dist/sakae_council`` tests a folder built already, without building again.)
The built program gets its own home folder, so it never touches the user's data or settings.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakae_council import __version__

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("sakae_packaging_build", ROOT / "packaging" / "build.py")
assert _spec is not None and _spec.loader is not None
packaging_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(packaging_build)


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (os.environ.get("SAKAE_TEST_BUNDLE") or os.environ.get("SAKAE_BUNDLE_DIR")),
        reason="builds the PyInstaller bundle (~3 min): runs as its own step of bootstrap.py test, or set SAKAE_TEST_BUNDLE=1",
    ),
]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The program folder: built now into a temporary folder, or the one SAKAE_BUNDLE_DIR names."""
    given = os.environ.get("SAKAE_BUNDLE_DIR")
    if given:
        return Path(given).resolve()
    work = tmp_path_factory.mktemp("pyinstaller")
    return packaging_build.build(work / "dist", work / "build")


@pytest.fixture()
def home(tmp_path: Path) -> dict[str, str]:
    """An environment with a home of its own: data, settings and logs all land in ``tmp_path``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SAKAE_", "XDG_", "QT_"))}
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_DATA_HOME=str(tmp_path / "home" / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "home" / "config"),
        XDG_STATE_HOME=str(tmp_path / "home" / "state"),
        XDG_CACHE_HOME=str(tmp_path / "home" / "cache"),
        QT_QPA_PLATFORM="offscreen",
        SAKAE_COUNCIL_DB=str(tmp_path / "town.db"),
    )
    (tmp_path / "home").mkdir()
    return env


def run(
    bundle: Path, *args: str, env: dict[str, str], program: str = "sakae-council-cli"
) -> subprocess.CompletedProcess[str]:
    exe = packaging_build.executable(bundle.parent, program)
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=300)


def test_the_bundle_holds_what_the_program_reads_at_run_time(bundle: Path) -> None:
    internal = bundle / "_internal"
    for name in ("sakae-council", "sakae-council-cli"):
        assert packaging_build.executable(bundle.parent, name).is_file()
    assert (internal / "resources" / "fonts" / "BIZUDPGothic-Regular.ttf").is_file()
    assert (internal / "resources" / "fonts" / "LICENSE-BIZUD-Gothic.txt").is_file()
    assert (internal / "resources" / "i18n" / "sakae_council_en.qm").is_file()
    assert not list((internal / "resources").rglob("*.ts")), "translation sources stay out of the bundle"
    assert (internal / "resources" / "icons" / "sakae_council.svg").is_file()
    assert (internal / "resources" / "demo" / "town.json").is_file()
    migrations = internal / "sakae_council" / "db" / "migrations"
    assert (migrations / "env.py").is_file()
    shipped = {p.name for p in (migrations / "versions").glob("*.py")}
    source = {p.name for p in (ROOT / "sakae_council" / "db" / "migrations" / "versions").glob("*.py")}
    assert source <= shipped, f"migrations missing from the bundle: {source - shipped}"


def test_the_bundle_carries_qtpdf_and_leaves_unused_qt_out(bundle: Path) -> None:
    """The print window's preview (QtPdf, QtPdfWidgets) is in; WebEngine, QML/Quick, 3D, Multimedia are not."""
    names = {p.name for p in (bundle / "_internal").rglob("*") if p.is_file()}
    for wanted in ("QtPdf", "QtPdfWidgets", "QtPrintSupport"):
        assert any(n.startswith(f"{wanted}.") for n in names), f"{wanted} missing from the bundle"
    assert any("Qt6Pdf" in n for n in names)
    for unused in (
        "Qt6WebEngineCore",
        "Qt6Qml",
        "Qt6Quick",
        "Qt63DCore",
        "Qt6Multimedia",
        "QtWebEngineProcess",
        "virtualkeyboard",
    ):
        assert not any(unused in n for n in names), f"{unused} should not be in the bundle"
    assert "qtbase_ja.qm" in names  # Qt's own dialogs (印刷, 保存) in Japanese
    assert not {"qtbase_de.qm", "qt_fr.qm"} & names  # the other languages stay out


def test_version_init_demo_and_print_minutes(bundle: Path, home: dict[str, str], tmp_path: Path) -> None:
    version = run(bundle, "--version", env=home)
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"sakae-council {__version__}"

    init = run(bundle, "init", "--demo", env=home)
    assert init.returncode == 0, init.stderr
    assert "デモデータを登録しました" in init.stdout and (tmp_path / "town.db").is_file()

    listed = run(bundle, "list", "meetings", "--json", env=home)
    assert listed.returncode == 0, listed.stderr
    meetings = json.loads(listed.stdout)
    approved = next(m for m in meetings if m["status"] == "確定")

    out = tmp_path / "議事録.pdf"
    printed = run(bundle, "print", "minutes", "--meeting", str(approved["id"]), "-o", str(out), env=home)
    assert printed.returncode == 0, printed.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "議事録" in text and approved["body"] in text
    assert f"第{approved['number']}回" in text
    fonts = {
        str(font.get_object().get("/BaseFont"))
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any("BIZUD" in f for f in fonts), fonts  # the bundled fonts were found and embedded
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            descendant = font.get_object().get("/DescendantFonts")
            desc = (descendant[0].get_object() if descendant else font.get_object()).get("/FontDescriptor")
            if desc is not None:
                d = desc.get_object()
                assert any(k in d for k in ("/FontFile2", "/FontFile3", "/FontFile")), f"not embedded: {d}"


def test_print_roster_and_a_schema_check(bundle: Path, home: dict[str, str], tmp_path: Path) -> None:
    assert run(bundle, "init", "--demo", env=home).returncode == 0
    check = run(bundle, "check", env=home)
    assert check.returncode == 0, check.stderr  # the bundled migrations brought the file to head
    out = tmp_path / "名簿.pdf"
    printed = run(bundle, "print", "roster", "-o", str(out), env=home)
    assert printed.returncode == 0, printed.stderr
    reader = PdfReader(out)
    assert len(reader.pages) >= 2
    assert re.search(r"\d+ / \d+", reader.pages[0].extract_text())


def test_the_window_program_starts_headless_and_stays_up(
    bundle: Path, home: dict[str, str], tmp_path: Path
) -> None:
    assert run(bundle, "init", "--demo", env=home).returncode == 0
    exe = packaging_build.executable(bundle.parent, "sakae-council")
    proc = subprocess.Popen([str(exe)], env=home, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(8)  # Qt plugins, fonts, translations and the first page load in this time
        assert proc.poll() is None, f"the window program exited: {proc.communicate()}"
    finally:
        proc.terminate()
        try:
            _out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _out, err = proc.communicate()
    assert "Traceback" not in err
    logs = list((tmp_path / "home").rglob("sakae_council.log"))
    assert all("Traceback" not in p.read_text(encoding="utf-8") for p in logs)
