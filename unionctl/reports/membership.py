"""Membership over a period, computed in SQL on the one roll definition (reports.roll).

- staff: working staff on the roll on the period's last day; members: those of them in
  good standing; 入会率 = members / staff;
- joined / left: memberships of working staff beginning / ending inside the period
  (left: 退会, leaving the hospital, death, transfer out), each counted in the branch the
  person was in at that moment;
- retirees and retired members: on the roll that day, in columns of their own, never
  mixed into 入会率.
"""

from __future__ import annotations

from unionctl.db.reader import Reader
from unionctl.parsing import Period
from unionctl.render import Column, Table
from unionctl.reports.roll import (
    BRANCH_ID,
    IN_GOOD_STANDING,
    WORKING,
    membership_moves,
    roll_from,
    roll_where,
)

BY_BRANCH_SQL = f"""
WITH stock AS (
    SELECT {WORKING} AS working, {BRANCH_ID} AS branch_id,
           SUM({IN_GOOD_STANDING}) AS members, COUNT(*) AS staff
    FROM {roll_from()}
    WHERE {roll_where()}
    GROUP BY 1, 2
),
flow AS (
    SELECT working, branch_id, SUM(joined) AS joined, SUM(left_) AS left_
    FROM ({membership_moves()}) GROUP BY 1, 2
),
keys AS (SELECT working, branch_id FROM stock UNION SELECT working, branch_id FROM flow)
SELECT k.working, br.name,
       COALESCE(s.members, 0), COALESCE(s.staff, 0),
       COALESCE(f.joined, 0), COALESCE(f.left_, 0)
FROM keys k
LEFT JOIN branch br ON br.id = k.branch_id
LEFT JOIN stock s ON s.working = k.working AND s.branch_id IS k.branch_id
LEFT JOIN flow f ON f.working = k.working AND f.branch_id IS k.branch_id
ORDER BY k.branch_id IS NULL, k.branch_id, k.working DESC
"""

# What every membership table reports, after its first (grouping) column.
FIGURES = (
    Column("members", "int"),
    Column("staff_count", "int"),
    Column("membership_rate", "percent"),
    Column("joined", "int"),
    Column("left", "int"),
    Column("net", "signed"),
    Column("retired_members", "int"),
    Column("retirees", "int"),
)


def rate(part: int, whole: int) -> float | None:
    """A ratio, or None (shown as —) when there is nothing to divide by."""
    return part / whole if whole else None


def _figures(members, staff, joined, left, retired_members, retirees) -> tuple:
    return (
        members,
        staff,
        rate(members, staff),
        joined,
        left,
        joined - left,
        retired_members,
        retirees,
    )


def membership_by_branch(db: Reader, period: Period) -> Table:
    """Each branch on the period's last day, with the 合计 row."""
    rows = db.execute(
        BY_BRANCH_SQL, {"start": period.start.isoformat(), "day": period.end.isoformat()}
    ).all()
    by_branch: dict[str | None, list[int]] = {}
    for working, name, members, staff, joined, left in rows:
        figures = by_branch.setdefault(name, [0] * 6)
        if working:
            for i, value in enumerate((members, staff, joined, left)):
                figures[i] += value
        else:
            figures[4] += members
            figures[5] += staff
    body = [
        (name or "—", *_figures(*figures)) for name, figures in by_branch.items() if any(figures)
    ]
    totals = [sum(f[i] for f in by_branch.values()) for i in range(6)]
    return Table(
        key="membership",
        title="t_membership",
        title_suffix=period.label(),
        columns=(Column("branch"), *FIGURES),
        rows=body,
        total=(None, *_figures(*totals)),
    )


MONTHLY_SQL = f"""
WITH RECURSIVE months(first, last) AS (
    SELECT :start, min(date(:start, 'start of month', '+1 month', '-1 day'), :end)
    UNION ALL
    SELECT date(first, 'start of month', '+1 month'),
           min(date(first, 'start of month', '+2 month', '-1 day'), :end)
    FROM months WHERE date(first, 'start of month', '+1 month') <= :end
),
stock AS (
    SELECT m.first,
           SUM({IN_GOOD_STANDING} * {WORKING}) AS members, SUM({WORKING}) AS staff,
           SUM({IN_GOOD_STANDING} * NOT {WORKING}) AS retired_members,
           SUM(NOT {WORKING}) AS retirees
    FROM months m, {roll_from("m.last")}
    WHERE {roll_where("m.last")}
    GROUP BY m.first
),
flow AS (
    SELECT substr(day, 1, 7) AS month, SUM(joined) AS joined, SUM(left_) AS left_
    FROM ({membership_moves(":start", ":end")}) WHERE working GROUP BY 1
)
SELECT m.first, COALESCE(s.members, 0), COALESCE(s.staff, 0),
       COALESCE(f.joined, 0), COALESCE(f.left_, 0),
       COALESCE(s.retired_members, 0), COALESCE(s.retirees, 0)
FROM months m
LEFT JOIN stock s ON s.first = m.first
LEFT JOIN flow f ON f.month = substr(m.first, 1, 7)
ORDER BY m.first
"""


def membership_by_month(db: Reader, period: Period) -> Table:
    """Month by month: members and 入会率 at each month's end, joined and left within it."""
    rows = db.execute(
        MONTHLY_SQL, {"start": period.start.isoformat(), "end": period.end.isoformat()}
    ).all()
    body = [(first[:7], *_figures(*figures)) for first, *figures in rows]
    joined = sum(r[4] for r in body)
    left = sum(r[5] for r in body)
    last = body[-1] if body else (None, 0, 0, None, 0, 0, 0, 0, 0)
    return Table(
        key="membership",
        title="t_membership_month",
        title_suffix=period.label(),
        columns=(Column("month"), *FIGURES),
        rows=body,
        total=(None, last[1], last[2], last[3], joined, left, joined - left, last[7], last[8]),
    )
