"""The headline as shown: an ``<h1>`` confirmed by the page's metadata, or a cue in a text dump."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..deadline import NO_DEADLINE, Deadline, paced
from ..lexicon import Cues, agencies, cues, fold
from ..page import HEADINGS, Element, Page, TextBlock
from ..text import date_span, is_sentence, looks_like_date, word_count
from ..selectors import BREADCRUMB, KICKER
from .dates import ends_with_relative_date
from .lines import HANDLE_TAIL, LABEL_SEPARATORS, headline_ending
from .metadata import article_objects

__all__ = ["Title", "find_title", "strip_site_name", "page_host"]

_SEPARATORS = re.compile(r"\s+[|\-–—:»·•/]\s+|\s+[|»·•]\s*")
_PARTS = re.compile(_SEPARATORS.pattern + r"|(?<=\w):\s+")
"""Where a line may join a headline to a kicker or a site name: the separators, and 'Kicker: '."""
TITLE_WINDOW = 25
"""How many lines before the first paragraph a text dump's title may sit (header, counters, captions)."""
MIN_TITLE_WORDS = 2
CONFIRMED = 0.9
"""A heading whose text the page's metadata repeats."""
UNCONFIRMED = 0.6
"""A heading no metadata confirms (several <h1>s, or none of them in og:title)."""
TITLE_META = ("og:title", "twitter:title", "dc.title", "dc:title", "dcterms.title", "parsely-title")
"""Meta tags naming the article, read before ``<title>`` when no heading is confirmed."""


@dataclass(frozen=True)
class Title:
    text: str | None
    index: int | None = None
    """The title's block in the stream (None when it came from metadata only)."""
    crumb_line: int | None = None
    """In a text dump, the block holding breadcrumb + title on one line."""
    confidence: float | None = None
    """Lower when no metadata confirms the heading."""


def find_title(page: Page, site: str | None) -> Title:
    if page.is_html:
        found = _from_headings(page, site)
        if found is not None:
            where = page.blocks[found.index] if found.index is not None else None
            page.note("title", "markup", where, found.confidence)
            return found
        text, strategy = _from_metadata(page, site or _host_name(page))
        shown = _shown_block(page, text)
        if shown is not None:  # a headline set in <font>, <b> or a table cell, as the metadata says
            page.note("title", "markup", shown, CONFIRMED)
            return Title(shown.text, shown.index, confidence=CONFIRMED)
        lead = _lead_heading(page, text)
        if lead is not None:
            page.note("title", "markup", page.blocks[lead.index] if lead.index is not None else None, UNCONFIRMED)
            return lead
        if text:
            page.note("title", strategy)
        return Title(text)
    found = _from_lines(page.blocks, page.deadline)
    if found.index is not None:
        page.note("title", "cue", page.blocks[found.index])
    return found


def _references(page: Page, site: str | None) -> list[str]:
    refs = [page.meta.get("og:title"), page.meta.get("twitter:title")]
    refs += [o.get("headline") for o in article_objects(page) if isinstance(o.get("headline"), str)]
    title_el = next(page.root.iter("title"), None)
    if title_el is not None and title_el.text:
        refs += [" ".join(title_el.text.split()), strip_site_name(title_el.text, site)]
    return [fold(r) for r in refs if r and r.strip()]


SHOWN_REACH = 400
"""Blocks from the top searched for the metadata's headline printed outside any heading."""


LEAD_REACH = 8
"""Blocks before the first paragraph where a page without <h1> prints its headline."""
BIG_FONT = frozenset({"+2", "+3", "+4", "5", "6", "7"})
"""<font size> values of a headline on a page from before CSS."""
_QUOTE_MARKS = "\"'“”«»„ "


def _lead_heading(page: Page, meta_title: str | None) -> Title | None:
    """On a page without <h1> whose metadata names none of its headings, the headline printed
    right above the text the way pages from before CSS print it: a big <font>, or an <h2>/<h3>
    set in a <font>; its first line (before a <br>: a subtitle or the author follows)."""
    start = first_prose(page.blocks)
    if start is None or any(b.tag == "h1" for b in page.blocks):
        return None
    for block in page.blocks[max(0, start - LEAD_REACH):start + 1]:  # a headline may read as prose
        el = block.element
        if el is None:
            continue
        big = next((f for f in el.iter("font") if (f.get("size") or "").strip() in BIG_FONT), None)
        styled = block.tag in ("h2", "h3") and next(el.iter("font"), None) is not None
        if big is None and not styled:
            continue
        text = _first_line(big if big is not None else el).strip(_QUOTE_MARKS)
        if MIN_TITLE_WORDS <= word_count(text) <= MAX_LEAD_TITLE_WORDS and not (meta_title and fold(meta_title) == fold(text)):
            return Title(text, block.index, confidence=UNCONFIRMED)
    return None


def _first_line(el: Element) -> str:
    """An element's text up to its first <br>; a child holding most of it (the <font> of an <h2>)
    gives its own text, without what trails it ('(1853)')."""
    line = " ".join("".join(_visible_until_br(el)).split())
    for child in el:
        if isinstance(child.tag, str) and child.tag in ("font", "b", "strong", "big"):
            inner = " ".join("".join(_visible_until_br(child)).split())
            if len(inner) >= MAIN_PART * len(line):
                return inner
    return line


