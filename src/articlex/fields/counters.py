"""View and comment counts displayed near the article header."""

from __future__ import annotations

import re

from ..lexicon import Cues, cues
from ..model import Counters
from ..page import Page, TextBlock
from ..selectors import COMMENTS, VIEWS, Rule
from ..text import parse_count, word_count

__all__ = ["find_counters"]

_BARE_NUMBER = re.compile(r"^\d[\d.,\s\u00a0\u202f]*[^\W\d]{0,4}\.?$")
HEADER_REACH = 3
"""Counters may sit this many blocks above the title (a meta bar printed before the headline)."""
MAX_COUNTER_WORDS = 5


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
    return Counters(views=views if views is not None else cue_views,
                    comments=comments if comments is not None else cue_comments)


def _from_markup(page: Page, rules: tuple[Rule, ...], low: int, high: int, lexicon: Cues, key: str) -> int | None:
    for rule in rules:
        for el in page.index.find(rule):
            position = page.position_of(el)
            if position is not None and low <= position < high:
                value = _count_of(" ".join(" ".join(el.itertext()).split()), lexicon, key)
                if value is not None:
                    return value
    return None


def _count_of(text: str, lexicon: Cues, key: str) -> int | None:
    if word_count(text) > MAX_COUNTER_WORDS or lexicon.contains("reading_time", text):
        return None
    if key == "comments" and lexicon.is_word("no_comments", text):
        return 0
    return parse_count(text, lexicon)


def _from_lines(header: list[TextBlock], lexicon: Cues, is_html: bool) -> tuple[int | None, int | None]:
    """'41 vues', '5 Kommentare', 'Nessun commento'; in text dumps two bare numbers are views, comments."""
    views = comments = None
    bare: list[int] = []
    for block in header:
        text = block.text
        if word_count(text) > MAX_COUNTER_WORDS or lexicon.contains("reading_time", text):
            continue
        if lexicon.is_word("no_comments", text):
            comments = 0 if comments is None else comments
            continue
        value = parse_count(text, lexicon)
        if value is None:
            continue
        if lexicon.contains("views", text):
            views = value if views is None else views
        elif lexicon.contains("comments", text):
            comments = value if comments is None else comments
        elif _BARE_NUMBER.match(text) and not is_html:
            bare.append(value)
    if len(bare) >= 2 and views is None and comments is None:
        views, comments = bare[0], bare[1]
    elif len(bare) == 1 and comments is None:
        comments = bare[0]
    return views, comments
