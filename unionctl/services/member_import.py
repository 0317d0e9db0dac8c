"""`members import`: a roster file in, all or nothing, through the same rules as
`members add` and `members edit` (no second copy of them).

The file is read as a stream (roster.rows()) in chunks of CHUNK rows inside one write
transaction: each chunk is checked, new people are written with executemany (measured:
Core 97k rows/s; the ORM per row 10.5k rows/s and 3.7 GB for 1M), changes to existing
people go through services.members. Memory stays flat: the keys already seen (employee
and ID-card numbers, for "appears again on line N") live in a temporary table, not in
Python. Any bad row and the whole transaction is rolled back; every bad row is reported.
`--dry-run` runs the same and always rolls back, so it says exactly what a real run would.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import json
import operator
from array import array
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import bindparam, column, func, insert, select, text

from unionctl.db import Database, DeferredIndexes, flat_documents, insert_tuples, local_now
from unionctl.errors import DryRun, ImportRejected, RowProblems, UnionError
from unionctl.labels import Term
from unionctl.lookup import suggest_names
from unionctl.models import AuditEntry, Branch, Member, MemberPeriod
from unionctl.parsing import (
    parse_emp_no,
    parse_id_card,
    parse_optional_birth_date,
    parse_optional_code,
    parse_optional_date,
    parse_phone,
    parse_text,
    today,
)
from unionctl.read_ahead import ReadAhead, can_read_ahead
from unionctl.services import members as service
from unionctl.services.history import OFF_ROLL, STATUS_VERB
from unionctl.services.members import MemberInput

if TYPE_CHECKING:
    from unionctl.table_file import TableFile

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
    "hired_on",
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
    "是否会员": "status",
    "是否入会": "status",
    "是否工会会员": "status",
    "入会时间": "joined_on",
    "入职时间": "hired_on",
    "来院时间": "hired_on",
    "来院日期": "hired_on",
}
CHUNK = 1000
READ_AHEAD_BYTES = 4 << 20  # a file this large (~40,000 roster rows) is read ahead
PAGE_CACHE_KIB = 32 * 1024  # SQLite's page cache during an import (_page_cache)
GC_EVERY = 100_000  # new objects between two runs of the cycle collector (_few_collections)
# The tables an import fills, whose secondary indexes are built after a large load
# (db.DeferredIndexes), except the one the rows of --update read a person's history
# through (history's queries by member_id); a new member's periods go at its end anyway,
# member ids being given in order, so keeping it cost nothing measurable.
LOADED = (Member.__table__, MemberPeriod.__table__, AuditEntry.__table__)
READ_DURING_IMPORT = ("ix_member_period_lookup",)


@dataclass
class Change:
    """One field of one member that a row changes: what --dry-run lists."""

    line: int
    emp_no: str
    name: str
    field: str
    old: object
    new: object


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    new_branches: list[tuple[str, str | None]] = field(default_factory=list)  # (name, closest)
    changes: list[Change] = field(default_factory=list)


# How the table reader turns spreadsheet cells into text, per column.
KINDS = {
    "emp_no": "digits",
    "phone": "digits",
    "id_card": "digits",
    "birth_date": "date",
    "joined_on": "date",
    "hired_on": "date",
}


def read_roster(path: Path, sheet: str | None = None) -> TableFile:
    """Open a roster (CSV/TSV/xlsx, through the one table reader) and read its header;
    rows stream from `rows()`, re-read on each call."""
    from unionctl.table_file import open_table

    return open_table(
        path, fields=FIELDS, aliases=HEADER_ALIASES, required=("emp_no",), kinds=KINDS, sheet=sheet
    )


def _parsers(on: dt.date | None) -> dict[str, Callable[[str], object]]:
    """Each column's parser, in FIELDS order: a row's problems are listed in that order.

    A code column says the same few words all the way down a roster (staff, contract,
    trainee in a million rows): each distinct cell is read once per file (a cache of
    the parser's values; a refusal is not kept and is raised again for every row)."""

    def once(parse: Callable[[str], object]) -> Callable[[str], object]:
        return lru_cache(maxsize=256)(parse)

    return {
        "name": parse_text,
        "gender": once(partial(parse_optional_code, "gender")),
        "birth_date": parse_optional_birth_date,
        "phone": parse_phone,
        "id_card": lambda v: parse_id_card(v, on=on).number,
        "dept": parse_text,
        "branch": parse_text,
        "post": parse_text,
        # 在职 ("working here") says too little: read as a blank cell (labels.VAGUE)
        "employment": once(partial(parse_optional_code, "employment", vague_is_blank=True)),
        "status": once(partial(parse_optional_code, "status")),
        "joined_on": parse_optional_date,
        "hired_on": parse_optional_date,
    }


def row_parser(
    columns: Collection[str], *, on: dt.date | None = None
) -> Callable[[dict[str, str]], tuple[str, MemberInput]]:
    """parse_row for one file: the parsers of the columns it has, chosen once rather than
    looked up for every cell of a million rows; ID cards checked against `on` (the
    import's day, default today)."""
    plan = [(name, parse) for name, parse in _parsers(on).items() if name in columns]

    def parse_row(cells: dict[str, str]) -> tuple[str, MemberInput]:
        """(emp_no, the fields the row gives). A blank cell gives nothing: it leaves the
        field as it is (clearing is `members edit --clear`). Every bad cell is reported."""
        problems: list[UnionError] = []
        try:
            emp_no = parse_emp_no(cells.get("emp_no", ""))
        except UnionError as problem:
            problems.append(problem)
            emp_no = ""
        values: dict[str, object] = {}
        for name, parse in plan:
            cell = cells.get(name)
            if cell is None or not cell.strip():
                continue
            try:
                values[name] = parse(cell)
            except UnionError as problem:
                problems.append(problem)
        if problems:
            raise RowProblems(problems)
        return emp_no, MemberInput(**values)

    return parse_row


# MemberInput's fields in the order its constructor takes them
_INPUT_FIELDS = tuple(f.name for f in dataclass_fields(MemberInput))

Parsed = tuple[int, str, MemberInput]


def chunk_parser(
    columns: Collection[str], *, on: dt.date | None = None
) -> Callable[
    [list[tuple[int, dict[str, str]]]], tuple[list[Parsed], list[tuple[int, UnionError]]]
]:
    """row_parser's work for a chunk of rows, a column at a time: each column's parser
    over its cells in one list, one MemberInput a row from the columns. When any cell
    of the chunk is refused, the chunk is parsed again row by row (row_parser) for its
    problems, in each row's field order; a roster's chunks nearly all have none.
    Returns ([(line, emp_no, fields)], [(line, problem)]); tests/test_import.py checks it
    gives what row_parser gives."""
    plan = [(name, parse) for name, parse in _parsers(on).items() if name in columns]
    parse_row = row_parser(columns, on=on)
    absent = [name for name in _INPUT_FIELDS if name not in dict(plan)]

    def by_rows(
        rows: list[tuple[int, dict[str, str]]],
    ) -> tuple[list[Parsed], list[tuple[int, UnionError]]]:
        parsed: list[Parsed] = []
        problems: list[tuple[int, UnionError]] = []
        for line, cells in rows:
            try:
                emp_no, data = parse_row(cells)
            except RowProblems as bad:
                problems.extend((line, error) for error in bad.problems)
                continue
            parsed.append((line, emp_no, data))
        return parsed, problems

    def parse_chunk(
        rows: list[tuple[int, dict[str, str]]],
    ) -> tuple[list[Parsed], list[tuple[int, UnionError]]]:
        try:
            emp_nos = [parse_emp_no(cells.get("emp_no", "")) for _, cells in rows]
            values = {
                name: [
                    None if cell is None or not cell.strip() else parse(cell)
                    for cell in [cells.get(name) for _, cells in rows]
                ]
                for name, parse in plan
            }
        except UnionError:
            return by_rows(rows)
        for name in absent:
            values[name] = itertools.repeat(None)
        inputs = map(MemberInput, *[values[name] for name in _INPUT_FIELDS])
        return [
            (line, emp_no, data)
            for (line, _), emp_no, data in zip(rows, emp_nos, inputs, strict=False)
        ], []

    return parse_chunk


ParsedChunk = tuple[list[Parsed], list[tuple[int, UnionError]]]


def parsed_chunks(roster: TableFile, *, on: dt.date) -> Iterator[ParsedChunk]:
    """The file's rows CHUNK at a time, parsed: (rows, problems), a refused row of the
    reader (wrong width, a runaway quote) among the problems. A large file is read and
    parsed ahead in a second process, forked now (ReadAhead): ~7 s of a 1,000,000-row
    import. Close the iterator when done with it."""
    try:
        size = roster.path.stat().st_size
    except OSError:
        size = 0
    if size < READ_AHEAD_BYTES or not can_read_ahead():
        return _parsed_chunks(roster, on)
    return ReadAhead(partial(_wired_chunks, roster, on), _unwired)


def _parsed_chunks(roster: TableFile, on: dt.date) -> Iterator[ParsedChunk]:
    parse_chunk = chunk_parser(roster.columns, on=on)
    items = roster.rows()
    while chunk := list(itertools.islice(items, CHUNK)):
        rows: list[tuple[int, dict[str, str]]] = []
        refused: list[tuple[int, UnionError]] = []
        for line, cells in chunk:
            if isinstance(cells, UnionError):
                refused.append((line, cells))
            else:
                rows.append((line, cells))
        parsed, problems = parse_chunk(rows)
        yield parsed, refused + problems


# A parsed chunk as it crosses the pipe: each row's MemberInput as a tuple of its fields
# (pickling a dataclass object per row cost more than parsing it).
_INPUT_VALUES = operator.attrgetter(*_INPUT_FIELDS)


def _wired_chunks(roster: TableFile, on: dt.date) -> Iterator[tuple]:
    for parsed, problems in _parsed_chunks(roster, on):
        yield [(line, emp_no, _INPUT_VALUES(data)) for line, emp_no, data in parsed], problems


def _unwired(wire: tuple) -> ParsedChunk:
    rows, problems = wire
    return [(line, emp_no, MemberInput(*values)) for line, emp_no, values in rows], problems


_KEYS_TABLE = "temp.import_keys"

# The stored rows of a chunk's employee numbers: one statement, compiled once, the keys
# passed as one JSON array (an IN list of 1,000 binds was expanded and bound per chunk).
_MEMBER = Member.__table__
_CURRENT = select(_MEMBER).where(
    _MEMBER.c.emp_no.in_(select(column("value")).select_from(func.json_each(bindparam("keys"))))
)


@contextlib.contextmanager
def _few_collections() -> Iterator[None]:
    """Python's cycle collector, set for a run that holds one chunk of rows at a time.

    By default it runs every 700 new objects: dozens of times a chunk, each time walking
    the chunk's rows (and at each full collection every object that start-up made:
    SQLAlchemy, the models, the CLI) to find nothing, since the rows are freed by their
    reference counts when the chunk is done. Start-up's objects are set aside
    (gc.freeze) and the collector runs every GC_EVERY new objects; both are put back
    after. Cyclic garbage is still collected, less often."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(GC_EVERY, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


@contextlib.contextmanager
def _page_cache(conn, kib: int) -> Iterator[None]:
    """SQLite's page cache for this connection, for the run, then as it was.

    A new member's rows go into indexes in no order of theirs (a name, the span of each
    history period): past the default 2 MB cache each insert reads a page back and
    spills another to the WAL. Replaying a 1,000,000-row import's statements alone, the
    inserts took 98-124 s of CPU with the default cache and 71-84 s with 32 MB (64 and
    128 MB: no better); bench/README.md."""
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{kib}")
    try:
        yield
    finally:
        if not conn.invalidated:  # a Ctrl-C inside a statement invalidates it: let it be
            conn.exec_driver_sql(f"PRAGMA cache_size = {before}")


def import_members(
    database: Database,
    roster: TableFile,
    *,
    actor: str,
    command: str,
    update: bool = False,
    create_branches: bool = False,
    dry_run: bool = False,
    status_on: dt.date | None = None,
    advance: Callable[[int], None] = lambda _n: None,
) -> ImportResult:
    """Check and write every row in one transaction; roll it all back if any row is bad
    (or for --dry-run). Branch, employment and status changes take effect `status_on`
    (default today; status changes need it given)."""
    on = today()
    # started before the write transaction: the process reading ahead is forked with no
    # connection open
    chunks = parsed_chunks(roster, on=on)
    run = _Run(
        path=str(roster.path),
        today=on,
        update=update,
        create_branches=create_branches,
        status_on=status_on,
        advance=advance,
    )
    try:
        with _few_collections(), database.write(actor=actor, command=command) as work:
            with _page_cache(work.session.connection(), PAGE_CACHE_KIB):
                run.start(work)
                for parsed, problems in chunks:
                    run.chunk(parsed, problems)
                run.finish()
            if run.problems:
                raise ImportRejected(sorted(run.problems, key=lambda p: p[0]), path=run.path)
            if dry_run:
                raise DryRun  # rolled back, dropped indexes with it
            # With the connection's own page cache: SQLite sorts an index's keys in runs
            # of the cache's size, and at 1M rows the largest index (3.3M period rows)
            # built in 5.2-5.7 s of CPU with the default 2 MB against 7.0-10.4 s with 32 MB.
            run.indexes.rebuild()
    except DryRun:
        pass
    finally:
        chunks.close()  # a run that stopped early ends the process reading ahead
    return run.result


@dataclass
class _Run:
    path: str
    today: dt.date
    update: bool
    create_branches: bool
    status_on: dt.date | None
    advance: Callable[[int], None]
    result: ImportResult = field(default_factory=ImportResult)
    problems: list[tuple[int, UnionError]] = field(default_factory=list)

    def start(self, work) -> None:
        self.work = work
        self.conn = work.session.connection()
        self.stamp = local_now()
        self.branches: dict[str, int] = dict(
            self.conn.execute(select(Branch.name, Branch.id)).all()
        )
        self.existing_branches = list(self.branches)
        self.next_id = self.conn.exec_driver_sql(
            "SELECT coalesce(max(id), 0) + 1 FROM member"
        ).scalar()
        self.first_id = self.next_id  # the members this run adds: ids from here, in order
        self.lines = array("l")  # the line of each, by id - first_id
        self.remembered = 0  # keys in the keys table
        self.indexes = DeferredIndexes(self.conn, LOADED, keep=READ_DURING_IMPORT, floor=CHUNK)
        self.conn.execute(text("DROP TABLE IF EXISTS temp.import_keys"))
        self.conn.execute(
            text(
                "CREATE TEMP TABLE import_keys (kind TEXT, key TEXT, line INTEGER, "
                "PRIMARY KEY (kind, key)) WITHOUT ROWID"
            )
        )

    def finish(self) -> None:
        self.conn.execute(text("DROP TABLE IF EXISTS temp.import_keys"))

    def problem(self, line: int, error: UnionError) -> None:
        self.problems.append((line, error))

    # In-file repeats: a key (employee or ID-card number) is on an earlier line when an
    # earlier chunk's row with it was written (a member this run added: its line is
    # self.lines[id - first_id]) or remembered in the keys table. Only the rows not
    # written are remembered there (updates, and every row once a problem has stopped
    # the writing): a roster of new people leaves it empty and it is never read (writing
    # each key of 1,000,000 rows there took ~2.4 s). The table is SQLite's (a temp table
    # WITHOUT ROWID), read and written through the driver, keys passed as a JSON array.
    def _earlier(self, kind: str, firsts: dict[str, int], written: dict[str, int]) -> dict:
        """The keys of this chunk (with their first line in it) on an earlier line, with
        that line; `written`: the chunk's keys found on members, with the member's id."""
        earlier = {
            key: self.lines[member_id - self.first_id]
            for key, member_id in written.items()
            if member_id >= self.first_id
        }
        if self.remembered and firsts:
            rows = self.conn.exec_driver_sql(
                f"SELECT key, line FROM {_KEYS_TABLE} WHERE kind = ? "
                "AND key IN (SELECT value FROM json_each(?))",
                (kind, json.dumps(list(firsts))),
            )
            for key, line in rows:
                earlier[key] = min(line, earlier.get(key, line))
        return earlier

    def _remember(self, kind: str, firsts: dict[str, int]) -> None:
        if firsts:
            self.remembered += self.conn.exec_driver_sql(
                f"INSERT OR IGNORE INTO {_KEYS_TABLE} VALUES (?, ?, ?)",
                [(kind, key, line) for key, line in firsts.items()],
            ).rowcount

    def chunk(self, parsed: list[Parsed], problems: list[tuple[int, UnionError]]) -> None:
        self.problems.extend(problems)
        current = self._current(list({emp_no for _, emp_no, _ in parsed}))
        # in-file repeats, against earlier chunks and within this chunk; the ID card only
        # of a row whose 工号 is not a repeat
        first_line: dict[str, int] = {}
        for line, emp_no, _ in parsed:
            first_line.setdefault(emp_no, line)
        earlier = self._earlier("emp", first_line, {k: r["id"] for k, r in current.items()})
        single: list[tuple[int, str, MemberInput]] = []
        for line, emp_no, data in parsed:
            first = earlier.get(emp_no) or first_line[emp_no]
            if first != line:
                self.problem(line, UnionError("import_dup_in_file", emp_no=emp_no, first=first))
                continue
            single.append((line, emp_no, data))
        first_card: dict[str, int] = {}
        for line, _, data in single:
            if data.id_card:
                first_card.setdefault(data.id_card, line)
        owners = self._card_owners(list(first_card))
        earlier_cards = self._earlier("card", first_card, {c: o[0] for c, o in owners.items()})
        fresh: list[tuple[int, str, MemberInput]] = []
        # the rows whose ID card is a repeat: named once, as that, and not also as taken
        # by whoever the first row gave it to (a row an earlier chunk may have written or
        # not); an update's other fields are still checked, without the card
        repeats: set[int] = set()
        for line, emp_no, data in single:
            if data.id_card:
                card_first = earlier_cards.get(data.id_card) or first_card[data.id_card]
                if card_first != line:
                    self.problem(
                        line, UnionError("import_dup_id_card", value=data.id_card, first=card_first)
                    )
                    repeats.add(line)
            fresh.append((line, emp_no, data))
        creates: list[tuple[int, service.NewMember]] = []
        # what an update of this chunk changed that a later row's message names: the ID
        # cards taken from their holder and the holders' new names, with the line
        moved_from: dict[str, int] = {}
        renamed: dict[int, list[tuple[int, str]]] = {}
        for line, emp_no, data in fresh:
            try:
                if data.branch and data.branch not in self.branches:
                    self._new_branch(data.branch)
                row = current.get(emp_no)
                if row is None:
                    creates.append((line, self._prepare(emp_no, data)))
                elif not self.update:
                    raise UnionError("import_exists", emp_no=emp_no, name=row["name"])
                else:
                    if line in repeats:
                        data = replace(data, id_card=None)
                    self._update(line, row, data)
                    if data.id_card and row["id_card"] and data.id_card != row["id_card"]:
                        moved_from.setdefault(row["id_card"], line)
                    if data.name and data.name != row["name"]:
                        renamed.setdefault(row["id"], []).append((line, data.name))
            except UnionError as error:
                self.problem(line, error)
        self.advance(len(fresh))
        self._check_cards(
            [(line, new) for line, new in creates if line not in repeats],
            owners,
            moved_from,
            renamed,
        )
        written: list[service.NewMember] = []
        if not self.problems:
            self._insert(creates)
            self.indexes.check()
            written = [new for _, new in creates]
        self.result.created += len(creates)
        emp_nos = {new.row["emp_no"] for new in written}
        cards = {new.row["id_card"] for new in written}
        self._remember(
            "emp", {k: n for k, n in first_line.items() if k not in emp_nos and k not in earlier}
        )
        self._remember(
            "card",
            {k: n for k, n in first_card.items() if k not in cards and k not in earlier_cards},
        )

    def _current(self, emp_nos: list[str]) -> dict[str, dict]:
        if not emp_nos:
            return {}
        rows = self.conn.execute(_CURRENT, {"keys": json.dumps(emp_nos)}).mappings()
        return {row["emp_no"]: dict(row) for row in rows}

    def _new_branch(self, name: str) -> None:
        if not self.create_branches:
            raise UnionError(
                "unknown_branch_import",
                name=name,
                suggestions=suggest_names(self.existing_branches, name),
            )
        branch_id = self.conn.execute(
            insert(Branch.__table__)
            .values(name=name, created_on=self.today)
            .returning(Branch.__table__.c.id)
        ).scalar_one()
        self.branches[name] = branch_id
        closest = suggest_names(self.existing_branches, name, limit=1)
        self.result.new_branches.append((name, closest.params["names"] if closest else None))
        self.work.audit("branch", name, after={"name": name, "parent": None})

    def _prepare(self, emp_no: str, data: MemberInput) -> service.NewMember:
        branch_id = self.branches.get(data.branch) if data.branch else None
        return service.prepare_new(
            emp_no, data, branch_id=branch_id, added_on=self.today, stamp=self.stamp
        )

    def _card_owners(self, cards: list[str]) -> dict[str, tuple[int, str, str]]:
        """{ID card: (id, 工号, name)} of the members who hold these cards now."""
        if not cards:
            return {}
        owners = self.conn.exec_driver_sql(
            "SELECT id_card, id, emp_no, name FROM member "
            "WHERE id_card IN (SELECT value FROM json_each(?))",
            (json.dumps(cards),),
        )
        return {card: (member_id, emp_no, name) for card, member_id, emp_no, name in owners}

    def _check_cards(
        self,
        creates: list[tuple[int, service.NewMember]],
        owners: dict[str, tuple],
        moved_from: dict[str, int],
        renamed: dict[int, list[tuple[int, str]]],
    ) -> None:
        """An ID card of a new row may not belong to someone on the roll when the row is
        reached, as if the file were read a row at a time, whatever the chunks: `owners`
        held the cards before the chunk, and lost one to an update on line
        moved_from[card] (and their name to one on a line in `renamed`). Each row that has
        a taken card is named."""
        for line, new in creates:
            card = new.row["id_card"]
            if card in owners and moved_from.get(card, line) >= line:
                member_id, emp_no, name = owners[card]
                for at, new_name in renamed.get(member_id, ()):
                    if at < line:
                        name = new_name
                self.problem(
                    line, UnionError("id_card_taken", value=card, emp_no=emp_no, name=name)
                )

    def _insert(self, creates: list[tuple[int, service.NewMember]]) -> None:
        """The chunk's new members, their first periods and audit entries. Their ids are
        given here, in order after the highest (what SQLite would give them: the write
        transaction holds the file), rather than read back by employee number."""
        if not creates:
            return
        rows = [new.row for _, new in creates]
        names = list(rows[0])
        first = self.next_id
        self.next_id += len(rows)
        ids = range(first, self.next_id)
        self.lines.extend(line for line, _ in creates)
        values = map(operator.itemgetter(*names), rows)
        insert_tuples(
            self.conn,
            _MEMBER,
            ("id", *names),
            [(member_id, *row) for member_id, row in zip(ids, values, strict=True)],
        )
        periods: list[tuple] = []
        for member_id, (_, new) in zip(ids, creates, strict=True):
            periods.extend(service.new_member_periods(member_id, new))
        service.history.insert_periods(self.conn, periods)
        names = {i: n for n, i in self.branches.items()}
        views = flat_documents(_audit_columns(rows, names))
        self.work.audit_many(
            [("member", row["emp_no"], None, view) for row, view in zip(rows, views, strict=True)],
            encoded=True,
        )

    @contextlib.contextmanager
    def _row_savepoint(self) -> Iterator[None]:
        """A row refused half way (a field set, the next one refused) leaves nothing of it
        for the rows after it to meet, as if it had never been read: SQLite's savepoint,
        and the session forgets what it held of the row. (Session.begin_nested cost
        ~0.25 ms a row: 50,000 changed rows took 55 s instead of 40-45 s; this, 44-46 s.)"""
        self.conn.exec_driver_sql("SAVEPOINT import_row")
        try:
            yield
        except BaseException:
            self.conn.exec_driver_sql("ROLLBACK TO import_row")
            session = self.work.session
            for pending in list(session.new):
                session.expunge(pending)
            session.expire_all()
            raise
        finally:
            self.conn.exec_driver_sql("RELEASE import_row")

    def _update(self, line: int, row: dict, data: MemberInput) -> None:
        """An existing member: the fields that differ go through members.apply_edit, a
        status change through members.apply_status (or apply_rehire for someone who left
        and is on the roster again), dated --status-on (or today). One row is one
        recorded change: `members undo` takes it back whole."""
        diff = _differences(row, data, self.branches)
        if not diff:
            self.result.unchanged += 1
            return
        member = service.find_member(self.work.session, row["emp_no"])
        new_status = diff.get("status", (None, None))[1]
        if row["status"] in REHIRED_FROM and new_status in ("member", "non_member"):
            action = "rehire"
            on = diff.get("hired_on", (None, None))[1] or self.status_on
        else:
            action = _STATUS_ACTION.get(new_status, "edit")
            on = self.status_on or self.today
        with self._row_savepoint(), service.recorded(self.work, member, action, on):
            if action == "rehire":
                self._rehire(row, data, diff, member)
            else:
                self._change(row, data, diff, member)
        self.result.updated += 1
        for name, (old, new) in sorted(diff.items()):
            self.result.changes.append(Change(line, row["emp_no"], row["name"], name, old, new))

    def _rehire(self, row: dict, data: MemberInput, diff: dict, member: Member) -> None:
        """Back on the roll (重新入职): on the row's new hire date, else --status-on, in
        the row's employment and branch (which for someone gone were not compared)."""
        hired = diff.pop("hired_on", (None, None))[1]
        on = hired or self.status_on
        if on is None:
            raise UnionError(
                "import_status_change",
                found=Term("status", diff["status"][1]),
                current=Term("status", row["status"]),
                verb="members rehire",
            )
        edit = MemberInput(
            **{name: getattr(data, name) for name in diff if name not in _REHIRE_FIELDS}
        )
        if edit.given():
            service.apply_edit(self.work, member, edit, on, frozenset())
        service.apply_rehire(
            self.work,
            member,
            on,
            employment=data.employment,
            branch_id=self.branches[data.branch] if data.branch else row["branch_id"],
            join=diff["status"][1] == "member",
            reason=None,
        )
        diff["hired_on"] = (row["hired_on"], on)
        diff.pop("joined_on", None)
        if diff["status"][1] == "member" and row["joined_on"] != on:
            diff["joined_on"] = (row["joined_on"], on)
        if data.employment is not None and data.employment != row["employment"]:
            diff["employment"] = (row["employment"], data.employment)
        if data.branch is not None and self.branches[data.branch] != row["branch_id"]:
            names = {i: n for n, i in self.branches.items()}
            diff["branch"] = (names.get(row["branch_id"]), data.branch)

    def _change(self, row: dict, data: MemberInput, diff: dict, member: Member) -> None:
        when = self.status_on or self.today
        diff = dict(diff)
        new_status = diff.pop("status", (None, None))[1]
        joined = diff.get("joined_on", (None, None))[1] or data.joined_on
        dated = new_status == "member" and joined is not None  # the row says when
        if new_status is not None and self.status_on is None and not dated:
            raise UnionError(
                "import_status_change",
                found=Term("status", new_status),
                current=Term("status", row["status"]),
                verb=STATUS_VERB.get(new_status, "members edit"),
            )
        given = set(diff)
        if "id_card" in diff:  # a new ID card is checked against what the row says beside it
            given |= {name for name in ("birth_date", "gender") if getattr(data, name)}
        edit = MemberInput(
            **{name: getattr(data, name) for name in given if name not in ("joined_on", "status")}
        )
        joined = diff.get("joined_on", (None, None))[1] if new_status != "member" else joined
        if joined is not None and new_status != "member":
            edit.joined_on = joined
        if edit.given():
            service.apply_edit(self.work, member, edit, when, frozenset())
        if new_status is not None:
            action = _STATUS_ACTION[new_status]
            on = joined if action == "join" and joined is not None else when
            service.apply_status(self.work, member, action, on, None)