MAIN_PART = 0.6
"""The share of a headline's first line a styled child must hold to be the headline itself."""


def _visible_until_br(el: Element) -> list[str]:
    """The text of ``el`` in reading order, up to its first <br>."""
    out: list[str] = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            out.append(child.tail or "")
            continue
        if child.tag == "br":
            return out
        if any(d.tag == "br" for d in child.iter()):
            out.extend(_visible_until_br(child))
            return out
        out.append(child.text_content())
        out.append(child.tail or "")
    return out


def _shown_block(page: Page, text: str | None) -> TextBlock | None:
    """The block printing exactly the headline the metadata gives, before the article's text."""
    if not text:
        return None
    key = fold(text)
    return next((b for b in page.blocks[:SHOWN_REACH] if fold(b.text) == key), None)


def _host_name(page: Page) -> str | None:
    """The site's name as its address spells it ('wikipedia' from en.wikipedia.org), for cutting
    a <title> suffix when the page declares no name."""
    labels = [label for label in page_host(page).split(".")[:-1] if label not in ("www", "m", "amp")]
    return max(labels, key=len) if labels else None


def page_host(page: Page) -> str:
    """The host of the page's address, '' without one or when the address is malformed."""
    try:
        return urlsplit(page.url or page.base_url or "").hostname or ""
    except ValueError:  # '[::1' and other addresses urllib cannot split
        return ""


def _from_headings(page: Page, site: str | None) -> Title | None:
    refs = _references(page, site)
    one_word = [b for b in page.blocks if b.tag in HEADINGS and word_count(b.text) == 1]
    headings = [b for b in page.blocks if b.tag in HEADINGS and word_count(b.text) >= MIN_TITLE_WORDS]
    in_trail = _in_breadcrumb(page, headings)
    headings = [b for b in headings if b not in in_trail]
    h1s = [b for b in headings if b.tag == "h1"]
    # A heading the metadata repeats whole beats one that only starts it: a blog's name in the
    # <h1> is the start of '<title>Blog: Post</title>', the post's own heading is the og:title.
    # A trail's last item set as <h1> (an SEO title) comes after the headings outside the trail.
    # A one-word heading ('Brexit') is the headline only when the metadata says exactly that; else
    # it is a logo or a section name.
    for match in (_same_text, _matching_part):
        for group in (h1s, headings, in_trail, one_word if match is _same_text else []):
            for block in group:
                text = match(block, refs)
                if text:
                    return Title(_without_kicker(block) or text, block.index, confidence=CONFIRMED)
    h1s = h1s or [b for b in in_trail if b.tag == "h1"]
    lone = [b for b in one_word if b.tag == "h1"]
    if not h1s and len(lone) == 1 and not _names_site(lone[0].text, page, site):
        return Title(lone[0].text, lone[0].index, confidence=UNCONFIRMED)  # 'Brexit', 'Lorem'
    if h1s:
        block = max(h1s, key=lambda b: len(b.text)) if len(h1s) > 1 and not refs else h1s[0]
        return Title(_without_kicker(block) or block.text, block.index, confidence=UNCONFIRMED)
    return None


def _names_site(text: str, page: Page, site: str | None) -> bool:
    """Whether a word is the site's name: the declared one, the host's, or a <title> part after
    the first (a logo set as the page's only <h1>)."""
    key = fold(text)
    title_el = next(page.root.iter("title"), None)
    later_parts = _SEPARATORS.split(" ".join(title_el.text.split()))[1:] if title_el is not None and title_el.text else []
    names = [site or "", _host_name(page) or "", *later_parts]
    return any(key == fold(name) or (name and key in fold(name).split()) for name in names)


def _in_breadcrumb(page: Page, headings: list[TextBlock]) -> list[TextBlock]:
    """The headings inside a breadcrumb trail: a theme may set the trail's last item, the SEO title, as
    <h1>. A 'trail' holding several headings is a wrapper that only names one in its class."""
    trails = {el for rule in BREADCRUMB for el in page.index.find(rule)}
    if not trails:
        return []
    found: dict[Element, list[TextBlock]] = {}
    for block in headings:
        if block.element is None:
            continue
        trail = next((el for el in block.element.iterancestors() if el in trails), None)
        if trail is not None:
            found.setdefault(trail, []).append(block)
    return [group[0] for group in found.values() if len(group) == 1]


def _without_kicker(block: TextBlock) -> str | None:
    """The heading's text without a kicker span marked as such by its class (overline, topline...)."""
    el = block.element
    if el is None:
        return None
    kickers = [child for child in el.iterdescendants() if isinstance(child.tag, str)
               and KICKER.search(child.get("class") or "")]
    if not kickers:
        return None
    text = block.text
    for kicker in kickers:
        words = " ".join(kicker.text_content().split())
        if words and text.startswith(words):
            text = text[len(words):].lstrip(" :–—-|")
    return text if text and text != block.text else None


