"""Where the database is, how it is opened, and how a unit of work runs.

Figures behind the choices are in shared/STYLE.md "Measured on this machine":
- every write transaction starts with BEGIN IMMEDIATE (SQLAlchemy's default pysqlite
  handling lost half of concurrent read-then-write updates; a deferred BEGIN raised
  "database is locked" on half of them);
- WAL + synchronous=NORMAL + busy_timeout=5000 (0 errors with two writers);
- foreign keys on.

Reading needs no SQLAlchemy: on SQLite `Database.read()` opens the file with the standard
library's sqlite3 and yields a `Reader` (unionctl.db.reader) that runs the reports' SQL
as it is; SQLAlchemy, its ORM and the models are imported by the first write only
(bench/README.md "Start-up": they were half a point read's start-up).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import operator
import os
import sqlite3
import sys
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring as _escape  # C, ensure_ascii=False's
from pathlib import Path
from typing import TYPE_CHECKING

from unionctl.db.reader import Reader, connect_sqlite
from unionctl.errors import UnionError

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlmodel import Session

# The newest migration this release knows, and every one before it, oldest first.
# tests/test_db.py checks these against the Alembic scripts.
SCHEMA_REVISIONS = (
    "0001_members",
    "0002_roll",
    "0003_period_lookup",
    "0004_proposals",
    "0005_events",
    "0006_aid",
    "0007_member_change",
)
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]


@dataclass(frozen=True)
class Target:
    """A database location: a SQLite file path, or a SQLAlchemy URL for a server."""

    url: str
    path: Path | None  # None for server databases

    @property
    def display(self) -> str:
        return str(self.path) if self.path is not None else _hide_password(self.url)


def _hide_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as typed
        return url


def default_path() -> Path:
    """$XDG_DATA_HOME/unionctl/union.db (~/.local/share/unionctl/union.db)."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "share"
    )
    return Path(base) / "unionctl" / "union.db"


def resolve_target(option: str | None) -> Target:
    """--db, else $UNIONCTL_DB, else the platform data dir. A value with :// is a URL."""
    value = option or os.environ.get("UNIONCTL_DB") or str(default_path())
    if "://" in value:
        if value.startswith("sqlite:///"):
            path = Path(value.removeprefix("sqlite:///")).expanduser()
            return Target(f"sqlite:///{path}", path)
        return Target(value, None)
    path = Path(value).expanduser().absolute()
    return Target(f"sqlite:///{path}", path)


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Take transaction control away from the driver: we emit our own BEGIN below.
    dbapi_connection.isolation_level = None
    for pragma in SQLITE_PRAGMAS:
        dbapi_connection.execute(pragma)


# Every connection, SQLAlchemy's or the reader's, starts with these.
SQLITE_PRAGMAS = (
    "PRAGMA busy_timeout = 5000",
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
)


