"""`unionctl aid drive …`: donation drives (捐款) — members' gifts in, the hand-over out,
recorded as aid with source `donation`."""

from __future__ import annotations

from typing import Annotated

import typer

from unionctl.cli.context import command, emit, open_db, say, writing

app = typer.Typer(
    rich_markup_mode=None,
    help="Donation drives (捐款): gifts from members for a colleague or outsider in crisis.",
)

DriveId = Annotated[str, typer.Argument(help="The drive's id or title (see `aid drive list`).")]
OnDate = Annotated[
    str | None,
    typer.Option(
        "--on", help="When (default: today): 2025-03-16, 2025年3月16日.", show_default=False
    ),
]


@app.command("add")
@command
def aid_drive_add(
    title: Annotated[str, typer.Argument(help="The drive's title, e.g. 为张丽爱心捐款.")],
    for_member: Annotated[
        str | None,
        typer.Option("--for", help="The beneficiary's employee number.", show_default=False),
    ] = None,
    for_outsider: Annotated[
        str | None,
        typer.Option("--for-outsider", help="Or a named outsider.", show_default=False),
    ] = None,
    on: OnDate = None,
) -> None:
    """Open a donation drive for a member (or an outsider); prints its id.

    Example: unionctl aid drive add 为张丽爱心捐款 --for 10001 --on 2025-05-01
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Term
    from unionctl.parsing import parse_member_ref, parse_option_date, parse_text
    from unionctl.services.aid import add_drive

    heading = parse_text(title)
    if not heading:
        raise UnionError("bad_text", what=Term("header", "drive_title"))
    member = parse_member_ref(for_member) if for_member is not None else None
    when = parse_option_date(on)
    database = open_db()
    with writing(database) as work:
        drive = add_drive(
            work, title=heading, member=member, outsider=parse_text(for_outsider), on=when
        )
        say("aid_drive_added", id=drive.id, title=drive.title, on=drive.opened_on.isoformat())


@app.command("give")
@command
def aid_drive_give(
    drive: DriveId,
    emp_no: Annotated[str, typer.Argument(help="The donor's employee number 工号.")],
    amount: Annotated[str, typer.Option("--amount", help="The gift in yuan, e.g. 200.")],
    on: OnDate = None,
) -> None:
    """Record one member's gift to an open drive (not the beneficiary's own).

    Example: unionctl aid drive give 1 10004 --amount 200 --on 2025-05-03
    """
    from unionctl.parsing import format_money, parse_member_ref, parse_money, parse_option_date
    from unionctl.services.aid import donate

    member = parse_member_ref(emp_no)
    fen = parse_money(amount)
    when = parse_option_date(on)
    database = open_db()
    with writing(database) as work:
        row, donor, gift = donate(work, drive=drive, member=member, amount=fen, on=when)
        say(
            "aid_drive_given",
            id=row.id,
            emp_no=donor.emp_no,
            name=donor.name,
            amount=format_money(gift.amount),
        )


@app.command("close")
@command
def aid_drive_close(
    drive: DriveId,
    kind: Annotated[
        str,
        typer.Option("--kind", help="The aid kind of the hand-over (default: other)."),
    ] = "other",
    on: OnDate = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Who handed it over.", show_default=False)
    ] = None,
) -> None:
    """Close a drive: its total is handed over and recorded as aid (source donation).

    Example: unionctl aid drive close 1 --kind critical_illness --on 2025-05-20 --by 工会主席
    """
    from unionctl.labels import Term
    from unionctl.parsing import format_money, parse_code, parse_option_date, parse_text
    from unionctl.services.aid import close_drive

    code = parse_code("aid_kind", kind)
    when = parse_option_date(on)
    database = open_db()
    with writing(database) as work:
        row, aid = close_drive(work, drive=drive, kind=code, on=when, by=parse_text(by))
        say(
            "aid_drive_closed_ok",
            id=row.id,
            title=row.title,
            total=format_money(aid.amount),
            aid=aid.id,
            kind=Term("aid_kind", code),
        )


@app.command("list")
@command
def aid_drive_list() -> None:
    """List the drives with their donors and the sum given.

    Example: unionctl aid drive list
    """
    from unionctl.reports.aid import drive_list

    database = open_db()
    with database.read() as db:
        emit(drive_list(db))


@app.command("show")
@command
def aid_drive_show(drive: DriveId) -> None:
    """Show one drive and every gift to it.

    Example: unionctl aid drive show 1
    """
    from unionctl.reports.aid import drive_show

    database = open_db()
    with database.read() as db:
        emit(drive_show(db, drive))