def _same_text(block: TextBlock, refs: list[str]) -> str | None:
    return block.text if fold(block.text) in refs else None


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


def _from_metadata(page: Page, site: str | None) -> tuple[str | None, str]:
    """(title, strategy) from JSON-LD, og:title or <title>."""
    for obj in article_objects(page):
        if isinstance(obj.get("headline"), str) and obj["headline"].strip():
            return " ".join(obj["headline"].split()), "jsonld"
    for key in TITLE_META:
        if page.meta.get(key):
            return strip_site_name(page.meta[key], site), "meta"
    title_el = next(page.root.iter("title"), None)
    if title_el is not None and title_el.text and title_el.text.strip():
        return strip_site_name(title_el.text, site), "meta"
    return None, "none"


def strip_site_name(title: str, site: str | None) -> str:
    """``Headline | Site`` -> ``Headline``: a part is dropped only when it is the site's name.
    East Asian titles join the headline, the channel and the site with '_' ('标题_国内频道_新浪网'):
    the headline comes first. A name in full-width brackets at an end ('＜東京新聞＞') is the site's."""
    title = _CJK_BRACKETED.sub("", " ".join(title.split())).strip() or " ".join(title.split())
    if _UNDERSCORED.search(title):
        return _UNDERSCORED.split(title)[0].strip()
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


_CJK_CHAR = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef"
_UNDERSCORED = re.compile(rf"(?<=[{_CJK_CHAR}\w])\s*_\s*(?=[{_CJK_CHAR}])|(?<=[{_CJK_CHAR}])\s*_\s*(?=\w)")
"""An underscore with an East Asian character on one side: a title's parts joined."""
_CJK_BRACKETED = re.compile(r"^\s*[＜【《][^＞】》]{1,30}[＞】》]|[＜【《][^＞】》]{1,30}[＞】》]\s*$")
"""A name in full-width brackets opening or closing a <title>."""


def _rejoin(title: str, parts: list[str]) -> str:
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else parts[0]


def _from_lines(blocks: list[TextBlock], deadline: Deadline = NO_DEADLINE) -> Title:
    """A text dump's title: the best-scoring headline-like line before the first run of prose."""
    start = _opening_run(blocks, deadline)
    if start is None:
        return Title(None)
    lexicon = cues()
    seen = _occurrences(blocks, deadline)
    announced, short = _announced(blocks, seen)
    named = [b.index for b in blocks[1:] if _shown_as_announced(b, announced, short, lexicon)] if announced or short else []
    named = named or _kicked(blocks)
    if named:
        best = max(named, key=lambda i: _line_score(blocks, i, start, seen, lexicon))
        return Title(blocks[best].text, blocks[best].index, _crumb_line(blocks, best))
    # The run of prose may begin with a question headline ("...près de chez vous ?"), or with a
    # widget's blurb a few lines above the header: a line further down counts when its byline or
    # date follows right under it.
    window = range(max(0, start - TITLE_WINDOW), min(len(blocks), start + 1 + AFTER_PROSE))
    scored = [(_line_score(blocks, i, start, seen, lexicon), i) for i in window
              if _headline_like(blocks[i].text) and (i < start or word_count(blocks[i].text) <= MAX_LEAD_TITLE_WORDS)
              and (blocks[i].standalone or word_count(blocks[i].text) >= MIN_PACKED_WORDS)
              and (i <= start or (word_count(blocks[i].text) >= MIN_PACKED_WORDS and _meta_next(blocks, i, lexicon)))]
    scored += [(_line_score(blocks, i, start, seen, lexicon), i) for i in _far_headers(blocks, start, lexicon)]
    scored = [(score, i) for score, i in scored if score > 0]
    if not scored:
        return Title(None)
    words = _prose_words(blocks, start, deadline)
    _, best = max((score + TOPIC * _topic_share(blocks[i].text, words), i) for score, i in scored)
    best = _column_headline(blocks, best, seen, lexicon)
    best = _completed(blocks, _past_trail_crumb(blocks, best, [i for _, i in scored], lexicon))
    line = blocks[best]
    return Title(_without_glued_kicker(blocks, best, deadline) or line.text, line.index, _crumb_line(blocks, best))


SUBHEADING_REACH = 8
"""Lines above a heading where a paragraph makes it a subheading of the text: a section's heading,
its subtitle and a short list may stand between the paragraph and the heading below it."""
COLUMN_GAP = 15
"""Lines between two paragraphs of one column of text: headings, subtitles, lists, a figure. The
menus and widgets around the column hold no paragraph over a longer stretch."""


def _column_headline(blocks: list[TextBlock], best: int, seen: dict[str, int], lexicon: Cues) -> int:
    """The headline over the whole column when the best line is one of its subheadings: a page of
    sections (a service page, a guide) has its longest prose under a section heading, with the page's
    headline over the column's first paragraph. A line with a header of its own (the byline or date
    under it, a repeat in a crumb line or elsewhere) stays the headline."""
    line = blocks[best]
    if _crumb_line(blocks, best) is not None or seen.get(fold(line.text), 0) > 1 \
            or any(_is_meta(b.text, lexicon) for b in blocks[best + 1: best + 1 + META_REACH]) \
            or not any(_paragraph(b) for b in blocks[max(0, best - SUBHEADING_REACH):best]):
        return best
    top = _column_top(blocks, best)
    window = range(max(0, top - TITLE_WINDOW), top)
    heads = [(_line_score(blocks, i, top, seen, lexicon), i) for i in window if _heads_text(blocks, i, lexicon)]
    heads = [(score, i) for score, i in heads if score > 0]
    return max(heads)[1] if heads else best


