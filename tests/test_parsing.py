"""Every parser in unionctl.parsing: examples for the spellings people type, and
hypothesis properties that each spelling of a valid value means the same thing."""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata

import pytest
from conftest import SAMPLE_ID_X, VALID_ID, VALID_ID_MALE
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from unionctl import labels
from unionctl.errors import UnionError
from unionctl.parsing import (
    MONEY_LIMIT_YUAN,
    IdCard,
    Period,
    format_money,
    id_card_check_digit,
    parse_code,
    parse_count,
    parse_date,
    parse_emp_no,
    parse_id_card,
    parse_member_ref,
    parse_money,
    parse_month,
    parse_optional_code,
    parse_optional_date,
    parse_period,
    parse_phone,
    parse_text,
    parse_year,
    today,
)

# monkeypatch.setenv inside @given is safe here: every example sets the variable afresh.
pinned = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])

PINNED_TODAY = dt.date(2025, 12, 31)
FIRST_DAY = dt.date(1900, 1, 1)
# parse_month("9999-12") overflows computing the next month (see the report): stay below it.
LAST_SAFE_DAY = dt.date(9998, 12, 31)
valid_dates = st.dates(min_value=FIRST_DAY, max_value=LAST_SAFE_DAY)  # parse_date's years


def refused(key: str, func, *args, **kwargs) -> UnionError:
    """Call a parser that must refuse its input with the message `key`."""
    with pytest.raises(UnionError) as caught:
        func(*args, **kwargs)
    assert caught.value.key == key, (caught.value.key, caught.value.message("en"))
    return caught.value


def spellings(day: dt.date) -> list[str]:
    y, m, d = day.year, day.month, day.day
    return [
        f"{y:04d}-{m:02d}-{d:02d}",
        f"{y}-{m}-{d}",
        f"{y}/{m}/{d}",
        f"{y:04d}/{m:02d}/{d:02d}",
        f"{y}.{m}.{d}",
        f"{y:04d}{m:02d}{d:02d}",
        f"{y}年{m}月{d}日",
        f"{y}年{m:02d}月{d:02d}号",
        f"{y}年{m}月{d}",
        f"  {y:04d}-{m:02d}-{d:02d}\t",
    ]


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


# ---------------------------------------------------------------- dates


def test_parse_date_examples():
    expected = dt.date(2025, 3, 16)
    for text in ("2025-03-16", "2025/3/16", "2025.3.16", "20250316", "2025年3月16日"):
        assert parse_date(text) == expected, text
    assert parse_date("2024年2月29号") == dt.date(2024, 2, 29)
    assert parse_date("1900-01-01") == FIRST_DAY
    # issue 6 trial: a roster exported by an HR system writes days as midnight timestamps
    for text in ("2019-07-01 00:00:00", "2019-07-01 00:00", "2019/7/1 0:00", "2019-07-01T00:00:00"):
        assert parse_date(text) == dt.date(2019, 7, 1), text


@given(day=valid_dates)
def test_every_spelling_of_a_date_is_the_same_date(day: dt.date):
    for text in spellings(day):
        assert parse_date(text) == day, text


@pinned
@given(day=valid_dates)
def test_today_and_yesterday_follow_the_pinned_date(monkeypatch, day: dt.date):
    monkeypatch.setenv("UNIONCTL_TODAY", day.isoformat())
    assert today() == day
    for word in ("today", "TODAY", "今天", "今日", " today "):
        assert parse_date(word) == day, word
    if day > FIRST_DAY:
        assert parse_date("yesterday") == day - dt.timedelta(days=1)
        assert parse_date("昨天") == day - dt.timedelta(days=1)


