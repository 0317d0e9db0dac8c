"""The one xlsx writer: any `Table`/`Record` render.py prints, as a typed workbook.

One sheet per table. Cells are typed by the column's kind: codes, employee numbers,
phone and ID-card numbers and all other text as text cells (so `00123` and an 18-digit
ID card stay exactly as stored, and a text cell is never a formula: XlsxWriter's
write_string cannot make one, whatever the text starts with); dates as dates; money as
numbers (yuan = fen / 100) shown with two decimals; rates as percentages; counts as
numbers. Text gets the same formula guard as CSV (render.neutralise: `=1+2` is written
`'=1+2`), so a workbook saved on as CSV stays harmless and the reader undoes one rule
for both formats. Private columns are masked unless --include-private, exactly as in CSV (the same
`render.cell` does it). The header is bold and frozen, widths fit Chinese text (a wide
character counts 2), the 合计 row is bold, and the title and period go into the
document properties; a report for a period also gets a title line above its header.
A form to sign (a `ruled` table, the 签领表) is boxed and set up to print: A4, one page
wide, rows tall enough to sign in, the header row repeated on every page, the title and
page numbers on each.

XlsxWriter in constant_memory mode writes row by row (bench/README.md: 100,000 members in
half openpyxl's time, flat memory). It is imported only when an xlsx is written.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from unionctl import labels
from unionctl.errors import UnionError
from unionctl.render import (
    Column,
    Record,
    Style,
    Table,
    _for_audience,
    cell,
    heading_of,
    neutralise,
)

MAX_WIDTH = 60  # characters; longer text wraps in the spreadsheet rather than a huge column
# What fits across A4 portrait at the default margins (6.9 inches at about 13 of a
# column's width units an inch); a wider form prints landscape rather than shrunk.
A4_PORTRAIT_WIDTH = 90
# A form's rows, header to 合计, in points: room to sign by hand (about 8.5 mm; the
# spreadsheet's own 15 pt is about 5 mm). Its title line keeps the usual height.
FORM_ROW_HEIGHT = 24
TITLE_ROW_HEIGHT = 15
PAGE, PAGES = "&P", "&N"  # a printed header or footer's codes: this page, how many pages
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def write_workbook(
    items: Table | Record | Sequence[Table | Record],
    style: Style,
    path: str | None,
    *,
    protected: Iterable[Path] = (),
    committed: bool = False,
) -> None:
    """Write the tables to FILE as .xlsx under unionctl.output's rules (atomic, 0600,
    never over the database, written through to a device or FIFO).

    A workbook is binary: it is never written to stdout (a terminal or a pipe)."""
    from unionctl.output import output_file

    if path is None or path == "-":
        raise UnionError("xlsx_needs_output")
    if isinstance(items, Table | Record):
        items = [items]
    items = [_for_audience(item, machine=True) for item in items]
    with output_file(path, protected=protected, committed=committed) as temporary:
        _write(items, style, temporary)


def _write(items: Sequence[Table | Record], style: Style, path: str) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(
        path,
        {
            "constant_memory": True,
            "tmpdir": os.path.dirname(path),
            # Text stays text: no guessing of numbers, formulas or links from strings.
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    formats = _Formats(book)
    form_formats = None  # made when a form is written
    names: set[str] = set()
    headings = []
    for item in items:
        table = item.as_table() if isinstance(item, Record) else item
        heading = heading_of(item, style.lang)
        if heading:
            headings.append(heading)
        sheet = book.add_worksheet(_sheet_name(heading or table.key, names))
        if isinstance(item, Record):
            _write_record(sheet, item, style, formats)
        elif table.ruled:
            form_formats = form_formats or _Formats(book, form=True)
            _write_table(sheet, table, style, form_formats, heading)
        else:
            _write_table(sheet, table, style, formats, heading)
    book.set_properties(
        {
            "title": "; ".join(headings),
            "subject": "; ".join(headings),
            "creator": "unionctl",
            "comments": "unionctl",
        }
    )
    book.close()


class _Formats:
    """The cell formats of a book; a form's (`form`) are centred top to bottom, for its
    rows of FORM_ROW_HEIGHT."""

    def __init__(self, book: Any, *, form: bool = False) -> None:
        def add(spec: dict[str, Any]) -> Any:
            return book.add_format({**spec, "valign": "vcenter"} if form else spec)

        self.header = add({"bold": True, "bottom": 1, "text_wrap": True})
        self.title = book.add_format({"bold": True, "font_size": 13})
        self.text = add({"num_format": "@"})
        self.date = add({"num_format": "yyyy-mm-dd"})
        self.datetime = add({"num_format": "yyyy-mm-dd hh:mm:ss"})
        self.money = add({"num_format": "0.00"})
        self.int = add({"num_format": "0"})
        self.signed = add({"num_format": "+0;-0;0"})
        self.percent = add({"num_format": "0.0%"})
        self.ruled = book.add_format({"border": 1})
        self.bold = {}
        for name in ("text", "date", "datetime", "money", "int", "signed", "percent"):
            spec = {"bold": True, "top": 1, "num_format": getattr(self, name).num_format}
            self.bold[name] = add(spec)

    def kind(self, column: Column) -> str:
        if column.kind in ("money", "int", "signed", "percent", "date", "datetime"):
            return column.kind
        return "text"


def _sheet_name(text: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the book."""
    base = _SHEET_FORBIDDEN.sub(" ", text).strip("' ")[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def display_width(text: str) -> int:
    """Columns a spreadsheet needs for text: East Asian wide and full-width count 2."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _write_table(
    sheet: Any, table: Table, style: Style, formats: _Formats, heading: str | None
) -> None:
    columns = list(table.columns)
    widths = [max(display_width(c.title(style.lang)), c.width) for c in columns]
    row = 0
    if table.ruled:  # rows to sign in, set before any is written (constant_memory)
        sheet.set_default_row(FORM_ROW_HEIGHT)
    if heading and table.title_suffix:  # a report for a period: its title line first
        if table.ruled:
            sheet.set_row(row, TITLE_ROW_HEIGHT)
        sheet.write_string(row, 0, heading, formats.title)
        row += 1
    for index, column in enumerate(columns):
        sheet.write_string(row, index, column.title(style.lang), formats.header)
    sheet.freeze_panes(row + 1, 0)
    row += 1
    kinds = [formats.kind(c) for c in columns]
    for values in table.rows:
        _write_row(sheet, row, columns, kinds, values, style, formats, widths, bold=False)
        row += 1
    if table.total is not None:
        total = list(table.total)
        label = labels.header("total", style.lang) if total[0] is None else None
        _write_row(sheet, row, columns, kinds, total, style, formats, widths, bold=True)
        if label is not None:
            sheet.write_string(row, 0, label, formats.bold["text"])
            widths[0] = max(widths[0], display_width(label))
        row += 1
    shown = [min(width, MAX_WIDTH) + 2 for width in widths]
    if table.ruled:  # a box round every cell, header to 合计, for a form to sign
        first = 1 if heading and table.title_suffix else 0
        sheet.conditional_format(
            first,
            0,
            row - 1,
            len(columns) - 1,
            {"type": "formula", "criteria": "TRUE", "format": formats.ruled},
        )
        _print_as_form(sheet, header_row=first, heading=heading, width=sum(shown), lang=style.lang)
    for index, width in enumerate(shown):
        sheet.set_column(index, index, width)


def _print_as_form(sheet: Any, *, header_row: int, heading: str | None, width: float, lang: str):
    """A form printed to be signed (签领表): on A4, one page wide (as many pages down as it
    takes), the header row again atop every page, the title in each page's header and
    the page number in its footer, so a loose page still says what it is."""
    sheet.set_paper(9)  # A4
    if width > A4_PORTRAIT_WIDTH:
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.repeat_rows(header_row)
    if heading:  # Excel's limit is 255 characters: a longer title is cut, not dropped
        sheet.set_header("&C&B" + heading[:200].replace("&", "&&"))
    sheet.set_footer("&C" + labels.message("xlsx_page_footer", lang, page=PAGE, pages=PAGES))


def _write_row(
    sheet: Any,
    row: int,
    columns: list[Column],
    kinds: list[str],
    values: Sequence[Any],
    style: Style,
    formats: _Formats,
    widths: list[int],
    *,
    bold: bool,
) -> None:
    for index, (column, kind, value) in enumerate(zip(columns, kinds, values, strict=True)):
        fmt = formats.bold[kind] if bold else getattr(formats, kind)
        shown = _write_cell(sheet, row, index, column, kind, value, style, fmt, widths[index])
        if shown > widths[index]:
            widths[index] = shown


def _write_cell(
    sheet: Any,
    row: int,
    col: int,
    column: Column,
    kind: str,
    value: Any,
    style: Style,
    fmt: Any,
    known: int = 0,
) -> int:
    """Write one typed cell; return the width it needs (or `known`, when it cannot need
    more: measuring every cell of 100,000 rows costs a second)."""
    if value is None:
        sheet.write_blank(row, col, None, fmt)
        return 0
    if kind == "money":
        sheet.write_number(row, col, int(value) / 100, fmt)
        return len(f"{int(value) / 100:.2f}")
    if kind in ("int", "signed"):
        sheet.write_number(row, col, int(value), fmt)
        return len(str(int(value))) + (kind == "signed")
    if kind == "percent":
        sheet.write_number(row, col, float(value), fmt)
        return 7
    if kind == "date":
        day = value if isinstance(value, dt.date) else _iso_date(str(value))
        if day is not None:
            sheet.write_datetime(row, col, day, fmt)
            return 10
    if kind == "datetime":  # the audit log's times: sortable and filterable as times
        moment = value if isinstance(value, dt.datetime) else _iso_datetime(str(value))
        if moment is not None:
            sheet.write_datetime(row, col, moment, fmt)
            return 19
    # A string cell is never a formula, so formula-looking text is written as it is
    # (+8613812345678, not '+8613812345678); only a leading quote is doubled, so the
    # reader's unneutralise gives back exactly what was stored.
    text = cell(column, value, style)
    if text.startswith("'"):
        text = neutralise(text)
    sheet.write_string(row, col, text, fmt)
    if 2 * len(text) <= known:
        return known
    return display_width(text)


def _iso_datetime(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _write_record(sheet: Any, record: Record, style: Style, formats: _Formats) -> None:
    field_title = labels.header("field", style.lang)
    value_title = labels.header("value", style.lang)
    sheet.write_string(0, 0, field_title, formats.header)
    sheet.write_string(0, 1, value_title, formats.header)
    sheet.freeze_panes(1, 0)
    widths = [display_width(field_title), display_width(value_title)]
    for row, (column, value) in enumerate(record.fields, start=1):
        title = column.title(style.lang)
        sheet.write_string(row, 0, title, formats.text)
        widths[0] = max(widths[0], display_width(title))
        kind = formats.kind(column)
        shown = _write_cell(sheet, row, 1, column, kind, value, style, getattr(formats, kind))
        widths[1] = max(widths[1], shown)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, min(width, MAX_WIDTH) + 2)
