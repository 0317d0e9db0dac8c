"""Where a command's output goes: stdout, or the file named by --output.

The rules, each one a way a report once destroyed or leaked something:
- A regular file (or a new name) is written atomically: a temp file in the same
  directory, flushed to disk, renamed over the target. A reader never sees half a report,
  and a failed run leaves the old file as it was.
- Anything that is not a regular file is never replaced: a character device
  (/dev/null, /dev/stdout, a terminal) or a FIFO is opened and written through, as the
  shell's `>` would. A directory, a block device or a socket is refused.
- A symlink is followed, as `>` follows it: the file it points to gets the new content
  and the link stays a link (replacing the link with a regular file would silently cut
  whoever set it up from the report they expect there). A dangling link is refused:
  creating a file at wherever it points is how a planted link writes somewhere else.
- The database itself and its -wal/-shm/-journal files are refused (`-o union.db`
  used to replace the database with a CSV).
- A new file is created 0600 (mkstemp's mode, no process-wide umask change): a roster
  with names and birth dates is as private as the database. A file that already exists
  keeps its permission bits.
- A write that fails (stdout closed with `>&-`, /dev/full, a full disk) is one line:
  UnionError("output_failed") — or "output_failed_committed" when the command had
  already committed its change, so nobody re-runs a write that landed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from unionctl.errors import UnionError
from unionctl.labels import os_reason

STDOUT = "stdout"
_DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


class OutputFailed(UnionError):
    """The output could not be written; `committed` says whether the change had landed."""

    def __init__(self, path: str, detail: object, *, committed: bool, quiet: bool = False) -> None:
        key = "output_failed_committed" if committed else "output_failed"
        super().__init__(key, path=path, detail=detail)
        self.quiet = quiet  # a reader that went away (`| head`): nothing worth saying


def failure(path: str, error: OSError, *, committed: bool) -> OutputFailed:
    detail = os_reason(error)
    quiet = error.errno == errno.EPIPE and not committed
    if path == STDOUT:
        _silence_stdout()
    return OutputFailed(path, detail, committed=committed, quiet=quiet)


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's last flush of what is still buffered
    cannot fail again at exit (Python would print "Exception ignored" and exit 120)."""
    try:
        fileno = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # no real stdout (closed, or captured in tests): nothing will flush to it
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fileno)
    finally:
        os.close(devnull)


def protected_paths(database_paths: Iterable[Path | None]) -> list[Path]:
    """The database files an output must never land on, symlinks resolved."""
    paths = []
    for path in database_paths:
        if path is None:
            continue
        for suffix in _DATABASE_COMPANIONS:
            paths.append(Path(os.path.realpath(f"{path}{suffix}")))
    return paths


