"""The command surface: help with examples, start-up cost, language, option placement."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import Cli
from typer.main import get_command

from unionctl import __version__
from unionctl.cli import app

# pydantic is not listed: recent Typer imports it itself to validate option values.
HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "tabulate")


def _command_paths(group=None, prefix=()):
    group = group or get_command(app)
    ctx = group.context_class(group)
    for name in sorted(group.list_commands(ctx)):
        command = group.get_command(ctx, name)
        path = (*prefix, name)
        if hasattr(command, "commands"):
            yield from _command_paths(command, path)
        else:
            yield path


COMMANDS = list(_command_paths())


def test_the_contract_commands_exist():
    expected = {
        ("init",), ("demo",), ("log",), ("db", "path"), ("db", "backup"), ("db", "check"),
        ("members", "add"), ("members", "edit"), ("members", "show"), ("members", "list"),
        ("members", "join"), ("members", "leave"), ("members", "retire"), ("members", "decease"),
        ("members", "transfer"), ("members", "hardship"), ("members", "honour"),
        ("members", "import"), ("members", "export"), ("members", "branch", "add"),
        ("members", "branch", "list"), ("members", "branch", "rename"),
    }  # fmt: skip
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_has_help_with_an_example(bare_cli: Cli, path):
    result = bare_cli(*path, "--help")
    assert "Example: unionctl " in result.stdout
    for option in ("--format", "--lang", "--output"):
        assert option in result.stdout


def test_version(bare_cli: Cli):
    assert bare_cli("--version").stdout.strip() == f"unionctl {__version__}"


def _imports(*args: str, env: dict | None = None) -> tuple[str, str]:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "unionctl", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )
    modules = {
        line.split("|")[-1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if "|" in line
    }
    return done.stdout, " ".join(sorted(modules))


@pytest.mark.parametrize(
    "args", [("--help",), ("--version",), ("members", "--help"), ("members", "list", "--help")]
)
def test_help_and_version_import_nothing_heavy(args):
    stdout, modules = _imports(*args)
    assert stdout
    for heavy in HEAVY:
        assert heavy not in modules.split(), f"{' '.join(args)} imported {heavy}"


def test_shell_completion_works_and_stays_light():
    env = {"_UNIONCTL_COMPLETE": "complete_bash", "COMP_WORDS": "unionctl mem", "COMP_CWORD": "1"}
    stdout, modules = _imports(env=env)
    assert "members" in stdout
    for heavy in HEAVY:
        assert heavy not in modules.split()


def test_console_script_and_module_entry(roll: Cli):
    done = roll.run_process("members", "list", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("10001,张丽,female")


def test_language_from_option_env_and_locale(roll: Cli):
    base = {k: v for k, v in roll.env.items() if k != "UNIONCTL_LANG"}
    runner = Cli(roll.db, base)
    head = "工号,姓名,性别"
    assert runner("members", "list", "-f", "csv", env={"LANG": "zh_CN.UTF-8"}).stdout.startswith(
        head
    )
    assert runner("members", "list", "-f", "csv", env={"LANG": "en_US.UTF-8"}).stdout.startswith(
        "emp_no"
    )
    zh_env = {"LANG": "zh_CN.UTF-8", "UNIONCTL_LANG": "en"}
    assert runner("members", "list", "-f", "csv", env=zh_env).stdout.startswith("emp_no")
    assert runner("--lang", "zh", "members", "list", "-f", "csv").stdout.startswith(head)
    assert runner("members", "list", "-f", "csv", "--lang", "zh").stdout.startswith(head)
    zh_table = runner("members", "list", "--lang", "zh").stdout
    assert zh_table.startswith("工号") and "在编" in zh_table and "未入会" in zh_table
    assert "已添加 20001 钱多" in runner("members", "add", "20001", "钱多", "--lang", "zh").stdout


def test_output_options_before_and_after_agree(roll: Cli):
    before = roll("--format", "json", "--lang", "zh", "members", "list").stdout
    after = roll("members", "list", "--format", "json", "--lang", "zh").stdout
    assert before == after
    assert '"employment": "staff"' in after  # JSON values stay codes in every language


def test_actor_is_recorded(roll: Cli):
    roll("--actor", "李主席", "members", "honour", "10001", "先进工作者")
    log = roll("log", "--limit", "1", "--format", "json").stdout
    assert '"actor": "李主席"' in log and '"command": "members honour"' in log


def test_db_and_actor_are_accepted_after_the_command_too(bare_cli: Cli, tmp_path):
    """`unionctl init --db F` said "No such option" (issue 5 §4)."""
    target = tmp_path / "elsewhere.db"
    bare_cli("init", "--db", str(target))
    assert target.exists() and not bare_cli.db.exists()
    bare_cli("members", "add", "1", "甲", "--db", str(target), "--actor", "王书记")
    log = bare_cli("log", "--format", "csv", "--db", str(target)).stdout
    assert "王书记,members add" in log
    # after the command wins over before it, like the output options
    other = tmp_path / "other.db"
    bare_cli("--db", str(other), "init", "--db", str(target))
    assert not other.exists()
    # demo keeps its own --db (where to build the demo)
    bare_cli("demo", "--db", str(tmp_path / "demo.db"))
    assert (tmp_path / "demo.db").exists()
