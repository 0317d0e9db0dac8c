"""Every `members` command, end to end on a real database."""

from __future__ import annotations

import json

from conftest import VALID_ID, VALID_ID_MALE, Cli


def _json(cli: Cli, *args: str):
    return json.loads(cli(*args, "--format", "json").stdout)


def _member(cli: Cli, emp_no: str) -> dict:
    return _json(cli, "members", "show", emp_no)["member"]


def test_add_derives_birth_and_gender_from_id_card(roll: Cli):
    member = _member(roll, "10001")
    assert member["birth_date"] == "1990-03-07"
    assert member["gender"] == "F"
    assert member["status"] == "member"
    assert member["joined_on"] == "2010-07-01"
    assert member["branch"] == "内科分工会"


def test_add_without_join_date_joins_today(cli: Cli):
    cli("members", "add", "20001", "孙悦")
    member = _member(cli, "20001")
    assert member["joined_on"] == "2025-12-31"
    assert member["employment"] == "staff"


def test_add_accepts_chinese_codes(cli: Cli):
    cli("members", "branch", "add", "机关分工会")
    cli(
        "members",
        "add",
        "20002",
        "周洁",
        "--gender",
        "女",
        "--employment",
        "合同制",
        "--status",
        "未入会",
        "--branch",
        "机关分工会",
    )
    member = _member(cli, "20002")
    assert (member["gender"], member["employment"], member["status"]) == (
        "F",
        "contract",
        "non_member",
    )
    assert member["joined_on"] is None


def test_list_masks_phone_and_filters(roll: Cli):
    text = roll("members", "list", "--format", "csv").stdout
    assert "138****5678" in text
    assert "13812345678" not in text
    assert "138****5678" not in roll("members", "list", "-f", "csv", "--include-private").stdout

    def numbers(*filters: str) -> list[str]:
        rows = _json(roll, "members", "list", *filters)
        return [row["emp_no"] for row in rows]

    assert numbers() == ["10001", "10002", "10003", "10004"]
    assert numbers("--branch", "护理分工会") == ["10002", "10004"]
    assert numbers("--dept", "心内科") == ["10001"]
    assert numbers("--status", "non_member") == ["10002"]
    assert numbers("--status", "未入会") == ["10002"]
    assert numbers("--employment", "retired") == ["10003"]
    assert numbers("--gender", "M") == ["10003"]
    assert numbers("--born-month", "11") == ["10004"]
    assert numbers("--search", "王") == ["10002"]
    assert numbers("--search", "呼吸") == ["10003"]
    roll("members", "hardship", "10004", "--tier", "relative", "--reason", "配偶下岗")
    assert numbers("--hardship") == ["10004"]


def test_list_shows_id_card_only_when_private(roll: Cli):
    assert VALID_ID not in roll("members", "list", "-f", "csv").stdout
    assert VALID_ID in roll("members", "list", "-f", "csv", "--include-private").stdout


def test_show_masks_private_fields(roll: Cli):
    text = roll("members", "show", "10001").stdout
    assert "138****5678" in text and "3301**************" in text
    assert VALID_ID not in text
    assert VALID_ID in roll("members", "show", "10001", "--include-private").stdout


def test_edit_changes_fields_and_keeps_history(roll: Cli):
    result = roll(
        "members",
        "edit",
        "10001",
        "--dept",
        "急诊科",
        "--phone",
        "13700000000",
        "--branch",
        "护理分工会",
        "--on",
        "2025-05-01",
    )
    assert "dept" in result.stdout and "branch" in result.stdout
    shown = _json(roll, "members", "show", "10001")
    assert shown["member"]["dept"] == "急诊科"
    assert shown["member"]["branch"] == "护理分工会"
    branches = [
        (h["value"], h["start_on"], h["end_on"])
        for h in shown["history"]
        if h["change"] == "branch"
    ]
    assert branches == [
        ("内科分工会", "2010-07-01", "2025-05-01"),
        ("护理分工会", "2025-05-01", None),
    ]
    unchanged = roll("members", "edit", "10001", "--dept", "急诊科")
    assert "nothing changed" in unchanged.stdout


