"""What every command shares: the global options, the output options (defined once,
accepted before or after the command), opening the database, printing, progress.

Nothing heavy is imported at module level: `--help`, `--version` and shell completion
must not pay for SQLAlchemy (measured: 631 ms vs 171 ms for --help).
"""

from __future__ import annotations

import functools
import getpass
import inspect
import os
import sys
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Any

import typer

from unionctl.labels import message, resolve_lang

if TYPE_CHECKING:
    from unionctl.db import Database, Work
    from unionctl.render import Record, Table


@dataclass
class AppState:
    db: str | None = None
    format: str | None = None
    output: str | None = None
    bom: bool = False
    lang: str | None = None
    actor: str | None = None
    include_private: bool = False
    command: str = ""
    opened: list[Database] = field(default_factory=list)
    held: list[tuple[str, bool]] | None = None  # confirmations waiting for the commit
    committed: bool = False  # a write landed: an output failure after it must say so
    emitted: bool = False  # the command printed a table: its output is that table
    receipt: list[str] = field(default_factory=list)  # what it said, for --output/--format
    changes: list[dict] | None = None  # what its transactions wrote (the audit entries)

    @property
    def language(self) -> str:
        return resolve_lang(self.lang)

    @property
    def who(self) -> str:
        if self.actor:
            return self.actor
        try:
            return os.environ.get("USER") or getpass.getuser()
        except Exception:  # no passwd entry in a container
            return "unknown"


_state = AppState()


def state() -> AppState:
    return _state


def reset_state(**values: Any) -> AppState:
    global _state
    _state = AppState(**values)
    return _state


def check_format(value: str | None) -> str | None:
    """Refuse an unknown --format before any work is done."""
    if value is None:
        return None
    from unionctl.render import check_format as known

    return known(value)


def check_lang(value: str | None) -> str | None:
    if value is not None and value not in ("zh", "en"):
        from unionctl.cli.usage import LocalisedBadParameter

        raise LocalisedBadParameter("bad_lang", value=value)
    return value


# The output options, defined once. Every listing and report accepts them after the
# command name too (`unionctl members list --format csv`); given there, they win.
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="table, csv, tsv, json, md, xlsx (needs --output), or any tabulate format "
        "(github, grid…).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", help="Write to FILE (atomically) instead of stdout.", show_default=False
    ),
]
BomOption = Annotated[
    bool,
    typer.Option(
        "--bom",
        help="CSV/TSV for a spreadsheet: a UTF-8 BOM (so Excel reads Chinese), and employee, "
        'phone and ID-card numbers written ="00123" so they stay text.',
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang", help="zh or en (default: $UNIONCTL_LANG, then the locale).", callback=check_lang
    ),
]
PrivateOption = Annotated[
    bool,
    typer.Option(
        "--include-private", help="Show phone and ID-card numbers unmasked / export them."
    ),
]

# Where and who: also accepted on both sides of the command (`unionctl init --db F`).
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database file or SQLAlchemy URL (default: $UNIONCTL_DB, then "
        "$XDG_DATA_HOME/unionctl/union.db).",
        show_default=False,
    ),
]
ActorOption = Annotated[
    str | None,
    typer.Option(
        "--actor", help="Who is acting, for the audit log (default: $USER).", show_default=False
    ),
]

# What every import takes besides its file.
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Check every row; write nothing.")]
SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", help="The sheet of an .xlsx to read (default: the first)."),
]

# A period, as every report and dated listing takes it: --month, --year or --from/--to.
MonthOption = Annotated[
    str | None,
    typer.Option("--month", help="A month: 2025-03, 2025年3月, this, last.", show_default=False),
]
YearOption = Annotated[
    str | None, typer.Option("--year", help="A year: 2025, this, last.", show_default=False)
]
FromOption = Annotated[
    str | None, typer.Option("--from", help="First day of a date range.", show_default=False)
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", help="Last day of a date range (default: today).", show_default=False),
]

_OUTPUT_PARAMS = [
    inspect.Parameter(
        "format_", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=FormatOption
    ),
    inspect.Parameter(
        "output_", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=OutputOption
    ),
    inspect.Parameter("bom_", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=BomOption),
    inspect.Parameter("lang_", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=LangOption),
    inspect.Parameter(
        "include_private_", inspect.Parameter.KEYWORD_ONLY, default=False, annotation=PrivateOption
    ),
]
_WHERE_PARAMS = {
    "db": inspect.Parameter(
        "db_", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=DbOption
    ),
    "actor": inspect.Parameter(
        "actor_", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=ActorOption
    ),
}


