"""Property: any str or bytes ends in an Article or an ArticlexError, never another exception.

The default run is short (``DEFAULT_EXAMPLES`` inputs a property). For a fuzzing run, set
``ARTICLEX_FUZZ_EXAMPLES``::

    ARTICLEX_FUZZ_EXAMPLES=200000 python -m pytest tests/test_property.py --hypothesis-show-statistics

No example database is written: a failure prints the input to reproduce it.
"""

from __future__ import annotations

import codecs
import json
import os
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import articlex
from articlex import Article, ArticlexError
from articlex.loading import Limits, _deeper_than, decode, load_page

DEFAULT_EXAMPLES = 150
"""Enough to catch a regression in a few seconds a property; the fuzzing run sets its own."""
EXAMPLES = int(os.environ.get("ARTICLEX_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))

FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much, HealthCheck.large_base_example])

FRAGMENTS = (
    "<!DOCTYPE html>", "<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-16"?>',
    "<!DOCTYPE x [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]>", "&a;", "&b;", "<html>", "<head>", "<body>",
    "</body>", "</html>", "<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<a href='/x'>", "<a href=x/>",
    "</a>", "<h1>", "</h1>", "<h2>", "<li>", "<ul>", "<table>", "<tr>", "<td>", "</td>", "</table>", "<br>",
    "<br/>", "</br>", "<div/>", "<blockquote>", "</blockquote>", "<script>", "</script>", "<style>", "</style>",
    "<title>", "</title>", "<textarea>", "<plaintext>", "<xmp>", "<noscript>", "<template>", "<svg>", "<math>",
    "<!--", "-->", "<![CDATA[", "]]>", "<!", "<?", "</", "<", ">", "&", "&amp;", "&nbsp;", "&#0;", "&#xD800;",
    "&#x110000;", "&#128;", "&eacute", "\x00", "\x0c", "\x1b", "\x85", "\ufeff", "\ufffd", "\ud800", "\udc00",
    "\ud83d\ude00", "\u2028", '<meta charset="utf-16">', '<meta charset="shift_jis">', '<meta charset="zlib">',
    '<p class="entry-content author views next prev breadcrumb">', '<div hidden>', '<p style="display:none">',
    '<time datetime="2024-02-30T25:61">', '<meta property="article:published_time" content="0000-00-00">',
    '<meta property="og:title" content="">', '<link rel="canonical" href="http://[::1">', '<base href="::">',
    "Lire aussi :", "Read also", "By Jane Smith", "(AFP)", "Reuters", "41 vues", "5 comments", "Article suivant",
    "Next article", "1 234 567", "1,2k", "Photo :", "Source :", "Tags :", "Share", "12/31/2024", "2024-01-01",
    "The council said on Monday that the harbour wall would be rebuilt next spring at last. ",
)
"""Pieces of markup, encodings, controls and cue words a hostile page is made of."""

_NAMES = ("div", "span", "p", "b", "i", "a", "li", "ul", "td", "tr", "table", "section", "em", "font", "h2",
          "blockquote", "article", "main", "nav", "header", "footer", "form", "label", "strong")
"""Tags whose text a browser shows (no raw-text, hidden or skipped element)."""

_ATTRIBUTES = ("", " class=x", " id=y/", ' a=">"', " b='<p>'")
"""Attribute lists, some that fool a naive tokenizer (a bare value ending in "/", quoted brackets)."""

ENCODINGS = ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1", "cp1251", "shift_jis",
             "gb18030", "iso-2022-jp", "koi8-r", "big5", "euc-kr")

chars = st.characters(exclude_categories=())
"""Every code point, lone surrogates included."""
markup = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(chars, max_size=12)), max_size=60).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@graph", "@id", "name", "headline", "author", "datePublished", "dateModified",
                         "image", "url", "publisher", "keywords", "itemListElement", "position", "item"]),
        inner, max_size=5),
    max_leaves=20,
)


def ends_well(source, **options) -> None:
    """An Article (serialisable, an empty body saying why) or one of the library's errors."""
    try:
        result = articlex.extract(source, **options)
    except ArticlexError:
        return
    assert isinstance(result, Article)
    result.to_json()
    if not result.body:
        assert not result.is_article and result.kind is None and result.warnings


@FUZZ
@given(st.text(chars))
def test_any_str(source: str) -> None:
    ends_well(source)


@FUZZ
@given(st.binary())
def test_any_bytes(source: bytes) -> None:
    ends_well(source)


@FUZZ
@given(st.one_of(st.binary(), markup.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 st.lists(st.sampled_from([b"<meta charset=utf-8>", b"\xe9", b"caf\xc3\xa9", b"\x93", b"\x00",
                                           b"\xff\xfe", b"\xef\xbb\xbf", b"<p>", b"\x1b$B", b"a"]),
                          max_size=40).map(b"".join)))
def test_decode_any_bytes(data: bytes) -> None:
    assert isinstance(decode(data), str)


@FUZZ
@given(markup)
@example("<!DOCTYPE html>Lire aussi :<a href='/x'>0\r41 vues<a href='/x'>-->")  # a read-also link at the page's end
def test_any_markup(source: str) -> None:
    ends_well(source)


