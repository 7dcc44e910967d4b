"""A page as one stream of blocks, the same for HTML and for text dumps.

HTML is walked once (iteratively, so depth costs no recursion) into blocks: the text of
each block-level element with its inline children joined, the links inside it and the
element it came from. A text dump gives one block per non-empty line. Field extractors
read the blocks; those that need markup also read ``page.root``.
"""

from __future__ import annotations

import json
import operator
import os
import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from collections.abc import Callable, Iterator, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any, SupportsIndex, TypeVar, overload

from lxml import etree

from .deadline import CHECK_EVERY, NO_DEADLINE, Deadline, paced
from .selectors import CHROME_TAGS, TOKEN_ATTRIBUTES, WHOLE_VALUE_ATTRIBUTES, Index
from .text import collapse_white, is_prose
from .urls import absolute, http_base

if TYPE_CHECKING:
    from .model import Provenance

__all__ = ["Page", "TextBlock", "LineBlocks", "LinkRef", "Element", "JsonObject", "WALK"]

Element = Any
"""An lxml element. Typed as Any on purpose: the rules read elements through lxml's dynamic API
(XPath results, attribute lookups), where the stubs' unions would need a cast at every step."""
JsonObject = dict[str, Any]
"""A JSON-LD object as ``json.loads`` gives it."""

