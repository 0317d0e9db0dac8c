"""`unionctl members …`: the member roll (会员名册), branches, hardship, honours."""

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
    warn,
    warn_about_file,
    writing,
)

app = typer.Typer(
    rich_markup_mode=None,
    help="The member roll (会员名册): people, branches, status history, hardship, honours.",
)
branch_app = typer.Typer(
    rich_markup_mode=None, help="The union branches (分工会) members belong to."
)
app.add_typer(branch_app, name="branch")

EmpNo = Annotated[str, typer.Argument(help="Employee number (工号).", show_default=False)]
OnDate = Annotated[
    str, typer.Option("--on", help="When it happened: 2025-03-16, 2025/3/16, 2025年3月16日, today.")
]
Reason = Annotated[str | None, typer.Option("--reason", help="Why (kept in the history).")]

# The member fields shared by `add` and `edit`.
Gender = Annotated[str | None, typer.Option("--gender", help="M/F (男/女).", show_default=False)]
Birth = Annotated[str | None, typer.Option("--birth", help="Birth date.", show_default=False)]
Dept = Annotated[str | None, typer.Option("--dept", help="Department 科室.", show_default=False)]
BranchName = Annotated[
    str | None,
    typer.Option("--branch", help="Branch 分工会 (see `members branch list`).", show_default=False),
]
Post = Annotated[
    str | None, typer.Option("--post", help="Title or post 职务/职称.", show_default=False)
]
Phone = Annotated[
    str | None,
    typer.Option("--phone", help="Phone number (masked in listings).", show_default=False),
]
IdCardOpt = Annotated[
    str | None,
    typer.Option(
        "--id-card",
        help="ID-card number 身份证号; birth date and gender follow from it.",
        show_default=False,
    ),
]
Employment = Annotated[
    str | None,
    typer.Option(
        "--employment",
        help="staff 在编, contract 合同制, trainee 规培, retired 退休.",
        show_default=False,
    ),
]
Status = Annotated[
    str | None,
    typer.Option("--status", help="member 在会 or non_member 未入会.", show_default=False),
]
Joined = Annotated[
    str | None, typer.Option("--joined", help="Date joined the union.", show_default=False)
]
Hired = Annotated[
    str | None,
    typer.Option(
        "--hired",
        help="Hire date 入职日期: on the roll from then (default: the join date, else today).",
        show_default=False,
    ),
]


def _member_input(
    *,
    name: str | None = None,
    gender: str | None,
    birth: str | None,
    dept: str | None,
    branch: str | None,
    post: str | None,
    phone: str | None,
    id_card: str | None,
    employment: str | None,
    status: str | None,
    joined: str | None,
    hired: str | None = None,
    statuses: tuple[str, ...] | None = ("member", "non_member"),
):
    from unionctl.parsing import (
        parse_code,
        parse_option_date,
        parse_optional_birth_date,
        parse_optional_code,
        parse_phone,
        parse_text,
    )
    from unionctl.services.members import MemberInput

    return MemberInput(
        name=parse_text(name),
        gender=parse_optional_code("gender", gender),
        birth_date=parse_optional_birth_date(birth),
        phone=parse_phone(phone),
        id_card=parse_text(id_card),
        dept=parse_text(dept),
        branch=parse_text(branch),
        post=parse_text(post),
        employment=parse_optional_code("employment", employment),
        status=parse_code("status", status, allowed=statuses) if status else None,
        joined_on=parse_option_date(joined),
        hired_on=parse_option_date(hired),
    )


