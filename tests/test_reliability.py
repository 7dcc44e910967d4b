"""Reliability round two: limits that hold, nothing unsafe in a link, no silent loss, no raw error.

Each test is one finding of a hostile review, reduced to a small page of our own making.
"""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout

import pytest
from lxml import html as lxml_html

import articlex
from articlex import Article, ArticlexError, InputError, TooLargeError
from articlex.cli import main
from articlex.deadline import Deadline
from articlex.loading import Limits, load_page
from articlex.page import Page, blocks_from_text
from articlex.urls import safe_url, scheme_of
from support import SENTENCE, paragraphs

URL_FIELDS = ("url", "canonical_url", "image")
LINK_FIELDS = ("breadcrumb", "related", "previous", "next")


def urls_of(article: Article) -> list[str]:
    """Every URL an Article holds."""
    found = [getattr(article, name) for name in URL_FIELDS]
    for name in LINK_FIELDS:
        value = getattr(article, name)
        links = value if isinstance(value, list) else [value] if value is not None else []
        found += [link.url for link in links]
    return [u for u in found if u is not None]


# --- Links: only http(s) comes out -----------------------------------------------------------

DISGUISES = (
    "javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "java&#0;script:alert(1)",
    "java\x00script:alert(1)",
    "JaVa&#x09;ScRiPt:alert(1)",
    "  \x01javascript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
)
"""An unsafe scheme, as pages disguise it: entities, controls, tabs, case."""


def _page_with_links(href: str) -> str:
    """Every URL field of a page points at ``href``: canonical, og:url, og:image, JSON-LD, a
    breadcrumb, a read-also link and rel=prev/next."""
    quoted = href.replace('"', "&quot;")
    jsonld = json.dumps({"@type": "NewsArticle", "url": href, "image": href, "mainEntityOfPage": href})
    return (
        f'<html><head><link rel="canonical" href="{quoted}"><meta property="og:url" content="{quoted}">'
        f'<meta property="og:image" content="{quoted}"><link rel="prev" href="{quoted}">'
        f'<script type="application/ld+json">{jsonld}</script></head><body>'
        f'<nav class="breadcrumb"><a href="{quoted}">Home</a> &gt; <a href="{quoted}">Local news</a></nav>'
        "<h1>Harbour wall vote passes after a long debate</h1>"
        f'<div class="entry-content">{paragraphs("First")}'
        f'<p>Lire aussi : <a href="{quoted}">Le conseil municipal vote le budget du port</a></p>'
        f'{paragraphs("Second")}</div>'
        f'<div class="post-navigation"><a rel="prev" href="{quoted}">Previous article about the harbour wall</a>'
        f'<a rel="next" href="{quoted}">Next article about the harbour budget</a></div></body></html>'
    )


@pytest.mark.parametrize("href", DISGUISES)
def test_no_unsafe_scheme_in_any_url_field(href: str) -> None:
    article = articlex.extract(_page_with_links(href))
    assert urls_of(article) == []
    assert article.related and article.related[0].url is None, "the link's text stays, its URL goes"
    if scheme_of(href.replace("\x00", "")) is not None:  # '&#0;' is U+FFFD: no scheme, a relative link
        assert any("scheme lost their URL" in w for w in article.warnings)


@pytest.mark.parametrize("href", DISGUISES)
def test_no_unsafe_scheme_from_the_url_argument(href: str) -> None:
    article = articlex.extract(_page_with_links("/local/story"), url=href.replace("&#", "\x00"))
    assert all(scheme_of(u) in ("http", "https") for u in urls_of(article))


def test_safe_links_resolve_against_the_page() -> None:
    article = articlex.extract(_page_with_links("/local/harbour-wall-vote"), url="https://gazette.example/x/")
    assert article.related[0].url == "https://gazette.example/local/harbour-wall-vote"
    assert article.url == "https://gazette.example/x/"
    assert not any("scheme" in w for w in article.warnings)


def test_scheme_relative_base_resolves_links() -> None:
    page = _page_with_links("story-one").replace("<head>", '<head><base href="//gazette.example/local/">')
    page = page.replace('href="story-one"', 'href="story-one"', 1)
    article = articlex.extract(page)
    assert article.related[0].url == "https://gazette.example/local/story-one"


def test_scheme_relative_base_takes_the_scheme_of_the_page() -> None:
    page = _page_with_links("story-one").replace("<head>", '<head><base href="//gazette.example/local/">')
    article = articlex.extract(page, url="http://gazette.example/local/page")
    assert article.related[0].url == "http://gazette.example/local/story-one"


