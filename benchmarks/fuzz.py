"""A fuzzing run of a chosen length: the hypothesis properties of the test suite, round after round.

    python benchmarks/fuzz.py [--minutes M] [--round N]

Runs every property of ``tests/test_property.py`` (any str, bytes, markup, encoding, JSON-LD or
URL ends in an Article or an ArticlexError; flattening loses no word; URL fields hold http(s)
only) and of ``tests/test_lean_blocks.py`` (a text dump read from offsets gives what the plain
blocks give; the block builder's collapsing moves link offsets as the full collapse does), ``N``
examples a property a round (new random inputs each round), until ``M`` minutes have passed;
the round under way is finished. Prints the minutes, the rounds, and the inputs each property
tried; the first failure stops the run with hypothesis's shrunk example and exit status 1.
Nothing is written to disk (no example database).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
MODULES = ("test_property", "test_lean_blocks")
"""The test modules whose hypothesis properties the run repeats."""
ROUND = 500
"""Examples a property a round: long enough that hypothesis explores, short enough that the time
limit is kept to within a round."""


def properties(examples: int) -> list[tuple[str, Callable[[], None]]]:
    """Every hypothesis property of :data:`MODULES`, set to ``examples`` inputs a call."""
    os.environ["ARTICLEX_FUZZ_EXAMPLES"] = str(examples)  # read by the modules when imported
    sys.path.insert(0, str(TESTS))
    found = []
    for name in MODULES:
        module = importlib.import_module(name)
        for attr in sorted(vars(module)):
            test = getattr(module, attr)
            if attr.startswith("test_") and hasattr(test, "hypothesis"):
                found.append((f"{name}.{attr}", test))
    return found


def counted(tried: Counter[str], name: str, test: Callable[[], None]) -> Callable[[], None]:
    """``test`` run once, its examples counted in ``tried``."""
    inner = test.hypothesis.inner_test  # type: ignore[attr-defined]

    def counting(*args: object, **kwargs: object) -> None:
        tried[name] += 1
        inner(*args, **kwargs)

    test.hypothesis.inner_test = counting  # type: ignore[attr-defined]
    return test


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--round", type=int, default=ROUND, help="examples a property a round")
    args = parser.parse_args(argv)
    tried: Counter[str] = Counter()
    tests = [(name, counted(tried, name, test)) for name, test in properties(args.round)]
    started = time.monotonic()
    rounds = 0
    while time.monotonic() - started < args.minutes * 60:
        for name, test in tests:
            try:
                test()
            except Exception:  # noqa: BLE001 - hypothesis has printed the falsifying example
                print(f"FAILED: {name} after {sum(tried.values()):,} inputs", file=sys.stderr)
                raise
        rounds += 1
        print(f"round {rounds}: {(time.monotonic() - started) / 60:.1f} min, {sum(tried.values()):,} inputs",
              file=sys.stderr)
    minutes = (time.monotonic() - started) / 60
    print(f"{minutes:.1f} minutes, {rounds} rounds, {sum(tried.values()):,} inputs, no failure")
    for name, count in sorted(tried.items()):
        print(f"  {name}: {count:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
