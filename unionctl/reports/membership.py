"""Membership over a period, computed in SQL from the status/branch periods.

- members: in good standing (status period `member`) on the period's last day;
- staff: on the roll that day (status `member` or `non_member`); 入会率 = members / staff;
- joined: membership periods starting inside the period; left: ones ending inside it,
  by branch counted in the branch the person was in on that day.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

from unionctl.parsing import Period
from unionctl.render import Column, Table

_ON_DATE = "(p.start_on IS NULL OR p.start_on <= :day) AND (p.end_on IS NULL OR p.end_on > :day)"

MEMBERSHIP_SQL = f"""
WITH status_on AS (
    SELECT p.member_id, p.value AS status FROM member_period p
    WHERE p.aspect = 'status' AND {_ON_DATE}
),
branch_on AS (
    SELECT p.member_id, CAST(p.value AS INTEGER) AS branch_id FROM member_period p
    WHERE p.aspect = 'branch' AND {_ON_DATE}
),
roll AS (
    SELECT b.branch_id,
           SUM(s.status = 'member') AS members,
           SUM(s.status IN ('member', 'non_member')) AS staff
    FROM status_on s LEFT JOIN branch_on b ON b.member_id = s.member_id
    GROUP BY b.branch_id
),
moves AS (
    SELECT p.member_id, p.start_on AS day, 1 AS joined, 0 AS left_ FROM member_period p
    WHERE p.aspect = 'status' AND p.value = 'member' AND p.start_on BETWEEN :start AND :day
    UNION ALL
    SELECT p.member_id, p.end_on, 0, 1 FROM member_period p
    WHERE p.aspect = 'status' AND p.value = 'member' AND p.end_on BETWEEN :start AND :day
),
flow AS (
    SELECT (SELECT CAST(b.value AS INTEGER) FROM member_period b
            WHERE b.member_id = m.member_id AND b.aspect = 'branch'
              AND (b.start_on IS NULL OR b.start_on <= m.day)
            ORDER BY b.start_on IS NULL, b.start_on DESC, b.id DESC LIMIT 1) AS branch_id,
           SUM(m.joined) AS joined, SUM(m.left_) AS left_
    FROM moves m GROUP BY 1
),
keys AS (
    SELECT id AS branch_id FROM branch
    UNION SELECT branch_id FROM roll UNION SELECT branch_id FROM flow
)
SELECT k.branch_id, br.name,
       COALESCE(r.members, 0), COALESCE(r.staff, 0),
       COALESCE(f.joined, 0), COALESCE(f.left_, 0)
FROM keys k
LEFT JOIN branch br ON br.id = k.branch_id
LEFT JOIN roll r ON r.branch_id IS k.branch_id
LEFT JOIN flow f ON f.branch_id IS k.branch_id
ORDER BY k.branch_id IS NULL, k.branch_id
"""


# What every membership table reports, after its first (grouping) column.
FIGURES = (
    Column("members", "int"),
    Column("staff_count", "int"),
    Column("membership_rate", "percent"),
    Column("joined", "int"),
    Column("left", "int"),
    Column("net", "signed"),
)


def _rate(members: int, staff: int) -> float | None:
    return members / staff if staff else None


def membership_by_branch(session: Session, period: Period) -> Table:
    rows = (
        session.connection()
        .execute(
            text(MEMBERSHIP_SQL).bindparams(
                start=period.start.isoformat(), day=period.end.isoformat()
            )
        )
        .all()
    )
    body = []
    totals = [0, 0, 0, 0]
    for _branch_id, name, members, staff, joined, left in rows:
        if not (members or staff or joined or left) and name is None:
            continue
        body.append(
            (name or "—", members, staff, _rate(members, staff), joined, left, joined - left)
        )
        for i, value in enumerate((members, staff, joined, left)):
            totals[i] += value
    members, staff, joined, left = totals
    return Table(
        key="membership",
        title="t_membership",
        title_suffix=period.label(),
        columns=(Column("branch"), *FIGURES),
        rows=body,
        total=(None, members, staff, _rate(members, staff), joined, left, joined - left),
    )


MONTHLY_SQL = """
WITH RECURSIVE months(first, last) AS (
    SELECT :start, min(date(:start, 'start of month', '+1 month', '-1 day'), :end)
    UNION ALL
    SELECT date(first, 'start of month', '+1 month'),
           min(date(first, 'start of month', '+2 month', '-1 day'), :end)
    FROM months WHERE date(first, 'start of month', '+1 month') <= :end
)
SELECT m.first,
    (SELECT count(*) FROM member_period p
     WHERE p.aspect = 'status' AND p.value = 'member'
       AND (p.start_on IS NULL OR p.start_on <= m.last)
       AND (p.end_on IS NULL OR p.end_on > m.last)),
    (SELECT count(*) FROM member_period p
     WHERE p.aspect = 'status' AND p.value IN ('member', 'non_member')
       AND (p.start_on IS NULL OR p.start_on <= m.last)
       AND (p.end_on IS NULL OR p.end_on > m.last)),
    (SELECT count(*) FROM member_period p
     WHERE p.aspect = 'status' AND p.value = 'member' AND p.start_on BETWEEN m.first AND m.last),
    (SELECT count(*) FROM member_period p
     WHERE p.aspect = 'status' AND p.value = 'member' AND p.end_on BETWEEN m.first AND m.last)
FROM months m ORDER BY m.first
"""


def membership_by_month(session: Session, period: Period) -> Table:
    """Month by month: members and 入会率 at each month's end, joined and left within it."""
    rows = (
        session.connection()
        .execute(
            text(MONTHLY_SQL).bindparams(start=period.start.isoformat(), end=period.end.isoformat())
        )
        .all()
    )
    body = [
        (first[:7], members, staff, _rate(members, staff), joined, left, joined - left)
        for first, members, staff, joined, left in rows
    ]
    joined = sum(r[4] for r in body)
    left = sum(r[5] for r in body)
    last = body[-1] if body else (None, 0, 0, None)
    return Table(
        key="membership",
        title="t_membership_month",
        title_suffix=period.label(),
        columns=(Column("month"), *FIGURES),
        rows=body,
        total=(None, last[1], last[2], last[3], joined, left, joined - left),
    )
