"""Benchmark the roll at city-federation sizes: the membership reports and the import.

Run by hand (never in CI: CI machines are noisy), then copy the printed tables into
bench/README.md with the machine and the date:

    python bench/bench_roll.py reports --sizes 100000,1000000 --repeat 3
    python bench/bench_roll.py import --size 1000000 --repeat 3

`reports` builds a database with a realistic history straight into the tables of the
current schema (after `unionctl init`; executemany, not the CLI import, so 1M members
take seconds), then times `reports membership --by branch|month` as a child process
(median wall time, peak RSS) beside the same SQL in the `sqlite3` shell (`.timer on`,
binds filled in) and prints each query's plan. `--keep DIR` keeps the databases.

`import` writes a roster CSV and loads it three ways into fresh databases:
`unionctl members import`, `sqlite-utils insert … --csv` (if installed) and a plain
sqlite3 executemany of the same rows into a bare table, the ways taking turns, each after
`sync` and a pause (`--settle`).
"""

from __future__ import annotations

import argparse
import datetime as dt
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

from bench_members import BRANCHES, GIVEN, SURNAMES, make_roster

from unionctl.parsing import id_card_check_digit

YEAR = 2024  # the reported year
STAMP = "2026-01-01 00:00:00"


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def build_history(path: Path, size: int, seed: int = 11) -> dict[str, int]:
    """Fill an initialised database with `size` people and their periods.

    About 30 % hired before the records (hire date unknown), 90 % members (some of them
    joined years after their hire date); ~10 % with a later status change (退会 or a late
    入会), ~5 % branch moves, ~4 % departures (离职/调出), ~0.5 % deaths and ~8 % retirees
    (in the retirees' branch). Periods follow services.history: no overlap, no hole."""
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.executemany(
        "INSERT INTO branch (id, name, created_on) VALUES (?, ?, '2020-01-01')",
        [(i + 1, name + "分工会") for i, name in enumerate(BRANCHES)],
    )
    retired_branch = len(BRANCHES)  # 离退休分工会
    working_branches = range(1, retired_branch)
    early = dt.date(1985, 1, 1)
    counts = dict.fromkeys(("status_change", "branch_move", "departed", "deceased", "retired"), 0)
    members, periods = [], []
    flush = 50_000
    for n in range(size):
        mid = n + 1
        hired = None if rng.random() < 0.3 else _day(rng, early, dt.date(2025, 12, 31))
        start = hired or early  # a working date to place later changes after
        employment = rng.choice(("staff", "staff", "contract", "trainee"))
        branch = rng.choice(working_branches)
        member = rng.random() < 0.9
        joined = None
        if member:
            joined = hired if rng.random() < 0.7 else _day(rng, start, dt.date(2026, 1, 31))
            if hired is None and rng.random() < 0.5:
                joined = None  # a member since before the records
        status = "member" if member else "non_member"
        # initial periods, as history.initial_periods writes them
        status_start = joined if member else hired
        rows = [["employment", employment, hired, None], ["status", status, status_start, None]]
        branch_row = ["branch", str(branch), hired, None]
        if hired and joined and joined < hired:
            branch_row[2] = joined
        rows.append(branch_row)
        last = max(d for d in (hired, joined, start) if d)

        def change(aspect: str, value: str | None, on: dt.date, rows=rows) -> None:
            """Close the open period of `aspect` on `on`, open one with `value`."""
            for row in rows:
                if row[0] == aspect and row[3] is None:
                    row[3] = on
            if value is not None:
                rows.append([aspect, value, on, None])

        if last < dt.date(2026, 5, 1) and rng.random() < 0.10:
            on = _day(rng, last + dt.timedelta(days=1), dt.date(2026, 6, 1))
            status = "left" if member else "member"
            if status == "member":
                joined = on
            change("status", status, on)
            counts["status_change"] += 1
            last = on
        if last < dt.date(2026, 5, 1) and rng.random() < 0.05:
            on = _day(rng, last + dt.timedelta(days=1), dt.date(2026, 6, 1))
            branch = rng.choice([b for b in working_branches if b != branch])
            change("branch", str(branch), on)
            counts["branch_move"] += 1
            last = on
        fate = rng.random()
        if last < dt.date(2026, 5, 1) and fate < 0.08:
            on = _day(rng, last + dt.timedelta(days=1), dt.date(2026, 6, 1))
            employment = "retired"
            change("employment", "retired", on)
            change("branch", str(retired_branch), on)
            branch = retired_branch
            counts["retired"] += 1
            last = on
        elif last < dt.date(2026, 5, 1) and fate < 0.125:
            on = _day(rng, last + dt.timedelta(days=1), dt.date(2026, 6, 1))
            status = "deceased" if fate > 0.12 else rng.choice(("departed", "transferred"))
            change("status", status, on)
            change("employment", None, on)
            change("branch", None, on)
            branch = None
            counts["deceased" if status == "deceased" else "departed"] += 1
        year, month, day = rng.randint(1960, 2002), rng.randint(1, 12), rng.randint(1, 28)
        first17 = f"{110100 + n // 1000:06d}{year}{month:02d}{day:02d}{n % 1000:03d}"
        members.append((
            mid, f"{100000 + n}", rng.choice(SURNAMES) + rng.choice(GIVEN),
            "M" if int(first17[16]) % 2 else "F", f"{year}-{month:02d}-{day:02d}",
            f"13{rng.randint(100000000, 999999999)}", first17 + id_card_check_digit(first17),
            f"科室{rng.randint(1, 60)}", branch, employment, status, _iso(joined), _iso(hired),
        ))  # fmt: skip
        periods.extend(
            (mid, aspect, value, _iso(s), _iso(e), STAMP) for aspect, value, s, e in rows
        )
        if len(members) >= flush or n == size - 1:
            conn.executemany(
                "INSERT INTO member (id, emp_no, name, gender, birth_date, phone, id_card, dept, "
                "branch_id, employment, status, joined_on, hired_on, created_at, updated_at) "
                f"VALUES ({', '.join(['?'] * 13)}, '{STAMP}', '{STAMP}')",
                members,
            )
            conn.executemany(
                "INSERT INTO member_period (member_id, aspect, value, start_on, end_on, "
                "recorded_at) VALUES (?, ?, ?, ?, ?, ?)",
                periods,
            )
            members, periods = [], []
    conn.commit()
    counts["periods"] = conn.execute("SELECT count(*) FROM member_period").fetchone()[0]
    conn.close()
    return counts


