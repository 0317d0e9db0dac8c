"""Option values that are already what their annotation asks for pass as they are.

Typer 0.29 checks every parameter's value — given or default — through a pydantic
TypeAdapter it builds on first use: importing pydantic and building ~20 adapters was
~0.18 s of a 0.36 s `reports aid` (bench/README.md "Start-up"), to confirm that a
command-line string is a string. Here a `str`, `bool` or `int` parameter without a custom
parser or type gets a runtime parameter that returns a value of exactly that type as it
is (an int when it is the default, or typed as plain digits within the option's bounds;
a list of strings for `list[str]`), and hands
anything else to Typer's own coercion, built then as Typer would build it. So a value is
coerced by Typer whenever coercion would change it or could refuse it;
tests/test_cli_params.py holds the two paths to the same answer for every parameter.

This leans on Typer internals (`typer._coercion`, `_TyperParameter._runtime_param`);
pyproject pins Typer below 0.30 and, if they move, `install` changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param
except ImportError:  # another Typer: every value goes through Typer's own coercion
    RuntimeParam = None  # type: ignore[assignment,misc]

PLAIN = (str, bool, int)
TEXTS = list[str]  # a repeated option or a variadic argument (`--clear a --clear b`)

if RuntimeParam is not None:

    @dataclass(frozen=True)
    class PlainParam(RuntimeParam):
        """A value of exactly the annotated type passes; anything else goes to Typer."""

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            kind = self.annotation
            if type(value) is kind and (kind is not int or value == param.default):
                return value
            if kind is int and type(value) is str and value.isascii() and value.isdigit():
                number = int(value)  # typed digits within the bounds: what Typer makes
                low, high = self.parameter_info.min, self.parameter_info.max
                if (low is None or number >= low) and (high is None or number <= high):
                    return number
            texts = kind == TEXTS and type(value) in (list, tuple)
            if texts and all(type(item) is str for item in value):
                return list(value)
            general = build_runtime_param(param.type_descriptor)
            return general._coerce_value(value, param=param, ctx=ctx)


def install(command: Any) -> None:
    """Give a built command's plain parameters (and its subcommands', if built) the
    light path; once per command (main calls it on every run, a test harness thousands of
    times on one tree)."""
    if RuntimeParam is None or getattr(command, "_light_params", False):
        return
    command._light_params = True
    for param in (*getattr(command, "params", ()), _help_option(command)):
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", "absent") is not None:
            continue
        info = descriptor.parameter_info
        single = not param.multiple and param.nargs == 1
        if (
            ((descriptor.annotation in PLAIN and single) or descriptor.annotation == TEXTS)
            and descriptor.file_annotation is None
            and getattr(info, "parser", None) is None
            and getattr(info, "click_type", None) is None
        ):
            param._runtime_param = PlainParam(parameter_info=info, annotation=descriptor.annotation)
    for sub in getattr(command, "commands", {}).values():
        install(sub)


def _help_option(command: Any) -> Any:
    """The command's --help, made now as Click makes it on first use (and keeps)."""
    try:
        ctx = command.context_class(command, **(command.context_settings or {}))
        return command.get_help_option(ctx)
    except Exception:  # not a Click command as we know it: leave it to Typer
        return None
