"""Aid and visits (issue 8): every kind, the policy and its cap, 先建档后帮扶, plan → give,
the listing and `reports aid` with money exact to the fen in every format, both
languages and bad input (one line, exit 1, nothing written)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import Cli, db_dump

from unionctl.labels import CODES


def _json(cli: Cli, *args: str):
    return json.loads(cli(*args, "--format", "json").stdout)


def _rows(cli: Cli, *args: str) -> list[dict]:
    """The rows of a listing printed with its 合计 row."""
    return _json(cli, *args)["rows"]


def _id(cli: Cli, *args: str) -> int:
    """Give; the id is the first word printed."""
    return int(cli("aid", "give", *args).stdout.split(":")[0])


@pytest.fixture
def helped(template) -> Cli:
    """The roll with 10001 registered as a hardship household since 2025-01-10 and a
    policy for illness (standard 300, cap 1,000)."""

    def build(cli: Cli) -> None:
        cli(
            "members",
            "hardship",
            "10001",
            "--tier",
            "deep",
            "--reason",
            "本人患重病",
            "--on",
            "2025-01-10",
        )
        cli("aid", "policy", "set", "illness", "--standard", "300", "--yearly-cap", "1000")

    return template("aid_helped", build, base="roll")


@pytest.mark.parametrize("kind", list(CODES["aid_kind"]))
def test_every_kind_is_given_and_listed_in_both_languages(helped: Cli, kind):
    who = "10001" if kind in ("hardship", "critical_illness") else "10004"
    english, chinese = CODES["aid_kind"][kind]
    aid = _id(helped, who, "--kind", chinese, "--amount", "123.45", "--on", "2025-05-01")
    rows = _rows(helped, "aid", "list", "--kind", kind)
    assert [(r["id"], r["kind"], r["emp_no"], r["cash"]) for r in rows] == [
        (aid, kind, who, 123.45)
    ]
    zh = helped("aid", "list", "--kind", kind, "--lang", "zh", "--format", "csv").stdout
    assert f"{aid},2025-05-01,{chinese},{who}," in zh
    en = helped("aid", "list", "--kind", english, "--lang", "en", "--format", "csv").stdout
    assert f"{aid},2025-05-01,{english},{who}," in en


def test_outsider_with_goods_only(roll: Cli):
    aid = _id(
        roll,
        "--outsider",
        "李家村困难户",
        "--kind",
        "holiday",
        "--goods",
        "大米、棉被",
        "--goods-value",
        "1200",
        "--on",
        "2025-01-20",
        "--by",
        "工会主席",
    )
    record = json.loads(roll("aid", "show", str(aid), "--format", "json").stdout)
    assert record["beneficiary"] == "李家村困难户"
    assert record["emp_no"] is None
    assert record["goods"] == "大米、棉被"
    assert record["goods_value"] == 1200.0
    assert record["cash"] == 0.0
    assert record["aid_total"] == 1200.0
    assert record["visited_by"] == "工会主席"


def test_policy_standard_is_used_when_amount_is_left_out(helped: Cli):
    aid = _id(helped, "10004", "--kind", "illness", "--on", "2025-03-02")
    assert json.loads(helped("aid", "show", str(aid), "--format", "json").stdout)["cash"] == 300.0
    policy = {r["kind"]: r for r in _json(helped, "aid", "policy", "list")}
    assert (policy["illness"]["standard"], policy["illness"]["yearly_cap"]) == (300.0, 1000.0)
    assert policy["wedding"]["standard"] is None


def test_no_amount_and_no_standard_is_refused(helped: Cli):
    before = db_dump(helped.db)
    helped.fails("aid", "give", "10004", "--kind", "wedding", contains="aid policy set")
    assert db_dump(helped.db) == before


def test_the_yearly_cap_refuses_then_the_override_is_flagged(helped: Cli):
    for day in ("2025-02-01", "2025-03-01", "2025-04-01"):
        _id(helped, "10004", "--kind", "illness", "--on", day)
    before = db_dump(helped.db)
    result = helped.fails("aid", "give", "10004", "--kind", "illness", "--on", "2025-05-01")
    assert "900.00" in result.stderr and "1000.00" in result.stderr
    assert result.stderr.count("\n") == 1
    assert db_dump(helped.db) == before
    # the override needs its reason
    helped.fails("aid", "give", "10004", "--kind", "illness", "--on", "2025-05-01", "--over-cap")
    assert db_dump(helped.db) == before
    aid = _id(
        helped,
        "10004",
        "--kind",
        "illness",
        "--on",
        "2025-05-01",
        "--over-cap",
        "--note",
        "二次手术",
    )
    rows = _rows(helped, "aid", "list", "--member", "10004")
    assert [r["flag"] for r in rows] == [None, None, None, "over_cap"]
    assert rows[-1]["id"] == aid
    report = _json(helped, "reports", "aid", "--year", "2025")
    assert report["aid"]["total"]["flagged"] == 1
    # a new year starts a new cap
    _id(helped, "10004", "--kind", "illness", "--on", "2024-12-01")
    assert _rows(helped, "aid", "list", "--year", "2024")[0]["flag"] is None


def test_hardship_aid_goes_to_registered_households(helped: Cli):
    _id(helped, "10001", "--kind", "hardship", "--amount", "2000", "--on", "2025-02-01")
    before = db_dump(helped.db)
    # registered only from 2025-01-10
    helped.fails(
        "aid", "give", "10001", "--kind", "hardship", "--amount", "100", "--on", "2025-01-05"
    )
    for kind in ("hardship", "大病救助"):
        result = helped.fails(
            "aid", "give", "10004", "--kind", kind, "--amount", "500", "--on", "2025-02-01"
        )
        assert "--unregistered" in result.stderr
    assert db_dump(helped.db) == before
    aid = _id(
        helped,
        "10004",
        "--kind",
        "critical_illness",
        "--amount",
        "500",
        "--unregistered",
        "--note",
        "建档审批中",
        "--on",
        "2025-02-01",
    )
    flags = {r["id"]: r["flag"] for r in _rows(helped, "aid", "list")}
    assert flags[aid] == "unregistered"


def test_visits_to_the_living_need_them_on_the_roll(roll: Cli):
    roll("members", "decease", "10004", "--on", "2025-08-02", "--reason", "病故")
    before = db_dump(roll.db)
    for kind in ("birthday", "wedding", "childbirth"):
        result = roll.fails(
            "aid", "give", "10004", "--kind", kind, "--amount", "200", "--on", "2025-09-01"
        )
        assert "10004" in result.stderr
    assert db_dump(roll.db) == before
    # before the death it was fine; the family's bereavement visit after it is too
    _id(roll, "10004", "--kind", "birthday", "--amount", "200", "--on", "2025-07-01")
    _id(roll, "10004", "--kind", "bereavement", "--amount", "1000", "--on", "2025-08-03")


BAD_INPUT = [
    (("99999", "--kind", "illness", "--amount", "100"), "99999"),
    (("10001", "--kind", "picnic", "--amount", "100"), "picnic"),
    (("10001", "--kind", "illness", "--amount", "-5"), "-5"),
    (("10001", "--kind", "illness", "--amount", "abc"), "abc"),
    (("10001", "--kind", "illness", "--amount", "0"), None),
    (("10001", "--kind", "illness", "--amount", "1000000.01"), "1,000,000"),
    (("10001", "--kind", "illness", "--amount", "1.001"), "1.001"),
    (("10001", "--kind", "holiday", "--goods", "大米"), "--goods-value"),
    (("10001", "--kind", "holiday", "--amount", "10", "--goods-value", "5"), "--goods"),
    (("--kind", "illness", "--amount", "100"), None),
    (("10001", "--outsider", "某户", "--kind", "illness", "--amount", "100"), None),
    (("10001", "--kind", "illness", "--amount", "100", "--on", "2026-01-01"), "2026-01-01"),
]


@pytest.mark.parametrize(("args", "says"), BAD_INPUT)
def test_bad_input_is_one_line_and_writes_nothing(roll: Cli, args, says):
    before = db_dump(roll.db)
    result = roll.fails("aid", "give", *args)
    assert result.stderr.startswith("unionctl: ")
    assert result.stderr.count("\n") == 1, result.stderr
    if says:
        assert says in result.stderr
    assert db_dump(roll.db) == before


def test_a_million_yuan_is_the_most_one_gift_can_be(roll: Cli):
    aid = _id(roll, "10001", "--kind", "disaster", "--amount", "1,000,000", "--on", "2025-07-01")
    assert _rows(roll, "aid", "list")[0]["id"] == aid


def test_plan_is_fulfilled_by_the_next_gift_of_that_kind(roll: Cli):
    roll("aid", "plan", "10001", "--kind", "illness", "--on", "2025-03-01", "--note", "住院")
    roll("aid", "plan", "10001", "--kind", "illness", "--on", "2025-04-01", "--note", "复发")
    roll("aid", "plan", "10001", "--kind", "wedding", "--on", "2025-03-01")
    # another kind fulfils nothing
    out = roll("aid", "give", "10001", "--kind", "holiday", "--amount", "100", "--on", "2025-03-05")
    assert "#" not in out.stdout
    out = roll("aid", "give", "10001", "--kind", "illness", "--amount", "500", "--on", "2025-03-05")
    assert "#1" in out.stdout  # the oldest
    aid = int(out.stdout.split(":")[0])
    record = json.loads(roll("aid", "show", str(aid), "--format", "json").stdout)
    assert record["plan"].startswith("#1 2025-03-01")
    # the second plan was reported after this gift: the next gift fulfils it
    out = roll("aid", "give", "10001", "--kind", "illness", "--amount", "500", "--on", "2025-04-02")
    assert "#2" in out.stdout
    out = roll("aid", "give", "10001", "--kind", "illness", "--amount", "500", "--on", "2025-04-03")
    assert "#" not in out.stdout


def _fen_fixture(roll: Cli) -> None:
    roll("aid", "give", "10001", "--kind", "illness", "--amount", "0.01", "--on", "2025-01-02")
    roll("aid", "give", "10004", "--kind", "illness", "--amount", "1234.56", "--on", "2025-01-03")
    roll(
        "aid",
        "give",
        "--outsider",
        "贫困户",
        "--kind",
        "holiday",
        "--amount",
        "0.10",
        "--goods",
        "棉被",
        "--goods-value",
        "99.99",
        "--on",
        "2025-02-03",
    )


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "md", "table"])
def test_money_is_exact_to_the_fen_in_every_format(roll: Cli, fmt):
    _fen_fixture(roll)
    out = roll("reports", "aid", "--year", "2025", "--format", fmt).stdout
    if fmt == "json":
        total = json.loads(out)["aid"]["total"]
        assert (total["cash"], total["goods_value"], total["aid_total"]) == (
            1234.67,
            99.99,
            1334.66,
        )
    else:
        for figure in ("1234.67", "99.99", "1334.66"):
            assert figure in out, out
    listing = roll("aid", "list", "--format", fmt).stdout
    if fmt == "json":
        data = json.loads(listing)
        assert sum(round(r["cash"] * 100) for r in data["rows"]) == 123467
        assert data["total"]["cash"] == 1234.67
    else:
        assert "1234.67" in listing and "0.01" in listing


def test_money_is_exact_in_xlsx(roll: Cli, tmp_path):
    from openpyxl import load_workbook

    _fen_fixture(roll)
    path = tmp_path / "aid.xlsx"
    roll("reports", "aid", "--year", "2025", "--format", "xlsx", "--output", str(path))
    values = [c for row in load_workbook(path).active.iter_rows(values_only=True) for c in row]
    assert any(str(v) in ("1334.66", "1334.66") for v in values), values


def test_by_category_in_chinese_means_the_kind_of_aid(roll: Cli):
    """帮扶类别 is what aid calls its kind: `--by 类别` groups by kind (aid has no category)."""
    roll("aid", "give", "10001", "--kind", "illness", "--amount", "300", "--on", "2025-03-02")
    by_kind = roll("reports", "aid", "--year", "2025", "--by", "kind", "-f", "json").stdout
    assert roll("reports", "aid", "--year", "2025", "--by", "类别", "-f", "json").stdout == by_kind


def test_report_by_each_grouping_adds_up(roll: Cli):
    _fen_fixture(roll)
    roll("members", "hardship", "10001", "--tier", "deep", "--reason", "重病", "--on", "2025-01-01")
    roll(
        "members",
        "hardship",
        "10004",
        "--tier",
        "relative",
        "--reason",
        "子女就学",
        "--on",
        "2025-01-01",
    )
    by_kind = _json(roll, "reports", "aid", "--year", "2025", "--by", "kind")
    assert [(r["kind"], r["people"], r["times"]) for r in by_kind["aid"]["rows"]] == [
        ("illness", 2, 2),
        ("holiday", 1, 1),
    ]
    assert by_kind["aid"]["total"]["people"] == 3
    # illness visits are not 帮扶: only hardship and critical-illness aid helps a household
    assert by_kind["hardship_register"] == [{"registered": 2, "helped": 0, "not_helped": 2}]
    by_month = _json(roll, "reports", "aid", "--year", "2025", "--by", "month")
    assert [(r["month"], r["aid_total"]) for r in by_month["aid"]["rows"]] == [
        ("2025-01", 1234.57),
        ("2025-02", 100.09),
    ]
    by_branch = _json(roll, "reports", "aid", "--year", "2025", "--by", "branch")
    assert {r["branch"]: r["cash"] for r in by_branch["aid"]["rows"]} == {
        "内科分工会": 0.01,
        "护理分工会": 1234.56,
        "—": 0.1,
    }
    by_source = _json(roll, "reports", "aid", "--year", "2025", "--by", "source")
    assert [r["source"] for r in by_source["aid"]["rows"]] == ["union"]
    # a month with one household helped and one not
    roll("aid", "give", "10001", "--kind", "hardship", "--amount", "100", "--on", "2025-01-05")
    january = _json(roll, "reports", "aid", "--month", "2025-01")
    assert january["hardship_register"] == [{"registered": 2, "helped": 1, "not_helped": 1}]
    feb = _json(roll, "reports", "aid", "--month", "2025-02")
    assert feb["hardship_register"] == [{"registered": 2, "helped": 0, "not_helped": 2}]


def test_report_speaks_chinese(roll: Cli):
    _fen_fixture(roll)
    out = roll("reports", "aid", "--year", "2025", "--lang", "zh", "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["帮扶慰问情况 2025"]
    assert rows[1] == ["帮扶类别", "人数", "人次", "慰问金", "物品价值", "合计金额", "标记笔数"]
    assert rows[2][0] == "生病住院"
    assert rows[4] == ["合计", "3", "3", "1234.67", "99.99", "1334.66", "0"]
    assert rows[-2:] == [["在档户数", "已帮扶户数", "未帮扶户数"], ["0", "0", "0"]]


def test_chinese_refusals_and_confirmations(roll: Cli):
    out = roll("aid", "give", "10001", "--kind", "生病住院", "--amount", "500", "--lang", "zh")
    assert "张丽" in out.stdout and "生病住院" in out.stdout and "500.00 元" in out.stdout
    result = roll.fails(
        "aid", "give", "10004", "--kind", "困难帮扶", "--amount", "5", "--lang", "zh"
    )
    assert "先建档，后帮扶" in result.stderr


def test_every_write_is_audited(roll: Cli):
    roll("aid", "policy", "set", "illness", "--standard", "300")
    roll("aid", "plan", "10001", "--kind", "illness", "--on", "2025-03-01")
    roll("aid", "give", "10001", "--kind", "illness", "--on", "2025-03-02")
    log = _json(roll, "log", "--entity", "aid")
    assert sorted(r["key"] for r in log) == ["1", "plan 1", "plan 1", "policy illness"]


def test_policy_standard_above_cap_is_refused(roll: Cli):
    before = db_dump(roll.db)
    roll.fails("aid", "policy", "set", "illness", "--standard", "500", "--yearly-cap", "100")
    assert db_dump(roll.db) == before


@pytest.fixture
def due(template) -> Cli:
    """The roll for November 2025: a plan, a birthday, a man and a woman reaching
    retirement age, a hardship household not helped, and one closed as 脱困 in 2024-11."""

    def build(cli: Cli) -> None:
        cli(
            "members",
            "add",
            "10005",
            "陈红",
            "--gender",
            "F",
            "--birth",
            "1970-11-20",
            "--joined",
            "1995-01-01",
        )
        cli(
            "members",
            "add",
            "10006",
            "刘军",
            "--gender",
            "M",
            "--birth",
            "1965-11-03",
            "--joined",
            "1990-01-01",
            "--dept",
            "后勤",
        )
        cli(
            "members",
            "add",
            "10007",
            "周平",
            "--gender",
            "M",
            "--birth",
            "1966-11-03",
            "--joined",
            "1990-01-01",
        )
        cli("aid", "plan", "10001", "--kind", "illness", "--on", "2025-10-01", "--note", "住院")
        cli(
            "members",
            "hardship",
            "10001",
            "--tier",
            "deep",
            "--reason",
            "重病",
            "--on",
            "2025-01-01",
        )
        cli(
            "members",
            "hardship",
            "10004",
            "--tier",
            "relative",
            "--reason",
            "子女就学",
            "--on",
            "2023-01-01",
        )
        cli("members", "hardship", "10004", "--close", "--reason", "脱困", "--on", "2024-11-15")

    return template("aid_due", build, base="roll")


def test_due_in_a_fixed_month(due: Cli):
    rows = _json(due, "aid", "due", "--month", "2025-11")
    got = [(r["item"], r["emp_no"], r["kind"], r["since"], r["days_waiting"]) for r in rows]
    assert got == [
        ("plan", "10001", "illness", "2025-10-01", 60),  # waiting until the month's end
        ("birthday", "10004", "birthday", "2025-11-02", None),
        ("birthday", "10006", "birthday", "2025-11-03", None),
        ("birthday", "10007", "birthday", "2025-11-03", None),
        ("birthday", "10005", "birthday", "2025-11-20", None),
        ("retirement", "10006", "retirement", "2025-11-03", None),
        ("retirement", "10005", "retirement", "2025-11-20", None),
        ("hardship", "10001", "hardship", "2025-01-01", None),
        ("revisit", "10004", "hardship", "2024-11-15", None),
    ]


def test_due_changes_with_what_was_done(due: Cli):
    due("aid", "give", "10001", "--kind", "illness", "--amount", "500", "--on", "2025-11-05")
    rows = _json(due, "aid", "due", "--month", "2025-11")
    items = [(r["item"], r["emp_no"]) for r in rows]
    # the gift fulfilled the plan; an illness visit is not 帮扶 to the household
    assert ("plan", "10001") not in items and ("hardship", "10001") in items
    due("aid", "give", "10001", "--kind", "hardship", "--amount", "500", "--on", "2025-11-06")
    items = [(r["item"], r["emp_no"]) for r in _json(due, "aid", "due", "--month", "2025-11")]
    assert ("hardship", "10001") not in items
    # what was done shows beside each person
    due("aid", "give", "10004", "--kind", "birthday", "--amount", "100", "--on", "2025-10-30")
    rows = _json(due, "aid", "due", "--month", "2025-11")
    birthday = next(r for r in rows if r["item"] == "birthday" and r["emp_no"] == "10004")
    assert (birthday["times_this_year"], birthday["given_this_year"], birthday["last_given"]) == (
        1,
        100.0,
        "2025-10-30",
    )


def test_due_retirement_ages_are_configurable(due: Cli):
    rows = _json(due, "aid", "due", "--month", "2025-11", "--retire-men", "59")
    assert [r["emp_no"] for r in rows if r["item"] == "retirement"] == ["10007", "10005"]


def test_due_speaks_chinese(due: Cli):
    out = due("aid", "due", "--month", "2025年11月", "--lang", "zh", "--format", "csv").stdout
    assert out.splitlines()[0].startswith("事由,工号,姓名")
    assert "待慰问,10001,张丽" in out and "脱困满一年回访,10004" in out


def test_batch_gives_each_selected_member_and_prints_the_sign_sheet(roll: Cli):
    out = roll(
        "aid",
        "batch",
        "--kind",
        "节日慰问",
        "--amount",
        "200.50",
        "--gender",
        "F",
        "--status",
        "member",
        "--on",
        "2025-03-08",
        "--format",
        "csv",
        "--lang",
        "zh",
    )
    assert out.stdout.splitlines() == [
        "序号,工号,姓名,科室,慰问金,签名",
        "1,10001,张丽,心内科,200.50,",
        "2,10004,赵敏,护理部,200.50,",
        "合计,,,,401.00,",
    ]
    assert "2 笔" in out.stderr
    rows = _rows(roll, "aid", "list", "--kind", "holiday")
    assert [(r["emp_no"], r["cash"], r["given_on"]) for r in rows] == [
        ("10001", 200.5, "2025-03-08"),
        ("10004", 200.5, "2025-03-08"),
    ]


def test_batch_dry_run_writes_nothing(roll: Cli):
    before = db_dump(roll.db)
    out = roll(
        "aid",
        "batch",
        "--kind",
        "holiday",
        "--amount",
        "0.01",
        "--dry-run",
        "--on",
        "2025-01-20",
        "--format",
        "json",
    )
    sheet = json.loads(out.stdout)
    assert [r["emp_no"] for r in sheet["rows"]] == ["10001", "10002", "10003", "10004"]
    assert sheet["total"]["cash"] == 0.04
    assert db_dump(roll.db) == before


def test_batch_is_all_or_nothing(roll: Cli):
    roll("aid", "policy", "set", "holiday", "--yearly-cap", "300")
    roll("aid", "give", "10002", "--kind", "holiday", "--amount", "250", "--on", "2025-01-05")
    before = db_dump(roll.db)
    result = roll.fails(
        "aid", "batch", "--kind", "holiday", "--amount", "100", "--on", "2025-02-01"
    )
    assert "10002" in result.stderr
    assert db_dump(roll.db) == before
    roll.fails(
        "aid",
        "batch",
        "--kind",
        "holiday",
        "--amount",
        "100",
        "--status",
        "deceased",
        contains="no one",
    )
    assert db_dump(roll.db) == before


def test_batch_sign_sheet_as_xlsx(roll: Cli, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "签领表.xlsx"
    roll(
        "aid",
        "batch",
        "--kind",
        "holiday",
        "--amount",
        "99.99",
        "--branch",
        "内科分工会",
        "--on",
        "2025-01-20",
        "--format",
        "xlsx",
        "--output",
        str(path),
        "--lang",
        "zh",
    )
    cells = [
        [c for c in row if c is not None]
        for row in load_workbook(path).active.iter_rows(values_only=True)
    ]
    assert ["序号", "工号", "姓名", "科室", "慰问金", "签名"] in cells
    flat = [str(c) for row in cells for c in row]
    assert "合计" in flat and "199.98" in flat, cells
    assert cells[0] == ["节日慰问签领表 2025-01-20"]  # the occasion (the kind) and date on top
    sheet = load_workbook(path).active
    signature = sheet.column_dimensions["F"].width
    assert signature >= 24 > sheet.column_dimensions["E"].width, signature  # room to sign
    # every cell from the header to 合计 is boxed, ready to print and sign
    ranges = [
        (str(rule_range.sqref), rule.dxf.border.left.style)
        for rule_range in sheet.conditional_formatting
        for rule in rule_range.rules
    ]
    assert ranges == [("A2:F5", "thin")], ranges


def test_a_donation_drive_end_to_end(roll: Cli):
    out = roll("aid", "drive", "add", "为张丽爱心捐款", "--for", "10001", "--on", "2025-05-01")
    drive = out.stdout.split(":")[0]
    roll("aid", "drive", "give", drive, "10002", "--amount", "200", "--on", "2025-05-03")
    roll("aid", "drive", "give", drive, "10004", "--amount", "0.01", "--on", "2025-05-04")
    roll("aid", "drive", "give", drive, "10002", "--amount", "100.5", "--on", "2025-05-05")
    before = db_dump(roll.db)
    roll.fails("aid", "drive", "close", drive, "--on", "2025-05-04", contains="2025-05-05")
    roll.fails("aid", "drive", "give", drive, "10004", "--amount", "0", "--on", "2025-05-06")
    roll.fails("aid", "drive", "give", drive, "10004", "--amount", "5", "--on", "2025-04-30")
    assert db_dump(roll.db) == before
    # 10001 has no hardship record: donated money is not union funds, no 先建档 rule
    out = roll(
        "aid",
        "drive",
        "close",
        drive,
        "--kind",
        "critical_illness",
        "--on",
        "2025-05-20",
        "--by",
        "工会主席",
    )
    assert "300.51" in out.stdout
    rows = _rows(roll, "aid", "list", "--member", "10001")
    assert [(r["kind"], r["cash"], r["source"], r["flag"], r["note"]) for r in rows] == [
        ("critical_illness", 300.51, "donation", None, "为张丽爱心捐款")
    ]
    drives = _json(roll, "aid", "drive", "list")
    assert (drives["rows"][0]["donors"], drives["rows"][0]["donated"]) == (2, 300.51)
    assert drives["rows"][0]["closed_on"] == "2025-05-20"
    shown = _json(roll, "aid", "drive", "show", drive)
    assert shown["drive"]["aid_id"] == rows[0]["id"]
    assert [g["amount"] for g in shown["donations"]["rows"]] == [200.0, 0.01, 100.5]
    # closed: no more gifts, no second hand-over
    before = db_dump(roll.db)
    result = roll.fails("aid", "drive", "give", drive, "10004", "--amount", "5")
    assert "2025-05-20" in result.stderr
    roll.fails("aid", "drive", "close", drive)
    assert db_dump(roll.db) == before
    by_source = _json(roll, "reports", "aid", "--year", "2025", "--by", "source")
    assert [(r["source"], r["cash"]) for r in by_source["aid"]["rows"]] == [("donation", 300.51)]


def test_a_drive_for_an_outsider(roll: Cli):
    out = roll("aid", "drive", "add", "城区洪灾捐款", "--for-outsider", "市总工会", "--lang", "zh")
    assert "城区洪灾捐款" in out.stdout
    roll("aid", "drive", "give", "1", "10001", "--amount", "50")
    roll("aid", "drive", "close", "1", "--kind", "disaster")
    rows = _rows(roll, "aid", "list")
    assert [(r["beneficiary"], r["emp_no"], r["kind"], r["cash"]) for r in rows] == [
        ("市总工会", None, "disaster", 50.0)
    ]
    roll.fails("aid", "drive", "add", "x", "--for", "10001", "--for-outsider", "y")
    roll.fails("aid", "drive", "add", "x")
    roll.fails("aid", "drive", "show", "9")


def _another_database(templates, env, tmp_path: Path, template: str) -> Cli:
    """A second union's file, built as the template `template`: where a listing is
    imported back."""
    home = tmp_path / "other"
    home.mkdir()
    return templates.copy(template, home, {**env, "UNIONCTL_DB": str(home / "union.db")})


def test_import_reads_back_the_listing_into_another_database(templates, env, roll: Cli, tmp_path):
    _fen_fixture(roll)
    roll(
        "aid",
        "give",
        "10004",
        "--kind",
        "illness",
        "--amount",
        "5",
        "--on",
        "2025-03-01",
        "--over-cap",
        "--note",
        "特批",
    )  # no cap set: the override is not flagged
    listing = roll("aid", "list", "--format", "csv", "--lang", "zh").stdout
    path = tmp_path / "台账.csv"
    path.write_text(listing, encoding="utf-8")
    other = _another_database(templates, env, tmp_path, "roll")
    out = other("aid", "import", str(path), "--dry-run")
    assert "1339.66" in out.stderr
    assert _rows(other, "aid", "list") == []
    out = other("aid", "import", str(path))
    assert "4" in out.stdout and "1339.66" in out.stdout
    assert other("aid", "list", "--format", "csv", "--lang", "zh").stdout == listing


def test_import_is_all_or_nothing_and_names_every_bad_line(roll: Cli, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "工号,受助人,帮扶类别,金额,日期\n"
        "10001,,生病住院,500,2025-03-01\n"
        "99999,,生病住院,500,2025-03-01\n"
        "10004,,困难帮扶,500,2025-03-01\n"
        ",某贫困户,节日慰问,-3,2025-03-01\n"
        "10001,,郊游,5,2025-03-01\n",
        encoding="utf-8",
    )
    before = db_dump(roll.db)
    result = roll.fails("aid", "import", str(path))
    for line in ("line 3", "line 4", "line 5", "line 6"):
        assert line in result.stderr, result.stderr
    assert "line 2" not in result.stderr
    assert db_dump(roll.db) == before


def test_import_from_xlsx(roll: Cli, tmp_path):
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["工号", "受助人", "帮扶类别", "慰问金", "物品", "物品价值", "日期", "慰问人"])
    sheet.append(["10001", None, "生日", 100, None, None, dt.datetime(2025, 3, 5), "工会"])
    sheet.append([None, "李家村", "节日慰问", None, "棉被", 88.8, dt.datetime(2025, 1, 2), None])
    path = tmp_path / "aid.xlsx"
    book.save(path)
    roll("aid", "import", str(path))
    rows = _rows(roll, "aid", "list")
    assert [(r["given_on"], r["beneficiary"], r["cash"], r["goods_value"]) for r in rows] == [
        ("2025-01-02", "李家村", 0.0, 88.8),
        ("2025-03-05", "张丽", 100.0, None),
    ]


@pytest.mark.parametrize("by", ["kind", "month", "source"])
def test_the_report_reads_only_the_covering_index(roll: Cli, by):
    import sqlite3

    from unionctl.reports.aid import GROUPS, REPORT_SQL

    expression, _column, order = GROUPS[by]
    sql = REPORT_SQL.format(
        group=expression, join="", grouping=expression, order=order.format(col="grp")
    )
    with sqlite3.connect(roll.db) as conn:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN " + sql, {"start": "2025-01-01", "end": "2025-12-31"}
        ).fetchall()
    steps = " | ".join(row[-1] for row in plan)
    assert "USING COVERING INDEX ix_aid_given" in steps, steps


def test_the_demo_year_of_aid_matches_its_golden_report(bare_cli: Cli, tmp_path):
    from pathlib import Path

    target = tmp_path / "demo.db"
    bare_cli("demo", "--db", str(target))
    demo = Cli(target, {**bare_cli.env, "UNIONCTL_DB": str(target)})
    out = demo("reports", "aid", "--year", "2025", "--lang", "zh", "--format", "csv").stdout
    golden = Path(__file__).parent / "golden" / "demo_aid_zh.csv"
    assert out == golden.read_text(encoding="utf-8")
    drives = _json(demo, "aid", "drive", "list")["rows"]
    assert [(d["donors"], d["closed_on"]) for d in drives] == [(40, "2025-10-15")]
    due = _json(demo, "aid", "due", "--month", "2025-12")
    assert [r["emp_no"] for r in due if r["item"] == "plan"] == ["10120", "10242"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("reports", "aid", "--by", "colour"), "colour"),
        (("reports", "aid", "--year", "2027"), "2027"),
        (("aid", "show", "999"), "999"),
        (("aid", "show", "abc"), "abc"),
        (("aid", "list", "--kind", "picnic"), "picnic"),
        (("aid", "list", "--member", "99999"), "99999"),
        (("aid", "policy", "set", "picnic", "--standard", "5"), "picnic"),
        (("aid", "policy", "set", "illness", "--standard", "2000000"), "1,000,000"),
        (("aid", "plan", "99999", "--kind", "illness"), "99999"),
        (("aid", "drive", "give", "1", "10001", "--amount", "5"), "1"),
        (("aid", "batch", "--kind", "holiday"), "aid policy set"),
    ],
)
def test_more_bad_input_is_one_line(roll: Cli, args, says):
    before = db_dump(roll.db)
    result = roll.fails(*args)
    assert result.stderr.startswith("unionctl: ") and result.stderr.count("\n") == 1
    assert says in result.stderr
    assert db_dump(roll.db) == before


# --- found by trying a secretary's month (third trial) --------------------------------


def test_a_batch_whose_sheet_cannot_be_written_gives_nothing(roll: Cli, tmp_path: Path):
    """The gifts were committed before the 签领表 failed: a retry paid everyone twice."""
    before = db_dump(roll.db)
    roll.fails("aid", "batch", "--kind", "holiday", "--amount", "100", "-f", "xlsx")
    missing = tmp_path / "no-such-folder" / "sheet.csv"
    roll.fails("aid", "batch", "--kind", "holiday", "--amount", "100", "-o", str(missing))
    assert db_dump(roll.db) == before


def test_a_plan_takes_the_words_a_secretary_hears(roll: Cli):
    roll("aid", "plan", "10001", "--kind", "住院", "--on", "2025-12-01")
    due = roll("aid", "due", "--month", "2025-12", "-f", "csv").stdout
    assert "10001" in due


def test_bereavement_after_a_death_counts_in_the_last_branch(roll: Cli):
    roll("members", "decease", "10004", "--on", "2025-03-01")
    roll("aid", "give", "10004", "--kind", "bereavement", "--amount", "1000", "--on", "2025-03-01")
    rows = json.loads(
        roll("reports", "aid", "--by", "branch", "--year", "2025", "-f", "json").stdout
    )
    table = rows[0] if isinstance(rows, list) else rows.get("aid", rows)
    branches = {r["branch"]: r for r in table["rows"]}
    assert "护理分工会" in branches and None not in branches and "—" not in branches


# --- the third trial's leftovers: the sheet, a batch's override, receipts (issue 8) ---


def _batch(cli: Cli, *args: str, code: int = 0):
    return cli("aid", "batch", "--kind", "holiday", "--on", "2025-03-08", *args, code=code)


def test_the_sign_sheet_shows_cash_and_goods_apart_exact_to_the_fen(roll: Cli, tmp_path):
    """One 金额 column added cash and goods together: a secretary could not tell how
    much money to hand over from what was bought. Three gifts of 0.10 add to 0.30,
    not 0.30000000000000004, in every format."""
    gifts = ("--amount", "0.10", "--goods", "大米", "--goods-value", "0.20", "--gender", "F")
    out = _batch(roll, *gifts, "--dry-run", "--lang", "zh", "-f", "csv").stdout
    assert out.splitlines() == [
        "序号,工号,姓名,科室,慰问金,物品,物品价值,签名",
        "1,10001,张丽,心内科,0.10,大米,0.20,",
        "2,10002,王芳,急诊科,0.10,大米,0.20,",
        "3,10004,赵敏,护理部,0.10,大米,0.20,",
        "合计,,,,0.30,,0.60,",
    ]
    sheet = json.loads(_batch(roll, *gifts, "--dry-run", "-f", "json").stdout)
    assert sheet["rows"][0] == {
        "seq": 1,
        "emp_no": "10001",
        "name": "张丽",
        "dept": "心内科",
        "cash": 0.1,
        "goods": "大米",
        "goods_value": 0.2,
        "signature": None,
    }
    assert (sheet["total"]["cash"], sheet["total"]["goods_value"]) == (0.3, 0.6)
    md = _batch(roll, *gifts, "--dry-run", "-f", "md").stdout
    assert md.splitlines()[-1].replace(" ", "") == "|Total||||0.30||0.60||"
    path = tmp_path / "sheet.xlsx"
    _batch(roll, *gifts, "-f", "xlsx", "-o", str(path), "--lang", "zh")
    from openpyxl import load_workbook

    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[1] == ("序号", "工号", "姓名", "科室", "慰问金", "物品", "物品价值", "签名")
    assert rows[-1] == ("合计", None, None, None, 0.3, None, 0.6, None)
    listed = _rows(roll, "aid", "list", "--kind", "holiday")
    assert [(r["cash"], r["goods"], r["goods_value"]) for r in listed] == [(0.1, "大米", 0.2)] * 3


def test_the_sign_sheet_has_no_goods_columns_when_nobody_gets_goods(roll: Cli):
    out = _batch(roll, "--amount", "200", "--gender", "F", "--dry-run", "-f", "csv").stdout
    assert out.splitlines()[0] == "no,emp_no,name,dept,cash,signature"


def test_the_sign_sheet_is_titled_with_its_occasion_and_date(roll: Cli, tmp_path):
    """It was titled 签领表 and the date, whatever it was for; a secretary files a
    春节送温暖签领表 and a 三八节慰问签领表."""
    from openpyxl import load_workbook

    path = tmp_path / "三八.xlsx"
    _batch(
        roll,
        "--amount",
        "100",
        "--gender",
        "F",
        "--title",
        "三八节慰问",
        "-f",
        "xlsx",
        "-o",
        str(path),
        "--lang",
        "zh",
        "--dry-run",
    )
    book = load_workbook(path)
    assert next(book.active.iter_rows(values_only=True))[0] == "三八节慰问签领表 2025-03-08"
    assert book.active.title == "三八节慰问签领表 2025-03-08"
    assert book.properties.title == "三八节慰问签领表 2025-03-08"
    # the kind's name when no --title; English says it its own way
    md = _batch(roll, "--amount", "100", "--dry-run", "-f", "md", "--lang", "zh").stdout
    assert md.startswith("### 节日慰问签领表 2025-03-08\n")
    md = _batch(roll, "--amount", "100", "--dry-run", "-f", "md", "--title", "Spring Festival")
    assert md.stdout.startswith("### Sign-for sheet: Spring Festival 2025-03-08\n")
    md = _batch(roll, "--amount", "100", "--dry-run", "-f", "md").stdout
    assert md.startswith("### Sign-for sheet: holiday greetings 2025-03-08\n")


def test_the_sign_sheet_title_on_a_real_terminal(roll: Cli):
    import os
    import subprocess
    import sys

    master, slave = os.openpty()
    try:
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "unionctl",
                "--lang",
                "zh",
                "aid",
                "batch",
                "--kind",
                "holiday",
                "--amount",
                "300",
                "--on",
                "2025-01-20",
                "--title",
                "春节送温暖",
                "--dry-run",
            ],
            env={**os.environ, **roll.env, "COLUMNS": "100", "TERM": "dumb"},
            stdin=slave,
            stdout=slave,
            stderr=subprocess.PIPE,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        child.wait(timeout=60)
    finally:
        os.close(master)
    shown = b"".join(chunks).decode()
    assert child.returncode == 0
    assert "春节送温暖签领表 2025-01-20" in shown and "│" in shown, shown


def test_a_batch_over_the_cap_is_refused_naming_how_many_and_who(roll: Cli):
    """It stopped at the first member over the cap: the secretary fixed one, ran it
    again, met the next. Now everyone is checked and the refusal names them."""
    roll("aid", "policy", "set", "holiday", "--yearly-cap", "300")
    for emp_no, amount in (("10001", "250"), ("10002", "210.5"), ("10004", "201")):
        roll("aid", "give", emp_no, "--kind", "holiday", "--amount", amount, "--on", "2025-01-05")
    before = db_dump(roll.db)
    result = roll.fails(
        "aid", "batch", "--kind", "holiday", "--amount", "100", "--on", "2025-02-01"
    )
    assert result.stderr == (
        "unionctl: 3 of the 4 selected would pass the yearly cap of 300.00 yuan for holiday "
        "greetings in 2025: 10001 张丽 (had 250.00), 10002 王芳 (had 210.50), 10004 赵敏 "
        "(had 201.00); nothing given; to give it anyway add --over-cap --note REASON\n"
    )
    zh = roll.fails(
        "aid", "batch", "--kind", "holiday", "--amount", "100", "--on", "2025-02-01", "--lang", "zh"
    ).stderr
    assert zh.startswith("unionctl: 选中的 4 人中有 3 人将超过节日慰问 2025 年度上限 300.00 元：")
    assert "10001 张丽（已领 250.00 元）、10002 王芳" in zh
    # --over-cap without a reason is still refused, as for `aid give`
    roll.fails(
        "aid",
        "batch",
        "--kind",
        "holiday",
        "--amount",
        "100",
        "--on",
        "2025-02-01",
        "--over-cap",
        contains="3 of the 4",
    )
    assert db_dump(roll.db) == before


def test_a_refusal_names_the_first_five_and_counts_the_rest(roll: Cli):
    for number in range(10011, 10018):
        roll("members", "add", str(number), f"职工{number}", "--joined", "2020-01-01")
    result = roll.fails(
        "aid", "batch", "--kind", "hardship", "--amount", "500", "--on", "2025-02-01"
    )
    assert "11 selected have no open hardship record on 2025-02-01" in result.stderr
    assert "10001 张丽, 10002 王芳, 10003 李强, 10004 赵敏, 10011 职工10011, and 6 more" in (
        result.stderr
    )
    assert "--unregistered --note REASON" in result.stderr


def test_a_batch_gives_over_the_cap_with_a_reason_and_flags_those_rows(roll: Cli):
    roll("aid", "policy", "set", "holiday", "--yearly-cap", "300")
    roll("aid", "give", "10002", "--kind", "holiday", "--amount", "250", "--on", "2025-01-05")
    result = roll(
        "aid",
        "batch",
        "--kind",
        "holiday",
        "--amount",
        "100",
        "--on",
        "2025-02-01",
        "--over-cap",
        "--note",
        "春节加发",
        "-f",
        "csv",
    )
    assert (
        "4 gift(s) of holiday greetings recorded, 400.00 yuan in all (1 flagged)" in result.stderr
    )
    rows = _rows(roll, "aid", "list", "--kind", "holiday", "--from", "2025-02-01")
    assert [(r["emp_no"], r["flag"], r["note"]) for r in rows] == [
        ("10001", None, "春节加发"),
        ("10002", "over_cap", "春节加发"),  # flagged as `aid give --over-cap` flags it
        ("10003", None, "春节加发"),
        ("10004", None, "春节加发"),
    ]


def test_a_batch_of_hardship_aid_to_the_unregistered_with_a_reason(roll: Cli):
    roll("members", "hardship", "10001", "--tier", "deep", "--reason", "重病", "--on", "2025-01-02")
    roll.fails(
        "aid",
        "batch",
        "--kind",
        "hardship",
        "--amount",
        "500",
        "--branch",
        "内科分工会",
        "--on",
        "2025-02-01",
        contains="1 of the 2 selected",
    )
    roll(
        "aid",
        "batch",
        "--kind",
        "hardship",
        "--amount",
        "500",
        "--branch",
        "内科分工会",
        "--on",
        "2025-02-01",
        "--unregistered",
        "--note",
        "退休困难",
    )
    rows = _rows(roll, "aid", "list", "--kind", "hardship")
    assert [(r["emp_no"], r["flag"]) for r in rows] == [("10001", None), ("10003", "unregistered")]


def test_a_receipt_reads_like_the_seeds(roll: Cli):
    """ "148：2025-11-02 向 10001 董英 发放生病住院，合计 500.00 元" added cash and goods
    and put the kind where a secretary writes the occasion."""
    zh = ("--lang", "zh")
    out = roll(
        "aid", "give", "10001", "--kind", "illness", "--amount", "500", "--on", "2025-11-02", *zh
    ).stdout
    assert out == "1：2025-11-02 慰问 10001 张丽（生病住院），慰问金 500.00 元\n"
    out = roll(
        "aid",
        "give",
        "10004",
        "--kind",
        "illness",
        "--amount",
        "300.5",
        "--goods",
        "大米、棉被",
        "--goods-value",
        "1200",
        "--on",
        "2025-11-02",
        *zh,
    ).stdout
    assert out == (
        "2：2025-11-02 慰问 10004 赵敏（生病住院），慰问金 300.50 元，"
        "物品 大米、棉被（价值 1200.00 元）\n"
    )
    out = roll(
        "aid",
        "give",
        "--outsider",
        "城东村贫困户",
        "--kind",
        "holiday",
        "--goods",
        "大米",
        "--goods-value",
        "80",
        "--on",
        "2025-11-02",
        *zh,
    ).stdout
    assert out == "3：2025-11-02 慰问 城东村贫困户（节日慰问），物品 大米（价值 80.00 元）\n"
    out = roll(
        "aid",
        "give",
        "--outsider",
        "城东村贫困户",
        "--kind",
        "hardship",
        "--amount",
        "300",
        "--unregistered",
        "--note",
        "结对帮扶",
        "--on",
        "2025-11-02",
        *zh,
    ).stdout
    assert out == "4：2025-11-02 慰问 城东村贫困户（困难帮扶），慰问金 300.00 元（标记：未建档）\n"
    out = roll(
        "aid",
        "give",
        "10001",
        "--kind",
        "illness",
        "--amount",
        "500",
        "--goods",
        "水果",
        "--goods-value",
        "80.5",
        "--on",
        "2025-11-03",
    ).stdout
    assert out == (
        "5: 2025-11-03 aid to 10001 张丽 (illness), cash 500.00 yuan, "
        "goods 水果 (worth 80.50 yuan)\n"
    )


def test_the_log_says_a_gift_in_yuan_and_in_words(roll: Cli):
    """Trial: `log` showed a 500 元 gift as amount=50000 (fen) with English keys and codes
    (member, source=union, 类型=illness), and a drive's end as the hardship file's 退档日期."""
    roll("aid", "give", "10001", "--kind", "illness", "--amount", "500", "--on", "2025-03-02")
    zh = roll("log", "--entity", "aid", "--lang", "zh").stdout
    for words in ("金额=500.00", "类型=生病住院", "经费来源=工会经费", "工号=10001"):
        assert words in zh, zh
    assert "50000" not in zh and "illness" not in zh and "source" not in zh
    assert "amount=500.00" in roll("log", "--entity", "aid").stdout
    raw = json.loads(roll("log", "--entity", "aid", "-f", "json").stdout)
    assert raw[0]["after"]["amount"] == 50000  # machines keep the stored fen


# --- the fourth trial (a secretary's 春节送温暖): who a batch reaches, twice, 帮扶 ---


@pytest.fixture
def moved(template) -> Cli:
    """The roll in a year of changes: 10002 left the hospital on 2025-06-30, 10004 died
    on 2025-08-02, 10005 was hired on 2025-07-01 (10003 is retired: still on the roll)."""

    def build(cli: Cli) -> None:
        cli("members", "depart", "10002", "--on", "2025-06-30", "--reason", "离职")
        cli("members", "decease", "10004", "--on", "2025-08-02", "--reason", "病故")
        cli("members", "add", "10005", "孙伟", "--hired", "2025-07-01", "--joined", "2025-07-01")

    return template("aid_moved", build, base="roll")


def _sheet(cli: Cli, *args: str) -> list[str]:
    out = cli(
        "aid", "batch", "--kind", "holiday", "--amount", "300", "--dry-run", "-f", "json", *args
    )
    return [row["emp_no"] for row in json.loads(out.stdout)["rows"]]


def test_a_batch_reaches_only_those_on_the_roll_on_its_day(moved: Cli):
    """A 春节送温暖 dry run over the demo listed the dead, those who had left the hospital
    and those transferred out; a back-entered batch listed someone hired months later."""
    assert _sheet(moved, "--on", "2025-12-20") == ["10001", "10003", "10005"]
    # back-entered: the roll of that day, not today's
    assert _sheet(moved, "--on", "2025-01-20") == ["10001", "10002", "10003", "10004"]
    assert _sheet(moved, "--on", "2025-07-15") == ["10001", "10003", "10004", "10005"]
    # the `members list` filters narrow the day's roll
    assert _sheet(moved, "--on", "2025-07-15", "--gender", "F") == ["10001", "10004"]
    assert _sheet(moved, "--on", "2025-12-20", "--employment", "retired") == ["10003"]
    before = db_dump(moved.db)
    result = moved.fails(
        "aid",
        "batch",
        "--kind",
        "holiday",
        "--amount",
        "300",
        "--on",
        "2025-12-20",
        "--status",
        "deceased",
    )
    assert result.stderr == (
        "unionctl: no one on the roll on 2025-12-20 matches the filters: nothing given\n"
    )
    assert db_dump(moved.db) == before


@pytest.mark.parametrize("kind", ["holiday", "illness", "hardship", "cooling", "other"])
def test_aid_goes_only_to_someone_on_the_roll_that_day(moved: Cli, kind):
    """`aid give --kind holiday` to a member dead four months was recorded."""
    # hardship aid past the register (先建档), so that only the roll decides here
    extra = ("--unregistered", "--note", "建档审批中") if kind == "hardship" else ()
    before = db_dump(moved.db)
    for emp_no, on in (("10004", "2025-09-01"), ("10002", "2025-07-01"), ("10005", "2025-06-30")):
        result = moved.fails(
            "aid", "give", emp_no, "--kind", kind, "--amount", "200", "--on", on, *extra
        )
        assert f"{emp_no} " in result.stderr and f"is not on the roll on {on}" in result.stderr
    assert db_dump(moved.db) == before
    # the day before they left, the day they were hired, and a retiree: on the roll
    for emp_no, on in (("10004", "2025-08-01"), ("10005", "2025-07-01"), ("10003", "2025-09-01")):
        _id(moved, emp_no, "--kind", kind, "--amount", "200", "--on", on, *extra)


def test_what_still_reaches_someone_off_the_roll(moved: Cli):
    """丧事 visits the family; 医疗互助 and 安康保险 pay a claim whose event came while on the
    roll; a donation drive hands what colleagues gave to the family (the seeds' 因公殉职
    doctor's parents)."""
    _id(moved, "10004", "--kind", "bereavement", "--amount", "1000", "--on", "2025-08-03")
    _id(moved, "10004", "--kind", "mutual_medical", "--amount", "3000", "--on", "2025-09-10")
    _id(moved, "10002", "--kind", "insurance", "--amount", "800", "--on", "2025-07-20")
    moved("aid", "drive", "add", "为赵敏家属捐款", "--for", "10004", "--on", "2025-08-03")
    moved("aid", "drive", "give", "1", "10001", "--amount", "500", "--on", "2025-08-04")
    out = moved("aid", "drive", "close", "1", "--kind", "disaster", "--on", "2025-08-10")
    assert "500.00" in out.stdout


def test_the_same_batch_twice_is_refused_unless_again(roll: Cli):
    """Running a batch a second time (a retry, a colleague at the other desk) paid
    everyone twice, without a word."""
    _batch(roll, "--amount", "300", "--gender", "F", "--title", "三八节慰问")
    before = db_dump(roll.db)
    result = roll.fails(
        "aid", "batch", "--kind", "holiday", "--amount", "300", "--on", "2025-03-08"
    )
    assert result.stderr == (
        "unionctl: 3 of the 4 selected already had holiday greetings on 2025-03-08: "
        "10001 张丽, 10002 王芳, 10004 赵敏; nothing given; to give it again add --again\n"
    )
    zh = roll.fails(
        "aid", "batch", "--kind", "holiday", "--amount", "300", "--on", "2025-03-08", "--lang", "zh"
    ).stderr
    assert zh == (
        "unionctl: 选中的 4 人中有 3 人在 2025-03-08 已登记节日慰问：10001 张丽、10002 王芳、"
        "10004 赵敏；未发放。确需再发请加 --again\n"
    )
    assert db_dump(roll.db) == before
    # another day or another kind is another gift
    _batch(roll, "--amount", "300", "--gender", "F", "--on", "2025-03-09")
    roll("aid", "batch", "--kind", "cooling", "--amount", "50", "--on", "2025-03-08")
    out = _batch(roll, "--amount", "300", "--again", "--note", "补发", "-f", "csv")
    assert "4 gift(s) of holiday greetings recorded" in out.stderr
    on_the_day = _rows(
        roll, "aid", "list", "--kind", "holiday", "--from", "2025-03-08", "--to", "2025-03-08"
    )
    assert [(r["emp_no"], r["note"]) for r in on_the_day] == [
        ("10001", "三八节慰问"),  # the occasion is the note when --note is left out
        ("10002", "三八节慰问"),
        ("10004", "三八节慰问"),
        ("10001", "补发"),
        ("10002", "补发"),
        ("10003", "补发"),
        ("10004", "补发"),
    ]


def test_a_dry_run_warns_of_a_batch_already_given(roll: Cli):
    _batch(roll, "--amount", "300", "--gender", "F")
    roll.fails(
        "aid",
        "batch",
        "--kind",
        "holiday",
        "--amount",
        "300",
        "--on",
        "2025-03-08",
        "--dry-run",
        contains="--again",
    )


def test_the_occasion_is_no_reason_for_an_override(roll: Cli):
    """--title names the occasion and becomes the note; it is not the reason an
    override asks for."""
    roll("aid", "policy", "set", "holiday", "--yearly-cap", "300")
    roll("aid", "give", "10002", "--kind", "holiday", "--amount", "250", "--on", "2025-01-05")
    before = db_dump(roll.db)
    roll.fails(
        "aid",
        "batch",
        "--kind",
        "holiday",
        "--amount",
        "100",
        "--on",
        "2025-02-01",
        "--over-cap",
        "--title",
        "春节送温暖",
        contains="--note",
    )
    assert db_dump(roll.db) == before


def test_an_override_without_its_reason_says_the_note_is_missing(helped: Cli):
    """`--over-cap` without --note answered "to give it anyway add --over-cap --note
    REASON": the secretary had given --over-cap and was told to give it."""
    for day in ("2025-02-01", "2025-03-01", "2025-04-01"):
        _id(helped, "10004", "--kind", "illness", "--on", day)
    before = db_dump(helped.db)
    over = ("aid", "give", "10004", "--kind", "illness", "--on", "2025-05-01", "--over-cap")
    assert helped.fails(*over).stderr == (
        "unionctl: 10004 already had 900.00 yuan of illness in 2025; 300.00 more passes the "
        "yearly cap of 1000.00; --over-cap needs its reason: add --note REASON\n"
    )
    assert helped.fails(*over, "--lang", "zh").stderr == (
        "unionctl: 10004 在 2025 年已领生病住院 900.00 元，再发 300.00 元将超过年度上限 "
        "1000.00 元；--over-cap 须写明原因：请加 --note 原因\n"
    )
    unregistered = ("aid", "give", "10004", "--kind", "hardship", "--amount", "500")
    result = helped.fails(*unregistered, "--on", "2025-05-01", "--unregistered")
    assert result.stderr.endswith("; --unregistered needs its reason: add --note REASON\n")
    assert "add --unregistered" not in result.stderr
    result = helped.fails(*unregistered, "--on", "2025-05-01", "--unregistered", "--lang", "zh")
    assert result.stderr.endswith("；--unregistered 须写明原因：请加 --note 原因\n")
    # without the override, the way to give it anyway
    assert helped.fails(*over[:-1]).stderr.endswith(
        "; to give it anyway add --over-cap --note REASON\n"
    )
    assert db_dump(helped.db) == before


def test_a_batch_override_without_its_reason_says_the_note_is_missing(roll: Cli):
    roll("aid", "policy", "set", "holiday", "--yearly-cap", "300")
    roll("aid", "give", "10002", "--kind", "holiday", "--amount", "250", "--on", "2025-01-05")
    before = db_dump(roll.db)
    gift = ("aid", "batch", "--kind", "holiday", "--amount", "100", "--on", "2025-02-01")
    result = roll.fails(*gift, "--over-cap")
    assert result.stderr == (
        "unionctl: 1 of the 4 selected would pass the yearly cap of 300.00 yuan for holiday "
        "greetings in 2025: 10002 王芳 (had 250.00); nothing given; --over-cap needs its "
        "reason: add --note REASON\n"
    )
    assert roll.fails(*gift, "--over-cap", "--lang", "zh").stderr.endswith(
        "未发放。--over-cap 须写明原因：请加 --note 原因\n"
    )
    hardship = ("aid", "batch", "--kind", "hardship", "--amount", "500", "--on", "2025-02-01")
    result = roll.fails(*hardship, "--unregistered", "--branch", "内科分工会")
    assert result.stderr.endswith(
        "nothing given; --unregistered needs its reason: add --note REASON\n"
    )
    zh = roll.fails(*hardship, "--unregistered", "--branch", "内科分工会", "--lang", "zh").stderr
    assert zh.endswith("未发放。--unregistered 须写明原因：请加 --note 原因\n")
    assert db_dump(roll.db) == before


def test_only_hardship_aid_counts_as_helping_a_household(helped: Cli):
    """After a 春节 holiday batch every registered household showed as 已帮扶 and left
    `aid due`'s 今年未帮扶的困难户: a holiday gift, a birthday or a 送清凉 is not 帮扶.
    Only the kinds 先建档，后帮扶 governs (hardship, critical_illness) count."""

    def register() -> tuple[int, int, int]:
        row = _json(helped, "reports", "aid", "--year", "2025")["hardship_register"][0]
        return row["registered"], row["helped"], row["not_helped"]

    def not_helped(month: str) -> list[str]:
        rows = _json(helped, "aid", "due", "--month", month)
        return [r["emp_no"] for r in rows if r["item"] == "hardship"]

    _batch(helped, "--amount", "300", "--title", "春节送温暖", "--on", "2025-01-20")
    helped("aid", "give", "10001", "--kind", "cooling", "--amount", "50", "--on", "2025-07-10")
    helped("aid", "give", "10001", "--kind", "illness", "--amount", "500", "--on", "2025-08-10")
    assert register() == (1, 0, 1)
    assert not_helped("2025-09") == ["10001"]
    helped(
        "aid",
        "give",
        "10001",
        "--kind",
        "critical_illness",
        "--amount",
        "5000",
        "--on",
        "2025-09-10",
    )
    assert register() == (1, 1, 0)
    assert not_helped("2025-09") == []
    assert not_helped("2025-08") == ["10001"]  # not yet helped at the end of August


def test_due_for_a_past_month_is_as_of_its_end(due: Cli):
    """`aid due --month 2025-12` (a past month) showed 上次慰问 2026-01-21 beside 今年次数 0:
    what has been done is read as of the month's end, not today."""
    later = {"UNIONCTL_TODAY": "2026-02-01"}

    def due_in(month: str, env=None) -> list[dict]:
        return json.loads(due("aid", "due", "--month", month, "-f", "json", env=env).stdout)

    due("aid", "give", "10004", "--kind", "birthday", "--amount", "100", "--on", "2025-10-30")
    due("members", "hardship", "10001", "--close", "--reason", "脱困", "--on", "2025-12-15")
    gift = ("aid", "give", "--kind", "illness", "--amount", "500", "--on")
    due(*gift, "2026-01-21", "10001", env=later)
    due(*gift, "2026-01-05", "10004", env=later)
    rows = due_in("2025-11")
    got = {
        (r["item"], r["emp_no"]): (r["times_this_year"], r["given_this_year"], r["last_given"])
        for r in rows
    }
    # the plan was open at November's end (the January gift fulfilled it), and so was
    # the household's record (closed in December)
    assert got[("plan", "10001")] == (0, None, None)
    assert got[("hardship", "10001")] == (0, None, None)
    assert got[("birthday", "10004")] == (1, 100.0, "2025-10-30")
    assert got[("revisit", "10004")] == (1, 100.0, "2025-10-30")
    assert next(r for r in rows if r["item"] == "plan")["days_waiting"] == 60
    # read again later: nothing has changed for November
    assert due_in("2025-11", env=later) == rows
    # December: the record was closed in it, January's gifts are still to come
    december = {(r["item"], r["emp_no"]): r for r in due_in("2025-12", env=later)}
    assert ("hardship", "10001") not in december
    assert december[("plan", "10001")]["last_given"] is None
    # January sees January
    january = {(r["item"], r["emp_no"]): r for r in due_in("2026-01", env=later)}
    assert ("plan", "10001") not in january


def test_a_birthday_given_in_its_month_is_no_longer_due(due: Cli):
    """The birthday list went on asking for visits already made. Left out, as a plan is
    once a gift fulfils it."""
    due("aid", "give", "10006", "--kind", "birthday", "--amount", "100", "--on", "2025-11-03")
    due("aid", "give", "10007", "--kind", "holiday", "--amount", "100", "--on", "2025-11-04")
    due("aid", "give", "10005", "--kind", "birthday", "--amount", "100", "--on", "2025-10-20")
    rows = _json(due, "aid", "due", "--month", "2025-11")
    items = [(r["item"], r["emp_no"]) for r in rows]
    # another kind, or a birthday gift in another month, does not do it
    assert [emp_no for item, emp_no in items if item == "birthday"] == ["10004", "10007", "10005"]
    assert ("retirement", "10006") in items  # a birthday gift is no retirement visit


def test_importing_the_same_sheet_twice_is_refused_not_counted_twice(roll: Cli, tmp_path):
    # A secretary who imports last month's 台账 again (after fixing a row elsewhere) must
    # not double every gift in the year's report. A row whose gift is already recorded
    # (same person, kind, day, cash, goods and value) is refused, naming the gift;
    # --again records it once more.
    path = tmp_path / "台账.csv"
    path.write_text(
        "工号,受助人,帮扶类别,金额,物品,物品价值,日期\n"
        "10001,,生病住院,500,,,2025-03-01\n"
        ",某贫困户,节日慰问,,棉被,88.8,2025-01-02\n",
        encoding="utf-8",
    )
    roll("aid", "import", str(path))
    before = db_dump(roll.db)
    result = roll.fails("aid", "import", str(path))
    assert "line 2" in result.stderr and "line 3" in result.stderr, result.stderr
    assert "#1" in result.stderr and "#2" in result.stderr and "--again" in result.stderr
    assert db_dump(roll.db) == before
    zh = roll.fails("aid", "import", str(path), "--lang", "zh")
    assert "已有" in zh.stderr and "--again" in zh.stderr
    # a different amount is another gift, and --again records the same one again
    path.write_text("工号,帮扶类别,金额,日期\n10001,生病住院,300,2025-03-01\n", encoding="utf-8")
    roll("aid", "import", str(path))
    roll("aid", "import", str(path), "--again")
    assert len(_rows(roll, "aid", "list")) == 4


def test_a_drive_is_found_by_its_title_too(roll: Cli):
    # A secretary remembers the drive as 为张丽爱心捐款, not as #1.
    roll("aid", "drive", "add", "为张丽爱心捐款", "--for", "10001", "--on", "2025-05-01")
    roll("aid", "drive", "give", "为张丽爱心捐款", "10004", "--amount", "200", "--on", "2025-05-03")
    assert "200.00" in roll("aid", "drive", "show", "为张丽爱心捐款").stdout
    miss = roll.fails("aid", "drive", "show", "为张丽捐款", "--lang", "zh")
    assert "为张丽爱心捐款" in miss.stderr  # the closest title
    roll.fails("aid", "drive", "show", "7", contains="7")
    roll("aid", "drive", "add", "为张丽爱心捐款", "--for", "10004", "--on", "2025-06-01")
    both = roll.fails("aid", "drive", "show", "为张丽爱心捐款")
    assert "#1" in both.stderr and "#2" in both.stderr


def test_a_row_repeated_within_the_sheet_names_the_earlier_line(roll: Cli, tmp_path):
    # The repeat of a row of the same sheet has no stored gift to name: the id the
    # earlier row got is rolled back with the rest. The message names that line.
    path = tmp_path / "重复.csv"
    path.write_text(
        "工号,帮扶类别,金额,日期\n10001,生日,100,2025-03-01\n10001,生日,100,2025-03-01\n",
        encoding="utf-8",
    )
    result = roll.fails("aid", "import", str(path))
    assert "line 3" in result.stderr and "line 2" in result.stderr.split("line 3", 1)[1]
    assert "#" not in result.stderr


def test_a_reimported_row_at_its_cap_is_named_a_repeat_not_over_the_cap(roll: Cli, tmp_path):
    # The stored gift used the cap up; the row is that same gift: the message must say
    # it is already recorded, not invite an --over-cap override.
    roll("aid", "policy", "set", "wedding", "--yearly-cap", "500")
    roll("aid", "give", "10001", "--kind", "wedding", "--amount", "500", "--on", "2025-09-06")
    listing = roll("aid", "list", "--format", "csv").stdout
    path = tmp_path / "sep.csv"
    path.write_text(listing, encoding="utf-8")
    result = roll.fails("aid", "import", str(path))
    assert "already recorded (#1)" in result.stderr and "over-cap" not in result.stderr


@pytest.mark.parametrize("value", ["²", "99999999999999999999", "", "１２"])
def test_a_gift_or_drive_number_no_record_can_have_is_one_line(roll: Cli, value):
    roll.fails("aid", "show", value)
    roll.fails("aid", "drive", "show", value)


def test_a_drive_title_reaches_the_open_drive_when_an_old_one_is_closed(roll: Cli):
    # A second drive for the same colleague is the normal case: giving by title goes to
    # the one still open; showing by title still asks which.
    roll("aid", "drive", "add", "为王芳爱心捐款", "--for", "10001", "--on", "2025-01-05")
    roll("aid", "drive", "give", "1", "10004", "--amount", "80", "--on", "2025-01-06")
    roll("aid", "drive", "close", "1", "--on", "2025-02-01")
    roll("aid", "drive", "add", "为王芳爱心捐款", "--for", "10001", "--on", "2025-06-01")
    roll("aid", "drive", "give", "为王芳爱心捐款", "10004", "--amount", "50", "--on", "2025-06-02")
    assert "50.00" in roll("aid", "drive", "show", "2").stdout
    roll.fails("aid", "drive", "show", "为王芳爱心捐款", contains="#2")
    # a title of digits is found by its title when no drive has that number
    roll("aid", "drive", "add", "2025", "--for-outsider", "李家村", "--on", "2025-07-01")
    assert "李家村" in roll("aid", "drive", "show", "2025").stdout
    # part of a title is suggested
    assert "为王芳爱心捐款" in roll.fails("aid", "drive", "show", "王芳").stderr


def test_a_computed_money_cell_reads_as_the_sheet_shows_it(roll: Cli, tmp_path):
    # 33.3 * 3 is stored as 99.89999999999999 and shown as 99.90: read it as 99.90.
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["工号", "帮扶类别", "慰问金", "日期"])
    sheet.append(["10001", "生病住院", 33.3 * 3, "2025-03-01"])
    path = tmp_path / "aid.xlsx"
    book.save(path)
    roll("aid", "import", str(path))
    assert "99.90" in roll("aid", "list", "-f", "csv").stdout


