"""Generate the sample hospital that `unionctl demo` loads.

members.csv is the roster as the union secretary first imported it on 2024-01-01 (plus
the 2025 intake of new hires, who are not members yet); member_history.csv is what she
recorded during 2024 and 2025. `python examples/make_examples.py` rewrites both: the
output depends only on random.Random(2025), so a rerun is byte-identical. Stdlib only,
so it runs without the venv.

Before writing anything the script checks every row and replays the history against the
roster, asserting each event is legal at that moment, so the demo cannot trip over its
own data.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROSTER_DAY = dt.date(2024, 1, 1)  # ages in members.csv are as of the first import
LAST_JOIN = dt.date(2023, 12, 31)  # roster join dates are all before the import
REREGISTERED = dt.date(1990, 1, 1)  # older join dates were not carried over, see _join_date
HISTORY_START, HISTORY_END = dt.date(2024, 1, 1), dt.date(2025, 12, 31)
DAY = dt.timedelta(days=1)

MEMBER_FIELDS = (
    "emp_no,name,gender,birth_date,phone,id_card,dept,branch,post,employment,status,joined_on,"
    "hired_on"
)
HISTORY_FIELDS = "on,emp_no,action,detail,level,reason"

# --- names ------------------------------------------------------------------------------

# The commonest surnames nationally weigh three times the rest; 俞 施 钱 楼 应 童 are
# there because the hospital is in Zhejiang.
COMMON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐"
OTHER_SURNAMES = (
    "许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖夏方"
    "俞施钱顾毛邵严楼应童"
)
SURNAMES = COMMON_SURNAMES + OTHER_SURNAMES
SURNAME_WEIGHTS = [3] * len(COMMON_SURNAMES) + [1] * len(OTHER_SURNAMES)

# Given names follow fashion, so they are drawn by birth cohort (before 1960, 1960-74,
# 1975-89, 1990 on). Single characters make the 2-character names (刘军, 王静).
GIVEN = {
    ("M", 0): "建国 建华 国强 国庆 卫东 志刚 德明 福生 振华 永康 学文 宝林 "
    "庆丰 跃进 文斌 金生 荣华 水根 伟 强 明 军 平 林",
    ("F", 0): "秀英 桂英 玉兰 秀珍 凤英 桂兰 淑珍 素芳 美华 丽华 月娥 雪梅 爱华 "
    "红梅 秀兰 玉珍 惠芬 彩娣 菊芳 芳 英 华 萍 琴 霞",
    ("M", 1): "建军 海涛 志强 伟民 立新 卫国 晓东 永强 国华 文杰 宏伟 建平 国平 "
    "海峰 志华 剑锋 明辉 新华 勇军 斌 勇 军 涛 刚 峰 华",
    ("F", 1): "丽萍 红霞 晓燕 海燕 丽娟 春梅 燕萍 秀丽 美玲 晓红 雪芬 月芳 丽君 "
    "慧敏 亚萍 素娟 晓梅 爱萍 敏 静 燕 红 娟 萍 玲",
    ("M", 2): "俊杰 晓峰 振宇 志远 晓明 文博 天宇 佳伟 明杰 鹏飞 晨阳 立伟 泽宇 海波 "
    "晓龙 志鹏 伟 磊 鹏 超 杰 宇 凯 斌",
    ("F", 2): "婷婷 佳慧 雅琴 晓丽 丽丽 思琪 晶晶 文静 雪莹 倩倩 慧琳 燕妮 若兰 晓雯 "
    "丹丹 莉莉 晓琳 雅丽 春燕 亚楠 晓敏 洁琼 静 丹 洁 倩 颖 琳 艳 蕾",
    ("M", 3): "浩然 子豪 宇航 一帆 博文 嘉豪 天宇 俊杰 宇轩 浩宇 家乐 志豪 文韬 "
    "晨阳 泽宇 鹏程 思远 明轩 晨 睿 航 哲 昊 鑫",
    ("F", 3): "佳怡 雨婷 思雨 梦婷 欣怡 雨桐 诗雨 可欣 心怡 雅婷 婉婷 嘉怡 静怡 佳琪 "
    "梦瑶 思佳 雨欣 诗琪 丹妮 晓雯 佳慧 梦洁 悦 彤 琪 璐 莹 婧",
}
COHORTS = (1960, 1975, 1990)

# --- identity ---------------------------------------------------------------------------

# Hangzhou districts mostly (上城 西湖 滨江, 德清), some from Nanjing 玄武 and Hefei 蜀山.
REGIONS = {"330102": 3, "330106": 3, "330108": 2, "330521": 2, "320102": 1, "340104": 1}
# GB 11643-1999: weights of the first 17 digits; the sum mod 11 indexes "10X98765432"
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
PHONE_PREFIXES = [  # mobile prefixes in use (no 154)
    f"1{n}" for n in (*range(30, 40), *range(50, 54), *range(55, 60), *range(80, 90), 66, 77, 99)
]

# --- the hospital -----------------------------------------------------------------------

# branch -> dept -> (headcount on 2024-01-01, role mix). The first person of each role in
# a dept is its head (科主任, 护士长, 科长), so every dept has one.
BRANCHES = {
    "机关分工会": {
        "院办": (5, {"admin": 1}),
        "党办": (4, {"admin": 1}),
        "人事科": (4, {"admin": 1}),
        "财务科": (5, {"finance": 1}),
        "医务科": (4, {"admin": 1}),
    },
    "内科分工会": {
        "心内科": (16, {"doctor": 45, "nurse": 55}),
        "呼吸内科": (13, {"doctor": 45, "nurse": 55}),
        "消化内科": (13, {"doctor": 45, "nurse": 55}),
        "神经内科": (12, {"doctor": 45, "nurse": 55}),
        "内分泌科": (10, {"doctor": 50, "nurse": 50}),
    },
    "外科分工会": {
        "普外科": (15, {"doctor": 45, "nurse": 55}),
        "骨科": (14, {"doctor": 45, "nurse": 55}),
        "神经外科": (10, {"doctor": 45, "nurse": 55}),
        "泌尿外科": (9, {"doctor": 45, "nurse": 55}),
        "麻醉科": (10, {"doctor": 80, "nurse": 20}),
    },
    "妇儿分工会": {
        "妇产科": (16, {"doctor": 45, "nurse": 55}),
        "儿科": (12, {"doctor": 45, "nurse": 55}),
        "新生儿科": (8, {"doctor": 35, "nurse": 65}),
    },
    # Nurses of the wards stay with their clinical branch; this one holds the nursing
    # department and the units that are almost all nurses.
    "护理分工会": {
        "护理部": (4, {"nurse": 1}),
        "急诊护理单元": (10, {"nurse": 1}),
        "重症医学科护理单元": (10, {"nurse": 1}),
        "手术室": (10, {"nurse": 1}),
        "门诊部": (8, {"nurse": 1}),
    },
    "医技分工会": {
        "放射科": (10, {"doctor": 50, "tech": 50}),
        "检验科": (9, {"tech": 1}),
        "药剂科": (9, {"pharm": 1}),
        "超声科": (6, {"doctor": 1}),
        "病理科": (6, {"doctor": 60, "tech": 40}),
    },
    "后勤分工会": {
        "总务科": (8, {"worker": 1}),
        "保卫科": (7, {"guard": 1}),
        "信息中心": (6, {"engineer": 1}),
        "设备科": (5, {"engineer": 1}),
    },
    "离退休分工会": {"离退休办": (32, {"retiree": 1})},
}
RETIREES_BRANCH = "离退休分工会"

EMPLOYMENT = {
    "doctor": {"staff": 72, "contract": 7, "trainee": 21},
    "nurse": {"staff": 55, "contract": 45},
    "tech": {"staff": 75, "contract": 25},
    "pharm": {"staff": 75, "contract": 25},
    "admin": {"staff": 85, "contract": 15},
    "finance": {"staff": 85, "contract": 15},
    "engineer": {"staff": 65, "contract": 35},
    "worker": {"staff": 40, "contract": 60},
    "guard": {"staff": 20, "contract": 80},
    "retiree": {"retired": 1},
}
POSTS = {
    ("doctor", "staff"): {"主任医师": 5, "副主任医师": 20, "主治医师": 40, "住院医师": 35},
    ("doctor", "contract"): {"主治医师": 30, "住院医师": 70},
    ("doctor", "trainee"): {"住院医师": 1},
    ("nurse", "staff"): {"主任护师": 2, "副主任护师": 8, "主管护师": 40, "护师": 30, "护士": 20},
    ("nurse", "contract"): {"主管护师": 10, "护师": 40, "护士": 50},
    ("tech", "staff"): {"副主任技师": 10, "主管技师": 45, "技师": 45},
    ("tech", "contract"): {"技师": 80, "技士": 20},
    ("pharm", "staff"): {"副主任药师": 10, "主管药师": 45, "药师": 45},
    ("pharm", "contract"): {"药师": 70, "药士": 30},
    ("admin", "staff"): {"副科长": 15, "科员": 85},
    ("admin", "contract"): {"科员": 1},
    ("finance", "staff"): {"会计师": 45, "助理会计师": 25, "科员": 30},
    ("finance", "contract"): {"助理会计师": 50, "科员": 50},
    ("engineer", "staff"): {"高级工程师": 15, "工程师": 50, "助理工程师": 35},
    ("engineer", "contract"): {"工程师": 40, "助理工程师": 60},
    ("worker", "staff"): {"科员": 40, "技术工人": 60},
    ("worker", "contract"): {"技术工人": 70, "科员": 30},
    ("guard", "staff"): {"科员": 1},
    ("guard", "contract"): {"保安员": 1},
    ("retiree", "retired"): {"退休": 1},
}
HEAD_POSTS = {  # 科主任 are mostly 主任医师, some still 副主任医师
    "doctor": {"主任医师": 7, "副主任医师": 3},
    "nurse": {"护士长": 1},
    "tech": {"副主任技师": 1},
    "pharm": {"主任药师": 1},
    "engineer": {"高级工程师": 1},
}
HEAD_POST_BY_DEPT = {"院办": "办公室主任", "党办": "办公室主任", "护理部": "护理部主任"}
# Age on 2024-01-01 (lo, hi) for each post; titles take years to earn.
AGES = {
    "主任医师": (45, 60), "副主任医师": (38, 58), "主治医师": (30, 52), "住院医师": (25, 34),
    "主任护师": (48, 60), "副主任护师": (42, 58), "主管护师": (32, 55), "护师": (25, 42),
    "护士": (22, 30), "护士长": (36, 54), "护理部主任": (45, 58),
    "副主任技师": (42, 58), "主管技师": (32, 55), "技师": (24, 45), "技士": (22, 30),
    "主任药师": (48, 60), "副主任药师": (42, 58), "主管药师": (32, 55), "药师": (24, 45),
    "药士": (22, 30), "办公室主任": (40, 58), "科长": (38, 58), "副科长": (34, 55),
    "科员": (22, 58), "会计师": (30, 55), "助理会计师": (22, 35), "高级工程师": (40, 60),
    "工程师": (28, 55), "助理工程师": (22, 35), "技术工人": (25, 58), "保安员": (22, 55),
    "退休": (60, 80),
}  # fmt: skip
TRAINEE_AGES = (23, 28)  # 规培 residents, all of the September 2023 cohort
# Share of women among doctors, where a specialty departs from the hospital's 42%.
DOCTOR_WOMEN = {"妇产科": 0.85, "儿科": 0.6, "新生儿科": 0.65, "普外科": 0.2, "骨科": 0.1,
                "神经外科": 0.15, "泌尿外科": 0.15}  # fmt: skip
WOMEN = {"doctor": 0.42, "nurse": 0.96, "tech": 0.55, "pharm": 0.7, "admin": 0.55, "finance": 0.8,
         "engineer": 0.25, "worker": 0.3, "guard": 0.05, "retiree": 0.5}  # fmt: skip

# --- what happens in 2024-2025 ------------------------------------------------------------

TIERS = {"deep": 3, "relative": 5, "accidental": 2}
HARDSHIP_REASONS = {  # for people at work, then for retirees
    "deep": ["本人患重病", "配偶患恶性肿瘤", "子女患白血病", "家庭成员重度残疾"],
    "relative": ["子女上学困难", "配偶下岗", "单亲抚养子女", "赡养多位老人收入低"],
    "accidental": ["家庭遭遇意外火灾", "本人遭遇车祸", "配偶意外身故"],
}
RETIREE_HARDSHIP_REASONS = {
    "deep": ["本人患重病", "配偶患恶性肿瘤", "本人瘫痪卧床"],
    "relative": ["配偶长期患病", "独居高龄无子女"],
    "accidental": ["家庭遭遇意外火灾", "本人跌倒骨折"],
}
# 复核 that finds things changed: (new tier, note)
REVIEW_CHANGE = {
    "deep": ("relative", "年度复核，病情稳定，调整为相对困难"),
    "relative": ("deep", "年度复核，家庭成员病重，调整为深度困难"),
    "accidental": ("relative", "年度复核，灾后生活仍困难，转为相对困难"),
}
LEAVE_REASONS = {
    "staff": ["辞职", "调离本院"],
    "contract": ["合同到期", "辞职"],
    "trainee": ["辞职"],
}
# 院内调动 that read naturally: (role, from branches, to branch, dept they move to)
MOVES = [
    ("doctor", ("内科分工会", "外科分工会"), "机关分工会", "医务科"),
    ("nurse", ("内科分工会",), "护理分工会", "重症医学科护理单元"),
    ("nurse", ("护理分工会",), "外科分工会", "骨科"),
    ("admin", ("机关分工会",), "后勤分工会", "总务科"),
]
LEVELS = ("hospital", "city", "province", "national")


@dataclass
class Person:
    name: str
    gender: str
    birth: dt.date
    branch: str
    dept: str
    role: str
    post: str
    employment: str
    hired: dt.date  # 入职日期: join dates and 工号 order follow it
    head: bool = False
    new_hire: bool = False
    status: str = "member"
    joined: dt.date | None = None
    phone: str = ""
    id_card: str = ""
    emp_no: str = ""

    def row(self) -> list[str]:
        joined = self.joined.isoformat() if self.joined else ""
        return [self.emp_no, self.name, self.gender, self.birth.isoformat(), self.phone,
                self.id_card, self.dept, self.branch, self.post, self.employment, self.status,
                joined, self.hired.isoformat()]  # fmt: skip


# --- dates ------------------------------------------------------------------------------


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + DAY * rng.randrange((last - first).days + 1)


# Public holidays (元旦 春节 清明 劳动节 端午 中秋 国庆), first and last day.
HOLIDAYS = [
    (dt.date(2024, 1, 1), dt.date(2024, 1, 1)),
    (dt.date(2024, 2, 10), dt.date(2024, 2, 17)),
    (dt.date(2024, 4, 4), dt.date(2024, 4, 6)),
    (dt.date(2024, 5, 1), dt.date(2024, 5, 5)),
    (dt.date(2024, 6, 10), dt.date(2024, 6, 10)),
    (dt.date(2024, 9, 15), dt.date(2024, 9, 17)),
    (dt.date(2024, 10, 1), dt.date(2024, 10, 7)),
    (dt.date(2025, 1, 1), dt.date(2025, 1, 1)),
    (dt.date(2025, 1, 28), dt.date(2025, 2, 4)),
    (dt.date(2025, 4, 4), dt.date(2025, 4, 6)),
    (dt.date(2025, 5, 1), dt.date(2025, 5, 5)),
    (dt.date(2025, 5, 31), dt.date(2025, 6, 2)),
    (dt.date(2025, 10, 1), dt.date(2025, 10, 8)),
]


def workday(day: dt.date) -> dt.date:
    """The secretary records things on working days (调休 Saturdays aside)."""
    while day.weekday() >= 5 or any(first <= day <= last for first, last in HOLIDAYS):
        day += DAY
    return day


def some_day(rng: random.Random, year: int, months: tuple[int, int] = (1, 12)) -> dt.date:
    # the 26th at the latest, so workday() cannot push a date into the next year
    return workday(between(rng, dt.date(year, months[0], 2), dt.date(year, months[1], 26)))


def retirement_day(p: Person) -> dt.date:
    """The 1st of the month after reaching 60 (men, women with a senior title) or 55."""
    senior = p.post.startswith(("主任", "副主任", "高级"))
    reached = add_years(p.birth, 60 if p.gender == "M" or senior else 55)
    return dt.date(reached.year + reached.month // 12, reached.month % 12 + 1, 1)


# --- people -----------------------------------------------------------------------------


def weighted(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def id_check_digit(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def make_id_card(rng: random.Random, birth: dt.date, gender: str) -> str:
    # 3-digit sequence 010-999 whose last digit is odd for men, even for women
    sequence = f"{rng.randrange(1, 100):02d}{rng.choice('13579' if gender == 'M' else '02468')}"
    first17 = weighted(rng, REGIONS) + birth.strftime("%Y%m%d") + sequence
    return first17 + id_check_digit(first17)


class Namer:
    """Names unique but for two pairs of namesakes, as any roster this size has."""

    def __init__(self) -> None:
        self.used: Counter[str] = Counter()

    def __call__(self, rng: random.Random, gender: str, birth: dt.date) -> str:
        cohort = sum(birth.year >= year for year in COHORTS)
        given = GIVEN[gender, cohort].split()
        singles = [g for g in given if len(g) == 1]
        doubles = [g for g in given if len(g) == 2]
        while True:
            # single given names were commoner in the parents' generation
            single = rng.random() < (0.25 if cohort < 2 else 0.12)
            given_name = rng.choice(singles if single else doubles)
            name = rng.choices(SURNAMES, SURNAME_WEIGHTS)[0] + given_name
            namesakes = sum(n > 1 for n in self.used.values())
            if not self.used[name] or (self.used[name] == 1 and namesakes < 2):
                self.used[name] += 1
                return name


def _hire_date(rng: random.Random, birth: dt.date, employment: str) -> dt.date:
    if employment == "trainee":
        return dt.date(2023, 9, 1)
    hired = add_years(birth, rng.randint(22, 26)) + DAY * rng.randrange(365)
    if employment == "contract":  # 合同制 hiring only began in the 2000s
        hired = max(hired, between(rng, dt.date(2005, 1, 1), dt.date(2010, 12, 31)))
    if hired > LAST_JOIN:
        hired = between(rng, add_years(birth, 22), LAST_JOIN)
    return hired


def _join_date(rng: random.Random, hired: dt.date) -> dt.date:
    """Most staff sign up within two years of starting. The union re-registered everyone
    in 1990 and kept that date for members who had joined before."""
    joined = hired + DAY * rng.randrange(min(730, (LAST_JOIN - hired).days + 1))
    if joined < REREGISTERED:
        joined = between(rng, REREGISTERED, dt.date(1990, 12, 31))
    return joined


def _not_member_rate(role: str, employment: str) -> float:
    # Contract nurses and 规培 residents are the ones the union still has to recruit.
    if employment == "trainee":
        return 0.5
    if employment == "contract":
        return 0.4 if role == "nurse" else 0.12
    return 0.015 if employment == "staff" else 0.0


def make_person(
    rng: random.Random,
    namer: Namer,
    branch: str,
    dept: str,
    role: str,
    *,
    employment: str,
    head: bool = False,
    hired: dt.date | None = None,  # given for the 2025 new hires only
) -> Person:
    if hired is not None:  # a 2025 new hire starts at the bottom
        post = {"nurse": "护士", "doctor": "住院医师", "tech": "技士"}[role]
    elif head:
        post = HEAD_POST_BY_DEPT.get(dept) or weighted(rng, HEAD_POSTS.get(role, {"科长": 1}))
    else:
        post = weighted(rng, POSTS[role, employment])
    women = DOCTOR_WOMEN.get(dept, WOMEN[role]) if role == "doctor" else WOMEN[role]
    gender = "F" if post == "护士长" or rng.random() < women else "M"
    if hired is not None:  # their age when starting
        lo, hi = (22, 24) if role == "nurse" else (24, 29)
        birth = add_years(hired, -rng.randint(lo, hi)) - DAY * rng.randrange(365)
    else:
        lo, hi = TRAINEE_AGES if employment == "trainee" else AGES[post]
        if role != "retiree":
            # still at work, so younger than retirement age (women 55 without a senior title)
            senior = post.startswith(("主任", "副主任", "高级"))
            hi = min(hi, 59 if gender == "M" or senior else 54)
        birth = add_years(ROSTER_DAY, -rng.randint(lo, hi)) - DAY * rng.randrange(1, 366)
        hired = _hire_date(rng, birth, employment)
    p = Person(
        namer(rng, gender, birth),
        gender,
        birth,
        branch,
        dept,
        role,
        post,
        employment,
        hired,
        head=head,
        new_hire=hired > LAST_JOIN,
    )
    if p.new_hire or (not head and rng.random() < _not_member_rate(role, employment)):
        p.status = "non_member"
    elif rng.random() >= (0.12 if hired.year < 1995 else 0.02):  # else: join date unknown
        p.joined = _join_date(rng, hired)
    if rng.random() < 0.95:
        p.phone = rng.choice(PHONE_PREFIXES) + f"{rng.randrange(10**8):08d}"
    if rng.random() < 0.85:
        p.id_card = make_id_card(rng, birth, gender)
    return p


def _employment_quota(rng: random.Random, slots: list[tuple]) -> list[str]:
    """Employment per slot: heads are staff; the others of each role get EMPLOYMENT's
    shares exactly, dealt out at random, since per-person dice stray too far on 320."""
    employment = ["staff"] * len(slots)
    for role, shares in EMPLOYMENT.items():
        places = [i for i, (_b, _d, r, head) in enumerate(slots) if r == role and not head]
        total = sum(shares.values())
        deck = [
            kind
            for kind, share in shares.items()
            for _ in range(round(len(places) * share / total))
        ]
        deck = (deck + [next(iter(shares))] * len(places))[: len(places)]  # rounding slack
        rng.shuffle(deck)
        for i, kind in zip(places, deck, strict=True):
            employment[i] = kind
    return employment


def make_roster(rng: random.Random, namer: Namer) -> list[Person]:
    slots = []  # (branch, dept, role, head)
    for branch, depts in BRANCHES.items():
        for dept, (size, roles) in depts.items():
            heads = [role for role in roles if role != "retiree"]
            for i in range(size):
                role = heads[i] if i < len(heads) else weighted(rng, roles)
                slots.append((branch, dept, role, i < len(heads)))
    people = [
        make_person(rng, namer, branch, dept, role, head=head, employment=employment)
        for (branch, dept, role, head), employment in zip(
            slots, _employment_quota(rng, slots), strict=True
        )
    ]
    people.sort(key=lambda p: p.hired)  # 工号 were handed out in order of hiring
    return people


def make_new_hires(rng: random.Random, namer: Namer) -> list[Person]:
    """The 2025 intake: ten nurses (招聘护士), two doctors, two 规培 residents, a technician."""
    wards = [
        (branch, dept)
        for branch, depts in BRANCHES.items()
        for dept, (_size, roles) in depts.items()
        if "nurse" in roles and dept != "护理部"
    ]
    hires = [
        (*rng.choice(wards), "nurse", "contract", dt.date(2025, rng.choice((7, 8)), 1))
        for _ in range(10)
    ]
    hires += [
        ("内科分工会", "心内科", "doctor", "staff", dt.date(2025, 7, 14)),
        ("外科分工会", "骨科", "doctor", "staff", dt.date(2025, 7, 14)),
        ("内科分工会", "呼吸内科", "doctor", "trainee", dt.date(2025, 9, 1)),
        ("妇儿分工会", "儿科", "doctor", "trainee", dt.date(2025, 9, 1)),
        ("医技分工会", "检验科", "tech", "contract", dt.date(2025, 3, 3)),
    ]
    people = [
        make_person(rng, namer, branch, dept, role, employment=employment, hired=hired)
        for branch, dept, role, employment, hired in hires
    ]
    people.sort(key=lambda p: p.hired)
    return people


# --- history ----------------------------------------------------------------------------


def _active(p: Person) -> bool:
    return p.status == "member" and p.employment != "retired" and not p.new_hire


def _movable(p: Person) -> bool:
    """Someone who could be posted elsewhere: a member on the staff, not a head, under 50."""
    young = age_on(p.birth, ROSTER_DAY) < 50
    return _active(p) and p.employment == "staff" and not p.head and young


def _senior_doctor(p: Person) -> bool:
    return _active(p) and p.post in ("主任医师", "副主任医师")


def _needy(p: Person) -> int:
    """Weight for picking hardship cases: low pay and old age make them likelier."""
    return 3 if p.employment in ("contract", "retired") or p.role in ("worker", "guard") else 1


# (date, title, level, who): 先进工作者 chosen in January, 三八 honours before 8 March, 优秀护士
# for Nurses' Day on 12 May, 积极分子 at the union's year-end meeting.
HONOURS = [
    (dt.date(2024, 1, 19), "先进工作者", "hospital", _active),
    (dt.date(2024, 3, 7), "三八红旗手", "hospital", lambda p: _active(p) and p.gender == "F"),
    (dt.date(2024, 5, 10), "优秀护士", "hospital", lambda p: _active(p) and p.role == "nurse"),
    (dt.date(2024, 12, 20), "优秀工会积极分子", "hospital", _active),
    (dt.date(2025, 1, 17), "先进工作者", "hospital", _active),
    (dt.date(2025, 1, 17), "先进工作者", "hospital", _active),
    (dt.date(2025, 3, 7), "三八红旗手", "city", lambda p: _active(p) and p.gender == "F"),
    (dt.date(2025, 3, 7), "巾帼建功标兵", "hospital", lambda p: _active(p) and p.gender == "F"),
    (dt.date(2025, 5, 12), "优秀护士", "province", lambda p: _active(p) and p.role == "nurse"),
    (dt.date(2025, 12, 19), "优秀工会积极分子", "hospital", _active),
]

Event = tuple[dt.date, str, str, str, str, str]  # on, emp_no, action, detail, level, reason


def make_history(rng: random.Random, people: list[Person]) -> list[Event]:
    events: list[tuple[dt.date, Person, str, str, str, str]] = []
    busy: set[str] = set()  # one storyline per person keeps every event legal by design

    def take(test, weight=lambda p: 1) -> Person:
        pool = [p for p in people if p.emp_no not in busy and test(p)]
        chosen = rng.choices(pool, [weight(p) for p in pool])[0]
        busy.add(chosen.emp_no)
        return chosen

    def add(on, p, action, detail="", level="", reason="") -> None:
        events.append((on, p, action, detail, level, reason))

    # 退休 on the 1st of the month after the birthday, then over to the retirees' branch.
    # Only the first two due in 2024 and three in 2025: the rest stay on past their date
    # (返聘, or the delayed retirement ages from 2025), as a due-to-retire report would show.
    due = sorted(
        (p for p in people if p.employment == "staff" and p.status == "member"),
        key=retirement_day,
    )
    retiring = [p for p in due if retirement_day(p).year == 2024][:2]
    retiring += [p for p in due if retirement_day(p).year == 2025][:3]
    for p in retiring:
        busy.add(p.emp_no)
        add(retirement_day(p), p, "retire")
        add(retirement_day(p), p, "transfer", RETIREES_BRANCH, reason="退休")

    # 困难职工: five files opened in 2024 and re-checked in January 2025, seven more in 2025.
    # Each 2024 file has a story: 0 is posted elsewhere, which closes it (调离); 1 and 2 get
    # back on their feet (脱困), so they are people at work and not 深度困难; 3 is re-graded
    # at the review; 4 carries on.
    recoverable = {tier: n for tier, n in TIERS.items() if tier != "deep"}
    files = []
    for i in range(12):
        if i == 0:
            p = take(_movable)
        elif i in (1, 2):
            p = take(lambda p: p.status == "member" and p.employment != "retired", _needy)
        else:
            p = take(lambda p: p.status == "member", _needy)
        tier = weighted(rng, recoverable if i in (1, 2) else TIERS)
        reasons = RETIREE_HARDSHIP_REASONS if p.employment == "retired" else HARDSHIP_REASONS
        add(some_day(rng, 2024 if i < 5 else 2025, (2, 11)), p, "hardship", tier,
            reason=rng.choice(reasons[tier]))  # fmt: skip
        files.append((p, tier))
    for i, (p, tier) in enumerate(files[:5]):
        new_tier, note = REVIEW_CHANGE[tier] if i == 3 else ("", "年度复核，情况未变")
        on = workday(between(rng, dt.date(2025, 1, 2), dt.date(2025, 1, 20)))
        add(on, p, "hardship_review", new_tier, reason=note)
    for p, _tier in files[1:3]:
        add(some_day(rng, 2025, (6, 11)), p, "hardship_close", reason="脱困")
    moved_away, _tier = files[0]
    on = some_day(rng, 2025, (8, 10))
    add(on, moved_away, "hardship_close", reason="调离")
    add(on, moved_away, "transfer", "out", reason="调往省人民医院")

    for year, hospital in ((2024, "调往市第二人民医院"), (2025, "调往市中医院")):
        add(some_day(rng, year), take(_movable), "transfer", "out", reason=hospital)

    for year, (role, sources, branch, dept) in zip((2024, 2025, 2025, 2025), MOVES, strict=True):
        p = take(
            lambda p, r=role, s=sources: _active(p) and not p.head and p.role == r and p.branch in s
        )
        add(some_day(rng, year), p, "transfer", branch, reason=f"调至{dept}")

    # Leaving the hospital (离职: off the roll) is common; quitting the union (退会: still
    # on the roll) is rare — two, one a year.
    for i in range(10):
        p = take(
            lambda p: _active(p) and not p.head, lambda p: 4 if p.employment == "contract" else 1
        )
        add(
            some_day(rng, 2024 if i < 4 else 2025),
            p,
            "depart",
            reason=rng.choice(LEAVE_REASONS[p.employment]),
        )
    for year in (2024, 2025):
        p = take(lambda p: _active(p) and not p.head and p.status == "member")
        add(some_day(rng, year), p, "leave", reason="个人申请退会")

    for year in (2024, 2025):
        p = take(lambda p: p.employment == "retired" and age_on(p.birth, ROSTER_DAY) >= 75)
        add(some_day(rng, year), p, "decease", reason="病故")

    # Recruiting: ten of the roster's non-members in 2024, five more and all the new hires
    # (one to three months after starting) in 2025.
    for i in range(15):
        p = take(lambda p: p.status == "non_member" and not p.new_hire)
        add(some_day(rng, 2024 if i < 10 else 2025), p, "join")
    for p in people:
        if p.new_hire:
            busy.add(p.emp_no)
            add(workday(p.hired + DAY * rng.randint(30, 100)), p, "join")

    # One 2024 先进工作者 goes on to be made a city 劳动模范.
    star = take(_senior_doctor)
    add(workday(dt.date(2024, 1, 19)), star, "honour", "先进工作者", "hospital")
    add(workday(dt.date(2025, 4, 28)), star, "honour", "劳动模范", "city")
    for on, title, level, test in HONOURS:
        add(workday(on), take(test), "honour", title, level)

    events.sort(key=lambda e: e[0])  # stable: same-day pairs keep their order
    return [(on, p.emp_no, *rest) for on, p, *rest in events]


# --- self-checks ------------------------------------------------------------------------


def read_id_card(card: str) -> tuple[dt.date, str]:
    """GB 11643-1999 done independently of id_check_digit: ISO 7064 MOD 11-2, where the
    weight of digit i is 2**(17-i) mod 11 and the check value makes the total 1 mod 11."""
    assert re.fullmatch(r"\d{17}[\dX]", card), card
    total = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(card[:17]))
    check = (12 - total % 11) % 11
    assert card[17] == ("X" if check == 10 else str(check)), card
    assert card[:6] in REGIONS, card
    return dt.date(int(card[6:10]), int(card[10:12]), int(card[12:14])), "FM"[int(card[16]) % 2]


def check_roster(people: list[Person]) -> None:
    numbers = [p.emp_no for p in people]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"1\d{4}", n) for n in numbers)
    phones = [p.phone for p in people if p.phone]
    cards = [p.id_card for p in people if p.id_card]
    assert len(set(phones)) == len(phones) and len(set(cards)) == len(cards)
    depts = {d: b for b, ds in BRANCHES.items() for d in ds}
    for p in people:
        assert p.gender in ("M", "F") and len(p.name) in (2, 3) and depts[p.dept] == p.branch
        assert not p.phone or re.fullmatch(r"1[3-9]\d{9}", p.phone), p.phone
        if p.id_card:
            assert read_id_card(p.id_card) == (p.birth, p.gender), p
        age = age_on(p.birth, ROSTER_DAY)
        if p.employment == "retired":
            assert 60 <= age <= 80 and p.branch == RETIREES_BRANCH, p
        elif p.new_hire:
            assert p.status == "non_member" and 22 <= age_on(p.birth, p.hired) <= 30, p
        else:
            assert 22 <= age <= 60 and p.branch != RETIREES_BRANCH, p
        assert p.status in ("member", "non_member")
        if p.status == "non_member":
            assert p.joined is None, p
        elif p.joined is not None:
            assert add_years(p.birth, 22) <= p.joined <= LAST_JOIN, p


def replay(people: list[Person], events: list[Event]) -> dict[str, dict]:
    """Apply the history in order from the roster's state, asserting each step is legal."""
    state = {
        p.emp_no: {
            "person": p,
            "status": p.status,
            "employment": p.employment,
            "branch": p.branch,
            "since": p.joined or HISTORY_START,
            "file": None,
        }
        for p in people
    }
    last = HISTORY_START
    for on, emp_no, action, detail, level, reason in events:
        where = f"{on} {emp_no} {action}"
        assert last <= on <= HISTORY_END, where
        last = on
        s = state[emp_no]
        p = s["person"]
        assert s["status"] in ("member", "non_member"), f"{where}: already {s['status']}"
        assert level == "" or action == "honour", where
        if action in ("join", "leave", "depart", "decease") or detail == "out":
            assert on >= s["since"], where  # status changes in date order
            s["since"] = on
        if action == "join":
            assert s["status"] == "non_member" and on >= add_years(p.birth, 18), where
            assert on > p.hired and not detail and not reason, where
            s["status"] = "member"
        elif action == "leave":
            assert s["status"] == "member" and s["file"] is None and reason, where
            s["status"] = "left"
        elif action == "depart":
            assert s["file"] is None and reason, where
            s["status"] = "departed"
        elif action == "retire":
            assert s["status"] == "member" and s["employment"] == "staff", where
            assert age_on(p.birth, on) >= 55 and not detail, where
            s["employment"] = "retired"
        elif action == "decease":
            assert s["employment"] == "retired" and reason == "病故", where
            s["status"] = "deceased"
        elif action == "transfer" and detail == "out":
            assert s["status"] == "member" and s["file"] is None and reason, where
            s["status"] = "transferred"
        elif action == "transfer":
            assert s["status"] == "member" and detail in BRANCHES and detail != s["branch"], where
            s["branch"] = detail
        elif action == "hardship":
            assert s["status"] == "member" and s["file"] is None and detail in TIERS, where
            assert reason, where
            s["file"] = on
        elif action == "hardship_review":
            assert s["file"] is not None and on >= s["file"], where
            assert detail == "" or detail in TIERS, where
            s["file"] = on
        elif action == "hardship_close":
            assert s["file"] is not None and on >= s["file"], where
            assert reason in ("脱困", "调离"), where
            s["file"] = None
        elif action == "honour":
            assert s["status"] == "member" and detail and level in LEVELS, where
        else:
            raise AssertionError(where)
    for s in state.values():
        if s["status"] == "member" and s["employment"] == "retired":
            assert s["branch"] == RETIREES_BRANCH, s["person"]
    return state


