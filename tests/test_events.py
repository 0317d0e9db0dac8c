"""Events: every command, attendance counted once, both participation rates on a known
dataset, sign-in sheets with unmatched and ambiguous names, awards, both languages, and
bad input refused with one line and nothing written."""

from __future__ import annotations

import json

import pytest
from conftest import Cli, db_dump

# The roll fixture on 2025-12-31: in good standing 10001 张丽 (F, b.1990), 10003 李强
# (retired), 10004 赵敏 (F, b.1988); 10002 王芳 (F, b.1995) is not a member. Two
# non-members called 张伟 are added for the ambiguous name.


def _build(cli: Cli) -> None:
    cli("members", "add", "10005", "张伟", "--status", "non_member", "--hired", "2020-01-01")
    cli("members", "add", "10006", "张伟", "--status", "non_member", "--hired", "2020-01-01")
    cli("events", "add", "职工运动会", "--kind", "sports", "--on", "2025-06-01",
        "--budget", "10000", "--cost", "9500")  # fmt: skip
    cli("events", "attend", "1", "10001", "10002", "10004")
    cli("events", "attend", "1", "10001")  # signing in again is not another 人次
    cli("events", "headcount", "1", "20")
    cli("events", "add", "女职工健康讲座", "--kind", "体检/健康", "--on", "2025-03-08",
        "--audience", "女职工")  # fmt: skip
    cli("events", "attend", "2", "10001")
    cli("events", "add", "退休职工座谈会", "--kind", "meeting", "--on", "2025-10-09",
        "--audience", "retirees")  # fmt: skip
    cli("events", "attend", "3", "10001", "10004")  # two not of its audience (one eligible)
    cli(
        "events", "add", "义诊", "--kind", "义诊", "--on", "2025-09-20", "--organiser", "内科分工会"
    )
    cli("events", "headcount", "4", "200")
    cli("events", "add", "全市护理技能大赛", "--kind", "competition", "--on", "2025-05-12",
        "--until", "2025-05-13", "--external", "--eligible", "10")  # fmt: skip
    cli("events", "register", "5", "10001", "10004")
    cli("events", "attend", "5", "10004")
    cli("events", "award", "5", "--team", "内四代表队", "--prize", "冠军", "--level", "市",
        "--prize-money", "2000")  # fmt: skip
    cli("events", "award", "5", "--member", "10004", "--prize", "一等奖", "--level", "province")


@pytest.fixture
def year(template) -> Cli:
    return template("events_year", _build, base="roll")


def test_add_prints_the_id(roll: Cli):
    result = roll("events", "add", "护理技能竞赛", "--kind", "竞赛", "--on", "2025-05-12")
    assert result.stdout == "added event 1: 护理技能竞赛 (2025-05-12)\n"
    zh = roll(
        "events", "add", "读书会", "--kind", "education", "--on", "2025-04-23", "--lang", "zh"
    )
    assert zh.stdout == "已添加活动 2：读书会（2025-04-23）\n"


def test_list_counts_people_once_and_flags_walk_ins(year: Cli):
    out = year("events", "list", "--format", "csv").stdout.splitlines()
    assert out[0] == (
        "id,date,title,kind,audience,organiser,attended,headcount,person_times,eligible,"
        "participation_rate,flag"
    )
    assert out[1:] == [
        "2,2025-03-08,女职工健康讲座,health,women,,1,0,1,2,50.0%,",
        "5,2025-05-12,全市护理技能大赛,competition,all members,,1,0,1,10,10.0%,",
        "1,2025-06-01,职工运动会,sports,all members,,3,20,23,3,100.0%,",
        "4,2025-09-20,义诊,volunteer,all members,内科分工会,0,200,200,3,0.0%,",
        # neither is a retiree: kept and flagged, and not counted in the rate
        "3,2025-10-09,退休职工座谈会,meeting,retirees,,2,0,2,1,0.0%,outside the audience",
    ]


def test_list_filters_by_kind_and_period(year: Cli):
    out = year("events", "list", "--kind", "培训", "--format", "csv").stdout.splitlines()
    assert len(out) == 1
    out = year("events", "list", "--month", "2025-05", "--format", "csv").stdout.splitlines()
    assert [line.split(",")[0] for line in out[1:]] == ["5"]
    out = year("events", "list", "--audience", "women", "--format", "csv").stdout.splitlines()
    assert [line.split(",")[0] for line in out[1:]] == ["2"]


