"""Events: the list, one event, and `reports events`, computed in SQL on the one roll
definition (unionctl.reports.roll).

Definitions (README "Events"):
- 人次 of an event = members signed in (each once) + its headcount of people not on the roll;
- eligible: the number given with --eligible, else the members in good standing on the
  roll on the event's first day who are of its audience: `all` every one of them
  (retirees included), `women` gender F, `retirees` employment retired, `youth` aged 35
  or less that day (born after the day 36 years before); `children` has no default
  (the roll does not hold members' children): give --eligible;
- an event's participation rate = members of its audience signed in ÷ eligible. Those
  signed in who are not of the audience (a man at a 女职工 event, by `audience_is` on
  its first day) are kept and flagged, and not counted in the rate; attendance of the
  audience above the eligible count is kept (people walk in) but flagged, and its rate
  is shown as —, never above 100%;
- a period's participation rate = of the members in good standing on the period's last
  day (today, for a period not over yet), the share who attended at least one event in
  the period. "Distinct participants" counts every member who attended, whatever their
  standing; the rate counts only those in the base, so it never passes 100%.
"""

from __future__ import annotations

from typing import Any

from unionctl.db.reader import Reader
from unionctl.errors import UnionError
from unionctl.labels import CODES, Term
from unionctl.lookup import numbered_id
from unionctl.parsing import Period, today
from unionctl.render import Column, Record, Table
from unionctl.reports import branch_order, code_order
from unionctl.reports.membership import rate
from unionctl.reports.roll import (
    BRANCH_ID,
    IN_GOOD_STANDING,
    roll_from,
    roll_where,
    standing_spans,
)

AWARD_LEVELS = tuple(CODES["award_level"])


def audience_is(audience: str, day: str) -> str:
    """SQL: the person (roll aliases `e`, member `m`) is of `audience` on `day`."""
    return f"""({audience} = 'all'
        OR ({audience} = 'women' AND m.gender = 'F')
        OR ({audience} = 'retirees' AND e.value = 'retired')
        OR ({audience} = 'youth' AND {day} < date(m.birth_date, '+36 years')))"""


# The eligible count of the event `ev`: given, or the audience in good standing that day.
ELIGIBLE = f"""CASE
    WHEN ev.eligible IS NOT NULL THEN ev.eligible
    WHEN ev.audience = 'children' THEN NULL
    ELSE (SELECT count(*) FROM {roll_from("ev.start_on")}
          JOIN member m ON m.id = e.member_id
          WHERE {roll_where("ev.start_on")} AND {IN_GOOD_STANDING}
            AND {audience_is("ev.audience", "ev.start_on")})
END"""

# The same count for many events at once (lists and reports): the audience's spans of
# good standing (reports.roll.standing_spans), +1 from each start and -1 from each end;
# the running sum on a day is the number covering that day . One sort, instead of the
# roll once per event (0.3 s each at 50,000 members: 25 minutes for 5,000 events).
RUNNING_CTE = f"""running AS MATERIALIZED (
    WITH sp AS ({standing_spans()}),
    aud AS (
        SELECT 'all' AS audience, start_on, end_on FROM sp
        UNION ALL
        SELECT 'women', sp.start_on, sp.end_on FROM sp JOIN member m ON m.id = sp.member_id
        WHERE m.gender = 'F'
        UNION ALL
        SELECT 'retirees', start_on, end_on FROM sp WHERE employment = 'retired'
        UNION ALL
        SELECT 'youth', sp.start_on,
               CASE WHEN sp.end_on IS NULL OR sp.end_on > date(m.birth_date, '+36 years')
                    THEN date(m.birth_date, '+36 years') ELSE sp.end_on END
        FROM sp JOIN member m ON m.id = sp.member_id
        WHERE m.birth_date IS NOT NULL
          AND (sp.start_on IS NULL OR sp.start_on < date(m.birth_date, '+36 years'))
    ),
    marks AS (
        SELECT audience, COALESCE(start_on, '') AS day, 1 AS delta, NULL AS event_id FROM aud
        UNION ALL
        SELECT audience, end_on, -1, NULL FROM aud WHERE end_on IS NOT NULL
        UNION ALL
        SELECT audience, start_on, 0, id FROM event  -- each event reads the sum on its day
    )
    SELECT event_id, n FROM (
        -- the default frame takes every row up to this day, this day's included
        SELECT event_id, SUM(delta) OVER (PARTITION BY audience ORDER BY day) AS n FROM marks
    ) WHERE event_id IS NOT NULL
)"""
# `running` drives and each event is found by its id (a lookup into `running` per event
# was a scan per event: SQLite built no index on it)
RUNNING_JOIN = "running r JOIN event ev ON ev.id = r.event_id"
ELIGIBLE_MANY = """CASE
    WHEN ev.eligible IS NOT NULL THEN ev.eligible
    WHEN ev.audience = 'children' THEN NULL
    ELSE COALESCE(r.n, 0)
END"""

