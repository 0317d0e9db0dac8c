"""The one place that reads what a user types: dates, months, periods, money, codes,
employee numbers and ID-card numbers. Everything else receives parsed values.

Each parser raises UnionError with the value and what is accepted.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import os
import re
import unicodedata
from decimal import Decimal, InvalidOperation, localcontext
from typing import NamedTuple

from unionctl.errors import UnionError
from unionctl.labels import ALIASES, CODES, NO_WORDS, VAGUE, YES_WORDS, Term, choices

# A single gift or budget above this is a typing mistake, not a union expense.
MONEY_LIMIT_YUAN = 10_000_000


def _typed(text: object) -> str:
    """What was typed, with full-width digits and letters (from a Chinese IME) made ASCII:
    ２０２５年３月 → 2025年3月, ￥５００ → ¥500."""
    return unicodedata.normalize("NFKC", str(text)).strip()


def today() -> dt.date:
    """Today's date; $UNIONCTL_TODAY pins it for reproducible demos and tests."""
    pinned = os.environ.get("UNIONCTL_TODAY")
    if pinned:
        return _pinned_day(pinned)
    return dt.date.today()


@functools.lru_cache(maxsize=8)
def _pinned_day(text: str) -> dt.date:
    # today() runs a few times per imported row: parse the pinned date once, not 3M times.
    # A typo here would silently date every change by the real clock: refuse it.
    parsed = _parse_date_literal(_typed(text))
    if parsed is None:
        raise UnionError("bad_today", value=text)
    return parsed


_DATE_PATTERNS = (
    re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"),
    re.compile(r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})"),
    re.compile(r"([0-9]{4})\.([0-9]{1,2})\.([0-9]{1,2})"),
    re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})"),
    re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})[日号]?"),
)


# A date written with a midnight time, as database exports and spreadsheets turned to text
# write a day (2019-07-01 00:00:00). Any other time is refused: it is a moment, not a day,
# and may be the wrong column.
_MIDNIGHT = re.compile(r"(.+?)[ T]0?0:00(?::00(?:\.0+)?)?")


def _iso_date(text: str) -> dt.date | None:
    """YYYY-MM-DD in ASCII digits, the spelling exports and HR systems write, read without
    the regexes (an import reads two or three dates a row). None when the text is not
    spelled so or names no day: `_match_date` then decides, and agrees with this wherever
    this gives a day (tests/test_parsing.py checks it)."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not text.isascii():
        return None
    try:  # ten ASCII characters, dashes at 4 and 7: fromisoformat reads only 4-2-2 digits
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _parse_date_literal(text: str) -> dt.date | None:
    day = _iso_date(text)
    return day if day is not None else _match_date(text)


def _match_date(text: str) -> dt.date | None:
    """Any of the spellings of _DATE_PATTERNS, with or without a midnight time."""
    midnight = _MIDNIGHT.fullmatch(text)
    if midnight:
        text = midnight.group(1)
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


def parse_date(text: str) -> dt.date:
    """2025-03-16, 2025/3/16, 2025.3.16, 20250316, 2025年3月16日, today/今天; a date may
    carry a midnight time (2025-03-16 00:00:00), as exports write a day."""
    value = _typed(text)
    parsed = _iso_date(value)  # the usual spelling first: it is none of the words below
    if parsed is not None and 1900 <= parsed.year <= 9998:
        return parsed
    lowered = value.lower()
    if lowered in ("today", "今天", "今日"):
        return today()
    if lowered in ("yesterday", "昨天"):
        return today() - dt.timedelta(days=1)
    parsed = _parse_date_literal(value)
    if parsed is None or not 1900 <= parsed.year <= 9998:
        raise UnionError("bad_date", value=text)
    return parsed


def parse_optional_date(text: str | None) -> dt.date | None:
    """A sheet's cell: blank is no date."""
    if text is None or not text.strip():
        return None
    return parse_date(text)


def parse_option_date(text: str | None) -> dt.date | None:
    """An option's date: None when the option was left out. A value given empty is no
    date (`--on ''`, a cron job's unset variable, is not today)."""
    return None if text is None else parse_date(text)


_BIRTH_MONTH_PATTERNS = (
    re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})"),
    re.compile(r"([0-9]{4})([0-9]{2})"),
    re.compile(r"([0-9]{4})年([0-9]{1,2})月"),
)


