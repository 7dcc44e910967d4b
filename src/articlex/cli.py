"""``articlex FILE|-|URL ... [--format json|text|markdown]``: a thin shell over ``extract()``."""

from __future__ import annotations

import argparse
import sys

from .api import extract
from .errors import ArticlexError
from .model import Article

__all__ = ["main"]


def _read(target: str) -> tuple[bytes, str | None]:
    if target == "-":
        return sys.stdin.buffer.read(), None
    if target.startswith(("http://", "https://")):
        from .fetch import fetch

        return fetch(target), target
    with open(target, "rb") as fh:
        return fh.read(), None


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


EXPLAIN_WIDTH = 100


def _version() -> str:
    """The version, and which block walk runs: the compiled one or the Python one."""
    from . import __version__
    from .page import WALK

    return f"articlex {__version__} (block walk: {WALK})"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["snapshot"]:
        return snapshot_main(argv[1:])
    if argv[:1] == ["inspect"]:
        return inspect(argv[1:])
    parser = argparse.ArgumentParser(prog="articlex", description="Split news pages into their parts.")
    parser.add_argument("inputs", nargs="+", metavar="FILE|-|URL", help="HTML or text files, - for stdin, or URLs")
    parser.add_argument("--format", choices=("json", "text", "markdown"), default="json")
    parser.add_argument("--url", help="the page's URL, a base for relative links (one input)")
    parser.add_argument("--language", help="ISO 639-1 code that overrides detection")
    parser.add_argument("--explain", action="store_true",
                        help="print where each field came from (strategy, confidence, path) instead of JSON")
    parser.add_argument("--version", action="version", version=_version())
    args = parser.parse_args(argv)
    out = sys.stdout
    status = 0
    for target in args.inputs:
        try:
            data, fetched_url = _read(target)
            article = extract(data, url=args.url or fetched_url, language=args.language)
        except (ArticlexError, OSError) as exc:
            print(f"articlex: {target}: {exc}", file=sys.stderr)
            status = 1
            continue
        text = explain(article) if args.explain else _render(article, args.format, one=len(args.inputs) == 1)
        if args.format != "json" and len(args.inputs) > 1:
            text += "\n"
        out.buffer.write((text + "\n").encode("utf-8")) if hasattr(out, "buffer") else out.write(text + "\n")
    return status


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
