"""``sakae-council backup [-o FILE] [--list]`` and ``sakae-council restore FILE``, through cli.main."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sakae_council import cli
from sakae_council.db.engine import open_database
from sakae_council.services.people import PersonInput, create_person, list_people

REPO = Path(__file__).resolve().parents[2]


def _town(path: Path, *names: str) -> None:
    db = open_database(path)
    try:
        for name in names:
            create_person(db, PersonInput(name=name, furigana="ジュウミン"))
    finally:
        db.close()


def _names(path: Path) -> set[str]:
    db = open_database(path, read_only=True)
    try:
        return {p.name for p in list_people(db)}
    finally:
        db.close()


def test_backup_list_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "town.db"
    _town(path, "住民 一郎", "住民 二郎")
    assert cli.main(["--db", str(path), "backup"]) == 0
    out = capsys.readouterr().out
    assert "バックアップを作成しました" in out and "名簿 2" in out
    made = Path(out.splitlines()[0].split(": ", 1)[1])
    assert made.parent == tmp_path / "backups" and made.exists()

    _town(path, "住民 三郎")
    assert cli.main(["--db", str(path), "backup", "--list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [item["path"] for item in listed] == [str(made)]
    assert listed[0]["counts"]["名簿"] == 2

    assert cli.main(["--db", str(path), "restore", str(made)]) == 0
    out = capsys.readouterr().out
    assert "復元しました" in out and "復元前のデータは次のファイルに保存してあります" in out
    assert _names(path) == {"住民 一郎", "住民 二郎"}
    safety = Path(out.strip().splitlines()[-1].split(": ", 1)[1])
    assert "住民 三郎" in _names(safety)


def test_backup_to_a_chosen_file_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "town.db"
    _town(path, "住民 一郎")
    target = tmp_path / "控え.db"
    assert cli.main(["--db", str(path), "backup", "-o", str(target)]) == 0
    assert _names(target) == {"住民 一郎"}
    capsys.readouterr()
    assert cli.main(["--db", str(path), "backup", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "上書きはしない" in err and "Traceback" not in err


def test_backup_works_while_the_gui_has_the_file_but_restore_waits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "town.db"
    _town(path, "住民 一郎")
    code = textwrap.dedent(
        f"""
        import sys
        from sakae_council.db.engine import open_database
        db = open_database({str(path)!r}, user="窓口 佐藤")
        print("ready", flush=True)
        sys.stdin.read()
        db.close()
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**__import__("os").environ, "PYTHONPATH": str(REPO)},
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        assert cli.main(["--db", str(path), "backup"]) == 0
        made = Path(capsys.readouterr().out.splitlines()[0].split(": ", 1)[1])
        assert cli.main(["--db", str(path), "restore", str(made)]) == 1
        err = capsys.readouterr().err
        assert "窓口 佐藤さん" in err and "使用中" in err
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_restore_of_a_missing_backup_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "town.db"
    _town(path, "住民 一郎")
    assert cli.main(["--db", str(path), "restore", str(tmp_path / "nothing.db")]) == 1
    err = capsys.readouterr().err
    assert "見つかりません" in err and "Traceback" not in err
    assert _names(path) == {"住民 一郎"}
