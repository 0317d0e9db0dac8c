"""Aid as tables: the listing, one gift, the policy, what is due this month, and
`reports aid` — all SQL returning `Table`s; money stays integer fen until the renderer.

`reports aid` counts the gifts given within the period: people helped (distinct members,
plus distinct outsiders by name), times, cash, goods value and their total, and the gifts
flagged (over the cap, or hardship aid without a record). Beside it, the hardship register
(困难职工档案) for the period: households with a record open at some point in it, those
of them helped in it, and those not yet helped. Helped (帮扶) means aid of the kinds
先建档，后帮扶 governs (services.aid.HARDSHIP_KINDS: hardship, critical_illness): a
holiday gift, a birthday or 送清凉 reaches every member and helps no household out of
hardship. `aid due` counts the same way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unionctl.db.reader import Reader
from unionctl.errors import UnionError
from unionctl.labels import CODES, Phrase, Term
from unionctl.lookup import aid_id, drive_id, member_id
from unionctl.parsing import Period
from unionctl.render import Column, Record, Table
from unionctl.reports import branch_order, code_order
from unionctl.reports.roll import ROLL_ON, last_branch_id

HARDSHIP_KINDS = ("hardship", "critical_illness")  # 先建档，后帮扶 (services.aid's rule)

# over_cap and unregistered flags as one code (labels.CODES["aid_flag"]).
FLAG_SQL = (
    "CASE WHEN a.over_cap AND a.unregistered THEN 'both' WHEN a.over_cap THEN 'over_cap' "
    "WHEN a.unregistered THEN 'unregistered' END"
)
# SQL: aid row `a` is 帮扶 to a hardship household (HARDSHIP_KINDS, as literals: codes)
HELPED = "a.kind IN (" + ", ".join(f"'{kind}'" for kind in HARDSHIP_KINDS) + ")"

LIST_COLUMNS = (
    Column("id", "int"),
    Column("given_on", "date"),
    Column("kind", "code:aid_kind", header="aid_kind"),
    Column("emp_no"),
    Column("beneficiary"),
    Column("dept"),
    Column("cash", "money"),
    Column("goods"),
    Column("goods_value", "money"),
    Column("source", "code:aid_source", header="aid_source"),
    Column("visited_by"),
    Column("flag", "code:aid_flag", header="aid_flag"),
    Column("note"),
)


@dataclass
class AidFilter:
    kind: str | None = None
    member: str | None = None  # employee number
    period: Period | None = None


def aid_list(db: Reader, filters: AidFilter) -> Table:
    where = ["1 = 1"]
    params: dict[str, object] = {}
    if filters.kind is not None:
        where.append("a.kind = :kind")
        params["kind"] = filters.kind
    if filters.member is not None:
        where.append("a.member_id = :member")
        params["member"] = member_id(db, filters.member)
    if filters.period is not None:
        where.append("a.given_on BETWEEN :start AND :end")
        params["start"] = filters.period.start.isoformat()
        params["end"] = filters.period.end.isoformat()
    sql = f"""
    SELECT a.id, a.given_on, a.kind, m.emp_no, COALESCE(m.name, a.outsider), m.dept,
           a.amount, a.goods, NULLIF(a.goods_value, 0), a.source, a.visited_by, {FLAG_SQL},
           a.note
    FROM aid a LEFT JOIN member m ON m.id = a.member_id
    WHERE {" AND ".join(where)}
    ORDER BY a.given_on, a.id
    """
    total_sql = f"""
    SELECT sum(a.amount), sum(a.goods_value) FROM aid a WHERE {" AND ".join(where)}
    """
    cash, goods = db.execute(total_sql, params).first() or (None, None)
    return Table(
        key="aid",
        title="t_aid",
        title_suffix=filters.period.label() if filters.period else "",
        columns=LIST_COLUMNS,
        rows=db.execute(sql, params),
        total=(None, None, None, None, None, None, cash or 0, None, goods or 0, *(None,) * 4),
    )


SHOW_SQL = f"""
SELECT a.id, a.given_on, a.kind, m.emp_no, COALESCE(m.name, a.outsider), m.dept, a.amount,
       a.goods, NULLIF(a.goods_value, 0), a.amount + a.goods_value, a.source, a.visited_by,
       {FLAG_SQL}, a.note
