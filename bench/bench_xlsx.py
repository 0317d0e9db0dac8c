"""Choose the xlsx libraries by measurement: write 100,000 member rows and read them back.

Run by hand (never in CI), then copy the printed table into bench/README.md:

    python bench/bench_xlsx.py --rows 100000              # the libraries alone
    python bench/bench_xlsx.py --rows 100000 --roundtrip  # unionctl export/import

Each candidate runs in its own child process, so its peak RSS (ru_maxrss) is its own.
Writers: openpyxl write-only, XlsxWriter constant_memory. Readers (of the XlsxWriter
file): openpyxl read-only, python-calamine. Every reader checks that it got back the
18-digit ID cards and the leading-zero employee numbers as text, and the dates as dates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = ["emp_no", "name", "gender", "birth_date", "phone", "id_card", "dept", "branch",
          "post", "employment", "status", "joined_on"]  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅燕鹏飞"


def rows(count: int):
    rng = random.Random(7)
    for n in range(count):
        birth = dt.date(rng.randint(1960, 2002), rng.randint(1, 12), rng.randint(1, 28))
        card = f"{110000 + n // 1000:06d}{birth:%Y%m%d}{n % 1000:03d}X"
        yield [
            f"{n:06d}",  # leading zeros, as HR numbers often have
            rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2))),
            rng.choice("MF"),
            birth,
            f"13{rng.randint(100000000, 999999999)}",
            card,
            f"科室{rng.randint(1, 60)}",
            "内科分工会",
            "护士",
            "staff",
            "member",
            dt.date(2010, 3, 1),
        ]


def write_openpyxl(path: str, count: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("members")
    sheet.append(HEADER)
    for row in rows(count):
        sheet.append(row)
    book.save(path)


def write_xlsxwriter(path: str, count: int) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("members")
    dates = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(rows(count), start=1):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(r, c, value, dates)
            else:
                sheet.write_string(r, c, value)
    book.close()


def check(values: list) -> None:
    emp_no, card, birth = values[0], values[5], values[3]
    assert isinstance(emp_no, str) and len(emp_no) == 6, emp_no
    assert isinstance(card, str) and len(card) == 18, card
    assert isinstance(birth, dt.date), birth


def read_openpyxl(path: str, count: int) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    seen = 0
    for values in book.worksheets[0].iter_rows(min_row=2, values_only=True):
        check(values)
        seen += 1
    book.close()
    assert seen == count, seen


def read_calamine(path: str, count: int) -> None:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(path)
    sheet = book.get_sheet_by_index(0)
    seen = 0
    for index, values in enumerate(sheet.iter_rows()):
        if index:
            check(values)
            seen += 1
    assert seen == count, seen


def read_unionctl(path: str, count: int) -> None:
    """unionctl's own table reader (openpyxl underneath, plain inline strings read
    directly), with the member import's column kinds."""
    from unionctl.services.member_import import read_roster

    table = read_roster(Path(path))
    seen = 0
    for _line, cells in table.rows():
        assert isinstance(cells, dict), cells
        assert len(cells["emp_no"]) == 6 and len(cells["id_card"]) == 18, cells
        seen += 1
    assert seen == count, seen


STEPS = {
    "write openpyxl (write_only)": write_openpyxl,
    "write XlsxWriter (constant_memory)": write_xlsxwriter,
    "read openpyxl (read_only)": read_openpyxl,
    "read python-calamine": read_calamine,
    "read unionctl table_file": read_unionctl,
}


def child(step: str, path: str, count: int) -> None:
    start = time.perf_counter()
    STEPS[step](path, count)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


def run(step: str, path: str, count: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", step, path, str(count)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def roundtrip(count: int) -> None:
    """The real CLI: import a roster, export it as xlsx (and as CSV for Excel), import
    each back with --update; both must change nothing."""
    import os
    import shutil

    sys.path.insert(0, str(Path(__file__).parent))
    from bench_members import make_roster, timed

    work = Path(tempfile.mkdtemp(prefix="unionctl-bench-"))
    try:
        roster = work / "roster.csv"
        make_roster(roster, count)
        env = {**os.environ, "UNIONCTL_DB": str(work / "union.db"), "UNIONCTL_LANG": "en"}
        subprocess.run([sys.executable, "-m", "unionctl", "init"], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        book, excel_csv = str(work / "roll.xlsx"), str(work / "roll.csv")
        steps = [
            ("members import (CSV, new roster)",
             ["members", "import", str(roster), "--create-branches"]),
            ("members export --format xlsx --include-private",
             ["members", "export", "--format", "xlsx", "-o", book, "--include-private"]),
            ("members export --bom --include-private (CSV for Excel)",
             ["members", "export", "--bom", "-o", excel_csv, "--include-private"]),
            ("members import roll.xlsx --update", ["members", "import", book, "--update"]),
            ("members import roll.csv (--bom) --update",
             ["members", "import", excel_csv, "--update"]),
        ]  # fmt: skip
        print(f"| {count:,} rows, real CLI | wall | peak RSS |")
        print("|---|---:|---:|")
        for label, args in steps:
            seconds, peak = timed(args, env, 1)
            print(f"| `{label}` | {seconds:.2f} s | {peak} MB |")
        done = subprocess.run(
            [sys.executable, "-m", "unionctl", "members", "import", book, "--update"],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        print(f"\nround trip: {done.stdout.strip()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--child", nargs=3)
    parser.add_argument("--roundtrip", action="store_true", help="time the real CLI")
    args = parser.parse_args()
    if args.child:
        step, path, count = args.child
        child(step, path, int(count))
        return
    if args.roundtrip:
        roundtrip(args.rows)
        return
    with tempfile.TemporaryDirectory() as folder:
        written = {
            "write openpyxl (write_only)": str(Path(folder) / "openpyxl.xlsx"),
            "write XlsxWriter (constant_memory)": str(Path(folder) / "xlsxwriter.xlsx"),
        }
        print(f"| {args.rows:,} rows | wall | peak RSS | file |")
        print("|---|---:|---:|---:|")
        for step, path in written.items():
            result = run(step, path, args.rows)
            size = Path(path).stat().st_size / 1e6
            print(f"| {step} | {result['seconds']:.2f} s | {result['peak_mb']:.0f} MB "
                  f"| {size:.1f} MB |")  # fmt: skip
        for step in (
            "read openpyxl (read_only)",
            "read python-calamine",
            "read unionctl table_file",
        ):
            for source, path in written.items():
                result = run(step, path, args.rows)
                origin = source.split()[1]
                print(f"| {step} of the {origin} file | {result['seconds']:.2f} s "
                      f"| {result['peak_mb']:.0f} MB | |")  # fmt: skip


if __name__ == "__main__":
    main()
