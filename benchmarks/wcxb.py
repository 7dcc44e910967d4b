"""The WCXB benchmark (Web Content eXtraction Benchmark): its pages, its figures and its section
of ``docs/benchmarks.md``.

WCXB's development split holds pages of seven kinds (article, collection, documentation, forum,
listing, product, service), each with the expected main text. The pages are read and scored
by the functions of ``../shared/tools/eval_wcxb.py``, imported rather than copied, so that the
figures here are the ones that tool prints for the same outputs: the shingle F1/P/R of
``eval_body.py``, WCXB's own word F1, the snippet F1 and the empty outputs, overall, per page
type and for all non-article pages together.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from types import ModuleType

from corpora import Page
from memory import MIB
from timing import TimedRun

__all__ = ["WcxbError", "WcxbPage", "Figures", "WcxbRow", "WcxbRun", "load_tool", "load_pages", "score",
           "section"]

ARTICLE = "article"
"""The page type the rest of the split is set against ("non-article")."""

NON_ARTICLE = "all non-article"


class WcxbError(Exception):
    """The shared evaluation tool or the corpus folder cannot be read."""


@dataclass(frozen=True)
class WcxbPage:
    """One page: what the timing needs, and the metadata line the scoring needs."""

    page: Page
    meta: dict
    """The page's line of ``meta.jsonl``: id, url, page_type, title, with/without snippets."""

    @property
    def type(self) -> str:
        return self.meta["page_type"]


@dataclass(frozen=True)
class Figures:
    """eval_wcxb's summary of a set of pages (its ``summarise`` dictionary, typed)."""

    pages: int
    f1: float
    precision: float
    recall: float
    word_f1: float
    snippet_f1: float
    empty: int

    @classmethod
    def from_tool(cls, summary: dict) -> Figures:
        return cls(pages=summary["n"], f1=summary["f1"], precision=summary["p"], recall=summary["r"],
                   word_f1=summary["wf1"], snippet_f1=summary["snip_f1"], empty=summary["empty"])


@dataclass(frozen=True)
class WcxbRow:
    """One extractor over the split."""

    name: str
    version: str = ""
    unavailable: str | None = None
    """Why the extractor did not run; None when it ran."""
    overall: Figures | None = None
    f1_std: float | None = None
    """Bootstrap standard deviation of the overall F1, as eval_wcxb computes it."""
    by_type: dict[str, Figures] = field(default_factory=dict)
    """Page type -> figures, plus NON_ARTICLE for every page that is not an article."""
    errors: int = 0
    extract_s: float = 0.0
    parse_s: float = 0.0
    parse_ratio: float = 0.0

    @property
    def pages_per_s(self) -> float:
        return self.overall.pages / self.extract_s if self.overall and self.extract_s else 0.0


@dataclass(frozen=True)
class WcxbRun:
    """Everything the section reports."""

    started: datetime
    command: str
    revision: str
    corpus: str
    pages: int
    corpus_bytes: int
    repeat: int
    rows: list[WcxbRow]
    versions: dict[str, str]
    machine: dict[str, str]

    @property
    def ran(self) -> list[WcxbRow]:
        return [row for row in self.rows if row.unavailable is None]

    @property
    def types(self) -> list[str]:
        """Page types in the order of the tables: the kinds alphabetically, then NON_ARTICLE."""
        kinds = sorted({kind for row in self.ran for kind in row.by_type} - {NON_ARTICLE})
        return [*kinds, NON_ARTICLE] if kinds else []

    @property
    def parse_pages_per_s(self) -> float:
        seconds = sum(row.parse_s for row in self.ran)
        return sum(row.overall.pages for row in self.ran) / seconds if seconds else 0.0


def load_tool(tools: Path) -> ModuleType:
    """``eval_wcxb`` from the shared tools folder (it imports ``eval_body`` from beside itself)."""
    if not (tools / "eval_wcxb.py").is_file():
        raise WcxbError(f"no eval_wcxb.py in {tools}: pass --tools DIR (the folder of the shared tools)")
    sys.path.insert(0, str(tools))
    try:
        return importlib.import_module("eval_wcxb")
    finally:
        sys.path.remove(str(tools))


def load_pages(tool: ModuleType, folder: Path, limit: int | None) -> list[WcxbPage]:
    """The split's pages in ``meta.jsonl`` order, read by the tool's own loader."""
    if not (folder / "meta.jsonl").is_file():
        raise WcxbError(f"{folder} is not a WCXB folder (no meta.jsonl)")
    return [WcxbPage(Page(id=meta["id"], url=meta.get("url") or "", html=html, expected=truth), meta)
            for meta, html, truth in tool.load(folder, None, limit)]


def score(tool: ModuleType, name: str, version: str, pages: list[WcxbPage],
          timed: TimedRun) -> tuple[WcxbRow, list[dict]]:
    """The extractor's row, and each page's scores (the tool's per-page dictionary) with its output."""
    per_page = [tool.score(page.meta, output, page.page.expected) for page, output in zip(pages, timed.outputs)]
    groups = {kind: [x for x in per_page if x["type"] == kind] for kind in sorted({x["type"] for x in per_page})}
    groups[NON_ARTICLE] = [x for x in per_page if x["type"] != ARTICLE]
    std = tool.EB.bootstrap_std([(x["p"], x["r"], x["exact"]) for x in per_page], tool.BOOTSTRAP)
    row = WcxbRow(name, version, overall=Figures.from_tool(tool.summarise(per_page)), f1_std=std.get("f1"),
                  by_type={kind: Figures.from_tool(tool.summarise(rows)) for kind, rows in groups.items() if rows},
                  errors=len(timed.errors), extract_s=timed.extract_s, parse_s=timed.parse_s,
                  parse_ratio=timed.parse_ratio)
    details = [{**x, "error": timed.errors.get(x["id"]), "output": output}
               for x, output in zip(per_page, timed.outputs)]
    return row, details


