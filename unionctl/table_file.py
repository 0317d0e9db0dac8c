"""The one table reader: a CSV/TSV text file or an .xlsx workbook, read the same way.

Every import (members now; proposals, aid and events later) opens its file with
`open_table`, which reads the header and refuses a file it cannot use with one line
(`UnionError`), then iterates `TableFile.rows()`: (line, {code: cell text}) for a good row,
(line, UnionError) for a malformed one, so the import reports every bad row together.

`rows()` streams: each call reads the file again from the start, so an import can make a
check pass and then a write pass in flat memory. Line numbers are the file's own: the
text line a record starts on, or the sheet's row number.

openpyxl (read-only) reads workbooks: it is imported only here, only for an .xlsx. It was
chosen over python-calamine (5x faster, bench/README.md) because an import must see what
calamine hides: a formula without a saved value, and merged cells inside the data.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import operator
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unionctl.errors import UnionError
from unionctl.labels import HEADERS, os_reason
from unionctl.parsing import format_money
from unionctl.render import unexcel_text, unneutralise

FIELD_LIMIT = 128 * 1024  # csv's own default limit, named so the message can say it
HEADER_SEARCH = 10  # rows looked at for the header (title lines above it are skipped)
_CHUNK = 1 << 16
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected .xlsx

Row = tuple[int, "dict[str, str] | UnionError"]


@dataclass
class TableFile:
    path: Path
    columns: list[str]  # field codes found in the header, in file order
    ignored: list[str]  # header names not understood (序号, 备注 …): warned about, not refused
    sheet: str | None  # xlsx sheet read
    _source: _Source = field(repr=False)
    hidden: list[int] = field(default_factory=list)  # xlsx rows hidden in the sheet: warned

    def rows(self) -> Iterator[Row]:
        """(line or sheet row number, {code: cell text}) or (line, problem) for a
        malformed row (one per bad cell: a row may yield several). Streams; each call
        re-reads the file."""
        return self._source.rows()


def open_table(
    path: Path,
    *,
    fields: Sequence[str],
    aliases: Mapping[str, str],
    required: Sequence[str],
    kinds: Mapping[str, str] = {},
    sheet: str | None = None,
) -> TableFile:
    """Open a CSV/TSV/xlsx table and read its header; refuse what cannot be read.

    kinds: "date" (an xlsx date cell or serial becomes ISO text), "digits" (an xlsx
    number cell becomes its digits; the Excel-safe CSV forms ="00123" and a leading tab
    are undone), "money" (an xlsx number within float noise of whole fen reads as those
    fen, as the sheet shows it: 33.3*3 is 99.89999999999999 stored, 99.90 shown). Other
    columns are text: a date cell there is a problem."""
    try:
        with path.open("rb") as stream:
            magic = stream.read(8)
    except OSError as error:
        raise UnionError("import_unreadable", path=str(path), detail=os_reason(error)) from None
    index = header_index(fields, aliases)
    if magic.startswith(_OLE_MAGIC):
        key = "import_encrypted" if _encrypted(path) else "import_xls"
        raise UnionError(key, path=str(path))
    if magic.startswith(_XLSX_MAGIC):
        source: _Source = _Workbook(path, index, required, kinds, sheet)
        return TableFile(path, source.columns, source.ignored, source.sheet, source, source.hidden)
    if sheet is not None:
        raise UnionError("import_sheet_not_workbook", path=str(path))
    if path.suffix.lower() == ".xls":
        raise UnionError("import_xls", path=str(path))
    source = _Text(path, index, required, kinds)
    return TableFile(path, source.columns, source.ignored, None, source)


def header_index(fields: Sequence[str], aliases: Mapping[str, str]) -> dict[str, str]:
    """Every accepted header spelling (normalised) → field code."""
    index: dict[str, str] = {}
    for code in fields:
        index[_header_key(code)] = code
        if code in HEADERS:
            en, zh = HEADERS[code]
            index[_header_key(en)] = code
            index[_header_key(zh)] = code
    for name, code in aliases.items():
        index[_header_key(name)] = code
    return index


def _header_key(name: str) -> str:
    """Header cells as HR types them: full-width letters, spaces to align (工  号),
    a line break inside the cell, a * marking a required column."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(text.split()).strip("*").lower()


