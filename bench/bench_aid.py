"""Benchmark aid at the size of issue 8: 500,000 gifts over four years to 50,000 members.

Run by hand (never in CI), then copy the printed table into bench/README.md:

    python bench/bench_aid.py --members 50000 --aid 500000 --repeat 3

Builds the roll with bench_roll.build_history, then straight into the tables
(executemany): `--aid` gifts spread over 2022–2025 (every kind; ~2 % to outsiders, ~15 %
with goods, a few flagged over the cap or unregistered), 3,000 hardship records (some
closed as 脱困) and 6,000 reported occasions (aid_plan, a third still open). Times, as a
child process (median wall, CPU, peak RSS): `reports aid --by kind --year 2025`,
`aid due --month 2025-12`, and `aid list --format csv` for a month and for the year (the
year's peak RSS should be the month's: the rows stream), each beside the same SQL in the
`sqlite3` shell.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_events import shell_time
from bench_roll import build_history, filled, query_plan, run_child

YEARS = (2022, 2023, 2024, 2025)
YEAR = YEARS[-1]  # the reported year
MONTH = f"{YEAR}-12"
TODAY = f"{YEAR + 1}-06-30"
STAMP = "2026-01-01 00:00:00"
# (kind, weight, usual cash in fen): holiday greetings and birthdays are most of it
KINDS = (
    ("holiday", 38, 30000), ("birthday", 24, 20000), ("cooling", 10, 10000),
    ("illness", 8, 50000), ("hardship", 5, 200000), ("bereavement", 3, 100000),
    ("wedding", 2, 50000), ("childbirth", 2, 50000), ("retirement", 2, 100000),
    ("critical_illness", 1, 1000000), ("disaster", 1, 300000), ("mutual_medical", 2, 150000),
    ("insurance", 1, 8000), ("other", 1, 20000),
)  # fmt: skip
GOODS = ("米面油", "月饼", "水果", "清凉饮品", "慰问品")
SOURCES = ("union",) * 18 + ("donation", "hospital")
HARDSHIP = ("hardship", "critical_illness")


def build_aid(db: Path, aid: int, seed: int = 8) -> None:
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA synchronous = OFF")
    members = [row[0] for row in conn.execute("SELECT id FROM member")]
    kinds = [k for k, _w, _c in KINDS]
    weights = [w for _k, w, _c in KINDS]
    cash = {k: c for k, _w, c in KINDS}
    rows = []
    for n in range(1, aid + 1):
        year = rng.choice(YEARS)
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        kind = rng.choices(kinds, weights)[0]
        outsider = rng.random() < 0.02
        member = None if outsider else rng.choice(members)
        goods = goods_value = None
        amount = cash[kind]
        if rng.random() < 0.15:
            goods, goods_value = rng.choice(GOODS), rng.randint(5, 50) * 1000
            if rng.random() < 0.5:
                amount = 0
        over_cap = not outsider and rng.random() < 0.005
        unregistered = kind in HARDSHIP and (outsider or rng.random() < 0.1)
        rows.append((
            n, member, f"外单位{n % 500}" if outsider else None, kind, day, amount, goods,
            goods_value or 0, rng.choice(("张三", "李四", None)), rng.choice(SOURCES),
            "补录" if over_cap or unregistered else None, over_cap, unregistered, STAMP,
        ))  # fmt: skip
        if len(rows) == 100_000 or n == aid:
            conn.executemany(
                "INSERT INTO aid (id, member_id, outsider, kind, given_on, amount, goods, "
                "goods_value, visited_by, source, note, over_cap, unregistered, created_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            rows = []
    records = []
    for n, member in enumerate(rng.sample(members, min(3_000, len(members) // 2)), start=1):
        registered = f"{rng.choice(YEARS)}-{rng.randint(1, 12):02d}-01"
        closed = reason = None
        if rng.random() < 0.3:
            closed = f"{rng.choice(YEARS[1:])}-{rng.randint(1, 12):02d}-15"
            closed = max(closed, registered)
            reason = rng.choice(("脱困", "脱困", "离职"))
        records.append((n, member, rng.choice(("深度", "一般")), "大病", registered, closed,
                        reason))  # fmt: skip
    conn.executemany(
        "INSERT INTO hardship_record (id, member_id, tier, reason, registered_on, closed_on, "
        "close_reason) VALUES (?,?,?,?,?,?,?)",
        records,
    )
    plans = [
        (n, rng.choice(members), rng.choice(("illness", "bereavement", "wedding")),
         f"{rng.choice(YEARS)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
         None if rng.random() < 0.33 else rng.randint(1, aid), STAMP)
        for n in range(1, 6_001)
    ]  # fmt: skip
    conn.executemany(
        "INSERT INTO aid_plan (id, member_id, kind, reported_on, aid_id, created_at) "
        "VALUES (?,?,?,?,?,?)",
        plans,
    )
    conn.commit()
    conn.execute("ANALYZE")
    total = conn.execute("SELECT count(*), sum(given_on LIKE ?) FROM aid", (f"{YEAR}%",))
    count, this_year = total.fetchone()
    conn.close()
    print(f"{count:,} aid rows ({this_year:,} in {YEAR}), 3,000 hardship records, "
          "6,000 plans", file=sys.stderr)  # fmt: skip


def same_sql() -> dict[str, str]:
    """Every statement each command runs, binds filled in, for the sqlite3 shell."""
    from unionctl.reports.aid import DUE_SQL, FLAG_SQL, GROUPS, REGISTER_SQL, REPORT_SQL

    year = {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31"}
    month = {"start": f"{MONTH}-01", "end": f"{MONTH}-31"}
    expression, _column, order = GROUPS["kind"]
    report = ";\n".join(
        filled(sql, year)
        for sql in (
            REPORT_SQL.format(group=expression, join="", grouping=expression,
                              order=order.format(col="grp")),
            REPORT_SQL.format(group="NULL", join="", grouping="1", order="1"),
            REGISTER_SQL,
        )
    )  # fmt: skip
    due = filled(DUE_SQL, {**month, "day": f"{MONTH}-31", "year": str(YEAR), "mm": MONTH[5:],
                           "men_born": f"{YEAR - 60}-{MONTH[5:]}",
                           "women_born": f"{YEAR - 55}-{MONTH[5:]}",
                           "year_start": f"{YEAR}-01-01"})  # fmt: skip
    # reports.aid.aid_list builds these in the function: the same text, with a period
    where = "1 = 1 AND a.given_on BETWEEN :start AND :end"
    listing = f"""
    SELECT sum(a.amount), sum(a.goods_value) FROM aid a WHERE {where};
    SELECT a.id, a.given_on, a.kind, m.emp_no, COALESCE(m.name, a.outsider), m.dept,
           a.amount, a.goods, NULLIF(a.goods_value, 0), a.source, a.visited_by, {FLAG_SQL},
           a.note
    FROM aid a LEFT JOIN member m ON m.id = a.member_id
    WHERE {where}
    ORDER BY a.given_on, a.id
    """
    return {
        "report": report,
        "due": due,
        "list month": filled(listing, month),
        "list year": filled(listing, year),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--aid", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--reuse", type=Path, help="A database kept by an earlier run.")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="unionctl-aid-", dir=options.keep))
    db = work / "union.db"
    env = {**os.environ, "UNIONCTL_DB": str(db), "UNIONCTL_LANG": "en", "UNIONCTL_TODAY": TODAY}
    unionctl = [sys.executable, "-m", "unionctl"]
    rows = []
    try:
        if options.reuse:
            shutil.copy(options.reuse, db)
        else:
            subprocess.run([*unionctl, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
            start = time.perf_counter()
            build_history(db, options.members)
            build_aid(db, options.aid)
            print(f"built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        sql = same_sql()
        cases = [
            (f"reports aid --by kind --year {YEAR}",
             ["reports", "aid", "--by", "kind", "--year", str(YEAR)], sql["report"]),
            (f"aid due --month {MONTH}", ["aid", "due", "--month", MONTH], sql["due"]),
            (f"aid list --month {MONTH} --format csv",
             ["aid", "list", "--month", MONTH], sql["list month"]),
            (f"aid list --year {YEAR} --format csv",
             ["aid", "list", "--year", str(YEAR)], sql["list year"]),
        ]  # fmt: skip
        for label, args, statements in cases:
            seconds, cpu, peak, out = run_child(
                [*unionctl, *args, "--format", "csv"], env, options.repeat
            )
            shell, shell_cpu = shell_time(db, statements, options.repeat)
            lines = out.count("\n")
            rows.append((label, lines, seconds, cpu, peak, shell, shell_cpu))
            print(f"{label}: {lines:,} lines; CLI {seconds:.2f} s (CPU {cpu:.2f}), {peak} MB; "
                  f"sqlite3 {shell:.2f} s (CPU {shell_cpu:.2f})", file=sys.stderr)  # fmt: skip
            if label.startswith("reports"):
                print(out, file=sys.stderr)
        for name in ("report", "due"):
            first = sql[name].split(";\n")[0]
            print(f"EXPLAIN QUERY PLAN, {name}:\n{query_plan(db, first)}", file=sys.stderr)
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {db}", file=sys.stderr)
    print("| command | lines out | CLI wall (CPU) | peak RSS | same SQL in sqlite3, wall (CPU) |")
    print("|---|---:|---:|---:|---:|")
    for label, lines, seconds, cpu, peak, shell, shell_cpu in rows:
        print(f"| `{label}` | {lines:,} | {seconds:.2f} s ({cpu:.2f} s) | {peak} MB "
              f"| {shell:.2f} s ({shell_cpu:.2f} s) |")  # fmt: skip


if __name__ == "__main__":
    main()