@FUZZ
@given(markup, st.sampled_from(ENCODINGS), st.sampled_from(["", "\ufeff"]))
def test_any_markup_in_any_encoding(source: str, encoding: str, bom: str) -> None:
    ends_well((bom + source).encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace"))


def _with_jsonld(objects: list, body: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(o)}</script>' for o in objects)
    return f"<html><head>{scripts}</head><body>{body}</body></html>"


@FUZZ
@given(st.lists(json_values, min_size=1, max_size=3), markup)
@example([{"@type": {"a": 1}}], "")
@example([{"@type": "NewsArticle", "author": {"@id": []}}], "")
@example([{"@type": "BreadcrumbList", "itemListElement": [{"position": float("inf"), "name": "x"}]}], "")
def test_any_jsonld(objects: list, body: str) -> None:
    ends_well(_with_jsonld(objects, body))


WORD = "\x00word"
"""Stands for a numbered word in a tag soup."""
SOUP = (
    *(f"<{name}{attrs}>" for name in _NAMES for attrs in _ATTRIBUTES), *(f"</{name}>" for name in _NAMES),
    "<br>", "<img src=x>", "<hr/>", "<wbr>", "<input>", "<html>", "</html>", "<body>", "</body>", "<head>",
    "</head>", *[WORD] * 40,
)
"""Start tags (three times as likely as end tags, so that soups nest deep), voids, the page's
frame, and words."""


def _numbered(pieces: list[str]) -> tuple[str, list[str]]:
    words = [f"w{i}x" for i, piece in enumerate(pieces) if piece == WORD]
    numbered = iter(words)
    text = "".join(f" {next(numbered)} " if piece == WORD else piece for piece in pieces)
    return "<html><body>" + text, words


tag_soup = st.lists(st.sampled_from(SOUP), min_size=50, max_size=600).map(_numbered)
"""Start and end tags in any order, none closed on purpose, with numbered words between."""


@FUZZ
@given(tag_soup, st.integers(4, 64))
def test_flattening_loses_no_word(soup: tuple[str, list[str]], depth: int) -> None:
    """Whatever the nesting, every word comes out of loading and no element sits deeper than
    ``max_depth``."""
    source, words = soup
    loaded = load_page(source, limits=Limits(max_depth=depth))
    shown = set(re.findall(r"w\d+x", " ".join(b.text for b in loaded.blocks)))
    assert set(words) <= shown
    assert not _deeper_than(loaded.root, depth)


def test_every_encoding_is_known() -> None:
    for encoding in ENCODINGS:
        codecs.lookup(encoding)


SCHEME_PIECES = ("javascript", "JaVa", "java", "script", "data", "vbscript", "http", "https", "file", ":", "//",
                 "&#106;", "&#x09;", "&#0;", "&#58;", "&colon;", "&Tab;", "\t", "\n", "\x00", "\x01", " ", "\udcff",
                 "\ud800", "[::1", "/x", "?a=1&b=2", "#f", "%0a", "\u2028", "ｊａｖａ")
"""Pieces of URLs and of the ways pages disguise a scheme."""
hrefs = st.lists(st.one_of(st.sampled_from(SCHEME_PIECES), st.text(chars, max_size=4)), max_size=12).map("".join)


@FUZZ
@given(hrefs, st.one_of(st.none(), hrefs, st.sampled_from(["https://a.example/d/", "//b.example/", "javascript:x"])))
def test_safe_url_gives_http_or_nothing(href: str, base: str | None) -> None:
    from articlex.urls import safe_url

    url = safe_url(href, base)
    if url is not None:
        url.encode("utf-8")
        assert url.lower().startswith(("http://", "https://")) and not any(ord(c) < 0x21 for c in url[:8])


@FUZZ
@given(hrefs, st.sampled_from(["href", "og", "jsonld", "argument"]))
def test_no_url_field_holds_another_scheme(href: str, where: str) -> None:
    quoted = href.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    sentence = "The council said on Monday that the harbour wall would be rebuilt next spring at last. "
    jsonld = json.dumps({"@type": "NewsArticle", "url": href, "image": href}).replace("<", "\\u003c")
    head = {"og": f'<meta property="og:url" content="{quoted}"><meta property="og:image" content="{quoted}">',
            "jsonld": f'<script type="application/ld+json">{jsonld}</script>'}.get(where, "")
    link = f'<p>Lire aussi : <a href="{quoted}">Une autre histoire assez longue ici</a></p>' if where == "href" else ""
    source = (f"<html><head>{head}<link rel=next href=\"{quoted}\"></head><body><h1>A headline of the page</h1>"
              f"<p>{sentence * 3}</p>{link}<p>{sentence * 2}</p></body></html>")
    try:
        article = articlex.extract(source, url=href if where == "argument" else None)
    except ArticlexError:
        return
    article.to_json().encode("utf-8")
    urls = [article.url, article.canonical_url, article.image]
    for links in (article.related, article.breadcrumb, [article.previous, article.next]):
        urls += [link.url for link in links if link is not None]
    for url in urls:
        assert url is None or url.lower().startswith(("http://", "https://")), url
