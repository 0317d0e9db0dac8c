"""Spreadsheets both ways: .xlsx in and out, CSV for Excel, and the table reader's
refusals. Workbooks are built and checked with the libraries themselves (openpyxl,
XlsxWriter), never with unionctl's own reader."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from conftest import VALID_ID, Cli, db_dump
from openpyxl import Workbook, load_workbook
from openpyxl.utils.datetime import to_excel

LEADING_ZERO = "00123"


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def members_json(cli: Cli) -> dict[str, dict]:
    rows = json.loads(cli("members", "export", "--format", "json", "--include-private").stdout)
    return {row["emp_no"]: row for row in rows}


@pytest.fixture
def sheet_roll(roll: Cli) -> Cli:
    """The small roll plus the numbers a spreadsheet damages: 00123 and an 18-digit ID."""
    roll("members", "add", LEADING_ZERO, "=1+2", "--branch", "内科分工会", "--phone", "02112345678")
    return roll


# --- xlsx out ------------------------------------------------------------------------------


def test_export_xlsx_has_typed_cells_read_back_by_openpyxl(sheet_roll: Cli, tmp_path: Path):
    path = tmp_path / "roll.xlsx"
    sheet_roll("members", "export", "--format", "xlsx", "-o", str(path), "--include-private")
    assert os.stat(path).st_mode & 0o777 == 0o600
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["emp_no", "name"]
    assert sheet.freeze_panes == "A2"
    assert all(c.font.b for c in sheet[1])
    rows = {r[0].value: {h: c for h, c in zip(header, r, strict=True)} for r in sheet.iter_rows(2)}
    zero = rows[LEADING_ZERO]
    assert zero["emp_no"].data_type == "s"
    assert zero["phone"].value == "02112345678" and zero["phone"].data_type == "s"
    # a text cell that looks like a formula stays text, guarded as in CSV
    # a string cell is never a formula: the text is written as it is, no guard quote
    assert zero["name"].value == "=1+2" and zero["name"].data_type == "s"
    first = rows["10001"]
    assert first["id_card"].value == VALID_ID and first["id_card"].data_type == "s"
    assert first["birth_date"].is_date
    assert first["birth_date"].value == dt.datetime(1990, 3, 7)
    assert first["birth_date"].number_format == "yyyy-mm-dd"
    assert first["joined_on"].value == dt.datetime(2010, 7, 1)


def test_xlsx_masks_private_columns_unless_asked(sheet_roll: Cli, tmp_path: Path):
    path = tmp_path / "list.xlsx"
    sheet_roll("members", "list", "--format", "xlsx", "--output", str(path))
    sheet = load_workbook(path).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert "id_card" not in header
    phones = [r[header.index("phone")].value for r in sheet.iter_rows(2)]
    assert "13812345678" not in phones
    assert any(p and "*" in p for p in phones)


def test_xlsx_log_times_are_time_cells(sheet_roll: Cli, tmp_path: Path):
    """Issue 6 trial: `log -f xlsx` wrote its times as text, which a sheet cannot sort
    or filter by date."""
    path = tmp_path / "log.xlsx"
    sheet_roll("log", "--format", "xlsx", "--output", str(path))
    sheet = load_workbook(path).worksheets[0]
    header = [c.value for c in sheet[1]]
    at = [row[header.index("at")] for row in sheet.iter_rows(2)]
    assert at and all(c.is_date and isinstance(c.value, dt.datetime) for c in at)
    assert at[0].number_format == "yyyy-mm-dd hh:mm:ss"
    shown = sheet_roll("log", "--format", "csv").stdout.splitlines()[1].split(",")[1]
    assert dt.datetime.fromisoformat(shown) == at[0].value


def test_xlsx_report_has_title_line_total_row_percentages_and_properties(
    sheet_roll: Cli, tmp_path: Path
):
    path = tmp_path / "report.xlsx"
    sheet_roll(
        "reports", "membership", "--year", "2025", "--format", "xlsx", "-o", str(path),
        "--lang", "zh",
    )  # fmt: skip
    book = load_workbook(path)
    assert book.properties.title == "各分工会会员情况 2025"
    sheet = book.worksheets[0]
    assert sheet.title == "各分工会会员情况 2025"
    assert sheet["A1"].value == "各分工会会员情况 2025" and sheet["A1"].font.b
    assert [c.value for c in sheet[2]][:4] == ["分工会", "会员数", "职工数", "入会率"]
    assert sheet.freeze_panes == "A3"
    last = list(sheet.iter_rows())[-1]
    assert last[0].value == "合计" and last[0].font.b
    assert last[1].data_type == "n" and isinstance(last[1].value, int)
    rate = last[3]
    assert rate.data_type == "n" and 0 < rate.value <= 1 and rate.number_format == "0.0%"
    # Chinese text counts double: 内科分工会 (10 columns wide) gets a column that fits it
    assert sheet.column_dimensions["A"].width >= 12


def test_money_is_a_number_with_two_decimals(tmp_path: Path):
    """No money table exists yet (aid comes later); the writer is ready for it."""
    from unionctl.render import Column, Style, Table
    from unionctl.xlsx import write_workbook

    table = Table(
        key="aid",
        columns=(Column("name"), Column("amount", "money")),
        rows=[("甲", 61000), ("乙", 1), ("丙", None)],
        total=(None, 61001),
    )
    path = tmp_path / "money.xlsx"
    write_workbook(table, Style(format="xlsx", lang="zh"), str(path))
    cells = list(load_workbook(path).worksheets[0].iter_rows(2))
    assert [(r[1].value, r[1].number_format) for r in cells] == [
        (610, "0.00"),
        (0.01, "0.00"),
        (None, "0.00"),
        (610.01, "0.00"),
    ]
    assert cells[-1][0].value == "合计"


def test_xlsx_refuses_to_go_to_stdout(sheet_roll: Cli):
    result = sheet_roll.fails("members", "export", "--format", "xlsx")
    assert "--output FILE.xlsx" in result.stderr
    assert result.stdout == ""


def test_xlsx_libraries_stay_out_of_start_up(cli: Cli):
    done = cli.run_process("--help", env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert done.returncode == 0
    assert "openpyxl" not in done.stderr and "xlsxwriter" not in done.stderr


# --- the round trip ------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["xlsx", "csv-bom"])
def test_export_then_import_update_changes_nothing(sheet_roll: Cli, tmp_path: Path, fmt: str):
    path = tmp_path / ("roll.xlsx" if fmt == "xlsx" else "roll.csv")
    options = ["--format", "xlsx"] if fmt == "xlsx" else ["--bom"]
    sheet_roll("members", "export", "--include-private", *options, "-o", str(path))
    before = tables_but_audit(sheet_roll.db)
    result = sheet_roll("members", "import", str(path), "--update")
    assert "0 added, 0 updated, 5 unchanged" in result.stdout
    assert tables_but_audit(sheet_roll.db) == before


def tables_but_audit(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        names = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if name != "audit_log"
        ]
        return {n: conn.execute(f"SELECT * FROM {n} ORDER BY rowid").fetchall() for n in names}
    finally:
        conn.close()


# --- CSV for a spreadsheet -------------------------------------------------------------------


def test_bom_csv_keeps_digit_strings_as_text(sheet_roll: Cli, tmp_path: Path):
    path = tmp_path / "excel.csv"
    sheet_roll("members", "export", "--include-private", "--bom", "-o", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert f'"=""{LEADING_ZERO}""",'.encode() in data
    assert f'"=""{VALID_ID}"""'.encode() in data
    assert b'"=""13812345678"""' in data
    # a name that is a formula is still neutralised, not wrapped
    assert b",'=1+2," in data


