"""Reading and writing spreadsheet-like files: CSV in any encoding Japanese offices use, and xlsx
(the reading itself lives in :mod:`table_reading`).

Shared by the member import (``importing``) and the list exports (``exporting``). Every cell written is
neutralised so that Excel runs no formula from data.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from pathlib import Path

from sakae_council.domain.errors import ValidationError, msg
from sakae_council.services.output_files import replacing_file

#: Characters that make Excel (or LibreOffice) read a cell as a formula or a command.
FORMULA_START = ("=", "+", "-", "@", "＝", "＋", "－", "＠", "\t", "\r")
#: Characters XML 1.0 forbids (an xlsx is XML): a control character typed into a note must not break it.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
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


def neutralise_cell(value: str) -> str:
    """Text Excel will show as text: a leading apostrophe before = + - @ (also full-width), tab or CR."""
    return "'" + value if value.startswith(FORMULA_START) else value


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
                        n=n + 1,  # the header is line 1
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
    with replacing_file(destination) as partial, partial.open("w", encoding=codec, newline="") as fh:
        csv.writer(fh).writerows(table)


def xml_safe(value: str) -> str:
    """``value`` without the control characters XML (and so an xlsx) cannot hold; tab and line breaks stay."""
    return _XML_ILLEGAL.sub("", value)


def write_xlsx(destination: Path, title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> int:
    """An xlsx with one sheet; every cell is a text cell, so nothing is ever evaluated as a formula.

    Control characters an xlsx cannot hold are left out; returns how many cells lost some."""
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
    cleaned = 0
    for r, row in enumerate([list(header), *rows], start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            safe = xml_safe(value)
            cleaned += safe != value
            cell.value = safe
            cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
            if r == 1:
                cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    with replacing_file(destination) as partial:
        book.save(partial)
    return cleaned
