"""The aid rules (帮扶/慰问/送温暖): a gift, the policy per kind (慰问金使用办法), the
plans still owed a visit, and donation drives. `aid give`, `aid batch`, `aid import` and a
drive's hand-over all go through `give`; each function takes the unit of work and writes
its audit entry in it.

The rules, in the order `give` checks them:
- a member (by employee number) or a named outsider, never both;
- a member only on a day they are on the roll (reports.roll: hired, not yet departed
  or dead; retirees stay on it) — except what still reaches someone off it: a
  bereavement visit to a deceased member's family, a mutual-medical or insurance payout
  for a claim that arose while they were on the roll, and a drive's hand-over;
- 先建档，后帮扶: `hardship` and `critical_illness` only to a member with a hardship record
  open that day, unless `unregistered` with a note (then flagged);
- cash in fen, at most 1,000,000 yuan; left out, the policy's standard amount; goods need
  their value; a gift of nothing (no cash, no goods) is refused;
- the yearly cap per member per kind counts cash and goods value of the calendar year;
  beyond it only with `over_cap` and a note (then flagged).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import text
from sqlmodel import select

from unionctl.db import Work, local_now
from unionctl.errors import UnionError
from unionctl.labels import Phrase, Term, Words
from unionctl.lookup import drive_id, find_member
from unionctl.models import Aid, AidDonation, AidDrive, AidPlan, AidPolicy, Member
from unionctl.parsing import format_money, today
from unionctl.reports.aid import HARDSHIP_KINDS
from unionctl.reports.roll import roll_where

AID_LIMIT_FEN = 1_000_000 * 100  # more than this for one gift is a typo, not a gift
# What may still go to someone off the roll: the family's 丧事 visit, and the payout of a
# 医疗互助/安康保险 claim, which can come after a death or a departure. Everything else is
# a visit or help to someone working (or retired) here on that day.
OFF_ROLL_KINDS = ("bereavement", "mutual_medical", "insurance")

ON_ROLL_SQL = f"SELECT 1 FROM member_period e WHERE e.member_id = :member AND {roll_where()}"
OPEN_HARDSHIP_SQL = """
SELECT 1 FROM hardship_record h
WHERE h.member_id = :member AND h.registered_on <= :day
  AND (h.closed_on IS NULL OR h.closed_on > :day)
"""
GIVEN_THIS_YEAR_SQL = """
SELECT COALESCE(sum(amount + goods_value), 0) FROM aid
WHERE member_id = :member AND kind = :kind AND given_on BETWEEN :start AND :end
  AND source <> 'donation'