def test_plain_csv_stays_plain(sheet_roll: Cli, tmp_path: Path):
    path = tmp_path / "plain.csv"
    sheet_roll("members", "export", "--include-private", "-o", str(path))
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b'="' not in data
    assert f"\n{LEADING_ZERO},'=1+2,".encode() in data
    assert f",{VALID_ID}\n".encode() in data


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_reads_the_bom_csv_digits_as_text(sheet_roll: Cli, tmp_path: Path):
    path = tmp_path / "excel.csv"
    sheet_roll("members", "export", "--include-private", "--bom", "-o", str(path))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
         "--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", str(tmp_path / "out"),
         str(path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    sheet = load_workbook(tmp_path / "out" / "excel.xlsx", data_only=True).worksheets[0]
    header = [c.value for c in sheet[1]]
    values = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(2, values_only=True)}
    assert LEADING_ZERO in values
    assert values["10001"]["id_card"] == VALID_ID
    assert values["10001"]["phone"] == "13812345678"
    assert values[LEADING_ZERO]["name"] == "'=1+2"  # text, never run
    # and the spreadsheet's own workbook imports back without a change
    before = tables_but_audit(sheet_roll.db)
    result = sheet_roll("members", "import", str(tmp_path / "out" / "excel.xlsx"), "--update")
    assert "0 added, 0 updated, 5 unchanged" in result.stdout
    assert tables_but_audit(sheet_roll.db) == before


