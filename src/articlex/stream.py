"""Dense HTML read as a stream: its text, without holding its whole libxml2 tree.

libxml2 spends about 120 bytes a node, and an element, each attribute and each piece of text is a
node: ``<a href="/s/1">s 1</a>`` (22 characters) takes some 700 bytes as a tree, and the blocks,
the lxml objects they hold and the fields' work on them as much again. A page of megabytes made
of little else (a table of 200,000 rows, 300,000 links) would take 40 to 60 times its size.

Past :data:`STREAM_FROM_BYTES` or :data:`STREAM_FROM_TAGS` start tags, a page whose start tags are
as dense as :data:`DENSE_TAGS_PER_KB` or more is read by :func:`stream_text` instead: lxml's pull parser is fed the page a piece at a
time, each element gives its text to the blocks as the parser passes it (the same walk as
:func:`articlex.page.blocks_from_tree`: block-level elements start a block, skipped and hidden
elements give nothing) and is removed from the tree once read, so that only the elements still
open stay in memory. ``<head>`` is kept whole, for the page's metadata. The blocks become the
lines of a text dump, a paragraph or a heading set apart by blank lines as html-text renders
them, and the page is read as that dump (:meth:`articlex.page.Page.from_text`): the fields that
need markup (URLs of links, breadcrumb and counter boxes, dates in ``<time>``) are not read, and
``warnings`` says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .deadline import Deadline
from .page import BLOCK_TAGS, LONG_BLOCK, PIECES_JOINED, SKIP_TAGS, STANDALONE_TAGS, WALK_STOPPED, Element, _collapsed, _hides

__all__ = ["STREAM_FROM_BYTES", "STREAM_FROM_TAGS", "DENSE_TAGS_PER_KB", "WARN_STREAMED", "WARN_LINK_RUNS", "is_dense", "start_tags", "stream_text", "Streamed"]

STREAM_FROM_BYTES = 2_000_000
"""Smallest page read as a stream when dense: under two megabytes the tree of the densest page takes
some tens of megabytes, and the markup's fields are worth more than the memory."""
DENSE_TAGS_PER_KB = 12
"""Start tags per 1,000 characters from which the tree and its blocks take over 10 times the page
(measured: 24 tags a kB take 22 times the page, 31 take 23 to 38 times, 90 take 64 times; a news
page of prose has 3 to 8)."""
FEED_CHARS = 1 << 16
"""Characters handed to the parser at a time: the events of one piece are read before the next."""
LINES_JOINED = 4096
"""Lines gathered before they are joined into one string (a list of 400,000 short strings would
take as much memory as the tree this reading spares)."""
WARN_STREAMED = ("the page holds {tags} start tags in {size} characters, too dense to hold as a tree: "
                 "it was read as a stream, as its text; the fields that need markup (links' URLs, "
                 "breadcrumb, previous and next, counters and dates in markup, canonical URL, image) "
                 "were not read from the body")
WARN_LINK_RUNS = ("{count} blocks of nothing but links, in runs of {run} or more (menus, link lists), "
                  "were left out of the page read as a stream")


STREAM_FROM_TAGS = 60_000
"""Start tags from which a dense page is read as a stream whatever its size: its tree and blocks
alone would take some 40 MB (about 700 bytes a start tag, its text and its block), over 10 times
any page under :data:`STREAM_FROM_BYTES` that holds them (100,000 nested divs in 1.1 MB took 24 MB)."""


SHORTEST_TAG = 2
"""Characters of the shortest start tag :func:`start_tags` counts ('<' and a letter)."""


