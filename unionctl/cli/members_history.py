"""`unionctl members rehire | undo`: coming back to the hospital, and taking back a
history change recorded with the wrong date. (The other status verbs are in
cli/members.py; these two are registered on the same `members` group.)"""

from __future__ import annotations

from typing import Annotated

import typer

from unionctl.cli.context import command, emit, open_db, say, state, warn, writing
from unionctl.cli.members import EmpNo, Reason  # members imports this module last


@command
def members_rehire(
    emp_no: EmpNo,
    on: Annotated[
        str,
        typer.Option("--on", help="The day they are back on the roll (after the day they left)."),
    ] = "today",
    employment: Annotated[
        str | None,
        typer.Option(
            "--employment",
            help="staff 在编, contract 合同制, trainee 规培, retired 退休 (default: as before).",
            show_default=False,
        ),
    ] = None,
    branch: Annotated[
        str | None,
        typer.Option("--branch", help="Branch 分工会 (default: the last one).", show_default=False),
    ] = None,
    join: Annotated[
        bool, typer.Option("--join", help="A member from that day (default: not yet a member).")
    ] = False,
    reason: Reason = None,
) -> None:
    """Record someone who left the hospital (离职/调出) coming back under the same 工号.

    They are on the roll from --on; the days since they left stay off the roll.

    Example: unionctl members rehire 10023 --on 2025-09-01 --branch 护理分工会 --join
    """
    from unionctl.labels import Phrase, Term
    from unionctl.parsing import parse_date, parse_member_ref, parse_optional_code, parse_text
    from unionctl.services.members import rehire

    number = parse_member_ref(emp_no)
    when = parse_date(on)
    kind = parse_optional_code("employment", employment)
    database = open_db()
    with writing(database) as work:
        member, branch_name = rehire(
            work,
            emp_no=number,
            on=when,
            employment=kind,
            branch=parse_text(branch),
            join=join,
            reason=parse_text(reason),
        )
        say(
            "rehired",
            emp_no=member.emp_no,
            name=member.name,
            on=when.isoformat(),
            employment=Term("employment", member.employment),
            branch=branch_name or Phrase("none"),
            status=Term("status", member.status),
        )


@command
def members_undo(
    emp_no: EmpNo,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be undone; write nothing.")
    ] = False,
) -> None:
    """Undo a person's last recorded history change, e.g. a departure dated wrongly.

    Any change of status, employment or branch can be undone (depart, decease, leave,
    join, retire, transfer, rehire, an edit or import row that changed them); record it
    again afterwards with the right date.

    The periods it opened go, the ones it closed are open again as they were, and the
    member's status, employment, branch, join and hire dates are as before it. Run it
    again to take back the change before that. Aid and event attendance recorded since
    are kept; the command says if some now fall on days off the roll.

    Example: unionctl members undo 10023 --dry-run
    """
    from unionctl.errors import DryRun
    from unionctl.labels import Phrase, Term
    from unionctl.parsing import parse_member_ref
    from unionctl.services.history import ON_ROLL
    from unionctl.services.members import undo_change

    number = parse_member_ref(emp_no)
    database = open_db()
    try:
        with writing(database) as work:
            result = undo_change(work, emp_no=number)
            member, undone = result.member, result.undone
            # read inside the transaction: a dry run rolls it back
            params = {
                "emp_no": member.emp_no,
                "name": member.name,
                "action": Term("history_action", undone.action),
                "on": undone.on.isoformat() if undone.on else "—",
                "command": undone.command,
                "status": Term("status", member.status),
                "roll": Phrase("on_roll_now" if member.status in ON_ROLL else "off_roll_now"),
            }
            if dry_run:
                raise DryRun
            say("undone", **params)
    except DryRun:
        emit(_undo_table(result.rows))
        say("undo_checked", err=True, **params)
    if result.aid_off_roll or result.attended_off_roll:
        from unionctl.labels import message

        text = message(
            "undo_keeps_off_roll",
            state().language,
            emp_no=params["emp_no"],
            aid=result.aid_off_roll,
            events=result.attended_off_roll,
        )
        warn(f"unionctl: {text}")


def _undo_table(rows):
    """--dry-run: each period (and hardship record) the undo removes or puts back."""
    from unionctl.labels import Term
    from unionctl.render import Column, Table

    def shown(aspect: str, value):
        if value is None:
            return ""
        if aspect == "hardship":
            return Term("hardship_tier", value)
        return value if aspect == "branch" else Term(aspect, value)

    return Table(
        key="undo",
        title="t_undo",
        columns=(
            Column("step", "code:undo_step"),
            Column("change", "code:change"),
            Column("value", "term"),
            Column("start_on", "date"),
            Column("end_on", "date"),
        ),
        rows=[
            (step, aspect, shown(aspect, value), start, end)
            for step, aspect, value, start, end in rows
        ],
    )


def register(app: typer.Typer) -> None:
    app.command("rehire")(members_rehire)
    app.command("undo")(members_undo)
