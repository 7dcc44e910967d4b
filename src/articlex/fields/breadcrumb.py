"""The crumb trail, root first, without the article's own title."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..lexicon import cues, fold
from ..model import Link
from ..page import JsonObject, Page, TextBlock
from ..selectors import BREADCRUMB
from ..text import word_count
from .title import Title

__all__ = ["find_breadcrumb"]

_SEPARATOR = re.compile(r"^[\s>»›/|\\→•·:-]*$")
_SPLIT = re.compile(r"\s+[>»›/|→•·]\s+|\s*[»›→]\s*")
_TIGHT_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[^\W\d_])")
_TRAIL_EDGES = " >»›/|→•·:-"
MAX_STACKED = 4
"""Crumbs stacked one a line above the title; a longer run of short lines is the site menu."""
_SEPARATED = re.compile(r"\s+[>»›→]\s+|\s*[»›→]\s*")
_CAMEL = re.compile(r"(?<=[^\W\d_])(?=[A-ZÀ-ÖØ-ÞА-ЯЁЇІЄҐ][^\W\d_])")
MAX_CRUMBS = 8
SEPARATED_LINKS = 0.7
"""A trail recognised by its separators and home link, without a breadcrumb class."""
TRAIL_REACH = 15
"""How many blocks above the title a trail without a known class may sit."""
MAX_CRUMB_WORDS = 12
JSONLD_REACH = 400
"""Blocks from the top where the names of a JSON-LD trail must be shown."""
MIN_TRUNCATED_TITLE = 20
"""A last crumb this long that starts the title is the title cut short; a shorter one is a section."""
"""A crumb longer than this is a truncated title or a headline, not a section name."""


def find_breadcrumb(page: Page, title: Title) -> list[Link]:
    if page.is_html:
        crumbs = _from_markup(page) or _from_separated_links(page, title) or _from_jsonld(page, title.text)
    else:
        crumbs = _from_line(page, title)
    return _without_title(crumbs, title.text)


def _from_markup(page: Page) -> list[Link]:
    lexicon = cues()
    for container in page.index.first_matches(BREADCRUMB):
        if container.tag in ("body", "html"):
            continue
        crumbs = []
        for block in page.blocks_in(container):
            crumbs.extend(_crumbs_of_block(block))
        crumbs = [c for c in crumbs if not lexicon.is_word("breadcrumb_labels", c.text)]
        if 0 < len(crumbs) <= MAX_CRUMBS + 1:
            page.note("breadcrumb", "microdata" if "itemtype" in container.attrib else "markup", container)
            return crumbs
    return []


def _crumbs_of_block(block: TextBlock) -> list[Link]:
    """Links as crumbs, and the unlinked text between them (the last crumb often has no link)."""
    lexicon = cues()
    text = block.text
    label = lexicon.strip_label("breadcrumb_labels", text)
    offset = len(text) - len(label) if label is not None else 0
    crumbs, at = [], offset
    for link in block.links:
        if link.start < at:
            continue
        crumbs.extend(_plain_crumbs(text[at:link.start]))
        if not _SEPARATOR.match(link.text):
            crumbs.append(Link(_undecorated(link.text), link.url))
        at = link.end
    crumbs.extend(_plain_crumbs(text[at:]))
    return crumbs


def _undecorated(text: str) -> str:
    """A crumb without the brackets some themes print around it ('[Politique]')."""
    return text[1:-1].strip() if len(text) > 2 and text[0] + text[-1] in ("[]", "()") else text


def _plain_crumbs(text: str) -> list[Link]:
    parts = [p.strip(" >»›/|→•·:-") for p in _SPLIT.split(text)]
    return [Link(p) for p in parts if p and not _SEPARATOR.match(p)]


def _from_separated_links(page: Page, title: Title) -> list[Link]:
    """A trail without a known class: a short line of links joined by separators, starting at home."""
    if title.index is None:
        return []
    lexicon = cues()
    for block in page.blocks[max(0, title.index - TRAIL_REACH): title.index]:
        if not 2 <= len(block.links) <= MAX_CRUMBS or not _SEPARATED.search(block.text):
            continue
        gaps = [block.text[a.end:b.start] for a, b in zip(block.links, block.links[1:])]
        first = block.links[0]
        home = lexicon.is_word("home", first.text) or urlsplit(first.url or "").path in ("", "/")
        if home and all(_SEPARATOR.match(gap) and gap.strip() for gap in gaps):
            page.note("breadcrumb", "markup", block, SEPARATED_LINKS)
            return _crumbs_of_block(block)
    return []


def _from_jsonld(page: Page, title: str | None) -> list[Link]:
    """A BreadcrumbList, kept only when its names are shown together on the page, as a trail on one
    line or stacked on a few (many lists are metadata only: 'Home > 2022 > April')."""
    lists = list(page.jsonld_of("BreadcrumbList"))
    if not lists:
        return []
    lines = [fold(b.text) for b in page.blocks[:JSONLD_REACH]]
    for obj in lists:
        items = obj.get("itemListElement")
        if not isinstance(items, list):
            continue
        crumbs = []
        for item in sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i)):
            name, url = _item_name_url(item)
            if name:
                crumbs.append(Link(name, page.absolute(url)))
        names = [fold(c.text) for c in _without_title(crumbs, title)]
        if 2 <= len(names) <= MAX_CRUMBS and _shown_together(names, lines):
            page.note("breadcrumb", "jsonld")
            return crumbs
    return []


def _shown_together(names: list[str], lines: list[str]) -> bool:
    """Whether every name is printed within one run of as many lines as there are names."""
    return any(all(name in " ".join(lines[i:i + len(names)]) for name in names) for i in range(len(lines)))


def _position(item: JsonObject) -> int:
    try:
        return int(item.get("position") or 0)
    except (TypeError, ValueError, OverflowError):  # "position": Infinity, a list, a word
        return 0


def _item_name_url(item: JsonObject) -> tuple[str | None, str | None]:
    inner = item.get("item")
    name = item.get("name")
    url = None
    if isinstance(inner, dict):
        name = name or inner.get("name")
        url = inner.get("@id") or inner.get("url")
    elif isinstance(inner, str):
        url = inner
    return (" ".join(name.split()) if isinstance(name, str) else None), (url if isinstance(url, str) else None)


def _from_line(page: Page, title: Title) -> list[Link]:
    """A text dump's crumb trail: before the title on its line, one crumb a line above it, or a separated line."""
    blocks = page.blocks
    if title.text is None or title.index is None:
        return []
    if title.crumb_line is not None:
        page.note("breadcrumb", "cue", blocks[title.crumb_line])
        return _split_trail(_before_title(blocks[title.crumb_line].text, title.text), blocks)
    where: TextBlock | list[TextBlock] | None
    crumbs, where = _separated(blocks, title.index)
    if not crumbs:
        crumbs, where = _stacked(blocks, title.index)
    if crumbs:
        page.note("breadcrumb", "cue", where)
    return crumbs


