"""The hospital's roll apart from the union: hire dates, and the end of employment.

Revision ID: 0002_roll
Revises: 0001_members
Create Date: 2026-11-25

From this revision on, a person is on the roll while an `employment` period covers the
day (it starts at the hire date and ends when they leave the hospital or die), and the
union status is separate (someone who quits the union stays on the roll).

How 0001 data is carried over (also in README "Upgrading from 0.1"):
- `hired_on` stays unknown; each person's time on the roll starts where 0.1 began to count
  them: at the start of their first status period (a member's join date; a non-member
  "since before the records"), so past figures stay as 0.1 reported them;
- `deceased` and `transferred` (转出) people leave the roll on the day recorded for that
  status: their open employment and branch periods close then, and an open hardship
  record is closed with the status as its reason;
- `left` keeps its 0001 meaning only where it can: it now means 退会 (quit the union,
  still on the roll). 0001 could not tell 退会 from 离职, so such people stay on the roll;
  the secretary records those who left the hospital with `members depart EMP --on DATE`
  (the date of the `left` change is accepted).
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_roll"
down_revision = "0001_members"
branch_labels = None
depends_on = None

_CLOSE_REASON = {"deceased": "去世", "transferred": "转出"}


def upgrade() -> None:
    op.add_column("member", sa.Column("hired_on", sa.Date, nullable=True))
    conn = op.get_bind()
    # 0.1 counted a person from their first status period; so does the roll from now on.
    conn.execute(
        sa.text(
            "UPDATE member_period SET start_on = ("
            "  SELECT CASE WHEN count(*) = count(s.start_on) THEN min(s.start_on) END"
            "  FROM member_period s"
            "  WHERE s.member_id = member_period.member_id AND s.aspect = 'status')"
            " WHERE aspect IN ('employment', 'branch') AND start_on IS NULL"
            " AND id = (SELECT min(f.id) FROM member_period f"
            "           WHERE f.member_id = member_period.member_id"
            "             AND f.aspect = member_period.aspect)"
        )
    )
    gone = conn.execute(
        sa.text(
            "SELECT m.id, m.status, p.start_on FROM member m JOIN member_period p "
            "ON p.member_id = m.id AND p.aspect = 'status' AND p.end_on IS NULL "
            "WHERE m.status IN ('deceased', 'transferred')"
        )
    ).all()
    for member_id, status, on in gone:
        if on is None:
            # off the roll since before the records: no stretch on the roll is known
            conn.execute(
                sa.text(
                    "DELETE FROM member_period WHERE member_id = :m "
                    "AND aspect IN ('employment', 'branch') AND end_on IS NULL AND start_on IS NULL"
                ),
                {"m": member_id},
            )
            continue
        conn.execute(
            sa.text(
                "UPDATE member_period SET end_on = :on WHERE member_id = :m "
                "AND aspect IN ('employment', 'branch') AND end_on IS NULL"
            ),
            {"m": member_id, "on": on},
        )
        conn.execute(
            sa.text(
                "UPDATE hardship_record SET closed_on = :on, close_reason = :why "
                "WHERE member_id = :m AND closed_on IS NULL"
            ),
            {"m": member_id, "on": on, "why": _CLOSE_REASON[status]},
        )


def downgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.drop_column("hired_on")