# --- a back-dated batch selects by the day's status, branch, employment and register ---


@pytest.fixture
def changed(template) -> Cli:
    """The roll with a year of changes from 2025-08-01: 10001 closed her hardship record
    (脱困) on 08-01 and quit the union (退会) on 09-01; 10002 joined it on 09-01; 10004
    moved from 护理分工会 to 内科分工会 on 09-01 and retired on 10-01."""

    def build(cli: Cli) -> None:
        cli("members", "hardship", "10001", "--tier", "relative", "--reason", "子女就学",
            "--on", "2025-01-10")  # fmt: skip
        cli("members", "hardship", "10001", "--close", "--reason", "脱困", "--on", "2025-08-01")
        cli("members", "leave", "10001", "--on", "2025-09-01")
        cli("members", "join", "10002", "--on", "2025-09-01")
        cli("members", "transfer", "10004", "--branch", "内科分工会", "--on", "2025-09-01")
        cli("members", "retire", "10004", "--on", "2025-10-01")

    return template("aid_changed", build, base="roll")


def test_a_back_dated_batch_selects_by_the_filters_as_they_were_that_day(changed: Cli):
    """A 春节送温暖 batch entered in December for June (`--on 2025-06-01 --status member`)
    went to whoever is a member today: 10002, who joined in September, got it and
    10001, a member in June, did not; --branch and --employment read today's too."""
    june, december = ("--on", "2025-06-01"), ("--on", "2025-12-20")
    assert _sheet(changed, *june, "--status", "member") == ["10001", "10003", "10004"]
    assert _sheet(changed, *december, "--status", "member") == ["10002", "10003", "10004"]
    assert _sheet(changed, *june, "--branch", "护理分工会") == ["10002", "10004"]
    assert _sheet(changed, *december, "--branch", "护理分工会") == ["10002"]
    assert _sheet(changed, *june, "--employment", "retired") == ["10003"]
    assert _sheet(changed, *december, "--employment", "retired") == ["10003", "10004"]
    assert _sheet(changed, *june, "--hardship") == ["10001"]
    before = db_dump(changed.db)
    changed.fails(
        "aid", "batch", "--kind", "hardship", "--amount", "500", *december, "--hardship",
        contains="no one on the roll on 2025-12-20",
    )  # fmt: skip
    assert db_dump(changed.db) == before


