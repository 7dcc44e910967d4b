"""Previous / next article: navigation boxes in the markup, else labelled lines."""

from __future__ import annotations

from ..deadline import paced
from ..lexicon import Cues, cues, fold
from ..model import Link
from ..page import BLOCK_TAGS, Element, Page, TextBlock, is_hidden
from ..selectors import NAVIGATION, NEXT, PREVIOUS, Rule
from ..text import word_count
from .lines import PHRASE_KEYS

__all__ = ["find_navigation"]

MIN_TITLE_WORDS = 2
_BACK = "←⟵⇐◄◀"  # not « » ‹ ›: those are quotation marks in many languages
_FORTH = "→⟶⇒►▶"
_ARROWS = " \t←→«»‹›<>⟵⟶⇐⇒◄►◀▶|-–—:"
"""A linked 'title' of one word is a pager ('2', 'Next'), not an article."""


BARE_CLASSES = ("prev", "previous", "next")
"""Classes too common to trust alone (sliders, carousels): a box of that class counts inside a
navigation box only; a link of that class counts when its text is an article's title."""


def find_navigation(page: Page, after: int | None) -> tuple[Link | None, Link | None]:
    """(previous, next). ``after``: the body's last block; navigation lies after it."""
    lexicon = cues()
    found: dict[str, Link | None] = {"previous": None, "next": None}
    if page.is_html:
        found["previous"] = _from_markup(page, PREVIOUS, lexicon, "previous")
        found["next"] = _from_markup(page, NEXT, lexicon, "next")
    labels = _Labels(page.blocks, lexicon)
    for key in ("previous", "next"):
        if found[key] is None:
            found[key] = _from_labels(page, key, after, lexicon, labels)
    return found["previous"], found["next"]


LABEL_MEMO = 256
"""Labels remembered at once: a dump of 200,000 lines asked for two keys held 400,000 of them (70 MB)."""


class _Labels:
    """``Cues.strip_label`` of the page's blocks, each block asked once a key: a line is read for
    its own label, as the neighbour of the lines around it, and for both directions."""

    def __init__(self, blocks: list[TextBlock], lexicon: Cues) -> None:
        self.blocks, self.lexicon = blocks, lexicon
        self.found: dict[tuple[str, int], str | None] = {}

    def strip(self, key: str, pos: int) -> str | None:
        """The text of block ``pos`` after a leading label of ``key``, None without one."""
        asked = (key, pos)
        found = self.found
        if asked not in found:
            if len(found) >= LABEL_MEMO:
                found.clear()  # the scan moves forward and asks a line's neighbours only: keep memory flat
            found[asked] = self.lexicon.strip_label(key, self.blocks[pos].text)
        return found[asked]


def _from_markup(page: Page, rules: tuple[Rule, ...], lexicon: Cues, key: str) -> Link | None:
    boxes = set(page.index.all_matches(NAVIGATION))
    for rule in rules:
        for el in page.index.find(rule):
            if el.tag in ("link", "head") or (rule.attr == "class" and rule.value in BARE_CLASSES
                                               and el.tag != "a" and not _inside(el, boxes)):
                continue
            link = _link_in(page, el, lexicon)
            if link is not None:
                page.note(key, "markup", el)
                return link
    return None


def _inside(el: Element, boxes: set[Element]) -> bool:
    return any(anc in boxes for anc in el.iterancestors()) or el in boxes


def _link_in(page: Page, el: Element, lexicon: Cues) -> Link | None:
    """The first link in a navigation box whose text, labels and arrows removed, is a title."""
    anchors = [el] if el.tag == "a" else list(el.iter("a"))
    for a in anchors:
        href = page.absolute(a.get("href"))
        raw = _anchor_text(page, a)
        if lexicon.strip_label("read_also", " ".join(a.text_content().split())) is not None:
            continue  # rel=next on a see-also link
        text = _title_of(raw, lexicon)
        if href and text and word_count(text) >= MIN_TITLE_WORDS and not lexicon.is_word("page_next", text):
            return Link(text, href)
    return None


