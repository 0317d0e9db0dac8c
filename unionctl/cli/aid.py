"""`unionctl aid …`: visits and help (帮扶/慰问/送温暖) — gifts to members and outsiders,
the policy per kind (慰问金使用办法), and the occasions still owed a visit."""

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
    writing,
)

app = typer.Typer(
    rich_markup_mode=None,
    help="Aid and visits (帮扶/慰问/送温暖): gifts, the policy per kind, plans still owed a visit.",
)
policy_app = typer.Typer(
    rich_markup_mode=None, help="The policy (慰问金使用办法): standard amount and yearly cap."
)
app.add_typer(policy_app, name="policy")


def _register_drives() -> None:
    from unionctl.cli import aid_drive

    app.add_typer(aid_drive.app, name="drive")


_register_drives()

KIND_HELP = (
    "hardship 困难帮扶, illness 生病住院, bereavement 丧事, birthday 生日, wedding 结婚, "
    "childbirth 生育, retirement 退休, holiday 节日慰问, disaster 意外灾害, critical_illness "
    "大病救助, mutual_medical 医疗互助赔付, insurance 安康/互助保险, cooling 送清凉, other 其他."
)
KindOption = Annotated[str, typer.Option("--kind", help=KIND_HELP, show_default=False)]
OnDate = Annotated[
    str | None,
    typer.Option(
        "--on",
        help="When it happened (default: today): 2025-03-16, 2025年3月16日, today.",
        show_default=False,
    ),
]
NoteOption = Annotated[
    str | None,
    typer.Option("--note", help="A note 备注 (the reason, for an override).", show_default=False),
]


def _money(value: str | None) -> int | None:
    from unionctl.parsing import parse_money

    return None if value is None else parse_money(value)


@app.command("give")
@command
def aid_give(
    kind: KindOption,
    emp_no: Annotated[
        str | None,
        typer.Argument(help="The member's employee number 工号.", show_default=False),
    ] = None,
    outsider: Annotated[
        str | None,
        typer.Option(
            "--outsider",
            help="A named outsider instead (a poverty household …).",
            show_default=False,
        ),
    ] = None,
    amount: Annotated[
        str | None,
        typer.Option(
            "--amount",
            help="Cash in yuan, e.g. 500 or 500.50 (default: the policy's standard).",
            show_default=False,
        ),
    ] = None,
    goods: Annotated[
        str | None,
        typer.Option("--goods", help="Goods given, e.g. 大米、棉被.", show_default=False),
    ] = None,
    goods_value: Annotated[
        str | None,
        typer.Option(
            "--goods-value", help="What the goods are worth, in yuan.", show_default=False
        ),
    ] = None,
    on: OnDate = None,
    by: Annotated[
        str | None,
        typer.Option("--by", help="Who visited 慰问人, e.g. 工会主席.", show_default=False),
    ] = None,
    source: Annotated[
        str, typer.Option("--source", help="union 工会经费, donation 爱心捐款, hospital 医院.")
    ] = "union",
    note: NoteOption = None,
    over_cap: Annotated[
        bool, typer.Option("--over-cap", help="Give beyond the yearly cap (needs --note).")
    ] = False,
    unregistered: Annotated[
        bool,
        typer.Option(
            "--unregistered", help="Hardship aid without a hardship record (needs --note)."
        ),
    ] = False,
) -> None:
    """Record a gift or visit to a member (or --outsider NAME); prints its id.

    Left out, --amount is the policy's standard for the kind. A gift of the same member and
    kind fulfils the oldest open `aid plan`.

    Example: unionctl aid give 10023 --kind illness --amount 500 --by 工会主席 --on 2025-03-02
    """
    from unionctl.parsing import parse_code, parse_member_ref, parse_option_date, parse_text
    from unionctl.services.aid import AidInput, give

    data = AidInput(
        kind=parse_code("aid_kind", kind),
        member=parse_member_ref(emp_no) if emp_no is not None else None,
        outsider=parse_text(outsider),
        amount=_money(amount),
        goods=parse_text(goods),
        goods_value=_money(goods_value),
        on=parse_option_date(on),
        visited_by=parse_text(by),
        source=parse_code("aid_source", source),
        note=parse_text(note),
        over_cap=over_cap,
        unregistered=unregistered,
    )
    database = open_db()
    with writing(database) as work:
        aid, member, plan = give(work, data)
        _given(aid, member, plan)