def test_closing_a_closed_drive_says_it_was_handed_over_already(roll: Cli):
    """Closing a drive twice said "no more gifts", the words for a late gift: the
    secretary closing it is told when it was handed over and as which aid record."""
    roll("aid", "drive", "add", "为张丽爱心捐款", "--for", "10001", "--on", "2025-05-01")
    roll("aid", "drive", "give", "1", "10004", "--amount", "200", "--on", "2025-05-03")
    roll("aid", "drive", "close", "1", "--on", "2025-05-20")
    before = db_dump(roll.db)
    result = roll.fails("aid", "drive", "close", "1", "--on", "2025-05-21")
    assert result.stderr == (
        "unionctl: drive 1 (为张丽爱心捐款) was closed on 2025-05-20 and handed over"
        " as aid #1: nothing left to close\n"
    )
    zh = roll.fails("aid", "drive", "close", "为张丽爱心捐款", "--lang", "zh")
    assert zh.stderr == (
        "unionctl: 捐款活动 1（为张丽爱心捐款）已于 2025-05-20 结束并移交（帮扶记录 #1），"
        "无需再次结束\n"
    )
    # a gift to it still hears that it is closed to gifts
    roll.fails("aid", "drive", "give", "1", "10004", "--amount", "5", contains="no more gifts")
    assert db_dump(roll.db) == before


