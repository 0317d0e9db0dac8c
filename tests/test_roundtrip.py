"""Every string unionctl can store comes back exactly from `members export` →
`members import --update` (render.neutralise / render.unneutralise)."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

from conftest import Cli
from hypothesis import example, given
from hypothesis import strategies as st

from unionctl.errors import UnionError
from unionctl.parsing import parse_text
from unionctl.render import Column, Style, Table, neutralise, unneutralise, write


def storable(text: str) -> bool:
    """What parse_text would store unchanged: the strings that can be in the database."""
    try:
        return parse_text(text) == text
    except UnionError:
        return False


stored_texts = st.text(min_size=1).filter(storable)


@given(stored_texts)
@example("'=x")
@example("'-3")
@example("''")
@example("'")
@example("=1+1")
@example("-3")
@example("@SUM(A1)")
def test_the_guard_pair_round_trips(text: str):
    guarded = neutralise(text)
    assert unneutralise(guarded) == text
    assert not guarded.startswith(("=", "+", "-", "@"))


@given(st.lists(st.tuples(stored_texts, stored_texts), max_size=5))
def test_csv_cells_read_back_exactly(rows):
    out = io.StringIO()
    table = Table(key="t", columns=(Column("name"), Column("dept")), rows=rows)
    write(table, Style(format="csv"), out, tty=False)
    read = [[unneutralise(c) for c in r] for r in csv.reader(io.StringIO(out.getvalue()))]
    assert read[1:] == [list(r) for r in rows]


TRICKY = ["'=x", "'-3", "''", "'", "=1+1", "-3", "+86", "@home", "'@x", "a'b"]


def _stored(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT emp_no, name, dept, post FROM member ORDER BY emp_no"
        ).fetchall()


def test_export_then_import_update_changes_nothing(cli: Cli, tmp_path: Path):
    for n, text in enumerate(TRICKY):
        cli("members", "add", f"2{n:04d}", f"名{text}", f"--dept={text}", f"--post={text}")
    before = _stored(cli.db)
    assert ("20000", "名'=x", "'=x", "'=x") in before
    for bom in ([], ["--bom"]):
        exported = tmp_path / "roster.csv"
        cli("members", "export", "-f", "csv", *bom, "-o", str(exported))
        result = cli("members", "import", "--update", str(exported))
        assert "0 updated" in result.stdout + result.stderr
        assert _stored(cli.db) == before


@given(st.one_of(st.text(max_size=12), st.text(alphabet="='\"+-@0a \t", max_size=8)))
@example('="00123"')
@example("'=x")
@example("=")
@example("")
def test_unexcel_text_short_way_agrees_with_both_rules(text: str):
    # a cell starting with neither = nor ' is returned as is, without the regex
    from unionctl.render import _EXCEL_TEXT, unexcel_text

    match = _EXCEL_TEXT.fullmatch(text)
    assert unexcel_text(text) == (match.group(1) if match else unneutralise(text))
