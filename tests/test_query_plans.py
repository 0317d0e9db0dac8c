"""The roll's reports stay linear: each person's status and branch are looked up by
their own periods, never by a search over everyone's (bench/README.md: a lookup by
`aspect` alone made `reports membership --by branch` quadratic, 100,000 members > 6 min).

The plan depends on the schema, not the data, so a small real database shows it."""

from __future__ import annotations

import re
import sqlite3

import pytest
from conftest import Cli

from unionctl.reports.membership import BY_BRANCH_SQL, MONTHLY_SQL

BINDS = {"start": "2024-01-01", "end": "2024-12-31", "day": "2024-12-31"}


def _plan(db, sql: str) -> list[str]:
    literal = re.sub(r":(\w+)\b", lambda m: f"'{BINDS[m.group(1)]}'", sql)
    conn = sqlite3.connect(db)
    try:
        return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + literal)]
    finally:
        conn.close()


@pytest.mark.parametrize("sql", [BY_BRANCH_SQL, MONTHLY_SQL], ids=["by_branch", "by_month"])
def test_period_joins_look_up_one_person(roll: Cli, sql: str):
    plan = _plan(roll.db, sql)
    period_joins = [
        line for line in plan if line.endswith("LEFT-JOIN") and "INDEX ix_member_period" in line
    ]
    assert period_joins, plan
    for line in period_joins:
        assert "member_id=?" in line, "\n".join(plan)