def _on_sqlite_begin(connection) -> None:
    if connection.get_execution_options().get("unionctl_write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def make_engine(target: Target) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy import exc as sa_exc

    try:
        engine = create_engine(target.url)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError) as error:
        raise UnionError("db_url_unsupported", url=target.display, detail=str(error)) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def create_file(path: Path) -> None:
    """Create an empty database file readable by its owner only (0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def translate(error: BaseException, target: Target) -> UnionError | None:
    """Turn a driver error a user can cause (wrong file, read-only, busy) into one line."""
    text = str(getattr(error, "orig", None) or error).lower()
    where = target.display
    if "file is not a database" in text or "file is encrypted" in text:
        return UnionError("db_not_sqlite", path=where)
    if "readonly" in text or "read-only" in text:
        return UnionError("db_readonly", path=where)
    if "database is locked" in text or "database is busy" in text:
        return UnionError("db_locked", path=where)
    if "unique constraint failed" in text or "foreign key constraint failed" in text:
        # A rule a service should have caught first; never show the raw constraint text.
        from unionctl.labels import Term, Words

        columns = text.split(":", 1)[1].strip().split(", ") if "unique" in text else []
        fields = tuple(Term("header", c.split(".")[-1]) for c in columns)
        return UnionError("db_conflict", path=where, fields=Words(fields))
    if is_driver_error(error):
        return UnionError("db_error", path=where, detail=str(getattr(error, "orig", error)))
    return None


def is_driver_error(error: BaseException) -> bool:
    """An error of sqlite3 or of SQLAlchemy's drivers (never importing SQLAlchemy for it:
    when it is not imported, it raised nothing)."""
    if isinstance(error, sqlite3.Error):
        return True
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(error, exc.DBAPIError)


def local_now() -> str:
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


class Database:
    """One engine per process, made by the first write; a Session per unit of work (never
    a global session); a read on SQLite needs neither."""

    def __init__(self, target: Target, engine: Engine | None = None) -> None:
        self.target = target
        self._engine = engine

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.target)
        return self._engine

    @contextlib.contextmanager
    def read(self) -> Iterator[Reader]:
        """One read transaction (a consistent snapshot) running SQL as written."""
        if self.target.path is None:  # a server: through SQLAlchemy
            with self._guard(), self.engine.connect() as conn, conn.begin():
                yield Reader(conn)
            return
        with self._guard():
            conn = connect_sqlite(self.target.path, SQLITE_PRAGMAS)
            try:
                conn.execute("BEGIN")
                yield Reader(conn)
            finally:
                conn.close()  # a read changes nothing: closing ends its transaction

    @contextlib.contextmanager
    def write(self, *, actor: str, command: str) -> Iterator[Work]:
        """One write transaction (BEGIN IMMEDIATE), with its audit entries inside it."""
        from sqlmodel import Session

        writer = self.engine.execution_options(unionctl_write=True)
        with self._guard(), Session(writer) as session, session.begin():
            yield Work(session=session, actor=actor, command=command)

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except Exception as error:
            if not is_driver_error(error):
                raise
            translated = translate(error, self.target)
            if translated is None:
                raise
            raise translated from None

    def schema_revision(self) -> str | None:
        """The Alembic revision stamped in the database, None for an empty one."""
        with self.read() as reader:
            tables = set(reader.table_names())
            if "alembic_version" not in tables:
                if tables:
                    return "unknown"
                return None
            return reader.execute("SELECT version_num FROM alembic_version").scalar()

    def require_current_schema(self) -> None:
        revision = self.schema_revision()
        where = self.target.display
        if revision is None:
            raise UnionError("db_not_initialised", path=where)
        if revision == SCHEMA_HEAD:
            return
        if revision in SCHEMA_REVISIONS:
            raise UnionError("db_outdated", path=where, found=revision)
        if revision == "unknown":
            raise UnionError("db_not_initialised", path=where)
        raise UnionError("db_newer", path=where, found=revision)

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


@dataclass
class Work:
    """A write unit of work: the session, and who is doing what, for the audit log."""

    session: Session
    actor: str
    command: str
    written: list[dict] | None = None  # when a list: the audit rows written, for a receipt

    def audit(
        self,
        entity: str,
        key: str | None,
        *,
        before: dict | None = None,
        after: dict | None = None,
    ) -> None:
        self.audit_many([(entity, key, before, after)])

    def audit_many(
        self,
        entries: list[tuple[str, str | None, dict | None, dict | None]]
        | list[tuple[str, str | None, str | None, str | None]],
        *,
        encoded: bool = False,
    ) -> None:
        """Audit rows for many entries at once; `encoded`: before/after are already the
        JSON text _json gives (flat_documents, built a column at a time)."""
        from unionctl.models import AuditEntry

        if not entries:
            return
        at, actor, command = local_now(), self.actor, self.command
        if encoded:
            rows = [(at, actor, command, *entry) for entry in entries]
        else:
            rows = [
                (at, actor, command, entity, key, _json(before), _json(after))
                for entity, key, before, after in entries
            ]
        insert_tuples(self.session.connection(), AuditEntry.__table__, AUDIT_FIELDS, rows)
        if self.written is not None:
            self.written.extend(dict(zip(AUDIT_FIELDS, row, strict=True)) for row in rows)


# An audit row as a tuple (Work.audit_many): the columns in this order.
AUDIT_FIELDS = ("at", "actor", "command", "entity", "key", "before", "after")


def insert_rows(conn, table, rows: list[dict]) -> None:
    """Insert many rows (dicts with the same keys) in one executemany (insert_tuples)."""
    if not rows:
        return
    names = list(rows[0])
    if len(names) > 1:  # itemgetter of two names or more gives a tuple, in C
        values = list(map(operator.itemgetter(*names), rows))
    else:
        values = [(row[names[0]],) for row in rows]
    insert_tuples(conn, table, names, values)


def insert_tuples(conn, table, names: Sequence[str], rows: list[tuple]) -> None:
    """Insert many rows, tuples of the columns `names`, in one executemany.

    On SQLite the rows go straight to the driver: SQLAlchemy's per-row parameter
    processing cost more than SQLite's own insert (bench/README.md, `members import`
    profile: 0.7M construct_params calls for 100,000 rows). Dates are stored as SQLAlchemy
    stores them there, ISO text (the adapter below). Other databases take Core's path."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        from sqlalchemy import insert

        conn.execute(insert(table), [dict(zip(names, row, strict=True)) for row in rows])
        return
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" * len(names))
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', rows)