def _given(aid, member, plan) -> None:
    from unionctl.labels import Phrase, Term
    from unionctl.parsing import format_money

    flag = None
    if aid.over_cap or aid.unregistered:
        code = (
            "both"
            if aid.over_cap and aid.unregistered
            else ("over_cap" if aid.over_cap else "unregistered")
        )
        flag = Phrase("aid_flagged", flag=Term("aid_flag", code))
    # cash is left out only when goods alone were given: "慰问金 0.00 元" says nothing
    cash = Phrase("aid_given_cash", amount=format_money(aid.amount))
    goods = Phrase("aid_given_goods", goods=aid.goods, value=format_money(aid.goods_value))
    say(
        "aid_given",
        id=aid.id,
        kind=Term("aid_kind", aid.kind),
        who=f"{member.emp_no} {member.name}" if member else aid.outsider,
        on=aid.given_on.isoformat(),
        cash=cash if aid.amount or not aid.goods else "",
        goods=goods if aid.goods else "",
        flag=flag or "",
    )
    if plan is not None:
        say("aid_plan_fulfilled", id=aid.id, plan=plan.id, on=plan.reported_on.isoformat())


@app.command("plan")
@command
def aid_plan(
    emp_no: Annotated[str, typer.Argument(help="The member's employee number 工号.")],
    kind: KindOption,
    on: OnDate = None,
    note: NoteOption = None,
) -> None:
    """Record an occasion reported to the union (住院, 丧事, 结婚, 生育 …) still owed a visit.

    The next `aid give` of the same member and kind fulfils it.

    Example: unionctl aid plan 10023 --kind illness --on 2025-03-01 --note 心内科住院
    """
    from unionctl.labels import Term
    from unionctl.parsing import parse_code, parse_member_ref, parse_option_date, parse_text
    from unionctl.services.aid import add_plan

    code = parse_code("aid_kind", kind)
    member = parse_member_ref(emp_no)
    when = parse_option_date(on)
    database = open_db()
    with writing(database) as work:
        plan, person = add_plan(work, member=member, kind=code, on=when, note=parse_text(note))
        say(
            "aid_planned",
            plan=plan.id,
            kind=Term("aid_kind", code),
            emp_no=person.emp_no,
            name=person.name,
            on=plan.reported_on.isoformat(),
        )


@app.command("list")
@command
def aid_list(
    kind: Annotated[str | None, typer.Option("--kind", help=KIND_HELP, show_default=False)] = None,
    member: Annotated[
        str | None,
        typer.Option("--member", help="Only this member's (employee number).", show_default=False),
    ] = None,
    month: MonthOption = None,
    year: YearOption = None,
    start: FromOption = None,
    end: ToOption = None,
) -> None:
    """List gifts and visits (default: all), with the cash and goods totals.

    Example: unionctl aid list --kind illness --year 2025 --format csv
    """
    from unionctl.parsing import parse_member_ref, parse_optional_code, parse_period
    from unionctl.reports.aid import AidFilter
    from unionctl.reports.aid import aid_list as build

    filters = AidFilter(
        kind=parse_optional_code("aid_kind", kind),
        member=parse_member_ref(member) if member else None,
        period=parse_period(month=month, year=year, start=start, end=end, default=None),
    )
    database = open_db()
    with database.read() as db:
        emit(build(db, filters))


@app.command("show")
@command
def aid_show(
    aid_id: Annotated[str, typer.Argument(help="The aid record's id.")],
) -> None:
    """Show one gift or visit, and the plan it fulfilled.

    Example: unionctl aid show 12
    """
    from unionctl.reports.aid import aid_show as build

    database = open_db()
    with database.read() as db:
        emit(build(db, aid_id))


@policy_app.command("set")
@command
def aid_policy_set(
    kind: Annotated[str, typer.Argument(help="The aid kind, e.g. illness or 生病住院.")],
    standard: Annotated[
        str | None,
        typer.Option("--standard", help="Standard amount in yuan 标准.", show_default=False),
    ] = None,
    yearly_cap: Annotated[
        str | None,
        typer.Option(
            "--yearly-cap", help="Most one member may get in a year 年度上限.", show_default=False
        ),
    ] = None,
) -> None:
    """Set a kind's standard amount and yearly cap per member (慰问金使用办法).

    Example: unionctl aid policy set illness --standard 500 --yearly-cap 1000
    """
    from unionctl.labels import Term
    from unionctl.parsing import format_money, parse_code
    from unionctl.services.aid import set_policy

    code = parse_code("aid_kind", kind)
    database = open_db()
    with writing(database) as work:
        row = set_policy(work, kind=code, standard=_money(standard), yearly_cap=_money(yearly_cap))
        say(
            "aid_policy_set",
            kind=Term("aid_kind", code),
            standard=format_money(row.standard) or "—",
            cap=format_money(row.yearly_cap) or "—",
        )


