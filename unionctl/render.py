"""One renderer for every listing and report.

Listings and reports build a `Table` (columns with a kind, rows of raw stored values:
codes, ISO dates, integer fen) and never print. This module turns any table into rich
(on a terminal), plain aligned text (piped), CSV, TSV, JSON, markdown or a tabulate
format. Measured here for 10,000 rows piped: rich 7.3 s and values cut at 80 columns;
tabulate with disable_numparse 0.3 s; csv.writer 25 ms — so rich only on a terminal.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import itertools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import IO, Any

from unionctl import labels
from unionctl.errors import UnionError
from unionctl.parsing import format_money
from unionctl.privacy import mask_fields, mask_id_card, mask_phone

BASIC_FORMATS = ("table", "csv", "tsv", "json", "md", "xlsx")
NUMERIC_KINDS = ("int", "money", "percent", "signed")


@dataclass(frozen=True)
class Column:
    """key: the JSON key and header code; kind: how a raw value is shown.

    kinds: text, int, signed (+3/-2), money (fen), date, datetime (ISO text; a time
    cell in xlsx), percent (a ratio 0..1),
    code:<group> (a stored code named in the reader's language), term (a labels.Term
    or plain text, for columns mixing code groups), phone, id_card
    (masked unless --include-private), json (a JSON text shown as is).
    """

    key: str
    kind: str = "text"
    header: str | None = None  # a labels.HEADERS key when it differs from `key`
    shown: str = "all"  # "human": table/md only; "machine": csv/tsv/json only
    width: int = 0  # at least this many characters wide in a spreadsheet (签名: room to sign)

    def title(self, lang: str) -> str:
        return labels.header(self.header or self.key, lang)

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    @property
    def digit_string(self) -> bool:
        """Digits that are text, not a number: employee, phone and ID-card numbers.
        A spreadsheet would drop their leading zeros or round them to 15 digits."""
        return self.kind in ("phone", "id_card") or self.key == "emp_no"


@dataclass
class Table:
    key: str  # the JSON key when several tables print together
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    # a labels.HEADERS key, a labels.Phrase (a title with words in it: 春节送温暖签领表), or None
    title: str | labels.Phrase | None = None
    title_suffix: str = ""  # e.g. the period, shown after the title
    total: Sequence[Any] | None = None  # a 合计 row, same shape as rows
    ruled: bool = False  # a form to print and fill in (签领表): every cell boxed in a sheet


@dataclass
class Record:
    """One thing shown field by field (members show); JSON renders it as one object."""

    key: str
    fields: list[tuple[Column, Any]] = field(default_factory=list)
    title: str | labels.Phrase | None = None
    title_suffix: str = ""

    def as_table(self) -> Table:
        return Table(
            key=self.key,
            columns=(Column("field"), Column("value")),
            rows=[(column, value) for column, value in self.fields],
            title=self.title,
            title_suffix=self.title_suffix,
        )


@dataclass(frozen=True)
class Style:
    """What the reader asked for: format, language, privacy, BOM."""

    format: str = "table"
    lang: str = "en"
    include_private: bool = False
    bom: bool = False

    @property
    def for_machines(self) -> bool:
        """csv/tsv: read by spreadsheets and scripts, so numbers carry no decoration."""
        return self.format in ("csv", "tsv")


def check_format(name: str) -> str:
    if name in BASIC_FORMATS:
        return name
    from tabulate import tabulate_formats

    if name in tabulate_formats:
        return name
    raise UnionError("bad_format", value=name, accepted=", ".join(sorted(tabulate_formats)))


def printable(text: str, *, keep_breaks: bool = False) -> str:
    """Control and invisible format characters shown as escapes (\\x1b, \\u200b).

    Input refuses them (parsing.clean_text), but a database written by an older release,
    another program or a hand-edited file may still hold one: printed raw, ESC [2J in a
    name clears the secretary's screen and U+202E reverses what follows."""
    if text.isprintable():
        return text
    return "".join(
        _escape(char)
        if unicodedata.category(char) in _UNSHOWN and not (keep_breaks and char in "\t\r\n")
        else char
        for char in text
    )


_UNSHOWN = frozenset(("Cc", "Cf", "Zl", "Zp"))  # controls, invisible formats, line breaks


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def cell(column: Column, value: Any, style: Style, *, for_json: bool = False) -> Any:
    """A raw stored value as the reader sees it (text, printable), or as JSON wants it.
    For one cell; a table's rows use `formatter` once per column."""
    return _known_formatter(column, style, for_json)(value)


def formatter(column: Column, style: Style, *, for_json: bool = False) -> Callable[[Any], Any]:
    """How one column's raw values are shown, chosen once per table and applied to each
    cell: choosing per cell cost ~27 µs a row of `aid list` (bench/README.md, aid).

    Text comes out printable (control characters escaped; CSV/TSV keep a tab or line
    break inside a cell, which they quote: there it is data, not a screen control). JSON
    gets numbers as numbers and null for any absence, never ""."""
    shown = _json_formatter(column, style) if for_json else _text_formatter(column, style)
    if for_json:
        return lambda value: None if value is None else shown(value)
    empty = "—" if column.kind == "percent" and not style.for_machines else ""
    if column.numeric:  # made here from numbers: always printable
        return lambda value: empty if value is None else shown(value)
    keep_breaks = style.for_machines

    def text(value: Any) -> str:
        if value is None:
            return empty
        out = shown(value)
        # the common case, kept cheap: exports run this per cell
        return out if out.isprintable() else printable(out, keep_breaks=keep_breaks)

    return text


@functools.lru_cache(maxsize=512)  # Column and Style are frozen: the xlsx writer asks per cell
def _known_formatter(column: Column, style: Style, for_json: bool) -> Callable[[Any], Any]:
    return formatter(column, style, for_json=for_json)


def _text_formatter(column: Column, style: Style) -> Callable[[Any], str]:
    kind, lang = column.kind, style.lang
    if kind == "money":
        return lambda value: format_money(int(value))
    if kind == "int":
        return lambda value: str(int(value))
    if kind == "signed":
        if style.for_machines:
            return lambda value: str(int(value))
        return lambda value: f"{int(value):+d}" if value else str(int(value))
    if kind == "percent":
        return lambda value: f"{float(value) * 100:.1f}%"
    if kind == "date":
        return lambda value: value.isoformat() if isinstance(value, dt.date) else str(value)
    if kind.startswith("code:"):
        group = kind[5:]
        names = {code: labels.name(group, code, lang) for code in labels.CODES.get(group, ())}
        # an unknown code shows as itself, as text (a number stored where a code belongs)
        return lambda value: names.get(value) or str(labels.name(group, value, lang))
    if kind == "phone":
        return str if style.include_private else mask_phone
    if kind == "id_card":
        return str if style.include_private else mask_id_card
    if kind == "bool":
        yes, no = labels.message("yes", lang), labels.message("no", lang)
        return lambda value: yes if value else no
    if kind == "term":  # a code of any group, or plain text, in one column
        return lambda value: (
            labels.name(value.group, value.code, lang)
            if isinstance(value, labels.Term)
            else str(value)
        )
    if kind == "json":
        return lambda value: json.dumps(
            _json_data(value, style), ensure_ascii=False, sort_keys=True
        )
    return str


def _json_formatter(column: Column, style: Style) -> Callable[[Any], Any]:
    kind = column.kind
    if kind == "money":
        return lambda value: int(value) / 100
    if kind in ("int", "signed"):
        return int
    if kind == "percent":
        return lambda value: round(float(value), 4)
    if kind == "date":
        return lambda value: value.isoformat() if isinstance(value, dt.date) else str(value) or None
    if kind == "phone" and not style.include_private:
        return lambda value: mask_phone(value) or None
    if kind == "id_card" and not style.include_private:
        return lambda value: mask_id_card(value) or None
    if kind == "bool":
        return bool
    if kind == "term":
        return lambda value: value.code if isinstance(value, labels.Term) else value or None
    if kind == "json":
        return lambda value: _json_data(value, style)
    return lambda value: None if value == "" else value


def _json_data(value: str, style: Style) -> Any:
    data = json.loads(value)
    return data if style.include_private else mask_fields(data)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"
# Every text `neutralise` changes, and (nearly) no other: a leading formula character or
# quote, or a CR anywhere. Columns of text test it before calling neutralise.
_NEEDS_GUARD = re.compile(r"[=+\-@\t\r']|[^\r]*\r").match


# The same question for a column of cells at once, asked of the cells joined by a sign
# that stands for "a cell starts here" (one regex search, C): a cell starting with a
# formula character or a quote. ␀ (U+2400, printable) is that sign: a cell holding
# "␀=" makes it answer yes for a column that needs nothing, and then each cell is asked.
# A CR or a tab is not printable: a column with one fails `isprintable` first.
_CELL = "\u2400"
_CELL_NEEDS_GUARD = re.compile(_CELL + "[" + re.escape("".join(_FORMULA_START[:-1])) + "']").search


def _joined(texts: list[str]) -> str:
    return _CELL + _CELL.join(texts)


def neutralise(text: str) -> str:
    """OWASP CSV injection: a text cell a spreadsheet would run as a formula gets a quote.

    A text that already starts with a quote gets one more, so that `unneutralise` (what
    `members import` reads cells with) can tell the guard from data: without it a
    stored `'=x` came back from export → import as `=x`. The pair round-trips every
    text exactly (tests/test_roundtrip.py), and is the only place either rule lives.

    A lone CR inside a cell becomes LF: csv.writer quotes LF but not CR, and Excel
    would read an unquoted CR as the end of the record."""
    if not _NEEDS_GUARD(text):
        return text
    if text.startswith((*_FORMULA_START, _QUOTE)):
        text = _QUOTE + text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def unneutralise(text: str) -> str:
    """The cell as it was stored, from what `neutralise` wrote (the importer's half)."""
    if text.startswith(_QUOTE) and text[1:].startswith((*_FORMULA_START, _QUOTE)):
        return text[1:]
    return text


_EXCEL_TEXT = re.compile(r'="([^"]*)"')
# Text a spreadsheet would turn into a number, a boolean or a date when it opens a CSV:
# 1E5 → 100000, +8613812345678 → 8613812345678, TRUE → a boolean, 3-4 → a date.
_SPREADSHEET_VALUE = re.compile(
    r"[+-]?[0-9.,]*[0-9][0-9.,]*(?:[eE][+-]?[0-9]+)?%?|(?i:true|false)"
    r"|[0-9]{1,4}[-/.][0-9]{1,2}(?:[-/.][0-9]{1,4})?(?: [0-9:]+)?"
)


# An employee, phone or ID-card number a spreadsheet would read as a number (a masked
# 138****5678 is text to it already).
_DIGITS_VALUE = re.compile(r"[+\-0-9 ().eE]*[0-9][+\-0-9 ().eE]*")


def excel_text(text: str, *, digits: bool = False) -> str:
    """A cell in CSV meant for a spreadsheet (--bom) that the spreadsheet would change:
    ="00123". Excel and LibreOffice both read that as the text 00123; a bare 00123
    becomes the number 123, an 18-digit ID card loses its last three digits, 1E5 becomes
    100000 and TRUE a boolean. Employee, phone and ID-card numbers (`digits`) made of
    digits, signs, spaces and E are written so; other text only when it looks like a
    number, boolean or date. The rest gets the formula guard, as in any CSV."""
    number_like = _DIGITS_VALUE if digits else _SPREADSHEET_VALUE
    if text and '"' not in text and number_like.fullmatch(text):
        return f'="{text}"'
    return neutralise(text)


def excel_digits(text: str) -> str:
    return excel_text(text, digits=True)


def unexcel_text(text: str) -> str:
    """The inverse of `excel_text`, and of `neutralise`, for a digit-string column."""
    if not text.startswith(("=", _QUOTE)):  # neither ="…" nor a guard: most cells, as is
        return text
    match = _EXCEL_TEXT.fullmatch(text)
    return match.group(1) if match else unneutralise(text)


CHUNK = 256  # rows formatted together, column by column (bench/README.md, aid list)
MEMO = 4096  # distinct values a column remembers the text of (_Remembered)


def _text_rows(table: Table, style: Style) -> Iterator[Sequence[str]]:
    """The rows as text, formatted a chunk at a time column by column: a list
    comprehension per column instead of a call per cell (bench/README.md, aid list)."""
    shown = [_text_column(c, style) for c in table.columns]
    for columns in _column_chunks(table.rows):
        yield from zip(*[show(c) for show, c in zip(shown, columns, strict=True)], strict=True)


def _column_chunks(rows: Iterable[Sequence[Any]]) -> Iterator[Iterator[tuple]]:
    """The rows CHUNK at a time, each chunk as its columns."""
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, CHUNK)):
        yield zip(*chunk, strict=True)


