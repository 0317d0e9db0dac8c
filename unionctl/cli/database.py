"""Commands about the database itself: init, demo, log, db path|backup|check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from unionctl.cli.context import command, emit, open_db, say, state

db_app = typer.Typer(
    rich_markup_mode=None, help="The database file: where it is, a safe backup, an integrity check."
)


@command
def init() -> None:
    """Create the database, or upgrade its schema (backing it up first). Safe to re-run.

    Example: unionctl --db union.db init
    """
    from unionctl.db import resolve_target
    from unionctl.db.migrate import initialise

    target = resolve_target(state().db)
    result = initialise(target, actor=state().who)
    if result.old_revision == result.revision:
        say("init_current", path=target.display, rev=result.revision)
    elif result.old_revision is None:
        say("init_created", path=target.display, rev=result.revision)
    else:
        say(
            "init_upgraded",
            path=target.display,
            old=result.old_revision,
            rev=result.revision,
            backup=result.backup,
        )


@command
def demo(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Where to build the demo (default: a new temporary file)."),
    ] = None,
) -> None:
    """Build a sample hospital from examples/ into a fresh file and print its overview.

    Never touches your real database: without --db it writes to a new temporary file.

    Example: unionctl demo --db /tmp/demo.db
    """
    import shutil
    import tempfile

    from unionctl.cli.context import progress
    from unionctl.services.demo import build_demo, demo_overview

    # Without --db the demo is a look, not a file to keep: it is built in a private
    # temporary folder that is removed once the report is printed (it used to pile up
    # in /tmp). stdout stays the report alone; the line about the file is on stderr.
    scratch = None if db else Path(tempfile.mkdtemp(prefix="unionctl-demo-"))
    path = scratch / "demo.db" if scratch else Path(db).expanduser().absolute()
    try:
        with progress(None, "demo") as advance:
            summary = build_demo(path, actor=state().who, advance=advance)
        state().db = str(path)
        database = open_db()
        with database.read() as db:
            tables = demo_overview(db, year=summary.year)
        counts = {"members": summary.people, "branches": summary.branches}
        if scratch:
            say("demo_built_temporary", err=True, **counts)
        else:
            say("demo_built", path=path, err=True, **counts)
        emit(tables)
    finally:
        if scratch:
            for opened in state().opened:
                opened.dispose()
            shutil.rmtree(scratch, ignore_errors=True)


@command
def log(
    entity: Annotated[
        str | None, typer.Option(help="member, branch, proposal, session, aid, event or database.")
    ] = None,
    key: Annotated[str | None, typer.Option(help="An employee number, a code, an id.")] = None,
    since: Annotated[str | None, typer.Option(help="Only entries on or after this date.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many, newest first.")] = 50,
) -> None:
    """Show the audit log: every write, who made it, and what changed.

    Example: unionctl log --entity member --key 10023 --since 2025-01-01
    """
    from unionctl.parsing import parse_code, parse_option_date
    from unionctl.reports.audit import audit_table

    entity_code = parse_code("entity", entity) if entity else None
    since_date = parse_option_date(since)
    database = open_db()
    with database.read() as db:
        table = audit_table(
            db,
            entity=entity_code,
            key=key,
            since=since_date,
            limit=limit,
            include_private=state().include_private,
            lang=state().language,
        )
        emit(table)


@command
def db_path() -> None:
    """Print where the database is (after --db and $UNIONCTL_DB).

    Example: unionctl db path
    """
    from unionctl.db import resolve_target

    # said like any command's output line: --output and --format apply; a closed
    # stdout is an error, not silence
    say("db_path", path=resolve_target(state().db).display)


@command
def db_backup(
    dest: Annotated[Path, typer.Argument(help="The backup file to create (must not exist).")],
) -> None:
    """Copy the database safely, even while another process writes to it.

    Example: unionctl db backup ~/backups/union-2025-12-31.db
    """
    from unionctl.db.migrate import backup_database

    database = open_db(check_schema=False)
    size = backup_database(database, dest.expanduser().absolute())
    say("backup_done", src=database.target.path, dest=dest, size=_size(size))


def _size(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB" if size >= 1_048_576 else f"{size / 1024:.0f} KB"


@command
def db_check() -> None:
    """Check integrity, foreign keys and the schema version; exit 1 when anything fails.

    Example: unionctl db check && echo ok
    """
    from unionctl.db.migrate import check
    from unionctl.render import Column, Table

    database = open_db(check_schema=False)
    results = check(database)
    emit(
        Table(
            key="checks",
            title="t_db_check",
            columns=(Column("check"), Column("result"), Column("ok", "bool")),
            rows=[(name, detail, ok) for name, detail, ok in results],
        )
    )
    failed = sum(1 for _n, _d, ok in results if not ok)
    if failed:
        typer.echo(f"unionctl: {database.target.display}: {failed} check(s) failed", err=True)
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("demo")(demo)
    app.command("log")(log)
    db_app.command("path")(db_path)
    db_app.command("backup")(db_backup)
    db_app.command("check")(db_check)
    app.add_typer(db_app, name="db")
