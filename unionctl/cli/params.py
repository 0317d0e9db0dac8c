"""Option values without pydantic on the way in.

Typer (0.29) checks every option and argument through a pydantic TypeAdapter, built the
first time the parameter is parsed: every command, `db path` included, imported
pydantic.main for `--db PATH` alone (~0.09 s of start-up, the largest import a read had
left once it stopped using the ORM; tests/test_startup.py). unionctl's parameters are
plain: text, whole numbers (some with --min/--max), lists of text, flags. A value that
is already what the parameter wants — any text for a text option, a number in range for
a number option — is taken as it is; anything else (a bad or out-of-range number, a
type we do not use) goes through Typer's own check, so every error message is still
Typer's and pydantic's, word for word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from typer import _coercion
from typer import core as typer_core

_PLAIN_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_TEXT_LIST = list[str]


@dataclass(frozen=True)
class _Plain(_coercion.RuntimeParam):
    """A text, number, flag or text-list parameter: the plain values pass, the rest are
    Typer's to check."""

    descriptor: Any = None

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        kind, info = self.annotation, self.parameter_info
        if kind in (str, bool) and type(value) is kind:
            return value
        if kind == _TEXT_LIST and isinstance(value, list | tuple):
            if all(type(item) is str for item in value):
                return list(value)
        elif kind is int:
            number = _plain_int(value)
            low = info.min if info.min is not None else number
            high = info.max if info.max is not None else number
            if number is not None and low <= number <= high:
                return number
        return _typer_runtime(self.descriptor)._coerce_value(value, param=param, ctx=ctx)


def _plain_int(value: Any) -> int | None:
    if type(value) is int:
        return value
    if type(value) is str and _PLAIN_INT.fullmatch(value):
        return int(value)
    return None


_typer_runtime = _coercion.build_runtime_param


def _runtime_param(descriptor: Any) -> Any:
    info = descriptor.parameter_info
    plain = (
        descriptor.annotation in (str, int, bool, _TEXT_LIST)
        and descriptor.file_annotation is None
        and info.parser is None
        and not info.clamp
    )
    if not plain:
        return _typer_runtime(descriptor)
    return _Plain(parameter_info=info, annotation=descriptor.annotation, descriptor=descriptor)


def install() -> None:
    """Parse unionctl's plain parameters without building a pydantic TypeAdapter."""
    typer_core.build_runtime_param = _runtime_param