def _anchor_text(page: Page, a: Element) -> str:
    """A link's visible text; a child marked as the title wins (the label sits beside it), and in
    a card of several blocks (title, excerpt) the first block that is more than a label."""
    whole = " ".join(a.text_content().split())
    hint = " ".join((a.get("title") or "").split())
    if hint and len(hint) < len(whole) and fold(whole).startswith(fold(hint)):
        return hint  # the card's text runs on past the headline its title attribute names
    lexicon = cues()
    for child in a.iterdescendants():
        if isinstance(child.tag, str) and "title" in (child.get("class") or "").lower() and not is_hidden(child):
            text = " ".join(child.text_content().split())
            if word_count(_title_of(text, lexicon) or "") >= MIN_TITLE_WORDS:
                return text  # a 'nav-subtitle' holding the label ('Nächste:') is not the title
    lead = _before_first_box(a)
    if lead is not None and word_count(lead) >= MIN_TITLE_WORDS:
        return lead  # 'Title<div class="excerpt">...</div>': the headline, then the card's excerpt
    blocks = page.blocks_in(a)
    if len(blocks) > 1:
        for block in blocks:
            if word_count(_title_of(block.text, lexicon) or "") >= MIN_TITLE_WORDS:
                return block.text
    parts = []
    for node in a.iter():
        if node is not a and isinstance(node.tag, str) and is_hidden(node):
            continue
        parts.append(node.text or "")
        if node is not a:
            parts.append(node.tail or "")
    return " ".join("".join(parts).split())


def _before_first_box(a: Element) -> str | None:
    """The link's text before its first block-level child, or None when it has no such child."""
    parts = [a.text or ""]
    for child in a:
        if isinstance(child.tag, str) and child.tag in BLOCK_TAGS:
            return " ".join("".join(parts).split())
        if isinstance(child.tag, str) and not is_hidden(child):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return None


def _arrowed(text: str, key: str) -> str | None:
    """'← Title' is the previous article, 'Title →' the next one."""
    arrows = _BACK if key == "previous" else _FORTH
    stripped = text.strip()
    if key == "previous" and stripped[:1] in arrows:
        return stripped[1:].strip() or None
    if key == "next" and stripped[-1:] in arrows:
        return stripped[:-1].strip() or None
    return None


def _title_of(text: str, lexicon: Cues) -> str | None:
    """A navigation link's text without its labels ('Article précédent', 'Volgende') and arrows."""
    text = text.strip(_ARROWS)
    for key in ("previous", "next"):
        rest = lexicon.strip_label(key, text)
        if rest is not None:
            text = rest
        rest = lexicon.strip_trailing_label(key, text)
        if rest is not None:
            text = rest
    return text.strip(_ARROWS) or None


def _from_labels(page: Page, key: str, after: int | None, lexicon: Cues, labels: _Labels) -> Link | None:
    blocks = page.blocks
    start = (after or 0) + 1 if after is not None else 0
    for pos in paced(range(start, len(blocks)), page.deadline, f"{key}: part of the page was not searched"):
        block = blocks[pos]
        label = labels.strip(key, pos)
        # Whether the line is paired matters only after a label; a pager line ('Next page') is
        # asked about only when the line holds a title otherwise (most lines hold none).
        rest = _labelled_title(block.text, key, lexicon, bool(label) and _paired(labels, pos, key), label)
        if rest is None or labels.strip("page_next", pos) is not None:
            continue
        if not rest and _pager_buttons(blocks, pos, key, lexicon):
            continue
        if not rest and pos + 1 < len(blocks):
            following = blocks[pos + 1]
            if lexicon.phrases(PHRASE_KEYS, following.text):
                continue  # 'Previous' over 'Share this post': a button row, no title under the label
            rest = following.text
            block = following
        rest = rest.strip(_ARROWS) if rest else rest  # 'Next: Title→': the arrow glued to the title
        if rest and word_count(rest) >= MIN_TITLE_WORDS and _reads_as_title(rest):
            url = next((lk.url for lk in block.links if lk.text in rest or rest in lk.text), None)
            if url is None and page.is_html:
                continue  # in a page, the next article is a link; a 'Read next' heading over a widget is not
            page.note(key, "cue", block)
            return Link(rest, url)
    return None


MAX_REPEATED_LABELS = 3
"""Labels stripped one after the other ('PrevVorheriger Artikel'); a line repeating one endlessly is no title."""


def _paired(labels: _Labels, pos: int, key: str) -> bool:
    """Whether a line next to this one opens with the other navigation label ('Vorher ...' over
    'Danach ...'): the two lines are the navigation pair."""
    other = "next" if key == "previous" else "previous"
    return any(0 <= j < len(labels.blocks) and labels.strip(other, j) is not None for j in (pos - 1, pos + 1))


