"""The compiled block walk (``articlex._walk``) gives what the Python walk gives, node for node.

The Python walk (``page._walk_python``) is the reference. Both are run on the same trees and
compared on everything the rest of the library reads: each block's text, tag, owning element,
links (text, href, offsets), quote flag; the attribute index (tokens, elements, document order);
the skipped elements that may hold the page; and the elements gathered on the way, which must be
``root.iter(*page.GATHERED_TAGS)``. The suite as a whole runs twice in CI, once
with ``ARTICLEX_PURE_PYTHON=1`` (``.ci/run``), so every other test sees both walks too.
"""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree, html

from articlex import loading, page
from articlex.selectors import Index
from support import FIXTURES, shared

compiled = pytest.mark.skipif(page._walk is None, reason=f"the compiled walk is not in use ({page.WALK})")


def walk_both(root, shown: set = frozenset()):
    """(blocks, index, swallowed, gathered) of each walk."""
    out = []
    for walk in (page._walk_python, page._walk_tree):
        index, swallowed, gathered = Index(), [], []
        blocks = walk(root, "https://example.org/a/", index, set(shown), swallowed, gathered=gathered)
        out.append((blocks, index, swallowed, gathered))
    return out


def summary(blocks, index, swallowed, gathered):
    return (
        [(b.index, b.text, b.tag, id(b.element), b.in_quote, b.standalone, b.link_density,
          [(link.text, link.href, link.start, link.end, link.base) for link in b.links]) for b in blocks],
        {key: [id(el) for el in els] for key, els in index.tokens.items()},
        sorted((id(el), n) for el, n in index.order.items()),
        [id(el) for el in swallowed],
        [(tag, id(el)) for tag, el in gathered],
    )


def assert_by_attribute(index: Index) -> None:
    """Index.by_attr holds the lists of Index.tokens, attribute by attribute, in the same order."""
    assert set(index.by_attr) == {attr for attr, _ in index.tokens}
    for attr, table in index.by_attr.items():
        assert list(table) == [word for name, word in index.tokens if name == attr]
    assert all(index.by_attr[attr][word] is els for (attr, word), els in index.tokens.items())


def assert_same_walk(root, shown: set = frozenset()) -> None:
    (py, compiled_walk) = walk_both(root, shown)
    assert_by_attribute(py[1])
    assert_by_attribute(compiled_walk[1])
    expected, got = summary(*py), summary(*compiled_walk)
    assert got[0] == expected[0], "blocks differ"
    assert got[1] == expected[1], "index tokens differ"
    assert got[2] == expected[2], "index order differs"
    assert got[3] == expected[3], "skipped elements differ"
    assert got[4] == expected[4], "gathered elements differ"
    assert got[4] == [(el.tag, id(el)) for el in root.iter(*page.GATHERED_TAGS)], "not the tree's elements"


def corpus_pages():
    for path in sorted(shared("corpus", "scrapinghub", "html").glob("*.html.gz")):
        yield gzip.decompress(path.read_bytes())
    for path in sorted(shared("corpus", "pages").glob("*.html")):
        yield path.read_bytes()
    for path in sorted(FIXTURES.glob("*/page.html")):
        yield path.read_bytes()


@compiled
def test_both_walks_agree_on_the_corpus_and_fixture_pages() -> None:
    count = 0
    for data in corpus_pages():
        root, _ = loading.parse_html(loading.clean_text(loading.decode(data)))
        assert_same_walk(root)
        count += 1
    assert count > 200


@compiled
def test_both_walks_agree_on_a_second_pass_that_shows_a_skipped_element() -> None:
    root = html.document_fromstring("<html><body><p>Shown text.</p><noscript><div class='x'><p>"
                                    + "Hidden paragraph text. " * 20 + "</p></div></noscript><p>Tail</p></body></html>")
    assert_same_walk(root)
    assert_same_walk(root, {root.find(".//noscript")})


@compiled
def test_both_walks_agree_on_comments_instructions_entities_and_a_sub_element() -> None:
    root = etree.Element("div", {"class": "Entry  content", "id": "Main"})
    root.text = "lead "
    p = etree.SubElement(root, "p", {"itemtype": " https://schema.org/Thing ", "aria-label": "A Label"})
    p.text = "first"
    p.append(etree.Comment("a comment"))
    p[-1].tail = " after comment "
    p.append(etree.ProcessingInstruction("pi", "x"))
    p[-1].tail = " after pi "
    p.append(etree.Entity("nbsp"))
    p[-1].tail = " after entity "
    a = etree.SubElement(p, "a", {"href": "/x"})
    a.text = "a link"
    a.tail = " and more"
    hidden = etree.SubElement(root, "div", {"hidden": "", "class": "menu"})
    etree.SubElement(hidden, "span", {"class": "inner"}).text = "not shown"
    hidden.tail = "tail of hidden"
    foreign = etree.SubElement(root, "span", {"{urn:x}class": "hidden", "{urn:x}id": "main", "class": "card"})
    foreign.text = "a class in a namespace hides nothing and is not indexed"
    etree.SubElement(foreign, "{urn:x}footer").text = "not the page's footer: root.iter('footer') skips it"
    etree.SubElement(hidden, "meta", {"name": "in a skipped subtree"})
    etree.SubElement(root, "nav").append(etree.Element("{urn:x}meta"))
    root.tail = "tail of the root"
    assert_same_walk(root)
    assert_same_walk(p)
    assert_same_walk(html.document_fromstring("<p>one<!-- c -->two<?pi x?>three</p>"))


