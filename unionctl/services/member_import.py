"""`members import`: a roster CSV in, all or nothing.

Every row is checked before anything is written; one bad row rejects the file and every
bad row is reported with its line number. Rows go in through SQLAlchemy Core executemany
in chunks (measured: Core 97k rows/s, the ORM per row 10.5k rows/s and 3.7 GB for 1M).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import and_, bindparam, insert, select, update

from unionctl.db import Database, local_now
from unionctl.errors import ImportRejected, UnionError
from unionctl.labels import HEADERS, Term
from unionctl.models import Branch, Member, MemberPeriod
from unionctl.parsing import (
    parse_emp_no,
    parse_optional_birth_date,
    parse_optional_code,
    parse_optional_date,
    parse_phone,
    parse_text,
    today,
)
from unionctl.services.members import MemberInput, check_identity

FIELDS = (
    "emp_no",
    "name",
    "gender",
    "birth_date",
    "phone",
    "id_card",
    "dept",
    "branch",
    "post",
    "employment",
    "status",
    "joined_on",
)
# Header spellings seen in hospital HR spreadsheets, besides the codes and labels.HEADERS.
HEADER_ALIASES = {
    "职工号": "emp_no",
    "员工号": "emp_no",
    "人员编号": "emp_no",
    "工作证号": "emp_no",
    "名字": "name",
    "出生年月": "birth_date",
    "生日": "birth_date",
    "手机": "phone",
    "电话": "phone",
    "联系电话": "phone",
    "手机号码": "phone",
    "身份证": "id_card",
    "身份证号码": "id_card",
    "部门": "dept",
    "所在科室": "dept",
    "所属分工会": "branch",
    "职称": "post",
    "职务/职称": "post",
    "岗位": "post",
    "人员类别": "employment",
    "用工形式": "employment",
    "会员状态": "status",
    "入会时间": "joined_on",
}
CHUNK = 1000


@dataclass
class Roster:
    path: Path
    columns: list[str]  # field codes in file order
    rows: list[tuple[int, dict[str, str]]]  # (line number, field -> cell text)
    problems: list[tuple[int, UnionError]] = field(default_factory=list)  # rows of wrong width


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_branches: list[str] = field(default_factory=list)


def _header_index() -> dict[str, str]:
    index = {code: code for code in FIELDS}
    for code in FIELDS:
        en, zh = HEADERS[code]
        index[en.lower()] = code
        index[zh] = code
    index.update(HEADER_ALIASES)
    return index


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            # The decoder that got further is reading the file's real encoding, so its
            # failure is where the bad bytes are.
            where = max(utf8_error.start, gb_error.start)
            line = data[:where].count(b"\n") + 1
            raise UnionError("import_decode", path=str(path), line=line) from None


def _cell(text: str) -> str:
    """Undo the export's spreadsheet-formula guard so an export imports back unchanged."""
    from unionctl.render import unneutralise

    return unneutralise(text)


