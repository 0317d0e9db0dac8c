"""`proposals import`: a session's cases as the committee keeps them, all or nothing.

The file is read through the one table reader (CSV/TSV/xlsx, Chinese or English
headers). Each row is one case and says how far it got: the row is added and then taken
through the same steps as the commands (services.proposals: accept or reject or convert,
assign, reply, close), so an import obeys the status machine and every rule the
commands do. A step's date left blank is the previous step's date.

A committee's sheet holds tens or hundreds of cases, not millions: rows go through the
ORM one by one inside one transaction (each in a savepoint), which keeps one copy of the
rules. Any bad row and the whole transaction is rolled back; every bad row is reported
with its line. `--dry-run` runs the same and always rolls back.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from unionctl.db import Database
from unionctl.errors import RowProblems, UnionError
from unionctl.labels import Term
from unionctl.parsing import (
    parse_code,
    parse_date,
    parse_member_ref,
    parse_text,
    parse_yes_no,
)
from unionctl.reports.proposals import parse_session_code
from unionctl.services import proposals as service
from unionctl.services.row_import import import_each_row

if TYPE_CHECKING:
    from unionctl.table_file import TableFile

FIELDS = (
    "title",
    "submitter",
    "cosigners",
    "kind",
    "category",
    "session",
    "submitted_on",
    "text",
    "decision",
    "accepted_on",
    "reason",
    "dept",
    "due_on",
    "key_item",
    "disposition",
    "reply",
    "replied_on",
    "satisfaction",
    "closed_on",
)
HEADER_ALIASES = {
    "标题": "title",
    "案由": "title",
    "提案标题": "title",
    "提案名称": "title",
    "题目": "title",
    "提案人工号": "submitter",
    "提案人": "submitter",
    "工号": "submitter",
    "emp_no": "submitter",
    "附议人工号": "cosigners",
    "附议人": "cosigners",
    "类型": "kind",
    "分类": "category",
    "所属方面": "category",
    "届次": "session",
    "提交时间": "submitted_on",
    "提案内容": "text",
    "内容": "text",
    "处理意见": "decision",
    "不予立案理由": "reason",
    "理由": "reason",
    "承办部门": "dept",
    "承办单位": "dept",
    "责任部门": "dept",
    "期限": "due_on",
    "是否重点": "key_item",
    "办理方式": "disposition",
    "答复意见": "reply",
    "办理情况": "reply",
    "评价": "satisfaction",
    "办结日期": "closed_on",
    "办结时间": "closed_on",
}
KINDS = {
    "submitter": "digits",
    "submitted_on": "date",
    "accepted_on": "date",
    "due_on": "date",
    "replied_on": "date",
    "closed_on": "date",
}
_SEPARATORS = re.compile(r"[\s,，、;；]+")


def split_emp_nos(text: str | None) -> tuple[str, ...]:
    """Employee numbers separated by commas (half or full width), 、, ; or spaces."""
    if not text:
        return ()
    return tuple(parse_member_ref(part) for part in _SEPARATORS.split(text) if part)


def read_proposals(path: Path, sheet: str | None = None) -> TableFile:
    from unionctl.table_file import open_table

    return open_table(
        path,
        fields=FIELDS,
        aliases=HEADER_ALIASES,
        required=("title", "submitter"),
        kinds=KINDS,
        sheet=sheet,
    )


@dataclass
class Row:
    """One case as the file gives it, parsed."""

    data: service.ProposalInput
    decision: str | None = None
    accepted_on: dt.date | None = None
    reason: str | None = None
    dept: str | None = None
    due_on: dt.date | None = None
    key_item: bool = False
    disposition: str | None = None
    reply: str | None = None
    replied_on: dt.date | None = None
    satisfaction: str | None = None
    closed_on: dt.date | None = None


def _cell(cells: dict[str, str], name: str) -> str | None:
    value = cells.get(name)
    return value if value is not None and value.strip() else None


def parse_row(cells: dict[str, str]) -> Row:
    """Every cell parsed; every bad cell of the row reported together."""
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

    title = get("title", parse_text)
    if not title:
        problems.append(UnionError("bad_text", what=Term("header", "proposal_title")))
    submitter = get("submitter", parse_member_ref)
    if _cell(cells, "submitter") is None:
        problems.append(UnionError("bad_text", what=Term("header", "submitter")))
    row = Row(
        data=service.ProposalInput(
            title=title or "",
            submitter=submitter or "",
            kind=get("kind", lambda v: parse_code("proposal_kind", v)) or "proposal",
            cosigners=get("cosigners", split_emp_nos) or (),
            category=get("category", parse_text),
            session=get("session", parse_session_code),
            on=get("submitted_on", parse_date),
            text=get("text", parse_text),
        ),
        decision=get("decision", lambda v: parse_code("proposal_decision", v)),
        accepted_on=get("accepted_on", parse_date),
        reason=get("reason", parse_text),
        dept=get("dept", parse_text),
        due_on=get("due_on", parse_date),
        key_item=bool(get("key_item", parse_yes_no)),
        disposition=get("disposition", lambda v: parse_code("disposition", v)),
        reply=get("reply", parse_text),
        replied_on=get("replied_on", parse_date),
        satisfaction=get("satisfaction", lambda v: parse_code("satisfaction", v)),
        closed_on=get("closed_on", parse_date),
    )
    if row.dept and row.due_on is None:
        problems.append(_needs("handling_dept", "due_on"))
    if row.disposition and not row.reply:
        problems.append(_needs("disposition", "reply"))
    if row.decision == "rejected" and not row.reason:
        problems.append(_needs("decision", "reject_reason"))
    if problems:
        raise RowProblems(problems)
    return row


def _needs(given: str, needed: str) -> UnionError:
    return UnionError(
        "import_step_needs", field=Term("header", given), needed=Term("header", needed)
    )


def _write(work, row: Row, _line: int) -> None:
    """The case through the same steps as the commands, as far as the row says it got."""
    proposal, _ = service.add_proposal(work, row.data)
    code = proposal  # the steps take the row itself: no lookup by code each time
    decision = row.decision or ("accepted" if row.dept else None)
    on = row.accepted_on or proposal.submitted_on
    if decision == "accepted":
        service.accept(work, code=code, on=on)
    elif decision == "rejected":
        service.reject(work, code=code, reason=row.reason, on=on)
        return
    elif decision == "converted":
        service.convert(work, code=code, on=on)
    if row.dept:
        service.assign(work, code=code, dept=row.dept, due=row.due_on, key=row.key_item, on=on)
    if row.disposition:
        on = row.replied_on or on
        service.reply(work, code=code, disposition=row.disposition, text=row.reply, on=on)
    if row.satisfaction or row.closed_on:
        service.close(work, code=code, satisfaction=row.satisfaction, on=row.closed_on or on)


def import_proposals(
    database: Database,
    table: TableFile,
    *,
    actor: str,
    command: str,
    dry_run: bool = False,
    advance: Callable[[int], None] = lambda _n: None,
) -> int:
    """Add every row's case in one transaction, or none; returns how many were added."""
    return import_each_row(
        database,
        table,
        actor=actor,
        command=command,
        parse=parse_row,
        write=_write,
        dry_run=dry_run,
        advance=advance,
    )
