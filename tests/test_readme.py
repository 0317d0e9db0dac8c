"""README's console examples are real: each `$ unionctl …` line is run in order on one
fresh database, and what it prints must be what README shows under it.

After a deliberate change of output, regenerate README's outputs with
    UNIONCTL_UPDATE_README=1 pytest tests/test_readme.py
and read the diff before committing it.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

from typer.testing import CliRunner

from unionctl.cli import app

README = Path(__file__).parent.parent / "README.md"
# The README's tour was run on this day (ages and "today" depend on it).
TOUR_DAY = "2026-11-25"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def _steps(block: str) -> list[tuple[str, list[str]]]:
    """[(command line, expected output lines)] of one console block."""
    steps: list[tuple[str, list[str]]] = []
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        assert line.startswith("$ "), f"README console line outside a command: {line!r}"
        command = line[2:]
        while command.endswith("\\"):
            i += 1
            command = command[:-1] + " " + lines[i].strip()
        i += 1
        output = []
        while i < len(lines) and not lines[i].startswith("$ "):
            output.append(lines[i])
            i += 1
        steps.append((command, output))
    return steps


def _run(command: str, env: dict[str, str], runner: CliRunner) -> list[str]:
    words = shlex.split(command)
    assert words[0] == "unionctl", command
    result = runner.invoke(app, words[1:], env=env)
    assert "Traceback" not in result.output, result.output
    return [line.rstrip() for line in result.output.rstrip("\n").splitlines()]


def test_readme_console_examples_print_what_readme_shows(tmp_path: Path):
    env = {
        "UNIONCTL_DB": str(tmp_path / "union.db"),
        "UNIONCTL_LANG": "en",
        "UNIONCTL_TODAY": TOUR_DAY,
        "USER": "secretary",
        "COLUMNS": "200",
    }
    runner = CliRunner()
    assert runner.invoke(app, ["init"], env=env).exit_code == 0
    text = README.read_text(encoding="utf-8")
    update = os.environ.get("UNIONCTL_UPDATE_README") == "1"
    new_text = text
    mismatches = []
    for match in BLOCK.finditer(text):
        rebuilt = []
        for command, expected in _steps(match.group(1)):
            actual = _run(command, env, runner)
            if actual != [line.rstrip() for line in expected]:
                mismatches.append((command, expected, actual))
            rebuilt.append(_show(command, match.group(1)))
            rebuilt.extend(actual)
        new_text = new_text.replace(match.group(0), "```console\n" + "\n".join(rebuilt) + "\n```")
    if update:
        README.write_text(new_text, encoding="utf-8")
        return
    assert not mismatches, "\n\n".join(
        f"$ {c}\nREADME:\n" + "\n".join(e) + "\nactual:\n" + "\n".join(a) for c, e, a in mismatches
    )


def _show(command: str, block: str) -> str:
    """The command as README writes it (with its line continuations)."""
    lines = block.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("$ "):
            continue
        parts = [line]
        j = i
        while parts[-1].endswith("\\"):
            j += 1
            parts.append(lines[j])
        joined = " ".join(p.rstrip("\\").strip() for p in parts)[2:]
        if " ".join(joined.split()) == " ".join(command.split()):
            return "\n".join(parts)
    return f"$ {command}"
