"""Generate examples/proposals.csv: the cases `unionctl demo` imports with `proposals import`.

The 第五届七次 staff congress (session 5-7, held 2025-03-14) raises 27 proposals in nine
categories ("共提出9个方面…条提案"); the committee accepts most, rejects two, converts two
to suggestions, assigns them to departments with due dates (some as key items), and the
departments answer in the seeds' four ways. Some are still waiting and some are overdue
on 2025-12-31. Eight suggestions (意见建议) and ten appeals (职工诉求) come in during the
year outside the congress. Submitters and co-signers are working members the roster has
in the union all of 2025 (no history rows), so every row is legal.

`python examples/make_proposals.py` rewrites the file: the output depends only on
random.Random(2025), so a rerun is byte-identical. Stdlib only.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONGRESS = dt.date(2025, 3, 14)  # 第五届七次职工代表大会 (demo.py adds the session)
LAST_DAY = dt.date(2025, 12, 31)
FIELDS = [
    *("标题", "提案人工号", "附议人", "类型", "类别", "届次", "提交日期"),
    *("立案情况", "立案日期", "不予立案理由", "承办部门", "办理期限", "重点督办"),
    *("答复类型", "答复内容", "答复日期", "满意度", "办结日期"),
]

CATEGORIES = {
    "医疗服务": ("医务部", ["优化门诊护士排班模式", "增设夜间急诊药房窗口", "完善多学科会诊流程"]),
    "后勤保障": ("后勤保障部", ["改善职工食堂夜班供餐", "增加院区电动车充电桩", "更新值班室空调"]),
    "职工福利": (
        "工会办公室",
        ["增设职工子女暑期托管班", "提高职工体检项目标准", "设立职工生日假"],
    ),
    "人才培养": (
        "人事科",
        ["增加青年医师外出进修名额", "建立护理骨干轮训制度", "设立科研启动基金"],
    ),
    "薪酬绩效": ("财务科", ["调整夜班补贴标准", "公开绩效分配细则", "提高规培生生活补助"]),
    "院务公开": ("院办", ["定期公开设备采购结果", "设立院长接待日", "公开职代会提案办理进度"]),
    "安全生产": ("保卫科", ["加强急诊科安保力量", "增设医护人员一键报警装置", "定期开展消防演练"]),
    "文化建设": ("党办", ["建设职工书屋", "组织职工运动会", "成立职工合唱团"]),
    "信息化建设": (
        "信息科",
        ["优化电子病历系统响应速度", "开通移动护理终端", "建设职工服务线上平台"],
    ),
}
SUGGESTIONS = [
    ("食堂增加清真窗口", "后勤保障", "后勤保障部"),
    ("职工停车位按班次分配", "后勤保障", "后勤保障部"),
    ("工会活动提前一周通知", "文化建设", "工会办公室"),
    ("更衣室增加储物柜", "后勤保障", "后勤保障部"),
    ("院内网站增加政策问答栏目", "院务公开", "院办"),
    ("增加职工心理咨询服务", "职工福利", "工会办公室"),
    ("夜班休息室配备遮光窗帘", "后勤保障", "后勤保障部"),
    ("培训课程提供线上回放", "人才培养", "人事科"),
]
APPEALS = [
    ("夜班补贴发放延迟", "薪酬绩效", "财务科"),
    ("子女入托困难", "职工福利", "工会办公室"),
    ("值班室热水器损坏", "后勤保障", "后勤保障部"),
    ("职称评审材料退回原因不明", "人才培养", "人事科"),
    ("产假期间绩效核算有误", "薪酬绩效", "财务科"),
    ("宿舍漏水", "后勤保障", "后勤保障部"),
    ("加班调休未落实", "薪酬绩效", "人事科"),
    ("门诊被患者辱骂后心理疏导", "安全生产", "保卫科"),
    ("体检报告迟迟未出", "职工福利", "工会办公室"),
    ("医疗互助报销进度", "职工福利", "工会办公室"),
]
REPLIES = {
    "resolved": "已落实，自下月起执行",
    "explained": "已向职工说明相关政策",
    "urged": "已督促承办部门尽快解决",
    "scheduled": "已提请院领导列入明年工作计划",
}


def _submitters() -> list[str]:
    """Working members on the roll all year, with nothing recorded about them since."""
    with (HERE / "member_history.csv").open(encoding="utf-8") as stream:
        touched = {row["emp_no"] for row in csv.DictReader(stream)}
    with (HERE / "members.csv").open(encoding="utf-8") as stream:
        return [
            row["emp_no"]
            for row in csv.DictReader(stream)
            if row["status"] == "member"
            and row["employment"] != "retired"
            and row["emp_no"] not in touched
            and row["hired_on"] < "2024-01-01"
        ]


def _case(rng: random.Random, people: list[str], title, kind, category, dept, session, on):
    """One row, taken as far as a die says: every state appears."""
    submitter, *cosigners = rng.sample(people, 3 if kind == "proposal" else 1)
    row = dict.fromkeys(FIELDS, "")
    row.update(
        {
            "标题": title,
            "提案人工号": submitter,
            "附议人": "、".join(cosigners),
            "类型": {"proposal": "提案", "suggestion": "意见建议", "appeal": "职工诉求"}[kind],
            "类别": category,
            "届次": session,
            "提交日期": on.isoformat(),
        }
    )
    roll = rng.random()
    if roll < 0.06:
        return row  # 已提交: still before the committee
    accepted = on + dt.timedelta(days=rng.randint(3, 10))
    row["立案日期"] = accepted.isoformat()
    if kind == "proposal" and roll < 0.12:
        row["立案情况"] = "不予立案"
        row["不予立案理由"] = "属于个人事务，不属于提案范围"
        return row
    row["立案情况"] = "转为意见建议" if kind == "proposal" and roll < 0.18 else "立案"
    if roll < 0.22:
        return row  # 已立案, not yet assigned
    due = accepted + dt.timedelta(days=rng.choice((30, 60, 90)))
    row.update(
        {
            "承办部门": dept,
            "办理期限": due.isoformat(),
            "重点督办": "是" if rng.random() < 0.3 else "",
        }
    )
    replied = accepted + dt.timedelta(days=rng.randint(10, 120))
    if roll < 0.34 or replied > LAST_DAY:
        return row  # 已交办: waiting for the reply (overdue once past the due date)
    disposition = rng.choice(list(REPLIES))
    row.update(
        {"答复类型": disposition, "答复内容": REPLIES[disposition], "答复日期": replied.isoformat()}
    )
    closed = replied + dt.timedelta(days=rng.randint(3, 20))
    if roll < 0.45 or closed > LAST_DAY:
        return row  # 已答复: the submitter not asked yet
    row["满意度"] = rng.choices(("满意", "基本满意", "不满意"), (6, 3, 1))[0]
    row["办结日期"] = closed.isoformat()
    return row


def main() -> None:
    rng = random.Random(2025)
    people = _submitters()
    rows = []
    for category, (dept, titles) in CATEGORIES.items():
        for title in titles:
            rows.append(_case(rng, people, title, "proposal", category, dept, "5-7", CONGRESS))
    for kind, cases in (("suggestion", SUGGESTIONS), ("appeal", APPEALS)):
        for title, category, dept in cases:
            on = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randint(0, 300))
            rows.append(_case(rng, people, title, kind, category, dept, "", on))
    rows.sort(key=lambda row: row["提交日期"])
    with (HERE / "proposals.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