def test_pinned_today_accepts_the_same_spellings(monkeypatch):
    monkeypatch.setenv("UNIONCTL_TODAY", "2025年3月16日")
    assert today() == dt.date(2025, 3, 16)
    monkeypatch.setenv("UNIONCTL_TODAY", "20240229")
    assert parse_date("today") == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "2025-02-30",
        "2025-13-01",
        "20250230",
        "2025/2/29",
        "2023.02.29",
        "2025年4月31日",
        "2025-00-10",
        "2025-01-00",
        "2025-01-32",
        "1899-12-31",
        "0001-01-01",
        "",
        "   ",
        "tomorrow",
        "2025-3",
        "16/03/2025",
        "2025-03-16T10:00",
        "2025-03-16 08:30:00",
        "2025-03-16 00:00:01",
        "2025-03-16 00:00:00 00:00",
        "2025316",
        "202503160",
        "2025--03-16",
        "2025-03/16",
    ],
)
def test_impossible_dates_are_refused(text: str):
    error = refused("bad_date", parse_date, text)
    assert repr(text) in error.message("en")
    assert "2025年3月16日" in error.message("en")  # says what is accepted


@given(
    year=st.integers(1900, 9999),
    month=st.integers(1, 12),
    overflow=st.integers(1, 3),
)
def test_days_past_the_end_of_a_month_are_refused(year: int, month: int, overflow: int):
    day = last_day(year, month) + overflow
    for text in (
        f"{year}-{month:02d}-{day:02d}",
        f"{year}{month:02d}{day:02d}",
        f"{year}/{month}/{day}",
    ):
        refused("bad_date", parse_date, text)


@given(year=st.integers(1900, 9999), month=st.integers(13, 99))
def test_months_past_twelve_are_refused(year: int, month: int):
    refused("bad_date", parse_date, f"{year}-{month}-01")
    refused("bad_date", parse_date, f"{year}{month:02d}01")


def test_parse_optional_date():
    assert parse_optional_date(None) is None
    assert parse_optional_date("") is None
    assert parse_optional_date("  ") is None
    assert parse_optional_date("2025/3/16") == dt.date(2025, 3, 16)
    refused("bad_date", parse_optional_date, "2025-02-30")


# ---------------------------------------------------------------- months, years, periods


