"""The wall-clock budget of one ``extract()`` call, handed down to every step that loops.

Loading checks it between decoding and parsing, the block walk every
:data:`CHECK_EVERY` elements or lines, the body walk at its loop heads and ``extract()``
between the field steps. A step that finds it spent stops where it is and keeps what it read;
``Deadline.notes`` records what was left unread, and ``extract()`` turns that into warnings.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Iterator
from typing import TypeVar

__all__ = ["Deadline", "CHECK_EVERY", "READING_SHARE", "NO_DEADLINE", "check_seconds", "paced"]

T = TypeVar("T")

READING_SHARE = 0.6
"""Share of the budget the block walk may spend reading the page: the rest is left to the title,
the body and the fields to work on what was read (they take about as long as the walk on a dense
page, and a third of it suffices on a page cut short; the share is measured on the dense cases of benchmarks/hostile.py)."""
CHECK_EVERY = 1024
"""Elements (or lines) between two looks at the clock in a walk: a look costs about 50 ns, a
thousand elements about a millisecond, so the walk overruns by a millisecond at most."""


def check_seconds(name: str, value: object) -> float:
    """``value`` as a number of seconds, or the caller's mistake named: a TypeError for a value
    that is no number, a ValueError for one that is not a finite number above 0."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"extract() option {name} takes a number of seconds, not {type(value).__name__}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"extract() option {name} takes a positive, finite number of seconds, not {value!r}")
    return float(value)


class Deadline:
    """A point in time past which a call stops reading and returns what it has."""

    __slots__ = ("seconds", "end", "reading_end", "notes")

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        """The budget as given (None: no budget)."""
        now = time.monotonic()
        self.end = math.inf if seconds is None else now + seconds
        self.reading_end = math.inf if seconds is None else now + seconds * READING_SHARE
        self.notes: list[str] = []
        """What each step left unread when the budget ran out, in the order it happened."""

    def expired(self) -> bool:
        """Whether the budget is spent (cheap: one clock read)."""
        return time.monotonic() > self.end

    def reading_over(self) -> bool:
        """Whether the block walk has spent its share (:data:`READING_SHARE`) of the budget."""
        return time.monotonic() > self.reading_end

    def stop(self, what: str) -> None:
        """Record that ``what`` was left unread because the budget ran out."""
        if what not in self.notes:
            self.notes.append(what)

    def message(self, what: str) -> str:
        return f"max_seconds={self.seconds:g} reached: {what}"


NO_DEADLINE = Deadline(None)
"""For a Page built without ``extract()`` (tests, a caller's own use of the walk): never expires.
Its notes stay empty: nothing ever stops on it."""


def paced(items: Iterable[T], deadline: Deadline, what: str) -> Iterator[T]:
    """``items`` one by one while ``deadline`` lasts (looked at every :data:`CHECK_EVERY` items);
    when it runs out, the loop ends there and ``what`` is noted as left unread."""
    for n, item in enumerate(items):
        if n and not n % CHECK_EVERY and deadline.expired():
            deadline.stop(what)
            return
        yield item
