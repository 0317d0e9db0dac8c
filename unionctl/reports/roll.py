"""The one definition of "on the roll" and "in good standing" on a day, for every report.

On day D, for each person (from the history periods, unionctl.services.history):
- on the roll (在册): an `employment` period covers D — from the hire date until they leave
  the hospital (离职, 调出) or die. Retirees stay on the roll with employment `retired`;
- working staff (在职职工): on the roll and not retired;
- a member in good standing (在会会员): on the roll and a `status` period `member` covers D;
- their branch on D: the `branch` period covering D (none: no branch).

入会率 on D = working members ÷ working staff; retirees are counted apart. A period
"covers" D when it started on or before D (or before the records) and ends after D.

`ROLL_ON` is an SQL subquery with one row per person on the roll on :day; reports join to
it or aggregate over it. It drives from the employment periods (index
ix_member_period_span) and looks up each person's status and branch by
ix_member_period_lookup (migration 0003), so it is one pass over the roll: linear in its size.
"""

from __future__ import annotations


def covers(alias: str, day: str) -> str:
    """SQL: period `alias` covers the day given by the SQL expression `day`."""
    return (
        f"({alias}.start_on IS NULL OR {alias}.start_on <= {day}) "
        f"AND ({alias}.end_on IS NULL OR {alias}.end_on > {day})"
    )


# Column expressions over the aliases `roll_from` defines.
WORKING = "(e.value <> 'retired')"
IN_GOOD_STANDING = "COALESCE(s.value = 'member', 0)"
BRANCH_ID = "CAST(b.value AS INTEGER)"


def roll_from(day: str = ":day") -> str:
    """SQL FROM fragment: each employment period `e` with the status period `s` and branch
    period `b` covering `day` (an SQL expression: a bind parameter or a column)."""
    return f"""member_period e
    LEFT JOIN member_period s
           ON s.member_id = e.member_id AND s.aspect = 'status' AND {covers("s", day)}
    LEFT JOIN member_period b
           ON b.member_id = e.member_id AND b.aspect = 'branch' AND {covers("b", day)}"""


def roll_where(day: str = ":day") -> str:
    """SQL condition: the employment period `e` puts its person on the roll on `day`."""
    return f"e.aspect = 'employment' AND {covers('e', day)}"


# One row per person on the roll on :day.
ROLL_ON = f"""
SELECT e.member_id AS member_id, e.value AS employment, {WORKING} AS working,
       {IN_GOOD_STANDING} AS member, {BRANCH_ID} AS branch_id
FROM {roll_from()}
WHERE {roll_where()}
"""


def _just_before(alias: str, day: str) -> str:
    """SQL: period `alias` covers the last day before `day` (where a person was when
    something ended on `day`)."""
    return (
        f"({alias}.start_on IS NULL OR {alias}.start_on < {day}) "
        f"AND ({alias}.end_on IS NULL OR {alias}.end_on >= {day})"
    )


def membership_moves(start: str = ":start", end: str = ":day") -> str:
    """Rows (member_id, day, joined, left, working, branch_id): each membership that began
    (joined) or ended (left: 退会, departure, death, transfer out) between `start` and `end`
    while its person was on the roll, placed in the branch and employment of that moment.
    (A membership brought from another union before the hire date is no join here.)"""
    return f"""
    SELECT p.member_id, p.start_on AS day, 1 AS joined, 0 AS left_,
           e.value <> 'retired' AS working, CAST(b.value AS INTEGER) AS branch_id
    FROM member_period p
    JOIN member_period e
           ON e.member_id = p.member_id AND e.aspect = 'employment' AND {covers("e", "p.start_on")}
    LEFT JOIN member_period b
           ON b.member_id = p.member_id AND b.aspect = 'branch' AND {covers("b", "p.start_on")}
    WHERE p.aspect = 'status' AND p.value = 'member' AND p.start_on BETWEEN {start} AND {end}
    UNION ALL
    SELECT p.member_id, p.end_on, 0, 1,
           e.value <> 'retired', CAST(b.value AS INTEGER)
    FROM member_period p
    JOIN member_period e
           ON e.member_id = p.member_id AND e.aspect = 'employment'
          AND {_just_before("e", "p.end_on")}
    LEFT JOIN member_period b
           ON b.member_id = p.member_id AND b.aspect = 'branch'
          AND {_just_before("b", "p.end_on")}
    WHERE p.aspect = 'status' AND p.value = 'member' AND p.end_on BETWEEN {start} AND {end}
    """


def standing_spans() -> str:
    """SQL rows (member_id, employment, start_on, end_on): each stretch in which a person
    is on the roll and a member in good standing — an `employment` period overlapping a
    `member` status period, cut to their overlap (start NULL: before the records; end
    NULL: still). A span covers D exactly when `roll_where(D)` and IN_GOOD_STANDING hold
    for that person on D (tests/test_events.py checks the two agree day by day).

    For counts over many days at once (the eligible members of 5,000 events): the roll on
    one day is one pass over everyone, so counting it per event is quadratic; counting
    spans that start and end by each day is one sort (unionctl.reports.events)."""
    return """
    SELECT e.member_id, e.value AS employment,
           CASE WHEN e.start_on IS NULL THEN s.start_on WHEN s.start_on IS NULL THEN e.start_on
                ELSE max(e.start_on, s.start_on) END AS start_on,
           CASE WHEN e.end_on IS NULL THEN s.end_on WHEN s.end_on IS NULL THEN e.end_on
                ELSE min(e.end_on, s.end_on) END AS end_on
    FROM member_period e
    JOIN member_period s ON s.member_id = e.member_id AND s.aspect = 'status' AND s.value = 'member'
    WHERE e.aspect = 'employment'
      AND (e.end_on IS NULL OR s.start_on IS NULL OR s.start_on < e.end_on)
      AND (s.end_on IS NULL OR e.start_on IS NULL OR e.start_on < s.end_on)
    """


def last_branch_id(member: str, day: str) -> str:
    """SQL: the branch id a person was in on `day`, or last in before it — where aid to
    someone who has left the roll (丧事 after a death) or a gift on their last day is
    counted. A correlated lookup on ix_member_period_lookup (member_id, aspect)."""
    return f"""(SELECT CAST(lb.value AS INTEGER) FROM member_period lb
        WHERE lb.member_id = {member} AND lb.aspect = 'branch'
          AND (lb.start_on IS NULL OR lb.start_on <= {day})
        ORDER BY lb.start_on IS NULL, lb.start_on DESC, lb.id DESC LIMIT 1)"""
