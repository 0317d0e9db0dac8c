"""Control characters and invisible text: refused or stripped on the way in
(parsing.clean_text), never printed raw on the way out (render.printable)."""

from __future__ import annotations

import sqlite3
import unicodedata
from io import StringIO
from pathlib import Path

import pytest
from conftest import Cli, db_dump
from hypothesis import given
from hypothesis import strategies as st

from unionctl.errors import UnionError
from unionctl.parsing import parse_text
from unionctl.render import Column, Style, Table, printable, write

CONTROLS = ["\x1b[2J", "\x00", "\x07", "\x08", "\x7f", "\x9b2J", "\x1c"]


@pytest.mark.parametrize("control", CONTROLS)
def test_control_characters_are_refused(control: str):
    with pytest.raises(UnionError) as caught:
        parse_text(f"张{control}丽")
    assert caught.value.key == "text_control"
    assert "\x1b" not in caught.value.message("en")


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u202e", "\u2066"])
def test_invisible_format_characters_are_stripped(invisible: str):
    assert parse_text(f"张{invisible}丽") == "张丽"
    assert parse_text(invisible * 3) is None


def test_whitespace_controls_still_collapse():
    assert parse_text(" 心内科\t一病区\r\n ") == "心内科 一病区"


@given(st.text())
def test_parsed_text_holds_nothing_unprintable(text: str):
    try:
        value = parse_text(text)
    except UnionError as error:
        assert error.key == "text_control"
        return
    if value is not None:
        assert all(unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp") for c in value)
        assert value == value.strip()


def test_a_name_with_an_escape_is_refused_and_nothing_written(roll: Cli):
    before = db_dump(roll.db)
    result = roll.fails("members", "add", "20001", "\x1b[2J\x1b[H张三", contains="control")
    assert "\x1b" not in result.stderr
    roll.fails("members", "add", "20002", "\u200b\u200b")
    roll.fails("members", "edit", "10001", "--dept", "a\x00b")
    assert db_dump(roll.db) == before


def test_an_import_cell_with_an_escape_is_rejected_with_its_line(roll: Cli, tmp_path: Path):
    roster = tmp_path / "roster.csv"
    roster.write_text("emp_no,name\n20001,好人\n20002,\x1b]0;pwned\x07坏人\n", encoding="utf-8")
    before = db_dump(roll.db)
    result = roll("members", "import", str(roster), code=1)
    assert "line 3" in result.stderr and "\x1b" not in result.stderr
    assert db_dump(roll.db) == before


def test_an_import_cell_with_zero_width_space_is_cleaned(roll: Cli, tmp_path: Path):
    roster = tmp_path / "roster.csv"
    roster.write_text("emp_no,name,dept\n20001,王\u200b五,\ufeff外科\n", encoding="utf-8")
    roll("members", "import", str(roster))
    assert "20001,王五,,,外科," in roll("members", "list", "-f", "csv").stdout


def test_errors_never_print_a_raw_escape(roll: Cli):
    result = roll.fails("members", "show", "\x1b[2J")
    assert "\x1b" not in result.stderr and "\\x1b" in result.stderr


def _plant(db: Path, name: str) -> None:
    """A value written by something other than unionctl (an old release, sqlite3)."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE member SET name = ? WHERE emp_no = '10001'", (name,))


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "md", "grid"])
def test_stored_escapes_are_shown_escaped(roll: Cli, fmt: str):
    _plant(roll.db, "\x1b[2J张\u202e丽\x00")
    shown = roll("members", "list", "-f", fmt).stdout
    assert "\x1b" not in shown and "\u202e" not in shown and "\x00" not in shown
    assert "\\x1b[2J张\\u202e丽\\x00" in shown
    profile = roll("members", "show", "10001").stdout
    assert "\x1b" not in profile and "\\x1b" in profile


def test_stored_escapes_in_json_are_json_escapes(roll: Cli):
    _plant(roll.db, "\x1b[2J张丽")
    shown = roll("members", "list", "-f", "json").stdout
    assert "\x1b" not in shown and "\\u001b[2J张丽" in shown


def test_the_terminal_table_shows_escapes_too():
    table = Table(key="t", columns=(Column("name"),), rows=[("\x1b[31m红\x1b[0m",)])
    out = StringIO()
    write(table, Style(format="table"), out, tty=True)
    assert "\x1b[31m" not in out.getvalue() and "\\x1b[31m红" in out.getvalue()


def test_printable_keeps_chinese_and_spaces():
    assert printable("张 丽　心内科") == "张 丽　心内科"
    assert printable("a\tb\u2028c") == "a\\x09b\\u2028c"
