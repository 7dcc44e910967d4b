"""View and comment counts displayed near the article header."""

from __future__ import annotations

import re

from lxml import etree

from ..lexicon import Cues, cues
from ..model import Counters
from ..page import Page, TextBlock
from ..selectors import COMMENTS, VIEWS, Rule
from ..text import looks_like_date, parse_count, word_count

__all__ = ["find_counters"]

_BARE_NUMBER = re.compile(r"^\d[\d.,\s\u00a0\u202f]*[^\W\d]{0,4}\.?$")
HEADER_REACH = 3
"""Counters may sit this many blocks above the title (a meta bar printed before the headline)."""
MAX_COUNTER_WORDS = 5
_SHOWN_TEXT = etree.XPath(".//text()[not(ancestor::style) and not(ancestor::script) and not(ancestor::noscript)]")
"""The text a box shows: a page builder's <style> inside a counter's box is not part of it."""


def find_counters(page: Page, title_index: int | None, body_start: int | None) -> Counters:
    """Counters between the title and the first body block (markup first, then cue lines)."""
    low = max(0, (title_index if title_index is not None else (body_start or 0)) - HEADER_REACH)
    high = body_start if body_start is not None else min(len(page.blocks), low + 20)
    lexicon = cues()
    views = comments = None
    if page.is_html:
        views = _from_markup(page, VIEWS, low, high, lexicon, "views")
        comments = _from_markup(page, COMMENTS, low, high, lexicon, "comments")
    header = page.blocks[low:high]
    cue_views, cue_comments = _from_lines(header, lexicon, page.is_html)
    if views is None and comments is None and (cue_views is not None or cue_comments is not None):
        page.note("counters", "cue", header)
    return Counters(views=views if views is not None else cue_views,
                    comments=comments if comments is not None else cue_comments)


def _from_markup(page: Page, rules: tuple[Rule, ...], low: int, high: int, lexicon: Cues, key: str) -> int | None:
    for rule in rules:
        for el in page.index.find(rule):
            position = page.position_of(el)
            if position is not None and low <= position < high:
                value = _count_of(" ".join(" ".join(_SHOWN_TEXT(el)).split()), lexicon, key)
                if value is not None:
                    page.note("counters", "markup", el)
                    return value
    return None


def _count_of(text: str, lexicon: Cues, key: str) -> int | None:
    if word_count(text) > MAX_COUNTER_WORDS or lexicon.contains("reading_time", text):
        return None
    if key == "comments" and lexicon.is_word("no_comments", text):
        return 0
    return parse_count(text, lexicon)


def _from_lines(header: list[TextBlock], lexicon: Cues, is_html: bool) -> tuple[int | None, int | None]:
    """'41 vues', 'Kommentare: 5', 'Nessun commento' anywhere in a header line; in text dumps two
    bare numbers on lines of their own are the views and comments of a tagDiv header."""
    views = comments = None
    bare: list[int] = []
    for block in header:
        text = block.text
        if word_count(text) > MAX_META_WORDS:
            continue
        views = views if views is not None else _labelled(text, "views", lexicon)
        if comments is None and lexicon.contains("no_comments", text):
            comments = 0
        comments = comments if comments is not None else _labelled(text, "comments", lexicon)
        if _BARE_NUMBER.match(text) and not is_html and not looks_like_date(text) \
                and not lexicon.contains("reading_time", text):
            value = parse_count(text, lexicon)
            if value is not None:
                bare.append(value)
    if len(bare) >= 2 and views is None and comments is None:
        # Themes print the pair in either order; an article is read more often than commented.
        views, comments = max(bare[:2]), min(bare[:2])
    elif len(bare) == 1 and comments is None and views is None:
        comments = bare[0]
    return views, comments


MAX_META_WORDS = 30
_NUM = r"(?:\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+(?:[.,]\d+)?)(?!\d)"
_COUNT_BEFORE = re.compile(rf"(?<![\d.,])({_NUM})\s*([^\W\d_]{{1,4}}\.?)?\s*$")
_COUNT_AFTER = re.compile(rf"^\s*[:：]?\s*({_NUM})\s*([^\W\d_]{{1,4}}\.?)?")


def _labelled(text: str, key: str, lexicon: Cues) -> int | None:
    """The count written next to one of the key's words: '512 Visite', 'Просмотров: 2 289'.
    A word followed by a colon labels the number after it; otherwise the number before it counts."""
    for m in lexicon.any_pattern(key).finditer(text):
        after_text = text[m.end():]
        colon = after_text.lstrip().startswith((":", "："))
        before = None if colon else _COUNT_BEFORE.search(text[:m.start()])
        after = _COUNT_AFTER.match(after_text) if colon or not text[:m.start()].strip() else None
        for found in (before, after):
            if found:
                value = parse_count(found.group(0).strip(" :："), lexicon)
                if value is not None:
                    return value
    return None
