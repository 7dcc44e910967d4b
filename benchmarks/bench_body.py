#!/usr/bin/env python3
"""Article body benchmark: articlex against the anchors, on one corpus, in one run.

Loads every page of the corpus into memory, then for each extractor in turn (same process):
warm-up, timed passes next to lxml's parse time, scoring against the expected bodies. Each
extractor's peak memory is then measured in a fresh child process, and articlex is run on a
generated 30 MiB page. Writes docs/benchmarks.md and its chart. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from corpora import Corpus, CorpusError, load_corpus
from extractors import NAMES, Extractor, Unavailable, load_extractor, package_version
from memory import MIB, big_page_memory, corpus_memory
from report import Row, Run, articlex_revision, command_line, machine_description, write_chart, write_markdown
from scoring import f1_spread, score_page, summarize, tokens
from timing import TimedRun, timed_passes

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus" / "scrapinghub"
DEFAULT_OUT = REPO_ROOT / "docs" / "benchmarks.md"
DEFAULT_CHART = REPO_ROOT / "docs" / "benchmarks.png"

DEFAULT_REPEAT = 3
"""Three passes: the median then ignores one pass disturbed by the machine, and the slowest
anchors still finish the full scrapinghub corpus in a few minutes on two cores."""

BOOTSTRAP_SAMPLES = 1000
"""Resamples for the F1 spread: enough for a stable second decimal of the deviation."""

BIG_PAGE_MIB = 30
"""The page size the issue names for the memory bound."""


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    try:
        corpus = load_corpus(args.corpus, args.limit)
    except CorpusError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not corpus.pages:
        print(f"error: no pages in {args.corpus}", file=sys.stderr)
        return 2
    started = datetime.now()
    _say(f"{corpus.name}: {len(corpus.pages)} pages, {corpus.html_bytes / MIB:.1f} MiB of HTML")
    rows, per_page = _measure_all(args.extractors, corpus, args.repeat)
    rows = [_with_memory(row, args) for row in rows] if args.memory else rows
    big_page = _big_page(args) if args.big_page else None
    run = _run_record(args, corpus, rows, big_page, started, argv)
    _write_outputs(run, args, per_page)
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None,
                        help=f"corpus folder (default: {DEFAULT_CORPUS}, when it exists)")
    parser.add_argument("--extractors", default=",".join(NAMES),
                        help=f"comma-separated, among {', '.join(NAMES)} (default: all)")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help="timed passes per extractor; the median is reported (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="Markdown report (default: %(default)s)")
    parser.add_argument("--chart", type=Path, default=DEFAULT_CHART, help="PNG chart (default: %(default)s)")
    parser.add_argument("--json", type=Path, default=None, help="also write per-page scores and outputs here")
    parser.add_argument("--memory", action=argparse.BooleanOptionalAction, default=True,
                        help="measure each extractor's peak memory in a child process (default: on)")
    parser.add_argument("--big-page", action=argparse.BooleanOptionalAction, default=True,
                        help=f"run articlex on a generated {BIG_PAGE_MIB} MiB page (default: on)")
    parser.add_argument("--big-page-mib", type=float, default=BIG_PAGE_MIB, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.corpus = _corpus_folder(parser, args.corpus)
    args.extractors = _extractor_names(parser, args.extractors)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def _corpus_folder(parser: argparse.ArgumentParser, given: Path | None) -> Path:
    if given is not None:
        return given
    if DEFAULT_CORPUS.is_dir():
        return DEFAULT_CORPUS
    parser.error(f"no corpus at {DEFAULT_CORPUS}: pass --corpus DIR (a folder with ground-truth.json "
                 "and html/, or readability-style <name>/source.html + expected.html folders)")


def _extractor_names(parser: argparse.ArgumentParser, given: str) -> list[str]:
    names = [name.strip() for name in given.split(",") if name.strip()]
    unknown = [name for name in names if name not in NAMES]
    if unknown or not names:
        parser.error(f"unknown extractor(s) {', '.join(unknown) or '(none given)'}; known: {', '.join(NAMES)}")
    return names


def _measure_all(names: list[str], corpus: Corpus, repeat: int) -> tuple[list[Row], dict[str, list[dict]]]:
    """Time and score every extractor that imports, in this process; the others get a row saying why."""
    extractors, unavailable = [], {}
    for name in names:
        try:
            extractors.append(load_extractor(name))
        except Unavailable as error:
            _say(f"{name}: {error}, skipped")
            unavailable[name] = str(error)
    timed = timed_passes(extractors, corpus.pages, repeat, progress=_say)
    rows, per_page = {name: Row(name, unavailable=reason) for name, reason in unavailable.items()}, {}
    for extractor in extractors:
        rows[extractor.name], per_page[extractor.name] = _scored(extractor, corpus, timed[extractor.name])
    return [rows[name] for name in names], per_page


def _scored(extractor: Extractor, corpus: Corpus, timed: TimedRun) -> tuple[Row, list[dict]]:
    """The table row and the per-page details of one extractor."""
    scores = [score_page(page.expected, out) for page, out in zip(corpus.pages, timed.outputs)]
    summary = summarize(scores)
    row = Row(extractor.name, extractor.version, summary=summary, f1_std=f1_spread(scores, BOOTSTRAP_SAMPLES),
              pages=len(corpus.pages), errors=len(timed.errors),
              empty=sum(1 for out in timed.outputs if not tokens(out)),
              extract_s=timed.extract_s, parse_s=timed.parse_s, parse_ratio=timed.parse_ratio)
    _say(f"{row.name}: F1 {summary.f1:.3f} P {summary.precision:.3f} R {summary.recall:.3f} "
         f"acc {summary.accuracy:.3f}, {row.pages_per_s:.1f} pages/s, {row.parse_ratio:.1f} x lxml parse, "
         f"{row.errors} errors")
    per_page = [{"id": page.id, "precision": score.precision, "recall": score.recall, "exact": score.exact,
                 "error": timed.errors.get(page.id), "body": out}
                for page, score, out in zip(corpus.pages, scores, timed.outputs)]
    return row, per_page


def _with_memory(row: Row, args: argparse.Namespace) -> Row:
    if row.unavailable:
        return row
    memory = corpus_memory(row.name, args.corpus, args.limit)
    if memory:
        _say(f"{row.name}: import +{memory.import_mib:.0f} MiB, pass peak +{memory.extraction_mib:.0f} MiB")
    return replace(row, memory=memory)


def _big_page(args: argparse.Namespace):
    result = big_page_memory(int(args.big_page_mib * MIB))
    if result.error:
        _say(f"big page: {result.error}")
    else:
        _say(f"big page: {result.page_mib:.1f} MiB in {result.seconds:.1f} s "
             f"(lxml parse {result.parse_seconds:.2f} s), peak +{result.growth_mib:.0f} MiB "
             f"({result.growth_mib / result.page_mib:.1f} x the page), extract() alone +{result.extraction_growth_mib:.0f} MiB")
    return result


def _run_record(args, corpus: Corpus, rows: list[Row], big_page, started: datetime, argv) -> Run:
    versions = {"lxml": package_version("lxml")}
    versions.update({row.name: row.version for row in rows if not row.unavailable})
    revision = articlex_revision(REPO_ROOT)
    notes = [f"articlex revision: `{revision}`."] if revision else []
    chart = _chart_link(args) if any(not row.unavailable for row in rows) else None
    return Run(started=started, command=_command_line(argv), corpus_name=corpus.name,
               corpus_layout=corpus.layout, pages=len(corpus.pages), corpus_bytes=corpus.html_bytes,
               repeat=args.repeat, rows=rows, versions=versions, machine=machine_description(),
               big_page=big_page, chart=chart, notes=notes)


def _chart_link(args: argparse.Namespace) -> str:
    """The chart's path as the Markdown file must write it: relative to the Markdown file."""
    return Path(os.path.relpath(args.chart.resolve(), args.out.resolve().parent)).as_posix()


def _command_line(argv: list[str] | None) -> str:
    return command_line("benchmarks/bench_body.py", sys.argv[1:] if argv is None else argv, REPO_ROOT)


def _write_outputs(run: Run, args: argparse.Namespace, per_page: dict) -> None:
    if run.chart:
        try:
            write_chart(run, args.chart)
            _say(f"wrote {args.chart}")
        except ImportError:
            _say("matplotlib is not installed: no chart (pip install -e '.[bench]')")
            run = replace(run, chart=None)
    write_markdown(run, args.out)
    _say(f"wrote {args.out}")
    if args.json:
        args.json.write_text(json.dumps(per_page, ensure_ascii=False, indent=1), encoding="utf-8")
        _say(f"wrote {args.json}")


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
