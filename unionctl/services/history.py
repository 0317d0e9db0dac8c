"""The history rules: the one set of period operations that `members add`, `edit`, the
status verbs and `members import` all go through.

A person's history is three kinds of period (model MemberPeriod):
- `employment` — on the hospital's roll while one covers the day: it opens at the hire
  date (入职) with the kind of employment, changes on retirement, and closes when the
  person leaves the hospital (离职, 调出) or dies;
- `status` — union status (member, non_member, left …);
- `branch` — which 分工会.

Periods of one aspect never overlap and leave no hole while the person is on the roll.
Changes are appended in date order: one dated before the last change of the same kind is
refused, since reports already used that history. A date typed wrongly is corrected with
`correct_start`, which moves the boundary between two periods and nothing else; a whole
change dated wrongly (a departure, a death …) is taken back with `undo_last`, which
puts back the state `record_change` kept from just before it.

Someone who left the hospital may come back under the same 工号 (`rejoin_roll`): a new
employment period opens after the gap, in which they are off the roll.

Everything here runs SQL on the unit of work's connection (no ORM objects), so the bulk
import uses exactly these rules at executemany speed.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import and_, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection

from unionctl.db import insert_rows, insert_tuples
from unionctl.errors import UnionError
from unionctl.labels import Phrase, Term, Words
from unionctl.models import HardshipRecord, Member, MemberChange, MemberPeriod
from unionctl.parsing import today

PERIOD = MemberPeriod.__table__

# Union statuses of people on the roll, and of people who have left it.
ON_ROLL = ("member", "non_member", "left")
OFF_ROLL = ("departed", "transferred", "deceased")

# The status rules in one table: action -> (from which statuses, to which status).
# Anything else is refused with the current status and what is allowed from it.
STATUS_RULES: dict[str, tuple[tuple[str, ...], str]] = {
    "join": (("non_member", "left"), "member"),  # 入会 (again)
    "leave": (("member",), "left"),  # 退会: stays on the roll
    "unjoin": (("member",), "non_member"),  # edit --status non_member: a recorded correction
    "depart": (ON_ROLL, "departed"),  # 离职/调出: leaves the roll
    "transfer_out": (("member",), "transferred"),  # leaves the roll, membership moves (转出)
    "decease": (ON_ROLL, "deceased"),  # 去世: leaves the roll
    # 重新入职: back on the roll under the same 工号, not a member until they (re)join …
    "rehire": (("departed", "transferred"), "non_member"),
    "rehire_join": (("departed", "transferred"), "member"),  # … or joining that day
}
# Which verb records each status (`edit --status left` points here).
STATUS_VERB = {
    "member": "members join",
    "left": "members leave",
    "departed": "members depart",
    "transferred": "members depart --transfer-out",
    "deceased": "members decease",
}
# Why an open hardship record closes when its household leaves the roll.
ROLL_END_REASON = {"departed": "离职", "transferred": "转出", "deceased": "去世"}


@dataclass(frozen=True)
class Person:
    """What the rules need to know of a person (not an ORM object: the import has none)."""

    id: int
    emp_no: str
    name: str
    status: str
    birth_date: dt.date | None = None


def allowed_actions(status: str) -> list[str]:
    return [action for action, (sources, _new) in STATUS_RULES.items() if status in sources]


def check_transition(person: Person, action: str) -> str:
    """The status `action` leads to from the person's current status, or the refusal."""
    sources, new = STATUS_RULES[action]
    if person.status not in sources:
        allowed = allowed_actions(person.status)
        actions = Words(tuple(Phrase(f"act_{a}") for a in allowed))
        raise UnionError(
            "status_transition",
            emp_no=person.emp_no,
            name=person.name,
            current=Term("status", person.status),
            action=Phrase(f"act_{action}"),
            allowed=Phrase("allowed_next", actions=actions) if allowed else Phrase("allowed_none"),
        )
    return new


def roll_start(
    *, hired_on: dt.date | None, status: str, joined_on: dt.date | None, added_on: dt.date
) -> dt.date:
    """When a new person's time on the roll begins, as far as we know.

    The hire date when given; else the join date of a member (joining this union means
    working here); else the day they are added — so adding someone today never changes a
    past period's figures."""
    if hired_on is not None:
        return hired_on
    if status == "member" and joined_on is not None:
        return joined_on
    return added_on


# A new period row as a tuple, for the rows written in bulk (initial_periods): the
# columns in this order.
PERIOD_FIELDS = ("member_id", "aspect", "value", "start_on", "end_on", "reason", "recorded_at")


