"""一覧の書き出し: any list as CSV (UTF-8 with BOM, so Excel opens it) or as an .xlsx workbook.

Both are written owner-only and complete or not at all (``services.output_files.replacing_file``).

The xlsx writer is a small one of our own (the Office Open XML parts Excel needs, zipped with the
standard library): lists are plain text cells, so a spreadsheet library would add weight for nothing.
Cells holding whole numbers are written as numbers so that Excel can sum them.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from sakae_council.services.output_files import replacing_file

__all__ = ["export_table", "write_csv", "write_xlsx"]

Cell = str | int
Rows = Sequence[Sequence[Cell]]

#: Characters XML 1.0 forbids; a control character typed into a note must not break the workbook.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Text that Excel would read as a formula when the CSV is opened (CSV injection).
_FORMULA_START = ("=", "+", "-", "@")


def _csv_cell(value: Cell) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    return bool(re.fullmatch(r"-?\d+", text))


def write_csv(path: str | Path, headers: Sequence[str], rows: Rows) -> Path:
    """CSV in UTF-8 with a BOM and CRLF line ends (what Excel on Windows expects)."""
    out = Path(path)
    with replacing_file(out) as partial, partial.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow([_csv_cell(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_cell(v) for v in row])
    return out


def _column_name(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(ord("A") + rem) + name
    return name


def _xlsx_cell(ref: str, value: Cell, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    text = escape(_XML_ILLEGAL.sub("", str(value)))
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _sheet_name(name: str) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", "_", name).strip("'") or "一覧"
    return escape(cleaned[:31])


def _width(values: list[str]) -> float:
    # East Asian characters are about two columns wide in Excel's default font.
    longest = max((sum(2 if ord(ch) > 0x2E7F else 1 for ch in v) for v in values), default=8)
    return float(min(max(longest + 2, 6), 60))


_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""

_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="Yu Gothic"/></font><font><b/><sz val="11"/><name val="Yu Gothic"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""

_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:creator>sakae-council</dc:creator></cp:coreProperties>"""


def write_xlsx(path: str | Path, headers: Sequence[str], rows: Rows, *, sheet: str = "一覧") -> Path:
    """A one-sheet workbook: a bold header row (frozen), text cells, whole numbers as numbers."""
    out = Path(path)
    columns = max([len(headers)] + [len(r) for r in rows])
    texts: list[list[str]] = [[str(h) for h in headers]] + [[str(v) for v in r] for r in rows]
    widths = [_width([t[i] for t in texts if i < len(t)]) for i in range(columns)]
    lines = []
    table: list[list[Cell]] = [list(headers), *[list(x) for x in rows]]
    for r, row in enumerate(table, start=1):
        cells = "".join(
            _xlsx_cell(f"{_column_name(c)}{r}", v, 1 if r == 1 else (2 if isinstance(v, int) else 0))
            for c, v in enumerate(row)
        )
        lines.append(f'<row r="{r}">{cells}</row>')
    cols = "".join(
        f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths)
    )
    sheet_xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
        'state="frozen"/></sheetView></sheetViews>'
        + (f"<cols>{cols}</cols>" if cols else "")
        + f"<sheetData>{''.join(lines)}</sheetData></worksheet>"
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{_sheet_name(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    with replacing_file(out) as partial, zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        z.writestr("docProps/core.xml", _CORE.format(title=_sheet_name(sheet)))
    return out


def export_table(path: str | Path, headers: Sequence[str], rows: Rows, *, sheet: str = "一覧") -> Path:
    """Write ``rows`` as .xlsx or .csv, chosen by the file's suffix (anything else is CSV)."""
    if Path(path).suffix.lower() == ".xlsx":
        return write_xlsx(path, headers, rows, sheet=sheet)
    return write_csv(path, headers, rows)
