"""The CSV side of the one table reader (unionctl.table_file), row by row: which rows it
gives, which it skips as blank and which it refuses, checked against the rule as first
written (a set of named positions, every cell tested) on arbitrary rows."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from unionctl.errors import UnionError
from unionctl.render import unexcel_text
from unionctl.services.member_import import FIELDS, HEADER_ALIASES
from unionctl.table_file import open_table

# a header with blank cells between and after the named ones (Excel's trailing comma)
HEADER = ["emp_no", "", "name", "dept", "", "备注"]
# cells that are blank, blank-looking, text, or one of the forms the reader undoes
cells = st.sampled_from(["", " ", "\u3000", "甲", "0012", '="0012"', "'=x", "'x", "="])
records = st.lists(cells, min_size=0, max_size=len(HEADER) + 2)


def expected_rows(rows: list[list[str]]) -> list[tuple[int, object]]:
    """The reader's rule, as written before its per-row checks were cut down."""
    width = len(HEADER)
    unnamed = [p for p, name in enumerate(HEADER) if not name.strip()]
    named = {p for p in range(width) if p not in unnamed}
    pairs = [("emp_no", 0), ("name", 2), ("dept", 3)]
    out: list[tuple[int, object]] = []
    for line, record in enumerate(rows, start=2):
        if not any(cell.strip() for cell in record):
            continue
        stray = [c for i, c in enumerate(record) if i not in named and c.strip()]
        if len(record) < width or (stray and len(record) > width):
            out.append((line, ("import_row_width", len(record), width)))
        elif stray:
            out.append((line, ("import_unnamed_value", stray[0])))
        else:
            out.append((line, {code: unexcel_text(record[i]) for code, i in pairs}))
    return out


def read_rows(rows: list[list[str]]) -> list[tuple[int, object]]:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerow(["30001", "", "乙", "", "", ""])  # one good row, so the file has rows
    for record in rows:
        writer.writerow(record)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        path.write_text(text.getvalue(), encoding="utf-8")
        table = open_table(path, fields=FIELDS, aliases=HEADER_ALIASES, required=("emp_no",))
        found: list[tuple[int, object]] = []
        for line, row in table.rows():
            if line == 2:
                continue
            if isinstance(row, UnionError):
                params = row.params
                if row.key == "import_row_width":
                    found.append((line - 1, (row.key, params["found"], params["expected"])))
                else:
                    found.append((line - 1, (row.key, params["value"])))
            else:
                found.append((line - 1, row))
        return found


@given(st.lists(records, max_size=6))
@example([[]])
@example([["", "", "", "", "", "", "x"]])  # a value past the header's width
@example([["30002", "x", "丙", "", "", ""]])  # a value under a blank header cell
@example([["30002", "", "丙", "", "", "", " "]])  # a blank cell past the width
@example([["30002", "", "丙", "", ""]])  # a field short
def test_rows_blanks_and_refusals_follow_the_rule(rows: list[list[str]]):
    # csv writes an empty record as a blank line, and a lone empty field as "": both
    # read back as blank rows, which the rule skips like the reader
    assert read_rows(rows) == expected_rows(rows)
