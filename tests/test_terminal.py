"""What a secretary sees: a terminal table never drops characters of a value; piped
plain text is header + rows, so `wc -l`, `sort` and `grep` count what they should."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from io import StringIO

import pytest
from conftest import VALID_ID, Cli

from unionctl.render import Column, Style, Table, write

WIDE = Table(
    key="members",
    title="t_members",
    columns=(
        Column("emp_no"),
        Column("name"),
        Column("birth_date", "date"),
        Column("dept"),
        Column("branch"),
        Column("post"),
        Column("employment", "code:employment"),
        Column("status", "code:status"),
        Column("joined_on", "date"),
        Column("phone", "phone"),
        Column("id_card", "id_card"),
        Column("amount", "money"),
    ),
    rows=[
        (
            "1000234567",
            "欧阳娜娜娜",
            "1943-03-15",
            "心血管内科一病区",
            "内科分工会",
            "副主任护师",
            "contract",
            "non_member",
            "2010-07-01",
            "15312345678",
            VALID_ID,
            123456789,
        )
    ],
)


def _assert_nothing_dropped(shown: str, values: list[str]) -> None:
    assert "…" not in shown
    have = Counter(shown)
    for value in values:
        need = Counter(value.replace(" ", ""))
        assert not need - have, (value, need - have)


@pytest.mark.parametrize("columns", ["80", "120"])
@pytest.mark.parametrize("private", [False, True])
def test_a_terminal_table_folds_but_never_cuts(monkeypatch, columns: str, private: bool):
    monkeypatch.setenv("COLUMNS", columns)
    out = StringIO()
    style = Style(format="table", lang="zh", include_private=private)
    write(WIDE, style, out, tty=True)
    shown = out.getvalue()
    assert max(len(line) for line in shown.splitlines()) <= int(columns)
    values = ["1000234567", "1943-03-15", "心血管内科一病区", "1234567.89", "2010-07-01"]
    values.append("15312345678" if private else "153****5678")
    _assert_nothing_dropped(shown, values)


AID_LIKE = Table(
    key="aid",
    columns=(
        Column("id", "int"),
        Column("given_on", "date"),
        Column("kind", "code:aid_kind"),
        Column("emp_no"),
        Column("beneficiary"),
        Column("dept"),
        Column("cash", "money"),
        Column("goods"),
        Column("goods_value", "money"),
        Column("note"),
    ),
    rows=[(152, "2025-07-16", "illness", "10050", "彭亚萍", "急诊护理单元", 26520515,
           "大米、棉被、食用油", 331055, "住院慰问，家属陪同，另送水果一篮")],
)  # fmt: skip


@pytest.mark.parametrize("columns", ["80", "100"])
def test_amounts_dates_and_numbers_are_never_split_over_lines(monkeypatch, columns: str):
    """Trial: at 100 columns `aid list` showed 265205.15 as `2652`/`05.1`/`5` and dates as
    `2025-`/`07-16`: text columns fold first, amounts, dates and 工号 stay whole."""
    monkeypatch.setenv("COLUMNS", columns)
    out = StringIO()
    write(AID_LIKE, Style(format="table", lang="zh"), out, tty=True)
    shown = out.getvalue()
    assert max(len(line) for line in shown.splitlines()) <= int(columns)
    for whole in ("265205.15", "3310.55", "2025-07-16", "10050", "152"):
        assert whole in shown, (whole, shown)


def test_members_list_on_a_real_80_column_terminal(roll: Cli):
    roll("members", "edit", "10001", "--post", "心血管内科副主任医师兼教研室主任")
    master, slave = os.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "unionctl", "members", "list", "--include-private"],
            env={**os.environ, **roll.env, "COLUMNS": "80", "TERM": "dumb"},
            stdin=slave,
            stdout=slave,
            stderr=subprocess.PIPE,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        child.wait(timeout=60)
    finally:
        os.close(master)
    shown = b"".join(chunks).decode()
    assert child.returncode == 0, child.stderr.read() if child.stderr else ""
    assert "┃" in shown or "│" in shown  # rich drew it: this was a terminal
    _assert_nothing_dropped(
        shown, [VALID_ID, "13812345678", "1990-03-07", "心血管内科副主任医师兼教研室主任"]
    )


def test_piped_plain_output_is_header_and_rows_only(roll: Cli):
    text = roll("members", "list").stdout
    lines = text.splitlines()
    assert lines[0].startswith("emp_no") and set(lines[1]) <= {"-", " "}
    assert len(lines) == 2 + 4  # header, rule, four members: `wc -l` counts people
    assert "Members" not in text


def test_several_piped_tables_keep_their_titles(roll: Cli):
    text = roll("members", "show", "10001").stdout
    assert text.splitlines()[0] == "Member" and "History" in text
