"""`members import` and `members export`, end to end on a real database.

The contract: UTF-8, UTF-8 with BOM and GB18030 files; English or Chinese headers and
values; all or nothing, with every bad row named by its line; --dry-run, --update,
--create-branches; an export that `import --update` takes back unchanged.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
from conftest import SAMPLE_ID_X, VALID_ID, Cli, db_dump
from hypothesis import example, given, settings
from hypothesis import strategies as st

EN_HEADER = (
    "emp_no,name,gender,birth_date,phone,id_card,dept,branch,post,employment,status,joined_on"
)
ZH_HEADER = "工号,姓名,性别,出生日期,手机号,身份证号,科室,分工会,职务,用工性质,会籍状态,入会日期"

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def make_id_card(birth: str, seq: int, *, male: bool, area: str = "310104") -> str:
    """A valid GB 11643 number, computed here rather than by the code under test."""
    order = seq * 10 + (1 if male else 2)  # the 17th digit: odd male, even female
    first17 = f"{area}{birth.replace('-', '')}{order:03d}"
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return first17 + "10X98765432"[total % 11]


NEW_ID_F = make_id_card("1992-04-18", 12, male=False)  # 女, born 1992-04-18


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def stderr_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def _json(cli: Cli, *args: str):
    return json.loads(cli(*args, "--format", "json").stdout)


def member(cli: Cli, emp_no: str) -> dict:
    return _json(cli, "members", "show", emp_no)["member"]


def private_member(cli: Cli, emp_no: str) -> dict:
    return _json(cli, "members", "show", emp_no, "--include-private")["member"]


def emp_nos(cli: Cli) -> list[str]:
    return [row["emp_no"] for row in _json(cli, "members", "list")]


def tables_but_audit(path: Path) -> dict[str, list[tuple]]:
    """Every table except the audit log, row by row (timestamps included)."""
    conn = sqlite3.connect(path)
    try:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if name != "audit_log"
        ]
        return {
            name: conn.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall() for name in names
        }
    finally:
        conn.close()


def member_audit(cli: Cli) -> list[dict]:
    return _json(cli, "log", "--entity", "member", "--limit", "100000", "--include-private")


# --- encodings, headers, values --------------------------------------------------------

ZH_ROWS = (
    f"20001,孙悦,女,,13811112222,{NEW_ID_F},儿科,内科分工会,护士长,在编,在会,2015-03-01\n"
    "20002,周𠮷,男,1985-10-09,,,骨科,护理分工会,,合同制,未入会,\n"
)
EN_ROWS = (
    f"20001,孙悦,F,,13811112222,{NEW_ID_F},儿科,内科分工会,护士长,staff,member,2015-03-01\n"
    "20002,周𠮷,M,1985-10-09,,,骨科,护理分工会,,contract,non_member,\n"
)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", f"{EN_HEADER}\n{EN_ROWS}"),
        ("utf-8", f"{ZH_HEADER}\n{ZH_ROWS}"),
        ("utf-8-sig", f"{EN_HEADER}\n{ZH_ROWS}"),
        ("utf-8-sig", f"{ZH_HEADER}\n{ZH_ROWS}"),
        # as Excel in China saves "CSV (逗号分隔)": GB18030, CRLF, a trailing empty row
        ("gb18030", f"{ZH_HEADER}\n{ZH_ROWS},,,,,,,,,,,\n".replace("\n", "\r\n")),
        ("gb18030", f"{EN_HEADER}\n{EN_ROWS}"),
    ],
    ids=["utf8-en", "utf8-zh", "bom-en-header-zh-values", "bom-zh", "gb18030-excel", "gb18030-en"],
)
def test_import_reads_every_encoding_and_header_language(
    roll: Cli, tmp_path: Path, encoding: str, text: str
):
    path = write(tmp_path / "花名册.csv", text, encoding)
    result = roll("members", "import", str(path))
    assert result.stdout.strip() == f"imported {path}: 2 added, 0 updated, 0 unchanged"
    assert private_member(roll, "20001") == {
        "emp_no": "20001",
        "name": "孙悦",
        "gender": "F",
        "birth_date": "1992-04-18",  # from the ID card
        "age": 33,
        "dept": "儿科",
        "branch": "内科分工会",
        "post": "护士长",
        "employment": "staff",
        "status": "member",
        "joined_on": "2015-03-01",
        "hired_on": None,
        "phone": "13811112222",
        "id_card": NEW_ID_F,
        "hardship": None,
    }
    second = private_member(roll, "20002")
    assert (second["name"], second["gender"], second["birth_date"]) == ("周𠮷", "M", "1985-10-09")
    assert (second["employment"], second["status"], second["joined_on"]) == (
        "contract",
        "non_member",
        None,
    )
    assert (second["dept"], second["branch"], second["post"], second["phone"]) == (
        "骨科",
        "护理分工会",
        None,
        None,
    )
    assert emp_nos(roll) == ["10001", "10002", "10003", "10004", "20001", "20002"]


def test_import_header_may_be_partial_and_in_any_order(cli: Cli, tmp_path: Path):
    path = write(tmp_path / "r.csv", "姓名,工号\n钱多,30001\n")
    cli("members", "import", str(path))
    shown = member(cli, "30001")
    assert (shown["name"], shown["employment"], shown["status"]) == ("钱多", "staff", "member")
    assert shown["branch"] is None


def test_import_records_periods_for_new_members(roll: Cli, tmp_path: Path):
    path = write(tmp_path / "r.csv", f"{EN_HEADER}\n{EN_ROWS}")
    roll("members", "import", str(path))
    history = _json(roll, "members", "show", "20001")["history"]
    assert sorted((h["change"], h["value"], h["start_on"], h["end_on"]) for h in history) == [
        # no hire date: on the roll from the join date (a member of this union works here)
        ("branch", "内科分工会", "2015-03-01", None),
        ("employment", "staff", "2015-03-01", None),
        ("status", "member", "2015-03-01", None),
    ]
    history = _json(roll, "members", "show", "20002")["history"]
    # a non-member without a hire date: on the roll from the day of the import
    assert sorted((h["change"], h["value"], h["start_on"]) for h in history) == [
        ("branch", "护理分工会", "2025-12-31"),
        ("employment", "contract", "2025-12-31"),
        ("status", "non_member", "2025-12-31"),
    ]


# --- all or nothing: bad rows ----------------------------------------------------------


def test_every_bad_row_is_reported_and_nothing_written(roll: Cli, tmp_path: Path):
    path = write(
        tmp_path / "bad.csv",
        "emp_no,name,gender,birth_date,id_card,branch,joined_on\n"
        "30001,好人,F,1990-01-01,,内科分工会,2015-01-01\n"  # 2: fine
        "30002,坏日期,F,2025-02-30,,内科分工会,\n"  # 3: impossible date
        "30003,好人二,M,,,护理分工会,\n"  # 4: fine
        "30004,未来,F,2026-01-01,,内科分工会,\n"  # 5: born tomorrow
        "30005,校验,F,,330102199003071520,内科分工会,\n"  # 6: check digit
        "30006,错性别,M,,11010519491231002X,内科分工会,\n"  # 7: card says female
        "30007,错生日,F,1950-01-01,11010519491231002X,内科分工会,\n"  # 8: card says 1949-12-31
        "30008,错分会,F,,,内科分会,\n"  # 9: unknown branch
        "10001,张丽,F,,,内科分工会,\n"  # 10: exists, no --update
        "30009,,F,,,内科分工会,\n"  # 11: no name
        "30010,性别,X,,,内科分工会,\n"  # 12: unknown gender
        "30011,入会,F,,,内科分工会,2026-03-01\n"  # 13: joins in the future
        f"30012,重号,F,,{VALID_ID},内科分工会,\n"  # 14: card belongs to 10001
        "30013,晚生,F,2016-01-01,,内科分工会,2015-01-01\n",  # 15: born after joining
    )
    before = db_dump(roll.db)
    result = roll.fails("members", "import", str(path))
    assert stderr_lines(result) == [
        f"unionctl: nothing imported: 12 bad row(s) in {path}",
        "  line 3: '2025-02-30' is not a date; use 2025-03-16, 2025/3/16, 20250316, "
        "2025年3月16日 or today",
        "  line 5: birth date 2026-01-01 is in the future",
        "  line 6: ID-card number '3301**************' fails the GB 11643 check digit (expected 1)",
        "  line 7: ID-card number '1101**************' belongs to a female person, "
        "but the gender given is male",
        "  line 8: ID-card number '1101**************' appears again (first on line 7)",
        "  line 8: ID-card number '1101**************' says born 1949-12-31, "
        "but the birth date given is 1950-01-01",
        "  line 9: no branch named '内科分会'; did you mean: 内科分工会? "
        "(add it first, or import with --create-branches)",
        "  line 10: employee number 10001 already exists (张丽); use --update to update it",
        "  line 11: a name cannot be empty",
        "  line 12: unknown gender 'X'; accepted: M 男, F 女",
        "  line 13: 2026-03-01 is in the future",
        "  line 14: ID-card number '3301**************' already belongs to 10001 (张丽)",
        "  line 15: birth date 2016-01-01 is after the join date 2015-01-01",
    ]
    assert result.stdout == ""
    assert db_dump(roll.db) == before


def test_rejection_is_in_chinese_too(roll: Cli, tmp_path: Path):
    path = write(
        tmp_path / "bad.csv", "工号,姓名,出生日期\n30001,甲,1990-01-01\n30002,乙,2025-02-30\n"
    )
    before = db_dump(roll.db)
    result = roll.fails("--lang", "zh", "members", "import", str(path))
    lines = stderr_lines(result)
    assert lines[0] == f"unionctl: 未导入任何数据：{path} 中有 1 行有误"
    assert lines[1].startswith("  第 3 行：'2025-02-30' 不是有效日期")
    assert len(lines) == 2
    assert db_dump(roll.db) == before


def test_duplicate_emp_no_in_file_names_both_lines(roll: Cli, tmp_path: Path):
    path = write(tmp_path / "dup.csv", "emp_no,name\n30001,甲\n30002,乙\n30001,丙\n")
    before = db_dump(roll.db)
    result = roll.fails("members", "import", str(path))
    assert stderr_lines(result)[1:] == [
        "  line 4: employee number 30001 appears again (first on line 2)"
    ]
    assert db_dump(roll.db) == before


def test_duplicate_id_card_in_file_names_both_lines(roll: Cli, tmp_path: Path):
    path = write(
        tmp_path / "dup.csv",
        f"emp_no,name,id_card\n30001,甲,{SAMPLE_ID_X}\n30002,乙,{NEW_ID_F}\n"
        f"30003,丙,{SAMPLE_ID_X.lower()}\n",
    )
    before = db_dump(roll.db)
    result = roll.fails("members", "import", str(path))
    assert stderr_lines(result)[1:] == [
        "  line 4: ID-card number '1101**************' appears again (first on line 2)"
    ]
    assert db_dump(roll.db) == before


def test_row_with_wrong_number_of_fields(roll: Cli, tmp_path: Path):
    path = write(
        tmp_path / "w.csv", "emp_no,name,dept\n30001,甲,内科\n30002,乙\n30003,丙,外科,多余\n"
    )
    before = db_dump(roll.db)
    result = roll.fails("members", "import", str(path))
    assert stderr_lines(result) == [
        f"unionctl: nothing imported: 2 bad row(s) in {path}",
        "  line 3: the row has 2 fields, the header has 3",
        "  line 4: the row has 4 fields, the header has 3",
    ]
    assert db_dump(roll.db) == before


def test_width_problems_do_not_hide_other_bad_rows(roll: Cli, tmp_path: Path):
    path = write(tmp_path / "mix.csv", "emp_no,name,birth_date\n30001,甲\n30002,乙,2025-02-30\n")
    result = roll.fails("members", "import", str(path))
    lines = stderr_lines(result)
    assert lines[0] == f"unionctl: nothing imported: 2 bad row(s) in {path}"
    assert [line.split(":")[0] for line in lines[1:]] == ["  line 2", "  line 3"]


# --- bad files -------------------------------------------------------------------------

GOOD_ROW = "30001,甲,内科\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "{path} is empty: no header row"),
        (b"\xef\xbb\xbf\r\n\r\n", "{path} is empty: no header row"),
        (b"emp_no,name,dept\n", "{path} has a header but no rows"),
        ("工号,姓名\n,\n".encode("gb18030"), "{path} has a header but no rows"),
        (
            "name,dept\n甲,内科\n".encode(),
            "{path} lacks the required column(s) emp_no 工号",
        ),
        (
            f"工号,姓名,emp_no\n{GOOD_ROW}".encode(),
            "{path} has the column emp_no twice",
        ),
        (
            f"emp_no,name,dept\n{GOOD_ROW}".encode() + b"30002,\xff\xfe\xfa,x\n",
            "{path} is neither UTF-8 nor GB18030 text (bad bytes at line 3)",
        ),
    ],
    ids=[
        "empty",
        "bom-and-blank-lines",
        "header-only",
        "header-and-blank-row",
        "no-emp_no",
        "column-twice",
        "undecodable",
    ],
)
def test_bad_file_is_refused_whole(roll: Cli, tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    before = db_dump(roll.db)
    result = roll.fails("members", "import", str(path))
    lines = stderr_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("unionctl: " + message.format(path=path)), lines[0]
    assert db_dump(roll.db) == before


def test_missing_file_is_one_clear_line(cli: Cli, tmp_path: Path):
    before = db_dump(cli.db)
    result = cli.fails("members", "import", str(tmp_path / "nope.csv"))
    assert stderr_lines(result) == [
        f"unionctl: cannot read {tmp_path / 'nope.csv'}: No such file or directory"
    ]
    assert db_dump(cli.db) == before


def test_undecodable_gb18030_file_names_the_bad_line(roll: Cli, tmp_path: Path):
    good = "工号,姓名,科室\n30001,张三,内科\n30002,李四,外科\n".encode("gb18030")
    path = tmp_path / "gb.csv"
    path.write_bytes(good + "30003,王五,".encode("gb18030") + b"\xff\xfe\xfa\n")
    result = roll.fails("members", "import", str(path))
    assert "(bad bytes at line 4)" in result.stderr


# --- --dry-run, --update, --create-branches ----------------------------------------------


def test_dry_run_checks_and_writes_nothing(roll: Cli, tmp_path: Path):
    path = write(
        tmp_path / "r.csv",
        "emp_no,name,dept,branch\n10001,张丽,急诊科,内科分工会\n10002,王芳,急诊科,护理分工会\n"
        "30001,新人,内科,外科分工会\n",
    )
    before = db_dump(roll.db)
    result = roll("members", "import", str(path), "--dry-run", "--update", "--create-branches")
    # what each row would change is the output; the summary goes to stderr
    assert result.stdout.splitlines()[-1].split() == [
        "2",
        "10001",
        "张丽",
        "dept",
        "心内科",
        "急诊科",
    ]
    assert stderr_lines(result) == [
        "1 branch(es) not on the list before, added by --create-branches (check the spelling):",
        "  + 外科分工会 (closest existing: 内科分工会)",
        f"checked {path}: 1 would be added, 1 updated, 1 unchanged; nothing written (--dry-run)",
    ]
    assert db_dump(roll.db) == before
    # and a bad file is reported by a dry run the same way
    bad = write(tmp_path / "bad.csv", "emp_no,name,birth_date\n30001,甲,2025-02-30\n")
    failed = roll.fails("members", "import", str(bad), "--dry-run")
    assert stderr_lines(failed)[0] == f"unionctl: nothing imported: 1 bad row(s) in {bad}"
    assert db_dump(roll.db) == before


def test_update_changes_fields_and_records_branch_history(roll: Cli, tmp_path: Path):
    path = write(
        tmp_path / "u.csv",
        "工号,科室,分工会,手机号\n"
        "10001,急诊科,护理分工会,13700000000\n"  # moves branch; dept and phone change
        "10002,急诊科,护理分工会,\n",  # the same as now
    )
    before = db_dump(roll.db)
    refused = roll.fails("members", "import", str(path))
    assert stderr_lines(refused)[1:] == [
        "  line 2: employee number 10001 already exists (张丽); use --update to update it",
        "  line 3: employee number 10002 already exists (王芳); use --update to update it",
    ]
    assert db_dump(roll.db) == before

    result = roll("members", "import", str(path), "--update")
    assert result.stdout.strip() == f"imported {path}: 0 added, 1 updated, 1 unchanged"
    moved = private_member(roll, "10001")
    assert (moved["dept"], moved["branch"], moved["phone"]) == (
        "急诊科",
        "护理分工会",
        "13700000000",
    )
    # fields absent from the file stay as they were
    assert (moved["name"], moved["post"], moved["id_card"], moved["joined_on"]) == (
        "张丽",
        "主治医师",
        VALID_ID,
        "2010-07-01",
    )
    history = _json(roll, "members", "show", "10001")["history"]
    assert [
        (h["value"], h["start_on"], h["end_on"]) for h in history if h["change"] == "branch"
    ] == [
        ("内科分工会", "2010-07-01", "2025-12-31"),
        ("护理分工会", "2025-12-31", None),
    ]
    assert private_member(roll, "10002")["phone"] is None
    entries = [e for e in member_audit(roll) if e["command"] == "members import"]
    # the same audit entry as `members edit` writes: the whole record before and after
    assert [e["key"] for e in entries] == ["10001"]
    before, after = entries[0]["before"], entries[0]["after"]
    assert {k: (before[k], after[k]) for k in before if before[k] != after[k]} == {
        "branch": ("内科分工会", "护理分工会"),
        "dept": ("心内科", "急诊科"),
        "phone": ("13812345678", "13700000000"),
    }


def test_update_checks_a_new_id_card_against_the_birth_date_in_the_file(roll: Cli, tmp_path: Path):
    # SAMPLE_ID_X says born 1949-12-31
    path = write(tmp_path / "u.csv", f"emp_no,birth_date,id_card\n10002,1995-06-15,{SAMPLE_ID_X}\n")
    before = db_dump(roll.db)
    result = roll.fails("members", "import", str(path), "--update")
    assert stderr_lines(result)[1:] == [
        "  line 2: ID-card number '1101**************' says born 1949-12-31, "
        "but the birth date given is 1995-06-15"
    ]
    assert db_dump(roll.db) == before


def test_update_with_a_new_id_card_rederives_birth_date_and_gender(roll: Cli, tmp_path: Path):
    """Correcting a mistyped ID card: what the file leaves out follows the new card."""
    path = write(tmp_path / "u.csv", f"emp_no,id_card\n10003,{SAMPLE_ID_X}\n")
    roll("members", "import", str(path), "--update")
    shown = json.loads(roll("members", "show", "10003", "-f", "json", "--include-private").stdout)
    member = shown["member"]
    assert (member["id_card"], member["birth_date"], member["gender"]) == (
        SAMPLE_ID_X,
        "1949-12-31",
        "F",
    )


def test_update_with_an_empty_cell_leaves_the_field_alone(roll: Cli, tmp_path: Path):
    """Issue 5 §2: one rule for blank cells under --update — they change nothing (blank
    gender/birth/dept/branch used to clear, blank employment/joined_on were ignored)."""
    path = write(
        tmp_path / "u.csv",
        "emp_no,gender,birth_date,phone,dept,branch,post,employment,joined_on\n10004,,,,,,,,\n",
    )
    before = tables_but_audit(roll.db)
    result = roll("members", "import", str(path), "--update")
    assert result.stdout.strip() == f"imported {path}: 0 added, 0 updated, 1 unchanged"
    assert tables_but_audit(roll.db) == before
    kept = private_member(roll, "10004")
    assert (kept["phone"], kept["dept"], kept["branch"], kept["gender"]) == (
        "13900001111",
        "护理部",
        "护理分工会",
        "F",
    )
    roll("members", "edit", "10004", "--clear", "phone", "--post", "")
    cleared = private_member(roll, "10004")
    assert (cleared["phone"], cleared["post"], cleared["dept"]) == (None, None, "护理部")


def test_update_refuses_a_future_join_date(roll: Cli, tmp_path: Path):
    path = write(tmp_path / "u.csv", "emp_no,joined_on\n10001,2026-05-01\n")
    before = db_dump(roll.db)
    result = roll.fails("members", "import", str(path), "--update")
    assert stderr_lines(result)[1:] == ["  line 2: 2026-05-01 is in the future"]
    assert db_dump(roll.db) == before


def test_create_branches_adds_the_named_branches(roll: Cli, tmp_path: Path):
    path = write(
        tmp_path / "r.csv",
        "emp_no,name,branch\n30001,甲,外科分工会\n30002,乙,外科分工会\n30003,丙,后勤分工会\n"
        "30004,丁,内科分工会\n",
    )
    before = db_dump(roll.db)
    refused = roll.fails("members", "import", str(path))
    assert [line.split(":")[0] for line in stderr_lines(refused)[1:]] == [
        "  lines 2, 3 (2 rows)",  # the same unknown branch twice: one line
        "  line 4",
    ]
    assert "no branch named '后勤分工会'" in refused.stderr
    assert db_dump(roll.db) == before

    result = roll("members", "import", str(path), "--create-branches")
    assert result.stdout.strip() == f"imported {path}: 4 added, 0 updated, 0 unchanged"
    assert stderr_lines(result) == [
        "2 branch(es) not on the list before, added by --create-branches (check the spelling):",
        "  + 外科分工会 (closest existing: 内科分工会)",
        "  + 后勤分工会 (closest existing: 护理分工会)",
    ]
    branches = {row["branch"] for row in _json(roll, "members", "branch", "list")}
    assert branches == {"内科分工会", "护理分工会", "外科分工会", "后勤分工会"}
    listed = _json(roll, "members", "list", "--branch", "外科分工会")
    assert [row["emp_no"] for row in listed] == ["30001", "30002"]
    branch_audit = _json(roll, "log", "--entity", "branch")
    assert [e["key"] for e in branch_audit if e["command"] == "members import"] == [
        "后勤分工会",
        "外科分工会",
    ]


def test_audit_log_has_one_entry_per_imported_member(roll: Cli, tmp_path: Path):
    path = write(tmp_path / "r.csv", f"{EN_HEADER}\n{EN_ROWS}")
    before = {e["id"] for e in member_audit(roll)}
    roll("members", "import", str(path))
    entries = [e for e in member_audit(roll) if e["id"] not in before]
    assert sorted(e["key"] for e in entries) == ["20001", "20002"]
    assert {(e["actor"], e["command"], e["entity"]) for e in entries} == {
        ("secretary", "members import", "member")
    }
    after = {e["key"]: e["after"] for e in entries}
    assert after["20001"]["id_card"] == NEW_ID_F
    assert after["20001"]["branch"] == "内科分工会"
    assert after["20002"]["status"] == "non_member"
    assert all(e["before"] is None for e in entries)


# --- export → import --update --------------------------------------------------------


def _richer_roll(roll: Cli) -> Cli:
    """The roll plus a member who left, one with no branch and one with an X check digit."""
    roll("members", "leave", "10004", "--on", "2025-06-30", "--reason", "辞职")
    roll(
        "members",
        "add",
        "10005",
        "孙莉",
        "--id-card",
        SAMPLE_ID_X,
        "--joined",
        "1970-01-01",
        "--employment",
        "retired",
        "--phone",
        "0571-87654321",
    )
    roll("members", "transfer", "10001", "--branch", "护理分工会", "--on", "2025-04-01")
    return roll


@pytest.mark.parametrize(
    ("options", "header"),
    [
        ((), "emp_no,name,gender,birth_date,dept,branch,post,employment,status,joined_on"),
        (("--lang", "zh"), "工号,姓名,性别,出生日期,科室,分工会,职务,用工性质,会籍状态,入会日期"),
        (("--bom",), "emp_no,name,gender"),
        (("--lang", "zh", "--bom"), "工号,姓名,性别"),
        (("--include-private",), "joined_on,hired_on,phone,id_card"),
        (("--lang", "zh", "--include-private", "--bom"), "入会日期,入职日期,手机号,身份证号"),
        (("--format", "tsv"), "emp_no\tname\tgender"),
    ],
    ids=["en", "zh", "en-bom", "zh-bom", "en-private", "zh-private-bom", "tsv"],
)
def test_export_then_import_update_changes_nothing(
    roll: Cli, tmp_path: Path, options: tuple[str, ...], header: str
):
    cli = _richer_roll(roll)
    path = tmp_path / "export.csv"
    cli("members", "export", *options, "--output", str(path))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") == ("--bom" in options)
    text = raw.decode("utf-8-sig")
    assert header in text.splitlines()[0]
    assert len(text.splitlines()) == 6  # header + 5 people
    if "--include-private" in options:
        assert "13812345678" in text and SAMPLE_ID_X in text and "0571-87654321" in text
    else:
        assert "13812345678" not in text and VALID_ID not in text

    before = tables_but_audit(cli.db)
    result = cli("members", "import", str(path), "--update")
    assert result.stdout.strip() == f"imported {path}: 0 added, 0 updated, 5 unchanged"
    assert tables_but_audit(cli.db) == before
    # the phone and ID-card numbers survive an export that left them out
    listed = {r["emp_no"]: r for r in _json(cli, "members", "list", "--include-private")}
    assert (listed["10001"]["phone"], listed["10001"]["id_card"]) == ("13812345678", VALID_ID)
    assert listed["10004"]["phone"] == "13900001111"
    assert (listed["10005"]["phone"], listed["10005"]["id_card"]) == ("0571-87654321", SAMPLE_ID_X)


def test_export_from_stdout_round_trips(roll: Cli, tmp_path: Path):
    text = roll("members", "export", "--lang", "zh").stdout
    assert text.startswith(
        "工号,姓名,性别,出生日期,科室,分工会,职务,用工性质,会籍状态,入会日期,入职日期\n"
    )
    assert "10002,王芳,女,1995-06-15,急诊科,护理分工会,护士,合同制,未入会,,2018-07-01\n" in text
    path = write(tmp_path / "e.csv", text)
    before = tables_but_audit(roll.db)
    roll("members", "import", str(path), "--update")
    assert tables_but_audit(roll.db) == before


def test_export_loads_into_a_fresh_database_identically(roll: Cli, tmp_path: Path, env):
    exported = roll("members", "export", "--include-private", "--lang", "zh").stdout
    path = write(tmp_path / "e.csv", exported, "gb18030")
    fresh = Cli(tmp_path / "fresh.db", {**env, "UNIONCTL_DB": str(tmp_path / "fresh.db")})
    fresh("init")
    result = fresh("members", "import", str(path), "--create-branches")
    assert result.stdout.strip() == f"imported {path}: 4 added, 0 updated, 0 unchanged"
    assert fresh("members", "export", "--include-private", "--lang", "zh").stdout == exported


def test_import_keeps_the_join_date_of_a_member_who_left(cli: Cli, tmp_path: Path):
    path = write(tmp_path / "r.csv", "emp_no,name,status,joined_on\n40001,赵敏,left,2012-09-01\n")
    cli("members", "import", str(path))
    shown = member(cli, "40001")
    assert (shown["status"], shown["joined_on"]) == ("left", "2012-09-01")


@pytest.mark.parametrize(
    ("field", "option", "value"),
    [("phone", "--phone", "+86 13812345678"), ("post", "--post", "-")],
    ids=["phone-plus86", "post-dash"],
)
def test_export_round_trips_values_starting_with_formula_characters(
    cli: Cli, tmp_path: Path, field: str, option: str, value: str
):
    cli("members", "add", "40001", "钱多", option, value)
    path = tmp_path / "e.csv"
    cli("members", "export", "--include-private", "--output", str(path))
    before = tables_but_audit(cli.db)
    result = cli("members", "import", str(path), "--update")
    assert result.stdout.strip() == f"imported {path}: 0 added, 0 updated, 1 unchanged"
    assert tables_but_audit(cli.db) == before
    assert private_member(cli, "40001")[field] == value


# --- scale -------------------------------------------------------------------------------


def test_ten_thousand_rows_import_completely(cli: Cli, tmp_path: Path):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["工号", "姓名", "性别", "出生日期", "手机号", "科室", "分工会", "用工性质"])
    start = dt.date(1960, 1, 1)
    for n in range(10_000):
        writer.writerow(
            [
                f"H{n:05d}",
                f"职工{n}",
                "男" if n % 2 else "女",
                (start + dt.timedelta(days=n * 2)).isoformat(),
                f"139{n:08d}",
                f"科室{n % 40}",
                "内科分工会" if n % 3 else "外科分工会",
                "合同制" if n % 5 == 0 else "在编",
            ]
        )
    path = write(tmp_path / "big.csv", out.getvalue(), "gb18030")
    result = cli("members", "import", str(path), "--create-branches")
    assert result.stdout.strip() == f"imported {path}: 10000 added, 0 updated, 0 unchanged"
    listing = cli("members", "list", "--format", "csv").stdout.splitlines()
    assert len(listing) == 10_001
    assert listing[1].startswith("H00000,职工0,female,1960-01-01,科室0,外科分工会,")
    assert listing[-1].startswith("H09999,职工9999,male,2014-10-02,科室39,外科分工会,")
    audit_keys = [e["key"] for e in member_audit(cli)]
    assert len(audit_keys) == 10_000
    assert set(audit_keys) == {f"H{n:05d}" for n in range(10_000)}
    branches = {r["branch"]: r["members"] for r in _json(cli, "members", "branch", "list")}
    assert branches == {"内科分工会": 6666, "外科分工会": 3334}


def test_a_trailing_empty_header_cell_is_ignored_unless_it_has_values(cli: Cli, tmp_path: Path):
    """Excel often writes `emp_no,name,` with a trailing comma on every line."""
    path = write(tmp_path / "r.csv", "emp_no,name,\n30001,甲,\n30002,乙,\n")
    assert "2 added" in cli("members", "import", str(path)).stdout
    stray = write(tmp_path / "s.csv", "emp_no,name,\n30003,丙,\n30004,丁,note\n")
    result = cli.fails("members", "import", str(stray))
    assert stderr_lines(result)[1:] == [
        "  line 3: the value 'note' stands in a column with no header"
    ]


def test_a_rows_problems_come_in_field_order_whatever_the_column_order(cli: Cli, tmp_path: Path):
    """The import chooses each column's parser once per file (row_parser); the problems
    of a row are still listed in the roster's field order, not the file's."""
    path = write(
        tmp_path / "order.csv",
        "status,phone,emp_no,birth_date,name,gender,id_card,joined_on\n"
        "boss,12,30001,1990-02-30,甲,x,123,tomorrow\n",
    )
    result = cli.fails("members", "import", str(path))
    assert [line.split(": ", 2)[1].split()[0] for line in stderr_lines(result)[1:]] == [
        "unknown",  # gender
        "'1990-02-30'",  # birth_date
        "'12'",  # phone
        "ID-card",  # id_card
        "unknown",  # status
        "'tomorrow'",  # joined_on
    ]
    assert "gender" in stderr_lines(result)[1] and "status" in stderr_lines(result)[5]


@pytest.mark.parametrize("bad", [False, True])
def test_the_import_gives_back_the_cycle_collectors_settings(cli: Cli, tmp_path: Path, bad: bool):
    """The import sets the collector aside for its run (_few_collections); whether the
    file is taken or refused, the process gets its settings back."""
    import gc

    path = write(tmp_path / "r.csv", "emp_no,name\n30001,甲\n" + ("30001,乙\n" if bad else ""))
    original = gc.get_threshold()
    gc.set_threshold(777, 11, 12)  # not the default, so a leak of the import's shows
    try:
        if bad:
            cli.fails("members", "import", str(path))
        else:
            cli("members", "import", str(path))
        assert gc.get_threshold() == (777, 11, 12)
        assert gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*original)


def test_a_bad_code_is_refused_on_every_row_it_is_on(cli: Cli, tmp_path: Path):
    """Code cells are read once per distinct value (row_parser); a refusal is not kept,
    so each row that repeats it is named, and the same word in another column is
    judged by that column."""
    path = write(
        tmp_path / "codes.csv",
        "emp_no,name,status,employment\n"
        "30001,甲,boss,staff\n30002,乙,boss,staff\n30003,丙,member,boss\n30004,丁,boss,staff\n",
    )
    result = cli.fails("members", "import", str(path))
    lines = stderr_lines(result)
    assert lines[0] == f"unionctl: nothing imported: 4 bad row(s) in {path}"
    assert lines[1].startswith("  lines 2, 3, 5 (3 rows): unknown union status 'boss'")
    assert lines[2].startswith("  line 4: unknown employment 'boss'")


# --- a large import builds its indexes once (db.DeferredIndexes) ------------------------


def _schema(path: Path) -> set[tuple]:
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    finally:
        conn.close()


def _indexes(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name",
            (table,),
        )
        return [name for (name,) in rows]
    finally:
        conn.close()


def _roster(n: int, *, first: int = 50_000, bad_at: int | None = None) -> str:
    """A roster of n new people (more than one chunk of rows); row `bad_at` (0-based)
    has an impossible birth date."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["emp_no", "name", "birth_date", "id_card", "branch", "status", "joined_on"])
    for i in range(n):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=i * 4)
        writer.writerow(
            [
                str(first + i),
                f"职工{i}",
                "1990-02-30" if i == bad_at else "",
                make_id_card(born.isoformat(), i % 100, male=i % 2 == 0, area="330102"),
                "内科分工会" if i % 3 else "护理分工会",
                "non_member" if i % 7 == 0 else "member",
                "" if i % 7 == 0 else "2015-03-01",
            ]
        )
    return out.getvalue()