def test_attending_twice_is_one_person_time(year: Cli):
    result = year("events", "attend", "1", "10001", "10004")
    assert result.stdout == "event 1 职工运动会: 0 signed in (2 already had)\n"
    assert (
        "1,2025-06-01,职工运动会,sports,all members,,3,20,23,"
        in year("events", "list", "--format", "csv").stdout
    )


def test_attendance_above_eligible_is_kept_and_warned(year: Cli):
    # the women's event: 2 women in good standing eligible; 王芳 (not a member) walks in
    result = year("events", "attend", "2", "10002", "10004")
    assert "3 members signed in, above the 2 eligible" in result.stderr
    show = year("events", "show", "2", "--format", "json").stdout
    assert '"attended": 3' in show
    assert '"participation_rate": null' in show
    assert '"flag": "over_eligible"' in show


def test_someone_outside_the_audience_is_kept_and_named(year: Cli):
    """Third trial: a man signed in to a 女职工 event without a word. He is kept (he may
    be helping) but named, in the chosen language; women are not named."""
    result = year("events", "attend", "2", "10003", "10004")
    assert (
        result.stderr.splitlines()[0]
        == "unionctl: event 2 is for women; 1 not of it: 10003 李强 (kept)"
    )
    assert "2 signed in" in result.stdout
    zh = year("events", "register", "2", "10003", "--lang", "zh")
    assert "unionctl: 活动 2 的对象是女职工；1 人不属于：10003 李强（已照登记）" in zh.stderr
    assert "not of it" not in year("events", "attend", "1", "10003").stderr  # all: anyone


def test_a_sign_up_after_the_event_began_is_kept_and_said(year: Cli):
    """Third trial: sign-ups to a past event were taken silently (a paper list entered
    late, or the wrong event): kept, with a line saying so."""
    late = year("events", "register", "1", "10004")
    assert "event 1 began on 2025-06-01: these sign-ups were recorded after it" in late.stderr
    year("events", "add", "春季健步走", "--kind", "sports", "--on", "2026-03-01")
    assert year("events", "register", "6", "10004").stderr == ""


def test_show_gives_sign_ups_no_shows_awards_and_cost(year: Cli):
    out = year("events", "show", "5", "--format", "csv").stdout
    for line in (
        "signed_up,2",
        "attended,1",
        "no_show,1",
        "no_show_rate,50.0%",
        "external,yes",
        "until,2025-05-13",
        "10004,赵敏,护理分工会,护理部,yes",
        "内四代表队,冠军,city,2000.00",
        "10004 赵敏,一等奖,province,",
    ):
        assert line in out, out
    zh = year("events", "show", "5", "--lang", "zh").stdout
    assert "报名未到" in zh and "市级" in zh and "省级" in zh and "上级比赛" in zh


def test_default_eligible_follows_the_audience_on_the_day(roll: Cli):
    roll("events", "add", "青年读书会", "--kind", "education", "--on", "2025-06-01",
         "--audience", "youth")  # fmt: skip
    roll("events", "add", "亲子活动", "--kind", "culture", "--on", "2025-06-01",
         "--audience", "children")  # fmt: skip
    roll(
        "events", "add", "三八节", "--kind", "holiday", "--on", "2025-03-08", "--audience", "women"
    )
    rows = roll("events", "list", "--format", "csv").stdout.splitlines()[1:]
    eligible = {row.split(",")[2]: row.split(",")[9] for row in rows}
    # youth: 10001 (35 that day) only; 10004 is 36; children: not on the roll, no default
    assert eligible == {"青年读书会": "1", "亲子活动": "", "三八节": "2"}


def test_period_report_by_kind(year: Cli):
    out = year("reports", "events", "--year", "2025", "--by", "kind", "--format", "csv").stdout
    assert out.splitlines() == [
        "kind,events,person_times,participants,participation_rate,signed_up,no_show,"
        "no_show_rate,over_eligible,budget,cost,"
        "awards_hospital,awards_district,awards_city,awards_province,awards_national",
        # in the list's order (文艺, 体育, 培训, 竞赛, 思想教育, 义诊 …)
        "sports,1,23,3,66.7%,0,0,,0,10000.00,9500.00,0,0,0,0,0",
        # the competition: 10001 and 10004 signed up, only 10004 came
        "competition,1,1,1,33.3%,2,1,50.0%,0,,,0,0,1,1,0",
        "volunteer,1,200,0,0.0%,0,0,,0,,,0,0,0,0,0",
        "health,1,1,1,33.3%,0,0,,0,,,0,0,0,0,0",
        "meeting,1,2,2,66.7%,0,0,,0,,,0,0,0,0,0",
        # 10001, 10002, 10004 took part; 10001 and 10004 of the 3 in good standing
        "Total,5,227,3,66.7%,2,1,50.0%,0,10000.00,9500.00,0,0,1,1,0",
    ]


