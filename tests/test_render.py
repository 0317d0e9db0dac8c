"""The output layer: unionctl.render called directly, and the output options through
the CLI (before or after the command, files written atomically, privacy, BOM, language)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import VALID_ID, Cli
from hypothesis import given
from hypothesis import strategies as st
from wcwidth import wcwidth

from unionctl.errors import UnionError
from unionctl.labels import Term
from unionctl.render import Column, Record, Style, Table, check_format, neutralise, write

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOX_CHARS = set("┏┓┗┛┃━┡┩╇│─└┘┌┐├┤┬┴┼")

COLUMNS = (
    Column("name"),
    Column("dept"),
    Column("joined_on", "date"),
    Column("status", "code:status"),
    Column("amount", "money"),
    Column("members", "int"),
    Column("net", "signed"),
    Column("membership_rate", "percent"),
)
ROWS = [
    ("张丽", "心内科", dt.date(2010, 7, 1), "member", 610000, 12, -2, 0.125),
    ("Wang Fang", "ICU", None, "non_member", 5, 0, 3, 1),
]
CSV_ROWS = [
    ["name", "dept", "joined_on", "status", "amount", "members", "net", "membership_rate"],
    ["张丽", "心内科", "2010-07-01", "member", "6100.00", "12", "-2", "12.5%"],
    ["Wang Fang", "ICU", "", "non-member", "0.05", "0", "3", "100.0%"],  # no "+" for machines
]


def sample(*, total=None, rows=None, title: str | None = "t_members") -> Table:
    return Table(
        key="members",
        columns=COLUMNS,
        rows=list(ROWS if rows is None else rows),
        title=title,
        total=total,
    )


def render(items, fmt: str = "table", *, lang: str = "en", private=False, tty=False) -> str:
    out = io.StringIO()
    write(items, Style(format=fmt, lang=lang, include_private=private), out, tty=tty)
    return out.getvalue()


def read_csv(text: str, delimiter: str = ",") -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def display_cells(line: str) -> list[str]:
    """The line as one list entry per terminal column (a wide character takes two)."""
    cells: list[str] = []
    for char in line:
        width = wcwidth(char)
        cells.append(char)
        cells.extend([""] * (max(width, 1) - 1))
    return cells


def plain_grid(text: str) -> list[list[str]]:
    """Read a plain (tabulate "simple") table back by the display columns its dashed rule
    marks. A cell that is not inside its column's span comes out cut or merged, so
    comparing the result with the expected cells proves the columns line up."""
    lines = text.rstrip("\n").split("\n")
    rule_at = next(i for i, line in enumerate(lines) if line and set(line) <= {"-", " "})
    rule = lines[rule_at]
    spans, start = [], None
    for index, char in enumerate(rule + " "):
        if char == "-" and start is None:
            start = index
        elif char != "-" and start is not None:
            spans.append((start, index))
            start = None
    grid = []
    for line in [lines[rule_at - 1], *lines[rule_at + 1 :]]:
        cells = display_cells(line)
        gaps = [cells[end:next_start] for (_, end), (next_start, _) in itertools.pairwise(spans)]
        assert all("".join(gap).strip() == "" for gap in gaps), f"text between columns: {line!r}"
        grid.append(["".join(cells[a:b]).strip() for a, b in spans])
    return grid


# ---------------------------------------------------------------- csv and tsv


def test_csv_has_a_header_and_one_record_per_line():
    text = render(sample(), "csv")
    lines = text.splitlines()
    assert len(lines) == 3
    assert lines[0] == "name,dept,joined_on,status,amount,members,net,membership_rate"
    assert lines[1] == "张丽,心内科,2010-07-01,member,6100.00,12,-2,12.5%"
    assert read_csv(text) == CSV_ROWS
    assert text.endswith("\n") and "\r" not in text


def test_tsv_is_the_same_cells_with_tabs():
    text = render(sample(), "tsv")
    assert text.splitlines()[1] == "\t".join(CSV_ROWS[1])
    assert read_csv(text, "\t") == CSV_ROWS


def test_csv_total_row_and_chinese_headers():
    text = render(sample(total=(None, None, None, None, 610005, 12, 1, None)), "csv", lang="zh")
    rows = read_csv(text)
    assert rows[0] == ["姓名", "科室", "入会日期", "会籍状态", "金额", "会员数", "净增", "入会率"]
    assert rows[1][3] == "在会"
    assert rows[2][3] == "未入会"
    assert rows[-1] == ["合计", "", "", "", "6100.05", "12", "1", ""]
    assert read_csv(render(sample(total=(None, *[None] * 7)), "csv"))[-1][0] == "Total"


def test_empty_table_in_csv_is_just_the_header():
    assert render(sample(rows=[]), "csv") == ",".join(CSV_ROWS[0]) + "\n"


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_text_cell_that_looks_like_a_formula_gets_a_quote(fmt: str, start: str):
    formula = f'{start}HYPERLINK("http://evil","x")'
    inner = f"a{start}b"
    rows = [(formula, inner, None, "member", -150, -3, -1, 0.5)]
    parsed = read_csv(render(sample(rows=rows), fmt), "," if fmt == "csv" else "\t")
    name, dept, _, _, amount, members, net, rate = parsed[1]
    # a CR inside a cell comes out as LF, which the writer quotes (it would not quote CR)
    assert name == ("'" + formula).replace("\r", "\n")
    assert dept == inner.replace("\r", "\n")  # only a leading formula character matters
    # numeric columns are never altered, even when negative
    assert (amount, members, net, rate) == ("-1.50", "-3", "-1", "50.0%")


def test_neutralise():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("@SUM(1)") == "'@SUM(1)"
    assert neutralise("\tx") == "'\tx"
    assert neutralise("心内科") == "心内科"
    assert neutralise("") == ""
    assert neutralise("'=1") == "''=1"  # the guard is told apart from a stored quote


def test_csv_of_a_record_neutralises_values_but_not_numbers():
    record = Record(
        key="member",
        title="t_member",
        fields=[
            (Column("name"), "=cmd|' /C calc'!A0"),
            (Column("age", "int"), -1),
            (Column("amount", "money"), -250),
        ],
    )
    assert read_csv(render(record, "csv")) == [
        ["field", "value"],
        ["name", "'=cmd|' /C calc'!A0"],
        ["age", "-1"],
        ["amount", "-2.50"],
    ]


def test_several_tables_in_csv_are_headed_and_separated():
    other = Table(
        key="other", columns=(Column("dept"),), rows=[("-x",)], title="t_branches", title_suffix="+"
    )
    text = render([sample(), other], "csv")
    blocks = text.split("\n\n")
    assert len(blocks) == 2
    assert read_csv(blocks[0])[0] == ["Members"]
    assert read_csv(blocks[1]) == [["Branches +"], ["dept"], ["'-x"]]


# No CR: the writer leaves a CR inside a cell unquoted (see the report). No other
# control or invisible format character: input refuses them and output escapes them
# (tests/test_hygiene.py); tab and LF are data a CSV cell may hold.
texts = st.text(
    alphabet=st.characters(
        exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp"), include_characters="\t\n"
    )
)


@given(
    rows=st.lists(
        st.tuples(texts, texts, st.integers(-(10**12), 10**12), st.integers(-(10**6), 10**6)),
        max_size=6,
    ),
    fmt=st.sampled_from(["csv", "tsv"]),
)
def test_delimited_output_reads_back_cell_for_cell(rows, fmt):
    columns = (Column("name"), Column("dept"), Column("amount", "money"), Column("members", "int"))
    table = Table(key="t", columns=columns, rows=rows)
    parsed = read_csv(render(table, fmt), "," if fmt == "csv" else "\t")
    assert parsed[0] == ["name", "dept", "amount", "members"]
    assert len(parsed) == len(rows) + 1
    for (name, dept, fen, count), line in zip(rows, parsed[1:], strict=True):
        for raw, shown in ((name, line[0]), (dept, line[1])):
            assert not shown.startswith(FORMULA_STARTS)
            assert shown == ("'" + raw if raw.startswith((*FORMULA_STARTS, "'")) else raw)
        assert Decimal(line[2]) * 100 == fen
        assert line[3] == str(count)


# ---------------------------------------------------------------- json


def test_json_is_a_list_of_objects_keyed_by_column_code():
    for lang in ("en", "zh"):
        data = json.loads(render(sample(), "json", lang=lang))
        assert data == [
            {
                "name": "张丽",
                "dept": "心内科",
                "joined_on": "2010-07-01",
                "status": "member",
                "amount": 6100,
                "members": 12,
                "net": -2,
                "membership_rate": 0.125,
            },
            {
                "name": "Wang Fang",
                "dept": "ICU",
                "joined_on": None,
                "status": "non_member",
                "amount": 0.05,
                "members": 0,
                "net": 3,
                "membership_rate": 1,
            },
        ], lang
        assert isinstance(data[0]["amount"], int | float)
        assert isinstance(data[0]["members"], int)


def test_json_does_not_neutralise_or_translate():
    rows = [("=1+1", "@x", None, "left", 1, 1, 1, 0)]
    data = json.loads(render(sample(rows=rows), "json", lang="zh"))
    assert (data[0]["name"], data[0]["dept"], data[0]["status"]) == ("=1+1", "@x", "left")


def test_json_of_an_empty_table_is_an_empty_list():
    assert json.loads(render(sample(rows=[]), "json")) == []


def test_json_table_with_a_total():
    data = json.loads(render(sample(total=(None, None, None, None, 610005, 12, 1, None)), "json"))
    assert set(data) == {"rows", "total"}
    assert [row["name"] for row in data["rows"]] == ["张丽", "Wang Fang"]
    assert data["total"]["amount"] == 6100.05
    assert data["total"]["members"] == 12
    assert data["total"]["name"] is None


def test_json_of_several_items_is_keyed_by_table():
    record = Record(
        key="member",
        fields=[(Column("status", "code:status"), "member"), (Column("check", "bool"), True)],
    )
    data = json.loads(render([record, sample()], "json", lang="zh"))
    assert data["member"] == {"status": "member", "check": True}
    assert [row["status"] for row in data["members"]] == ["member", "non_member"]


def test_json_of_terms_and_json_columns():
    table = Table(
        key="log",
        columns=(Column("change", "term"), Column("after", "json")),
        rows=[(Term("status", "non_member"), '{"a": [1, 2]}'), ("plain", "null")],
    )
    assert json.loads(render(table, "json")) == [
        {"change": "non_member", "after": {"a": [1, 2]}},
        {"change": "plain", "after": None},
    ]
    assert read_csv(render(table, "csv", lang="zh"))[1] == ["未入会", '{"a": [1, 2]}']


@given(fens=st.lists(st.integers(0, 10**12), min_size=1, max_size=5))
def test_json_money_is_the_exact_amount(fens):
    table = Table(key="t", columns=(Column("amount", "money"),), rows=[(f,) for f in fens])
    data = json.loads(render(table, "json"))
    assert [Decimal(str(row["amount"])) * 100 for row in data] == fens


# ---------------------------------------------------------------- md and tabulate formats


def test_md_is_a_pipe_table():
    text = render(sample(), "md")
    lines = text.splitlines()
    assert lines[0] == "### Members"
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == 4  # header, rule, two rows
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    assert header == CSV_ROWS[0]
    rule = [cell for cell in table[1].strip("|").split("|")]
    assert rule[0].startswith(":") and not rule[0].endswith(":")  # text left
    assert rule[4].endswith(":") and not rule[4].startswith(":")  # money right
    assert "| 张丽 " in table[2] and "6100.00 |" in table[2]


@pytest.mark.parametrize("fmt", ["grid", "github", "psql", "rst", "plain", "simple"])
def test_any_tabulate_format_renders_every_cell(fmt: str):
    assert check_format(fmt) == fmt
    text = render(sample(), fmt)
    for cell in CSV_ROWS[1] + CSV_ROWS[2][:2]:
        assert cell in text, (fmt, cell)
    # the plain piped table is header + rows only; the others keep their title
    assert ("Members" in text) == (fmt != "simple")


def test_grid_and_github_look_like_themselves():
    grid = render(sample(title=None), "grid").splitlines()
    assert grid[0].startswith("+-") and grid[2].startswith("+=")
    github = render(sample(title=None), "github").splitlines()
    assert github[0].startswith("| name") and set(github[1]) <= {"|", "-", ":"}


def test_check_format():
    for name in ("table", "csv", "tsv", "json", "md", "grid", "github"):
        assert check_format(name) == name
    with pytest.raises(UnionError) as caught:
        check_format("excel")
    message = caught.value.message("en")
    assert caught.value.key == "bad_format"
    assert "'excel'" in message
    assert "table, csv, tsv, json, md" in message
    assert "grid" in message and "github" in message
    assert "\n" not in message


# ---------------------------------------------------------------- plain text and rich


def test_plain_text_has_no_terminal_decoration_and_no_truncation():
    long = "很长的备注" + "x" * 300
    text = render(sample(rows=[(long, "心内科", None, "member", 1, 1, 1, 0)]), "table")
    assert "\x1b" not in text
    assert not BOX_CHARS & set(text)
    assert "…" not in text
    assert long in text


def test_plain_text_lines_up_chinese_columns():
    text = render(sample(total=(None, None, None, None, 610005, 12, 1, None)), "table", lang="zh")
    assert text.splitlines()[0].startswith("姓名")
    assert plain_grid(text) == [
        ["姓名", "科室", "入会日期", "会籍状态", "金额", "会员数", "净增", "入会率"],
        ["张丽", "心内科", "2010-07-01", "在会", "6100.00", "12", "-2", "12.5%"],
        ["Wang Fang", "ICU", "", "未入会", "0.05", "0", "+3", "100.0%"],
        ["合计", "", "", "", "6100.05", "12", "+1", "—"],
    ]


names = st.text(alphabet="abcXYZ019张丽王芳心内科护理部急诊（）", min_size=1, max_size=12)


@given(rows=st.lists(st.tuples(names, names, st.integers(0, 10**6)), min_size=1, max_size=5))
def test_plain_text_columns_line_up_for_any_mix_of_widths(rows):
    columns = (Column("name"), Column("dept"), Column("members", "int"))
    text = render(Table(key="t", columns=columns, rows=rows), "table", lang="zh")
    expected = [["姓名", "科室", "会员数"]] + [[a, b, str(n)] for a, b, n in rows]
    assert plain_grid(text) == expected


def test_plain_record():
    record = Record(
        key="member",
        title="t_member",
        title_suffix="10001",
        fields=[(Column("name"), "张丽"), (Column("status", "code:status"), "member")],
    )
    text = render(record, "table", lang="zh")
    assert "会员档案" not in text  # one table piped: header and rows only
    assert plain_grid(text) == [["项目", "内容"], ["姓名", "张丽"], ["会籍状态", "在会"]]


def test_rich_on_a_terminal_renders_the_title_and_cells(monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")  # rich sizes itself from $COLUMNS off a terminal
    text = render(sample(total=(None, None, None, None, 610005, 12, 1, None)), "table", tty=True)
    assert text.splitlines()[0].strip() == "Members"
    assert BOX_CHARS & set(text)
    for cell in ("张丽", "Wang Fang", "Total", "12.5%"):
        assert cell in text
    zh = render(sample(), "table", lang="zh", tty=True)
    assert zh.splitlines()[0].strip() == "会员名册"
    assert "在会" in zh and "姓名" in zh


def test_rich_renders_a_record_and_several_tables(monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    record = Record(key="member", title="t_member", fields=[(Column("name"), "张丽")])
    text = render([record, sample()], "table", tty=True)
    assert "Member" in text and "Members" in text and "张丽" in text
    assert "field" in text and "value" in text


def test_a_terminal_changes_only_the_table_format():
    for fmt in ("csv", "tsv", "json", "md", "grid"):
        assert render(sample(), fmt, tty=True) == render(sample(), fmt, tty=False), fmt


def test_private_columns_are_masked_unless_asked():
    table = Table(
        key="t",
        columns=(Column("phone", "phone"), Column("id_card", "id_card")),
        rows=[("13812345678", VALID_ID)],
    )
    for fmt in ("csv", "json", "table"):
        masked = render(table, fmt)
        assert "138****5678" in masked and "3301**************" in masked, fmt
        assert "13812345678" not in masked and VALID_ID not in masked, fmt
        shown = render(table, fmt, private=True)
        assert "13812345678" in shown and VALID_ID in shown, fmt


def test_bool_cells_in_both_languages():
    table = Table(key="t", columns=(Column("check", "bool"),), rows=[(True,), (False,)])
    assert read_csv(render(table, "csv")) == [["check"], ["yes"], ["no"]]
    assert read_csv(render(table, "csv", lang="zh")) == [["检查项"], ["是"], ["否"]]


# ---------------------------------------------------------------- through the CLI

HEADER_EN = (
    "emp_no,name,gender,birth_date,dept,branch,post,employment,status,joined_on,hired_on,phone"
)


def test_members_list_csv(roll: Cli):
    text = roll("members", "list", "--format", "csv").stdout
    lines = text.splitlines()
    assert lines[0] == HEADER_EN
    assert len(lines) == 5
    assert lines[1] == (
        "10001,张丽,female,1990-03-07,心内科,内科分工会,主治医师,staff,member,2010-07-01,,138****5678"
    )
    assert lines[2] == (
        "10002,王芳,female,1995-06-15,急诊科,护理分工会,护士,contract,non-member,,2018-07-01,"
    )


def test_members_list_tsv(roll: Cli):
    rows = read_csv(roll("members", "list", "-f", "tsv").stdout, "\t")
    assert rows[0] == HEADER_EN.split(",")
    assert [row[0] for row in rows[1:]] == ["10001", "10002", "10003", "10004"]
    assert rows[3][3] == "1949-12-31"


OPTION_SETS = [
    ("--format", "csv"),
    ("--format", "tsv"),
    ("-f", "json"),
    ("--format", "md"),
    ("--format", "grid"),
    ("--lang", "zh"),
    ("--include-private", "--format", "csv"),
    ("--bom", "--format", "csv"),
    ("--lang", "zh", "--format", "json"),
]


@pytest.mark.parametrize("options", OPTION_SETS, ids=" ".join)
def test_output_options_work_before_and_after_the_command(roll: Cli, options):
    before = roll(*options, "members", "list").stdout
    after = roll("members", "list", *options).stdout
    assert before == after
    assert before != roll("members", "list").stdout  # the option did something


def test_output_options_after_the_command_win(roll: Cli):
    csv_text = roll("members", "list", "--format", "csv").stdout
    assert roll("--format", "json", "members", "list", "--format", "csv").stdout == csv_text
    zh = roll("--lang", "en", "members", "list", "--lang", "zh", "-f", "csv").stdout
    assert zh.startswith("工号,姓名")


def test_branch_list_through_the_cli(roll: Cli):
    assert read_csv(roll("members", "branch", "list", "-f", "csv").stdout) == [
        ["branch", "parent", "members"],
        ["内科分工会", "", "2"],
        ["护理分工会", "", "1"],
    ]
    assert json.loads(roll("members", "branch", "list", "-f", "json").stdout) == [
        {"branch": "内科分工会", "parent": None, "members": 2},
        {"branch": "护理分工会", "parent": None, "members": 1},
    ]


def test_csv_injection_is_neutralised_through_the_cli(roll: Cli):
    link = '=HYPERLINK("http://evil.example","点我")'
    roll("members", "add", "20001", "@SUM(1)", "--dept", link, "--post", "+1+2")
    roll("members", "add", "--dept=-2+3", "--post", "@@", "--", "20002", "-3-1")
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        rows = {
            row[0]: row for row in read_csv(roll("members", "list", "-f", fmt).stdout, delimiter)
        }
        assert rows["20001"][1] == "'@SUM(1)"
        assert rows["20001"][4] == "'" + link
        assert rows["20001"][6] == "'+1+2"
        assert rows["20002"][1] == "'-3-1"
        assert rows["20002"][4] == "'-2+3"
        assert rows["20002"][6] == "'@@"
        assert rows["10001"][1] == "张丽"  # ordinary text untouched
    export = read_csv(roll("members", "export").stdout)
    assert export[5][:2] == ["20001", "'@SUM(1)"]
    show = read_csv(roll("members", "show", "20001", "-f", "csv").stdout)
    assert ["name", "'@SUM(1)"] in show and ["dept", "'" + link] in show
    # other formats show the text as it is
    data = json.loads(roll("members", "list", "-f", "json").stdout)
    assert data[4]["name"] == "@SUM(1)" and data[4]["dept"] == link
    assert "'@SUM(1)" not in roll("members", "list").stdout


def test_json_through_the_cli_keeps_codes_in_chinese(roll: Cli):
    data = json.loads(roll("--lang", "zh", "members", "list", "--format", "json").stdout)
    assert [row["emp_no"] for row in data] == ["10001", "10002", "10003", "10004"]
    assert set(data[0]) == set(HEADER_EN.split(","))
    assert (data[1]["gender"], data[1]["employment"], data[1]["status"]) == (
        "F",
        "contract",
        "non_member",
    )
    assert data[1]["joined_on"] is None
    assert data[0]["birth_date"] == "1990-03-07"


@pytest.mark.parametrize("fmt", ["md", "grid", "github"])
def test_tabulate_formats_through_the_cli(roll: Cli, fmt: str):
    text = roll("members", "list", "--format", fmt).stdout
    for name in ("张丽", "王芳", "李强", "赵敏", "138****5678"):
        assert name in text
    assert "|" in text
    if fmt == "grid":
        assert text.splitlines()[1].startswith("+--")


@pytest.mark.parametrize("where", ["before", "after"])
def test_unknown_format_is_one_line_naming_the_accepted(roll: Cli, where: str):
    args = ("members", "list")
    args = ("--format", "excel", *args) if where == "before" else (*args, "--format", "excel")
    result = roll.fails(*args, contains="unknown output format 'excel'")
    assert "table, csv, tsv, json, md" in result.stderr
    assert "github" in result.stderr and "grid" in result.stderr
    assert result.stdout == ""


def test_plain_text_through_the_cli(roll: Cli):
    long_post = "院感防控" + "x" * 300
    roll("members", "edit", "10004", "--post", long_post)
    text = roll("--lang", "zh", "members", "list").stdout
    assert "\x1b" not in text
    assert not BOX_CHARS & set(text)
    assert "…" not in text
    assert long_post in text
    # the plain table holds exactly the cells the CSV holds, each in its column
    cells = read_csv(roll("--lang", "zh", "members", "list", "-f", "csv").stdout)
    assert cells[0][:3] == ["工号", "姓名", "性别"]
    assert text.splitlines()[0].startswith("工号")
    assert plain_grid(text) == cells


def test_chinese_headers_and_code_names(roll: Cli):
    rows = read_csv(roll("--lang", "zh", "members", "list", "-f", "csv").stdout)
    assert rows[0] == [
        "工号",
        "姓名",
        "性别",
        "出生日期",
        "科室",
        "分工会",
        "职务",
        "用工性质",
        "会籍状态",
        "入会日期",
        "入职日期",
        "手机号",
    ]
    assert rows[1][2] == "女" and rows[1][7:9] == ["在编", "在会"]
    assert rows[2][7:9] == ["合同制", "未入会"]
    assert rows[3][2] == "男" and rows[3][7] == "退休"
    table = roll("members", "list", "--lang", "zh").stdout
    for word in ("工号", "姓名", "在编", "在会", "未入会", "合同制"):
        assert word in table
    assert "staff" not in table and "member" not in table


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_bom_starts_csv_and_tsv(roll: Cli, fmt: str):
    plain = roll("members", "list", "-f", fmt).stdout
    with_bom = roll("members", "list", "-f", fmt, "--bom").stdout
    # --bom is CSV for a spreadsheet: employee numbers also come as ="10001" (text there)
    assert with_bom.startswith("\ufeff")
    assert _unwrap_digits(with_bom[1:]) == plain
    assert not plain.startswith("\ufeff")


def _unwrap_digits(text: str) -> str:
    import re

    return re.sub(r'"=""([0-9]+)"""', r"\1", text)


