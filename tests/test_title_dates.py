"""Title, dates and language: the patterns of issue #4, each on a small page written for the case."""

from __future__ import annotations

import articlex

LONG = "This sentence is long enough to read as running prose in an article body, as news text does. "


def page(body: str, head: str = "", lang: str = "en") -> str:
    return f"<!doctype html><html lang='{lang}'><head>{head}</head><body>{body}</body></html>"


def jsonld(payload: str) -> str:
    return f"<script type='application/ld+json'>{payload}</script>"


# -- dates ----------------------------------------------------------------------------------------

def test_jsonld_wrapped_in_cdata_is_read() -> None:
    head = jsonld('\n<![CDATA[\n{"@type": "NewsArticle", "datePublished": "2013-09-11T10:00:00-04:00"}\n]]>\n')
    article = articlex.extract(page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head))
    assert article.published.isoformat() == "2013-09-11T10:00:00-04:00"


def test_jsonld_wrapped_in_commented_cdata_is_read() -> None:
    head = jsonld('/* <![CDATA[ */ {"@type": "Article", "datePublished": "2020-07-10"} /* ]]> */')
    article = articlex.extract(page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head))
    assert article.published.date().isoformat() == "2020-07-10"


def test_jsonld_date_published_beats_meta() -> None:
    head = (jsonld('{"@type": "NewsArticle", "datePublished": "2015-10-15T02:19:15Z"}')
            + "<meta property='article:published_time' content='2015-12-11T14:28:34Z'>")
    article = articlex.extract(page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head))
    assert article.published.date().isoformat() == "2015-10-15"


def test_meta_publication_date_beats_jsonld_creation_date() -> None:
    head = (jsonld('{"@type": "NewsArticle", "dateCreated": "2017-02-24T01:18:13Z"}')
            + "<meta property='article:published_time' content='2017-02-23T17:18:13-08:00'>")
    article = articlex.extract(page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head))
    assert article.published.isoformat() == "2017-02-23T17:18:13-08:00"


def test_jsonld_creation_date_when_nothing_else() -> None:
    head = jsonld('{"@type": "NewsArticle", "dateCreated": "2017-02-24T01:18:13Z"}')
    article = articlex.extract(page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head))
    assert article.published.date().isoformat() == "2017-02-24"


def test_social_media_posting_is_dated() -> None:
    head = jsonld('{"@type": "SocialMediaPosting", "datePublished": "2014-09-02T08:35:27-04:00"}')
    article = articlex.extract(page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head))
    assert article.published.isoformat() == "2014-09-02T08:35:27-04:00"