# --- xlsx in -------------------------------------------------------------------------------


def hr_workbook(path: Path) -> Path:
    """What HR hands over: a cover sheet, then the roster under a merged title row,
    with 序号 and 备注 columns, dates as date cells and as bare serials, the phone
    typed as a number, the ID card as text."""
    book = Workbook()
    book.active.title = "说明"
    book.active["A1"] = "本表由人事科导出"
    sheet = book.create_sheet("在职职工")
    sheet["A1"] = "XX医院职工花名册"
    sheet.merge_cells("A1:I1")
    sheet.append(
        ["序号", "职工号", "姓名", "出生年月", "手机", "身份证号码", "所在科室", "入会时间", "备注"]
    )
    sheet.append([1, "00456", "李娜", dt.date(1988, 5, 20), 13900001111, None, "儿科",
                  to_excel(dt.date(2015, 9, 1)), "新调入"])  # fmt: skip
    sheet.append([2, "20002", "赵强", None, None, VALID_ID, "放射科", None, None])
    sheet["D3"].number_format = "yyyy-mm-dd"
    book.save(path)
    return path


def test_hr_workbook_imports_by_sheet_name(cli: Cli, tmp_path: Path):
    path = hr_workbook(tmp_path / "花名册.xlsx")
    result = cli("members", "import", str(path), "--sheet", "在职职工")
    assert "2 added" in result.stdout
    assert stderr_lines(result) == [
        f"unionctl: {path}: column(s) not understood, ignored: 序号, 备注"
    ]
    members = members_json(cli)
    assert members["00456"]["birth_date"] == "1988-05-20"
    assert members["00456"]["phone"] == "13900001111"
    assert members["00456"]["joined_on"] == "2015-09-01"
    assert members["00456"]["dept"] == "儿科"
    assert members["20002"]["id_card"] == VALID_ID
    assert members["20002"]["birth_date"] == "1990-03-07"  # from the ID card


def test_a_header_over_two_rows_with_merged_cells(cli: Cli, tmp_path: Path):
    """HR's drawn header: 工号/姓名 merged down over two rows, 联系方式 across two columns
    with 手机 and 身份证号码 below it; the data starts on row 4."""
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet["A1"] = "XX医院职工花名册（2025年12月）"
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "工号", "姓名", "联系方式", None, "出生日期"])
    sheet.append([None, None, None, "手机", "身份证号码", None])
    for column in "ABCF":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("D2:E2")
    sheet.append([1, "00456", "李娜", "13900001111", None, to_excel(dt.date(1988, 5, 20))])
    sheet.append([2, "20002", "赵强", None, VALID_ID, None])
    sheet.append([3, "20003", None, None, None, None])  # no name: line 6 is reported
    path = tmp_path / "two-level.xlsx"
    book.save(path)
    result = cli.fails("members", "import", str(path))
    assert stderr_lines(result)[0] == f"unionctl: {path}: column(s) not understood, ignored: 序号"
    assert [line.split(":")[0] for line in stderr_lines(result)[2:]] == ["  line 6"]
    sheet.delete_rows(6)
    book.save(path)
    cli("members", "import", str(path))
    members = members_json(cli)
    assert members["00456"]["phone"] == "13900001111"
    assert members["00456"]["birth_date"] == "1988-05-20"
    assert members["20002"]["id_card"] == VALID_ID


