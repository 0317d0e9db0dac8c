"""Test harness: the real CLI on a real SQLite file in a temp dir. No mocks.

`cli(...)` runs a command in-process (Typer's CliRunner) and asserts its exit code,
showing the output when it differs. `cli.fails(...)` also asserts the error contract:
one line on stderr starting with "unionctl:", no traceback. `db_dump(path)` is the
whole database as SQL text, to prove a failed command changed nothing.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unionctl.cli import app

# Pinned so outputs with dates and ages are stable; parsing.today() honours it.
TODAY = "2025-12-31"
VALID_ID = "330102199003071521"  # F, born 1990-03-07, check digit 1
VALID_ID_MALE = "110105194912310011"  # M, born 1949-12-31
SAMPLE_ID_X = "11010519491231002X"  # F, the GB 11643 sample number (check digit X)


class Cli:
    def __init__(self, db: Path, env: dict[str, str]) -> None:
        self.db = db
        self.env = env
        self.runner = CliRunner()

    def __call__(self, *args: str, code: int = 0, input: str | None = None, env=None):
        result = self.runner.invoke(
            app, list(args), env={**self.env, **(env or {})}, input=input, catch_exceptions=True
        )
        if result.exception and not isinstance(result.exception, SystemExit):
            import traceback

            trace = "".join(traceback.format_exception(result.exception))
            pytest.fail(f"unionctl {' '.join(args)} raised:\n{trace}")
        assert result.exit_code == code, (
            f"unionctl {' '.join(args)} exited {result.exit_code}, expected {code}\n"
            f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
        )
        return result

    def fails(self, *args: str, code: int = 1, env=None, contains: str | None = None):
        """A user mistake: exit `code`, one clear line on stderr, no traceback."""
        result = self(*args, code=code, env=env)
        assert "Traceback" not in result.output
        if code == 1:
            lines = [line for line in result.stderr.splitlines() if line.strip()]
            assert lines and lines[0].startswith("unionctl: "), result.stderr
            if "import" not in args:
                assert len(lines) == 1, result.stderr
        if contains is not None:
            assert contains in result.stderr, result.stderr
        return result

    def run_process(self, *args: str, env=None, input: str | None = None):
        """The installed program in a child process (start-up, concurrency, real stdout)."""
        return subprocess.run(
            [sys.executable, "-m", "unionctl", *args],
            env={**os.environ, **self.env, **(env or {})},
            capture_output=True,
            text=True,
            input=input,
            timeout=120,
        )


def db_dump(path: Path) -> str:
    """Everything in the database but the audit clock, as SQL text."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        "UNIONCTL_DB": str(tmp_path / "union.db"),
        "UNIONCTL_LANG": "en",
        "UNIONCTL_TODAY": TODAY,
        "USER": "secretary",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "COLUMNS": "200",
    }


@pytest.fixture
def cli(tmp_path: Path, env: dict[str, str]) -> Cli:
    """A CLI on an empty, initialised database."""
    runner = Cli(tmp_path / "union.db", env)
    runner("init")
    return runner


@pytest.fixture
def bare_cli(tmp_path: Path, env: dict[str, str]) -> Cli:
    """A CLI whose database does not exist yet."""
    return Cli(tmp_path / "union.db", env)


@pytest.fixture
def roll(cli: Cli) -> Cli:
    """A small roll: two branches, four people."""
    cli("members", "branch", "add", "内科分工会")
    cli("members", "branch", "add", "护理分工会")
    cli(
        "members",
        "add",
        "10001",
        "张丽",
        "--branch",
        "内科分工会",
        "--dept",
        "心内科",
        "--id-card",
        VALID_ID,
        "--phone",
        "13812345678",
        "--joined",
        "2010-07-01",
        "--post",
        "主治医师",
    )
    cli(
        "members",
        "add",
        "10002",
        "王芳",
        "--branch",
        "护理分工会",
        "--dept",
        "急诊科",
        "--gender",
        "F",
        "--birth",
        "1995-06-15",
        "--status",
        "non_member",
        "--employment",
        "contract",
        "--post",
        "护士",
        "--hired",
        "2018-07-01",
    )
    cli(
        "members",
        "add",
        "10003",
        "李强",
        "--branch",
        "内科分工会",
        "--dept",
        "呼吸内科",
        "--id-card",
        VALID_ID_MALE,
        "--employment",
        "retired",
        "--joined",
        "1975-01-01",
    )
    cli(
        "members",
        "add",
        "10004",
        "赵敏",
        "--branch",
        "护理分工会",
        "--dept",
        "护理部",
        "--gender",
        "F",
        "--birth",
        "1988-11-02",
        "--joined",
        "2012-09-01",
        "--phone",
        "13900001111",
    )
    return cli
