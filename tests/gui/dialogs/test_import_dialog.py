"""名簿の取り込み on screen, with real files: a CP932 roster with a title row, 全角 digits, 半角カナ and broken
rows; the preview with its column mapping (changed by the user), the rows with their line numbers, then
only the valid rows — or all of them, or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.import_members import ImportMembersDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.text_size import TextSize
from sakae_council.services import backups, people

from ..helpers import add_member, clipped_texts
from ..safety_helpers import ModalScript, pick_file

OFFICE_ROSTER = (
    "令和8年度 安食小学校区 推進員名簿（福祉課より）\r\n"
    "氏名,フリガナ,電話番号,住所,自治会\r\n"
    "山田 太郎,ﾔﾏﾀﾞ ﾀﾛｳ,０４７６－９５－１２３４,栄町安食１２３,北区\r\n"
    "佐藤 花子,サトウ ハナコ,0476-95-5678,栄町安食45,南区\r\n"
    ",スズキ,0476-95-0000,,東区\r\n"
    "鈴木 一郎,スズキ イチロウ,でんわ,,西区\r\n"
)


def _file(folder: Path, name: str, text: str, encoding: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def _open(qtbot: QtBot, window: MainWindow) -> ImportMembersDialog:
    page = window.show_page("roster")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    dialog = page.findChild(ImportMembersDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _cells(dialog: ImportMembersDialog) -> list[list[str]]:
    model = dialog.rows_model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_an_office_roster_is_previewed_remapped_and_only_its_valid_rows_imported(
    qtbot: QtBot,
    window: MainWindow,
    ctx: AppContext,
    db: Database,
    two_districts,
    tmp_path: Path,
    qtmodeltester,
) -> None:  # type: ignore[no-untyped-def]
    ctx.set_district(two_districts[0])
    source = _file(tmp_path, "推進員名簿.csv", OFFICE_ROSTER, "cp932")
    dialog = _open(qtbot, window)
    assert dialog.district.currentText() == "安食小学校区"
    assert not dialog.import_all_button.isEnabled() and not dialog.import_valid_button.isEnabled()

    script = ModalScript([(QFileDialog, pick_file(source))])
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    script.check()
    qtmodeltester.check(dialog.rows_model)
    assert "Shift_JIS（CP932）" in dialog.info.text() and "見出しは2行目" in dialog.info.text()
    assert dialog.mapping == {0: "name", 1: "furigana", 2: "phone", 3: "address"}
    assert [dialog.mapping_table.item(i, 0).text() for i in range(5)] == [  # type: ignore[union-attr]
        "1列目: 氏名",
        "2列目: フリガナ",
        "3列目: 電話番号",
        "4列目: 住所",
        "5列目: 自治会",
    ]
    assert dialog.mapping_table.cellWidget(4, 1).currentText() == "（取り込まない）"  # type: ignore[attr-defined]
    cells = _cells(dialog)
    assert [c[:3] for c in cells] == [
        ["3", "山田 太郎", "取り込める"],
        ["4", "佐藤 花子", "取り込める"],
        ["5", "", "誤りあり"],
        ["6", "鈴木 一郎", "誤りあり"],
    ]
    assert "【氏名】氏名がありません" in cells[2][3]
    assert "【電話番号】" in cells[3][3]
    assert dialog.summary.text() == "全4行: 取り込める行 2・誤りのある行 2・名簿にいる人と重複 0"
    assert not dialog.import_all_button.isEnabled(), "all-or-nothing cannot succeed with broken rows"
    assert dialog.import_valid_button.isEnabled()
    assert people.list_people(db) == [], "the preview wrote nothing"

    # 自治会 is worth keeping: the user takes that column for 備考, and the check runs again.
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_mapping(4, "notes")
    assert dialog.mapping == {0: "name", 1: "furigana", 2: "phone", 3: "address", 4: "notes"}
    # Taking a column for an item another column had moves it there (one column per item).
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_mapping(3, "phone")
    assert dialog.mapping == {0: "name", 1: "furigana", 3: "phone", 4: "notes"}
    assert dialog.mapping_table.cellWidget(2, 1).value() is None  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_mapping(3, "address")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_mapping(2, "phone")
    assert dialog.mapping == {0: "name", 1: "furigana", 2: "phone", 3: "address", 4: "notes"}

    with qtbot.waitSignal(dialog.imported, timeout=20_000) as done:
        qtbot.mouseClick(dialog.import_valid_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    assert report.committed and report.imported == 2
    assert [c[2] for c in _cells(dialog)] == ["取り込み済み", "取り込み済み", "誤りあり", "誤りあり"]
    assert "2人を名簿に取り込みました" in dialog.result_line.text.text()
    assert report.backup and report.backup in dialog.result_line.text.text()
    assert Path(report.backup).exists()
    assert backups.list_backups(db, summaries=False)[0].reason == "before-import"
    assert not dialog.import_all_button.isEnabled() and not dialog.import_valid_button.isEnabled()

    imported = {p.name: p for p in people.list_people(db)}
    assert set(imported) == {"山田 太郎", "佐藤 花子"}
    yamada = people.get_person(db, imported["山田 太郎"].id)
    assert (yamada.furigana, yamada.phone, yamada.address, yamada.notes) == (
        "ヤマダ タロウ",
        "0476-95-1234",
        "栄町安食123",
        "北区",
    )
    assert yamada.memberships[0].district_name == "安食小学校区"
    roster = window.page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 2)  # type: ignore[attr-defined]
    dialog.close()


def test_a_clean_file_is_imported_all_at_once_by_its_district_column(
    qtbot: QtBot, window: MainWindow, db: Database, two_districts, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = _file(
        tmp_path,
        "名簿.csv",
        "氏名,ふりがな,学区,役職\n北 一郎,きた いちろう,安食小学校区,会長\n南 二郎,みなみ じろう,布鎌小学校区,\n",
        "utf-8-sig",
    )
    dialog = _open(qtbot, window)
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_file(source)
    assert dialog.district.value() is None  # 全学区 in the switcher: each row's 学区 column decides
    assert "UTF-8（BOM付き）" in dialog.info.text()
    assert dialog.import_all_button.isEnabled() and not dialog.import_valid_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        qtbot.mouseClick(dialog.import_all_button, Qt.MouseButton.LeftButton)
    by_name = {p.name: p for p in people.list_people(db)}
    assert by_name["北 一郎"].memberships[0].district_name == "安食小学校区"
    assert by_name["北 一郎"].memberships[0].officer_post.label == "会長"
    assert by_name["南 二郎"].memberships[0].district_name == "布鎌小学校区"
    dialog.close()


def test_people_already_on_the_roster_are_not_imported_twice(
    qtbot: QtBot, window: MainWindow, db: Database, two_districts, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    add_member(db, "山田 太郎", "ヤマダ タロウ", two_districts[0])
    source = _file(tmp_path, "推進員名簿.csv", OFFICE_ROSTER, "cp932")
    dialog = _open(qtbot, window)
    dialog.district.set_value("安食小学校区")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_file(source)
    first = _cells(dialog)[0]
    assert first[2] == "名簿にいる人と重複" and "二重登録を避けるため取り込みません" in first[3]
    assert "名簿にいる人と重複 1" in dialog.summary.text()
    dialog.close()


def test_a_file_without_a_heading_row_is_explained_and_nothing_offered(
    qtbot: QtBot, window: MainWindow, db: Database, two_districts, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = _file(tmp_path, "メモ.csv", "山田,090\n佐藤,080\n", "utf-8")
    dialog = _open(qtbot, window)
    with qtbot.waitSignal(dialog.failed, timeout=10_000):
        dialog.set_file(source)
    assert "見出しの行が見つかりません" in dialog.error.text.text()
    assert not dialog.import_all_button.isEnabled() and not dialog.import_valid_button.isEnabled()
    assert dialog.rows_model.rowCount() == 0
    dialog.close()


def test_the_dialog_at_the_largest_text_size_cuts_nothing(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, db: Database, two_districts, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx.set_text_size(TextSize.XLARGE)
    source = _file(tmp_path, "推進員名簿.csv", OFFICE_ROSTER, "cp932")
    dialog = _open(qtbot, window)
    dialog.district.set_value("安食小学校区")
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.set_file(source)
    qtbot.waitUntil(lambda: dialog.fontMetrics().height() >= 22)
    qtbot.wait(50)
    assert clipped_texts(dialog) == []
    dialog.grab().save(str(tmp_path / "import-xlarge.png"))
    dialog.close()


def test_a_quote_left_open_in_unicode_text_is_shown_with_the_lines_it_swallowed(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, db: Database, two_districts, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Excel's 「Unicode テキスト」 (UTF-16, tabs) with a stray quote: read, and the refused row names lines 3–5."""
    ctx.set_district(two_districts[0])
    text = '氏名\tフリガナ\r\n山田 一郎\tヤマダ イチロウ\r\n佐藤 二郎\t"サトウ ジロウ\r\n鈴木 三郎\tスズキ サブロウ\r\n鈴木 四郎\tスズキ シロウ\r\n'
    source = _file(tmp_path, "名簿.txt", text, "utf-16")
    dialog = _open(qtbot, window)
    script = ModalScript([(QFileDialog, pick_file(source))])
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    script.check()
    assert "UTF-16" in dialog.info.text()
    cells = _cells(dialog)
    assert [c[:3] for c in cells] == [["2", "山田 一郎", "取り込める"], ["3", "佐藤 二郎", "誤りあり"]]
    assert "3〜5行目の3行がひとつにつながり" in cells[1][3]