def test_first_sheet_is_read_by_default(cli: Cli, tmp_path: Path):
    path = hr_workbook(tmp_path / "花名册.xlsx")
    before = db_dump(cli.db)
    result = cli.fails("members", "import", str(path))
    assert stderr_lines(result) == [f"unionctl: {path} lacks the required column(s) emp_no 工号"]
    assert db_dump(cli.db) == before


def _bad_book(tmp_path: Path, build) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "花名册"
    sheet.append(["工号", "姓名", "身份证号", "出生日期", "分工会"])
    build(sheet)
    path = tmp_path / "bad.xlsx"
    book.save(path)
    return path


def _merged(sheet):
    sheet.append(["30001", "甲", None, None, "内科分工会"])
    sheet.append(["30002", "乙", None, None, None])
    sheet.merge_cells("E2:E3")


def _formula(sheet):
    sheet.append(["30001", "甲", None, "=DATE(1990,1,1)", None])  # openpyxl saves no value


def _date_in_text(sheet):
    sheet.append([dt.date(2024, 3, 1), "甲", None, None, None])
    sheet["A2"].number_format = "yyyy-mm-dd"


def _id_as_number(sheet):
    sheet.append(["30001", "甲", 3.30102199003072e17, None, None])


def _id_as_integer(sheet):
    sheet.append(["30001", "甲", int(VALID_ID), None, None])


def _error_cell(sheet):
    sheet.append(["30001", "甲", None, None, "#N/A"])
    sheet["E2"].data_type = "e"


@pytest.mark.parametrize(
    ("build", "problem"),
    [
        (_merged, "line 2: cells 花名册!E2:E3 are merged inside the data"),
        (_formula, "line 2: cell 花名册!D2 is a formula with no saved value"),
        (_date_in_text, "line 2: cell 花名册!A2 is a date, but 工号 is not a date column"),
        # the number is an ID card: masked in the error line too (privacy everywhere)
        (_id_as_number, "line 2: cell 花名册!C2 holds the number 3301**************"),
        (_id_as_integer, "line 2: cell 花名册!C2 holds the number 3301************"),
        (_error_cell, "line 2: cell 花名册!E2 holds the spreadsheet error #N/A"),
    ],
    ids=["merged", "formula-no-value", "date-in-text", "id-as-number", "id-as-int", "error"],
)
def test_bad_workbook_rows_reject_the_file(roll: Cli, tmp_path: Path, build, problem: str):
    path = _bad_book(tmp_path, build)
    before = db_dump(roll.db)
    result = roll.fails("members", "import", str(path), "--create-branches")
    lines = stderr_lines(result)
    assert lines[0].startswith("unionctl: nothing imported"), lines
    assert any(line.strip().startswith(problem) for line in lines[1:]), lines
    assert db_dump(roll.db) == before


def test_formula_with_a_saved_value_is_read(cli: Cli, tmp_path: Path):
    import xlsxwriter

    path = tmp_path / "formula.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["工号", "姓名", "科室"])
    sheet.write_string(1, 0, "30001")
    sheet.write_formula(1, 1, '="张"&"三"', None, "张三")
    sheet.write_string(1, 2, "内科")
    book.close()
    cli("members", "import", str(path))
    assert members_json(cli)["30001"]["name"] == "张三"


def _workbook_bytes(tmp_path: Path) -> bytes:
    book = Workbook()
    book.active.append(["工号", "姓名"])
    book.active.append(["30001", "甲"])
    book.save(tmp_path / "good.xlsx")
    return (tmp_path / "good.xlsx").read_bytes()


