"""One set of history rules for every way in (issue 5 §2), and the roll's corrections.

Each test here reproduces a defect found by trying 0.1.0 as a secretary would."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
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


# --- undo the last change, and rehire under the same 工号 (issue 5, item 3) ---------------


def _state(cli: Cli, emp_no: str) -> tuple:
    """The person's history exactly as stored: the member row's history fields, every
    period row (ids, stamps and reasons included) and every hardship record."""

    conn = sqlite3.connect(cli.db)
    try:
        (member_id, *fields) = conn.execute(
            "SELECT id, status, employment, branch_id, joined_on, hired_on FROM member "
            "WHERE emp_no = ?",
            (emp_no,),
        ).fetchone()
        periods = conn.execute(
            "SELECT * FROM member_period WHERE member_id = ? ORDER BY id", (member_id,)
        ).fetchall()
        hardship = conn.execute(
            "SELECT * FROM hardship_record WHERE member_id = ? ORDER BY id", (member_id,)
        ).fetchall()
        return tuple(fields), periods, hardship
    finally:
        conn.close()


def _months(cli: Cli, *columns: str) -> dict[str, tuple]:
    rows = _json(cli, "reports", "membership", "--by", "month", "--year", "2025")["rows"]
    return {r["month"]: tuple(r[c] for c in columns) for r in rows}


def test_a_departure_dated_wrongly_is_undone_and_recorded_again(roll: Cli):
    roll("members", "hardship", "10004", "--tier", "deep", "--reason", "重病", "--on", "2025-03-01")
    before = _state(roll, "10004")
    counts = _months(roll, "members", "staff_count")
    roll("members", "depart", "10004", "--on", "2025-04-30", "--reason", "离职")  # meant 09-30
    departed = _months(roll, "members", "staff_count", "left")
    assert departed["2025-04"] == (1, 2, 1) and departed["2025-08"] == (1, 2, 0)
    result = roll("members", "undo", "10004")
    assert result.stdout == (
        "10004 赵敏: undone: departure on 2025-04-30 (`members depart`); now member, on the roll\n"
    )
    assert _state(roll, "10004") == before  # every period and the hardship record as they were
    assert _months(roll, "members", "staff_count") == counts
    assert len(_json(roll, "members", "list", "--hardship")) == 1
    roll("members", "depart", "10004", "--on", "2025-09-30", "--reason", "离职")
    again = _months(roll, "members", "staff_count", "left")
    assert again["2025-08"] == (2, 3, 0) and again["2025-09"] == (1, 2, 1)
    record = _json(roll, "members", "show", "10004")["hardship"][0]
    assert (record["closed_on"], record["close_reason"]) == ("2025-09-30", "离职")


@pytest.mark.parametrize(
    ("emp_no", "args"),
    [
        ("10001", ("leave", "--on", "2025-06-30")),
        ("10001", ("decease", "--on", "2025-06-30", "--reason", "病故")),
        ("10001", ("depart", "--on", "2025-06-30", "--transfer-out")),
        ("10001", ("retire", "--on", "2025-06-30")),
        ("10001", ("transfer", "--branch", "护理分工会", "--on", "2025-06-30")),
        ("10002", ("join", "--on", "2025-06-30")),
        ("10002", ("depart", "--on", "2025-06-30", "--reason", "调出")),
        (
            "10001",
            ("edit", "--branch", "护理分工会", "--employment", "contract", "--on", "2025-06-30"),
        ),
        ("10001", ("edit", "--joined", "2011-01-01")),  # a correction moves two boundaries
        ("10002", ("edit", "--hired", "2017-01-01")),
    ],
)
def test_every_recorded_change_is_undone_exactly(roll: Cli, emp_no: str, args: tuple):
    before = _state(roll, emp_no)
    counts = _months(roll, "members", "staff_count", "retirees")
    roll("members", args[0], emp_no, *args[1:])
    assert _state(roll, emp_no) != before
    roll("members", "undo", emp_no)
    assert _state(roll, emp_no) == before
    assert _months(roll, "members", "staff_count", "retirees") == counts


def test_a_rejoin_is_undone(roll: Cli):
    roll("members", "leave", "10004", "--on", "2024-06-30")
    before = _state(roll, "10004")
    roll("members", "join", "10004", "--on", "2025-02-01")  # meant 2025-03-01
    roll("members", "undo", "10004")
    assert _state(roll, "10004") == before
    roll("members", "join", "10004", "--on", "2025-03-01")
    assert _periods(roll, "10004", "status")[-1] == ("member", "2025-03-01", None)
    assert _json(roll, "members", "show", "10004")["member"]["joined_on"] == "2025-03-01"


def test_undo_goes_back_one_change_at_a_time_then_refuses(roll: Cli):
    added = _state(roll, "10004")
    roll("members", "retire", "10004", "--on", "2025-03-31")
    retired = _state(roll, "10004")
    roll("members", "transfer", "10004", "--branch", "内科分工会", "--on", "2025-05-01")
    roll("members", "undo", "10004")
    assert _state(roll, "10004") == retired
    roll("members", "undo", "10004")
    assert _state(roll, "10004") == added
    before = db_dump(roll.db)
    roll.fails("members", "undo", "10004", contains="10004 (赵敏) has no change to undo")
    zh = roll.fails("members", "undo", "10004", env={"UNIONCTL_LANG": "zh"})
    assert "10004（赵敏）没有可撤销的变动：只有添加时的记录" in zh.stderr
    assert db_dump(roll.db) == before


def test_undo_dry_run_says_what_and_writes_nothing(roll: Cli):
    roll("members", "hardship", "10004", "--tier", "deep", "--reason", "重病", "--on", "2025-03-01")
    roll("members", "depart", "10004", "--on", "2025-04-30", "--reason", "离职")
    before = db_dump(roll.db)
    dry = roll("members", "undo", "10004", "--dry-run", "--format", "csv")
    assert dry.stdout.splitlines() == [
        "step,change,value,from,until",
        "removed,union status,left the hospital,2025-04-30,",
        "reopened,employment,staff,2012-09-01,",
        "reopened,union status,member,2012-09-01,",
        "reopened,branch,护理分工会,2012-09-01,",
        "reopened,hardship record,deep hardship,2025-03-01,",
    ]
    assert "would undo: departure on 2025-04-30" in dry.stderr
    assert "nothing written (--dry-run)" in dry.stderr
    zh = roll("members", "undo", "10004", "--dry-run", "--lang", "zh")
    assert "将撤销 2025-04-30 的离职" in zh.stderr and "之后为在会，在册" in zh.stderr
    assert "重新在档  困难档案" in zh.stdout
    assert db_dump(roll.db) == before


def test_an_undo_is_in_the_log_naming_what_it_undid(roll: Cli):
    roll("members", "depart", "10004", "--on", "2025-04-30", "--reason", "离职")
    roll("members", "undo", "10004", env={"USER": "王秘书"})
    entry = _json(roll, "log", "--key", "10004")[0]
    assert (entry["command"], entry["actor"]) == ("members undo", "王秘书")
    assert entry["before"]["status"] == "departed" and entry["after"]["status"] == "member"
    undone = entry["after"]["undone"]
    assert (undone["action"], undone["on"], undone["command"]) == (
        "depart",
        "2025-04-30",
        "members depart",
    )
    assert "undone.action: ∅ → depart; undone.command: ∅ → members depart" in roll("log").stdout
    zh = roll("log", "--lang", "zh").stdout
    assert "会籍状态：离职 → 在会；撤销·操作：∅ → 离职" in zh


def test_a_change_recorded_before_undo_existed_is_said_so(roll: Cli):

    roll("members", "leave", "10004", "--on", "2025-04-30")
    conn = sqlite3.connect(roll.db)
    conn.execute("DELETE FROM member_change")  # as a database upgraded from 0006 has it
    conn.commit()
    conn.close()
    before = db_dump(roll.db)
    roll.fails("members", "undo", "10004", contains="recorded before this version")
    assert db_dump(roll.db) == before


def test_undo_refuses_when_the_history_moved_without_a_record(roll: Cli):

    roll("members", "leave", "10004", "--on", "2025-04-30")
    conn = sqlite3.connect(roll.db)
    conn.execute(
        "UPDATE member_period SET start_on = '2025-05-01' WHERE value = 'left'"
    )  # a hand edit of the file: putting back the state before would lose it
    conn.execute("UPDATE member_period SET end_on = '2025-05-01' WHERE end_on = '2025-04-30'")
    conn.commit()
    conn.close()
    before = db_dump(roll.db)
    roll.fails("members", "undo", "10004", contains="nothing undone")
    assert db_dump(roll.db) == before


def test_rehire_under_the_same_number_leaves_the_gap_off_the_roll(roll: Cli):
    roll("members", "depart", "10004", "--on", "2025-03-31", "--reason", "离职")
    departed = _months(roll, "members", "staff_count", "joined", "left")
    result = roll("members", "rehire", "10004", "--on", "2025-07-01", "--join",
                  "--employment", "contract", "--branch", "内科分工会")  # fmt: skip
    assert result.stdout == (
        "10004 赵敏: back on the roll on 2025-07-01 (contract, 内科分工会), member\n"
    )
    months = _months(roll, "members", "staff_count", "joined", "left")
    assert months["2025-03"] == (1, 2, 0, 1)  # left on the 31st: off the roll that day
    assert months["2025-05"] == (1, 2, 0, 0)  # the gap: off the roll
    assert months["2025-07"] == (2, 3, 1, 0)  # back, and a member again
    assert {m: v for m, v in months.items() if m < "2025-07"} == {
        m: v for m, v in departed.items() if m < "2025-07"
    }
    shown = _json(roll, "members", "show", "10004")
    assert (shown["member"]["status"], shown["member"]["hired_on"]) == ("member", "2025-07-01")
    assert shown["member"]["joined_on"] == "2025-07-01"
    assert _periods(roll, "10004", "employment") == [
        ("staff", "2012-09-01", "2025-03-31"),
        ("contract", "2025-07-01", None),
    ]
    assert _periods(roll, "10004", "status")[-2:] == [
        ("departed", "2025-03-31", "2025-07-01"),
        ("member", "2025-07-01", None),
    ]
    assert _periods(roll, "10004", "branch")[-1] == ("内科分工会", "2025-07-01", None)
    # the rehire was dated wrongly: undo, record again; the gap follows
    roll("members", "undo", "10004")
    assert _months(roll, "members", "staff_count", "joined", "left") == departed
    roll("members", "rehire", "10004", "--on", "2025-09-01")  # as before: staff, 护理, not joined
    later = _months(roll, "members", "staff_count")
    assert later["2025-08"] == (1, 2) and later["2025-09"] == (1, 3)
    assert _json(roll, "members", "show", "10004")["member"]["status"] == "non_member"


def test_rehire_is_only_for_someone_who_left_the_hospital(roll: Cli):
    before = db_dump(roll.db)
    roll.fails("members", "rehire", "10004", "--on", "2025-07-01",
               contains="is member, so cannot rehire")  # fmt: skip
    roll("members", "decease", "10003", "--on", "2025-02-01")
    roll.fails("members", "rehire", "10003", contains="no further status change is possible")
    roll("members", "depart", "10004", "--on", "2025-03-31", "--reason", "离职")
    left = db_dump(roll.db)
    roll.fails("members", "rehire", "10004", "--on", "2025-03-31",
               contains="must be after the day they left the roll (2025-03-31)")  # fmt: skip
    zh = roll.fails("members", "rehire", "10004", "--on", "2025-03-01", "--lang", "zh")
    assert "重新入职日期 2025-03-01 须晚于离开名册的日期（2025-03-31）" in zh.stderr
    assert db_dump(roll.db) == left
    transition = roll.fails("members", "join", "10004")
    assert "possible now: rehire (`members rehire`), rehire as a member (--join)" in (
        transition.stderr
    )
    assert before != left


def test_the_hire_date_of_a_rehire_is_corrected_by_undoing_it(roll: Cli):
    roll("members", "depart", "10002", "--on", "2025-03-31", "--reason", "离职")
    roll("members", "rehire", "10002", "--on", "2025-07-01")
    roll.fails("members", "edit", "10002", "--hired", "2025-06-01",
               contains="`unionctl members undo 10002`")  # fmt: skip


def test_a_roster_row_of_someone_who_left_rehires_them(roll: Cli, tmp_path: Path, templates, env):
    home = tmp_path / "twin"
    home.mkdir()
    twin = templates.copy("roll", home, {**env, "UNIONCTL_DB": str(home / "union.db")})
    for cli in (roll, twin):
        cli("members", "depart", "10004", "--on", "2025-03-31", "--reason", "离职")
    path = _write(
        tmp_path / "hr.csv",
        "工号,会籍状态,分工会,用工性质,科室\n10004,在会,内科分工会,合同制,急诊科\n",
    )
    refused = roll.fails("members", "import", str(path), "--update")
    assert "`unionctl members rehire`" in refused.stderr
    dry = roll("members", "import", str(path), "--update", "--status-on", "2025-07-01", "--dry-run")
    assert "hired_on" in dry.stdout and "2025-07-01" in dry.stdout
    roll("members", "import", str(path), "--update", "--status-on", "2025-07-01")
    twin("members", "rehire", "10004", "--on", "2025-07-01", "--join",
         "--employment", "contract", "--branch", "内科分工会")  # fmt: skip
    for change in ("status", "employment", "branch"):
        assert _periods(roll, "10004", change) == _periods(twin, "10004", change)
    assert _months(roll, "members", "staff_count") == _months(twin, "members", "staff_count")
    again = roll("members", "import", str(path), "--update")  # the same roster: no change
    assert "0 updated, 1 unchanged" in again.stdout
    # the row is one change: its dept edit stays, its history goes with one undo
    roll("members", "undo", "10004")
    shown = _json(roll, "members", "show", "10004")["member"]
    assert (shown["status"], shown["dept"]) == ("departed", "急诊科")
    # a new hire date in the row dates the rehire without --status-on
    dated = _write(tmp_path / "d.csv", "工号,会籍状态,入职日期\n10004,未入会,2025-08-01\n")
    roll("members", "import", str(dated), "--update")
    assert _periods(roll, "10004", "employment")[-1] == ("staff", "2025-08-01", None)


def test_undoing_a_rehire_keeps_aid_and_says_it_is_off_the_roll(roll: Cli):
    roll("members", "depart", "10004", "--on", "2025-03-31", "--reason", "离职")
    roll("members", "rehire", "10004", "--on", "2025-07-01", "--join")
    roll("aid", "give", "10004", "--kind", "birthday", "--amount", "100", "--on", "2025-08-01")
    added = roll("events", "add", "秋季运动会", "--kind", "sports", "--on", "2025-10-10")
    roll("events", "attend", added.stdout.split()[2].rstrip(":"), "10004")
    roll("members", "hardship", "10004", "--tier", "deep", "--reason", "重病", "--on", "2025-09-01")
    before = db_dump(roll.db)
    blocked = roll.fails("members", "undo", "10004", contains="hardship record opened 2025-09-01")
    assert "--close" in blocked.stderr
    assert db_dump(roll.db) == before
    roll("members", "hardship", "10004", "--close", "--reason", "脱困", "--on", "2025-11-01")
    result = roll("members", "undo", "10004")
    assert "now left the hospital, off the roll" in result.stdout
    assert result.stderr == (
        "unionctl: 10004: kept, though now on days off the roll: 1 aid gift(s), "
        "1 event attendance(s) (`unionctl aid list --member 10004`)\n"
    )
    assert len(_json(roll, "aid", "list", "--member", "10004")["rows"]) == 1


def test_a_roster_row_is_one_change_to_undo(roll: Cli, tmp_path: Path):
    before = _state(roll, "10001")
    path = _write(
        tmp_path / "hr.csv", "工号,会籍状态,分工会,用工性质\n10001,退会,护理分工会,合同制\n"
    )
    roll("members", "import", str(path), "--update", "--status-on", "2025-06-30")
    assert _periods(roll, "10001", "branch")[-1] == ("护理分工会", "2025-06-30", None)
    undone = roll("members", "undo", "10001")
    assert "leaving the union on 2025-06-30 (`members import`" in undone.stdout
    assert _state(roll, "10001") == before  # the branch, employment and status moves together
    roll.fails("members", "undo", "10001", contains="no change to undo")  # and only one
