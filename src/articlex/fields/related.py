"""Read-also links inside the text: a label and its headline ('Lire aussi : ...'), a list of
headlines under a label, a teaser card closed by 'Read more', an unlabelled box holding one linked
headline, a card made clickable by one overlay link. The body walk asks these rules about each
block; what they find goes to ``related`` and out of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import chain, islice, pairwise
from typing import TYPE_CHECKING

from ..lexicon import Cues, fold
from ..model import Link
from ..page import HEADINGS, Element, Page, TextBlock
from ..text import looks_like_date, word_count
from .lines import LABEL_SEPARATORS, QUOTES, Line, headline_ending

if TYPE_CHECKING:
    from .body import Body

__all__ = ["read_also", "take_read_also", "closes_teaser", "is_teaser", "card_link", "teaser_link",
           "READ_ALSO_MIN_WORDS", "TEASER_LINK_SHARE"]

CARD_DEPTH = 4
"""Boxes above a card's headline searched for the link that makes the card clickable."""

CARD_LINKS = 8
"""Links a card may hold (icons, the overlay, the headline's own) before its box reads as a list."""

TEASER_MAX_WORDS = 30
"""A teaser's link is a headline: 'Videos' or an author's name is shorter, a quoted paragraph longer."""

TEASER_MIN_WORDS = 4

MAX_TEASER_LINES = 4
"""Lines a teaser card may hold above its 'Read more' link (kicker, headline, picture credit...)."""

TEASER_MARKS = "|»>→"
"""What sets a 'Read more' link apart from the excerpt it closes ('... unter Druck. | mehr')."""

TEASER_LINK_SHARE = 0.8
"""A block whose links cover this share of its text is a link (a teaser, a line of a link list)."""

DATE_STAMP_WORDS = 4
"""A date stamp is a date and little more ('12. Januar 2024', 'vor 2 Stunden')."""

DIALOGUE_DASHES = ("—", "–", "-")
"""What opens a line of dialogue or an interview's question in many languages ('—¿A qué...?')."""

MAX_READ_ALSO_ITEMS = 5
"""A read-also label line in a dump may head a short list of headlines (one per line)."""

READ_ALSO_MIN_WORDS = 3

BRACKETS = {"(": ")", "[": "]"}
"""Brackets a label line may stand in ('(Read also: ...)')."""


def read_also(block: TextBlock, line: Line, following: TextBlock | None) -> tuple[Link, TextBlock] | None:
    """'Lire aussi : <headline>', or a label line followed by the headline: the link and the block
    the headline is on (the label's own or the next one). In HTML the headline is a link."""
    rest = line.rest("read_also")
    if rest is None and line.text[:1] in BRACKETS and line.text.rstrip()[-1:] == BRACKETS[line.text[0]]:
        rest = _bracketed_rest(Line(line.text.strip()[1:-1].strip(), line.lexicon))  # '(Leggi anche: <headline>)'
    if rest is None:
        return None
    if not rest.strip(" .…:"):  # "Lee también..." heads the line below
        if following is None or line.lexicon.is_any_word(("read_also", "related_section"), following.text) \
                or _full_stop(following.text):
            return None  # a label or a sentence under the label: no headline ('Read more' closed a teaser)
        rest, block = following.text, following
    elif block.element is None and not _labelled_headline(line.text, rest):
        return None  # 'Read more than ...': the label's word opens a sentence
    if not READ_ALSO_MIN_WORDS <= word_count(rest) <= TEASER_MAX_WORDS or line.lexicon.is_word("share", rest.strip()):
        return None  # 'More' then 'Share this item': a share button's menu, no headline
    link = max((lk for lk in block.links if word_count(lk.text) >= READ_ALSO_MIN_WORDS and lk.text in rest),
               key=lambda lk: len(lk.text), default=None)
    if link is not None:
        return Link(link.text.strip(), link.url), block
    if block.element is not None:
        return None  # a label without a link in HTML is a widget heading ("Related videos")
    return Link(rest.strip(), None), block


_LINKING_WORD = re.compile(r"^([^\W\d_]{1,4})\s*:\s*")
"""One short word in lower case between a label and its colon ('Read also on: ...', 'Leggi anche su: ...')."""


def _full_stop(text: str) -> bool:
    """Whether a line ends like a sentence, with one full stop: a headline does not ('...' does)."""
    end = text.rstrip()
    return end.endswith(".") and not end.endswith("..")


def _bracketed_rest(line: Line) -> str | None:
    """What follows a read-also label inside brackets, a short linking word before its colon allowed
    there ('(Read also on: ...)'): the brackets set the line apart. Outside them 'Read more about:'
    heads a line of topics."""
    rest = line.rest("read_also")
    return rest if rest is not None else _after_linking_word(line.text, line.lexicon)


