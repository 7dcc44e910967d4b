"""What kind of page it is: declared by the page, else read from how its text was found."""

from __future__ import annotations

import articlex

from support import SENTENCE, budget_page, jsonld, paragraphs
from test_body_recall import service_page, wrap


def test_a_news_page_is_an_article() -> None:
    article = articlex.extract(budget_page(paragraphs("text", 4)))
    assert article.kind == "article" and article.is_article


def test_a_listing_of_cards_keeps_its_text_and_is_no_article() -> None:
    cards = "".join(f"<div class='job'><h3>Backend engineer {i}</h3><div>Remote</div><div>Full-time</div>"
                    f"<div>$90,000 a year</div></div>" for i in range(1, 9))
    article = articlex.extract(wrap(f"<main><h1>Remote jobs</h1><p>Open roles.</p><div class='jobs'>{cards}</div></main>"))
    assert article.kind == "listing" and not article.is_article and "Backend engineer 8" in article.body


def test_a_forum_thread_is_a_forum() -> None:
    posts = "".join(f"<div class='post'><h3>member{i}</h3><p>Post {i}: {SENTENCE}</p></div>" for i in range(6))
    html = wrap(f"<header><h1>Council passes budget</h1></header><div id='comments'>{posts}</div>"
                f"<div class='about'><p>About this board: {SENTENCE} {SENTENCE} {SENTENCE}</p></div>")
    article = articlex.extract(html)
    assert article.kind == "forum" and not article.is_article and "Post 5:" in article.body


def test_what_the_page_declares_wins() -> None:
    product = jsonld('{"@context": "https://schema.org", "@type": "Product", "name": "Council passes budget"}')
    article = articlex.extract(budget_page(paragraphs("text", 4)).replace("</head>", f"{product}</head>"))
    assert article.kind == "product" and not article.is_article and article.body.startswith("text 0:")
    news = articlex.extract(service_page("<meta property='og:type' content='article'>"))
    assert news.kind == "article"


def test_a_page_without_text_has_no_kind() -> None:
    article = articlex.extract("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert article.kind is None and not article.is_article and article.warnings


def test_kind_survives_a_round_trip() -> None:
    article = articlex.extract(budget_page(paragraphs("text", 4)))
    assert articlex.Article.from_dict(article.to_dict()).kind == "article"