@pytest.mark.parametrize(("href", "base", "want"), [
    ("https://a.example/x", None, "https://a.example/x"),
    ("HTTP://A.example/x", None, "HTTP://A.example/x"),
    ("/x", "https://a.example/d/", "https://a.example/x"),
    ("//b.example/x", "http://a.example/", "http://b.example/x"),
    ("/x", None, None),
    ("x", "javascript:alert(1)", None),
    ("http://[::1/x", None, None),
    ("http:/x", None, None),
    ("mailto:a@b.example", "https://a.example/", None),
    ("http://x.example/\udcff", None, "http://x.example/%FF"),
    ("http://x.example/\ud800a", None, "http://x.example/a"),
    ("", None, None),
    (None, None, None),
])
def test_safe_url(href, base, want) -> None:
    assert safe_url(href, base) == want


# --- Nothing silently lost -------------------------------------------------------------------

@pytest.mark.parametrize("opener", ["<embed src=/clip.swf>", "<svg><circle r=1>", "<math><mi>x</mi>",
                                    "<object data=/x>", "<canvas>", "<button>Share"])
def test_content_after_an_unclosed_element_is_kept(opener: str) -> None:
    page = (f"<html><body><h1>Harbour wall vote passes after a long debate</h1>{paragraphs('Before')}"
            f"{opener}{paragraphs('After')}</body></html>")
    article = articlex.extract(page)
    assert "After 2:" in article.body
    assert any(f"unclosed <{opener[1:].split()[0].split('>')[0]}>" in w for w in article.warnings)


def test_closed_svg_and_embed_stay_skipped() -> None:
    page = (f"<html><body><h1>Harbour wall vote passes after a long debate</h1>{paragraphs('Before')}"
            "<svg><text>chart label</text></svg><embed src=/x></embed>"
            f"{paragraphs('After')}</body></html>")
    article = articlex.extract(page)
    assert "chart label" not in article.body and "After 2:" in article.body
    assert not any("unclosed" in w for w in article.warnings)


@pytest.mark.parametrize("opener", ["<iframe>", "<textarea>", "<title>"])
def test_a_raw_text_element_that_swallows_the_page_is_reported(opener: str) -> None:
    page = (f"<html><body><h1>Harbour wall vote passes after a long debate</h1>{paragraphs('Before')}"
            f"{opener}{paragraphs('After')}</body></html>")
    article = articlex.extract(page)
    assert "Before 2:" in article.body
    assert any(f"unclosed {opener}" in w and "not read" in w for w in article.warnings)


SHAPES = ("Lire aussi : Une autre histoire numéro {i} du jour",
          "Lire aussi : Le gouvernement annonce un plan de relance numéro {i} pour le secteur.",
          "LIRE AUSSI : L'histoire {i} du jour…", "Lire aussi :\nUne autre histoire numéro {i} du jour")


@pytest.mark.parametrize("count", [1, 22, 23, 24, 60, 300])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_run_of_read_also_lines_keeps_the_title_and_the_text(count: int, shape: str, sep: str) -> None:
    title = "Grève des contrôleurs aériens à Orly"
    para = "Le conseil municipal a voté le budget du port après un long débat qui a duré tard dans la nuit."
    lines = [title, para, para.replace("port", "musée")] + [shape.format(i=i) for i in range(count)]
    article = articlex.extract(sep.join(lines))
    assert article.title == title
    assert para in article.body and para.replace("port", "musée") in article.body
    assert len(article.related) >= min(count, 2)


# --- Raw errors become the library's own ---------------------------------------------------

PAGE = ("<html><head><title>Harbour wall vote</title></head><body>"
        f"<h1>Harbour wall vote passes after a long debate</h1>{paragraphs('Text')}</body></html>")


def test_a_lone_surrogate_in_url_gives_encodable_json() -> None:
    article = articlex.extract(PAGE, url="http://x.example/\udcff\ud800")
    article.to_json().encode("utf-8")
    assert article.url == "http://x.example/%FF"


def test_cli_url_with_a_byte_that_is_not_utf8(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "articlex", "--url", b"http://x/\xff", str(page)],
                         capture_output=True)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["url"] == "http://x/%FF"


@pytest.mark.parametrize("seconds", [math.nan, math.inf, -math.inf, -1, 0, 0.0])
def test_max_seconds_out_of_range(seconds) -> None:
    with pytest.raises(ValueError, match="max_seconds"):
        articlex.extract(PAGE, max_seconds=seconds)


@pytest.mark.parametrize("seconds", ["10", None, True])
def test_max_seconds_of_the_wrong_type(seconds) -> None:
    with pytest.raises(TypeError, match="max_seconds"):
        articlex.extract(PAGE, max_seconds=seconds)


@pytest.mark.parametrize(("given", "want"), [("FR", "fr"), ("fr", "fr"), (" En ", "en"), ("pt-BR", "pt"),
                                             ("zh_Hant_TW", "zh"), ("uk", "uk")])
def test_language_is_an_iso_639_1_code(given: str, want: str) -> None:
    assert articlex.extract(PAGE, language=given).language == want


