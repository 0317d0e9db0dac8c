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
    assert rows["内科分工会"] == {
        "branch": "内科分工会", "members": 1, "staff_count": 1, "membership_rate": 1.0,
        "joined": 1, "left": 1, "net": 0,
    }  # fmt: skip
    assert rows["护理分工会"] == {
        "branch": "护理分工会", "members": 2, "staff_count": 2, "membership_rate": 1.0,
        "joined": 1, "left": 1, "net": 0,
    }  # fmt: skip
    assert report["total"]["members"] == 3 and report["total"]["joined"] == 2


def test_past_dates_are_answered_from_history(year_of_changes: Cli):
    end_2024 = _report(year_of_changes, "--year", "2024")["total"]
    assert (end_2024["members"], end_2024["staff_count"], end_2024["membership_rate"]) == (
        3,
        4,
        0.75,
    )
    assert (end_2024["joined"], end_2024["left"]) == (0, 0)
    march = {
        r["branch"]: r["members"] for r in _report(year_of_changes, "--month", "2025-03")["rows"]
    }
    assert march == {"内科分工会": 2, "护理分工会": 2}


def test_by_month(year_of_changes: Cli):
    report = _report(year_of_changes, "--year", "2025", "--by", "month")
    months = {r["month"]: (r["members"], r["joined"], r["left"]) for r in report["rows"]}
    assert len(months) == 12
    assert months["2025-02"] == (3, 0, 0)
    assert months["2025-03"] == (4, 1, 0)
    assert months["2025-06"] == (3, 0, 1)  # left on 06-30: not a member at the month's end
    assert months["2025-08"] == (2, 0, 1)
    assert months["2025-09"] == (3, 1, 0)
    assert report["total"]["joined"] == 2 and report["total"]["left"] == 2


def test_csv_has_a_total_row_and_zh_labels(year_of_changes: Cli):
    text = year_of_changes(
        "reports", "membership", "--year", "2025", "-f", "csv", "--lang", "zh"
    ).stdout
    lines = text.splitlines()
    assert lines[0] == "分工会,会员数,职工数,入会率,入会,退会,净增"
    assert lines[-1] == "合计,3,3,100.0%,2,2,0"


def test_range_and_bad_period(year_of_changes: Cli):
    report = _report(year_of_changes, "--from", "2025-06-01", "--to", "2025-08-31")
    assert report["total"]["left"] == 2
    year_of_changes.fails(
        "reports", "membership", "--year", "2025", "--month", "2025-01", contains="one period"
    )
    year_of_changes.fails("reports", "membership", "--by", "planet", contains="branch, month")