@pytest.mark.parametrize(
    ("name", "content", "args", "message"),
    [
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
            [],
            "{path} is an old-format .xls workbook; open it in Excel or WPS and save it as .xlsx",
        ),
        (
            "locked.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            [],
            "{path} is password-protected; save a copy without the password",
        ),
        ("broken.xlsx", b"PK\x03\x04 not really a zip", [], "{path} is not a readable .xlsx"),
        ("good.xlsx", None, ["--sheet", "退休"], "{path} has no sheet named '退休'; its sheets: "),
        ("roster.csv", b"emp_no,name\n1,a\n", ["--sheet", "x"], "--sheet applies to .xlsx"),
    ],
    ids=["xls", "password", "corrupt", "no-such-sheet", "sheet-on-csv"],
)
def test_unreadable_workbooks_are_one_line(
    cli: Cli, tmp_path: Path, name: str, content: bytes | None, args: list[str], message: str
):
    path = tmp_path / name
    path.write_bytes(content if content is not None else _workbook_bytes(tmp_path))
    before = db_dump(cli.db)
    result = cli.fails("members", "import", str(path), *args)
    lines = stderr_lines(result)
    assert len(lines) == 1, lines
    assert lines[0].startswith("unionctl: " + message.format(path=path)), lines[0]
    assert db_dump(cli.db) == before


def test_an_empty_sheet_is_refused(cli: Cli, tmp_path: Path):
    book = Workbook()
    book.active.title = "空"
    book.save(tmp_path / "empty.xlsx")
    result = cli.fails("members", "import", str(tmp_path / "empty.xlsx"))
    assert f"sheet 空 of {tmp_path / 'empty.xlsx'} is empty" in result.stderr


# --- CSV defects the reader fixes --------------------------------------------------------------


def test_unbalanced_quote_rejects_the_file_with_its_line(cli: Cli, tmp_path: Path):
    rows = [f"3000{n},人{n},内科" for n in range(10)]
    # the quote never closes: its field swallowed lines 8-11, and the import said "7 added"
    rows[6] = '30006,人6,"内科'

    path = tmp_path / "quote.csv"
    path.write_text("工号,姓名,科室\n" + "\n".join(rows) + "\n", encoding="utf-8")
    before = db_dump(cli.db)
    result = cli.fails("members", "import", str(path))
    assert "line 8: a quoted field starts on this line and runs on to line 11" in result.stderr
    assert db_dump(cli.db) == before


def test_a_field_over_128_kib_is_one_clear_line(cli: Cli, tmp_path: Path):
    path = tmp_path / "huge.csv"
    path.write_text('工号,姓名\n30001,"' + "长" * 140_000 + '"\n', encoding="utf-8")
    result = cli.fails("members", "import", str(path))
    assert "Traceback" not in result.stderr
    assert "line 2: a field is longer than 128 KiB" in result.stderr
    assert len(stderr_lines(result)) == 2


def test_title_line_and_unknown_columns_in_csv(cli: Cli, tmp_path: Path):
    path = tmp_path / "hr.csv"
    path.write_text(
        "XX医院职工花名册,,,\n序号,工号,姓名,备注\n1,30001,甲,\n2,30002,乙,外聘\n", encoding="utf-8"
    )
    result = cli("members", "import", str(path))
    assert "2 added" in result.stdout
    assert "ignored: 序号, 备注" in result.stderr
    assert set(members_json(cli)) == {"30001", "30002"}


def test_rows_stream_and_can_be_read_twice(tmp_path: Path):
    from unionctl.services.member_import import read_roster

    path = tmp_path / "two.csv"
    path.write_text("工号,姓名\n1,甲\n2,乙\n", encoding="utf-8")
    table = read_roster(path)
    first = table.rows()
    assert next(first) == (2, {"emp_no": "1", "name": "甲"})
    assert list(table.rows()) == [
        (2, {"emp_no": "1", "name": "甲"}),
        (3, {"emp_no": "2", "name": "乙"}),
    ]


