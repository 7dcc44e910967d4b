"""Boxes of the page and what sits in them: the tags that own text or hold it, and the checks that
tell a box of the article from a box of something else (boilerplate, readers' talk, other stories),
each one looking up a block's ancestors once per element."""

from __future__ import annotations

from ..page import Element, TextBlock
from ..selectors import BOILERPLATE, DISCUSSION_TOKENS, FOOTER_TOKENS

MOST_PROSE = 0.5
"""A box holding more than this share of the container's prose is never pruned as boilerplate."""
INLINE_OWNERS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre"})
"""Tags that own a paragraph's text; a body rule matching one of them found a paragraph, not a box."""
CONTAINER_TAGS = frozenset({"div", "td", "section", "article", "main", "body"})
"""Boxes: text of their own (not in a paragraph) is loose text, kept in the container only when prose."""
TABLE_CELLS = frozenset({"td", "th"})
LOOSE_TEXT_TAGS = CONTAINER_TAGS - TABLE_CELLS
"""Boxes whose own text, after a text that runs in <p>, is a disclaimer, an appeal or a bio (the tail trim)."""
NON_TEXT_TAGS = frozenset({"figure", "figcaption", "aside", "nav", "form", "footer", "header", "label"})
"""Elements inside the container whose text is never the article's."""
MIN_OPENING_PARAGRAPHS = 2
"""Paragraphs that make a box the text's opening rather than a standfirst, which is one."""
QUOTE_TAGS = frozenset({"blockquote"})
"""A quotation is the text's own, whatever its class names ('blockquote-tag-note' is a note, no tag list)."""
LIST_KINDS = frozenset({"list_item", "table_row"})
"""Block kinds a paragraph leads into: a list or a table after the text's last paragraph stays."""
LIST_TAGS = frozenset({"ul", "ol"})
MIN_LINK_LIST = 3
"""Items, each one link, that make a list a list of links (two could be a sentence's examples)."""


class Ancestry:
    """Whether a block sits inside an element that :meth:`marks` picks out, looking up from the
    block's own element to the first one :meth:`stops` at (memoised per element: a page's blocks
    share their ancestors)."""

    def __init__(self) -> None:
        self.memo: dict[Element, bool] = {}

    def stops(self, el: Element) -> bool:
        return False

    def marks(self, el: Element) -> bool:
        raise NotImplementedError

    def __call__(self, block: TextBlock) -> bool:
        el, path, verdict = block.element, [], False
        while el is not None and not self.stops(el):
            if el in self.memo:
                verdict = self.memo[el]
                break
            path.append(el)
            if self.marks(el):
                verdict = True
                break
            el = el.getparent()
        for seen in path:
            self.memo[seen] = verdict
        return verdict


class Discussion(Ancestry):
    """Whether a block sits in readers' talk or in another story's ``<article>``; the elements in
    ``around`` (the headline and its ancestors) never count as either."""

    def __init__(self, around: set[Element], stories: bool, talk: bool = True, cards: bool = True) -> None:
        super().__init__()
        self.around = around
        self.stories = stories
        """Whether other ``<article>`` elements are other stories (the headline sits in one of its own)."""
        self.talk = talk
        """Whether boxes classed as comments, a forum or replies are readers' talk."""
        self.cards = cards
        """Whether ``<article>`` cards inside the headline's own are other stories (on a listing they
        are the page)."""

    def stops(self, el: Element) -> bool:
        return el in self.around

    def marks(self, el: Element) -> bool:
        return el.tag == "article" and self.stories and self._story(el) \
            or self.talk and DISCUSSION_TOKENS.search(f"{el.get('class') or ''} {el.get('id') or ''}") is not None

    def _story(self, el: Element) -> bool:
        """Another story's ``<article>``: one with a headline of its own, or a card printed in the
        headline's article (with ``cards``; else such cards, headed or not, are the page's)."""
        if self.cards:
            return _headed_story(el) or self._card(el)
        return _headed_story(el) and not self._card(el)

    def _card(self, el: Element) -> bool:
        """An ``<article>`` inside the headline's own: a card of another story printed in it."""
        return any(up.tag == "article" and up in self.around for up in el.iterancestors())


def _headed_story(el: Element) -> bool:
    """An ``<article>`` with a headline of its own: an ``<h1>``, or a heading that is a link (a card)."""
    for heading in el.iter("h1", "h2", "h3"):
        if heading.tag == "h1" or heading.find(".//a") is not None or heading.getparent().tag == "a":
            return True
    return False


class BoilerplateCheck(Ancestry):
    """Whether a block sits in a non-article box inside the container."""

    def __init__(self, container: Element | None, totals: dict[Element, int]) -> None:
        super().__init__()
        self.container = container
        self.most = MOST_PROSE * totals.get(container, 0) if container is not None else 0
        self.totals = totals

    def stops(self, el: Element) -> bool:
        return el is self.container

    def marks(self, el: Element) -> bool:
        return (el.tag in NON_TEXT_TAGS and not _table_figure(el)
                or el.tag not in QUOTE_TAGS and BOILERPLATE.search(f"{el.get('class') or ''} {el.get('id') or ''}")
                or el.tag in LIST_TAGS and _link_list(el)) and not self.holds_most(el)

    def holds_most(self, el: Element) -> bool:
        """A box holding most of the container's prose is the text, whatever its class says."""
        return bool(self.most) and self.totals.get(el, 0) >= self.most


def _table_figure(el: Element) -> bool:
    """A ``<figure>`` around a table: the text's data (editors wrap their tables so), not a picture."""
    return el.tag == "figure" and el.find(".//table") is not None


def _link_list(el: Element) -> bool:
    """A list whose every item is one link and nothing more: other stories, sections, sources to
    click; never the article's own sentences."""
    items = 0
    for item in el:
        if not isinstance(item.tag, str):
            continue
        if item.tag != "li" or len(item) != 1 or item[0].tag != "a" or (item.text or "").strip() \
                or (item[0].tail or "").strip():
            return False
        items += 1
    return items >= MIN_LINK_LIST


class FooterCheck(Ancestry):
    """Whether a block sits in a footer (the page's or an article's): a ``<footer>``, the
    ``contentinfo`` role, or 'footer' as a part of a class or id token."""

    def marks(self, el: Element) -> bool:
        return el.tag == "footer" or el.get("role") == "contentinfo" \
            or FOOTER_TOKENS.search(f"{el.get('class') or ''} {el.get('id') or ''}") is not None


class NavigationCheck(Ancestry):
    """Whether a block sits in a ``<nav>`` inside the container (a pager, a table of contents)."""

    def __init__(self, container: Element | None) -> None:
        super().__init__()
        self.container = container

    def stops(self, el: Element) -> bool:
        return el is self.container

    def marks(self, el: Element) -> bool:
        return bool(el.tag == "nav")