class DeferredIndexes:
    """A bulk load's secondary indexes, built once at its end rather than row by row.

    A new row goes into each index of its table at the place its values sort to; for an
    index on names or dates that is a random page of a large B-tree, read and written
    back for every row. Building the index after the load is one sort (bench/README.md,
    "`members import`: under sqlite-utils' time": at 1,000,000 rows the inserts' CPU
    went from ~65 s to ~30 s, the rebuild ~10 s). It pays when the load adds more rows to
    a table than it held, so a table's indexes are dropped, once, only after that (and
    after `floor` new rows at least; a few rows cost nothing either way).

    Everything happens inside the caller's transaction: DDL is transactional in SQLite,
    so a load that fails or is rolled back leaves the indexes exactly as they were. The
    indexes are put back from their own `CREATE INDEX` text in sqlite_master (what the
    migrations wrote), so the schema after is the schema before. Indexes a load reads
    through are named in `keep`; a UNIQUE constraint's index (no text) always stays.
    Other databases than SQLite: nothing is dropped."""

    def __init__(self, conn, tables, *, keep: Collection[str] = (), floor: int = 0) -> None:
        self.conn = conn
        self.keep = frozenset(keep)
        self.floor = floor
        self.dropped: list[str] = []  # CREATE INDEX statements, to run again
        # table -> (rows it held, the highest rowid then); rowids grow with each insert
        self.waiting: dict[str, tuple[int, int]] = {}
        if conn.dialect.name != "sqlite":
            return
        for table in tables:
            held, top = conn.exec_driver_sql(
                f'SELECT count(*), coalesce(max(rowid), 0) FROM "{table.name}"'
            ).one()
            self.waiting[table.name] = (held, top)

    def check(self) -> None:
        """Drop the indexes of each table the load has now added more rows to than it held."""
        for name, (held, top) in list(self.waiting.items()):
            added = (
                self.conn.exec_driver_sql(f'SELECT coalesce(max(rowid), 0) FROM "{name}"').scalar()
                - top
            )
            if added < self.floor or added <= held:
                continue
            del self.waiting[name]
            indexes = self.conn.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL ORDER BY name",
                (name,),
            ).all()
            for index, sql in indexes:
                if index in self.keep:
                    continue
                self.conn.exec_driver_sql(f'DROP INDEX "{index}"')
                self.dropped.append(sql)

    def rebuild(self) -> None:
        """Build every dropped index again (before the commit).

        SQLite's sorter may merge its runs on a second core (PRAGMA threads): the span
        index over 3,000,000 period rows built in 2.0-2.1 s instead of 2.9-3.2 s, for 2 MB
        more memory (bench/README.md); two helper threads on two cores were slower."""
        if not self.dropped:
            return
        before = self.conn.exec_driver_sql("PRAGMA threads").scalar()
        self.conn.exec_driver_sql(f"PRAGMA threads = {min(1, (os.cpu_count() or 1) - 1)}")
        try:
            for sql in self.dropped:
                self.conn.exec_driver_sql(sql)
        finally:
            if not self.conn.invalidated:  # as a Ctrl-C in a build leaves it: let it be
                self.conn.exec_driver_sql(f"PRAGMA threads = {before}")
        self.dropped = []


# A date bound to a statement through the driver is stored as ISO text, SQLAlchemy's form
# for a Date column on SQLite: sqlite3 converts it as it binds it. Converting each row's
# dates in Python first took as long as building the rows (an import writes four rows a
# member). sqlite3's own default adapter did the same until Python 3.12 deprecated it;
# this one is explicit. datetime has its own adapter and is not affected.
sqlite3.register_adapter(dt.date, dt.date.isoformat)


# One encoder for every audit entry: json.dumps with options builds a new one per call,
# half the cost of encoding a member (an import writes one entry a row). The output is
# json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)'s.
_AUDIT_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def _json(value: dict | None) -> str | None:
    if value is None:
        return None
    return _AUDIT_JSON.encode(value)


def flat_documents(columns: dict[str, list[str | None]]) -> list[str]:
    """_json of each row of a table whose values are text or None, given as {key: column}:
    the same text (sorted keys, ", " and ": ", non-ASCII as is), built column by column.

    An import writes one audit document a new member: encoding each dict took as long as
    building it; here each value is escaped by the encoder's own C function and a row is
    one `%` of a template (tests/test_db.py checks it against _json). A value that is
    not text raises TypeError."""
    keys = sorted(columns)
    template = "{" + ", ".join(_escape(key).replace("%", "%%") + ": %s" for key in keys) + "}"
    encoded = [
        [_escape(value) if value is not None else "null" for value in columns[key]] for key in keys
    ]
    return [template % row for row in zip(*encoded, strict=True)]


def open_database(
    target: Target, *, must_exist: bool = True, check_schema: bool = True
) -> Database:
    """Open the database. A missing SQLite file is an error (only init/demo create one)."""
    if target.path is not None and must_exist and not target.path.exists():
        raise UnionError("db_missing", path=target.display)
    database = Database(target)
    if target.path is None:
        _ = database.engine  # a server URL is checked now, not at the first statement
    if check_schema:
        database.require_current_schema()
    return database