# --- what a secretary's roster really says -------------------------------------------------


def test_three_hundred_identical_errors_are_one_line(roll: Cli, tmp_path: Path):
    rows = "".join(f"{40000 + n},人{n},外科分工会\n" for n in range(300))
    path = tmp_path / "many.csv"
    path.write_text("工号,姓名,分工会\n" + rows + "49999,末,内科分工会\n50000,,内科分工会\n")
    result = roll.fails("members", "import", str(path))
    lines = stderr_lines(result)
    assert lines[0].endswith("301 bad row(s) in " + str(path))
    assert len(lines) == 3, lines
    assert lines[1].startswith("  lines 2, 3, 4, 5, 6, … (300 rows): ")
    assert "外科分工会" in lines[1]
    assert lines[2].startswith("  line 303: ")


def test_roster_words_for_employment_and_membership(roll: Cli, tmp_path: Path):
    path = tmp_path / "words.csv"
    path.write_text(
        "工号,姓名,用工形式,是否会员\n30001,甲,合同工,是\n30002,乙,正式,否\n30003,丙,在职,是\n"
        "10002,王芳,在职,\n",
        encoding="utf-8",
    )
    roll("members", "import", str(path), "--update")
    members = members_json(roll)
    assert (members["30001"]["employment"], members["30001"]["status"]) == ("contract", "member")
    assert (members["30002"]["employment"], members["30002"]["status"]) == ("staff", "non_member")
    # 在职 says "working here", not which employment: a new person gets the default,
    # an existing contract worker stays a contract worker
    assert members["30003"]["employment"] == "staff"
    assert members["10002"]["employment"] == "contract"


def test_vague_employment_option_names_the_choices(roll: Cli):
    result = roll.fails("members", "add", "30009", "甲", "--employment", "在职")
    assert "'在职' does not say which employment; accepted: staff 在编" in result.stderr


@pytest.mark.parametrize(
    ("text", "value"),
    [("是", True), ("否", False), ("Y", True), ("no", False), ("√", True), ("×", False),
     ("１", True), ("0", False)],
)  # fmt: skip
def test_yes_no_cells(text: str, value: bool):
    from unionctl.parsing import parse_yes_no

    assert parse_yes_no(text) is value


def test_yes_no_refuses_anything_else():
    from unionctl.errors import UnionError
    from unionctl.parsing import parse_yes_no

    with pytest.raises(UnionError):
        parse_yes_no("也许")


def test_every_bad_cell_of_a_workbook_row_is_reported(cli: Cli, tmp_path: Path):
    def build(sheet):
        sheet.append(["30001", "甲", 3.30102199003072e17, "=TODAY()", None])

    path = _bad_book(tmp_path, build)
    result = cli.fails("members", "import", str(path))
    lines = stderr_lines(result)
    assert lines[0].endswith(f"1 bad row(s) in {path}")
    assert lines[1].startswith("  line 2: cell 花名册!C2 holds the number")
    assert lines[2].startswith("  line 2: cell 花名册!D2 is a formula with no saved value")


def test_true_false_cells_in_a_membership_column(cli: Cli, tmp_path: Path):
    book = Workbook()
    book.active.append(["工号", "姓名", "是否会员"])
    book.active.append(["30001", "甲", True])
    book.active.append(["30002", "乙", False])
    book.save(tmp_path / "tf.xlsx")
    cli("members", "import", str(tmp_path / "tf.xlsx"))
    members = members_json(cli)
    assert (members["30001"]["status"], members["30002"]["status"]) == ("member", "non_member")


# --- found by trying real HR workbooks (second trial) --------------------------------


def _book(path: Path, header: list[str], *rows: list) -> tuple:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    return path, book, sheet