# --- main -------------------------------------------------------------------------------


def write_csv(path: Path, header: str, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header.split(","))
        writer.writerows(rows)


STATUSES = ("member", "non_member", "left", "departed", "transferred", "deceased")
EMPLOYMENTS = ("staff", "contract", "trainee", "retired")


def summary(people: list[Person], events: list[Event], state: dict[str, dict]) -> None:
    def show(title: str, values, order) -> None:
        counts = Counter(values)
        print(f"  {title}: " + ", ".join(f"{k} {counts[k]}" for k in order if k in counts))

    hires = sum(p.new_hire for p in people)
    print(f"members.csv: {len(people)} rows ({len(people) - hires} roster + {hires} 2025 hires)")
    show("branch", (p.branch for p in people), BRANCHES)
    show("employment", (p.employment for p in people), EMPLOYMENTS)
    show("status", (p.status for p in people), STATUSES)
    show("gender", (p.gender for p in people), "FM")
    members = [p for p in people if p.status == "member"]
    print(
        f"  members without join date: {sum(p.joined is None for p in members)}"
        f", phone empty: {sum(not p.phone for p in people)}"
        f", id_card empty: {sum(not p.id_card for p in people)}"
    )
    print(f"member_history.csv: {len(events)} rows")
    by_action = Counter((e[2] + (" out" if e[3] == "out" else ""), e[0].year) for e in events)
    for action in dict.fromkeys(a for a, _y in sorted(by_action)):
        print(f"  {action:16} 2024 {by_action[action, 2024]:3}  2025 {by_action[action, 2025]:3}")
    print("after replaying the history:")
    show("status", (s["status"] for s in state.values()), STATUSES)
    show("employment", (s["employment"] for s in state.values()), EMPLOYMENTS)
    on_roll = [s["branch"] for s in state.values() if s["status"] == "member"]
    show("members by branch", on_roll, BRANCHES)
    print("self-checks passed: roster rows, ID cards, history replay")


def main() -> None:
    rng = random.Random(2025)
    namer = Namer()
    roster = make_roster(rng, namer)
    people = roster + make_new_hires(rng, namer)
    for number, p in enumerate(people, start=10001):
        p.emp_no = str(number)
    events = make_history(rng, people)
    check_roster(people)
    state = replay(people, events)
    write_csv(HERE / "members.csv", MEMBER_FIELDS, (p.row() for p in people))
    write_csv(
        HERE / "member_history.csv",
        HISTORY_FIELDS,
        ((on.isoformat(), *rest) for on, *rest in events),
    )
    summary(people, events, state)


if __name__ == "__main__":
    main()
