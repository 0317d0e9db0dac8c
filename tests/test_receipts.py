"""A write's output options: every command takes `-o/--output` and `-f/--format`, and no
command ignores them. `aid give … -f json -o x.json` used to write no x.json and print
its line on stdout. Now what a write says — its receipt — goes to --output, and `-f json`
gives one object: the message and the audit entries the command wrote (the new id first).

Every command of the tree is named below as a write (with arguments that succeed on the
`receipts` database), a command whose output is a table, or a read: a new command fails
`test_every_command_is_classified` until someone says which it is."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from conftest import Cli, db_dump
from test_cli import COMMANDS

TABLES = {  # their output is a table already: listings, reports, the batch's 签领表, demo
    ("aid", "batch"), ("aid", "drive", "list"), ("aid", "drive", "show"), ("aid", "due"),
    ("aid", "list"), ("aid", "policy", "list"), ("aid", "show"), ("db", "check"), ("demo",),
    ("events", "list"), ("events", "show"), ("log",), ("members", "branch", "list"),
    ("members", "export"), ("members", "list"), ("members", "show"), ("proposals", "list"),
    ("proposals", "session", "list"), ("proposals", "show"), ("reports", "aid"),
    ("reports", "events"), ("reports", "membership"), ("reports", "proposals"),
}  # fmt: skip
READS = {("db", "path")}  # a read that prints one line: the same rules as a receipt

# {tmp} is the test's temporary folder; files named there are written by `_files`.
WRITES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("init",): (),
    ("db", "backup"): ("{tmp}/backup.db",),
    ("members", "add"): ("10009", "孙悦", "--joined", "2025-01-01", "--phone", "13700001234"),
    ("members", "edit"): ("10001", "--post", "主任医师"),
    ("members", "join"): ("10002", "--on", "2025-06-01"),
    ("members", "leave"): ("10001", "--on", "2025-06-01"),
    ("members", "retire"): ("10004", "--on", "2025-06-01"),
    ("members", "decease"): ("10003", "--on", "2025-06-01"),
    ("members", "depart"): ("10004", "--on", "2025-06-30", "--reason", "调出"),
    ("members", "transfer"): ("10001", "--branch", "护理分工会", "--on", "2025-04-01"),
    ("members", "hardship"): ("10001", "--tier", "deep", "--reason", "重病", "--on", "2025-02-01"),
    ("members", "honour"): ("10001", "优秀护士", "--level", "city", "--on", "2025-05-12"),
    ("members", "delete"): ("10008",),
    ("members", "renumber"): ("10008", "20008"),
    ("members", "rehire"): ("10007", "--on", "2025-07-01"),
    ("members", "undo"): ("10007",),
    ("members", "import"): ("{tmp}/members.csv",),
    ("members", "branch", "add"): ("外科分工会",),
    ("members", "branch", "rename"): ("内科分工会", "内科第一分工会"),
    ("proposals", "session", "add"): ("--term", "5", "--session", "8", "--on", "2025-09-01"),
    ("proposals", "add"): ("增设托管班", "--by", "10001", "--on", "2025-04-01"),
    ("proposals", "accept"): ("2025-001",),
    ("proposals", "reject"): ("2025-001", "--reason", "不属于提案范围"),
    ("proposals", "convert"): ("2025-001",),
    ("proposals", "assign"): ("2025-002", "--dept", "后勤保障部", "--due", "2025-06-30"),
    ("proposals", "reply"): ("2025-003", "--disposition", "resolved", "--text", "已落实"),
    ("proposals", "close"): ("2025-004", "--satisfaction", "satisfied"),
    ("proposals", "import"): ("{tmp}/proposals.csv",),
    ("aid", "give"): ("10001", "--kind", "illness", "--amount", "300"),
    ("aid", "plan"): ("10001", "--kind", "illness", "--on", "2025-12-01"),
    ("aid", "policy", "set"): ("illness", "--standard", "500"),
    ("aid", "import"): ("{tmp}/aid.csv",),
    ("aid", "drive", "add"): ("为赵敏爱心捐款", "--for", "10004", "--on", "2025-06-01"),
    ("aid", "drive", "give"): ("1", "10002", "--amount", "100", "--on", "2025-05-04"),
    ("aid", "drive", "close"): ("1", "--on", "2025-05-20"),
    ("events", "add"): ("护理技能竞赛", "--kind", "competition", "--on", "2025-05-12"),
    ("events", "register"): ("1", "10001"),
    ("events", "attend"): ("1", "10001"),
    ("events", "headcount"): ("1", "200"),
    ("events", "award"): ("1", "--member", "10001", "--prize", "冠军"),
    ("events", "import"): ("{tmp}/events.csv",),
}
# The imports write in their own transactions (thousands of rows): their receipt is the
# message alone. So are init's and a backup's, which write no audited rows.
NO_CHANGES = {("init",), ("db", "backup"), ("members", "import"), ("proposals", "import")}
NO_CHANGES |= {("aid", "import"), ("events", "import")}


@pytest.fixture
def receipts(template) -> Cli:
    def build(cli: Cli) -> None:
        cli("members", "add", "10008", "误录", "--joined", "2025-01-01")
        cli("members", "add", "10007", "回院", "--joined", "2020-01-01")
        cli("members", "depart", "10007", "--on", "2025-03-31", "--reason", "离职")
        cli("proposals", "session", "add", "--term", "5", "--session", "7", "--on", "2025-03-16")
        for number, title in enumerate(("改善食堂", "更衣柜", "夜班补贴", "停车位"), start=1):
            code = f"2025-00{number}"
            cli("proposals", "add", title, "--by", "10001", "--on", "2025-03-16")
            if number >= 2:
                cli("proposals", "accept", code, "--on", "2025-03-20")
            if number >= 3:
                cli("proposals", "assign", code, "--dept", "后勤保障部", "--due", "2025-06-30")
            if number >= 4:
                cli("proposals", "reply", code, "--disposition", "resolved", "--text", "已办")
        cli("events", "add", "春季健步走", "--kind", "sports", "--on", "2025-04-12")
        cli("aid", "drive", "add", "为张丽爱心捐款", "--for", "10001", "--on", "2025-05-01")
        cli("aid", "drive", "give", "1", "10004", "--amount", "200", "--on", "2025-05-03")

    return template("receipts", build, base="roll")


def _files(tmp: Path) -> None:
    (tmp / "members.csv").write_text("工号,姓名\n10010,周杰\n", encoding="utf-8")
    (tmp / "proposals.csv").write_text(
        "标题,提案人工号,提交日期\n改善停车,10001,2025-04-01\n", encoding="utf-8"
    )
    (tmp / "aid.csv").write_text(
        "工号,帮扶类别,金额,日期\n10001,生病住院,500,2025-03-01\n", encoding="utf-8"
    )
    (tmp / "events.csv").write_text(
        "活动名称,类别,日期\n羽毛球赛,体育,2025-04-20\n", encoding="utf-8"
    )


def _args(path: tuple[str, ...], tmp: Path) -> list[str]:
    _files(tmp)
    return [*path, *(arg.replace("{tmp}", str(tmp)) for arg in WRITES[path])]


def _audit_count(cli: Cli) -> int:
    with sqlite3.connect(cli.db) as conn:
        return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def test_every_command_is_classified():
    assert set(COMMANDS) == set(WRITES) | TABLES | READS
    assert not (set(WRITES) & TABLES) and not (READS & (set(WRITES) | TABLES))


@pytest.mark.parametrize("path", sorted(WRITES), ids=[" ".join(p) for p in sorted(WRITES)])
def test_every_write_sends_its_receipt_to_output(receipts: Cli, tmp_path: Path, path):
    out = tmp_path / "receipt.txt"
    result = receipts(*_args(path, tmp_path), "--output", str(out))
    assert result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.strip() and text.endswith("\n") and not text.startswith("{")


@pytest.mark.parametrize("path", sorted(WRITES), ids=[" ".join(p) for p in sorted(WRITES)])
def test_every_write_honours_output_and_json(receipts: Cli, tmp_path: Path, path):
    args = _args(path, tmp_path)
    before = _audit_count(receipts)
    out = tmp_path / "receipt.json"
    result = receipts(*args, "-f", "json", "-o", str(out))
    assert result.stdout == ""  # nothing ignored: it all went to the file
    receipt = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(receipt["message"], str) and receipt["message"]
    if path in NO_CHANGES:
        assert set(receipt) == {"message"}
        return
    written = _audit_count(receipts) - before
    assert written >= 1
    assert len(receipt["changes"]) == written  # every audit entry of the command, no other
    assert set(receipt["changes"][0]) == {"entity", "key", "before", "after"}


def test_a_plain_receipt_goes_to_output_as_it_would_to_the_screen(roll: Cli, tmp_path: Path):
    shown = roll("aid", "give", "10001", "--kind", "illness", "--amount", "300").stdout
    out = tmp_path / "receipt.txt"
    result = roll("aid", "give", "10004", "--kind", "illness", "--amount", "300", "-o", str(out))
    assert result.stdout == ""
    assert shown == "1: 2025-12-31 aid to 10001 张丽 (illness), cash 300.00 yuan\n"
    assert out.read_text(encoding="utf-8") == (
        "2: 2025-12-31 aid to 10004 赵敏 (illness), cash 300.00 yuan\n"
    )
    assert out.stat().st_mode & 0o777 == 0o600  # as private as any output file
    # before the command name as well as after it
    roll("--output", str(out), "members", "branch", "add", "外科分工会")
    assert out.read_text(encoding="utf-8") == "added branch 外科分工会\n"


def test_aid_give_as_json_gives_the_new_id_and_the_fields(roll: Cli, tmp_path: Path):
    """The brief's case: `aid give 10001 --kind illness --amount 300 -f json -o x.json`."""
    roll("aid", "plan", "10001", "--kind", "illness", "--on", "2025-12-01")
    out = tmp_path / "x.json"
    roll("aid", "give", "10001", "--kind", "illness", "--amount", "300", "--goods", "水果",
         "--goods-value", "50.5", "-f", "json", "-o", str(out), "--lang", "zh")  # fmt: skip
    assert json.loads(out.read_text(encoding="utf-8")) == {
        "message": "1：2025-12-31 慰问 10001 张丽（生病住院），慰问金 300.00 元，"
        "物品 水果（价值 50.50 元）\n1：完成 2025-12-01 登记的待慰问 #1",
        "changes": [
            {
                "entity": "aid",
                "key": "1",  # the gift first: the new id a script wants
                "before": None,
                "after": {
                    "amount": 30000,
                    "given_on": "2025-12-31",
                    "goods": "水果",
                    "goods_value": 5050,
                    "kind": "illness",
                    "member": "10001",
                    "source": "union",
                },
            },
            {
                "entity": "aid",
                "key": "plan 1",
                "before": {
                    "aid_id": None,
                    "kind": "illness",
                    "note": None,
                    "reported_on": "2025-12-01",
                },
                "after": {
                    "aid_id": 1,
                    "kind": "illness",
                    "note": None,
                    "reported_on": "2025-12-01",
                },
            },
        ],
    }
    # on stdout too, and `-f json` before the command name
    printed = json.loads(
        roll("-f", "json", "aid", "give", "10004", "--kind", "illness", "--amount", "1").stdout
    )
    assert printed["changes"][0]["key"] == "2"


