"""Where each field of an Article sits in its page: the elements (HTML) or lines (text dump).

Nothing here changes what ``extract()`` finds. The fields are read back from the public result
and matched to the page's own block stream (:mod:`articlex.page`): a block whose text holds the
field's text, then, inside its element, the smallest element that still holds it. A field's
provenance path narrows the search where it names an element or a line range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, Iterable, Iterator

from lxml import etree

from ..lexicon import agencies, cues, fold
from ..model import Article, Link
from ..page import SKIP_TAGS, Element, Page, TextBlock
from ..text import looks_like_date, parse_count, word_count

__all__ = ["Kind", "KINDS", "Mark", "locate"]


@dataclass(frozen=True)
class Kind:
    """One kind of outline: the Article field it shows, its legend label and its colour."""

    key: str
    label: str
    colour: str
    fields: tuple[str, ...]
    """The Article fields this kind shows (their panel rows link to its outlines)."""


KINDS = (
    Kind("breadcrumb", "breadcrumb", "#1565c0", ("breadcrumb",)),
    Kind("title", "title", "#c62828", ("title",)),
    Kind("counters", "counters", "#6a1b9a", ("counters",)),
    Kind("dates", "date", "#546e7a", ("published", "modified")),
    Kind("authors", "byline", "#2e7d32", ("attribution",)),
    Kind("sources", "agency", "#ef6c00", ("attribution",)),
    Kind("body", "body", "#00838f", ("body", "blocks")),
    Kind("related", "read also", "#ad1457", ("related",)),
    Kind("previous", "previous", "#5d4037", ("previous",)),
    Kind("next", "next", "#827717", ("next",)),
)
"""Every outline kind in legend order (top of a page to its bottom). Colours: dark enough for a
white label on them, far enough apart to be told from one another on any page."""

KIND_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass(frozen=True)
class Mark:
    """One outline: the kind, its label, and the element (HTML) or block (text dump) it surrounds."""

    id: str
    kind: str
    label: str
    target: Any
    """An lxml element (HTML) or the :class:`TextBlock` of a line (text dump)."""


HEADER_REACH = 3
"""Blocks above the title still searched for counters and bylines (a meta bar printed first)."""
HEADER_SPAN = 40
"""Blocks after the title taken as its header when no body block was found to end it."""
MAX_COUNTER_WORDS = 6
"""A counter's element holds a number and a word or two ('1,2k vues'): more is running text."""
WRAP_SLACK = 24
"""Characters an element may hold beyond the name it shows before the name alone is wrapped in a
span and outlined (an agency named inside a paragraph: the paragraph is the body's outline)."""
LINK_BOX_SLACK = 60
"""Characters a previous/next box may hold beyond its link's text (its label 'Article suivant')
to be outlined whole rather than the link alone."""
CRUMB_SLACK = 80
"""Characters a crumb trail's container may hold beyond its crumbs and the title (separators,
'You are here:') to be outlined as one box rather than crumb by crumb."""
_SHOWN_TEXT = etree.XPath(".//text()[not(ancestor::style) and not(ancestor::script) and not(ancestor::noscript)"
                          " and not(ancestor::template)]")


def locate(page: Page, article: Article) -> list[Mark]:
    """Every outline of the article's fields in the page, in legend order."""
    finder = _Finder(page, article)
    return finder.marks()