def read_roster(path: Path) -> Roster:
    """Read the file and its header; rows of the wrong width become problems for the
    import to report together with every other bad row."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnionError("import_unreadable", path=str(path), detail=error.strerror) from None
    text = _decode(path, data)
    if not text.strip():
        raise UnionError("import_empty", path=str(path))
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader)
    index = _header_index()
    columns: list[str] = []
    positions: list[int] = []
    unknown = []
    for position, raw in enumerate(header):
        name = raw.strip()
        if not name:
            continue  # Excel writes a trailing empty header cell; its values are checked below
        code = index.get(name) or index.get(name.lower())
        if code is None:
            unknown.append(name)
            continue
        if code in columns:
            raise UnionError("import_duplicate_column", path=str(path), column=name)
        columns.append(code)
        positions.append(position)
    if unknown:
        accepted = ", ".join(f"{code} {HEADERS[code][1]}" for code in FIELDS)
        raise UnionError(
            "import_unknown_column", path=str(path), columns=", ".join(unknown), accepted=accepted
        )
    if "emp_no" not in columns:
        raise UnionError("import_missing_column", path=str(path), columns="emp_no 工号")
    rows = []
    problems: list[tuple[int, UnionError]] = []
    width = len(header)
    for record in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue  # blank lines, often at the end of spreadsheet exports
        named = set(positions)
        stray = [c for i, c in enumerate(record) if i not in named and c.strip()]
        if len(record) < width or (stray and len(record) > width):
            problems.append(
                (line, UnionError("import_row_width", found=len(record), expected=width))
            )
            continue
        if stray:
            problems.append((line, UnionError("import_unnamed_value", value=stray[0])))
            continue
        rows.append(
            (line, {code: _cell(record[i]) for code, i in zip(columns, positions, strict=True)})
        )
    if not rows and not problems:
        raise UnionError("import_no_rows", path=str(path))
    return Roster(path, columns, rows, problems)


def _parse_row(cells: dict[str, str]) -> tuple[str, MemberInput, set[str]]:
    """(emp_no, parsed fields, which fields the file gives). Empty cell = clear the field."""
    emp_no = parse_emp_no(cells["emp_no"])
    present = set(cells) - {"emp_no"}
    data = MemberInput(
        name=parse_text(cells.get("name")),
        gender=parse_optional_code("gender", cells.get("gender")),
        birth_date=parse_optional_birth_date(cells.get("birth_date")),
        phone=parse_phone(cells.get("phone")),
        id_card=parse_text(cells.get("id_card")),
        dept=parse_text(cells.get("dept")),
        branch=parse_text(cells.get("branch")),
        post=parse_text(cells.get("post")),
        employment=parse_optional_code("employment", cells.get("employment")),
        status=parse_optional_code("status", cells.get("status")),
        joined_on=parse_optional_date(cells.get("joined_on")),
    )
    return emp_no, data, present


_PLAIN = ("name", "gender", "birth_date", "phone", "id_card", "dept", "post")


def import_members(
    database: Database,
    roster: Roster,
    *,
    actor: str,
    command: str,
    update: bool = False,
    create_branches: bool = False,
    dry_run: bool = False,
    advance: Callable[[int], None] = lambda _n: None,
) -> ImportResult:
    """Check every row, then write all of them in one transaction (or none).

    `advance` is told of each row twice, once checked and once written, so a progress
    bar's total is 2 × rows."""
    path = str(roster.path)
    result = ImportResult()
    context = database.read() if dry_run else database.write(actor=actor, command=command)
    with context as unit:
        session = unit if dry_run else unit.session
        conn = session.connection()
        branches = dict(conn.execute(select(Branch.name, Branch.id)).all())
        emp_nos_in_file = [cells.get("emp_no", "").strip() for _line, cells in roster.rows]
        existing: dict[str, dict] = {}
        for start in range(0, len(emp_nos_in_file), CHUNK):
            chunk = emp_nos_in_file[start : start + CHUNK]
            for row in conn.execute(select(Member).where(Member.emp_no.in_(chunk))).mappings():
                existing[row["emp_no"]] = dict(row)
        id_owner = {
            card: no
            for card, no in conn.execute(
                select(Member.id_card, Member.emp_no).where(Member.id_card.is_not(None))
            ).all()
        }
        branch_names = {v: k for k, v in branches.items()}
        problems: list[tuple[int, UnionError]] = list(roster.problems)
        seen: dict[str, int] = {}
        seen_cards: dict[str, int] = {}
        creates: list[tuple[str, MemberInput]] = []
        updates: list[tuple[str, dict, dict]] = []  # (emp_no, current row, changes)
        wanted_branches: list[str] = []
        for line, cells in roster.rows:
            try:
                emp_no, data, present = _parse_row(cells)
                if emp_no in seen:
                    raise UnionError("import_dup_in_file", emp_no=emp_no, first=seen[emp_no])
                seen[emp_no] = line
                current = existing.get(emp_no)
                if current is not None and not update:
                    raise UnionError("import_exists", emp_no=emp_no, name=current["name"])
                if data.branch and data.branch not in branches:
                    if not create_branches:
                        from unionctl.services.members import _suggestions

                        raise UnionError(
                            "unknown_branch_import",
                            name=data.branch,
                            suggestions=_suggestions(list(branches), data.branch),
                        )
                    if data.branch not in wanted_branches:
                        wanted_branches.append(data.branch)
                if current is None:
                    if not data.name:
                        raise UnionError("bad_name")
                    check_identity(data)
                    creates.append((emp_no, data))
                else:
                    changes = _changes(current, data, present, branch_names)
                    if changes:
                        updates.append((emp_no, current, changes))
                    else:
                        result.unchanged += 1
                card = data.id_card
                if card:
                    if card in seen_cards:
                        raise UnionError("import_dup_id_card", value=card, first=seen_cards[card])
                    seen_cards[card] = line
                    owner = id_owner.get(card)
                    if owner is not None and owner != emp_no:
                        raise UnionError(
                            "id_card_taken",
                            value=card,
                            emp_no=owner,
                            name=existing.get(owner, {}).get("name", ""),
                        )
            except UnionError as problem:
                problems.append((line, problem))
            advance(1)
        if problems:
            raise ImportRejected(sorted(problems, key=lambda p: p[0]), path=path)
        result.created = len(creates)
        result.updated = len(updates)
        result.new_branches = wanted_branches
        if dry_run:
            advance(len(roster.rows))
            return result
        _write(unit, creates, updates, wanted_branches, branches, advance)
        advance(result.unchanged)
    return result