def is_dense(text: str) -> bool:
    """Whether ``text`` is HTML large and dense enough to be read as a stream: from
    :data:`STREAM_FROM_BYTES`, or from :data:`STREAM_FROM_TAGS` start tags, when they are as
    dense as :data:`DENSE_TAGS_PER_KB`."""
    size = len(text)
    if size < STREAM_FROM_BYTES and size < STREAM_FROM_TAGS * SHORTEST_TAG:
        return False  # too short to hold that many tags: not counted
    opening = text.count("<")  # at least the start tags: one quick count clears most pages
    if opening * 1000 < DENSE_TAGS_PER_KB * size or (size < STREAM_FROM_BYTES and opening < STREAM_FROM_TAGS):
        return False
    tags = start_tags(text)
    return tags * 1000 >= DENSE_TAGS_PER_KB * size and (size >= STREAM_FROM_BYTES or tags >= STREAM_FROM_TAGS)


def start_tags(text: str) -> int:
    """Start tags, counted as '<' followed by a letter (end tags, comments and a bare '<' aside)."""
    return text.count("<") - text.count("</") - text.count("<!") - text.count("< ")


@dataclass(frozen=True)
class Streamed:
    """What reading a page as a stream gives."""

    text: str
    """The page's blocks as the lines of a text dump."""
    head: Element | None
    """The page's root element holding ``<head>`` whole and nothing else (None when it has none)."""
    stopped: bool
    """Whether the reading share of the deadline ran out before the end of the page."""
    blocks: int
    """Blocks read."""
    left_out: int
    """Blocks left out as runs of links (see :data:`LINK_RUN`)."""


class _Lines:
    """The blocks as lines of a dump: a paragraph or a heading set apart by blank lines. A run of
    :data:`LINK_RUN` or more blocks that are only link text (a menu, a list of 100,000 links) is
    left out: the tree's body leaves such a run out by its link density, which a dump does not
    show, and its links' URLs could not be read anyway."""

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.lines: list[str] = []
        self.count = 0
        self.parts: list[str] = []
        """The text pieces of the block being read ..."""
        self.pieces: list[str] = []
        """... after the earlier ones, joined by :data:`PIECES_JOINED`."""
        self.unlinked = False
        """Whether the block being read holds text outside any link."""
        self.run: list[str] = []
        """The last blocks read, when they are all only link text."""
        self.left_out = 0

    def add(self, text: str | None, in_link: bool) -> None:
        if text:
            parts = self.parts
            parts.append(text)
            if not in_link and not text.isspace():
                self.unlinked = True
            if len(parts) >= PIECES_JOINED:
                self.pieces.append("".join(parts))
                parts.clear()

    def flush(self, tag: str | None) -> None:
        if not self.parts and not self.pieces:
            return
        raw = "".join(self.pieces + self.parts)
        text = _collapsed(raw, 0)[0] if len(raw) > LONG_BLOCK else " ".join(raw.split())
        only_links = not self.unlinked
        self.parts, self.pieces, self.unlinked = [], [], False
        if not text:
            return
        line = f"\n{text}\n" if tag in STANDALONE_TAGS else text
        self.count += 1
        if only_links:
            self.run.append(line)
            return
        self.end_run()
        self._keep(line)

    def end_run(self) -> None:
        """The run of link-only blocks read last: kept when short, left out when long."""
        if len(self.run) >= LINK_RUN:
            self.left_out += len(self.run)
        else:
            for line in self.run:
                self._keep(line)
        self.run = []

    def _keep(self, line: str) -> None:
        self.lines.append(line)
        if len(self.lines) >= LINES_JOINED:
            self.chunks.append("\n".join(self.lines))
            self.lines = []

    def text(self) -> str:
        self.end_run()
        if self.lines:
            self.chunks.append("\n".join(self.lines))
            self.lines = []
        return "\n".join(self.chunks)


LINK_RUN = 20
"""Blocks of nothing but link text in a row from which they are a menu or a link list, not text:
more than any article's list of sources or read-also links in a row."""


CELLS = frozenset({"td", "th"})
"""Table cells, which the tree's walk makes blocks of: in the dump a row's cells share its line, as
html-text prints them (a table of 200,000 rows is then 200,000 lines, not 600,000)."""


class _TooDeep(Exception):
    """The page nests deeper than the walk's cap: it is read as a tree, which flattens it."""


