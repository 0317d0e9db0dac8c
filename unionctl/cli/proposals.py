"""`unionctl proposals …`: congress sessions, and each proposal (提案), suggestion (意见建议)
or appeal (职工诉求) from submission to a closed case."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unionctl.cli.context import (
    DryRunOption,
    SheetOption,
    command,
    emit,
    open_db,
    progress,
    say,
    state,
    warn_about_file,
    writing,
)

app = typer.Typer(
    rich_markup_mode=None,
    help="Proposals (提案), suggestions and appeals: from the staff congress to a closed case.",
)
session_app = typer.Typer(
    rich_markup_mode=None, help="Congress sessions (职代会届次) proposals are raised at."
)
app.add_typer(session_app, name="session")

Code = Annotated[str, typer.Argument(help="Proposal code, e.g. 2025-001 (S2025-001, A2025-001).")]
OnDate = Annotated[
    str | None,
    typer.Option(
        "--on",
        help="When it happened (default: today): 2025-03-16, 2025年3月16日, today.",
        show_default=False,
    ),
]
SessionCode = Annotated[
    str | None,
    typer.Option(
        "--session", help="Congress session as TERM-SESSION, e.g. 5-7.", show_default=False
    ),
]
Kind = Annotated[
    str | None,
    typer.Option(
        "--kind", help="proposal 提案, suggestion 意见建议, appeal 职工诉求.", show_default=False
    ),
]
Category = Annotated[
    str | None,
    typer.Option(
        "--category", help="Category 类别 (free text, e.g. 后勤保障).", show_default=False
    ),
]
Dept = Annotated[
    str | None,
    typer.Option("--dept", help="Responsible department 承办部门.", show_default=False),
]


def _on(value: str | None):
    from unionctl.parsing import parse_option_date

    return parse_option_date(value)


def _stepped(step) -> None:
    from unionctl.labels import Term

    proposal, day = step
    say(
        "proposal_stepped",
        code=proposal.code,
        status=Term("proposal_status", proposal.status),
        on=day.isoformat(),
    )


@session_app.command("add")
@command
def proposals_session_add(
    term: Annotated[int, typer.Option("--term", min=1, help="The term 届, e.g. 5.")],
    session: Annotated[int, typer.Option("--session", min=1, help="The session 次, e.g. 7.")],
    on: Annotated[str, typer.Option("--on", help="The day it was held.")],
    kind: Annotated[
        str,
        typer.Option(
            "--kind", help="congress 职工代表大会, member_congress 会员代表大会, joint 联席会议."
        ),
    ] = "congress",
    attendance: Annotated[
        int | None, typer.Option("--attendance", min=0, help="Representatives present.")
    ] = None,
) -> None:
    """Add a congress session; prints its code (TERM-SESSION, e.g. 5-7).

    Example: unionctl proposals session add --term 5 --session 7 --on 2025-03-16 --attendance 186
    """
    from unionctl.labels import Term
    from unionctl.parsing import parse_code, parse_date
    from unionctl.services.proposals import add_session

    kind_code = parse_code("session_kind", kind)
    when = parse_date(on)
    database = open_db()
    with writing(database) as work:
        row = add_session(
            work, term=term, session=session, on=when, kind=kind_code, attendance=attendance
        )
        say(
            "session_added",
            code=row.code,
            kind=Term("session_kind", row.kind),
            on=row.held_on.isoformat(),
        )


@session_app.command("list")
@command
def proposals_session_list() -> None:
    """List the congress sessions with the proposals raised at each.

    Example: unionctl proposals session list
    """
    from unionctl.reports.proposals import session_list

    database = open_db()
    with database.read() as db:
        emit(session_list(db))


@app.command("add")
@command
def proposals_add(
    title: Annotated[str, typer.Argument(help="The title 案由.", show_default=False)],
    by: Annotated[
        str,
        typer.Option("--by", help="Submitter's employee number 提案人工号.", show_default=False),
    ],
    cosigners: Annotated[
        str | None,
        typer.Option(
            "--cosigners",
            help="Co-signers' employee numbers 附议人, e.g. 10002,10004.",
            show_default=False,
        ),
    ] = None,
    category: Category = None,
    session: SessionCode = None,
    kind: Annotated[
        str,
        typer.Option("--kind", help="proposal 提案, suggestion 意见建议, appeal 职工诉求."),
    ] = "proposal",
    on: OnDate = None,
    text: Annotated[
        str | None, typer.Option("--text", help="The full text 内容.", show_default=False)
    ] = None,
) -> None:
    """Record a proposal, suggestion or appeal; prints its code (2025-001, S2025-001, A2025-001).

    The submitter and every co-signer must be members in good standing that day.

    Example: unionctl proposals add 增设暑期托管班 --by 10023 --cosigners 10031,10045 --session 5-7
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Term
    from unionctl.parsing import parse_code, parse_member_ref, parse_text
    from unionctl.reports.proposals import parse_session_code
    from unionctl.services.proposals import ProposalInput, add_proposal

    heading = parse_text(title)
    if not heading:
        raise UnionError("bad_text", what=Term("header", "proposal_title"))
    data = ProposalInput(
        title=heading,
        submitter=parse_member_ref(by),
        kind=parse_code("proposal_kind", kind),
        cosigners=_emp_nos(cosigners),
        category=parse_text(category),
        session=parse_session_code(session) if session else None,
        on=_on(on),
        text=parse_text(text),
    )
    database = open_db()
    with writing(database) as work:
        proposal, submitter = add_proposal(work, data)
        say(
            "proposal_added",
            code=proposal.code,
            kind=Term("proposal_kind", proposal.kind),
            title=proposal.title,
            emp_no=submitter.emp_no,
            name=submitter.name,
        )