def test_a_large_import_leaves_the_schema_as_it_found_it(roll: Cli, tmp_path: Path):
    """The import drops the secondary indexes of the tables it fills once it has added
    more rows than they held, and builds them again before the commit: same names, same
    definitions, and their contents agree with the tables."""
    from unionctl.services.member_import import CHUNK

    before = _schema(roll.db)
    nursing = len(_json(roll, "members", "list", "--branch", "护理分工会"))
    n = CHUNK * 2 + 500
    path = write(tmp_path / "big.csv", _roster(n))
    result = roll("members", "import", str(path))
    assert result.stdout.strip() == f"imported {path}: {n} added, 0 updated, 0 unchanged"
    assert _schema(roll.db) == before
    conn = sqlite3.connect(roll.db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM member WHERE name = ?", ("职工7",)
        ).fetchall()
        assert "ix_member_name" in str(plan)
        assert conn.execute("SELECT count(*) FROM member WHERE name = '职工7'").fetchone() == (1,)
    finally:
        conn.close()
    listed = _json(roll, "members", "list", "--branch", "护理分工会")
    assert len(listed) == nursing + len(range(0, n, 3))
    assert len(member_audit(roll)) == 4 + n


def test_a_large_import_that_fails_half_way_changes_nothing(roll: Cli, tmp_path: Path):
    """The first chunks are written and the indexes dropped before the bad row is read;
    the rollback puts back every index and every row (DDL is transactional)."""
    from unionctl.services.member_import import CHUNK

    before = db_dump(roll.db)
    schema = _schema(roll.db)
    bad = CHUNK * 2 + 100
    path = write(tmp_path / "big.csv", _roster(CHUNK * 3, bad_at=bad))
    result = roll.fails("members", "import", str(path))
    assert stderr_lines(result)[1].startswith(f"  line {bad + 2}: ")
    assert _schema(roll.db) == schema
    assert db_dump(roll.db) == before
    roll.fails("members", "import", str(path), "--dry-run")
    assert db_dump(roll.db) == before
    good = write(tmp_path / "good.csv", _roster(CHUNK * 3))
    roll("members", "import", str(good), "--dry-run")
    assert db_dump(roll.db) == before