BLOCK_TAGS = frozenset(
    "address article aside blockquote body br center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p "
    "pre section summary table tbody td tfoot th thead tr ul".split()
)
SKIP_TAGS = frozenset(
    "head script style noscript template select option textarea button svg iframe object "
    "embed canvas math input meta link title".split()
)
_TAG_NAMES = {tag: tag for tag in BLOCK_TAGS}
"""The tags a block's owner may have (only block-level elements own blocks)."""
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
STANDALONE_TAGS = HEADINGS | {"p", "blockquote"}
_LIST_TAGS = frozenset({"li", "dd", "dt"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:[\w-]*(?:sr-only|screen-reader|screen-only|visually-hidden|visual-hidden)[\w-]*|hidden|is-hidden|u-hidden|d-none)(?:\s|$)")
HIDDEN_CLASS_PARTS = ("hidden", "sr-only", "screen-", "d-none")
"""Every class token ``_HIDDEN_CLASS`` accepts holds one of these strings: a class string that
holds none of them (nearly all) is known visible without running the pattern."""


NO_LINKS: tuple[LinkRef, ...] = ()
SHARED_CHARS = 48
"""Texts this short repeat across a page (menu items, labels, numbers, a dump's short lines): a walk
keeps one copy of each. Longer ones are prose, seldom repeated, and not worth a dictionary entry."""


def _shared(texts: dict[str, str], text: str) -> str:
    """The copy of a short text already kept, else ``text`` (kept while there is room)."""
    if len(text) > SHARED_CHARS:
        return text
    return texts.get(text) or (texts.setdefault(text, text) if len(texts) < MAX_SHARED_TEXTS else text)


MAX_SHARED_TEXTS = 4096
"""Distinct short texts one page keeps one copy of: the labels and menu items that repeat are few,
and a page of 300,000 distinct link texts would otherwise hold a dictionary as large as its links."""


@dataclass(slots=True)
class LinkRef:
    """A link inside a block: its text, its href and where its text sits in the block."""

    text: str
    href: str | None
    start: int
    end: int
    base: str | None = None

    @property
    def url(self) -> str | None:
        """The absolute URL, resolved when asked: few of a page's links are ever read."""
        return join_url(self.base, self.href)


@dataclass(slots=True, eq=False)
class TextBlock:
    """One block of the stream."""

    index: int
    text: str
    tag: str
    """The owning element's tag (``p``, ``h2``, ``div``...), or ``line`` in a text dump."""
    element: Any = None
    """The owning lxml element (HTML only)."""
    links: Sequence[LinkRef] = NO_LINKS
    """The links inside the block, in order (one shared empty tuple for the many blocks without any)."""
    in_quote: bool = False
    line: int | None = None
    """The line number in a text dump (1-based)."""
    standalone: bool = False
    """Set apart like a paragraph or a heading: blank lines around it in a dump, ``<p>``/``<hN>`` in HTML."""
    _prose: bool | None = None
    _density: float | None = None

    @property
    def prose(self) -> bool:
        """Whether the block reads as running text (computed once: big pages ask many times)."""
        if self._prose is None:
            self._prose = is_prose(self.text)
        return self._prose

    @property
    def kind(self) -> str:
        if self.in_quote:
            return "quote"
        if self.tag in HEADINGS:
            return "heading"
        if self.tag in _LIST_TAGS:
            return "list_item"
        if self.tag == "tr":
            return "table_row"
        return "paragraph"

    @property
    def link_density(self) -> float:
        """The share of the text that is link text (computed once)."""
        if self._density is None:
            linked = sum(len(link.text) for link in self.links) if self.links else 0
            self._density = min(1.0, linked / len(self.text)) if self.text else 0.0
        return self._density


Where = Element | TextBlock | list[TextBlock] | None
"""What a field was read from: an element, a block, a run of blocks, or nothing located."""


def is_hidden(el: Element) -> bool:
    return _hides(el.items())


HIDING_ATTRIBUTES = frozenset({"hidden", "aria-hidden", "style", "class"})
"""Every attribute :func:`_hides` reads: the compiled walk asks it only about elements that have one."""


def _hides(items: list[tuple[str, str]]) -> bool:
    """Whether attributes hide their element: ``hidden``, ``aria-hidden``, an inline style or a class."""
    for attr, value in items:
        if attr == "hidden":
            return True
        if attr == "aria-hidden":
            if value == "true":
                return True
        elif attr == "style":
            if value and _HIDDEN_STYLE.search(value):
                return True
        elif attr == "class":
            if value and _hidden_class(value):
                return True
    return False


def _hidden_class(cls: str) -> bool:
    """Whether a class string hides its element: substrings first, the pattern (cached) only
    for the few strings that hold one."""
    for part in HIDDEN_CLASS_PARTS:
        if part in cls:
            return _hidden_class_pattern(cls)
    return False


@lru_cache(maxsize=1024)
def _hidden_class_pattern(cls: str) -> bool:
    return bool(_HIDDEN_CLASS.search(cls))


class _Builder:
    """Collects inline text between block boundaries into TextBlocks.

    A block may gather hundreds of thousands of text pieces: they are joined every
    :data:`PIECES_JOINED` of them. (Its closed links stay (href, start, end) tuples: kept as
    machine integers they cost 5 % more time on ordinary pages, for 3 times the input's size
    saved on a block of 300,000 links.)"""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.blocks: list[TextBlock] = []
        self.parts: list[str] = []
        self.chunks: list[str] = []
        """The pieces of the block so far, joined by :data:`PIECES_JOINED` (before ``parts``)."""
        self.size = 0
        """Characters collected for the block being built (0: it holds nothing yet)."""
        self.links: list[tuple[str | None, int, int]] = []
        """The links closed in the block: href, where it starts and where it ends."""
        self.open_links: list[tuple[str | None, int]] = []
        self.texts: dict[str, str] = {}

    def add(self, text: str | None) -> None:
        if text:
            parts = self.parts
            parts.append(text)
            self.size += len(text)
            if len(parts) >= PIECES_JOINED:
                self.chunks.append("".join(parts[:-1]))
                del parts[:-1]  # the last piece stays: ``parts`` is never empty while the block holds text

    def open_link(self, href: str | None) -> None:
        self.open_links.append((href, self.size))

    def close_link(self) -> None:
        if self.open_links:
            href, start = self.open_links.pop()
            self.links.append((href, start, self.size))

    def flush(self, owner: Element | None, in_quote: bool) -> None:
        if not self.size:
            if self.open_links:
                self.open_links = [(href, 0) for href, _ in self.open_links]
            self.links = []
            return
        if self.open_links:
            # A link still open wraps this block (a card: <a><h3>title</h3><p>excerpt</p></a>): its part here
            # counts. Only the innermost one does (20k unclosed <a>s must not give 20k links a block).
            href, start = self.open_links[-1]
            if self.size > start:
                self.links.append((href, start, self.size))
            # Links still open continue in the next block from its start.
            self.open_links = [(href, 0) for href, _ in self.open_links]
        pieces = self.chunks + self.parts if self.chunks else self.parts
        raw = "".join(pieces) if len(pieces) > 1 else pieces[0]
        self.parts, self.size = [], 0
        if self.chunks:
            self.chunks = []
        if len(raw) > LONG_BLOCK:
            text, offsets = _collapsed(raw, len(self.links))
        else:  # the quicker way for short texts
            text = " ".join(raw.split())
            offsets = None if text == raw or not self.links else _offsets(raw, len(self.links))
        if text:
            texts = self.texts
            text = _shared(texts, text)
            links = self._link_refs(raw, text, offsets) if self.links else NO_LINKS
            tag = owner.tag if owner is not None else "div"
            # One copy of each name (lxml makes a new string at each .tag).
            tag = _TAG_NAMES.get(tag) or (tag if isinstance(tag, str) else "div")
            self.blocks.append(TextBlock(len(self.blocks), text, tag, owner, links, in_quote,
                                         standalone=tag in STANDALONE_TAGS))
        self.links = []

    def _link_refs(self, raw: str, text: str,
                   offsets: Callable[[int], int] | None) -> list[LinkRef] | tuple[LinkRef, ...]:
        """The block's links, their offsets moved to its collapsed text (``offsets``: None when
        the text is the raw one)."""
        links: list[LinkRef] = []
        texts = self.texts
        for href, start, end in self.links:
            link_text = raw[start:end].strip() if offsets is None else collapse_white(raw[start:end])
            if link_text:
                link_text = text if len(link_text) == len(text) else _shared(texts, link_text)
                at = start if offsets is None else offsets(start)
                links.append(LinkRef(link_text, href, at, at + len(link_text), self.base_url))
        return links or NO_LINKS


PIECES_JOINED = 4096
"""Text pieces a block being built holds before they are joined into one string: a block of
300,000 links gathers 600,000 pieces, some 35 MB as separate strings."""


LONG_BLOCK = 2000
"""Characters past which a block's text is first checked for white space other than single spaces
(:func:`_collapsed`) before it is split into words and joined again (a block of 300,000 links
would make as many word strings); shorter ones are split at once, the quicker way for them."""


def _collapsed(raw: str, links: int) -> tuple[str, Callable[[int], int] | None]:
    """``raw`` with its white space collapsed (``" ".join(raw.split())``), and where a raw offset
    falls in it (None: the texts are the same; else a function, made only when ``links``)."""
    inner = raw.strip()
    if inner.isprintable() and "  " not in inner:
        # Its only white space is single spaces (every other white-space character is
        # unprintable): the text needs no splitting, offsets move by the stripped lead.
        if len(inner) == len(raw):
            return raw, None
        lead, size = len(raw) - len(raw.lstrip()), len(inner)
        return inner, (lambda pos: min(max(pos - lead, 0), size))
    text = collapse_white(raw)
    return text, (None if not links or text == raw else _offsets(raw, links))


def _offsets(raw: str, links: int) -> Callable[[int], int]:
    """Where raw offsets fall in the collapsed text: a few links are each offset by a short
    rescan; many links, by one scan of the block for all."""
    return _Offsets(raw) if links > FEW_LINKS else (lambda pos: _collapsed_offset(raw, pos))


def join_url(base: str | None, href: str | None) -> str | None:
    """``href`` made absolute against ``base``; None for an empty or malformed one. Any scheme is
    kept here (the fields judge a link by its target); :func:`articlex.urls.safe_url` is the
    gate every URL field passes on its way out."""
    return absolute(base, href)


FEW_LINKS = 8


def _collapsed_offset(raw: str, pos: int) -> int:
    """Where raw offset ``pos`` falls once the text's white space is collapsed."""
    if not pos:
        return 0  # a link that opens its block (a list of links)
    prefix = collapse_white(raw[:pos])
    if prefix and raw[pos - 1:pos].isspace() and raw[pos:].strip():
        return len(prefix) + 1
    return len(prefix)


class _Offsets:
    """Where raw offsets fall once a text's white space is collapsed (" ".join(raw.split())).
    One scan of the white-space runs, then a binary search an offset: a block with thousands
    of links costs no more than its length."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.starts = array("q")
        self.ends = array("q")
        self.total = array("q", [0])
        for m in _WHITE.finditer(raw):
            start, end = m.span()
            self.starts.append(start)
            self.ends.append(end)
            self.total.append(self.total[-1] + end - start)
        self.leads = bool(raw) and not raw[0].isspace()
        self.last = len(raw.rstrip())

    def __call__(self, pos: int) -> int:
        i = bisect_right(self.starts, pos - 1)
        white = self.total[i] - (max(0, self.ends[i - 1] - pos) if i else 0)
        solid = pos - white
        words = (self.leads and pos > 0) + bisect_left(self.ends, pos)
        length = solid + max(0, words - 1)
        if solid and self.raw[pos - 1].isspace() and pos < self.last:
            length += 1
        return length


_WHITE = re.compile(r"\s+")


PARSER_CONTAINERS = frozenset("svg math embed object canvas button select option".split())
"""Skipped elements that never hold a paragraph as written, but that libxml2 makes the container of
the rest of the page when they are left open (``<embed>`` is void in HTML; an unclosed ``<svg>``
or ``<math>`` ends where a browser's parser leaves foreign content, at the first paragraph). One
that holds a paragraph or a heading is walked like any other element, with a warning, however
little text it holds (the second pass below needs it to hold more than the rest of the page)."""
_REST_OF_PAGE = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "article", "blockquote", "table")
"""What shows that a skipped element holds page content: an icon, a formula or a plugin holds none."""
SWALLOWING_TAGS = frozenset("iframe textarea xmp noembed noframes title".split())
"""Skipped elements whose content libxml2 reads as text up to their end tag (the rest of the page
when there is none): what they swallowed is reported, as a browser would not show it either."""
_MARKUP_IN_TEXT = re.compile(r"<(?:p|div|h[1-6]|article|section|table)[\s>]", re.I)
WARN_KEPT = "an unclosed <{tag}> held the rest of the page: its content was read as the page's"
WARN_SWALLOWED = "an unclosed <{tag}> took {chars} characters of the page as its own text: they were not read"


def _holds_the_rest(el: Element) -> bool:
    """Whether a skipped element holds page content (an SVG's foreignObject may hold HTML on purpose)."""
    return next(el.iterdescendants(*_REST_OF_PAGE), None) is not None \
        and next(el.iterdescendants("foreignobject", "foreignObject"), None) is None


def _swallowed(el: Element) -> bool:
    text = el.text
    return bool(text) and _MARKUP_IN_TEXT.search(text) is not None


def _note_once(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


MIN_SWALLOWED = 200
"""Characters of paragraph text a skipped element must hold before it can be the page's own text."""
RAW_TEXT_TAGS = frozenset({"script", "style", "template", "title", "meta", "link", "textarea", "option"})
"""Skipped tags whose content is never shown as a page's text, whatever they hold."""


def blocks_from_tree(root: Element, base_url: str | None, index: Index | None = None,
                     deadline: Deadline = NO_DEADLINE, notes: list[str] | None = None,
                     gathered: list[tuple[str, Element]] | None = None) -> list[TextBlock]:
    """The block stream of an HTML tree, in document order; ``index``, when given, is filled
    with every element on the way (the elements of skipped subtrees too), and ``gathered`` with
    (tag, element) of every element of :data:`GATHERED_TAGS`, as ``root.iter(*GATHERED_TAGS)``
    gives them.

    An element that is skipped (a button, ``<noscript>``, a hidden box) but holds more paragraph
    text than everything shown is the page itself: a tag the parser left open swallowed the rest
    (``<div></button>``), a script reveals a hidden page, a forum prints its posts in
    ``<noscript>``. Such elements are walked instead, in a second pass.

    When ``deadline`` has spent its reading share the walk stops there, keeps the blocks it made
    and notes it in the deadline. ``notes``, when given, receives what the walk read unusually or
    could not read (an element left open that holds the rest of the page).
    """
    shown: set[Element] = set()
    for _ in range(MAX_UNSKIP_ROUNDS):
        swallowed: list[Element] = []
        if index is not None:
            index.reset()  # a second pass indexes every element again
        if gathered is not None:
            gathered.clear()
        blocks = _walk_tree(root, base_url, index, shown, swallowed, deadline, notes, gathered)
        found = _swallowing(blocks, swallowed) if not deadline.reading_over() else None
        if found is None:
            break
        shown.add(found)
    return blocks


MAX_UNSKIP_ROUNDS = 3
GATHERED_TAGS = frozenset({"meta", "script", "base", "link", *CHROME_TAGS})
"""Tags the fields look up over the whole tree (the meta table, JSON-LD, the base URL, the page's
chrome): the walk lists their elements as it passes them (:meth:`Page.tagged`). A pass of
``root.iter(tag)`` of its own costs about a tenth of the walk, whatever the tag (it reads every node)."""
"""Passes of the walk: a swallowing element may sit inside another (a page in a hidden box in a button)."""


def _swallowing(blocks: list[TextBlock], skipped: list[Element]) -> Element | None:
    """The skipped element holding the most paragraph text, when it holds more than the shown blocks."""
    if not skipped:
        return None
    shown = sum(len(b.text) for b in blocks if b.tag == "p")
    best, most = None, max(MIN_SWALLOWED, shown)
    for el in skipped:
        held = sum(len(p.text_content()) for p in el.iter("p"))
        if held > most:
            best, most = el, held
    return best


def _skips(el: Element, tag: str, items: list[tuple[str, str]], shown: set[Element],
           swallowed: list[Element], notes: list[str] | None = None) -> bool:
    """Whether the walk passes over ``el`` and its subtree (a skipped tag, or attributes that
    hide it, unless a pass found it holds the page); the elements that may hold the page are
    noted in ``swallowed``. An element the parser made the container of the rest of the page
    (an unclosed ``<embed>``) is walked, and a raw-text element that swallowed markup reported,
    in ``notes``."""
    hidden = bool(items) and _hides(items)
    if not (tag in SKIP_TAGS or hidden) or el in shown:
        return False
    if tag in PARSER_CONTAINERS and not hidden and _holds_the_rest(el):
        if notes is not None:
            _note_once(notes, WARN_KEPT.format(tag=tag))
        return False
    if notes is not None and tag in SWALLOWING_TAGS and _swallowed(el):
        _note_once(notes, WARN_SWALLOWED.format(tag=tag, chars=len(el.text)))
    if tag not in RAW_TEXT_TAGS:
        swallowed.append(el)
    return True


def _walk_tree(root: Element, base_url: str | None, index: Index | None, shown: set[Element],
               swallowed: list[Element], deadline: Deadline = NO_DEADLINE,
               notes: list[str] | None = None, gathered: list[tuple[str, Element]] | None = None) -> list[TextBlock]:
    """One pass of the walk: the compiled one when it is there, else :func:`_walk_python`."""
    def skips(el: Element, tag: str, items: list[tuple[str, str]], shown: set[Element],
              swallowed: list[Element]) -> bool:
        return _skips(el, tag, items, shown, swallowed, notes)

    if _walk is None:
        return _walk_python(root, base_url, index, shown, swallowed, deadline, skips, gathered)
    blocks: list[TextBlock]
    blocks, stopped = _walk.walk(root, base_url, index, skips, shown, swallowed, _WALK_RULES,
                                 deadline.reading_over, CHECK_EVERY, gathered)
    if stopped:
        deadline.stop(WALK_STOPPED.format(blocks=len(blocks)))
    return blocks


def _walk_python(root: Element, base_url: str | None, index: Index | None, shown: set[Element],
                 swallowed: list[Element], deadline: Deadline = NO_DEADLINE,
                 skips: Callable[..., bool] = _skips,
                 gathered: list[tuple[str, Element]] | None = None) -> list[TextBlock]:
    """The reference walk, over lxml's ``iterwalk``; ``articlex._walk`` does the same in C."""
    builder = _Builder(base_url)
    add = builder.add
    owners: list[Element] = []
    quote_depth = 0
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    skipped = None
    countdown = CHECK_EVERY
    for event, el in walker:
        tag = el.tag
        countdown -= 1
        if not countdown:
            countdown = CHECK_EVERY
            if deadline.reading_over():
                deadline.stop(WALK_STOPPED.format(blocks=len(builder.blocks)))
                break
        if event == "start":
            if tag.__class__ is not str:
                continue
            if gathered is not None and tag in GATHERED_TAGS:
                gathered.append((tag, el))
            items = el.items()
            if items and index is not None:
                index.add(el, items)
            if (tag in SKIP_TAGS or items) and skips(el, tag, items, shown, swallowed):
                walker.skip_subtree()
                skipped = el
                if index is not None or gathered is not None:
                    _pass_over(el, index, gathered)
                continue
            if tag in BLOCK_TAGS:
                builder.flush(owners[-1] if owners else None, quote_depth > 0)
                owners.append(el)
                if tag == "blockquote":
                    quote_depth += 1
            elif tag == "a":
                builder.open_link(el.get("href"))
            add(el.text)
        elif event == "end":
            if tag.__class__ is not str:
                continue
            if el is skipped:
                skipped = None
            elif tag in BLOCK_TAGS:
                builder.flush(el, quote_depth > 0)
                if owners and owners[-1] is el:
                    owners.pop()
                if tag == "blockquote":
                    quote_depth -= 1
            elif tag == "a":
                builder.close_link()
            add(el.tail)
        else:  # a comment or a processing instruction: only its tail is text
            add(el.tail)
    builder.flush(owners[-1] if owners else None, False)
    return builder.blocks


def _pass_over(skipped: Element, index: Index | None, gathered: list[tuple[str, Element]] | None) -> None:
    """The elements of a skipped subtree indexed and gathered (the walk does not enter it)."""
    for inner in skipped.iterdescendants():
        if index is not None:
            index.add(inner)
        if gathered is not None and inner.tag in GATHERED_TAGS:
            gathered.append((inner.tag, inner))


def _compiled_walk() -> ModuleType | None:
    """``articlex._walk`` when it was built, from these sources (:data:`WALK_API`), matches the
    installed lxml, and is not turned off."""
    if os.environ.get(PURE_PYTHON):
        return None
    try:
        from . import _walk as compiled
    except ImportError:  # not built (no compiler), or built against another lxml
        return None
    if getattr(compiled, "WALK_API", None) != WALK_API:
        return None  # built from older sources (an install not rebuilt since): the Python walk runs
    return compiled


WALK_API = 2
"""The interface of ``articlex._walk`` this module calls (the same number in ``_walk.pyx``)."""


PURE_PYTHON = "ARTICLEX_PURE_PYTHON"
"""Set (to anything but empty) before articlex is imported, this environment variable makes the
walk the Python one even where the compiled one is built."""
_walk = _compiled_walk()
WALK = "Python" if _walk is None else f"compiled (lxml {_walk.BUILT_WITH_LXML})"
"""Which block walk this process runs, as ``articlex --version`` prints it."""


@dataclass(frozen=True)
class WalkRules:
    """What the compiled walk reads from this module: the tags and attributes it decides on, and
    how :class:`_Builder` makes blocks (the compiled walk builds them in C, the same way)."""

    skip_tags: frozenset[str] = SKIP_TAGS
    gathered_tags: frozenset[str] = GATHERED_TAGS
    block_tags: dict[str, str] = field(default_factory=lambda: _TAG_NAMES)
    """Block tags, each to the one copy of its name the blocks hold."""
    hiding_attributes: frozenset[str] = HIDING_ATTRIBUTES
    hidden_class_parts: tuple[str, ...] = HIDDEN_CLASS_PARTS
    token_attributes: frozenset[str] = TOKEN_ATTRIBUTES
    whole_value_attributes: frozenset[str] = WHOLE_VALUE_ATTRIBUTES
    standalone_tags: frozenset[str] = STANDALONE_TAGS
    block: type[TextBlock] = TextBlock
    link: type[LinkRef] = LinkRef
    no_links: tuple[LinkRef, ...] = NO_LINKS
    shared_chars: int = SHARED_CHARS
    max_shared_texts: int = MAX_SHARED_TEXTS
    pieces_joined: int = PIECES_JOINED
    collapse: Callable[[str], str] = collapse_white
    """How a block's white space is collapsed (a long text a piece at a time)."""


_WALK_RULES = WalkRules()


WALK_STOPPED = "the page was read into {blocks} blocks, the rest of it was not read"
BLOCKS_IN_STOPPED = "the article's blocks were gathered from part of its container only"


def blocks_from_text(text: str, deadline: Deadline = NO_DEADLINE) -> list[TextBlock]:
    """One block a non-empty line of a text dump (up to the line where ``deadline`` expires).

    The lines are recorded as offsets into ``text`` (:class:`LineBlocks`); a dump of up to
    :data:`LAZY_LINES` blocks then gets them as a plain list, a longer one keeps the offsets and
    makes each block when it is read."""
    store = _LineStore(text)
    starts, ends, lines, flags = store.starts.append, store.ends.append, store.lines.append, store.flags
    blank_before = True
    pending = False  # the last block was set apart above: it is apart if the next line is blank too
    n = 0
    for start, end in _line_spans(text):
        line = text[start:end]
        stripped = line.strip()
        if pending and not stripped:
            flags[-1] |= _APART
        pending = False
        if n and not n % CHECK_EVERY and deadline.reading_over():
            deadline.stop(WALK_STOPPED.format(blocks=len(store)))
            break
        if stripped:
            lead = start + len(line) - len(line.lstrip())
            starts(lead)
            ends(lead + len(stripped))
            lines(n + 1)
            # White space other than single spaces (every other kind is unprintable) is collapsed when
            # a block is made; a line flagged for nothing to collapse gives the same text.
            flags.append(0 if stripped.isprintable() and "  " not in stripped else _SPACED)
            pending = blank_before
        blank_before = not stripped
        n += 1
    else:
        if pending:  # the last line of the dump
            flags[-1] |= _APART
    blocks = LineBlocks(store, 0, len(store))
    return blocks if len(store) > LAZY_LINES else store.all_made()


LAZY_LINES = 20_000
"""Text dumps of more non-empty lines than this keep their blocks as offsets into the text and
make each one when it is read (:class:`LineBlocks`: 13 bytes a line instead of about 180 for a
block object and its numbers, which put a dump of a million short lines at 50 times its size).
Shorter dumps get a plain list: the fields read every block several times, and a block made
once is faster to read again; 20,000 block objects cost under 4 MB."""


_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""Where ``str.splitlines`` breaks a line."""


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where each line of ``text.splitlines()`` starts and ends, one line at a time: a dump of a
    million short lines is never held twice."""
    start = 0
    for m in _LINE_BREAK.finditer(text):
        yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


_APART = 1
"""Bit of :attr:`_LineStore.flags`: the block is set apart (its ``standalone``)."""
_SPACED = 2
"""Bit of :attr:`_LineStore.flags`: the line may hold white space that the block's text collapses
(tabs, runs of spaces); its text is then collapsed each time the block is made."""
_OFFSET_LIMIT = 2 ** 32
"""Texts shorter than this are indexed with 4-byte offsets, longer ones with 8-byte ones."""


class _LineBlock(TextBlock):
    """A block of a long text dump, made each time it is read (:class:`LineBlocks`): two reads of
    the same block give two objects, equal (``==``, ``in``, the same hash) as one object would be
    to itself. Blocks of one page are told apart by their index and line."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _LineBlock) and self.index == other.index and self.line == other.line \
            and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.index, self.line))


class _LineStore:
    """A text dump's blocks as numbers: where each block's text starts and ends in the dump, its
    line number and its flags, in arrays of machine integers, from which blocks are made on
    demand. Short texts (a menu's items, repeated labels) are kept once, up to
    :data:`MAX_SHARED_TEXTS` of them."""

    def __init__(self, text: str) -> None:
        width = "I" if len(text) < _OFFSET_LIMIT else "Q"
        self.text = text
        self.starts = array(width)
        self.ends = array(width)
        self.lines = array(width)
        self.flags = bytearray()
        self.texts: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.flags)

    def block(self, i: int, kind: type[TextBlock] = _LineBlock) -> TextBlock:
        """Block ``i``, a new object."""
        text = self.text[self.starts[i]:self.ends[i]]
        bits = self.flags[i]
        if bits & _SPACED:
            text = collapse_white(text)
        return kind(i, _shared(self.texts, text), "line", None, NO_LINKS, False, self.lines[i], bits & _APART == _APART)


    def run(self, start: int, stop: int, kind: type[TextBlock] = _LineBlock) -> Iterator[TextBlock]:
        """Blocks ``start`` to ``stop``, new objects (the loop every read of the blocks runs:
        its names are local on purpose)."""
        source, starts, ends, lines, flags, texts = self.text, self.starts, self.ends, self.lines, self.flags, self.texts
        for i in range(start, stop):
            text = source[starts[i]:ends[i]]
            bits = flags[i]
            if bits & _SPACED:
                text = collapse_white(text)
            if len(text) <= SHARED_CHARS:  # _shared(texts, text), inlined
                text = texts.get(text) or (texts.setdefault(text, text) if len(texts) < MAX_SHARED_TEXTS else text)
            yield kind(i, text, "line", None, NO_LINKS, False, lines[i], bits & _APART == _APART)

    def all_made(self) -> list[TextBlock]:
        """Every block as a plain :class:`TextBlock`, in a plain list."""
        return list(self.run(0, len(self), TextBlock))


_T = TypeVar("_T")


class LineBlocks(list[TextBlock]):
    """Blocks ``start`` to ``stop`` of a long text dump, made when read (see :data:`LAZY_LINES`
    and :class:`_LineBlock`).

    It reads as the ``list[TextBlock]`` every field expects: length, indexing, iteration, ``in``,
    ``index``, concatenation with a list (which gives a plain list). A slice is another
    ``LineBlocks`` over the same numbers, so that ``blocks[start:]`` copies nothing. The
    list it derives from stays empty; changing it in place is refused (a page's blocks are
    read only)."""

    __slots__ = ("_store", "_start", "_stop")

    def __init__(self, store: _LineStore, start: int, stop: int) -> None:
        super().__init__()
        self._store, self._start, self._stop = store, start, max(start, stop)

    def __len__(self) -> int:
        return self._stop - self._start

    def __bool__(self) -> bool:
        return self._stop > self._start

    @overload
    def __getitem__(self, i: SupportsIndex) -> TextBlock: ...

    @overload
    def __getitem__(self, i: slice) -> list[TextBlock]: ...

    def __getitem__(self, i: SupportsIndex | slice) -> TextBlock | list[TextBlock]:
        if i.__class__ is int and 0 <= i < self._stop - self._start:  # the common case first
            return self._store.block(self._start + i)
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step == 1:
                return LineBlocks(self._store, self._start + start, self._start + stop)
            return [self._store.block(self._start + k) for k in range(start, stop, step)]
        k = operator.index(i)
        if k < 0:
            k += len(self)
        if not 0 <= k < len(self):
            raise IndexError("block index out of range")
        return self._store.block(self._start + k)

    def __iter__(self) -> Iterator[TextBlock]:
        return self._store.run(self._start, self._stop)

    def __reversed__(self) -> Iterator[TextBlock]:
        block = self._store.block
        return (block(k) for k in range(self._stop - 1, self._start - 1, -1))

    def _position(self, value: object) -> int | None:
        """Where ``value`` stands in this run of blocks, when it is one of them."""
        if not isinstance(value, _LineBlock) or not self._start <= value.index < self._stop:
            return None
        return value.index - self._start if self._store.block(value.index) == value else None

    def __contains__(self, value: object) -> bool:
        return self._position(value) is not None

    def index(self, value: TextBlock, start: SupportsIndex = 0, stop: SupportsIndex = sys.maxsize) -> int:
        at = self._position(value)
        if at is None or not operator.index(start) <= at < operator.index(stop):
            raise ValueError("block is not in this list")
        return at

    def count(self, value: TextBlock) -> int:
        return int(self._position(value) is not None)

    @overload
    def __add__(self, other: list[TextBlock]) -> list[TextBlock]: ...

    @overload
    def __add__(self, other: list[_T]) -> list[TextBlock | _T]: ...

    def __add__(self, other: list[Any]) -> list[Any]:
        return [*self, *other]

    def __radd__(self, other: list[Any]) -> list[Any]:
        return [*other, *self]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, list) and len(other) == len(self) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # a list's: not hashable

    def __repr__(self) -> str:
        return f"LineBlocks({len(self)} blocks of a text dump)"

    def copy(self) -> list[TextBlock]:
        return list(self)

    def __reduce__(self) -> tuple[Any, ...]:
        return list, (list(self),)

    def _read_only(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("a page's blocks are read only: copy them with list() to change them")

    append = extend = insert = pop = remove = clear = sort = reverse = _read_only
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _read_only



CONFIDENCE = {"argument": 1.0, "jsonld": 0.9, "microdata": 0.85, "meta": 0.85, "markup": 0.8, "cue": 0.6,
              "derived": 0.8, "none": 0.0}
"""Default trust per strategy: structured data a publisher fills in on purpose first, theme markup next,
cue words and layout last. A field passes its own figure where one branch is weaker than its strategy."""


@dataclass(eq=False)
class Page:
    """A loaded page: the tree (None for a text dump), its block stream and its base URL."""

    root: Any
    blocks: list[TextBlock]
    base_url: str | None = None
    url: str | None = None
    provenance: dict[str, Provenance] = field(default_factory=dict)
    """Filled by the field extractors through :meth:`note`."""
    cache: dict[str, Any] = field(default_factory=dict)
    """Results one field computes and another reuses (the page's prose blocks...)."""
    warnings: list[str] = field(default_factory=list)
    """What loading altered or left out (undecodable bytes, flattened nesting...)."""
    deadline: Deadline = NO_DEADLINE
    """The call's time budget: steps that loop look at it (``page.deadline.expired()``) and stop."""
    gathered: list[tuple[str, Element]] | None = None
    """(tag, element) of the tree's elements of :data:`GATHERED_TAGS`, in document order, listed by
    the walk (None: not listed, :meth:`tagged` reads the tree)."""
    head: Any = None
    """For a page read as a stream (:mod:`articlex.stream`, ``root`` None): its root element holding
    ``<head>`` alone, where :attr:`meta` and :attr:`jsonld` are read."""

    def note(self, name: str, strategy: str, where: Where = None, confidence: float | None = None) -> None:
        """Record where field ``name`` came from: an element, a block, a list of blocks or nothing."""
        from .model import Provenance

        level = CONFIDENCE[strategy] if confidence is None else confidence
        self.provenance[name] = Provenance(strategy, self.path_of(where), round(level, 2))

    def path_of(self, where: Where) -> str | None:
        """An element's XPath, or the line range of text-dump blocks."""
        if where is None:
            return None
        if isinstance(where, list):
            if not where:
                return None
            first, last = where[0], where[-1]
            if first.line is not None:
                return f"lines {first.line}-{last.line}" if last.line != first.line else f"line {first.line}"
            where = common_ancestor([b.element for b in where if b.element is not None])
        if isinstance(where, TextBlock):
            if where.line is not None:
                return f"line {where.line}"
            where = where.element
        if where is None or not hasattr(where, "getroottree"):
            return None
        return str(where.getroottree().getpath(where))

    @classmethod
    def from_tree(cls, root: Element, url: str | None = None, deadline: Deadline = NO_DEADLINE) -> Page:
        page = cls(root=root, blocks=[], base_url=None, url=url, deadline=deadline)
        index, gathered = Index(), list[tuple[str, Element]]()
        page.blocks = blocks_from_tree(root, None, index, deadline, page.warnings, gathered)
        page.index = index  # filled on the way: no second pass over the elements
        if not deadline.reading_over():  # a walk stopped early listed only part of the tree
            page.gathered = gathered
        page.base_url = _page_base(page, url)  # it reads the elements the walk gathered
        if page.base_url is not None:
            for block in page.blocks:
                for link in block.links:
                    link.base = page.base_url
        return page

    def tagged(self, *tags: str) -> list[Element]:
        """The elements of ``tags``, in document order: ``root.iter(*tags)``, from the walk's list
        when the tags are among those it gathers."""
        if self.root is None:
            return []
        if self.gathered is None or not GATHERED_TAGS.issuperset(tags):
            return list(self.root.iter(*tags))
        return [el for tag, el in self.gathered if tag in tags]

    def _jsonld_url(self) -> str | None:
        for obj in self.jsonld:
            for key in ("url", "mainEntityOfPage"):
                value = obj.get(key)
                value = value.get("@id") if isinstance(value, dict) else value
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    return value
        return None

    @classmethod
    def from_text(cls, text: str, url: str | None = None, deadline: Deadline = NO_DEADLINE) -> Page:
        return cls(root=None, blocks=blocks_from_text(text, deadline), base_url=None, url=url, deadline=deadline)

    @property
    def is_html(self) -> bool:
        return self.root is not None

    def absolute(self, href: str | None) -> str | None:
        if self.root is None:
            return None
        return join_url(self.base_url, href)

    @cached_property
    def index(self) -> Index:
        """Elements by class, id, itemprop... token: what every markup rule looks up."""
        return Index(self.root)

    @cached_property
    def meta(self) -> dict[str, str]:
        """``<meta>`` contents by lower-cased property, name or itemprop (first one wins)."""
        found: dict[str, str] = {}
        tree = self.root if self.root is not None else self.head
        if tree is None:
            return found
        for el in (self.tagged("meta") if self.root is not None else tree.iter("meta")):
            key = el.get("property") or el.get("name") or el.get("itemprop")
            content = el.get("content")
            if key and content and content.strip():
                found.setdefault(key.strip().lower(), " ".join(content.split()))
        return found

    @cached_property
    def jsonld(self) -> list[JsonObject]:
        """Every JSON-LD object of the page, ``@graph`` lists flattened; broken scripts skipped."""
        found: list[JsonObject] = []
        tree = self.root if self.root is not None else self.head
        if tree is None:
            return found
        unread = []
        budget = JSONLD_MAX_CHARS
        for script in (self.tagged("script") if self.root is not None else tree.iter("script")):
            if "ld+json" not in (script.get("type") or "").lower() or not script.text:
                continue
            text = script.text
            if len(text) > budget:
                unread.append(len(text))
                continue
            budget -= len(text)
            try:
                data = json.loads(_CDATA.sub("", text).strip().rstrip(";"))
            except (ValueError, RecursionError):
                continue
            found.extend(_objects(data))
        if unread:
            self.warnings.append(WARN_JSONLD_UNREAD.format(count=len(unread), chars=sum(unread), limit=JSONLD_MAX_CHARS))
        return found

    @cached_property
    def jsonld_ids(self) -> dict[str, JsonObject]:
        """JSON-LD nodes by ``@id``, to resolve references such as ``"author": {"@id": ...}``."""
        return {obj["@id"]: obj for obj in self.jsonld if isinstance(obj.get("@id"), str) and len(obj) > 1}

    def resolve(self, node: Any) -> Any:
        """A JSON-LD node with a bare ``@id`` replaced by the node it names."""
        if isinstance(node, dict) and set(node) == {"@id"} and isinstance(node["@id"], str):
            return self.jsonld_ids.get(node["@id"], node)
        return node

    def jsonld_of(self, *types: str) -> Iterator[JsonObject]:
        """JSON-LD objects whose @type is one of ``types``."""
        wanted = set(types)
        for obj in self.jsonld:
            kind = obj.get("@type")
            kinds = {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}
            if kinds & wanted:
                yield obj

    @cached_property
    def element_index(self) -> dict[Any, int]:
        """For each block-owning element, the index of its first block."""
        index: dict[Any, int] = {}
        for block in self.blocks:
            if block.element is not None:
                index.setdefault(block.element, block.index)
        return index

    def position_of(self, el: Element) -> int | None:
        """The stream index of the block holding ``el``: its own, an ancestor's, or its first descendant's."""
        index = self.element_index
        if el in index:
            return index[el]
        for anc in el.iterancestors():
            if anc in index:
                return index[anc]
        return next((index[d] for d in el.iterdescendants() if d in index), None)

    def first_block_in(self, container: Element) -> int | None:
        """The index of the first block whose element lies inside ``container`` (itself included),
        in the time of a walk over ``container`` only (:meth:`blocks_in` reads every block)."""
        index = self.element_index
        return min((index[el] for el in container.iter(*BLOCK_TAGS) if el in index), default=None)

    @cached_property
    def owned_blocks(self) -> dict[Element, list[TextBlock]]:
        """For each block-owning element, its blocks (an element's text may be cut by its children's)."""
        owned: dict[Element, list[TextBlock]] = {}
        for block in self.blocks:
            if block.element is not None:
                owned.setdefault(block.element, []).append(block)
        return owned

    def blocks_in(self, container: Element) -> list[TextBlock]:
        """The blocks whose element lies inside ``container`` (itself included), in order. A
        block's element is always a block-level one: only those are read (in C, not every link
        and span), and each one's blocks looked up, in the time of a walk over ``container``
        rather than a pass over all the page's blocks (the counters ask about many small boxes)."""
        owned = self.owned_blocks
        found = [block for el in paced(container.iter(*BLOCK_TAGS), self.deadline, BLOCKS_IN_STOPPED)
                 if el in owned for block in owned[el]]
        found.sort(key=_BLOCK_INDEX)
        return found


_BLOCK_INDEX = operator.attrgetter("index")


def common_ancestor(elements: list[Element]) -> Element | None:
    """The deepest element holding all of ``elements`` (their shared container)."""
    if not elements:
        return None
    chain = [elements[0], *elements[0].iterancestors()]
    for el in elements[1:]:
        ancestors = {el, *el.iterancestors()}
        chain = [c for c in chain if c in ancestors]
    return chain[0] if chain else None


JSONLD_MAX_CHARS = 1_000_000
"""Characters of JSON-LD read on one page, its scripts together; a script past them is not read.
Parsed, JSON holds 6 to 20 times its size in Python objects (100,000 small objects in 4.8 MB took
30 MB); a news page's JSON-LD is a few kilobytes, rarely over 100,000 characters."""
WARN_JSONLD_UNREAD = ("JSON-LD: {count} script(s) of {chars} characters in all were not read "
                      "(a page's JSON-LD is read up to {limit} characters)")
_CDATA = re.compile(r"^\s*(?://\s*|/\*\s*)?<!\[CDATA\[(?:\s*\*/)?|(?://\s*|/\*\s*)?\]\]>(?:\s*\*/)?\s*$")
"""A JSON-LD script wrapped in a CDATA section (XHTML serialisers, some themes): the wrapper is no JSON."""


def _objects(data: Any, depth: int = 0) -> Iterator[JsonObject]:
    if depth > 8:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"], depth + 1)


def _page_base(page: Page, url: str | None) -> str | None:
    """The http(s) address the page's links resolve against: the caller's ``url=``, else the page's
    ``<base href>`` or canonical link (resolved against its own og:url or JSON-LD address when
    relative or scheme-relative), else that address itself."""
    own = page.meta.get("og:url") or page._jsonld_url()
    return http_base(url) or http_base(_base_href(page), own or url) or http_base(own)


def _base_href(page: Page) -> str | None:
    for el in page.tagged("base"):
        if el.get("href"):
            return str(el.get("href")).strip()
    for el in page.tagged("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            return str(el.get("href")).strip()
    return None
