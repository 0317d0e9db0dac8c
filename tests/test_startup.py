"""A read starts light. Listings, reports and lookups run their SQL through the standard
library's sqlite3 (unionctl.db.reader): SQLAlchemy, its ORM, SQLModel and the models are
~0.3 s of start-up a secretary pays dozens of times a day, and a read needs none of them
(issue 5 §5; issue 8's speed). Each command below runs in its own process with
`-X importtime`, so what it imported is what a user's process imports."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import Cli
from test_receipts import READS, TABLES, receipts  # noqa: F401  (the fixture)

# Every command that only reads, with arguments that succeed on the `reads` database.
READ_COMMANDS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("aid", "list"): ("--year", "2025"),
    ("aid", "show"): ("1",),
    ("aid", "due"): ("--month", "2025-12"),
    ("aid", "policy", "list"): (),
    ("aid", "drive", "list"): (),
    ("aid", "drive", "show"): ("1",),
    ("reports", "aid"): ("--year", "2025", "--by", "kind"),
    ("reports", "membership"): ("--year", "2025", "--by", "branch"),
    ("reports", "events"): ("--year", "2025"),
    ("reports", "proposals"): ("--year", "2025"),
    ("members", "list"): ("--status", "member"),
    ("members", "show"): ("10001",),
    ("members", "export"): (),
    ("members", "branch", "list"): (),
    ("events", "list"): (),
    ("events", "show"): ("1",),
    ("proposals", "list"): (),
    ("proposals", "show"): ("2025-001",),
    ("proposals", "session", "list"): (),
    ("log",): (),
    ("db", "check"): (),
    ("db", "path"): (),
}
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "unionctl.models")
# Commands whose output is a table but that write: they need the ORM.
WRITE_TABLES = {("aid", "batch"), ("demo",)}


def test_every_read_is_listed():
    assert set(READ_COMMANDS) == (TABLES | READS) - WRITE_TABLES


def _imported(cli: Cli, args: list[str]) -> tuple[subprocess.CompletedProcess, set[str]]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "unionctl", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **cli.env},
        timeout=60,
    )
    modules = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    return done, modules


@pytest.fixture
def reads(receipts: Cli, template) -> Cli:  # noqa: F811
    """`receipts` (the receipts' database) with a gift to show."""

    def build(cli: Cli) -> None:
        cli("aid", "give", "10001", "--kind", "illness", "--amount", "300", "--on", "2025-06-02")

    return template("startup", build, base="receipts")


@pytest.mark.parametrize("path", list(READ_COMMANDS), ids=" ".join)
def test_a_read_imports_no_sqlalchemy(reads: Cli, path: tuple[str, ...]):
    done, modules = _imported(reads, [*path, *READ_COMMANDS[path]])
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip()
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))