def test_the_beneficiary_cannot_give_to_their_own_drive(roll: Cli):
    """张丽 giving to the drive for 张丽 was recorded: her money came back to her as aid
    and counted among her colleagues' gifts."""
    roll("aid", "drive", "add", "为张丽爱心捐款", "--for", "10001", "--on", "2025-05-01")
    before = db_dump(roll.db)
    result = roll.fails("aid", "drive", "give", "1", "10001", "--amount", "100")
    assert result.stderr == (
        "unionctl: 10001 (张丽) is the beneficiary of drive 1 (为张丽爱心捐款)"
        " and cannot give to it\n"
    )
    zh = roll.fails(
        "aid", "drive", "give", "为张丽爱心捐款", "10001", "--amount", "1", "--lang", "zh"
    )
    assert zh.stderr == (
        "unionctl: 10001（张丽）是捐款活动 1（为张丽爱心捐款）的受助人，不能向其捐款\n"
    )
    assert db_dump(roll.db) == before
    roll("aid", "drive", "give", "1", "10004", "--amount", "100")  # a colleague can


def _sheet_xml(path: Path) -> tuple[str, str]:
    """The first worksheet's XML and the workbook's, as written."""
    import zipfile

    with zipfile.ZipFile(path) as book:
        return (
            book.read("xl/worksheets/sheet1.xml").decode(),
            book.read("xl/workbook.xml").decode(),
        )