def _text_column(column: Column, style: Style) -> Callable[[Sequence[Any]], list[str]]:
    """`formatter` for a column of values at once; the common kinds inline."""
    texts = _common_texts(column, style)
    if texts is None:
        one = formatter(column, style)
        return lambda values: [one(value) for value in values]
    if column.numeric:
        return texts
    return partial(_printable_values, texts, style.for_machines)


def _common_texts(column: Column, style: Style) -> Callable[[Sequence[Any]], list[str]] | None:
    """The text of a column of the common kinds (text, date, int, money, a code) before
    the printable check; None for the others."""
    kind = column.kind
    if kind.startswith("code:"):
        group, lang = kind[5:], style.lang
        names = {code: labels.name(group, code, lang) for code in labels.CODES.get(group, ())}
        return partial(_code_values, names)
    if kind == "money":  # format_money's text depends on the value alone: any type
        return _Remembered(_money_values)
    return _COMMON_TEXTS.get(kind)


def _text_values(values: Sequence[Any]) -> list[str]:
    return ["" if v is None else v if type(v) is str else str(v) for v in values]


def _date_values(values: Sequence[Any]) -> list[str]:
    return [
        "" if v is None else v if type(v) is str else v.isoformat() if isinstance(v, dt.date)
        else str(v)
        for v in values
    ]  # fmt: skip


