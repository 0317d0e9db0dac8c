"""Status history answers membership on any past date: the membership report."""

from __future__ import annotations

import json

import pytest
from conftest import Cli


@pytest.fixture
def year_of_changes(roll: Cli) -> Cli:
    roll("members", "join", "10002", "--on", "2025-03-01")
    roll("members", "transfer", "10001", "--branch", "护理分工会", "--on", "2025-04-01")
    roll("members", "leave", "10004", "--on", "2025-06-30", "--reason", "辞职")
    roll("members", "decease", "10003", "--on", "2025-08-02")
    roll("members", "add", "10005", "钱进", "--branch", "内科分工会", "--joined", "2025-09-15")
    return roll


def _report(cli: Cli, *args: str):
    return json.loads(cli("reports", "membership", *args, "--format", "json").stdout)


def test_by_branch_counts_each_move_in_the_branch_of_its_day(year_of_changes: Cli):
    report = _report(year_of_changes, "--year", "2025")
    rows = {r["branch"]: r for r in report["rows"]}
    # 10004 quit the union (退会) but still works here: on the roll, not a member.
    assert rows["内科分工会"] == {
        "branch": "内科分工会", "members": 1, "staff_count": 1, "membership_rate": 1.0,
        "joined": 1, "left": 0, "net": 1, "retired_members": 0, "retirees": 0,
    }  # fmt: skip
    assert rows["护理分工会"] == {
        "branch": "护理分工会", "members": 2, "staff_count": 3, "membership_rate": 0.6667,
        "joined": 1, "left": 1, "net": 0, "retired_members": 0, "retirees": 0,
    }  # fmt: skip
    assert report["total"]["members"] == 3 and report["total"]["staff_count"] == 4
    assert report["total"]["joined"] == 2 and report["total"]["left"] == 1


def test_past_dates_are_answered_from_history(year_of_changes: Cli):
    end_2024 = _report(year_of_changes, "--year", "2024")["total"]
    # the retiree 10003 is counted apart, never in 入会率
    assert (end_2024["members"], end_2024["staff_count"], end_2024["membership_rate"]) == (
        2,
        3,
        0.6667,
    )
    assert (end_2024["retired_members"], end_2024["retirees"]) == (1, 1)
    assert (end_2024["joined"], end_2024["left"]) == (0, 0)
    march = {
        r["branch"]: r["members"] for r in _report(year_of_changes, "--month", "2025-03")["rows"]
    }
    assert march == {"内科分工会": 1, "护理分工会": 2}


def test_by_month(year_of_changes: Cli):
    report = _report(year_of_changes, "--year", "2025", "--by", "month")
    months = {r["month"]: (r["members"], r["joined"], r["left"]) for r in report["rows"]}
    assert len(months) == 12
    assert months["2025-02"] == (2, 0, 0)
    assert months["2025-03"] == (3, 1, 0)
    assert months["2025-06"] == (2, 0, 1)  # left on 06-30: not a member at the month's end
    assert months["2025-08"] == (2, 0, 0)  # the retiree's death is not a working member's
    assert months["2025-09"] == (3, 1, 0)
    assert report["total"]["joined"] == 2 and report["total"]["left"] == 1
    retirees = {r["month"]: r["retirees"] for r in report["rows"]}
    assert (retirees["2025-07"], retirees["2025-08"]) == (1, 0)


def test_csv_has_a_total_row_and_zh_labels(year_of_changes: Cli):
    text = year_of_changes(
        "reports", "membership", "--year", "2025", "-f", "csv", "--lang", "zh"
    ).stdout
    lines = text.splitlines()
    assert lines[0] == "分工会,会员数,职工数,入会率,入会,离会,净增,退休会员,退休职工"
    assert lines[-1] == "合计,3,4,75.0%,2,1,1,0,0"


def test_range_and_bad_period(year_of_changes: Cli):
    report = _report(year_of_changes, "--from", "2025-06-01", "--to", "2025-08-31")
    assert report["total"]["left"] == 1
    year_of_changes.fails(
        "reports", "membership", "--year", "2025", "--month", "2025-01", contains="one period"
    )
    year_of_changes.fails(
        "reports", "membership", "--by", "planet", contains="month 月份, branch 分工会"
    )


def test_by_takes_the_grouping_in_either_language(year_of_changes: Cli):
    """A secretary types --by 分工会 / 按月; a wrong one is named in her language, spaced."""
    english = _report(year_of_changes, "--year", "2025", "--by", "branch")
    assert _report(year_of_changes, "--year", "2025", "--by", "分工会") == english
    by_month = _report(year_of_changes, "--year", "2025", "--by", "month")
    assert _report(year_of_changes, "--year", "2025", "--by", "按月") == by_month
    year_of_changes.fails(
        "reports", "membership", "--by", "来源", env={"UNIONCTL_LANG": "zh"},
        contains="未知的分组方式 --by '来源'；可用：month 月份, branch 分工会",
    )  # fmt: skip


def test_quitting_the_union_keeps_a_person_on_the_roll(cli: Cli):
    """Issue 5 §1: 4 staff, one 退会, one never joined → 2 members / 4 staff, not 2/3."""
    for no in ("1", "2", "3"):
        cli("members", "add", no, f"甲{no}", "--joined", "2020-01-01")
    cli("members", "add", "4", "乙", "--status", "non_member", "--hired", "2020-01-01")
    cli("members", "leave", "3", "--on", "2025-06-30")
    total = _report(cli, "--year", "2025")["total"]
    assert (total["members"], total["staff_count"], total["membership_rate"]) == (2, 4, 0.5)
    assert total["left"] == 1


def test_adding_someone_today_leaves_past_periods_alone(cli: Cli):
    """Issue 5 §1: a non-member added today without a hire date must not change 2020."""
    cli("members", "add", "1", "甲", "--joined", "2019-01-01")
    before = _report(cli, "--year", "2020")["total"]
    cli("members", "add", "2", "乙", "--status", "non_member")
    after = _report(cli, "--year", "2020")["total"]
    assert before == after
    assert (after["members"], after["staff_count"], after["membership_rate"]) == (1, 1, 1.0)
    now = _report(cli, "--year", "2025")["total"]
    assert (now["members"], now["staff_count"]) == (1, 2)


def test_leaving_the_hospital_takes_a_person_off_the_roll(roll: Cli):
    roll("members", "depart", "10004", "--on", "2025-06-30", "--reason", "离职")
    total = _report(roll, "--year", "2025")["total"]
    # 10001 member, 10002 non-member on the roll; 10004 gone; 10003 a retiree
    assert (total["members"], total["staff_count"], total["left"]) == (1, 2, 1)
    shown = json.loads(roll("members", "show", "10004", "--format", "json").stdout)
    assert shown["member"]["status"] == "departed"


def test_an_empty_rate_is_a_dash_on_screen_and_empty_in_csv(cli: Cli):
    cli("members", "add", "1", "甲", "--employment", "retired", "--joined", "2000-01-01")
    table = cli("reports", "membership", "--year", "2025").stdout.splitlines()
    assert table[2].split()[3] == "—"  # no working staff: no 入会率
    csv_rows = cli("reports", "membership", "--year", "2025", "-f", "csv").stdout.splitlines()
    assert csv_rows[1].split(",")[3] == ""
    data = _report(cli, "--year", "2025")
    assert data["total"]["membership_rate"] is None