def _changes(current: dict, data: MemberInput, present: set[str], branch_names: dict) -> dict:
    """Only the columns present in the file, and only where they differ."""
    new_card = "id_card" in present and data.id_card and data.id_card != current["id_card"]
    keep = None if new_card else current  # a new ID card re-derives what the file leaves out
    merged = MemberInput(
        birth_date=data.birth_date if "birth_date" in present else keep and keep["birth_date"],
        gender=data.gender if "gender" in present else keep and keep["gender"],
        id_card=data.id_card if "id_card" in present else current["id_card"],
        joined_on=data.joined_on if "joined_on" in present else None,
    )
    check_identity(merged, joined_on=current["joined_on"])
    # birth date and gender derived from a new ID card count as given
    if "id_card" in present and merged.id_card:
        data.id_card = merged.id_card
        for name in ("birth_date", "gender"):
            if getattr(data, name) is None:
                setattr(data, name, getattr(merged, name))
                present = present | {name}
    changes: dict[str, object] = {}
    for name in _PLAIN:
        if name in present and getattr(data, name) != current[name]:
            if name == "name" and not data.name:
                raise UnionError("bad_name")
            changes[name] = getattr(data, name)
    if "branch" in present and data.branch != branch_names.get(current["branch_id"]):
        changes["branch"] = data.branch
    if "employment" in present and data.employment and data.employment != current["employment"]:
        changes["employment"] = data.employment
    if "status" in present and data.status and data.status != current["status"]:
        raise UnionError(
            "import_status_change",
            found=Term("status", data.status),
            current=Term("status", current["status"]),
        )
    if (
        "joined_on" in present
        and data.joined_on is not None
        and data.joined_on != current["joined_on"]
        and current["status"] == "member"
    ):
        changes["joined_on"] = data.joined_on
    return changes


