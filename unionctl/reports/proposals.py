"""Proposals as tables: the listing (and --overdue), one case with its timeline, the
congress sessions, and `reports proposals` — all SQL returning `Table`s.

The report counts the cases submitted within the period (a cohort): received, accepted
(立案, or converted to a suggestion), replied, closed, 办结率 = closed ÷ accepted,
satisfaction = (satisfied + basic) ÷ rated, key items (重点督办) and overdue — assigned,
past the due date and not replied on the period's last day (or today, if earlier).
Rates are computed in SQL and are NULL (shown as —) when nothing is there to divide by.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any

from unionctl.db.reader import Reader
from unionctl.errors import UnionError
from unionctl.labels import Phrase
from unionctl.lookup import suggest_names
from unionctl.parsing import Period
from unionctl.render import Column, Record, Table
from unionctl.reports import code_order

SESSION_CODE = re.compile(r"^\s*(\d{1,3})\s*-\s*(\d{1,3})\s*$")


def parse_session_code(value: str) -> str:
    """A congress session as TERM-SESSION (5-7); ` 05 - 7 ` is 5-7."""
    match = SESSION_CODE.match(value or "")
    if not match:
        raise UnionError("bad_session_code", value=value)
    return f"{int(match[1])}-{int(match[2])}"


def session_id(db: Any, code: str) -> int:
    """The id of the congress session `code` (as parse_session_code gives it); a typo
    gets the closest codes. `db`: a Reader, or a write's Session."""
    reader = Reader.of(db)
    found = reader.execute(
        "SELECT id FROM congress_session WHERE code = :code", {"code": code}
    ).scalar()
    if found is not None:
        return found
    codes = reader.execute("SELECT code FROM congress_session").scalars()
    raise UnionError("unknown_session", code=code, suggestions=suggest_names(codes, code))


def proposal_id(db: Any, code: str) -> int:
    """The id of the case `code` (2025-001, s2025-001: any case, spaces around); a typo
    gets the closest codes. `db`: a Reader, or a write's Session."""
    reader = Reader.of(db)
    wanted = code.strip().upper()
    found = reader.execute("SELECT id FROM proposal WHERE code = :code", {"code": wanted}).scalar()
    if found is not None:
        return found
    codes = reader.execute("SELECT code FROM proposal").scalars()
    close = difflib.get_close_matches(wanted, codes, n=5, cutoff=0.6)
    suggestions = Phrase("did_you_mean", names=", ".join(close)) if close else ""
    raise UnionError("unknown_proposal", code=code, suggestions=suggestions)


LIST_COLUMNS = (
    Column("code"),
    Column("kind", "code:proposal_kind"),
    Column("title", header="proposal_title"),
    Column("category"),
    Column("session"),
    Column("submitter"),
    Column("submitter_name"),
    Column("status", "code:proposal_status", header="proposal_status"),
    Column("dept", header="handling_dept"),
    Column("due_on", "date"),
    Column("key_item", "bool"),
)


@dataclass
class ProposalFilter:
    status: str | None = None
    kind: str | None = None
    category: str | None = None
    session: str | None = None
    dept: str | None = None
    overdue: bool = False
    key: bool = False


# Overdue on :day: assigned, due before :day, no reply by then.
OVERDUE = (
    "(p.due_on < :day AND p.accepted_on IS NOT NULL AND p.due_on IS NOT NULL "
    "AND (p.replied_on IS NULL OR p.replied_on > :day) AND p.submitted_on <= :day)"
)


def proposal_list(db: Reader, filters: ProposalFilter, *, day: dt.date) -> Table:
    where = ["1 = 1"]
    params: dict[str, object] = {"day": day.isoformat()}
    for name in ("status", "kind", "category", "dept"):
        value = getattr(filters, name)
        if value is not None:
            where.append(f"p.{name} = :{name}")
            params[name] = value
    if filters.session is not None:
        params["session_id"] = session_id(db, filters.session)
        where.append("p.session_id = :session_id")
    if filters.key:
        where.append("p.key_item")
    columns = list(LIST_COLUMNS)
    extra = ""
    if filters.overdue:
        where.append(f"p.status = 'assigned' AND {OVERDUE}")
        columns.append(Column("days_overdue", "int"))
        extra = ", CAST(julianday(:day) - julianday(p.due_on) AS INTEGER)"
    sql = f"""
    SELECT p.code, p.kind, p.title, p.category, s.code, m.emp_no, m.name, p.status, p.dept,
           p.due_on, p.key_item{extra}
    FROM proposal p
    JOIN member m ON m.id = p.submitter_id
    LEFT JOIN congress_session s ON s.id = p.session_id
    WHERE {" AND ".join(where)}
    ORDER BY {"p.due_on, " if filters.overdue else ""}p.submitted_on, p.code
    """
    rows = db.execute(sql, params)
    return Table(
        key="proposals",
        title="t_proposals_overdue" if filters.overdue else "t_proposals",
        title_suffix=day.isoformat() if filters.overdue else "",
        columns=columns,
        rows=rows,
    )


PROPOSAL_SQL = """
SELECT p.id, p.code, p.kind, p.title, p.text, p.category, s.code, m.emp_no || ' ' || m.name,
       p.submitted_on, p.status, p.reject_reason, p.dept, p.due_on, p.key_item,
       p.disposition, p.reply_text, p.satisfaction
FROM proposal p JOIN member m ON m.id = p.submitter_id
LEFT JOIN congress_session s ON s.id = p.session_id
WHERE p.id = :id"""
COSIGNERS_SQL = """
SELECT m.emp_no || ' ' || m.name FROM proposal_cosigner c
JOIN member m ON m.id = c.member_id WHERE c.proposal_id = :id ORDER BY m.emp_no"""