def command(func: Callable[..., Any]) -> Callable[..., Any]:
    """Mark a command: names it for the audit log (`members_add` → "members add") and
    gives it the shared output options and --db/--actor, so they work after the command
    name too (a command with its own --db, like `demo`, keeps it)."""
    name = func.__name__.replace("_", " ")
    signature = inspect.signature(func)
    extra = [
        *_OUTPUT_PARAMS,
        *(p for own, p in _WHERE_PARAMS.items() if own not in signature.parameters),
    ]

    @functools.wraps(func)
    def with_output(*args: Any, **kwargs: Any) -> Any:
        _state.command = name
        _take_output_options(kwargs)
        result = func(*args, **kwargs)
        _write_receipt()
        return result

    # Resolve string annotations (PEP 563) here: Typer reads the options' settings
    # (help, min/max) from the Annotated metadata, which a string would hide.
    hints = typing.get_type_hints(func, include_extras=True)
    own = [
        p.replace(annotation=hints.get(p.name, p.annotation)) for p in signature.parameters.values()
    ]
    with_output.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*own, *extra], return_annotation=None
    )
    with_output.__annotations__ = {
        **{p.name: p.annotation for p in own},
        **{p.name: p.annotation for p in extra},
    }
    return with_output


def _take_output_options(kwargs: dict[str, Any]) -> None:
    """The output options given after the command name win over those before it."""
    fmt = kwargs.pop("format_", None)
    out = kwargs.pop("output_", None)
    bom = kwargs.pop("bom_", False)
    lang = kwargs.pop("lang_", None)
    private = kwargs.pop("include_private_", False)
    db = kwargs.pop("db_", None)
    actor = kwargs.pop("actor_", None)
    if db is not None:
        _state.db = db
    if actor is not None:
        _state.actor = actor
    if lang is not None:
        _state.lang = lang
    if fmt is not None:
        _state.format = check_format(fmt)
    if out is not None:
        _state.output = out
    _state.bom = _state.bom or bom
    _state.include_private = _state.include_private or private
    # Whatever cannot be output is refused before any work: a write would otherwise
    # land and then fail to say so.
    if _state.format == "xlsx" and _state.output in (None, "-"):
        from unionctl.errors import UnionError

        raise UnionError("xlsx_needs_output")
    if _state.output not in (None, "-"):
        from unionctl.output import check_target, protected_paths

        check_target(_state.output, protected=protected_paths(_database_paths()))


def open_db(*, check_schema: bool = True) -> Database:
    """The database named by --db / $UNIONCTL_DB / the default; refuses a missing file."""
    from unionctl.db import open_database, resolve_target

    database = open_database(resolve_target(_state.db), check_schema=check_schema)
    _state.opened.append(database)
    return database


@contextmanager
def writing(database: Database) -> Iterator[Work]:
    """One write transaction, audited with the actor and this command's name.

    Confirmations said inside it are held until the commit succeeds: a command never
    reports a change that did not land."""
    held: list[tuple[str, bool]] = []
    written: list[dict] = []
    _state.held = held
    try:
        with database.write(actor=_state.who, command=_state.command) as work:
            work.written = written
            yield work
    finally:
        _state.held = None
    _state.committed = True
    _state.changes = [*(_state.changes or []), *written]
    for text, err in held:
        _line(text, err=err)


def emit(items: Table | Record | list[Table | Record], *, private: bool = False) -> None:
    """Print tables in the chosen format to stdout or --output (unionctl.output's rules).

    `private` is kept for callers that still pass it: every output file is now 0600."""
    del private
    _state.emitted = True
    from unionctl.output import open_output, protected_paths
    from unionctl.render import Style, check_format, write

    fmt = check_format(_state.format or "table")
    style = Style(
        format=fmt,
        lang=_state.language,
        include_private=_state.include_private,
        bom=_state.bom and fmt in ("csv", "tsv"),
    )
    protected = protected_paths(_database_paths()) if _state.output not in (None, "-") else []
    if fmt == "xlsx":  # binary, to a file only; openpyxl/XlsxWriter load only here
        from unionctl.xlsx import write_workbook

        write_workbook(items, style, _state.output, protected=protected, committed=_state.committed)
        return
    with open_output(
        _state.output, bom=style.bom, protected=protected, committed=_state.committed
    ) as (stream, tty):
        write(items, style, stream, tty=tty)