@app.command("add")
@command
def members_add(
    emp_no: EmpNo,
    name: Annotated[str, typer.Argument(help="Full name 姓名.", show_default=False)],
    gender: Gender = None,
    birth: Birth = None,
    dept: Dept = None,
    branch: BranchName = None,
    post: Post = None,
    phone: Phone = None,
    id_card: IdCardOpt = None,
    employment: Employment = None,
    status: Status = None,
    joined: Joined = None,
    hired: Hired = None,
) -> None:
    """Add a person to the roll (a member joining today unless --status/--joined say otherwise).

    Example: unionctl members add 10023 张丽 --branch 护理分工会 --id-card 330102199003071521
    """
    from unionctl.parsing import parse_emp_no
    from unionctl.services.members import add_member

    number = parse_emp_no(emp_no)
    data = _member_input(
        name=name,
        gender=gender,
        birth=birth,
        dept=dept,
        branch=branch,
        post=post,
        phone=phone,
        id_card=id_card,
        employment=employment,
        status=status,
        joined=joined,
        hired=hired,
    )
    database = open_db()
    with writing(database) as work:
        member, new = add_member(work, emp_no=number, data=data)
        if new.joined_today:
            say(
                "added_member_joined_today",
                emp_no=member.emp_no,
                name=member.name,
                on=member.joined_on.isoformat(),
            )
        else:
            say("added_member", emp_no=member.emp_no, name=member.name)


