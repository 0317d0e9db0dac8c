"""The `unionctl` command: global options, the command groups, and the one place where
domain errors become one line on stderr and exit status 1."""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from unionctl import __version__
from unionctl.cli import context, params, usage
from unionctl.cli.context import (
    ActorOption,
    BomOption,
    DbOption,
    FormatOption,
    LangOption,
    OutputOption,
    PrivateOption,
)

_STREAM_ERRORS = (errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EIO)


# The command groups, each built only when its name is on the command line: building and
# importing all five cost ~0.13 s of every command (bench/README.md "Start-up").
GROUPS = {
    "members": "unionctl.cli.members",
    "proposals": "unionctl.cli.proposals",
    "aid": "unionctl.cli.aid",
    "events": "unionctl.cli.events",
    "reports": "unionctl.cli.reports",
}


class UnionGroup(TyperGroup):
    """Turns what a user can get wrong into one line on stderr, never a traceback."""

    def list_commands(self, ctx: Any) -> list[str]:
        listed = super().list_commands(ctx)
        return listed + [name for name in GROUPS if name not in listed]

    def get_command(self, ctx: Any, name: str) -> Any:
        if name in GROUPS and name not in self.commands:
            self.commands[name] = _build_group(name)
        return super().get_command(ctx, name)

    def main(self, args: Any = None, *rest: Any, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        params.install(self)  # no pydantic for values that are already strings
        usage.begin(self, argv)  # the language, before anything is parsed
        return super().main(argv, *rest, **extra)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except usage.errors.UsageError as error:
            if isinstance(error, usage.errors.NoArgsIsHelpError):
                raise
            usage.report(error, self)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except usage.errors.UsageError as error:
            if isinstance(error, usage.errors.NoArgsIsHelpError):
                raise
            usage.report(error, self)
        except Exception as error:
            _report(error)
            raise
        except KeyboardInterrupt:
            # Ctrl-C: one line, saying whether the write got as far as its commit (a
            # write is one transaction: before it, nothing was written); exit 130
            from unionctl.labels import message

            state = context.state()
            key = "interrupted_committed" if state.committed else "interrupted"
            typer.echo(f"unionctl: {message(key, state.language)}", err=True)
            raise typer.Exit(130) from None
        finally:
            for database in context.state().opened:
                database.dispose()
            context.state().opened.clear()


def _build_group(name: str) -> Any:
    module = importlib.import_module(GROUPS[name])
    group = typer.main.get_group(module.app)
    group.name = name
    params.install(group)
    usage.translate(group, f"{usage.PROG} {name}")
    return group


def _report(error: Exception) -> None:
    from unionctl.errors import ImportRejected, UnionError

    if isinstance(error, OSError) and not error.filename and error.errno in _STREAM_ERRORS:
        # stdout failed outside our own writers (a plain echo): the same one line
        from unionctl.output import STDOUT, failure

        _report(failure(STDOUT, error, committed=context.state().committed))
    if getattr(error, "quiet", False):
        raise typer.Exit(1) from None
    if isinstance(error, UnionError):
        from unionctl.render import printable

        lang = context.state().language
        typer.echo(f"unionctl: {printable(error.message(lang))}", err=True)
        if isinstance(error, ImportRejected):
            for text in _problem_lines(error.problems, lang):
                typer.echo("  " + printable(text), err=True)
        raise typer.Exit(1) from None
    from unionctl.db import is_driver_error, resolve_target, translate

    if is_driver_error(error):
        translated = translate(error, resolve_target(context.state().db))
        if translated is not None:
            _report(translated)
    if isinstance(error, OSError) and error.filename:
        # a file the user named (import source, output target) could not be used
        from unionctl.labels import message, os_reason

        text = message(
            "file_error", context.state().language, path=error.filename, detail=os_reason(error)
        )
        typer.echo(f"unionctl: {text}", err=True)
        raise typer.Exit(1) from None


SHOWN_LINES = 5  # line numbers named for a problem many rows share


def _problem_lines(problems: list, lang: str) -> list[str]:
    """One line per distinct problem, in file order: 300 rows with the same unknown
    branch are one line with the row count and the first rows, not 300 lines."""
    groups: dict[str, list[int]] = {}
    for line, problem in problems:
        text = problem.message(lang) if hasattr(problem, "message") else str(problem)
        groups.setdefault(text, []).append(line)
    out = []
    for text, lines in groups.items():
        if len(lines) == 1:
            out.append(context.message("line_problem", lang, line=lines[0], problem=text))
            continue
        shown = ", ".join(str(n) for n in lines[:SHOWN_LINES])
        if len(lines) > SHOWN_LINES:
            shown += ", …"
        out.append(
            context.message("lines_problem", lang, lines=shown, count=len(lines), problem=text)
        )
    return out


app = typer.Typer(
    cls=UnionGroup,
    name="unionctl",
    help=(
        "unionctl — the working tool of a hospital trade union (医院工会): members, "
        "proposals, aid, events and reports over one SQLite file.\n\n"
        "Example: unionctl --db union.db members list --branch 内科分工会"
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help and usage errors: twice as fast as rich's panels (0.19 s vs 0.40 s
    # for `members --help`), and an error stays a plain line in a cron mail.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"unionctl {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: DbOption = None,
    format_: FormatOption = None,
    lang: LangOption = None,
    actor: ActorOption = None,
    output: OutputOption = None,
    bom: BomOption = False,
    include_private: PrivateOption = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options go before the command; output options may also follow it."""
    state = context.reset_state(
        db=db,
        lang=lang,
        actor=actor,
        output=output,
        bom=bom,
        include_private=include_private,
    )
    state.format = context.check_format(format_)  # after --lang: the error speaks it


def _register() -> None:
    from unionctl.cli import database

    database.register(app)


_register()


def main() -> None:
    # No pydantic plugins are used; without this, the first SQLModel class scans every
    # installed package's entry points for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    app(prog_name="unionctl")
