"""Turn what the caller hands us into a :class:`~articlex.page.Page`.

``str`` (HTML or a text dump, told apart here), ``bytes`` (decoded from the BOM, then the
declared charset, then detection), a BeautifulSoup object or an lxml element.

Whatever the input, loading ends in a Page or in one of the library's own errors
(:mod:`articlex.errors`), never in a raw lxml, Unicode or recursion error. On the way:

* bytes are decoded the way a browser would, and better where a browser shows garbage:
  a page declared UTF-8 that holds windows-1252 bytes reads as windows-1252 where it is not
  UTF-8; UTF-16 and UTF-32 are recognised with or without a BOM;
* binary data, feeds, sitemaps and JSON are refused with :class:`UnsupportedContentError`;
* characters no browser shows (NUL, C0 and C1 controls, lone surrogates, non-characters)
  are dropped; surrogate pairs left in a ``str`` are joined;
* XML and XHTML are read by the HTML parser, which knows no entities but HTML's: a DOCTYPE's
  internal subset (where entity bombs and external entities live) is removed, nothing is
  ever read from a file or the network, nothing is expanded;
* libxml2 stops parsing at a depth of 2048 (and drops the rest of the page) and spends a
  time quadratic in the number of attributes of one element. Elements nested deeper than
  :attr:`Limits.max_depth` are re-attached at that depth, as browsers do, and attributes past
  :data:`MAX_ATTRIBUTES` on one element are dropped; both keep all the text and leave a
  warning in ``page.warnings``;
* libxml2 also drops everything after ``</html>``: that end tag (and ``</body>``) is removed
  when something follows it, as a browser ignores them;
* a plain lxml tree (``etree.HTML()``, an XML parser's XHTML) is read again as HTML;
* HTML of megabytes too dense to hold as a tree is read as a stream, as its text
  (:mod:`articlex.stream`).

What is left out or altered on the way is never silent: it is in ``page.warnings``.
"""

from __future__ import annotations

import codecs
import html as html_entities
import re
import threading
from array import array
from dataclasses import dataclass, fields
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeAlias

from lxml import etree, html

from .deadline import Deadline, check_seconds
from .errors import EmptyInputError, InputError, TooLargeError, UnsupportedContentError
from . import page as pages
from .page import Element, Page
from .stream import LINK_RUN, WARN_LINK_RUNS, WARN_STREAMED, is_dense, start_tags, stream_text

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

Source: TypeAlias = "str | bytes | bytearray | memoryview | BeautifulSoup | etree._Element | etree._ElementTree"
"""What ``extract()`` reads: HTML or a text dump as text or bytes, a BeautifulSoup object, an lxml
element or tree. Anything else is a TypeError at run time, and a type error for a checker."""

__all__ = ["Limits", "Source", "load_page", "decode", "clean_text", "looks_like_html", "parse_html",
           "MAX_ATTRIBUTES"]


@dataclass(frozen=True)
class Limits:
    """Bounds on what one call may read and spend.

    Past ``max_bytes``, ``max_elements`` or ``max_seconds`` the call raises
    :class:`~articlex.errors.TooLargeError`; past ``max_depth`` the page is kept whole but
    flattened, with a warning.
    """

    max_bytes: int = 64 * 1024 * 1024
    """Largest input accepted, in bytes (characters for ``str``). 64 MiB is twice the largest
    live blog seen in the wild and keeps the peak memory of one call well under 1 GiB."""
    max_elements: int = 1_000_000
    """Most elements one HTML page may hold. A 30 MB news page has about 300,000; a million
    lxml elements cost about 300 MB, the rest of a call about as much again."""
    max_depth: int = 512
    """Deepest nesting kept as it is. Elements below are re-attached at this depth, keeping
    their text and attributes but not their nesting, and ``page.warnings`` says so. 512 is the
    depth at which Blink (Chrome) stops nesting elements; real pages stay under 100. Values
    above :data:`DEEPEST` act as :data:`DEEPEST`, where libxml2 would stop parsing."""
    max_seconds: float = 10.0
    """Wall-clock budget of one call (a finite number above 0). Loading raises ``TooLargeError``
    when decoding and parsing alone take longer; the block walk, the body walk and the field
    steps stop where they are and flag a partial result in ``warnings``. A 30 MB page takes
    under 5 s; a normal page, tens of milliseconds."""

    def __post_init__(self) -> None:
        check_seconds("max_seconds", self.max_seconds)
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(f"Limits.{f.name} takes a number, not {type(value).__name__}")
            if not value > 0:
                raise ValueError(f"Limits.{f.name} must be positive, not {value!r}")


LIBXML2_DEPTH = 2048
"""libxml2 halts at this depth even with ``huge_tree``, silently dropping the rest of the page."""
DEPTH_MARGIN = 64
"""Levels kept free under libxml2's limit for elements the flattener does not see opened
(implied ``html``, ``body``, ``tbody``...)."""
DEEPEST = LIBXML2_DEPTH - DEPTH_MARGIN
"""The deepest ``max_depth`` that can be honoured."""
IMPLIED_ELEMENTS = 3
"""Elements libxml2 adds without a tag: ``html``, ``head``, ``body``."""
STRICT_DEPTH_SHARE = 4
"""When a first flattening still lets libxml2 reach its limit, the second one counts every
start tag as opening an element and caps the depth at this fraction of ``max_depth``."""
MAX_ATTRIBUTES = 64
"""Attributes kept on one element (the first ones). libxml2 builds attribute lists in quadratic
time: 30,000 attributes on one element take 4 s, 5 MB of elements with 1,000 attributes each
2 s. Real elements carry a few dozen at most."""

