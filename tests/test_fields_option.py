"""``extract(..., fields=...)``: only the fields asked for (and what they need) are computed."""

from __future__ import annotations

import pytest

import articlex
from articlex import Attribution, Counters, api

PAGE = """<!doctype html><html lang="en"><head><title>Harbour wall vote | Test Gazette</title>
<meta property="og:site_name" content="Test Gazette">
<meta property="article:published_time" content="2024-03-02T10:00:00+00:00">
<meta name="description" content="The council voted to rebuild the wall."></head><body>
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/local/">Local</a></nav>
<article><h1>Harbour wall vote passes after a long debate</h1>
<p class="byline">By Jane Walker</p>
<div class="entry-content">
<p>The council voted on Monday to rebuild the harbour wall, ending a debate that lasted ten years in all.</p>
<p>Work starts in the spring and should take three years, the engineers said at the end of the meeting.</p>
</div></article></body></html>"""
URL = "https://gazette.example/local/harbour-wall"


def test_body_alone_matches_the_full_extraction_and_leaves_the_rest_empty() -> None:
    full = articlex.extract(PAGE, url=URL)
    alone = articlex.extract(PAGE, url=URL, fields=("body",))
    for name in ("title", "body", "blocks", "related", "site_name", "is_article", "warnings"):
        assert getattr(alone, name) == getattr(full, name), name
    assert full.breadcrumb and full.published and full.attribution.authors and full.description
    assert alone.breadcrumb == [] and alone.published is None and alone.description is None
    assert alone.attribution == Attribution() and alone.counters == Counters() and alone.language is None
    assert alone.provenance["breadcrumb"].strategy == "none"


def test_fields_not_asked_for_are_not_computed(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a field that was not asked for was computed")

    for name in ("find_breadcrumb", "find_navigation", "find_counters", "find_attribution", "find_language",
                 "find_dates"):
        monkeypatch.setattr(api, name, refuse)
    article = articlex.extract(PAGE, url=URL, fields=["body", "description"])
    assert article.body.startswith("The council voted") and article.description


def test_a_field_brings_what_it_needs() -> None:
    article = articlex.extract(PAGE, url=URL, fields={"published"})
    assert article.published is not None and article.language == "en"
    assert article.breadcrumb == []
    article = articlex.extract(PAGE, url=URL, fields=("next", "url"))
    assert article.url == URL and article.attribution == Attribution()


def test_every_field_by_name_gives_the_full_value() -> None:
    full = articlex.extract(PAGE, url=URL).to_dict()
    for name in full:
        if name == "provenance":
            continue
        assert articlex.extract(PAGE, url=URL, fields=(name,)).to_dict()[name] == full[name], name


@pytest.mark.parametrize("bad, error", [("body", TypeError), (3, TypeError), (("body", "author"), ValueError),
                                        (("provenance",), ValueError)])
def test_a_wrong_fields_option_is_named(bad, error) -> None:
    with pytest.raises(error, match="fields"):
        articlex.extract(PAGE, fields=bad)
