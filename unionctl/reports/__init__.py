"""Reports: SQL returning `Table`s (see each module)."""

from __future__ import annotations

from unionctl.labels import CODES


def code_order(group: str, column: str) -> str:
    """SQL: the place of `column`'s code in the code list `group` (labels.CODES), to
    ORDER BY: a report's rows come in the list's own order (文艺, 体育, 培训 …), the same
    in every language, not sorted by code or by a translated name. A code off the list
    (none should be) comes after, by itself."""
    places = " ".join(f"WHEN '{code}' THEN {i}" for i, code in enumerate(CODES[group]))
    return f"CASE {column} {places} ELSE {len(CODES[group])} END, {column}"


def branch_order(name: str) -> str:
    """SQL: ORDER BY terms putting the branch named `name` in the branch list's order
    (`members branch list`: as added), then names that are no branch (院工会 as an
    organiser) by name, and none ('' or NULL) last."""
    place = f"(SELECT x.id FROM branch x WHERE x.name = {name})"
    return f"{place} IS NULL, {place}, COALESCE({name}, '') = '', {name}"
