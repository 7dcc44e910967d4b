"""Make a page's tree inert: it keeps its look (markup, inline styles, ``<style>``) and loses
everything that could run or reach the network once the view is opened.

The view's Content-Security-Policy (see :mod:`articlex.view.render`) is the second wall: whatever
slipped through here (a browser parsing the serialised tree differently from libxml2) still
cannot run a script, nor load anything but ``data:`` images and fonts.
"""

from __future__ import annotations

import re

from ..page import Element

__all__ = ["sanitize", "PLACEHOLDER_IMAGE"]

REMOVED_TAGS = frozenset(
    "script noscript iframe frame frameset object embed applet portal fencedframe base link "
    "xmp plaintext noembed noframes param source track".split()
)
"""Elements dropped with their content: they run code, embed another document, fetch, or hold raw
text a browser may parse as markup where libxml2 did not (``xmp``, ``noembed``...). ``<link>``
goes too: stylesheets from the network cannot be shown offline, and prefetch hints would fetch."""
SVG_ACTIVE_TAGS = frozenset({"animate", "set", "animatemotion", "animatetransform", "handler", "listener"})
"""SVG elements that rewrite attributes (an ``href`` to ``javascript:``) or listen to events."""
URL_ATTRIBUTES = frozenset(
    "src srcset href xlink:href action formaction poster background data codebase archive cite longdesc "
    "lowsrc dynsrc ping manifest imagesrcset profile usemap itemtype".split()
)
"""Attributes whose value a browser may fetch or navigate to."""
DROPPED_ATTRIBUTES = frozenset({"srcdoc", "http-equiv", "nonce", "integrity", "shadowrootmode", "shadowroot",
                                "autofocus", "is"})
"""Attributes that embed a document, act like headers, or bring a template or custom element to life."""
LINK_TAGS = frozenset({"a", "area"})
SAFE_LINK = re.compile(r"^\s*(?:https?:|mailto:|tel:|#|/|\.|[^:/?#\s]+(?:[/?#]|$))", re.I)
"""Link targets kept on ``<a>``/``<area>`` (the reader sees where a link led): web, mail and phone
URLs and relative ones. ``javascript:``, ``data:``, ``vbscript:`` and the like are removed."""
DATA_IMAGE = re.compile(r"^\s*data:image/(?:png|jpe?g|gif|webp|avif|bmp)[;,]", re.I)
"""Embedded raster images, the only image sources kept (an SVG could hold a script)."""
_ATTRIBUTE_NAME = re.compile(r"^[A-Za-z_][-A-Za-z0-9_.:]*$")
"""A plain attribute name: anything else (quotes, slashes, angle brackets) is dropped, so that
serialising cannot produce markup the parser did not see."""
_DECLARED_CHARSET = frozenset({"charset"})
VOID_TAGS = frozenset("embed param source track link base meta frame keygen".split())
"""Elements that never hold content in HTML, though libxml2 may make the rest of the page their
children (it does with ``<embed>``): removing one keeps what it wrongly holds."""
PLACEHOLDER_IMAGE = ("data:image/svg+xml;charset=utf-8,"
                     "%3Csvg xmlns='http://www.w3.org/2000/svg' width='300' height='150'%3E"
                     "%3Crect width='100%25' height='100%25' fill='%23e3e6ea'/%3E%3C/svg%3E")
"""What an image from the network shows instead: a grey box (its width and height attributes,
when given, still size it)."""


def sanitize(root: Element) -> None:
    """Strip the tree under ``root`` in place of everything that could run or fetch."""
    doomed: list[Element] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments and processing instructions: '--!>' ends a comment early in HTML
            continue
        tag = _local(el.tag)
        if tag in REMOVED_TAGS or tag in SVG_ACTIVE_TAGS or tag == "meta" and _meta_acts(el):
            doomed.append(el)
            continue
        _clean_attributes(el, tag)
        if tag == "style":
            el.text = _inert_css(el.text)
            for child in el:
                doomed.append(child)
    for el in doomed:
        _drop(el)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _meta_acts(el: Element) -> bool:
    """A ``<meta>`` that acts (refresh, a policy, a charset that no longer holds), not one that informs."""
    return any(name.lower() in DROPPED_ATTRIBUTES | _DECLARED_CHARSET for name in el.attrib)


def _clean_attributes(el: Element, tag: str) -> None:
    for name in list(el.attrib):
        low = name.lower()
        value = el.attrib[name]
        if not _ATTRIBUTE_NAME.match(name) or low.startswith("on") or low in DROPPED_ATTRIBUTES:
            del el.attrib[name]
        elif low in URL_ATTRIBUTES or low.endswith(":href"):
            _clean_url(el, tag, name, low, value)


def _clean_url(el: Element, tag: str, name: str, low: str, value: str) -> None:
    if low in ("href", "xlink:href") and tag in LINK_TAGS and SAFE_LINK.match(value) and not _scheme_hidden(value):
        return
    if low in ("href", "xlink:href") and value.strip().startswith("#"):
        return  # a place in the page itself (an SVG sprite's <use href="#icon">)
    del el.attrib[name]
    if low == "src" and tag in ("img", "input"):
        el.set("src", value if DATA_IMAGE.match(value) else PLACEHOLDER_IMAGE)


def _scheme_hidden(value: str) -> bool:
    """A scheme written with white space or control characters inside ('java\\tscript:'), which
    browsers strip before they read it."""
    squeezed = re.sub(r"[\x00-\x20]+", "", value)
    return squeezed.split(":", 1)[0].isalpha() and not SAFE_LINK.match(squeezed) if ":" in squeezed else False


def _unwrap(el: Element) -> None:
    """Remove an element, its children (and the text between them) taking its place."""
    parent = el.getparent()
    children = list(el)
    if children:
        children[-1].tail = (children[-1].tail or "") + (el.tail or "")
        el.tail = el.text
    else:
        el.tail = (el.text or "") + (el.tail or "")
    el.text = None
    at = parent.index(el)
    for offset, child in enumerate(children):
        parent.insert(at + 1 + offset, child)
    _drop(el)


def _inert_css(css: str | None) -> str | None:
    """A stylesheet with no '<' left (escaped as CSS does), so no parser can read a tag in it."""
    return css.replace("<", "\\3c ") if css else css


def _drop(el: Element) -> None:
    """Remove an element (or comment) but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if isinstance(el.tag, str) and _local(el.tag) in VOID_TAGS and (len(el) or el.text):
        _unwrap(el)
        return
    tail = el.tail
    previous = el.getprevious()
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