ATTENDED = "(SELECT count(*) FROM event_attendance a WHERE a.event_id = ev.id)"
# SQL: the attendee (member `m`, employment period `e` on the event's first day, LEFT
# joined) is of the audience of event `ev`; `children` names no one on the roll.
OF_AUDIENCE = (
    f"(ev.audience = 'children' OR COALESCE({audience_is('ev.audience', 'ev.start_on')}, 0))"
)
ATTENDEE_PERIOD = (
    f"LEFT JOIN member_period e ON e.member_id = a.member_id AND {roll_where('ev.start_on')}"
)
# Those of the event's audience signed in: the rate's numerator.
ATTENDED_OF_AUDIENCE = f"""CASE WHEN ev.audience IN ('all', 'children') THEN {ATTENDED} ELSE
    (SELECT count(*) FROM event_attendance a JOIN member m ON m.id = a.member_id
     {ATTENDEE_PERIOD}
     WHERE a.event_id = ev.id AND {OF_AUDIENCE}) END"""
SIGNED_UP = "(SELECT count(*) FROM event_signup s WHERE s.event_id = ev.id)"
NO_SHOW = (
    "(SELECT count(*) FROM event_signup s WHERE s.event_id = ev.id AND NOT EXISTS "
    "(SELECT 1 FROM event_attendance a WHERE a.event_id = s.event_id "
    "AND a.member_id = s.member_id))"
)


def over(attended: int, eligible: int | None) -> bool:
    return eligible is not None and attended > eligible


def event_rate(attended: int, eligible: int | None) -> float | None:
    """attended ÷ eligible; None (—) when there is no eligible count or it was exceeded."""
    if eligible is None or over(attended, eligible):
        return None
    return rate(attended, eligible)


def _flag(attended: int, of_audience: int, eligible: int | None):
    if over(of_audience, eligible):
        return Term("flag", "over_eligible")
    return Term("flag", "outside_audience") if attended > of_audience else ""


# --- finding an event -----------------------------------------------------------------


def event_id(db: Any, ref: str) -> int:
    """The id of the event `ref` names: its id, or its exact title when only one event
    has it. `db`: a Reader, or a write's Session (services.events.find_event)."""
    reader = Reader.of(db)
    found = numbered_id(reader, "event", ref)
    if found is not None:
        return found
    found = reader.execute(
        "SELECT id, start_on FROM event WHERE title = :title ORDER BY start_on, id",
        {"title": ref},
    ).all()
    if len(found) == 1:
        return found[0][0]
    if found:
        ids = ", ".join(f"{id_} ({on})" for id_, on in found)
        raise UnionError("event_ambiguous", ref=ref, ids=ids)
    raise UnionError("unknown_event", ref=ref)


# --- events list ----------------------------------------------------------------------

LIST_COLUMNS = (
    Column("id", "int"),
    Column("start_on", header="event_on"),
    Column("title", header="title_event"),
    Column("kind", "code:event_kind"),
    Column("audience", "code:event_audience"),
    Column("organiser"),
    Column("attended", "int"),
    Column("headcount", "int"),
    Column("person_times", "int"),
    Column("eligible", "int"),
    Column("participation_rate", "percent"),
    Column("flag", "term"),
)


