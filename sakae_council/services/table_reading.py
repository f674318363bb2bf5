"""Reading spreadsheet-like files for the member import: CSV in any encoding Japanese offices use, and xlsx.

Every line of a file is accounted for (a row, a blank line, or lines a broken quote made unreadable), and
the reading is bounded: rows, columns and the file's size are limited, an xlsx is streamed and its declared
size is never trusted, so a hostile file ends in a Japanese message rather than in exhausted memory.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sakae_council.domain.errors import ValidationError, msg

_BOM = b"\xef\xbb\xbf"

#: Limits of what an import reads: beyond them the file is refused with a message, before memory runs out.
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_FILE_BYTES = 30 * 1024 * 1024
#: The strings of an xlsx are held in memory whole: their uncompressed size is limited too.
MAX_XLSX_STRINGS_BYTES = 60 * 1024 * 1024


@dataclass(frozen=True)
class BrokenRecord:
    """Lines of a CSV that could not be read as a row (a quote opened and never properly closed)."""

    first_line: int
    last_line: int
    message: str
    #: The cells of its first line alone (to name the person it was meant to be).
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """The non-blank rows of a file as text cells, and where each came from.

    ``lines[i]`` is the line (CSV) or row (xlsx) on which rows[i] starts and ``last_lines[i]`` the one on
    which it ends (a quoted CSV cell may hold line breaks). Every line read is a row's, a broken
    record's, or one of the ``blank`` ones: ``total_lines`` = blank + the lines of rows and broken records.
    """

    #: A list, so that a reader done with a row may let it go (:func:`import_rows.plan_rows` does).
    rows: list[tuple[str, ...]]
    lines: tuple[int, ...]
    encoding: str | None = None
    sheet: str | None = None
    last_lines: tuple[int, ...] = ()
    broken: tuple[BrokenRecord, ...] = ()
    blank: int = 0
    total_lines: int = 0

    def last_line(self, i: int) -> int:
        """The line on which rows[i] ends."""
        return self.last_lines[i] if self.last_lines else self.lines[i]


def decode_csv_bytes(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding found: UTF-8 with BOM, UTF-16 with BOM (Excel's
    「Unicode テキスト」), UTF-8, or CP932 (Shift_JIS)."""
    if data.startswith(_BOM):
        return data[len(_BOM) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("cp932"), "cp932"
        except UnicodeDecodeError:
            pass
    raise ValidationError(
        "file",
        "ファイルの文字コードを判別できません。Excelで「CSV UTF-8」または「CSV（コンマ区切り）」として保存し直してください。",
    )


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


def _too_many_rows() -> ValidationError:
    return ValidationError(
        "file",
        msg(
            "行が多すぎます（{limit}行まで取り込めます）。ファイルを分けて取り込んでください。",
            limit=f"{MAX_ROWS:,}",
        ),
    )


def _too_many_columns(line: int) -> ValidationError:
    return ValidationError(
        "file",
        msg(
            "{line}行目の列が多すぎます（{limit}列まで）。右の方の余計なセルを消してから取り込んでください。",
            line=line,
            limit=MAX_COLUMNS,
        ),
    )


def _check_size(path: Path) -> None:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValidationError(
            "file",
            msg(
                "ファイルが大きすぎます（{limit}MBまで取り込めます）。ファイルを分けて取り込んでください。",
                limit=MAX_FILE_BYTES // (1024 * 1024),
            ),
        )


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class _Lines:
    """The physical lines of a text, remembering the one a record started on (to name a broken one)."""

    def __init__(self, text: str) -> None:
        self._matches = _LINE.finditer(text)
        self.count = 0
        self.watch = 0
        self.watched = ""

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._matches).group()
        self.count += 1
        if self.count == self.watch:
            self.watched = line
        return line


