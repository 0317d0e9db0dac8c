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
    return list(usage._walk(root, "unionctl", load=True))


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


TREE = dict(_tree())  # built once, in English, and never run (so never translated)
COMMANDS = [path.split()[1:] for path in TREE]


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) or "unionctl" for p in COMMANDS])
def test_help_speaks_chinese_under_zh(bare_cli: Cli, path):
    english = bare_cli(*path, "--help").stdout
    chinese = bare_cli(*path, "--help", env={"UNIONCTL_LANG": "zh"}).stdout
    assert chinese.startswith("用法：unionctl")
    assert english.startswith("Usage: unionctl")
    command = TREE[" ".join(["unionctl", *path])]
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


# --- messages: no English words in the Chinese text ---------------------------------

# Words a Chinese message may carry: what the user types or sees as a name (command
# names, accepted input codes, file formats) and proper nouns.
TYPED = {"unionctl", "SQLite", "UTF", "GB", "X", "tabulate", "today", "this", "last"}
TYPED |= {"zh", "en", "table", "csv", "tsv", "json", "md", "emp_no"}
# file formats and the programs a secretary opens them in, named as Chinese users name them
TYPED |= {"xlsx", "xls", "CSV", "TSV", "Excel", "WPS"}


def _call_sites() -> dict[str, list[tuple[str, dict[str, str]]]]:
    """Every place a message key is used, with the parameters given there as literal
    strings (`what="hardship"` is a representative value that must not reach a reader
    untranslated)."""
    import ast
    from pathlib import Path

    import unionctl

    callers = {"UnionError", "say", "message", "Phrase", "LocalisedBadParameter"}
    sites: dict[str, list[tuple[str, dict[str, str]]]] = {}
    for path in Path(unionctl.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = getattr(func, "id", None) or getattr(func, "attr", None)
            key = node.args[0]
            if called not in callers or not isinstance(key, ast.Constant):
                continue
            literal = {
                k.arg: k.value.value
                for k in node.keywords
                if isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)
            }
            sites.setdefault(key.value, []).append((f"{path.name}:{node.lineno}", literal))
    return sites


def test_chinese_messages_have_no_english_words():
    import string

    from unionctl.labels import MESSAGES, message

    commands = {word for path, _c in _tree() for word in path.split()}
    sites = _call_sites()
    english = []
    for key, (_en, zh) in MESSAGES.items():
        fields = {name for _t, name, _s, _c in string.Formatter().parse(zh) if name}
        for where, literal in sites.get(key, [("(not called)", {})]):
            # a value the code computes stands in as 〇: only the template and the
            # literal values given at the call site are checked
            text = message(key, "zh", **{f: literal.get(f, "〇") for f in fields})
            bare = re.sub(r"--[\w-]+|`[^`]*`", "", text)  # options and quoted commands
            words = set(re.findall(r"[A-Za-z][A-Za-z_]*", bare)) - TYPED - commands
            if words:
                english.append(f"{key} at {where}: {text}")
    assert english == []


def test_log_speaks_chinese(roll: Cli):
    roll("members", "leave", "10004", "--on", "2025-06-30", "--reason", "辞职")
    roll("members", "hardship", "10001", "--tier", "deep", "--reason", "患病", "--on", "2025-03-01")
    log = roll("log", "--lang", "zh").stdout
    assert "会籍状态：在会 → 退会；日期：∅ → 2025-06-30；原因：∅ → 辞职" in log
    assert "困难档案·困难类别=深度困难" in log
    english = roll("log").stdout
    assert "status: member → left; on: ∅ → 2025-06-30" in english


def test_field_names_in_errors_are_chinese(roll: Cli):
    roll("members", "hardship", "10001", "--tier", "deep", "--reason", "患病", "--on", "2025-03-01")
    result = roll.fails(
        "members", "hardship", "10001", "--review", "--on", "2025-01-01", "--lang", "zh"
    )
    assert "早于上一次困难档案变动（2025-03-01）" in result.stderr
    result = roll.fails("members", "honour", "10001", " ", "--lang", "zh")
    assert result.stderr == "unionctl: 称号不能为空\n"
    result = roll.fails("members", "branch", "add", " ", "--lang", "zh")
    assert result.stderr == "unionctl: 分工会不能为空\n"


def test_confirmations_and_refusals_name_fields_and_states_in_chinese(roll: Cli, tmp_path):
    zh = {"UNIONCTL_LANG": "zh"}
    result = roll("members", "edit", "10001", "--phone", "13900001111", "--dept", "内科", env=zh)
    assert result.stdout.strip() == "已更新 10001 张丽：手机号、科室"
    roll("members", "leave", "10004", "--on", "2025-06-30")
    result = roll.fails("members", "leave", "10004", env=zh)
    assert "的会籍状态是“退会”，无法退会" in result.stderr
    result = roll.fails("members", "edit", "10001", "--status", "退会", env=zh)
    assert "`unionctl members leave`" in result.stderr
    clash = tmp_path / "clash.csv"
    clash.write_text("emp_no,name,id_card\n20015,甲,330102199003071521\n", encoding="utf-8")
    result = roll.fails("members", "import", str(clash), env=zh)
    assert "身份证号 '3301**************' 已属于 10001（张丽）" in result.stderr  # masked
