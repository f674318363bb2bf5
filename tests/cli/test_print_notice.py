"""`sakae-council print notice|labels`, run as a real subprocess against a real file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from notice_town import notice_town
from pypdf import PdfReader

from sakae_council.db.engine import open_database


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sakae_council", "--db", str(db), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300)


def pages(path: Path) -> list[str]:
    return ["".join(p.extract_text().split("\n")) for p in PdfReader(str(path)).pages]


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("notice") / "t.db"
    db = open_database(path, user="テスト担当")
    try:
        meeting = notice_town(db).meeting
    finally:
        db.close()
    return path, meeting


def test_notice_for_everyone_names_the_unaddressed(town: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting = town
    out = tmp_path / "n.pdf"
    done = run(path, "print", "notice", str(meeting), "--date", "令和8年11月28日", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert "小川 幸子" in done.stderr and "住所が登録されていない" in done.stderr
    text = pages(out)
    assert len(text) == 7 and "𠮷田 花子　様" in text[1] and "小川 幸子" in text[-1]


def test_labels_for_a_meeting_and_for_a_district(town: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting = town
    done = run(
        path, "print", "labels", str(meeting), "--sheet", "24", "--start", "23", "-o", str(tmp_path / "m.pdf")
    )
    assert done.returncode == 0, done.stderr
    assert len(pages(tmp_path / "m.pdf")) == 2, "labels 23 and 24 of the first sheet, the rest on a second"
    whole = run(
        path, "print", "labels", "--district", "安食", "--order", "kana", "-o", str(tmp_path / "d.pdf")
    )
    assert whole.returncode == 0, whole.stderr
    text = pages(tmp_path / "d.pdf")[0]
    assert text.index("相川 次郎") < text.index("上野 三郎") < text.index("𠮷田 花子"), "五十音順"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["labels", "-o", "x.pdf"], "どちらか一つ"),
        (["labels", "1", "--district", "安食", "-o", "x.pdf"], "どちらか一つ"),
        (["labels", "1", "--start", "13", "-o", "x.pdf"], "1から12まで"),
        (["notice", "-o", "x.pdf"], "会議のIDを指定"),
        (["notice", "999", "-o", "x.pdf"], "見つかりません"),
    ],
)
def test_wrong_choices_say_what_to_do(
    town: tuple[Path, int], tmp_path: Path, args: list[str], message: str
) -> None:
    path, _meeting = town
    args = [a if a != "x.pdf" else str(tmp_path / "x.pdf") for a in args]
    done = run(path, "print", *args)
    assert done.returncode != 0 and message in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_notice_imports_only_its_own_paper_module(town: tuple[Path, int], tmp_path: Path) -> None:
    path, meeting = town
    words = ["--db", str(path), "print", "notice", str(meeting), "-o", str(tmp_path / "n.pdf")]
    probe = (
        "import sys; from sakae_council.cli.main import build_parser, command_in; w = sys.argv[1:]; "
        "build_parser(command_in(w), w).parse_args(w); "
        "print(','.join(sorted(m for m in sys.modules if m.startswith('sakae_council.cli.print_'))))"
    )
    parsed = subprocess.run(
        [sys.executable, "-c", probe, *words], capture_output=True, text=True, timeout=300
    )
    assert parsed.returncode == 0, parsed.stderr
    assert parsed.stdout.split() == ["sakae_council.cli.print_notice"]