def _column_top(blocks: list[TextBlock], below: int) -> int:
    """The first paragraph of the column of text that line ``below`` is in: paragraphs upwards, none
    more than COLUMN_GAP lines from the next."""
    top, i = below, below - 1
    while i >= 0 and top - i <= COLUMN_GAP:
        if _paragraph(blocks[i]):
            top = i
        i -= 1
    return top


def _heads_text(blocks: list[TextBlock], i: int, lexicon: Cues) -> bool:
    """Whether line ``i`` may be a headline over a text: set apart, headline-like, and a paragraph,
    the byline or the date right under it."""
    line = blocks[i]
    return line.standalone and _headline_like(line.text) and (
        i + 1 < len(blocks) and _paragraph(blocks[i + 1]) or _meta_next(blocks, i, lexicon))


def _announced(blocks: list[TextBlock], seen: dict[str, int]) -> tuple[frozenset[str], str | None]:
    """The headline the dump's first line announces, folded: a renderer that keeps the document's
    title (html-text, a browser's 'save as text') prints it first with the site's name ('Headline -
    Site'), and the headline comes again where the page shows it: a part of the first line, of a few
    words at least, printed again on a line of its own; or its first part, shorter ('Dental care |
    Site'), printed again on a line set apart. A first line printed again whole is not taken as a
    title: some dumps open with a menu item printed again lower down ('Skip to content')."""
    if len(blocks) < 2:
        return frozenset(), None
    parts = _SEPARATORS.split(blocks[0].text)
    if len(parts) < 2:
        return frozenset(), None
    keys = {fold(part) for part in parts if word_count(part) >= MIN_REPEATED_WORDS}
    head = fold(parts[0])
    short = head if len(parts) == 2 and word_count(parts[0]) < MIN_REPEATED_WORDS and seen.get(head, 0) > 0 else None
    return frozenset(key for key in keys if seen.get(key, 0) > 0), short


def _shown_as_announced(block: TextBlock, announced: frozenset[str], short: str | None, lexicon: Cues) -> bool:
    """Whether a line prints the headline the first line announces. The document title vouches for
    it, so a date or a number in it is no objection ('Project update July 2024'); a label is, and a
    short part must read as a headline ('Menu | Search' announces no headline 'Menu')."""
    key = fold(block.text)
    if key in announced:
        return 0 < word_count(block.text) <= MAX_HEADLINE_WORDS and not _unfinished(block.text) \
            and not _ADDRESS.search(block.text) and not any(_label_line(lexicon, k, block.text) for k in NOT_TITLES)
    return key == short and block.standalone and _headline_like(block.text)


TOPIC = 3.0
"""Weight of the share of a line's words the text below repeats: a headline names what the whole
page is about ('Fitness trends 2025' over paragraphs on fitness), a widget's or a form's heading
('Build your plan', 'Last updated', 'Stay connected') does not. Worth a repeat or a byline under the
line at most, so a section heading over the text, which shares words with it too, is no headline
for that alone."""
TOPIC_WORD_CHARS = 4
"""Shorter words ('the', 'and', 'for', 'der', 'les') are shared by any two texts of a language."""


def _prose_words(blocks: list[TextBlock], start: int, deadline: Deadline) -> frozenset[str]:
    """The words of the paragraphs from the start of the longest run of prose on."""
    return frozenset(w for b in paced(blocks[start:], deadline, TITLE_STOPPED) if _paragraph(b)
                     for w in _words_of(b.text) if len(w) >= TOPIC_WORD_CHARS)


def _topic_share(text: str, words: frozenset[str]) -> float:
    """The share of a line's words (of TOPIC_WORD_CHARS letters or more) that the prose repeats."""
    own = {w for w in _words_of(text) if len(w) >= TOPIC_WORD_CHARS}
    return len(own & words) / len(own) if own else 0.0


def _kicked(blocks: list[TextBlock]) -> list[int]:
    """Lines printing the document title of the first line after a kicker ('Kicker: Headline'): the
    page shows the headline with a kicker its <title> leaves out. A crumb line ending with the
    headline ('Blog / Headline') is no kicker."""
    first = blocks[0].text if blocks else ""
    if word_count(first) < MIN_REPEATED_WORDS or len(_SEPARATORS.split(first)) > 1:
        return []
    key = fold(first)
    # The cheap comparisons first: _headline_like may call dateparser, about 1.6 ms a line.
    return [b.index for b in blocks[1:] if b.standalone and fold(_KICKER_COLON.split(b.text, maxsplit=1)[-1]) == key
            and fold(b.text) != key and not _SEPARATORS.search(b.text) and _headline_like(b.text)]