def test_parse_month_examples():
    march = Period(dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month")
    for text in ("2025-03", "2025-3", "2025/3", "202503", "2025年3月", "2025年03月", " 2025-03 "):
        assert parse_month(text) == march, text
    assert parse_month("2024-02").end == dt.date(2024, 2, 29)
    assert parse_month("2025-02").end == dt.date(2025, 2, 28)
    assert parse_month("2000-02").end == dt.date(2000, 2, 29)
    assert parse_month("1900-02").end == dt.date(1900, 2, 28)
    assert parse_month("2025-12").end == dt.date(2025, 12, 31)
    assert parse_month("2025-04").end == dt.date(2025, 4, 30)
    assert march.label() == "2025-03"
    assert march.end_exclusive == dt.date(2025, 4, 1)


@given(day=st.dates(min_value=FIRST_DAY, max_value=LAST_SAFE_DAY))
def test_a_month_runs_from_its_first_to_its_last_day(day: dt.date):
    y, m = day.year, day.month
    expected = Period(dt.date(y, m, 1), dt.date(y, m, last_day(y, m)), "month")
    for text in (f"{y}-{m:02d}", f"{y}-{m}", f"{y}/{m}", f"{y}{m:02d}", f"{y}年{m}月"):
        period = parse_month(text)
        assert period == expected, text
    assert expected.start <= day <= expected.end
    assert expected.label() == f"{y:04d}-{m:02d}"
    assert expected.end_exclusive.day == 1


@pytest.mark.parametrize(
    "text", ["2025-13", "2025-00", "202513", "1899-12", "2025", "March", "", "2025-03-01", "上上月"]
)
def test_bad_months_are_refused(text: str):
    error = refused("bad_month", parse_month, text)
    assert repr(text) in error.message("en")


@pytest.mark.parametrize(
    ("pinned_day", "this", "last"),
    [
        ("2025-12-31", ("2025-12-01", "2025-12-31"), ("2025-11-01", "2025-11-30")),
        ("2025-01-15", ("2025-01-01", "2025-01-31"), ("2024-12-01", "2024-12-31")),
        ("2024-03-31", ("2024-03-01", "2024-03-31"), ("2024-02-01", "2024-02-29")),
        ("2023-03-01", ("2023-03-01", "2023-03-31"), ("2023-02-01", "2023-02-28")),
    ],
)
def test_this_and_last_month(monkeypatch, pinned_day, this, last):
    monkeypatch.setenv("UNIONCTL_TODAY", pinned_day)
    this_period = Period(dt.date.fromisoformat(this[0]), dt.date.fromisoformat(this[1]), "month")
    last_period = Period(dt.date.fromisoformat(last[0]), dt.date.fromisoformat(last[1]), "month")
    assert parse_month("this") == parse_month("本月") == parse_month("THIS") == this_period
    assert parse_month("last") == parse_month("上月") == last_period


def test_parse_year():
    year = Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year")
    for text in ("2025", "2025年", " 2025 "):
        assert parse_year(text) == year, text
    assert year.label() == "2025"
    assert parse_year("1900").start == FIRST_DAY


def test_this_and_last_year(monkeypatch):
    monkeypatch.setenv("UNIONCTL_TODAY", "2025-01-01")
    assert parse_year("this") == parse_year("今年") == parse_year("2025")
    assert parse_year("last") == parse_year("去年") == parse_year("2024")


@pytest.mark.parametrize("text", ["1899", "25", "20255", "2025-01", "next", "", "二〇二五"])
def test_bad_years_are_refused(text: str):
    refused("bad_year", parse_year, text)


def test_parse_period_one_of_month_year_or_range(monkeypatch):
    monkeypatch.setenv("UNIONCTL_TODAY", "2025-06-15")
    assert parse_period(month="2025-02") == Period(
        dt.date(2025, 2, 1), dt.date(2025, 2, 28), "month"
    )
    assert parse_period(year="2024") == Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year")
    assert parse_period(start="2025-03-01", end="2025/3/31") == Period(
        dt.date(2025, 3, 1), dt.date(2025, 3, 31), "range"
    )
    # an open start runs from 1900, an open end until today
    assert parse_period(start="2025-03-01") == Period(
        dt.date(2025, 3, 1), dt.date(2025, 6, 15), "range"
    )
    assert parse_period(end="2000-01-01") == Period(FIRST_DAY, dt.date(2000, 1, 1), "range")
    # one day is a valid range
    single = parse_period(start="2025-03-01", end="2025-03-01")
    assert single == Period(dt.date(2025, 3, 1), dt.date(2025, 3, 1), "range")
    assert single.label() == "2025-03-01..2025-03-01"
    assert single.end_exclusive == dt.date(2025, 3, 2)


def test_parse_period_defaults(monkeypatch):
    monkeypatch.setenv("UNIONCTL_TODAY", "2024-02-10")
    assert parse_period() == Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31), "year")
    assert parse_period(default="month") == Period(
        dt.date(2024, 2, 1), dt.date(2024, 2, 29), "month"
    )
    assert parse_period(default=None) is None
    # an option given empty is given: `--year ''` (an unset variable) is no year, not this one
    for empty in ({"month": ""}, {"year": ""}, {"start": ""}, {"end": ""}):
        with pytest.raises(UnionError):
            parse_period(**empty, default=None)


@pytest.mark.parametrize(
    "given",
    [
        {"month": "2025-03", "year": "2025"},
        {"month": "2025-03", "start": "2025-03-01"},
        {"year": "2025", "end": "2025-03-01"},
        {"month": "this", "year": "this", "start": "2025-01-01", "end": "2025-02-01"},
    ],
)
def test_two_periods_at_once_are_refused(given):
    refused("bad_period", parse_period, **given)