@policy_app.command("list")
@command
def aid_policy_list() -> None:
    """List every aid kind with its standard amount and yearly cap.

    Example: unionctl aid policy list
    """
    from unionctl.reports.aid import policy_list

    database = open_db()
    with database.read() as db:
        emit(policy_list(db))


@app.command("due")
@command
def aid_due(
    month: MonthOption = None,
    retire_men: Annotated[
        int, typer.Option("--retire-men", min=40, max=80, help="Men's retirement age.")
    ] = 60,
    retire_women: Annotated[
        int, typer.Option("--retire-women", min=40, max=80, help="Women's retirement age.")
    ] = 55,
) -> None:
    """What is due in a month (default: this month), as of the month's end: open plans with
    the days waiting, birthdays not yet given, retirements, open hardship households not
    helped this year (by hardship or critical-illness aid), and 脱困 households a year on —
    each with this year's aid so far.

    Example: unionctl aid due --month 2025-12
    """
    from unionctl.parsing import parse_month, today
    from unionctl.reports.aid import aid_due as build

    period = parse_month(month or "this")
    database = open_db()
    with database.read() as db:
        emit(build(db, period, day=today(), men=retire_men, women=retire_women))


@app.command("batch")
@command
def aid_batch(
    kind: KindOption,
    amount: Annotated[
        str | None,
        typer.Option(
            "--amount",
            help="Cash per person in yuan (default: the policy's standard).",
            show_default=False,
        ),
    ] = None,
    goods: Annotated[
        str | None, typer.Option("--goods", help="Goods per person.", show_default=False)
    ] = None,
    goods_value: Annotated[
        str | None,
        typer.Option(
            "--goods-value", help="What each person's goods are worth.", show_default=False
        ),
    ] = None,
    branch: Annotated[
        str | None,
        typer.Option(
            "--branch", help="Branch 分工会 (see `members branch list`).", show_default=False
        ),
    ] = None,
    dept: Annotated[
        str | None, typer.Option("--dept", help="Department 科室.", show_default=False)
    ] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", help="member, non_member, left … (or 在会…).", show_default=False),
    ] = None,
    employment: Annotated[
        str | None,
        typer.Option(
            "--employment",
            help="staff 在编, contract 合同制, trainee 规培, retired 退休.",
            show_default=False,
        ),
    ] = None,
    gender: Annotated[
        str | None, typer.Option("--gender", help="M/F (男/女).", show_default=False)
    ] = None,
    hardship: Annotated[
        bool, typer.Option("--hardship", help="Only members with an open hardship record.")
    ] = False,
    born_month: Annotated[
        int | None,
        typer.Option("--born-month", min=1, max=12, help="Born in this month (birthdays)."),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option("--search", help="Text in name, number, dept or post.", show_default=False),
    ] = None,
    on: OnDate = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Who visited 慰问人.", show_default=False)
    ] = None,
    source: Annotated[
        str, typer.Option("--source", help="union 工会经费, donation 爱心捐款, hospital 医院.")
    ] = "union",
    note: NoteOption = None,
    over_cap: Annotated[
        bool,
        typer.Option(
            "--over-cap", help="Give also to those it takes beyond the yearly cap (needs --note)."
        ),
    ] = False,
    unregistered: Annotated[
        bool,
        typer.Option(
            "--unregistered", help="Hardship aid also to those without a record (needs --note)."
        ),
    ] = False,
    title: Annotated[
        str | None,
        typer.Option(
            "--title",
            help="The occasion, titling the sheet (default: the kind), e.g. 春节送温暖; "
            "each gift's note when --note is left out.",
            show_default=False,
        ),
    ] = None,
    again: Annotated[
        bool,
        typer.Option(
            "--again",
            help="Give even to those who already had this kind on that day (refused otherwise).",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and preview the sheet; write nothing.")
    ] = False,
) -> None:
    """One gift to each member on the roll on the day (--on) that a `members list` filter
    selects (春节送温暖, 三八 gifts), by their status, branch, employment and hardship
    record of that day; all or nothing. Prints the 签领表 (sign-for sheet: cash,
    goods and their value, a blank to sign) titled with the occasion and date, with a 合计
    row, in any format. The occasion (--title) is each gift's note when --note is left out.

    When anyone selected already had this kind on that day, the batch is refused, naming
    them (a batch run twice); --again gives it anyway. When the gift would take anyone
    beyond the yearly cap, the batch is refused, naming them; --over-cap --note REASON
    gives it anyway and flags theirs, as `aid give` does.

    Example: unionctl aid batch --kind holiday --amount 200 --gender F --title 三八节慰问
    """
    from unionctl.cli.context import state
    from unionctl.errors import DryRun
    from unionctl.labels import Phrase, Term
    from unionctl.parsing import (
        format_money,
        parse_code,
        parse_option_date,
        parse_optional_code,
        parse_text,
        today,
    )
    from unionctl.reports.aid import sign_sheet
    from unionctl.reports.roster import RosterFilter
    from unionctl.services.aid import AidInput, batch, selected_members

    code = parse_code("aid_kind", kind)
    filters = RosterFilter(
        branch=parse_text(branch),
        dept=parse_text(dept),
        status=parse_optional_code("status", status),
        employment=parse_optional_code("employment", employment),
        gender=parse_optional_code("gender", gender),
        hardship=hardship,
        born_month=born_month,
        search=parse_text(search),
    )
    data = AidInput(
        kind=code,
        amount=_money(amount),
        goods=parse_text(goods),
        goods_value=_money(goods_value),
        on=parse_option_date(on),
        visited_by=parse_text(by),
        source=parse_code("aid_source", source),
        note=parse_text(note),
        occasion=parse_text(title),
        over_cap=over_cap,
        unregistered=unregistered,
    )
    occasion = data.occasion
    database = open_db()
    sheet = None
    try:
        with database.write(actor=state().who, command=state().command) as work:
            day = data.on or today()
            chosen = selected_members(work.session, filters, on=day)
            given = batch(work, emp_nos=chosen, data=data, again=again)
            sheet = sign_sheet(given, kind=code, on=day, occasion=occasion)
            total = sum(aid.amount + aid.goods_value for aid, _m in given)
            flagged = sum(1 for aid, _m in given if aid.over_cap or aid.unregistered)
            # The sheet is written before the gifts are committed: if it cannot be
            # (no --output for xlsx, a missing folder, a full disk), nothing is given,
            # so a retry never pays anyone twice.
            emit(sheet)
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    else:
        state().committed = True
    say(
        "aid_batch_checked" if dry_run else "aid_batch_given",
        err=True,
        count=len(given),
        kind=Term("aid_kind", code),
        total=format_money(total),
        flagged=Phrase("aid_batch_flagged", count=flagged) if flagged else "",
    )