@pytest.mark.parametrize("fmt", ["table", "json", "md", "grid"])
def test_bom_is_ignored_for_other_formats(roll: Cli, fmt: str):
    text = roll("--bom", "members", "list", "-f", fmt).stdout
    assert "\ufeff" not in text
    assert text == roll("members", "list", "-f", fmt).stdout


def test_include_private_unmasks_phone(roll: Cli):
    masked = roll("members", "list").stdout
    assert "138****5678" in masked and "139****1111" in masked
    assert "13812345678" not in masked and "13900001111" not in masked
    shown = roll("members", "list", "--include-private", "-f", "json").stdout
    data = json.loads(shown)
    assert data[0]["phone"] == "13812345678" and data[0]["id_card"] == VALID_ID
    assert data[3]["phone"] == "13900001111"
    assert "id_card" not in json.loads(roll("members", "list", "-f", "json").stdout)[0]


# ---------------------------------------------------------------- --output


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith(".unionctl-"))


@pytest.mark.parametrize("fmt", ["csv", "json", "table", "md"])
def test_output_file_holds_exactly_what_stdout_would(roll: Cli, tmp_path: Path, fmt: str):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"名册.{fmt}"
    result = roll("members", "list", "-f", fmt, "--output", str(target))
    assert result.stdout == ""
    expected = roll("members", "list", "-f", fmt).stdout
    assert target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in out_dir.iterdir()) == [target.name]


