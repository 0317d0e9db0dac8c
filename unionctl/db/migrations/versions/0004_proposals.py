"""Proposals, suggestions and appeals, and the congress sessions they are raised at.

Revision ID: 0004_proposals
Revises: 0003_period_lookup
Create Date: 2026-11-25

New tables only; nothing existing changes.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_proposals"
down_revision = "0003_period_lookup"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "congress_session",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.Text, nullable=False, unique=True),
        sa.Column("term", sa.Integer, nullable=False),
        sa.Column("session", sa.Integer, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("attendance", sa.Integer, nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
        sa.UniqueConstraint("term", "session"),
    )
    op.create_table(
        "proposal",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.Text, nullable=False, unique=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("text", sa.String, nullable=True),
        sa.Column("category", sa.String, nullable=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("congress_session.id"), nullable=True),
        sa.Column("submitter_id", sa.Integer, sa.ForeignKey("member.id"), nullable=False),
        sa.Column("submitted_on", sa.Date, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("accepted_on", sa.Date, nullable=True),
        sa.Column("reject_reason", sa.String, nullable=True),
        sa.Column("dept", sa.String, nullable=True),
        sa.Column("due_on", sa.Date, nullable=True),
        sa.Column("key_item", sa.Boolean, nullable=False),
        sa.Column("disposition", sa.String, nullable=True),
        sa.Column("reply_text", sa.String, nullable=True),
        sa.Column("replied_on", sa.Date, nullable=True),
        sa.Column("satisfaction", sa.String, nullable=True),
        sa.Column("closed_on", sa.Date, nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_index("ix_proposal_submitted", "proposal", ["submitted_on", "kind", "status"])
    op.create_index("ix_proposal_status_due", "proposal", ["status", "due_on"])
    op.create_table(
        "proposal_cosigner",
        sa.Column(
            "proposal_id",
            sa.Integer,
            sa.ForeignKey("proposal.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id"), primary_key=True),
    )
    op.create_table(
        "proposal_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "proposal_id",
            sa.Integer,
            sa.ForeignKey("proposal.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("action", sa.String, nullable=False),
        sa.Column("on", sa.Date, nullable=False),
        sa.Column("actor", sa.String, nullable=False),
        sa.Column("detail", sa.String, nullable=True),
        sa.Column("recorded_at", sa.String, nullable=False),
    )
    op.create_index("ix_proposal_event_proposal", "proposal_event", ["proposal_id", "on"])


def downgrade() -> None:
    op.drop_table("proposal_event")
    op.drop_table("proposal_cosigner")
    op.drop_table("proposal")
    op.drop_table("congress_session")
