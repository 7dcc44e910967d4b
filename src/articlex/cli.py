"""The ``articlex`` command: a thin shell over ``extract()`` and its subcommands.

``articlex FILE|-|URL ...`` extracts pages (JSON, JSON Lines for several, text or Markdown);
``articlex batch INPUT... --out FILE`` runs many documents through a pool of workers (see
:mod:`articlex.batch`). Each subcommand is a ``(add_arguments, run)`` pair in ``SUBCOMMANDS``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable

from .api import extract
from .errors import ArticlexError, FetchError
from .model import Article

__all__ = ["main", "explain", "SUBCOMMANDS"]

log = logging.getLogger(__name__)

EXPLAIN_WIDTH = 100
LOG_LEVELS = (logging.WARNING, logging.INFO, logging.DEBUG)
"""The log level by how many -v were given."""


def _version() -> str:
    """The version, and which block walk runs: the compiled one or the Python one."""
    from . import __version__
    from .page import WALK

    return f"articlex {__version__} (block walk: {WALK})"


def _is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _read(target: str) -> tuple[str | bytes, str | None]:
    """The document named on the command line, and its URL (after redirects) when it was fetched."""
    log.info("reading %s", "standard input" if target == "-" else target)
    if target == "-":
        return sys.stdin.buffer.read(), None
    if _is_url(target):
        from .fetch import fetch

        page = fetch(target)
        return page.document(), page.url
    with open(target, "rb") as fh:
        return fh.read(), None


def _article(target: str, args: argparse.Namespace) -> Article:
    data, fetched_url = _read(target)
    return extract(data, url=fetched_url or args.url, language=args.language)


def _render(article: Article, fmt: str, one: bool) -> str:
    if fmt == "text":
        return article.to_text()
    if fmt == "markdown":
        return article.to_markdown()
    return article.to_json(indent=2) if one else article.to_json()  # JSON Lines for several inputs


def explain(article: Article) -> str:
    """One line a field: name, strategy, confidence, where in the page, and the value, shortened."""
    rows = []
    for name, prov in article.provenance.items():
        value = getattr(article, name)
        shown = value.text if hasattr(value, "text") else value
        shown = " ".join(str(shown).split())
        shown = shown if len(shown) <= EXPLAIN_WIDTH else shown[:EXPLAIN_WIDTH - 1] + "…"
        rows.append(f"{name:<14} {prov.strategy:<9} {prov.confidence:4.2f}  {prov.path or '-'}\n{'':<30}{shown}")
    return "\n".join(rows)


# --- articlex FILE ... --------------------------------------------------------------------------

def _extract_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="FILE|-|URL", help="HTML or text files, - for stdin, or URLs")
    parser.add_argument("--format", choices=("json", "text", "markdown"), default="json")
    parser.add_argument("--url", help="the page's URL, a base for relative links (one input only)")
    parser.add_argument("--language", help="ISO 639-1 code that overrides detection")
    parser.add_argument("--explain", action="store_true",
                        help="print where each field came from (strategy, confidence, path) instead of JSON")


def _extract_run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    several = len(args.inputs) > 1
    if args.url and several:
        parser.error("--url gives the base URL of one page: give one input with it")
    status = 0
    for target in args.inputs:
        try:
            article = _article(target, args)
        except FetchError as exc:  # its message names the URL
            print(f"articlex: {exc}", file=sys.stderr)
            status = 1
            continue
        except (ArticlexError, OSError, ValueError) as exc:
            print(f"articlex: {target}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.explain:
            text = (f"==> {target} <==\n" if several else "") + explain(article) + ("\n" if several else "")
        else:
            text = _render(article, args.format, one=not several)
            if args.format != "json" and several:
                text += "\n"
        _write(text + "\n")
    return status


def _write(text: str) -> None:
    out = sys.stdout
    if hasattr(out, "buffer"):
        out.buffer.write(text.encode("utf-8"))
        out.flush()
    else:
        out.write(text)


# --- articlex batch ... -------------------------------------------------------------------------

def _batch_arguments(parser: argparse.ArgumentParser) -> None:
    from .batch import TIMEOUT

    parser.add_argument("inputs", nargs="*", metavar="INPUT",
                        help="files, folders (their .html/.htm/.xhtml/.txt files), URLs, .warc or .warc.gz files")
    parser.add_argument("--urls", action="append", default=[], metavar="FILE",
                        help="a file of URLs, one a line (# comments); may be repeated; read after INPUTs")
    parser.add_argument("--out", "-o", required=True, metavar="FILE",
                        help="where rows go: FILE.parquet for Parquet, else JSON Lines; a re-run skips what is done")
    parser.add_argument("--workers", "-w", type=int, default=1, metavar="N",
                        help="worker processes (default 1; 0 runs in this process without the time limit)")
    parser.add_argument("--timeout", type=float, default=TIMEOUT, metavar="S",
                        help=f"seconds a worker may spend on one document before it is killed (default {TIMEOUT:g})")
    parser.add_argument("--fields", metavar="A,B", help="the Article fields to keep (url is always kept)")
    parser.add_argument("--no-provenance", action="store_true", help="leave the provenance map out")
    parser.add_argument("--language", help="ISO 639-1 code that overrides detection")
    parser.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                        help="show a progress bar (default: only on a terminal)")


def _batch_run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from dataclasses import fields

    from .batch import read_url_list, run_batch
    from .model import Article

    names = {f.name for f in fields(Article)}
    chosen = [f.strip() for f in args.fields.split(",") if f.strip()] if args.fields else None
    unknown = sorted(set(chosen or ()) - names)
    if unknown:
        parser.error(f"--fields: no such field {', '.join(unknown)} (fields: {', '.join(sorted(names))})")
    if args.workers < 0:
        parser.error("--workers takes 0 or more")
    try:
        inputs = list(args.inputs) + [url for path in args.urls for url in read_url_list(path)]
    except OSError as exc:
        parser.error(f"--urls: {exc}")
    if not inputs:
        parser.error("give at least one INPUT or --urls FILE")
    options = {"language": args.language} if args.language else {}
    try:
        summary = run_batch(inputs, args.out, workers=args.workers, timeout=args.timeout, fields=chosen,
                            provenance=not args.no_provenance, progress=args.progress, **options)
    except (ArticlexError, ImportError, OSError) as exc:
        print(f"articlex batch: {exc}", file=sys.stderr)
        return 1
    print(f"articlex batch: {summary.line()} -> {args.out}", file=sys.stderr)
    return 0


SUBCOMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None],
                             Callable[[argparse.Namespace, argparse.ArgumentParser], int]]] = {
    "batch": ("run many documents through worker processes, rows to JSON Lines or Parquet",
              _batch_arguments, _batch_run),
}
"""name -> (help, add_arguments(parser), run(args, parser) -> exit status)."""


# --- main -----------------------------------------------------------------------------------------

def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description=description)
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("-v", "--verbose", action="count", default=0, help="log what happens (-vv: more)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["snapshot"]:
        return snapshot_main(argv[1:])
    if argv[:1] == ["inspect"]:
        return inspect(argv[1:])
    if argv and argv[0] in SUBCOMMANDS:
        help_text, add_arguments, run = SUBCOMMANDS[argv[0]]
        parser = _parser(f"articlex {argv[0]}", help_text)
        argv = argv[1:]
    else:
        commands = "; ".join(f"'articlex {name} -h': {text}" for name, (text, _, _) in SUBCOMMANDS.items())
        parser = _parser("articlex", f"Split news pages into their parts. Subcommands: {commands}.")
        add_arguments, run = _extract_arguments, _extract_run
    add_arguments(parser)
    args = parser.parse_args(argv)
    logging.basicConfig(level=LOG_LEVELS[min(args.verbose, len(LOG_LEVELS) - 1)],
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return run(args, parser)
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except KeyboardInterrupt:
        return 130


def _quiet_broken_pipe() -> int:
    """The reader left (``| head -1``): stop without a traceback, including at exit's flush."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


