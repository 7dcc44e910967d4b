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

from .api import extract
from .errors import ArticlexError, FetchError

__all__ = ["main", "explain", "SUBCOMMANDS"]

log = logging.getLogger(__name__)

EXPLAIN_WIDTH = 100
LOG_LEVELS = (logging.WARNING, logging.INFO, logging.DEBUG)
"""The log level by how many -v were given."""


def _version() -> str:
    from . import __version__

    return f"articlex {__version__}"


def _is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))


def _article(target: str, args):
    log.info("extracting %s", "standard input" if target == "-" else target)
    if target == "-":
        return extract(sys.stdin.buffer.read(), url=args.url, language=args.language)
    if _is_url(target):
        from .fetch import extract_url

        return extract_url(target, language=args.language)
    with open(target, "rb") as fh:
        return extract(fh.read(), url=args.url, language=args.language)


def _render(article, fmt: str, one: bool) -> str:
    if fmt == "text":
        return article.to_text()
    if fmt == "markdown":
        return article.to_markdown()
    return article.to_json(indent=2) if one else article.to_json()  # JSON Lines for several inputs


def explain(article) -> str:
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


def _extract_run(args, parser: argparse.ArgumentParser) -> int:
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


def _batch_run(args, parser: argparse.ArgumentParser) -> int:
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


SUBCOMMANDS = {
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