def test_the_sign_sheet_is_set_up_to_print_and_sign(roll: Cli, tmp_path):
    """The 签领表 is printed and signed on paper: it printed on the printer's default
    paper at 100%, the 签名 column cut onto a second page, the header only on page one
    and nothing saying what a loose page was. Now: A4, one page wide, the header row
    repeated on every page, the title atop each page and the page numbers below."""
    import re

    path = tmp_path / "签领表.xlsx"
    _batch(roll, "--amount", "200", "--title", "三八节慰问", "-f", "xlsx", "-o", str(path),
           "--lang", "zh")  # fmt: skip
    sheet, book = _sheet_xml(path)
    setup = re.search(r"<pageSetup [^>]*/>", sheet)
    assert setup, sheet
    for attribute in ('paperSize="9"', 'orientation="portrait"', 'fitToHeight="0"'):
        assert attribute in setup.group(0), setup.group(0)
    assert 'fitToWidth="0"' not in setup.group(0)  # 1, the default, is left out
    assert '<pageSetUpPr fitToPage="1"/>' in sheet
    assert '<printOptions horizontalCentered="1"/>' in sheet
    # row 2 (the header under the title line) on every printed page
    assert (
        '<definedName name="_xlnm.Print_Titles" localSheetId="0">'
        "'三八节慰问签领表 2025-03-08'!$2:$2</definedName>"
    ) in book, book
    assert "<oddHeader>&amp;C&amp;B三八节慰问签领表 2025-03-08</oddHeader>" in sheet, sheet
    assert "<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>" in sheet, sheet
    # goods with long names make the sheet wider than A4 is tall: landscape
    wide = tmp_path / "wide.xlsx"
    _batch(roll, "--amount", "200", "--goods", "食用油两桶、大米一袋、牛奶一箱、水果礼盒一份",
           "--goods-value", "300", "--again", "-f", "xlsx", "-o", str(wide))  # fmt: skip
    sheet, book = _sheet_xml(wide)
    assert 'orientation="landscape"' in sheet, sheet
    assert "<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>" in sheet
    assert "!$2:$2</definedName>" in book, book


