"""Writing the results: ``docs/benchmarks.md`` and its chart."""

from __future__ import annotations

import os
import platform
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from memory import MIB, BigPageResult, CorpusMemory
from scoring import Summary

__all__ = ["Row", "Run", "machine_description", "articlex_revision", "write_markdown", "write_chart"]

MEMORY_TARGET_RATIO = 10
"""The issue's bound: extracting a page may take at most this many times the page's size."""

CHART_SIZE_INCHES = (7.5, 4.8)
CHART_DPI = 120
"""About 900 x 580 pixels: sharp in a README, small enough to commit."""

ARTICLEX = "articlex"


@dataclass(frozen=True)
class Row:
    """One extractor's line in the table."""

    name: str
    version: str = ""
    unavailable: str | None = None
    """Why the extractor did not run; None when it ran."""
    summary: Summary | None = None
    f1_std: float | None = None
    pages: int = 0
    errors: int = 0
    empty: int = 0
    """Pages where it returned no text at all (errors included)."""
    extract_s: float = 0.0
    """Median pass time."""
    parse_s: float = 0.0
    """Median lxml parse time of the same pages, in the same passes."""
    parse_ratio: float = 0.0
    """Median over the passes of extraction time / lxml parse time."""
    memory: CorpusMemory | None = None

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.extract_s if self.extract_s else 0.0


@dataclass(frozen=True)
class Run:
    """Everything the document reports."""

    started: datetime
    command: str
    corpus_name: str
    corpus_layout: str
    pages: int
    corpus_bytes: int
    repeat: int
    rows: list[Row]
    versions: dict[str, str]
    machine: dict[str, str]
    big_page: BigPageResult | None = None
    chart: str | None = None
    """Link to the chart, relative to the Markdown file; None when there is none."""
    notes: list[str] = field(default_factory=list)

    @property
    def ran(self) -> list[Row]:
        """Rows of the extractors that ran, best F1 first."""
        return sorted((r for r in self.rows if r.unavailable is None), key=lambda r: -r.summary.f1)

    @property
    def parse_pages_per_s(self) -> float:
        """lxml parse throughput, pooled over every extractor's passes."""
        seconds = sum(r.parse_s for r in self.ran)
        return sum(r.pages for r in self.ran) / seconds if seconds else 0.0


def machine_description() -> dict[str, str]:
    """CPU, cores, memory and system, as far as this platform tells."""
    return {
        "cpu": _cpu_model() or platform.processor() or platform.machine(),
        "cores": str(os.cpu_count()),
        "memory": _memory_gib(),
        "system": platform.platform(),
        "python": platform.python_version(),
    }


def articlex_revision(repo: Path) -> str:
    """Short commit of the working tree, marked when it has uncommitted changes; "" without git."""
    try:
        commit = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return f"{commit} + uncommitted changes in src/" if dirty else commit


def _cpu_model() -> str:
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return ""
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")), "")


def _memory_gib() -> str:
    try:
        return f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 1024 ** 3:.0f} GiB"
    except (ValueError, OSError, AttributeError):
        return "?"


def write_chart(run: Run, path: Path) -> None:
    """F1 against pages per second (log scale), one labelled point per extractor."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=CHART_SIZE_INCHES)
    for row in run.ran:
        is_ours = row.name.startswith(ARTICLEX)
        axes.scatter(row.pages_per_s, row.summary.f1, s=70 if is_ours else 45,
                     color="tab:red" if is_ours else "tab:blue", zorder=3)
        axes.annotate(row.name, (row.pages_per_s, row.summary.f1), textcoords="offset points",
                      xytext=(6, 5), fontsize=9, fontweight="bold" if is_ours else "normal")
    if run.parse_pages_per_s:
        axes.axvline(run.parse_pages_per_s, color="grey", linestyle="--", linewidth=1)
        axes.annotate("lxml parse only", (run.parse_pages_per_s, axes.get_ylim()[0]), rotation=90,
                      textcoords="offset points", xytext=(-11, 4), fontsize=8, color="grey")
    axes.set_xscale("log")
    axes.set_xlabel("pages per second (log scale, higher is faster)")
    axes.set_ylabel("F1 (article body)")
    axes.set_title(f"Article body extraction: {run.corpus_name}, {run.pages} pages")
    axes.grid(True, which="both", alpha=0.3)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=CHART_DPI)
    plt.close(figure)


def write_markdown(run: Run, path: Path) -> None:
    sections = [_intro(run), _setup(run), _results(run), _big_page(run), _method(run), _reproduce(run)]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n\n".join(s for s in sections if s) + "\n", encoding="utf-8")


def _intro(run: Run) -> str:
    return f"""# Body extraction benchmark