HEAD_BYTES = 4096
"""Where a ``<meta charset>`` or an XML encoding must sit to be believed (the HTML standard
prescans 1024 bytes; long comments and scripts push real declarations further)."""
SNIFF_BYTES = 8192
"""How much of the input the binary and UTF-16 sniffers look at."""
BINARY_SHARE = 0.02
"""Share of control bytes (NUL, tab, newlines, form feed and ESC aside) past which bytes are
binary: text has none, random or compressed data about 10 %."""
BINARY_STR_SHARE = 0.15
"""The same for a ``str``, counting the C1 controls too: bytes decoded as latin-1 give about
23 %. A string is the caller's text, so only what cannot be text is refused; fewer controls
are dropped as a browser would."""
WIDE_ZERO_SHARE = 0.3
"""UTF-16 without a BOM: share of zero bytes in one byte position (ASCII markup gives
about 100 %, Cyrillic text about 20 %) ..."""
WIDE_OTHER_SHARE = 0.02
"""... while the other position has almost none (binary data has zeros in both)."""
UTF8_SAMPLE = 1 << 20
"""Bytes sampled to tell UTF-8 with a few foreign bytes from a legacy encoding."""
DETECT_SAMPLE = 200_000
"""Bytes handed to charset detection (its cost grows with the sample, not the page)."""
CP1252_CHAOS_MARGIN = 0.05
"""Detection ranks code pages by "chaos"; windows-1252, the web's most common legacy
encoding, is preferred when it is this close to the best (French text otherwise comes out
as Baltic cp1257: "déją")."""
PROLOG_CHARS = 65536
"""How far the XML prolog (declaration, comments, DOCTYPE) is read to find the root element."""
HTML_SNIFF_CHARS = 65536
"""How much of a string is searched for tags when telling HTML from a text dump."""
MIN_TAGS = 3
"""A text dump may quote a stray "<p>"; three tags make it markup, if they are spread over it."""
MARKUP_LINES = 0.4
"""Share of a page's non-blank lines (scripts, styles and <pre> aside) holding a tag from which it is
markup. A text dump may print a few lines of markup (a form's 'Allowed HTML tags: <em> <strong> ...',
an unrendered '<span>', a 'republish this story' box of code on one line): a fourth of its lines at
most in the 3,050 dumps measured. A fragment with paragraphs wrapped over many lines may tag fewer of
its lines: it closes its paragraphs, though (MIN_BLOCK_END_LINES)."""
WRAPPED_MARKUP_LINES = 0.25
MIN_BLOCK_END_LINES = 3
"""A fragment whose paragraphs are wrapped over lines tags fewer of them (a third at six lines a
paragraph) but closes its blocks ('</p>', '</div>', '</li>') on three lines or more: markup from a
fourth of its lines tagged. The dumps measured that print code samples close blocks on many lines
but tag 24% of their lines at most, most of them under 12%."""
DOCUMENT_REACH = 2000
"""Characters from the start where a DOCTYPE or an <html>, <head> or <body> tag makes markup of a
string opening with a stray line (a server's warning); further down, a tutorial's dump prints them."""

WARN_REPLACED = "{count} byte sequences could not be decoded as {encoding} and were replaced"
WARN_MISLABELED = "the input is declared {declared} but is not: it was read as {encoding}"
WARN_MIXED = "the input mixes encodings: bytes that are not UTF-8 were read as windows-1252"
WARN_DEPTH = ("elements nested deeper than max_depth={depth} were re-attached at that depth: "
              "their text is kept, their nesting is lost")
WARN_ATTRIBUTES = ("{count} elements carried more than {limit} attributes: "
                   "the extra attributes were dropped, the text is kept")
WARN_AS_TEXT = ("the markup nests too deep for the parser even once flattened: "
                "the page was read as text, without its markup")


# --- Decoding ------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)""",
                       re.I)
_BROWSER_SUPERSETS = {
    "ascii": "cp1252", "iso8859-1": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
    "tis-620": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "euc-kr": "cp949",
    "shift-jis": "cp932", "big5": "big5hkscs",
}
"""Charset labels browsers read as a larger encoding (WHATWG Encoding Standard): a page
labelled ISO-8859-1 with curly quotes at 0x93 shows them, and so must we."""
_NOT_CHARSETS = frozenset({"idna", "punycode", "raw-unicode-escape", "unicode-escape", "utf-7", "undefined"})
"""Python codecs that read ASCII as ASCII but are no page's charset (browsers know none of them)."""
_SEVEN_BIT = ("iso2022", "hz")
"""Encodings whose text is pure ASCII bytes: valid UTF-8 that must still follow the declaration."""
_ASCII_PROBE = bytes(range(0x20, 0x7F))
_CP1252 = tuple(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(256))
"""windows-1252 by byte; its five holes map to the C1 controls, as in browsers."""


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(_CP1252[b] for b in error.object[error.start:error.end]), error.end


codecs.register_error("articlex.cp1252", _cp1252_fallback)


def decode(data: bytes) -> str:
    """Bytes to text: BOM first, then UTF-16/32 sniffing, a declared charset, UTF-8, detection."""
    return _decode(data)[0]


def _decode(data: bytes) -> tuple[str, list[str]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom):], encoding)
    wide = _wide_encoding(data[:SNIFF_BYTES])
    if wide:
        return _decode_as(data, wide)
    declared = _declared_charset(data[:HEAD_BYTES])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if declared and declared.startswith(_SEVEN_BIT):
            return _decode_as(data, declared)
        return text, []
    if declared and declared != "utf-8":
        return _decode_as(data, declared)
    if declared == "utf-8" and not _has_utf8_sequences(data[:UTF8_SAMPLE]):
        text, warnings = _decode_as(data, "cp1252")
        return text, [WARN_MISLABELED.format(declared=declared, encoding="windows-1252"), *warnings]
    if declared == "utf-8" or _mostly_utf8(data[:UTF8_SAMPLE]):
        return data.decode("utf-8", "articlex.cp1252"), [WARN_MIXED]
    return _decode_as(data, _detect(data[:DETECT_SAMPLE]))