class _Finder:
    """Reads each field back from the page; holds what several fields share (the title's block,
    the body's blocks) and numbers the marks."""

    def __init__(self, page: Page, article: Article) -> None:
        self.page = page
        self.article = article
        self.found: list[Mark] = []
        self.title_block: TextBlock | None = None
        self.body_blocks: list[TextBlock] = []

    def marks(self) -> list[Mark]:
        steps: dict[str, Callable[[], Iterator[tuple[str, Any]]]] = {
            "title": self._title, "body": self._body, "breadcrumb": self._breadcrumb,
            "counters": self._counters, "dates": self._dates, "authors": self._authors,
            "sources": self._sources, "related": self._related,
            "previous": lambda: self._navigation("previous"), "next": lambda: self._navigation("next"),
        }
        located: dict[str, list[tuple[str, Any]]] = {}
        for key in ("title", "body", *(k.key for k in KINDS if k.key not in ("title", "body"))):
            located[key] = _unique(steps[key]())
        for kind in KINDS:
            for label, target in located[kind.key]:
                self.found.append(Mark(f"m{len(self.found) + 1}", kind.key, label, target))
        return self.found

    # -- helpers -------------------------------------------------------------------------------

    def _provenance_blocks(self, name: str) -> list[TextBlock]:
        """The blocks a field's provenance path names (an element's blocks, or a line range)."""
        prov = self.article.provenance.get(name)
        path = prov.path if prov else None
        if not path:
            return []
        if not self.page.is_html:
            m = _LINES.fullmatch(path)
            if not m:
                return []
            first, last = int(m.group(1)), int(m.group(2) or m.group(1))
            return [b for b in self.page.blocks if first <= (b.line or 0) <= last]
        el = self._element_at(path)
        return self.page.blocks_in(el) if el is not None else []

    def _element_at(self, path: str) -> Element | None:
        if not path.startswith("/") or self.page.root is None:
            return None
        try:
            hits = self.page.root.getroottree().xpath(path)
        except etree.XPathError:
            return None
        return hits[0] if hits and isinstance(hits[0], etree._Element) else None

    def _target(self, block: TextBlock, holds: Callable[[str], bool], needle: str | None = None) -> Element | TextBlock:
        """The smallest element of the block that still satisfies ``holds`` (HTML), or the line."""
        if not self.page.is_html or block.element is None:
            return block
        el = _smallest(block.element, holds)
        if needle and len(shown_text(el)) > len(needle) + WRAP_SLACK:
            span = _wrap(el, needle)
            return el if span is None else span
        return el

    def _search(self, blocks: Iterable[TextBlock], holds: Callable[[str], bool]) -> TextBlock | None:
        return next((b for b in blocks if holds(b.text)), None)

    def _header(self) -> list[TextBlock]:
        """From a little above the title to the first body block: where counters and bylines sit."""
        blocks = self.page.blocks
        start = self.title_block.index if self.title_block else 0
        end = self.body_blocks[0].index if self.body_blocks else min(len(blocks), start + HEADER_SPAN)
        return blocks[max(0, start - HEADER_REACH):max(end, start + 1)]

    def _tail(self) -> list[TextBlock]:
        """From the first body block on (where read-also links, agencies and navigation sit)."""
        start = self.body_blocks[0].index if self.body_blocks else 0
        return self.page.blocks[start:]

    # -- fields --------------------------------------------------------------------------------

    def _title(self) -> Iterator[tuple[str, Any]]:
        title = self.article.title
        if not title:
            return
        holds = _holding(title)
        exact = lambda text: fold(text) == fold(title)  # noqa: E731
        block = (self._search(self._provenance_blocks("title"), holds)
                 or self._search(self.page.blocks, exact) or self._search(self.page.blocks, holds))
        if block is not None:
            self.title_block = block
            yield "title", self._target(block, holds)

    def _body(self) -> Iterator[tuple[str, Any]]:
        blocks = self.page.blocks
        at = self._provenance_blocks("body")[:1]
        cursor = at[0].index if at else 0
        for n, block in enumerate(self.article.blocks, 1):
            want = fold(block.text)
            hits = _next_match(blocks, cursor, want) or _next_match(blocks, 0, want)
            self.body_blocks.extend(hits)
            cursor = hits[-1].index + 1 if hits else cursor
            label = "body" if n == 1 else _BLOCK_LABELS.get(block.kind, "") + str(n)
            for hit in hits:
                yield label, hit.element if self.page.is_html and hit.element is not None else hit

    def _breadcrumb(self) -> Iterator[tuple[str, Any]]:
        crumbs = self.article.breadcrumb
        if not crumbs:
            return
        near = self._provenance_blocks("breadcrumb")
        end = self.title_block.index + 1 if self.title_block else len(self.page.blocks)
        pool = near + self.page.blocks[:end]
        targets = []
        for crumb in crumbs:
            holds = _holding(crumb.text)
            block = self._search(pool, holds)
            if block is not None:
                targets.append(self._link_target(block, crumb) if self.page.is_html else block)
        if not targets:
            return
        if self.page.is_html:
            box = _crumb_box(targets, crumbs, self.article.title)
            if box is not None:
                yield "breadcrumb", box
                return
        for n, target in enumerate(targets, 1):
            yield ("breadcrumb" if n == 1 else f"crumb {n}"), target

    def _link_target(self, block: TextBlock, link: Link) -> Element | TextBlock:
        """The ``<a>`` of the block whose text (and URL, when known) is the link's, else the smallest holder."""
        for a in block.element.iter("a"):
            same_url = link.url is None or self.page.absolute(a.get("href")) == link.url
            if same_url and fold(link.text) in fold(shown_text(a)):
                return a
        return self._target(block, _holding(link.text))

    def _counters(self) -> Iterator[tuple[str, Any]]:
        counters = self.article.counters
        pool = self._provenance_blocks("counters") + self._header()
        used: list[Element | TextBlock] = []
        labels: list[str] = []
        for key, value in (("views", counters.views), ("comments", counters.comments)):
            target = self._counter(pool, key, value, used) if value is not None else None
            if target is None:
                continue
            if any(target is u for u in used):  # one line of a text dump shows both
                labels[[i for i, u in enumerate(used) if u is target][0]] += f" · {key}"
            else:
                used.append(target)
                labels.append(key)
        yield from zip(labels, used)

    def _counter(self, pool: list[TextBlock], key: str, value: int,
                 used: list[Element | TextBlock]) -> Element | TextBlock | None:
        """The smallest element (or line) showing the count: first one that is a short counter of its
        own, else any that shows the number (a meta line of the header, in a text dump)."""
        shows = _showing_count(key, value)
        for short in (True, False):
            for block in pool:
                if not shows(block.text):
                    continue
                target = self._target(block, shows)
                text = block.text if isinstance(target, TextBlock) else shown_text(target)
                counter_alone = word_count(text) <= MAX_COUNTER_WORDS and not looks_like_date(text)
                if (counter_alone or not short) and (not self.page.is_html or all(target is not u for u in used)):
                    return target
        return None

    def _dates(self) -> Iterator[tuple[str, Any]]:
        for name in ("published", "modified"):
            when = getattr(self.article, name)
            if when is None:
                continue
            prov = self.article.provenance.get(name)
            path = prov.path if prov else None
            if self.page.is_html:
                el = self._element_at(path) if path else None
                el = el if el is not None and _in_body(el) else self._time_element(when)
                if el is not None:
                    yield name, el
            else:
                lines = self._provenance_blocks(name)
                if lines:
                    yield name, lines[0]

    def _time_element(self, when: datetime) -> Element | None:
        """A ``<time>`` of the header (not another article's, further down) whose machine-readable
        date is this one."""
        header = self._header()
        if not header:
            return None
        low, high = header[0].index, header[-1].index
        for el in self.page.root.iter("time"):
            if _same_moment(el.get("datetime"), when) and shown_text(el):
                at = self.page.position_of(el)
                if at is not None and low <= at <= high:
                    return el
        return None

    def _authors(self) -> Iterator[tuple[str, Any]]:
        for name in self.article.attribution.authors:
            holds = _holding(name)
            pool = self._header() + self._provenance_blocks("attribution") + self._tail() + self.page.blocks
            block = self._search(pool, holds)
            if block is not None:
                yield f"byline · {name}", self._target(block, holds, name)

    def _sources(self) -> Iterator[tuple[str, Any]]:
        for name in self.article.attribution.sources:
            holds = _naming_agency(name)
            pool = self._header() + self._provenance_blocks("attribution") + self._tail() + self.page.blocks
            block = self._search(pool, holds)
            if block is None:
                continue
            label = f"agency · {name}"
            if not self.page.is_html or block.element is None:
                yield label, block
                continue
            el = _smallest(block.element, holds)
            printed = _agency_text(shown_text(el), name)
            span = _wrap(el, printed) if printed and len(shown_text(el)) > len(printed) + WRAP_SLACK else None
            yield label, el if span is None else span

    def _related(self) -> Iterator[tuple[str, Any]]:
        pool = self._provenance_blocks("related") + self._tail() + self.page.blocks
        for n, link in enumerate(self.article.related, 1):
            block = self._search(pool, _holding(link.text))
            if block is not None:
                yield f"read also {n}" if len(self.article.related) > 1 else "read also", (
                    self._link_target(block, link) if self.page.is_html else block)

    def _navigation(self, name: str) -> Iterator[tuple[str, Any]]:
        link = getattr(self.article, name)
        if link is None:
            return
        near = self._provenance_blocks(name)
        block = self._search(near + self._tail() + self.page.blocks, _holding(link.text))
        if block is None:
            return
        if not self.page.is_html:
            yield name, block
            return
        prov = self.article.provenance.get(name)
        box = self._element_at(prov.path) if prov and prov.path else None
        anchor = self._link_target(block, link)
        if box is not None and _holds_element(box, anchor) and \
                len(shown_text(box)) <= len(shown_text(anchor)) + LINK_BOX_SLACK:
            anchor = box
        yield name, anchor


