"""`db backup`: what a killed or failed backup leaves behind, and what it refuses."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import Cli, db_dump

KILLED_BACKUP = """
import sys
from pathlib import Path
from unionctl.db.migrate import backup_file
backup_file(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def hidden(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


def test_a_killed_backup_leaves_nothing_the_next_one_does_not_clear(roll: Cli, tmp_path: Path):
    backups = tmp_path / "backups"
    backups.mkdir()
    # Hold the database exclusively so the backup blocks after creating its temp copy.
    holder = sqlite3.connect(roll.db)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE member SET post = post")
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_BACKUP, str(roll.db), str(backups / "first.db")],
        env={**os.environ, **roll.env},
    )
    try:
        deadline = time.monotonic() + 30
        while not hidden(backups) and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)
        child.send_signal(signal.SIGKILL)
        child.wait()
    finally:
        holder.rollback()
        holder.close()
    assert hidden(backups), "the backup was killed before it made its temp copy"
    assert not (backups / "first.db").exists()
    roll("db", "backup", str(backups / "second.db"))
    assert hidden(backups) == []
    assert sorted(p.name for p in backups.iterdir()) == ["second.db"]
    assert db_dump(backups / "second.db") == db_dump(roll.db)


def test_a_backup_leaves_no_journal_or_temp(roll: Cli, tmp_path: Path):
    roll("db", "backup", str(tmp_path / "b" / "copy.db"))
    assert sorted(p.name for p in (tmp_path / "b").iterdir()) == ["copy.db"]


def test_backup_of_a_file_that_is_not_a_unionctl_database_is_refused(bare_cli: Cli, tmp_path: Path):
    other = tmp_path / "photos.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE photo (id INTEGER PRIMARY KEY, path TEXT)")
    dest = tmp_path / "out" / "copy.db"
    bare_cli.fails("--db", str(other), "db", "backup", str(dest), contains="not a unionctl")
    assert not dest.exists()
    foreign = tmp_path / "alembic-app.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
        conn.execute("INSERT INTO alembic_version VALUES ('3f2a9c1b7e44')")
    bare_cli.fails("--db", str(foreign), "db", "backup", str(dest), contains="not a unionctl")
    assert not dest.exists() and not (dest.parent.exists() and hidden(dest.parent))


def test_a_backup_to_a_long_name_works_and_never_names_its_temp_file(roll: Cli, tmp_path: Path):
    dest = tmp_path / ("备份" * 40 + ".db")  # 243 bytes: the old temp name went past 255
    result = roll("db", "backup", str(dest))
    assert ".tmp" not in result.output and "unionctl-backup" not in result.output
    assert db_dump(dest) == db_dump(roll.db)
    assert hidden(tmp_path) == []


def test_a_failed_backup_names_the_destination(roll: Cli, tmp_path: Path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    result = roll.fails("db", "backup", str(blocker / "copy.db"))
    assert "not-a-dir" in result.stderr
    assert ".tmp" not in result.stderr and "unionctl-backup" not in result.stderr
