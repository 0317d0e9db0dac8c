"""One set of history rules for every way in (issue 5 §2), and the roll's corrections.

Each test here reproduces a defect found by trying 0.1.0 as a secretary would."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Cli, db_dump


def _json(cli: Cli, *args: str):
    return json.loads(cli(*args, "--format", "json").stdout)


def _periods(cli: Cli, emp_no: str, change: str) -> list[tuple]:
    history = _json(cli, "members", "show", emp_no)["history"]
    return [(h["value"], h["start_on"], h["end_on"]) for h in history if h["change"] == change]


def _total(cli: Cli, *period: str) -> dict:
    return _json(cli, "reports", "membership", *period)["total"]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_import_moving_a_join_date_earlier_moves_the_boundary(roll: Cli, tmp_path: Path):
    """0.1.0 made overlapping status periods: a 2-person roll reported 3 staff."""
    roll("members", "join", "10002", "--on", "2024-03-01")
    path = _write(tmp_path / "u.csv", "emp_no,joined_on\n10002,2020-01-01\n")
    roll("members", "import", str(path), "--update")
    assert _periods(roll, "10002", "status") == [
        ("non_member", "2018-07-01", "2020-01-01"),
        ("member", "2020-01-01", None),
    ]
    assert _total(roll, "--year", "2021")["staff_count"] == 3  # 10001, 10002, 10004
    # the same correction through edit gives the same history
    roll("members", "edit", "10002", "--joined", "2019-01-01")
    assert _periods(roll, "10002", "status")[0] == ("non_member", "2018-07-01", "2019-01-01")
    # and neither may swallow the period before it
    roll.fails("members", "edit", "10002", "--joined", "2018-07-01", contains="before the last")


def test_edit_joined_later_leaves_no_hole(roll: Cli):
    """0.1.0 left a hole: the person was off the roll from the old to the new join date.
    Now the history has none: without a hire date the roll starts at the join date, so
    both move together; with one, the person is on the roll and not yet a member."""
    roll("members", "edit", "10001", "--joined", "2011-01-01")
    assert _periods(roll, "10001", "status") == [("member", "2011-01-01", None)]
    assert _periods(roll, "10001", "employment") == [("staff", "2011-01-01", None)]
    assert _total(roll, "--month", "2011-01")["members"] == 1
    roll("members", "edit", "10002", "--status", "member", "--joined", "2020-01-01")
    roll("members", "edit", "10002", "--joined", "2021-01-01")  # hired 2018-07-01
    assert _periods(roll, "10002", "status") == [
        ("non_member", "2018-07-01", "2021-01-01"),
        ("member", "2021-01-01", None),
    ]


def test_edit_to_non_member_is_dated_on_not_joined(roll: Cli):
    """0.1.0 recorded the exit on the corrected join date (2021) instead of --on."""
    roll(
        "members", "edit", "10004", "--status", "non_member",
        "--joined", "2021-01-01", "--on", "2025-06-30",
    )  # fmt: skip
    assert _periods(roll, "10004", "status") == [
        ("member", "2021-01-01", "2025-06-30"),
        ("non_member", "2025-06-30", None),
    ]


def test_add_a_non_member_with_a_join_date_is_refused(cli: Cli):
    """0.1.0 dropped the join date silently."""
    before = db_dump(cli.db)
    cli.fails(
        "members", "add", "2", "乙", "--status", "non_member", "--joined", "2020-01-01",
        contains="only a member in the union has a join date",
    )  # fmt: skip
    assert db_dump(cli.db) == before


def test_edit_status_to_a_verb_status_points_to_the_verb(roll: Cli):
    roll.fails("members", "edit", "10001", "--status", "退会", contains="`unionctl members leave`")
    roll.fails("members", "edit", "10001", "--status", "离职", contains="members depart")


def test_roster_status_changes_apply_on_the_status_on_date(roll: Cli, tmp_path: Path):
    path = _write(
        tmp_path / "hr.csv",
        "工号,会籍状态,分工会,用工性质\n"
        "10001,在会,护理分工会,合同制\n"  # moves branch and employment
        "10002,在会,护理分工会,合同制\n"  # joins
        "10004,离职,护理分工会,在编\n",  # leaves the hospital
    )
    before = db_dump(roll.db)
    refused = roll.fails("members", "import", str(path), "--update")
    assert "--status-on" in refused.stderr
    assert db_dump(roll.db) == before
    dry = roll("members", "import", str(path), "--update", "--status-on", "2025-06-30", "--dry-run")
    assert "status" in dry.stdout and "non-member" in dry.stdout
    assert db_dump(roll.db) == before
    roll("members", "import", str(path), "--update", "--status-on", "2025-06-30")
    assert _periods(roll, "10001", "branch")[-1] == ("护理分工会", "2025-06-30", None)
    assert _periods(roll, "10001", "employment")[-1] == ("contract", "2025-06-30", None)
    assert _periods(roll, "10002", "status")[-1] == ("member", "2025-06-30", None)
    assert _periods(roll, "10004", "employment")[-1][2] == "2025-06-30"  # off the roll
    assert _json(roll, "members", "show", "10004")["member"]["status"] == "departed"


def test_full_width_employee_numbers_match(roll: Cli, tmp_path: Path):
    """0.1.0: --dry-run said "1 added", the real run failed on UNIQUE, --update never matched."""
    path = _write(
        tmp_path / "fw.csv", "工号,姓名,科室\n１０００１,张丽,急诊科\n２００１５,新人,儿科\n"
    )
    refused = roll.fails("members", "import", str(path), "--dry-run")
    assert "10001 already exists" in refused.stderr
    roll("members", "import", str(path), "--update")
    assert _json(roll, "members", "show", "10001")["member"]["dept"] == "急诊科"
    assert _json(roll, "members", "show", "20015")["member"]["name"] == "新人"


def test_a_duplicate_honour_is_one_clear_line(roll: Cli):
    roll("members", "honour", "10001", "先进工作者", "--on", "2025-05-01")
    result = roll.fails("members", "honour", "10001", "先进工作者", "--on", "2025-05-01")
    assert "already has 先进工作者 on 2025-05-01" in result.stderr
    assert "UNIQUE" not in result.stderr


def test_added_without_joined_says_it_joined_today(cli: Cli):
    result = cli("members", "add", "1", "甲")
    assert "joined the union today, 2025-12-31" in result.stdout


def test_delete_only_someone_added_by_mistake(roll: Cli):
    roll("members", "add", "10099", "错录")
    roll("members", "delete", "10099")
    roll.fails("members", "show", "10099", contains="no member")
    deleted = [e for e in _json(roll, "log", "--key", "10099") if e["command"] == "members delete"]
    assert len(deleted) == 1
    roll("members", "leave", "10001", "--on", "2025-06-30")
    before = db_dump(roll.db)
    roll.fails("members", "delete", "10001", contains="has a history")
    assert db_dump(roll.db) == before


def test_renumber_keeps_everything(roll: Cli):
    roll("members", "renumber", "10004", "10044")
    shown = _json(roll, "members", "show", "10044")
    assert shown["member"]["name"] == "赵敏" and shown["history"]
    roll.fails("members", "renumber", "10044", "10001", contains="already exists")


def test_depart_closes_an_open_hardship_record(roll: Cli):
    roll("members", "hardship", "10004", "--tier", "deep", "--reason", "重病", "--on", "2025-03-01")
    assert len(_json(roll, "members", "list", "--hardship")) == 1
    roll("members", "depart", "10004", "--on", "2025-07-01", "--reason", "离职")
    assert _json(roll, "members", "list", "--hardship") == []
    record = _json(roll, "members", "show", "10004")["hardship"][0]
    assert (record["closed_on"], record["close_reason"]) == ("2025-07-01", "离职")
    roll.fails("members", "transfer", "10004", "--branch", "内科分工会", contains="no longer on")


def test_a_change_before_the_roll_start_says_how_to_fix_it(cli: Cli):
    cli("members", "add", "1", "甲", "--status", "non_member")  # on the roll from today
    cli.fails("members", "join", "1", "--on", "2025-03-01", contains="--hired")
    cli("members", "edit", "1", "--hired", "2020-01-01")
    cli("members", "join", "1", "--on", "2025-03-01")
    assert _periods(cli, "1", "status") == [
        ("non_member", "2020-01-01", "2025-03-01"),
        ("member", "2025-03-01", None),
    ]


def test_a_corrected_hire_date_keeps_the_join_date(cli: Cli):
    cli("members", "add", "1", "甲", "--joined", "2010-07-01")  # on the roll from joining
    cli("members", "edit", "1", "--hired", "2012-01-01")  # joined another union first
    assert _periods(cli, "1", "employment") == [("staff", "2012-01-01", None)]
    assert _periods(cli, "1", "status") == [("member", "2010-07-01", None)]
    assert _total(cli, "--year", "2011")["staff_count"] == 0  # not yet on the roll
    cli("members", "edit", "1", "--hired", "2008-01-01")
    early = _total(cli, "--year", "2009")
    assert (early["members"], early["staff_count"]) == (0, 1)  # working, not yet a member
    assert _periods(cli, "1", "status") == [  # and the history says so: no gap
        ("non_member", "2008-01-01", "2010-07-01"),
        ("member", "2010-07-01", None),
    ]


# --- defects found by trying the roll as a secretary (second round) ---------------------


def test_a_corrected_join_date_moves_a_roll_start_that_came_from_it(cli: Cli):
    cli("members", "branch", "add", "内科")
    cli("members", "add", "2", "乙", "--branch", "内科", "--joined", "2020-06-01")
    cli("members", "edit", "2", "--joined", "2019-01-01")
    assert _periods(cli, "2", "employment") == [("staff", "2019-01-01", None)]
    assert _periods(cli, "2", "branch") == [("内科", "2019-01-01", None)]
    y2019 = _json(cli, "reports", "membership", "--year", "2019")
    assert [r["branch"] for r in y2019["rows"]] == ["内科"]
    assert (y2019["total"]["members"], y2019["total"]["staff_count"]) == (1, 1)
    cli("members", "edit", "2", "--joined", "2021-01-01")  # and later again: no hole
    y2020 = _total(cli, "--year", "2020")
    assert (y2020["members"], y2020["staff_count"]) == (0, 0)


def test_a_membership_from_before_the_hire_date_is_no_join_here(cli: Cli):
    cli("members", "add", "9", "丙", "--hired", "2020-01-01", "--joined", "2015-01-01")
    y2015 = _total(cli, "--year", "2015")
    assert (y2015["joined"], y2015["staff_count"]) == (0, 0)
    y2020 = _total(cli, "--year", "2020")
    assert (y2020["members"], y2020["staff_count"]) == (1, 1)


def test_the_same_roster_imports_again_after_someone_left(roll: Cli, tmp_path: Path):
    path = _write(
        tmp_path / "st.csv", "工号,姓名,会籍状态,分工会,用工性质\n10004,赵敏,离职,护理分工会,在编\n"
    )
    roll("members", "import", str(path), "--update", "--status-on", "2025-06-30")
    again = roll("members", "import", str(path), "--update")
    assert "0 updated, 1 unchanged" in again.stdout
    assert _json(roll, "members", "show", "10004")["member"]["branch"] == "护理分工会"


def test_edit_refuses_to_clear_and_set_the_same_field(roll: Cli):
    before = db_dump(roll.db)
    roll.fails("members", "edit", "10001", "--clear", "dept", "--dept", "急诊科",
               contains="both given and cleared")  # fmt: skip
    assert db_dump(roll.db) == before


def test_a_non_member_cannot_transfer_a_membership_out(roll: Cli):
    roll.fails("members", "depart", "10002", "--transfer-out", contains="record leaving")
    roll("members", "depart", "10002", "--on", "2025-06-30", "--reason", "调出")
    assert _json(roll, "members", "show", "10002")["member"]["status"] == "departed"


def test_renumber_takes_the_log_with_it(roll: Cli):
    roll("members", "honour", "10004", "优秀护士", "--on", "2025-05-12")
    roll("members", "renumber", "10004", "10044")
    keys = {e["command"] for e in _json(roll, "log", "--key", "10044")}
    assert {"members add", "members honour", "members renumber"} <= keys
    assert _json(roll, "log", "--key", "10004") == []


def test_a_roster_rejoin_with_its_join_date_needs_no_status_on(roll: Cli, tmp_path: Path):
    roll("members", "leave", "10004", "--on", "2024-06-30")
    path = _write(tmp_path / "r.csv", "工号,会籍状态,入会日期\n10004,在会,2025-03-01\n")
    roll("members", "import", str(path), "--update")
    assert _periods(roll, "10004", "status")[-1] == ("member", "2025-03-01", None)


def test_a_report_for_a_period_not_begun_is_refused(roll: Cli):
    roll.fails("reports", "membership", "--year", "2030", contains="has not begun")