def test_the_sign_sheet_rows_are_tall_enough_to_sign_in(roll: Cli, tmp_path):
    """Printed, the 签领表's rows were Excel's default 15 pt (about 5 mm): no room for a
    signature by hand. Every row from the header to 合计 is now FORM_ROW_HEIGHT (about
    8.5 mm), its cells centred top to bottom; the title line stays as it was."""
    from openpyxl import load_workbook

    from unionctl.xlsx import FORM_ROW_HEIGHT

    path = tmp_path / "签领表.xlsx"
    _batch(roll, "--amount", "200", "--title", "三八节慰问", "-f", "xlsx", "-o", str(path),
           "--lang", "zh")  # fmt: skip
    sheet = load_workbook(path).active
    last = sheet.max_row
    assert sheet.cell(last, 1).value == "合计"
    assert FORM_ROW_HEIGHT >= 24
    for row in range(2, last + 1):  # the header, each person, 合计
        assert sheet.row_dimensions[row].height == FORM_ROW_HEIGHT, row
        for column in range(1, sheet.max_column + 1):
            assert sheet.cell(row, column).alignment.vertical == "center", (row, column)
    assert sheet.row_dimensions[1].height in (None, 15), sheet.row_dimensions[1].height
    # any other table keeps the spreadsheet's own rows
    listing = tmp_path / "list.xlsx"
    roll("aid", "list", "-f", "xlsx", "-o", str(listing))
    other = load_workbook(listing).active
    assert {other.row_dimensions[r].height for r in range(1, other.max_row + 1)} <= {None, 15}
    assert other.cell(2, 1).alignment.vertical is None