def proposal_show(db: Reader, code: str) -> list[Table | Record]:
    """One case: its fields, the co-signers, and every step with its date and actor."""
    (
        id_,
        code,
        kind,
        title,
        text,
        category,
        congress,
        submitter,
        submitted_on,
        status,
        reject_reason,
        dept,
        due_on,
        key_item,
        disposition,
        reply,
        satisfaction,
    ) = db.execute(PROPOSAL_SQL, {"id": proposal_id(db, code)}).one()
    cosigners = db.execute(COSIGNERS_SQL, {"id": id_}).scalars()
    record = Record(
        key="proposal",
        title="t_proposal",
        fields=[
            (Column("code"), code),
            (Column("kind", "code:proposal_kind"), kind),
            (Column("title", header="proposal_title"), title),
            (Column("text", header="proposal_text"), text),
            (Column("category"), category),
            (Column("session"), congress),
            (Column("submitter"), submitter),
            (Column("cosigners"), ", ".join(cosigners) or None),
            (Column("submitted_on", "date"), submitted_on),
            (Column("status", "code:proposal_status", header="proposal_status"), status),
            (Column("reject_reason"), reject_reason),
            (Column("dept", header="handling_dept"), dept),
            (Column("due_on", "date"), due_on),
            (Column("key_item", "bool"), bool(key_item)),
            (Column("disposition", "code:disposition"), disposition),
            (Column("reply"), reply),
            (Column("satisfaction", "code:satisfaction"), satisfaction),
        ],
    )
    timeline = Table(
        key="timeline",
        title="t_proposal_timeline",
        columns=(
            Column("on", "date"),
            Column("status", "code:proposal_status", header="proposal_status"),
            Column("actor"),
            Column("detail"),
        ),
        rows=db.execute(
            'SELECT "on", action, actor, detail FROM proposal_event '
            'WHERE proposal_id = :id ORDER BY "on", id',
            {"id": id_},
        ).all(),
    )
    return [record, timeline]


def session_list(db: Reader) -> Table:
    rows = db.execute(
        """
        SELECT s.code, s.kind, s.held_on, s.attendance, count(p.id)
        FROM congress_session s LEFT JOIN proposal p ON p.session_id = s.id
        GROUP BY s.id ORDER BY s.term, s.session
        """
    )
    return Table(
        key="sessions",
        title="t_sessions",
        columns=(
            Column("code", header="session"),
            Column("kind", "code:session_kind", header="session_kind"),
            Column("held_on", "date"),
            Column("attendance", "int"),
            Column("proposals", "int"),
        ),
        rows=rows,
    )


# `reports proposals --by X`: the grouping expression and how its value is shown.
GROUPS = {
    "kind": ("p.kind", Column("kind", "code:proposal_kind")),
    "category": ("p.category", Column("category")),
    "dept": ("p.dept", Column("dept", header="handling_dept")),
    "status": ("p.status", Column("status", "code:proposal_status", header="proposal_status")),
}
FIGURES = (
    Column("received", "int"),
    Column("accepted", "int"),
    Column("replied", "int"),
    Column("closed", "int", header="closed_count"),
    Column("handling_rate", "percent"),
    Column("rated", "int"),
    Column("satisfaction_rate", "percent"),
    Column("key_items", "int"),
    Column("overdue", "int"),
)

REPORT_SQL = """
WITH counts AS (
    SELECT {group} AS grp,
           count(*) AS received,
           sum(p.accepted_on IS NOT NULL) AS accepted,
           sum(p.replied_on IS NOT NULL) AS replied,
           sum(p.closed_on IS NOT NULL) AS closed,
           sum(p.satisfaction IS NOT NULL) AS rated,
           sum(p.satisfaction IN ('satisfied', 'basic')) AS content,
           sum(p.key_item) AS key_items,
           sum({overdue}) AS overdue
    FROM proposal p
    WHERE p.submitted_on BETWEEN :start AND :end
    GROUP BY {grouping}
)
SELECT grp, received, accepted, replied, closed,
       CASE WHEN accepted > 0 THEN CAST(closed AS REAL) / accepted END,
       rated,
       CASE WHEN rated > 0 THEN CAST(content AS REAL) / rated END,
       key_items, overdue
FROM counts
ORDER BY {order}
"""


def proposals_report(db: Reader, period: Period, *, by: str, day: dt.date) -> Table:
    """The figures of the cases submitted in the period, for each group and in total."""
    if by not in GROUPS:
        raise UnionError("bad_code", what="--by", value=by, accepted=", ".join(GROUPS))
    expression, column = GROUPS[by]
    params = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "day": day.isoformat(),
    }
    order = {
        "kind": code_order("proposal_kind", "grp"),
        "status": code_order("proposal_status", "grp"),
    }.get(by, "grp IS NULL, received DESC, grp")  # free text: the most cases first
    body = db.execute(
        REPORT_SQL.format(group=expression, grouping=expression, overdue=OVERDUE, order=order),
        params,
    ).all()
    total = db.execute(
        REPORT_SQL.format(group="NULL", grouping="1", overdue=OVERDUE, order="1"), params
    ).first()
    rows = [(row[0] if row[0] is not None else "—", *row[1:]) for row in body]
    if total is None:  # nothing received: the 合计 row still says so, with empty rates
        total = (None, 0, 0, 0, 0, None, 0, None, 0, 0)
    return Table(
        key="proposals",
        title="t_proposals_report",
        title_suffix=period.label(),
        columns=(column, *FIGURES),
        rows=rows,
        total=(None, *total[1:]),
    )