def run_child(args: list[str], env: dict[str, str], repeat: int) -> tuple[float, float, int, str]:
    """Median wall seconds and median CPU seconds (user + sys) over `repeat` runs, the
    peak RSS in MB, and the last run's stdout. On a shared machine the CPU time is the
    figure to compare: wall time there measures the other tenants too."""
    compiled()
    runs = [timed(args, env) for _ in range(repeat)]
    return (
        statistics.median(r[0] for r in runs),
        statistics.median(r[1] for r in runs),
        max(r[2] for r in runs),
        runs[-1][4],
    )


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, int, int, str]:
    """One run: wall seconds, CPU seconds (user + sys, its children's included), the peak
    RSS of its largest process and the peak memory of all its processes together (PSS,
    sampled every 0.1 s: an import reads ahead in a second process), in MB, and its
    stdout."""
    import threading

    start = time.perf_counter()
    child = subprocess.Popen(
        ["/usr/bin/time", "-f", "%M %U %S", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    tree_peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal tree_peak
        while not done.wait(0.1):
            tree_peak = max(tree_peak, tree_pss_kb(child.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = child.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{err}")
    peak, user, system = err.strip().splitlines()[-1].split()
    return seconds, float(user) + float(system), int(peak) // 1024, tree_peak // 1024, out


def tree_pss_kb(pid: int) -> int:
    """The memory of a process and all its descendants, in KiB (Linux /proc): their
    proportional set sizes, so the pages a forked child shares with its parent count
    once, not once in each RSS."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total


def compiled() -> None:
    """Byte-compile unionctl as `pip install` does. With PYTHONDONTWRITEBYTECODE set (this
    machine's shells set it) an editable checkout is compiled again by every child run:
    ~60 ms of each start-up that no installed copy pays."""
    import compileall

    import unionctl

    compileall.compile_dir(Path(unionctl.__file__).parent, quiet=1)


def filled(sql: str, binds: dict[str, str]) -> str:
    """The SQL with its :name binds replaced by quoted literals, for the sqlite3 shell."""
    return re.sub(r":(\w+)\b", lambda m: f"'{binds[m.group(1)]}'", sql)


def shell_time(db: Path, sql: str, repeat: int) -> tuple[float, float]:
    """Median real and CPU (user + sys) seconds of the query in the sqlite3 shell."""
    script = f".timer on\n.output /dev/null\n{sql.strip().rstrip(';')};\n"
    runs, cpus = [], []
    for _ in range(repeat):
        done = subprocess.run(
            ["sqlite3", str(db)], input=script, capture_output=True, text=True, check=True
        )
        real, user, system = re.findall(
            r"Run Time: real ([\d.]+) user ([\d.]+) sys ([\d.]+)", done.stdout + done.stderr
        )[-1]
        runs.append(float(real))
        cpus.append(float(user) + float(system))
    return statistics.median(runs), statistics.median(cpus)


def query_plan(db: Path, sql: str) -> str:
    conn = sqlite3.connect(db)
    rows = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    conn.close()
    depth = {0: 0}
    lines = []
    for node, parent, _unused, detail in rows:
        depth[node] = depth.get(parent, 0) + 1
        lines.append("  " * (depth[node] - 1) + detail)
    return "\n".join(lines)


def report_queries() -> dict[str, tuple[list[str], str]]:
    from unionctl.reports.membership import BY_BRANCH_SQL, MONTHLY_SQL

    year = {"start": f"{YEAR}-01-01", "end": f"{YEAR}-12-31", "day": f"{YEAR}-12-31"}
    return {
        "by branch": (["--by", "branch"], filled(BY_BRANCH_SQL, year)),
        "by month": (["--by", "month"], filled(MONTHLY_SQL, year)),
    }


def bench_reports(sizes: list[int], repeat: int, keep: Path | None) -> None:
    rows, plans = [], {}
    for size in sizes:
        work = Path(tempfile.mkdtemp(prefix="unionctl-roll-", dir=keep))
        db = work / "union.db"
        env = {**os.environ, "UNIONCTL_DB": str(db), "UNIONCTL_LANG": "en"}
        try:
            subprocess.run([sys.executable, "-m", "unionctl", "init"], env=env, check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
            start = time.perf_counter()
            counts = build_history(db, size)
            print(f"{size:,} people built in {time.perf_counter() - start:.1f} s: {counts}",
                  file=sys.stderr)  # fmt: skip
            for label, (args, sql) in report_queries().items():
                cli = [sys.executable, "-m", "unionctl", "reports", "membership",
                       "--year", str(YEAR), *args, "--format", "csv"]  # fmt: skip
                seconds, cpu, peak, out = run_child(cli, env, repeat)
                shell, shell_cpu = shell_time(db, sql, repeat)
                rows.append((size, label, seconds, cpu, peak, shell, shell_cpu))
                plans[label] = query_plan(db, sql)
                print(
                    f"{size:>9,} {label:<10} CLI {seconds:7.2f} s (CPU {cpu:.2f}) {peak:4d} MB"
                    f"  sqlite3 {shell:7.3f} s (CPU {shell_cpu:.2f})",
                    file=sys.stderr,
                )
                if label == "by branch":
                    print(out, file=sys.stderr)
        finally:
            if keep is None:
                shutil.rmtree(work, ignore_errors=True)
            else:
                print(f"kept {db}", file=sys.stderr)
    print("| people | report | CLI wall (CPU) | CLI peak RSS | same SQL in sqlite3, wall (CPU) |")
    print("|---:|---|---:|---:|---:|")
    for size, label, seconds, cpu, peak, shell, shell_cpu in rows:
        print(f"| {size:,} | `membership --by {label[3:]}` | {seconds:.2f} s ({cpu:.2f} s) "
              f"| {peak} MB | {shell:.2f} s ({shell_cpu:.2f} s) |")  # fmt: skip
    for label, plan in plans.items():
        print(f"\nEXPLAIN QUERY PLAN, {label}:\n```\n{plan}\n```")


EXECUTEMANY = """
import csv, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    conn.execute(f"CREATE TABLE member ({', '.join(header)})")
    marks = ", ".join("?" * len(header))
    conn.executemany(f"INSERT INTO member VALUES ({marks})", reader)
conn.commit()
"""


def bench_import(size: int, keep: Path | None, repeat: int, settle: float) -> None:
    """Each way `repeat` times, the ways taking turns (A B C A B C …), each into a fresh
    file after `sync` and `settle` seconds: the disk's write-back of one run's ~1 GB
    otherwise lands in the next one's time."""
    work = Path(tempfile.mkdtemp(prefix="unionctl-import-", dir=keep))
    roster = work / "roster.csv"
    make_roster(roster, size)
    runs: dict[str, list[tuple]] = {}
    try:
        empty = work / "empty.db"
        init_env = {**os.environ, "UNIONCTL_DB": str(empty), "UNIONCTL_LANG": "en"}
        subprocess.run([sys.executable, "-m", "unionctl", "init"], env=init_env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        db = work / "union.db"
        env = {**os.environ, "UNIONCTL_DB": str(db), "UNIONCTL_LANG": "en"}
        # sqlite-utils beside this Python (a venv's bin need not be on PATH), else on PATH
        beside = Path(sys.executable).with_name("sqlite-utils")
        sqlite_utils = str(beside) if beside.exists() else shutil.which("sqlite-utils")
        ways = [
            ("unionctl members import", db, [sys.executable, "-m", "unionctl", "members",
                                             "import", str(roster), "--create-branches"]),
            ("sqlite-utils insert --csv", work / "su.db", [sqlite_utils or "sqlite-utils",
                                                           "insert", str(work / "su.db"),
                                                           "member", str(roster), "--csv"]),
            ("sqlite3 executemany", work / "em.db", [sys.executable, "-c", EXECUTEMANY,
                                                     str(work / "em.db"), str(roster)]),
        ]  # fmt: skip
        ways = [way for way in ways if way[2][0] != "sqlite-utils"]  # not installed: skipped
        compiled()
        for turn in range(repeat):
            for label, target, args in ways:
                for suffix in ("", "-wal", "-shm"):
                    target.with_name(target.name + suffix).unlink(missing_ok=True)
                if target == db:
                    shutil.copy(empty, db)
                os.sync()
                time.sleep(settle)
                run = timed(args, env)
                runs.setdefault(label, []).append(run)
                print(f"{size:,} {label:<28} turn {turn + 1}: {run[0]:7.2f} s (CPU {run[1]:.2f})"
                      f" {run[2]:5d} MB, all processes {run[3]:5d} MB",
                      file=sys.stderr)  # fmt: skip
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("| rows | way | wall, median (min–max) | CPU (user+sys) | peak: largest RSS / all PSS |")
    print("|---:|---|---:|---:|---:|")
    for label, got in runs.items():
        walls = [r[0] for r in got]
        print(f"| {size:,} | {label} | {statistics.median(walls):.1f} s ({min(walls):.1f}–"
              f"{max(walls):.1f}) | {statistics.median(r[1] for r in got):.1f} s | "
              f"{max(r[2] for r in got)} / {max(r[3] for r in got)} MB |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="what", required=True)
    reports = sub.add_parser("reports")
    reports.add_argument("--sizes", default="100000,1000000")
    reports.add_argument("--repeat", type=int, default=3)
    reports.add_argument("--keep", type=Path)
    imports = sub.add_parser("import")
    imports.add_argument("--size", type=int, default=1_000_000)
    imports.add_argument("--keep", type=Path)
    imports.add_argument("--repeat", type=int, default=3)
    imports.add_argument("--settle", type=float, default=5.0, help="seconds after sync")
    options = parser.parse_args()
    if options.what == "reports":
        bench_reports([int(s) for s in options.sizes.split(",")], options.repeat, options.keep)
    else:
        bench_import(options.size, options.keep, options.repeat, options.settle)


if __name__ == "__main__":
    main()