def test_year_month_typed_as_a_number_is_read_or_refused_never_1905(cli: Cli, tmp_path: Path):
    path, book, _sheet = _book(
        tmp_path / "ym.xlsx", ["工号", "姓名", "出生年月"], ["81005", "戊", 1990.03]
    )
    book.save(path)
    cli("members", "import", str(path))
    assert members_json(cli)["81005"]["birth_date"] == "1990-03-01"
    path, book, _sheet = _book(
        tmp_path / "ym2.xlsx", ["工号", "姓名", "出生年月"], ["81006", "己", 1990.1]
    )
    book.save(path)
    before = db_dump(cli.db)
    refused = cli.fails("members", "import", str(path))
    assert "cannot say January from October" in refused.stderr
    assert db_dump(cli.db) == before


def test_an_employee_number_shown_with_leading_zeros_keeps_them(cli: Cli, tmp_path: Path):
    path, book, sheet = _book(tmp_path / "z.xlsx", ["工号", "姓名"], [123, "甲"])
    sheet["A2"].number_format = "00000"
    book.save(path)
    cli("members", "import", str(path))
    assert "00123" in members_json(cli)


def test_text_with_an_xml_escape_lookalike_round_trips(cli: Cli, tmp_path: Path):
    cli("members", "add", "1", "张_x0041_三")
    path = tmp_path / "rt.xlsx"
    cli("members", "export", "-f", "xlsx", "-o", str(path))
    result = cli("members", "import", str(path), "--update")
    assert "0 updated, 1 unchanged" in result.stdout


def test_a_signature_line_under_the_roster_says_what_it_is(cli: Cli, tmp_path: Path):
    path, book, _sheet = _book(
        tmp_path / "f.xlsx",
        ["工号", "姓名", "备注"],
        ["1", "甲", None],
        [None, None, "制表人：张三"],
    )
    book.save(path)
    refused = cli.fails("members", "import", str(path))
    assert "no employee number (a total or signature line" in refused.stderr


def test_bom_csv_wraps_every_value_a_spreadsheet_would_change(cli: Cli, tmp_path: Path):
    """1E5 became 100000 (a second person on re-import), +86… lost its +, TRUE a boolean."""
    cli("members", "add", "1E5", "甲", "--phone", "+8613812345678", "--dept", "TRUE")
    path = tmp_path / "bx.csv"
    cli("members", "export", "--bom", "--include-private", "-o", str(path))
    data = path.read_bytes()
    for wrapped in (b'"=""1E5"""', b'"=""+8613812345678"""', b'"=""TRUE"""'):
        assert wrapped in data, data
    result = cli("members", "import", str(path), "--update")
    assert "0 added, 0 updated, 1 unchanged" in result.stdout


def test_xlsx_text_keeps_formula_looking_values_as_they_are(cli: Cli, tmp_path: Path):
    cli("members", "add", "1", "甲", "--phone", "+8613812345678", "--post", "'-3")
    path = tmp_path / "p.xlsx"
    cli("members", "export", "-f", "xlsx", "--include-private", "-o", str(path))
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert row["phone"].value == "+8613812345678" and row["phone"].data_type == "s"
    assert "0 updated, 1 unchanged" in cli("members", "import", str(path), "--update").stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rows_hidden_in_the_sheet_are_named_before_they_are_imported(roll: Cli, tmp_path, lang):
    # A secretary who filtered the sheet down to one department sees some rows; the file
    # holds them all. Importing what was out of sight without a word surprised her: the
    # hidden rows are named on stderr (first, so --dry-run shows them too), then imported.
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["工号", "受助人", "帮扶类别", "慰问金", "日期"])
    for day in range(1, 6):
        sheet.append(["10001", None, "生日", 100, f"2025-03-0{day}"])
    sheet.row_dimensions[3].hidden = True
    sheet.row_dimensions[5].hidden = True
    path = tmp_path / "台账.xlsx"
    book.save(path)
    result = roll("aid", "import", str(path), "--dry-run", "--lang", lang)
    first = result.stderr.splitlines()[0]
    assert "3" in first and "5" in first and ("隐藏" in first or "hidden" in first), first
    result = roll("aid", "import", str(path), "--lang", lang)
    assert len([r for r in roll("aid", "list", "-f", "csv").stdout.splitlines()[1:] if r]) == 6