class _Collector:
    """Rows as they are read: blank ones only counted, the row and column limits checked as they come."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.lines: list[int] = []
        self.last_lines: list[int] = []
        self.blank = 0

    def add(self, cells: Sequence[str], first: int, last: int) -> None:
        if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
            raise _too_many_columns(first)
        row = tuple(c.strip() for c in cells[:MAX_COLUMNS])
        if not any(row):
            self.blank += last - first + 1
            return
        if len(self.rows) > MAX_ROWS:  # the data rows, plus a header and a few title rows
            raise _too_many_rows()
        self.rows.append(row)
        self.lines.append(first)
        self.last_lines.append(last)


def read_csv(path: Path) -> Table:
    """A CSV (comma- or tab-separated) with its encoding detected; every line accounted for.

    A cell may run over a line end only inside quotes that are properly closed: a quote left open (the
    rest of the file swallowed, or text right after the closing quote) makes a :class:`BrokenRecord`
    naming the lines it covers, and reading goes on after it.
    """
    _check_size(path)
    text, encoding = decode_csv_bytes(path.read_bytes())
    head = text[:4096]
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    source = _Lines(text)
    reader = csv.reader(source, delimiter=delimiter, strict=True)
    got = _Collector()
    broken: list[BrokenRecord] = []
    while True:
        first = source.watch = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            last = reader.line_num
            if len(broken) + len(got.rows) > MAX_ROWS:
                raise _too_many_rows() from None
            if last == first:
                text = msg(
                    '{line}行目の「"」（引用符）の使い方が正しくないため、この行を読めません。'
                    "引用符を直すか消してから取り込んでください。",
                    line=first,
                )
            else:
                text = msg(
                    '{line}行目の「"」（引用符）が閉じられていないため、{line}〜{last}行目の{n}行がひとつにつながり、'
                    "読めません。引用符を閉じるか消してから取り込んでください。",
                    line=first,
                    last=last,
                    n=last - first + 1,
                )
            broken.append(
                BrokenRecord(
                    first,
                    last,
                    text,
                    tuple(c.strip() for c in next(csv.reader([source.watched], delimiter=delimiter), [])),
                )
            )
            continue
        got.add(cells, first, reader.line_num)
    return Table(
        got.rows,
        tuple(got.lines),
        encoding=encoding,
        last_lines=tuple(got.last_lines),
        broken=tuple(broken),
        blank=got.blank,
        total_lines=reader.line_num,
    )


def _xlsx_strings_size(path: Path) -> int:
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            return sum(i.file_size for i in z.infolist() if i.filename.lower().endswith("sharedstrings.xml"))
    except (zipfile.BadZipFile, OSError):
        return 0  # load_workbook says the file is unreadable


def read_xlsx(path: Path, sheet: str | None = None) -> Table:
    """The first (or the named) sheet of an xlsx workbook, values as shown (formulas' cached results).

    Rows are streamed (read-only mode) and the sheet's declared size is not trusted: a stray cell far
    away makes one long row, not a million padded ones, and the row and column limits stop the reading.
    """
    try:
        from openpyxl import load_workbook
    except ImportError as exc:  # pragma: no cover - a packaging mistake, not a user error
        raise ValidationError(
            "file", "Excelファイルを読む部品が入っていません。CSVで保存して取り込んでください。"
        ) from exc
    _check_size(path)
    if _xlsx_strings_size(path) > MAX_XLSX_STRINGS_BYTES:
        raise ValidationError(
            "file", "Excelファイルの文字が多すぎて取り込めません。ファイルを分けて取り込んでください。"
        )
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
        ws.reset_dimensions()  # type: ignore[union-attr]  # never pad rows to the declared width
        got = _Collector()
        number = 0
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            if len(row) > MAX_COLUMNS and any(v is not None for v in row[MAX_COLUMNS:]):
                raise _too_many_columns(number)
            got.add([_cell_text(v) for v in row[:MAX_COLUMNS]], number, number)
        return Table(
            got.rows,
            tuple(got.lines),
            sheet=ws.title,
            last_lines=tuple(got.last_lines),
            blank=got.blank,
            total_lines=number,
        )
    finally:
        book.close()


def read_table(path: Path, *, sheet: str | None = None) -> Table:
    """CSV or xlsx, by content (an xlsx is a zip file), whatever its name ends with."""
    if path.is_dir():
        raise ValidationError(
            "file", msg("「{path}」はフォルダです。取り込むファイルを指定してください。", path=path)
        )
    if not path.is_file():
        raise ValidationError(
            "file", msg("ファイル「{path}」が見つかりません。場所を確認してください。", path=path)
        )
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
        if magic == b"PK\x03\x04":
            return read_xlsx(path, sheet)
        if path.suffix.lower() in {".xls", ".xlsm"} or magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise ValidationError(
                "file", "古い形式のExcelファイル（.xls）は読めません。.xlsx か CSV で保存し直してください。"
            )
        return read_csv(path)
    except PermissionError as exc:
        raise ValidationError(
            "file",
            msg(
                "ファイル「{path}」を読む権限がありません。ファイルの場所や権限を確認してください。",
                path=path,
            ),
        ) from exc
    except OSError as exc:
        raise ValidationError(
            "file", msg("ファイル「{path}」を読めません（{error}）。", path=path, error=exc.strerror or exc)
        ) from exc