def _split_trail(head: str, blocks: list[TextBlock]) -> list[Link]:
    label = cues().strip_label("breadcrumb_labels", head)
    head = (label if label is not None else head).strip(_TRAIL_EDGES)
    if _SPLIT.search(head) or _TIGHT_SLASH.search(head):
        parts = [p.strip(_TRAIL_EDGES) for p in _TIGHT_SLASH.split(" / ".join(_SPLIT.split(head)))]
        return [Link(p) for p in _SPLIT.split(" / ".join(parts)) if p.strip(_TRAIL_EDGES)]
    return [Link(p) for w in _segment(head, blocks) for p in _unglue(w)]


def _stacked(blocks: list[TextBlock], title_index: int) -> tuple[list[Link], list[TextBlock] | None]:
    """Crumbs printed one a line right above the title: the nearest home crumb down to the title
    (a repeated title line just above is the trail's last crumb). A longer run is a menu."""
    lexicon = cues()
    end = title_index
    if end > 0 and fold(blocks[end - 1].text).rstrip(" .…") and fold(blocks[title_index].text).startswith(
            fold(blocks[end - 1].text).rstrip(" .…")):
        end -= 1
    start = end
    while start > 0 and end - start < MAX_CRUMBS and _crumb_like(blocks[start - 1]):
        start -= 1
    lines = [b.text for b in blocks[start:end]]
    if start > 0 and lexicon.is_word("breadcrumb_labels", blocks[start - 1].text) and len(lines) <= MAX_STACKED:
        return [Link(t) for t in lines], blocks[start:end]
    for i in range(len(lines) - 1, -1, -1):
        if word_count(lines[i]) <= 4 and any(lexicon.contains("home", p) for p in _unglue(lines[i])):
            trail = lines[i:]
            if len(trail) == 1:
                trail = [p for w in _segment(trail[0], blocks) for p in _unglue(w)]
            if len(trail) <= MAX_STACKED:
                return [Link(t) for t in trail], blocks[start + i:end]
            return [], None
    return [], None