def test_reversed_range_is_refused():
    error = refused("period_reversed", parse_period, start="2025-03-31", end="2025-03-01")
    assert error.params == {"start": "2025-03-31", "end": "2025-03-01"}
    assert "2025-03-01" in error.message("en") and "2025-03-31" in error.message("zh")


def test_range_with_a_bad_date_names_the_date():
    refused("bad_date", parse_period, start="2025-02-30", end="2025-03-01")


@given(
    a=st.dates(min_value=FIRST_DAY, max_value=LAST_SAFE_DAY),
    b=st.dates(min_value=FIRST_DAY, max_value=LAST_SAFE_DAY),
)
def test_a_range_keeps_its_ends_or_is_refused_when_reversed(a: dt.date, b: dt.date):
    if a <= b:
        period = parse_period(start=a.isoformat(), end=f"{b:%Y%m%d}")
        assert period == Period(a, b, "range")
        assert period.label() == f"{a.isoformat()}..{b.isoformat()}"
        assert period.end_exclusive - period.start == b - a + dt.timedelta(days=1)
    else:
        error = refused("period_reversed", parse_period, start=a.isoformat(), end=b.isoformat())
        assert error.params == {"start": a.isoformat(), "end": b.isoformat()}


# ---------------------------------------------------------------- money

MAX_FEN = MONEY_LIMIT_YUAN * 100


def test_parse_money_examples():
    assert parse_money("500") == 50000
    assert parse_money("500.5") == 50050
    assert parse_money("500.50") == 50050
    assert parse_money("0.01") == 1
    assert parse_money("0") == 0
    assert parse_money(".5") == 50
    assert parse_money("5.") == 500
    assert parse_money("¥500") == 50000
    assert parse_money("￥ 500") == 50000
    assert parse_money("500元") == 50000
    assert parse_money("500 yuan") == 50000
    assert parse_money("RMB 500") == 50000
    assert parse_money("1,200.00") == 120000
    assert parse_money(" 6100.00 ") == 610000
    assert parse_money(str(MONEY_LIMIT_YUAN)) == MAX_FEN  # the limit itself is allowed


@given(fen=st.integers(0, MAX_FEN))
@example(fen=0)
@example(fen=MAX_FEN)
@example(fen=610000)
def test_formatted_money_parses_back_exactly(fen: int):
    text = format_money(fen)
    whole, part = divmod(fen, 100)
    assert text == f"{whole}.{part:02d}"
    for spelling in (
        text,
        f"¥{text}",
        f"￥{text}",
        f"{text}元",
        f" ¥ {text} 元 ",
        f"{whole:,}.{part:02d}",
    ):
        assert parse_money(spelling) == fen, spelling


@given(fen=st.integers(1, MAX_FEN))
def test_negative_money_is_refused(fen: int):
    for text in (f"-{format_money(fen)}", f"¥-{format_money(fen)}", f"-{format_money(fen)}元"):
        error = refused("money_negative", parse_money, text)
        assert repr(text) in error.message("en")


@given(fen=st.integers(MAX_FEN + 1, MAX_FEN * 1000))
def test_absurd_money_is_refused(fen: int):
    error = refused("money_absurd", parse_money, format_money(fen))
    assert "10,000,000" in error.message("en")


@given(fen=st.integers(0, MAX_FEN - 1), extra=st.integers(1, 9), zeros=st.integers(0, 5))
def test_amounts_finer_than_a_fen_are_refused(fen: int, extra: int, zeros: int):
    text = format_money(fen) + "0" * zeros + str(extra)
    error = refused("money_finer_than_fen", parse_money, text)
    assert "two decimals" in error.message("en") and "两位小数" in error.message("zh")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "abc",
        "¥",
        "元",
        "-",
        ".",
        "-.",
        "1e5",
        "5 5",
        "1.2.3",
        "--5",
        "0x10",
        "五百",
        "500 dollars",
        "$500",
        "5-0",
    ],
)
def test_garbage_money_is_refused(text: str):
    error = refused("bad_money", parse_money, text)
    assert repr(text) in error.message("en")