class _Walk:
    """The block walk over the parser's events, one event behind it: an element's text is whole
    once the parser has reached its first child or its end, and its tail once the parser has
    reached the next element or its parent's end."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.depth = 0
        self.lines = _Lines()
        self.owners: list[str] = []
        self.skipping: Element | None = None
        """The skipped element being passed over (its events are ignored up to its end)."""
        self.root: Element | None = None
        self.head: Element | None = None
        self.links = 0
        """Links open around the walk's position."""

    def start(self, el: Element) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise _TooDeep
        if self.root is None:
            self.root = el.getroottree().getroot()
        if self.skipping is not None:
            return
        tag = el.tag
        if not isinstance(tag, str):
            return
        items = el.items()
        if tag in SKIP_TAGS or (items and _hides(items)):
            self.skipping = el
            if tag == "head":
                self.head = el
            return
        if tag in CELLS:
            self.lines.add(" ", self.links > 0)
        elif tag in BLOCK_TAGS:
            self.lines.flush(self.owners[-1] if self.owners else None)
            self.owners.append(tag)
        elif tag == "a":
            self.links += 1
        self.lines.add(el.text, self.links > 0)

    def end(self, el: Element) -> None:
        """The element's end; its tail is read by :meth:`tail`, one event later."""
        self.depth -= 1
        if self.skipping is not None:
            if el is self.skipping:
                self.skipping = None
            return
        tag = el.tag
        if isinstance(tag, str) and tag in BLOCK_TAGS and tag not in CELLS:
            self.lines.flush(tag)
            if self.owners:
                self.owners.pop()
        elif tag == "a" and self.links:
            self.links -= 1

    def tail(self, el: Element) -> None:
        """The element's tail, then the element dropped from the tree (``<head>`` is kept)."""
        if self.skipping is None:
            self.lines.add(el.tail, self.links > 0)
        if el is self.head or el is self.root or (self.skipping is not None and el is not self.skipping):
            return
        parent = el.getparent()
        el.clear()
        if parent is not None:
            parent.remove(el)


def stream_text(text: str, max_depth: int, deadline: Deadline) -> Streamed | None:
    """The page's blocks as a text dump, read as described in the module's docstring; the reading
    stops where the deadline's reading share runs out. None when elements nest deeper than
    ``max_depth``: the page is to be read as a tree then, which flattens it."""
    try:
        return _streamed(text, max_depth, deadline)
    except _TooDeep:
        return None


def _streamed(text: str, max_depth: int, deadline: Deadline) -> Streamed:
    parser = etree.HTMLPullParser(events=("start", "end"), remove_comments=True, remove_pis=True,
                                  huge_tree=True, no_network=True, default_doctype=False, encoding="utf-8")
    walk = _Walk(max_depth)
    pending: tuple[str, Element] | None = None
    stopped = False
    for at in range(0, len(text), FEED_CHARS):
        parser.feed(text[at:at + FEED_CHARS].encode("utf-8", "surrogatepass"))
        pending = _read(parser, walk, pending)
        if deadline.reading_over():
            deadline.stop(WALK_STOPPED.format(blocks=walk.lines.count))
            stopped = True
            break
    if not stopped:
        try:
            parser.close()
        except etree.LxmlError:
            pass
        pending = _read(parser, walk, pending)
    if pending is not None:
        _step(walk, pending)
    walk.lines.flush(walk.owners[-1] if walk.owners else None)
    head = walk.head.getparent() if walk.head is not None else None
    text = walk.lines.text()
    return Streamed(text, head, stopped, walk.lines.count, walk.lines.left_out)


def _read(parser: etree.HTMLPullParser, walk: _Walk, pending: tuple[str, Element] | None
          ) -> tuple[str, Element] | None:
    """The events the parser has ready, each handled once the next one is known."""
    for event in parser.read_events():
        if pending is not None:
            _step(walk, pending)
        pending = event
    return pending


def _step(walk: _Walk, event: tuple[str, Element]) -> None:
    kind, el = event
    if kind == "start":
        walk.start(el)
    else:
        walk.end(el)
        walk.tail(el)
