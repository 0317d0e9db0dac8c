"""Every word in the chosen language: usage errors, help, messages (issue 5 §4)."""

from __future__ import annotations

import re

import pytest
from conftest import Cli
from typer.main import get_command

from unionctl.cli import app, usage
from unionctl.labels import HELP_ZH

# Chinese usage errors: exit 2, one line naming the command, then the hint.
USAGE_ZH = [
    (("members", "list", "--foo"), "没有 --foo 选项（members list）", "unionctl members list"),
    (("members", "add"), "缺少参数 EMP_NO（members add）", "unionctl members add"),
    (("members", "add", "10009"), "缺少参数 NAME（members add）", "unionctl members add"),
    (
        ("members", "list", "--born-month", "13"),
        "--born-month 的值无效：不能大于 12（members list）",
        "unionctl members list",
    ),
    (
        ("members", "list", "--born-month", "五"),
        "--born-month 的值无效：应为整数（members list）",
        "unionctl members list",
    ),
    (("log", "--limit", "0"), "--limit 的值无效：不能小于 1（log）", "unionctl log"),
    (("members", "frobnicate"), "没有 frobnicate 命令（members）", "unionctl members"),
    (("members",), "缺少子命令（members）", "unionctl members"),
    (("members", "show", "1", "2"), "多余的参数：2（members show）", "unionctl members show"),
    (("members", "list", "--branch"), "--branch 选项需要一个值（members list）", None),
    (("members", "list", "--hardship=1"), "--hardship 选项不接受值（members list）", None),
    (("--lang", "fr", "members", "list"), "未知语言 'fr'；可用：zh、en", "unionctl"),
]


@pytest.mark.parametrize(
    ("args", "says", "where"), USAGE_ZH, ids=[" ".join(a) for a, *_ in USAGE_ZH]
)
def test_usage_errors_are_one_chinese_line_and_the_hint(cli: Cli, args, says, where):
    where = where or "unionctl " + " ".join(args[:2])
    result = cli(*args, code=2, env={"UNIONCTL_LANG": "zh"})
    lines = result.stderr.splitlines()
    assert lines == [f"unionctl: {says}", f"试试 '{where} --help'"], result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--lang", "zh", "members", "list", "--foo"), {}),
        (("members", "list", "--foo", "--lang", "zh"), {}),  # after the command, not yet parsed
        (("members", "list", "--foo"), {"UNIONCTL_LANG": "", "LANG": "zh_CN.UTF-8"}),
    ],
    ids=["--lang before", "--lang after", "zh locale"],
)
def test_the_usage_language_is_known_before_parsing(cli: Cli, args, env):
    result = cli(*args, code=2, env=env)
    assert result.stderr.startswith("unionctl: 没有 --foo 选项（members list）")


def test_english_usage_errors_are_one_line_and_the_hint_too(cli: Cli):
    result = cli("members", "list", "--formt", "csv", code=2)
    lines = result.stderr.splitlines()
    assert lines[0].startswith("unionctl: no such option --formt (members list); did you mean")
    assert "--format" in lines[0]
    assert lines[1:] == ["Try 'unionctl members list --help' for help."]


def _tree():
    root = get_command(app)
    return list(usage._walk(root, "unionctl"))


def _helped(command):
    """The parameters a user sees in --help."""
    return [p for p in command.params if getattr(p, "help", None) and not p.hidden]


def test_every_command_and_option_has_chinese_help():
    missing = []
    for path, command in _tree():
        if usage.zh_help(path) is None:
            missing.append(path)
        missing += [
            f"{path} {usage.param_key(p)}" for p in _helped(command) if not usage.zh_help(path, p)
        ]
    assert missing == []


def test_no_chinese_help_is_left_unused():
    """A key that matches nothing is a typo or a command that went away."""
    used = set()
    for path, command in _tree():
        key = usage.help_key(path)
        used.add(key)
        for param in command.params:
            token = usage.param_key(param)
            used.update({f"{key} {token}", token})
    assert sorted(set(HELP_ZH) - used - {"--help"}) == []


COMMANDS = [path.split()[1:] for path, _c in _tree()]


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) or "unionctl" for p in COMMANDS])
def test_help_speaks_chinese_under_zh(bare_cli: Cli, path):
    english = bare_cli(*path, "--help").stdout
    chinese = bare_cli(*path, "--help", env={"UNIONCTL_LANG": "zh"}).stdout
    assert chinese.startswith("用法：unionctl")
    assert english.startswith("Usage: unionctl")
    command = dict(_tree())[" ".join(["unionctl", *path])]
    first_line = usage.zh_help(" ".join(["unionctl", *path])).split("\n")[0]
    assert first_line[:20] in chinese
    # no English sentence of help is left: every help line of the English page is gone
    for param in _helped(command):
        assert param.help.split(".")[0][:30] in english
        assert param.help.split(".")[0][:30] not in chinese, param.opts
    if "Example: unionctl" in english:
        assert "示例：unionctl" in chinese
    assert "选项:" in chinese and "Options:" not in chinese
    assert "显示本帮助并退出。" in chinese


def test_help_language_follows_lang_after_the_command(bare_cli: Cli):
    result = bare_cli("members", "add", "--help", "--lang", "zh")
    assert "把一个人加入名册" in result.stdout
    assert re.search(r"\[必填\]", result.stdout)


def test_chinese_help_imports_nothing_heavy():
    from test_cli import HEAVY, _imports

    stdout, modules = _imports("members", "list", "--help", env={"UNIONCTL_LANG": "zh"})
    assert "列出会员" in stdout
    for heavy in HEAVY:
        assert heavy not in modules.split(), heavy