def _after_linking_word(text: str, lexicon: Cues) -> str | None:
    """The headline after a read-also label, a short linking word and a colon."""
    rest = lexicon.strip_label("read_also", text)
    m = _LINKING_WORD.match(rest) if rest else None
    return rest[m.end():] if m and rest and m.group(1).islower() else None


def _labelled_headline(text: str, rest: str) -> bool:
    """Whether a label in a dump, with no link to show it, is followed by a headline: set apart by a
    separator ('Lire aussi : ...', 'Read more | ...'), or a capitalised line that is no sentence."""
    between = text[: len(text) - len(rest)]
    if any(mark in between for mark in LABEL_SEPARATORS):
        return True
    first = rest.lstrip(QUOTES)[:1]
    return (first.isupper() or first.isdigit() or first != rest[:1]) and not rest.rstrip().endswith(".")


def take_read_also(body: Body, block: TextBlock, related: Link, headline: TextBlock,
                    candidates: list[TextBlock], after: int, lexicon: Cues) -> list[int]:
    """Record a read-also link found at ``block``; the blocks it used up, to skip. A bare label's
    headline is the next block, and more headlines may be listed under it, from ``candidates[after]``
    on (an index, not a copy of the rest: a dump may hold thousands of labels)."""
    body.add_related(related, block, "cue")
    if headline is block:
        return []
    used = [headline.index]
    for item in _listed_headlines(islice(candidates, after, None), lexicon):
        body.add_related(teaser_link(item, lexicon) if item.links else Link(item.text, None), item, "cue")
        used.append(item.index)
    return used


def _listed_headlines(blocks: Iterable[TextBlock], lexicon: Cues) -> list[TextBlock]:
    """The headlines listed one a block under a read-also label, after its first one (date stamps
    and advertisements' labels between them passed over; a short line ending in '?' is a headline);
    the list stops at prose, at a line too short for a headline, or at a subheading of the text. In
    HTML each headline is a link of its own."""
    found: list[TextBlock] = []
    for block, following in pairwise(chain(blocks, (None,))):
        if block is None or len(found) >= MAX_READ_ALSO_ITEMS - 1:
            break
        if looks_like_date(block.text) and word_count(block.text) <= DATE_STAMP_WORDS:
            continue  # '12. Januar 2024' between the headlines; 'Feldhamster ist das Tier des Jahres 2024' is one
        if lexicon.is_any_word(("advertising",), block.text):
            continue  # an advertisement's label between two headlines of the list
        if (block.prose and not headline_ending(block.text)) or block.text.rstrip().endswith(".") \
                or block.text.lstrip().startswith(DIALOGUE_DASHES) \
                or not READ_ALSO_MIN_WORDS <= word_count(block.text) <= TEASER_MAX_WORDS:
            break  # ('—Why now?' is an interview's question, not a headline)
        if lexicon.labels(("read_also", "related_section"), block.text):
            break  # the label again, or another box's heading ('MOST READ ON OUR SITE'): its own list starts there
        if block.element is not None and block.link_density < TEASER_LINK_SHARE:
            break
        if block.element is None and _heads_paragraph(block, following, lexicon):
            break
        found.append(block)
    return found


SUBHEADING_SHARED_WORDS = 2
"""Words of a line the paragraph right under it takes up when the line is that paragraph's subheading
(the names, the topic it announces); a read-also headline names its own story."""
SUBHEADING_REACH = 300
"""Characters of the paragraph read for those words: its opening, which the subheading announces."""


def _heads_paragraph(block: TextBlock, following: TextBlock | None, lexicon: Cues) -> bool:
    """Whether a line in a list of headlines is a subheading of the text instead: a paragraph follows
    it at once and repeats words of it ('Mayor backs the harbour plan' over 'The mayor said the
    harbour plan ...')."""
    if following is None or not following.prose or headline_ending(following.text):
        return False
    shared = _content_words(block.text, lexicon) & _content_words(following.text[:SUBHEADING_REACH], lexicon)
    return len(shared) >= SUBHEADING_SHARED_WORDS


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _content_words(text: str, lexicon: Cues) -> set[str]:
    """The words of four letters or more that are no stop word of any language, folded."""
    stops = lexicon.stop_words
    return {w for w in _LONG_WORD.findall(fold(text)) if not any(w in words for words in stops.values())}