def test_output_before_the_command_and_over_an_old_file(roll: Cli, tmp_path: Path):
    target = tmp_path / "list.csv"
    target.write_text("old content\n", encoding="utf-8")
    roll("-o", str(target), "--bom", "-f", "csv", "members", "list")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert _unwrap_digits(data[3:].decode("utf-8")) == roll("members", "list", "-f", "csv").stdout
    assert leftovers(tmp_path) == []


def test_output_into_a_missing_directory_fails_cleanly(roll: Cli, tmp_path: Path):
    target = tmp_path / "no-such-dir" / "list.csv"
    result = roll.fails("members", "list", "-f", "csv", "--output", str(target))
    assert "list.csv" in result.stderr
    assert result.stdout == ""
    assert not target.exists()
    assert not target.parent.exists()


def test_a_failed_command_leaves_the_old_file_alone(roll: Cli, tmp_path: Path):
    target = tmp_path / "list.csv"
    target.write_text("old content\n", encoding="utf-8")
    roll.fails("members", "list", "--branch", "外科分工会", "-f", "csv", "-o", str(target))
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert leftovers(tmp_path) == []


def test_a_private_export_is_readable_by_its_owner_only(roll: Cli, tmp_path: Path):
    private = tmp_path / "private.csv"
    roll("members", "list", "--include-private", "-f", "csv", "-o", str(private))
    assert "13812345678" in private.read_text(encoding="utf-8")
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    # Masked or not, a roster names people and their birth dates: 0600 as well.
    public = tmp_path / "public.csv"
    roll("members", "list", "-f", "csv", "-o", str(public))
    assert stat.S_IMODE(public.stat().st_mode) == 0o600


