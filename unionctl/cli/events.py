"""`unionctl events …`: activities, training, competitions, attendance and awards (活动)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unionctl.cli.context import (
    DryRunOption,
    FromOption,
    MonthOption,
    SheetOption,
    ToOption,
    YearOption,
    command,
    emit,
    open_db,
    say,
    state,
    warn,
    warn_about_file,
    writing,
)

app = typer.Typer(
    rich_markup_mode=None,
    help="Events (活动): training, contests, outings; sign-ups, attendance, awards.",
)

EventRef = Annotated[
    str, typer.Argument(help="The event's id (or its exact title).", show_default=False)
]
EmpNos = Annotated[
    list[str] | None,
    typer.Argument(help="Employee numbers (工号).", show_default=False),
]
Kind = Annotated[
    str | None,
    typer.Option(
        "--kind",
        help="culture 文艺, sports 体育, training 培训, competition 竞赛, education 思想教育, "
        "volunteer 义诊/志愿, health 体检/健康, holiday 节日活动, meeting 座谈会, outing 疗休养, "
        "other 其他.",
        show_default=False,
    ),
]
Audience = Annotated[
    str | None,
    typer.Option(
        "--audience",
        help="all 全体会员, women 女职工, retirees 退休职工, youth 青年职工 (35 or under), "
        "children 职工子女.",
        show_default=False,
    ),
]


def _warn_if_over(database, event_id: int) -> None:
    """Attendance of the audience above the eligible count is kept, and said on stderr
    (those not of the audience are named by the sign-in's own warning)."""
    from unionctl.labels import message
    from unionctl.reports.events import event_figures, over

    with database.read() as db:
        figures = event_figures(db, event_id)
    if over(figures["of_audience"], figures["eligible"]):
        text = message(
            "attendance_over_eligible",
            state().language,
            id=event_id,
            attended=figures["of_audience"],
            eligible=figures["eligible"],
        )
        warn(f"unionctl: {text}")


@app.command("add")
@command
def events_add(
    title: Annotated[str, typer.Argument(help="The event's title.", show_default=False)],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="The kind: training 培训, competition 竞赛 … (see list --help).",
            show_default=False,
        ),
    ],
    on: Annotated[
        str, typer.Option("--on", help="The (first) day of the event.", show_default=False)
    ],
    until: Annotated[
        str | None,
        typer.Option(
            "--until", help="The last day, for an event over several days.", show_default=False
        ),
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Where.", show_default=False)] = None,
    organiser: Annotated[
        str | None,
        typer.Option("--organiser", help="院工会 or a branch (分工会).", show_default=False),
    ] = None,
    audience: Audience = None,
    eligible: Annotated[
        str | None,
        typer.Option(
            "--eligible",
            help="How many may take part (default: the audience's members in good standing "
            "that day; needed for children).",
            show_default=False,
        ),
    ] = None,
    budget: Annotated[
        str | None, typer.Option("--budget", help="Budget, in yuan.", show_default=False)
    ] = None,
    cost: Annotated[
        str | None, typer.Option("--cost", help="What it cost, in yuan.", show_default=False)
    ] = None,
    external: Annotated[
        bool, typer.Option("--external", help="An outside contest the hospital sends people to.")
    ] = False,
) -> None:
    """Add an event; prints its id.

    Example: unionctl events add 护理技能竞赛 --kind competition --on 2025-05-12 --budget 8000
    """
    from unionctl.parsing import parse_code, parse_date, parse_option_date, parse_text
    from unionctl.services.events import EventInput, add_event

    data = EventInput(
        title=parse_text(title) or "",
        kind=parse_code("event_kind", kind),
        start_on=parse_date(on),
        end_on=parse_option_date(until),
        place=parse_text(place),
        organiser=parse_text(organiser),
        audience=parse_code("event_audience", audience) if audience else "all",
        eligible=_count(eligible, "eligible"),
        budget=_money(budget),
        cost=_money(cost),
        external=external,
    )
    database = open_db()
    with writing(database) as work:
        event = add_event(work, data=data)
        say("event_added", id=event.id, title=event.title, on=event.start_on.isoformat())


def _count(text: str | None, what: str) -> int | None:
    """A whole number ≥ 0; a negative one is named as such."""
    from unionctl.errors import UnionError
    from unionctl.labels import Term
    from unionctl.parsing import parse_count

    if text is None:
        return None
    stripped = text.strip()
    if stripped.startswith("-") and stripped[1:].isdigit():
        raise UnionError("negative_count", what=Term("header", what), value=stripped)
    return parse_count(text)