def initial_periods(
    member_id: int,
    *,
    start: dt.date | None,
    status: str,
    joined_on: dt.date | None,
    employment: str,
    branch_id: int | None,
    stamp: str,
) -> list[tuple]:
    """The first employment, status and branch periods of a person on the roll from
    `start`, as PERIOD_FIELDS tuples (an import writes three a row: dicts cost more to
    build and unpack than the insert of them took)."""
    status_start = joined_on if status == "member" else start
    branch_start = start
    if start is not None and status == "member" and joined_on is not None:
        branch_start = min(start, joined_on)
    rows = [(member_id, "employment", employment, start, None, None, stamp)]
    if status == "member" and start is not None and joined_on is not None and start < joined_on:
        # hired before joining: a non-member until then, so the history has no gap
        rows.append((member_id, "status", "non_member", start, joined_on, None, stamp))
    rows.append((member_id, "status", status, status_start, None, None, stamp))
    if branch_id is not None:
        rows.append((member_id, "branch", str(branch_id), branch_start, None, None, stamp))
    return rows


def insert_periods(conn: Connection, rows: list[tuple]) -> None:
    """Write PERIOD_FIELDS tuples."""
    insert_tuples(conn, PERIOD, PERIOD_FIELDS, rows)


def _row(
    member_id: int,
    aspect: str,
    value: str | None,
    start: dt.date | None,
    stamp: str,
    reason: str | None = None,
) -> dict:
    return {
        "member_id": member_id,
        "aspect": aspect,
        "value": value,
        "start_on": start,
        "end_on": None,
        "reason": reason,
        "recorded_at": stamp,
    }


def _check_date(person: Person, on: dt.date) -> None:
    if on > today():
        raise UnionError("future_date", value=on.isoformat())
    if person.birth_date is not None and on < person.birth_date:
        raise UnionError(
            "change_before_birth",
            emp_no=person.emp_no,
            on=on.isoformat(),
            birth=person.birth_date.isoformat(),
        )


def _last_change(conn: Connection, member_id: int, aspect: str) -> dt.date | None:
    """The latest boundary recorded for the aspect (a start or an end)."""
    starts, ends = conn.execute(
        select(func.max(PERIOD.c.start_on), func.max(PERIOD.c.end_on)).where(
            PERIOD.c.member_id == member_id, PERIOD.c.aspect == aspect
        )
    ).one()
    dates = [d for d in (starts, ends) if d is not None]
    return max(dates) if dates else None


def current_period(conn: Connection, member_id: int, aspect: str):
    return conn.execute(
        select(PERIOD)
        .where(
            PERIOD.c.member_id == member_id,
            PERIOD.c.aspect == aspect,
            PERIOD.c.end_on.is_(None),
        )
        .order_by(PERIOD.c.id.desc())
    ).first()


def change(
    conn: Connection,
    person: Person,
    aspect: str,
    value: str | None,
    on: dt.date,
    *,
    reason: str | None = None,
    stamp: str,
) -> None:
    """Close the current period of `aspect` on `on` and open one with `value` (None: close)."""
    _check_date(person, on)
    _, start = roll_start_of(conn, person)
    if start is not None and on < start:
        raise UnionError(
            "before_roll", emp_no=person.emp_no, on=on.isoformat(), start=start.isoformat()
        )
    last = _last_change(conn, person.id, aspect)
    if last is not None and on < last:
        raise UnionError(
            "change_before_last",
            emp_no=person.emp_no,
            on=on.isoformat(),
            what=Term("change", aspect),
            last=last.isoformat(),
        )
    conn.execute(
        update(PERIOD)
        .where(
            PERIOD.c.member_id == person.id,
            PERIOD.c.aspect == aspect,
            PERIOD.c.end_on.is_(None),
        )
        .values(end_on=on)
    )
    if value is not None:
        conn.execute(insert(PERIOD), [_row(person.id, aspect, value, on, stamp, reason)])


def correct_start(conn: Connection, person: Person, aspect: str, new_start: dt.date) -> None:
    """A wrongly typed date: move the start of the current period of `aspect`, and the end
    of the period just before it with it, so the history gains no hole and no overlap."""
    _check_date(person, new_start)
    period = current_period(conn, person.id, aspect)
    if period is None:
        raise UnionError("no_current_period", emp_no=person.emp_no, what=Term("change", aspect))
    _move_boundary(conn, person, aspect, period, new_start)


