"""`sakae-council print minutes N` on a file closed cleanly reads the meeting without SQLAlchemy and prints the
same paper (text and fonts) as the full way; ReportLab's URL pattern is compiled only when used."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from meeting_town import revised_and_draft
from pypdf import PdfReader

from sakae_council.db.engine import open_database
from sakae_council.reports.meeting_docs import build_minutes, collect_minutes

#: Run as a fresh process: print through the command line's entry point, then list what was imported.
CHILD = """
import json, sys
from sakae_council.cli.main import main
code = main(sys.argv[1:])
heavy = ("sqlalchemy", "alembic", "PySide6", "sakae_council.gui", "sakae_council.db.models", "sakae_council.db.engine")
print(json.dumps({"code": code, "heavy": sorted(m for m in sys.modules if m.startswith(heavy))}))
"""


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A file closed cleanly with a revised 確定 meeting and a later draft; (path, revised id, draft id)."""
    folder = tmp_path_factory.mktemp("quick-print")
    (folder / "backups").mkdir()  # where the note of the clean close goes (the first backup makes it)
    path = folder / "town.db"
    return path, *revised_and_draft(path)


def _print(path: Path, *args: str, options: tuple[str, ...] = ()) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "--db", str(path), *options, "print", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _text_and_fonts(pdf: Path) -> tuple[list[str], set[str]]:
    reader = PdfReader(str(pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return [p.extract_text() for p in reader.pages], fonts


@pytest.mark.parametrize("which", ["revised", "draft"])
def test_the_quick_print_imports_no_orm_and_prints_the_same_paper(
    town: tuple[Path, int, int], tmp_path: Path, which: str
) -> None:
    path, revised, draft = town
    meeting_id = revised if which == "revised" else draft
    quick = tmp_path / "quick.pdf"

    result = _print(path, "minutes", str(meeting_id), "-o", str(quick))

    assert result == {"code": 0, "heavy": []}, "neither SQLAlchemy, the models nor the GUI for a quick print"
    db = open_database(path, read_only=True, user="テスト担当")
    try:
        detail, revisions = collect_minutes(db, meeting_id)
    finally:
        db.close()
    full = build_minutes(detail, tmp_path / "full.pdf", revisions=revisions)
    quick_text, quick_fonts = _text_and_fonts(quick)
    full_text, full_fonts = _text_and_fonts(full)
    assert quick_text == full_text
    assert quick_fonts == full_fonts
    if which == "revised":
        assert "令和9年2月・会場変更あり" in "".join(quick_text) and "第2版" in "".join(quick_text)


def test_a_file_in_use_is_printed_the_full_way(town: tuple[Path, int, int], tmp_path: Path) -> None:
    path, revised, _draft = town
    db = open_database(path, user="ほかの人")  # someone has it open: no quick look, the read-only open prints
    try:
        result = _print(
            path, "minutes", str(revised), "-o", str(tmp_path / "m.pdf"), options=("--read-only",)
        )
    finally:
        db.close()
    assert result["code"] == 0
    assert "sqlalchemy" in result["heavy"]
    assert "令和9年2月・会場変更あり" in "".join(_text_and_fonts(tmp_path / "m.pdf")[0])


def test_reportlab_url_pattern_compiles_on_first_use_and_matches_as_before() -> None:
    code = (
        "import re, sakae_council.reports, reportlab.platypus.paragraph as p\n"
        "from sakae_council.reports._lazy_uri import LazyPattern\n"
        "assert isinstance(p.uri_pat, LazyPattern), type(p.uri_pat)\n"
        "real = re.compile(p.uri_pat.pattern, p.uri_pat.flags)\n"
        "for s in ('https://www.town.sakae.chiba.jp/a?b=1', 'HTTP://例え.テスト/', 'mailto:x', 'not a url'):\n"
        "    assert bool(p.uri_pat.match(s)) == bool(real.match(s)), s\n"
        "assert p.uri_pat.match('https://www.town.sakae.chiba.jp/') is not None\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
