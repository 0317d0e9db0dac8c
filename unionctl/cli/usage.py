"""Usage errors and help in the user's language.

Click (vendored in Typer as `typer._click`) builds its usage errors as English sentences and
prints them as four lines (usage, hint, blank, error). unionctl says them as one line plus the
hint, in the chosen language:

    unionctl: 没有 --foo 选项（members list）
    试试 'unionctl members list --help'

The error is translated from the exception's own fields (option name, parameter, type); the
few free-text messages Click and Typer compose are matched by `labels.USAGE_PATTERNS`. Help
is translated by rewriting the `help` of the freshly built command tree before parsing (Typer
builds a new tree for every invocation) from `labels.HELP_ZH`, so the English stays in the
code where it is written and the Chinese beside the other words in labels.py.

The language is known before anything is parsed: the last `--lang` on the command line
(before or after the command), else $UNIONCTL_LANG, else the locale.
"""

from __future__ import annotations

import difflib
import re
import weakref
from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

import typer

from unionctl.labels import HELP_WORDS_ZH, HELP_ZH, USAGE_PATTERNS, message, resolve_lang

try:  # Typer 0.29 vendors Click
    from typer import _click as click
    from typer._click import exceptions as errors
except ImportError:  # pragma: no cover - older Typer on real Click
    import click  # type: ignore[no-redef]
    from click import exceptions as errors  # type: ignore[no-redef]

PROG = "unionctl"

_argv: list[str] = []
_lang = "en"
# The English help of each command translated so far, to put back when a tree is reused in
# another language (in-process tests run many commands on one tree).
_ENGLISH: weakref.WeakKeyDictionary[click.Command, tuple[Any, ...]] = weakref.WeakKeyDictionary()


class LocalisedBadParameter(errors.BadParameter):
    """A bad value found while parsing, said with a labels.py message key."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(message(key, "en", **params))
        self.key = key
        self.params = params


def argv_lang(args: Sequence[str]) -> str:
    """The language a command line asks for, before Click has parsed it."""
    chosen: str | None = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    if chosen in ("zh", "en"):
        return chosen
    return resolve_lang(None)


def begin(root: click.Command, args: Sequence[str]) -> None:
    """Called once per invocation, before parsing: fix the language, translate the help."""
    global _argv, _lang
    _argv = list(args)
    _lang = argv_lang(_argv)
    if _lang == "zh" or _ENGLISH:
        _translate_tree(root, PROG, _lang)


def language() -> str:
    return _lang


def translate(command: click.Command, path: str) -> None:
    """Put this invocation's language on a command built after `begin` (a lazy group)."""
    if _lang == "zh":
        _translate_tree(command, path, _lang)


# ---------------------------------------------------------------- help


def _walk(
    command: click.Command, path: str, *, load: bool = False
) -> Iterator[tuple[str, click.Command]]:
    """The command and those under it that are built; with `load`, every one (the root
    builds a command group only when it is named: see cli.GROUPS)."""
    yield path, command
    if load and hasattr(command, "list_commands"):
        ctx = click.Context(command)
        subs = [(name, command.get_command(ctx, name)) for name in command.list_commands(ctx)]
    else:
        subs = list(getattr(command, "commands", {}).items())
    for name, sub in subs:
        yield from _walk(sub, f"{path} {name}", load=load)


def param_key(param: click.Parameter) -> str:
    """How a parameter is named in HELP_ZH: its first option (`--gender`) or, for an
    argument, its metavar name (`EMP_NO`)."""
    if getattr(param, "param_type_name", "") == "option":
        return param.opts[0]
    return (param.name or "").upper()


def help_key(path: str) -> str:
    return path.removeprefix(PROG).strip() or PROG


def zh_help(path: str, param: click.Parameter | None = None) -> str | None:
    """The Chinese help of a command (path such as 'unionctl members add') or of one of
    its parameters; a parameter's own entry wins over the shared one."""
    key = help_key(path)
    if param is None:
        return HELP_ZH.get(key)
    token = param_key(param)
    return HELP_ZH.get(f"{key} {token}", HELP_ZH.get(token))