How well and how fast articlex finds the article text of a page, next to the libraries people
use for the same job, all run by one script in one process on the same pages. This file is
written by `benchmarks/bench_body.py`; the figures are a snapshot of the run below, not a
promise: rerun the script after a change rather than editing them.

Run of {run.started:%Y-%m-%d %H:%M} with `{run.command}`."""


def _setup(run: Run) -> str:
    machine = run.machine
    versions = ", ".join(f"{name} {version}" for name, version in run.versions.items())
    notes = "".join(f"\n- {note}" for note in run.notes)
    return f"""## Set-up

- Corpus: `{run.corpus_name}` ({run.corpus_layout} layout), {run.pages} pages,
  {run.corpus_bytes / MIB:.1f} MiB of HTML, all loaded and decoded before any timing.
- Machine: {machine['cpu']}, {machine['cores']} cores, {machine['memory']}, {machine['system']}.
- Python {machine['python']}; {versions}.
- Timing: {run.repeat} round(s) of one pass per extractor over every page, after a warm-up;
  medians reported.{notes}"""


def _results(run: Run) -> str:
    header = ("| extractor | F1 | ± | precision | recall | accuracy | pages/s | time / lxml parse "
              "| import MiB | peak MiB | errors | empty |\n"
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    lines = [header, *(_table_line(row) for row in run.ran)]
    if run.parse_pages_per_s:
        lines.append(f"| *lxml parse only* | | | | | | {run.parse_pages_per_s:.0f} | 1 | | | | |")
    missing = [f"- {row.name}: {row.unavailable}" for row in run.rows if row.unavailable]
    skipped = "\n\nNot measured:\n\n" + "\n".join(missing) if missing else ""
    chart = f"\n\n![F1 against pages per second]({run.chart})" if run.chart else ""
    return f"""## Results

{chr(10).join(lines)}

Columns: F1, precision, recall and accuracy as defined below, with ± the standard deviation
of F1 over bootstrap resamples of the pages (a gap smaller than that is within what the
choice of pages alone could produce); pages/s over the whole corpus; time / lxml parse is the
extraction time divided by the time `lxml.html.document_fromstring` takes to build the tree
of the same pages, measured in the same passes (the figure to compare across machines);
import MiB and peak MiB are the growth of peak memory when importing the extractor and during
the pass over all pages; errors counts pages on which the extractor raised, empty the pages
where it returned no text.{skipped}{chart}"""


def _table_line(row: Row) -> str:
    s, memory = row.summary, row.memory
    name = f"**{row.name}** {row.version}" if row.name.startswith(ARTICLEX) else f"{row.name} {row.version}"
    spread = f"{row.f1_std:.3f}" if row.f1_std is not None else ""
    memory_cells = (f"{memory.import_mib:.0f} | {memory.extraction_mib:.0f}" if memory else "n/a | n/a")
    return (f"| {name} | {s.f1:.3f} | {spread} | {s.precision:.3f} | {s.recall:.3f} | {s.accuracy:.3f} "
            f"| {row.pages_per_s:.1f} | {row.parse_ratio:.1f} | {memory_cells} | {row.errors} | {row.empty} |")


def _big_page(run: Run) -> str:
    result = run.big_page
    if result is None:
        return ""
    if result.error:
        return f"## A {result.page_mib:.0f} MiB page\n\nThe extraction failed: {result.error}."
    ratio = result.growth_mib / result.page_mib
    parse_ratio = result.seconds / result.parse_seconds if result.parse_seconds else 0.0
    verdict = "within" if ratio < MEMORY_TARGET_RATIO else "over"
    return f"""## A {result.page_mib:.0f} MiB page