@app.command("edit")
@command
def members_edit(
    emp_no: EmpNo,
    name: Annotated[
        str | None, typer.Option("--name", help="Corrected name.", show_default=False)
    ] = None,
    gender: Gender = None,
    birth: Birth = None,
    dept: Dept = None,
    branch: BranchName = None,
    post: Post = None,
    phone: Phone = None,
    id_card: IdCardOpt = None,
    employment: Employment = None,
    status: Status = None,
    joined: Joined = None,
    hired: Hired = None,
    clear: Annotated[
        list[str] | None,
        typer.Option(
            "--clear",
            help="Empty a field: gender, birth_date, phone, id_card, dept, branch, post "
            "(repeatable; an empty value such as --phone '' does the same).",
            show_default=False,
        ),
    ] = None,
    on: OnDate = "today",
) -> None:
    """Change a member's details; branch, employment and status changes go into the history.

    --joined or --hired alone corrects that date (the history moves with it).

    Example: unionctl members edit 10023 --dept 急诊科 --phone 13800001234
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Term, Words
    from unionctl.parsing import parse_date, parse_member_ref
    from unionctl.services.members import CLEARABLE, edit_member

    number = parse_member_ref(emp_no)
    emptied = set()
    for field_name in clear or []:
        code = field_name.strip().replace("-", "_")
        code = {"birth": "birth_date"}.get(code, code)
        if code not in CLEARABLE:
            raise UnionError("bad_clear", value=field_name, accepted=", ".join(CLEARABLE))
        emptied.add(code)
    given = {
        "gender": gender,
        "birth_date": birth,
        "dept": dept,
        "branch": branch,
        "post": post,
        "phone": phone,
        "id_card": id_card,
    }
    for code, value in given.items():
        if value is None:
            continue
        if value.strip() and code in emptied:
            raise UnionError("clear_and_set", field=Term("header", code))
        if not value.strip():
            emptied.add(code)
    gender, birth, dept, branch, post, phone, id_card = (
        None if code in emptied else value for code, value in given.items()
    )
    data = _member_input(
        name=name,
        gender=gender,
        birth=birth,
        dept=dept,
        branch=branch,
        post=post,
        phone=phone,
        id_card=id_card,
        employment=employment,
        status=status,
        joined=joined,
        hired=hired,
        statuses=None,
    )
    when = parse_date(on)
    database = open_db()
    with writing(database) as work:
        member, changed = edit_member(
            work, emp_no=number, data=data, on=when, clear=frozenset(emptied)
        )
        if changed:
            say(
                "updated_member",
                emp_no=member.emp_no,
                name=member.name,
                fields=Words(tuple(Term("header", name) for name in changed)),
            )
        else:
            say("unchanged_member", emp_no=member.emp_no, name=member.name)


@app.command("show")
@command
def members_show(emp_no: EmpNo) -> None:
    """Show one member: profile, status and branch history, hardship record, honours.

    Example: unionctl members show 10023
    """
    from unionctl.parsing import parse_member_ref, today
    from unionctl.reports.roster import member_profile

    number = parse_member_ref(emp_no)
    database = open_db()
    with database.read() as db:
        emit(
            member_profile(db, number, today=today(), fmt_json=state().format == "json"),
            private=True,
        )


@app.command("list")
@command
def members_list(
    branch: BranchName = None,
    dept: Dept = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="member, non_member, left, departed, transferred, deceased (or 在会…).",
            show_default=False,
        ),
    ] = None,
    employment: Employment = None,
    gender: Gender = None,
    hardship: Annotated[
        bool, typer.Option("--hardship", help="Only members with an open hardship record.")
    ] = False,
    born_month: Annotated[
        int | None,
        typer.Option(
            "--born-month", min=1, max=12, help="Born in this month (birthday greetings)."
        ),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            help="Text in name, number, dept or post; with --include-private, phone and "
            "ID card too. % and _ are plain characters.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """List members; phone numbers are masked unless --include-private.

    Example: unionctl members list --branch 内科分工会 --status member --format csv > 内科.csv
    """
    from unionctl.parsing import parse_optional_code, parse_text
    from unionctl.reports.roster import RosterFilter, member_list

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
    database = open_db()
    with database.read() as db:
        emit(member_list(db, filters, include_private=state().include_private), private=True)


def _status_command(emp_no: str, action: str, on: str, reason: str | None) -> None:
    from unionctl.parsing import parse_date, parse_member_ref, parse_text
    from unionctl.services.members import change_status

    number = parse_member_ref(emp_no)
    when = parse_date(on)
    database = open_db()
    with writing(database) as work:
        member, old, new = change_status(
            work, emp_no=number, action=action, on=when, reason=parse_text(reason)
        )
        _say_change(member, ("status", old), ("status", new), when)


def _say_change(member, old: tuple[str, str], new: tuple[str, str], when) -> None:
    from unionctl.labels import Term

    say(
        "status_changed",
        emp_no=member.emp_no,
        name=member.name,
        old=Term(*old),
        new=Term(*new),
        on=when.isoformat(),
    )


@app.command("join")
@command
def members_join(emp_no: EmpNo, on: OnDate = "today", reason: Reason = None) -> None:
    """Record joining the union (入会).

    Example: unionctl members join 10023 --on 2025-03-01
    """
    _status_command(emp_no, "join", on, reason)


@app.command("leave")
@command
def members_leave(emp_no: EmpNo, on: OnDate = "today", reason: Reason = None) -> None:
    """Record quitting the union (退会); the person stays on the hospital's roll.

    Someone leaving the hospital is recorded with `members depart`.

    Example: unionctl members leave 10023 --on 2025-06-30 --reason 个人申请
    """
    _status_command(emp_no, "leave", on, reason)


@app.command("decease")
@command
def members_decease(emp_no: EmpNo, on: OnDate = "today", reason: Reason = None) -> None:
    """Record a death (去世): off the roll that day; the records stay.

    Example: unionctl members decease 10023 --on 2025-08-02 --reason 病故
    """
    _status_command(emp_no, "decease", on, reason)


@app.command("depart")
@command
def members_depart(
    emp_no: EmpNo,
    on: OnDate = "today",
    reason: Annotated[
        str | None, typer.Option("--reason", help="离职, 调出 … (kept in the history).")
    ] = None,
    transfer_out: Annotated[
        bool,
        typer.Option(
            "--transfer-out", help="The union membership moves with them (转出), not ends."
        ),
    ] = False,
) -> None:
    """Record leaving the hospital (离职/调出): off the roll that day; membership ends with it.

    Example: unionctl members depart 10023 --on 2025-06-30 --reason 调出 --transfer-out
    """
    _status_command(emp_no, "transfer_out" if transfer_out else "depart", on, reason)


@app.command("delete")
@command
def members_delete(emp_no: EmpNo) -> None:
    """Remove someone added by mistake (only with no history beyond being added).

    Example: unionctl members delete 10099
    """
    from unionctl.parsing import parse_member_ref
    from unionctl.services.members import delete_member

    number = parse_member_ref(emp_no)
    database = open_db()
    with writing(database) as work:
        member = delete_member(work, emp_no=number)
        say("member_deleted", emp_no=number, name=member.name)


@app.command("renumber")
@command
def members_renumber(
    emp_no: EmpNo,
    new_emp_no: Annotated[str, typer.Argument(help="The right employee number.")],
) -> None:
    """Correct a mistyped employee number; everything recorded follows the person.

    Example: unionctl members renumber 10O23 10023
    """
    from unionctl.parsing import parse_emp_no, parse_member_ref
    from unionctl.services.members import renumber_member

    number = parse_member_ref(emp_no)
    new = parse_emp_no(new_emp_no)
    database = open_db()
    with writing(database) as work:
        member = renumber_member(work, emp_no=number, new_emp_no=new)
        say("member_renumbered", old=number, new=new, name=member.name)


@app.command("retire")
@command
def members_retire(emp_no: EmpNo, on: OnDate = "today", reason: Reason = None) -> None:
    """Record retirement (退休): employment becomes retired; union membership continues.

    Example: unionctl members retire 10023 --on 2025-12-31
    """
    from unionctl.parsing import parse_date, parse_member_ref, parse_text
    from unionctl.services.members import retire

    number = parse_member_ref(emp_no)
    when = parse_date(on)
    database = open_db()
    with writing(database) as work:
        member, old = retire(work, emp_no=number, on=when, reason=parse_text(reason))
        _say_change(member, ("employment", old), ("employment", "retired"), when)


@app.command("transfer")
@command
def members_transfer(
    emp_no: EmpNo,
    branch: Annotated[
        str | None, typer.Option("--branch", help="Move to this branch 分工会.")
    ] = None,
    out: Annotated[
        bool, typer.Option("--out", help="Transferred out of this union (转出).")
    ] = False,
    on: OnDate = "today",
    reason: Reason = None,
) -> None:
    """Move a member to another branch, or record a transfer out (转出, as depart --transfer-out).

    Example: unionctl members transfer 10023 --branch 外科分工会 --on 2025-04-01
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Phrase
    from unionctl.parsing import parse_date, parse_member_ref, parse_text
    from unionctl.services.members import transfer_branch

    if bool(branch) == bool(out):
        raise UnionError("transfer_target")
    if out:
        _status_command(emp_no, "transfer_out", on, reason)
        return
    number = parse_member_ref(emp_no)
    when = parse_date(on)
    database = open_db()
    with writing(database) as work:
        member, old = transfer_branch(work, emp_no=number, branch=parse_text(branch), on=when)
        say(
            "status_changed",
            emp_no=member.emp_no,
            name=member.name,
            old=old or Phrase("none"),
            new=branch,
            on=when.isoformat(),
        )


