"""--output and stdout: what a report may replace, what it writes through, and how a
failed write is reported (unionctl/output.py)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import Cli, db_dump


def _csv_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_output_onto_the_database_is_refused(roll: Cli, suffix: str):
    before = db_dump(roll.db)
    size = roll.db.stat().st_size
    target = f"{roll.db}{suffix}"
    roll.fails("members", "list", "--format", "csv", "-o", target, contains="database")
    assert db_dump(roll.db) == before
    assert roll.db.stat().st_size == size


def test_output_onto_the_database_through_a_symlink_or_hard_link_is_refused(
    roll: Cli, tmp_path: Path
):
    link = tmp_path / "innocent.csv"
    link.symlink_to(roll.db)
    hard = tmp_path / "hard.csv"
    os.link(roll.db, hard)
    before = db_dump(roll.db)
    roll.fails("members", "export", "-o", str(link), contains="database")
    roll.fails("members", "export", "-o", str(hard), contains="database")
    assert db_dump(roll.db) == before


def test_a_new_output_file_is_private_whatever_the_umask(roll: Cli, tmp_path: Path):
    target = tmp_path / "roster.csv"
    old = os.umask(0o002)
    try:
        roll("members", "list", "--format", "csv", "-o", str(target))
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _csv_lines(target)[0].startswith("emp_no,name")


def test_an_existing_output_file_is_replaced_never_wider_than_0600(roll: Cli, tmp_path: Path):
    target = tmp_path / "shared.csv"
    target.write_text("old\n")
    target.chmod(0o640)
    roll("members", "list", "--format", "csv", "-o", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # issue 5 §3: outputs are 0600
    assert "old" not in target.read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".unionctl-")]


def test_a_symlink_is_followed_and_stays_a_link(roll: Cli, tmp_path: Path):
    real = tmp_path / "reports" / "roster.csv"
    real.parent.mkdir()
    real.write_text("old\n")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    roll("members", "list", "--format", "csv", "-o", str(link))
    assert link.is_symlink()
    assert os.readlink(link) == str(real)
    assert _csv_lines(real)[0].startswith("emp_no,name")


def test_a_dangling_symlink_is_refused(roll: Cli, tmp_path: Path):
    link = tmp_path / "planted.csv"
    link.symlink_to(tmp_path / "elsewhere" / "x.csv")
    roll.fails("members", "list", "-o", str(link), contains="symbolic link")
    assert not (tmp_path / "elsewhere").exists()


def test_a_fifo_is_written_through_not_replaced(roll: Cli, tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    roll("members", "list", "--format", "csv", "-o", str(fifo))
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and received[0].decode().startswith("emp_no,name")


def test_a_character_device_is_written_through(roll: Cli):
    # A pty of our own, not /dev/null: code that replaced devices (as root) would have
    # destroyed the machine's /dev/null; a rename into /dev/pts just fails.
    master, slave = os.openpty()
    try:
        device = os.ttyname(slave)
        roll("members", "list", "--format", "csv", "-o", device)
        os.set_blocking(master, False)
        received = os.read(master, 65536).decode()
        assert stat.S_ISCHR(os.stat(device).st_mode)
    finally:
        os.close(master)
        os.close(slave)
    assert "emp_no,name" in received


def test_a_directory_is_refused(roll: Cli, tmp_path: Path):
    roll.fails("members", "list", "-o", str(tmp_path))


def _shell(cli: Cli, args: str, redirect: str) -> subprocess.CompletedProcess:
    """unionctl in a shell, so stdout can be closed or sent to a device."""
    command = f'"$0" -m unionctl {args} {redirect}'
    return subprocess.run(
        ["sh", "-c", command, sys.executable],
        env={**os.environ, **cli.env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _one_error_line(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert "Exception ignored" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("unionctl: "), result.stderr
    return lines[0]


def test_a_listing_to_a_closed_stdout_is_one_line(roll: Cli):
    line = _one_error_line(_shell(roll, "members list", ">&-"))
    assert "stdout" in line and "saved" not in line


def test_db_path_to_a_closed_stdout_is_one_line(roll: Cli):
    _one_error_line(_shell(roll, "db path", ">&-"))


def test_a_write_whose_confirmation_cannot_be_printed_says_it_committed(roll: Cli):
    line = _one_error_line(_shell(roll, "members add 20001 新人", ">&-"))
    assert "saved" in line
    assert "20001" in roll("members", "list", "--format", "csv").stdout


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_device_is_one_line(roll: Cli):
    line = _one_error_line(_shell(roll, "members list", ">/dev/full"))
    assert "No space left" in line and "saved" not in line
    line = _one_error_line(_shell(roll, "members add 20002 又一人", ">/dev/full"))
    assert "saved" in line
    _one_error_line(_shell(roll, "db path", ">/dev/full"))


def test_a_reader_that_goes_away_is_not_a_traceback(roll: Cli, tmp_path: Path):
    roster = tmp_path / "many.csv"
    roster.write_text("emp_no,name\n" + "".join(f"3{n:04d},成员{n}\n" for n in range(3000)))
    roll("members", "import", str(roster))
    result = _shell(roll, "members list", "| head -1")
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_xlsx_follows_the_same_output_rules(roll: Cli, tmp_path: Path):
    before = db_dump(roll.db)
    roll.fails("members", "list", "-f", "xlsx", "-o", str(roll.db), contains="database")
    assert db_dump(roll.db) == before
    book = tmp_path / "roster.xlsx"
    roll("members", "list", "-f", "xlsx", "-o", str(book))
    assert stat.S_IMODE(book.stat().st_mode) == 0o600
    assert book.read_bytes()[:2] == b"PK"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    roll("members", "list", "-f", "xlsx", "-o", str(fifo))
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received and received[0][:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".unionctl-")] == []


def test_rewriting_an_open_file_narrows_it_to_the_owner(roll, tmp_path):
    """A roster with ID cards must not stay world-readable because the old file was."""
    import os
    import stat

    path = tmp_path / "e.csv"
    path.write_text("old\n")
    os.chmod(path, 0o666)
    roll("members", "export", "--include-private", "-o", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_workbook_is_never_written_to_a_terminal_named_by_output(roll):
    import os
    import pty

    leader, follower = pty.openpty()
    try:
        name = os.ttyname(follower)
        roll.fails("members", "list", "-f", "xlsx", "-o", name, contains="")
    finally:
        os.close(leader)
        os.close(follower)


@pytest.fixture
def unwritable_dir(tmp_path: Path):
    """A folder nothing can be written in, even by root (CI runs as root): immutable where
    chattr works, else read-only permissions for an ordinary user."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    import shutil

    if (
        not shutil.which("chattr")
        or subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode
    ):
        pytest.skip("cannot make a folder unwritable for root here")
    yield folder
    subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_write_with_an_unwritable_output_is_refused_before_it_lands(
    cli: Cli, unwritable_dir: Path
):
    """Trial: `aid give … -o locked/x.txt` saved the gift, then failed to write the
    receipt (exit 1): a cron job retrying on exit 1 would record the gift twice."""
    before = db_dump(cli.db)
    result = cli.fails(
        "members", "add", "30001", "王五", "--output", str(unwritable_dir / "r.txt"),
        env={"UNIONCTL_LANG": "zh"},
    )  # fmt: skip
    assert "无法写入" in result.stderr and "saved" not in result.stderr
    assert "permitted" not in result.stderr and "denied" not in result.stderr  # all Chinese
    assert db_dump(cli.db) == before
    assert list(unwritable_dir.iterdir()) == []


def test_why_a_file_could_not_be_used_is_said_in_the_chosen_language(cli: Cli, tmp_path: Path):
    result = cli.fails("members", "list", "--output", str(tmp_path), env={"UNIONCTL_LANG": "zh"})
    assert "这是一个文件夹" in result.stderr and "directory" not in result.stderr
    missing = cli.fails("members", "import", str(tmp_path / "无.csv"), env={"UNIONCTL_LANG": "zh"})
    assert "文件或文件夹不存在" in missing.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_an_import_whose_summary_cannot_be_printed_says_it_committed(roll: Cli, tmp_path: Path):
    members = tmp_path / "m.csv"
    members.write_text("emp_no,name\n30001,甲\n", encoding="utf-8")
    line = _one_error_line(_shell(roll, f"members import {members}", ">/dev/full"))
    assert "saved" in line
    gifts = tmp_path / "a.csv"
    gifts.write_text("工号,帮扶类别,金额,日期\n10001,生病住院,500,2025-03-01\n", encoding="utf-8")
    line = _one_error_line(_shell(roll, f"aid import {gifts}", ">/dev/full"))
    assert "saved" in line
    assert "30001" in roll("members", "list", "--format", "csv").stdout
