"""``articlex FILE|-|URL ... [--format json|text|markdown]``: a thin shell over ``extract()``."""

from __future__ import annotations

import argparse
import sys

from .api import extract
from .errors import ArticlexError

__all__ = ["main"]


def _read(target: str) -> tuple[bytes, str | None]:
    if target == "-":
        return sys.stdin.buffer.read(), None
    if target.startswith(("http://", "https://")):
        from .fetch import fetch

        return fetch(target), target
    with open(target, "rb") as fh:
        return fh.read(), None


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


EXPLAIN_WIDTH = 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="articlex", description="Split news pages into their parts.")
    parser.add_argument("inputs", nargs="+", metavar="FILE|-|URL", help="HTML or text files, - for stdin, or URLs")
    parser.add_argument("--format", choices=("json", "text", "markdown"), default="json")
    parser.add_argument("--url", help="the page's URL, a base for relative links (one input)")
    parser.add_argument("--language", help="ISO 639-1 code that overrides detection")
    parser.add_argument("--explain", action="store_true",
                        help="print where each field came from (strategy, confidence, path) instead of JSON")
    args = parser.parse_args(argv)
    out = sys.stdout
    status = 0
    for target in args.inputs:
        try:
            data, fetched_url = _read(target)
            article = extract(data, url=args.url or fetched_url, language=args.language)
        except (ArticlexError, OSError, ValueError) as exc:  # ValueError: an option such as --language
            print(f"articlex: {target}: {exc}", file=sys.stderr)
            status = 1
            continue
        text = explain(article) if args.explain else _render(article, args.format, one=len(args.inputs) == 1)
        if args.format != "json" and len(args.inputs) > 1:
            text += "\n"
        out.buffer.write((text + "\n").encode("utf-8")) if hasattr(out, "buffer") else out.write(text + "\n")
    return status