def _encrypted(path: Path) -> bool:
    """A password-protected .xlsx is an OLE file holding an `EncryptedPackage` stream."""
    try:
        with path.open("rb") as stream:
            head = stream.read(1 << 20)
    except OSError:
        return False
    return "EncryptedPackage".encode("utf-16-le") in head


class _Source:
    columns: list[str]
    ignored: list[str]
    sheet: str | None = None

    def rows(self) -> Iterator[Row]:
        raise NotImplementedError


class _Header:
    """Where the header is, which position holds which field, and which are ignored."""

    def __init__(self, path: Path, cells: list[str], index: dict[str, str]) -> None:
        self.width = len(cells)
        self.columns: list[str] = []
        self.positions: list[int] = []
        self.ignored: list[str] = []
        self.unnamed: list[int] = []
        for position, raw in enumerate(cells):
            name = raw.strip()
            if not name:
                self.unnamed.append(position)
                continue
            code = index.get(_header_key(name))
            if code is None:
                self.ignored.append(name)
                continue
            if code in self.columns:
                raise UnionError("import_duplicate_column", path=str(path), column=name)
            self.columns.append(code)
            self.positions.append(position)


def _find_header(
    path: Path,
    candidates: list[tuple[int, list[str]]],
    index: dict[str, str],
    required: Sequence[str],
) -> tuple[int, _Header]:
    """The first of the leading rows that names every required column: HR puts a title
    (a merged "XX医院职工花名册" line) or a date line above the header."""
    first: _Header | None = None
    for line, cells in candidates:
        header = _Header(path, cells, index)
        first = first or header
        if header.columns and all(code in header.columns for code in required):
            return line, header
    missing = [c for c in required if first is None or c not in first.columns]
    named = ", ".join(f"{c} {HEADERS[c][1]}" if c in HEADERS else c for c in missing)
    raise UnionError("import_missing_column", path=str(path), columns=named)


# --- CSV / TSV ---------------------------------------------------------------------------


class _Text(_Source):
    def __init__(
        self, path: Path, index: dict[str, str], required: Sequence[str], kinds: Mapping[str, str]
    ) -> None:
        self.path = path
        self.kinds = kinds
        self.encoding = _encoding(path)
        with self._open() as stream:
            sample = stream.read(4096)
        if not sample.strip():
            raise UnionError("import_empty", path=str(path))
        self.delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
        candidates = []
        for line, record in self._records():
            if isinstance(record, UnionError):
                break
            if any(cell.strip() for cell in record):
                candidates.append((line, record))
            if len(candidates) == HEADER_SEARCH:
                break
        if not candidates:
            raise UnionError("import_empty", path=str(path))
        self.header_line, self.header = _find_header(path, candidates, index, required)
        self.columns = self.header.columns
        self.ignored = self.header.ignored
        if not any(
            line > self.header_line
            and (isinstance(record, UnionError) or any(c.strip() for c in record))
            for line, record in self._records()
        ):
            raise UnionError("import_no_rows", path=str(path))

    def _open(self):
        try:
            return self.path.open(encoding=self.encoding, newline="")
        except OSError as error:
            raise UnionError(
                "import_unreadable", path=str(self.path), detail=os_reason(error)
            ) from None

    def _records(self) -> Iterator[tuple[int, list[str] | UnionError]]:
        """(first line, fields) per record; a record that spans lines, or a field past
        the size limit, is a problem (an unbalanced quote swallows the rows after it)."""
        with self._open() as stream:
            reader = csv.reader(stream, delimiter=self.delimiter)
            start = 1
            while True:
                try:
                    record = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    key = "import_field_too_long" if "field limit" in str(error) else "import_csv"
                    yield start, UnionError(key, limit="128 KiB", detail=str(error))
                    return  # the parser's place in the file is lost: nothing after is known
                end = reader.line_num
                if end > start and any(("\n" in c or "\r" in c) for c in record):
                    yield start, UnionError("import_runaway_quote", end=end)
                else:
                    yield start, record
                start = end + 1

    def rows(self) -> Iterator[Row]:
        header = self.header
        width = header.width
        pairs = list(zip(header.columns, header.positions, strict=True))
        unnamed = header.unnamed  # positions under a blank header cell, in order
        codes = [code for code, _ in pairs]
        cells = operator.itemgetter(*[i for _, i in pairs], 0)  # always a tuple
        for line, record in self._records():
            if line <= self.header_line:
                continue
            if isinstance(record, UnionError):
                yield line, record
                continue
            joined = "".join(record)
            if not joined.strip():
                continue  # blank lines, often at the end of spreadsheet exports
            # a value under no header: an unnamed column's, or past the header's width
            stray = [record[i] for i in unnamed if i < len(record) and record[i].strip()]
            if len(record) > width:
                stray += [c for c in record[width:] if c.strip()]
            if len(record) < width or (stray and len(record) > width):
                yield line, UnionError("import_row_width", found=len(record), expected=width)
                continue
            if stray:
                yield line, UnionError("import_unnamed_value", value=stray[0])
                continue
            if "=" in joined or "'" in joined:
                yield line, {code: unexcel_text(record[i]) for code, i in pairs}
            else:  # no cell can start with = or ': unexcel_text would give each as it is
                yield line, dict(zip(codes, cells(record), strict=False))