def echo(text: str, *, err: bool = False, committed: bool = False) -> None:
    """One line to stdout (or stderr); a stdout that cannot be written is OutputFailed."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        if err:
            return  # nowhere left to complain
        raise OutputFailed(STDOUT, _closed_detail(), committed=committed)
    try:
        stream.write(text + "\n")
        stream.flush()
    except OSError as error:
        if err:
            return
        raise failure(STDOUT, error, committed=committed) from None


def _closed_detail() -> str:
    return os_reason(errno.EBADF)


def check_target(path: str, *, protected: Iterable[Path] = ()) -> None:
    """Refuse an --output that cannot be written before the command does any work (a
    missing folder, a directory, the database): a write whose receipt then failed would
    have landed with only an error to show for it."""
    target = Path(path).expanduser()
    kind, resolved = _classify(target, path)
    if any(_same_file(resolved, guarded) for guarded in protected):
        raise UnionError("output_is_database", path=path)
    if kind == "replace" and not os.path.isdir(resolved.parent):
        raise UnionError("output_failed", path=path, detail=os_reason(errno.ENOENT))
    if kind == "replace":
        # Make and remove a file where the output will go: permissions alone do not say
        # (root ignores them; an immutable or read-only folder refuses root too), and a
        # write must not land before its output turns out to be impossible.
        try:
            fd, probe = tempfile.mkstemp(prefix=".unionctl-", suffix=".tmp", dir=resolved.parent)
        except OSError as error:
            raise UnionError("output_failed", path=path, detail=os_reason(error)) from None
        os.close(fd)
        os.unlink(probe)


@contextlib.contextmanager
def open_output(
    path: str | None,
    *,
    bom: bool,
    protected: Iterable[Path] = (),
    committed: bool = False,
) -> Iterator[tuple[IO[str], bool]]:
    """Yield (stream, is_a_terminal) for stdout or FILE, following the rules above."""
    if path is None or path == "-":
        with _stdout(bom=bom, committed=committed) as opened:
            yield opened
        return
    target = Path(path).expanduser()
    kind, resolved = _classify(target, path)
    if any(_same_file(resolved, guarded) for guarded in protected):
        raise UnionError("output_is_database", path=path)
    if kind == "through":
        with _write_through(path, resolved, bom=bom, committed=committed) as opened:
            yield opened
        return
    with _atomic(path, resolved, bom=bom, committed=committed) as opened:
        yield opened


@contextlib.contextmanager
def output_file(
    path: str, *, protected: Iterable[Path] = (), committed: bool = False
) -> Iterator[str]:
    """For a writer that needs a file name (XlsxWriter): yields a temporary path, which
    becomes FILE under the same rules as `open_output` once the writer is done."""
    target = Path(path).expanduser()
    kind, resolved = _classify(target, path)
    if any(_same_file(resolved, guarded) for guarded in protected):
        raise UnionError("output_is_database", path=path)
    if kind == "through":  # build it privately, then pour it into the device or FIFO
        if _is_terminal(resolved):
            raise UnionError("xlsx_needs_output")
        with tempfile.TemporaryDirectory(prefix="unionctl-") as scratch:
            built = os.path.join(scratch, resolved.name or "output")
            yield built
            try:
                with open(built, "rb") as source, open(resolved, "wb") as sink:
                    shutil.copyfileobj(source, sink)
            except OSError as error:
                raise failure(path, error, committed=committed) from None
        return
    with _atomic_path(path, resolved, committed=committed) as temporary:
        yield temporary


@contextlib.contextmanager
def _atomic_path(shown: str, resolved: Path, *, committed: bool) -> Iterator[str]:
    try:
        existing_mode = stat.S_IMODE(os.stat(resolved).st_mode)
    except FileNotFoundError:
        existing_mode = None
    try:
        fd, temporary = tempfile.mkstemp(prefix=".unionctl-", suffix=".tmp", dir=resolved.parent)
        os.close(fd)
    except OSError as error:
        raise OutputFailed(shown, os_reason(error), committed=committed) from None
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        if existing_mode is not None:  # never wider than 0600: the output may be private
            os.chmod(temporary, existing_mode & 0o600)
        os.replace(temporary, resolved)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise failure(shown, error, committed=committed) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _is_terminal(path: Path) -> bool:
    """A workbook is binary: it never goes to a terminal, whatever name it has there.
    (Only character devices are opened to ask: opening a FIFO would disturb its reader.)"""
    try:
        if not stat.S_ISCHR(os.stat(path).st_mode):
            return False
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError:
        return False
    try:
        return os.isatty(fd)
    finally:
        os.close(fd)


def _classify(target: Path, shown: str) -> tuple[str, Path]:
    """("through" | "replace", the real path). Refusals raise."""
    resolved = Path(os.path.realpath(target))
    try:
        info = os.stat(resolved)
    except FileNotFoundError:
        if os.path.islink(target):
            raise UnionError("output_dangling_link", path=shown) from None
        return "replace", resolved
    except OSError as error:
        raise UnionError("output_failed", path=shown, detail=os_reason(error)) from None
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return "replace", resolved
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return "through", resolved
    if stat.S_ISDIR(mode):
        raise UnionError("output_failed", path=shown, detail=os_reason(errno.EISDIR))
    raise UnionError("output_not_file", path=shown)


def _same_file(resolved: Path, guarded: Path) -> bool:
    if resolved == guarded:
        return True
    try:
        return os.path.samefile(resolved, guarded)  # a hard link to the database
    except OSError:
        return False


@contextlib.contextmanager
def _stdout(*, bom: bool, committed: bool) -> Iterator[tuple[IO[str], bool]]:
    stream = sys.stdout
    if stream is None:  # started with stdout closed (`>&-`)
        raise OutputFailed(STDOUT, _closed_detail(), committed=committed)
    try:
        if bom:
            stream.write("\ufeff")
        yield stream, stream.isatty()
        stream.flush()
    except OSError as error:
        raise failure(STDOUT, error, committed=committed) from None


@contextlib.contextmanager
def _write_through(
    shown: str, resolved: Path, *, bom: bool, committed: bool
) -> Iterator[tuple[IO[str], bool]]:
    try:
        fd = os.open(resolved, os.O_WRONLY | os.O_NOCTTY)
    except OSError as error:
        raise OutputFailed(shown, os_reason(error), committed=committed) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            if bom:
                stream.write("\ufeff")
            yield stream, stream.isatty()
    except OSError as error:
        raise failure(shown, error, committed=committed) from None


@contextlib.contextmanager
def _atomic(
    shown: str, resolved: Path, *, bom: bool, committed: bool
) -> Iterator[tuple[IO[str], bool]]:
    """A text stream onto a private temporary file that becomes FILE (see _atomic_path)."""
    with (
        _atomic_path(shown, resolved, committed=committed) as temporary,
        open(temporary, "w", encoding="utf-8", newline="") as stream,
    ):
        if bom:
            stream.write("\ufeff")
        yield stream, False
