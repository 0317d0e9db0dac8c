"""Test harness: the real CLI on a real SQLite file in a temp dir. No mocks.

`cli(...)` runs a command in-process (Typer's CliRunner) and asserts its exit code,
showing the output when it differs. `cli.fails(...)` also asserts the error contract:
one line on stderr starting with "unionctl:", no traceback. `db_dump(path)` is the
whole database as SQL text, to prove a failed command changed nothing.

Fixtures, fastest first (keep the suite fast: pick the first one that fits):
- `bare_cli`: no database file yet (for `init`, `demo`, missing-file errors).
- `cli`: an empty, initialised database. It is a copy of one built once per session by
  the real `unionctl init` (Alembic takes ~0.3 s; a copy takes a millisecond).
- `roll`: `cli` holding a small roll (two branches, four people), also a per-test copy
  of a database built once per session through the CLI.
- `template(name, build)`: your own shared starting point. `build(cli)` runs real
  commands once per session on a fresh initialised database; every test that asks gets
  its own copy to change as it likes:

      @pytest.fixture
      def year_of_changes(template) -> Cli:
          def build(cli: Cli) -> None:
              cli("members", "add", "10005", "钱进", "--joined", "2025-09-15")
          return template("year_of_changes", build, base="roll")

  `base` starts the build from another template ("empty" by default, or "roll").
  Names are global to the session: give each builder its own name.
- `cli.run_process(...)`: a child process, only where start-up, concurrency or a real
  stdout is the point (each costs ~0.5 s).

Why no pytest-xdist: on this project's 2-core machines, loaded by other work, two
workers were slower than one (bench/README.md, "Test suite").
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import typer.testing
from typer.testing import CliRunner

from unionctl.cli import app

# Typer turns the app into a Click command tree on every invoke: 44 of the 66 ms an
# in-process `members edit` takes. A process builds it once; so does the suite, and
# every test then runs the commands on that same tree, as `unionctl` does.
_build_tree = typer.testing._get_command
_trees: dict[int, object] = {}


def _tree_once(typer_app):
    if id(typer_app) not in _trees:
        _trees[id(typer_app)] = _build_tree(typer_app)
    return _trees[id(typer_app)]


typer.testing._get_command = _tree_once

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

    def __call__(self, *args: str, code: int | None = 0, input: str | None = None, env=None):
        """`code=None`: any exit code (the caller compares outcomes)."""
        result = self.runner.invoke(
            app, list(args), env={**self.env, **(env or {})}, input=input, catch_exceptions=True
        )
        if result.exception and not isinstance(result.exception, SystemExit):
            import traceback

            trace = "".join(traceback.format_exception(result.exception))
            pytest.fail(f"unionctl {' '.join(args)} raised:\n{trace}")
        assert code is None or result.exit_code == code, (
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


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        "UNIONCTL_DB": str(tmp_path / "union.db"),
        "UNIONCTL_LANG": "en",
        "UNIONCTL_TODAY": TODAY,
        "USER": "secretary",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "COLUMNS": "200",
    }


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return _env(tmp_path)


def _copy_database(source: Path, dest: Path) -> None:
    """The file with its mode (0600), and its -wal/-shm should a build leave any."""
    for suffix in ("", "-wal", "-shm"):
        part = source.with_name(source.name + suffix)
        if part.exists():
            shutil.copy2(part, dest.with_name(dest.name + suffix))


class Templates:
    """Databases built once per session through the real CLI, copied for each test."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.built: dict[str, Path] = {}
        self.builders = {"empty": (_init, None), "roll": (_build_roll, "empty")}

    def path(self, name: str, build=None, base: str | None = "empty") -> Path:
        if name not in self.built:
            if build is None:
                build, base = self.builders[name]
            home = self.root / name
            home.mkdir()
            runner = Cli(home / "union.db", _env(home))
            if base is not None:
                _copy_database(self.path(base), runner.db)
            build(runner)
            self.built[name] = runner.db
        return self.built[name]

    def copy(self, name: str, dest_dir: Path, env: dict[str, str], build=None, base="empty"):
        runner = Cli(dest_dir / "union.db", env)
        _copy_database(self.path(name, build, base), runner.db)
        return runner


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.fixture
def template(templates: Templates, tmp_path: Path, env: dict[str, str]):
    """`template(name, build, base="empty")`: a copy of a shared database (see above)."""

    def copy(name: str, build=None, base: str = "empty") -> Cli:
        return templates.copy(name, tmp_path, env, build, base)

    return copy


def _init(cli: Cli) -> None:
    cli("init")


@pytest.fixture
def cli(template) -> Cli:
    """A CLI on an empty, initialised database."""
    return template("empty")


@pytest.fixture
def bare_cli(tmp_path: Path, env: dict[str, str]) -> Cli:
    """A CLI whose database does not exist yet."""
    return Cli(tmp_path / "union.db", env)


@pytest.fixture
def roll(template) -> Cli:
    """A small roll: two branches, four people."""
    return template("roll")


def _build_roll(cli: Cli) -> None:
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
