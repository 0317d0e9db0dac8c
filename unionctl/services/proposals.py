"""The proposal rules: congress sessions, and a case (提案, 意见建议, 职工诉求) from its
submission to a closed case. `proposals` commands and `proposals import` all go through
these functions; each takes the unit of work and writes its audit entry in it.

The status machine is PROPOSAL_RULES, one table: a step from any other status is refused
with the current status and the steps possible from it. Every step is kept twice: its
date on the proposal row (what the reports count) and a ProposalEvent with the date and
the actor (what `proposals show` lists as the timeline).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlmodel import select

from unionctl.db import Work, local_now
from unionctl.errors import UnionError
from unionctl.labels import Phrase, Term, Words
from unionctl.lookup import find_member
from unionctl.models import CongressSession, Member, Proposal, ProposalCosigner, ProposalEvent
from unionctl.parsing import today
from unionctl.reports.proposals import proposal_id, session_id
from unionctl.reports.roll import covers

# action -> (from which statuses, to which status). Anything else is refused.
PROPOSAL_RULES: dict[str, tuple[tuple[str, ...], str]] = {
    "accept": (("submitted",), "accepted"),  # 立案
    "reject": (("submitted",), "rejected"),  # 不予立案, with a reason
    "convert": (("submitted",), "converted"),  # 转为意见建议: handled as a suggestion
    "assign": (("accepted", "converted"), "assigned"),  # 交办: department, due date
    "reply": (("assigned",), "replied"),  # 答复: one of the four dispositions
    "close": (("replied",), "closed"),  # 办结: the submitter's satisfaction
}
# The letter in front of a code: proposals 2025-001, suggestions S2025-001, appeals A2025-001.
CODE_PREFIX = {"proposal": "", "suggestion": "S", "appeal": "A"}

# A member in good standing on :day: on the roll and in the union (reports.roll's definition).
IN_GOOD_STANDING_ON = f"""
SELECT 1 FROM member_period e
JOIN member_period s ON s.member_id = e.member_id AND s.aspect = 'status'
                    AND s.value = 'member' AND {covers("s", ":day")}
WHERE e.member_id = :member AND e.aspect = 'employment' AND {covers("e", ":day")}
"""


def allowed_steps(status: str) -> list[str]:
    return [action for action, (sources, _new) in PROPOSAL_RULES.items() if status in sources]


def check_step(proposal: Proposal, action: str) -> str:
    """The status `action` leads to from the proposal's status, or the refusal."""
    sources, new = PROPOSAL_RULES[action]
    if proposal.status not in sources:
        allowed = allowed_steps(proposal.status)
        steps = Words(tuple(Phrase(f"pact_{a}") for a in allowed))
        raise UnionError(
            "proposal_transition",
            code=proposal.code,
            current=Term("proposal_status", proposal.status),
            action=Phrase(f"pact_{action}"),
            allowed=Phrase("proposal_allowed_next", actions=steps)
            if allowed
            else Phrase("proposal_allowed_none"),
        )
    return new


def add_session(
    work: Work, *, term: int, session: int, on: dt.date, kind: str, attendance: int | None
) -> CongressSession:
    code = f"{term}-{session}"
    existing = work.session.exec(
        select(CongressSession).where(CongressSession.code == code)
    ).first()
    if existing is not None:
        raise UnionError("duplicate_session", code=code, on=existing.held_on.isoformat())
    row = CongressSession(
        code=code,
        term=term,
        session=session,
        kind=kind,
        held_on=on,
        attendance=attendance,
        created_at=local_now(),
    )
    work.session.add(row)
    work.session.flush()
    work.audit("session", code, after=_session_view(row))
    return row


def find_session(session, code: str) -> CongressSession:
    """The congress session `code` (reports.proposals.session_id's rule), as a model."""
    return session.get(CongressSession, session_id(session, code))


def find_proposal(session, code: str) -> Proposal:
    """The case `code` (reports.proposals.proposal_id's rule), as a model object."""
    return session.get(Proposal, proposal_id(session, code))


@dataclass(frozen=True)
class ProposalInput:
    title: str
    submitter: str  # employee number
    kind: str = "proposal"
    cosigners: tuple[str, ...] = ()
    category: str | None = None
    session: str | None = None  # session code
    on: dt.date | None = None
    text: str | None = None


def _in_good_standing(work: Work, member: Member, day: dt.date, role: str) -> None:
    found = (
        work.session.connection()
        .execute(text(IN_GOOD_STANDING_ON), {"member": member.id, "day": day.isoformat()})
        .first()
    )
    if found is None:
        raise UnionError(
            "not_in_good_standing",
            emp_no=member.emp_no,
            name=member.name,
            on=day.isoformat(),
            role=Phrase(f"role_{role}"),
        )


def _not_future(day: dt.date) -> None:
    if day > today():
        raise UnionError("future_date", value=day.isoformat())


def next_code(work: Work, kind: str, year: int) -> str:
    """YEAR-NNN, numbered per year and kind; suggestions and appeals carry S or A."""
    prefix = f"{CODE_PREFIX[kind]}{year}-"
    last = (
        work.session.connection()
        .execute(
            text(
                "SELECT max(CAST(substr(code, :skip) AS INTEGER)) FROM proposal "
                "WHERE substr(code, 1, :width) = :prefix"
            ),
            {"skip": len(prefix) + 1, "width": len(prefix), "prefix": prefix},
        )
        .scalar()
    )
    return f"{prefix}{(last or 0) + 1:03d}"