def test_format_money():
    assert format_money(610000) == "6100.00"
    assert format_money(5) == "0.05"
    assert format_money(0) == "0.00"
    assert format_money(-250) == "-2.50"
    assert format_money(None) == ""


# ---------------------------------------------------------------- codes


@pytest.mark.parametrize("group", list(labels.CODES))
def test_every_code_and_both_names_parse_to_the_code(group: str):
    for code, (en, zh) in labels.CODES[group].items():
        for text in (code, en, zh, code.upper(), en.upper(), f"  {zh} ", en.title()):
            assert parse_code(group, text) == code, (group, text)


@pytest.mark.parametrize("group", list(labels.ALIASES))
def test_aliases_parse_to_existing_codes(group: str):
    for spelling, code in labels.ALIASES[group].items():
        assert code in labels.CODES[group], (group, spelling)
        assert parse_code(group, spelling) == code


def test_chinese_and_english_examples():
    assert parse_code("aid_kind", "生病住院") == "illness"
    assert parse_code("gender", "男") == "M"
    assert parse_code("gender", "f") == "F"
    assert parse_code("status", "non-member") == "non_member"
    assert parse_code("status", "未入会") == "non_member"
    assert parse_code("employment", "合同制") == "contract"
    assert parse_code("event_kind", "义诊/志愿") == "volunteer"


@pytest.mark.parametrize("group", list(labels.CODES))
def test_unknown_code_lists_accepted_values_in_both_languages(group: str):
    error = refused("bad_code", parse_code, group, "no-such-thing")
    text = error.message("en")
    assert "'no-such-thing'" in text
    for code, (_en, zh) in labels.CODES[group].items():
        assert f"{code} {zh}" in text, (group, code)
    assert labels.what(group, "en") in text
    assert labels.what(group, "zh") in error.message("zh")


def test_allowed_restricts_codes_and_the_accepted_list():
    allowed = ("member", "non_member")
    assert parse_code("status", "在会", allowed=allowed) == "member"
    error = refused("bad_code", parse_code, "status", "left", allowed=allowed)
    assert error.params["accepted"] == "member 在会, non_member 未入会"
    assert "退会" not in error.message("en")


def test_parse_optional_code():
    assert parse_optional_code("gender", None) is None
    assert parse_optional_code("gender", "  ") is None
    assert parse_optional_code("gender", "女") == "F"
    refused("bad_code", parse_optional_code, "gender", "X")


# ---------------------------------------------------------------- employee numbers, phones, text

emp_nos = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9-]{0,31}", fullmatch=True)


@given(number=emp_nos)
def test_employee_numbers_are_kept_as_typed(number: str):
    assert parse_emp_no(number) == number
    assert parse_emp_no(f"  {number}\t") == number


@pytest.mark.parametrize(
    "text", ["-1001", "10 01", "10_01", "10.01", "工号1", "张丽", "A" * 33, "1001/2"]
)
def test_bad_employee_numbers_are_refused(text: str):
    refused("bad_emp_no", parse_emp_no, text)


@pytest.mark.parametrize("text", ["", "  "])
def test_a_missing_employee_number_says_so(text: str):
    """A blank 工号 in a file is usually a 合计 or 制表人 line, not a typo."""
    refused("missing_emp_no", parse_emp_no, text)


def test_employee_number_examples():
    assert parse_emp_no("10001") == "10001"
    assert parse_emp_no("Hz-0042") == "Hz-0042"
    assert parse_emp_no("A" * 32) == "A" * 32


def test_member_ref_takes_anything_but_blank():
    assert parse_member_ref(" 王方 ") == "王方"
    assert parse_member_ref("10001") == "10001"
    refused("bad_emp_no", parse_member_ref, "   ")


