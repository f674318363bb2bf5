"""Quick checks of the packaging files that cannot be exercised here (the Windows installer) and of the
user guide: names and paths agree with each other and with the code, so a rename breaks a test, not a
release."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import struct
import subprocess
from pathlib import Path

from sakae_council import __version__
from sakae_council.gui.pages.registry import PAGES

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("sakae_packaging_build", ROOT / "packaging" / "build.py")
assert _spec is not None and _spec.loader is not None
packaging_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(packaging_build)

SPEC = (ROOT / "packaging" / "sakae_council.spec").read_text(encoding="utf-8")
ISS_BYTES = (ROOT / "packaging" / "windows" / "sakae_council.iss").read_bytes()
ISS = ISS_BYTES.decode("utf-8-sig")


def test_spec_names_the_programs_and_folder_the_build_script_and_installer_expect() -> None:
    assert 'name="sakae-council"' in SPEC and 'name="sakae-council-cli"' in SPEC
    assert f'name="{packaging_build.APP_FOLDER}"' in SPEC
    assert re.search(r'#define AppExe "sakae-council\.exe"', ISS)
    assert rf"dist\{packaging_build.APP_FOLDER}" in ISS.replace("..\\..\\", "")
    for resource in ('"resources"', "migrations"):
        assert resource in SPEC


def test_installer_script_is_utf8_with_bom_and_its_files_exist() -> None:
    # Inno Setup reads a script as UTF-8 only with a BOM; without it the Japanese names turn to mojibake.
    assert ISS_BYTES.startswith(b"\xef\xbb\xbf")
    icon = re.search(r"SetupIconFile=(.+)", ISS)
    assert icon is not None
    assert (ROOT / "packaging" / "windows" / icon.group(1).strip().replace("\\", "/")).resolve().is_file()
    version = re.search(r'#define AppVersion "([^"]+)"', ISS)
    assert version is not None and version.group(1) == __version__
    assert "PrivilegesRequired=lowest" in ISS  # town laptops: no administrator rights
    assert re.search(r"AppId=\{\{[0-9A-F-]{36}\}", ISS)


def test_icons_exist_in_every_size_and_the_ico_is_well_formed() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "sakae_council.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        data = (icons / f"sakae_council_{size}.png").read_bytes()
        assert data.startswith(b"\x89PNG")
        width, height = struct.unpack(">II", data[16:24])
        assert (width, height) == (size, size)
    ico = (icons / "sakae_council.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    for i in range(count):
        w, _h, _c, _r, _planes, _bpp, size, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        assert ico[offset : offset + 4] == b"\x89PNG" and offset + size <= len(ico)


def test_desktop_entry_is_valid() -> None:
    entry = ROOT / "packaging" / "linux" / "sakae-council.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "Exec=sakae-council" in text and "Icon=sakae-council" in text and "Name[ja]=" in text
    validate = shutil.which("desktop-file-validate")
    if validate:
        result = subprocess.run([validate, str(entry)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_guide_shows_and_explains_every_page() -> None:
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    images = ROOT / "docs" / "images"
    for spec in PAGES:
        picture = images / f"page_{spec.key}.png"
        assert picture.is_file(), f"no screenshot of {spec.key}: run scripts/screenshots.py"
        assert f"](images/page_{spec.key}.png)" in guide, f"the guide does not show {spec.key}"
        assert f"## {spec.source_title}" in guide, f"the guide has no section for {spec.source_title}"
    for name in re.findall(r"\]\((images/[^)]+)\)", guide):
        assert (ROOT / "docs" / name).is_file(), name


def test_spec_carries_the_qt_modules_the_program_imports_and_leaves_the_others_out() -> None:
    unused = next(
        ast.literal_eval(node.value)
        for node in ast.parse(SPEC).body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "UNUSED_QT"
    )
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "sakae_council").rglob("*.py"))
    used = set(re.findall(r"PySide6\.(Qt\w+)", sources))
    assert {"QtPdf", "QtPdfWidgets", "QtPrintSupport"} <= used
    assert not used & set(unused), "a module the program imports is left out of the bundle"
    for name in ("QtPdf", "QtPdfWidgets", "QtPrintSupport"):
        assert f'"PySide6.{name}"' in SPEC
    import PySide6

    installed = {
        p.name.split(".")[0] for p in Path(PySide6.__file__).parent.glob("Qt*") if p.suffix in (".so", ".pyd")
    }
    # Neither imported nor left out: only the libraries QtPdf (QtNetwork, QtDBus) and the SVG icon plugin link to.
    assert installed - used - set(unused) <= {"QtNetwork", "QtDBus", "QtSvg"}
    assert {"QtWebEngineCore", "QtQml", "QtQuick", "QtMultimedia", "Qt3DCore"} <= set(unused)


# Inno Setup cannot run here, so its script is read the way ISCC reads it: sections, `Key=Value` lines in
# [Setup], `Param: value; ...` entries elsewhere, and the preprocessor's #define / #ifndef … #endif.
ISS_SECTIONS = {
    "Setup": None,
    "Languages": {"Name", "MessagesFile", "LicenseFile", "InfoBeforeFile", "InfoAfterFile"},
    "Tasks": {"Name", "Description", "GroupDescription", "Flags", "Components", "Check", "Languages"},
    "Files": {
        "Source",
        "DestDir",
        "DestName",
        "Flags",
        "Tasks",
        "Components",
        "Check",
        "Languages",
        "Permissions",
    },
    "Dirs": {"Name", "Flags", "Permissions", "Tasks", "Check"},
    "Icons": {
        "Name",
        "Filename",
        "Parameters",
        "WorkingDir",
        "IconFilename",
        "Comment",
        "Tasks",
        "Flags",
        "Check",
    },
    "Run": {"Filename", "Parameters", "Description", "Flags", "WorkingDir", "StatusMsg", "Tasks", "Check"},
    "UninstallDelete": {"Type", "Name", "Tasks", "Check"},
    "UninstallRun": {"Filename", "Parameters", "Flags", "RunOnceId", "WorkingDir"},
}
ISS_PARAM = re.compile(r'\s*([A-Za-z]+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)')


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: str | None = None
    depth = 0
    defined: set[str] = set()
    for number, raw in enumerate(ISS.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("#"):
            directive = line.split()[0]
            assert directive in {"#define", "#ifndef", "#ifdef", "#endif", "#include"}, (
                f"line {number}: {line}"
            )
            depth += {"#ifndef": 1, "#ifdef": 1, "#endif": -1}.get(directive, 0)
            assert depth >= 0, f"line {number}: #endif without #if"
            if directive == "#define":
                defined.add(line.split()[1])
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            assert current in ISS_SECTIONS, f"line {number}: unknown section [{current}]"
            sections.setdefault(current, [])
            continue
        assert current is not None, f"line {number}: text before the first section"
        for name in re.findall(r"\{#(\w+)\}", line):
            assert name in defined, f"line {number}: {{#{name}}} is not #defined above"
        sections[current].append(line)
    assert depth == 0, "an #ifndef/#ifdef is not closed"
    return sections


def test_installer_script_reads_as_inno_setup_reads_it() -> None:
    sections = iss_sections()
    for line in sections["Setup"]:
        assert re.fullmatch(r"[A-Za-z0-9]+=.+", line), f"[Setup] wants Key=Value: {line}"
    for section, lines in sections.items():
        allowed = ISS_SECTIONS[section]
        if allowed is None:
            continue
        for line in lines:
            params = dict(ISS_PARAM.findall(line))
            assert params, f"[{section}] entry without parameters: {line}"
            assert set(params) <= allowed, f"[{section}] unknown parameter in: {line}"
            for value in params.values():
                if value.startswith('"'):
                    assert value.endswith('"') and len(value) > 1, f"unclosed quote in: {line}"
    assert any(line.startswith("Source:") for line in sections["Files"])


def test_installer_takes_the_folder_the_build_script_makes_and_starts_the_window_program() -> None:
    defines = dict(re.findall(r'#define (\w+) "([^"]*)"', ISS))
    build_dir = (ROOT / "packaging" / "windows" / defines["BuildDir"].replace("\\", "/")).resolve()
    assert build_dir == (ROOT / "dist" / packaging_build.APP_FOLDER).resolve()  # build.py's default --dist
    assert defines["AppExe"] == "sakae-council.exe"  # the windowed program the spec names
    assert 'name="sakae-council"' in SPEC
    files = iss_sections()["Files"]
    assert any("{#BuildDir}\\*" in line and "recursesubdirs" in line for line in files)
    # Data lives outside {app}: uninstalling removes the program only (the README says so).
    assert "UninstallDelete" not in iss_sections()