def test_update_rows_after_the_indexes_are_dropped_still_read_the_history(
    roll: Cli, tmp_path: Path
):
    """Rows of existing people read their history through the index that stays
    (ix_member_period_lookup): an --update row after thousands of new ones still finds
    it, records one change, and `members undo` takes it back."""
    from unionctl.services.member_import import CHUNK

    roster = _roster(CHUNK * 2 + 10)
    roster += "10002,王芳,,,内科分工会,,\n"  # a branch move for someone on the roll
    path = write(tmp_path / "big.csv", roster)
    result = roll("members", "import", str(path), "--update", "--status-on", "2025-06-01")
    assert "1 updated" in result.stdout
    assert member(roll, "10002")["branch"] == "内科分工会"
    roll("members", "undo", "10002")
    assert member(roll, "10002")["branch"] == "护理分工会"


def test_deferred_indexes_drop_only_past_the_rows_a_table_held(tmp_path: Path):
    """db.DeferredIndexes on its own: nothing dropped until the load has added more rows
    than the table held (and `floor` rows); then every index with a text but those
    kept; a UNIQUE constraint's own index stays; rebuild puts back the same text."""
    from sqlalchemy import Column, Index, Integer, MetaData, Table, Text, create_engine

    from unionctl.db import DeferredIndexes

    meta = MetaData()
    table = Table(
        "t",
        meta,
        Column("id", Integer, primary_key=True),
        Column("code", Text, unique=True),
        Column("name", Text),
        Column("day", Text),
        Index("ix_t_name", "name"),
        Index("ix_t_day", "day"),
    )
    engine = create_engine(f"sqlite:///{tmp_path / 't.db'}")
    meta.create_all(engine)
    with engine.begin() as conn:
        conn.execute(table.insert(), [{"code": f"c{i}", "name": f"n{i}"} for i in range(3)])
    texts = _schema(tmp_path / "t.db")
    with engine.begin() as conn:
        indexes = DeferredIndexes(conn, [table], keep=("ix_t_day",), floor=2)
        conn.execute(table.insert(), [{"code": "c3"}, {"code": "c4"}, {"code": "c5"}])
        indexes.check()  # 3 added, 3 held: not more
        assert indexes.dropped == []
        conn.execute(table.insert(), [{"code": "c6"}])
        indexes.check()
        names = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).scalars()
        assert list(names) == ["ix_t_day", "sqlite_autoindex_t_1"]
        indexes.rebuild()
    assert _schema(tmp_path / "t.db") == texts
    engine.dispose()