def test_edit_join_date_moves_the_membership_period(roll: Cli):
    roll("members", "edit", "10004", "--joined", "2013-03-01")
    shown = _json(roll, "members", "show", "10004")
    assert shown["member"]["joined_on"] == "2013-03-01"
    status = [h for h in shown["history"] if h["change"] == "status"]
    assert status == [
        {
            "change": "status",
            "value": "member",
            "start_on": "2013-03-01",
            "end_on": None,
            "reason": None,
        }
    ]


def test_join_leave_decease_lifecycle(roll: Cli):
    assert (
        "non-member → member on 2025-03-01"
        in roll("members", "join", "10002", "--on", "2025-03-01").stdout
    )
    roll("members", "leave", "10002", "--on", "2025/9/30", "--reason", "辞职")
    roll("members", "join", "10002", "--on", "2025年11月1日")
    history = [
        (h["value"], h["start_on"], h["end_on"], h["reason"])
        for h in _json(roll, "members", "show", "10002")["history"]
        if h["change"] == "status"
    ]
    assert history == [
        ("non_member", "2018-07-01", "2025-03-01", None),
        ("member", "2025-03-01", "2025-09-30", None),
        ("left", "2025-09-30", "2025-11-01", "辞职"),
        ("member", "2025-11-01", None, None),
    ]
    roll("members", "decease", "10003", "--on", "2025-08-02", "--reason", "病故")
    assert _member(roll, "10003")["status"] == "deceased"
    roll.fails("members", "join", "10003", contains="deceased")


def test_retire_changes_employment_not_membership(roll: Cli):
    result = roll("members", "retire", "10004", "--on", "2025-12-01")
    assert "staff → retired" in result.stdout
    member = _member(roll, "10004")
    assert (member["employment"], member["status"]) == ("retired", "member")
    roll.fails("members", "retire", "10004", contains="already retired")


def test_transfer_between_branches_and_out(roll: Cli):
    roll("members", "transfer", "10001", "--branch", "护理分工会", "--on", "2025-04-01")
    assert _member(roll, "10001")["branch"] == "护理分工会"
    roll.fails("members", "transfer", "10001", "--branch", "护理分工会", contains="already in")
    roll("members", "transfer", "10001", "--out", "--on", "2025-06-01", "--reason", "调往市二院")
    assert _member(roll, "10001")["status"] == "transferred"
    roll.fails("members", "transfer", "10004", code=1, contains="--branch")
    roll.fails("members", "transfer", "10004", "--branch", "护理分工会", "--out", contains="--out")


def test_hardship_register_review_close(roll: Cli):
    out = roll(
        "members",
        "hardship",
        "10004",
        "--tier",
        "深度困难",
        "--reason",
        "本人患重病",
        "--household",
        "4",
        "--income",
        "月收入2000元",
        "--on",
        "2025-03-01",
    ).stdout
    assert "hardship record opened (deep hardship)" in out
    roll.fails(
        "members",
        "hardship",
        "10004",
        "--tier",
        "deep",
        "--reason",
        "again",
        contains="already has an open hardship record",
    )
    roll("members", "hardship", "10004", "--review", "--tier", "relative", "--on", "2025-09-01")
    roll("members", "hardship", "10004", "--close", "--reason", "脱困", "--on", "2025-12-01")
    record = _json(roll, "members", "show", "10004")["hardship"]
    assert record == [
        {
            "tier": "relative",
            "reason": "本人患重病",
            "household_size": 4,  # shown now (issue 5 §4: accepted but never shown)
            "income_note": "月收入2000元",
            "registered_on": "2025-03-01",
            "reviewed_on": "2025-09-01",
            "closed_on": "2025-12-01",
            "close_reason": "脱困",
        }
    ]
    roll.fails("members", "hardship", "10004", "--review", contains="no open hardship record")
    roll.fails("members", "hardship", "10004", "--tier", "deep", contains="--reason")
    roll.fails(
        "members",
        "hardship",
        "10004",
        "--review",
        "--close",
        "--reason",
        "x",
        contains="exactly one",
    )
    roll.fails(
        "members", "hardship", "10004", "--tier", "poor", "--reason", "x", contains="深度困难"
    )