def _encoding(path: Path) -> str:
    """utf-8-sig, else gb18030; the decoder that got further says where the bad bytes are."""
    failures = []
    for encoding in ("utf-8-sig", "gb18030"):
        where = _decodes(path, encoding)
        if where is None:
            return encoding
        failures.append(where)
    _offset, line = max(failures)
    raise UnionError("import_decode", path=str(path), line=line)


def _decodes(path: Path, encoding: str) -> tuple[int, int] | None:
    """None if the whole file decodes, else (byte offset, line) of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    lines = 1
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as error:
                    # the decoder may hold back up to 3 bytes of the previous chunk
                    bad = max(0, error.start - (len(error.object) - len(chunk)))
                    return offset + bad, lines + chunk[:bad].count(b"\n")
                offset += len(chunk)
                lines += chunk.count(b"\n")
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset, lines
    except OSError as error:
        raise UnionError("import_unreadable", path=str(path), detail=os_reason(error)) from None
    return None


# --- xlsx -----------------------------------------------------------------------------------

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?"')
# A row hidden in the sheet (filtered out, or hidden by hand): <row r="5" … hidden="1">.
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\s[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER = re.compile(rb'\sr="([0-9]+)"')


class _Workbook(_Source):
    def __init__(
        self,
        path: Path,
        index: dict[str, str],
        required: Sequence[str],
        kinds: Mapping[str, str],
        sheet: str | None,
    ) -> None:
        self.path = path
        self.kinds = kinds
        book = _load(path)
        names = book.sheetnames
        if sheet is None:
            if not book.worksheets:
                raise UnionError("import_empty", path=str(path))
            worksheet = book.worksheets[0]
        elif sheet in names:
            worksheet = book[sheet]
        else:
            raise UnionError(
                "import_no_sheet", path=str(path), sheet=sheet, sheets=", ".join(names)
            )
        if not hasattr(worksheet, "_get_source"):  # a chart sheet
            raise UnionError("import_empty_sheet", path=str(path), sheet=worksheet.title)
        self.book = book
        self.worksheet = worksheet
        self.sheet = worksheet.title
        self.merges, hidden = self._scan()
        candidates = []
        for number, cells in self._raw_rows():
            texts = ["" if c is None else str(c["value"] or "") for c in cells]
            if any(t.strip() for t in texts):
                candidates.append((number, texts))
            if len(candidates) == HEADER_SEARCH:
                break
        if not candidates:
            raise UnionError("import_empty_sheet", path=str(path), sheet=self.sheet)
        self.header_row, self.header = _find_header(path, candidates, index, required)
        self._two_level_header(path, candidates, index, required)
        self.columns = self.header.columns
        self.ignored = self.header.ignored
        self.hidden = [number for number in hidden if number > self.header_row]
        if not any(
            number > self.header_row
            and any(c is not None and c["value"] not in (None, "") for c in cells)
            for number, cells in self._raw_rows()
        ):
            raise UnionError("import_no_rows", path=str(path))

    def _two_level_header(
        self,
        path: Path,
        candidates: list[tuple[int, list[str]]],
        index: dict[str, str],
        required: Sequence[str],
    ) -> None:
        """A header over two rows, as HR draws it: 工号 and 姓名 merged down over both,
        "联系方式" across two columns with 手机 and 身份证号码 below it. The header then
        ends at the last row those merges reach, and each column is named by its lowest
        cell (手机, not 联系方式)."""
        top = self.header_row
        end = max((last for first, last, _ in self.merges if first <= top < last), default=top)
        if end == top:
            return
        block = [cells for number, cells in candidates if top <= number <= end]
        width = max(len(cells) for cells in block)
        names = []
        for position in range(width):
            texts = [c[position] for c in block if position < len(c) and c[position].strip()]
            names.append(texts[-1] if texts else "")
        self.header_row, self.header = _find_header(path, [(end, names)], index, required)
        self.columns = self.header.columns
        self.ignored = self.header.ignored

    def _scan(self) -> tuple[list[tuple[int, int, str]], list[int]]:
        """(first row, last row, "A5:A9") of every merged range, and the numbers of the
        rows hidden in the sheet. Merges sit at the end of the sheet's XML, hidden rows
        anywhere: scan the raw bytes for both, without parsing every cell."""
        found = []
        hidden = set()
        tail = b""
        with self.book._archive.open(self.worksheet._worksheet_path) as raw:
            while chunk := raw.read(_CHUNK):
                data = tail + chunk
                for match in _MERGE.finditer(data):
                    col1, row1, col2, row2 = (g.decode() if g else g for g in match.groups())
                    ref = f"{col1}{row1}" + (f":{col2}{row2}" if col2 else "")
                    found.append((int(row1), int(row2 or row1), ref))
                for match in _HIDDEN_ROW.finditer(data):
                    number = _ROW_NUMBER.search(match.group(0))
                    if number:
                        hidden.add(int(number.group(1)))
                tail = data[-400:]
        return sorted(set(found)), sorted(hidden)

    def _raw_rows(self) -> Iterator[tuple[int, list[dict | None]]]:
        """(sheet row number, cells by column position from A) of each row in the file."""
        parser_class = _parser_class()
        worksheet = self.worksheet
        book = self.book
        try:
            with worksheet._get_source() as source:
                parser = parser_class(
                    source,
                    worksheet._shared_strings,
                    data_only=True,
                    epoch=book.epoch,
                    date_formats=book._date_formats,
                    timedelta_formats=book._timedelta_formats,
                )
                for number, cells in parser.parse():
                    if not cells:
                        continue
                    row: list[dict | None] = [None] * cells[-1]["column"]
                    for cell in cells:
                        row[cell["column"] - 1] = cell
                    yield number, row
        except UnionError:
            raise
        except Exception as error:  # a damaged sheet: zip, XML or number errors alike
            raise UnionError(
                "import_xlsx_corrupt", path=str(self.path), detail=_detail(error)
            ) from None

    def rows(self) -> Iterator[Row]:
        header = self.header
        pairs = list(zip(header.columns, header.positions, strict=True))
        unnamed = set(header.unnamed)
        width = header.width
        merges = [m for m in self.merges if m[1] > self.header_row]
        skip_until = 0
        for number, cells in self._raw_rows():
            if number <= self.header_row or number <= skip_until:
                continue
            while merges and merges[0][1] < number:
                first, last, ref = merges.pop(0)  # a merge over rows absent from the file
                yield max(first, self.header_row + 1), self._merged(ref)
            if merges and merges[0][0] <= number:
                first, last, ref = merges.pop(0)
                skip_until = last
                yield number, self._merged(ref)
                continue
            if all(c is None or c["value"] in (None, "") for c in cells):
                continue
            stray = [
                c
                for i, c in enumerate(cells)
                if (i in unnamed or i >= width) and c is not None and c["value"] not in (None, "")
            ]
            if stray:
                yield number, UnionError("import_unnamed_value", value=str(stray[0]["value"]))
                continue
            values: dict[str, str] = {}
            problems: list[UnionError] = []
            for code, position in pairs:
                cell = cells[position] if position < len(cells) else None
                try:
                    values[code] = self._text(cell, code, number, position)
                except UnionError as error:
                    problems.append(error)
            if problems:  # every bad cell of the row, each on its own line
                for problem in problems:
                    yield number, problem
            else:
                yield number, values
        for first, _last, ref in merges:
            yield max(first, self.header_row + 1), self._merged(ref)

    def _merged(self, ref: str) -> UnionError:
        return UnionError("import_merged", cells=f"{self.sheet}!{ref}")

    def _text(self, cell: dict | None, code: str, row: int, position: int) -> str:
        """A cell as the text a CSV would have held, by the column's kind."""
        if cell is None:
            return ""
        value = cell["value"]
        kind = self.kinds.get(code, "text")
        if cell.get("no_value"):
            raise UnionError("import_formula_no_value", cell=self._ref(row, position))
        if value is None:
            return ""
        if cell["data_type"] == "e":
            raise UnionError("import_cell_error", cell=self._ref(row, position), value=value)
        if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
            if kind != "date" or not isinstance(value, dt.date):
                raise UnionError(
                    "import_date_in_text",
                    cell=self._ref(row, position),
                    column=HEADERS[code][1] if code in HEADERS else code,
                )
            return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
        if isinstance(value, bool):  # TRUE/FALSE: 是/否 reads as a yes/no and as 是否会员
            return "是" if value else "否"
        if isinstance(value, int | float):
            if kind == "date":
                if 1900 <= value <= 2100:  # 出生年月 1990.03 typed as a number, not a serial
                    return self._year_month(value, row, position)
                return _serial_date(value, self.book.epoch) or _number_text(value)
            if kind == "digits" and abs(value) >= 10**15:
                raise UnionError(
                    "import_number_damaged",
                    cell=self._ref(row, position),
                    value=_number_text(value),
                )
            if kind == "digits" and isinstance(value, int | float):
                return self._as_displayed(value, cell)
            if kind == "money" and isinstance(value, float):
                return _money_text(value)
            return _number_text(value)
        # the formula guard, undone as for CSV: the writer's, or a --bom CSV's that went
        # through a spreadsheet into this workbook
        return unneutralise(str(value))

    def _year_month(self, value: float, row: int, position: int) -> str:
        """1990.03 → 1990-03-01. A number cannot tell 1990.1 (January) from 1990.10
        (October), nor a year alone from a date: those are refused, never guessed."""
        year, _, month = repr(float(value)).partition(".")
        if len(month) == 2 and 1 <= int(month) <= 12:
            return f"{year}-{month}-01"
        raise UnionError(
            "import_year_month_number", cell=self._ref(row, position), value=_number_text(value)
        )

    def _as_displayed(self, value: int | float, cell: dict) -> str:
        """An employee number stored as a number shows its leading zeros through a
        display format such as 00000: read it as shown, so 00123 stays 00123."""
        text = _number_text(value)
        try:
            style = self.book._cell_styles[cell.get("style_id") or 0]
            from openpyxl.styles.numbers import BUILTIN_FORMATS

            fmt = (
                BUILTIN_FORMATS.get(style.numFmtId)
                or self.book._number_formats[style.numFmtId - 164]
            )
        except (AttributeError, IndexError, KeyError, TypeError):
            return text
        if text.isdigit() and fmt and set(fmt) == {"0"}:
            return text.zfill(len(fmt))
        return text

    def _ref(self, row: int, position: int) -> str:
        from openpyxl.utils import get_column_letter

        return f"{self.sheet}!{get_column_letter(position + 1)}{row}"