def parse_birth_date(text: str) -> dt.date:
    """A birth date, or a birth month as HR rosters write 出生年月 (1990.03, 199003,
    1990年3月, 1990-03): a month stands for its first day."""
    value = _typed(text)
    day = _iso_date(value)  # a whole date matches no month pattern: the common case first
    if day is not None and 1900 <= day.year <= 9998:
        return day
    for pattern in _BIRTH_MONTH_PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if 1 <= month <= 12 and 1900 <= year <= 9998:
                return dt.date(year, month, 1)
            raise UnionError("bad_birth_date", value=text)
    return parse_date(text)


def parse_optional_birth_date(text: str | None) -> dt.date | None:
    if text is None or not text.strip():
        return None
    return parse_birth_date(text)


class Period(NamedTuple):
    """An inclusive range of days with the way the user named it."""

    start: dt.date
    end: dt.date
    kind: str  # "month" | "year" | "range"

    @property
    def end_exclusive(self) -> dt.date:
        return self.end + dt.timedelta(days=1)

    def label(self) -> str:
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.kind == "year":
            return f"{self.start:%Y}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def _month_period(year: int, month: int) -> Period:
    start = dt.date(year, month, 1)
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return Period(start, following - dt.timedelta(days=1), "month")


_MONTH_PATTERNS = (
    re.compile(r"([0-9]{4})-([0-9]{1,2})"),
    re.compile(r"([0-9]{4})/([0-9]{1,2})"),
    re.compile(r"([0-9]{4})([0-9]{2})"),
    re.compile(r"([0-9]{4})年([0-9]{1,2})月?"),
)


def parse_month(text: str) -> Period:
    """2025-03, 2025/3, 202503, 2025年3月, this/本月, last/上月."""
    value = _typed(text).lower()
    now = today()
    if value in ("this", "本月"):
        return _month_period(now.year, now.month)
    if value in ("last", "上月"):
        first = now.replace(day=1) - dt.timedelta(days=1)
        return _month_period(first.year, first.month)
    for pattern in _MONTH_PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            if 1 <= month <= 12 and 1900 <= year <= 9998:
                return _month_period(year, month)
    raise UnionError("bad_month", value=text)


def parse_year(text: str) -> Period:
    """2025, 2025年, this/今年, last/去年."""
    value = _typed(text).lower()
    now = today()
    if value in ("this", "今年"):
        year = now.year
    elif value in ("last", "去年"):
        year = now.year - 1
    else:
        match = re.fullmatch(r"([0-9]{4})年?", value)
        if not match or not 1900 <= int(match.group(1)) <= 9998:
            raise UnionError("bad_year", value=text)
        year = int(match.group(1))
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def parse_period(
    *,
    month: str | None = None,
    year: str | None = None,
    start: str | None = None,
    end: str | None = None,
    default: str | None = "year",
) -> Period | None:
    """One of --month, --year or --from/--to; with none given, this year/month or None.
    An option given empty is given (`--year ''` is no year, not this one)."""
    given = [month is not None, year is not None, start is not None or end is not None]
    if sum(given) > 1:
        raise UnionError("bad_period")
    if month is not None:
        return parse_month(month)
    if year is not None:
        return parse_year(year)
    if start is not None or end is not None:
        first = parse_date(start) if start is not None else dt.date(1900, 1, 1)
        last = parse_date(end) if end is not None else today()
        if last < first:
            raise UnionError("period_reversed", start=first.isoformat(), end=last.isoformat())
        return Period(first, last, "range")
    if default == "year":
        return parse_year("this")
    if default == "month":
        return parse_month("this")
    return None


_MONEY = re.compile(
    r"(?:rmb|cny|[¥￥])?\s*(-?[0-9,]*\.?[0-9]*)\s*(?:元|yuan|rmb|cny)?", re.IGNORECASE
)


_THOUSANDS = re.compile(r"-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")


