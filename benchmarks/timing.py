"""Timing an extractor over the corpus, next to the time lxml takes only to parse the same pages.

Extraction and parsing are timed page by page, one right after the other, in CPU time of this
process (``time.process_time``: another program's load on a shared machine is not counted),
so that both see the same machine state; the ratio of the two totals is then a figure that carries over from
one machine to another far better than pages per second. On a shared virtual machine the
speed of a whole pass can swing by half from one pass to the next, while this ratio moves
by a few percent.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import lxml.html

from corpora import Page
from extractors import Extractor

__all__ = ["TimedRun", "parse_with_lxml", "warm_up", "timed_passes"]

WARM_UP_PAGES = 3
"""Calls made before timing starts: the first ones pay for lazy imports, compiled patterns
and caches, a one-off cost that would otherwise be charged to whichever page came first."""

ERROR_TEXT_LENGTH = 160
"""Enough of an exception message to recognise it in the per-page report."""


@dataclass(frozen=True)
class TimedRun:
    """What one extractor produced over the corpus, and how long it took."""

    outputs: list[str]
    """Body per page, in corpus order ("" when nothing was found or the call raised)."""
    errors: dict[str, str]
    """Page id -> the exception the extractor raised on it."""
    extract_s: float
    """Median over the passes of the total extraction time."""
    parse_s: float
    """Median over the same passes of the total lxml parse time."""
    parse_ratio: float
    """Median over the passes of extraction time / parse time, each pass on its own."""


def parse_with_lxml(html: str) -> None:
    """The baseline: build the lxml tree of the page, nothing more."""
    try:
        lxml.html.document_fromstring(html)
    except ValueError:  # lxml refuses a str that carries an XML encoding declaration
        lxml.html.document_fromstring(html.encode("utf-8"))


def warm_up(extractor: Extractor, pages: list[Page]) -> None:
    """Run the extractor and the parser on a few pages, outside any timing."""
    for page in pages[:WARM_UP_PAGES]:
        _call(extractor, page)
        parse_with_lxml(page.html)


def timed_passes(extractors: list[Extractor], pages: list[Page], repeat: int,
                 progress: Callable[[str], None] = lambda message: None) -> dict[str, TimedRun]:
    """``repeat`` rounds; in each, every extractor makes one pass over all pages in turn.

    Taking turns, rather than finishing one extractor before starting the next, spreads any
    slow spell of the machine over all of them. Outputs and errors come from the first round.
    """
    for extractor in extractors:
        warm_up(extractor, pages)
    passes: dict[str, list[_Pass]] = {extractor.name: [] for extractor in extractors}
    for round_number in range(1, repeat + 1):
        for extractor in extractors:
            gc.collect()  # start each pass without the previous one's garbage
            passes[extractor.name].append(_one_pass(extractor, pages))
            progress(f"round {round_number}/{repeat}: {extractor.name} {passes[extractor.name][-1].extract_s:.1f} s")
    return {name: _summary(runs) for name, runs in passes.items()}


@dataclass(frozen=True)
class _Pass:
    outputs: list[str]
    errors: dict[str, str]
    extract_s: float
    parse_s: float


def _summary(passes: list[_Pass]) -> TimedRun:
    return TimedRun(
        outputs=passes[0].outputs,
        errors=passes[0].errors,
        extract_s=statistics.median(p.extract_s for p in passes),
        parse_s=statistics.median(p.parse_s for p in passes),
        parse_ratio=statistics.median(p.extract_s / p.parse_s for p in passes),
    )


def _one_pass(extractor: Extractor, pages: list[Page]) -> _Pass:
    outputs, errors = [], {}
    extract_s = parse_s = 0.0
    for page in pages:
        start = time.process_time()
        body, error = _call(extractor, page)
        middle = time.process_time()
        parse_with_lxml(page.html)
        end = time.process_time()
        extract_s += middle - start
        parse_s += end - middle
        outputs.append(body)
        if error:
            errors[page.id] = error
    return _Pass(outputs, errors, extract_s, parse_s)


def _call(extractor: Extractor, page: Page) -> tuple[str, str | None]:
    """(body, None), or ("", the error) when the extractor raised: that page then scores empty."""
    try:
        return extractor.run(page.html, page.url) or "", None
    except Exception as error:  # an anchor failing on one page must not stop the benchmark
        message = " ".join(str(error).split())
        return "", f"{type(error).__name__}: {message}"[:ERROR_TEXT_LENGTH]
