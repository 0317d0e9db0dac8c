"""Look up a person's periods by an index that covers what the roll reads.

Revision ID: 0003_period_lookup
Revises: 0002_roll
Create Date: 2026-11-25

The roll on a day (unionctl.reports.roll) drives from the employment periods and finds
each person's status and branch period covering that day. With only
ix_member_period_member (member_id, aspect, end_on), which does not hold `value` and
`start_on`, SQLite preferred the covering ix_member_period_span and searched it by
`aspect` alone: every status period of everyone, for each person on the roll. That is
quadratic: `reports membership --by branch` ran over 6 minutes on 100,000 members
(bench/README.md). The same lookup index with `start_on` and `value` appended covers the
roll's joins, so each person's periods are found by (member_id, aspect): 0.5 s.
It replaces ix_member_period_member (a prefix of it), so writes keep two indexes.
"""

from alembic import op

revision = "0003_period_lookup"
down_revision = "0002_roll"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_member_period_member", table_name="member_period")
    op.create_index(
        "ix_member_period_lookup",
        "member_period",
        ["member_id", "aspect", "end_on", "start_on", "value"],
    )


def downgrade() -> None:
    op.drop_index("ix_member_period_lookup", table_name="member_period")
    op.create_index("ix_member_period_member", "member_period", ["member_id", "aspect", "end_on"])