def parse_money(text: str) -> int:
    """500, 500.5, ¥500, 500元, 1,200.00 → integer fen. Refuses negative and absurd sums."""
    value = _typed(text)
    match = _MONEY.fullmatch(value) if len(value) <= 40 else None
    digits = match.group(1) if match else ""
    if "," in digits:
        # Only thousands: 1,500 and 1,500.50. "1,50" is a decimal comma to some and a
        # typo to others; guessing either way misstates the sum by 100 times.
        if not _THOUSANDS.fullmatch(digits):
            raise UnionError("money_comma", value=text)
        digits = digits.replace(",", "")
    if not digits or digits in ("-", ".", "-."):
        raise UnionError("bad_money", value=text)
    with localcontext() as exact:
        exact.prec = 60  # more digits than any accepted input: no rounding below
        try:
            amount = Decimal(digits)
        except InvalidOperation:
            raise UnionError("bad_money", value=text) from None
        if amount < 0:
            raise UnionError("money_negative", value=text)
        if amount > MONEY_LIMIT_YUAN:
            raise UnionError("money_absurd", value=text, limit=f"{MONEY_LIMIT_YUAN:,}")
        fen = amount * 100
        if fen != fen.to_integral_value():
            raise UnionError("money_finer_than_fen", value=text)
        return int(fen)