def test_report_rows_come_in_the_code_list_order_in_both_languages(roll: Cli):
    """`reports aid --by source` put 爱心捐款 before 工会经费 (by code) and `--by branch`
    sorted the branches by name: each list has its own order, the same in both languages."""
    from unionctl.labels import CODES

    roll("members", "branch", "add", "中医科分工会")  # sorts before 内科 by name
    roll("members", "transfer", "10002", "--branch", "中医科分工会", "--on", "2025-01-02")
    for who, source in (("10002", "hospital"), ("10004", "donation"), ("10001", "union")):
        _id(roll, who, "--kind", "illness", "--amount", "100", "--source", source,
            "--on", "2025-03-01")  # fmt: skip
    _id(roll, "--outsider", "李家村", "--kind", "disaster", "--amount", "100", "--on", "2025-03-02")
    report = ("reports", "aid", "--year", "2025", "--by")

    def first_column(by: str, lang: str) -> list[str]:
        out = roll(*report, by, "--format", "csv", "--lang", lang).stdout
        lines = out.splitlines()
        return [line.split(",")[0] for line in lines[2 : lines.index("") - 1]]  # title, header

    for lang, index in (("en", 0), ("zh", 1)):
        assert first_column("source", lang) == [
            CODES["aid_source"][code][index] for code in ("union", "donation", "hospital")
        ]
        assert first_column("kind", lang) == [
            CODES["aid_kind"][code][index] for code in ("illness", "disaster")
        ]
        # the branches as listed, then the outsider's gift (no branch) last
        assert first_column("branch", lang) == ["内科分工会", "护理分工会", "中医科分工会", "—"]


# --- found by a second pair of eyes trying aid as a secretary (2026-12-06) ----------------


def _drive(cli: Cli, *gifts: tuple[str, str], beneficiary: str = "10004") -> str:
    out = cli("aid", "drive", "add", "为赵敏爱心捐款", "--for", beneficiary, "--on", "2025-05-01")
    drive = out.stdout.split(":")[0]
    for donor, amount in gifts:
        cli("aid", "drive", "give", drive, donor, "--amount", amount, "--on", "2025-05-02")
    return drive


