"""Title, dates and language: the patterns of issue #4, each on a small page written for the case."""

from __future__ import annotations

import articlex
from support import LONG, jsonld, page


# -- dates ----------------------------------------------------------------------------------------

def test_jsonld_wrapped_in_cdata_is_read() -> None:
    head = jsonld('\n<![CDATA[\n{"@type": "NewsArticle", "datePublished": "2013-09-11T10:00:00-04:00"}\n]]>\n')
    article = articlex.extract(page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head))
    assert article.published.isoformat() == "2013-09-11T10:00:00-04:00"


def test_a_date_printed_with_cjk_signs_is_read() -> None:
    body = (f"<h1>ナイジェリアで自爆攻撃</h1><div class='day'>2018年6月18日 10:01 発信地：カノ</div>"
            f"<p>{LONG}</p><p>{LONG}</p>")
    article = articlex.extract(page(body, lang="ja"))
    assert article.published.isoformat() == "2018-06-18T10:01:00+00:00"  # no offset printed: UTC, said in warnings


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


# -- language ---------------------------------------------------------------------------------------

def test_placeholder_text_does_not_overrule_the_markup() -> None:
    lorem = ("Lorem ipsum dolor sit amet, consetetur sadipscing elitr, sed diam nonumy eirmod tempor invidunt ut "
             "labore et dolore magna aliquyam erat, sed diam voluptua. At vero eos et accusam et justo duo dolores "
             "et ea rebum. Stet clita kasd gubergren, no sea takimata sanctus est Lorem ipsum dolor sit amet. ") * 3
    assert articlex.extract(page(f"<h1>Lorem ipsum dolor sit</h1><p>{lorem}</p>", lang="en")).language == "en"


def test_chinese_text_without_markup() -> None:
    chinese = "据报道，研究人员在实验中发现，新的电脑系统已经可以利用记忆自学，人工智能迈上新台阶。" * 4
    html = f"<html><head></head><body><h1>人工智能迈上新台阶</h1><p>{chinese}</p></body></html>"
    assert articlex.extract(html).language == "zh"


def test_japanese_text_is_told_from_chinese_by_its_kana() -> None:
    japanese = "トレンドマイクロは、公衆無線LANを安全に使うためのアプリを発表した。利用者は無料で試すことができる。" * 4
    html = f"<html><head></head><body><h1>公衆無線LANを安全に使う</h1><p>{japanese}</p></body></html>"
    assert articlex.extract(html).language == "ja"


def test_korean_script_overrules_wrong_markup() -> None:
    korean = "정부는 오늘 새로운 정책을 발표했으며 이 정책은 다음 달부터 시행될 예정이라고 밝혔습니다. " * 4
    assert articlex.extract(page(f"<h1>정부 새 정책 발표</h1><p>{korean}</p>", lang="en")).language == "ko"


# -- title ----------------------------------------------------------------------------------------

def test_blog_name_in_the_h1_gives_way_to_the_post_heading() -> None:
    head = ("<title>Silicon Notes: Open flow for programmable logic devices</title>"
            "<meta property='og:title' content='Open flow for programmable logic devices'>")
    body = ("<h1>Silicon Notes</h1><h2>Sunday, May 8, 2016</h2>"
            f"<h3 class='post-title'>Open flow for programmable logic devices</h3><p>{LONG}</p>")
    assert articlex.extract(page(body, head)).title == "Open flow for programmable logic devices"


def test_dublin_core_title_when_no_heading() -> None:
    head = "<title>draft-doe-storage-04 - Storage</title><meta name='DC.Title' content='Storage'>"
    body = f"<span class='h1'>Storage</span><p>{LONG}</p>"
    assert articlex.extract(page(body, head)).title == "Storage"


def test_trail_item_set_as_h1_gives_way_to_the_headline() -> None:
    head = jsonld('{"@type": "NewsArticle", "headline": "Region: Long SEO title of the story, with more words"}') \
        + "<meta property='og:title' content='The headline as the reader sees it'>"
    body = ("<ol class='site-breadcrumb'><li><a href='/'>Home</a></li><li><a href='/region'>Region</a></li>"
            "<li><h1>Region: Long SEO title of the story, with more words</h1></li></ol>"
            f"<article><h2>The headline as the reader sees it</h2><p>{LONG}</p></article>")
    assert articlex.extract(page(body, head)).title == "The headline as the reader sees it"


def test_trail_h1_is_kept_when_it_is_the_only_headline() -> None:
    head = "<meta property='og:title' content='Pearl dress stolen from the hotel'>"
    body = ("<div class='breadcrumbs'><a href='/'>Home</a> <h1>Pearl dress stolen from the hotel</h1></div>"
            f"<h2>Our shows</h2><p>{LONG}</p>")
    assert articlex.extract(page(body, head)).title == "Pearl dress stolen from the hotel"


def test_utc_meta_date_takes_the_offset_stated_in_the_markup() -> None:
    head = "<meta property='article:published_time' content='2022-04-22T05:46:58+00:00'>"
    body = ("<h1>A headline for the story</h1>"
            "<time datetime='2022-04-21T23:46:58-06:00'>21 abril, 2022</time>" f"<p>{LONG}</p>")
    article = articlex.extract(page(body, head))
    assert article.published.isoformat() == "2022-04-21T23:46:58-06:00"


def test_utc_meta_date_takes_the_offset_of_the_printed_time() -> None:
    head = jsonld('{"@type": "NewsArticle", "datePublished": "2022-05-04T00:44:52.000Z"}')
    body = f"<h1>A headline for the story</h1><p>Por Rodolfo Costa</p><p>03/05/2022 21:44</p><p>{LONG}</p>"
    article = articlex.extract(page(body, head, lang="pt"))
    assert article.published.isoformat() == "2022-05-03T21:44:52-03:00"


def test_utc_meta_date_kept_when_the_printed_time_does_not_fit_a_time_zone() -> None:
    head = "<meta property='article:published_time' content='2022-05-04T00:44:52+00:00'>"
    body = f"<h1>A headline for the story</h1><p>May 3, 2022 21:37</p><p>{LONG}</p>"
    article = articlex.extract(page(body, head))
    assert article.published.isoformat() == "2022-05-04T00:44:52+00:00"
