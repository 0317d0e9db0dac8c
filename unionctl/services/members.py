"""The member roll: rules for adding, editing and moving people through their working
and union lives.

The history rules themselves (periods, their order, corrections, the status table) are
unionctl.services.history; this module applies them to one person at a time and keeps
the member row's current values in step. `members import` calls the same functions
(`prepare_new` for new people, `apply_edit`, `apply_status` and `apply_rehire` for
changes). Each change of a person's history runs inside `recorded`, which keeps what it
replaced so that `undo_change` can take the last one back.
Services take parsed values, raise UnionError, and never print.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields

from sqlalchemy import delete, insert, text, update
from sqlmodel import Session, select

from unionctl.db import Work, local_now
from unionctl.errors import UnionError
from unionctl.labels import Term
from unionctl.lookup import branch_name, find_branch, find_member, suggest_names
from unionctl.models import HardshipRecord, HardshipReview, Honour, Member, MemberPeriod
from unionctl.parsing import IdCard, parse_id_card, today
from unionctl.reports.roll import covers
from unionctl.services import history
from unionctl.services.history import HISTORY_FIELDS, ON_ROLL, STATUS_VERB, Person

__all__ = ["branch_name", "find_branch", "find_member", "suggest_names"]

# Fields `members edit --clear` may empty (a name cannot be cleared).
CLEARABLE = ("gender", "birth_date", "phone", "id_card", "dept", "branch", "post")
# Statuses a person may be added with; the others are reached by their verbs.
NEW_STATUSES = ("member", "non_member", "left")


@dataclass
class MemberInput:
    """Parsed member fields; None means "not given" (leave as is / leave empty)."""

    name: str | None = None
    gender: str | None = None
    birth_date: dt.date | None = None
    phone: str | None = None
    id_card: str | None = None
    dept: str | None = None
    branch: str | None = None
    post: str | None = None
    employment: str | None = None
    status: str | None = None
    joined_on: dt.date | None = None
    hired_on: dt.date | None = None

    def given(self) -> dict[str, object]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def snapshot(member: Member, branch_name: str | None) -> dict[str, object]:
    """A member as the audit log keeps it (private fields included: the log is the record)."""
    return {
        "emp_no": member.emp_no,
        "name": member.name,
        "gender": member.gender,
        "birth_date": _iso(member.birth_date),
        "phone": member.phone,
        "id_card": member.id_card,
        "dept": member.dept,
        "branch": branch_name,
        "post": member.post,
        "employment": member.employment,
        "status": member.status,
        "joined_on": _iso(member.joined_on),
        "hired_on": _iso(member.hired_on),
    }


def person(member: Member) -> Person:
    return Person(member.id, member.emp_no, member.name, member.status, member.birth_date)


# The person whose change is being recorded: a change inside it is part of it.
_RECORDING: ContextVar[int | None] = ContextVar("recording", default=None)


@contextmanager
def recorded(work: Work, member: Member, action: str, on: dt.date | None) -> Iterator[None]:
    """One change of `member`'s history, kept for `members undo` (history.record_change).

    Changes of the same person made inside it (an import row's edit and status change,
    an edit that moves a branch and the status) are one change: undone together."""
    if _RECORDING.get() == member.id:
        yield
        return
    session = work.session
    session.flush()
    conn = session.connection()
    before = history.state_of(conn, member.id)
    token = _RECORDING.set(member.id)
    try:
        yield
    finally:
        _RECORDING.reset(token)
    session.flush()
    history.record_change(
        conn,
        member.id,
        before,
        action=action,
        on=on,
        stamp=local_now(),
        actor=work.actor,
        command=work.command,
    )


def check_identity(
    data: MemberInput, *, joined_on: dt.date | None = None, on: dt.date | None = None
) -> MemberInput:
    """ID card agrees with birth date and gender (derived when left out); dates possible
    as of `on` (default today)."""
    now = on or today()
    if data.id_card is not None:
        card: IdCard = parse_id_card(data.id_card, on=now)
        data.id_card = card.number
        if data.birth_date is None:
            data.birth_date = card.birth_date
        elif data.birth_date != card.birth_date:
            raise UnionError(
                "id_card_birth_mismatch",
                value=card.number,
                card=card.birth_date.isoformat(),
                given=data.birth_date.isoformat(),
            )
        if data.gender is None:
            data.gender = card.gender
        elif data.gender != card.gender:
            raise UnionError(
                "id_card_gender_mismatch",
                value=card.number,
                card=Term("gender", card.gender),
                given=Term("gender", data.gender),
            )
    if data.birth_date is not None and data.birth_date > now:
        raise UnionError("future_birth", value=data.birth_date.isoformat())
    for when in (data.joined_on, data.hired_on):
        if when is not None and when > now:
            raise UnionError("future_date", value=when.isoformat())
    joined = data.joined_on or joined_on
    if data.birth_date is not None and joined is not None and data.birth_date > joined:
        raise UnionError(
            "birth_after_join", birth=data.birth_date.isoformat(), joined=joined.isoformat()
        )
    if (
        data.birth_date is not None
        and data.hired_on is not None
        and data.birth_date > data.hired_on
    ):
        raise UnionError(
            "birth_after_hire", birth=data.birth_date.isoformat(), hired=data.hired_on.isoformat()
        )
    return data


def _id_card_free(session: Session, number: str | None, *, except_id: int | None = None) -> None:
    if number is None:
        return
    owner = session.exec(select(Member).where(Member.id_card == number)).first()
    if owner is not None and owner.id != except_id:
        raise UnionError("id_card_taken", value=number, emp_no=owner.emp_no, name=owner.name)


@dataclass
class NewMember:
    """A checked new person: the member row and where their time on the roll starts."""

    row: dict
    start: dt.date
    joined_today: bool = False


def prepare_new(
    emp_no: str,
    data: MemberInput,
    *,
    branch_id: int | None,
    added_on: dt.date,
    stamp: str,
    joins_today: bool = False,
) -> NewMember:
    """Every rule for a new person, shared by `members add` and each new row of an import
    (the ID card's uniqueness is checked by the caller, which knows its whole file).

    `joins_today`: a member without a join date joins on `added_on` (typed by hand); a
    roster row without one keeps it unknown (a member since before the records)."""
    if not data.name:
        raise UnionError("bad_name")
    status = data.status or "member"
    if status not in NEW_STATUSES:
        raise UnionError(
            "new_status", status=Term("status", status), verb=STATUS_VERB.get(status, "")
        )
    # 未入会 never joined; 退会 may keep the join date of the membership it ended
    if status == "non_member" and data.joined_on is not None:
        raise UnionError(
            "joined_needs_member", status=Term("status", status), joined=data.joined_on.isoformat()
        )
    joined_today = joins_today and status == "member" and data.joined_on is None
    if joined_today:
        data.joined_on = added_on  # adding a member by hand records their joining today
    check_identity(data, on=added_on)  # added today, by hand or by an import's run
    start = history.roll_start(
        hired_on=data.hired_on, status=status, joined_on=data.joined_on, added_on=added_on
    )
    row = {
        "emp_no": emp_no,
        "name": data.name,
        "gender": data.gender,
        "birth_date": data.birth_date,
        "phone": data.phone,
        "id_card": data.id_card,
        "dept": data.dept,
        "branch_id": branch_id,
        "post": data.post,
        "employment": data.employment or "staff",
        "status": status,
        "joined_on": data.joined_on,
        "hired_on": data.hired_on,
        "created_at": stamp,
        "updated_at": stamp,
    }
    return NewMember(row, start, joined_today)


def new_member_periods(member_id: int, new: NewMember) -> list[dict]:
    row = new.row
    return history.initial_periods(
        member_id,
        start=new.start,
        status=row["status"],
        joined_on=row["joined_on"],
        employment=row["employment"],
        branch_id=row["branch_id"],
        stamp=row["created_at"],
    )


def add_member(work: Work, *, emp_no: str, data: MemberInput) -> tuple[Member, NewMember]:
    """A new person on the roll, with their first employment/status/branch periods."""
    session = work.session
    existing = session.exec(select(Member).where(Member.emp_no == emp_no)).first()
    if existing is not None:
        raise UnionError("duplicate_emp_no", emp_no=emp_no, name=existing.name)
    branch = find_branch(session, data.branch) if data.branch else None
    new = prepare_new(
        emp_no,
        data,
        branch_id=branch.id if branch else None,
        added_on=today(),
        stamp=local_now(),
        joins_today=True,
    )
    _id_card_free(session, new.row["id_card"])
    conn = session.connection()
    member_id = conn.execute(
        insert(Member.__table__).values(**new.row).returning(Member.__table__.c.id)
    ).scalar_one()
    history.insert_periods(conn, new_member_periods(member_id, new))
    member = session.get(Member, member_id)
    work.audit("member", emp_no, after=snapshot(member, branch.name if branch else None))
    return member, new


def _touch(work: Work, member: Member) -> None:
    member.updated_at = local_now()
    work.session.add(member)
    work.session.flush()


def change_status(
    work: Work, *, emp_no: str, action: str, on: dt.date, reason: str | None = None
) -> tuple[Member, str, str]:
    """join / leave / depart / transfer_out / decease. Returns (member, old, new status)."""
    session = work.session
    member = find_member(session, emp_no)
    return apply_status(work, member, action, on, reason)


def apply_status(
    work: Work, member: Member, action: str, on: dt.date, reason: str | None
) -> tuple[Member, str, str]:
    session = work.session
    who = person(member)
    new = history.check_transition(who, action)
    before = snapshot(member, branch_name(session, member.branch_id))
    old = member.status
    if action == "join":
        check_identity(MemberInput(birth_date=member.birth_date), joined_on=on)
    conn = session.connection()
    stamp = local_now()
    with recorded(work, member, action, on):
        if new in history.ROLL_END_REASON:
            # the member row keeps the last branch (HR rosters do); the history says it ended
            history.leave_roll(conn, who, new, on, reason=reason, stamp=stamp)
        else:
            history.change(conn, who, "status", new, on, reason=reason, stamp=stamp)
        member.status = new
        if new == "member":
            member.joined_on = on
        _touch(work, member)
    after = snapshot(member, branch_name(session, member.branch_id))
    after["on"] = on.isoformat()
    if reason:
        after["reason"] = reason
    work.audit("member", member.emp_no, before=before, after=after)
    return member, old, new


def _require_on_roll(member: Member) -> None:
    if member.status not in ON_ROLL:
        raise UnionError(
            "off_roll", emp_no=member.emp_no, name=member.name, status=Term("status", member.status)
        )


def retire(
    work: Work, *, emp_no: str, on: dt.date, reason: str | None = None
) -> tuple[Member, str]:
    """退休: employment becomes retired (membership goes on). Returns (member, old employment)."""
    session = work.session
    member = find_member(session, emp_no)
    _require_on_roll(member)
    if member.employment == "retired":
        raise UnionError("already_retired", emp_no=emp_no, name=member.name)
    before = snapshot(member, branch_name(session, member.branch_id))
    old = member.employment
    with recorded(work, member, "retire", on):
        history.change(
            session.connection(),
            person(member),
            "employment",
            "retired",
            on,
            reason=reason,
            stamp=local_now(),
        )
        member.employment = "retired"
        _touch(work, member)
    after = {**snapshot(member, before["branch"]), "on": on.isoformat()}
    work.audit("member", emp_no, before=before, after=after)
    return member, old


def transfer_branch(
    work: Work, *, emp_no: str, branch: str, on: dt.date
) -> tuple[Member, str | None]:
    """调动 to another branch of this union (history kept). Returns (member, old branch)."""
    session = work.session
    member = find_member(session, emp_no)
    _require_on_roll(member)
    target = find_branch(session, branch)
    if member.branch_id == target.id:
        raise UnionError("same_branch", emp_no=emp_no, branch=target.name)
    before = snapshot(member, branch_name(session, member.branch_id))
    with recorded(work, member, "transfer", on):
        history.change(
            session.connection(), person(member), "branch", str(target.id), on, stamp=local_now()
        )
        member.branch_id = target.id
        _touch(work, member)
    work.audit(
        "member",
        emp_no,
        before=before,
        after={**snapshot(member, target.name), "on": on.isoformat()},
    )
    return member, before["branch"]


def edit_member(
    work: Work,
    *,
    emp_no: str,
    data: MemberInput,
    on: dt.date,
    clear: frozenset[str] = frozenset(),
) -> tuple[Member, list[str]]:
    """Change the given fields and empty the `clear` ones. Branch, employment and status
    changes take effect `on` and go into the history as their own commands would; a
    corrected join or hire date moves the boundary it names (history.correct_start)."""
    session = work.session
    member = find_member(session, emp_no)
    return apply_edit(work, member, data, on, clear)


def apply_edit(
    work: Work, member: Member, data: MemberInput, on: dt.date, clear: frozenset[str]
) -> tuple[Member, list[str]]:
    with recorded(work, member, "edit", on):
        return _apply_edit(work, member, data, on, clear)


def _apply_edit(
    work: Work, member: Member, data: MemberInput, on: dt.date, clear: frozenset[str]
) -> tuple[Member, list[str]]:
    session = work.session
    given = data.given()
    if not given and not clear:
        raise UnionError("no_change")
    both = sorted(name for name in clear if name in given)
    if both:
        raise UnionError("clear_and_set", field=Term("header", both[0]))
    if data.status is not None and data.status not in ("member", "non_member"):
        raise UnionError(
            "edit_status", status=Term("status", data.status), verb=STATUS_VERB[data.status]
        )
    before = snapshot(member, branch_name(session, member.branch_id))
    # A new ID-card number re-derives the birth date and gender it carries, unless given.
    new_card = data.id_card is not None and data.id_card != member.id_card
    keep = not new_card
    merged = MemberInput(
        birth_date=data.birth_date
        or (member.birth_date if keep and "birth_date" not in clear else None),
        gender=data.gender or (member.gender if keep and "gender" not in clear else None),
        id_card=data.id_card or (member.id_card if "id_card" not in clear else None),
        hired_on=data.hired_on,
    )
    check_identity(merged, joined_on=data.joined_on or member.joined_on)
    if data.id_card is not None:
        data.id_card = merged.id_card
        _id_card_free(session, data.id_card, except_id=member.id)
        if data.birth_date is None:
            data.birth_date = merged.birth_date
        if data.gender is None:
            data.gender = merged.gender
    changed: list[str] = []
    for name in ("name", "gender", "birth_date", "phone", "id_card", "dept", "post"):
        value = getattr(data, name)
        if name in clear:
            value = None
        elif value is None:
            continue
        if getattr(member, name) != value:
            setattr(member, name, value)
            changed.append(name)
    conn = session.connection()
    stamp = local_now()
    who = person(member)
    if data.branch is not None or "branch" in clear:
        target = find_branch(session, data.branch) if data.branch is not None else None
        target_id = target.id if target else None
        if target_id != member.branch_id:
            _require_on_roll(member)
            history.change(
                conn, who, "branch", str(target_id) if target_id else None, on, stamp=stamp
            )
            member.branch_id = target_id
            changed.append("branch")
    if data.employment is not None and data.employment != member.employment:
        _require_on_roll(member)
        history.change(conn, who, "employment", data.employment, on, stamp=stamp)
        member.employment = data.employment
        changed.append("employment")
    if data.hired_on is not None and data.hired_on != member.hired_on:
        history.correct_roll_start(conn, who, data.hired_on)
        member.hired_on = data.hired_on
        changed.append("hired_on")
    if data.status is not None and data.status != member.status:
        if data.status == "member":
            history.check_transition(who, "join")
            history.change(conn, who, "status", "member", data.joined_on or on, stamp=stamp)
            member.joined_on = data.joined_on or on
        else:
            history.check_transition(who, "unjoin")
            if data.joined_on is not None and data.joined_on != member.joined_on:
                history.correct_start(conn, who, "status", data.joined_on)
                member.joined_on = data.joined_on
            history.change(conn, who, "status", data.status, on, stamp=stamp)
        member.status = data.status
        changed.append("status")
    elif data.joined_on is not None and data.joined_on != member.joined_on:
        if member.status != "member":  # the join date of a past membership is history
            raise UnionError(
                "joined_needs_member",
                status=Term("status", member.status),
                joined=data.joined_on.isoformat(),
            )
        # Without a hire date the roll started at the join date: it moves with it.
        _, roll_start = history.roll_start_of(conn, who)
        period = history.current_period(conn, who.id, "status")
        follows = (
            member.hired_on is None
            and period is not None
            and roll_start is not None
            and period.start_on == roll_start
        )
        history.correct_start(conn, who, "status", data.joined_on)
        if follows:
            history.correct_roll_start(conn, who, data.joined_on)
        member.joined_on = data.joined_on
        changed.append("joined_on")
    if changed:
        _touch(work, member)
        after = snapshot(member, branch_name(session, member.branch_id))
        work.audit("member", member.emp_no, before=before, after=after)
    return member, changed


def rehire(
    work: Work,
    *,
    emp_no: str,
    on: dt.date,
    employment: str | None = None,
    branch: str | None = None,
    join: bool = False,
    reason: str | None = None,
) -> tuple[Member, str | None]:
    """重新入职 under the same 工号 (see apply_rehire). Returns (member, branch name)."""
    session = work.session
    member = find_member(session, emp_no)
    target = find_branch(session, branch) if branch else None
    apply_rehire(
        work,
        member,
        on,
        employment=employment,
        branch_id=target.id if target else member.branch_id,
        join=join,
        reason=reason,
    )
    return member, branch_name(session, member.branch_id)


def apply_rehire(
    work: Work,
    member: Member,
    on: dt.date,
    *,
    employment: str | None,
    branch_id: int | None,
    join: bool,
    reason: str | None,
) -> Member:
    """Someone who left the hospital (离职, 调出) is back on the roll from `on`: a
    non-member unless `join`, in `employment` (default: as before) and `branch_id`. The
    hire date becomes `on`: a roster lists the date of the current stint, and the stint
    before stays in the history."""
    session = work.session
    who = person(member)
    new = history.check_transition(who, "rehire_join" if join else "rehire")
    if join:
        check_identity(MemberInput(birth_date=member.birth_date), joined_on=on)
    before = snapshot(member, branch_name(session, member.branch_id))
    kind = employment or member.employment
    with recorded(work, member, "rehire", on):
        history.rejoin_roll(
            session.connection(),
            who,
            new,
            on,
            employment=kind,
            branch_id=branch_id,
            reason=reason,
            stamp=local_now(),
        )
        member.status = new
        member.employment = kind
        member.branch_id = branch_id
        member.hired_on = on
        if join:
            member.joined_on = on
        _touch(work, member)
    after = {**snapshot(member, branch_name(session, branch_id)), "on": on.isoformat()}
    if reason:
        after["reason"] = reason
    work.audit("member", member.emp_no, before=before, after=after)
    return member


@dataclass
class UndoResult:
    """What `undo_change` took back, for the confirmation and --dry-run."""

    member: Member
    undone: history.Undone
    # (step: removed | reopened | restored, aspect, value, start, end) for people
    rows: list[tuple[str, str, str | None, dt.date | None, dt.date | None]]
    aid_off_roll: int  # gifts and attendances that now fall on days off the roll
    attended_off_roll: int


def _off_roll_records(work: Work, member_id: int) -> dict[str, set[int]]:
    """The person's aid gifts and event attendances dated on days they are not on the
    roll (an undo keeps them — they happened — but says so when it adds to them)."""
    on_roll = (
        "SELECT 1 FROM member_period e WHERE e.member_id = :m AND e.aspect = 'employment' AND {}"
    )
    queries = {
        "aid": "SELECT a.id FROM aid a WHERE a.member_id = :m "
        f"AND NOT EXISTS ({on_roll.format(covers('e', 'a.given_on'))})",
        "attendance": "SELECT t.event_id FROM event_attendance t "
        "JOIN event ev ON ev.id = t.event_id WHERE t.member_id = :m "
        f"AND NOT EXISTS ({on_roll.format(covers('e', 'ev.start_on'))})",
    }
    conn = work.session.connection()
    return {
        kind: set(conn.execute(text(sql), {"m": member_id}).scalars())
        for kind, sql in queries.items()
    }


def undo_change(work: Work, *, emp_no: str) -> UndoResult:
    """Take back the person's last recorded history change (history.undo_last) and put
    the member row's status, employment, branch, join and hire dates back with it.

    Aid and event attendance recorded since are kept — they happened — but those that
    now fall on days the person is off the roll are counted for the caller to say."""
    session = work.session
    member = find_member(session, emp_no)
    session.flush()
    before = snapshot(member, branch_name(session, member.branch_id))
    off_before = _off_roll_records(work, member.id)
    undone = history.undo_last(session.connection(), person(member))
    for name in HISTORY_FIELDS:
        setattr(member, name, undone.member[name])
    _touch(work, member)
    off_after = _off_roll_records(work, member.id)
    after = snapshot(member, branch_name(session, member.branch_id))
    after["undone"] = {
        "action": undone.action,
        "on": undone.on.isoformat() if undone.on else None,
        "recorded_at": undone.recorded_at,
        "command": undone.command,
    }
    work.audit("member", member.emp_no, before=before, after=after)
    shown = [
        (
            step,
            p["aspect"],
            branch_name(session, int(p["value"]))
            if p["aspect"] == "branch" and p["value"]
            else p["value"],
            p["start_on"],
            p["end_on"],
        )
        for step, p in undone.steps
    ]
    for record_id in undone.reopened:
        record = session.get(HardshipRecord, record_id)
        shown.append(("reopened", "hardship", record.tier, record.registered_on, None))
    return UndoResult(
        member=member,
        undone=undone,
        rows=shown,
        aid_off_roll=len(off_after["aid"] - off_before["aid"]),
        attended_off_roll=len(off_after["attendance"] - off_before["attendance"]),
    )


def delete_member(work: Work, *, emp_no: str) -> Member:
    """Remove a person added by mistake: only one with no history beyond being added."""
    session = work.session
    member = find_member(session, emp_no)
    periods = session.exec(select(MemberPeriod).where(MemberPeriod.member_id == member.id)).all()
    aspects = [p.aspect for p in periods]
    has_history = (
        any(p.end_on is not None for p in periods)
        or len(aspects) != len(set(aspects))
        or session.exec(
            select(HardshipRecord.id).where(HardshipRecord.member_id == member.id)
        ).first()
        or session.exec(select(Honour.id).where(Honour.member_id == member.id)).first()
    )
    if has_history:
        raise UnionError("delete_has_history", emp_no=member.emp_no, name=member.name)
    before = snapshot(member, branch_name(session, member.branch_id))
    session.connection().execute(
        delete(MemberPeriod.__table__).where(MemberPeriod.__table__.c.member_id == member.id)
    )
    session.delete(member)
    session.flush()
    work.audit("member", member.emp_no, before=before, after=None)
    return member


def renumber_member(work: Work, *, emp_no: str, new_emp_no: str) -> Member:
    """A mistyped employee number: the person keeps everything under the new number."""
    session = work.session
    member = find_member(session, emp_no)
    taken = session.exec(select(Member).where(Member.emp_no == new_emp_no)).first()
    if taken is not None:
        raise UnionError("duplicate_emp_no", emp_no=new_emp_no, name=taken.name)
    member.emp_no = new_emp_no
    _touch(work, member)
    # The log is looked up by employee number: its entries follow the person (their
    # snapshots still say what the number was then).
    from unionctl.models import AuditEntry

    table = AuditEntry.__table__
    session.connection().execute(
        update(table)
        .where(table.c.entity == "member", table.c.key == emp_no)
        .values(key=new_emp_no)
    )
    work.audit("member", new_emp_no, before={"emp_no": emp_no}, after={"emp_no": new_emp_no})
    return member


# --- hardship (困难职工档案) -------------------------------------------------------


def _open_hardship(session: Session, member_id: int) -> HardshipRecord | None:
    return session.exec(
        select(HardshipRecord).where(
            HardshipRecord.member_id == member_id, HardshipRecord.closed_on.is_(None)
        )
    ).first()


def _hardship_dict(record: HardshipRecord) -> dict[str, object]:
    return {
        "tier": record.tier,
        "reason": record.reason,
        "registered_on": record.registered_on.isoformat(),
        "last_review_on": record.last_review_on.isoformat() if record.last_review_on else None,
        "closed_on": record.closed_on.isoformat() if record.closed_on else None,
        "close_reason": record.close_reason,
        "household_size": record.household_size,
        "income_note": record.income_note,
    }


def hardship_register(
    work: Work,
    *,
    emp_no: str,
    tier: str,
    reason: str,
    on: dt.date,
    household_size: int | None = None,
    income_note: str | None = None,
) -> tuple[Member, HardshipRecord]:
    """建档: open a hardship record (one open record per member)."""
    session = work.session
    member = find_member(session, emp_no)
    if member.status not in ON_ROLL:
        raise UnionError(
            "off_roll", emp_no=member.emp_no, name=member.name, status=Term("status", member.status)
        )
    if on > today():
        raise UnionError("future_date", value=on.isoformat())
    current = _open_hardship(session, member.id)
    if current is not None:
        raise UnionError("hardship_open", emp_no=emp_no, on=current.registered_on.isoformat())
    record = HardshipRecord(
        member_id=member.id,
        tier=tier,
        reason=reason,
        registered_on=on,
        household_size=household_size,
        income_note=income_note,
    )
    session.add(record)
    session.flush()
    work.audit("member", emp_no, after={"hardship": _hardship_dict(record)})
    return member, record


def hardship_review(
    work: Work, *, emp_no: str, on: dt.date, tier: str | None = None, note: str | None = None
) -> tuple[Member, HardshipRecord]:
    """复核: the yearly re-check; may change the tier."""
    session = work.session
    member = find_member(session, emp_no)
    record = _open_hardship(session, member.id)
    if record is None:
        raise UnionError("hardship_none", emp_no=emp_no)
    if on > today():
        raise UnionError("future_date", value=on.isoformat())
    last = record.last_review_on or record.registered_on
    if on < last:
        raise UnionError(
            "change_before_last",
            emp_no=emp_no,
            on=on.isoformat(),
            what=Term("change", "hardship"),
            last=last.isoformat(),
        )
    before = _hardship_dict(record)
    record.last_review_on = on
    if tier is not None:
        record.tier = tier
    session.add(record)
    session.add(HardshipReview(record_id=record.id, reviewed_on=on, tier=record.tier, note=note))
    work.audit(
        "member", emp_no, before={"hardship": before}, after={"hardship": _hardship_dict(record)}
    )
    return member, record


def hardship_close(
    work: Work, *, emp_no: str, reason: str, on: dt.date
) -> tuple[Member, HardshipRecord]:
    """退档 (e.g. 脱困): the household leaves the register; revisit it a year on."""
    session = work.session
    member = find_member(session, emp_no)
    record = _open_hardship(session, member.id)
    if record is None:
        raise UnionError("hardship_none", emp_no=emp_no)
    last = record.last_review_on or record.registered_on
    if on < last:
        raise UnionError(
            "change_before_last",
            emp_no=emp_no,
            on=on.isoformat(),
            what=Term("change", "hardship"),
            last=last.isoformat(),
        )
    if on > today():
        raise UnionError("future_date", value=on.isoformat())
    before = _hardship_dict(record)
    record.closed_on = on
    record.close_reason = reason
    session.add(record)
    work.audit(
        "member", emp_no, before={"hardship": before}, after={"hardship": _hardship_dict(record)}
    )
    return member, record


def add_honour(work: Work, *, emp_no: str, title: str, level: str, on: dt.date) -> Member:
    session = work.session
    member = find_member(session, emp_no)
    if on > today():
        raise UnionError("future_date", value=on.isoformat())
    twin = session.exec(
        select(Honour.id).where(
            Honour.member_id == member.id, Honour.title == title, Honour.awarded_on == on
        )
    ).first()
    if twin is not None:
        raise UnionError("duplicate_honour", emp_no=emp_no, title=title, on=on.isoformat())
    session.add(Honour(member_id=member.id, title=title, level=level, awarded_on=on))
    work.audit(
        "member", emp_no, after={"honour": {"title": title, "level": level, "on": on.isoformat()}}
    )
    return member
