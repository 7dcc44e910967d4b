"""A page as one stream of blocks, the same for HTML and for text dumps.

HTML is walked once (iteratively, so depth costs no recursion) into blocks: the text of
each block-level element with its inline children joined, the links inside it and the
element it came from. A text dump gives one block per non-empty line. Field extractors
read the blocks; those that need markup also read ``page.root``.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from lxml import etree

from .selectors import TOKEN_ATTRIBUTES, WHOLE_VALUE_ATTRIBUTES, Index
from .text import is_prose

if TYPE_CHECKING:
    from .model import Provenance

__all__ = ["Page", "TextBlock", "LinkRef", "Element", "JsonObject", "WALK"]

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
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
STANDALONE_TAGS = HEADINGS | {"p", "blockquote"}
_LIST_TAGS = frozenset({"li", "dd", "dt"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:[\w-]*(?:sr-only|screen-reader|screen-only|visually-hidden|visual-hidden)[\w-]*|hidden|is-hidden|u-hidden|d-none)(?:\s|$)")
HIDDEN_CLASS_PARTS = ("hidden", "sr-only", "screen-", "d-none")
"""Every class token ``_HIDDEN_CLASS`` accepts holds one of these strings: a class string that
holds none of them (nearly all) is known visible without running the pattern."""


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
    links: list[LinkRef] = field(default_factory=list)
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
    """Collects inline text between block boundaries into TextBlocks."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.blocks: list[TextBlock] = []
        self.parts: list[str] = []
        self.size = 0
        self.links: list[tuple[str | None, int, int]] = []
        self.open_links: list[tuple[str | None, int]] = []

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.size += len(text)

    def open_link(self, href: str | None) -> None:
        self.open_links.append((href, self.size))

    def close_link(self) -> None:
        if self.open_links:
            href, start = self.open_links.pop()
            self.links.append((href, start, self.size))

    def flush(self, owner: Element | None, in_quote: bool) -> None:
        if not self.parts:
            if self.open_links:
                self.open_links = [(href, 0) for href, _ in self.open_links]
            self.links = []
            return
        raw = "".join(self.parts) if len(self.parts) > 1 else self.parts[0]
        spans = self.links
        if self.open_links:
            # A link still open wraps this block (a card: <a><h3>title</h3><p>excerpt</p></a>): its part here
            # counts. Only the innermost one does (20k unclosed <a>s must not give 20k links a block).
            href, start = self.open_links[-1]
            if self.size > start:
                spans = spans + [(href, start, self.size)]
            # Links still open continue in the next block from its start.
            self.open_links = [(href, 0) for href, _ in self.open_links]
        self.parts, self.size, self.links = [], 0, []
        text = " ".join(raw.split())
        if not text:
            return
        links: list[LinkRef] = []
        if spans and text == raw:  # nothing was collapsed: offsets stay as they are
            for href, start, end in spans:
                link_text = raw[start:end].strip()
                if link_text:
                    links.append(LinkRef(link_text, href, start, start + len(link_text), self.base_url))
        elif spans:
            # A few links: each offset by a short rescan; many links: one scan of the block for all.
            offsets: Callable[[int], int] = (
                _Offsets(raw) if len(spans) > FEW_LINKS else (lambda pos: _collapsed_offset(raw, pos)))
            for href, start, end in spans:
                link_text = " ".join(raw[start:end].split())
                if link_text:
                    at = offsets(start)
                    links.append(LinkRef(link_text, href, at, at + len(link_text), self.base_url))
        tag = owner.tag if owner is not None and isinstance(owner.tag, str) else "div"
        standalone = tag in STANDALONE_TAGS
        self.blocks.append(TextBlock(len(self.blocks), text, tag, owner, links, in_quote, standalone=standalone))


def join_url(base: str | None, href: str | None) -> str | None:
    """``href`` made absolute against ``base``; None for an empty or malformed one."""
    if not href or not href.strip():
        return None
    if href.startswith(("http://", "https://")) and " " not in href:
        return href  # already absolute: urljoin would only copy it
    if not base:
        return href.strip()  # nothing to resolve against: urljoin would only copy it
    try:
        return urljoin(base or "", href.strip()) or None
    except ValueError:  # "http://[bad-host]/": not a URL at all
        return None