def roll_start_of(conn: Connection, person: Person) -> tuple[bool, dt.date | None]:
    """(has any employment period, the start of the first one)."""
    starts = (
        conn.execute(
            select(PERIOD.c.start_on).where(
                PERIOD.c.member_id == person.id, PERIOD.c.aspect == "employment"
            )
        )
        .scalars()
        .all()
    )
    if not starts:
        return False, None
    return True, None if None in starts else min(starts)


def _first_period(conn: Connection, member_id: int, aspect: str):
    """The earliest period of an aspect ("since before the records" first)."""
    return conn.execute(
        select(PERIOD)
        .where(PERIOD.c.member_id == member_id, PERIOD.c.aspect == aspect)
        .order_by(func.coalesce(PERIOD.c.start_on, "0000"), PERIOD.c.id)
    ).first()


def correct_roll_start(conn: Connection, person: Person, hired_on: dt.date) -> None:
    """A corrected hire date: the first employment period starts then, and the first status
    and branch periods that began with it move too."""
    _check_date(person, hired_on)
    first = _first_period(conn, person.id, "employment")
    if first is None:
        return
    back = _rehired_on(conn, person.id)
    if back is not None:
        # the hire date is now the rehire's; a wrong one is undone and recorded again
        raise UnionError("hired_after_rehire", emp_no=person.emp_no, on=back.isoformat())
    old = first.start_on
    _move_boundary(conn, person, "employment", first, hired_on)
    for aspect in ("status", "branch"):
        head = _first_period(conn, person.id, aspect)
        if head is None or head.start_on != old:
            continue
        if aspect == "status" and head.value == "member":
            continue  # a membership starts at its join date, whatever the hire date says
        if head.end_on is not None and hired_on >= head.end_on:
            continue
        conn.execute(update(PERIOD).where(PERIOD.c.id == head.id).values(start_on=hired_on))
    status = _first_period(conn, person.id, "status")
    if status is not None and status.start_on is not None and hired_on < status.start_on:
        # hired before the first recorded status: a non-member until then (no gap)
        stamp = status.recorded_at
        row = {
            **_row(person.id, "status", "non_member", hired_on, stamp),
            "end_on": status.start_on,
        }
        conn.execute(insert(PERIOD), [row])


def _move_boundary(conn: Connection, person: Person, aspect: str, period, new_start) -> None:
    if period.end_on is not None and new_start >= period.end_on:
        raise UnionError(
            "correction_after_end",
            emp_no=person.emp_no,
            on=new_start.isoformat(),
            what=Term("change", aspect),
            end=period.end_on.isoformat(),
        )
    others = conn.execute(
        select(PERIOD).where(
            PERIOD.c.member_id == person.id,
            PERIOD.c.aspect == aspect,
            PERIOD.c.id != period.id,
            PERIOD.c.end_on.is_not(None),
        )
    ).all()
    start = period.start_on
    earlier = [p for p in others if start is None or p.end_on <= start]
    adjacent = [p for p in earlier if start is not None and p.end_on == start]
    # The period just before may shrink or grow but not vanish; older ones are not crossed.
    limits = [p.start_on for p in adjacent if p.start_on is not None]
    limits += [p.end_on for p in earlier if p not in adjacent]
    last = max(limits) if limits else None
    if last is not None and (new_start <= last if adjacent else new_start < last):
        raise UnionError(
            "change_before_last",
            emp_no=person.emp_no,
            on=new_start.isoformat(),
            what=Term("change", aspect),
            last=last.isoformat(),
        )
    conn.execute(update(PERIOD).where(PERIOD.c.id == period.id).values(start_on=new_start))
    for p in adjacent:
        conn.execute(update(PERIOD).where(PERIOD.c.id == p.id).values(end_on=new_start))


def leave_roll(
    conn: Connection, person: Person, new_status: str, on: dt.date, *, reason: str | None, stamp
) -> None:
    """离职/调出/去世: status changes, and employment and branch close the same day; an open
    hardship record closes too (the household is no longer the union's to help), with the
    reason given (调出 …) or the status's own."""
    change(conn, person, "status", new_status, on, reason=reason, stamp=stamp)
    for aspect in ("employment", "branch"):
        if current_period(conn, person.id, aspect) is not None:
            change(conn, person, aspect, None, on, stamp=stamp)
    table = HardshipRecord.__table__
    conn.execute(
        update(table)
        .where(and_(table.c.member_id == person.id, table.c.closed_on.is_(None)))
        .values(closed_on=on, close_reason=reason or ROLL_END_REASON[new_status])
    )


