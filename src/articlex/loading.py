"""Turn what the caller hands us into a :class:`~articlex.page.Page`.

``str`` (HTML or a text dump, told apart here), ``bytes`` (decoded from the BOM, then the
declared charset, then detection), a BeautifulSoup object or an lxml element.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass

from lxml import etree, html

from .errors import EmptyInputError, InputError, TooLargeError, UnsupportedContentError
from .page import Page

__all__ = ["Limits", "load_page", "decode"]


@dataclass(frozen=True)
class Limits:
    """Bounds on what one call may read."""

    max_bytes: int = 64 * 1024 * 1024
    """Largest input accepted, in bytes (characters for ``str``)."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)""", re.I)
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml|<!--)", re.I)
_TAG = re.compile(r"<(?:p|div|br|a|span|h[1-6]|li|ul|table|article|section|img|meta|script|body|html)[\s>/]", re.I)
_FEED = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.I | re.S)
_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_MIN_TAGS = 3  # a text dump may quote a stray "<p>"; three tags make it markup


def decode(data: bytes) -> str:
    """Bytes to text: BOM first, then a declared charset, then UTF-8, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    declared = _declared_charset(data[:4096])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and (declared in (None, "utf-8") or text.isascii()):
        return text
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace")
    return _detect(data)


def _declared_charset(head: bytes) -> str | None:
    m = _DECLARED.search(head)
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name.replace("_", "-")
    except LookupError:
        return None


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("cp1252", errors="replace")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample or sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.1


def looks_like_html(text: str) -> bool:
    """Whether a string is markup rather than a text dump."""
    if _HTML_START.match(text):
        return True
    head = text[:65536]
    return len(_TAG.findall(head, 0, len(head))) >= _MIN_TAGS


def _refuse_non_documents(text: str) -> None:
    stripped = text.lstrip()
    if not stripped:
        raise EmptyInputError("the input is empty (nothing but white space)")
    if _FEED.match(stripped[:4096]):
        raise UnsupportedContentError("the input is an RSS/Atom feed, not a web page")
    if stripped[0] in "{[":
        try:
            json.loads(stripped)
        except ValueError:
            return
        raise UnsupportedContentError("the input is JSON, not a web page")


def clean_text(text: str) -> str:
    """Characters no page shows (NUL, C0 controls, lone surrogates) removed."""
    return _BAD_CHARS.sub("", text)


def parse_html(text: str):
    """An lxml HTML tree, never a raw lxml error."""
    text = _XML_DECL.sub("", text, count=1)
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True,
                             no_network=True, default_doctype=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"the input cannot be parsed as HTML: {exc}") from None
    if root is None:
        raise EmptyInputError("the input holds no HTML elements")
    return root


def load_page(source, *, url: str | None = None, limits: Limits = Limits()) -> Page:
    """The :class:`Page` for any supported source; raises the library's own errors."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if len(data) > limits.max_bytes:
            raise TooLargeError(f"the input is {len(data)} bytes, over max_bytes={limits.max_bytes}")
        if _looks_binary(data):
            raise UnsupportedContentError("the input is binary data, not a text or HTML document")
        return _page_from_str(decode(data), url)
    if isinstance(source, str):
        if len(source) > limits.max_bytes:
            raise TooLargeError(f"the input is {len(source)} characters, over max_bytes={limits.max_bytes}")
        return _page_from_str(source, url)
    if isinstance(source, etree._Element):
        root = source.getroottree().getroot() if source.getparent() is None else source
        return Page.from_tree(root, url)
    if _is_soup(source):
        return _page_from_str(str(source), url)
    raise TypeError(
        f"extract() takes str, bytes, a BeautifulSoup object or an lxml element, not {type(source).__name__}"
    )


def _page_from_str(text: str, url: str | None) -> Page:
    text = clean_text(text.lstrip("\ufeff"))
    _refuse_non_documents(text)
    if looks_like_html(text):
        return Page.from_tree(parse_html(text), url)
    return Page.from_text(text, url)


def _is_soup(source) -> bool:
    return type(source).__module__.startswith("bs4") and hasattr(source, "decode")
