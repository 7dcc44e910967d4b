"""The text a reader sees in an HTML tree, one line per block; and html-text dumps of a folder.

Used twice by the benchmark: to turn the expected body of a readability-format corpus
(``expected.html``) into text, and to turn the HTML that readability-lxml returns into text.
Only the order of the words and the breaks between blocks matter to the metric, so the
rendering is deliberately plain: no list bullets, no table layout.

Run as a script, it renders every ``<id>.html`` of a folder to ``<id>.txt`` with the
``html-text`` package (the ``bench`` extra): the second renderer the text dumps of the
labelled pages are checked with (``eval_fields.py --pages OUT --mode txt``)::

    python benchmarks/htmltext.py ../shared/corpus/pages /tmp/htmltext-pages
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import lxml.html

from articlex.loading import decode

__all__ = ["visible_text", "html_to_text", "html_text_dump", "main"]

HIDDEN_TAGS = frozenset({"head", "script", "style", "noscript", "template"})
"""Elements whose content a browser never shows as text."""

BLOCK_TAGS = frozenset("""
    address article aside blockquote br caption center dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr legend li main nav ol
    option p pre section summary table tbody td tfoot th thead tr ul
""".split())
"""Elements that start a new line: without a break there, the last word of one paragraph
and the first of the next would fuse into a single token."""

_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\s*\n\s*")
_OPEN, _CLOSE = "open", "close"


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document or fragment."""
    if not markup.strip():
        return ""
    return visible_text(lxml.html.fromstring(markup))


def visible_text(root) -> str:
    """Visible text under an lxml element, blocks on their own lines, spaces collapsed.

    Walks with an explicit stack, so a deeply nested page cannot exhaust the recursion limit.
    """
    pieces: list[str] = []
    stack = [(root, _OPEN)]
    while stack:
        element, step = stack.pop()
        if step == _CLOSE:
            _close(element, root, pieces)
            continue
        stack.append((element, _CLOSE))
        if not _shows_text(element):
            continue
        if _is_block(element):
            pieces.append("\n")
        pieces.append(element.text or "")
        stack.extend((child, _OPEN) for child in reversed(element))
    return _tidy("".join(pieces))


def _close(element, root, pieces: list[str]) -> None:
    """After an element: its line break if it is a block, then the text that follows it."""
    if _is_block(element):
        pieces.append("\n")
    if element is not root:
        pieces.append(element.tail or "")


def _shows_text(element) -> bool:
    """False for comments, processing instructions and hidden elements (their tail still shows)."""
    return isinstance(element.tag, str) and element.tag.lower() not in HIDDEN_TAGS


def _is_block(element) -> bool:
    return isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS


def _tidy(text: str) -> str:
    """Runs of spaces to one, no blank lines, no spaces at line ends."""
    return _BLANK_LINES.sub("\n", _SPACES.sub(" ", text)).strip()


def html_text_dump(data: bytes) -> str:
    """A page's text as the ``html-text`` package renders it (with its layout guess), the bytes
    decoded as articlex decodes them (BOM, declared charset, UTF-8, detection): a page in
    windows-1250 must not reach the renderer as UTF-8 with replacement characters."""
    import html_text  # the bench extra

    return str(html_text.extract_text(decode(data), guess_layout=True))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Render each <id>.html of a folder to <id>.txt with html-text.")
    ap.add_argument("pages", type=Path, help="folder of <id>.html pages")
    ap.add_argument("out", type=Path, help="folder the <id>.txt dumps are written to (created)")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for page in sorted(args.pages.glob("*.html")):
        (args.out / f"{page.stem}.txt").write_text(html_text_dump(page.read_bytes()), encoding="utf-8")
        count += 1
    print(f"{count} dumps written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
