"""The member roll: branches, members, their status/branch history, hardship records,
honours, and the audit log.

Revision ID: 0001_members
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_members"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "branch",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("branch.id"), nullable=True),
        sa.Column("created_on", sa.Date, nullable=False),
    )
    op.create_table(
        "member",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("emp_no", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.String, nullable=False),
        sa.Column("gender", sa.String, nullable=True),
        sa.Column("birth_date", sa.Date, nullable=True),
        sa.Column("phone", sa.String, nullable=True),
        sa.Column("id_card", sa.Text, nullable=True, unique=True),
        sa.Column("dept", sa.String, nullable=True),
        sa.Column("branch_id", sa.Integer, sa.ForeignKey("branch.id"), nullable=True),
        sa.Column("post", sa.String, nullable=True),
        sa.Column("employment", sa.String, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("joined_on", sa.Date, nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
        sa.Column("updated_at", sa.String, nullable=False),
    )
    op.create_index("ix_member_branch_status", "member", ["branch_id", "status"])
    op.create_index("ix_member_name", "member", ["name"])
    op.create_table(
        "member_period",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("aspect", sa.String, nullable=False),
        sa.Column("value", sa.String, nullable=True),
        sa.Column("start_on", sa.Date, nullable=True),
        sa.Column("end_on", sa.Date, nullable=True),
        sa.Column("reason", sa.String, nullable=True),
        sa.Column("recorded_at", sa.String, nullable=False),
    )
    op.create_index("ix_member_period_member", "member_period", ["member_id", "aspect", "end_on"])
    op.create_index(
        "ix_member_period_span",
        "member_period",
        ["aspect", "value", "start_on", "end_on", "member_id"],
    )
    op.create_table(
        "hardship_record",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("tier", sa.String, nullable=False),
        sa.Column("reason", sa.String, nullable=False),
        sa.Column("household_size", sa.Integer, nullable=True),
        sa.Column("income_note", sa.String, nullable=True),
        sa.Column("registered_on", sa.Date, nullable=False),
        sa.Column("last_review_on", sa.Date, nullable=True),
        sa.Column("closed_on", sa.Date, nullable=True),
        sa.Column("close_reason", sa.String, nullable=True),
    )
    op.create_index("ix_hardship_member", "hardship_record", ["member_id", "closed_on"])
    op.create_table(
        "hardship_review",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "record_id",
            sa.Integer,
            sa.ForeignKey("hardship_record.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("reviewed_on", sa.Date, nullable=False),
        sa.Column("tier", sa.String, nullable=False),
        sa.Column("note", sa.String, nullable=True),
    )
    op.create_table(
        "honour",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("level", sa.String, nullable=False),
        sa.Column("awarded_on", sa.Date, nullable=False),
        sa.UniqueConstraint("member_id", "title", "awarded_on"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.String, nullable=False),
        sa.Column("actor", sa.String, nullable=False),
        sa.Column("command", sa.String, nullable=False),
        sa.Column("entity", sa.String, nullable=False),
        sa.Column("key", sa.String, nullable=True),
        sa.Column("before", sa.String, nullable=True),
        sa.Column("after", sa.String, nullable=True),
    )
    op.create_index("ix_audit_entity_key", "audit_log", ["entity", "key"])
    op.create_index("ix_audit_at", "audit_log", ["at"])


def downgrade() -> None:
    for table in (
        "audit_log",
        "honour",
        "hardship_review",
        "hardship_record",
        "member_period",
        "member",
        "branch",
    ):
        op.drop_table(table)