def _rehired_on(conn: Connection, member_id: int) -> dt.date | None:
    """When the person last came back to the roll after a gap (None: never left and came
    back): the start of an employment period that does not continue another one."""
    rows = conn.execute(
        select(PERIOD.c.start_on, PERIOD.c.end_on).where(
            PERIOD.c.member_id == member_id, PERIOD.c.aspect == "employment"
        )
    ).all()
    ends = {end for _start, end in rows if end is not None}
    first = min((start for start, _end in rows if start is not None), default=None)
    if any(start is None for start, _end in rows):
        first = None
    backs = [s for s, _e in rows if s is not None and s != first and s not in ends]
    return max(backs) if backs else None


def rejoin_roll(
    conn: Connection,
    person: Person,
    new_status: str,
    on: dt.date,
    *,
    employment: str,
    branch_id: int | None,
    reason: str | None,
    stamp: str,
) -> None:
    """重新入职: someone who left the hospital comes back on `on`, after the day they
    left (the days between stay off the roll): the status changes, and a new employment
    period (and branch period) opens. The counterpart of `leave_roll`."""
    left = _last_change(conn, person.id, "employment")
    if left is not None and on <= left:
        raise UnionError(
            "rehire_not_after", emp_no=person.emp_no, on=on.isoformat(), left=left.isoformat()
        )
    change(conn, person, "status", new_status, on, reason=reason, stamp=stamp)
    change(conn, person, "employment", employment, on, stamp=stamp)
    if branch_id is not None:
        change(conn, person, "branch", str(branch_id), on, stamp=stamp)


# --- undo: the state a change replaced ------------------------------------------------

# The member row's fields the history decides; the others are edited, not recorded.
HISTORY_FIELDS = ("status", "employment", "branch_id", "joined_on", "hired_on")
_PERIOD_FIELDS = ("id", "aspect", "value", "start_on", "end_on", "reason", "recorded_at")
_DATES = ("start_on", "end_on", "joined_on", "hired_on", "closed_on")
MEMBER = Member.__table__
HARDSHIP = HardshipRecord.__table__
CHANGE = MemberChange.__table__


def _plain(row) -> dict:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()}


def _dated(row: dict) -> dict:
    return {k: dt.date.fromisoformat(v) if k in _DATES and v else v for k, v in row.items()}


# Plain SQL text: a change of an imported roster reads the state twice per row, and
# these run at a third of the cost of the same Core selects (0.39 against 1.35 ms a
# person, measured on a 2,000-person roll); dates come back as ISO text on SQLite.
_STATE_SQL = (
    text(f"SELECT {', '.join(HISTORY_FIELDS)} FROM member WHERE id = :m"),
    text(f"SELECT {', '.join(_PERIOD_FIELDS)} FROM member_period WHERE member_id = :m ORDER BY id"),
    text(
        "SELECT id, closed_on, close_reason FROM hardship_record WHERE member_id = :m ORDER BY id"
    ),
)


def state_of(conn: Connection, member_id: int) -> dict:
    """A person's history as JSON-ready values: the member row's history fields, every
    period, and every hardship record's closing (what a departure or death closes)."""
    member, periods, hardship = (conn.execute(sql, {"m": member_id}) for sql in _STATE_SQL)
    return {
        "member": _plain(member.mappings().one()),
        "periods": [_plain(p) for p in periods.mappings()],
        "hardship": [_plain(h) for h in hardship.mappings()],
    }


def record_change(
    conn: Connection,
    member_id: int,
    before: dict,
    *,
    action: str,
    on: dt.date | None,
    stamp: str,
    actor: str,
    command: str,
) -> bool:
    """Keep what a change replaced (`before`, from state_of) beside what it made, so
    `undo_last` can put it back. Nothing is kept when nothing in the history changed.
    Of the hardship records only those the change touched are kept: the others go on
    being registered, re-checked and closed by themselves."""
    after = state_of(conn, member_id)
    if after == before:
        return False
    was = {h["id"]: h for h in before["hardship"]}
    touched = [h for h in after["hardship"] if was.get(h["id"]) != h]
    touched_ids = {h["id"] for h in touched}
    before = {**before, "hardship": [h for h in before["hardship"] if h["id"] in touched_ids]}
    after = {**after, "hardship": touched}
    conn.execute(
        insert(CHANGE).values(
            member_id=member_id,
            action=action,
            on_date=on,
            recorded_at=stamp,
            actor=actor,
            command=command,
            before=json.dumps(before, ensure_ascii=False, sort_keys=True),
            after=json.dumps(after, ensure_ascii=False, sort_keys=True),
        )
    )
    return True