_KICKER_COLON = re.compile(r"(?<=\w):\s+")
"""What ends a kicker printed before the headline ('Zugverkehr: ...')."""


HEADER_REACH = 200
"""Lines above the longest run of prose where a headline with its byline or date right under it is
still looked for: a table of contents, an author box, a form or a list (a listicle's first items)
may stand between the header and the section of the article whose prose runs longest."""


def _far_headers(blocks: list[TextBlock], start: int, lexicon: Cues) -> list[int]:
    """Lines above the title window that open a header: set apart, headline-like, the byline or the
    date on the next line (or under a standfirst)."""
    return [i for i in range(max(0, start - HEADER_REACH), max(0, start - TITLE_WINDOW))
            if blocks[i].standalone and word_count(blocks[i].text) >= MIN_PACKED_WORDS
            and _headline_like(blocks[i].text) and _meta_next(blocks, i, lexicon)]


TRAIL_LABEL_REACH = 5
"""Lines above a trail's last crumb where the trail's label may stand ('Sie sind hier:' and four crumbs)."""
SHARED_WORDS = 0.5
"""Share of the last crumb's words the headline below repeats (the same story in other words)."""


def _past_trail_crumb(blocks: list[TextBlock], best: int, candidates: list[int], lexicon: Cues) -> int:
    """The headline printed below, when the best line is the last crumb of a labelled trail that
    names the article in other words ('Nordkorea: Kim Jong Un - ...' in the trail, 'Kim Jong Un:
    ...' as the headline): a later candidate sharing half its words."""
    above = blocks[max(0, best - TRAIL_LABEL_REACH):best]
    if not any(lexicon.is_word("breadcrumb_labels", b.text) for b in above):
        return best
    words = _words_of(blocks[best].text)
    for i in sorted(c for c in candidates if c > best):
        if words and len(words & _words_of(blocks[i].text)) >= SHARED_WORDS * len(words):
            return i
    return best