@pytest.mark.parametrize("given", ["french", "fra", "", "f", "xx", "ﬀ", "e\u0301n"])
def test_language_that_is_no_code(given: str) -> None:
    with pytest.raises(ValueError, match="ISO 639-1"):
        articlex.extract(PAGE, language=given)


def test_cli_reports_a_bad_option_without_a_traceback(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        assert main([str(page), "--language", "french"]) == 1
    assert "ISO 639-1" in err.getvalue() and "Traceback" not in err.getvalue()


@pytest.mark.parametrize("data", [
    {"blocks": [{"kind": "paragraph"}]},
    {"breadcrumb": [{"url": "https://x.example/"}]},
    {"related": [3]},
    {"published": "not a date"},
    {"provenance": {"title": {"path": "/html"}}},
    {"attribution": {"authors": 3}},
])
def test_from_dict_on_incomplete_data(data: dict) -> None:
    with pytest.raises(InputError, match="from_dict"):
        Article.from_dict(data)


def test_from_dict_takes_a_dict() -> None:
    with pytest.raises(TypeError, match="dict"):
        Article.from_dict([])


def test_from_dict_round_trip_still_holds() -> None:
    article = articlex.extract(PAGE, url="https://gazette.example/a")
    assert Article.from_dict(json.loads(article.to_json())) == article


# --- A deadline that holds -------------------------------------------------------------------

MARGIN = 1.5
"""Seconds a call may overrun max_seconds on a loaded machine: one step between two looks at the clock."""


def _dump_of_cues(count: int) -> str:
    lines = ["Grève des contrôleurs aériens à Orly", SENTENCE, SENTENCE]
    lines += [f"Lire aussi : Une autre histoire numéro {i} du jour" for i in range(count)]
    lines += ["Article précédent"] * (count // 4)
    return "\n".join(lines)


def _html_of_cues(count: int) -> str:
    cards = "".join(f'<p>Lire aussi : <a href="/story-{i}-of-the-day">Une autre histoire numéro {i} du jour</a></p>'
                    f'<span class="author">Jean Dupont{i}</span>' for i in range(count))
    return f"<html><body><h1>Grève des contrôleurs aériens à Orly</h1><div>{paragraphs('x')}{cards}</div></body></html>"


@pytest.mark.parametrize("build", [_dump_of_cues, _html_of_cues], ids=["text", "html"])
def test_max_seconds_bounds_the_call(build) -> None:
    source = build(30_000)
    budget = 1.0
    started = time.monotonic()
    article = articlex.extract(source, max_seconds=budget)
    elapsed = time.monotonic() - started
    assert elapsed < budget + MARGIN
    assert any("max_seconds=1 reached" in w for w in article.warnings)
    assert article.title == "Grève des contrôleurs aériens à Orly", "what was read before the deadline is kept"


def test_the_block_walk_stops_at_the_deadline() -> None:
    deadline = Deadline(1e-9)
    time.sleep(0.001)
    blocks = blocks_from_text("\n".join(f"line {i}" for i in range(10_000)), deadline)
    assert 0 < len(blocks) < 10_000
    assert deadline.notes and "not read" in deadline.notes[0]


def test_the_tree_walk_stops_at_the_deadline() -> None:
    tree = lxml_html.document_fromstring("<p>para</p>" * 10_000)
    assert len(Page.from_tree(tree, deadline=Deadline(60)).blocks) == 10_000
    spent = Deadline(1e-9)
    time.sleep(0.001)
    page = Page.from_tree(tree, deadline=spent)
    assert 0 < len(page.blocks) < 10_000
    assert spent.notes and "not read" in spent.notes[0]


def test_loading_past_the_deadline_raises_too_large() -> None:
    with pytest.raises(TooLargeError, match="max_seconds"):
        load_page(PAGE, limits=Limits(max_seconds=1e-9))


def test_every_error_is_the_librarys() -> None:
    for bad in (dict(url=3), dict(language=3), dict(now="today"), dict(max_bytes="1")):
        with pytest.raises((TypeError, ArticlexError)):
            articlex.extract(PAGE, **bad)


# --- No fixture or corpus page gives a URL of another scheme ---------------------------------

def _pages() -> list:
    from support import FIXTURES

    return sorted(FIXTURES.glob("*/page.html")) + sorted(FIXTURES.glob("*/page.txt"))


@pytest.mark.parametrize("path", _pages(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_urls_are_http(path) -> None:
    article = articlex.extract(path.read_bytes())
    assert all(scheme_of(u) in ("http", "https") for u in urls_of(article)), urls_of(article)


def test_corpus_urls_are_http() -> None:
    from support import shared

    pages = sorted(shared("corpus", "pages").glob("*.html")) + sorted(shared("corpus", "pages").glob("*.txt"))
    assert pages
    for path in pages:
        article = articlex.extract(path.read_bytes())
        urls = urls_of(article)
        assert all(scheme_of(u) in ("http", "https") for u in urls), (path.name, urls)
