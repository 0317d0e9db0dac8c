"""Bad input: one clear line on stderr, exit 1 (2 for usage), and nothing written."""

from __future__ import annotations

import pytest
from conftest import VALID_ID, Cli, db_dump

BAD_INPUT = [
    # (args, what the one line must say)
    (("members", "add", "10001", "张三"), "employee number 10001 already exists (张丽)"),
    (
        ("members", "add", "20001", "张三", "--id-card", "330102199003071527"),
        "check digit (expected 1)",
    ),
    (("members", "add", "20001", "张三", "--id-card", "33010219900307152"), "18 characters"),
    (
        ("members", "add", "20001", "张三", "--id-card", VALID_ID, "--birth", "1990-03-08"),
        "says born 1990-03-07, but the birth date given is 1990-03-08",
    ),
    (
        ("members", "add", "20001", "张三", "--id-card", VALID_ID, "--gender", "M"),
        "belongs to a female person, but the gender given is male",
    ),
    (("members", "add", "20001", "张三", "--id-card", VALID_ID), "already belongs to 10001 (张丽)"),
    (("members", "add", "20001", "张三", "--branch", "内科分会"), "did you mean: 内科分工会"),
    (("members", "add", "20001", "张三", "--employment", "intern"), "staff 在编, contract 合同制"),
    (("members", "add", "20001", "张三", "--status", "left"), "member 在会, non_member 未入会"),
    (("members", "add", "20001", "张三", "--gender", "X"), "M 男, F 女"),
    (("members", "add", "20001", "张三", "--birth", "2025-02-30"), "'2025-02-30' is not a date"),
    (
        ("members", "add", "20001", "张三", "--birth", "2026-01-05"),
        "birth date 2026-01-05 is in the future",
    ),
    (
        ("members", "add", "20001", "张三", "--birth", "1990-01-01", "--joined", "1989-01-01"),
        "birth date 1990-01-01 is after the join date 1989-01-01",
    ),
    (("members", "add", "20001", "张三", "--joined", "2026-03-01"), "2026-03-01 is in the future"),
    (("members", "add", "20001", "  "), "a name cannot be empty"),
    (("members", "add", "工号1", "张三"), "is not an employee number"),
    (("members", "add", "20001", "张三", "--phone", "call me"), "is not a phone number"),
    (("members", "show", "1001"), "did you mean: 10001 张丽"),
    (("members", "show", "王方"), "did you mean: 10002 王芳"),
    (("members", "edit", "10001"), "nothing to change"),
    (("members", "edit", "10002", "--joined", "2020-01-01"), "only a member in the union"),
    (("members", "edit", "10001", "--birth", "1991-01-01"), "says born 1990-03-07"),
    (("members", "list", "--branch", "护理"), "no branch named '护理'"),
    (("members", "list", "--status", "active"), "unknown union status 'active'"),
    (("members", "join", "10009"), "no member with employee number 10009"),
    (("members", "join", "10001"), "is member, so cannot join; possible now: leave"),
    (("members", "join", "10002", "--on", "1990-01-01"), "after the join date"),
    (
        ("members", "leave", "10001", "--on", "2009-01-01"),
        "is before they are on the roll (2010-07-01)",
    ),
    (("members", "leave", "10001", "--on", "tomorrow"), "'tomorrow' is not a date"),
    (("members", "transfer", "10001", "--branch", "外科分工会"), "no branch named '外科分工会'"),
    (("log", "--entity", "people"), "unknown entity 'people'"),
    (("log", "--since", "yesterday-ish"), "is not a date"),
    (("--format", "excel", "members", "list"), "unknown output format 'excel'"),
]


@pytest.mark.parametrize(("args", "says"), BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_one_line_exit_1_nothing_written(roll: Cli, args, says):
    before = db_dump(roll.db)
    result = roll.fails(*args)
    assert says in result.stderr
    assert db_dump(roll.db) == before


USAGE = [
    ("members", "add"),
    ("members", "add", "10009"),
    ("members", "list", "--born-month", "13"),
    ("members", "frobnicate"),
    ("--lang", "fr", "members", "list"),
    ("log", "--limit", "0"),
]


@pytest.mark.parametrize("args", USAGE, ids=[" ".join(a) for a in USAGE])
def test_usage_errors_exit_2_without_traceback(roll: Cli, args):
    before = db_dump(roll.db)
    roll.fails(*args, code=2)
    assert db_dump(roll.db) == before


def test_errors_follow_the_language(roll: Cli):
    result = roll.fails("members", "show", "10010", env={"UNIONCTL_LANG": "zh"})
    assert "没有工号为 10010 的会员" in result.stderr
    result = roll.fails("members", "add", "20001", "张三", "--employment", "intern", "--lang", "zh")
    assert "未知的用工性质 'intern'" in result.stderr


def test_an_error_midway_leaves_no_partial_write(roll: Cli):
    """transfer --out on a date before the last status change fails after reading: no trace."""
    before = db_dump(roll.db)
    roll.fails("members", "transfer", "10001", "--out", "--on", "2001-01-01")
    assert db_dump(roll.db) == before