def test_parse_phone():
    assert parse_phone(None) is None
    assert parse_phone("") is None
    assert parse_phone("   ") is None
    assert parse_phone("13812345678") == "13812345678"
    assert parse_phone(" +86 138-1234-5678 ") == "+86 138-1234-5678"
    assert parse_phone("0571-8888 1234") == "0571-8888 1234"
    for bad in (
        "call me",
        "1234",
        "+",
        "++8613812345678",
        "138.1234.5678",
        "１３８１２３４５６７８x",
    ):
        refused("bad_phone", parse_phone, bad)


@given(digits=st.from_regex(r"[0-9]{5,20}", fullmatch=True))
def test_any_run_of_digits_is_a_phone(digits: str):
    # except a mobile (1…) that has lost or gained a digit: tests/test_small_defects.py
    if _broken_mobile(digits):
        refused("bad_mobile", parse_phone, digits)
    else:
        assert parse_phone(digits) == digits
    # with a +: a mainland number's national part (after +86) is judged the same way;
    # another country's number is taken as it is
    plus = "+" + digits
    if digits.startswith("86") and _broken_mobile(digits[2:]):
        refused("bad_mobile", parse_phone, plus)
    else:
        assert parse_phone(plus) == plus


def _broken_mobile(national: str) -> bool:
    return national.startswith("1") and len(national) >= 7 and len(national) != 11


def test_parse_text():
    assert parse_text(None) is None
    assert parse_text("") is None
    assert parse_text(" \t\n ") is None
    assert parse_text("  心内科  ") == "心内科"
    assert parse_text("主治  医师\n副主任") == "主治 医师 副主任"


# Controls other than tab/CR/LF are refused and invisible format characters stripped:
# tests/test_hygiene.py. Here, the whitespace rule on everything else.
@given(text=st.text(alphabet=st.characters(exclude_categories=("Cc", "Cf"))) | st.text(" \t\r\n"))
def test_parse_text_trims_and_collapses_whitespace(text: str):
    result = parse_text(text)
    if not text.split():
        assert result is None
    else:
        assert result is not None
        assert result.split() == text.split()
        assert result == result.strip()
        assert "  " not in result


def test_parse_count():
    assert parse_count("0") == 0
    assert parse_count(" 42 ") == 42
    for bad in ("-1", "1.5", "", "abc", "1e3", "十"):
        refused("bad_number", parse_count, bad)


# ---------------------------------------------------------------- ID-card numbers

PROVINCES = ["11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35"]
PROVINCES += ["36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54"]
PROVINCES += ["61", "62", "63", "64", "65", "71", "81", "82"]
# a real area code: a province (GB/T 2260) and a place in it (not 0000)
regions = st.builds(
    lambda province, place: f"{province}{place:04d}",
    st.sampled_from(PROVINCES),
    st.integers(1, 9999),
)
sequences = st.integers(0, 999).map(lambda n: f"{n:03d}")
births = st.dates(min_value=FIRST_DAY, max_value=PINNED_TODAY)


def make_id(region: str, birth: dt.date, seq: str) -> str:
    first17 = f"{region}{birth:%Y%m%d}{seq}"
    return first17 + id_card_check_digit(first17)


def test_known_numbers():
    assert parse_id_card(VALID_ID) == IdCard(VALID_ID, dt.date(1990, 3, 7), "F")
    assert parse_id_card(VALID_ID_MALE) == IdCard(VALID_ID_MALE, dt.date(1949, 12, 31), "M")
    assert parse_id_card(SAMPLE_ID_X) == IdCard(SAMPLE_ID_X, dt.date(1949, 12, 31), "F")
    assert parse_id_card(SAMPLE_ID_X.lower()).number == SAMPLE_ID_X
    assert parse_id_card(f"  {VALID_ID} ").number == VALID_ID
    assert id_card_check_digit(VALID_ID[:17]) == "1"
    assert id_card_check_digit(SAMPLE_ID_X[:17]) == "X"