def add_proposal(work: Work, data: ProposalInput) -> tuple[Proposal, Member]:
    on = data.on or today()
    _not_future(on)
    submitter = find_member(work.session, data.submitter)
    _in_good_standing(work, submitter, on, "submitter")
    cosigners: list[Member] = []
    for emp_no in dict.fromkeys(data.cosigners):
        if emp_no == submitter.emp_no:
            raise UnionError("cosigner_is_submitter", emp_no=emp_no)
        member = find_member(work.session, emp_no)
        _in_good_standing(work, member, on, "cosigner")
        cosigners.append(member)
    congress = find_session(work.session, data.session) if data.session else None
    proposal = Proposal(
        code=next_code(work, data.kind, on.year),
        kind=data.kind,
        title=data.title,
        text=data.text,
        category=data.category,
        session_id=congress.id if congress else None,
        submitter_id=submitter.id,
        submitted_on=on,
        status="submitted",
        created_at=local_now(),
    )
    work.session.add(proposal)
    work.session.flush()
    for member in cosigners:
        work.session.add(ProposalCosigner(proposal_id=proposal.id, member_id=member.id))
    _event(work, proposal, "submitted", on, None)
    view = _view(proposal)
    view["submitter"] = submitter.emp_no
    view["cosigners"] = [m.emp_no for m in cosigners]
    view["session"] = congress.code if congress else None
    work.audit("proposal", proposal.code, after=view)
    return proposal, submitter


def _step(
    work: Work, code: str | Proposal, action: str, on: dt.date | None, **changes
) -> tuple[Proposal, dt.date]:
    """One step of the status machine: checked, dated, kept in the timeline and audited.

    `code` may be the Proposal itself (the import has it at hand: no lookup per step)."""
    proposal = code if isinstance(code, Proposal) else find_proposal(work.session, code)
    new = check_step(proposal, action)
    day = on or today()
    _not_future(day)
    last = _last_step_on(proposal)
    if day < last:
        raise UnionError(
            "step_before_last", code=proposal.code, on=day.isoformat(), last=last.isoformat()
        )
    due = changes.get("due_on")
    if due is not None and due < proposal.submitted_on:
        raise UnionError(
            "due_before_submitted",
            code=proposal.code,
            due=due.isoformat(),
            submitted=proposal.submitted_on.isoformat(),
        )
    before = _view(proposal)
    proposal.status = new
    for name, value in changes.items():
        setattr(proposal, name, value)
    date_field = {
        "accepted": "accepted_on",
        "converted": "accepted_on",
        "replied": "replied_on",
        "closed": "closed_on",
    }.get(new)
    if date_field:
        setattr(proposal, date_field, day)
    work.session.add(proposal)
    work.session.flush()
    detail = changes.get("reject_reason") or changes.get("dept") or changes.get("reply_text")
    _event(work, proposal, new, day, detail)
    work.audit("proposal", proposal.code, before=before, after=_view(proposal))
    return proposal, day


def _last_step_on(proposal: Proposal) -> dt.date:
    dates = [proposal.submitted_on, proposal.accepted_on, proposal.replied_on]
    return max(d for d in dates if d is not None)


def accept(
    work: Work, *, code: str | Proposal, on: dt.date | None = None
) -> tuple[Proposal, dt.date]:
    return _step(work, code, "accept", on)


def reject(
    work: Work, *, code: str | Proposal, reason: str, on: dt.date | None = None
) -> tuple[Proposal, dt.date]:
    return _step(work, code, "reject", on, reject_reason=reason)


def convert(
    work: Work, *, code: str | Proposal, on: dt.date | None = None
) -> tuple[Proposal, dt.date]:
    """不立案, handled as a suggestion (意见建议): it keeps its code, so what was said about
    it stays findable; it counts as a suggestion from now on."""
    return _step(work, code, "convert", on, kind="suggestion")


def assign(
    work: Work,
    *,
    code: str | Proposal,
    dept: str,
    due: dt.date,
    key: bool = False,
    on: dt.date | None = None,
) -> tuple[Proposal, dt.date]:
    return _step(work, code, "assign", on, dept=dept, due_on=due, key_item=key)


def reply(
    work: Work, *, code: str | Proposal, disposition: str, text: str, on: dt.date | None = None
) -> tuple[Proposal, dt.date]:
    return _step(work, code, "reply", on, disposition=disposition, reply_text=text)


def close(
    work: Work, *, code: str | Proposal, satisfaction: str | None, on: dt.date | None = None
) -> tuple[Proposal, dt.date]:
    return _step(work, code, "close", on, satisfaction=satisfaction)


def _event(work: Work, proposal: Proposal, action: str, on: dt.date, detail: str | None) -> None:
    work.session.add(
        ProposalEvent(
            proposal_id=proposal.id,
            action=action,
            on=on,
            actor=work.actor,
            detail=detail,
            recorded_at=local_now(),
        )
    )


def _view(proposal: Proposal) -> dict:
    """What the audit log keeps of a proposal (plain values)."""
    fields = (
        "kind",
        "title",
        "category",
        "status",
        "submitted_on",
        "accepted_on",
        "reject_reason",
        "dept",
        "due_on",
        "key_item",
        "disposition",
        "reply_text",
        "replied_on",
        "satisfaction",
        "closed_on",
    )
    view = {}
    for name in fields:
        value = getattr(proposal, name)
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value is not None and value is not False:
            view[name] = value
    return view


def _session_view(row: CongressSession) -> dict:
    return {
        "code": row.code,
        "kind": row.kind,
        "held_on": row.held_on.isoformat(),
        "attendance": row.attendance,
    }