FEW_LINKS = 8


def _collapsed_offset(raw: str, pos: int) -> int:
    """Where raw offset ``pos`` falls once the text's white space is collapsed."""
    if not pos:
        return 0  # a link that opens its block (a list of links)
    prefix = " ".join(raw[:pos].split())
    if prefix and raw[pos - 1:pos].isspace() and raw[pos:].strip():
        return len(prefix) + 1
    return len(prefix)


class _Offsets:
    """Where raw offsets fall once a text's white space is collapsed (" ".join(raw.split())).
    One scan of the white-space runs, then a binary search an offset: a block with thousands
    of links costs no more than its length."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.total = [0]
        for m in _WHITE.finditer(raw):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.total.append(self.total[-1] + m.end() - m.start())
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


MIN_SWALLOWED = 200
"""Characters of paragraph text a skipped element must hold before it can be the page's own text."""
RAW_TEXT_TAGS = frozenset({"script", "style", "template", "title", "meta", "link", "textarea", "option"})
"""Skipped tags whose content is never shown as a page's text, whatever they hold."""


def blocks_from_tree(root: Element, base_url: str | None, index: Index | None = None) -> list[TextBlock]:
    """The block stream of an HTML tree, in document order; ``index``, when given, is filled
    with every element on the way (the elements of skipped subtrees too).

    An element that is skipped (a button, ``<noscript>``, a hidden box) but holds more paragraph
    text than everything shown is the page itself: a tag the parser left open swallowed the rest
    (``<div></button>``), a script reveals a hidden page, a forum prints its posts in
    ``<noscript>``. Such elements are walked instead, in a second pass.
    """
    shown: set[Element] = set()
    for _ in range(MAX_UNSKIP_ROUNDS):
        swallowed: list[Element] = []
        if index is not None:
            index.tokens, index.order = {}, {}  # a second pass indexes every element again
        blocks = _walk_tree(root, base_url, index, shown, swallowed)
        found = _swallowing(blocks, swallowed)
        if found is None:
            break
        shown.add(found)
    return blocks


MAX_UNSKIP_ROUNDS = 3
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
           swallowed: list[Element]) -> bool:
    """Whether the walk passes over ``el`` and its subtree (a skipped tag, or attributes that
    hide it, unless a pass found it holds the page); the elements that may hold the page are
    noted in ``swallowed``."""
    if not (tag in SKIP_TAGS or items and _hides(items)) or el in shown:
        return False
    if tag not in RAW_TEXT_TAGS:
        swallowed.append(el)
    return True


def _walk_tree(root: Element, base_url: str | None, index: Index | None, shown: set[Element],
               swallowed: list[Element]) -> list[TextBlock]:
    """One pass of the walk: the compiled one when it is there, else :func:`_walk_python`."""
    if _walk is None:
        return _walk_python(root, base_url, index, shown, swallowed)
    builder = _Builder(base_url)
    _walk.walk(root, builder, index, _skips, shown, swallowed, _WALK_RULES)
    return builder.blocks


def _walk_python(root: Element, base_url: str | None, index: Index | None, shown: set[Element],
                 swallowed: list[Element]) -> list[TextBlock]:
    """The reference walk, over lxml's ``iterwalk``; ``articlex._walk`` does the same in C."""
    builder = _Builder(base_url)
    add = builder.add
    owners: list[Element] = []
    quote_depth = 0
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    skipped = None
    for event, el in walker:
        tag = el.tag
        if event == "start":
            if tag.__class__ is not str:
                continue
            items = el.items()
            if items and index is not None:
                index.add(el, items)
            if (tag in SKIP_TAGS or items) and _skips(el, tag, items, shown, swallowed):
                walker.skip_subtree()
                skipped = el
                if index is not None:
                    for inner in el.iterdescendants():
                        index.add(inner)
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