def _decode_as(data: bytes, encoding: str) -> tuple[str, list[str]]:
    try:
        text = data.decode(encoding, "replace")
    except (LookupError, UnicodeError):  # a codec that cannot decode at all
        encoding = "cp1252"
        text = data.decode(encoding, "replace")
    replaced = text.count("\ufffd")
    if encoding.replace("_", "-").startswith("utf-8"):
        replaced -= data.count("\ufffd".encode("utf-8"))
    return text, [WARN_REPLACED.format(count=replaced, encoding=encoding)] if replaced > 0 else []


def _wide_encoding(sample: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, from where the zero bytes of ASCII characters fall."""
    size = len(sample) - len(sample) % 4
    if size < 4:
        return None
    lanes = [sample[i:size:4].count(0) / (size // 4) for i in range(4)]
    zero: Callable[..., bool] = lambda *ix: all(lanes[i] >= WIDE_ZERO_SHARE for i in ix)  # noqa: E731
    clear: Callable[..., bool] = lambda *ix: all(lanes[i] <= WIDE_OTHER_SHARE for i in ix)  # noqa: E731
    if zero(1, 2, 3) and clear(0):
        return "utf-32-le"
    if zero(0, 1, 2) and clear(3):
        return "utf-32-be"
    if zero(1, 3) and clear(0, 2):
        return "utf-16-le"
    if zero(0, 2) and clear(1, 3):
        return "utf-16-be"
    return None


def _declared_charset(head: bytes) -> str | None:
    m = _DECLARED.search(head)
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "ignore")
    return _usable_codec(name.lower())


@lru_cache(maxsize=64)
def _usable_codec(name: str) -> str | None:
    """The Python codec for a charset label, if it reads ASCII as ASCII (no UTF-16, UTF-7,
    escapes or IDNA declared inside an ASCII ``<meta>``)."""
    try:
        codec = codecs.lookup(name).name.replace("_", "-")
        if codec in _NOT_CHARSETS or _ASCII_PROBE.decode(codec) != _ASCII_PROBE.decode("ascii"):
            return None
    except (LookupError, UnicodeError, TypeError):
        return None
    return _BROWSER_SUPERSETS.get(codec, codec)


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_sequences(sample: bytes) -> bool:
    return _UTF8_SEQUENCE.search(sample) is not None


def _mostly_utf8(sample: bytes) -> bool:
    """Whether the bytes past ASCII are mostly well-formed UTF-8 (a UTF-8 page with a few
    pasted windows-1252 bytes) rather than mostly not (a page in a legacy encoding)."""
    text = sample.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    beyond_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return beyond_ascii - broken >= broken


def _detect(sample: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample))
    if not matches:
        return "cp1252"
    best = matches[0]
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos + CP1252_CHAOS_MARGIN:
            return "cp1252"
    return _usable_codec(best.encoding) or "cp1252"


# --- What is not a document ----------------------------------------------------------------

_MAGIC = (
    b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"%PDF-", b"PK\x03\x04", b"PK\x05\x06",
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"\x28\xb5\x2f\xfd",
    b"\x7fELF", b"\xca\xfe\xba\xbe", b"\x00asm", b"OggS", b"RIFF", b"fLaC", b"ID3", b"wOFF", b"wOF2",
    b"\xd0\xcf\x11\xe0", b"SQLite format 3\x00", b"II*\x00", b"MM\x00*", b"\x00\x00\x01\x00",
)
"""File signatures of images, archives, executables, media, fonts and office files."""
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (0, 9, 10, 12, 13, 27))
_CONTROL_CHARS = re.compile("[\x01-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf", "urlset", "sitemapindex", "opml"})
"""Root elements of RSS, Atom, RDF feeds, XML sitemaps and OPML outlines."""
_JSON_START = re.compile(r"""\{\s*+["}]|\[\s*+(?:["{\[\]0-9-]|true|false|null)""")
_FIRST_CHAR = re.compile(r"\S")
_NAME = re.compile(r"[A-Za-z][\w:.-]*+")
_DOCTYPE = re.compile(r"""<!doctype(?>[^\[>]*+)(?>\[(?>[^\]"']++|"[^"]*+"|'[^']*+')*+\])?+[^>]*+>?""", re.I)


def _looks_binary(sample: bytes) -> bool:
    if not sample:
        return False
    if sample.startswith(_MAGIC):
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls / len(sample) > BINARY_SHARE


def _str_looks_binary(text: str) -> bool:
    sample = text[:SNIFF_BYTES]
    if not sample:
        return False
    if sample[:16].encode("latin-1", "ignore").startswith(_MAGIC):
        return True
    if not _has_unshown(sample):  # no control character at all (nearly every page): nothing to count
        return False
    controls = sum(1 for _ in _CONTROL_CHARS.finditer(sample))
    return controls / len(sample) > BINARY_STR_SHARE


def _refuse_non_documents(text: str) -> None:
    first = _FIRST_CHAR.search(text)
    if first is None:
        raise EmptyInputError("the input is empty (nothing but white space)")
    start = first.start()
    if _looks_like_json(text, start):
        raise UnsupportedContentError("the input is JSON, not a web page")
    root = _prolog(text, start)[1]
    if root in _FEED_ROOTS:
        raise UnsupportedContentError(f"the input is an XML document (<{root}>: a feed or a sitemap), "
                                      "not a web page")


def _looks_like_json(text: str, start: int) -> bool:
    if not _JSON_START.match(text, start):
        return False
    last = text[-64:].rstrip()[-1:]
    return last == ("}" if text[start] == "{" else "]")


def _prolog(text: str, start: int = 0) -> tuple[int, str | None]:
    """Where the XML prolog (declaration, processing instructions, comments, DOCTYPE) ends,
    and the name of the element that follows it (None when text comes first)."""
    pos, end = start, min(len(text), start + PROLOG_CHARS)
    while pos < end:
        first = _FIRST_CHAR.search(text, pos, end)
        if first is None:
            return pos, None
        pos = first.start()
        if text.startswith("<?", pos):
            close = text.find(">", pos, end)
        elif text.startswith("<!--", pos):
            close = text.find("-->", pos, end)
            close = close + 2 if close >= 0 else close
        elif text[pos:pos + 9].lower() == "<!doctype":
            close = _match_at(_DOCTYPE, text, pos).end() - 1
        else:
            name = _NAME.match(text, pos + 1) if text.startswith("<", pos) else None
            return pos, name.group(0).lower() if name else None
        if close < 0:
            return pos, None
        pos = close + 1
    return pos, None


# --- Cleaning ------------------------------------------------------------------------------

_UNSHOWN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")
_ASCII_UNSHOWN = bytes([*range(0, 9), 11, *range(14, 32), 127])
_FORM_FEED = bytes.maketrans(b"\x0c", b"\n")


_UNSHOWN_ASCII = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
_UNSHOWN_BEYOND_ASCII = {0xc2: re.compile(rb"[\x80-\x9f]"), 0xef: re.compile(rb"\xb7[\x90-\xaf]|\xbf[\xbe\xbf]"),
                         0xed: re.compile(rb"[\xa0-\xbf]")}
"""``_UNSHOWN`` past ASCII in UTF-8, by leading byte, with the bytes that follow it: C1 controls,
U+FDD0-U+FDEF and U+FFFE-U+FFFF, surrogates."""


def _has_unshown(text: str) -> bool:
    """Whether ``_UNSHOWN`` occurs in ``text``, checked on its UTF-8 bytes: deleting bytes and
    finding one byte run in C at memory speed, where a character class over the ``str`` is
    matched character by character (half as fast again on a page)."""
    return _unshown_in(text.encode("utf-8", "surrogatepass"))


def _unshown_in(data: bytes) -> bool:
    """:func:`_has_unshown` on the text's UTF-8 bytes (``surrogatepass``)."""
    if len(data.translate(None, _UNSHOWN_ASCII)) != len(data):
        return True
    for lead, follows in _UNSHOWN_BEYOND_ASCII.items():
        at = data.find(lead)
        while at >= 0:
            if follows.match(data, at + 1):
                return True
            at = data.find(lead, at + 1)
    return False


def clean_text(text: str) -> str:
    """Characters no page shows (NUL, C0 and C1 controls, lone surrogates, non-characters)
    removed, surrogate pairs joined, form feeds (white space in HTML) made line breaks."""
    return _cleaned(text)[0]


def _cleaned(text: str) -> tuple[str, bytes | None]:
    """:func:`clean_text`, and the text's UTF-8 bytes when the check made them and found the
    text clean: the parser reads those rather than encoding the page a second time."""
    if text.isascii():
        data = text.encode("ascii")
        cleaned = data.translate(_FORM_FEED, _ASCII_UNSHOWN)
        return (text, data) if cleaned == data else (cleaned.decode("ascii"), cleaned)
    data = text.encode("utf-8", "surrogatepass")
    if not _unshown_in(data):
        return text, data
    if any("\ud800" <= ch <= "\udfff" for ch in _UNSHOWN.findall(text)):
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return _UNSHOWN.sub("", text.replace("\x0c", "\n")), None


# --- Markup --------------------------------------------------------------------------------

_KNOWN_TAGS = r"(?:p|div|br|a|span|h[1-6]|li|ul|ol|table|tr|td|article|section|main|header|nav|img|meta|link|" \
              r"title|script|style|head|body|html)"
_HTML_START = re.compile(rf"\A\s*(?:<!doctype\s+html|<\?xml|<!--|<{_KNOWN_TAGS}[\s>/])", re.I)
"""A page that starts with a DOCTYPE, an XML declaration, a comment or a common tag is markup."""
_TAG = re.compile(rf"</?{_KNOWN_TAGS}[\s>/]", re.I)
_DOCUMENT_TAG = re.compile(r"<!doctype\s+html|<(?:html|head|body)[\s>]", re.I)
"""Tags only a whole page holds: markup when they stand within DOCUMENT_REACH of the start."""
_BLOCK_END = re.compile(r"</(?:p|div|li|ul|ol|h[1-6]|table|tr|td|section|article|blockquote)\s*>", re.I)
_RAW_OPEN = re.compile(r"<(script|style|pre)\b", re.I)
_START_TAG = re.compile(r"<[A-Za-z]")
_RAW_TEXT = ("script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title")
"""Elements whose content libxml2 reads as text up to their end tag (``plaintext``: to the end)."""
_VOID = frozenset("area base basefont br col frame hr img input isindex link meta param".split())
"""Elements libxml2 never opens (tested: ``embed``, ``source``, ``track``, ``wbr`` it does open)."""
_FRAME = frozenset({"html", "head", "body"})
"""Elements libxml2 opens once, merging repeats: the flattener neither counts nor closes them."""
_FRAME_END = re.compile(r"</(?:html|body)(?![^\s/>])[^>]*+>?", re.I)
"""End tags libxml2 takes too literally: it drops everything after ``</html>``, and after
``</body>`` a stray ``<body>`` opens a second, nested body that no end tag can close. A
browser ignores both (what follows still goes into the body); removing them does the same."""
_PAGE_END = re.compile(r"(?>\s++|</(?:html|body)(?![^\s/>])[^>]*+>|<!--(?>.*?-->|.*+))*+\Z", re.I | re.S)
"""What may follow the page's last element: frame end tags, comments, white space."""
_XML_ONLY = re.compile(r"<\?xml|<!doctype[^\[>]*+\[", re.I)
"""What the HTML parser cannot be given in a prolog: an XML declaration, an internal subset."""

# One attribute as the HTML tokenizer reads it: separators (white space, "/"), a name (any
# character but those and ">"), then maybe "=" and a quoted or bare value. Atomic groups
# and possessive quantifiers: nothing is ever re-read, so every pattern below is linear.
_VALUE = r"""(?>\s*+=\s*+(?>"[^"]*+"|'[^']*+'|[^\s>]*+))?+"""
_ATTR = rf"""(?>[\s/]*+[^\s/>][^\s/>=]*+{_VALUE})"""
_NO_MORE_ATTRS = r"(?![\s/]*+[^\s/>])"


def _up_to_crowded(limit: int) -> re.Pattern[str]:
    """The pattern that matches a page up to its first start tag with more than ``limit`` attributes."""
    few_attrs = rf"{_ATTR}{{0,{limit}}}+{_NO_MORE_ATTRS}"
    # Up to the first "</name" (or to the end), as possessive runs rather than a lazy ".*?": Python's
    # engine steps a lazy loop one character at a time, trying the rest of the pattern at each.
    raw_element = "|".join(rf"<{name}(?![^\s/>]){few_attrs}[^>]*+>?(?:[^<]++|<(?!/{name}))*+(?:</{name})?+"
                           for name in _RAW_TEXT)
    return re.compile(rf"""(?>
    [^<]++
  | <!--(?:[^-]++|-(?!->))*+(?:-->)?+
  | <[!?/][^>]*+>?
  | {raw_element}
  | <plaintext.*+
  | <[a-z][^\s/>]*+{few_attrs}
  | <(?![a-z])
)*+""", re.I | re.S | re.X)


_UP_TO_CROWDED = _up_to_crowded(MAX_ATTRIBUTES)
"""Matches the page up to the first start tag with more than ``MAX_ATTRIBUTES`` attributes."""
_FIRST_ATTRS = re.compile(rf"<([^\s/>]++){_ATTR}{{0,{MAX_ATTRIBUTES}}}+")
"""A start tag's name and its first ``MAX_ATTRIBUTES`` attributes."""
_MORE_ATTRS = re.compile(rf"{_ATTR}*+")
_TAG_NAME = re.compile(r"<([^\s/>]++)")
_TAG_REST = re.compile(r"[\s/]*+>?")
_WHOLE_RAW_ELEMENT = "|".join(rf"<{name}(?![^\s/>]){_ATTR}*+[\s/]*+>?(?>.*?</{name}[^>]*+>?|.*+)"
                              for name in _RAW_TEXT)
_TOKEN = re.compile(rf"""
    <!--(?>.*?-->|.*+)
  | <[!?][^>]*+>?
  | (?P<raw>{_WHOLE_RAW_ELEMENT}|<plaintext.*+)
  | </(?P<end>[a-z][^\s/>]*+){_ATTR}*+[\s/]*+>?
  | <(?P<start>[a-z][^\s/>]*+){_ATTR}*+(?P<close>[\s/]*+)>?
  | <[^a-z]?
""", re.I | re.S | re.X)
"""One token of markup: comment, declaration, raw-text element, end tag, start tag (text lies between).
A start tag's last group is ``close``, an end tag's ``end``."""
_MARKUP = re.compile(r"<!--(?>.*?-->|.*+)|<(?:script|style)\b.*?</(?:script|style)\s*+>|<[^>]*+>?", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """Whether a string is markup rather than a text dump."""
    if _HTML_START.match(text):
        return True
    if len(_TAG.findall(text, 0, HTML_SNIFF_CHARS)) < MIN_TAGS:
        return False
    window = text[:HTML_SNIFF_CHARS]
    if _DOCUMENT_TAG.search(window, 0, DOCUMENT_REACH):
        return True  # a page behind a stray first line (a server's warning)
    lines = [line for line in _without_raw_blocks(window).splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _TAG.search(line))
    return tagged >= MARKUP_LINES * len(lines) or tagged >= WRAPPED_MARKUP_LINES * len(lines) \
        and sum(1 for line in lines if _BLOCK_END.search(line)) >= MIN_BLOCK_END_LINES


def _without_raw_blocks(window: str) -> str:
    """The window without its scripts, styles and preformatted text (their lines hold no tag whatever
    the page is), each cut from its opening tag to its end tag by plain searches: linear, also when
    end tags are missing."""
    lowered, pieces, at = window.lower(), [], 0
    while (m := _RAW_OPEN.search(window, at)) is not None:
        pieces.append(window[at:m.start()])
        end = lowered.find(f"</{m.group(1).lower()}", m.end())
        if end < 0:
            return "".join(pieces)
        at = end
    pieces.append(window[at:])
    return "".join(pieces)


def parse_html(text: str, limits: Limits = Limits(), *, encoded: bytes | None = None) -> tuple[object | None, list[str]]:
    """An lxml HTML tree and the warnings of what was altered to get it; the tree is None
    when the markup could not be parsed whole (read the page as text then). Never a raw
    lxml error. ``encoded``, when the caller has them, are the text's UTF-8 bytes."""
    warnings: list[str] = []
    given = text
    text = _without_prolog(text)
    facts = _markup_facts(text)
    trimmed = _without_frame_ends(text, facts)
    if trimmed is not text:
        text, facts = trimmed, _markup_facts(trimmed)
    _check_tag_count(text, limits, facts)
    text, crowded = _trim_crowded_tags(text, facts)
    if crowded:
        warnings.append(WARN_ATTRIBUTES.format(count=crowded, limit=MAX_ATTRIBUTES))
    depth = min(limits.max_depth, DEEPEST)
    root = _parse(text, encoded if text is given else None)
    count, deeper = _shape(root, depth)
    if deeper:
        warnings.append(WARN_DEPTH.format(depth=depth))
        root = _flattened_tree(text, depth)
        if root is None:
            return None, warnings + [WARN_AS_TEXT]
        count = _shape(root, depth)[0]
    _check_element_count(count, limits)
    return root, warnings


def _flattened_tree(text: str, depth: int) -> Element | None:
    """The tree of the page flattened to ``depth``: first as libxml2 nests, then counting every
    start tag; None if libxml2 still reaches its own limit (it then drops text)."""
    root = None
    for cap, strict in ((depth - IMPLIED_ELEMENTS, False), (depth // STRICT_DEPTH_SHARE, True)):
        root = _parse(_flatten(text, cap, strict))
        if not _deeper_than(root, depth):
            return root
    return None if _deeper_than(root, LIBXML2_DEPTH - 1) else root


_ELEMENT_CLASSES = etree.ElementDefaultClassLookup(
    element=html.HtmlElement, comment=html.HtmlComment, pi=html.HtmlProcessingInstruction, entity=html.HtmlEntity)
"""lxml.html's element classes, chosen in C. lxml.html's own lookup calls a Python method for
every element object lxml creates (a third of the cost of iterating a page) to give form
elements their own classes, which articlex never uses."""
_PARSERS = threading.local()
"""One parser a thread, built once: lxml parsers may not be shared between threads."""


def _parser(encoding: str | None) -> html.HTMLParser:
    """The thread's parser for ``str`` (``encoding`` None) or for bytes in ``encoding``."""
    parsers: dict[str | None, html.HTMLParser] | None = getattr(_PARSERS, "parsers", None)
    if parsers is None:
        parsers = _PARSERS.parsers = {}
    parser = parsers.get(encoding)
    if parser is None:
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True,
                                 no_network=True, default_doctype=False, encoding=encoding)
        parser.set_element_class_lookup(_ELEMENT_CLASSES)
        parsers[encoding] = parser
    return parser


def _parse(text: str, encoded: bytes | None = None) -> Element:
    """The tree of ``text``, read from its UTF-8 bytes (``encoded``, else encoded here): libxml2
    reads UTF-8 as it is, where a ``str`` is first converted (15 % of the parse). The parser is
    told the encoding, so a ``<meta charset>`` in the page does not change how it is read."""
    source: str | bytes = text
    if encoded is None:
        try:
            encoded = text.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates (clean_text removes them): lxml reads the str
            encoded = None
    if encoded is not None:
        source = encoded
    parser = _parser(None if encoded is None else "utf-8")
    try:
        root = html.document_fromstring(source, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"the input cannot be parsed as HTML: {exc}") from None
    if root is None:
        raise EmptyInputError("the input holds no HTML elements")
    return root


def _deeper_than(root: Element, depth: int) -> bool:
    """Whether some element sits deeper than ``depth`` (the root is at depth 1)."""
    return bool(_depth_probe(depth)(root))


def _compiled(name: str) -> Callable[..., Any] | None:
    """A function of the compiled module when the compiled walk is in use and was built from these
    sources (an extension built from older ones lacks it: the Python form runs then)."""
    return getattr(pages._walk, name, None) if pages._walk is not None else None


def _shape(root: Element, depth: int) -> tuple[int, bool]:
    """(elements in the document, whether one sits deeper than ``depth``): one pass over the
    tree in C with the compiled walk, else two XPath evaluations."""
    tree_shape = _compiled("tree_shape")
    if tree_shape is not None:
        count, deeper = tree_shape(root, depth)
        return count, deeper
    return int(root.xpath("count(//*)")), _deeper_than(root, depth)


@lru_cache(maxsize=8)
def _depth_probe(depth: int) -> etree.XPath:
    return etree.XPath("boolean(/" + "/".join(["*"] * (depth + 1)) + ")")


def _without_prolog(text: str) -> str:
    """The prolog removed from the document's start when it holds an XML declaration (lxml
    refuses one in a ``str``) or a DOCTYPE's internal subset (entity declarations, which the
    HTML parser would show as text); else the text itself, not a copy of it."""
    first = _FIRST_CHAR.search(text, 0, PROLOG_CHARS)
    start = first.start() if first else 0
    end = _prolog(text, start)[0]
    if end == start or not _XML_ONLY.search(text, start, end):
        return text
    return text[end:]


@dataclass(frozen=True)
class _MarkupFacts:
    """What the compiled scan (``_walk.markup_facts``) reads of the markup in one pass."""

    opening: int
    """How many '<' the text holds."""
    may_crowd: bool
    """Whether a start tag may hold more than ``MAX_ATTRIBUTES`` attributes."""
    frame_end: int
    """Where ``_FRAME_END`` first matches, -1 where nowhere."""


def _markup_facts(text: str) -> _MarkupFacts | None:
    """The compiled scan's facts of ``text``, None without the compiled module (the Python
    forms then read the text, each on its own)."""
    scan = _compiled("markup_facts")
    return _MarkupFacts(*scan(text, MAX_ATTRIBUTES)) if scan is not None else None


def _without_frame_ends(text: str, facts: _MarkupFacts | None = None) -> str:
    """``</body>`` and ``</html>`` removed (see ``_FRAME_END``), unless they only close the page."""
    if facts is not None:
        first = facts.frame_end
    else:
        found = _FRAME_END.search(text)
        first = found.start() if found is not None else -1
    if first < 0 or _PAGE_END.match(text, first):
        return text
    return _FRAME_END.sub("", text)


def _check_tag_count(text: str, limits: Limits, facts: _MarkupFacts | None = None) -> None:
    """Refuse a page with more start tags than ``max_elements`` before building its tree."""
    opening = facts.opening if facts is not None else text.count("<")
    if opening + IMPLIED_ELEMENTS <= limits.max_elements:
        return
    tags = sum(1 for _ in _START_TAG.finditer(text))
    if tags + IMPLIED_ELEMENTS > limits.max_elements:
        raise TooLargeError(f"the page has {tags} start tags, over max_elements={limits.max_elements}")


def _check_element_count(count: int, limits: Limits) -> None:
    if count > limits.max_elements:
        raise TooLargeError(f"the page has {count} elements, over max_elements={limits.max_elements}")


def _trim_crowded_tags(text: str, facts: _MarkupFacts | None = None) -> tuple[str, int]:
    """Start tags with more than ``MAX_ATTRIBUTES`` attributes cut down, and how many there were.
    The compiled pre-check (``facts``, or its own call), where there is one, clears nearly every
    page without the scan."""
    if facts is not None and not facts.may_crowd:
        return text, 0
    may_hold_crowded_tag = _compiled("may_hold_crowded_tag") if facts is None else None
    if may_hold_crowded_tag is not None and not may_hold_crowded_tag(text, MAX_ATTRIBUTES):
        return text, 0
    pieces, pos, crowded = list[str](), 0, 0
    while True:
        stop = _match_at(_UP_TO_CROWDED, text, pos).end()
        if stop >= len(text):
            break
        pieces.append(text[pos:stop])
        tag, name, pos = _trimmed_tag(text, stop)
        pieces.append(tag)
        crowded += 1
        if name in _RAW_TEXT:  # its content is text up to its end tag, copied as it is
            end = _raw_text_end(text, pos, name)
            pieces.append(text[pos:end])
            pos = end
    if not crowded:
        return text, 0
    pieces.append(text[pos:])
    return "".join(pieces), crowded


def _trimmed_tag(text: str, start: int) -> tuple[str, str, int]:
    """The start tag at ``start`` with its first ``MAX_ATTRIBUTES`` attributes, its lower-cased
    name, and where the original tag ends. Regexes do the walking: a tag may carry a million
    attributes."""
    head = _match_at(_FIRST_ATTRS, text, start)
    rest = _match_at(_TAG_REST, text, _match_at(_MORE_ATTRS, text, head.end()).end())
    return head.group(0) + rest.group(0), head.group(1).lower(), rest.end()


def _match_at(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str]:
    """``pattern.match`` for the patterns above that match wherever they are tried (the empty
    string, or what the caller has just seen there): never None."""
    m = pattern.match(text, pos)
    assert m is not None, pattern.pattern
    return m


def _raw_text_end(text: str, pos: int, name: str) -> int:
    close = re.compile(rf"</{name}", re.I).search(text, pos)
    return close.start() if close else len(text)


class _Flattener:
    """Rewrites a page so that no element nests deeper than ``cap``, as Blink does past depth
    512: an element that would open deeper is opened next to the current one instead (the
    current one is closed first). Text is never touched; only end tags are added or dropped.

    The stack mirrors libxml2's, erring on the deep side: every non-void start tag opens an
    element (a self-closing one too, when ``strict``), an end tag closes up to the innermost
    element of its name, and each element closed is given its own end tag, so libxml2 never
    holds more open elements than the count here.
    """

    def __init__(self, cap: int, strict: bool) -> None:
        self.cap = max(1, cap)
        self.strict = strict
        self.names: list[str] = []
        """The elements' names, one string a name (a page of 100,000 divs holds one 'div')."""
        self.open = bytearray()
        self.open_at = array("q")
        """Stack positions of the elements still open in the rewritten page, innermost last."""
        self.by_name: dict[str, array[int]] = {}
        """Stack positions of each name, innermost last: finding an end tag's element is O(1)."""

    def run(self, text: str) -> str:
        """The rewritten page: unchanged spans are copied in slices, only changed tags rebuilt;
        the pieces joined every :data:`FLATTENED_PIECES` (each changed tag makes two)."""
        out, done, copied = list[str](), list[str](), 0
        for m in _TOKEN.finditer(text):
            kind = m.lastgroup
            if kind == "close":
                replacement = self.start(m)
            elif kind == "end":
                replacement = self.end(m)
            else:
                continue
            if replacement is not None:
                out.append(text[copied:m.start()])
                out.append(replacement)
                copied = m.end()
                if len(out) >= FLATTENED_PIECES:
                    done.append("".join(out))
                    out.clear()
        out.append(text[copied:])
        done.append("".join(out))
        return "".join(done)

    def start(self, m: re.Match[str]) -> str | None:
        """None to keep the tag; else what replaces it (the current element's end tag first)."""
        name = m.group("start").lower()
        if name in _VOID or name in _FRAME or (m.group("close").endswith("/") and not self.strict):
            return None
        closed = None
        if len(self.open_at) >= self.cap:
            at = self.open_at.pop()
            self.open[at] = False
            closed = f"</{self.names[at]}>{m.group(0)}"
        positions = self.by_name.get(name)
        if positions is None:
            positions = self.by_name[name] = array("q")
        else:
            name = self.names[positions[0]] if positions else name
        positions.append(len(self.names))
        self.open_at.append(len(self.names))
        self.names.append(name)
        self.open.append(True)
        return closed

    def end(self, m: re.Match[str]) -> str | None:
        """None to keep the tag; else the end tags of the elements it really closes."""
        name = m.group("end").lower()
        positions = self.by_name.get(name)
        if not positions:
            return None  # libxml2 ignores it (or makes a br or an empty p of it)
        target = positions[-1]
        closing = []
        while len(self.names) > target:
            popped = self.names.pop()
            self.by_name[popped].pop()
            if self.open.pop():
                self.open_at.pop()
                closing.append(f"</{popped}>")
        return "".join(closing)


FLATTENED_PIECES = 4096
"""Pieces of the rewritten page held before they are joined: 100,000 nested divs made 200,000
small strings (20 MB for a page of 1 MB)."""


def _flatten(text: str, cap: int, strict: bool) -> str:
    return _Flattener(cap, strict).run(text)


def _markup_to_text(text: str) -> str:
    """The last resort for markup libxml2 cannot hold: tags and comments become line breaks
    (inline tags, nothing), entities are decoded."""
    from .page import BLOCK_TAGS

    def replace(m: re.Match[str]) -> str:
        name = _TAG_NAME.match(m.group(0).replace("</", "<", 1))
        return "\n" if name is None or name.group(1).lower() in BLOCK_TAGS else ""

    return clean_text(html_entities.unescape(_MARKUP.sub(replace, text)))


# --- Entry point ---------------------------------------------------------------------------


def load_page(source: Source, *, url: str | None = None, limits: Limits = Limits(),
              deadline: Deadline | None = None) -> Page:
    """The :class:`Page` for any supported source; raises the library's own errors.

    What was altered or left out on the way (undecodable bytes, flattened nesting, dropped
    attributes) is listed in ``page.warnings``. ``deadline`` (else one of ``limits.max_seconds``)
    is checked after decoding and after parsing (past it: :class:`TooLargeError`, nothing was
    read yet), then handed to the page's block walk, which stops where it expires.
    """
    deadline = deadline or Deadline(limits.max_seconds)
    if isinstance(source, etree._ElementTree):
        source = source.getroot()
        if source is None:
            raise EmptyInputError("the lxml tree is empty (it has no root element)")
    if isinstance(source, etree._Element):
        return _page_from_element(source, url, limits, deadline)
    text, warnings = _text_of(source, limits)
    _check_time(deadline, "decoding")
    return _page_from_str(text, url, limits, warnings, deadline)


def _check_time(deadline: Deadline, step: str) -> None:
    """Past the deadline before any block is read, there is nothing to return: the input is too large."""
    if deadline.expired():
        raise TooLargeError(f"{step} the input alone took over max_seconds={deadline.seconds:g}")


def _text_of(source: object, limits: Limits) -> tuple[str, list[str]]:
    """The source as text, with the warnings of its decoding; refuses binary and oversize input."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        size = source.nbytes if isinstance(source, memoryview) else len(source)
        _check_size(size, "bytes", limits)
        data = bytes(source)
        sample = data[:SNIFF_BYTES]
        if not sample.startswith(tuple(bom for bom, _ in _BOMS)) and _wide_encoding(sample) is None \
                and _looks_binary(sample):
            raise UnsupportedContentError("the input is binary data, not a text or HTML document")
        return _decode(data)
    if isinstance(source, str):
        _check_size(len(source), "characters", limits)
        if _str_looks_binary(source):
            raise UnsupportedContentError("the input is binary data, not a text or HTML document")
        return source, []
    if _is_soup(source):
        try:
            text = str(source)
        except RecursionError:
            raise InputError("the BeautifulSoup tree nests too deep to be serialised") from None
        _check_size(len(text), "characters", limits)
        return text, []
    raise TypeError(
        f"extract() takes str, bytes, a BeautifulSoup object or an lxml element, not {type(source).__name__}"
    )


def _check_size(size: int, unit: str, limits: Limits) -> None:
    if size > limits.max_bytes:
        raise TooLargeError(f"the input is {size} {unit}, over max_bytes={limits.max_bytes}")


def _page_from_str(text: str, url: str | None, limits: Limits, warnings: list[str],
                   deadline: Deadline) -> Page:
    text, encoded = _cleaned(text)
    if text.startswith("\ufeff"):
        text, encoded = text.lstrip("\ufeff"), None
    _refuse_non_documents(text)
    if not looks_like_html(text):
        del encoded  # a copy of the page, which only the parser reads: not kept through the reading
        return _with_warnings(Page.from_text(text, url, deadline), warnings)
    if is_dense(text):
        encoded = None  # the stream encodes a piece at a time: the page's bytes are not kept
        page = _streamed_page(text, url, limits, deadline)
        if page is not None:
            return _with_warnings(page, warnings)
    root, more = parse_html(text, limits, encoded=encoded)
    del encoded
    _check_time(deadline, "parsing")
    if root is None:
        page = Page.from_text(_markup_to_text(text), url, deadline)
    else:
        page = Page.from_tree(root, url, deadline)
    return _with_warnings(page, warnings + more)


def _streamed_page(text: str, url: str | None, limits: Limits, deadline: Deadline) -> Page | None:
    """A dense page read as a stream (:mod:`articlex.stream`), after the same checks and repairs
    as :func:`parse_html` (a page nesting deeper than ``max_depth`` is flattened first); None when
    it still nests too deep (the tree's stricter flattening is needed)."""
    text = _without_frame_ends(_without_prolog(text))
    _check_tag_count(text, limits)
    size, tags = len(text), start_tags(text)
    text, crowded = _trim_crowded_tags(text)
    depth = min(limits.max_depth, DEEPEST)
    streamed = stream_text(text, depth, deadline)
    flattened = streamed is None
    if flattened:  # nests too deep: flattened as parse_html's first try does it, then read again
        streamed = stream_text(_flatten(text, depth - IMPLIED_ELEMENTS, False), depth, deadline)
    if streamed is None:
        return None
    del text
    page = Page.from_text(streamed.text, url, deadline)
    page.head = streamed.head
    if flattened:
        page.warnings.append(WARN_DEPTH.format(depth=depth))
    page.warnings.append(WARN_STREAMED.format(tags=tags, size=size))
    if streamed.left_out:
        page.warnings.append(WARN_LINK_RUNS.format(count=streamed.left_out, run=LINK_RUN))
    if crowded:
        page.warnings.append(WARN_ATTRIBUTES.format(count=crowded, limit=MAX_ATTRIBUTES))
    return page


def _page_from_element(element: Element, url: str | None, limits: Limits, deadline: Deadline) -> Page:
    root = element
    if element.getparent() is None:  # a comment beside the root element stands for its document
        root = element.getroottree().getroot()
        root = element if root is None else root
    if not isinstance(root.tag, str):
        raise EmptyInputError(f"the lxml node is a {type(root).__name__.lstrip('_')}, not an element")
    count = int(root.xpath("count(descendant-or-self::*)"))
    if count > limits.max_elements:
        raise TooLargeError(f"the tree has {count} elements, over max_elements={limits.max_elements}")
    if not isinstance(root, html.HtmlElement):
        # etree.HTML() or an XML parser's tree: plain elements (no text_content()), maybe
        # namespaced tags ("{http://www.w3.org/1999/xhtml}p"). Read again as HTML.
        return _page_from_str(etree.tostring(root, encoding="unicode", method="html"), url, limits, [], deadline)
    return _with_warnings(Page.from_tree(root, url, deadline), [])


def _with_warnings(page: Page, warnings: list[str]) -> Page:
    """``page.warnings`` set (or extended, once Page declares the field)."""
    existing = getattr(page, "warnings", None)
    if isinstance(existing, list):
        existing.extend(w for w in warnings if w not in existing)
    else:
        page.warnings = list(dict.fromkeys(warnings))
    return page


def _is_soup(source: object) -> bool:
    return type(source).__module__.startswith("bs4") and hasattr(source, "decode")
