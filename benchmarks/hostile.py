"""Time and peak memory of ``articlex.extract`` on the hostile battery (``tests/hostile_cases.py``).

Each case runs in a fresh child process (``spawn``: a new interpreter), which builds the
input, then times one ``extract()`` call. Peak memory is the child's resident high-water mark
(``ru_maxrss``, libxml2 included, which tracemalloc would not see) minus the mark it had
once articlex was imported: the input itself is inside the figure. A case that does not end
within ``--timeout`` seconds is killed and reported as such.

    python benchmarks/hostile.py [--only NAME[|NAME]] [--timeout S] [--out FILE]

Prints a Markdown table (case, input size, seconds, peak MB, peak as a multiple of the input
size, outcome); ``--out`` also writes it to FILE. The battery is ``CASES`` and the dense inputs
``DENSE`` of ``tests/hostile_cases.py``. Nothing else is written. The figures go here, not into test assertions: the
tests check only how each case ends.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
MIB = 1024 * 1024
RSS_UNIT_BYTES = 1 if sys.platform == "darwin" else 1024
"""``ru_maxrss`` is in bytes on macOS and in KiB on Linux."""
TIMEOUT = 120.0
"""Seconds a case may run before it is killed."""
GOAL_MARGIN = 1.0
"""Seconds past the default ``max_seconds`` a call may run: the goal is every case under 11 s."""
GOAL_MEMORY_RATIO = 10.0
"""Peak memory goal, as a multiple of the input's size."""
RATIO_FLOOR = 1_000_000
"""Inputs smaller than this many bytes are left out of the memory goal: the interpreter's own
few megabytes of working memory would be hundreds of times a kilobyte's page."""


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * RSS_UNIT_BYTES / MIB


def _run_case(name: str, queue) -> None:
    """In the child: build the input, extract once, report size, seconds, peak and outcome."""
    sys.path.insert(0, str(TESTS))
    import articlex
    from hostile_cases import by_name

    baseline = _peak_mib()
    case = by_name(name)
    source = case.build()
    seconds, peak, outcome = _timed_extract(articlex, source, case)
    queue.put((len(source), seconds, peak - baseline, outcome))


def _timed_extract(articlex, source, case) -> tuple[float, float, str]:
    """Seconds and peak MiB of one extract() call (read before the outcome is described:
    describing copies the body), and how it ended."""
    started = time.perf_counter()
    try:
        article = articlex.extract(source)
    except articlex.ArticlexError as exc:
        return time.perf_counter() - started, _peak_mib(), type(exc).__name__
    except Exception as exc:  # noqa: BLE001 - the benchmark reports what the tests would fail on
        return time.perf_counter() - started, _peak_mib(), f"RAW {type(exc).__name__}: {str(exc)[:60]}"
    seconds, peak = time.perf_counter() - started, _peak_mib()
    return seconds, peak, _describe(article, case)


def _describe(article, case) -> str:
    """Article or not, body size, warnings, and whether the case's markers came out."""
    kind = "article" if article.is_article else "not an article"
    text = article.body + "\n".join(b.text for b in article.blocks)
    missing = [m for m in case.body_has if m not in text]
    markers = "" if not case.body_has else "; markers kept" if not missing else f"; LOST {', '.join(missing)}"
    warned = f", {len(article.warnings)} warnings" if article.warnings else ""
    return f"Article ({kind}, body {len(article.body):,} chars{warned}{markers})"


def measure(name: str, timeout: float) -> tuple[int | None, float | None, float | None, str]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_run_case, args=(name, queue))
    started = time.perf_counter()
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None, time.perf_counter() - started, None, f"killed after {timeout:.0f} s"
    if queue.empty():
        return None, None, None, f"child died (exit code {child.exitcode})"
    return queue.get()


def _size(n: int | None) -> str:
    if n is None:
        return "?"
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1000:
        return f"{n / 1000:.0f} kB"
    return f"{n} B"


def _ratio(size: int | None, peak: float | None) -> float | None:
    return peak * MIB / size if size and peak is not None else None


def table(rows: list[tuple[str, int | None, float | None, float | None, str]]) -> str:
    lines = ["| case | input size | seconds | peak MB | peak / size | outcome |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    for name, size, seconds, peak, outcome in rows:
        secs = "?" if seconds is None else f"{seconds:.2f}"
        mem = "?" if peak is None else f"{peak:.0f}"
        ratio = _ratio(size, peak)
        times = "?" if ratio is None else f"{ratio:.1f}x"
        lines.append(f"| {name} | {_size(size)} | {secs} | {mem} | {times} | {outcome} |")
    return "\n".join(lines)


def summary(rows) -> str:
    from articlex.loading import Limits

    goal = Limits.max_seconds + GOAL_MARGIN
    slow = [r[0] for r in rows if r[2] is None or r[2] >= goal]
    heavy = [(r[0], _ratio(r[1], r[3])) for r in rows if r[1] and r[1] >= RATIO_FLOOR and r[3] is not None]
    over = ", ".join(f"{name} ({x:.1f}x)" for name, x in heavy if x >= GOAL_MEMORY_RATIO)
    return (f"Cases at or over max_seconds + {GOAL_MARGIN:.0f} s = {goal:.0f} s: {', '.join(slow) or 'none'}.\n"
            f"Inputs of {RATIO_FLOOR // 1_000_000} MB or more peaking at {GOAL_MEMORY_RATIO:.0f} times their size "
            f"or more: {over or 'none'}.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="case names separated by '|' (names hold commas)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT)
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(TESTS))
    from hostile_cases import CASES, DENSE

    names = [c.name for c in CASES + DENSE]
    if args.only:
        wanted = [n.strip() for n in args.only.split("|")]
        names = [n for n in names if n in wanted]
    rows = []
    for name in names:
        rows.append((name, *measure(name, args.timeout)))
        print(f"{name}: {rows[-1][2] if rows[-1][2] is None else round(rows[-1][2], 2)} s", file=sys.stderr)
    report = table(rows) + "\n\n" + summary(rows) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
