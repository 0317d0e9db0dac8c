"""Benchmark the member roll at the sizes a city-wide health union reaches.

Run by hand (never in CI: CI machines are noisy), then copy the printed table into
bench/README.md with the machine and date:

    python bench/bench_members.py --sizes 10000,100000

Each step runs the real `unionctl` in a child process and reports the median wall time
of --repeat runs and the peak resident memory of the slowest (GNU time's %M).
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from unionctl.parsing import id_card_check_digit

BRANCHES = ["机关", "内科", "外科", "妇儿", "护理", "医技", "后勤", "门诊", "急诊", "离退休"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅燕鹏飞"


def make_roster(path: Path, size: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["emp_no", "name", "birth_date", "id_card", "phone", "dept", "branch",
                         "employment", "status", "joined_on"])  # fmt: skip
        for n in range(size):
            year, month, day = rng.randint(1960, 2002), rng.randint(1, 12), rng.randint(1, 28)
            birth = f"{year}{month:02d}{day:02d}"
            # region (110100…: a real area code, never …0000) and sequence from n: unique
            # numbers whatever the birth dates
            first17 = f"{110100 + n // 1000:06d}{birth}{n % 1000:03d}"
            card = first17 + id_card_check_digit(first17)
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
            member = rng.random() < 0.9
            writer.writerow([
                f"{100000 + n}", name, f"{year}-{month:02d}-{day:02d}", card,
                f"13{rng.randint(100000000, 999999999)}", f"科室{rng.randint(1, 60)}",
                rng.choice(BRANCHES) + "分工会", rng.choice(["staff", "contract", "trainee"]),
                "member" if member else "non_member",
                f"{rng.randint(max(year + 20, 1990), 2024)}-03-01" if member else "",
            ])  # fmt: skip


def timed(args: list[str], env: dict[str, str], repeat: int) -> tuple[float, int]:
    """Median seconds over `repeat` runs, and the peak RSS in MB of the runs."""
    times, peaks = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "unionctl", *args],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"unionctl {' '.join(args)} failed:\n{done.stderr}")
        peaks.append(int(done.stderr.strip().splitlines()[-1]) // 1024)
    return statistics.median(times), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    import os

    rows = []
    for size in (int(s) for s in options.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix="unionctl-bench-"))
        try:
            roster = work / "roster.csv"
            make_roster(roster, size)
            env = {**os.environ, "UNIONCTL_DB": str(work / "union.db"), "UNIONCTL_LANG": "en"}
            subprocess.run([sys.executable, "-m", "unionctl", "init"], env=env, check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
            r = options.repeat
            steps = [
                ("members import (new roster)",
                 ["members", "import", str(roster), "--create-branches"], 1),
                ("members import --dry-run --update (no change)",
                 ["members", "import", str(roster), "--update", "--dry-run"], 1),
                ("members list --format csv", ["members", "list", "--format", "csv"], r),
                ("members list (plain table, piped)", ["members", "list"], r),
                ("members export", ["members", "export"], r),
                ("members list --branch --born-month",
                 ["members", "list", "--branch", "内科分工会", "--born-month", "3"], r),
                ("members show (one member)", ["members", "show", "100042"], r),
                ("members add (one write)", ["members", "add", "X1", "新人"], 1),
                ("members leave (one write)", ["members", "leave", "100042"], 1),
                ("members branch list", ["members", "branch", "list"], r),
                ("reports membership --by month",
                 ["reports", "membership", "--year", "2024", "--by", "month"], r),
            ]  # fmt: skip
            for label, args, repeat in steps:
                seconds, peak = timed(args, env, repeat)
                rows.append((size, label, seconds, peak))
                print(f"{size:>8,}  {label:<48} {seconds:7.2f} s  {peak:5d} MB", file=sys.stderr)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    env = {**os.environ}
    for label, args in (("--version", ["--version"]), ("--help", ["--help"]),
                        ("members list --help", ["members", "list", "--help"])):  # fmt: skip
        seconds, peak = timed(args, env, 5)
        rows.append((0, label, seconds, peak))
    print("| rows | step | median wall | peak RSS |")
    print("|---:|---|---:|---:|")
    for size, label, seconds, peak in rows:
        print(f"| {size:,} | `{label}` | {seconds:.2f} s | {peak} MB |" if size else
              f"| – | `unionctl {label}` | {seconds:.2f} s | {peak} MB |")  # fmt: skip


if __name__ == "__main__":
    main()
