"""The headline of an HTML page: small pages written for each rule."""

from __future__ import annotations

import pytest

import articlex
from articlex.fields.title import strip_site_name

LONG = "This sentence is long enough to read as running prose in an article body, as news text does. "


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


def title_of(html: str, url: str | None = None) -> str | None:
    return articlex.extract(html, url=url).title


def test_a_lone_one_word_h1_is_the_headline() -> None:
    html = page(f"<h1>Lorem</h1><p>{LONG}</p><p>{LONG}</p>", "<title>Base address test</title>")
    assert title_of(html) == "Lorem"


def test_a_one_word_h1_confirmed_by_the_title_tag() -> None:
    html = page(f"<h1>Mozilla</h1><p>{LONG}</p><p>{LONG}</p>", "<title>Mozilla - Encyclopedia</title>")
    assert title_of(html) == "Mozilla"


def test_a_one_word_h1_that_is_the_sites_name_is_a_logo() -> None:
    html = page(f"<h1>Gazette</h1><p>{LONG}</p><p>{LONG}</p>", "<title>Storm hits the coast - Gazette</title>")
    assert title_of(html) == "Storm hits the coast"


def test_a_headline_in_a_big_font_before_the_text() -> None:
    html = page("<p align='center'><font size='+3'><b>coast usability <font size='4'><br>...or why I bother."
                f"</font></b></font><br>© 2003</p><table><tr><td><p>{LONG}</p><p>{LONG}</p></td></tr></table>",
                "<title>coast video</title>")
    assert title_of(html) == "coast usability"


def test_a_headline_in_an_h2_set_in_a_font() -> None:
    html = page("<h3>Study text</h3><h2><font face='Serif'>\"The Harbour: A Story of the Coast \"</font> (1853)<br>"
                f"Jane Doe</h2><p>{LONG}</p><p>{LONG}</p>", "<title>The Harbour Study Text</title>")
    assert title_of(html) == "The Harbour: A Story of the Coast"


def test_a_section_h2_is_not_taken_over_the_metadata() -> None:
    html = page(f"<h2>Latest news</h2><p>{LONG}</p><p>{LONG}</p>", "<meta property='og:title' content='Storm hits the coast'>")
    assert title_of(html) == "Storm hits the coast"


def test_the_metadata_headline_printed_outside_a_heading_gives_the_title_its_place() -> None:
    html = page(f"<div><b>Storm hits the coast</b></div><p>{LONG}</p><p>{LONG}</p>",
                "<title>Storm hits the coast | Gazette</title><meta property='og:site_name' content='Gazette'>")
    article = articlex.extract(html)
    assert article.title == "Storm hits the coast" and article.provenance["title"].strategy == "markup"


@pytest.mark.parametrize(("title", "site", "headline"), [
    ("暴风雨袭击海岸城市_国内频道_海岸网", None, "暴风雨袭击海岸城市"),
    ("嵐が海岸を襲う＜海岸新聞＞", None, "嵐が海岸を襲う"),
    ("Oslo - Wikipedia", "wikipedia", "Oslo"),
])
def test_the_site_suffix_leaves_the_title_tag(title: str, site: str | None, headline: str) -> None:
    assert strip_site_name(title, site) == headline


def test_the_host_names_the_site_when_the_page_does_not() -> None:
    html = page(f"<div>menu</div><p>{LONG}</p><p>{LONG}</p>", "<title>Oslo - Wikipedia</title>")
    assert title_of(html, url="https://en.wikipedia.org/wiki/Oslo") == "Oslo"
