"""Reading a large import file ahead, in a second process.

A roster of 1,000,000 rows spends ~7 s of a ~41 s import reading and parsing its cells
(the table reader, every cell's parser), and the rest writing it: the two can run on two
cores. `ReadAhead` runs a generator in a forked child and gives what it yields, in
order, each item pickled through a pipe (bench/README.md, `members import`). The pipe's
buffer holds the child back when the parent falls behind, so memory stays what a few
items take on each side.

Only a generator that needs nothing of the parent's open files or connections belongs
here: the child is forked when the ReadAhead is made (before the import opens its write
transaction) and touches nothing but its file. An exception the child meets (a refusal
of the file, anything) is raised in the parent as it was; a child that dies without a
word (killed) is a `ChildProcessError`.
"""

from __future__ import annotations

import multiprocessing
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")
W = TypeVar("W")

_ITEM, _END, _ERROR = 0, 1, 2


def can_read_ahead() -> bool:
    """Whether this platform forks (Linux): elsewhere a child would start afresh, paying
    the imports the reading ahead saves."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class ReadAhead(Generic[W, T]):
    """`produce()`'s items, made in a child process forked now; each is passed to
    `receive` as it arrives here (to turn the form it crossed the pipe in back into what
    the parent uses). Close it (or use it in `with`) to end the child early."""

    def __init__(self, produce: Callable[[], Iterable[W]], receive: Callable[[W], T]) -> None:
        self._receive = receive
        context = multiprocessing.get_context("fork")
        sys.stdout.flush()  # what waits in a buffer is written once, by this process
        sys.stderr.flush()
        self._receiver, sender = context.Pipe(duplex=False)
        self._child = context.Process(target=_child, args=(sender, produce), daemon=True)
        self._child.start()
        sender.close()
        self._done = False

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        if self._done:
            raise StopIteration
        try:
            kind, payload = pickle.loads(self._receiver.recv_bytes())
        except EOFError:
            self.close()
            raise ChildProcessError(
                f"the process reading ahead ended (exit code {self._child.exitcode})"
            ) from None
        if kind == _ITEM:
            return self._receive(payload)
        self.close()
        if kind == _END:
            raise StopIteration
        raise payload

    def close(self) -> None:
        if self._done:
            return
        self._done = True
        self._receiver.close()
        if self._child.is_alive():  # stopped early: nobody reads what it would make
            self._child.terminate()
        self._child.join()

    def __enter__(self) -> ReadAhead[W, T]:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _child(sender: Any, produce: Callable[[], Iterable[Any]]) -> None:
    try:
        try:
            for item in produce():
                sender.send_bytes(pickle.dumps((_ITEM, item), pickle.HIGHEST_PROTOCOL))
            sender.send_bytes(pickle.dumps((_END, None)))
        except (BrokenPipeError, KeyboardInterrupt):
            return  # the parent is gone or interrupted: it says what happened
        except BaseException as error:  # whatever it is, the parent raises it
            try:
                message = pickle.dumps((_ERROR, error), pickle.HIGHEST_PROTOCOL)
            except Exception:  # an error that does not pickle: its words
                message = pickle.dumps((_ERROR, RuntimeError(f"{type(error).__name__}: {error}")))
            sender.send_bytes(message)
    except BrokenPipeError:
        return
    finally:
        sender.close()