def test_a_drive_hand_over_uses_none_of_the_union_cap(helped: Cli):
    """Donated money is not union funds: the hand-over is not held to the policy's cap
    (that was so) and it does not use up the cap of the union's own gifts of the year
    (it did: 800 donated left 200 of a 1,000 illness cap, and 300 was refused)."""
    drive = _drive(helped, ("10001", "500"), ("10002", "300"))
    helped("aid", "drive", "close", drive, "--kind", "illness", "--on", "2025-05-03")
    aid = _id(helped, "10004", "--kind", "illness", "--amount", "300", "--on", "2025-05-04")
    assert _json(helped, "aid", "show", str(aid))["flag"] is None
    # the union's own gifts still count against it
    _id(helped, "10004", "--kind", "illness", "--amount", "700", "--on", "2025-05-05")
    helped.fails("aid", "give", "10004", "--kind", "illness", "--amount", "0.01",
                 "--on", "2025-05-06", contains="1000.00")  # fmt: skip


def test_a_drive_past_the_limit_of_one_gift_can_still_be_closed(roll: Cli):
    """Each gift is checked against the 1,000,000 yuan of a mistyped figure; their sum is
    no typed figure. Two gifts of 999,999.99 left a drive that could never be closed."""
    drive = _drive(roll, ("10001", "999999.99"), ("10002", "999999.99"))
    out = roll("aid", "drive", "close", drive, "--kind", "illness", "--on", "2025-05-03")
    assert "1999999.98" in out.stdout, out.stdout
    rows = _rows(roll, "aid", "list", "--member", "10004")
    assert [(r["source"], r["cash"]) for r in rows] == [("donation", 1999999.98)]


def test_goods_need_a_value_above_zero(roll: Cli, tmp_path):
    """Goods worth 0.00 were recorded as a gift; with no cash either, the refusal said
    there were no goods."""
    before = db_dump(roll.db)
    for cash in ("100", "0"):
        roll.fails("aid", "give", "10004", "--kind", "illness", "--amount", cash, "--goods",
                   "水果", "--goods-value", "0", "--lang", "zh",
                   contains="物品 '水果' 须写明价值")  # fmt: skip
    path = tmp_path / "zero.csv"
    path.write_text("工号,帮扶类别,金额,物品,物品价值,日期\n10004,生病住院,100,水果,0,2025-03-01\n")
    roll.fails("aid", "import", str(path), "--lang", "en", contains="line 2")
    assert db_dump(roll.db) == before


@pytest.mark.parametrize(
    "args",
    [
        ("aid", "give", "10004", "--kind", "other", "--amount", "100"),
        ("aid", "plan", "10004", "--kind", "illness"),
        ("aid", "batch", "--kind", "holiday", "--amount", "100", "--dry-run"),
        ("aid", "drive", "add", "为赵敏爱心捐款", "--for", "10004"),
    ],
)
def test_an_empty_date_is_not_today(roll: Cli, args):
    """`--on ''` (a cron job's unset variable) recorded the gift as given today."""
    before = db_dump(roll.db)
    roll.fails(*args, "--on", "", "--lang", "en", contains="'' is not a date")
    assert db_dump(roll.db) == before


def test_an_imported_name_that_is_not_the_members_is_refused(roll: Cli, tmp_path):
    """A row's 工号 and 受助人 disagreeing is a typo in one of them: the gift went to the
    工号's member without a word, to the wrong colleague if the 工号 was the typo."""
    path = tmp_path / "names.csv"
    path.write_text(
        "日期,工号,受助人,帮扶类别,慰问金\n"
        "2025-03-09,10004,赵  敏,birthday,10\n"  # the name, spaced out as sheets align it
        "2025-03-09,10002,张三,birthday,10\n",
        encoding="utf-8",
    )
    before = db_dump(roll.db)
    result = roll.fails("aid", "import", str(path), "--lang", "zh")
    assert "line 3" in result.stderr or "第 3 行" in result.stderr, result.stderr
    assert "10002" in result.stderr and "王芳" in result.stderr and "张三" in result.stderr
    assert "第 2 行" not in result.stderr and "line 2" not in result.stderr, result.stderr
    assert db_dump(roll.db) == before
    path.write_text("日期,工号,受助人,帮扶类别,慰问金\n2025-03-09,10004,赵  敏,birthday,10\n")
    roll("aid", "import", str(path))
    assert [r["beneficiary"] for r in _rows(roll, "aid", "list", "--member", "10004")] == ["赵敏"]


def test_import_refusals_name_the_sheets_columns_not_the_commands_options(helped: Cli, tmp_path):
    """An imported row over the cap said "add --over-cap --note REASON", an option `aid
    import` does not have: a sheet says so in its 标记 and 备注 columns. 超上限 is read
    as the flag, and a flag it cannot read is named as 标记, not aid_flag."""
    path = tmp_path / "cap.csv"
    path.write_text("工号,帮扶类别,金额,日期,标记\n10004,生病住院,1200,2025-03-01,\n")
    result = helped.fails("aid", "import", str(path), "--lang", "zh")
    assert "--over-cap" not in result.stderr and "标记" in result.stderr, result.stderr
    assert "备注" in result.stderr, result.stderr
    result = helped.fails("aid", "import", str(path), "--lang", "en")
    assert "--over-cap" not in result.stderr and "flag" in result.stderr, result.stderr
    path.write_text("工号,帮扶类别,金额,日期,标记\n10004,生病住院,1200,2025-03-01,超期\n")
    result = helped.fails("aid", "import", str(path), "--lang", "zh")
    assert "aid_flag" not in result.stderr and "标记" in result.stderr, result.stderr
    path.write_text(
        "工号,帮扶类别,金额,日期,标记,备注\n10004,生病住院,1200,2025-03-01,超上限,住院三次\n"
    )
    helped("aid", "import", str(path))
    assert _rows(helped, "aid", "list", "--member", "10004")[0]["flag"] == "over_cap"


def test_the_words_of_a_refusal_say_what_happened(helped: Cli):
    """ "already had 0.00 yuan" for someone given nothing yet; "either … not both" when
    neither was given; `aid policy set K` with nothing to set wrote an audit entry that
    changed nothing."""
    before = db_dump(helped.db)
    result = helped.fails("aid", "give", "10004", "--kind", "illness", "--amount", "1200",
                          "--on", "2025-03-01", "--lang", "en")  # fmt: skip
    assert "already had" not in result.stderr
    assert "1200.00 of illness for 10004 passes the yearly cap of 1000.00 for 2025" in (
        result.stderr
    )
    zh = helped.fails("aid", "give", "10004", "--kind", "illness", "--amount", "1200",
                      "--on", "2025-03-01", "--lang", "zh").stderr  # fmt: skip
    assert "已领" not in zh and "本次生病住院 1200.00 元超过 2025 年度上限 1000.00 元" in zh, zh
    result = helped.fails("aid", "give", "--kind", "other", "--amount", "1", "--lang", "en")
    assert "not both" not in result.stderr and "one of the two" in result.stderr
    result = helped.fails("aid", "policy", "set", "wedding", "--lang", "en")
    assert "nothing to set for wedding" in result.stderr, result.stderr
    assert db_dump(helped.db) == before


@pytest.mark.parametrize("spelling", ["安康", "安康保险", "互助保险", "女职工安康保险"])
def test_the_insurance_kind_is_read_as_a_secretary_says_it(roll: Cli, spelling):
    """The kind is shown as 安康/互助保险, and either half of it was refused as input."""
    aid = _id(roll, "10004", "--kind", spelling, "--amount", "20", "--on", "2025-03-08")
    assert _json(roll, "aid", "show", str(aid))["kind"] == "insurance"


def test_donated_money_is_held_to_neither_the_cap_nor_the_register(
    templates, env, helped: Cli, tmp_path
):
    """A drive's hand-over was exempt, but the same gift read back by `aid import`
    (source donations, no drive) was held to the cap and to 先建档: the listing did not
    import back. Donated money is exempt however it is recorded, and uses none of the
    union's cap."""
    drive = _drive(helped, ("10001", "1500"))
    helped("aid", "drive", "close", drive, "--kind", "illness", "--on", "2025-05-03")
    _id(helped, "10004", "--kind", "illness", "--amount", "1000", "--on", "2025-05-04")
    aid = _id(helped, "10004", "--kind", "hardship", "--amount", "100", "--source", "donation",
              "--on", "2025-05-05")  # fmt: skip
    assert _json(helped, "aid", "show", str(aid))["flag"] is None
    listing = helped("aid", "list", "--member", "10004", "-f", "csv").stdout
    path = tmp_path / "aid.csv"
    path.write_text(listing, encoding="utf-8")
    other = _another_database(templates, env, tmp_path, "aid_helped")
    other("aid", "import", str(path))
    assert other("aid", "list", "--member", "10004", "-f", "csv").stdout == listing


def test_sheet_refusals_name_columns_for_every_rule(roll: Cli, tmp_path):
    """Fixed for the cap and the register only: a row with no one named, goods without a
    value, a value without goods and no cash still named `aid give`'s options."""
    path = tmp_path / "w.csv"
    path.write_text(
        "工号,受助人,帮扶类别,慰问金,物品,物品价值,日期\n"
        ",,holiday,100,,,2025-11-01\n"
        "10004,,holiday,100,,20,2025-11-01\n"
        "10002,,holiday,100,大米,0,2025-11-01\n"
        "10001,,other,,,,2025-11-01\n",
        encoding="utf-8",
    )
    for lang in ("zh", "en"):
        result = roll.fails("aid", "import", str(path), "--lang", lang)
        assert "--" not in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 5, result.stderr


def test_an_id_card_is_not_an_employee_number(roll: Cli, tmp_path):
    """`members add 11010519491231002X …` kept the card as the 工号, printed in full by
    every listing."""
    from conftest import VALID_ID

    before = db_dump(roll.db)
    result = roll.fails("members", "add", VALID_ID, "张三", "--lang", "en")
    assert VALID_ID not in result.stderr and "3301" in result.stderr, result.stderr
    assert "ID-card number, not an employee number" in result.stderr
    path = tmp_path / "roster.csv"
    path.write_text(f"工号,姓名\n{VALID_ID},张三\n", encoding="utf-8")
    assert VALID_ID not in roll.fails("members", "import", str(path)).stderr
    assert db_dump(roll.db) == before


@pytest.mark.parametrize("written", ["{a} {b} {c}", "{a}-{b}-{c}"])
def test_an_id_card_written_in_parts_is_masked_too(roll: Cli, written):
    from conftest import VALID_ID

    typed = written.format(a=VALID_ID[:6], b=VALID_ID[6:14], c=VALID_ID[14:])
    result = roll.fails("aid", "give", typed, "--kind", "holiday", "--amount", "1")
    assert VALID_ID[6:] not in result.stderr.replace(" ", "").replace("-", ""), result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("log", "--since", ""),
        ("aid", "list", "--year", ""),
        ("aid", "list", "--month", ""),
        ("aid", "list", "--from", ""),
        ("reports", "aid", "--year", ""),
    ],
)
def test_an_empty_period_is_not_this_year(roll: Cli, args):
    roll.fails(*args)