@app.command("import")
@command
def aid_import(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV/TSV (UTF-8, UTF-8 with BOM or GB18030) or an .xlsx workbook.",
            show_default=False,
        ),
    ],
    dry_run: DryRunOption = False,
    sheet: SheetOption = None,
    again: Annotated[
        bool,
        typer.Option(
            "--again",
            help="Record a row even when the same gift is already recorded (refused otherwise).",
        ),
    ] = False,
) -> None:
    """Import gifts and visits from a sheet; all or nothing, each row as `aid give`.

    A row whose gift is already recorded (same person, kind, day, amount and goods: the
    sheet imported twice) is refused unless --again.

    Headers may be codes or Chinese: 工号, 受助人 (an outsider when there is no 工号),
    帮扶类别, 慰问金/金额, 物品, 物品价值, 日期, 慰问人, 经费来源, 备注, 标记. The output of
    `aid list --format csv` reads back.

    Example: unionctl aid import 2025年慰问台账.xlsx --dry-run
    """
    from unionctl.cli.context import progress, state, warn_about_file
    from unionctl.parsing import format_money
    from unionctl.services.aid_import import import_aid, read_aid

    table = read_aid(file, sheet=sheet)
    warn_about_file(table)
    database = open_db()
    with progress(None, str(file.name)) as advance:
        count, total = import_aid(
            database,
            table,
            actor=state().who,
            command=state().command,
            dry_run=dry_run,
            again=again,
            advance=advance,
        )
    state().committed = not dry_run
    say(
        "aid_import_checked" if dry_run else "aid_imported",
        path=file,
        err=dry_run,
        count=count,
        total=format_money(total),
    )