def _crumb_like(block: TextBlock) -> bool:
    return (not block.standalone and 1 <= word_count(block.text) <= 4 and not block.text.endswith(".")
            and not _SEPARATED.search(block.text))


def _unglue(text: str) -> list[str]:
    """'InicioNacionales' -> ['Inicio', 'Nacionales']: crumbs whose separator the dump lost."""
    if " " in text:
        return [text]
    return [p for p in _CAMEL.split(text) if p.strip()]


def _separated(blocks: list[TextBlock], title_index: int) -> tuple[list[Link], TextBlock | None]:
    """A short line with crumb separators just before or after the title ('Primo Piano > Sanità')."""
    for block in blocks[max(0, title_index - 3): title_index + 3]:
        if block.index == title_index or word_count(block.text) > MAX_CRUMBS * 3:
            continue
        parts = [p.strip() for p in _SEPARATED.split(block.text)]
        if len(parts) >= 2 and all(p and word_count(p) <= 4 for p in parts):
            return [Link(p) for p in parts], block
    return [], None


def _before_title(line: str, title: str) -> str:
    """The crumb trail part of a line that ends with the title, whole or cut short with '...'."""
    if fold(line).endswith(fold(title)):
        return line[: len(line) - len(title)].strip()
    cut = line.rstrip(".… ")
    words = cut.split()
    for n in range(len(words)):
        if fold(title).startswith(fold(" ".join(words[n:]))):
            return " ".join(words[:n])
    return ""


def _segment(head: str, blocks: list[TextBlock]) -> list[str]:
    """Split crumbs joined by spaces, using multi-word names the page prints elsewhere (menus)."""
    words = head.split()
    known = {fold(b.text) for b in blocks if 2 <= word_count(b.text) <= 4}
    out, i = [], 0
    while i < len(words):
        for size in range(min(4, len(words) - i), 0, -1):
            piece = " ".join(words[i:i + size])
            if size == 1 or fold(piece) in known:
                out.append(piece)
                i += size
                break
    return out


def _without_title(crumbs: list[Link], title: str | None) -> list[Link]:
    if crumbs and title:
        text = fold(crumbs[-1].text)
        last, key = text.rstrip(" .…"), fold(title)
        truncated = last != text or len(last) >= MIN_TRUNCATED_TITLE
        if last and (last == key or (truncated and key.startswith(last)) or key in last
                     or word_count(last) > MAX_CRUMB_WORDS):
            crumbs = crumbs[:-1]
    return [c for c in crumbs if word_count(c.text) <= MAX_CRUMB_WORDS]
