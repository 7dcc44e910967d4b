"""View and comment counts displayed near the article header."""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from ..lexicon import Cues, cues
from ..model import Counters
from ..page import Element, Page, TextBlock
from ..selectors import COMMENTS, OWN_COMMENTS, OWN_VIEWS, VIEWS, Rule
from ..text import date_span, looks_like_date, parse_count, word_count
from .lines import PHRASE_KEYS
from .regions import Regions

__all__ = ["find_counters"]

_BARE_NUMBER = re.compile(r"^(\d[\d.,\s\u00a0\u202f]*?)\s*([^\W\d]{1,4}\.?)?$")
LABELLED_REACH = 8
"""A counter with its label ('1.2k views') may sit this many blocks above the title: a meta bar
printed over the headline, after the category and the date. Bare numbers keep to the region above
the title (``regions.ABOVE_TITLE``)."""
MAX_COUNTER_WORDS = 5
_SHOWN_TEXT = etree.XPath(".//text()[not(ancestor::style) and not(ancestor::script) and not(ancestor::noscript)]")
"""The text a box shows: a page builder's <style> inside a counter's box is not part of it."""


def find_counters(page: Page, regions: Regions) -> Counters:
    """Counters above the title and in the header (markup first, then cue lines)."""
    low, high = regions.above.start, regions.header.stop
    labelled_low = regions.reaching(LABELLED_REACH).start
    lexicon = cues()
    views = comments = None
    if page.is_html:
        views = _first_found(_from_markup(page, OWN_VIEWS, 0, high, lexicon, "views"),
                             lambda: _from_markup(page, VIEWS, low, high, lexicon, "views"))
        comments = _first_found(_from_markup(page, OWN_COMMENTS, 0, high, lexicon, "comments"),
                                lambda: _from_markup(page, COMMENTS, low, high, lexicon, "comments"))
    header = page.blocks[labelled_low:high]
    cue_views, cue_comments = _from_lines(header, lexicon, page.is_html, bare_from=low - labelled_low)
    if views is None and comments is None and (cue_views is not None or cue_comments is not None):
        page.note("counters", "cue", header)
    return Counters(views=views if views is not None else cue_views,
                    comments=comments if comments is not None else cue_comments)


def _from_markup(page: Page, rules: tuple[Rule, ...], low: int, high: int, lexicon: Cues, key: str) -> int | None:
    walks = [MAX_PLACEMENT_WALKS]
    for rule in rules:
        for el in page.index.find(rule):
            position = _shown_at(page, el, walks)
            if position is not None and low <= position < high:
                value = _count_of(" ".join(" ".join(_SHOWN_TEXT(el)).split()), lexicon, key)
                if value is not None:
                    page.note("counters", "markup", el)
                    return value
    return None


def _first_found(value: int | None, otherwise: Callable[[], int | None]) -> int | None:
    """``value``, or what ``otherwise()`` finds when it is None (0 is a count, not a miss)."""
    return value if value is not None else otherwise()


MAX_PLACEMENT_WALKS = 20
"""Counter boxes without a block of their own placed by walking an ancestor, per rule list: a
header has a few; a page with thousands of such boxes is placed by ancestors only (linear time)."""


def _shown_at(page: Page, el: Element, walks: list[int]) -> int | None:
    """Where a counter box's text is printed in the stream: its first block of its own, else the
    first block after it in a near ancestor (a <button> makes no block, and a box without text of
    its own would take a far ancestor's place), else the block around it."""
    inside = page.first_block_in(el)
    if inside is not None:
        return inside
    around = page.position_of(el)
    shown = " ".join(" ".join(_SHOWN_TEXT(el)).split())
    if around is not None and shown and shown in page.blocks[around].text:
        return around  # inline text joined into the block around it
    for depth, anc in enumerate(el.iterancestors()):
        if depth == NEAR_ANCESTORS or walks[0] <= 0:
            break
        walks[0] -= 1
        following = _first_block_after(page, anc, el)
        if following is not None:
            return following
    return around


NEAR_ANCESTORS = 3
"""Levels searched above a counter without a block of its own for the block printed next."""


def _first_block_after(page: Page, anc: Element, el: Element) -> int | None:
    where = {b.element: b.index for b in page.blocks_in(anc)}
    passed = False
    for node in anc.iter():
        if node is el:
            passed = True
        elif passed and node in where:
            return where[node]
    return None


def _count_of(text: str, lexicon: Cues, key: str) -> int | None:
    if word_count(text) > MAX_COUNTER_WORDS or lexicon.contains("reading_time", text):
        return None
    if key == "comments" and lexicon.is_word("no_comments", text):
        return 0
    return parse_count(text, lexicon)


def _from_lines(header: list[TextBlock], lexicon: Cues, is_html: bool,
                bare_from: int = 0) -> tuple[int | None, int | None]:
    """'41 vues', 'Kommentare: 5', 'Nessun commento' anywhere in a header line, or a number over its
    label on the next line ('2.289' / 'letture'); in text dumps, bare numbers on lines of their own
    (from ``bare_from`` on: the lines nearest the title) are a theme's icon counters."""
    views = comments = None
    bare: list[int] = []
    for pos, block in enumerate(header):
        text = block.text
        if word_count(text) > MAX_META_WORDS:
            continue
        views = views if views is not None else _labelled(text, "views", lexicon)
        if comments is None and lexicon.contains("no_comments", text):
            comments = 0
        comments = comments if comments is not None else _labelled(text, "comments", lexicon)
        value = None if is_html else _bare_count(text, lexicon)
        if value is None and not is_html:
            value = _glued_to_date(text)
            if value is not None:
                bare.append(value)
            continue
        if value is None:
            continue
        below = _label_of(header[pos + 1].text, lexicon) if pos + 1 < len(header) else None
        if below is None and pos + 1 < len(header) and _numbers_heading(block, header[pos + 1], lexicon):
            continue  # '1' / 'Consultation': a step's number over its heading
        if below is None and lexicon.contains("reading_time", text):
            below = "views"  # 'views, reading time' is a meta row of its own; comments carry a label
        if below == "views" and views is None:
            views = value
        elif below == "comments" and comments is None:
            comments = value
        elif below is None and pos >= bare_from:
            bare.append(value)
    if views is None and comments is None:
        views, comments = _icon_counts(bare)
    return views, comments