"""  # donated money (a drive's hand-over among it) uses none of the union's cap


@dataclass(frozen=True)
class AidInput:
    kind: str
    member: str | None = None  # employee number
    outsider: str | None = None  # a named outsider (a poverty household …)
    amount: int | None = None  # fen; None: the policy's standard
    goods: str | None = None
    goods_value: int | None = None  # fen
    on: dt.date | None = None
    visited_by: str | None = None
    source: str = "union"
    note: str | None = None
    occasion: str | None = None  # a batch's --title (春节送温暖): the note when none is given,
    # so the batch can be found in `aid list`; never the reason an override asks for
    over_cap: bool = False
    unregistered: bool = False
    drive_id: int | None = None  # a drive's hand-over (source donation)
    name: str | None = None  # the member's name as a sheet gives it beside the 工号: checked
    sheet: bool = False  # a row of `aid import`: overridden by its columns, not options


def _said(key: str, data: AidInput) -> str:
    """A refusal's message key: a sheet's row (`aid import`) is told its columns, not
    the options of `aid give` (the key's `_sheet` twin)."""
    return f"{key}_sheet" if data.sheet else key


def _spaceless(text: str) -> str:
    """A name without the spaces a sheet pads it with (赵  敏, full-width 　 too)."""
    return "".join(text.split())


def policy_for(session, kind: str) -> AidPolicy | None:
    return session.get(AidPolicy, kind)


def _exists(work: Work, sql: str, **params) -> bool:
    return work.session.connection().execute(text(sql), params).first() is not None


def check_on_roll(work: Work, member: Member, kind: str, on: dt.date) -> None:
    """Aid of `kind` to `member` on `on` needs them on the roll that day (OFF_ROLL_KINDS
    excepted); so does a visit still owed (`aid plan`), else `aid due` would list visits
    that cannot be made."""
    if kind in OFF_ROLL_KINDS or _exists(work, ON_ROLL_SQL, member=member.id, day=on.isoformat()):
        return
    raise UnionError(
        "aid_off_roll",
        emp_no=member.emp_no,
        name=member.name,
        kind=Term("aid_kind", kind),
        on=on.isoformat(),
        excepted=Words(tuple(Term("aid_kind", code) for code in OFF_ROLL_KINDS)),
    )


def check_amount(value: int, what: str = "amount") -> int:
    """One gift's sum in fen: parse_money already refused negative and non-numeric."""
    if value > AID_LIMIT_FEN:
        raise UnionError(
            "aid_amount_absurd", value=format_money(value), limit=f"{AID_LIMIT_FEN // 100:,}"
        )
    return value


def give(work: Work, data: AidInput) -> tuple[Aid, Member | None, AidPlan | None]:
    """Record one gift; fulfils the member's oldest open plan of that kind (if any)."""
    on = data.on or today()
    if on > today():
        raise UnionError("future_date", value=on.isoformat())
    if (data.member is None) == (data.outsider is None):
        raise UnionError(_said("aid_whom", data))
    member = find_member(work.session, data.member) if data.member is not None else None
    if (
        member is not None
        and data.name is not None
        and _spaceless(data.name) != _spaceless(member.name)
    ):
        raise UnionError(
            "aid_not_the_name", emp_no=member.emp_no, name=member.name, given=data.name
        )
    # a drive hands over what colleagues gave, to the family too (the seeds' 因公殉职 doctor)
    if member is not None and data.drive_id is None:
        check_on_roll(work, member, data.kind, on)
    unregistered = False
    # donated money (source donation, a drive's hand-over) is not union funds: neither
    # the hardship register (先建档，后帮扶) nor the policy's cap applies to it
    donated = data.source == "donation" or data.drive_id is not None
    if data.kind in HARDSHIP_KINDS and not donated:
        registered = member is not None and _exists(
            work, OPEN_HARDSHIP_SQL, member=member.id, day=on.isoformat()
        )
        if not registered:
            if not (data.unregistered and data.note):
                raise UnionError(
                    "aid_unregistered",
                    who=member.emp_no if member else data.outsider,
                    name=member.name if member else "",
                    kind=Term("aid_kind", data.kind),
                    on=on.isoformat(),
                    remedy=_remedy("--unregistered", given=data.unregistered, sheet=data.sheet),
                )
            unregistered = True
    policy = policy_for(work.session, data.kind)
    amount = data.amount
    if amount is None:
        amount = policy.standard if policy and policy.standard is not None else None
        if amount is None and not data.goods:
            raise UnionError(
                _said("aid_no_amount", data),
                kind=Term("aid_kind", data.kind),
            )
        amount = amount or 0
    if data.drive_id is None:  # a drive's total is the sum of gifts each checked
        check_amount(amount)
    goods_value = data.goods_value
    if data.goods and not goods_value:  # goods worth 0.00 are goods of no stated value
        raise UnionError(_said("aid_goods_value", data), goods=data.goods)
    if goods_value is not None and not data.goods:
        raise UnionError(_said("aid_value_without_goods", data))
    goods_value = check_amount(goods_value or 0)
    if amount == 0 and goods_value == 0:
        raise UnionError("aid_nothing")
    over_cap = False
    capped = member is not None and policy is not None and policy.yearly_cap is not None
    if capped and not donated:
        year = (dt.date(on.year, 1, 1).isoformat(), dt.date(on.year, 12, 31).isoformat())
        given = (
            work.session.connection()
            .execute(
                text(GIVEN_THIS_YEAR_SQL),
                {"member": member.id, "kind": data.kind, "start": year[0], "end": year[1]},
            )
            .scalar()
        )
        if given + amount + goods_value > policy.yearly_cap:
            if not (data.over_cap and data.note):
                raise UnionError(
                    "aid_over_cap" if given else "aid_over_cap_alone",  # none given before
                    emp_no=member.emp_no,
                    name=member.name,
                    kind=Term("aid_kind", data.kind),
                    year=on.year,
                    given=format_money(given),
                    cap=format_money(policy.yearly_cap),
                    value=format_money(amount + goods_value),
                    remedy=_remedy("--over-cap", given=data.over_cap, sheet=data.sheet),
                )
            over_cap = True
    aid = Aid(
        member_id=member.id if member else None,
        outsider=data.outsider,
        kind=data.kind,
        given_on=on,
        amount=amount,
        goods=data.goods,
        goods_value=goods_value,
        visited_by=data.visited_by,
        source=data.source,
        note=data.note or data.occasion,
        over_cap=over_cap,
        unregistered=unregistered,
        drive_id=data.drive_id,
        created_at=local_now(),
    )
    work.session.add(aid)
    work.session.flush()
    view = _view(aid)
    view["member"] = member.emp_no if member else None
    work.audit("aid", str(aid.id), after=view)  # first: a receipt's first change is the gift
    plan = None
    if member is not None:
        plan = work.session.exec(
            select(AidPlan)
            .where(
                AidPlan.member_id == member.id,
                AidPlan.kind == data.kind,
                AidPlan.aid_id.is_(None),  # type: ignore[union-attr]
                AidPlan.reported_on <= on,
            )
            .order_by(AidPlan.reported_on, AidPlan.id)
        ).first()
        if plan is not None:
            before = _plan_view(plan)
            plan.aid_id = aid.id
            work.session.add(plan)
            work.audit("aid", f"plan {plan.id}", before=before, after=_plan_view(plan))
    return aid, member, plan


def _remedy(option: str, *, given: bool, sheet: bool = False) -> Phrase:
    """How to give what a rule refused: the override and its reason — or, when the
    override was given without one, only the reason. A sheet's row (`sheet`) overrides
    in its 标记 and 备注 columns, not with options."""
    if sheet:
        flag = Term("aid_flag", "over_cap" if option == "--over-cap" else "unregistered")
        return Phrase("aid_override_column_note" if given else "aid_override_column", flag=flag)
    if given:
        return Phrase("aid_override_note", option=option)
    return Phrase("aid_override_add", option=option)


def set_policy(work: Work, *, kind: str, standard: int | None, yearly_cap: int | None) -> AidPolicy:
    """Set the standard and/or the cap of a kind; an option left out keeps its value."""
    if standard is None and yearly_cap is None:  # else an audit entry that changes nothing
        raise UnionError("aid_policy_nothing", kind=Term("aid_kind", kind))
    if standard is not None:
        check_amount(standard)
    if yearly_cap is not None:
        check_amount(yearly_cap)
    row = policy_for(work.session, kind)
    before = _policy_view(row) if row else None
    if row is None:
        row = AidPolicy(kind=kind, updated_at=local_now())
    if standard is not None:
        row.standard = standard
    if yearly_cap is not None:
        row.yearly_cap = yearly_cap
    if row.standard is not None and row.yearly_cap is not None and row.standard > row.yearly_cap:
        raise UnionError(
            "aid_standard_over_cap",
            kind=Term("aid_kind", kind),
            standard=format_money(row.standard),
            cap=format_money(row.yearly_cap),
        )
    row.updated_at = local_now()
    work.session.add(row)
    work.session.flush()
    work.audit("aid", f"policy {kind}", before=before, after=_policy_view(row))
    return row


def add_plan(
    work: Work, *, member: str, kind: str, on: dt.date | None, note: str | None
) -> tuple[AidPlan, Member]:
    """An occasion reported to the union (住院, 丧事, 结婚, 生育 …) that still needs a visit."""
    day = on or today()
    if day > today():
        raise UnionError("future_date", value=day.isoformat())
    person = find_member(work.session, member)
    check_on_roll(work, person, kind, day)
    plan = AidPlan(
        member_id=person.id, kind=kind, reported_on=day, note=note, created_at=local_now()
    )
    work.session.add(plan)
    work.session.flush()
    view = _plan_view(plan)
    view["member"] = person.emp_no
    work.audit("aid", f"plan {plan.id}", after=view)
    return plan, person


def _view(aid: Aid) -> dict:
    view = {}
    for name in (
        "outsider",
        "kind",
        "given_on",
        "amount",
        "goods",
        "goods_value",
        "visited_by",
        "source",
        "note",
        "over_cap",
        "unregistered",
        "drive_id",
    ):
        value = getattr(aid, name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value is not None and value is not False:
            view[name] = value
    return view


def _plan_view(plan: AidPlan) -> dict:
    return {
        "kind": plan.kind,
        "reported_on": plan.reported_on.isoformat(),
        "note": plan.note,
        "aid_id": plan.aid_id,
    }


def _policy_view(row: AidPolicy) -> dict:
    return {"standard": row.standard, "yearly_cap": row.yearly_cap}


def selected_members(session, filters, *, on: dt.date) -> list[str]:
    """The employee numbers of those on the roll on `on` (reports.roll's definition) that
    a `members list` filter selects (reports.roster's one query), by their status, branch,
    employment and hardship record of that day. Everyone ever on the roll would reach the
    dead and those who left; today's roll or today's status would reach, in a back-entered
    batch, someone hired or joined after it."""
    from unionctl.db.reader import Reader
    from unionctl.reports.roster import member_query

    sql, params = member_query(session, filters, ["m.emp_no"], as_of_day=True)
    return Reader.of(session).execute(sql, {**params, "day": on.isoformat()}).scalars()


# What a batch refuses only after trying everyone: each has its override (--over-cap,
# --unregistered), and the secretary must see at once everyone who needs it, not the
# first one a run at a time.
OVERRIDABLE = ("aid_over_cap", "aid_unregistered")
_OVERRIDE_OF = {"aid_over_cap_alone": "aid_over_cap"}  # the cap, nothing given before
NAMED_IN_REFUSAL = 5  # a refusal names the first few people, then how many more
# Who already has a gift of this kind on this day: a batch run twice (a retry, the other
# desk) would pay them twice. Read by the covering index on (given_on, kind, …).
GIVEN_ON_THE_DAY_SQL = """
SELECT m.emp_no, m.name FROM aid a JOIN member m ON m.id = a.member_id
WHERE a.given_on = :day AND a.kind = :kind
"""


def batch(
    work: Work, *, emp_nos: list[str], data: AidInput, again: bool = False
) -> list[tuple[Aid, Member]]:
    """One gift to each member, every one through `give`; any refusal undoes all.

    Refused when any of them already has a gift of the kind on the day, unless `again`.
    A refusal that an override would lift (the cap, the hardship register) is gathered
    for everyone and answered as one: how many, and who."""
    on = data.on or today()
    if on > today():
        raise UnionError("future_date", value=on.isoformat())
    if not emp_nos:
        raise UnionError("aid_batch_empty", on=on.isoformat())
    if not again:
        _refuse_a_second_time(work, emp_nos, kind=data.kind, on=on)
    given = []
    refused: dict[str, list[UnionError]] = {}
    for emp_no in emp_nos:
        try:
            aid, member, _plan = give(work, replace(data, member=emp_no, outsider=None))
        except UnionError as error:
            key = _OVERRIDE_OF.get(error.key, error.key)
            if key not in OVERRIDABLE:
                raise
            # give checks before it writes, and a refusal below rolls everything back
            refused.setdefault(key, []).append(error)
            continue
        given.append((aid, member))
    for key in OVERRIDABLE:
        if key in refused:
            raise _refusal(key, refused[key], selected=len(emp_nos))
    return given


def _refuse_a_second_time(work: Work, emp_nos: list[str], *, kind: str, on: dt.date) -> None:
    rows = work.session.connection().execute(
        text(GIVEN_ON_THE_DAY_SQL), {"day": on.isoformat(), "kind": kind}
    )
    had = dict(rows.all())
    already = [f"{emp_no} {had[emp_no]}" for emp_no in emp_nos if emp_no in had]
    if not already:
        return
    raise UnionError(
        "aid_batch_again",
        count=len(already),
        selected=len(emp_nos),
        kind=Term("aid_kind", kind),
        on=on.isoformat(),
        people=_first_named(already),
    )


def _first_named(people: list[object]) -> Words:
    """The first few of a refusal's people, then how many more."""
    shown = list(people[:NAMED_IN_REFUSAL])
    if len(people) > NAMED_IN_REFUSAL:
        shown.append(Phrase("aid_batch_more", count=len(people) - NAMED_IN_REFUSAL))
    return Words(tuple(shown))


def _refusal(key: str, errors: list[UnionError], *, selected: int) -> UnionError:
    first = errors[0].params
    if key == "aid_over_cap":
        people = [
            Phrase(
                "aid_batch_person_given",
                who=f"{e.params['emp_no']} {e.params['name']}",
                given=e.params["given"],
            )
            if e.key == "aid_over_cap"
            else f"{e.params['emp_no']} {e.params['name']}"
            for e in errors
        ]
        details = {"cap": first["cap"], "year": first["year"]}
    else:
        people = [f"{e.params['who']} {e.params['name']}" for e in errors]
        details = {"on": first["on"]}
    return UnionError(
        key.replace("aid_", "aid_batch_", 1),
        count=len(errors),
        selected=selected,
        kind=first["kind"],
        people=_first_named(people),
        remedy=first["remedy"],  # one batch, one set of options: the same for everyone
        **details,
    )


def add_drive(
    work: Work, *, title: str, member: str | None, outsider: str | None, on: dt.date | None
) -> AidDrive:
    """捐款: a drive collecting members' gifts for a member (or an outsider) in crisis."""
    day = on or today()
    if day > today():
        raise UnionError("future_date", value=day.isoformat())
    if (member is None) == (outsider is None):
        raise UnionError("aid_drive_whom")
    person = find_member(work.session, member) if member is not None else None
    drive = AidDrive(
        title=title,
        member_id=person.id if person else None,
        outsider=outsider,
        opened_on=day,
        created_at=local_now(),
    )
    work.session.add(drive)
    work.session.flush()
    work.audit(
        "aid",
        f"drive {drive.id}",
        after={
            "title": title,
            "member": person.emp_no if person else None,
            "outsider": outsider,
            "opened_on": day.isoformat(),
        },
    )
    return drive


def _open_drive(work: Work, value: str, day: dt.date, *, closing: bool = False) -> AidDrive:
    drive = work.session.get(AidDrive, drive_id(work.session, value, open_only=True))
    if drive.closed_on is not None:
        on = drive.closed_on.isoformat()
        if not closing:
            raise UnionError("aid_drive_closed", id=drive.id, title=drive.title, on=on)
        # closing twice: say when and as what it was handed over, not "no more gifts"
        handover = work.session.exec(
            select(Aid.id).where(Aid.drive_id == drive.id).order_by(Aid.id)
        ).first()
        raise UnionError(
            "aid_drive_closed_already", id=drive.id, title=drive.title, on=on, aid=handover
        )
    if day < drive.opened_on:
        raise UnionError(
            "aid_drive_before_open", id=drive.id, on=day.isoformat(), opened=drive.opened_on
        )
    return drive


def donate(
    work: Work, *, drive: str, member: str, amount: int, on: dt.date | None
) -> tuple[AidDrive, Member, AidDonation]:
    """One member's gift to an open drive, never the beneficiary's own."""
    day = on or today()
    if day > today():
        raise UnionError("future_date", value=day.isoformat())
    row = _open_drive(work, drive, day)
    donor = find_member(work.session, member)
    if donor.status == "deceased":
        raise UnionError("aid_donor_deceased", emp_no=donor.emp_no, name=donor.name)
    if donor.id == row.member_id:  # their own money back to them, counted as colleagues'
        raise UnionError(
            "aid_donor_beneficiary",
            emp_no=donor.emp_no,
            name=donor.name,
            id=row.id,
            title=row.title,
        )
    check_amount(amount)
    if amount == 0:
        raise UnionError("aid_nothing")
    gift = AidDonation(
        drive_id=row.id, member_id=donor.id, amount=amount, given_on=day, created_at=local_now()
    )
    work.session.add(gift)
    work.session.flush()
    work.audit(
        "aid",
        f"drive {row.id}",
        after={"donor": donor.emp_no, "amount": amount, "given_on": day.isoformat()},
    )
    return row, donor, gift


def close_drive(
    work: Work, *, drive: str, kind: str, on: dt.date | None, by: str | None
) -> tuple[AidDrive, Aid]:
    """Close a drive and record the hand-over to its beneficiary as aid (source donation)."""
    day = on or today()
    if day > today():
        raise UnionError("future_date", value=day.isoformat())
    row = _open_drive(work, drive, day, closing=True)
    total, last = (
        work.session.connection()
        .execute(
            text(
                "SELECT COALESCE(sum(amount), 0), max(given_on) FROM aid_donation "
                "WHERE drive_id = :id"
            ),
            {"id": row.id},
        )
        .one()
    )
    if total == 0:
        raise UnionError("aid_drive_empty", id=row.id, title=row.title)
    if day.isoformat() < str(last):
        raise UnionError("aid_drive_close_early", id=row.id, on=day.isoformat(), last=last)
    member = work.session.get(Member, row.member_id) if row.member_id else None
    aid, _member, _plan = give(
        work,
        AidInput(
            kind=kind,
            member=member.emp_no if member else None,
            outsider=row.outsider,
            amount=total,
            on=day,
            visited_by=by,
            source="donation",
            note=row.title,
            drive_id=row.id,
        ),
    )
    row.closed_on = day
    work.session.add(row)
    work.session.flush()
    work.audit("aid", f"drive {row.id}", after={"closed_on": day.isoformat(), "aid_id": aid.id})
    return row, aid