def format_money(fen: int | None) -> str:
    """Integer fen → '6100.00' (exact: no float on the way)."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(int(fen)), 100)
    return f"{sign}{whole}.{part:02d}"


@functools.cache  # static tables; an import calls this for every cell
def _code_index(group: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for code, (en, zh) in CODES[group].items():
        for spelling in (code, en, zh):
            index[spelling.lower()] = code
    for spelling, code in ALIASES.get(group, {}).items():
        index[spelling.lower()] = code
    return index


def parse_code(group: str, text: str, *, allowed: tuple[str, ...] | None = None) -> str:
    """A stored code from its code, English name or Chinese name (`生病住院` → illness)."""
    code = _code_index(group).get(_typed(text).lower())
    if code is None and _typed(text) in VAGUE.get(group, ()):
        raise UnionError(
            "vague_code", what=Term("what", group), value=text, accepted=choices(group)
        )
    if code is None or (allowed is not None and code not in allowed):
        accepted = choices(group)
        if allowed is not None:
            accepted = ", ".join(
                part for part in accepted.split(", ") if part.split()[0] in allowed
            )
        raise UnionError("bad_code", what=Term("what", group), value=text, accepted=accepted)
    return code


def parse_optional_code(
    group: str, text: str | None, *, vague_is_blank: bool = False, **kwargs
) -> str | None:
    """A code or None for a blank. vague_is_blank: an import cell that says too little
    (labels.VAGUE, e.g. 在职 for employment) counts as blank instead of an error."""
    if text is None or not text.strip():
        return None
    if vague_is_blank and _typed(text) in VAGUE.get(group, ()):
        return None
    return parse_code(group, text, **kwargs)


def parse_yes_no(text: str) -> bool:
    """是/否, yes/no, y/n, true/false, 1/0, √/× → True/False."""
    value = _typed(text).lower()
    if value in YES_WORDS:
        return True
    if value in NO_WORDS:
        return False
    raise UnionError("bad_yes_no", value=text)


_EMP_NO = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,31}")


def parse_emp_no(text: str) -> str:
    """An employee number 工号: letters, digits and dashes, as typed (case kept)."""
    value = _typed(text)
    if not value:  # in a file: often a 合计 or 制表人 line under the roster
        raise UnionError("missing_emp_no")
    if not _EMP_NO.fullmatch(value):
        raise UnionError("bad_emp_no", value=text)
    from unionctl.privacy import is_id_card

    if is_id_card(value):  # the two long numbers of a form, swapped: a card kept in full
        raise UnionError("emp_no_is_id_card", value=value)  # masked in the message
    return value


def parse_member_ref(text: str) -> str:
    """An employee number as typed to look someone up; no format check, so a name typed
    by mistake reaches the lookup and gets "did you mean" suggestions."""
    value = _typed(clean_text(text))
    if not value:
        raise UnionError("bad_emp_no", value=text)
    return value


def parse_count(text: str) -> int:
    value = _typed(text)
    if not re.fullmatch(r"[0-9]+", value):
        raise UnionError("bad_number", value=text)
    return int(value)


_PHONE = re.compile(r"\+?[0-9][0-9 -]{4,24}")


def parse_phone(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    value = _typed(text)
    if not _PHONE.fullmatch(value):
        raise UnionError("bad_phone", value=text)
    digits = value.replace(" ", "").replace("-", "")
    # string operations, not re.sub: the same result, and an import reads a phone a row
    if digits.startswith("+86"):
        national = digits[3:]
    elif digits.startswith("0086"):
        national = digits[4:]
    else:
        national = digits
    # A mainland mobile is 1 + 10 digits; a number starting with 1 that is longer than
    # a short internal extension but not 11 digits is a mobile with a digit lost or
    # doubled (landlines start with 0 or 2-9).
    if national.startswith("1") and len(national) >= 7 and len(national) != 11:
        raise UnionError("bad_mobile", value=text, digits=len(national))
    return value


# Control characters are refused, not stripped: ESC, NUL, BEL or a C1 control in a name
# is a paste gone wrong or an attempt to rewrite the screen of whoever lists the roll,
# and silently storing something other than what was given would hide it. Tab, CR and
# LF are whitespace and collapse to one space like any other run of spaces.
# Invisible format characters (zero-width space/joiner, a BOM inside the text, bidi
# overrides) are stripped: they arrive by copy-paste from Word, WeChat or a web page,
# are invisible to the person typing, and a U+202E can make a name read backwards.
# A name made of nothing else is then empty, and refused as such.
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def clean_text(text: object) -> str:
    """Text as stored: invisible format characters gone, controls refused, spaces collapsed."""
    raw = str(text)
    if raw.isprintable():
        # No control or format character (both are unprintable) and no space but " ":
        # only the spaces to collapse. _clean_chars gives the same (tests/test_parsing.py)
        # at a tenth of the speed; an import cleans three or four cells a row.
        return " ".join(raw.split())
    return _clean_chars(raw)


def _clean_chars(raw: str) -> str:
    """clean_text, character by character."""
    kept = []
    for char in raw:
        category = unicodedata.category(char)
        if category == "Cc" and char not in _ALLOWED_CONTROLS:
            raise UnionError("text_control", value=raw, char=f"U+{ord(char):04X}")
        if category != "Cf":
            kept.append(char)
    return " ".join("".join(kept).split())


def parse_text(text: str | None) -> str | None:
    """Free text: cleaned (clean_text) and trimmed; empty becomes None."""
    if text is None:
        return None
    return clean_text(text) or None


class IdCard(NamedTuple):
    number: str
    birth_date: dt.date
    gender: str  # "M" | "F"


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_card_check_digit(first17: str) -> str:
    """GB 11643-1999 check character for the first 17 digits."""
    if len(first17) != len(_ID_WEIGHTS):
        raise ValueError(f"17 digits expected, got {first17!r}")
    if first17.isascii() and first17.isdigit():
        # The weights are 2**17, …, 2**1 reduced mod 11, and 13 ≡ 2 (mod 11): the digits
        # and a 0 after them read as a base-13 number are the same sum mod 11, added up
        # by int() in C (a tenth of the time; an import checks a card a row).
        return _ID_CHECK[int(first17 + "0", 13) % 11]
    total = sum(map(operator.mul, map(int, first17), _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


# GB/T 2260 province codes, the first two digits of every resident ID's area code.
_PROVINCES = frozenset(
    (
        *("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34"),
        *("35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52"),
        *("53", "54", "61", "62", "63", "64", "65", "71", "81", "82"),
    )
)


def parse_id_card(text: str, *, on: dt.date | None = None) -> IdCard:
    """An 18-character resident ID (GB 11643): check digit, birth date and gender inside.
    A birth after `on` (default today) is refused: an import gives its own day, once,
    rather than reading the clock for every row."""
    card = _id_card(text)
    if card.birth_date > (on or today()):
        raise UnionError("id_card_date", value=text)
    return card


@functools.lru_cache(maxsize=4096)
def _id_card(text: str) -> IdCard:
    # Cached: an imported card is parsed as a cell and again by the identity check of its
    # row, in the same chunk (1,000 rows). Nothing here depends on the day.
    value = _typed(text).upper()
    if not _ID_FORMAT.fullmatch(value):
        raise UnionError("id_card_format", value=text)
    expected = id_card_check_digit(value[:17])
    if value[17] != expected:  # first: a typo anywhere is a check-digit error
        raise UnionError("id_card_checksum", value=text, expected=expected)
    if value[:2] not in _PROVINCES or value[2:6] == "0000":
        raise UnionError("id_card_area", value=text)
    try:
        birth = dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise UnionError("id_card_date", value=text) from None
    if birth.year < 1900:
        raise UnionError("id_card_date", value=text)
    return IdCard(value, birth, "M" if int(value[16]) % 2 else "F")


_ID_FORMAT = re.compile(r"[0-9]{17}[0-9X]")