# --- a table's rows are formatted column by column (render._text_rows); one cell at a time
# (render.cell) is the reference: the two must agree on every value a column can hold.
_ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
_COLUMN_VALUES = {
    Column("name"): st.one_of(st.none(), _ANY_TEXT, st.integers()),
    Column("given_on", "date"): st.one_of(st.none(), st.dates(), _ANY_TEXT),
    Column("members", "int"): st.one_of(st.none(), st.integers(-(10**12), 10**12)),
    Column("amount", "money"): st.one_of(st.none(), st.integers(-(10**12), 10**12)),
    Column("kind", "code:aid_kind"): st.one_of(
        st.none(), st.sampled_from(["illness", "holiday", "hardship"]), _ANY_TEXT
    ),
    Column("status", "code:status"): st.one_of(st.none(), st.sampled_from(["member", "left"])),
    Column("phone", "phone"): st.one_of(st.none(), st.from_regex(r"1[0-9]{10}", fullmatch=True)),
    Column("net", "signed"): st.one_of(st.none(), st.integers(-50, 50)),
}


@given(
    rows=st.lists(st.tuples(*_COLUMN_VALUES.values()), max_size=40),
    fmt=st.sampled_from(["csv", "table", "tsv"]),
    lang=st.sampled_from(["zh", "en"]),
    bom=st.booleans(),
)
def test_columns_are_formatted_as_each_cell_would_be(rows, fmt, lang, bom):
    from unionctl import render

    columns = list(_COLUMN_VALUES)
    style = Style(format=fmt, lang=lang, bom=bom)
    table = Table(key="t", columns=columns, rows=rows)
    expected = [
        tuple(render.cell(c, v, style) for c, v in zip(columns, row, strict=True)) for row in rows
    ]
    assert list(render._text_rows(table, style)) == expected