def _compiled_walk() -> ModuleType | None:
    """``articlex._walk`` when it was built, matches the installed lxml, and is not turned off."""
    if os.environ.get(PURE_PYTHON):
        return None
    try:
        from . import _walk as compiled
    except ImportError:  # not built (no compiler), or built against another lxml
        return None
    return compiled


PURE_PYTHON = "ARTICLEX_PURE_PYTHON"
"""Set (to anything but empty) before articlex is imported, this environment variable makes the
walk the Python one even where the compiled one is built."""
_walk = _compiled_walk()
WALK = "Python" if _walk is None else f"compiled (lxml {_walk.BUILT_WITH_LXML})"
"""Which block walk this process runs, as ``articlex --version`` prints it."""
_WALK_RULES = (SKIP_TAGS, BLOCK_TAGS, HIDING_ATTRIBUTES, HIDDEN_CLASS_PARTS, TOKEN_ATTRIBUTES, WHOLE_VALUE_ATTRIBUTES)


def blocks_from_text(text: str) -> list[TextBlock]:
    """One block a non-empty line of a text dump."""
    blocks: list[TextBlock] = []
    lines = text.splitlines()
    for n, line in enumerate(lines):
        collapsed = " ".join(line.split())
        if collapsed:
            apart = (n == 0 or not lines[n - 1].strip()) and (n + 1 == len(lines) or not lines[n + 1].strip())
            blocks.append(TextBlock(len(blocks), collapsed, "line", line=n + 1, standalone=apart))
    return blocks


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
    def from_tree(cls, root: Element, url: str | None = None) -> Page:
        page = cls(root=root, blocks=[], base_url=None, url=url)
        page.base_url = url or _base_href(root) or page.meta.get("og:url") or page._jsonld_url()
        index = Index()
        page.blocks = blocks_from_tree(root, page.base_url, index)
        page.index = index  # filled on the way: no second pass over the elements
        return page

    def _jsonld_url(self) -> str | None:
        for obj in self.jsonld:
            for key in ("url", "mainEntityOfPage"):
                value = obj.get(key)
                value = value.get("@id") if isinstance(value, dict) else value
                if isinstance(value, str) and value.startswith(("http://", "https://")):
                    return value
        return None

    @classmethod
    def from_text(cls, text: str, url: str | None = None) -> Page:
        return cls(root=None, blocks=blocks_from_text(text), base_url=None, url=url)

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
        if self.root is None:
            return found
        for el in self.root.iter("meta"):
            key = el.get("property") or el.get("name") or el.get("itemprop")
            content = el.get("content")
            if key and content and content.strip():
                found.setdefault(key.strip().lower(), " ".join(content.split()))
        return found

    @cached_property
    def jsonld(self) -> list[JsonObject]:
        """Every JSON-LD object of the page, ``@graph`` lists flattened; broken scripts skipped."""
        found: list[JsonObject] = []
        if self.root is None:
            return found
        for script in self.root.iter("script"):
            if "ld+json" not in (script.get("type") or "").lower() or not script.text:
                continue
            try:
                data = json.loads(_CDATA.sub("", script.text).strip().rstrip(";"))
            except (ValueError, RecursionError):
                continue
            found.extend(_objects(data))
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

    def blocks_in(self, container: Element) -> list[TextBlock]:
        """The blocks whose element lies inside ``container`` (itself included). A block's element
        is always a block-level one: only those are gathered (in C, not every link and span)."""
        inside = set(container.iter(*BLOCK_TAGS))
        return [b for b in self.blocks if b.element in inside]


def common_ancestor(elements: list[Element]) -> Element | None:
    """The deepest element holding all of ``elements`` (their shared container)."""
    if not elements:
        return None
    chain = [elements[0], *elements[0].iterancestors()]
    for el in elements[1:]:
        ancestors = {el, *el.iterancestors()}
        chain = [c for c in chain if c in ancestors]
    return chain[0] if chain else None


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


def _base_href(root: Element) -> str | None:
    for el in root.iter("base"):
        if el.get("href"):
            return str(el.get("href")).strip()
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            return str(el.get("href")).strip()
    return None
