"""Edge cases found while testing the parsers and the renderer, kept as regressions."""

import csv
import io

import pytest
from conftest import SAMPLE_ID_X, Cli

from unionctl.errors import UnionError
from unionctl.parsing import parse_count, parse_id_card, parse_money, parse_month
from unionctl.render import Column, Style, Table, write


def render(table, fmt, tty=False):
    out = io.StringIO()
    write(table, Style(format=fmt), out, tty=tty)
    return out.getvalue()


def test_rich_shows_cell_text_literally_and_never_raises():
    table = Table(key="t", columns=(Column("name"), Column("dept")), rows=[("[b]张丽[/b]", "[/x]")])
    text = render(table, "table", tty=True)
    assert "[b]张丽[/b]" in text and "[/x]" in text


def test_csv_quotes_a_carriage_return_inside_a_cell():
    table = Table(key="t", columns=(Column("name"), Column("dept")), rows=[("a\r=1+1", "x")])
    text = render(table, "csv")
    rows = list(csv.reader(io.StringIO(text, newline=None)))  # universal newlines, like Excel
    assert rows == [["name", "dept"], ["a\r=1+1", "x"]] or rows == [
        ["name", "dept"],
        ["a\n=1+1", "x"],
    ]


def test_md_escapes_a_pipe_in_a_cell():
    table = Table(key="t", columns=(Column("name"), Column("dept")), rows=[("张丽", "心|内科")])
    row = render(table, "md").splitlines()[-1]
    assert row.count("|") - row.count("\\|") == 3


def test_parse_month_far_future_is_a_union_error():
    with pytest.raises(UnionError):
        parse_month("9999-12")


def test_parse_count_reads_what_nfkc_makes_of_odd_digits():
    """Input is NFKC-normalised first (full-width digits from a Chinese IME become ASCII),
    so a superscript two is a two, and nothing reaches int() unchecked."""
    assert parse_count("²") == 2
    assert parse_count("１２") == 12
    with pytest.raises(UnionError):
        parse_count("½")


def test_parse_money_refuses_sub_fen_amounts_with_many_digits():
    with pytest.raises(UnionError):
        parse_money("1.000000000000000000000000000001")


def test_full_width_id_card_is_refused_or_normalised():
    full = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in SAMPLE_ID_X)
    try:
        card = parse_id_card(full)
    except UnionError as error:
        assert error.key == "id_card_format"
    else:
        assert card.number == SAMPLE_ID_X


def test_bad_format_error_speaks_the_chosen_language(cli: Cli):
    cli.fails("--lang", "zh", "--format", "excel", "members", "list", contains="未知的输出格式")


def test_full_width_input_from_an_ime_is_read_as_ascii(cli: Cli):
    cli(
        "members",
        "add",
        "２０００１",
        "张三",
        "--birth",
        "１９９０年３月７日",
        "--phone",
        "１３８１２３４５６７８",
    )
    shown = cli("members", "show", "20001", "-f", "csv", "--include-private").stdout
    assert "1990-03-07" in shown and "13812345678" in shown
    full = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in SAMPLE_ID_X)
    cli("members", "add", "20002", "李四", "--id-card", full)
    cli.fails(
        "members",
        "add",
        "20003",
        "王五",
        "--id-card",
        SAMPLE_ID_X,
        contains="already belongs to 20002",
    )


def test_a_pipe_in_a_value_stays_in_its_markdown_cell(cli: Cli):
    cli("members", "add", "20001", "张三", "--dept", "心|内科")
    row = cli("members", "list", "--format", "md").stdout.splitlines()[-1]
    assert "心\\|内科" in row
