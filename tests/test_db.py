"""The database layer: init, the missing-file rule, bad files, backup, check, concurrency."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import Cli, db_dump
from hypothesis import given, settings
from hypothesis import strategies as st

from unionctl.db import SCHEMA_HEAD, SCHEMA_REVISIONS
from unionctl.db.migrate import alembic_head


def test_init_creates_owner_only_file_and_is_idempotent(bare_cli: Cli):
    result = bare_cli("init")
    assert f"created {bare_cli.db}" in result.stdout
    mode = stat.S_IMODE(bare_cli.db.stat().st_mode)
    assert mode == 0o600
    before = db_dump(bare_cli.db)
    again = bare_cli("init")
    assert "up to date" in again.stdout
    assert db_dump(bare_cli.db) == before
    journal = sqlite3.connect(bare_cli.db).execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "wal"


def test_init_is_audited(cli: Cli):
    result = cli("log", "--format", "json")
    assert '"command": "init"' in result.stdout
    assert '"actor": "secretary"' in result.stdout
    assert SCHEMA_HEAD in result.stdout


def test_schema_head_matches_alembic_scripts():
    assert alembic_head() == SCHEMA_HEAD
    assert SCHEMA_REVISIONS[-1] == SCHEMA_HEAD


def test_models_match_migrations(cli: Cli):
    """The ORM classes and the Alembic-built schema name the same tables and columns."""
    from sqlmodel import SQLModel

    import unionctl.models  # noqa: F401  (registers the tables)

    conn = sqlite3.connect(cli.db)
    for table in SQLModel.metadata.sorted_tables:
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
        assert columns == {c.name for c in table.columns}, table.name
        indexes = {row[1] for row in conn.execute(f"PRAGMA index_list({table.name})")}
        for index in table.indexes:
            assert index.name in indexes, (table.name, index.name)


@pytest.mark.parametrize(
    "args",
    [
        ("members", "list"),
        ("members", "add", "10001", "张丽"),
        ("members", "show", "10001"),
        ("members", "branch", "list"),
        ("log",),
        ("db", "check"),
        ("db", "backup", "copy.db"),
    ],
)
def test_missing_database_is_refused_and_not_created(bare_cli: Cli, args):
    result = bare_cli.fails(*args)
    assert str(bare_cli.db) in result.stderr
    assert "unionctl init" in result.stderr
    assert not bare_cli.db.exists()


def test_default_location_is_xdg_data_home(tmp_path: Path, env):
    env = {k: v for k, v in env.items() if k != "UNIONCTL_DB"}
    cli = Cli(tmp_path / "unused", env)
    expected = Path(env["XDG_DATA_HOME"]) / "unionctl" / "union.db"
    assert cli("db", "path").stdout.strip() == str(expected)
    cli("init")
    assert expected.exists()
    other = tmp_path / "other.db"
    assert cli("--db", str(other), "db", "path").stdout.strip() == str(other)


def test_a_file_that_is_not_sqlite(bare_cli: Cli):
    bare_cli.db.write_text("name,phone\n张三,1380000\n" * 50)
    before = bare_cli.db.read_bytes()
    bare_cli.fails("members", "list", contains="not a unionctl database")
    bare_cli.fails("init", contains="not a unionctl database")
    assert bare_cli.db.read_bytes() == before


def test_an_sqlite_file_of_another_program(bare_cli: Cli):
    conn = sqlite3.connect(bare_cli.db)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    bare_cli.fails("members", "list", contains="unionctl init")
    bare_cli.fails("init", contains="no unionctl schema")


def test_an_older_schema_asks_for_init(cli: Cli):
    conn = sqlite3.connect(cli.db)
    conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.commit()
    conn.close()
    cli.fails("members", "list", contains="newer unionctl")


def _make_read_only(path: Path) -> None:
    if os.geteuid() != 0:
        path.chmod(0o444)
        return
    # root ignores file modes; the immutable attribute stops root too
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot make a file read-only for root here (chattr +i refused)")


def _undo_read_only(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o600)


def test_read_only_database(roll: Cli):
    before = db_dump(roll.db)
    _make_read_only(roll.db)
    try:
        listing = roll("members", "list", "--format", "csv")
        assert "10001" in listing.stdout
        roll.fails("members", "add", "10009", "钱多", contains="read-only")
        roll.fails("members", "leave", "10001", contains="read-only")
    finally:
        _undo_read_only(roll.db)
    assert db_dump(roll.db) == before


def test_backup_is_a_faithful_copy(roll: Cli, tmp_path: Path):
    dest = tmp_path / "backups" / "copy.db"
    dest.parent.mkdir()
    result = roll("db", "backup", str(dest))
    assert "backed up" in result.stdout
    assert db_dump(dest) == db_dump(roll.db)
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    roll.fails("db", "backup", str(dest), contains="already exists")
    copy = Cli(dest, {**roll.env, "UNIONCTL_DB": str(dest)})
    assert "10004" in copy("members", "list", "--format", "csv").stdout


WRITER = textwrap.dedent(
    """
    import sys
    from sqlalchemy import text
    from unionctl.db import open_database, resolve_target

    database = open_database(resolve_target(sys.argv[1]))
    for _ in range(int(sys.argv[2])):
        with database.write(actor="test", command="counter") as work:
            value = work.session.connection().execute(text("SELECT n FROM counter")).scalar()
            work.session.connection().execute(text("UPDATE counter SET n = :n"), {"n": value + 1})
    """
)


def test_two_processes_read_then_write_lose_nothing(cli: Cli, tmp_path: Path):
    """Measured with SQLAlchemy's default handling: half of these updates were lost."""
    conn = sqlite3.connect(cli.db)
    conn.execute("CREATE TABLE counter (n INTEGER)")
    conn.execute("INSERT INTO counter VALUES (0)")
    conn.commit()
    conn.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    rounds = 300
    workers = [
        subprocess.Popen(
            [sys.executable, str(script), str(cli.db), str(rounds)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for worker in workers:
        _out, err = worker.communicate(timeout=180)
        assert worker.returncode == 0, err
    value = sqlite3.connect(cli.db).execute("SELECT n FROM counter").fetchone()[0]
    assert value == 2 * rounds


BUSY_WRITER = textwrap.dedent(
    """
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 5000")
    deadline = time.time() + float(sys.argv[2])
    n = 0
    while time.time() < deadline:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO audit_log (at, actor, command, entity, key) VALUES "
            "('2025-01-01 00:00:00', 'bg', 'bg', 'database', ?)", (str(n),)
        )
        conn.execute("COMMIT")
        n += 1
    print(n)
    """
)


def test_backup_while_another_process_writes(roll: Cli, tmp_path: Path):
    script = tmp_path / "busy.py"
    script.write_text(BUSY_WRITER)
    worker = subprocess.Popen(
        [sys.executable, str(script), str(roll.db), "3"], stdout=subprocess.PIPE, text=True
    )
    try:
        dest = tmp_path / "during.db"
        roll("db", "backup", str(dest))
    finally:
        out, _ = worker.communicate(timeout=60)
    assert int(out) > 0
    check = sqlite3.connect(dest).execute("PRAGMA integrity_check").fetchone()[0]
    assert check == "ok"
    members = sqlite3.connect(dest).execute("SELECT count(*) FROM member").fetchone()[0]
    assert members == 4


def test_db_check_passes_then_reports_broken_foreign_keys(roll: Cli):
    result = roll("db", "check", "--format", "csv")
    assert "integrity_check,ok" in result.stdout
    conn = sqlite3.connect(roll.db)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE member SET branch_id = 999 WHERE emp_no = '10001'")
    conn.commit()
    conn.close()
    broken = roll("db", "check", "--format", "csv", code=1)
    assert "foreign_key_check" in broken.stdout
    assert "failed" in broken.stderr


def test_a_constraint_the_services_missed_is_one_plain_line():
    """Issue 5 §3: never show a raw SQLite constraint message."""
    from unionctl.db import Target, translate

    raw = sqlite3.IntegrityError(
        "UNIQUE constraint failed: honour.member_id, honour.title, honour.awarded_on"
    )
    error = translate(raw, Target("sqlite:///u.db", None))
    assert error.message("zh") == "未写入：sqlite:///u.db 中已有相同的会员、称号、授予日期记录"
    assert "UNIQUE" not in error.message("en")


# what an audit entry can hold: nested dicts and lists of text, numbers, dates, None
audit_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=8), st.dates(), st.floats()
)
audit_values = st.recursive(
    audit_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=8,
)


@given(st.dictionaries(st.text(max_size=6), audit_values, max_size=6))
def test_the_shared_audit_encoder_writes_what_json_dumps_wrote(value: dict):
    from unionctl.db import _json

    assert _json(value) == json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


period_rows = st.lists(
    st.fixed_dictionaries(
        {
            "member_id": st.integers(1, 10**9),
            "aspect": st.sampled_from(["status", "branch", "employment"]),
            "value": st.none() | st.text(max_size=5),
            "start_on": st.none() | st.dates(),
            "end_on": st.none() | st.dates(),
            "reason": st.none() | st.text(max_size=5),
            "recorded_at": st.just("2025-12-31 10:00:00"),
        }
    ),
    min_size=1,
    max_size=4,
)


@settings(deadline=None)  # the first example imports SQLAlchemy and the models
@given(period_rows)
def test_insert_rows_stores_what_sqlalchemy_core_stores(rows: list[dict]):
    """The driver's path (tuples, dates bound by sqlite3's adapter) and SQLAlchemy's
    own leave the same bytes in the file: dates as ISO text, None as NULL."""
    from sqlalchemy import create_engine, insert

    from unionctl.db import insert_rows
    from unionctl.models import MemberPeriod

    table = MemberPeriod.__table__
    stored = []
    for fast in (True, False):
        engine = create_engine("sqlite://")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE member_period (id INTEGER PRIMARY KEY, member_id INTEGER, "
                "aspect TEXT, value TEXT, start_on DATE, end_on DATE, reason TEXT, "
                "recorded_at TEXT)"
            )
            if fast:
                insert_rows(conn, table, rows)
            else:
                conn.execute(insert(table), rows)
            stored.append(
                conn.exec_driver_sql(
                    "SELECT *, typeof(start_on), typeof(end_on) FROM member_period ORDER BY id"
                ).all()
            )
        engine.dispose()
    assert stored[0] == stored[1]


# text and nulls as an audit document holds them: quotes, backslashes, controls, "%s",
# non-ASCII and lone surrogates (what a decoder's surrogateescape leaves)
_doc_text = st.one_of(st.none(), st.text(alphabet=st.characters(codec=None), max_size=12))


@given(
    keys=st.lists(st.text(max_size=8), min_size=1, max_size=6, unique=True),
    data=st.data(),
)
@settings(max_examples=200)
def test_flat_documents_are_what_the_audit_encoder_writes(keys: list[str], data):
    from unionctl.db import _json, flat_documents

    rows = data.draw(st.lists(st.tuples(*[_doc_text] * len(keys)), max_size=4))
    columns = {key: [row[i] for row in rows] for i, key in enumerate(keys)}
    assert flat_documents(columns) == [_json(dict(zip(keys, row, strict=True))) for row in rows]


def test_flat_documents_refuse_what_is_not_text():
    from unionctl.db import flat_documents

    with pytest.raises(TypeError):
        flat_documents({"joined_on": [dt.date(2020, 1, 1)]})


def test_the_reader_answers_alike_through_sqlalchemy(tmp_path):
    # A server database (PostgreSQL, a later issue) is read through SQLAlchemy's text();
    # the same statements must give the same answers, in the same shapes, as sqlite3's.
    import sqlite3

    from sqlalchemy import create_engine

    from unionctl.db.reader import Reader

    path = tmp_path / "r.db"
    conn = sqlite3.connect(path)
    conn.executescript(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER);"
        "INSERT INTO t (name, n) VALUES ('甲', 1), ('乙', NULL), ('丙', 3);"
    )
    conn.commit()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as sa:
        through_sa = Reader.__new__(Reader)
        through_sa._driver, through_sa._sa = None, sa  # the server path, on SQLite
        direct = Reader(conn)
        for reader in (direct, through_sa):
            assert reader.execute("SELECT name FROM t ORDER BY id").scalars() == ["甲", "乙", "丙"]
            assert reader.execute("SELECT n FROM t WHERE name = :x", {"x": "丙"}).scalar() == 3
            assert reader.execute("SELECT id FROM t WHERE id > :i", {"i": 9}).first() is None
            assert [tuple(r) for r in reader.execute("SELECT id, n FROM t ORDER BY id")] == [
                (1, 1),
                (2, None),
                (3, 3),
            ]
            assert tuple(reader.execute("SELECT count(*), sum(n) FROM t").one()) == (3, 4)
            assert [tuple(r) for r in reader.execute("SELECT id FROM t").all()] == [
                (1,),
                (2,),
                (3,),
            ]
    engine.dispose()
    conn.close()