def _words_of(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{3,}", fold(text))}


# Weights of the cues that make a line a dump's title; tuned on the seed page and the corpus
# dumps (titles repeat in the crumb line, sit apart like an <h1>, and the byline/date follow).
REPEATED = 4.0
STANDALONE = 2.0
META_FOLLOWS = 2.0
AFTER_PROSE = 10
"""How far below the start of the longest prose run a headline with its byline may sit (a widget's
blurb over the header, such as a reading-score box, may open the run)."""
MIN_PACKED_WORDS = 4
"""A line packed among others that is shorter than this is a menu item or a name ('Paweł Wojciechowski')."""
MAX_LEAD_TITLE_WORDS = 25
"""The first line of the prose run may itself be the headline (a question, a quote) when it is this short."""
SECTION_START = 1.5
MIN_REPEATED_WORDS = 4
"""Short lines repeat as menu items ('Higher education'); a repeated title is longer."""
LONG_SENTENCE = -4.0
CREDIT = -6.0
DISTANCE = 0.1
META_REACH = 4
META_NEXT = 2.0
"""More when the byline or date is the very next line (or follows a one-paragraph standfirst): a
widget heading or a crumb line above the headline reaches the header only across other lines."""


_STAMPED = re.compile(r"\d{1,2}:\d{2}")
"""A time of day: the line is the byline or date line over the text, not the headline."""
ABOVE_TEXT = 2.0
"""A headline set apart right above the first paragraph: where the article's own headline is
printed (a promo heading or a widget's title sits further up, a caption under the text's start).
Only for a line of MIN_REPEATED_WORDS words or more: a short one there is a section heading
('Key points', 'Quick summary')."""


def _line_score(blocks: list[TextBlock], i: int, start: int, seen: dict[str, int], lexicon: Cues) -> float:
    line = blocks[i]
    key = fold(line.text)
    score = 1.0 - DISTANCE * min(abs(start - i), TITLE_WINDOW)
    # A line packed among others that repeats is a menu printed twice (desktop and mobile) or an
    # author box; a repeated headline stands apart, or ends an earlier crumb line.
    if (line.standalone and seen.get(key, 0) > 1 and word_count(line.text) >= MIN_REPEATED_WORDS) \
            or _crumb_line(blocks, i) is not None:
        score += REPEATED
    if line.standalone:
        score += STANDALONE
        if i and not blocks[i - 1].standalone:
            score += SECTION_START
    if i == start - 1 and line.standalone and not _STAMPED.search(line.text) \
            and word_count(line.text) >= MIN_REPEATED_WORDS:
        score += ABOVE_TEXT
    if any(_is_meta(b.text, lexicon) for b in blocks[i + 1: i + 1 + META_REACH]):
        score += META_FOLLOWS
        if _meta_next(blocks, i, lexicon):
            score += META_NEXT
    if is_sentence(line.text) and word_count(line.text) > 15 and not line.text.rstrip().endswith(CLOSING_QUOTES):
        score += LONG_SENTENCE  # a headline ending on a quote ('... Mayor: the port stays open"') is one
    if _standfirst_of(blocks, i) and not _meta_next(blocks, i, lexicon):
        score += STANDFIRST
    if "©" in line.text or lexicon.strip_label("photo_credits", line.text) is not None \
            or lexicon.contains("photo_credits", line.text) and ":" in line.text or _agency_credit(line.text):
        score += CREDIT
    return score


CLOSING_QUOTES = ('"', "”", "»", "’")
"""Marks closing a quoted statement: a long line ending on one is a headline quoting someone."""
STANDFIRST = -4.0
MIN_HEADLINE_OVER_STANDFIRST = 6
"""Words of a headline over its standfirst; a shorter line over a longer one is a kicker over the headline."""


def _standfirst_of(blocks: list[TextBlock], i: int) -> bool:
    """Whether line ``i`` is the standfirst under a headline: set apart right after a headline-like
    line of six words or more, and longer than it."""
    if i == 0 or not blocks[i].standalone or not blocks[i - 1].standalone:
        return False
    above, words = blocks[i - 1].text, word_count(blocks[i].text)
    return (_headline_like(above) and MIN_HEADLINE_OVER_STANDFIRST <= word_count(above) < words)


def _meta_next(blocks: list[TextBlock], i: int, lexicon: Cues) -> bool:
    """Whether the byline or the date comes right under the line, or under its standfirst, or under
    the author's name printed alone ('Jane Doe, @jane' over '11.03.17', perhaps with a 'Follow'
    button between), or under both."""
    following = blocks[i + 1: i + 5]
    if not following:
        return False
    at = 0
    standfirst = following[0].prose or (word_count(following[0].text) > word_count(blocks[i].text)
                                        and word_count(blocks[i].text) >= MIN_HEADLINE_OVER_STANDFIRST)
    if standfirst and not _is_meta(following[0].text, lexicon):
        at += 1
    if at < len(following) and _name_line(HANDLE_TAIL.sub("", following[at].text)):
        at += 1
        if at < len(following) and lexicon.is_word("byline_actions", following[at].text):
            at += 1  # 'Jane Doe' / 'Follow' / the date
    # the meta line right under the headline, or under what was skipped (the standfirst, the name)
    meta = next((i + 1 + k for k in (0, at) if k < len(following) and _is_meta(following[k].text, lexicon)), None)
    return meta is not None and not _dated_list_item(blocks, meta)


LIST_PERIODS = (2, 3)
"""Lines per item in a list of teasers: headline + date, rank + section + headline, headline + blurb + date."""


MAX_NAME_LINE_WORDS = 4
"""A byline printed without its prefix word is a name or two: 'Mike Conley', 'Ana de la Cruz'."""


def _name_line(text: str) -> bool:
    """A line printing a name alone, without a prefix ('Mike Conley' over the date): two to four
    words, no digit, no sentence, opening and closing with a capital in a cased script."""
    words = text.split()
    if not 2 <= len(words) <= MAX_NAME_LINE_WORDS or any(ch.isdigit() for ch in text) or is_sentence(text):
        return False
    return all(w[0].isupper() or not w[0].islower() for w in (words[0], words[-1])) and all(
        w[0].isalpha() for w in words)


def _dated_list_item(blocks: list[TextBlock], meta: int) -> bool:
    """Whether the date or rank line ``meta`` under a headline belongs to a list of teasers
    ('Latest news', 'Most read'): a line one item above or below is of the same kind."""
    def kind(j: int) -> str | None:
        if not 0 <= j < len(blocks):
            return None
        text = blocks[j].text.strip()
        return "number" if text.isdigit() else "date" if looks_like_date(text) else None
    mark = kind(meta)
    return mark is not None and any(kind(meta + step) == mark for p in LIST_PERIODS for step in (-p, p))


def _is_meta(text: str, lexicon: Cues) -> bool:
    """A header line: a date, a byline, a counter, a reading time."""
    if word_count(text) > 12:
        return False
    return looks_like_date(text) or date_span(text) is not None or text.strip().isdigit() \
        or lexicon.contains("reading_time", text) or any(
        lexicon.strip_label(key, text) is not None for key in ("byline_prefixes", "published_labels", "updated_labels"))


def _occurrences(blocks: list[TextBlock], deadline: Deadline) -> dict[str, int]:
    counts: dict[str, int] = {}
    for block in paced(blocks, deadline, TITLE_STOPPED):
        key = fold(block.text)
        counts[key] = counts.get(key, 0) + 1
    return counts


def _crumb_line(blocks: list[TextBlock], i: int) -> int | None:
    """An earlier line ending with the title (the crumb trail printed before it), even truncated."""
    key = fold(blocks[i].text)
    for j in range(i - 1, max(-1, i - TITLE_WINDOW), -1):
        earlier = fold(blocks[j].text)
        if len(key) > 12 and len(earlier) > len(key) and earlier.endswith(key) and _joined(blocks[j].text, len(key)):
            return j
        cut = earlier.rstrip(".… ")
        if cut != earlier and len(cut) > 20:
            head = cut.rsplit(" ", 1)[0]
            tail = cut[len(head):].strip()
            if tail and key.startswith(_truncated_prefix(key, cut)) and len(_truncated_prefix(key, cut)) > 20:
                return j
    return None


def _joined(line: str, tail: int) -> bool:
    """Whether the last ``tail`` characters start a new part: after a space or a separator, or
    glued to a crumb ('RegiãoHospital...')."""
    before, first = line[-tail - 1], line[-tail]
    return not before.isalnum() or (before.islower() and first.isupper())


def _truncated_prefix(key: str, line: str) -> str:
    """The longest start of ``key`` that ``line`` ends with (a crumb cut with '...')."""
    for size in range(min(len(key), len(line)), 20, -1):
        if line.endswith(key[:size]) and (size == len(line) or line[-size - 1] == " "):
            return key[:size]
    return ""


def _completed(blocks: list[TextBlock], i: int) -> int:
    """The line printing in full a headline that line ``i`` cuts short with '...' (a trail's last
    crumb), when one follows within the window; else ``i``."""
    cut = blocks[i].text.rstrip()
    if not cut.endswith(("...", "…")):
        return i
    start = fold(cut.rstrip(".… "))
    for block in blocks[i + 1: i + 1 + TITLE_WINDOW]:
        if len(start) > MIN_CUT_CHARS and fold(block.text).startswith(start) and len(block.text) > len(cut):
            return block.index
    return i


TITLE_STOPPED = "the title was looked for in part of the page only"
MIN_CUT_CHARS = 20
"""A cut-short line must keep this much of the headline to be matched with it."""
MAX_KICKER_WORDS = 4
"""A kicker printed before the headline ('Frain', 'Interne Unterlagen im Netz') is a few words."""
MIN_HEADLINE_WORDS = 3


def _without_glued_kicker(blocks: list[TextBlock], i: int, deadline: Deadline) -> str | None:
    """The headline without the kicker glued before it: the dump prints the headline alone
    elsewhere (the last crumb, a share text, '<headline> - <kicker>' in a trail) and the line
    is a few more words then that text."""
    text = blocks[i].text
    key = fold(text)
    best = ""
    for block in paced(blocks, deadline, TITLE_STOPPED):
        if block.index == i:
            continue
        for part in [block.text, *_PARTS.split(block.text)]:
            part = part.strip()
            folded = fold(part)
            if len(folded) > len(best) and len(folded) < len(key) and key.endswith(folded) \
                    and word_count(part) >= MIN_HEADLINE_WORDS:
                best = folded
    if not best:
        return None
    cut = next(p for p in range(len(text)) if fold(text[p:]) in (best, " " + best))
    kicker = text[:cut].rstrip()
    if not kicker or word_count(kicker) > MAX_KICKER_WORDS or not kicker[-1].isalnum() or _PARTS.search(kicker):
        return None  # 'Region: headline' keeps its colon part; only a separate span is a kicker
    return text[cut:].strip()


DATE_LINE_WORDS = 4
"""A short line with a year is a date; a longer one needs the shape of a whole date or a time:
'... bis 2029' and '34 Top Photography Trends in 2025' are headlines, a count and a year are not a day."""


def _date_line(text: str) -> bool:
    return looks_like_date(text) and (date_span(text) is not None or _STAMPED.search(text) is not None
                                      or word_count(text) <= DATE_LINE_WORDS)


_ADDRESS = re.compile(r"\bwww\.|://")
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,}")
"""A headline may end on an initialism ('... Underneath N.Y.C.', '... to the U.S.'): no full stop.
Matched on the last word alone: searched from every position of a long line, the pattern is quadratic."""
MAX_HEADLINE_WORDS = 40
"""A longer line is a paragraph."""