def closes_teaser(line: Line, body: Body, previous: TextBlock | None) -> bool:
    """A 'Read more' link closing a teaser card between paragraphs of a dump: take the card (its
    excerpt, headline and kicker) back out of the body and keep its headline as a read-also link.
    The link stands alone below the excerpt, or ends the excerpt's own line ('... | mehr')."""
    whole = "read_more" in line.phrases
    if not whole and not _ends_with_read_more(line):
        return False
    blocks = body.blocks
    if not blocks or previous is None or blocks[-1] is not previous:
        return False
    end = len(blocks)
    if whole and blocks[-1].prose:
        end -= 1  # the excerpt
    start = end
    while start > max(0, end - MAX_TEASER_LINES) and not blocks[start - 1].prose:
        start -= 1
    if start == end:
        return False  # a paragraph, then 'Read more': no headline above it, not a card
    headline = blocks[end - 1]
    del blocks[start:]
    if word_count(headline.text) >= TEASER_MIN_WORDS:
        body.add_related(Link(headline.text, None), headline, "cue")
    return True


def _ends_with_read_more(line: Line) -> bool:
    """'... unter Druck. | mehr': an excerpt ending in its 'Read more' link, set apart by a mark."""
    before = line.lexicon.strip_trailing_label("read_more", line.text)
    if not before:
        return False
    between = line.text[len(before):]
    return before.endswith(("…", "...")) or any(mark in between for mark in TEASER_MARKS)


def is_teaser(block: TextBlock, page: Page) -> bool:
    """One linked headline standing alone between paragraphs: an unlabelled read-also box."""
    if not block.links or block.link_density < TEASER_LINK_SHARE or len({link.href for link in block.links}) != 1:
        return False
    link = block.links[0] if len(block.links) == 1 else max(block.links, key=lambda lk: len(lk.text))
    if link.text.rstrip().endswith(".") or not TEASER_MIN_WORDS <= word_count(link.text) <= TEASER_MAX_WORDS:
        return False
    if not _article_url(link.url) or _on_this_page(link.href, link.url, page):
        return False
    return not (block.kind == "heading" and _heads_section(block.element))


def _on_this_page(href: str | None, url: str | None, page: Page) -> bool:
    """Whether a link leads to a place on the page itself (a table of contents, a heading linking to
    its own anchor): its href is a fragment, or its address is the page's own."""
    if (href or "").lstrip().startswith("#"):
        return True
    own = {address.split("#")[0].rstrip("/") for address in (page.url, page.base_url) if address}
    return (url or "").split("#")[0].rstrip("/") in own


SECTION_WORDS = 60
"""Words of text under a linked heading, before the next heading, that make it a heading of the
article (a listicle's item linking to its product, a section linking to its source); a teaser
card's excerpt is one or two sentences."""


def _heads_section(heading: Element | None) -> bool:
    """Whether a heading opens a section of the text: what follows it, up to the next heading,
    holds SECTION_WORDS words or more."""
    if heading is None:
        return False
    words = 0
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in HEADINGS:
            break
        words += word_count(sibling.text_content())
        if words >= SECTION_WORDS:
            return True
    return False


def card_link(block: TextBlock, container: Element | None, page: Page) -> Link | None:
    """A card whose headline is no link, made clickable by one link over the whole box (an empty
    overlay, an icon): the headline with the one article URL the box holds."""
    box = block.element
    for _ in range(CARD_DEPTH):
        box = box.getparent()
        if box is None or box is container:
            return None
        hrefs: set[str] = set()
        for seen, a in enumerate(box.iter("a")):
            if seen >= CARD_LINKS or len(hrefs) > 1:
                return None  # a box of many links is a list, not a card
            if a.get("href"):
                hrefs.add(a.get("href"))
        if len(hrefs) > 1:
            return None
        if hrefs:
            url = page.absolute(hrefs.pop())
            if not _article_url(url) or not TEASER_MIN_WORDS <= word_count(block.text) <= TEASER_MAX_WORDS:
                return None
            return Link(block.text, url)
    return None


def _article_url(url: str | None) -> bool:
    """An http(s) URL whose path names an article: a slug of several words or a numeric id."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return False
    path = url.split("/", 3)[3] if url.count("/") >= 3 else ""
    path = path.split("#", 1)[0].split("?", 1)[0]
    return any(segment.count("-") >= 2 or sum(ch.isdigit() for ch in segment) >= 5 for segment in path.split("/"))


def teaser_link(block: TextBlock, lexicon: Cues) -> Link:
    link = max(block.links, key=lambda lk: len(lk.text))
    text = link.text
    for key in ("read_also", "previous", "next"):
        rest = lexicon.strip_label(key, text)
        text = rest or text
    return Link(text, link.url)
