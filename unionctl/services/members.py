"""The member roll: rules for adding, editing and moving members through their union life.

Every change of status, employment or branch closes the member's current period and
opens a new one (model MemberPeriod), so any past date can be answered exactly.
Services take parsed values, raise UnionError, and never print.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, fields

from sqlalchemy import func
from sqlmodel import Session, select

from unionctl.db import Work, local_now
from unionctl.errors import UnionError
from unionctl.labels import Phrase, Term
from unionctl.models import Branch, HardshipRecord, HardshipReview, Honour, Member, MemberPeriod
from unionctl.parsing import IdCard, parse_id_card, today

# Which status a member may move to from which (the rest is refused with the reason).
ON_ROLL = ("member", "non_member")


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

    def given(self) -> dict[str, object]:
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }


def snapshot(member: Member, branch_name: str | None) -> dict[str, object]:
    """A member as the audit log keeps it (private fields included: the log is the record)."""
    return {
        "emp_no": member.emp_no,
        "name": member.name,
        "gender": member.gender,
        "birth_date": member.birth_date.isoformat() if member.birth_date else None,
        "phone": member.phone,
        "id_card": member.id_card,
        "dept": member.dept,
        "branch": branch_name,
        "post": member.post,
        "employment": member.employment,
        "status": member.status,
        "joined_on": member.joined_on.isoformat() if member.joined_on else None,
    }


def _suggestions(candidates: list[str], text: str, limit: int = 5) -> str | Phrase:
    close = difflib.get_close_matches(text, candidates, n=limit, cutoff=0.5)
    if not close:
        return ""
    return Phrase("did_you_mean", names=", ".join(close))


def find_member(session: Session, emp_no: str) -> Member:
    """The member with this employee number; a typo gets the closest numbers and names."""
    member = session.exec(select(Member).where(Member.emp_no == emp_no)).first()
    if member is not None:
        return member
    rows = session.exec(select(Member.emp_no, Member.name)).all()
    by_number = {no: f"{no} {name}" for no, name in rows}
    by_name: dict[str, list[str]] = {}
    for no, name in rows:
        by_name.setdefault(name, []).append(f"{no} {name}")
    hits = [
        by_number[n] for n in difflib.get_close_matches(emp_no, list(by_number), n=3, cutoff=0.6)
    ]
    for name in difflib.get_close_matches(emp_no, list(by_name), n=3, cutoff=0.5):
        hits.extend(by_name[name])
    suggestions = Phrase("did_you_mean", names=", ".join(dict.fromkeys(hits))) if hits else ""
    raise UnionError("unknown_member", emp_no=emp_no, suggestions=suggestions)


def find_branch(session: Session, name: str, *, for_import: bool = False) -> Branch:
    branch = session.exec(select(Branch).where(Branch.name == name)).first()
    if branch is not None:
        return branch
    names = list(session.exec(select(Branch.name)))
    key = "unknown_branch_import" if for_import else "unknown_branch"
    raise UnionError(key, name=name, suggestions=_suggestions(names, name))


def branch_name(session: Session, branch_id: int | None) -> str | None:
    if branch_id is None:
        return None
    return session.get(Branch, branch_id).name


def check_identity(data: MemberInput, *, joined_on: dt.date | None = None) -> MemberInput:
    """ID card agrees with birth date and gender (derived when left out); dates possible."""
    if data.id_card is not None:
        card: IdCard = parse_id_card(data.id_card)
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
    now = today()
    if data.birth_date is not None and data.birth_date > now:
        raise UnionError("future_birth", value=data.birth_date.isoformat())
    joined = data.joined_on or joined_on
    if data.joined_on is not None and data.joined_on > now:
        raise UnionError("future_date", value=data.joined_on.isoformat())
    if data.birth_date is not None and joined is not None and data.birth_date > joined:
        raise UnionError(
            "birth_after_join", birth=data.birth_date.isoformat(), joined=joined.isoformat()
        )
    return data


def _id_card_free(session: Session, number: str | None, *, except_id: int | None = None) -> None:
    if number is None:
        return
    owner = session.exec(select(Member).where(Member.id_card == number)).first()
    if owner is not None and owner.id != except_id:
        raise UnionError("id_card_taken", value=number, emp_no=owner.emp_no, name=owner.name)


def add_member(work: Work, *, emp_no: str, data: MemberInput) -> Member:
    """A new person on the roll, with their first status/employment/branch periods."""
    session = work.session
    existing = session.exec(select(Member).where(Member.emp_no == emp_no)).first()
    if existing is not None:
        raise UnionError("duplicate_emp_no", emp_no=emp_no, name=existing.name)
    if not data.name:
        raise UnionError("bad_name")
    status = data.status or "member"
    if status == "member" and data.joined_on is None:
        data.joined_on = today()  # adding a member by hand records their joining today
    check_identity(data)
    _id_card_free(session, data.id_card)
    branch = find_branch(session, data.branch) if data.branch else None
    stamp = local_now()
    member = Member(
        emp_no=emp_no,
        name=data.name,
        gender=data.gender,
        birth_date=data.birth_date,
        phone=data.phone,
        id_card=data.id_card,
        dept=data.dept,
        branch_id=branch.id if branch else None,
        post=data.post,
        employment=data.employment or "staff",
        status=status,
        joined_on=data.joined_on if status != "non_member" else None,
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(member)
    session.flush()
    start = member.joined_on if status == "member" else None
    periods = [("status", status, start), ("employment", member.employment, None)]
    if branch is not None:
        periods.append(("branch", str(branch.id), None))
    for aspect, value, start_on in periods:
        session.add(
            MemberPeriod(
                member_id=member.id,
                aspect=aspect,
                value=value,
                start_on=start_on,
                recorded_at=stamp,
            )
        )
    work.audit("member", emp_no, after=snapshot(member, branch.name if branch else None))
    return member


def _current_period(session: Session, member_id: int, aspect: str) -> MemberPeriod | None:
    return session.exec(
        select(MemberPeriod)
        .where(
            MemberPeriod.member_id == member_id,
            MemberPeriod.aspect == aspect,
            MemberPeriod.end_on.is_(None),
        )
        .order_by(MemberPeriod.id.desc())
    ).first()


def _last_change_on(session: Session, member_id: int, aspect: str) -> dt.date | None:
    return session.exec(
        select(func.max(MemberPeriod.start_on)).where(
            MemberPeriod.member_id == member_id, MemberPeriod.aspect == aspect
        )
    ).one()


def _move(
    work: Work,
    member: Member,
    aspect: str,
    value: str | None,
    on: dt.date,
    reason: str | None = None,
) -> None:
    """Close the current period of `aspect` on `on` and open one with `value`.

    Changes are recorded in date order: one dated before the last change of the same
    kind is refused, since it would rewrite history that reports already used."""
    session = work.session
    if on > today():
        raise UnionError("future_date", value=on.isoformat())
    if member.birth_date is not None and on < member.birth_date:
        raise UnionError(
            "change_before_birth",
            emp_no=member.emp_no,
            on=on.isoformat(),
            birth=member.birth_date.isoformat(),
        )
    last = _last_change_on(session, member.id, aspect)
    if last is not None and on < last:
        raise UnionError(
            "change_before_last",
            emp_no=member.emp_no,
            on=on.isoformat(),
            what=Term("change", aspect),
            last=last.isoformat(),
        )
    current = _current_period(session, member.id, aspect)
    if current is not None:
        current.end_on = on
        session.add(current)
    if value is not None:
        session.add(
            MemberPeriod(
                member_id=member.id,
                aspect=aspect,
                value=value,
                start_on=on,
                reason=reason,
                recorded_at=local_now(),
            )
        )


def _transition_error(member: Member, action: str) -> UnionError:
    return UnionError(
        "status_transition",
        emp_no=member.emp_no,
        name=member.name,
        current=Term("status", member.status),
        action=Phrase(f"act_{action}"),
    )


def change_status(
    work: Work, *, emp_no: str, action: str, on: dt.date, reason: str | None = None
) -> tuple[Member, str, str]:
    """join / leave / decease / transfer out. Returns (member, old status, new status)."""
    session = work.session
    member = find_member(session, emp_no)
    before = snapshot(member, branch_name(session, member.branch_id))
    old = member.status
    allowed = {
        "join": (("non_member", "left", "transferred"), "member"),
        "leave": (("member", "non_member"), "left"),
        "decease": (("member", "non_member", "left"), "deceased"),
        "transfer": (("member", "non_member"), "transferred"),
    }
    sources, new = allowed[action]
    if old not in sources:
        raise _transition_error(member, action)
    if action == "join":
        check_identity(MemberInput(birth_date=member.birth_date), joined_on=on)
    _move(work, member, "status", new, on, reason)
    member.status = new
    if new == "member":
        member.joined_on = on
    member.updated_at = local_now()
    session.add(member)
    after = snapshot(member, before["branch"])
    after["on"] = on.isoformat()
    if reason:
        after["reason"] = reason
    work.audit("member", emp_no, before=before, after=after)
    return member, old, new


def retire(
    work: Work, *, emp_no: str, on: dt.date, reason: str | None = None
) -> tuple[Member, str]:
    """退休: employment becomes retired (membership goes on). Returns (member, old employment)."""
    session = work.session
    member = find_member(session, emp_no)
    if member.status == "deceased":
        raise _transition_error(member, "retire")
    if member.employment == "retired":
        raise UnionError("already_retired", emp_no=emp_no, name=member.name)
    before = snapshot(member, branch_name(session, member.branch_id))
    old = member.employment
    _move(work, member, "employment", "retired", on, reason)
    member.employment = "retired"
    member.updated_at = local_now()
    session.add(member)
    after = {**snapshot(member, before["branch"]), "on": on.isoformat()}
    work.audit("member", emp_no, before=before, after=after)
    return member, old


def transfer_branch(
    work: Work, *, emp_no: str, branch: str, on: dt.date
) -> tuple[Member, str | None]:
    """调动 to another branch of this union (history kept). Returns (member, old branch)."""
    session = work.session
    member = find_member(session, emp_no)
    if member.status in ("deceased", "transferred"):
        raise _transition_error(member, "transfer")
    target = find_branch(session, branch)
    if member.branch_id == target.id:
        raise UnionError("same_branch", emp_no=emp_no, branch=target.name)
    before = snapshot(member, branch_name(session, member.branch_id))
    _move(work, member, "branch", str(target.id), on)
    member.branch_id = target.id
    member.updated_at = local_now()
    session.add(member)
    work.audit(
        "member",
        emp_no,
        before=before,
        after={**snapshot(member, target.name), "on": on.isoformat()},
    )
    return member, before["branch"]


def edit_member(
    work: Work, *, emp_no: str, data: MemberInput, on: dt.date
) -> tuple[Member, list[str]]:
    """Change the given fields. Status, employment and branch changes take effect `on`
    and go into the history like their own commands would."""
    session = work.session
    member = find_member(session, emp_no)
    given = data.given()
    if not given:
        raise UnionError("no_change")
    before = snapshot(member, branch_name(session, member.branch_id))
    # A new ID-card number re-derives the birth date and gender it carries, unless given.
    new_card = data.id_card is not None and data.id_card != member.id_card
    merged = MemberInput(
        birth_date=data.birth_date or (None if new_card else member.birth_date),
        gender=data.gender or (None if new_card else member.gender),
        id_card=data.id_card or member.id_card,
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
        if value is not None and getattr(member, name) != value:
            setattr(member, name, value)
            changed.append(name)
    if data.branch is not None:
        target = find_branch(session, data.branch)
        if target.id != member.branch_id:
            _move(work, member, "branch", str(target.id), on)
            member.branch_id = target.id
            changed.append("branch")
    if data.employment is not None and data.employment != member.employment:
        _move(work, member, "employment", data.employment, on)
        member.employment = data.employment
        changed.append("employment")
    if data.status is not None and data.status != member.status:
        action = "join" if data.status == "member" else "leave"
        if member.status not in (
            ("non_member", "left", "transferred") if action == "join" else ON_ROLL
        ):
            raise _transition_error(member, "edit")
        _move(work, member, "status", data.status, data.joined_on or on)
        member.status = data.status
        if data.status == "member":
            member.joined_on = data.joined_on or on
        changed.append("status")
    elif data.joined_on is not None and data.joined_on != member.joined_on:
        if member.status != "member":  # the join date of a past membership is history
            raise _transition_error(member, "edit")
        _correct_join_date(work, member, data.joined_on)
        changed.append("joined_on")
    if changed:
        member.updated_at = local_now()
        session.add(member)
        after = snapshot(member, branch_name(session, member.branch_id))
        work.audit("member", emp_no, before=before, after=after)
    return member, changed


def _correct_join_date(work: Work, member: Member, joined_on: dt.date) -> None:
    """A typo in the join date: move the start of the current membership period with it."""
    period = _current_period(work.session, member.id, "status")
    if member.status == "member" and period is not None:
        previous = work.session.exec(
            select(func.max(MemberPeriod.end_on)).where(
                MemberPeriod.member_id == member.id,
                MemberPeriod.aspect == "status",
                MemberPeriod.end_on.is_not(None),
            )
        ).one()
        if previous is not None and joined_on < previous:
            raise UnionError(
                "change_before_last",
                emp_no=member.emp_no,
                on=joined_on.isoformat(),
                what=Term("change", "status"),
                last=previous.isoformat(),
            )
        period.start_on = joined_on
        work.session.add(period)
    member.joined_on = joined_on


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
    if member.status == "deceased":
        raise _transition_error(member, "register")
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
            last=last,
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
            last=last,
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
    session.add(Honour(member_id=member.id, title=title, level=level, awarded_on=on))
    work.audit(
        "member", emp_no, after={"honour": {"title": title, "level": level, "on": on.isoformat()}}
    )
    return member