def _bare_count(text: str, lexicon: Cues) -> int | None:
    """The count a line shows alone ('58', '1,2k'), or before a reading time ('184 2 minute read').
    A date, a decimal ('540,91': a price or an index) or a number with another word is not one."""
    text = text.strip()
    reading = lexicon.any_pattern("reading_time").search(text)
    if reading is not None:
        text = _TRAILING_NUMBER.sub("", text[:reading.start()]).strip()
    m = _BARE_NUMBER.match(text)
    if not m or looks_like_date(text):
        return None
    suffix = m.group(2).rstrip(".") if m.group(2) else ""
    if suffix and not lexicon.is_word("thousands", suffix):
        return None  # '1 live', '13 °C': a number with a word that is no multiplier
    if not suffix and _DECIMAL.fullmatch(m.group(1).strip()):
        return None
    return parse_count(text, lexicon)


def _numbers_heading(number: TextBlock, below: TextBlock, lexicon: Cues) -> bool:
    """Whether a bare number set apart on its own is the number of the heading set apart under it
    (a step's or a rank's: '1' / 'Consultation'): a short line of words, no count, date or sentence.
    Icon counts are packed beside each other, the date or the byline."""
    text = below.text
    if not (number.standalone and below.standalone) or _DIGIT.search(text) or not any(ch.isalpha() for ch in text) \
            or word_count(text) > MAX_NUMBERED_WORDS:
        return False
    if lexicon.labels(("byline_prefixes",), text) or lexicon.phrases(PHRASE_KEYS, text):
        return False  # a byline, or a button after the icon counts ('34' / 'Share')
    return not text.rstrip().endswith((".", "!", "?"))


MAX_NUMBERED_WORDS = 8
"""Words of the heading a step's or a rank's number stands over; a longer line is the text."""


def _label_of(text: str, lexicon: Cues) -> str | None:
    """The kind of count a line labels when it is only a label ('letture', 'SHARES', 'Visto', or
    'min read': then the number is a reading time)."""
    for key in ("views", "comments", "share_counts", "reading_time"):
        if lexicon.is_word(key, text):
            return key
    return None


def _icon_counts(bare: list[int]) -> tuple[int | None, int | None]:
    """(views, comments) from bare numbers printed beside icons. Themes print them in either order
    and an article is read more often than commented: the largest is the views, the first of the
    others the comments. A lone number, or only zeros, is the comments (a page shown with no reader
    at all is rare; no comment yet is common; many themes show the comment count alone)."""
    if not bare:
        return None, None
    largest = max(bare)
    if largest == 0 or len(bare) == 1:
        return None, bare[0]
    rest = list(bare)
    rest.remove(largest)
    return largest, rest[0]


_GLUED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{1,6})\s*$")
"""A year with digits glued after it: the count a theme prints right after the date, without a
space or a line between them in the dump ('23 Març 20200' is 2020 and 0)."""


def _glued_to_date(text: str) -> int | None:
    """The count glued to the date that ends a header line, when the line is a date without it."""
    m = _GLUED_YEAR.search(text)
    if not m or date_span(text[:m.end(1)]) is None:
        return None
    return int(m.group(2))


_TRAILING_NUMBER = re.compile(r"\d+\s*$")
_DECIMAL = re.compile(r"\d+[.,]\d{1,2}")
"""A number with one or two decimals: a price, a temperature, a stock index (counts group by three)."""
MAX_META_WORDS = 30
_NUM = r"(?:\d{1,3}(?:[.,\u00a0\u202f ]\d{3})+|\d+(?:[.,]\d+)?)(?!\d)"
# A number glued to a letter before or after it is part of another token ('1e309', 'mp3', 'A320').
_COUNT_BEFORE = re.compile(rf"(?<![\w.,])({_NUM})\s*([^\W\d_]{{1,4}}\.?)?\s*$")
_DIGIT = re.compile(r"\d")
_LEADING_COUNT = re.compile(rf"^\s*({_NUM})\s+(?=[^\W\d_])")
_COUNT_AFTER = re.compile(rf"^\s*[:：]?\s*({_NUM})\s*([^\W\d_]{{1,4}}\.?)?(?!\w)")


def _labelled(text: str, key: str, lexicon: Cues) -> int | None:
    """The count written next to one of the key's words: '512 Visite', 'Просмотров: 2 289'.
    A word followed by a colon labels the number after it; otherwise the number before it counts,
    or the number opening a short line the word ends ('6 NUjij-reacties')."""
    lead = _LEADING_COUNT.match(text)
    if lead and word_count(text) <= MAX_COUNTER_WORDS:
        label = lexicon.any_pattern(key).search(text, lead.end())
        if label and not _DIGIT.search(text, lead.end(), label.start()):  # '2 days ago 5 comments': 5
            return parse_count(lead.group(1), lexicon)
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