def _labelled_title(text: str, key: str, lexicon: Cues, paired: bool, rest: str | None) -> str | None:
    """The title a navigation line labels with ``key``: after the label ('Article précédent Title',
    'PrevVorheriger ArtikelTitle': a theme may print the label twice), after an arrow, or before a
    label glued after it ('TitleNext article'). None without such a label, or on a pager line that
    holds both labels ('Prev Next 1 of 2,585'). ``rest``: ``lexicon.strip_label(key, text)``,
    which the caller has."""
    both = _pair_on_one_line(text, key, lexicon)
    if both is not None:
        return both
    if rest and not paired and lexicon.strip_label(key, rest) is None and _bare_word_label(text, rest):
        return None  # 'Next Steps Once You Have...': a word of the sentence, not a label
    if rest is not None:
        for _ in range(MAX_REPEATED_LABELS):
            again = lexicon.strip_label(key, rest)
            if again is None or again == rest:
                break
            rest = again
        other = "next" if key == "previous" else "previous"
        return None if lexicon.strip_label(other, rest) is not None else rest
    arrowed = _arrowed(text, key)
    if arrowed is not None:
        return lexicon.strip_label(key, arrowed) or arrowed  # '←Previous: Title': the label after the arrow
    return _before_glued_label(text, key, lexicon)


MAX_PAIR_LINE = 600
"""Characters of a line holding both navigation labels and their titles (two headlines at most)."""


def _pair_on_one_line(text: str, key: str, lexicon: Cues) -> str | None:
    """'← Prev: Title A Next: Title B →': both labels on one line, each followed by its colon; the
    title after ``key``'s label, up to the other label."""
    if ":" not in text or len(text) > MAX_PAIR_LINE:
        return None
    found = {}
    for k in ("previous", "next"):
        for m in lexicon.any_pattern(k).finditer(text):
            if text[m.end():].lstrip().startswith(":"):
                found[k] = m
                break
    if len(found) < 2:
        return None
    mine, other = found[key], found["next" if key == "previous" else "previous"]
    start = text.index(":", mine.end()) + 1
    end = other.start() if other.start() > mine.start() else len(text)
    return text[start:end].strip(_ARROWS) or None


_LABEL_MARKS = ":-–—»›>|/→▶►"


def _bare_word_label(text: str, rest: str) -> bool:
    """Whether a one-word label ('Next', 'Précédent') opens the line with only a space before
    the rest: a label acts with a mark after it (':', '»', '|'), glued to a capital, as a phrase
    ('Next article'), before another label, alone on its line, or beside the other label's line;
    else it is the first word of a sentence."""
    head = text[:text.rfind(rest)]
    label = head.strip(_LABEL_MARKS + " \t\u00a0")
    if " " in label or not head[-1:].isspace():
        return False
    return not any(mark in head for mark in _LABEL_MARKS)


def _before_glued_label(text: str, key: str, lexicon: Cues) -> str | None:
    """'Konkurrenz für Musks SpaceX kommt aus ChinaNächster Artikel' -> the title: a label ends the
    line, glued to the title's last letter or set off by an arrow or a bar (a sentence ending with
    the word 'next' has neither)."""
    rest = lexicon.strip_trailing_label(key, text)
    if not rest or not text.startswith(rest):
        return None
    title = rest.rstrip(_ARROWS)
    after = text[len(title):]
    between = after[:len(after) - len(after.lstrip(_ARROWS))]
    if between.strip():
        return title or None  # 'Title → Next article', 'Title | Next'
    return title if not between and after[:1].isupper() and title[-1:].islower() else None


PAGER_DIGITS = 0.5
"""A share of words holding digits at or above which a 'title' is a page counter ('1 of 2,585')."""


def _reads_as_title(text: str) -> bool:
    """Whether a labelled line's rest is a headline: not a page counter, not a paragraph, and not
    the label's own sentence running on ('Next story in 5 seconds', ', we have...': a headline
    does not start with a small letter or a comma)."""
    words = text.split()
    if len(words) > MAX_NAV_TITLE_WORDS or sum(any(ch.isdigit() for ch in w) for w in words) >= PAGER_DIGITS * len(words):
        return False
    return text[:1] not in _CONTINUING and not text[:1].islower()


MAX_NAV_TITLE_WORDS = 30
"""A headline is shorter; a longer 'title' after the word 'Next' is a paragraph that opens with it."""
_CONTINUING = ",;.:)]"
"""Marks that continue a sentence: a 'title' opening with one is the rest of a sentence."""


def _pager_buttons(blocks: list[TextBlock], pos: int, key: str, lexicon: Cues) -> bool:
    """Whether a bare label line sits next to the other bare label ('Anterior' / 'Próximo'):
    slider or pager buttons, with no title between them."""
    other = "next" if key == "previous" else "previous"
    return any(0 <= j < len(blocks) and lexicon.is_word(other, blocks[j].text) for j in (pos - 1, pos + 1))