def snapshot_main(argv: list[str]) -> int:
    """``articlex snapshot PAGE... [--update]``: compare saved pages with their golden files."""
    from .snapshot import SnapshotError, Tolerance, check

    parser = argparse.ArgumentParser(
        prog="articlex snapshot",
        description="Compare what articlex extracts from saved pages with their golden files "
                    "(<page>.articlex.json beside each page; written when missing). Exit status 1 on any difference.")
    parser.add_argument("pages", nargs="+", metavar="PAGE", help="saved HTML or text pages")
    parser.add_argument("--update", action="store_true", help="rewrite the fields that changed, after review")
    parser.add_argument("--ignore", action="append", default=[], metavar="FIELD", help="a field not to compare (repeatable)")
    parser.add_argument("--body-similarity", type=float, metavar="RATIO",
                        help="the body matches when its words are this similar, in (0, 1] (default: exact)")
    parser.add_argument("--url", help="the pages' base URL for relative links")
    parser.add_argument("--language", help="ISO 639-1 code that overrides detection")
    args = parser.parse_args(argv)
    try:
        tolerance = Tolerance(ignore=frozenset(args.ignore), body_similarity=args.body_similarity)
    except ValueError as exc:
        parser.error(str(exc))
    status = 0
    for page in args.pages:
        try:
            result = check(page, tolerance=tolerance, update=args.update, create=True,
                           url=args.url, language=args.language)
        except SnapshotError as exc:
            print(f"articlex snapshot: {exc}", file=sys.stderr)
            status = 1
            continue
        status = max(status, int(result.failed))
        _write_utf8(result.report + "\n")
    return status


def _write_utf8(text: str) -> None:
    out = sys.stdout
    out.buffer.write(text.encode("utf-8")) if hasattr(out, "buffer") else out.write(text)


def inspect(argv: list[str]) -> int:
    """``articlex inspect PAGE|URL -o view.html``: the page with each field outlined (articlex.view)."""
    from pathlib import Path

    from .view import render

    parser = argparse.ArgumentParser(prog="articlex inspect",
                                     description="Write one self-contained HTML file showing the page with "
                                                 "each field outlined and a panel of every field's value.")
    parser.add_argument("input", metavar="PAGE|-|URL", help="an HTML or text file, - for stdin, or a URL")
    parser.add_argument("-o", "--output", default="-", help="the view's file (default: standard output)")
    parser.add_argument("--url", help="the page's URL, a base for relative links")
    parser.add_argument("--language", help="ISO 639-1 code that overrides detection")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="also save a PNG of the view, taken in headless Chromium (needs articlex[browser])")
    args = parser.parse_args(argv)
    if args.screenshot and args.output == "-":
        parser.error("--screenshot needs the view in a file: give -o")
    try:
        data, fetched_url = _read(args.input)
        view = render(data, url=args.url or fetched_url, language=args.language, name=Path(args.input).name
                      if fetched_url is None else fetched_url)
        if args.output == "-":
            sys.stdout.buffer.write(view.encode("utf-8"))
        else:
            Path(args.output).write_text(view, encoding="utf-8")
        if args.screenshot:
            from .view.browser import screenshot

            screenshot(Path(args.output), Path(args.screenshot))
    except (ArticlexError, OSError) as exc:
        print(f"articlex inspect: {args.input}: {exc}", file=sys.stderr)
        return 1
    return 0
