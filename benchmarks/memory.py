"""Peak memory, measured in fresh child processes.

A process's peak resident set size only ever grows, so it cannot be read for one extractor
after another inside the process that times them all. Each measurement runs in its own
child, started with ``spawn`` (a new interpreter, nothing inherited), which reports its own
high-water marks at chosen moments. The figures are the memory the operating system really
gave the process, C libraries such as libxml2 included, which tracemalloc would not see.

On Linux the peak is read from ``VmHWM`` in ``/proc/self/status``, not from
``getrusage().ru_maxrss``: the kernel carries the parent's peak over ``fork`` + ``exec``
into the child's ``ru_maxrss``, so a child started by a process holding 300 MiB reports at
least 300 MiB whatever it does. ``VmHWM`` belongs to the new address space and starts from
zero at ``exec``. Elsewhere ``ru_maxrss`` is the fallback.

Where Linux allows it (``/proc/self/clear_refs``), the peak is also reset to the current
resident size just before each measured step, so that memory freed by an earlier step
(reading the corpus, building the big page) cannot hide what the measured step needed.
"""

from __future__ import annotations

import multiprocessing
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import lxml.html

from bigpage import news_page
from corpora import load_corpus
from extractors import Unavailable, load_extractor
from scoring import TOKEN

__all__ = ["CorpusMemory", "BigPageResult", "corpus_memory", "big_page_memory", "MIB"]

MIB = 1024 * 1024
RSS_UNIT_BYTES = 1 if sys.platform == "darwin" else 1024
"""``ru_maxrss`` is in bytes on macOS and in KiB on Linux and the BSDs."""
PROC_STATUS = "/proc/self/status"
PROC_CLEAR_REFS = "/proc/self/clear_refs"
RESET_PEAK = "5"
"""Written to clear_refs, resets VmHWM to the current resident size (Linux 4.0 and later)."""


@dataclass(frozen=True)
class CorpusMemory:
    """High-water marks of one extractor's pass over the corpus, in MiB."""

    import_mib: float
    """Growth of the peak while importing the extractor (lxml and the benchmark already loaded)."""
    extraction_mib: float
    """Growth of the peak during the pass over all pages, over the resident size once they were loaded."""


@dataclass(frozen=True)
class BigPageResult:
    """articlex on one generated page."""

    page_bytes: int
    paragraphs: int
    article_words: int
    body_words: int
    """``\\w+`` tokens in the body articlex returned."""
    seconds: float
    """Wall time of the ``extract()`` call alone."""
    parse_seconds: float
    """Wall time of ``lxml.html.document_fromstring`` on the same bytes, in the same process."""
    baseline_mib: float
    """Resident size of a child that only imported articlex (its peak where it cannot be reset)."""
    before_mib: float
    """Peak of the measuring child once the page was built, before extracting (reset to the
    resident size at that moment where the system allows it)."""
    peak_mib: float
    """Peak of the measuring child after extracting."""
    error: str | None = None

    @property
    def growth_mib(self) -> float:
        """Peak over the import-only baseline: the page held in memory, and extracting it."""
        return self.peak_mib - self.baseline_mib

    @property
    def extraction_growth_mib(self) -> float:
        """Peak over the moment the page was ready: what extract() alone added."""
        return self.peak_mib - self.before_mib

    @property
    def page_mib(self) -> float:
        return self.page_bytes / MIB


def peak_rss_mib() -> float:
    """This process's peak resident set size so far."""
    return _linux_peak_mib() or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * RSS_UNIT_BYTES / MIB


def reset_peak() -> None:
    """Start a new high-water mark from the current resident size, where the system allows it."""
    try:
        Path(PROC_CLEAR_REFS).write_text(RESET_PEAK)
    except OSError:
        pass  # not Linux, or not allowed: the peak then also covers earlier steps


def _linux_peak_mib() -> float | None:
    """``VmHWM`` of this process (kB), None where /proc is not there."""
    try:
        status = Path(PROC_STATUS).read_text()
    except OSError:
        return None
    line = next((line for line in status.splitlines() if line.startswith("VmHWM:")), None)
    return int(line.split()[1]) * 1024 / MIB if line else None


def in_fresh_process(function, *args):
    """``function(*args)`` in a new interpreter; its result comes back pickled."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def corpus_memory(name: str, corpus: Path, limit: int | None) -> CorpusMemory | None:
    """One extractor's memory over the corpus; None when it cannot run or its child died."""
    try:
        return in_fresh_process(_corpus_child, name, corpus, limit)
    except (Unavailable, BrokenProcessPool):
        return None


def big_page_memory(target_bytes: int) -> BigPageResult:
    """articlex on a generated page of ``target_bytes``, against an import-only baseline."""
    try:
        baseline = in_fresh_process(_import_only_child)
        return in_fresh_process(_big_page_child, target_bytes, baseline)
    except ImportError as error:
        return _failed(target_bytes, f"articlex cannot be imported ({error})")
    except BrokenProcessPool as error:  # killed, for instance by the out-of-memory killer
        return _failed(target_bytes, f"the child process died ({error})")


def _failed(target_bytes: int, error: str) -> BigPageResult:
    return BigPageResult(target_bytes, 0, 0, 0, 0.0, 0.0, 0.0, 0.0, 0.0, error=error)


def _corpus_child(name: str, corpus: Path, limit: int | None) -> CorpusMemory:
    """Import first, then load the pages: the import figure is then not hidden in memory the
    loading freed, and the pass starts from a peak that already includes the corpus."""
    reset_peak()
    start = peak_rss_mib()
    extractor = load_extractor(name)
    imported = peak_rss_mib()
    pages = load_corpus(corpus, limit).pages
    reset_peak()
    loaded = peak_rss_mib()
    for page in pages:
        try:
            extractor.run(page.html, page.url)
        except Exception:  # errors are counted by the timed run; here only memory matters
            pass
    return CorpusMemory(import_mib=imported - start, extraction_mib=peak_rss_mib() - loaded)


def _import_only_child() -> float:
    import articlex  # noqa: F401  (the import is what is measured)

    reset_peak()  # the resident size after the import, as the measuring child starts from it
    return peak_rss_mib()


def _big_page_child(target_bytes: int, baseline_mib: float) -> BigPageResult:
    import articlex

    page = news_page(target_bytes)
    reset_peak()  # building the page briefly needed twice its size; that is not extract()'s
    before = peak_rss_mib()
    start = time.perf_counter()
    try:
        body, error = articlex.extract(page.html).body, None
    except Exception as exc:  # reported in the doc rather than stopping the benchmark
        body, error = "", f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - start
    peak = peak_rss_mib()
    start = time.perf_counter()
    lxml.html.document_fromstring(page.html)  # after the peak was read: the baseline's memory is not counted
    parse_seconds = time.perf_counter() - start
    body_words = sum(1 for _ in TOKEN.finditer(body))
    return BigPageResult(len(page.html), page.paragraphs, page.article_words, body_words,
                         seconds, parse_seconds, baseline_mib, before, peak, error)