def test_repeats_across_chunks_name_the_first_line(roll: Cli, tmp_path: Path):
    """The keys of earlier chunks are kept in SQLite (temp.import_keys), not in Python: a
    repeated 工号 or ID card is named with the line it first appeared on, whichever
    chunk that was; a row whose 工号 repeats is not also checked for its card."""
    from unionctl.services.member_import import CHUNK

    lines = _roster(CHUNK * 2 + 5).splitlines()
    rows = [line.split(",") for line in lines[1:]]

    def row(i: int, emp_no: str | None = None, card_of: int | None = None) -> str:
        cells = list(rows[i])
        if emp_no is not None:
            cells[0] = emp_no
        if card_of is not None:
            cells[3] = rows[card_of][3]
        return ",".join(cells)

    extra = [
        row(CHUNK + 3, emp_no=rows[5][0]),  # 工号 of line 7, in the second chunk
        row(CHUNK + 4, emp_no="99991", card_of=10),  # card of line 12
        row(CHUNK + 5, emp_no=rows[7][0], card_of=8),  # both: only the 工号 is named
        row(CHUNK + 6, emp_no="99992", card_of=CHUNK + 4),  # card of the line above's row
        row(CHUNK + 7, emp_no="99993", card_of=CHUNK + 4),  # … and again in this chunk
    ]
    path = write(tmp_path / "r.csv", "\n".join([*lines, *extra]) + "\n")
    result = roll.fails("members", "import", str(path))
    n = len(lines)
    card = "'3301**************'"  # masked in messages
    assert stderr_lines(result)[1:] == [
        f"  line {n + 1}: employee number {rows[5][0]} appears again (first on line 7)",
        # a repeat only: not also "already belongs to" the member the first row made
        f"  line {n + 2}: ID-card number {card} appears again (first on line 12)",
        f"  line {n + 3}: employee number {rows[7][0]} appears again (first on line 9)",
        f"  lines {n + 4}, {n + 5} (2 rows): ID-card number {card} appears again"
        f" (first on line {CHUNK + 6})",
    ]


