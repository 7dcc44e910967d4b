"""Previous / next article: navigation boxes in the markup, else labelled lines."""

from __future__ import annotations

from ..lexicon import Cues, cues, fold
from ..model import Link
from ..page import BLOCK_TAGS, Element, Page, is_hidden
from ..selectors import NAVIGATION, NEXT, PREVIOUS, Rule
from ..text import word_count

__all__ = ["find_navigation"]

MIN_TITLE_WORDS = 2
_BACK = "←⟵⇐◄◀"  # not « » ‹ ›: those are quotation marks in many languages
_FORTH = "→⟶⇒►▶"
_ARROWS = " \t←→«»‹›<>⟵⟶⇐⇒◄►◀▶|-–—:"
"""A linked 'title' of one word is a pager ('2', 'Next'), not an article."""


def find_navigation(page: Page, after: int | None) -> tuple[Link | None, Link | None]:
    """(previous, next). ``after``: the body's last block; navigation lies after it."""
    lexicon = cues()
    found: dict[str, Link | None] = {"previous": None, "next": None}
    if page.is_html:
        found["previous"] = _from_markup(page, PREVIOUS, lexicon, "previous")
        found["next"] = _from_markup(page, NEXT, lexicon, "next")
    for key in ("previous", "next"):
        if found[key] is None:
            found[key] = _from_labels(page, key, after, lexicon)
    return found["previous"], found["next"]


def _from_markup(page: Page, rules: tuple[Rule, ...], lexicon: Cues, key: str) -> Link | None:
    boxes = set(page.index.all_matches(NAVIGATION))
    for rule in rules:
        for el in page.index.find(rule):
            if el.tag in ("link", "head") or (rule.attr == "class" and rule.value in ("prev", "next")
                                               and not _inside(el, boxes)):
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
    for child in a.iterdescendants():
        if isinstance(child.tag, str) and "title" in (child.get("class") or "").lower() and not is_hidden(child):
            return " ".join(child.text_content().split())
    lead = _before_first_box(a)
    if lead is not None and word_count(lead) >= MIN_TITLE_WORDS:
        return lead  # 'Title<div class="excerpt">...</div>': the headline, then the card's excerpt
    blocks = page.blocks_in(a)
    if len(blocks) > 1:
        lexicon = cues()
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


def _from_labels(page: Page, key: str, after: int | None, lexicon: Cues) -> Link | None:
    blocks = page.blocks
    start = (after or 0) + 1 if after is not None else 0
    for pos in range(start, len(blocks)):
        block = blocks[pos]
        rest = lexicon.strip_label(key, block.text)
        rest = _arrowed(block.text, key) if rest is None else rest
        if rest is None or lexicon.strip_label("page_next", block.text) is not None:
            continue
        if not rest and pos + 1 < len(blocks):
            following = blocks[pos + 1]
            rest = following.text
            block = following
        if rest and word_count(rest) >= MIN_TITLE_WORDS:
            url = next((lk.url for lk in block.links if lk.text in rest or rest in lk.text), None)
            if url is None and page.is_html:
                continue  # in a page, the next article is a link; a 'Read next' heading over a widget is not
            page.note(key, "cue", block)
            return Link(rest, url)
    return None