def _int_values(values: Sequence[Any]) -> list[str]:
    return [str(v) if type(v) is int else "" if v is None else str(int(v)) for v in values]


def _money_values(values: Sequence[Any]) -> list[str]:
    # format_money's text, its common case inline: a non-negative integer of fen
    return [
        "" if v is None else f"{v // 100}.{v % 100:02d}" if type(v) is int and v >= 0
        else format_money(v)
        for v in values
    ]  # fmt: skip


class _Remembered:
    """A column's texts with each distinct value's text made once, by `texts` run on the
    values not seen yet, and remembered: most values of a year's aid repeat (11 distinct
    cash amounts, 14 kinds, 3 sources, 365 days among 125,105 gifts in the benchmark:
    bench/README.md, aid list). At most MEMO values are kept (then forgotten), so memory
    stays flat. `types`: remember only values of these types, none of which equals a
    value of another whose text differs (1 and True are equal keys; as codes their texts
    differ); a chunk holding another type is shown as it comes. None: any type."""

    __slots__ = ("_memo", "_texts", "_types")

    def __init__(
        self, texts: Callable[[Sequence[Any]], list[str]], types: frozenset | None = None
    ) -> None:
        self._texts, self._types = texts, types
        self._memo: dict[Any, str] = {}

    def __call__(self, values: Sequence[Any]) -> list[str]:
        memo = self._memo
        try:
            return list(map(memo.__getitem__, values))
        except KeyError:
            new = set(values).difference(memo)
            if self._types is not None and not all(type(v) in self._types for v in new):
                return self._texts(values)
            if len(memo) + len(new) > MEMO:
                memo.clear()
                new = set(values)
            fresh = list(new)
            memo.update(zip(fresh, self._texts(fresh), strict=True))
            return list(map(memo.__getitem__, values))


