"""Creating and upgrading the schema (Alembic), backups, and the integrity check.

Only `unionctl init` and `unionctl demo` come here; other commands refuse a database
whose schema is not the current one (unionctl.db.Database.require_current_schema).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from unionctl.db import (
    SCHEMA_HEAD,
    SCHEMA_REVISIONS,
    Database,
    Target,
    create_file,
    local_now,
    open_database,
)
from unionctl.errors import UnionError
from unionctl.labels import os_reason

MIGRATIONS = Path(__file__).parent / "migrations"


@dataclass(frozen=True)
class InitResult:
    created: bool
    old_revision: str | None
    revision: str
    backup: Path | None


def alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def alembic_head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def initialise(target: Target, *, actor: str, command: str = "init") -> InitResult:
    """Create or upgrade the schema to head; idempotent. Backs the file up before upgrading."""
    created = False
    if target.path is not None and not target.path.exists():
        create_file(target.path)
        created = True
    try:
        return _initialise(target, actor=actor, command=command, created=created)
    except BaseException:
        if created:  # leave no half-made file behind
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target.path}{suffix}").unlink(missing_ok=True)
        raise


def _initialise(target: Target, *, actor: str, command: str, created: bool) -> InitResult:
    database = open_database(target, must_exist=False, check_schema=False)
    try:
        old = database.schema_revision()
        if old == SCHEMA_HEAD:
            return InitResult(created, old, SCHEMA_HEAD, None)
        if old == "unknown":
            raise UnionError("db_not_initialised", path=target.display)
        if old is not None and old not in SCHEMA_REVISIONS:
            raise UnionError("db_newer", path=target.display, found=old)
        backup = None
        if old is not None and target.path is not None:
            stamp = local_now().replace(" ", "T").replace(":", "")
            backup = target.path.with_name(f"{target.path.name}.{old}.{stamp}.bak")
            backup_file(target.path, backup)
        _enable_wal(database)
        _upgrade(database, actor=actor, command=command, old=old)
        return InitResult(created, old, SCHEMA_HEAD, backup)
    finally:
        database.dispose()


def _enable_wal(database: Database) -> None:
    if database.engine.dialect.name != "sqlite":
        return
    with database._guard():
        # journal_mode cannot change inside a transaction, so bypass our BEGIN hook.
        raw = database.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA journal_mode = WAL")
        finally:
            raw.close()


def _upgrade(database: Database, *, actor: str, command: str, old: str | None) -> None:
    from alembic import command as alembic_command

    config = alembic_config()
    with database.write(actor=actor, command=command) as work:
        config.attributes["connection"] = work.session.connection()
        alembic_command.upgrade(config, "head")
        work.audit(
            "database",
            database.target.display,
            before={"schema": old} if old else None,
            after={"schema": SCHEMA_HEAD},
        )


_BACKUP_TEMP = ".unionctl-backup"


def backup_database(database: Database, dest: Path) -> int:
    """`db backup`: only a unionctl database, copied by backup_file."""
    source = database.target.path
    if source is None:
        raise UnionError("backup_not_sqlite", url=database.target.display)
    revision = database.schema_revision()
    if revision is None or not re.fullmatch(r"[0-9]{4}_[a-z0-9_]+", revision):
        # An empty file, another program's SQLite database, or another Alembic project:
        # copying it would say "backed up" about something that is not the union's data.
        raise UnionError("backup_not_unionctl", path=str(source))
    return backup_file(source, dest)


def backup_file(source: Path, dest: Path) -> int:
    """Copy a live SQLite file with the online backup API, atomically; returns bytes.

    One step (pages=-1): measured here, a step-wise backup never finished while another
    process kept writing, and the one-step copy of 122 MB took 0.3 s, intact.

    The copy is built in `.NAME.PID.unionctl-backup` beside the destination with no
    rollback journal (journal_mode=OFF: a half-made copy is thrown away, never
    recovered), then renamed into place. A backup killed midway leaves only that temp
    file; the next backup into the same directory removes any whose process is gone.
    Errors name the destination, never the temp file.
    """
    if dest.exists():
        raise UnionError("backup_exists", path=str(dest))
    _remove_stale_backups(dest)
    # Part of the name only: a destination near the 255-byte name limit still fits.
    temporary = dest.with_name(f".{dest.name[:64]}.{os.getpid()}{_BACKUP_TEMP}")
    try:
        create_file(temporary)
        with (
            contextlib.closing(sqlite3.connect(source)) as src,
            contextlib.closing(sqlite3.connect(temporary)) as out,
        ):
            src.execute("PRAGMA busy_timeout = 5000")
            out.execute("PRAGMA journal_mode = OFF")
            src.backup(out, pages=-1)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, dest)
    except sqlite3.DatabaseError as error:
        _discard(temporary)
        if "not a database" in str(error):
            raise UnionError("db_not_sqlite", path=str(source)) from None
        raise UnionError("backup_failed", path=str(dest), detail=str(error)) from None
    except OSError as error:
        _discard(temporary)
        raise UnionError("backup_failed", path=str(dest), detail=os_reason(error)) from None
    except BaseException:
        _discard(temporary)
        raise
    return dest.stat().st_size


def _discard(temporary: Path) -> None:
    for suffix in ("", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{temporary}{suffix}").unlink()


def _remove_stale_backups(dest: Path) -> None:
    """Temp copies left by a killed backup into this directory (their process is gone)."""
    try:
        leftovers = list(dest.parent.glob(f".*{_BACKUP_TEMP}"))
    except OSError:
        return
    for leftover in leftovers:
        pid_text = leftover.name.removesuffix(_BACKUP_TEMP).rsplit(".", 1)[-1]
        if pid_text.isdigit() and not _alive(int(pid_text)):
            _discard(leftover)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive, and not ours to clean up after
    return True


def check(database: Database) -> list[tuple[str, str, bool]]:
    """(check, result, ok) rows: integrity, foreign keys, schema revision."""
    results: list[tuple[str, str, bool]] = []
    with database.read() as reader:
        if reader.dialect == "sqlite":
            integrity = reader.execute("PRAGMA integrity_check").scalars()
            ok = integrity == ["ok"]
            results.append(("integrity_check", "; ".join(integrity[:5]), ok))
            broken = reader.execute("PRAGMA foreign_key_check").all()
            detail = (
                "ok"
                if not broken
                else "; ".join(f"{row[0]} rowid {row[1]} → {row[2]}" for row in broken[:5])
            )
            results.append(("foreign_key_check", detail, not broken))
    revision = database.schema_revision()
    results.append(("schema", str(revision), revision == SCHEMA_HEAD))
    return results