def _translate_tree(root: click.Command, prog: str, lang: str) -> None:
    """Put the help of `lang` on the tree. The English is kept aside, so a tree that is
    reused (in-process tests run many commands on one tree) can be put back."""
    for path, command in _walk(root, prog):
        saved = _ENGLISH.setdefault(
            command,
            (
                command.help,
                command.short_help,
                command.context_class,
                [p.help for p in command.params if hasattr(p, "help")],
            ),
        )
        helped = [p for p in command.params if hasattr(p, "help")]
        if lang != "zh":
            command.help, command.short_help, command.context_class, texts = saved
            for param, text in zip(helped, texts, strict=True):
                param.help = text
            continue
        text = zh_help(path)
        if text is not None:
            command.help = text
            command.short_help = None
        for param in helped:
            text = zh_help(path, param)
            if text is not None:
                param.help = text
        command.context_class = _ZhContext  # type: ignore[assignment]


class _ZhFormatter(click.HelpFormatter):
    """Click's help layout with Chinese headings and notes."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, HELP_WORDS_ZH["Usage: "] if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HELP_WORDS_ZH.get(heading, heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        rows = [(term, _notes(text)) for term, text in rows]
        super().write_dl(rows, *args, **kwargs)


def _notes(text: str) -> str:
    """'[default: today]' → '[默认：today]', '[required]' → '[必填]' …"""
    if text == "Show this message and exit.":
        return HELP_ZH["--help"]
    return re.sub(
        r"(?<=[\[ ])(default: |required|env var: )",
        lambda found: HELP_WORDS_ZH[found.group(1)],
        text,
    )


class _ZhContext(click.Context):
    formatter_class = _ZhFormatter


# ---------------------------------------------------------------- usage errors


def _command_path(root: click.Command) -> str:
    """The command a command line names, for errors Click raises without a context."""
    command, path, args = root, PROG, list(_argv)
    while args:
        arg = args.pop(0)
        if arg == "--":
            break
        if arg.startswith("-"):
            option = next(
                (p for p in command.params if arg in getattr(p, "opts", ())),
                None,
            )
            if option is not None and not getattr(option, "is_flag", False) and args:
                args.pop(0)
            continue
        sub = getattr(command, "commands", {}).get(arg)
        if sub is None:
            break
        command, path = sub, f"{path} {arg}"
    return path


def _close_options(typed: str, offered: Sequence[str]) -> list[str]:
    """Click offers any option sharing a letter or two (`--foo` → `--bom, --format`);
    keep the ones that look like a typo of what was typed."""
    word = typed.lstrip("-")
    return sorted(
        option
        for option in offered
        if difflib.SequenceMatcher(None, word, option.lstrip("-")).ratio() >= 0.6
    )


def _hint(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    return param_key(param)


def _free_text(text: str, lang: str) -> str:
    """Click's and Typer's own sentences, matched against labels.USAGE_PATTERNS."""
    for pattern, key in USAGE_PATTERNS:
        found = re.fullmatch(pattern, text.strip())
        if found:
            return message(key, lang, **found.groupdict())
    return text


def usage_text(error: errors.UsageError, lang: str) -> str:
    """One sentence for a usage error, in `lang`."""
    if isinstance(error, LocalisedBadParameter):
        return message(error.key, lang, **error.params)
    if isinstance(error, errors.NoSuchOption):
        return message("usage_no_such_option", lang, option=error.option_name)
    if isinstance(error, errors.MissingParameter):
        kind = error.param_type or getattr(error.param, "param_type_name", "parameter")
        key = "usage_missing_option" if kind == "option" else "usage_missing_argument"
        return message(key, lang, name=_hint(error.param))
    if isinstance(error, errors.BadParameter):
        return message(
            "usage_bad_value",
            lang,
            name=_hint(error.param) or error.param_hint or "",
            problem=_free_text(error.message, lang),
        )
    return _free_text(error.message, lang)


def report(error: errors.UsageError, root: click.Command) -> NoReturn:
    """Print a usage error as one line plus the hint; exit 2."""
    lang = _lang
    path = error.ctx.command_path if error.ctx is not None else _command_path(root)
    where = path.removeprefix(PROG).strip()
    text = usage_text(error, lang)
    line = message("usage_where", lang, text=text, command=where) if where else text
    if isinstance(error, errors.NoSuchOption):
        close = _close_options(error.option_name, error.possibilities or ())
        if close:
            line += message("did_you_mean", lang, names=", ".join(close))
    typer.echo(f"{PROG}: {line}", err=True)
    typer.echo(message("usage_hint", lang, command=path), err=True)
    raise typer.Exit(2)
