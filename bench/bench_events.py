"""Benchmark events at the size of issue 9: 2,000,000 attendance rows over 50,000 members
and 5,000 events.

Run by hand (never in CI), then copy the printed table into bench/README.md:

    python bench/bench_events.py --members 50000 --events 5000 --attendance 2000000

Builds the roll with bench_roll.build_history (its year, 2024), then 5,000 events of
that year straight into the tables (executemany), one of them with 3,000 attendees, and
2,000,000 attendance rows. Times, as a child process (median wall, CPU, peak RSS):
`reports events --by kind --year 2024` and `events show` of the 3,000-person event,
each beside the same SQL in the `sqlite3` shell; and `events attend --file` of a
20,000-line sign-in sheet (by employee number, some lines twice) into a fresh event.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_roll import YEAR, build_history, filled, query_plan, run_child

KINDS = ("culture", "sports", "training", "competition", "education", "volunteer",
         "health", "holiday", "meeting", "outing", "other")  # fmt: skip
AUDIENCES = ("all",) * 6 + ("women", "retirees", "youth", "children")
BIG = 3_000


def build_events(db: Path, events: int, attendance: int, seed: int = 9) -> int:
    """Fill the event tables; returns the id of the 3,000-person event."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    members = [row[0] for row in conn.execute("SELECT id FROM member")]
    rows = []
    for n in range(1, events + 1):
        day = f"{YEAR}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        audience = rng.choice(AUDIENCES)
        eligible = rng.randint(50, 500) if audience == "children" else None
        budget = rng.randint(1, 500) * 10000
        rows.append((n, f"活动{n}", rng.choice(KINDS), day, audience, eligible, budget,
                     int(budget * rng.uniform(0.8, 1.05)), rng.random() < 0.05,
                     rng.choice((0, 0, 0, 20, 200)), "2026-01-01 00:00:00"))  # fmt: skip
    conn.executemany(
        "INSERT INTO event (id, title, kind, start_on, audience, eligible, budget, cost, "
        "external, headcount, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    big = 1
    conn.executemany(
        "INSERT INTO event_attendance VALUES (?, ?)", ((big, m) for m in members[:BIG])
    )
    left = attendance - BIG
    per_event = left // (events - 1)
    for n in range(2, events + 1):
        count = per_event + (left - per_event * (events - 1) if n == events else 0)
        conn.executemany(
            "INSERT OR IGNORE INTO event_attendance VALUES (?, ?)",
            ((n, m) for m in rng.sample(members, min(count, len(members)))),
        )
    conn.executemany(
        "INSERT INTO event_award (event_id, team, prize, level) VALUES (?, ?, ?, ?)",
        ((rng.randint(1, events), "队", "一等奖", rng.choice(("hospital", "city", "province")))
         for _ in range(events // 5)),
    )  # fmt: skip
    conn.commit()
    total = conn.execute("SELECT count(*) FROM event_attendance").fetchone()[0]
    conn.close()
    print(f"{events:,} events, {total:,} attendance rows", file=sys.stderr)
    return big


def shell_time(db: Path, sql: str, repeat: int) -> tuple[float, float]:
    """Median real and CPU seconds of all the statements in the sqlite3 shell (`.timer`
    prints one line per statement: a report of several queries is their sum)."""
    script = f".timer on\n.output /dev/null\n{sql.strip().rstrip(';')};\n"
    runs, cpus = [], []
    for _ in range(repeat):
        done = subprocess.run(
            ["sqlite3", str(db)], input=script, capture_output=True, text=True, check=True
        )
        times = re.findall(
            r"Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)", done.stdout + done.stderr
        )
        runs.append(sum(float(real) for real, _u, _s in times))
        cpus.append(sum(float(user) + float(system) for _r, user, system in times))
    return statistics.median(runs), statistics.median(cpus)


def signin_sheet(db: Path, path: Path, lines: int) -> None:
    conn = sqlite3.connect(db)
    numbers = [row[0] for row in conn.execute("SELECT emp_no FROM member LIMIT ?", (lines,))]
    conn.close()
    with path.open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream)
        out.writerow(["序号", "工号"])
        for i in range(lines):
            out.writerow([i + 1, numbers[i % len(numbers)]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--attendance", type=int, default=2_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--reuse", type=Path, help="A database kept by an earlier run.")
    options = parser.parse_args()
    from unionctl.reports.events import TOTAL_SQL, _report_sql

    work = Path(tempfile.mkdtemp(prefix="unionctl-events-", dir=options.keep))
    db = work / "union.db"
    env = {**os.environ, "UNIONCTL_DB": str(db), "UNIONCTL_LANG": "en",
           "UNIONCTL_TODAY": f"{YEAR + 1}-06-30"}  # fmt: skip
    unionctl = [sys.executable, "-m", "unionctl"]
    rows = []
    try:
        if options.reuse:
            shutil.copy(options.reuse, db)
            big = 1
        else:
            subprocess.run([*unionctl, "init"], env=env, check=True, stdout=subprocess.DEVNULL)
            start = time.perf_counter()
            build_history(db, options.members)
            big = build_events(db, options.events, options.attendance)
            print(f"built in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        binds = {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31", "day": f"{YEAR}-12-31",
                 "id": str(big)}  # fmt: skip
        report_sql = filled(_report_sql("kind"), binds) + ";\n" + filled(TOTAL_SQL, binds)
        from unionctl.reports.events import SHOW_SQL

        show_sql = ";\n".join(filled(sql, binds) for sql in SHOW_SQL)
        cases = [
            ("reports events --by kind --year", ["reports", "events", "--by", "kind",
                                                 "--year", str(YEAR)], report_sql),
            ("events show (3,000 attended)", ["events", "show", str(big)], show_sql),
        ]  # fmt: skip
        for label, args, sql in cases:
            seconds, cpu, peak, _out = run_child(
                [*unionctl, *args, "--format", "csv"], env, options.repeat
            )
            shell, shell_cpu = shell_time(db, sql, options.repeat)
            rows.append((label, seconds, cpu, peak, shell, shell_cpu))
            print(f"{label}: CLI {seconds:.2f} s (CPU {cpu:.2f}), {peak} MB; "
                  f"sqlite3 {shell:.2f} s (CPU {shell_cpu:.2f})", file=sys.stderr)  # fmt: skip
        print(query_plan(db, filled(_report_sql("kind"), binds)), file=sys.stderr)
        sheet = work / "签到表.csv"
        signin_sheet(db, sheet, 20_000)
        title = f"全院大会{time.time_ns()}"
        add = [*unionctl, "events", "add", title, "--kind", "meeting", "--on", f"{YEAR}-12-30"]
        subprocess.run(add, env=env, check=True, stdout=subprocess.DEVNULL)
        conn = sqlite3.connect(db)
        fresh = str(conn.execute("SELECT max(id) FROM event").fetchone()[0])
        conn.close()
        seconds, cpu, peak, _out = run_child(
            [*unionctl, "events", "attend", fresh, "--file", str(sheet)], env, 1
        )
        rows.append(("events attend --file (20,000 lines)", seconds, cpu, peak, None, None))
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"kept {db}", file=sys.stderr)
    print("| command | CLI wall (CPU) | peak RSS | same SQL in sqlite3, wall (CPU) |")
    print("|---|---:|---:|---:|")
    for label, seconds, cpu, peak, shell, shell_cpu in rows:
        same = f"{shell:.2f} s ({shell_cpu:.2f} s)" if shell is not None else "—"
        print(f"| `{label}` | {seconds:.2f} s ({cpu:.2f} s) | {peak} MB | {same} |")


if __name__ == "__main__":
    main()
