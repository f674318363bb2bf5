"""`sakae-council print agenda|signin|minutes`, run as a real subprocess against real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from meeting_town import revised_and_draft
from pypdf import PdfReader


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sakae_council", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def text_of(path: Path) -> str:
    reader = PdfReader(str(path))
    total = len(reader.pages)
    pages = [p.extract_text() for p in reader.pages]
    for n, page in enumerate(pages, start=1):
        assert f"{n} / {total}" in page
    return "".join("".join(p.split("\n")) for p in pages)


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A file with one approved-and-revised meeting and one draft; returns (path, revised id, draft id)."""
    path = tmp_path_factory.mktemp("print") / "t.db"
    return path, *revised_and_draft(path)


def test_minutes_by_id_print_latest_revision(town: tuple[Path, int, int], tmp_path: Path) -> None:
    path, revised, _draft = town
    out = tmp_path / "m.pdf"
    done = run(path, "print", "minutes", str(revised), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "PDFを保存しました" in done.stdout
    text = text_of(out)
    assert "第2版" in text and "令和9年2月・会場変更あり" in text and "次回予定の訂正" in text
    assert "𠮷田 花子" in text and "<山本> & 榮" in text and "髙橋 一郎" in text
    assert "下書き" not in text

    first = tmp_path / "m1.pdf"
    done = run(path, "print", "minutes", "--meeting", str(revised), "--revision", "1", "-o", str(first))
    assert done.returncode == 0, done.stderr
    assert "会場変更" not in text_of(first)

    missing = run(path, "print", "minutes", str(revised), "--revision", "7", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 1 and "第7版は見つかりません" in missing.stderr


def test_agenda_and_signin_by_body_year_and_number(town: tuple[Path, int, int], tmp_path: Path) -> None:
    path, _revised, draft = town
    listed = json.loads(run(path, "list", "meetings", "--json").stdout)
    row = next(m for m in listed if m["id"] == draft)
    assert row["number"] == 2 and row["status"] == "下書き"
    agenda = tmp_path / "agenda.pdf"
    done = run(
        path,
        "print",
        "agenda",
        "--body",
        "安食",
        "--fiscal-year",
        "令和8年度",
        "--number",
        "2",
        "-o",
        str(agenda),
    )
    assert done.returncode == 0, done.stderr
    text = text_of(agenda)
    assert (
        "次　　第" in text
        and "令和8年度　第2回" in text
        and "議題1 放課後ひろば「さかえっ子」<b>太字</b>" in text
    )

    signin = tmp_path / "signin.pdf"
    done = run(path, "print", "signin", "--meeting", str(draft), "-o", str(signin))
    assert done.returncode == 0, done.stderr
    text = text_of(signin)
    assert "出　席　簿" in text and "𠮷田 花子" in text and "代理: 代理 𠮷川" in text

    draft_minutes = tmp_path / "draft.pdf"
    assert run(path, "print", "minutes", str(draft), "-o", str(draft_minutes)).returncode == 0
    assert "下書き（未確定）" in text_of(draft_minutes)


def test_unknown_or_unspecified_meetings_are_refused_in_plain_japanese(
    town: tuple[Path, int, int], tmp_path: Path
) -> None:
    path, _revised, _draft = town
    out = str(tmp_path / "x.pdf")
    nothing = run(path, "print", "agenda", "-o", out)
    assert nothing.returncode == 1 and "会議を指定してください" in nothing.stderr
    unknown = run(path, "print", "agenda", "999", "-o", out)
    assert unknown.returncode == 1 and "見つかりません" in unknown.stderr
    no_body = run(
        path, "print", "agenda", "--body", "存在しない会", "--fiscal-year", "R8", "--number", "1", "-o", out
    )
    assert no_body.returncode == 1 and "会議体「存在しない会」が見つかりません" in no_body.stderr
    no_number = run(
        path, "print", "agenda", "--body", "安食小学校区", "--fiscal-year", "2026", "--number", "9", "-o", out
    )
    assert no_number.returncode == 1 and "第9回の会議は登録されていません" in no_number.stderr
    assert "Traceback" not in unknown.stderr + no_body.stderr + no_number.stderr
    assert not Path(out).exists()


def test_one_paper_imports_only_its_own_module_and_the_quick_exit_leaves_everything_written(
    town: tuple[Path, int, int], tmp_path: Path
) -> None:
    path, revised, _draft = town
    words = ["--db", str(path), "print", "minutes", str(revised), "-o", str(tmp_path / "m.pdf")]
    probe = (
        "import sys; from sakae_council.cli.main import build_parser, command_in; w = sys.argv[1:]; "
        "build_parser(command_in(w), w).parse_args(w); "
        "print(','.join(sorted(m for m in sys.modules if m.startswith('sakae_council.cli.print_'))))"
    )
    parsed = subprocess.run(
        [sys.executable, "-c", probe, *words], capture_output=True, text=True, timeout=300
    )
    assert parsed.returncode == 0, parsed.stderr
    assert parsed.stdout.split() == ["sakae_council.cli.print_meeting"], (
        "no other paper's module for its options"
    )

    done = run(path, "print", "minutes", str(revised), "-o", str(tmp_path / "m.pdf"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("m.pdf"), "the message reached the pipe before the process ended"
    assert "第2版" in text_of(tmp_path / "m.pdf"), "the PDF is whole"
    assert not Path(f"{path}.lock").exists() and not list(path.parent.glob("*.lock")), "the data file closed"

    helped = run(path, "print", "--help")
    assert helped.returncode == 0 and "minutes" in helped.stdout and "roster" in helped.stdout, (
        "every paper listed"
    )
