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
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import Session

from unionctl.errors import UnionError
from unionctl.parsing import Period
from unionctl.render import Column, Record, Table

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


def proposal_list(session: Session, filters: ProposalFilter, *, day: dt.date) -> Table:
    from unionctl.services.proposals import find_session

    where = ["1 = 1"]
    params: dict[str, object] = {"day": day.isoformat()}
    for name in ("status", "kind", "category", "dept"):
        value = getattr(filters, name)
        if value is not None:
            where.append(f"p.{name} = :{name}")
            params[name] = value
    if filters.session is not None:
        params["session_id"] = find_session(session, filters.session).id
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
    rows = session.connection().execute(text(sql), params)
    return Table(
        key="proposals",
        title="t_proposals_overdue" if filters.overdue else "t_proposals",
        title_suffix=day.isoformat() if filters.overdue else "",
        columns=columns,
        rows=rows,
    )


def proposal_show(session: Session, code: str) -> list[Table | Record]:
    """One case: its fields, the co-signers, and every step with its date and actor."""
    from unionctl.services.proposals import find_proposal

    proposal = find_proposal(session, code)
    conn = session.connection()
    submitter = conn.execute(
        text("SELECT emp_no || ' ' || name FROM member WHERE id = :id"),
        {"id": proposal.submitter_id},
    ).scalar()
    cosigners = conn.execute(
        text(
            "SELECT m.emp_no || ' ' || m.name FROM proposal_cosigner c "
            "JOIN member m ON m.id = c.member_id WHERE c.proposal_id = :id ORDER BY m.emp_no"
        ),
        {"id": proposal.id},
    ).scalars()
    congress = conn.execute(
        text("SELECT code FROM congress_session WHERE id = :id"), {"id": proposal.session_id}
    ).scalar()
    record = Record(
        key="proposal",
        title="t_proposal",
        fields=[
            (Column("code"), proposal.code),
            (Column("kind", "code:proposal_kind"), proposal.kind),
            (Column("title", header="proposal_title"), proposal.title),
            (Column("text", header="proposal_text"), proposal.text),
            (Column("category"), proposal.category),
            (Column("session"), congress),
            (Column("submitter"), submitter),
            (Column("cosigners"), ", ".join(cosigners) or None),
            (Column("submitted_on", "date"), proposal.submitted_on),
            (Column("status", "code:proposal_status", header="proposal_status"), proposal.status),
            (Column("reject_reason"), proposal.reject_reason),
            (Column("dept", header="handling_dept"), proposal.dept),
            (Column("due_on", "date"), proposal.due_on),
            (Column("key_item", "bool"), proposal.key_item),
            (Column("disposition", "code:disposition"), proposal.disposition),
            (Column("reply"), proposal.reply_text),
            (Column("satisfaction", "code:satisfaction"), proposal.satisfaction),
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
        rows=conn.execute(
            text(
                'SELECT "on", action, actor, detail FROM proposal_event '
                'WHERE proposal_id = :id ORDER BY "on", id'
            ),
            {"id": proposal.id},
        ).all(),
    )
    return [record, timeline]


def session_list(session: Session) -> Table:
    rows = session.connection().execute(
        text(
            """
            SELECT s.code, s.kind, s.held_on, s.attendance, count(p.id)
            FROM congress_session s LEFT JOIN proposal p ON p.session_id = s.id
            GROUP BY s.id ORDER BY s.term, s.session
            """
        )
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


def proposals_report(session: Session, period: Period, *, by: str, day: dt.date) -> Table:
    """The figures of the cases submitted in the period, for each group and in total."""
    if by not in GROUPS:
        raise UnionError("bad_code", what="--by", value=by, accepted=", ".join(GROUPS))
    expression, column = GROUPS[by]
    params = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "day": day.isoformat(),
    }
    conn = session.connection()
    order = {
        "kind": "CASE grp WHEN 'proposal' THEN 0 WHEN 'suggestion' THEN 1 ELSE 2 END",
        "status": "CASE grp "
        + " ".join(
            f"WHEN '{s}' THEN {i}"
            for i, s in enumerate(
                ("submitted", "accepted", "rejected", "converted", "assigned", "replied", "closed")
            )
        )
        + " END",
    }.get(by, "grp IS NULL, received DESC, grp")
    body = conn.execute(
        text(
            REPORT_SQL.format(group=expression, grouping=expression, overdue=OVERDUE, order=order)
        ),
        params,
    ).all()
    total = conn.execute(
        text(REPORT_SQL.format(group="NULL", grouping="1", overdue=OVERDUE, order="1")), params
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
