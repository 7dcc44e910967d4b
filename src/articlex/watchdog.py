"""Stopping a field step in progress when the call's time budget runs out.

The block walk, the title and the body look at the clock themselves (:func:`articlex.deadline.paced`).
The field steps that follow (breadcrumb, navigation, counters...) build on them; one of them may
still loop for seconds over a dense page (a million short lines) without looking at the clock. So
``extract()`` runs them under :func:`interrupting`: one watchdog thread per process raises
:class:`StepInterrupted` in the calling thread once the deadline has passed, the step in progress
ends there, and ``extract()`` keeps what the steps before it found, with a warning naming what was
not read.

The exception is raised between two Python instructions (CPython's ``PyThreadState_SetAsyncExc``),
so a C function already running (a regular expression, a parse) ends first. It derives from
``BaseException``: a step's ``except Exception`` cannot swallow it. On an interpreter without that
function (not CPython) nothing is interrupted and the steps' own checks are the only bound.
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["StepInterrupted", "interrupting", "CAN_INTERRUPT"]


class StepInterrupted(BaseException):
    """Raised inside a step when the deadline it runs under has passed (never seen by callers)."""


CAN_INTERRUPT = sys.implementation.name == "cpython" and hasattr(ctypes, "pythonapi")
"""Whether a running step can be stopped from another thread here."""


def _raise_in(thread_id: int, exception: type[BaseException]) -> None:
    """Have ``thread_id`` raise ``exception`` at its next Python instruction."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exception))


class _Watchdog:
    """One daemon thread serving every armed call of the process: it sleeps until the earliest
    deadline, raises in the threads whose deadline passed, and sleeps again.

    The state is guarded by a plain lock, taken by ``with`` only: its ``__enter__`` is C code, so an
    exception raised in a thread right as it takes the lock cannot leave the lock held (a
    ``threading.Condition``'s Python-level ``__enter__`` could)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._queue: list[tuple[float, int, int]] = []
        """(monotonic time, ticket, thread id), earliest first."""
        self._armed: dict[int, int] = {}
        """Thread id by ticket, for the calls still running their steps."""
        self._tickets = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, when: float, thread_id: int) -> int:
        with self._lock:
            ticket = next(self._tickets)
            self._armed[ticket] = thread_id
            heapq.heappush(self._queue, (when, ticket, thread_id))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="articlex-watchdog", daemon=True)
                self._thread.start()
        self._wake.set()
        return ticket

    def disarm(self, ticket: int) -> None:
        """The call left its steps: nothing is raised in it any more. (An exception already raised
        for it has been seen by then: a thread looks for one at every Python function call, and
        leaving the steps makes several. A pending one is not cleared: asking CPython to clear
        one that is not there leaves its evaluation loop checking for one forever, which makes
        a profiled thread loop.)"""
        with self._lock:
            self._armed.pop(ticket, None)

    def _run(self) -> None:
        while True:
            self._wake.wait(self._fire())
            self._wake.clear()

    def _fire(self) -> float | None:
        """Raise in every thread whose deadline passed; the seconds to the next one (None: none armed)."""
        with self._lock:
            while self._queue:
                when, ticket, thread_id = self._queue[0]
                if ticket not in self._armed:
                    heapq.heappop(self._queue)  # a call that ended in time
                    continue
                left = when - time.monotonic()
                if left > 0:
                    return left
                heapq.heappop(self._queue)
                del self._armed[ticket]
                _raise_in(thread_id, StepInterrupted)
            return None


_WATCHDOG = _Watchdog()


def _after_fork() -> None:
    """A forked child has no watchdog thread, and the lock may have been held by it at the fork:
    the child starts a watchdog of its own."""
    global _WATCHDOG
    _WATCHDOG = _Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


@contextmanager
def interrupting(end: float) -> Iterator[None]:
    """Run the ``with`` body in this thread until ``end`` (a ``time.monotonic()`` value) at the
    latest: past it, :class:`StepInterrupted` is raised wherever the body is. The caller catches
    it outside the ``with`` (it may also come out of the ``with`` statement's own exit)."""
    if not CAN_INTERRUPT:
        yield
        return
    ticket = _WATCHDOG.arm(end, threading.get_ident())
    try:
        yield
    finally:
        _WATCHDOG.disarm(ticket)