def _database_paths() -> list:
    """The database file(s) this command uses, which --output must never overwrite."""
    paths = [database.target.path for database in _state.opened]
    if not paths:
        from unionctl.db import resolve_target

        paths.append(resolve_target(_state.db).path)
    return paths


def say(key: str, /, *, err: bool = False, **params: Any) -> None:
    """A one-line confirmation in the user's language, on stdout (stderr when stdout
    carries a table that a pipe or spreadsheet reads)."""
    from unionctl.render import printable

    text = printable(message(key, _state.language, **params))
    if _state.held is not None:
        _state.held.append((text, err))
    else:
        _line(text, err=err)


def _line(text: str, *, err: bool) -> None:
    """A said line goes out now, unless it is the command's receipt and --output or
    --format asked for it elsewhere or otherwise: then it waits for the command's end."""
    if not err and (_state.output not in (None, "-") or _state.format not in (None, "table")):
        _state.receipt.append(text)
        return
    from unionctl.output import echo

    echo(text, err=err, committed=_state.committed)


def _write_receipt() -> None:
    """What a command that prints no table said on stdout — a write's receipt (`aid give`
    prints `148：2025-11-02 慰问 …`) — honouring --output and --format like any listing:
    the lines as they are in `table` format, else one record through the renderer, where
    JSON gives {"message": …, "changes": [the audit entries the command wrote: entity,
    key (the new id), before, after — what `unionctl log -f json` shows of them]}."""
    lines, _state.receipt = _state.receipt, []
    if not lines:
        return
    from unionctl.output import echo, open_output, protected_paths

    if _state.emitted:  # its output was a table; these lines say how it went
        for text in lines:
            echo(text, committed=_state.committed)
        return
    if (_state.format or "table") == "table":  # to --output, as it would be on the screen
        protected = protected_paths(_database_paths())
        opened = open_output(
            _state.output, bom=False, protected=protected, committed=_state.committed
        )
        with opened as (stream, _tty):
            stream.write("".join(f"{text}\n" for text in lines))
        return
    import json

    from unionctl.render import Column, Record

    fields: list[tuple[Column, Any]] = [(Column("message"), "\n".join(lines))]
    if _state.changes is not None:
        changes = [
            {
                "entity": row["entity"],
                "key": row["key"],
                "before": None if row["before"] is None else json.loads(row["before"]),
                "after": None if row["after"] is None else json.loads(row["after"]),
            }
            for row in _state.changes
        ]
        fields.append((Column("changes", "json"), json.dumps(changes, ensure_ascii=False)))
    emit(Record(key="receipt", fields=fields))


def warn(text: str) -> None:
    from unionctl.output import echo

    echo(text, err=True)


@contextmanager
def progress(total: int | None, description: str) -> Iterator[Callable[[int], None]]:
    """A rich progress bar on a terminal; nothing at all under cron or in a pipe."""
    if not sys.stderr.isatty():
        yield lambda _n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(description, total=total)
        yield lambda n: bar.advance(task, n)


def warn_about_file(table: Any) -> None:
    """What an import file holds that the user may not see as it will be read: columns
    that mean nothing here (序号, 备注), ignored; rows hidden in a sheet (filtered out, or
    hidden by hand), imported all the same. A warning line each, before any work (so
    --dry-run shows them), prefixed like an error since one may follow."""
    if table.ignored:
        text = message(
            "import_ignored_columns",
            _state.language,
            path=table.path,
            columns=", ".join(table.ignored),
        )
        warn(f"unionctl: {text}")
    if table.hidden:
        from unionctl.labels import Words

        shown = [str(number) for number in table.hidden[:HIDDEN_NAMED]]
        if len(table.hidden) > HIDDEN_NAMED:
            shown.append("…")
        text = message(
            "import_hidden_rows",
            _state.language,
            path=table.path,
            rows=Words(tuple(shown)),
            count=len(table.hidden),
        )
        warn(f"unionctl: {text}")


HIDDEN_NAMED = 10  # hidden rows named by number; the count says how many in all