def test_period_report_by_audience_and_branch_in_chinese(year: Cli):
    out = year("reports", "events", "--year", "2025", "--by", "audience", "--format", "csv",
               "--lang", "zh").stdout  # fmt: skip
    lines = out.splitlines()
    assert lines[0].startswith("对象,活动次数,人次,参与人数,参与率")
    # women: 10001 of the two women in good standing (10001, 10004)
    assert "女职工,1,1,1,50.0%" in out
    assert "退休职工,1,2,2,0.0%,0,0,,0" in out  # the retiree did not come; two others did
    out = year("reports", "events", "--year", "2025", "--by", "branch", "--format", "csv").stdout
    # 内科分工会 organised the 义诊: its base is its 2 members in good standing
    assert "内科分工会,1,200,0,0.0%" in out
    by_month = year("reports", "events", "--year", "2025", "--by", "month", "--format", "csv")
    assert "2025-05,1,1,1,33.3%" in by_month.stdout


def test_report_refuses_an_unknown_grouping(year: Cli):
    year.fails("reports", "events", "--by", "colour", contains="colour")


SIGNIN = "序号,姓名,科室\n1,张丽,心内科\n2,张伟,急诊\n3,李四,外科\n4,赵敏,护理部\n5,张丽,心内科\n"


def test_signin_sheet_with_unknown_and_ambiguous_names_writes_nothing(year: Cli, tmp_path):
    sheet = tmp_path / "签到表.csv"
    sheet.write_text(SIGNIN, encoding="utf-8")
    before = db_dump(year.db)
    result = year("events", "attend", "2", "--file", str(sheet), code=1)
    assert result.stderr.splitlines() == [
        f"unionctl: nothing imported: 2 bad row(s) in {sheet}",
        "  line 3: 张伟 could be any of 10005, 10006; write the employee number",
        "  line 4: no one on the roll is called 李四",
    ]
    assert db_dump(year.db) == before


def test_signin_sheet_skip_unmatched_signs_in_the_rest(year: Cli, tmp_path):
    sheet = tmp_path / "签到表.csv"
    sheet.write_text(SIGNIN, encoding="utf-8")
    result = year("events", "attend", "2", "--file", str(sheet), "--skip-unmatched")
    assert result.stdout == "event 2 女职工健康讲座: 1 signed in (1 already had)\n"
    assert "2 line(s) of" in result.stderr and "line 4: no one" in result.stderr


def test_signin_sheet_by_employee_number_in_chinese(year: Cli, tmp_path):
    sheet = tmp_path / "签到.csv"
    sheet.write_text("工号\n10003\n10003\n99999\n", encoding="utf-8")
    result = year("events", "attend", "3", "--file", str(sheet), "--lang", "zh", code=1)
    assert "第 4 行：没有工号为 99999 的人" in result.stderr
    sheet.write_text("工号\n10003\n10003\n", encoding="utf-8")
    result = year("events", "attend", "3", "--file", str(sheet), "--lang", "zh")
    assert result.stdout == "活动 3 退休职工座谈会：新签到 1 人（已签到 0 人）\n"
    assert result.stderr == ""  # the one retiree of the one eligible: not above it


def test_signin_sheet_needs_a_number_or_name_column(year: Cli, tmp_path):
    sheet = tmp_path / "x.csv"
    sheet.write_text("科室\n心内科\n", encoding="utf-8")
    year.fails("events", "attend", "1", "--file", str(sheet), contains="neither")


EVENTS_CSV = (
    "活动名称,类别,日期,结束日期,地点,对象,应参加人数,预算,实际支出,上级比赛,非会员人数\n"
    "春季健步走,体育,2025-04-12,,滨江,全体,,3000,2800.5,否,\n"
    "全市岗位技能竞赛,竞赛,2025-09-01,2025-09-03,市体育馆,all,12,,,是,\n"
    "儿童节亲子游园,节日活动,2025-06-01,,院内,职工子女,180,5000,4800,,15\n"
)


