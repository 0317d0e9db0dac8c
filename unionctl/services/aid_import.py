"""`aid import`: a year's gifts as the union keeps them in a sheet, all or nothing.

Read through the one table reader (CSV/TSV/xlsx, Chinese or English headers); each row
goes through services.aid.give, so an import obeys every rule `aid give` does (the
register, the cap, the roll). The columns of `aid list --format csv` read back: 受助人
is taken as an outsider's name only when the row has no 工号 (beside one it must be
that member's name), 标记 restores the override flags (a refusal names those columns),
and a 合计 row (no kind, no one named) is skipped. Any bad row and nothing is written;
every bad row is reported with its line. `--dry-run` runs the same and rolls back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from unionctl.db import Database
from unionctl.db.reader import Reader
from unionctl.errors import RowProblems, UnionError
from unionctl.labels import Term
from unionctl.parsing import (
    parse_code,
    parse_date,
    parse_member_ref,
    parse_money,
    parse_text,
    today,
)
from unionctl.services.aid import AidInput, give
from unionctl.services.row_import import import_each_row

if TYPE_CHECKING:
    from unionctl.table_file import TableFile

FIELDS = (
    "emp_no",
    "beneficiary",
    "kind",
    "cash",
    "goods",
    "goods_value",
    "given_on",
    "visited_by",
    "source",
    "note",
    "flag",
)
HEADER_ALIASES = {
    "帮扶类别": "kind",
    "慰问类别": "kind",
    "类别": "kind",
    "aid_kind": "kind",
    "金额": "cash",
    "慰问金额": "cash",
    "amount": "cash",
    "受助人": "beneficiary",
    "姓名": "beneficiary",
    "外部对象": "beneficiary",
    "outsider": "beneficiary",
    "name": "beneficiary",
    "慰问日期": "given_on",
    "发放日期": "given_on",
    "日期": "given_on",
    "on": "given_on",
    "慰问物品": "goods",
    "经费来源": "source",
    "标记": "flag",
    "慰问人": "visited_by",
}
KINDS = {"emp_no": "digits", "given_on": "date", "cash": "money", "goods_value": "money"}
# A gift stored before this row that is the same gift: the same person (member or named
# outsider), kind, day, cash, goods and their value. SQLite's IS compares NULLs as equal.
SAME_GIFT_SQL = """
SELECT min(id) FROM aid
WHERE (:id IS NULL OR id < :id) AND kind = :kind AND given_on = :on AND amount = :amount
  AND goods_value = :goods_value AND goods IS :goods
  AND member_id IS :member AND outsider IS :outsider
"""


def read_aid(path: Path, sheet: str | None = None) -> TableFile:
    from unionctl.table_file import open_table

    return open_table(
        path,
        fields=FIELDS,
        aliases=HEADER_ALIASES,
        required=("kind",),
        kinds=KINDS,
        sheet=sheet,
    )


def _cell(cells: dict[str, str], name: str) -> str | None:
    value = cells.get(name)
    return value if value is not None and value.strip() else None


def parse_row(cells: dict[str, str]) -> AidInput | None:
    """The row as `aid give` would take it; None for a 合计 row. Every bad cell together."""
    if not any(_cell(cells, name) for name in ("kind", "emp_no", "beneficiary")):
        return None
    problems: list[UnionError] = []

    def get(name: str, parse: Callable[[str], object]):
        value = _cell(cells, name)
        if value is None:
            return None
        try:
            return parse(value)
        except UnionError as problem:
            problems.append(problem)
            return None

    kind = get("kind", lambda v: parse_code("aid_kind", v))
    if _cell(cells, "kind") is None:
        problems.append(UnionError("bad_text", what=Term("header", "aid_kind")))
    member = get("emp_no", parse_member_ref)
    # beside a 工号, 受助人 is the member's name (checked); alone, an outsider's
    named = get("beneficiary", parse_text)
    outsider = None if _cell(cells, "emp_no") else named
    flag = get("flag", lambda v: parse_code("aid_flag", v))
    data = AidInput(
        kind=kind or "other",
        member=member,
        outsider=outsider,
        amount=get("cash", parse_money),
        goods=get("goods", parse_text),
        goods_value=get("goods_value", parse_money),
        on=get("given_on", parse_date),
        visited_by=get("visited_by", parse_text),
        source=get("source", lambda v: parse_code("aid_source", v)) or "union",
        note=get("note", parse_text),
        over_cap=flag in ("over_cap", "both"),
        unregistered=flag in ("unregistered", "both"),
        name=named if member is not None else None,
        sheet=True,
    )
    if problems:
        raise RowProblems(problems)
    return data


def import_aid(
    database: Database,
    table: TableFile,
    *,
    actor: str,
    command: str,
    dry_run: bool = False,
    again: bool = False,
    advance: Callable[[int], None] = lambda _n: None,
) -> tuple[int, int]:
    """Give every row's aid in one transaction, or none; returns (rows, total fen).

    A row whose gift is already recorded — the same sheet imported twice, or a row
    repeated within it — is refused, naming the stored gift or the earlier line, unless
    `again`: counted twice, it would double the year's figures without anyone noticing.
    Asked before the gift's own rules when the row names its amount (a repeat that used
    up the cap is a repeat, not a gift over the cap); after them when the policy fills
    the amount in."""
    totals: list[int] = []
    lines: dict[int, int] = {}  # gift id → the line of this file that gave it

    def write(work, data: AidInput, line: int) -> None:
        if not again and data.amount is not None:
            _refuse_the_same_gift(work, _as_given(work, data), lines)
        aid, _member, _plan = give(work, data)
        if not again and data.amount is None:
            _refuse_the_same_gift(work, _stored_form(aid), lines)
        lines[aid.id] = line
        totals.append(aid.amount + aid.goods_value)

    count = import_each_row(
        database,
        table,
        actor=actor,
        command=command,
        parse=parse_row,
        write=write,
        dry_run=dry_run,
        advance=advance,
    )
    return count, sum(totals)


def _as_given(work, data: AidInput) -> dict:
    """The row as `give` would store it, for a row that names its amount."""
    from unionctl.lookup import member_id

    return {
        "id": None,
        "kind": data.kind,
        "on": (data.on or today()).isoformat(),
        "amount": data.amount,
        "goods_value": data.goods_value or 0,
        "goods": data.goods,
        "member": member_id(work.session, data.member) if data.member else None,
        "outsider": data.outsider,
    }


def _stored_form(aid) -> dict:
    return {
        "id": aid.id,
        "kind": aid.kind,
        "on": aid.given_on.isoformat(),
        "amount": aid.amount,
        "goods_value": aid.goods_value,
        "goods": aid.goods,
        "member": aid.member_id,
        "outsider": aid.outsider,
    }


def _refuse_the_same_gift(work, gift: dict, lines: dict[int, int]) -> None:
    same = Reader.of(work.session).execute(SAME_GIFT_SQL, gift).scalar()
    if same is None:
        return
    if same in lines:  # given by an earlier row of this file: its id is not for keeps
        raise UnionError("aid_import_repeat_row", line=lines[same])
    raise UnionError("aid_import_again", id=same)
