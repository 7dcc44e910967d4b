#!/usr/bin/env python3
"""WCXB benchmark: articlex against the anchors on pages of seven kinds, in one run.

Loads the WCXB development split into memory with ``../shared/tools/eval_wcxb.py``'s loader,
times every extractor in interleaved rounds next to lxml's parse time (CPU time), scores the
outputs with that tool's functions, and writes the WCXB section of docs/benchmarks.md (the
ScrapingHub part of the file is left as it is). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

from corpora import Page
from extractors import NAMES, Unavailable, load_extractor, package_version
from report import articlex_revision, command_line, machine_description, write_section
from timing import timed_passes
from wcxb import WcxbError, WcxbRow, WcxbRun, load_pages, load_tool, score, section

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "wcxb-dev"
DEFAULT_TOOLS = SHARED / "tools"
DEFAULT_OUT = REPO_ROOT / "docs" / "benchmarks.md"
SCRIPT = "benchmarks/bench_wcxb.py"
SECTION_KEY = "wcxb"

DEFAULT_EXTRACTORS = ("articlex", "trafilatura", "readability-lxml")
"""articlex (body alone) and the two anchors that install with the light part of the bench
extra; the others can be named with --extractors."""

DEFAULT_REPEAT = 3
"""Three rounds: the median then ignores one round disturbed by the machine."""


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    try:
        tool = load_tool(args.tools)
        pages = load_pages(tool, args.corpus, args.limit)
    except (WcxbError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if not pages:
        print(f"error: no pages in {args.corpus}", file=sys.stderr)
        return 2
    started = datetime.now()
    corpus_bytes = sum(len(p.page.html.encode("utf-8")) for p in pages)
    _say(f"{args.corpus.name}: {len(pages)} pages, {corpus_bytes / 2 ** 20:.1f} MiB of HTML")
    rows, details = _measure_all(tool, args.extractors, pages, args.repeat)
    run = WcxbRun(started=started, command=_command(argv), revision=articlex_revision(REPO_ROOT),
                  corpus=args.corpus.name, pages=len(pages), corpus_bytes=corpus_bytes, repeat=args.repeat,
                  rows=rows, versions=_versions(rows), machine=machine_description())
    write_section(args.out, SECTION_KEY, SCRIPT, section(run))
    _say(f"wrote the WCXB section of {args.out}")
    if args.json:
        args.json.write_text(json.dumps(details, ensure_ascii=False, indent=1), encoding="utf-8")
        _say(f"wrote {args.json}")
    return 0


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="WCXB folder (default: %(default)s)")
    parser.add_argument("--tools", type=Path, default=DEFAULT_TOOLS,
                        help="folder holding eval_wcxb.py and eval_body.py (default: %(default)s)")
    parser.add_argument("--extractors", default=",".join(DEFAULT_EXTRACTORS),
                        help=f"comma-separated, among {', '.join(NAMES)} (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help="timed rounds; the median is reported (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (meta.jsonl order)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="Markdown file whose WCXB section is (re)written (default: %(default)s)")
    parser.add_argument("--json", type=Path, default=None, help="also write per-page scores and outputs here")
    args = parser.parse_args(argv)
    args.extractors = [name.strip() for name in args.extractors.split(",") if name.strip()]
    unknown = [name for name in args.extractors if name not in NAMES]
    if unknown or not args.extractors:
        parser.error(f"unknown extractor(s) {', '.join(unknown) or '(none given)'}; known: {', '.join(NAMES)}")
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def _measure_all(tool, names: list[str], pages, repeat: int) -> tuple[list[WcxbRow], dict[str, list[dict]]]:
    """Time every extractor that imports, in this process, then score it; the others get a row saying why."""
    extractors, rows, details = [], {}, {}
    for name in names:
        try:
            extractors.append(load_extractor(name))
        except Unavailable as error:
            _say(f"{name}: {error}, skipped")
            rows[name] = WcxbRow(name, unavailable=str(error))
    plain: list[Page] = [p.page for p in pages]
    timed = timed_passes(extractors, plain, repeat, progress=_say)
    for extractor in extractors:
        row, details[extractor.name] = score(tool, extractor.name, extractor.version, pages, timed[extractor.name])
        s = row.overall
        _say(f"{row.name}: F1 {s.f1:.3f} P {s.precision:.3f} R {s.recall:.3f} wordF1 {s.word_f1:.3f} "
             f"empty {s.empty}, {row.pages_per_s:.1f} pages/s, {row.parse_ratio:.1f} x lxml parse")
        rows[extractor.name] = row
    return [rows[name] for name in names], details


def _versions(rows: list[WcxbRow]) -> dict[str, str]:
    versions = {"lxml": package_version("lxml")}
    versions.update({row.name: row.version for row in rows if not row.unavailable})
    return versions


def _command(argv: list[str] | None) -> str:
    return command_line(SCRIPT, sys.argv[1:] if argv is None else argv, REPO_ROOT)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
