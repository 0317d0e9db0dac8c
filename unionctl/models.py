"""The tables. Dates are ISO dates, money is integer fen, coded values are English codes.

The schema itself is created and upgraded by the Alembic migrations in
unionctl/db/migrations; these classes describe the current head for the services.
A test checks the two agree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


class Branch(SQLModel, table=True):
    """分工会: a union branch; members belong to one."""

    __tablename__ = "branch"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    parent_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("branch.id"), nullable=True)
    )
    created_on: dt.date


class Member(SQLModel, table=True):
    """会员/职工: one person on the hospital's roll, member of the union or not."""

    __tablename__ = "member"
    __table_args__ = (
        Index("ix_member_branch_status", "branch_id", "status"),
        Index("ix_member_name", "name"),
    )
    id: int | None = Field(default=None, primary_key=True)
    emp_no: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    name: str
    gender: str | None = None
    birth_date: dt.date | None = None
    phone: str | None = None
    id_card: str | None = Field(default=None, sa_column=Column(Text, unique=True))
    dept: str | None = None
    branch_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("branch.id"), nullable=True)
    )
    post: str | None = None
    employment: str = "staff"
    status: str = "member"
    joined_on: dt.date | None = None
    hired_on: dt.date | None = None  # 入职日期; None: unknown (before the records)
    created_at: str
    updated_at: str


class MemberPeriod(SQLModel, table=True):
    """One stretch of a person's employment, union status or branch.

    Periods of one aspect never overlap; the open one (end_on NULL) is the current value.
    start_on NULL means "since before the records began". A person is on the hospital's
    roll on D while an `employment` period covers D (from the hire date until they leave
    the hospital or die); the `status` periods say whether they are in the union. The
    one definition built on this is unionctl.reports.roll.
    """

    __tablename__ = "member_period"
    __table_args__ = (
        Index("ix_member_period_lookup", "member_id", "aspect", "end_on", "start_on", "value"),
        Index("ix_member_period_span", "aspect", "value", "start_on", "end_on", "member_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), nullable=False)
    )
    aspect: str  # status | employment | branch
    value: str | None = None  # the code; for branch periods the branch id as text
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    reason: str | None = None
    recorded_at: str


class MemberChange(SQLModel, table=True):
    """One recorded change of a person's history (a status verb, a retirement, a branch
    move, a rehire, an edit of those), with the person's state just before and just
    after it as JSON: what `members undo` puts back (unionctl.services.history)."""

    __tablename__ = "member_change"
    __table_args__ = (Index("ix_member_change_member", "member_id", "id"),)
    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), nullable=False)
    )
    action: str  # depart, decease, leave, join, retire, transfer, rehire, edit …
    on_date: dt.date | None = None
    recorded_at: str
    actor: str
    command: str
    before: str  # JSON: {"member": {...}, "periods": [...], "hardship": [...]}
    after: str


class HardshipRecord(SQLModel, table=True):
    """困难职工档案 (一户一档): one registration, from 建档 to 退档."""

    __tablename__ = "hardship_record"
    __table_args__ = (Index("ix_hardship_member", "member_id", "closed_on"),)
    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), nullable=False)
    )
    tier: str
    reason: str
    household_size: int | None = None
    income_note: str | None = None
    registered_on: dt.date
    last_review_on: dt.date | None = None
    closed_on: dt.date | None = None
    close_reason: str | None = None


class HardshipReview(SQLModel, table=True):
    """复核: a yearly re-check of an open record, possibly changing its tier."""

    __tablename__ = "hardship_review"
    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("hardship_record.id", ondelete="CASCADE"), nullable=False
        )
    )
    reviewed_on: dt.date
    tier: str
    note: str | None = None


class Honour(SQLModel, table=True):
    """荣誉: 劳模, 先进工作者 … with the level that awarded it."""

    __tablename__ = "honour"
    __table_args__ = (UniqueConstraint("member_id", "title", "awarded_on"),)
    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), nullable=False)
    )
    title: str
    level: str = "hospital"
    awarded_on: dt.date