@app.command("hardship")
@command
def members_hardship(
    emp_no: EmpNo,
    tier: Annotated[
        str | None,
        typer.Option(
            "--tier",
            help="deep 深度困难, relative 相对困难, accidental 意外致困.",
            show_default=False,
        ),
    ] = None,
    reason: Reason = None,
    review: Annotated[
        bool, typer.Option("--review", help="Record the yearly re-check (复核).")
    ] = False,
    close: Annotated[
        bool, typer.Option("--close", help="Close the record (退档), e.g. --reason 脱困.")
    ] = False,
    household: Annotated[
        int | None, typer.Option("--household", min=1, help="Household size (家庭人口).")
    ] = None,
    income: Annotated[str | None, typer.Option("--income", help="Income note (收入情况).")] = None,
    on: OnDate = "today",
) -> None:
    """Keep the hardship record (困难职工档案): register, re-check yearly, close.

    Example: unionctl members hardship 10023 --tier deep --reason 本人患重病 --on 2025-03-01
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Term
    from unionctl.parsing import parse_code, parse_date, parse_member_ref, parse_text
    from unionctl.services import members as service

    number = parse_member_ref(emp_no)
    when = parse_date(on)
    why = parse_text(reason)
    registering = tier is not None and not review and not close
    if sum([registering, review, close]) != 1 or (tier is not None and close):
        raise UnionError("hardship_action")
    tier_code = parse_code("hardship_tier", tier) if tier else None
    if (registering or close) and not why:
        raise UnionError("reason_required", action="--close" if close else "--tier")
    database = open_db()
    with writing(database) as work:
        if registering:
            member, record = service.hardship_register(
                work,
                emp_no=number,
                tier=tier_code,
                reason=why,
                on=when,
                household_size=household,
                income_note=parse_text(income),
            )
            say(
                "hardship_registered",
                emp_no=number,
                name=member.name,
                tier=Term("hardship_tier", record.tier),
                on=when.isoformat(),
            )
        elif review:
            member, record = service.hardship_review(
                work, emp_no=number, on=when, tier=tier_code, note=why
            )
            say("hardship_reviewed", emp_no=number, name=member.name, on=when.isoformat())
        else:
            member, record = service.hardship_close(work, emp_no=number, reason=why, on=when)
            say("hardship_closed", emp_no=number, name=member.name, on=when.isoformat(), reason=why)


@app.command("honour")
@command
def members_honour(
    emp_no: EmpNo,
    title: Annotated[
        str, typer.Argument(help="The honour: 先进工作者, 劳动模范 …", show_default=False)
    ],
    level: Annotated[
        str,
        typer.Option("--level", help="hospital 院级, city 市级, province 省级, national 国家级."),
    ] = "hospital",
    on: OnDate = "today",
) -> None:
    """Record an honour (劳模, 先进工作者 …).

    Example: unionctl members honour 10023 优秀护士 --level city --on 2025-05-12
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Term
    from unionctl.parsing import parse_code, parse_date, parse_member_ref, parse_text
    from unionctl.services.members import add_honour

    number = parse_member_ref(emp_no)
    text = parse_text(title)
    if not text:
        raise UnionError("bad_text", what=Term("header", "title"))
    level_code = parse_code("honour_level", level)
    when = parse_date(on)
    database = open_db()
    with writing(database) as work:
        member = add_honour(work, emp_no=number, title=text, level=level_code, on=when)
        say(
            "honour_added",
            emp_no=number,
            name=member.name,
            title=text,
            level=Term("honour_level", level_code),
            on=when.isoformat(),
        )