def _unfinished(text: str) -> bool:
    """A line ending on a colon, a comma or a semicolon leads into what follows: a label, a clause."""
    return text.rstrip().endswith((":", ",", ";"))
NOT_TITLES = ("share", "newsletter", "comment_section", "related_section", "read_also", "tags_labels", "home",
              "byline_prefixes", "photo_credits", "previous", "next", "advertising", "read_more")


def _headline_like(text: str) -> bool:
    n = word_count(text)
    end = text.rstrip()
    if not MIN_TITLE_WORDS <= n <= MAX_HEADLINE_WORDS or _date_line(text) or _unfinished(text):
        return False
    if end.endswith(".") and not end.endswith("..") and not _INITIALISM.fullmatch(end.rsplit(None, 1)[-1]):
        return False  # headlines do not end with a full stop; paragraphs and captions do
    if _ADDRESS.search(text):
        return False  # a printed link ('Dieser Artikel wurde ausgedruckt unter: www...')
    if _trail_shaped(text):
        return False
    lexicon = cues()
    if lexicon.contains("reading_time", text) or (date_span(text) and _STAMPED.search(text)) \
            or ends_with_relative_date(text):
        return False  # a meta line: 'Santo Domingo - abr. 22, 2022 | 12:01 a. m. | 9 min de lectura', 'X 20 hours ago'
    return not any(_label_line(lexicon, key, text) for key in NOT_TITLES) and not lexicon.is_word("account", text)


