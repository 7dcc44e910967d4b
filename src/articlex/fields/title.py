"""The headline as shown: an ``<h1>`` confirmed by the page's metadata, or a cue in a text dump."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import fold
from ..page import HEADINGS, Page, TextBlock
from ..text import is_prose, looks_like_date, word_count
from .metadata import article_objects

__all__ = ["Title", "find_title", "strip_site_name"]

_SEPARATORS = re.compile(r"\s+[|\-–—:»·•/]\s+|\s+[|»·•]\s*")
TITLE_WINDOW = 12
"""How many lines before the first paragraph a text dump's title may sit (header, counters, byline)."""
MIN_TITLE_WORDS = 2


@dataclass(frozen=True)
class Title:
    text: str | None
    index: int | None = None
    """The title's block in the stream (None when it came from metadata only)."""
    crumb_line: int | None = None
    """In a text dump, the block holding breadcrumb + title on one line."""


def find_title(page: Page, site: str | None) -> Title:
    if page.is_html:
        return _from_headings(page, site) or Title(_from_metadata(page, site))
    return _from_lines(page.blocks)


def _references(page: Page, site: str | None) -> list[str]:
    refs = [page.meta.get("og:title"), page.meta.get("twitter:title")]
    refs += [o.get("headline") for o in article_objects(page) if isinstance(o.get("headline"), str)]
    title_el = next(page.root.iter("title"), None)
    if title_el is not None and title_el.text:
        refs += [" ".join(title_el.text.split()), strip_site_name(title_el.text, site)]
    return [fold(r) for r in refs if r and r.strip()]


def _from_headings(page: Page, site: str | None) -> Title | None:
    refs = _references(page, site)
    headings = [b for b in page.blocks if b.tag in HEADINGS and word_count(b.text) >= MIN_TITLE_WORDS]
    h1s = [b for b in headings if b.tag == "h1"]
    for group in (h1s, headings):
        for block in group:
            text = _matching_part(block, refs)
            if text:
                return Title(text, block.index)
    if h1s:
        block = max(h1s, key=lambda b: len(b.text)) if len(h1s) > 1 and not refs else h1s[0]
        return Title(block.text, block.index)
    return None


def _matching_part(block: TextBlock, refs: list[str]) -> str | None:
    """The heading's text when metadata confirms it; a kicker before the headline is cut off."""
    text = fold(block.text)
    for ref in refs:
        if text == ref or (len(text) > 12 and ref.startswith(text)):
            return block.text
    for ref in refs:
        if len(ref) > 12 and text.endswith(ref) and len(ref) >= len(text) / 2:
            return block.text[len(block.text) - len(ref):].strip()
    return None


def _from_metadata(page: Page, site: str | None) -> str | None:
    for obj in article_objects(page):
        if isinstance(obj.get("headline"), str) and obj["headline"].strip():
            return " ".join(obj["headline"].split())
    if page.meta.get("og:title"):
        return strip_site_name(page.meta["og:title"], site)
    title_el = next(page.root.iter("title"), None)
    if title_el is not None and title_el.text and title_el.text.strip():
        return strip_site_name(title_el.text, site)
    return None


def strip_site_name(title: str, site: str | None) -> str:
    """``Headline | Site`` -> ``Headline``: a part is dropped only when it is the site's name."""
    title = " ".join(title.split())
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site_key = fold(site or "")
    kept = [p for p in parts if not site_key or (fold(p) != site_key and site_key not in fold(p))]
    if site_key and kept and len(kept) < len(parts):
        return _rejoin(title, kept)
    # Without a known site name, the shorter end part is the site's only when it is short.
    if word_count(parts[-1]) <= 3 and len(parts[-1]) < len(parts[0]):
        return _rejoin(title, parts[:-1])
    return title


def _rejoin(title: str, parts: list[str]) -> str:
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else parts[0]


def _from_lines(blocks: list[TextBlock]) -> Title:
    start = first_prose(blocks)
    if start is None:
        return Title(None)
    low = max(0, start - TITLE_WINDOW)
    window = blocks[low:start]
    for j in range(len(window) - 1, -1, -1):
        line = window[j]
        if word_count(line.text) < MIN_TITLE_WORDS:
            continue
        key = fold(line.text)
        for i in range(j - 1, max(-1, j - TITLE_WINDOW), -1):
            earlier = fold(window[i].text)
            if earlier == key or (earlier.endswith(" " + key) and len(key) > 12):
                crumb = window[i].index if earlier != key else None
                return Title(line.text, line.index, crumb)
    for line in reversed(window):
        if _headline_like(line.text):
            return Title(line.text, line.index)
    return Title(None)


def _headline_like(text: str) -> bool:
    n = word_count(text)
    return 3 <= n <= 40 and not looks_like_date(text) and not text.rstrip().endswith((".", ":", ","))


def first_prose(blocks: list[TextBlock]) -> int | None:
    """The start of the longest run of prose: where a text dump's article most likely begins."""
    best, best_start, run, run_start = 0.0, None, 0.0, None
    for i, block in enumerate(blocks):
        gain = len(block.text) if is_prose(block.text) else -min(len(block.text), 40) - 10
        if run <= 0:
            run, run_start = 0.0, None
        if gain > 0 and run_start is None:
            run_start = i
        if run_start is not None:
            run += gain
        if run > best:
            best, best_start = run, run_start
    return best_start
