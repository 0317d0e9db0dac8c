"""`unionctl reports …`: the figures a union secretary reports, computed in SQL."""

from __future__ import annotations

from typing import Annotated

import typer

from unionctl.cli.context import (
    FromOption,
    MonthOption,
    ToOption,
    YearOption,
    command,
    emit,
    open_db,
)

app = typer.Typer(
    rich_markup_mode=None,
    help="Reports: membership, proposals, aid and events now; monthly and annual to come.",
)


@app.command("membership")
@command
def reports_membership(
    by: Annotated[str, typer.Option("--by", help="branch or month.")] = "branch",
    month: MonthOption = None,
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
) -> None:
    """Members, 入会率, joined and left over a period (default: this year).

    Members and 入会率 are as of the period's last day; joined and left happened within it.

    Example: unionctl reports membership --year 2025 --by branch --format csv
    """
    from unionctl.reports.membership import membership_by_branch, membership_by_month

    builders = {"branch": membership_by_branch, "month": membership_by_month}
    by, period = _grouped_period(by, builders, month=month, year=year, start=start, end=end)
    database = open_db()
    with database.read() as db:
        emit(builders[by](db, period))


@app.command("proposals")
@command
def reports_proposals(
    by: Annotated[str, typer.Option("--by", help="kind, category, dept or status.")] = "kind",
    month: MonthOption = None,
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
) -> None:
    """Proposals received in a period (default: this year) and how they were handled.

    办结率 = closed ÷ accepted; satisfaction = (satisfied + basic) ÷ rated; overdue as of
    the period's last day (or today). A rate with nothing to divide by is shown as —.

    Example: unionctl reports proposals --year 2025 --by category
    """
    from unionctl.parsing import today
    from unionctl.reports.proposals import GROUPS, proposals_report

    by, period = _grouped_period(by, GROUPS, month=month, year=year, start=start, end=end)
    database = open_db()
    with database.read() as db:
        emit(proposals_report(db, period, by=by, day=min(period.end, today())))


@app.command("events")
@command
def reports_events(
    by: Annotated[
        str,
        typer.Option("--by", help="kind, month, branch (the organiser) or audience."),
    ] = "kind",
    month: MonthOption = None,
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
) -> None:
    """Events, 人次, participants, participation rate, budget vs cost, awards by level.

    The rate: of the members in good standing on the period's last day (today, if later),
    the share who attended at least one event in the period (default: this year).

    Example: unionctl reports events --year 2025 --by kind
    """
    from unionctl.reports.events import GROUPS, events_report

    # events are planned ahead: a period not yet begun lists them
    by, period = _grouped_period(
        by, GROUPS, month=month, year=year, start=start, end=end, future=True
    )
    database = open_db()
    with database.read() as db:
        emit(events_report(db, period, by))


@app.command("aid")
@command
def reports_aid(
    by: Annotated[str, typer.Option("--by", help="kind, month, branch or source.")] = "kind",
    month: MonthOption = None,
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
) -> None:
    """Aid given in a period (default: this year): people, times, cash, goods, total.

    People are counted once however often they were helped; a branch is the member's on
    the day of the gift. Below it, the hardship register: households registered in the
    period, those helped in it, and those not yet helped.

    Example: unionctl reports aid --year 2025 --by kind
    """
    from unionctl.reports.aid import GROUPS, aid_report

    by, period = _grouped_period(by, GROUPS, month=month, year=year, start=start, end=end)
    database = open_db()
    with database.read() as db:
        emit(aid_report(db, period, by=by))


def _grouped_period(
    by: str,
    groups,
    *,
    month: str | None,
    year: str | None,
    start: str | None,
    end: str | None,
    future: bool = False,
):
    """What every report checks first: a known --by (its code, or its name in either
    language: `--by 分工会`), and a period (not one that has not begun, unless `future`:
    nothing has happened in it to count). Returns both."""
    from unionctl.errors import UnionError
    from unionctl.parsing import parse_code, parse_period, today

    try:
        by = parse_code("report_by", by, allowed=tuple(groups))
    except UnionError:
        # 类别 is the proposals' category, but in aid and events (帮扶类别, 活动类别) it is
        # the kind: there it means --by kind.
        if "category" in groups or "kind" not in groups or _typed_code(by) != "category":
            raise
        by = "kind"
    period = parse_period(month=month, year=year, start=start, end=end)
    if not future and period.start > today():
        raise UnionError("period_future", period=period.label(), today=today().isoformat())
    return by, period


def _typed_code(text: str) -> str | None:
    from unionctl.errors import UnionError
    from unionctl.parsing import parse_code

    try:
        return parse_code("report_by", text)
    except UnionError:
        return None