@pinned
@given(region=regions, birth=births, seq=sequences)
def test_a_valid_number_gives_its_birth_date_and_gender(monkeypatch, region, birth, seq):
    monkeypatch.setenv("UNIONCTL_TODAY", PINNED_TODAY.isoformat())
    number = make_id(region, birth, seq)
    card = parse_id_card(number)
    assert card.number == number
    assert card.birth_date == birth
    assert card.gender == ("M" if int(seq[-1]) % 2 == 1 else "F")
    assert parse_id_card(number.lower()) == card


@pinned
@given(region=regions, birth=births, seq=sequences, wrong=st.sampled_from("0123456789X"))
def test_a_wrong_check_character_is_caught(monkeypatch, region, birth, seq, wrong):
    monkeypatch.setenv("UNIONCTL_TODAY", PINNED_TODAY.isoformat())
    number = make_id(region, birth, seq)
    if wrong == number[-1]:
        return
    error = refused("id_card_checksum", parse_id_card, number[:17] + wrong)
    assert error.params["expected"] == number[-1]
    assert f"expected {number[-1]}" in error.message("en")


@given(region=regions, birth=births, seq=sequences, position=st.integers(0, 16))
def test_a_changed_digit_breaks_the_check(region, birth, seq, position):
    number = make_id(region, birth, seq)
    digit = str((int(number[position]) + 1) % 10)
    changed = number[:position] + digit + number[position + 1 :]
    # GB 11643 catches every single-digit error, whatever it does to the date
    refused("id_card_checksum", parse_id_card, changed)


@pytest.mark.parametrize(
    "text",
    [
        VALID_ID[:17],
        VALID_ID + "1",
        "",
        "33010219900307152X1",
        "3301021990030715X1",
        "A30102199003071521",
        "330102 99003071521",
        "33010219900307152Y",
    ],
)
def test_malformed_numbers_are_refused(text: str):
    refused("id_card_format", parse_id_card, text)


@pytest.mark.parametrize(
    "birth_digits",
    ["20250230", "19901301", "19900001", "19900100", "18991231", "20260101", "00000000"],
)
def test_impossible_or_future_birth_dates_are_refused(monkeypatch, birth_digits: str):
    monkeypatch.setenv("UNIONCTL_TODAY", "2025-12-31")
    first17 = f"330102{birth_digits}152"
    number = first17 + id_card_check_digit(first17)
    refused("id_card_date", parse_id_card, number)


# ---------------------------------------------------------------- fast paths
# An import parses a few cells a row, a million rows at a time, so the common spellings
# take a short way round (bench/README.md, `members import`). Each short way must say
# exactly what the general way says: these properties hold them to it.

# the digits and separators dates are made of, and a few that only look like them
date_chars = st.text(alphabet="0123456789-/.年月日 ０１２٣²x", max_size=12)
iso_shaped = st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True)


@given(text=st.one_of(iso_shaped, date_chars, st.text(max_size=12)))
@example(text="2025-02-30")
@example(text="0000-01-01")
@example(text="2025-٠٣-16")  # Arabic-Indic digits: isdigit() says yes, [0-9] says no
@example(text="2025-W11-7")  # a week date, which date.fromisoformat would take
def test_the_iso_date_fast_path_agrees_with_the_patterns(text: str):
    from unionctl.parsing import _iso_date, _match_date

    fast = _iso_date(text)
    assert fast is None or fast == _match_date(text)


@given(day=valid_dates)
def test_every_iso_date_takes_the_fast_path(day: dt.date):
    from unionctl.parsing import _iso_date

    assert _iso_date(day.isoformat()) == day


@given(text=st.one_of(iso_shaped, date_chars, st.text(max_size=12)))
def test_a_whole_date_is_never_a_birth_month(text: str):
    # why parse_birth_date may try the ISO date before its month spellings
    from unionctl.parsing import _BIRTH_MONTH_PATTERNS, _iso_date

    if _iso_date(text) is not None:
        assert not any(p.fullmatch(text) for p in _BIRTH_MONTH_PATTERNS)