SPELLED_SHARE = 0.5
"""Share of a body block a run of page blocks must spell to stand for it (the extractor may have cut
a label off the block's end)."""
_LINES = re.compile(r"lines? (\d+)(?:-(\d+))?")
_BLOCK_LABELS = {"paragraph": "¶", "heading": "h", "quote": "❝", "list_item": "•", "table_row": "▤"}
"""Short labels of the body's blocks after the first, by kind: 'h4' is the fourth block, a heading."""


def _unique(pairs: Iterator[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """One mark per target within a kind, its labels joined (two authors on one line of a dump)."""
    out: list[list[Any]] = []
    for label, target in pairs:
        same = next((pair for pair in out if pair[1] is target), None)
        if same is None:
            out.append([label, target])
        else:
            same[0] = _merged(same[0], label)
    return [(label, target) for label, target in out]


def _merged(first: str, label: str) -> str:
    """'byline · A' and 'byline · B' make 'byline · A, B'; a positional label ('crumb 2') adds nothing."""
    head, _, name = label.partition(" · ")
    if name and first.startswith(head + " · "):
        return f"{first}, {name}"
    return first


def shown_text(el: Element) -> str:
    """The text an element shows, white space collapsed (scripts and styles left out)."""
    return " ".join(" ".join(_SHOWN_TEXT(el)).split())


def _holding(needle: str) -> Callable[[str], bool]:
    want = fold(needle)
    return lambda text: bool(want) and want in fold(text)


def _showing_count(key: str, value: int) -> Callable[[str], bool]:
    """Whether a short text shows this count ('1,2k', '2 289', 'Nessun commento' for 0)."""
    lexicon = cues()

    def holds(text: str) -> bool:
        if not text:
            return False
        if value == 0 and key == "comments" and lexicon.contains("no_comments", text):
            return True
        return any(parse_count(number, lexicon) == value for number in _numbers(text))

    return holds


_NUMBER_RUN = re.compile(r"\d[\d.,\u00a0\u202f ]*\d(?:\s?[^\W\d_]{1,2}\b)?|\d(?:\s?[^\W\d_]{1,2}\b)?")
"""A displayed number with its separators and a short unit letter ('1,2k', '2 289', '3.4K')."""


def _numbers(text: str) -> list[str]:
    """Every way to read the text's numbers: a space groups thousands ('2 289') or parts two
    counts ('4 1.873'), so each run of space-separated pieces is a candidate."""
    found: list[str] = []
    for m in _NUMBER_RUN.finditer(text):
        pieces = m.group(0).split()
        found.extend(" ".join(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1))
    return found


def _naming_agency(name: str) -> Callable[[str], bool]:
    want = fold(name)
    return lambda text: any(found == name for _, _, found in agencies().find(text)) or want in fold(text)


def _agency_text(text: str, name: str) -> str | None:
    """How the agency is printed in the text ('Agence France-Presse', 'Укрінформу')."""
    for start, end, found in agencies().find(text):
        if found == name:
            return text[start:end]
    at = fold(text).find(fold(name))
    return text[at:at + len(name)] if at >= 0 and len(fold(text)) == len(text) else None


def _next_match(blocks: list[TextBlock], start: int, want: str) -> list[TextBlock]:
    """The first block from ``start`` whose text is the wanted one or holds it; else the first run
    of blocks that together spell it (a paragraph wrapped over several lines of a dump)."""
    if not want:
        return []
    for block in blocks[start:]:
        text = fold(block.text)
        if want in text:
            return [block]
        if text and want.startswith(text):
            run = _spelling(blocks, block.index, want)
            if run:
                return run
    return []


def _spelling(blocks: list[TextBlock], start: int, want: str) -> list[TextBlock]:
    """The blocks from ``start`` whose texts, joined by spaces, are ``want`` (or most of it)."""
    run: list[TextBlock] = []
    spelled = ""
    for block in blocks[start:]:
        joined = f"{spelled} {fold(block.text)}".strip()
        if not want.startswith(joined):
            break
        run.append(block)
        spelled = joined
        if spelled == want:
            break
    return run if len(spelled) >= len(want) * SPELLED_SHARE else []


def _smallest(el: Element, holds: Callable[[str], bool]) -> Element:
    """The deepest element under ``el`` whose shown text still satisfies ``holds``."""
    while True:
        for child in el.iterchildren(tag=etree.Element):
            if child.tag not in SKIP_TAGS and holds(shown_text(child)):
                el = child
                break
        else:
            return el


def _crumb_box(targets: list[Element], crumbs: list[Link], title: str | None) -> Element | None:
    """The crumbs' shared container, when it holds little more than the crumbs and the title."""
    from ..page import common_ancestor

    box = common_ancestor(targets)
    if box is None:
        return None
    room = sum(len(c.text) + 3 for c in crumbs) + len(title or "") + CRUMB_SLACK
    return box if len(shown_text(box)) <= room and box.tag not in ("body", "html") else None


def _holds_element(box: Element, el: Element) -> bool:
    return box is el or any(anc is box for anc in el.iterancestors())


def _in_body(el: Element) -> bool:
    return any(anc.tag == "body" for anc in el.iterancestors())


def _same_moment(value: str | None, when: datetime) -> bool:
    """Whether a ``datetime`` attribute names this moment (or this day, when it gives only a day)."""
    value = (value or "").strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    if len(value) == len("2024-03-13"):
        return parsed.date() == when.date()
    if (parsed.tzinfo is None) != (when.tzinfo is None):
        return parsed.replace(tzinfo=None) == when.replace(tzinfo=None)
    return parsed == when


def _wrap(el: Element, needle: str) -> Element | None:
    """Wrap the first occurrence of ``needle`` in the text under ``el`` in a ``<span>`` (the
    view's own, outlined) and return it; None when the text runs across elements."""
    pattern = re.compile(r"\s+".join(re.escape(word) for word in needle.split()), re.I)
    for node in el.iter():
        if node.tag in SKIP_TAGS or not isinstance(node.tag, str):
            continue
        for slot in ("text", "tail"):
            if slot == "tail" and node is el:
                continue
            found = pattern.search(getattr(node, slot) or "")
            if found:
                return _split(node, slot, found)
    return None


def _split(node: Element, slot: str, found: re.Match[str]) -> Element:
    value = getattr(node, slot)
    span = etree.Element("span")
    span.text, span.tail = found.group(0), value[found.end():]
    setattr(node, slot, value[:found.start()])
    if slot == "text":
        node.insert(0, span)
    else:
        node.addnext(span)
        span.tail = value[found.end():]  # addnext moved the tail: set it again
    return span