def _money_text(value: float) -> str:
    """A float money cell as its fen when it is within float noise of them (a computed
    cell: 33.3*3), else as it is (a typed 100.005 stays finer than a fen, and refused)."""
    cents = value * 100
    fen = round(cents)
    if abs(cents - fen) <= 1e-12 * max(1.0, abs(cents)):  # a few ulps, never a whole fen
        return format_money(fen)
    return _number_text(value)


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e300:
        return str(int(value))
    return str(value)


def _serial_date(value: int | float, epoch: dt.datetime) -> str | None:
    """An Excel date serial typed in a cell not formatted as a date (45292 = 2024-01-01)."""
    if not 1 <= value < 2958466:
        return None
    from openpyxl.utils.datetime import from_excel

    day = from_excel(value, epoch)
    return (day.date() if isinstance(day, dt.datetime) else day).isoformat()


def _load(path: Path) -> Any:
    import warnings
    import zipfile

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions
            return load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise UnionError("import_unreadable", path=str(path), detail=os_reason(error)) from None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError) as error:
        raise UnionError("import_xlsx_corrupt", path=str(path), detail=_detail(error)) from None
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise UnionError("import_xlsx_corrupt", path=str(path), detail=_detail(error)) from None


def _detail(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:200]


_PARSER: type | None = None