@app.command("import")
@command
def members_import(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV/TSV (UTF-8, UTF-8 with BOM or GB18030) or an .xlsx workbook.",
            show_default=False,
        ),
    ],
    dry_run: DryRunOption = False,
    update: Annotated[
        bool, typer.Option("--update", help="Update members whose employee number exists.")
    ] = False,
    create_branches: Annotated[
        bool,
        typer.Option(
            "--create-branches", help="Add branches the file names that do not exist yet."
        ),
    ] = False,
    sheet: SheetOption = None,
    status_on: Annotated[
        str | None,
        typer.Option(
            "--status-on",
            help="With --update: the date status, branch and employment changes take effect "
            "(without it, status changes are refused and moves are dated today).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Import a roster; all or nothing: one bad row and nothing is written.

    Headers may be codes (emp_no, name, …) or Chinese (工号, 姓名, 性别, 出生日期, 科室, 分工会,
    入职日期 …). With --update, a blank cell or an absent column leaves that field as it is
    (empty a field with `members edit --clear`). --dry-run lists what each row would change.

    Example: unionctl members import 花名册.xlsx --sheet 在职职工 --create-branches --dry-run
    Example: unionctl members import 花名册.csv --update --status-on 2025-06-30 --dry-run
    """
    from unionctl.parsing import parse_option_date
    from unionctl.services.member_import import import_members, read_roster

    when = parse_option_date(status_on)
    roster = read_roster(file, sheet=sheet)
    warn_about_file(roster)
    database = open_db()
    with progress(None, str(file.name)) as advance:
        result = import_members(
            database,
            roster,
            actor=state().who,
            command=state().command,
            update=update,
            create_branches=create_branches,
            dry_run=dry_run,
            status_on=when,
            advance=advance,
        )
    state().committed = not dry_run  # an output failure from here on must say it landed
    if dry_run and result.changes:
        emit(_changes_table(result.changes))
    counts = {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
    if result.new_branches:
        say("import_new_branches", err=True, count=len(result.new_branches))
        for name, closest in result.new_branches:
            if closest:
                say("import_new_branch_near", err=True, name=name, closest=closest)
            else:
                warn(f"  + {name}")
    say("import_checked" if dry_run else "imported", path=file, err=dry_run, **counts)


def _changes_table(changes):
    """--dry-run: one line per changed field of each member (line, emp_no, field: old → new)."""
    from unionctl.render import Column, Table

    return Table(
        key="changes",
        title="t_import_changes",
        columns=(
            Column("line", "int"),
            Column("emp_no"),
            Column("name"),
            Column("field", "term"),
            Column("before", "term"),
            Column("after", "term"),
        ),
        rows=(
            (
                c.line,
                c.emp_no,
                c.name,
                _field_term(c.field),
                _shown(c.field, c.old),
                _shown(c.field, c.new),
            )
            for c in changes
        ),
    )


def _field_term(name: str):
    from unionctl.labels import Term

    return Term("header", name)


def _shown(name: str, value):
    import datetime as dt

    from unionctl.labels import Term
    from unionctl.privacy import mask_id_card, mask_phone

    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if name in ("gender", "employment", "status"):
        return Term(name, value)
    if name == "phone" and not state().include_private:
        return mask_phone(value)
    if name == "id_card" and not state().include_private:
        return mask_id_card(value)
    return value


@app.command("export")
@command
def members_export() -> None:
    """Export the roll as CSV that `members import --update` takes back unchanged.

    Phone and ID-card numbers are left out unless --include-private.

    Example: unionctl members export --bom --output 会员名册.csv
    """
    from unionctl.reports.roster import member_export

    if state().format is None:
        state().format = "csv"
    database = open_db()
    with database.read() as db:
        emit(member_export(db, include_private=state().include_private), private=True)


@branch_app.command("add")
@command
def members_branch_add(
    name: Annotated[str, typer.Argument(help="Branch name, e.g. 护理分工会.", show_default=False)],
    parent: Annotated[
        str | None, typer.Option("--parent", help="The branch it belongs under.")
    ] = None,
) -> None:
    """Add a branch (分工会) to the list members are assigned from.

    Example: unionctl members branch add 护理分工会
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Term
    from unionctl.parsing import parse_text
    from unionctl.services.branches import add_branch

    text = parse_text(name)
    if not text:
        raise UnionError("bad_text", what=Term("header", "branch"))
    database = open_db()
    with writing(database) as work:
        add_branch(work, name=text, parent=parse_text(parent))
        say("branch_added", name=text)


@branch_app.command("list")
@command
def members_branch_list() -> None:
    """List the branches with their members in good standing.

    Example: unionctl members branch list --format csv
    """
    from unionctl.reports.roster import branch_table

    database = open_db()
    with database.read() as db:
        emit(branch_table(db))


@branch_app.command("rename")
@command
def members_branch_rename(
    old: Annotated[str, typer.Argument(help="Current name.", show_default=False)],
    new: Annotated[str, typer.Argument(help="New name.", show_default=False)],
) -> None:
    """Rename a branch; members and their history follow it.

    Example: unionctl members branch rename 后勤分工会 后勤保障分工会
    """
    from unionctl.errors import UnionError
    from unionctl.labels import Term
    from unionctl.parsing import parse_text
    from unionctl.services.branches import rename_branch

    old_name, new_name = parse_text(old), parse_text(new)
    if not old_name or not new_name:
        raise UnionError("bad_text", what=Term("header", "branch"))
    database = open_db()
    with writing(database) as work:
        rename_branch(work, old=old_name, new=new_name)
        say("branch_renamed", old=old_name, new=new_name)


def _register_history_commands() -> None:
    # `rehire` and `undo` live in their own module (this one is long enough).
    from unionctl.cli import members_history

    members_history.register(app)


_register_history_commands()