FROM aid a LEFT JOIN member m ON m.id = a.member_id
WHERE a.id = :id
"""
SHOW_COLUMNS = (  # the listing's, with the total after the goods' value
    *LIST_COLUMNS[:9],
    Column("aid_total", "money"),
    *LIST_COLUMNS[9:],
)


def aid_show(db: Reader, value: str) -> list[Table | Record]:
    found = aid_id(db, value)
    row = db.execute(SHOW_SQL, {"id": found}).one()
    plans = db.execute(
        "SELECT id, reported_on, note FROM aid_plan WHERE aid_id = :id ORDER BY id", {"id": found}
    ).all()
    record = Record(
        key="aid",
        title="t_aid_one",
        title_suffix=str(found),
        fields=[
            *zip(SHOW_COLUMNS, row, strict=True),
            (
                Column("plan"),
                ", ".join(f"#{p[0]} {p[1]} {p[2] or ''}".strip() for p in plans) or None,
            ),
        ],
    )
    return [record]


def policy_list(db: Reader) -> Table:
    """Every kind, with its standard and yearly cap where one is set."""
    stored = {
        row[0]: row[1:] for row in db.execute("SELECT kind, standard, yearly_cap FROM aid_policy")
    }
    rows = [(kind, *stored.get(kind, (None, None))) for kind in CODES["aid_kind"]]
    return Table(
        key="aid_policy",
        title="t_aid_policy",
        columns=(
            Column("kind", "code:aid_kind", header="aid_kind"),
            Column("standard", "money", header="aid_standard"),
            Column("yearly_cap", "money"),
        ),
        rows=rows,
    )


# `reports aid --by X`: the grouping expression, how its value is shown, and the order
# (over `grp`): a code list's own, the branch list's, the calendar.
GROUPS = {
    "kind": (
        "a.kind",
        Column("kind", "code:aid_kind", header="aid_kind"),
        code_order("aid_kind", "grp"),
    ),
    "month": ("substr(a.given_on, 1, 7)", Column("month"), "grp"),
    "branch": ("br.name", Column("branch"), branch_order("grp")),
    "source": (
        "a.source",
        Column("source", "code:aid_source", header="aid_source"),
        code_order("aid_source", "grp"),
    ),
}
FIGURES = (
    Column("people", "int", header="people_helped"),
    Column("times", "int"),
    Column("cash", "money"),
    Column("goods_value", "money"),
    Column("aid_total", "money"),
    Column("flagged", "int", header="aid_flagged"),
)
REPORT_SQL = """
SELECT {group} AS grp,
       count(DISTINCT COALESCE('m' || a.member_id, 'o' || a.outsider)) AS people,
       count(*) AS times,
       COALESCE(sum(a.amount), 0), COALESCE(sum(a.goods_value), 0),
       COALESCE(sum(a.amount + a.goods_value), 0),
       COALESCE(sum(a.over_cap OR a.unregistered), 0)
FROM aid a
{join}
WHERE a.given_on BETWEEN :start AND :end
GROUP BY {grouping}
ORDER BY {order}
"""
# The member's branch on the day of the gift, or the last one before it for someone
# who has left the roll (丧事 after a death); none for outsiders.
BRANCH_JOIN = f"""
LEFT JOIN branch br ON br.id = {last_branch_id("a.member_id", "a.given_on")}
"""
REGISTER_SQL = f"""
WITH open_records AS (
    SELECT DISTINCT h.member_id FROM hardship_record h
    WHERE h.registered_on <= :end AND (h.closed_on IS NULL OR h.closed_on >= :start)
)
SELECT count(*),
       sum(EXISTS (SELECT 1 FROM aid a WHERE a.member_id = o.member_id AND {HELPED}
                   AND a.given_on BETWEEN :start AND :end))