def outcome(func, *args):
    """What a parser says: its value, or the key and parameters of its refusal."""
    try:
        return "value", func(*args)
    except UnionError as error:
        return "refused", error.key, error.params


# every kind of character: controls, format characters, all the Unicode spaces
any_text = st.text(alphabet=st.characters(codec=None), max_size=20)
spaced_text = st.text(
    alphabet=" \t\r\n\x0b\x0c\x1c\x85\xa0\u2028\u3000\u200b\ufeff\x1b中a", max_size=12
)


@given(text=st.one_of(any_text, spaced_text))
@example(text="王\u3000芳")
@example(text="王\u200b芳")
@example(text="\x1b[2J")
def test_clean_text_fast_path_agrees_with_the_character_loop(text: str):
    from unionctl.parsing import _clean_chars, clean_text

    assert outcome(clean_text, text) == outcome(_clean_chars, text)


@given(first17=st.from_regex(r"[0-9]{17}", fullmatch=True))
def test_check_digit_is_the_gb11643_sum(first17: str):
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(first17, weights, strict=True))
    assert id_card_check_digit(first17) == "10X98765432"[total % 11]


@pytest.mark.parametrize("text", ["", "1234567890123456", "123456789012345678"])
def test_check_digit_needs_seventeen_digits(text: str):
    with pytest.raises(ValueError):
        id_card_check_digit(text)


def phone_by_regex(text: str) -> str:
    """parse_phone's rule as first written, with re.sub: the reference for the fast one."""
    import re

    value = unicodedata.normalize("NFKC", text).strip()
    if not re.fullmatch(r"\+?[0-9][0-9 -]{4,24}", value):
        raise UnionError("bad_phone", value=text)
    national = re.sub(r"^(?:\+86|0086)", "", re.sub(r"[ -]", "", value))
    if national.startswith("1") and len(national) >= 7 and len(national) != 11:
        raise UnionError("bad_mobile", value=text, digits=len(national))
    return value


@given(
    text=st.one_of(
        st.from_regex(r"(\+86|0086|\+|00)?[ -]?1[0-9 -]{4,14}", fullmatch=True),
        st.text(alphabet="+0123456789 -８６", min_size=1, max_size=20),
    )
)
@example(text="+860086 138 1234 5678")
@example(text="0086+8613812345678")
def test_phone_string_operations_agree_with_the_regexes(text: str):
    if not text.strip():
        return  # a blank is None before either rule runs
    assert outcome(parse_phone, text) == outcome(phone_by_regex, text)


@given(fen=st.integers(-(10**11), 10**11))
def test_a_float_money_cell_reads_as_its_fen(fen: int):
    # an xlsx number cell holds fen / 100 as a float (and 33.3*3 as 99.89999999999999):
    # read back, it is those fen exactly (parse_money then judges the amount)
    from unionctl.table_file import _money_text

    assert _money_text(fen / 100) == ("-" if fen < 0 else "") + format_money(abs(fen))
    if 0 <= fen <= MAX_FEN:
        assert parse_money(_money_text(fen / 100)) == fen


@given(
    first17=st.one_of(
        st.from_regex(r"[0-9]{17}", fullmatch=True),
        st.text(alphabet="0123456789X٣５ -_", min_size=17, max_size=17),
    )
)
@example(first17="1" * 16 + "٣")
@example(first17="1" * 16 + "_")
def test_check_digit_fast_path_agrees_with_the_weighted_sum(first17: str):
    """The base-13 reading of an ASCII card is the weighted sum; anything else (a
    non-ASCII digit, a letter) goes the general way, as before."""
    from unionctl.parsing import _ID_CHECK, _ID_WEIGHTS

    def by_weights(text: str) -> str:
        return _ID_CHECK[sum(int(d) * w for d, w in zip(text, _ID_WEIGHTS, strict=True)) % 11]

    def said(func) -> object:
        try:
            return func(first17)
        except ValueError:
            return ValueError

    assert said(id_card_check_digit) == said(by_weights)