# Cells that make a CSV chunk take its slow ways (the signs the writer quotes, the cell
# sign the column check joins with, formula starts, a quote, control characters), among
# plain cells: a chunk is written the fast way only when every column of it is plain.
_PLAIN_TEXT = st.text(alphabet="ab张 1", max_size=4)
_AWKWARD_TEXT = st.one_of(
    _PLAIN_TEXT,
    st.builds(
        lambda before, sign, after: before + sign + after,
        _PLAIN_TEXT,
        st.sampled_from([*",;\"\t\n\r=+-@'\x1b", "\u2400", "\u2400=", "\u200b"]),
        _PLAIN_TEXT,
    ),
)


@given(
    rows=st.lists(
        st.tuples(
            st.one_of(st.none(), _AWKWARD_TEXT, _ANY_TEXT),
            st.one_of(st.none(), _AWKWARD_TEXT),
            st.one_of(st.none(), st.dates(), st.datetimes(), _AWKWARD_TEXT),
            # equal values of other types (1, True, 1.0) must not share a remembered cell
            st.one_of(
                st.none(), st.sampled_from(["illness", "holiday", 1, True, 1.0]), _AWKWARD_TEXT
            ),
            st.one_of(st.none(), st.integers(-(10**12), 10**12)),
        ),
        max_size=40,
    ),
    fmt=st.sampled_from(["csv", "tsv"]),
    lang=st.sampled_from(["zh", "en"]),
    bom=st.booleans(),
    chunk=st.sampled_from([1, 3, 256, 2048]),
    kept=st.sampled_from([0, 2, 4096]),
)
def test_delimited_rows_are_what_csv_writer_makes_of_each_guarded_cell(
    rows, fmt, lang, bom, chunk, kept
):
    """The CSV/TSV writer's column-at-a-time path (plain chunks joined, the rest through
    csv.writer; a date's or a code's cell made once and remembered, MEMO of
    them, then cleared) against the reference: each cell by render.cell, its guard,
    csv.writer."""
    from unionctl import render

    columns = [
        Column("name"),
        Column("dept"),
        Column("given_on", "date"),
        Column("kind", "code:aid_kind"),
        Column("amount", "money"),
    ]
    style = Style(format=fmt, lang=lang, bom=bom)
    delimiter = "," if fmt == "csv" else "\t"
    expected = io.StringIO()
    writer = csv.writer(expected, delimiter=delimiter, lineterminator="\n")
    guards = [render._guard(c, style) for c in columns]
    writer.writerow([c.title(lang) for c in columns])
    for row in rows:
        texts = [render.cell(c, v, style) for c, v in zip(columns, row, strict=True)]
        writer.writerow([t if g is None else g(t) for t, g in zip(texts, guards, strict=True)])
    out = io.StringIO()
    saved = render.CHUNK, render.MEMO
    render.CHUNK, render.MEMO = chunk, kept
    try:
        write(Table(key="t", columns=columns, rows=iter(rows)), style, out, tty=False)
    finally:
        render.CHUNK, render.MEMO = saved
    assert out.getvalue() == expected.getvalue()