FROM open_records o
"""


def aid_report(db: Reader, period: Period, *, by: str) -> list[Table]:
    if by not in GROUPS:
        raise UnionError("bad_code", what="--by", value=by, accepted=", ".join(GROUPS))
    expression, column, order = GROUPS[by]
    params = {"start": period.start.isoformat(), "end": period.end.isoformat()}
    join = BRANCH_JOIN if by == "branch" else ""
    body = db.execute(
        REPORT_SQL.format(group=expression, join=join, grouping=expression, order=order),
        params,
    ).all()
    total = db.execute(
        REPORT_SQL.format(group="NULL", join="", grouping="1", order="1"), params
    ).first()
    if total is None:
        total = (None, 0, 0, 0, 0, 0, 0)
    rows = [(row[0] if row[0] is not None else "—", *row[1:]) for row in body]
    registered, helped = db.execute(REGISTER_SQL, params).first() or (0, 0)
    registered, helped = registered or 0, helped or 0
    register = Table(
        key="hardship_register",
        title="t_aid_register",
        title_suffix=period.label(),
        columns=(
            Column("registered", "int", header="households_registered"),
            Column("helped", "int", header="households_helped"),
            Column("not_helped", "int", header="households_not_helped"),
        ),
        rows=[(registered, helped, registered - helped)],
    )
    report = Table(
        key="aid",
        title="t_aid_report",
        title_suffix=period.label(),
        columns=(column, *FIGURES),
        rows=rows,
        total=(None, *total[1:]),
    )
    return [report, register]


# `aid due`: what the secretary owes in a month, one row per person and reason, and what
# was done for them — all as of the month's end (:end), so a past month reads the same
# whenever it is asked: a plan fulfilled later was still open, a record closed later
# still open, a gift given later not yet given. A birthday given in its month is done
# and left out, as a fulfilled plan is.
DUE_ORDER = ("plan", "birthday", "retirement", "hardship", "revisit")
DUE_SQL = f"""
WITH roll AS ({ROLL_ON}),
due AS (
    SELECT 0 AS item_order, 'plan' AS item, p.member_id, p.kind, p.reported_on AS since,
           CAST(julianday(:day) - julianday(p.reported_on) AS INTEGER) AS waiting, p.note
    FROM aid_plan p
    WHERE p.reported_on <= :end
      AND (p.aid_id IS NULL
           OR (SELECT f.given_on FROM aid f WHERE f.id = p.aid_id) > :end)
    UNION ALL
    SELECT 1, 'birthday', m.id, 'birthday', :year || substr(m.birth_date, 5), NULL, NULL
    FROM member m JOIN roll r ON r.member_id = m.id AND r.member
    WHERE substr(m.birth_date, 6, 2) = :mm
      AND NOT EXISTS (SELECT 1 FROM aid a WHERE a.member_id = m.id AND a.kind = 'birthday'
                      AND a.given_on BETWEEN :start AND :end)
    UNION ALL
    SELECT 2, 'retirement', m.id, 'retirement',
           :year || substr(m.birth_date, 5), NULL, NULL
    FROM member m JOIN roll r ON r.member_id = m.id AND r.working
    WHERE (m.gender = 'M' AND substr(m.birth_date, 1, 7) = :men_born)
       OR (m.gender = 'F' AND substr(m.birth_date, 1, 7) = :women_born)
    UNION ALL
    SELECT 3, 'hardship', h.member_id, 'hardship', h.registered_on, NULL, h.reason
    FROM hardship_record h JOIN roll r ON r.member_id = h.member_id
    WHERE h.registered_on <= :end AND (h.closed_on IS NULL OR h.closed_on > :end)
      AND NOT EXISTS (SELECT 1 FROM aid a WHERE a.member_id = h.member_id AND {HELPED}
                      AND a.given_on BETWEEN :year_start AND :end)
    UNION ALL
    SELECT 4, 'revisit', h.member_id, 'hardship', h.closed_on, NULL, h.close_reason
    FROM hardship_record h
    WHERE h.close_reason LIKE '%脱困%' AND date(h.closed_on, '+1 year') BETWEEN :start AND :end
)
SELECT d.item, m.emp_no, m.name, m.dept, d.kind, d.since, d.waiting, d.note,
       (SELECT count(*) FROM aid a WHERE a.member_id = d.member_id
         AND a.given_on BETWEEN :year_start AND :end),
       (SELECT sum(a.amount + a.goods_value) FROM aid a WHERE a.member_id = d.member_id
         AND a.given_on BETWEEN :year_start AND :end),
       (SELECT max(a.given_on) FROM aid a WHERE a.member_id = d.member_id
         AND a.given_on <= :end)
FROM due d JOIN member m ON m.id = d.member_id
ORDER BY d.item_order, d.since, m.emp_no
"""
DUE_COLUMNS = (
    Column("item", "code:aid_due", header="aid_due"),
    Column("emp_no"),
    Column("name"),
    Column("dept"),
    Column("kind", "code:aid_kind", header="aid_kind"),
    Column("since", "date", header="due_since"),
    Column("days_waiting", "int"),
    Column("note"),
    Column("times_this_year", "int"),
    Column("given_this_year", "money"),
    Column("last_given", "date"),
)


def aid_due(db: Reader, period: Period, *, day: dt.date, men: int = 60, women: int = 55) -> Table:
    """Open plans (with days waiting as of `day`, or the month's end if earlier), birthdays
    not yet given and retirements in the month, open hardship households not helped this
    year, and households closed as 脱困 a year before — each with this year's aid to the
    month's end (see DUE_SQL)."""
    year = period.start.year
    params = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "day": min(day, period.end).isoformat(),
        "year": str(year),
        "mm": f"{period.start.month:02d}",
        "men_born": f"{year - men:04d}-{period.start.month:02d}",
        "women_born": f"{year - women:04d}-{period.start.month:02d}",
        "year_start": f"{year:04d}-01-01",
    }
    rows = db.execute(DUE_SQL, params)
    return Table(
        key="aid_due",
        title="t_aid_due",
        title_suffix=period.label(),
        columns=DUE_COLUMNS,
        rows=rows,
    )