class AuditEntry(SQLModel, table=True):
    """Every write, in the same transaction as the write itself."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_entity_key", "entity", "key"),
        Index("ix_audit_at", "at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    at: str  # local time, ISO seconds
    actor: str
    command: str
    entity: str
    key: str | None = None
    before: str | None = None  # JSON
    after: str | None = None  # JSON


class Event(SQLModel, table=True):
    """活动: a training, contest, outing … the union holds or sends a team to."""

    __tablename__ = "event"
    __table_args__ = (
        UniqueConstraint("title", "start_on"),
        Index("ix_event_start", "start_on", "kind"),
    )
    id: int | None = Field(default=None, primary_key=True)
    title: str
    kind: str
    start_on: dt.date
    end_on: dt.date | None = None
    place: str | None = None
    organiser: str | None = None
    audience: str = "all"
    eligible: int | None = None  # None: the audience in good standing on the day
    budget: int | None = None  # fen
    cost: int | None = None  # fen
    external: int = 0  # 1: an outside contest the hospital sends people to
    headcount: int = 0  # participants not on the member roll
    created_at: str


class EventSignup(SQLModel, table=True):
    """报名: a member signed up before the event."""

    __tablename__ = "event_signup"
    __table_args__ = (Index("ix_event_signup_member", "member_id", "event_id"),)
    event_id: int = Field(
        sa_column=Column(Integer, ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)
    )


class EventAttendance(SQLModel, table=True):
    """签到: a member attended; once per event however often they signed in."""

    __tablename__ = "event_attendance"
    __table_args__ = (Index("ix_event_attendance_member", "member_id", "event_id"),)
    event_id: int = Field(
        sa_column=Column(Integer, ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    )
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), primary_key=True)
    )


class EventAward(SQLModel, table=True):
    """获奖: a prize won at an event, by a member or a team (ICU、内四代表队)."""

    __tablename__ = "event_award"
    __table_args__ = (Index("ix_event_award_event", "event_id"),)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(
        sa_column=Column(Integer, ForeignKey("event.id", ondelete="CASCADE"), nullable=False)
    )
    member_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), nullable=True),
    )
    team: str | None = None
    prize: str
    level: str = "hospital"
    prize_money: int | None = None  # fen


class CongressSession(SQLModel, table=True):
    """职代会/会员代表大会/联席会: one session, coded TERM-SESSION (第五届七次 = 5-7)."""

    __tablename__ = "congress_session"
    __table_args__ = (UniqueConstraint("term", "session"),)
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    term: int
    session: int
    kind: str = "congress"
    held_on: dt.date
    attendance: int | None = None
    created_at: str


class Proposal(SQLModel, table=True):
    """提案, 意见建议 or 职工诉求, from submission to a closed case.

    The status machine is services.proposals.PROPOSAL_RULES; each step's date is kept
    here (for the reports) and as a ProposalEvent (for the timeline)."""

    __tablename__ = "proposal"
    __table_args__ = (
        Index("ix_proposal_submitted", "submitted_on", "kind", "status"),
        Index("ix_proposal_status_due", "status", "due_on"),
    )
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    kind: str = "proposal"
    title: str
    text: str | None = None
    category: str | None = None
    session_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("congress_session.id"), nullable=True)
    )
    submitter_id: int = Field(sa_column=Column(Integer, ForeignKey("member.id"), nullable=False))
    submitted_on: dt.date
    status: str = "submitted"
    accepted_on: dt.date | None = None  # 立案 (or converted to a suggestion) on
    reject_reason: str | None = None
    dept: str | None = None  # 承办部门
    due_on: dt.date | None = None
    key_item: bool = False  # 重点督办
    disposition: str | None = None
    reply_text: str | None = None
    replied_on: dt.date | None = None
    satisfaction: str | None = None
    closed_on: dt.date | None = None
    created_at: str


class ProposalCosigner(SQLModel, table=True):
    """附议人: a member who co-signed a proposal."""

    __tablename__ = "proposal_cosigner"
    proposal_id: int = Field(
        sa_column=Column(Integer, ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True)
    )
    member_id: int = Field(sa_column=Column(Integer, ForeignKey("member.id"), primary_key=True))


class ProposalEvent(SQLModel, table=True):
    """One step of a case (submitted, accepted, assigned …) with its date and actor."""

    __tablename__ = "proposal_event"
    __table_args__ = (Index("ix_proposal_event_proposal", "proposal_id", "on"),)
    id: int | None = Field(default=None, primary_key=True)
    proposal_id: int = Field(
        sa_column=Column(Integer, ForeignKey("proposal.id", ondelete="CASCADE"), nullable=False)
    )
    action: str
    on: dt.date
    actor: str
    detail: str | None = None
    recorded_at: str


class AidPolicy(SQLModel, table=True):
    """慰问金使用办法: per aid kind, the standard amount and the yearly cap per member (fen)."""

    __tablename__ = "aid_policy"
    kind: str = Field(sa_column=Column(Text, primary_key=True))
    standard: int | None = None
    yearly_cap: int | None = None
    updated_at: str


class AidDrive(SQLModel, table=True):
    """捐款: a donation drive for a member (or an outsider) in crisis; closed on hand-over."""

    __tablename__ = "aid_drive"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    member_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("member.id"), nullable=True)
    )
    outsider: str | None = None
    opened_on: dt.date
    closed_on: dt.date | None = None
    created_at: str


class Aid(SQLModel, table=True):
    """帮扶/慰问: one gift of cash and/or goods to a member or a named outsider."""

    __tablename__ = "aid"
    __table_args__ = (
        # covers `reports aid` (STYLE.md: a covering index 3x faster than a plain date one)
        Index(
            "ix_aid_given",
            *("given_on", "kind", "member_id", "outsider"),
            *("amount", "goods_value", "over_cap", "unregistered", "source"),
        ),
        Index("ix_aid_member", "member_id", "kind", "given_on"),
    )
    id: int | None = Field(default=None, primary_key=True)
    member_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("member.id"), nullable=True)
    )
    outsider: str | None = None
    kind: str
    given_on: dt.date
    amount: int = 0  # cash, fen
    goods: str | None = None
    goods_value: int = 0  # fen
    visited_by: str | None = None
    source: str = "union"
    note: str | None = None
    over_cap: bool = False  # given beyond the policy's yearly cap (--over-cap)
    unregistered: bool = False  # hardship aid without an open hardship record
    drive_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("aid_drive.id"), nullable=True)
    )
    created_at: str


class AidPlan(SQLModel, table=True):
    """An occasion reported to the union (住院, 丧事 …) still owed a visit until `aid_id`."""

    __tablename__ = "aid_plan"
    __table_args__ = (Index("ix_aid_plan_open", "member_id", "kind", "aid_id", "reported_on"),)
    id: int | None = Field(default=None, primary_key=True)
    member_id: int = Field(
        sa_column=Column(Integer, ForeignKey("member.id", ondelete="CASCADE"), nullable=False)
    )
    kind: str
    reported_on: dt.date
    note: str | None = None
    aid_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("aid.id"), nullable=True)
    )
    created_at: str


class AidDonation(SQLModel, table=True):
    """One member's gift to a donation drive."""

    __tablename__ = "aid_donation"
    __table_args__ = (Index("ix_aid_donation_drive", "drive_id", "given_on"),)
    id: int | None = Field(default=None, primary_key=True)
    drive_id: int = Field(
        sa_column=Column(Integer, ForeignKey("aid_drive.id", ondelete="CASCADE"), nullable=False)
    )
    member_id: int = Field(sa_column=Column(Integer, ForeignKey("member.id"), nullable=False))
    amount: int
    given_on: dt.date
    created_at: str