def _money(text: str | None) -> int | None:
    from unionctl.parsing import parse_money

    return parse_money(text) if text is not None else None


def _refs(emp_nos: list[str] | None) -> list[str]:
    from unionctl.errors import UnionError
    from unionctl.parsing import parse_member_ref

    if not emp_nos:
        raise UnionError("attend_file_or_numbers")
    return [parse_member_ref(n) for n in emp_nos]


@app.command("register")
@command
def events_register(event: EventRef, emp_nos: EmpNos = None) -> None:
    """Sign members up (报名) before the event; signing up twice counts once.

    Example: unionctl events register 3 10001 10004
    """
    from unionctl.services.events import register

    numbers = _refs(emp_nos)
    database = open_db()
    with writing(database) as work:
        found, added = register(work, ref=event, emp_nos=numbers)
        say(
            "event_registered", id=found.id, title=found.title, new=added.new, already=added.already
        )
        notes = _notes(found, added)
    _warn(notes)


@app.command("attend")
@command
def events_attend(
    event: EventRef,
    emp_nos: EmpNos = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help="A sign-in sheet (CSV/TSV/.xlsx) with a 工号 or 姓名 column.",
            show_default=False,
        ),
    ] = None,
    skip_unmatched: Annotated[
        bool,
        typer.Option(
            "--skip-unmatched",
            help="Sign in the lines that match and list the others (default: write nothing).",
        ),
    ] = False,
    sheet: SheetOption = None,
) -> None:
    """Record who attended (签到), by employee number or from a sign-in sheet.

    A member is counted once per event however often they sign in. Names no one has, or
    that two people share, are listed with their line numbers and nothing is written,
    unless --skip-unmatched.

    Example: unionctl events attend 3 10001 10004
    Example: unionctl events attend 3 --file 签到表.xlsx --skip-unmatched
    """
    from unionctl.errors import UnionError
    from unionctl.services.events import attend, attend_ids, find_event, match_signin

    if (file is None) == (not emp_nos):
        raise UnionError("attend_file_or_numbers")
    database = open_db()
    if file is None:
        numbers = _refs(emp_nos)
        with writing(database) as work:
            found, added = attend(work, ref=event, emp_nos=numbers)
            event_id = found.id
            say(
                "event_attended",
                id=found.id,
                title=found.title,
                new=added.new,
                already=added.already,
            )
            notes = _notes(found, added)
        _warn(notes)
        _warn_if_over(database, event_id)
        return
    sheet_rows = _open_signin(file, sheet)
    with writing(database) as work:
        found = find_event(work.session, event)
        matched = match_signin(
            work.session, sheet_rows.rows(), path=str(file), skip_unmatched=skip_unmatched
        )
        added = attend_ids(work, event=found, member_ids=matched.matched)
        event_id = found.id
        say("event_attended", id=found.id, title=found.title, new=added.new, already=added.already)
        notes = _notes(found, added)
    if matched.skipped:
        from unionctl.cli import _problem_lines
        from unionctl.labels import message

        lang = state().language
        warn("unionctl: " + message("signin_skipped", lang, count=len(matched.skipped), path=file))
        for line in _problem_lines(matched.skipped, lang):
            warn("  " + line)
    _warn(notes)
    _warn_if_over(database, event_id)


def _warn(notes: list[str]) -> None:
    for text in notes:
        warn(f"unionctl: {text}")


def _notes(event, added) -> list[str]:
    """What was kept but should be looked at: people outside the audience, late sign-ups
    (said once the write is done; worded while the event is at hand)."""
    from unionctl.labels import Term, message

    lang = state().language
    notes = []
    if added.outside:
        shown = ", ".join(added.outside[:10]) + (", …" if len(added.outside) > 10 else "")
        text = message(
            "event_outside_audience",
            lang,
            id=event.id,
            audience=Term("event_audience", event.audience),
            count=len(added.outside),
            emp_nos=shown,
        )
        notes.append(text)
    if added.late:
        notes.append(message("event_signup_late", lang, id=event.id, on=event.start_on.isoformat()))
    return notes


def _open_signin(file: Path, sheet: str | None):
    from unionctl.errors import UnionError
    from unionctl.services.events import SIGNIN_ALIASES
    from unionctl.table_file import open_table

    try:
        table = open_table(
            file,
            fields=("emp_no", "name"),
            aliases=SIGNIN_ALIASES,
            required=(),
            kinds={"emp_no": "digits"},
            sheet=sheet,
        )
    except UnionError as error:
        if error.key != "import_missing_column":
            raise
        raise UnionError("signin_needs_column", path=str(file)) from None
    if not {"emp_no", "name"} & set(table.columns):
        raise UnionError("signin_needs_column", path=str(file))
    return table