def test_import_adds_every_event(year: Cli, tmp_path):
    path = tmp_path / "活动.csv"
    path.write_text(EVENTS_CSV, encoding="utf-8")
    before = db_dump(year.db)
    checked = year("events", "import", str(path), "--dry-run")
    assert "3 events would be added" in checked.stderr
    assert db_dump(year.db) == before
    result = year("events", "import", str(path))
    assert result.stdout == f"imported {path}: 3 events added\n"
    out = year("events", "list", "--format", "csv").stdout
    assert "8,2025-06-01,儿童节亲子游园,holiday event,members' children,,0,15,15,180,0.0%," in out
    show = year("events", "show", "7", "--format", "csv").stdout
    assert "external,yes" in show and "until,2025-09-03" in show
    again = year("events", "import", str(path), code=1)
    assert "line 2: event '春季健步走' on 2025-04-12 is already recorded (id 6)" in again.stderr


def test_import_reports_every_bad_line_and_writes_nothing(year: Cli, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "title,kind,start_on,end_on,budget,headcount\n"
        "a,training,2025-05-02,2025-05-01,,\n"
        "b,dancing,2025-05-02,,,\n"
        "c,training,2025-05-02,,-5,\n"
        "d,training,2025-05-02,,,\n"
        "d,training,2025-05-02,,,\n",
        encoding="utf-8",
    )
    before = db_dump(year.db)
    result = year("events", "import", str(path), code=1)
    lines = result.stderr.splitlines()
    assert lines[0] == f"unionctl: nothing imported: 4 bad row(s) in {path}"
    assert lines[1] == "  line 2: the event ends (2025-05-01) before it starts (2025-05-02)"
    assert lines[2].startswith("  line 3: unknown event kind 'dancing'")
    assert lines[3] == "  line 4: the amount '-5' is negative"
    assert lines[4] == "  line 6: event 'd' appears again (first on line 5)"
    assert db_dump(year.db) == before


BAD = [
    (("events", "add", "x", "--kind", "training", "--on", "2025-05-12", "--until", "2025-05-01"),
     "ends (2025-05-01) before it starts"),
    (("events", "add", "x", "--kind", "training", "--on", "2025-05-12", "--eligible", "-3"),
     "eligible cannot be negative"),
    (("events", "add", "x", "--kind", "training", "--on", "2025-05-12", "--budget", "-3"),
     "negative"),
    (("events", "add", "x", "--kind", "training", "--on", "2025-05-12", "--cost", "-1"),
     "negative"),
    (("events", "add", "x", "--kind", "dancing", "--on", "2025-05-12"), "unknown event kind"),
    (("events", "add", "职工运动会", "--kind", "sports", "--on", "2025-06-01"), "already recorded"),
    (("events", "headcount", "1", "--", "-3"), "headcount cannot be negative"),
    (("events", "attend", "99", "10001"), "no event '99'"),
    (("events", "attend", "1", "10001", "10099"), "no member"),
    (("events", "register", "1", "10099"), "no member"),
    (("events", "show", "no such"), "no event 'no such'"),
    (("events", "award", "99", "--team", "A", "--prize", "冠军"), "no event '99'"),
    (("events", "award", "1", "--prize", "冠军"), "--member EMP_NO or --team"),
    (("events", "award", "1", "--team", "A", "--member", "10001", "--prize", "冠军"), "--team"),
    (("events", "award", "1", "--team", "A", "--prize", "冠军", "--level", "galaxy"), "galaxy"),
    (("events", "attend", "1"), "employee numbers or --file"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "says"), BAD, ids=[" ".join(a[:3]) + "…" for a, _ in BAD])
def test_bad_input_is_one_line_and_writes_nothing(year: Cli, args, says):
    before = db_dump(year.db)
    year.fails(*args, contains=says)
    assert db_dump(year.db) == before


def test_bad_input_in_chinese(year: Cli):
    result = year.fails("events", "award", "99", "--team", "A", "--prize", "冠军", "--lang", "zh")
    assert result.stderr == "unionctl: 没有活动“99”；见 `unionctl events list`\n"
    result = year.fails("events", "add", "x", "--kind", "培训", "--on", "2025-05-12",
                        "--until", "2025-05-01", "--lang", "zh")  # fmt: skip
    assert result.stderr == "unionctl: 活动结束日期（2025-05-01）早于开始日期（2025-05-12）\n"


def test_an_event_is_found_by_its_title(year: Cli):
    assert "女职工健康讲座" in year("events", "show", "女职工健康讲座").stdout


