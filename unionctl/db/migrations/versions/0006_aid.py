"""Aid and visits (帮扶/慰问): the gifts, the policy per kind, the plans still owed a
visit, and donation drives with their gifts.

Revision ID: 0006_aid
Revises: 0005_events
Create Date: 2026-11-25

New tables only; nothing existing changes. Money is integer fen.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_aid"
down_revision = "0005_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "aid_policy",
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("standard", sa.Integer, nullable=True),
        sa.Column("yearly_cap", sa.Integer, nullable=True),
        sa.Column("updated_at", sa.String, nullable=False),
    )
    op.create_table(
        "aid_drive",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String, nullable=False),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id"), nullable=True),
        sa.Column("outsider", sa.String, nullable=True),
        sa.Column("opened_on", sa.Date, nullable=False),
        sa.Column("closed_on", sa.Date, nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_table(
        "aid",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id"), nullable=True),
        sa.Column("outsider", sa.String, nullable=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("given_on", sa.Date, nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("goods", sa.String, nullable=True),
        sa.Column("goods_value", sa.Integer, nullable=False),
        sa.Column("visited_by", sa.String, nullable=True),
        sa.Column("source", sa.String, nullable=False),
        sa.Column("note", sa.String, nullable=True),
        sa.Column("over_cap", sa.Boolean, nullable=False),
        sa.Column("unregistered", sa.Boolean, nullable=False),
        sa.Column("drive_id", sa.Integer, sa.ForeignKey("aid_drive.id"), nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_index(
        "ix_aid_given",
        "aid",
        [
            *("given_on", "kind", "member_id", "outsider"),
            *("amount", "goods_value", "over_cap", "unregistered", "source"),
        ],
    )
    op.create_index("ix_aid_member", "aid", ["member_id", "kind", "given_on"])
    op.create_table(
        "aid_plan",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("reported_on", sa.Date, nullable=False),
        sa.Column("note", sa.String, nullable=True),
        sa.Column("aid_id", sa.Integer, sa.ForeignKey("aid.id"), nullable=True),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_index("ix_aid_plan_open", "aid_plan", ["member_id", "kind", "aid_id", "reported_on"])
    op.create_table(
        "aid_donation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "drive_id",
            sa.Integer,
            sa.ForeignKey("aid_drive.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("member.id"), nullable=False),
        sa.Column("amount", sa.Integer, nullable=False),
        sa.Column("given_on", sa.Date, nullable=False),
        sa.Column("created_at", sa.String, nullable=False),
    )
    op.create_index("ix_aid_donation_drive", "aid_donation", ["drive_id", "given_on"])


def downgrade() -> None:
    op.drop_table("aid_donation")
    op.drop_table("aid_plan")
    op.drop_table("aid")
    op.drop_table("aid_drive")
    op.drop_table("aid_policy")