def test_a_receipt_masks_private_fields_as_the_log_does(roll: Cli):
    args = ("members", "edit", "10001", "--phone", "13900002222", "-f", "json")
    changes = json.loads(roll(*args).stdout)["changes"]
    assert changes[0]["after"]["phone"] == "139****2222"
    assert changes[0]["before"]["phone"] == "138****5678"
    args = ("members", "edit", "10001", "--phone", "13900003333", "-f", "json")
    changes = json.loads(roll(*args, "--include-private").stdout)["changes"]
    assert changes[0]["after"]["phone"] == "13900003333"


def test_a_receipt_in_other_formats_is_its_fields(roll: Cli):
    out = roll("members", "branch", "add", "外科分工会", "-f", "csv").stdout
    assert out.splitlines() == [
        "field,value",
        "message,added branch 外科分工会",
        'changes,"[{""after"": {""name"": ""外科分工会"", ""parent"": null}, ""before"": null, '
        '""entity"": ""branch"", ""key"": ""外科分工会""}]"',
    ]
    md = roll("members", "branch", "add", "骨科分工会", "-f", "md", "--lang", "zh").stdout
    assert md.splitlines()[2].replace(" ", "") == "|回执|已添加分工会骨科分工会|"


def test_a_workbook_without_output_is_refused_before_anything_is_written(roll: Cli):
    before = db_dump(roll.db)
    roll.fails("aid", "give", "10001", "--kind", "illness", "--amount", "300", "-f", "xlsx",
               contains="--output")  # fmt: skip
    assert db_dump(roll.db) == before


def test_an_output_that_cannot_be_written_is_refused_before_the_write(roll: Cli, tmp_path: Path):
    """Else the gift would land and the command fail: the secretary gives it again."""
    before = db_dump(roll.db)
    missing = tmp_path / "no-such-folder" / "receipt.txt"
    give = ("aid", "give", "10001", "--kind", "illness", "--amount", "300")
    roll.fails(*give, "-o", str(missing), contains="no-such-folder")
    roll.fails(*give, "-o", str(tmp_path), contains="directory")
    roll.fails(*give, "-o", str(roll.db), contains="database")
    assert db_dump(roll.db) == before


def test_db_path_honours_output(cli: Cli, tmp_path: Path):
    out = tmp_path / "where.txt"
    assert cli("db", "path", "-o", str(out)).stdout == ""
    assert out.read_text(encoding="utf-8") == f"{cli.db}\n"
    assert json.loads(cli("db", "path", "-f", "json").stdout) == {"message": str(cli.db)}