def test_a_chunk_boundary_loses_no_row():
    from unionctl import render

    rows = [(str(i),) for i in range(render.CHUNK * 2 + 1)]
    out = io.StringIO()
    write(
        Table(key="t", columns=[Column("name")], rows=iter(rows)),
        Style(format="csv"),
        out,
        tty=False,
    )
    assert out.getvalue().splitlines()[1:] == [str(i) for i in range(len(rows))]


@given(
    chunks=st.lists(
        st.lists(
            st.one_of(
                st.none(),
                st.integers(-(10**12), 10**12),
                st.sampled_from([0, 1, 5000, 20000, True, 1.0, 1.5, -0.0, Decimal(100)]),
            ),
            max_size=12,
        ),
        max_size=8,
    ),
    kept=st.sampled_from([0, 2, 4096]),
)
def test_money_texts_are_format_money_through_the_memo(chunks, kept):
    """A money column formats each distinct amount once and keeps at most MEMO
    (and a chunk's): chunk after chunk, kept or cleared, each text is format_money's."""
    from unionctl import render
    from unionctl.parsing import format_money

    saved, render.MEMO = render.MEMO, kept
    try:
        texts = render._common_texts(Column("amount", "money"), Style(format="csv"))
        longest = 0
        for values in chunks:
            longest = max(longest, len(values))
            assert texts(values) == [format_money(v) for v in values]
            assert len(texts._memo) <= kept + 2 + longest  # beyond MEMO: cleared
    finally:
        render.MEMO = saved


@pytest.mark.parametrize(
    "texts",
    [
        ["a", "b", "c"],  # nothing to guard: the column is returned as it is
        ["a", "=1+1", "c"],  # one formula among clean cells
        ["a\n=b", "c"],  # "\n=" inside a cell: the column check says maybe, each cell no
        ["a", "x\ry", "-3"],  # a CR anywhere, a minus at the start
        ["'=x", "", "@sum"],
    ],
)
def test_a_column_is_guarded_as_each_cell_would_be(texts):
    from unionctl import render

    guarded = render._neutralised(lambda values: list(values), texts)
    assert guarded == [render.neutralise(t) for t in texts]


def test_a_one_column_csv_keeps_an_empty_cell_apart_from_an_empty_line():
    # csv.writer writes a lone empty cell as "" (an empty line would be no record)
    out = io.StringIO()
    write(
        Table(key="t", columns=[Column("name")], rows=[("a",), (None,), ("",)]),
        Style(format="csv"),
        out,
        tty=False,
    )
    assert out.getvalue() == 'name\na\n""\n""\n'