def event_list(
    db: Reader, *, period: Period | None, kind: str | None, audience: str | None
) -> Table:
    where = ["1 = 1"]
    params: dict[str, object] = {}
    if period is not None:
        where.append("ev.start_on BETWEEN :start AND :end")
        params.update(start=period.start.isoformat(), end=period.end.isoformat())
    if kind is not None:
        where.append("ev.kind = :kind")
        params["kind"] = kind
    if audience is not None:
        where.append("ev.audience = :audience")
        params["audience"] = audience
    sql = f"""
    WITH {RUNNING_CTE}
    SELECT ev.id, ev.start_on, ev.title, ev.kind, ev.audience, ev.organiser,
           {ATTENDED} AS attended, {ATTENDED_OF_AUDIENCE} AS of_audience, ev.headcount,
           {ELIGIBLE_MANY} AS eligible
    FROM {RUNNING_JOIN} WHERE {" AND ".join(where)}
    ORDER BY ev.start_on, ev.id
    """

    def rows():
        for (
            id_,
            on,
            title,
            kind_,
            aud,
            org,
            attended,
            of_audience,
            headcount,
            eligible,
        ) in db.execute(sql, params):
            yield (
                id_,
                on,
                title,
                kind_,
                aud,
                org or "",
                attended,
                headcount,
                attended + headcount,
                eligible,
                event_rate(of_audience, eligible),
                _flag(attended, of_audience, eligible),
            )

    return Table(
        key="events",
        columns=LIST_COLUMNS,
        rows=rows(),
        title="t_events",
        title_suffix=period.label() if period else "",
    )


# --- one event ------------------------------------------------------------------------


EVENT_SQL = """SELECT id, title, kind, start_on, end_on, place, organiser, audience, external,
budget, cost FROM event WHERE id = :id"""
FIGURES_SQL = f"""SELECT {SIGNED_UP}, {ATTENDED}, {ATTENDED_OF_AUDIENCE}, ev.headcount,
{ELIGIBLE}, {NO_SHOW}
FROM event ev WHERE ev.id = :id"""
PEOPLE_SQL = f"""
SELECT m.emp_no, m.name, br.name, m.dept,
       EXISTS (SELECT 1 FROM event_signup s WHERE s.event_id = a.event_id
               AND s.member_id = a.member_id),
       {OF_AUDIENCE}
FROM event_attendance a JOIN event ev ON ev.id = a.event_id
JOIN member m ON m.id = a.member_id
{ATTENDEE_PERIOD}
LEFT JOIN branch br ON br.id = m.branch_id
WHERE a.event_id = :id ORDER BY m.emp_no"""
AWARDS_SQL = """
SELECT COALESCE(m.emp_no || ' ' || m.name, w.team), w.prize, w.level, w.prize_money
FROM event_award w LEFT JOIN member m ON m.id = w.member_id
WHERE w.event_id = :id ORDER BY w.id"""
# What `events show` runs (bench/bench_events.py times the same in the sqlite3 shell).
SHOW_SQL = (EVENT_SQL, FIGURES_SQL, PEOPLE_SQL, AWARDS_SQL)


def event_figures(db: Reader, id_: int) -> dict:
    """The counts of one event (the CLI warns from them after a sign-in)."""
    signed, attended, of_audience, headcount, eligible, no_show = db.execute(
        FIGURES_SQL, {"id": id_}
    ).one()
    return {
        "signed_up": signed,
        "attended": attended,
        "of_audience": of_audience,
        "headcount": headcount,
        "eligible": eligible,
        "no_show": no_show,
    }


