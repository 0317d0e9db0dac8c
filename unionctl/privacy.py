"""The one masker: how phone and ID-card numbers are shown without --include-private.

Listings, `members show`, the audit log (its one-line summaries and its JSON snapshots)
and error messages all call this module; nothing else masks.

ID card (GB 11643): 6 digits of area code, 8 of birth date (digits 7–14), a 3-digit
sequence whose last digit is odd for men and even for women, and a check character that
is computed from the other 17. A mask is judged against what sits beside it: every
listing that shows the card also shows `birth_date` and `gender`. So:
- digits 7–14 are never a secret (the birth date column prints them);
- the check character is never a secret once the first 17 are known, and showing it
  cuts the remaining guesses by 11;
- the sequence is the only real secret, and its last digit's parity is the gender column.
The old mask `330102********1521` showed the area, the last three sequence digits and
the check: with the birth date beside it, all 18 were known. Any mask showing the
sequence (even part of it) plus the check leaves a handful of candidates. This one shows
the first 4 digits only (province and city, which the hospital's own address tells
anyway) and hides everything from the district on: a reader of any listing is left with
the district (tens of candidates) × 500 sequences, thousands of numbers, none marked
right — nothing a probe can settle.

Phone: at least 4 digits are always hidden. A mobile (11 digits) shows the carrier
prefix and the last four, `138****1234`, the form people know; an 8-digit landline
shows its last four only, `****4321` (the old `876*4321` showed 7 of 8).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

ID_CARD_SHOWN = 4
PHONE_HIDDEN_AT_LEAST = 4


def mask_phone(value: str | None) -> str:
    """138****1234 for a mobile, ****4321 for a landline, all stars when shorter."""
    if not value:
        return ""
    digits = str(value).replace(" ", "").replace("-", "")
    if len(digits) < 4 + PHONE_HIDDEN_AT_LEAST:
        return "*" * len(digits)
    head = max(0, min(3, len(digits) - 4 - PHONE_HIDDEN_AT_LEAST))
    hidden = len(digits) - head - 4
    return f"{digits[:head]}{'*' * hidden}{digits[-4:]}"


def mask_id_card(value: str | None) -> str:
    """3301************** : province and city only (see the module docstring)."""
    if not value:
        return ""
    text = str(value)
    shown = min(ID_CARD_SHOWN, max(0, len(text) - 8))
    return text[:shown] + "*" * (len(text) - shown)


# Field name → its masker, wherever the field appears (a listing column kind, an audit
# snapshot key, an error message parameter).
MASKERS: dict[str, Callable[[str | None], str]] = {
    "phone": mask_phone,
    "id_card": mask_id_card,
}


def mask_field(key: str, value: Any) -> Any:
    """`value` masked when `key` (or its last dotted part) names a private field."""
    masker = MASKERS.get(key.rsplit(".", 1)[-1])
    if masker is None or not isinstance(value, str):
        return value
    return masker(value)


def mask_fields(data: Any) -> Any:
    """Private fields masked anywhere inside a JSON-shaped value (audit snapshots)."""
    if isinstance(data, dict):
        return {key: mask_fields(mask_field(key, item)) for key, item in data.items()}
    if isinstance(data, list):
        return [mask_fields(item) for item in data]
    return data


# Error messages that quote an ID-card number: the number comes from the database as
# often as from the user (`members edit 1 --birth …` quotes the stored card), and errors
# land in cron mail and terminal scrollback.
MASKED_MESSAGE_PARAMS: dict[str, dict[str, str]] = {
    key: {"value": "id_card"}
    for key in (
        "id_card_format",
        "id_card_area",
        "id_card_checksum",
        "id_card_date",
        "id_card_birth_mismatch",
        "id_card_gender_mismatch",
        "id_card_taken",
        "import_dup_id_card",
        "import_number_damaged",  # an ID card typed as a number: still 15 true digits
    )
}


def mask_message_params(key: str, params: dict[str, object]) -> dict[str, object]:
    """The message's parameters with private numbers masked: those its key names, and
    any value that is a well-formed ID card wherever it stands (one typed for an
    employee number: "no member with employee number …")."""
    private = MASKED_MESSAGE_PARAMS.get(key, {})
    return {
        name: mask_field(private[name], value)
        if name in private
        else mask_id_card(value)
        if is_id_card(value)
        else value
        for name, value in params.items()
    }


def is_id_card(value: object) -> bool:
    """An 18-character ID-card number whose check character is right, spaces or dashes
    between its parts or not (330106 19800101 0013): an employee number that happens to
    be one is a 1-in-11 chance on top of being 18 digits long."""
    if not isinstance(value, str) or not 18 <= len(value) <= 24:
        return False
    value = value.replace(" ", "").replace("-", "")
    if len(value) != 18:
        return False
    if not (value[:17].isascii() and value[:17].isdigit() and value[17] in "0123456789Xx"):
        return False
    from unionctl.parsing import id_card_check_digit

    return id_card_check_digit(value[:17]) == value[17].upper()