@pytest.mark.parametrize("ref", ["99999999999999999999", "²"])
def test_a_number_no_event_can_have_is_no_event(year: Cli, ref: str):
    """Digits past SQLite's integers, or a digit that writes no number, name no event
    (they were a traceback: OverflowError, ValueError), when read and when written."""
    year.fails("events", "show", ref, contains=f"no event '{ref}'")
    before = db_dump(year.db)
    year.fails("events", "attend", ref, "10001", contains=f"no event '{ref}'")
    assert db_dump(year.db) == before


def test_a_long_number_can_be_a_title(year: Cli):
    year("events", "add", "20250601123456789012", "--kind", "sports", "--on", "2025-06-01")
    assert "20250601123456789012" in year("events", "show", "20250601123456789012").stdout


def test_every_write_is_audited(year: Cli):
    log = year("log", "--entity", "event", "--format", "csv").stdout
    assert "events award" in log and "events attend" in log and "events headcount" in log


@pytest.fixture
def demo(template) -> Cli:
    return template("events_demo", lambda cli: cli("demo", "--db", str(cli.db)), base=None)


def test_demo_has_a_year_of_events_of_every_kind(demo: Cli):
    from unionctl.labels import CODES

    report = demo("reports", "events", "--year", "2025", "--format", "json").stdout
    rows = json.loads(report)["rows"]
    assert {row["kind"] for row in rows} == set(CODES["event_kind"])
    assert sum(row["award_city"] + row["award_province"] for row in rows) >= 2
    assert sum(row["person_times"] for row in rows) > sum(row["events"] for row in rows) * 50


def test_many_events_count_the_eligible_as_one_event_does(demo: Cli):
    """`events list` and the reports count the eligible over spans of good standing
    (reports.roll.standing_spans); `events show` counts the roll on the day. They agree."""
    listed = json.loads(demo("events", "list", "--format", "json").stdout)
    assert len(listed) == 20
    for event in listed:
        shown = json.loads(demo("events", "show", str(event["id"]), "--format", "json").stdout)
        assert shown["event"]["eligible"] == event["eligible"], event["title"]


def test_spans_of_good_standing_cover_exactly_the_roll(demo: Cli):
    import datetime as dt
    import sqlite3

    from unionctl.reports.events import audience_is
    from unionctl.reports.roll import IN_GOOD_STANDING, roll_from, roll_where, standing_spans

    conn = sqlite3.connect(demo.db)
    direct = f"""SELECT count(*) FROM {roll_from()} JOIN member m ON m.id = e.member_id
                 WHERE {roll_where()} AND {IN_GOOD_STANDING} AND {audience_is(":aud", ":day")}"""
    spans = f"""SELECT count(*) FROM ({standing_spans()}) e JOIN member m ON m.id = e.member_id
                WHERE (e.start_on IS NULL OR e.start_on <= :day)
                  AND (e.end_on IS NULL OR e.end_on > :day)
                  AND {audience_is(":aud", ":day").replace("e.value", "e.employment")}"""
    day = dt.date(2023, 12, 25)
    while day <= dt.date(2026, 1, 5):
        for audience in ("all", "women", "retirees", "youth"):
            binds = {"day": day.isoformat(), "aud": audience}
            assert conn.execute(direct, binds).fetchone() == conn.execute(spans, binds).fetchone()
        day += dt.timedelta(days=5)
    conn.close()


def test_signin_workbook_with_numbers_typed_as_numbers(year: Cli, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["XX医院职工签到表"])  # a title line above the header
    sheet.append(["序号", "工号", "姓名"])
    sheet.append([1, 10003, "李强"])  # a number cell: read as its digits
    sheet.append([2, None, "王芳"])
    path = tmp_path / "签到表.xlsx"
    book.save(path)
    result = year("events", "attend", "4", "--file", str(path))
    assert result.stdout == "event 4 义诊: 2 signed in (0 already had)\n"
    shown = year("events", "show", "4", "--format", "csv").stdout
    assert "10002,王芳" in shown and "10003,李强" in shown and "person_times,202" in shown


def test_the_dead_and_the_departed_do_not_attend(roll: Cli):
    """Found by trying a secretary's month: a member who died in January signed in at a
    March event and counted in its rate."""
    roll("members", "decease", "10003", "--on", "2025-01-13")
    roll("events", "add", "三八节活动", "--kind", "culture", "--on", "2025-03-08")
    before = db_dump(roll.db)
    roll.fails("events", "attend", "三八节活动", "10003", contains="10003")
    roll.fails("events", "register", "三八节活动", "10003", contains="10003")
    assert db_dump(roll.db) == before
    roll("events", "attend", "三八节活动", "10001")