def section(run: WcxbRun) -> str:
    """The WCXB section of docs/benchmarks.md."""
    return "\n\n".join(part for part in (_intro(run), _overall(run), _per_type(run), _method(run)) if part)


def _intro(run: WcxbRun) -> str:
    machine = run.machine
    versions = ", ".join(f"{name} {version}" for name, version in run.versions.items())
    revision = f", articlex revision `{run.revision}`" if run.revision else ""
    return f"""## WCXB: seven kinds of page

The ScrapingHub pages above are all news articles, and articlex was tuned on them. WCXB's
development split (`{run.corpus}`, {run.pages} pages, {run.corpus_bytes / MIB:.1f} MiB of HTML)
has articles and six other kinds of page (collection, documentation, forum, listing, product,
service), each with the main text a reader would want. This section is written by
`benchmarks/bench_wcxb.py`.

Run of {run.started:%Y-%m-%d %H:%M}{revision}, with `{run.command}`: {run.repeat} round(s) of
one pass per extractor over every page, after a warm-up, medians reported. Machine:
{machine['cpu']}, {machine['cores']} cores (shared with other work), {machine['memory']};
Python {machine['python']}; {versions}.

**trafilatura was tuned on this split**, so its figures here flatter it a little. articlex's
body work is also checked against this split while it is developed, so neither row is a
measure on unseen pages."""


def _overall(run: WcxbRun) -> str:
    header = ("| extractor | F1 | ± | precision | recall | word F1 | snippet F1 | empty | errors "
              "| pages/s | time / lxml parse |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    lines = [header, *(_overall_line(row) for row in sorted(run.ran, key=lambda r: -r.overall.f1))]
    if run.parse_pages_per_s:
        lines.append(f"| *lxml parse only* | | | | | | | | | {run.parse_pages_per_s:.0f} | 1 |")
    missing = [f"- {row.name}: {row.unavailable}" for row in run.rows if row.unavailable]
    skipped = "\n\nNot measured:\n\n" + "\n".join(missing) if missing else ""
    return f"""### All {run.pages} pages

{chr(10).join(lines)}{skipped}"""


def _overall_line(row: WcxbRow) -> str:
    s = row.overall
    spread = f"{row.f1_std:.3f}" if row.f1_std is not None else ""
    return (f"| {_name(row)} | {s.f1:.3f} | {spread} | {s.precision:.3f} | {s.recall:.3f} | {s.word_f1:.3f} "
            f"| {s.snippet_f1:.3f} | {s.empty} | {row.errors} | {row.pages_per_s:.1f} | {row.parse_ratio:.1f} |")


def _name(row: WcxbRow) -> str:
    return f"**{row.name}** {row.version}" if row.name.startswith("articlex") else f"{row.name} {row.version}"


def _per_type(run: WcxbRun) -> str:
    lines = ["| page type | pages | extractor | F1 | precision | recall | word F1 | empty |",
             "|---|---:|---|---:|---:|---:|---:|---:|"]
    for kind in run.types:
        for row in run.ran:
            s = row.by_type.get(kind)
            if s:
                label = f"**{kind}**" if kind == NON_ARTICLE else kind
                lines.append(f"| {label} | {s.pages} | {_name(row)} | {s.f1:.3f} | {s.precision:.3f} "
                             f"| {s.recall:.3f} | {s.word_f1:.3f} | {s.empty} |")
    return "### Per page type\n\n" + "\n".join(lines)


def _method(run: WcxbRun) -> str:
    return """### How these figures are made

- **Scoring**: by the functions of `../shared/tools/eval_wcxb.py`, imported, so the figures
  are the ones that tool prints. F1, precision and recall are the ScrapingHub metric above
  (four-word shingles; precision averaged over pages with output, recall over pages with an
  expected text, F1 of the two averages), ± its bootstrap standard deviation over 200
  resamples of the pages. Word F1 is WCXB's own metric: the bag of lowercased words, F1 per
  page, averaged over pages (a page whose expected text is empty scores 1 when the output is
  empty too). Snippet F1 counts the page's must-have passages found and its boilerplate
  passages wrongly kept. Empty is the pages with no word in the output (errors included).
- **Extractors**: the same adapters as the ScrapingHub run (`benchmarks/extractors.py`).
  articlex is asked for the body alone, `extract(html, url=url, fields=("body",))`, like the
  anchors, which find nothing else; trafilatura runs with `include_comments=False`;
  readability-lxml's HTML output is turned into visible text.
- **Speed**: as above (`benchmarks/timing.py`): CPU time of the process, each page's
  extraction followed by lxml's parse of the same page, rounds in which every extractor takes
  its turn; pages/s from the median pass, time / lxml parse the median of the passes' ratios.
  The machine is shared and busy: compare the ratios, read pages/s as an order of magnitude.

```sh
../bench-venv/bin/python benchmarks/bench_wcxb.py      # ../shared/corpus/wcxb-dev
```"""