def test_an_imported_members_audit_text_is_the_audit_encoders(roll: Cli, tmp_path: Path):
    """The import encodes its audit documents a column at a time (db.flat_documents):
    the stored text is json.dumps' (sorted keys, non-ASCII as is), with the fields that
    `members add` records, for names with quotes, backslashes and a "%s"."""
    roll("members", "add", "20009", "王芳")
    rows = EN_ROWS + '20003,"王""%s\\芳",F,1990-01-02,,,,,,,,\n'
    roll("members", "import", str(write(tmp_path / "r.csv", f"{EN_HEADER}\n{rows}")))
    conn = sqlite3.connect(roll.db)
    try:
        stored = dict(
            conn.execute("SELECT key, after FROM audit_log WHERE entity = 'member'").fetchall()
        )
    finally:
        conn.close()
    for key in ("20001", "20002", "20003"):
        text = stored[key]
        assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True)
        assert json.loads(text).keys() == json.loads(stored["20009"]).keys()
    assert json.loads(stored["20003"])["name"] == '王"%s\\芳'
    assert json.loads(stored["20001"])["joined_on"] == "2015-03-01"
    assert json.loads(stored["20001"])["branch"] == "内科分工会"


# A few cells per column, good, bad and blank, for chunks of rows in any column set.
_CELLS = {
    "emp_no": ["30001", "A-7", "", "工号", " 30002 "],
    "name": ["王芳", " 李 四 ", "", "\u200b", "a\x1bb"],
    "gender": ["F", "男", "", "x"],
    "birth_date": ["1990-01-02", "1990.3", "1990-02-30", "", "２０００年１月１日"],
    "phone": ["13811112222", "12", "010-1234 5678", ""],
    "id_card": [VALID_ID, SAMPLE_ID_X, NEW_ID_F, "123", "", " ", VALID_ID[:-1] + "0"],
    "dept": ["儿科", "", " "],
    "branch": ["内科分工会", ""],
    "post": ["护士长", ""],
    "employment": ["staff", "在职", "合同制", "boss", ""],
    "status": ["member", "未入会", "left", "boss", "", "\t"],
    "joined_on": ["2015-03-01", "tomorrow", "20150301", "", "2015-3-1 00:00"],
    "hired_on": ["2010-01-01", "2010-13-01", ""],
}


