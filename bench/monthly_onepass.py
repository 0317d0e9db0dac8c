"""A one-pass `reports membership --by month` stock, proposed for reports/membership.py.

Today's MONTHLY_SQL evaluates the roll at each month end: one pass over the employment
periods per month (12 for a year, 198 for 2010-01 … 2026-06), each with per-person index
lookups. This computes every person's spans once — each employment period (staff or
retirees), and each employment ∩ `member` status period (members) — turns each span into
+1 at the first month end it covers and −1 at the first it no longer covers (month
arithmetic on the ISO text, no join), and takes a running sum over the months.

    python bench/monthly_onepass.py DB START END

prints both CPU times and whether the (members, staff, retired members, retirees) of
every month agree with MONTHLY_SQL. Run by hand; not used by unionctl.
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_roll import filled

from unionctl.reports.membership import MONTHLY_SQL

# Index of the month of ISO date `x`, counted from :start's month.
_MONTH = (
    "((CAST(substr({x}, 1, 4) AS INT) - CAST(substr(:start, 1, 4) AS INT)) * 12"
    " + CAST(substr({x}, 6, 2) AS INT) - CAST(substr(:start, 6, 2) AS INT))"
)


def _first_covered(x: str, if_null: str) -> str:
    """SQL: the index of the first month whose (clamped) last day is on or after `x`."""
    return (
        f"CASE WHEN {x} IS NULL THEN {if_null} WHEN {x} > :end THEN (SELECT k FROM nk) "
        f"WHEN {x} < :start THEN 0 ELSE {_MONTH.format(x=x)} END"
    )


ONE_PASS_STOCK = f"""
WITH RECURSIVE months(first, last) AS (
    SELECT :start, min(date(:start, 'start of month', '+1 month', '-1 day'), :end)
    UNION ALL
    SELECT date(first, 'start of month', '+1 month'),
           min(date(first, 'start of month', '+2 month', '-1 day'), :end)
    FROM months WHERE date(first, 'start of month', '+1 month') <= :end
),
nk(k) AS (SELECT count(*) FROM months),
spans(working, member, lo, hi) AS (
    SELECT e.value <> 'retired', 0, e.start_on, e.end_on
    FROM member_period e WHERE e.aspect = 'employment'
    UNION ALL
    SELECT e.value <> 'retired', 1,
           CASE WHEN e.start_on IS NULL THEN s.start_on WHEN s.start_on IS NULL THEN e.start_on
                ELSE max(e.start_on, s.start_on) END,
           CASE WHEN e.end_on IS NULL THEN s.end_on WHEN s.end_on IS NULL THEN e.end_on
                ELSE min(e.end_on, s.end_on) END
    FROM member_period e JOIN member_period s
      ON s.member_id = e.member_id AND s.aspect = 'status' AND s.value = 'member'
     AND (s.end_on IS NULL OR e.start_on IS NULL OR s.end_on > e.start_on)
     AND (e.end_on IS NULL OR s.start_on IS NULL OR e.end_on > s.start_on)
    WHERE e.aspect = 'employment'
),
marks(working, member, a, z) AS (
    SELECT working, member, {_first_covered("lo", "0")},
           {_first_covered("hi", "(SELECT k FROM nk)")}
    FROM spans
),
deltas(k, working, member, d) AS (
    SELECT a, working, member, count(*) FROM marks WHERE a < z GROUP BY 1, 2, 3
    UNION ALL
    SELECT z, working, member, -count(*) FROM marks
    WHERE a < z AND z < (SELECT k FROM nk) GROUP BY 1, 2, 3
),
per_month AS (
    SELECT k,
           SUM(CASE WHEN member AND working THEN d END) AS members,
           SUM(CASE WHEN NOT member AND working THEN d END) AS staff,
           SUM(CASE WHEN member AND NOT working THEN d END) AS retired_members,
           SUM(CASE WHEN NOT member AND NOT working THEN d END) AS retirees
    FROM deltas GROUP BY k
),
numbered AS (SELECT first, row_number() OVER (ORDER BY first) - 1 AS k FROM months)
SELECT n.first,
       SUM(COALESCE(p.members, 0)) OVER w, SUM(COALESCE(p.staff, 0)) OVER w,
       SUM(COALESCE(p.retired_members, 0)) OVER w, SUM(COALESCE(p.retirees, 0)) OVER w
FROM numbered n LEFT JOIN per_month p ON p.k = n.k
WINDOW w AS (ORDER BY n.k ROWS UNBOUNDED PRECEDING)
ORDER BY n.k
"""


def main() -> None:
    db, start, end = sys.argv[1:4]
    binds = {"start": start, "end": end, "day": end}
    conn = sqlite3.connect(db)
    clock = time.process_time()
    new = conn.execute(filled(ONE_PASS_STOCK, binds)).fetchall()
    one_pass = time.process_time() - clock
    clock = time.process_time()
    old = conn.execute(filled(MONTHLY_SQL, binds)).fetchall()
    current = time.process_time() - clock
    same = [tuple(r) for r in new] == [(o[0], o[1], o[2], o[5], o[6]) for o in old]
    print(f"one pass {one_pass:.2f} s CPU, MONTHLY_SQL {current:.2f} s CPU, "
          f"{len(new)} months, same figures: {same}")  # fmt: skip


if __name__ == "__main__":
    main()
