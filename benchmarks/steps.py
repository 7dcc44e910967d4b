#!/usr/bin/env python3
"""Where extraction time goes: CPU time a page of each step of ``extract()``, next to lxml's parse.

    python benchmarks/steps.py                   # every field, ../shared/corpus/scrapinghub
    python benchmarks/steps.py --fields body     # the body alone, as the benchmark rows ask
    python benchmarks/steps.py --profile 30      # and cProfile's 30 costliest functions (own time)

Each step is a module function wrapped with a CPU timer (``time.process_time``: other programs
on a shared machine are not counted); the pages are read in memory first, one pass warms up, then
``--repeat`` passes are timed and the medians printed. A step's time includes the steps it calls
(``parse_html`` holds lxml's parse; ``load_page`` holds everything up to the blocks).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib
import pstats
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpora import load_corpus
from timing import parse_with_lxml

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "scrapinghub"
STEPS = (
    ("articlex.api", "load_page"), ("articlex.loading", "_str_looks_binary"), ("articlex.loading", "_cleaned"),
    ("articlex.loading", "parse_html"), ("articlex.loading", "_parse"), ("articlex.page", "_page_base"),
    ("articlex.page", "blocks_from_tree"), ("articlex.fields.metadata", "site_name"), ("articlex.api", "find_title"),
    ("articlex.api", "find_body"), ("articlex.api", "find_breadcrumb"), ("articlex.api", "find_navigation"),
    ("articlex.api", "find_counters"), ("articlex.api", "find_attribution"), ("articlex.api", "find_language"),
    ("articlex.api", "find_dates"),
)
"""(module, function) of each step timed, in the order ``extract()`` reaches them."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--fields", choices=("all", "body"), default="all")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also print cProfile's N costliest functions")
    args = parser.parse_args(argv)
    import articlex

    pages = load_corpus(args.corpus).pages
    options: dict[str, Any] = {"fields": ("body",)} if args.fields == "body" else {}

    def run() -> None:
        for page in pages:
            articlex.extract(page.html, url=page.url or None, **options)

    spent: dict[str, float] = {}
    for module, name in STEPS:
        _time_calls(module, name, spent)
    run()  # warm-up: lazy imports, compiled patterns, caches
    passes = [_one_pass(pages, options, spent) for _ in range(args.repeat)]
    count = len(pages)
    print(f"{args.corpus.name}, {count} pages, fields={args.fields}, median of {args.repeat} passes (CPU ms a page)")
    print(f"  {'extract()':28s} {statistics.median(p[0] for p in passes) / count * 1000:7.3f}")
    print(f"  {'lxml parse alone':28s} {statistics.median(p[1] for p in passes) / count * 1000:7.3f}")
    print(f"  {'ratio':28s} {statistics.median(p[0] / p[1] for p in passes):7.2f}")
    for module, name in STEPS:
        key = f"{module.rsplit('.', 1)[-1]}.{name}"
        if any(key in p[2] for p in passes):
            print(f"  {key:28s} {statistics.median(p[2].get(key, 0.0) for p in passes) / count * 1000:7.3f}")
    if args.profile:
        with cProfile.Profile(time.process_time) as profiler:
            run()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    return 0


def _time_calls(module_name: str, name: str, spent: dict[str, float]) -> None:
    """Replace ``module.name`` by a wrapper that adds its CPU time to ``spent``."""
    module = importlib.import_module(module_name)
    inner: Callable[..., Any] = getattr(module, name)
    key = f"{module_name.rsplit('.', 1)[-1]}.{name}"

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[key] = spent.get(key, 0.0) + time.process_time() - start

    setattr(module, name, timed)


def _one_pass(pages: list[Any], options: dict[str, Any], spent: dict[str, float]) -> tuple[float, float, dict[str, float]]:
    """(extraction time, lxml parse time, time by step) of one pass over the pages."""
    import articlex

    gc.collect()
    spent.clear()
    extract_s = parse_s = 0.0
    for page in pages:
        start = time.process_time()
        articlex.extract(page.html, url=page.url or None, **options)
        middle = time.process_time()
        parse_with_lxml(page.html)
        extract_s += middle - start
        parse_s += time.process_time() - middle
    return extract_s, parse_s, dict(spent)


if __name__ == "__main__":
    sys.exit(main())
