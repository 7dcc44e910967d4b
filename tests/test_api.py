"""The public surface: names, input types, the data model's JSON round trip, errors."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from bs4 import BeautifulSoup
from lxml import html as lxml_html

import articlex
from articlex import Article, Attribution, Counters, Link

PUBLIC = {
    "extract", "Article", "Attribution", "Block", "Counters", "Link", "Provenance", "ArticlexError", "InputError",
    "EmptyInputError", "TooLargeError", "UnsupportedContentError", "FetchError", "__version__",
    "fetch", "extract_url", "FetchOptions", "extract_many", "Result",
}

PAGE = """<!doctype html><html lang="en"><head><title>Harbour wall vote | Test Gazette</title>
<meta property="og:site_name" content="Test Gazette"></head><body>
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/local/">Local</a></nav>
<article><h1>Harbour wall vote passes after a long debate</h1>
<div class="entry-content">
<p>The council voted on Monday to rebuild the harbour wall, ending a debate that lasted ten years in all.</p>
<p>Read also: <a href="/local/flood-season-brace-for-impact-2024">Businesses brace for the flood season</a></p>
<h2>What happens next</h2>
<p>Work starts in the spring and should take three years, the engineers said at the end of the meeting.</p>
</div></article></body></html>"""


def test_public_names_are_pinned() -> None:
    assert set(articlex.__all__) == PUBLIC


@pytest.mark.parametrize("make", [
    lambda: PAGE, lambda: PAGE.encode("utf-8"), lambda: BeautifulSoup(PAGE, "html.parser"),
    lambda: lxml_html.document_fromstring(PAGE),
], ids=["str", "bytes", "soup", "lxml"])
def test_every_input_type_gives_the_same_article(make) -> None:
    article = articlex.extract(make(), url="https://gazette.example/local/harbour-wall")
    assert article.title == "Harbour wall vote passes after a long debate"
    assert [c.text for c in article.breadcrumb] == ["Home", "Local"]
    assert article.breadcrumb[1].url == "https://gazette.example/local/"
    assert [b.kind for b in article.blocks] == ["paragraph", "heading", "paragraph"]
    assert article.related == [Link("Businesses brace for the flood season",
                                    "https://gazette.example/local/flood-season-brace-for-impact-2024")]
    assert article.language == "en" and article.site_name == "Test Gazette"


def test_to_dict_is_json_and_round_trips() -> None:
    article = articlex.extract(PAGE, url="https://gazette.example/a")
    data = json.loads(article.to_json())
    assert data["counters"] == {"views": None, "comments": None}
    assert Article.from_dict(data) == article


def test_dates_round_trip_with_their_offset() -> None:
    when = datetime(2022, 1, 9, 10, 12, tzinfo=timezone.utc)
    article = Article(title="t", published=when, counters=Counters(views=3), attribution=Attribution(["A B"], ["AFP"]))
    again = Article.from_dict(json.loads(article.to_json()))
    assert again.published == when and again.published.utcoffset() is not None
    assert again.counters.views == 3 and again.attribution.sources == ["AFP"]


def test_results_are_frozen() -> None:
    article = articlex.extract(PAGE)
    with pytest.raises(AttributeError):
        article.title = "changed"  # type: ignore[misc]


def test_language_argument_overrides_detection() -> None:
    assert articlex.extract(PAGE, language="de").language == "de"


def test_markdown_keeps_structure() -> None:
    markdown = articlex.extract(PAGE).to_markdown()
    assert markdown.startswith("# Harbour wall vote passes after a long debate")
    assert "\n\n## What happens next\n\n" in markdown


@pytest.mark.parametrize("bad", [42, None, ["<p>x</p>"], 3.5])
def test_wrong_type_is_a_type_error_naming_it(bad) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        articlex.extract(bad)


@pytest.mark.parametrize(("source", "error"), [
    ("", articlex.EmptyInputError), ("   \n\t ", articlex.EmptyInputError),
    (b"\x00\x01\x02\x03" * 200, articlex.UnsupportedContentError),
    ('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
     articlex.UnsupportedContentError),
    ('{"title": "not a page"}', articlex.UnsupportedContentError),
])
def test_non_documents_raise_the_librarys_errors(source, error) -> None:
    with pytest.raises(error):
        articlex.extract(source)
    assert issubclass(error, articlex.ArticlexError)


def test_too_large_input_is_refused() -> None:
    with pytest.raises(articlex.TooLargeError):
        articlex.extract("<p>" + "x" * 2000 + "</p>", max_bytes=1000)


def test_a_page_without_article_text_says_so() -> None:
    article = articlex.extract("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert article.body == "" and article.is_article is False and article.warnings


def test_extract_never_touches_the_network(monkeypatch) -> None:
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("extract() opened a socket")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    articlex.extract(PAGE, url="https://gazette.example/a")


@pytest.mark.parametrize("text_dump", [False, True], ids=["html", "text"])
def test_every_field_has_provenance(text_dump: bool) -> None:
    from articlex.model import STRATEGIES
    from support import FIXTURES

    path = FIXTURES / "fr-tagdiv-agency" / ("page.txt" if text_dump else "page.html")
    article = articlex.extract(path.read_text(encoding="utf-8"))
    data = article.to_dict()
    assert set(data["provenance"]) == set(data) - {"provenance"}
    for name, prov in article.provenance.items():
        assert prov.strategy in STRATEGIES and 0.0 <= prov.confidence <= 1.0, name
    assert article.provenance["title"].strategy == ("cue" if text_dump else "markup")
    assert article.provenance["published"].strategy == ("cue" if text_dump else "meta")
    if text_dump:
        assert article.provenance["previous"].path.startswith("line")
    else:
        assert article.provenance["body"].path.startswith("/html/body")


def test_missing_fields_say_none_and_arguments_say_argument() -> None:
    article = articlex.extract(PAGE, url="https://gazette.example/a", language="en")
    assert article.provenance["image"].strategy == "none"
    assert article.provenance["url"].strategy == "argument"
    assert article.provenance["language"].strategy == "argument"
    assert Article.from_dict(json.loads(article.to_json())).provenance == article.provenance