# What a code or date column remembers: str, None, dates (a datetime never equals a date).
_MEMO_TYPES = frozenset({str, type(None), dt.date, dt.datetime})


def _code_values(names: dict[str, str], values: Sequence[Any]) -> list[str]:
    # an unknown code shows as itself
    return ["" if v is None else names.get(v) or str(v) for v in values]


_COMMON_TEXTS = {
    "text": _text_values,
    "date": _date_values,
    "int": _int_values,
}


def _printable_values(
    texts: Callable[[Sequence[Any]], list[str]], keep_breaks: bool, values: Sequence[Any]
) -> list[str]:
    out = texts(values)
    if "".join(out).isprintable():  # one check for the whole chunk: the common case
        return out
    return [v if v.isprintable() else printable(v, keep_breaks=keep_breaks) for v in out]


def _delimited_column(
    column: Column, style: Style, delimiter: str
) -> Callable[[Sequence[Any]], tuple[list[str], bool]]:
    """A CSV/TSV column's cells as text with the spreadsheet guard (`_guard`) applied, and
    whether they are plain: no delimiter, quote or line break, so that joining them with
    the delimiter is what csv.writer would write (and five times faster, bench/README.md).

    Dates and codes make each distinct value's cell once (`_Remembered`). Text asks
    the common case of a whole chunk at once: joined, the cells are printable and none
    starts with a formula character or a quote, so neither `printable` nor `neutralise`
    would change one. Else each cell is asked."""
    guard = _guard(column, style)
    kind = column.kind
    show = _text_column(column, style)
    if guard is not None:
        show = _guarded(show, guard)
    if column.numeric:  # digits, a sign and a point, made here: always plain
        return lambda values: (show(values), True)
    if kind == "date" or kind.startswith("code:"):  # few distinct values: each made once
        cells = _Remembered(show, _MEMO_TYPES)
        return lambda values: (out := cells(values), _plain(out, delimiter))
    if guard is neutralise and kind == "text":
        texts = _common_texts(column, style)

        def common_first(values: Sequence[Any]) -> tuple[list[str], bool]:
            out = texts(values)
            joined = _joined(out)
            if joined.isprintable() and not _CELL_NEEDS_GUARD(joined):
                return out, delimiter not in joined and '"' not in joined
            out = show(values)
            return out, _plain(out, delimiter)

        return common_first
    return lambda values: (out := show(values), _plain(out, delimiter))