# The action a roster's status leads to (to non_member: the recorded correction
# "unjoin"; for those who left the hospital, to member or non_member: a rehire).
_STATUS_ACTION = {
    "member": "join",
    "non_member": "unjoin",
    "left": "leave",
    "departed": "depart",
    "transferred": "transfer_out",
    "deceased": "decease",
}
# Who may be on a roster again: those who left the hospital (history.STATUS_RULES).
REHIRED_FROM = service.history.STATUS_RULES["rehire"][0]
# Fields a rehire itself sets from the row (the rest of the row is an edit).
_REHIRE_FIELDS = ("status", "hired_on", "joined_on", "employment", "branch")

_COMPARED = (
    "name",
    "gender",
    "birth_date",
    "phone",
    "id_card",
    "dept",
    "post",
    "employment",
    "status",
    "joined_on",
    "hired_on",
)


def _differences(row: dict, data: MemberInput, branches: dict[str, int]) -> dict:
    """{field: (stored, given)} for the fields the row gives that differ from the record.

    Someone who has left the roll keeps their last branch and employment in HR's roster;
    those columns describe the past and are not compared."""
    diff: dict[str, tuple[object, object]] = {}
    gone = row["status"] in OFF_ROLL
    for name in _COMPARED:
        if gone and name == "employment":
            continue
        value = getattr(data, name)
        if value is not None and value != row[name]:
            diff[name] = (row[name], value)
    if not gone and data.branch is not None and branches.get(data.branch) != row["branch_id"]:
        names = {i: n for n, i in branches.items()}
        diff["branch"] = (names.get(row["branch_id"]), data.branch)
    return diff


# What the audit log keeps of a new member: members.snapshot's fields, from the row.
_VIEWED = tuple(name for name in FIELDS if name != "branch")
_DATES = ("birth_date", "joined_on", "hired_on")


def _audit_columns(rows: list[dict], branch_names: dict[int, str]) -> dict[str, list]:
    """What the audit log keeps of each new member (members.snapshot's fields, dates as
    ISO text), column by column for db.flat_documents."""
    columns: dict[str, list] = {name: [row[name] for row in rows] for name in _VIEWED}
    for name in _DATES:
        columns[name] = [day.isoformat() if day is not None else None for day in columns[name]]
    columns["branch"] = [branch_names.get(row["branch_id"]) for row in rows]
    return columns
