"""Generate the demo hospital's year of events (2025): examples/events/.

- events.csv: the calendar as the secretary keeps it (Chinese headers), read by
  `unionctl events import`; every kind of DESIGN.md at least once, some with a headcount
  of people not on the roll (义诊 visitors, members' children), some external contests;
- signin_NN.csv: the sign-in sheet of event NN (its line in events.csv, so its id in a
  fresh demo database), read by `unionctl events attend NN --file`. Most lines give the
  employee number; some only a name (a name two people share is always written with the
  number); a few people signed in twice (counted once);
- awards.csv: the prizes won, replayed by the demo through the `events award` service.

`python examples/make_events.py` rewrites them; random.Random(2025): byte-identical reruns.
Stdlib only. Needs examples/members.csv (make_examples.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "events"
YEAR = 2025

HEADER = (
    "活动名称,类别,日期,结束日期,地点,主办单位,对象,应参加人数,预算,实际支出,上级比赛,非会员人数"
)
# (title, kind, month, day, days, place, organiser, audience, budget, external, headcount)
CALENDAR = [
    ("新春联欢会", "文艺", 1, 18, 1, "学术报告厅", "院工会", "全体", 30000, False, 0),
    ("春节困难职工座谈会", "座谈会", 1, 22, 1, "工会活动室", "院工会", "全体", 2000, False, 0),
    (
        "三八节女职工健康讲座",
        "体检/健康",
        3,
        7,
        1,
        "学术报告厅",
        "院工会",
        "女职工",
        3000,
        False,
        0,
    ),
    ("学雷锋义诊", "义诊/志愿", 3, 5, 1, "人民广场", "内科分工会", "全体", 1500, False, 200),
    ("春季健步走", "体育", 4, 12, 1, "滨江绿道", "院工会", "全体", 8000, False, 0),
    ("护理技能竞赛", "竞赛", 5, 10, 2, "护理示教室", "护理分工会", "全体", 12000, False, 0),
    ("全市卫生系统职工篮球赛", "体育", 5, 20, 5, "市体育馆", "院工会", "全体", 15000, True, 0),
    ("六一亲子游园会", "节日活动", 6, 1, 1, "院内广场", "院工会", "职工子女", 6000, False, 120),
    ("青年职工读书会", "思想教育", 6, 14, 1, "图书馆", "院工会", "青年职工", 1000, False, 0),
    ("心肺复苏技能培训", "培训", 6, 21, 1, "技能中心", "院工会", "全体", 2000, False, 0),
    ("送清凉慰问", "节日活动", 7, 15, 1, "各病区", "院工会", "全体", 20000, False, 0),
    ("职工疗休养（第一批）", "疗休养", 8, 18, 5, "千岛湖", "院工会", "全体", 60000, False, 0),
    ("全省医院职工技能大赛", "竞赛", 9, 8, 3, "省人民医院", "院工会", "全体", 8000, True, 0),
    (
        "退休职工重阳座谈会",
        "座谈会",
        10,
        29,
        1,
        "工会活动室",
        "离退休分工会",
        "退休职工",
        4000,
        False,
        0,
    ),
    ("职工合唱比赛", "文艺", 10, 18, 1, "学术报告厅", "院工会", "全体", 18000, False, 0),
    ("医患沟通培训", "培训", 11, 8, 1, "学术报告厅", "院工会", "全体", 3000, False, 0),
    ("年度职工体检", "体检/健康", 11, 20, 10, "体检中心", "院工会", "全体", 90000, False, 0),
    ("职工趣味运动会", "体育", 12, 6, 1, "院内操场", "院工会", "全体", 10000, False, 0),
    ("安全生产知识竞赛", "竞赛", 12, 13, 1, "学术报告厅", "院工会", "全体", 5000, False, 0),
    ("年终职工代表座谈", "其他", 12, 27, 1, "工会活动室", "院工会", "全体", 2000, False, 0),
]

# (event title, emp_no or "", team or "", prize, level, prize money in yuan or "")
TEAM_AWARDS = [
    ("全市卫生系统职工篮球赛", "", "医院代表队", "冠军", "市级", "5000"),
    ("职工合唱比赛", "", "内科分工会合唱队", "一等奖", "院级", "3000"),
    ("职工合唱比赛", "", "护理分工会合唱队", "二等奖", "院级", "2000"),
    ("职工趣味运动会", "", "ICU、内四代表队", "第一名", "院级", "1000"),
]
MEMBER_PRIZES = [
    ("护理技能竞赛", "一等奖", "院级", "1000"),
    ("护理技能竞赛", "二等奖", "院级", "600"),
    ("全省医院职工技能大赛", "三等奖", "省级", "2000"),
    ("安全生产知识竞赛", "一等奖", "院级", "500"),
]


def _roster() -> list[dict[str, str]]:
    with (HERE / "members.csv").open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _gone_on() -> dict[str, dt.date]:
    """When each person left the roll in the recorded history (离职, 转出, 去世)."""
    with (HERE / "member_history.csv").open(encoding="utf-8-sig", newline="") as stream:
        return {
            row["emp_no"]: dt.date.fromisoformat(row["on"])
            for row in csv.DictReader(stream)
            if row["action"] in ("depart", "decease")
            or (row["action"] == "transfer" and row["detail"] == "out")
        }


def _of(audience: str, people: list[dict[str, str]], day: dt.date) -> list[dict[str, str]]:
    gone = _gone_on()
    people = [  # only those on the roll that day: hired by then, not yet gone
        p
        for p in people
        if (not p.get("hired_on") or dt.date.fromisoformat(p["hired_on"]) <= day)
        and (p["emp_no"] not in gone or gone[p["emp_no"]] > day)
    ]
    if audience == "女职工":
        return [p for p in people if p["gender"] == "F"]
    if audience == "退休职工":
        return [p for p in people if p["employment"] == "retired"]
    if audience == "青年职工":
        return [p for p in people if dt.date.fromisoformat(p["birth_date"]).year > day.year - 36]
    return [p for p in people if p["employment"] != "retired"]


def main() -> None:
    rng = random.Random(2025)
    roster = _roster()
    people = [p for p in roster if p["status"] == "member"]
    names = Counter(p["name"] for p in roster)  # a name shared with anyone needs the number
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("signin_*.csv"):
        old.unlink()
    calendar = sorted(CALENDAR, key=lambda e: (e[2], e[3]))
    attended: dict[str, list[dict[str, str]]] = {}
    with (OUT / "events.csv").open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream, lineterminator="\n")
        out.writerow(HEADER.split(","))
        for n, (title, kind, month, day, days, place, org, aud, budget, ext, head) in enumerate(
            calendar, 1
        ):
            start = dt.date(YEAR, month, day)
            end = start + dt.timedelta(days=days - 1) if days > 1 else None
            eligible = "" if aud != "职工子女" else "150"
            cost = round(budget * rng.uniform(0.8, 1.05), 2)
            out.writerow(
                [
                    title,
                    kind,
                    start,
                    end or "",
                    place,
                    org,
                    aud,
                    eligible,
                    budget,
                    f"{cost:.2f}",
                    "是" if ext else "否",
                    head or "",
                ]
            )
            if aud == "职工子女":
                continue  # the children are the headcount; no member sign-in
            pool = _of(aud, people, start)
            share = 0.12 if ext else rng.uniform(0.25, 0.8)
            chosen = rng.sample(pool, max(3, int(len(pool) * share)))
            attended[title] = chosen
            with (OUT / f"signin_{n:02d}.csv").open("w", encoding="utf-8", newline="") as sheet:
                rows = csv.writer(sheet, lineterminator="\n")
                rows.writerow(["序号", "工号", "姓名", "签到时间"])
                lines = chosen + rng.sample(chosen, min(3, len(chosen)))  # signed in twice
                for i, person in enumerate(lines, 1):
                    by_name = names[person["name"]] == 1 and rng.random() < 0.3
                    number = "" if by_name else person["emp_no"]
                    time = f"{rng.randint(8, 9):02d}:{rng.randint(0, 59):02d}"
                    rows.writerow([i, number, person["name"], time])
    with (OUT / "awards.csv").open("w", encoding="utf-8", newline="") as stream:
        out = csv.writer(stream, lineterminator="\n")
        out.writerow(["活动名称", "工号", "团队", "奖项", "级别", "奖金"])
        for row in TEAM_AWARDS:
            out.writerow(row)
        for title, prize, level, money in MEMBER_PRIZES:
            winner = rng.choice(attended[title])
            out.writerow([title, winner["emp_no"], "", prize, level, money])


if __name__ == "__main__":
    main()