def event_show(db: Reader, event_id: int) -> list[Table | Record]:
    """Details and figures, then who attended, then the awards."""
    id_, title, kind, start_on, end_on, place, organiser, audience, external, budget, cost = (
        db.execute(EVENT_SQL, {"id": event_id}).one()
    )
    figures = event_figures(db, id_)
    attended, eligible = figures["attended"], figures["eligible"]
    of_audience = figures["of_audience"]
    details = Record(
        key="event",
        title="t_event",
        title_suffix=f"#{id_}",
        fields=[
            (Column("title", header="title_event"), title),
            (Column("kind", "code:event_kind"), kind),
            (Column("start_on", header="event_on"), start_on),
            (Column("end_on", header="event_until"), end_on or ""),
            (Column("place"), place or ""),
            (Column("organiser"), organiser or ""),
            (Column("audience", "code:event_audience"), audience),
            (Column("external", "term"), Term("yes_no", "yes" if external else "no")),
            (Column("eligible", "int"), eligible),
            (Column("signed_up", "int"), figures["signed_up"]),
            (Column("attended", "int"), attended),
            (Column("outside_audience", "int"), attended - of_audience),
            (Column("no_show", "int"), figures["no_show"]),
            (
                Column("no_show_rate", "percent"),
                rate(figures["no_show"], figures["signed_up"]),
            ),
            (Column("headcount", "int"), figures["headcount"]),
            (Column("person_times", "int"), attended + figures["headcount"]),
            (Column("participation_rate", "percent"), event_rate(of_audience, eligible)),
            (Column("flag", "term"), _flag(attended, of_audience, eligible)),
            (Column("budget", "money"), budget),
            (Column("cost", "money"), cost),
        ],
    )
    people = Table(
        key="attendance",
        title="t_attendance",
        columns=(
            Column("emp_no"),
            Column("name"),
            Column("branch"),
            Column("dept"),
            Column("signed_up", "term"),
            Column("flag", "term"),
        ),
        rows=(
            (
                no,
                name,
                branch or "",
                dept or "",
                Term("yes_no", "yes" if signed else "no"),
                "" if of_it else Term("flag", "outside_audience"),
            )
            for no, name, branch, dept, signed, of_it in db.execute(PEOPLE_SQL, {"id": id_})
        ),
    )
    awards = Table(
        key="awards",
        title="t_awards",
        columns=(
            Column("winner"),
            Column("prize"),
            Column("level", "code:award_level"),
            Column("prize_money", "money"),
        ),
        rows=db.execute(AWARDS_SQL, {"id": id_}).all(),
    )
    return [details, people, awards]


# --- reports events -------------------------------------------------------------------

GROUPS = {
    "kind": ("ev.kind", Column("kind", "code:event_kind")),
    "month": ("strftime('%Y-%m', ev.start_on)", Column("month")),
    "audience": ("ev.audience", Column("audience", "code:event_audience")),
    "branch": ("COALESCE(ev.organiser, '')", Column("organiser")),
}
# The order of each grouping's rows: a code list's own, the branch list's, the calendar.
GROUP_ORDER = {
    "kind": code_order("event_kind", "per.key"),
    "month": "per.key",
    "audience": code_order("event_audience", "per.key"),
    "branch": branch_order("per.key"),
}


def _report_sql(group: str) -> str:
    key = GROUPS[group][0]
    award_cols = ", ".join(f"COALESCE(aw.l{i}, 0)" for i in range(len(AWARD_LEVELS)))
    award_names = ", ".join(
        f"SUM(w.level = '{level}') AS l{i}" for i, level in enumerate(AWARD_LEVELS)
    )

    # the base of a group's rate: members in good standing on :day, narrowed to the
    # group's audience (by audience) or to the organising branch (by branch)
    def in_base(key: str) -> str:
        if group == "audience":
            return audience_is(key, ":day") + f" AND {key} <> 'children'"
        if group == "branch":
            return (
                f"(NOT EXISTS (SELECT 1 FROM branch x WHERE x.name = {key}) "
                f"OR e.branch_id = (SELECT x.id FROM branch x WHERE x.name = {key}))"
            )
        return "1"

    return f"""
    WITH {RUNNING_CTE},
    ev AS MATERIALIZED (
        SELECT ev.id, {key} AS key, ev.budget, ev.cost, ev.headcount,
               {ATTENDED} AS attended, {ATTENDED_OF_AUDIENCE} AS of_audience,
               {ELIGIBLE_MANY} AS eligible,
               {SIGNED_UP} AS signed_up, {NO_SHOW} AS no_show
        FROM {RUNNING_JOIN} WHERE ev.start_on BETWEEN :start AND :end
    ),
    base AS MATERIALIZED (
        SELECT e.member_id, e.value, {BRANCH_ID} AS branch_id
        FROM {roll_from()}
        WHERE {roll_where()} AND {IN_GOOD_STANDING}
    ),
    per AS (
        SELECT key, count(*) AS events, SUM(attended + headcount) AS person_times,
               SUM(of_audience > eligible) AS over, SUM(budget) AS budget, SUM(cost) AS cost,
               SUM(signed_up) AS signed_up, SUM(no_show) AS no_show
        FROM ev GROUP BY key
    ),
    who AS MATERIALIZED (SELECT DISTINCT ev.key, a.member_id FROM ev
            JOIN event_attendance a ON a.event_id = ev.id),
    people AS (
        SELECT who.key, count(*) AS participants,
               SUM(e.member_id IS NOT NULL AND {in_base("who.key")}) AS in_base
        FROM who LEFT JOIN base e ON e.member_id = who.member_id
        LEFT JOIN member m ON m.id = who.member_id
        GROUP BY who.key
    ),
    aw AS (SELECT ev.key, {award_names} FROM ev JOIN event_award w ON w.event_id = ev.id
           GROUP BY ev.key)
    SELECT per.key, per.events, per.person_times, COALESCE(people.participants, 0),
           COALESCE(people.in_base, 0),
           (SELECT count(*) FROM base e JOIN member m ON m.id = e.member_id
            WHERE {in_base("per.key")}),
           per.over, per.budget, per.cost, per.signed_up, per.no_show, {award_cols}
    FROM per
    LEFT JOIN people ON people.key = per.key
    LEFT JOIN aw ON aw.key = per.key
    ORDER BY {GROUP_ORDER[group]}
    """