def _emp_nos(text: str | None) -> tuple[str, ...]:
    from unionctl.services.proposal_import import split_emp_nos

    return split_emp_nos(text)


@app.command("accept")
@command
def proposals_accept(code: Code, on: OnDate = None) -> None:
    """Accept a case (立案).

    Example: unionctl proposals accept 2025-001 --on 2025-03-20
    """
    from unionctl.services.proposals import accept

    when = _on(on)
    database = open_db()
    with writing(database) as work:
        _stepped(accept(work, code=code, on=when))


@app.command("reject")
@command
def proposals_reject(
    code: Code,
    reason: Annotated[str, typer.Option("--reason", help="Why it is not accepted (不予立案).")],
    on: OnDate = None,
) -> None:
    """Reject a case (不予立案), with the reason the submitter is told.

    Example: unionctl proposals reject 2025-002 --reason 不属于职代会提案范围
    """
    from unionctl.errors import UnionError
    from unionctl.parsing import parse_text
    from unionctl.services.proposals import reject

    why = parse_text(reason)
    if not why:
        raise UnionError("reason_required", action="reject")
    when = _on(on)
    database = open_db()
    with writing(database) as work:
        _stepped(reject(work, code=code, reason=why, on=when))


@app.command("convert")
@command
def proposals_convert(code: Code, on: OnDate = None) -> None:
    """Handle a proposal as a suggestion (转为意见建议); it keeps its code.

    Example: unionctl proposals convert 2025-003
    """
    from unionctl.services.proposals import convert

    when = _on(on)
    database = open_db()
    with writing(database) as work:
        _stepped(convert(work, code=code, on=when))


@app.command("assign")
@command
def proposals_assign(
    code: Code,
    dept: Annotated[str, typer.Option("--dept", help="Responsible department 承办部门.")],
    due: Annotated[str, typer.Option("--due", help="Reply due by this date 办理期限.")],
    key: Annotated[bool, typer.Option("--key", help="A key item 重点督办.")] = False,
    on: OnDate = None,
) -> None:
    """Assign an accepted case to a department with a due date (交办).

    Example: unionctl proposals assign 2025-001 --dept 后勤保障部 --due 2025-06-30 --key
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Term
    from unionctl.parsing import parse_date, parse_text
    from unionctl.services.proposals import assign

    department = parse_text(dept)
    if not department:
        raise UnionError("bad_text", what=Term("header", "handling_dept"))
    due_on = parse_date(due)
    when = _on(on)
    database = open_db()
    with writing(database) as work:
        _stepped(assign(work, code=code, dept=department, due=due_on, key=key, on=when))


@app.command("reply")
@command
def proposals_reply(
    code: Code,
    disposition: Annotated[
        str,
        typer.Option(
            "--disposition",
            help="resolved 已落实, explained 解释说明, urged 督促办理, scheduled 列入计划.",
        ),
    ],
    text: Annotated[str, typer.Option("--text", help="The department's reply 答复内容.")],
    on: OnDate = None,
) -> None:
    """Record the department's reply (答复) and how the case was handled.

    Example: unionctl proposals reply 2025-001 --disposition resolved --text 已于6月起试行
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Term
    from unionctl.parsing import parse_code, parse_text
    from unionctl.services.proposals import reply

    how = parse_code("disposition", disposition)
    answer = parse_text(text)
    if not answer:
        raise UnionError("bad_text", what=Term("header", "reply"))
    when = _on(on)
    database = open_db()
    with writing(database) as work:
        _stepped(reply(work, code=code, disposition=how, text=answer, on=when))


