"""ReadAhead: a generator run in a forked child, its items passed back in order."""

from __future__ import annotations

import os
import signal

import pytest

from unionctl.read_ahead import ReadAhead, can_read_ahead

pytestmark = pytest.mark.skipif(not can_read_ahead(), reason="needs fork")


def _numbers(n: int):
    yield from range(n)


def test_items_arrive_in_order_through_receive():
    with ReadAhead(lambda: _numbers(5000), lambda x: -x) as items:
        assert list(items) == [-i for i in range(5000)]


def test_the_childs_exception_is_raised_here_as_it_was():
    def produce():
        yield 1
        raise LookupError("bad bytes at line 4")

    items = ReadAhead(produce, lambda x: x)
    assert next(items) == 1
    with pytest.raises(LookupError, match="bad bytes at line 4"):
        next(items)
    assert list(items) == []  # ended, and the child with it


def test_an_exception_that_does_not_pickle_arrives_as_its_words():
    class Local(Exception):  # defined in a function: pickle cannot find it
        pass

    def produce():
        raise Local("no such thing")
        yield

    with pytest.raises(RuntimeError, match="Local: no such thing"):
        list(ReadAhead(produce, lambda x: x))


def test_a_child_killed_without_a_word_is_a_child_process_error():
    def produce():
        yield os.getpid()
        os.kill(os.getpid(), signal.SIGKILL)
        yield "never"

    items = ReadAhead(produce, lambda x: x)
    child = next(items)
    assert child != os.getpid()
    with pytest.raises(ChildProcessError, match="exit code -9"):
        next(items)


def test_closing_early_ends_the_child():
    def produce():
        while True:
            yield os.getpid()

    items = ReadAhead(produce, lambda x: x)
    child = next(items)
    items.close()
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # gone and reaped: no zombie left
