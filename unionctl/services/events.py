"""Events (活动): the rules for adding an event, its sign-ups, attendance and awards.

Each function takes the `Work` of one write transaction and parsed values, raises
UnionError, and never prints. The figures (eligible, 人次, rates) are computed by
unionctl.reports.events; the CLI reads them after a write to warn about attendance above
the eligible count. `events import` and `events attend --file` check every row first and
write all rows in one transaction, or none (like the member import).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from sqlalchemy import text
from sqlmodel import Session, select

from unionctl.db import Work, local_now
from unionctl.errors import DryRun, ImportRejected, RowProblems, UnionError
from unionctl.lookup import find_member
from unionctl.models import Event, EventAttendance, EventAward, EventSignup
from unionctl.parsing import today
from unionctl.reports.events import event_id


@dataclass
class EventInput:
    """A parsed event; money in fen."""

    title: str
    kind: str
    start_on: dt.date
    end_on: dt.date | None = None
    place: str | None = None
    organiser: str | None = None
    audience: str = "all"
    eligible: int | None = None
    budget: int | None = None
    cost: int | None = None
    external: bool = False
    headcount: int = 0


def check_event(data: EventInput) -> None:
    """The rules an event must keep, whether typed or imported."""
    if not data.title:
        raise UnionError("bad_text", what=_header("title_event"))
    if data.end_on is not None and data.end_on < data.start_on:
        raise UnionError(
            "event_ends_before_start", start=data.start_on.isoformat(), end=data.end_on.isoformat()
        )
    for name in ("eligible", "headcount"):
        value = getattr(data, name)
        if value is not None and value < 0:
            raise UnionError("negative_count", field=_header(name), value=value)


def _header(key: str):
    from unionctl.labels import Term

    return Term("header", key)


def _snapshot(event: Event) -> dict:
    return {
        "title": event.title,
        "kind": event.kind,
        "start_on": event.start_on.isoformat(),
        "end_on": event.end_on.isoformat() if event.end_on else None,
        "place": event.place,
        "organiser": event.organiser,
        "audience": event.audience,
        "eligible": event.eligible,
        "budget": event.budget,
        "cost": event.cost,
        "external": bool(event.external),
        "headcount": event.headcount,
    }


def _refuse_twin(session: Session, data: EventInput) -> None:
    twin = session.exec(
        select(Event.id).where(Event.title == data.title, Event.start_on == data.start_on)
    ).first()
    if twin is not None:
        raise UnionError("event_exists", title=data.title, on=data.start_on.isoformat(), id=twin)


def add_event(work: Work, *, data: EventInput) -> Event:
    check_event(data)
    session = work.session
    _refuse_twin(session, data)
    values = asdict(data)
    values["external"] = int(data.external)
    event = Event(**values, created_at=local_now())
    session.add(event)
    session.flush()
    work.audit("event", str(event.id), after=_snapshot(event))
    return event


def find_event(session: Session, ref: str) -> Event:
    """The event `ref` names (reports.events.event_id's rule), as a model object."""
    return session.get(Event, event_id(session, ref))


def _member_ids(session: Session, emp_nos: Iterable[str]) -> dict[str, int]:
    """Every employee number found, or the first unknown one refused (nothing written)."""
    ids: dict[str, int] = {}
    for emp_no in emp_nos:
        if emp_no not in ids:
            ids[emp_no] = find_member(session, emp_no).id
    return ids


@dataclass
class Added:
    """How many rows a sign-up or sign-in added, and how many were there already; who of
    them is not of the event's audience (kept: a man at a 女职工 event may be helping, but
    the secretary is told), and whether sign-ups came after the event began (back-entry
    of a paper list, or the wrong event)."""

    new: int
    already: int
    outside: list[str] = field(default_factory=list)
    late: bool = False


def _outside_audience(conn, event: Event, member_ids: list[int]) -> list[str]:
    """`工号 姓名` of those not of the event's audience on its first day, by the
    rule the eligible count uses (reports/events.audience_is). `children` has none."""
    from unionctl.reports.events import audience_is
    from unionctl.reports.roll import covers

    if not member_ids or event.audience in ("all", "children"):
        return []
    marks = _id_list(member_ids)
    rows = conn.execute(
        text(
            f"SELECT m.emp_no || ' ' || m.name FROM member m JOIN member_period e "
            f"ON e.member_id = m.id "
            f"AND e.aspect = 'employment' AND {covers('e', ':day')} "
            f"WHERE m.id IN ({marks}) AND NOT {audience_is(':audience', ':day')} "
            "ORDER BY m.emp_no"
        ),
        {"day": event.start_on.isoformat(), "audience": event.audience},
    )
    return [emp_no for (emp_no,) in rows]


def _id_list(member_ids: list[int]) -> str:
    """Member ids for an SQL IN (...): integers only, each once."""
    return ", ".join(str(int(m)) for m in dict.fromkeys(member_ids))


def _off_roll(conn, member_ids: list[int], day) -> list[str]:
    """Employee numbers of those not on the roll on `day` (reports/roll.py's rule): the
    dead and those who left the hospital do not sign up, attend or win."""
    from unionctl.reports.roll import covers

    if not member_ids:
        return []
    marks = _id_list(member_ids)
    rows = conn.execute(
        text(
            f"SELECT m.emp_no FROM member m WHERE m.id IN ({marks}) AND NOT EXISTS ("
            "SELECT 1 FROM member_period e WHERE e.member_id = m.id "
            f"AND e.aspect = 'employment' AND {covers('e', ':day')}) ORDER BY m.emp_no"
        ),
        {"day": day.isoformat()},
    )
    return [emp_no for (emp_no,) in rows]


def _add_people(work: Work, table, event: Event, member_ids: list[int], what: str) -> Added:
    conn = work.session.connection()
    if what == "attendance" and event.start_on > today():
        raise UnionError("event_not_yet", ref=str(event.id), on=event.start_on.isoformat())
    gone = _off_roll(conn, member_ids, event.start_on)
    if gone:
        raise UnionError(
            "event_off_roll", emp_nos=", ".join(gone[:10]), on=event.start_on.isoformat()
        )
    before = conn.execute(
        text(f"SELECT count(*) FROM {table.name} WHERE event_id = :e"), {"e": event.id}
    ).scalar()
    # One row per member and event (the primary key): signing in twice is one 人次.
    if member_ids:
        conn.exec_driver_sql(
            f"INSERT OR IGNORE INTO {table.name} (event_id, member_id) VALUES (?, ?)",
            [(event.id, m) for m in dict.fromkeys(member_ids)],
        )
    after = conn.execute(
        text(f"SELECT count(*) FROM {table.name} WHERE event_id = :e"), {"e": event.id}
    ).scalar()
    added = Added(
        new=after - before,
        already=len(set(member_ids)) - (after - before),
        outside=_outside_audience(conn, event, member_ids),
        late=what == "signups" and event.start_on < today(),
    )
    if added.new:  # a sign-in sheet read twice changes nothing and logs nothing
        work.audit("event", str(event.id), before={what: before}, after={what: after})
    return added


def register(work: Work, *, ref: str, emp_nos: list[str]) -> tuple[Event, Added]:
    """报名: sign members up for an event (before it; a sign-up once is enough)."""
    event = find_event(work.session, ref)
    ids = _member_ids(work.session, emp_nos)
    return event, _add_people(work, EventSignup.__table__, event, list(ids.values()), "signups")


def attend(work: Work, *, ref: str, emp_nos: list[str]) -> tuple[Event, Added]:
    """签到: members attended (by employee number)."""
    event = find_event(work.session, ref)
    ids = _member_ids(work.session, emp_nos)
    return event, _add_people(
        work, EventAttendance.__table__, event, list(ids.values()), "attendance"
    )


def attend_ids(work: Work, *, event: Event, member_ids: list[int]) -> Added:
    """签到 of members already matched (a sign-in file)."""
    return _add_people(work, EventAttendance.__table__, event, member_ids, "attendance")


def set_headcount(work: Work, *, ref: str, headcount: int) -> tuple[Event, int]:
    """Participants not on the member roll (义诊 visitors): the number, not an addition."""
    if headcount < 0:
        raise UnionError("negative_count", field=_header("headcount"), value=headcount)
    event = find_event(work.session, ref)
    old = event.headcount
    event.headcount = headcount
    work.session.add(event)
    work.audit("event", str(event.id), before={"headcount": old}, after={"headcount": headcount})
    return event, old


def add_award(
    work: Work,
    *,
    ref: str,
    emp_no: str | None,
    team: str | None,
    prize: str,
    level: str,
    prize_money: int | None,
) -> tuple[Event, str]:
    """获奖: a prize won by a member or a team; returns the event and who won it."""
    if (emp_no is None) == (team is None):
        raise UnionError("award_member_or_team")
    if not prize:
        raise UnionError("bad_text", what=_header("prize"))
    session = work.session
    event = find_event(session, ref)
    member = find_member(session, emp_no) if emp_no is not None else None
    award = EventAward(
        event_id=event.id,
        member_id=member.id if member else None,
        team=team,
        prize=prize,
        level=level,
        prize_money=prize_money,
    )
    session.add(award)
    who = f"{member.emp_no} {member.name}" if member else team
    work.audit(
        "event",
        str(event.id),
        after={
            "award": {
                "who": who,
                "prize": prize,
                "level": level,
                "prize_money": prize_money,
            }
        },
    )
    return event, who


# --- sign-in files --------------------------------------------------------------------

SIGNIN_ALIASES = {"工号": "emp_no", "职工号": "emp_no", "员工号": "emp_no", "名字": "name"}


@dataclass
class SignIn:
    matched: list[int] = field(default_factory=list)  # member ids, in file order
    skipped: list[tuple[int, UnionError]] = field(default_factory=list)
    lines: int = 0


def match_signin(session: Session, rows, *, path: str, skip_unmatched: bool) -> SignIn:
    """Match each row of a sign-in sheet to a member by employee number (else by name).

    A name no one has, or that two people share (two 张伟), is a problem of its line:
    the whole file is refused (ImportRejected with every line) unless skip_unmatched,
    where those lines are skipped and returned. All members are read once: a
    20,000-line sheet is one pass, not 20,000 queries."""
    conn = session.connection()
    by_number = dict(conn.exec_driver_sql("SELECT emp_no, id FROM member").all())
    by_name: dict[str, list[tuple[str, int]]] = {}
    for emp_no, name, member_id in conn.exec_driver_sql("SELECT emp_no, name, id FROM member"):
        by_name.setdefault(name, []).append((emp_no, member_id))
    result = SignIn()
    problems: list[tuple[int, UnionError]] = []
    for line, cells in rows:
        result.lines += 1
        if isinstance(cells, UnionError):
            problems.append((line, cells))
            continue
        emp_no = (cells.get("emp_no") or "").strip()
        name = " ".join((cells.get("name") or "").split())
        if emp_no:
            member_id = by_number.get(emp_no)
            if member_id is None:
                problems.append((line, UnionError("signin_unknown_number", emp_no=emp_no)))
                continue
        elif name:
            hits = by_name.get(name, [])
            if not hits:
                problems.append((line, UnionError("signin_unknown_name", name=name)))
                continue
            if len(hits) > 1:
                numbers = ", ".join(no for no, _id in hits)
                problems.append(
                    (line, UnionError("signin_ambiguous_name", name=name, emp_nos=numbers))
                )
                continue
            member_id = hits[0][1]
        else:
            continue  # a blank line in the sheet
        result.matched.append(member_id)
    if problems and not skip_unmatched:
        raise ImportRejected(problems, path=path)
    result.skipped = problems
    return result


# --- events import ----------------------------------------------------------------------

EVENT_FIELDS = (
    "title",
    "kind",
    "start_on",
    "end_on",
    "place",
    "organiser",
    "audience",
    "eligible",
    "budget",
    "cost",
    "external",
    "headcount",
)
EVENT_ALIASES = {
    "活动名称": "title",
    "名称": "title",
    "活动": "title",
    "类别": "kind",
    "日期": "start_on",
    "开始": "start_on",
    "结束": "end_on",
    "结束日期": "end_on",
    "开始日期": "start_on",
    "活动日期": "start_on",
    "主办单位": "organiser",
    "参加对象": "audience",
    "是否上级比赛": "external",
    "地点": "place",
    "主办": "organiser",
    "对象": "audience",
}
EVENT_KINDS = {"start_on": "date", "end_on": "date"}


def parse_event_row(cells: dict[str, str]) -> EventInput:
    """One row of an events file; every bad cell of the row is reported together."""
    from unionctl.parsing import (
        parse_code,
        parse_count,
        parse_date,
        parse_money,
        parse_optional_date,
        parse_text,
        parse_yes_no,
    )

    def blank(name: str) -> bool:
        return not (cells.get(name) or "").strip()

    problems: list[UnionError] = []
    values: dict[str, object] = {}
    parsers = {
        "title": parse_text,
        "kind": lambda v: parse_code("event_kind", v),
        "start_on": parse_date,
        "end_on": parse_optional_date,
        "place": parse_text,
        "organiser": parse_text,
        "audience": lambda v: parse_code("event_audience", v),
        "eligible": parse_count,
        "budget": parse_money,
        "cost": parse_money,
        "external": parse_yes_no,
        "headcount": parse_count,
    }
    for name, parse in parsers.items():
        if blank(name):
            if name in ("title", "kind", "start_on"):
                problems.append(UnionError("bad_text", what=_header(_FIELD_HEADER[name])))
            continue
        try:
            values[name] = parse(cells[name])
        except UnionError as problem:
            problems.append(problem)
    if problems:
        raise RowProblems(problems)
    data = EventInput(**values)
    check_event(data)
    return data


_FIELD_HEADER = {"title": "title_event", "kind": "kind", "start_on": "start_on"}


def read_events(path, sheet: str | None = None):
    """Open an events file through the one table reader."""
    from unionctl.table_file import open_table

    return open_table(
        path,
        fields=EVENT_FIELDS,
        aliases=EVENT_ALIASES,
        required=("title", "kind", "start_on"),
        kinds=EVENT_KINDS,
        sheet=sheet,
    )


def import_events(database, table, *, actor: str, command: str, dry_run: bool = False) -> int:
    """All or nothing, in one transaction: the number of events added (or that would be)."""
    count = 0
    try:
        with database.write(actor=actor, command=command) as work:
            count = len(add_imported(work, table.rows(), path=str(table.path)))
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return count


def add_imported(work: Work, rows, *, path: str) -> list[Event]:
    """Check every row (and that no event is there twice), then add them all; one bad
    row and ImportRejected lists every bad line (the caller's transaction rolls back)."""
    problems: list[tuple[int, UnionError]] = []
    parsed: list[tuple[int, EventInput]] = []
    first: dict[tuple[str, dt.date], int] = {}
    session = work.session
    for line, cells in rows:
        if isinstance(cells, UnionError):
            problems.append((line, cells))
            continue
        try:
            data = parse_event_row(cells)
            key = (data.title, data.start_on)
            if key in first:
                raise UnionError("event_dup_in_file", title=data.title, first=first[key])
            first[key] = line
            _refuse_twin(session, data)
        except RowProblems as bad:
            problems.extend((line, p) for p in bad.problems)
            continue
        except UnionError as problem:
            problems.append((line, problem))
            continue
        parsed.append((line, data))
    if problems:
        raise ImportRejected(problems, path=path)
    return [add_event(work, data=data) for _line, data in parsed]