@st.composite
def _chunks(draw):
    others = draw(st.lists(st.sampled_from([c for c in _CELLS if c != "emp_no"]), unique=True))
    columns = ["emp_no", *others]
    rows = draw(
        st.lists(
            st.fixed_dictionaries({c: st.sampled_from(_CELLS[c]) for c in columns}), max_size=6
        )
    )
    return columns, [(line, cells) for line, cells in enumerate(rows, start=2)]


@given(chunk=_chunks())
@settings(max_examples=300, deadline=None)
def test_a_chunk_parsed_by_columns_is_what_row_parser_gives(chunk):
    """chunk_parser (a column at a time, row by row only for a chunk with a refusal)
    gives each row's fields, and each bad row's problems in field order, as row_parser."""
    from unionctl.errors import RowProblems
    from unionctl.services.member_import import chunk_parser, row_parser

    columns, rows = chunk
    on = dt.date(2025, 12, 31)
    parse_row = row_parser(columns, on=on)
    expected_rows, expected_problems = [], []
    for line, cells in rows:
        try:
            emp_no, data = parse_row(cells)
        except RowProblems as bad:
            expected_problems += [(line, e.key, e.params) for e in bad.problems]
            continue
        expected_rows.append((line, emp_no, data))
    parsed, problems = chunk_parser(columns, on=on)(rows)
    assert parsed == expected_rows
    assert [(line, e.key, e.params) for line, e in problems] == expected_problems


