"""Links a reader can follow safely: the one gate every URL field of an Article passes.

A page may put anything in an ``href``, a ``<meta content>`` or a JSON-LD string:
``javascript:`` and ``data:`` URLs run code where a scraper renders them, and they come
disguised (``&#106;avascript:``, ``java\\0script:``, ``JaVa&#x09;ScRiPt:``). Browsers drop
control characters, tabs and line breaks from a URL before reading its scheme, and HTML
decodes character references first; the scheme is judged here after both. Only ``http`` and
``https`` pass, and relative references once made absolute against an http(s) base.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin, urlsplit

__all__ = ["SAFE_SCHEMES", "absolute", "safe_url", "scheme_of", "clean_url", "http_base"]

SAFE_SCHEMES = frozenset({"http", "https"})
DEFAULT_SCHEME = "https"
"""Given to a scheme-relative base (``<base href="//host/">``) when the page's own address says
none: what a browser would load it over today."""

_ENDS = "".join(map(chr, range(0x21)))
"""What browsers strip from a URL's ends (C0 controls and the space)..."""
_INSIDE = re.compile("[\x00-\x1f\x7f]")
"""... and what is no URL's character anywhere (tabs and line breaks are removed, as browsers do)."""
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_PLAIN_HTTP = re.compile(r"https?://[^/?#\[\]\x00-\x20\x7f\ud800-\udfff]+(?:[/?#][^\x00-\x20\x7f\ud800-\udfff]*)?\Z")
"""An absolute http(s) URL with nothing to clean nor to doubt (the common case, judged at once):
what follows a literal scheme cannot change it; a bracketed (IPv6) host takes the long way."""


def clean_url(value: str) -> str:
    """``value`` without control characters, tabs, line breaks and white space at its ends; a
    byte that was not valid UTF-8 (a lone surrogate, as ``surrogateescape`` leaves it) is
    percent-encoded, any other lone surrogate dropped: the result always encodes as UTF-8."""
    value = _INSIDE.sub("", value.strip(_ENDS))
    if not value.isascii():
        value = "".join(_escaped(ch) if "\ud800" <= ch <= "\udfff" else ch for ch in value)
    return value


def _escaped(ch: str) -> str:
    return f"%{ord(ch) - 0xDC00:02X}" if 0xDC80 <= ord(ch) <= 0xDCFF else ""


def scheme_of(value: str) -> str | None:
    """The lower-cased scheme a browser would read, character references and controls undone
    first; None for a relative reference."""
    found = _SCHEME.match(clean_url(html.unescape(value)))
    return found.group(1).lower() if found else None


def absolute(base: str | None, href: str | None) -> str | None:
    """``href`` made absolute against ``base`` (any scheme kept, controls removed); None for an
    empty or malformed one. ``href`` stays relative when there is no base."""
    if not href:
        return None
    href = clean_url(href)
    if not href:
        return None
    if not base or href.startswith(("http://", "https://")):
        return href
    try:
        return urljoin(base, href) or None
    except ValueError:  # "http://[bad-host]/": not a URL at all
        return None


def safe_url(href: str | None, base: str | None = None) -> str | None:
    """``href`` as an absolute http(s) URL, or None: another scheme (``javascript:``, ``data:``,
    ``mailto:``...), however it is disguised, or a relative reference without an http(s) base
    to resolve it, or a malformed URL."""
    if not href:
        return None
    if _PLAIN_HTTP.match(href):
        return href
    if scheme_of(href) not in (None, *SAFE_SCHEMES):
        return None
    url = absolute(http_base(base), href)
    if url is None or scheme_of(url) not in SAFE_SCHEMES:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.netloc else None


def http_base(base: str | None, address: str | None = None) -> str | None:
    """``base`` as an absolute http(s) URL to resolve links against, or None. A scheme-relative
    or relative base is resolved against ``address`` (the page's own URL) when given; a
    scheme-relative one without it takes :data:`DEFAULT_SCHEME`."""
    if not base:
        return None
    base = clean_url(base)
    if address and scheme_of(address) in SAFE_SCHEMES:
        base = absolute(clean_url(address), base) or ""
    elif base.startswith("//"):
        base = f"{DEFAULT_SCHEME}:{base}"
    if scheme_of(base) not in SAFE_SCHEMES:
        return None
    try:
        return base if urlsplit(base).netloc else None
    except ValueError:
        return None