@app.command("headcount")
@command
def events_headcount(
    event: EventRef,
    count: Annotated[
        str,
        typer.Argument(help="People not on the member roll (义诊 visitors).", show_default=False),
    ],
) -> None:
    """Set how many took part who are not on the member roll (e.g. 义诊 visitors).

    人次 = members signed in + this number.

    Example: unionctl events headcount 7 200
    """
    from unionctl.services.events import set_headcount

    number = _count(count, "headcount")
    database = open_db()
    with writing(database) as work:
        found, old = set_headcount(work, ref=event, headcount=number)
        say("event_headcount", id=found.id, title=found.title, old=old, new=number)


@app.command("award")
@command
def events_award(
    event: EventRef,
    member: Annotated[
        str | None,
        typer.Option("--member", help="The winner's employee number.", show_default=False),
    ] = None,
    team: Annotated[
        str | None,
        typer.Option("--team", help="A winning team (ICU、内四代表队).", show_default=False),
    ] = None,
    prize: Annotated[
        str | None,
        typer.Option("--prize", help="The prize: 一等奖, 冠军 …", show_default=False),
    ] = None,
    level: Annotated[
        str,
        typer.Option(
            "--level",
            help="hospital 院级, district 区级, city 市级, province 省级, national 国家级.",
        ),
    ] = "hospital",
    prize_money: Annotated[
        str | None,
        typer.Option("--prize-money", help="Prize money, in yuan.", show_default=False),
    ] = None,
) -> None:
    """Record a prize won at an event, by a member or a team.

    Example: unionctl events award 5 --team 内四代表队 --prize 冠军 --level city
    """
    from unionctl.labels import Term
    from unionctl.parsing import parse_code, parse_member_ref, parse_text
    from unionctl.services.events import add_award

    who = parse_member_ref(member) if member is not None else None
    grade = parse_code("award_level", level)
    money = _money(prize_money)
    database = open_db()
    with writing(database) as work:
        found, winner = add_award(
            work,
            ref=event,
            emp_no=who,
            team=parse_text(team),
            prize=parse_text(prize) or "",
            level=grade,
            prize_money=money,
        )
        say(
            "event_awarded",
            id=found.id,
            title=found.title,
            who=winner,
            prize=parse_text(prize),
            level=Term("award_level", grade),
        )


@app.command("list")
@command
def events_list(
    kind: Kind = None,
    audience: Audience = None,
    month: MonthOption = None,
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
) -> None:
    """List events with attendance, 人次 and participation rate (default: every event).

    Example: unionctl events list --kind training --year 2025
    """
    from unionctl.parsing import parse_optional_code, parse_period
    from unionctl.reports.events import event_list

    period = parse_period(month=month, year=year, start=start, end=end, default=None)
    database = open_db()
    with database.read() as db:
        emit(
            event_list(
                db,
                period=period,
                kind=parse_optional_code("event_kind", kind),
                audience=parse_optional_code("event_audience", audience),
            )
        )


@app.command("show")
@command
def events_show(event: EventRef) -> None:
    """One event: details, sign-ups and no-shows, attendance, 人次, rate, cost, awards.

    Example: unionctl events show 3
    """
    from unionctl.reports.events import event_id, event_show

    database = open_db()
    with database.read() as db:
        emit(event_show(db, event_id(db, event)))


@app.command("import")
@command
def events_import(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV/TSV or .xlsx: title, kind, start_on … (or 活动名称, 类别, 日期 …).",
            show_default=False,
        ),
    ],
    dry_run: DryRunOption = False,
    sheet: SheetOption = None,
) -> None:
    """Import a calendar of events; all or nothing: one bad row and nothing is written.

    Columns: title, kind, start_on, end_on, place, organiser, audience, eligible, budget,
    cost, external, headcount (or their Chinese headers).

    Example: unionctl events import 活动.csv --dry-run
    """
    from unionctl.services.events import import_events, read_events

    table = read_events(file, sheet=sheet)
    warn_about_file(table)
    database = open_db()
    count = import_events(
        database, table, actor=state().who, command=state().command, dry_run=dry_run
    )
    state().committed = not dry_run
    say("events_checked" if dry_run else "events_imported", path=file, count=count, err=dry_run)
