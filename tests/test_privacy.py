"""The one masker (unionctl/privacy.py): what a listing shows must not give back a
private number, even read together with the columns printed beside it."""

from __future__ import annotations

import datetime as dt
import json

from conftest import VALID_ID, Cli
from hypothesis import given
from hypothesis import strategies as st

from unionctl.parsing import id_card_check_digit
from unionctl.privacy import mask_fields, mask_id_card, mask_phone

regions = st.integers(110000, 829999).map(str)
sequences = st.integers(0, 999).map(lambda n: f"{n:03d}")
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31))


def make_id(region: str, birth: dt.date, seq: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{seq}"
    return first17 + id_card_check_digit(first17)


def candidates(masked: str, birth: dt.date, gender: str, region: str) -> list[str]:
    """Every number that agrees with what a listing shows: the masked card, the
    birth_date and gender columns — and, to be harsh, the full area code too."""
    found = []
    for n in range(1000):
        seq = f"{n:03d}"
        if (n % 2 == 1) != (gender == "M"):
            continue
        number = make_id(region, birth, seq)
        if all(m == "*" or m == c for m, c in zip(masked, number, strict=True)):
            found.append(number)
    return found


@given(region=regions, birth=births, seq=sequences)
def test_a_masked_id_card_beside_birth_date_and_gender_leaves_hundreds_of_candidates(
    region, birth, seq
):
    number = make_id(region, birth, seq)
    gender = "M" if int(seq[-1]) % 2 else "F"
    masked = mask_id_card(number)
    assert len(masked) == 18
    found = candidates(masked, birth, gender, region)
    assert number in found
    assert len(found) >= 500


def test_the_old_mask_gave_the_number_back():
    # The reproduction from the issue, as a check on the harness above: the old mask
    # 330102********1521 beside birth_date 1990-03-07 and gender F leaves one number.
    assert candidates("330102********1521", dt.date(1990, 3, 7), "F", "330102") == [VALID_ID]
    assert mask_id_card(VALID_ID) == "3301**************"
    assert mask_id_card(None) == ""


def test_mask_phone_examples():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("138-1234-5678") == "138****5678"
    assert mask_phone("87654321") == "****4321"  # was 876*4321: 7 of 8 digits
    assert mask_phone("0571-87654321") == "057*****4321"
    assert mask_phone("1234567") == "*******"
    assert mask_phone(None) == ""
    assert mask_phone("") == ""


@given(digits=st.from_regex(r"[0-9]{1,20}", fullmatch=True))
def test_a_masked_phone_hides_at_least_four_digits(digits: str):
    masked = mask_phone(digits)
    assert len(masked) == len(digits)
    assert masked.count("*") >= min(4, len(digits))
    shown = [i for i, ch in enumerate(masked) if ch != "*"]
    assert all(masked[i] == digits[i] for i in shown)
    if len(digits) < 8:
        assert masked == "*" * len(digits)


def test_snapshots_are_masked_at_any_depth():
    data = {"phone": "13812345678", "nested": {"id_card": VALID_ID}, "list": [{"phone": "1"}]}
    assert mask_fields(data) == {
        "phone": "138****5678",
        "nested": {"id_card": "3301**************"},
        "list": [{"phone": "*"}],
    }


def test_log_does_not_give_back_the_id_card(roll: Cli):
    people = roll("log", "--entity", "member", "--key", "10001").stdout
    data = json.loads(roll("log", "--key", "10001", "-f", "json").stdout)
    assert VALID_ID not in people and VALID_ID[6:] not in people
    assert data[-1]["after"]["id_card"] == "3301**************"
    assert data[-1]["after"]["birth_date"] == "1990-03-07"


def test_errors_do_not_print_the_stored_id_card(roll: Cli):
    result = roll.fails("members", "edit", "10001", "--birth", "1991-01-01")
    assert VALID_ID not in result.stderr and VALID_ID[-4:] not in result.stderr
    assert "3301**************" in result.stderr
    result = roll.fails("members", "edit", "10001", "--gender", "M")
    assert VALID_ID not in result.stderr
    result = roll.fails("members", "add", "10009", "某人", "--id-card", VALID_ID)
    assert VALID_ID not in result.stderr and "10001" in result.stderr


def test_an_id_card_typed_for_an_employee_number_is_masked_in_the_error(roll: Cli):
    """Typed where a 工号 goes (the two are both long numbers on a form), a member's ID
    card came back whole in "no member with employee number …", into cron mail and
    scrollback. A number that is a well-formed ID card is masked in any message."""
    for args in (
        ("aid", "give", VALID_ID, "--kind", "other", "--amount", "10"),
        ("members", "show", VALID_ID),
        ("aid", "list", "--member", VALID_ID),
        ("aid", "drive", "add", "捐款", "--for", VALID_ID),
    ):
        result = roll.fails(*args)
        assert VALID_ID not in result.stderr and VALID_ID[-4:] not in result.stderr, args
        assert "3301**************" in result.stderr, result.stderr
    # an employee number that is no ID card is shown as typed
    assert "123456789012345678" in roll.fails("members", "show", "123456789012345678").stderr


def test_search_does_not_match_masked_fields(roll: Cli):
    # 赵敏's phone is 13900001111: shown as 139****1111, so "0000" must not find her.
    assert "赵敏" not in roll("members", "list", "--search", "0000").stdout
    assert "赵敏" in roll("members", "list", "--search", "0000", "--include-private").stdout
    assert "张丽" not in roll("members", "list", "--search", "19900307").stdout
    assert "张丽" in roll("members", "list", "--search", "19900307", "--include-private").stdout


def test_search_wildcards_are_literal(roll: Cli):
    assert roll("members", "list", "--search", "%", "-f", "csv").stdout.count("\n") == 1
    assert roll("members", "list", "--search", "_", "-f", "csv").stdout.count("\n") == 1
    roll("members", "add", "10010", "A_B")
    roll("members", "add", "10011", "AxB")
    found = roll("members", "list", "--search", "A_B", "-f", "csv").stdout
    assert "A_B" in found and "AxB" not in found