def sign_sheet(given: list, *, kind: str, on: dt.date, occasion: str | None = None) -> Table:
    """签领表: 序号, 工号, 姓名, 科室, 慰问金, 物品 and 物品价值 (when anyone gets goods),
    签名 (blank, wide enough to sign in), and a 合计 row summing each money column.

    Titled "<occasion>签领表" and the date; the occasion (春节送温暖) defaults to the kind."""
    goods = any(aid.goods for aid, _member in given)
    rows = [
        (
            number,
            member.emp_no,
            member.name,
            member.dept,
            aid.amount,
            *((aid.goods, aid.goods_value) if goods else ()),
            None,
        )
        for number, (aid, member) in enumerate(given, start=1)
    ]
    cash = sum(aid.amount for aid, _member in given)
    value = sum(aid.goods_value for aid, _member in given)
    return Table(
        key="sign_sheet",
        title=Phrase("t_aid_sign_sheet", occasion=occasion or Term("aid_kind", kind)),
        title_suffix=on.isoformat(),
        columns=(
            Column("seq", "int"),
            Column("emp_no"),
            Column("name"),
            Column("dept"),
            Column("cash", "money"),
            *((Column("goods"), Column("goods_value", "money")) if goods else ()),
            Column("signature", width=24),
        ),
        rows=rows,
        total=(None, None, None, None, cash, *((None, value) if goods else ()), None),
        ruled=True,
    )


DRIVE_COLUMNS = (
    Column("id", "int"),
    Column("title", header="drive_title"),
    Column("beneficiary"),
    Column("opened_on", "date"),
    Column("closed_on", "date", header="drive_closed_on"),
    Column("donors", "int"),
    Column("donated", "money"),
)
DRIVE_SQL = """
SELECT d.id, d.title, COALESCE(m.emp_no || ' ' || m.name, d.outsider), d.opened_on,
       d.closed_on,
       (SELECT count(DISTINCT g.member_id) FROM aid_donation g WHERE g.drive_id = d.id),
       (SELECT COALESCE(sum(g.amount), 0) FROM aid_donation g WHERE g.drive_id = d.id)
FROM aid_drive d LEFT JOIN member m ON m.id = d.member_id
{where}
ORDER BY d.opened_on, d.id
"""


def drive_list(db: Reader) -> Table:
    rows = db.execute(DRIVE_SQL.format(where="")).all()
    return Table(
        key="drives",
        title="t_aid_drives",
        columns=DRIVE_COLUMNS,
        rows=rows,
        total=(None, None, None, None, None, None, sum(r[6] for r in rows)),
    )


def drive_show(db: Reader, value: str) -> list[Table | Record]:
    found = drive_id(db, value)
    row = db.execute(DRIVE_SQL.format(where="WHERE d.id = :id"), {"id": found}).one()
    handed = db.execute(
        "SELECT id FROM aid WHERE drive_id = :id ORDER BY id", {"id": found}
    ).scalar()
    record = Record(
        key="drive",
        title="t_aid_drive",
        fields=[
            *zip(DRIVE_COLUMNS, row, strict=True),
            (Column("aid_id", "int", header="handover_aid"), handed),
        ],
    )
    gifts = db.execute(
        "SELECT g.given_on, m.emp_no, m.name, m.dept, g.amount FROM aid_donation g "
        "JOIN member m ON m.id = g.member_id WHERE g.drive_id = :id ORDER BY g.given_on, g.id",
        {"id": found},
    ).all()
    donations = Table(
        key="donations",
        title="t_aid_donations",
        columns=(
            Column("given_on", "date"),
            Column("emp_no"),
            Column("name"),
            Column("dept"),
            Column("amount", "money", header="sign_amount"),
        ),
        rows=gifts,
        total=(None, None, None, None, sum(g[4] for g in gifts)),
    )
    return [record, donations]
