"""What each change of a person's history replaced, so the last one can be undone.

Revision ID: 0007_member_change
Revises: 0006_aid
Create Date: 2026-11-26

`members undo EMP` puts back a person's history as it was before their last recorded
change (a depart, death, 退会, retirement, rehire … dated wrongly). The periods alone
cannot say what a change did: a departure closes the employment and branch periods
without opening any, and closes an open hardship record too. So each change keeps the
person's state before and after it (periods, the member row's history fields, the
hardship records it touched) as JSON. New table only; changes recorded before this
revision have no row and cannot be undone (the command says so).
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_member_change"
down_revision = "0006_aid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "member_change",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "member_id",
            sa.Integer,
            sa.ForeignKey("member.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("on_date", sa.Date, nullable=True),
        sa.Column("recorded_at", sa.String, nullable=False),
        sa.Column("actor", sa.String, nullable=False),
        sa.Column("command", sa.String, nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
    )
    op.create_index("ix_member_change_member", "member_change", ["member_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_member_change_member", table_name="member_change")
    op.drop_table("member_change")