@given(
    cells=st.lists(
        st.lists(st.text(alphabet="=\"'a1 中-", max_size=5), min_size=3, max_size=3), max_size=4
    )
)
@example(cells=[["", "''a", "x"]])
@example(cells=[["", '="01"', "'=x"]])
@settings(max_examples=100, deadline=None)
def test_a_row_without_a_guard_character_is_read_as_the_unguarding_would(cells):
    """table_file's rows skip unexcel_text for a row with no = or ' anywhere: the cells
    are what unexcel_text would give, with or without them."""
    import tempfile

    from unionctl.render import unexcel_text
    from unionctl.services.member_import import read_roster

    records = [["emp_no", "name", "dept"]] + [[f"3000{i}", *row[1:]] for i, row in enumerate(cells)]
    if not any(any(c.strip() for c in row[1:]) for row in records[1:]):
        records.append(["39999", "甲", ""])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows(records)
        got = [cells for _, cells in read_roster(path).rows()]
    assert got == [
        {"emp_no": row[0], "name": unexcel_text(row[1]), "dept": unexcel_text(row[2])}
        for row in records[1:]
    ]


# --- chunks and reading ahead do not change an import -----------------------------------

_POOL_CARDS = [
    make_id_card(f"19{70 + i}-0{1 + i % 9}-1{i % 9}", i, male=i % 2 == 0) for i in range(8)
]


@st.composite
def _rosters(draw) -> tuple[str, list[str]]:
    """A small roster over a few 工号 (the roll's among them) and ID cards (one of them
    张丽's), with repeats, bad cells, rows of the wrong width and unknown branches; and
    the options to import it with."""
    rows = [["emp_no", "name", "id_card", "birth_date", "branch", "status", "joined_on"]]
    for _ in range(draw(st.integers(1, 14))):
        emp_no = draw(st.sampled_from(["10001", "10002", "10003", *map(str, range(20001, 20010))]))
        card = draw(st.sampled_from(["", "", VALID_ID, *_POOL_CARDS]))
        branch = draw(st.sampled_from(["", "内科分工会", "护理分工会", "新分工会"]))
        status = draw(st.sampled_from(["", "member", "non_member", "member", "bogus"]))
        joined = draw(st.sampled_from(["", "2020-01-01", "2024-06-01", "2030-01-01"]))
        row = [emp_no, "职工", card, "", branch, status, joined]
        rows.append(row[:-1] if draw(st.integers(0, 30)) == 0 else row)
    options = draw(
        st.lists(
            st.sampled_from(["--update", "--dry-run", "--create-branches", "--status-on"]),
            unique=True,
        )
    )
    if "--status-on" in options:
        options.append("2025-06-30")
    return "\n".join(",".join(row) for row in rows) + "\n", options


