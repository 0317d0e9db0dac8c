"""Generate examples/aid.csv: a year (2025) of visits and help `unionctl demo` imports with
`aid import`.

Every kind appears: 春节送温暖 and 中秋 to the hardship households registered on the day
(困难帮扶), 大病救助 to a registered household, illness visits, a bereavement visit to
each family of a member who died, birthday wishes, weddings and births, a visit to
each retiree on the day they retire, 送清凉 goods in July, 女职工安康保险, a disaster
and mutual-medical payments, and gifts of goods to two outsiders (结对帮扶的贫困户).
Everyone visited while on the roll is a working member the roster has in the union all
of 2025 (no history rows), so every row is legal; amounts keep under the demo's policy
(services/demo.py DEMO_POLICY).

`python examples/make_aid.py` rewrites the file: the output depends only on
random.Random(2025), so a rerun is byte-identical. Stdlib only.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = [
    "日期",
    "工号",
    "受助人",
    "帮扶类别",
    "慰问金",
    "物品",
    "物品价值",
    "慰问人",
    "经费来源",
    "备注",
]


def _read(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.DictReader(stream))


def _open_households(history: list[dict[str, str]], day: str) -> list[str]:
    """Members with a hardship record open on `day`, as the history replays it."""
    open_now: set[str] = set()
    for event in history:
        if event["on"] > day:
            break
        if event["action"] == "hardship":
            open_now.add(event["emp_no"])
        elif event["action"] == "hardship_close":
            open_now.discard(event["emp_no"])
    return sorted(open_now)


def rows() -> list[list[str]]:
    rng = random.Random(2025)
    members = _read("members.csv")
    history = _read("member_history.csv")
    moved = {event["emp_no"] for event in history}
    steady = [
        m
        for m in members
        if m["employment"] != "retired"
        and m["status"] == "member"
        and m["emp_no"] not in moved
        and (m["hired_on"] or "") < "2025"
        and (m["joined_on"] or "") < "2025"
    ]
    women = [m for m in steady if m["gender"] == "F"]
    out: list[list[str]] = []

    def give(
        day,
        member,
        kind,
        cash="",
        goods="",
        value="",
        by="工会主席",
        source="union",
        note="",
        outsider="",
    ):
        out.append([day, member, outsider, kind, cash, goods, value, by, source, note])

    for day, note in (("2025-01-20", "春节送温暖"), ("2025-09-30", "中秋慰问")):
        for emp_no in _open_households(history, day):
            give(
                day,
                emp_no,
                "hardship",
                "2000" if note == "春节送温暖" else "1000",
                "米、油",
                "150",
                note=note,
            )
    give("2025-06-03", "10021", "critical_illness", "5000", note="配偶患恶性肿瘤")
    for member in rng.sample(steady, 24):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(330))
        give(
            day.isoformat(),
            member["emp_no"],
            "illness",
            rng.choice(("300", "500")),
            "水果",
            "100",
            by=rng.choice(("工会主席", "分工会主席", "工会副主席")),
            note="住院慰问",
        )
    for event in history:
        if event["action"] == "decease" and event["on"].startswith("2025"):
            give(
                event["on"], event["emp_no"], "bereavement", "1000", "花圈", "200", note="家属慰问"
            )
        if event["action"] == "retire" and event["on"].startswith("2025"):
            give(
                event["on"], event["emp_no"], "retirement", "500", "纪念品", "300", note="光荣退休"
            )
    for member in sorted(rng.sample(steady, 40), key=lambda m: m["birth_date"][5:]):
        birthday = "2025" + member["birth_date"][4:]
        if birthday[5:] == "02-29":
            continue
        give(birthday, member["emp_no"], "birthday", "", "生日蛋糕券", "100", by="分工会主席")
    for member in rng.sample(steady, 3):
        give(
            f"2025-{rng.randrange(4, 11):02d}-18",
            member["emp_no"],
            "wedding",
            "500",
            note="新婚慰问",
        )
    for member in rng.sample(women, 3):
        give(
            f"2025-{rng.randrange(2, 12):02d}-08",
            member["emp_no"],
            "childbirth",
            "500",
            "营养品",
            "200",
            note="生育慰问",
        )
    for member in rng.sample(steady, 20):
        give(
            "2025-07-15",
            member["emp_no"],
            "cooling",
            "",
            "绿豆、饮料",
            "60",
            by="分工会主席",
            note="高温一线送清凉",
        )
    for member in women[:30]:
        give(
            "2025-03-08",
            member["emp_no"],
            "insurance",
            "20",
            by="工会办公室",
            note="女职工安康保险",
        )
    give("2025-07-28", steady[5]["emp_no"], "disaster", "3000", note="住房遭台风受损")
    for member in rng.sample(steady, 4):
        give(
            f"2025-{rng.randrange(3, 12):02d}-25",
            member["emp_no"],
            "mutual_medical",
            f"{rng.randrange(800, 4000)}.{rng.randrange(100):02d}",
            by="工会办公室",
            note="职工医疗互助赔付",
        )
    for day, who in (("2025-01-25", "城东村贫困户王某"), ("2025-09-28", "城东村贫困户李某")):
        give(day, "", "holiday", "", "大米、棉被", "1200", outsider=who, note="结对帮扶")
    return sorted(out, key=lambda row: (row[0], row[1], row[2], row[3]))


def main() -> None:
    with (HERE / "aid.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows(rows())


if __name__ == "__main__":
    main()