A generated live-blog page (`benchmarks/bigpage.py`: head with styles and scripts, mega-menu,
sidebar, comments, footer, and {result.paragraphs:,} article paragraphs with links, subheadings,
figures, quotes and ad slots between them), handed to `articlex.extract()` as UTF-8 bytes in
a fresh process.

| page | extract() time | time / lxml parse | peak memory over an import-only process | of which extract() alone | body words / article words |
|---:|---:|---:|---:|---:|---:|
| {result.page_mib:.1f} MiB | {result.seconds:.1f} s | {parse_ratio:.0f} | {result.growth_mib:.0f} MiB = **{ratio:.2f} x** the page | {result.extraction_growth_mib:.0f} MiB | {result.body_words:,} / {result.article_words:,} |

Target: under {MEMORY_TARGET_RATIO} x the page size; this run is **{verdict}** it. The first
memory figure is the measuring process's peak minus the peak of a process that only imported
articlex: the page held in memory plus everything `extract()` needed. The second is how far
the peak rose above the resident size during the `extract()` call alone. The time is also
given as a multiple of the time lxml takes to parse the same bytes in the same process. The
word counts check that the body really is the article."""


def _method(run: Run) -> str:
    return """## How the figures are made

- **Metric**: the one of the Scrapinghub (Zyte) article extraction benchmark. Texts are cut
  into `\\w+` tokens and the tokens into overlapping shingles of four; per page, precision is
  the share of extracted shingles found in the expected body, recall the share of expected
  shingles found in the extraction (multiset counts). Precision is averaged over pages where
  the extractor returned text, recall over pages with an expected body, and F1 is the
  harmonic mean of those two averages. Accuracy is the share of pages whose token list is
  exactly the expected one.
- **Settings**: every extractor runs with its documented defaults for main text, comments
  left out (trafilatura `include_comments=False`, resiliparse `main_content=True,
  comments=False`), on the decoded `str` of the page; readability-lxml's HTML output is
  turned into visible text; newspaper4k gets the page's URL and the HTML, and downloads
  nothing. Nothing is tuned on this corpus.
- **Speed**: one process runs every extractor over pages already in memory. Each extractor
  first warms up on three pages. Then come the rounds: in each, every extractor makes one
  pass over all pages in turn, so that a slow spell of the machine does not fall on one
  extractor only. A pass times the extractor page by page and, right after each page,
  `lxml.html.document_fromstring` on the same page, so both see the same load. Times are
  CPU time of the process (`time.process_time`), so the other programs of a shared machine
  are not counted. Pages per second come from the median pass time; the ratio to parse time
  is the median of the passes' ratios: compare extractors by the ratio, and read pages per
  second as an order of magnitude.
- **articlex rows**: the anchors find the body and nothing else, so the `articlex` row asks
  for the body alone (`extract(html, fields=("body",))`, which reads the title too, as the
  body needs it); the `articlex-all` row computes every field (the default), for what the
  whole split costs. Both give the same body.
- **Memory**: each extractor then runs once more over all pages in a fresh child process
  (`multiprocessing`, `spawn`), which reads its own peak resident set size before and after
  importing the extractor, and before and after the pass (the corpus already loaded). The
  peak is `VmHWM` from `/proc/self/status`, reset to the current resident size before each
  measured step through `/proc/self/clear_refs`; elsewhere than Linux it is
  `getrusage().ru_maxrss`. (On Linux `ru_maxrss` cannot isolate a child: started by fork +
  exec, the child inherits the parent's peak.) This counts all memory the process was given,
  C libraries included, which tracemalloc would not see. "peak MiB" is thus the largest extra
  memory the extractor needed at any point of the pass, usually on the largest page, plus
  anything it kept from earlier pages."""


def _reproduce(run: Run) -> str:
    return """## How to reproduce

```sh
python3 -m venv ../bench-venv
../bench-venv/bin/pip install -e '.[bench]'
../bench-venv/bin/python benchmarks/bench_body.py            # ../shared/corpus/scrapinghub
../bench-venv/bin/python benchmarks/bench_body.py --corpus DIR --extractors articlex,trafilatura
```

`benchmarks/README.md` lists the options (fewer passes, fewer pages, no memory test, another
corpus folder)."""