def _plain(texts: list[str], delimiter: str) -> bool:
    joined = "".join(texts)
    return not any(special in joined for special in (delimiter, '"', "\n", "\r"))


def _guarded(
    show: Callable[[Sequence[Any]], list[str]], guard: Callable[[str], str]
) -> Callable[[Sequence[Any]], list[str]]:
    if guard is neutralise:  # the common case: only the texts neutralise would change
        return partial(_neutralised, show)
    return lambda values: [guard(v) for v in show(values)]


def _neutralised(show: Callable[[Sequence[Any]], list[str]], values: Sequence[Any]) -> list[str]:
    texts = show(values)
    joined = _joined(texts)
    if "\r" not in joined and not _CELL_NEEDS_GUARD(joined):
        return texts
    return [neutralise(v) if _NEEDS_GUARD(v) else v for v in texts]


def _total_row(table: Table, style: Style) -> list[str] | None:
    if table.total is None:
        return None
    row = [cell(c, v, style) for c, v in zip(table.columns, table.total, strict=True)]
    if table.total[0] is None:  # the label cell: 合计 / Total
        row[0] = labels.header("total", style.lang)
    return row


def _record_rows(record: Record, style: Style) -> list[list[str]]:
    return [
        [column.title(style.lang), cell(column, value, style)] for column, value in record.fields
    ]


def _write_delimited(
    items: Sequence[Table | Record], style: Style, out: IO[str], delimiter: str
) -> None:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    several = len(items) > 1
    for index, item in enumerate(items):
        if several:
            if index:
                out.write("\n")
            heading = heading_of(item, style.lang)
            if heading:
                writer.writerow([neutralise(heading)])
        if isinstance(item, Record):
            writer.writerow(
                [labels.header("field", style.lang), labels.header("value", style.lang)]
            )
            for column, value in item.fields:
                text = cell(column, value, style)
                writer.writerow(
                    [column.title(style.lang), text if column.numeric else neutralise(text)]
                )
            continue
        writer.writerow([neutralise(c.title(style.lang)) for c in item.columns])
        shown = [_delimited_column(c, style, delimiter) for c in item.columns]
        joinable = len(shown) > 1  # csv.writer writes a lone empty cell as ""
        for columns in _column_chunks(item.rows):
            shown_chunk = [show(c) for show, c in zip(shown, columns, strict=True)]
            cells, plain = zip(*shown_chunk, strict=True)
            rows = zip(*cells, strict=True)
            if joinable and all(plain):
                out.write("\n".join(map(delimiter.join, rows)))
                out.write("\n")
            else:
                writer.writerows(rows)
        guards = [_guard(c, style) for c in item.columns]
        total = _total_row(item, style)
        if total is not None:
            writer.writerow([t if g is None else g(t) for t, g in zip(total, guards, strict=True)])