HEADLINE_OPENERS = frozenset({"home", "share"})
"""Keys whose word also opens ordinary headlines ('Home networks and cyber security', 'Share prices
fall again'). Any other key's label is a label whatever follows it: 'Advertisement Story continues
below', 'Continue reading the main story', 'Comments are closed on this story'."""
MAX_LABEL_REST_WORDS = 2
"""Words a headline opener's label may carry after it without a separator ('Share this', 'Home
page'); a headline goes on longer."""


def _label_line(lexicon: Cues, key: str, text: str) -> bool:
    """Whether a line is a label of the lexicon's key rather than a headline opening with its word."""
    rest = lexicon.strip_label(key, text)
    if rest is None:
        return False
    if key not in HEADLINE_OPENERS or not rest or not rest[:1].isalpha() or word_count(rest) <= MAX_LABEL_REST_WORDS:
        return True
    return any(mark in text[: len(text) - len(rest)] for mark in LABEL_SEPARATORS)


_CREDIT_TAIL = re.compile(r"(?:\s[—–-]\s|/)\s*([^/—–]{2,40})$")


def _agency_credit(text: str) -> bool:
    """A caption closed by its photo credit: '... — Bob Edme/AP', '... - Jane Doe / AFP'."""
    tail = _CREDIT_TAIL.search(text.rstrip(" )"))
    return tail is not None and agencies().name_of(tail.group(1)) is not None


_TRAIL_SEPARATORS = re.compile(r"\s+[/>»›|→]\s+|\s*[|›→]\s*")
MAX_TRAIL_PART_WORDS = 3
MAX_TRAIL_WORDS = 8


def _trail_shaped(text: str) -> bool:
    """A crumb trail or a category line ('El Salvador / judicial', 'News > Coast'): a few short
    parts between separators, not a headline."""
    parts = [p for p in _TRAIL_SEPARATORS.split(text) if p.strip()]
    return (len(parts) >= 2 and word_count(text) <= MAX_TRAIL_WORDS
            and all(word_count(p) <= MAX_TRAIL_PART_WORDS for p in parts))


def first_prose(blocks: list[TextBlock], deadline: Deadline = NO_DEADLINE) -> int | None:
    """The start of the longest run of prose: where a text dump's article most likely begins."""
    return _longest_run(blocks, lambda block: block.prose, deadline)


def _paragraph(block: TextBlock) -> bool:
    return block.prose and not headline_ending(block.text)


OPENING_RUN_SHARE = 0.3
"""How long a run of paragraphs above the longest one must be, as a share of it, to be where the
article's text opens: a guide or a listicle runs longest in one of its sections, far under the
headline and the introduction; a widget's blurb or a teaser above the article is a short run."""
MIN_OPENING_RUN = 200
"""Characters of prose that make an opening run at the least: a login form's sentences above a short
article are less."""
MIN_OPENING_RUN_PARAGRAPHS = 2
"""Paragraphs of an opening run above the longest: a cookie notice or a teaser's blurb is one."""


def _opening_run(blocks: list[TextBlock], deadline: Deadline = NO_DEADLINE) -> int | None:
    """The start of the first run of paragraphs that holds a fair share of the longest one (two
    paragraphs at least): where the headline is looked for above. Else the longest run's start."""
    openings: list[tuple[float, int]] = []  # runs that may open the text: long enough, two paragraphs
    longest, longest_start = 0.0, None
    for start, peak, paragraphs in _runs(blocks, _paragraph, deadline):
        if peak > longest:
            longest, longest_start = peak, start
        if paragraphs >= MIN_OPENING_RUN_PARAGRAPHS and peak >= MIN_OPENING_RUN:
            openings.append((peak, start))
    floor = max(MIN_OPENING_RUN, OPENING_RUN_SHARE * longest)
    return next((start for top, start in openings if top >= floor), longest_start)


def _longest_run(blocks: list[TextBlock], is_prose: Callable[[TextBlock], bool],
                 deadline: Deadline = NO_DEADLINE) -> int | None:
    longest, longest_start = 0.0, None
    for start, peak, _ in _runs(blocks, is_prose, deadline):
        if peak > longest:
            longest, longest_start = peak, start
    return longest_start


def _runs(blocks: list[TextBlock], is_prose: Callable[[TextBlock], bool],
          deadline: Deadline = NO_DEADLINE) -> Iterator[tuple[int, float, int]]:
    """The runs of prose, each as (start, peak, paragraphs): a run opens at a paragraph, gains its
    length for each paragraph and loses a little for any other line, and ends when it falls to
    nothing; its peak is its best score, and the paragraphs are those read up to the peak."""
    run, start, peak, paragraphs, at_peak = 0.0, None, 0.0, 0, 0
    for i, block in enumerate(paced(blocks, deadline, TITLE_STOPPED)):
        prose = is_prose(block)
        gain = len(block.text) if prose else -min(len(block.text), 40) - 10
        if run <= 0:
            if start is not None:
                yield start, peak, at_peak
            run, start, peak, paragraphs, at_peak = 0.0, None, 0.0, 0, 0
        if gain > 0 and start is None:
            start = i
        if start is not None:
            run += gain
            paragraphs += prose
            if run > peak:
                peak, at_peak = run, paragraphs
    if start is not None:
        yield start, peak, at_peak