def _import_outcome(templates, home: Path, path: Path, options: list[str]) -> tuple:
    from conftest import _env

    home.mkdir()
    runner = templates.copy("roll", home, _env(home))
    result = runner("members", "import", str(path), *options, code=None)
    conn = sqlite3.connect(runner.db)
    try:
        audit = conn.execute(
            "SELECT id, actor, command, entity, key, before, after FROM audit_log ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    clock = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")  # when a row was written

    def unclocked(rows: list[tuple]) -> list[tuple]:
        return [tuple(clock.sub("<at>", v) if isinstance(v, str) else v for v in r) for r in rows]

    tables = {name: unclocked(rows) for name, rows in tables_but_audit(runner.db).items()}
    return result.exit_code, result.stdout, result.stderr, tables, unclocked(audit)


# found by it: two new rows with a card taken (only the chunk's last was named); a card
# moved off its holder by a later row's update (taken when the row is reached); a card
# repeated from a row an earlier chunk wrote (named as a repeat only); the holder's
# name as an earlier row's update left it; a card taken off its holder by an earlier row
@example(case=(f"emp_no,name,id_card\n20001,职工,{VALID_ID}\n20002,职工,{VALID_ID}\n", []), chunk=1)
@example(
    case=(
        f"emp_no,name,id_card\n20001,职工,{VALID_ID}\n10003,李强,\n10001,张丽,{_POOL_CARDS[0]}\n",
        ["--update"],
    ),
    chunk=1,
)
@example(
    case=(
        f"emp_no,name,id_card\n20001,职工,{_POOL_CARDS[0]}\n10003,李强,,\n"
        f"10001,张丽,{_POOL_CARDS[0]}\n",
        ["--update"],
    ),
    chunk=1,
)
@example(case=(f"emp_no,name,id_card\n10001,职工,\n20001,职工,{VALID_ID}\n", ["--update"]), chunk=1)
@example(
    case=(
        f"emp_no,name,id_card\n10001,张丽,{_POOL_CARDS[0]}\n20001,职工,{VALID_ID}\n",
        ["--update"],
    ),
    chunk=1,
)
@example(  # a row refused half way (its name set, its join date refused) leaves nothing
    case=(
        "emp_no,name,id_card,birth_date,branch,status,joined_on\n10001,职工,,,,,2030-01-01\n"
        f"10002,职工,,,,,\n20001,职工,{VALID_ID},,,,\n",
        ["--update"],
    ),
    chunk=1,
)
@settings(max_examples=25, deadline=None)
@given(case=_rosters(), chunk=st.sampled_from([1, 2, 3, 5]))
def test_chunks_and_reading_ahead_do_not_change_what_an_import_does(
    templates, tmp_path_factory, case, chunk
):
    """The same roster imported in one chunk in this process, and `chunk` rows at a time
    read ahead in a second one, is accepted or refused alike, with the same lines named,
    and leaves the same rows and audit entries: in-file repeats across chunks are found
    whether the earlier row was written, refused or an update."""
    from unionctl.services import member_import

    roster, options = case
    root = tmp_path_factory.mktemp("chunks")
    path = write(root / "r.csv", roster)
    whole = _import_outcome(templates, root / "whole", path, options)
    saved = member_import.CHUNK, member_import.READ_AHEAD_BYTES
    member_import.CHUNK, member_import.READ_AHEAD_BYTES = chunk, 0
    try:
        chunked = _import_outcome(templates, root / "chunked", path, options)
    finally:
        member_import.CHUNK, member_import.READ_AHEAD_BYTES = saved
    assert chunked[:3] == whole[:3]
    assert chunked[3:] == whole[3:]


def test_a_refusal_met_while_reading_ahead_is_the_same_one_line(
    roll: Cli, tmp_path: Path, monkeypatch
):
    """The reader's refusal of the file (here bad bytes) is raised in the second process
    and said by this one as it would have been."""
    from unionctl.services import member_import

    good = "工号,姓名,科室\n30001,张三,内科\n30002,李四,外科\n".encode("gb18030")
    path = tmp_path / "gb.csv"
    path.write_bytes(good + "30003,王五,".encode("gb18030") + b"\xff\xfe\xfa\n")
    before = db_dump(roll.db)
    monkeypatch.setattr(member_import, "READ_AHEAD_BYTES", 0)
    result = roll.fails("members", "import", str(path))
    assert "(bad bytes at line 4)" in result.stderr
    assert db_dump(roll.db) == before


def test_ctrl_c_during_a_large_import_is_one_line_and_writes_nothing(roll: Cli, tmp_path: Path):
    """A real SIGINT to the process group (as a terminal's Ctrl-C: the process reading
    ahead gets it too), sent once the write transaction has begun: one line, exit 130,
    the database as it was, no process left behind. The page cache's restore on an
    interrupted connection used to replace the interrupt with SQLAlchemy's traceback."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from unionctl.services.member_import import READ_AHEAD_BYTES

    path = write(tmp_path / "big.csv", _roster(60_000))
    assert path.stat().st_size >= READ_AHEAD_BYTES
    before = db_dump(roll.db)
    child = subprocess.Popen(
        [sys.executable, "-m", "unionctl", "members", "import", str(path)],
        env={**os.environ, **roll.env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while child.poll() is None and time.monotonic() < deadline:
        probe = sqlite3.connect(roll.db, timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")  # free: the import has not begun writing
            probe.rollback()
        except sqlite3.OperationalError:  # locked: the write transaction is open
            break
        finally:
            probe.close()
        time.sleep(0.01)
    time.sleep(0.3)  # into the chunks
    assert child.poll() is None, "the import ended before it could be interrupted"
    os.killpg(child.pid, signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 130, (out, err)
    assert err == "unionctl: interrupted: nothing was written\n"
    assert db_dump(roll.db) == before
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(child.pid, 0)  # the group is gone: the reader ended too


def test_the_page_cache_is_not_restored_on_a_connection_an_interrupt_invalidated(tmp_path: Path):
    """SQLAlchemy invalidates a connection whose statement a Ctrl-C interrupted; setting
    the cache back on it raised PendingRollbackError in place of the interrupt (a
    traceback). The interrupt itself must come through."""
    from sqlalchemy import create_engine

    from unionctl.services.member_import import _page_cache

    engine = create_engine(f"sqlite:///{tmp_path / 't.db'}")
    with engine.connect() as conn:
        conn.begin()
        with pytest.raises(KeyboardInterrupt), _page_cache(conn, 1024):
            conn.invalidate()  # what the interrupted statement leaves
            raise KeyboardInterrupt
    engine.dispose()
