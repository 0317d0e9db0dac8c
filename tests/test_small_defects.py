"""The small things a secretary tripped over (issue 5 §4), one test each."""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import tempfile
from pathlib import Path

import pytest
from conftest import VALID_ID, Cli, db_dump

from unionctl.errors import UnionError
from unionctl.parsing import (
    id_card_check_digit,
    parse_birth_date,
    parse_id_card,
    parse_money,
    parse_phone,
    today,
)


def refused(key: str, parser, text: str) -> None:
    with pytest.raises(UnionError) as caught:
        parser(text)
    assert caught.value.key == key, caught.value.key


def test_db_check_columns_have_distinct_names(cli: Cli):
    header = cli("db", "check", "-f", "csv").stdout.splitlines()[0].split(",")
    assert len(header) == len(set(header)) == 3
    zh = cli("db", "check", "-f", "csv", "--lang", "zh").stdout.splitlines()[0].split(",")
    assert len(zh) == len(set(zh))


def _values(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _values(value)
    elif isinstance(data, list):
        for value in data:
            yield from _values(value)
    else:
        yield data


def test_json_has_one_absence_null(roll: Cli):
    roll("members", "edit", "10001", "--branch", "护理分工会")
    for args in (
        ("members", "show", "10002"),
        ("members", "show", "10001"),
        ("members", "list"),
        ("log",),
        ("db", "check"),
    ):
        data = json.loads(roll(*args, "-f", "json").stdout)
        assert "" not in list(_values(data)), args
    shown = json.loads(roll("members", "show", "10002", "-f", "json").stdout)
    assert shown["member"]["phone"] is None


@pytest.mark.parametrize("pinned", ["2025-13-45", "yesterday", "31/12/2025", "soon"])
def test_an_invalid_unionctl_today_is_refused(cli: Cli, monkeypatch, pinned: str):
    monkeypatch.setenv("UNIONCTL_TODAY", pinned)
    refused("bad_today", lambda _text: today(), "")
    before = db_dump(cli.db)
    result = cli.fails("members", "add", "20001", "甲", env={"UNIONCTL_TODAY": pinned})
    assert "UNIONCTL_TODAY" in result.stderr
    assert db_dump(cli.db) == before


def test_a_valid_unionctl_today_still_pins_the_date(monkeypatch):
    monkeypatch.setenv("UNIONCTL_TODAY", "２０２５年３月１日")
    assert today() == dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1990.03", dt.date(1990, 3, 1)),
        ("199003", dt.date(1990, 3, 1)),
        ("1990年3月", dt.date(1990, 3, 1)),
        ("1990-03", dt.date(1990, 3, 1)),
        ("1990/3", dt.date(1990, 3, 1)),
        ("1990.03.07", dt.date(1990, 3, 7)),
        ("19900307", dt.date(1990, 3, 7)),
        ("1990年3月7日", dt.date(1990, 3, 7)),
    ],
)
def test_birth_dates_as_hr_rosters_write_them(text: str, expected: dt.date):
    assert parse_birth_date(text) == expected


@pytest.mark.parametrize("text", ["1990.13", "199013", "1990年0月", "1899-12"])
def test_bad_birth_months_are_refused(text: str):
    refused("bad_birth_date", parse_birth_date, text)


@pytest.mark.parametrize("text", ["190003x", "March", "2025-02-30"])
def test_what_is_no_month_is_judged_as_a_date(text: str):
    refused("bad_date", parse_birth_date, text)


def test_an_import_with_birth_months_under_chusheng_nianyue(roll: Cli, tmp_path: Path):
    roster = tmp_path / "hr.csv"
    roster.write_text(
        "工号,姓名,出生年月\n20001,甲,1990.03\n20002,乙,199004\n20003,丙,1990年5月\n",
        encoding="utf-8",
    )
    roll("members", "import", str(roster))
    rows = json.loads(roll("members", "list", "--search", "2000", "-f", "json").stdout)
    assert [r["birth_date"] for r in rows] == ["1990-03-01", "1990-04-01", "1990-05-01"]


@pytest.mark.parametrize("text", ["1,50", "1,5", "12,34,5", "1,5000", ",500", "1,500,00"])
def test_ambiguous_commas_in_money_are_refused(text: str):
    refused("money_comma", parse_money, text)


@pytest.mark.parametrize(
    ("text", "fen"), [("1,500", 150000), ("1,500.50", 150050), ("12,345,678", None)]
)
def test_thousands_commas_are_fine(text: str, fen):
    if fen is None:
        refused("money_absurd", parse_money, text)
    else:
        assert parse_money(text) == fen


@pytest.mark.parametrize("text", ["1381234567", "138 1234 567", "+86 1381234567", "138123456789"])
def test_a_mobile_number_with_a_digit_lost_or_doubled_is_refused(text: str):
    refused("bad_mobile", parse_phone, text)


@pytest.mark.parametrize(
    "text",
    ["13812345678", "+86 138 1234 5678", "0571-87654321", "87654321", "661234", "+1 415 555 0100"],
)
def test_real_phone_numbers_are_still_accepted(text: str):
    assert parse_phone(text) == text


def test_an_id_card_from_area_000000_is_refused(cli: Cli):
    first17 = "00000019900307152"
    number = first17 + id_card_check_digit(first17)
    refused("id_card_area", parse_id_card, number)
    first17 = "99010219900307152"
    refused("id_card_area", parse_id_card, first17 + id_card_check_digit(first17))
    assert parse_id_card(VALID_ID).number == VALID_ID
    result = cli.fails("members", "add", "20001", "甲", "--id-card", number)
    assert number not in result.stderr


def test_demo_leaves_no_temporary_folder(bare_cli: Cli, tmp_path, monkeypatch):
    # a temporary folder of this test's own: another worker's demo may be running
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    pattern = os.path.join(tempfile.gettempdir(), "unionctl-demo-*")
    result = bare_cli("demo")
    assert glob.glob(pattern) == []
    assert result.stdout.splitlines()[0].startswith("branch")  # stdout is the report only
    assert "temporary" in result.stderr and "--db" in result.stderr
    assert not bare_cli.db.exists()