def _parser_class() -> type:
    """openpyxl's sheet parser, which also marks a formula cell with no saved value
    (data_only reads the value a spreadsheet last computed; without one the cell
    would read as empty, and a roster would silently lose that field)."""
    global _PARSER
    if _PARSER is None:
        from openpyxl.utils.cell import coordinate_to_tuple
        from openpyxl.worksheet._reader import (
            DATA_TAG,
            FORMULA_TAG,
            INLINE_STRING,
            ROW_TAG,
            SHEET_MAIN_NS,
            WorkSheetParser,
            iterparse,
        )

        plain_text = f"{{{SHEET_MAIN_NS}}}t"

        class FormulaAwareParser(WorkSheetParser):
            def parse(self):  # type: ignore[no-untyped-def]
                """Rows only, and each row dropped from the tree once read: openpyxl
                clears a row but leaves it in <sheetData>, which grew a 1,000,000-row
                read to 144 MB (68 MB at 100,000)."""
                data = None
                for event, element in iterparse(self.source, events=("start", "end")):
                    if event == "start":
                        if element.tag == DATA_TAG:
                            data = element
                    elif element.tag == ROW_TAG:
                        row = self.parse_row(element)
                        if data is not None:
                            data.clear()  # holds only this row: those before are gone
                        else:
                            element.clear()
                        yield row

            def parse_cell(self, element):  # type: ignore[no-untyped-def]
                if element.get("t") == "inlineStr" and element.get("r"):
                    # Fast path for a plain inline string (XlsxWriter's constant_memory
                    # writes every text cell so): openpyxl builds a rich-text object per
                    # cell, a third of the time of reading a 100,000-row roster.
                    child = element.find(INLINE_STRING)
                    if child is not None and len(child) == 1 and child[0].tag == plain_text:
                        row, column = coordinate_to_tuple(element.get("r"))
                        self.col_counter = column
                        text = child[0].text or ""
                        if "_x" in text:  # _xHHHH_ escapes, as openpyxl's own path decodes
                            from openpyxl.utils.escape import unescape

                            text = unescape(text)
                        return {
                            "row": row,
                            "column": column,
                            "value": text,
                            "data_type": "s",
                            "style_id": 0,
                        }
                cell = super().parse_cell(element)
                if cell["value"] is None and element.find(FORMULA_TAG) is not None:
                    cell["no_value"] = True
                return cell

        _PARSER = FormulaAwareParser
    return _PARSER
