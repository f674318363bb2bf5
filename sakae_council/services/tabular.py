"""Reading and writing spreadsheet-like files: CSV in any encoding Japanese offices use, and xlsx.

Shared by the member import (``importing``) and the list exports (``exporting``). Every cell written is
neutralised so that Excel runs no formula from data.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sakae_council.db.backup import create_owner_only, fsync_dir
from sakae_council.domain.errors import ValidationError, msg

_BOM = b"\xef\xbb\xbf"
#: Characters that make Excel (or LibreOffice) read a cell as a formula or a command.
FORMULA_START = ("=", "+", "-", "@", "＝", "＋", "－", "＠", "\t", "\r")
#: Encodings a user may ask for -> what is written (UTF-8 always with BOM, so Excel reads it right).
ENCODINGS = {
    "utf-8": "utf-8-sig",
    "utf8": "utf-8-sig",
    "utf-8-sig": "utf-8-sig",
    "cp932": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "windows-31j": "cp932",
}


@dataclass(frozen=True)
class Table:
    """Rows of text cells read from a file; ``lines[i]`` is the line (CSV) or row (xlsx) number of rows[i]."""

    rows: tuple[tuple[str, ...], ...]
    lines: tuple[int, ...]
    encoding: str | None = None
    sheet: str | None = None


def neutralise_cell(value: str) -> str:
    """Text Excel will show as text: a leading apostrophe before = + - @ (also full-width), tab or CR."""
    return "'" + value if value.startswith(FORMULA_START) else value


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding found: UTF-8 with BOM, UTF-8, or CP932 (Shift_JIS)."""
    if data.startswith(_BOM):
        return data[len(_BOM) :].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp932"), "cp932"
    except UnicodeDecodeError:
        raise ValidationError(
            "file",
            "ファイルの文字コードを判別できません。Excelで「CSV UTF-8」または「CSV（コンマ区切り）」として保存し直してください。",
        ) from None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_csv(path: Path) -> Table:
    """A CSV (comma- or tab-separated) with its encoding detected."""
    text, encoding = decode_csv_bytes(path.read_bytes())
    head = text[:4096]
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[str, ...]] = []
    lines: list[int] = []
    start = 1
    try:
        for row in reader:
            rows.append(tuple(cell.strip() for cell in row))
            lines.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ValidationError(
            "file",
            msg(
                "{line}行目を読めません（{error}）。ファイルを確認してください。",
                line=reader.line_num,
                error=exc,
            ),
        ) from exc
    return Table(tuple(rows), tuple(lines), encoding=encoding)


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    """The first (or the named) sheet of an xlsx workbook, values as shown (formulas' cached results)."""
    try:
        from openpyxl import load_workbook
    except ImportError as exc:  # pragma: no cover - a packaging mistake, not a user error
        raise ValidationError(
            "file", "Excelファイルを読む部品が入っていません。CSVで保存して取り込んでください。"
        ) from exc
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException...
        raise ValidationError(
            "file",
            msg("「{name}」をExcelファイルとして読めません。ファイルを確認してください。", name=path.name),
        ) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ValidationError(
                "sheet",
                msg(
                    "シート「{sheet}」がありません。シート: {sheets}",
                    sheet=sheet,
                    sheets="、".join(book.sheetnames),
                ),
            )
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        rows: list[tuple[str, ...]] = []
        lines: list[int] = []
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            rows.append(tuple(_cell_text(v).strip() for v in row))
            lines.append(number)
        return Table(tuple(rows), tuple(lines), sheet=ws.title)
    finally:
        book.close()


def read_table(path: Path, *, sheet: str | None = None) -> Table:
    """CSV or xlsx, by content (an xlsx is a zip file), whatever its name ends with."""
    if not path.is_file():
        raise ValidationError(
            "file", msg("ファイル「{path}」が見つかりません。場所を確認してください。", path=path)
        )
    with path.open("rb") as fh:
        magic = fh.read(4)
    if magic == b"PK\x03\x04":
        return read_xlsx(path, sheet)
    if path.suffix.lower() in {".xls", ".xlsm"} or magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise ValidationError(
            "file", "古い形式のExcelファイル（.xls）は読めません。.xlsx か CSV で保存し直してください。"
        )
    return read_csv(path)


def _atomic_owner_only(destination: Path) -> Path:
    partial = destination.with_name(f".{destination.name}.partial")
    if partial.exists():
        partial.unlink()
    create_owner_only(partial)
    return partial


def _check_encodable(rows: Sequence[Sequence[str]], encoding: str) -> None:
    for n, row in enumerate(rows):
        for cell in row:
            try:
                cell.encode(encoding)
            except UnicodeEncodeError as exc:
                bad = cell[exc.start : exc.end]
                raise ValidationError(
                    "encoding",
                    msg(
                        "{n}行目に、Shift_JIS（CP932）では書けない文字「{bad}」があります。"
                        "UTF-8で書き出してください。",
                        n=n,
                        bad=bad,
                    ),
                ) from exc


def write_csv(
    destination: Path, header: Sequence[str], rows: Sequence[Sequence[str]], *, encoding: str = "utf-8"
) -> None:
    """A CSV for Excel: UTF-8 with BOM (or CP932), cells neutralised, owner-only, complete or absent."""
    codec = ENCODINGS.get(encoding.strip().lower().replace("_", "-"))
    if codec is None:
        raise ValidationError(
            "encoding",
            msg(
                "文字コード「{encoding}」は使えません。utf-8 か cp932 を指定してください。", encoding=encoding
            ),
        )
    table = [list(header)] + [[neutralise_cell(c) for c in row] for row in rows]
    _check_encodable(table, codec)
    partial = _atomic_owner_only(destination)
    try:
        with partial.open("w", encoding=codec, newline="") as fh:
            csv.writer(fh).writerows(table)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(destination.parent)


def write_xlsx(destination: Path, title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """An xlsx with one sheet; every cell is a text cell, so nothing is ever evaluated as a formula."""
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as exc:  # pragma: no cover
        raise ValidationError(
            "format", "Excel形式で書き出す部品が入っていません。CSVで書き出してください。"
        ) from exc
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = title[:31]
    for r, row in enumerate([list(header), *rows], start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
            if r == 1:
                cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    partial = _atomic_owner_only(destination)
    try:
        book.save(partial)
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(destination.parent)