def _write(work, creates, updates, wanted_branches, branches, advance) -> None:
    session = work.session
    conn = session.connection()
    stamp = local_now()
    on = today()
    for name in wanted_branches:
        branch_id = conn.execute(
            insert(Branch.__table__)
            .values(name=name, created_on=on)
            .returning(Branch.__table__.c.id)
        ).scalar_one()
        branches[name] = branch_id
    audit: list[tuple[str, str | None, dict | None, dict | None]] = [
        ("branch", name, None, {"name": name, "parent": None}) for name in wanted_branches
    ]
    member_table = Member.__table__
    period_table = MemberPeriod.__table__
    for start in range(0, len(creates), CHUNK):
        chunk = creates[start : start + CHUNK]
        rows = []
        for emp_no, data in chunk:
            status = data.status or "member"
            rows.append(
                {
                    "emp_no": emp_no,
                    "name": data.name,
                    "gender": data.gender,
                    "birth_date": data.birth_date,
                    "phone": data.phone,
                    "id_card": data.id_card,
                    "dept": data.dept,
                    "branch_id": branches.get(data.branch) if data.branch else None,
                    "post": data.post,
                    "employment": data.employment or "staff",
                    "status": status,
                    "joined_on": data.joined_on if status != "non_member" else None,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
        conn.execute(insert(member_table), rows)
        ids = dict(
            conn.execute(
                select(member_table.c.emp_no, member_table.c.id).where(
                    member_table.c.emp_no.in_([r["emp_no"] for r in rows])
                )
            ).all()
        )
        periods = []
        for row in rows:
            member_id = ids[row["emp_no"]]
            start = row["joined_on"] if row["status"] == "member" else None
            periods.append(_period(member_id, "status", row["status"], start, stamp))
            periods.append(_period(member_id, "employment", row["employment"], None, stamp))
            if row["branch_id"] is not None:
                periods.append(_period(member_id, "branch", str(row["branch_id"]), None, stamp))
        conn.execute(insert(period_table), periods)
        audit.extend(("member", row["emp_no"], None, _audit_view(row, branches)) for row in rows)
        advance(len(chunk))
    for emp_no, current, changes in updates:
        _apply_update(conn, current, changes, branches, on, stamp)
        before = {k: _plain(current.get(k if k != "branch" else "branch_id")) for k in changes}
        if "branch" in changes:
            before["branch"] = next(
                (n for n, i in branches.items() if i == current["branch_id"]), None
            )
        audit.append(("member", emp_no, before, {k: _plain(v) for k, v in changes.items()}))
        advance(1)
    work.audit_many(audit)


def _period(member_id: int, aspect: str, value: str, start_on: dt.date | None, stamp: str) -> dict:
    return {
        "member_id": member_id,
        "aspect": aspect,
        "value": value,
        "start_on": start_on,
        "end_on": None,
        "reason": None,
        "recorded_at": stamp,
    }


def _apply_update(
    conn, current: dict, changes: dict, branches: dict, on: dt.date, stamp: str
) -> None:
    """One member's changes; branch and employment moves take effect today, with history."""
    member_id = current["id"]
    values = {name: changes[name] for name in _PLAIN if name in changes}
    period_table = MemberPeriod.__table__
    for aspect in ("branch", "employment"):
        if aspect not in changes:
            continue
        new = changes[aspect]
        value = str(branches[new]) if aspect == "branch" and new else new
        conn.execute(
            update(period_table)
            .where(
                and_(
                    period_table.c.member_id == member_id,
                    period_table.c.aspect == aspect,
                    period_table.c.end_on.is_(None),
                )
            )
            .values(end_on=on)
        )
        if value is not None:
            conn.execute(insert(period_table), [_period(member_id, aspect, value, on, stamp)])
        if aspect == "branch":
            values["branch_id"] = branches[new] if new else None
        else:
            values["employment"] = new
    if "joined_on" in changes:
        values["joined_on"] = changes["joined_on"]
        conn.execute(
            update(period_table)
            .where(
                and_(
                    period_table.c.member_id == member_id,
                    period_table.c.aspect == "status",
                    period_table.c.value == "member",
                    period_table.c.end_on.is_(None),
                )
            )
            .values(start_on=changes["joined_on"])
        )
    values["updated_at"] = stamp
    member_table = Member.__table__
    conn.execute(
        update(member_table).where(member_table.c.id == bindparam("member_id_")),
        [{**values, "member_id_": member_id}],
    )


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _audit_view(row: dict, branches: dict) -> dict:
    names = {i: n for n, i in branches.items()}
    view = {
        k: _plain(v) for k, v in row.items() if k not in ("created_at", "updated_at", "branch_id")
    }
    view["branch"] = names.get(row["branch_id"])
    return view