TOTAL_SQL = f"""
WITH ev AS (SELECT ev.id FROM event ev WHERE ev.start_on BETWEEN :start AND :end),
base AS MATERIALIZED (
    SELECT e.member_id FROM {roll_from()}
    WHERE {roll_where()} AND {IN_GOOD_STANDING}
),
who AS MATERIALIZED (
    SELECT DISTINCT a.member_id FROM ev JOIN event_attendance a ON a.event_id = ev.id
)
SELECT (SELECT count(*) FROM who),
       (SELECT count(*) FROM who JOIN base ON base.member_id = who.member_id),
       (SELECT count(*) FROM base)
"""


def events_report(db: Reader, period: Period, by: str) -> Table:
    """Events, 人次, distinct participants, participation rate, budget vs cost and awards
    by level for each group; the 合计 row counts a person once across groups."""
    day = min(period.end, today())
    params = {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "day": day.isoformat(),
    }
    rows = []
    sums = [0] * (7 + len(AWARD_LEVELS))
    for (
        key,
        events,
        person_times,
        participants,
        in_base,
        base,
        over_,
        budget,
        cost,
        signed_up,
        no_show,
        *awards,
    ) in db.execute(_report_sql(by), params):
        rows.append(
            (
                key,
                events,
                person_times,
                participants,
                rate(in_base, base),
                signed_up,
                no_show,
                rate(no_show, signed_up),
                over_,
                budget,
                cost,
                *awards,
            )
        )
        values = (events, person_times, over_, budget, cost, signed_up, no_show, *awards)
        for i, value in enumerate(values):
            sums[i] += value or 0
    participants, in_base, base = db.execute(TOTAL_SQL, params).one()
    events, person_times, over_, budget, cost, signed_up, no_show, *awards = sums
    total = (
        None,
        events,
        person_times,
        participants,
        rate(in_base, base),
        signed_up,
        no_show,
        rate(no_show, signed_up),
        over_,
        budget,
        cost,
        *awards,
    )
    group_column = GROUPS[by][1]
    return Table(
        key="events",
        title=f"t_events_by_{by}",
        title_suffix=period.label(),
        columns=(
            Column(
                group_column.key,
                "term" if by in ("kind", "audience") else "text",
                header=group_column.header,
            ),
            Column("events", "int"),
            Column("person_times", "int"),
            Column("participants", "int"),
            Column("participation_rate", "percent"),
            Column("signed_up", "int"),
            Column("no_show", "int"),
            Column("no_show_rate", "percent"),
            Column("over_eligible", "int"),
            Column("budget", "money"),
            Column("cost", "money"),
            *(Column(f"award_{level}", "int") for level in AWARD_LEVELS),
        ),
        rows=[
            (
                Term(group_column.kind.split(":")[1], r[0]) if ":" in group_column.kind else r[0],
                *r[1:],
            )
            for r in rows
        ],
        total=total,
    )
