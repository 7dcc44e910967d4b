"""Previous / next article: navigation boxes in the markup, else labelled lines."""

from __future__ import annotations

from ..lexicon import Cues, cues
from ..model import Link
from ..page import Page, TextBlock
from ..selectors import NAVIGATION, NEXT, PREVIOUS, Rule
from ..text import word_count

__all__ = ["find_navigation"]

MIN_TITLE_WORDS = 2
"""A linked 'title' of one word is a pager ('2', 'Next'), not an article."""


def find_navigation(page: Page, after: int | None) -> tuple[Link | None, Link | None]:
    """(previous, next). ``after``: the body's last block; navigation lies after it."""
    lexicon = cues()
    found = {"previous": None, "next": None}
    if page.is_html:
        found["previous"] = _from_markup(page, PREVIOUS, lexicon)
        found["next"] = _from_markup(page, NEXT, lexicon)
    for key in ("previous", "next"):
        if found[key] is None:
            found[key] = _from_labels(page.blocks, key, after, lexicon)
    return found["previous"], found["next"]


def _from_markup(page: Page, rules: tuple[Rule, ...], lexicon: Cues) -> Link | None:
    boxes = set(page.index.all_matches(NAVIGATION))
    for rule in rules:
        for el in page.index.find(rule):
            if el.tag in ("link", "head") or (rule.attr == "class" and rule.value in ("prev", "next")
                                               and not _inside(el, boxes)):
                continue
            link = _link_in(page, el, lexicon)
            if link is not None:
                return link
    return None


def _inside(el, boxes: set) -> bool:
    return any(anc in boxes for anc in el.iterancestors()) or el in boxes


def _link_in(page: Page, el, lexicon: Cues) -> Link | None:
    blocks = page.blocks_in(el) if el.tag != "a" else page.blocks_in(el.getparent())
    for block in blocks:
        for link in block.links:
            text = _title_of(link.text, lexicon)
            if text and word_count(text) >= MIN_TITLE_WORDS and not lexicon.is_word("page_next", text):
                return Link(text, link.url)
    # The label and the title may be one link ("Article précédent" + title in one <a>).
    return None


def _title_of(text: str, lexicon: Cues) -> str | None:
    for key in ("previous", "next"):
        rest = lexicon.strip_label(key, text)
        if rest is not None:
            return rest or None
    return text


def _from_labels(blocks: list[TextBlock], key: str, after: int | None, lexicon: Cues) -> Link | None:
    start = (after or 0) + 1 if after is not None else 0
    for pos in range(start, len(blocks)):
        block = blocks[pos]
        rest = lexicon.strip_label(key, block.text)
        if rest is None or lexicon.strip_label("page_next", block.text) is not None:
            continue
        if not rest and pos + 1 < len(blocks):
            following = blocks[pos + 1]
            rest = following.text
            block = following
        if rest and word_count(rest) >= MIN_TITLE_WORDS:
            url = next((lk.url for lk in block.links if lk.text in rest or rest in lk.text), None)
            return Link(rest, url)
    return None