@app.command("close")
@command
def proposals_close(
    code: Code,
    satisfaction: Annotated[
        str | None,
        typer.Option(
            "--satisfaction",
            help="satisfied 满意, basic 基本满意, unsatisfied 不满意 (the submitter's view).",
            show_default=False,
        ),
    ] = None,
    on: OnDate = None,
) -> None:
    """Close a replied case (办结) with the submitter's satisfaction.

    Example: unionctl proposals close 2025-001 --satisfaction satisfied
    """
    from unionctl.parsing import parse_optional_code
    from unionctl.services.proposals import close

    rating = parse_optional_code("satisfaction", satisfaction)
    when = _on(on)
    database = open_db()
    with writing(database) as work:
        _stepped(close(work, code=code, satisfaction=rating, on=when))


@app.command("show")
@command
def proposals_show(code: Code) -> None:
    """Show one case and its whole timeline: every step, its date and who recorded it.

    Example: unionctl proposals show 2025-001
    """
    from unionctl.reports.proposals import proposal_show

    database = open_db()
    with database.read() as db:
        emit(proposal_show(db, code))


@app.command("list")
@command
def proposals_list(
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="submitted, accepted, rejected, converted, assigned, replied, closed (已立案…).",
            show_default=False,
        ),
    ] = None,
    kind: Kind = None,
    category: Category = None,
    session: SessionCode = None,
    dept: Dept = None,
    overdue: Annotated[
        bool,
        typer.Option("--overdue", help="Only assigned cases past their due date without a reply."),
    ] = False,
    key: Annotated[bool, typer.Option("--key", help="Only key items 重点督办.")] = False,
) -> None:
    """List cases; --overdue adds the days overdue (exit 0 with an empty list when none).

    Example: unionctl proposals list --overdue --format csv
    """
    from unionctl.parsing import parse_optional_code, parse_text, today
    from unionctl.reports.proposals import ProposalFilter, parse_session_code, proposal_list

    filters = ProposalFilter(
        status=parse_optional_code("proposal_status", status),
        kind=parse_optional_code("proposal_kind", kind),
        category=parse_text(category),
        session=parse_session_code(session) if session else None,
        dept=parse_text(dept),
        overdue=overdue,
        key=key,
    )
    database = open_db()
    with database.read() as db:
        emit(proposal_list(db, filters, day=today()))


@app.command("import")
@command
def proposals_import(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV/TSV (UTF-8, UTF-8 with BOM or GB18030) or an .xlsx workbook.",
            show_default=False,
        ),
    ],
    dry_run: DryRunOption = False,
    sheet: SheetOption = None,
) -> None:
    """Import a session's cases as the committee keeps them; all or nothing.

    Headers may be codes or Chinese: 标题/案由, 提案人工号, 附议人, 类型, 类别, 届次, 提交日期,
    内容, and how far each case got: 立案情况, 立案日期, 不予立案理由, 承办部门, 办理期限,
    重点督办, 答复类型, 答复内容, 答复日期, 满意度, 办结日期. Each row goes through the same
    steps as the commands; a step's date left blank is the previous step's.

    Example: unionctl proposals import 五届七次提案.xlsx --dry-run
    """
    from unionctl.services.proposal_import import import_proposals, read_proposals

    table = read_proposals(file, sheet=sheet)
    warn_about_file(table)
    database = open_db()
    with progress(None, str(file.name)) as advance:
        count = import_proposals(
            database,
            table,
            actor=state().who,
            command=state().command,
            dry_run=dry_run,
            advance=advance,
        )
    state().committed = not dry_run
    say(
        "proposals_import_checked" if dry_run else "proposals_imported",
        path=file,
        err=dry_run,
        count=count,
    )