def _guard(column: Column, style: Style) -> Callable[[str], str] | None:
    """What keeps a CSV cell from turning into a formula, number or date in a spreadsheet."""
    if style.bom and (column.digit_string or column.kind == "text"):
        return excel_digits if column.digit_string else excel_text
    return None if column.numeric else neutralise


def heading_of(item: Table | Record, lang: str) -> str | None:
    """A table's title line in the reader's language, with its period or date after it."""
    if item.title is None:
        return None
    if isinstance(item.title, labels.Phrase):
        title = labels.message(item.title.key, lang, **item.title.params)
    else:
        title = labels.header(item.title, lang)
    return title + (f" {item.title_suffix}" if item.title_suffix else "")


def _json_value(item: Table | Record, style: Style) -> Any:
    if isinstance(item, Record):
        return {c.key: cell(c, v, style, for_json=True) for c, v in item.fields}
    shown = _json_shown(item.columns, style)
    return [_json_object(shown, row) for row in item.rows]


def _json_shown(columns: Sequence[Column], style: Style) -> list[tuple[str, Callable]]:
    return [(c.key, formatter(c, style, for_json=True)) for c in columns]


def _json_object(shown: list[tuple[str, Callable]], row: Sequence[Any]) -> dict[str, Any]:
    return {key: show(value) for (key, show), value in zip(shown, row, strict=True)}