TAGS = ["div", "p", "span", "a", "h2", "li", "ul", "blockquote", "table", "tr", "td", "br", "b", "script", "style",
        "noscript", "button", "svg", "template", "section", "figure", "em", "meta", "link", "footer", "nav", "aside"]
ATTRIBUTES = ['class="entry-content"', 'class="sr-only"', 'class="d-none x"', 'class="hidden"', 'class="not-hiddenx"',
              'class="Hidden"', 'style="display:none"', 'style="DISPLAY: NONE"', 'style="color:red"', "hidden",
              'aria-hidden="true"', 'aria-hidden="false"', 'id="main"', 'href="/link"', 'href="https://o.example/x"',
              'rel="next"', 'itemprop="articleBody"', 'role="complementary"', 'data-component="card"', 'title="t"',
              'xml:lang="en"', 'xlink:href="#x"', 'CLASS="Hidden Card"', 'class=""', 'id=""', 'itemtype=" A B "']
WORDS = ["Some text", "  spaced   out  ", "\n", "More words here.", "&amp;", "é€", ""]


@st.composite
def markup(draw, depth: int = 0) -> str:
    """Random, often ill-formed, HTML: nested elements of the walk's kinds, attributes that hide
    or are indexed, text and tails, unclosed tags, comments."""
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 1))):
        choice = draw(st.integers(0, 9))
        if choice < 3:
            parts.append(draw(st.sampled_from(WORDS)))
        elif choice == 3:
            parts.append("<!-- " + draw(st.sampled_from(WORDS)) + " -->")
        else:
            tag = draw(st.sampled_from(TAGS))
            attrs = " ".join(draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=3)))
            inner = draw(markup(depth + 1)) if depth < 5 else ""
            close = draw(st.booleans()) or depth > 3
            parts.append(f"<{tag} {attrs}>{inner}" + (f"</{tag}>" if close else ""))
    return "".join(parts)


@compiled
@settings(max_examples=300, deadline=None)
@given(markup())
def test_both_walks_agree_on_generated_trees(body) -> None:
    root = html.document_fromstring(f"<html><body>{body}</body></html>")  # comments kept
    assert_same_walk(root)
    parsed, _ = loading.parse_html(f"<html><body>{body}</body></html>")
    assert_same_walk(parsed)


def test_the_walk_in_use_is_named() -> None:
    assert page.WALK == "Python" or page.WALK.startswith("compiled (lxml ")


def test_the_version_says_which_walk_runs(capsys) -> None:
    from articlex.cli import main

    with pytest.raises(SystemExit):
        main(["--version"])
    assert f"(block walk: {page.WALK})" in capsys.readouterr().out


SPACES = [" ", "  ", "\n", "\t", "\xa0", "\u3000", "\u2028", "\x85", "\x1c", ""]
"""Every kind of white space ``str.split`` breaks at, and none."""


@st.composite
def spaced_paragraph(draw) -> str:
    """A paragraph of words and links with white space of every kind around and inside them,
    sometimes long enough for the builder's long-block path (``page.LONG_BLOCK``) and with more
    links than ``page.FEW_LINKS``."""
    pieces = []
    for _ in range(draw(st.integers(1, 14))):
        lead, inner, trail = (draw(st.sampled_from(SPACES)) for _ in range(3))
        word = draw(st.sampled_from(["word", "é", "x" * 700, "a b"]))
        piece = f"{lead}{word}{inner}{word}{trail}"
        pieces.append(f"<a href='/{len(pieces)}'>{piece}</a>" if draw(st.booleans()) else piece)
    return "<p>" + "".join(pieces) + "</p>"


@compiled
@settings(max_examples=300, deadline=None)
@given(st.lists(spaced_paragraph(), min_size=1, max_size=3))
def test_both_walks_place_links_alike_in_texts_of_any_white_space(paragraphs) -> None:
    assert_same_walk(html.document_fromstring("<html><body>" + "".join(paragraphs) + "</body></html>"))


def test_a_compiled_walk_built_from_older_sources_is_not_used(monkeypatch) -> None:
    import sys
    import types

    stale = types.ModuleType("articlex._walk")  # what an install not rebuilt since would import
    monkeypatch.setitem(sys.modules, "articlex._walk", stale)
    monkeypatch.setattr(sys.modules["articlex"], "_walk", stale, raising=False)
    monkeypatch.delenv(page.PURE_PYTHON, raising=False)
    assert page._compiled_walk() is None
    stale.WALK_API = page.WALK_API
    assert page._compiled_walk() is stale