@dataclass(frozen=True)
class Undone:
    """The change `undo_last` took back, and the state it put back."""

    action: str
    on: dt.date | None
    recorded_at: str
    actor: str
    command: str
    member: dict  # the member row's history fields as they were (dates as dates)
    # (step, period as it is now): "removed" (the change made it), "reopened" (it had
    # closed it), "restored" (it had moved or removed it)
    steps: list[tuple[str, dict]]
    reopened: list[int]  # hardship records it had closed, open again


def last_change(conn: Connection, member_id: int):
    return conn.execute(
        select(CHANGE).where(CHANGE.c.member_id == member_id).order_by(CHANGE.c.id.desc())
    ).first()


def undo_last(conn: Connection, person: Person) -> Undone:
    """Take back the person's last recorded change: the periods it opened go, the ones it
    closed or moved are as they were, the hardship records it closed are open again,
    and the caller sets the member row's history fields to `Undone.member`.

    Refused when nothing is recorded, when the history no longer is what the change
    left (then something changed it without a record, and putting `before` back would
    lose that), and when it would leave someone off the roll with an open hardship
    record (registered after the rehire being undone: 先在册，后建档)."""
    row = last_change(conn, person.id)
    if row is None:
        later = conn.execute(
            select(func.count())
            .select_from(PERIOD.join(MEMBER, MEMBER.c.id == PERIOD.c.member_id))
            .where(PERIOD.c.member_id == person.id, PERIOD.c.recorded_at != MEMBER.c.created_at)
        ).scalar()
        key = "undo_not_kept" if later else "nothing_to_undo"
        raise UnionError(key, emp_no=person.emp_no, name=person.name)
    before, after = json.loads(row.before), json.loads(row.after)
    now = state_of(conn, person.id)
    ids = {h["id"] for h in after["hardship"]}
    now_hardship = [h for h in now["hardship"] if h["id"] in ids]
    if (now["member"], now["periods"], now_hardship) != (
        after["member"],
        after["periods"],
        after["hardship"],
    ):
        raise UnionError(
            "undo_history_moved",
            emp_no=person.emp_no,
            action=Term("history_action", row.action),
            on=_iso(row.on_date),
        )
    conn.execute(delete(PERIOD).where(PERIOD.c.member_id == person.id))
    # with their ids, as they were
    insert_rows(conn, PERIOD, [{**_dated(p), "member_id": person.id} for p in before["periods"]])
    for record in before["hardship"]:
        conn.execute(
            update(HARDSHIP)
            .where(HARDSHIP.c.id == record["id"])
            .values(closed_on=_dated(record)["closed_on"], close_reason=record["close_reason"])
        )
    if before["member"]["status"] in OFF_ROLL:
        still_open = conn.execute(
            select(HARDSHIP.c.registered_on).where(
                HARDSHIP.c.member_id == person.id, HARDSHIP.c.closed_on.is_(None)
            )
        ).first()
        if still_open is not None:
            raise UnionError(
                "undo_hardship_open",
                emp_no=person.emp_no,
                name=person.name,
                action=Term("history_action", row.action),
                on_change=_iso(row.on_date),
                on=still_open.registered_on.isoformat(),
            )
    conn.execute(delete(CHANGE).where(CHANGE.c.id == row.id))
    return Undone(
        action=row.action,
        on=row.on_date,
        recorded_at=row.recorded_at,
        actor=row.actor,
        command=row.command,
        member=_dated(before["member"]),
        steps=_steps(before["periods"], after["periods"]),
        reopened=[h["id"] for h in before["hardship"] if h["closed_on"] is None],
    )


def _steps(before: list[dict], after: list[dict]) -> list[tuple[str, dict]]:
    was = {p["id"]: p for p in before}
    made = {p["id"]: p for p in after}
    steps = [("removed", _dated(p)) for i, p in made.items() if i not in was]
    for i, p in was.items():
        if made.get(i) == p:
            continue
        reopened = i in made and p["end_on"] is None and made[i]["start_on"] == p["start_on"]
        steps.append(("reopened" if reopened else "restored", _dated(p)))
    return steps


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else "—"