def _write_json(items: Sequence[Table | Record], style: Style, out: IO[str]) -> None:
    if len(items) == 1 and isinstance(items[0], Table):
        # A single listing streams row by row, one C-encoded object a line: exports are
        # large (json.dump with indent encodes in Python: 125,000 aid rows took 16 s).
        table = items[0]
        if table.total is None:
            _write_json_rows(table, style, out)
            out.write("\n")
            return
        out.write('{"rows": ')
        _write_json_rows(table, style, out)
        total = _json_value(_total_only(table), style)[0]
        out.write(',\n"total": ' + json.dumps(total, ensure_ascii=False) + "}\n")
        return
    if len(items) == 1:
        json.dump(_json_value(items[0], style), out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    document = {}
    for item in items:
        value = _json_value(item, style)
        if isinstance(item, Table) and item.total is not None:
            value = {"rows": value, "total": _json_value(_total_only(item), style)[0]}
        document[item.key] = value
    json.dump(document, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _write_json_rows(table: Table, style: Style, out: IO[str]) -> None:
    shown = _json_shown(table.columns, style)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    out.write("[")
    first = True
    for row in table.rows:
        out.write(("\n" if first else ",\n") + dumps(_json_object(shown, row)))
        first = False
    out.write("]" if first else "\n]")


def _total_only(table: Table) -> Table:
    return Table(key=table.key, columns=table.columns, rows=[table.total or ()])


def _write_tabulate(items: Sequence[Table | Record], style: Style, out: IO[str], fmt: str) -> None:
    from tabulate import tabulate

    markdown = fmt in ("pipe", "github")
    # Piped plain text is for `wc -l`, `sort` and `grep`: one table is its header and
    # rows only. Several tables keep their titles, which say where each one starts.
    titled = markdown or fmt != "simple" or len(items) > 1
    for index, item in enumerate(items):
        if index:
            out.write("\n")
        heading = heading_of(item, style.lang)
        if isinstance(item, Record):
            headers = [labels.header("field", style.lang), labels.header("value", style.lang)]
            rows = _record_rows(item, style)
            align = ["left", "left"]
        else:
            headers = [c.title(style.lang) for c in item.columns]
            rows = list(_text_rows(item, style))
            total = _total_row(item, style)
            if total is not None:
                rows.append(total)
            align = ["right" if c.numeric else "left" for c in item.columns]
        if markdown:  # a | inside a cell would start a new column
            rows = [[c.replace("|", "\\|") for c in row] for row in rows]
        if heading and titled:
            out.write(f"### {heading}\n\n" if markdown else f"{heading}\n")
        if not rows:
            rows = [["" for _ in headers]]
        text = tabulate(rows, headers=headers, tablefmt=fmt, disable_numparse=True, colalign=align)
        out.write(text + "\n")


def _write_rich(items: Sequence[Table | Record], style: Style, out: IO[str]) -> None:
    from rich.console import Console
    from rich.table import Table as RichTable
    from rich.text import Text

    # Cells are data, not markup: "[b]" or "[/x]" in a name is shown as typed.
    def texts(row: list[str]) -> list[Text]:
        return [Text(value) for value in row]

    console = Console(file=out, highlight=False, soft_wrap=False)
    # fold, not rich's default ellipsis: a narrow terminal may wrap a value over lines
    # but never drop its characters (`100…`, `1943-03-…`, `153****1…` were shown).
    fold = {"overflow": "fold"}
    for index, item in enumerate(items):
        if index:
            console.print()
        heading = heading_of(item, style.lang)
        rich_table = RichTable(
            title=Text(heading) if heading else None, title_justify="left", title_style="bold"
        )
        if isinstance(item, Record):
            rich_table.add_column(labels.header("field", style.lang), style="bold", **fold)
            rich_table.add_column(labels.header("value", style.lang), **fold)
            for row in _record_rows(item, style):
                rich_table.add_row(*texts(row))
        else:
            rows = list(_text_rows(item, style))
            total = _total_row(item, style)
            whole = _kept_whole(item.columns, [*rows, *([total] if total else [])], console.width)
            for column, keep in zip(item.columns, whole, strict=True):
                rich_table.add_column(
                    Text(column.title(style.lang)),
                    justify="right" if column.numeric else "left",
                    no_wrap=keep,
                    **fold,
                )
            for row in rows:
                rich_table.add_row(*texts(row))
            if total is not None:
                rich_table.add_section()
                rich_table.add_row(*texts(total), style="bold")
        console.print(rich_table)


def _kept_whole(columns: Sequence[Column], rows: list[Sequence[str]], width: int) -> list[bool]:
    """Which columns a narrow terminal must not fold: amounts, dates and employee numbers
    split over lines (`265205`/`.15`, `2025-`/`07-16`) are misread. They stay whole when
    the table still fits with every other column folded to one character a line; when even
    that is too wide, every column folds (rich would otherwise cut the whole ones: a value
    may wrap, never lose characters)."""
    from rich.cells import cell_len

    whole = [c.numeric or c.kind in ("date", "datetime") or c.digit_string for c in columns]
    if not any(whole):
        return whole
    need = 1  # the left border; each column adds its padding and a border
    for index, keep in enumerate(whole):
        # a folded column can shrink to one wide (CJK) character a line
        widest = max((cell_len(row[index]) for row in rows), default=0) if keep else 2
        need += widest + 3
    return whole if need <= width else [False] * len(columns)


def write(
    items: Table | Record | Sequence[Table | Record], style: Style, out: IO[str], *, tty: bool
) -> None:
    """Render one or more tables to `out` in the reader's format."""
    if isinstance(items, Table | Record):
        items = [items]
    items = [_for_audience(item, machine=style.format in ("csv", "tsv", "json")) for item in items]
    fmt = style.format
    if fmt == "csv":
        _write_delimited(items, style, out, ",")
    elif fmt == "tsv":
        _write_delimited(items, style, out, "\t")
    elif fmt == "json":
        _write_json(items, style, out)
    elif fmt == "table" and tty:
        _write_rich(items, style, out)
    else:
        tabulate_format = {"table": "simple", "md": "pipe"}.get(fmt, fmt)
        _write_tabulate(items, style, out, tabulate_format)


def _for_audience(item: Table | Record, *, machine: bool) -> Table | Record:
    """Drop the columns meant for the other audience (people vs spreadsheets/scripts)."""
    if isinstance(item, Record):
        return item
    hidden = "human" if machine else "machine"
    keep = [i for i, c in enumerate(item.columns) if c.shown != hidden]
    if len(keep) == len(item.columns):
        return item

    def pick(row: Sequence[Any]) -> tuple:
        return tuple(row[i] for i in keep)

    return Table(
        key=item.key,
        columns=[item.columns[i] for i in keep],
        rows=(pick(row) for row in item.rows),
        title=item.title,
        title_suffix=item.title_suffix,
        total=pick(item.total) if item.total is not None else None,
    )
