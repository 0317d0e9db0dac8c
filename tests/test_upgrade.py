"""Upgrading a database written by release 0.1.0 (schema 0001) to the roll model (0002).

tests/data/union-0001.db was made with the 0.1.0 CLI: seven people, a 退会 (10005), a
transfer out (10006), a death with an open hardship record (10007), a branch move, a join,
an honour and a retirement. The upgrade must back the file up first, lose nothing, and
carry each old status over as README "Upgrading from 0.1" says.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import Cli, db_dump

from unionctl.db import SCHEMA_HEAD

OLD = Path(__file__).parent / "data" / "union-0001.db"


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def upgraded(tmp_path: Path, env: dict[str, str]) -> Cli:
    path = tmp_path / "union.db"
    shutil.copyfile(OLD, path)
    cli = Cli(path, {**env, "UNIONCTL_DB": str(path)})
    cli.fails("members", "list", contains="older schema")
    result = cli("init")
    assert "upgraded" in result.stdout and "0001_members" in result.stdout
    return cli


def test_the_upgrade_backs_up_first_and_loses_nothing(upgraded: Cli, tmp_path: Path):
    backups = list(tmp_path.glob("union.db.0001_members.*.bak"))
    assert len(backups) == 1
    assert db_dump(backups[0]) == db_dump(OLD)
    for table in ("member", "branch", "honour", "hardship_record", "hardship_review"):
        assert len(_rows(upgraded.db, f"SELECT * FROM {table}")) == len(
            _rows(OLD, f"SELECT * FROM {table}")
        ), table
    old_members = _rows(OLD, "SELECT emp_no, name, status, joined_on, id_card FROM member")
    new_members = _rows(upgraded.db, "SELECT emp_no, name, status, joined_on, id_card FROM member")
    assert new_members == old_members
    assert _rows(upgraded.db, "SELECT DISTINCT hired_on FROM member") == [(None,)]
    assert f"schema,{SCHEMA_HEAD},yes" in upgraded("db", "check", "-f", "csv").stdout
    assert "is up to date" in upgraded("init").stdout


def test_old_statuses_are_carried_over(upgraded: Cli):
    def show(emp_no: str) -> dict:
        return json.loads(upgraded("members", "show", emp_no, "-f", "json").stdout)

    # a death and a transfer out leave the roll on their day; the open file closes
    dead = show("10007")
    employment = [h for h in dead["history"] if h["change"] == "employment"]
    assert employment == [
        {"change": "employment", "value": "staff", "start_on": "1985-01-01",
         "end_on": "2025-08-02", "reason": None}
    ]  # fmt: skip
    assert dead["hardship"][0]["closed_on"] == "2025-08-02"
    assert dead["hardship"][0]["close_reason"] == "去世"
    assert dead["member"]["age"] == 65  # born 1960-02-02: the age stops at death
    moved = show("10006")
    assert [h["end_on"] for h in moved["history"] if h["change"] == "employment"] == ["2025-03-31"]
    # 0.1's `left` could mean either; it stays 退会 (on the roll) until told otherwise
    assert show("10005")["member"]["status"] == "left"
    hardship = json.loads(upgraded("members", "list", "--hardship", "-f", "json").stdout)
    assert hardship == []
    total = json.loads(upgraded("reports", "membership", "--year", "2025", "-f", "json").stdout)[
        "total"
    ]
    # working staff on 2025-12-31: 10002 (joined 03-01), 10004, 10005 (退会); 10001 retired
    assert (total["members"], total["staff_count"], total["retirees"]) == (2, 3, 2)


def test_a_left_row_that_meant_leaving_the_hospital_can_be_corrected(upgraded: Cli):
    upgraded("members", "depart", "10005", "--on", "2024-06-30", "--reason", "辞职")
    total = json.loads(upgraded("reports", "membership", "--year", "2025", "-f", "json").stdout)[
        "total"
    ]
    assert (total["members"], total["staff_count"]) == (2, 2)


def test_past_years_count_as_0_1_counted_them(upgraded: Cli):
    """A person is on the roll from their first status period, as 0.1 counted them: 赵敏
    (joined 2012) is not a 2010 non-member. 0.1 said 护理分工会 1 of 2 in 2010."""
    rows = json.loads(upgraded("reports", "membership", "--year", "2010", "-f", "json").stdout)
    nursing = next(r for r in rows["rows"] if r["branch"] == "护理分工会")
    assert (nursing["members"], nursing["staff_count"]) == (1, 2)
    # the non-member 王芳 was "since before the records" in 0.1 and still is
    history = json.loads(upgraded("members", "show", "10002", "-f", "json").stdout)["history"]
    assert [h["start_on"] for h in history if h["change"] == "employment"] == [None]