def test_honours(roll: Cli):
    roll("members", "honour", "10001", "优秀护士", "--level", "市级", "--on", "2025-05-12")
    roll("members", "honour", "10001", "先进工作者", "--on", "2025-01-20")
    honours = _json(roll, "members", "show", "10001")["honours"]
    assert honours == [
        {"title": "先进工作者", "level": "hospital", "awarded_on": "2025-01-20"},
        {"title": "优秀护士", "level": "city", "awarded_on": "2025-05-12"},
    ]
    roll.fails("members", "honour", "10001", "劳模", "--level", "galactic", contains="national")


def test_branches_add_list_rename(roll: Cli):
    roll("members", "branch", "add", "门诊护理小组", "--parent", "护理分工会")
    rows = _json(roll, "members", "branch", "list")
    assert rows == [
        {"branch": "内科分工会", "parent": None, "members": 2},
        {"branch": "护理分工会", "parent": None, "members": 1},
        {"branch": "门诊护理小组", "parent": "护理分工会", "members": 0},
    ]
    roll("members", "branch", "rename", "内科分工会", "大内科分工会")
    assert _member(roll, "10001")["branch"] == "大内科分工会"
    history = _json(roll, "members", "show", "10001")["history"]
    assert [h["value"] for h in history if h["change"] == "branch"] == ["大内科分工会"]
    roll.fails("members", "branch", "add", "护理分工会", contains="already exists")
    roll.fails(
        "members", "branch", "rename", "护理分工会", "大内科分工会", contains="already exists"
    )
    roll.fails("members", "branch", "rename", "外科分工会", "x", contains="no branch named")


def test_export_leaves_out_private_fields_unless_asked(roll: Cli):
    plain = roll("members", "export").stdout
    assert (
        plain.splitlines()[0]
        == "emp_no,name,gender,birth_date,dept,branch,post,employment,status,joined_on,hired_on"
    )
    assert "138" not in plain and VALID_ID not in plain
    private = roll("members", "export", "--include-private").stdout
    assert private.splitlines()[0].endswith(",phone,id_card")
    assert "13812345678" in private and VALID_ID in private and VALID_ID_MALE in private
    zh = roll("members", "export", "--lang", "zh").stdout
    assert (
        zh.splitlines()[0]
        == "工号,姓名,性别,出生日期,科室,分工会,职务,用工性质,会籍状态,入会日期,入职日期"
    )
    assert "10002,王芳,女,1995-06-15,急诊科,护理分工会,护士,合同制,未入会," in zh


def test_export_with_private_fields_to_a_file_is_owner_only(roll: Cli, tmp_path):
    target = tmp_path / "roll.csv"
    roll("members", "export", "--include-private", "--output", str(target))
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert VALID_ID in target.read_text(encoding="utf-8")


def test_log_masks_private_fields_unless_asked(roll: Cli):
    people = roll("log", "--entity", "member", "--key", "10001").stdout
    assert "phone=138****5678" in people and "13812345678" not in people and VALID_ID not in people
    data = json.loads(roll("log", "--key", "10001", "-f", "json").stdout)
    assert data[0]["after"]["phone"] == "138****5678"
    private = json.loads(roll("log", "--key", "10001", "-f", "json", "--include-private").stdout)
    assert private[0]["after"]["id_card"] == VALID_ID


def test_log_summarises_each_change_for_people(roll: Cli):
    roll("members", "leave", "10004", "--on", "2025-06-30", "--reason", "辞职")
    line = roll("log", "--limit", "1").stdout
    assert (
        "members leave" in line and "status: member → left" in line and "reason: ∅ → 辞职" in line
    )
    assert '"before"' not in line
    since = json.loads(
        roll("log", "--since", "2025-01-01", "--entity", "branch", "-f", "json").stdout
    )
    assert [entry["key"] for entry in since] == ["护理分工会", "内科分工会"]
