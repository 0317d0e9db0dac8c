"""Running SQL as written, on SQLite without SQLAlchemy.

Reports, listings and lookups are SQL text with `:name` parameters. A `Reader` runs them
on whatever connection a unit of work has: the standard library's sqlite3 connection of a
read (no SQLAlchemy imported at all: ~0.3 s of a point read's start-up, bench/README.md),
the same driver connection under a write's Session (one transaction, the same rows), or
a SQLAlchemy connection to a server, through `text()`. Rows are plain tuples on SQLite
(Row objects on a server): read them by position or unpack them, never by attribute.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

Params = Mapping[str, Any] | Sequence[Any] | None


class Rows:
    """A statement's result, with the part of SQLAlchemy's Result the code uses, the same
    on both paths (`scalars()` is a list on a server too)."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor: Any) -> None:  # a sqlite3 cursor, or a SQLAlchemy result
        self._cursor = cursor

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._cursor)

    def all(self) -> list[tuple]:
        return self._cursor.fetchall()

    def first(self) -> tuple | None:
        row = self._cursor.fetchone()
        self._cursor.close()
        return row

    def one(self) -> tuple:
        rows = self._cursor.fetchmany(2)
        if len(rows) != 1:
            raise LookupError(f"expected one row, got {len(rows)}")
        return rows[0]

    def scalar(self) -> Any:
        row = self.first()
        return None if row is None else row[0]

    def scalars(self) -> list[Any]:
        return [row[0] for row in self._cursor]


class Reader:
    """SQL text on one connection: a sqlite3 connection or a SQLAlchemy Connection."""

    __slots__ = ("_driver", "_sa")

    def __init__(self, conn: Any) -> None:
        if isinstance(conn, sqlite3.Connection):
            self._driver, self._sa = conn, None
        elif conn.dialect.name == "sqlite":  # a Session's connection: its own transaction
            self._driver, self._sa = conn.connection.driver_connection, None
        else:
            self._driver, self._sa = None, conn

    @classmethod
    def of(cls, source: Any) -> Reader:
        """A Reader for a Reader, a Session (its connection) or a connection.

        A Session's pending changes are flushed first, as its own queries would: SQL on
        its driver connection must see what the unit of work has added so far."""
        if isinstance(source, Reader):
            return source
        flush = getattr(source, "flush", None)
        if flush is not None and not isinstance(source, sqlite3.Connection):
            flush()
            return cls(source.connection())  # an ORM Session
        return cls(source)

    @property
    def dialect(self) -> str:
        return "sqlite" if self._sa is None else self._sa.dialect.name

    def execute(self, sql: str, params: Params = None) -> Rows:
        if self._sa is not None:  # SQLAlchemy's result has the cursor's fetch methods
            from sqlalchemy import text

            return Rows(self._sa.execute(text(sql), dict(params or {})))
        return Rows(self._driver.execute(sql, params if params is not None else ()))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any] | Mapping[str, Any]]) -> None:
        if self._sa is not None:
            from sqlalchemy import text

            self._sa.execute(text(sql), list(rows))
            return
        self._driver.executemany(sql, rows)

    def table_names(self) -> list[str]:
        if self._sa is not None:
            from sqlalchemy import inspect

            return inspect(self._sa).get_table_names()
        rows = self.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
            "ESCAPE '\\'"
        )
        return [name for (name,) in rows]


def connect_sqlite(path: Path, pragmas: Iterable[str]) -> sqlite3.Connection:
    """Open an existing SQLite file (never create one), with transactions left to us."""
    uri = f"file:{quote(str(path))}?mode=rw"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    for pragma in pragmas:
        conn.execute(pragma)
    return conn
