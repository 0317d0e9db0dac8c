"""cli/params.py lets a value that is already of its parameter's type pass without Typer's
pydantic coercion (~0.18 s of a read's start-up). Held here to Typer's own answer for
every parameter of the tree, on the values a command line and the defaults give."""

from __future__ import annotations

import typer
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from unionctl.cli import app, params, usage

SAMPLES = {
    str: ["", "abc", " x ", "中文", "0", "-1", "2025-12", "=1+1", "a\tb"],
    bool: [True, False, "yes", "0"],
    int: ["5", "abc", " 7 ", "100", "-3", 0, "0", "007", "39", "40", "80", "81", "١٢", "²", "+5"],
    params.TEXTS: [(), ["a"], ("a", "中文"), ["", " x "], [1], ("a", 2)],
}


def _plain_params():
    root = typer.main.get_command(app)
    found = []
    for path, command in usage._walk(root, usage.PROG, load=True):
        params.install(command)
        for param in [*command.params, params._help_option(command)]:
            runtime = getattr(param, "_runtime_param", None)
            if isinstance(runtime, params.PlainParam):
                found.append((path, param))
    return found


PLAIN = _plain_params()


def _answer(runtime, param, value, ctx):
    try:
        return ("value", runtime.coerce(value, param=param, ctx=ctx))
    except BadParameter as error:
        return ("refused", str(error))


def test_most_parameters_take_the_light_path():
    assert len(PLAIN) > 500  # every str/bool/int/list[str] option and argument of the tree
    assert {param.type_descriptor.annotation for _path, param in PLAIN} == {
        *params.PLAIN,
        params.TEXTS,
    }


def test_the_light_path_gives_typers_answer():
    ctx = typer.Context(typer.main.get_command(app))
    general = {}  # Typer's runtime parameter per (annotation, parameter info)
    checked = 0
    for path, param in PLAIN:
        descriptor = param.type_descriptor
        key = (str(descriptor.annotation), id(descriptor.parameter_info))
        if key not in general:
            general[key] = build_runtime_param(descriptor)
        default = [param.default] if param.default is not None else []
        for value in [*SAMPLES[descriptor.annotation], *default]:
            light = _answer(param._runtime_param, param, value, ctx)
            assert light == _answer(general[key], param, value, ctx), (path, param.name, value)
            checked += 1
    assert checked > 5000
