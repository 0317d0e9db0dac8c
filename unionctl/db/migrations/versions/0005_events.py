"""Events (活动): the event, its sign-ups (报名), its attendance (签到) and its awards.

Revision ID: 0005_events
Revises: 0004_proposals
Create Date: 2026-11-25

- one event per (title, start day): importing a calendar twice is refused, not doubled;
- a member signs up and attends an event at most once (primary keys): signing in twice is
  not two 人次; `event.headcount` holds those not on the roll (义诊 visitors);
- `eligible` NULL means "the members in good standing of the audience on the day"
  (computed by the reports from the roll, unionctl.reports.roll);
- money is integer fen; attendance is indexed by member too, for distinct participants.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_events"
down_revision = "0004_proposals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("start_on", sa.Date, nullable=False),
        sa.Column("end_on", sa.Date, nullable=True),
        sa.Column("place", sa.Text, nullable=True),
        sa.Column("organiser", sa.Text, nullable=True),
        sa.Column("audience", sa.Text, nullable=False),
        sa.Column("eligible", sa.Integer, nullable=True),
        sa.Column("budget", sa.Integer, nullable=True),
        sa.Column("cost", sa.Integer, nullable=True),
        sa.Column("external", sa.Integer, nullable=False),
        sa.Column("headcount", sa.Integer, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.UniqueConstraint("title", "start_on"),
    )
    op.create_index("ix_event_start", "event", ["start_on", "kind"])
    for name in ("event_signup", "event_attendance"):
        op.create_table(
            name,
            sa.Column(
                "event_id",
                sa.Integer,
                sa.ForeignKey("event.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column(
                "member_id",
                sa.Integer,
                sa.ForeignKey("member.id", ondelete="CASCADE"),
                primary_key=True,
            ),
        )
        op.create_index(f"ix_{name}_member", name, ["member_id", "event_id"])
    op.create_table(
        "event_award",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "event_id", sa.Integer, sa.ForeignKey("event.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("team", sa.Text, nullable=True),
        sa.Column("prize", sa.Text, nullable=False),
        sa.Column("level", sa.Text, nullable=False),
        sa.Column("prize_money", sa.Integer, nullable=True),
    )
    op.create_index("ix_event_award_event", "event_award", ["event_id"])


def downgrade() -> None:
    op.drop_table("event_award")
    op.drop_table("event_attendance")
    op.drop_table("event_signup")
    op.drop_table("event")