def test_nobody_attends_an_event_that_has_not_happened(roll: Cli):
    roll("events", "add", "新年联欢", "--kind", "culture", "--on", "2026-01-20")  # after today
    before = db_dump(roll.db)
    roll.fails("events", "attend", "新年联欢", "10001", contains="nobody can have attended")
    assert db_dump(roll.db) == before
    roll("events", "register", "新年联欢", "10001")  # signing up beforehand is the point


def test_a_sign_in_that_adds_nobody_logs_nothing(roll: Cli):
    roll("events", "add", "讲座", "--kind", "training", "--on", "2025-06-01")
    roll("events", "attend", "讲座", "10001")
    entries = len(json.loads(roll("log", "--limit", "1000", "-f", "json").stdout))
    roll("events", "attend", "讲座", "10001")
    assert len(json.loads(roll("log", "--limit", "1000", "-f", "json").stdout)) == entries


def _first_column(cli: Cli, *args: str, lang: str) -> list[str]:
    """The group of each row of a report, as the reader sees it (no header, no 合计)."""
    out = cli(*args, "--format", "csv", "--lang", lang).stdout
    return [line.split(",")[0] for line in out.splitlines()[1:-1]]


def test_grouped_rows_come_in_the_code_list_order_in_both_languages(year: Cli):
    """`reports events --by kind` sorted its rows by code (competition, health, meeting,
    sports …) while `reports aid --by kind` keeps the list's order: the two tables of one
    annual report ran in different orders, and neither matched the list a secretary knows
    (文艺, 体育, 培训, 竞赛 …). Branches come in the branch list's order, not by name."""
    from unionctl.labels import CODES

    year("members", "branch", "add", "中医科分工会")  # sorts before 内科 by name
    year("events", "add", "中医讲座", "--kind", "education", "--on", "2025-04-01",
         "--organiser", "中医科分工会", "--audience", "youth")  # fmt: skip
    year("events", "add", "护理沙龙", "--kind", "culture", "--on", "2025-04-02",
         "--organiser", "护理分工会", "--audience", "children", "--eligible", "30")  # fmt: skip
    report = ("reports", "events", "--year", "2025", "--by")
    for lang, index in (("en", 0), ("zh", 1)):
        kinds = ["culture", "sports", "competition", "education", "volunteer", "health", "meeting"]
        assert _first_column(year, *report, "kind", lang=lang) == [
            CODES["event_kind"][kind][index] for kind in kinds
        ]
        audiences = ["all", "women", "retirees", "youth", "children"]
        assert _first_column(year, *report, "audience", lang=lang) == [
            CODES["event_audience"][audience][index] for audience in audiences
        ]
        # the branches as listed, then an organiser that is no branch (none given: last)
        assert _first_column(year, *report, "branch", lang=lang) == [
            "内科分工会", "护理分工会", "中医科分工会", ""
        ]  # fmt: skip


def test_show_flags_who_is_outside_the_audience_and_rates_over_the_audience(year: Cli):
    """A man at the 女职工健康讲座 was warned of when signed in, then counted as one of
    the women who came: `events show` listed him like anyone else and the rate was
    2 of the 2 eligible women (100%) when one of them came."""
    year("events", "attend", "2", "10003")  # 李强, a man: kept, as the sign-in says
    shown = json.loads(year("events", "show", "2", "--format", "json").stdout)
    event = shown["event"]
    assert (event["attended"], event["outside_audience"], event["eligible"]) == (2, 1, 2)
    assert (event["participation_rate"], event["flag"]) == (0.5, "outside_audience")
    assert [(p["emp_no"], p["flag"]) for p in shown["attendance"]] == [
        ("10001", None),
        ("10003", "outside_audience"),
    ]
    out = year("events", "show", "2", "--format", "csv").stdout
    assert "10003,李强,内科分工会,呼吸内科,no,outside the audience" in out, out
    zh = year("events", "show", "2", "--format", "csv", "--lang", "zh").stdout
    assert "10003,李强,内科分工会,呼吸内科,否,非活动对象" in zh, zh
    # the list rates the event the same way
    listed = year("events", "list", "--audience", "women", "--format", "csv").stdout
    assert listed.splitlines()[1] == (
        "2,2025-03-08,女职工健康讲座,health,women,,2,0,2,2,50.0%,outside the audience"
    )
