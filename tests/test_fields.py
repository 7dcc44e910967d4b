"""Unit tests of each field module on small pages written for the case."""

from __future__ import annotations

import pytest

import articlex
from articlex.fields.attribution import split_names
from articlex.fields.title import strip_site_name
from articlex.lexicon import cues
from articlex.text import date_span, is_prose, parse_count
from support import LONG, page


# -- text helpers ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "count"), [
    ("1,2k", 1200), ("2.289", 2289), ("2 289", 2289), ("3.4K", 3400), ("41", 41), ("12 comments", 12),
    ("1.5 тыс.", 1500),
])
def test_parse_count(text: str, count: int) -> None:
    assert parse_count(text, cues()) == count


def test_prose_needs_a_sentence_or_many_words() -> None:
    assert is_prose("The council voted on Monday to rebuild the wall.")
    assert not is_prose("L’OTAN s’implique de plus en plus dans la situation en Ukraine")


@pytest.mark.parametrize(("line", "span"), [
    ("Marco Bellini 3 maggio 2024 Cronaca", "3 maggio 2024"), ("Posted March 4, 2024 by X", "March 4, 2024"),
    ("20.06.2019 07:30 Uhr", "20.06.2019 07:30"), ("no date here", None),
])
def test_date_span(line: str, span: str | None) -> None:
    assert date_span(line) == span


# -- title ------------------------------------------------------------------------------------------

def test_kicker_inside_h1_is_left_out_when_metadata_confirms() -> None:
    html = page(f"<h1><span>Mietpreisbremse</span> Koalition einigt sich auf Verlängerung</h1><p>{LONG}</p>",
                "<meta property='og:title' content='Koalition einigt sich auf Verlängerung'>", "de")
    assert articlex.extract(html).title == "Koalition einigt sich auf Verlängerung"


def test_logo_h1_loses_to_the_headline() -> None:
    html = page(f"<h1>Site</h1><article><h1>The real headline of the story</h1><p>{LONG}</p></article>",
                "<title>The real headline of the story - Site</title>")
    assert articlex.extract(html).title == "The real headline of the story"


def test_site_name_is_stripped_only_when_it_is_the_sites() -> None:
    assert strip_site_name("Storm hits coast | Test Gazette", "Test Gazette") == "Storm hits coast"
    assert strip_site_name("Brexit: what happens next", "Test Gazette") == "Brexit: what happens next"


# -- breadcrumb -------------------------------------------------------------------------------------

def test_breadcrumb_drops_label_separators_and_title() -> None:
    html = page("<div class='breadcrumb'>Sie sind hier: <a href='/'>Startseite</a> &gt; <a href='/politik/'>Politik</a>"
                f" &gt; <span>Die Überschrift des Artikels</span></div><h1>Die Überschrift des Artikels</h1><p>{LONG}</p>",
                lang="de")
    assert [c.text for c in articlex.extract(html).breadcrumb] == ["Startseite", "Politik"]


def test_text_dump_crumbs_glued_to_the_title() -> None:
    text = "Home News Harbour wall vote passes\n\nHarbour wall vote passes\n\n" + LONG + "\n\n" + LONG
    article = articlex.extract(text)
    assert article.title == "Harbour wall vote passes"
    assert [c.text for c in article.breadcrumb] == ["Home", "News"]
    assert article.breadcrumb[0].url is None


# -- counters ---------------------------------------------------------------------------------------

def test_counters_from_header_words() -> None:
    text = "Harbour wall vote passes\n\n1,2k views · 5 comments\n\n" + LONG + "\n\n" + LONG
    counters = articlex.extract(text).counters
    assert (counters.views, counters.comments) == (1200, 5)


def test_no_comment_phrase_is_zero() -> None:
    html = page(f"<h1>Titolo della notizia di oggi</h1><div class='post-meta'><span>Nessun commento</span></div>"
                f"<div class='entry'><p>{LONG}</p><p>{LONG}</p></div>", lang="it")
    assert articlex.extract(html).counters.comments == 0


def test_reading_time_is_not_a_counter() -> None:
    text = "Harbour wall vote passes\n\n4 min read\n\n" + LONG + "\n\n" + LONG
    assert articlex.extract(text).counters.comments is None


# -- body and related -------------------------------------------------------------------------------

def test_body_leaves_out_furniture_and_moves_read_also() -> None:
    html = page("<h1>Harbour wall vote passes</h1><div class='entry-content'>"
                f"<p>{LONG}</p><p>{LONG}</p><div class='sharedaddy'><p>Share this: Facebook</p></div>"
                "<p>Read also: <a href='https://g.example/local/a-story-about-floods'>A story about floods</a></p>"
                f"<figure><figcaption>Photo: Jane Doe / AFP</figcaption></figure><p>{LONG}</p>"
                "</div><div class='comments'><h3>Leave a reply</h3><p>Great article, I think so too!</p></div>")
    article = articlex.extract(html)
    assert article.body == "\n\n".join([LONG.strip()] * 3)
    assert [r.text for r in article.related] == ["A story about floods"]
    assert article.attribution.sources == []  # a photo credit is not a source


def test_unlabelled_teaser_between_paragraphs_is_related() -> None:
    html = page(f"<h1>Harbour wall vote passes</h1><div class='entry-content'><p>{LONG}</p><p>{LONG}</p>"
                "<div class='inline-related'><a href='https://g.example/2024/03/02/storm-damage-along-the-coast/'>"
                f"Storm damage along the coast</a></div><p>{LONG}</p></div>")
    assert [r.text for r in articlex.extract(html).related] == ["Storm damage along the coast"]


def test_a_linked_heading_over_its_own_section_is_a_subheading_not_a_teaser() -> None:
    # A listicle's items link to what they review; the text under each is the article's.
    items = "".join(f"<h2><a href='https://shop.example/products/harbour-lamp-model-{n}'>Harbour lamp model {n}</a></h2>"
                    + f"<p>{LONG}</p>" * 4 for n in (1, 2))
    article = articlex.extract(page(f"<h1>The best harbour lamps</h1><div class='entry-content'><p>{LONG}</p>"
                                    f"{items}</div>"))
    assert article.related == []
    assert "Harbour lamp model 2" in article.body
    card = ("<div class='card'><h3><a href='https://g.example/2024/03/02/storm-damage-along-the-coast/'>"
            "Storm damage along the coast</a></h3><p>The sea broke the wall in two places.</p></div>")
    article = articlex.extract(page(f"<h1>Harbour wall vote passes</h1><div class='entry-content'><p>{LONG}</p>"
                                    f"<p>{LONG}</p>{card}<p>{LONG}</p></div>"))
    assert [r.text for r in article.related] == ["Storm damage along the coast"]  # a card's excerpt is short


def test_a_contents_entry_linking_to_the_pages_own_anchor_is_not_a_teaser() -> None:
    html = page(f"<h1>Harbour wall vote passes</h1><div class='entry-content'><p>{LONG}</p>"
                "<p><a href='#what-the-council-decided-on-the-wall'>What the council decided on the wall</a></p>"
                f"<p>{LONG}</p><p>{LONG}</p></div>")
    assert articlex.extract(html, url="https://g.example/2024/03/02/harbour-wall-vote-passes").related == []


def test_text_dump_body_stops_at_navigation() -> None:
    text = ("Harbour wall vote passes\n\n" + LONG + "\n\nRead also: Businesses brace for the flood season\n\n"
            + LONG + "\n\nPrevious articleThe council elects a new mayor\nNext articleSchools reopen")
    article = articlex.extract(text)
    assert article.body.count("\n\n") == 1
    assert [r.text for r in article.related] == ["Businesses brace for the flood season"]
    assert article.previous.text == "The council elects a new mayor" and article.next.text == "Schools reopen"


# -- attribution ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("byline", "people", "agencies"), [
    ("Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"], []),
    ("By A. Smith, B. Jones and C. Brown", ["A. Smith", "B. Jones", "C. Brown"], []),
    ("Von Anna Berg und Max Kurz", ["Anna Berg", "Max Kurz"], []),
    ("Rédaction", [], []), ("Staff Report", [], []),
    ("By Mark Evans and Reuters", ["Mark Evans"], ["Reuters"]),
    ("Par AFP", [], ["AFP"]), ("@jane_doe Jane Doe", ["Jane Doe"], []),
])
def test_split_names(byline: str, people: list[str], agencies: list[str]) -> None:
    assert split_names(byline, cues(), None) == (people, agencies)


@pytest.mark.parametrize(("paragraph", "source"), [
    ("PARIS (AFP) - Le gouvernement a annoncé lundi une réforme importante du système.", "AFP"),
    ("Die Regierung will das Gesetz bis zum Sommer ändern, damit die Mieten in den Städten nicht weiter so "
     "stark steigen wie in den vergangenen Jahren, hieß es am Dienstag weiter. (FR mit dpa)", "dpa"),
    ("La réunion a lieu mercredi à Bruxelles, rapporte Agerpres.", "Agerpres"),
    ("The ministry confirmed the figures on Tuesday, reports Reuters.", "Reuters"),
])
def test_sources_in_the_text(paragraph: str, source: str) -> None:
    text = "A headline for the story\n\n" + paragraph + "\n\n" + LONG
    assert articlex.extract(text).attribution.sources == [source]


def test_source_line_is_attribution_not_body() -> None:
    text = "Titular de la noticia de hoy\n\n" + LONG + "\n\n" + LONG + "\n\nFuente: EFE"
    article = articlex.extract(text)
    assert article.attribution.sources == ["EFE"] and "Fuente" not in article.body


def test_jsonld_person_reference_and_newsroom() -> None:
    head = ("<script type='application/ld+json'>{\"@graph\": [{\"@type\": \"NewsArticle\", \"headline\": \"H\","
            "\"author\": {\"@id\": \"#p1\"}}, {\"@type\": \"Person\", \"@id\": \"#p1\", \"name\": \"Ileana Fernandez\"}]}"
            "</script>")
    html = page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head)
    assert articlex.extract(html).attribution.authors == ["Ileana Fernandez"]


# -- navigation -------------------------------------------------------------------------------------

def test_pagination_is_not_navigation() -> None:
    html = page(f"<h1>A headline for the story</h1><div class='entry-content'><p>{LONG}</p></div>"
                "<div class='page-links'>Pages: <a href='?page=2'>2</a> <a href='?page=2' rel='next'>Next page</a></div>")
    article = articlex.extract(html)
    assert article.previous is None and article.next is None


def test_navigation_box_with_labels() -> None:
    html = page(f"<h1>A headline for the story</h1><div class='entry-content'><p>{LONG}</p></div>"
                "<nav class='post-navigation'><div class='nav-previous'><a href='/a-b-c'><span>Previous post</span>"
                " The older story title</a></div><div class='nav-next'><a href='/d-e-f'>Next post: The newer story"
                "</a></div></nav>")
    article = articlex.extract(html, url="https://g.example/x")
    assert article.previous == articlex.Link("The older story title", "https://g.example/a-b-c")
    assert article.next.text == "The newer story"


# -- dates and language -----------------------------------------------------------------------------

def test_dates_from_meta_keep_the_offset() -> None:
    head = ("<meta property='article:published_time' content='2024-03-02T08:15:00+01:00'>"
            "<meta property='article:modified_time' content='2024-03-03T09:00:00+01:00'>")
    article = articlex.extract(page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head))
    assert article.published.isoformat() == "2024-03-02T08:15:00+01:00"
    assert article.modified.isoformat() == "2024-03-03T09:00:00+01:00"


def test_written_date_in_a_text_dump() -> None:
    text = "Titre de l'article du jour\n\nPar Jean Dupont\n9 janvier 2022\n\n" + "Le texte de l'article est ici. " * 6
    article = articlex.extract(text)
    assert article.published.date().isoformat() == "2022-01-09"
    assert article.attribution.authors == ["Jean Dupont"]


def test_dates_in_the_future_are_refused() -> None:
    from datetime import datetime, timezone

    head = "<meta property='article:published_time' content='2031-01-01T00:00:00+00:00'>"
    html = page(f"<h1>A headline for the story</h1><p>{LONG}</p>", head)
    assert articlex.extract(html, now=datetime(2026, 1, 1, tzinfo=timezone.utc)).published is None


def test_language_from_the_words_when_the_markup_lies() -> None:
    french = "Le gouvernement a annoncé une réforme qui sera présentée au Parlement dans les prochains jours. " * 3
    assert articlex.extract(page(f"<h1>Un titre pour l'article</h1><p>{french}</p>", lang="en")).language == "fr"


def test_jsonld_trail_not_shown_on_the_page_is_no_breadcrumb() -> None:
    trail = ('{"@type": "BreadcrumbList", "itemListElement": ['
             '{"@type": "ListItem", "position": 1, "name": "Home", "item": "https://example.org/"},'
             '{"@type": "ListItem", "position": 2, "name": "2022", "item": "https://example.org/2022/"},'
             '{"@type": "ListItem", "position": 3, "name": "April", "item": "https://example.org/2022/04/"}]}')
    head = f"<script type='application/ld+json'>{trail}</script>"
    body = f"<nav><a href='/'>Home</a></nav><h1>Harbour wall to be rebuilt</h1><p>{LONG}</p><p>Since April 2022 {LONG}</p>"
    assert articlex.extract(page(body, head)).breadcrumb == []
    shown = f"<div class='trail'>Home / 2022 / April</div>{body}"
    assert [c.text for c in articlex.extract(page(shown, head)).breadcrumb] == ["Home", "2022", "April"]


def test_crumbs_printed_in_brackets_lose_them() -> None:
    body = ("<ol class='breadcrumb'><li><a href='/'>[Accueil]</a></li><li><a href='/politique'>[Politique]</a></li></ol>"
            f"<h1>Le conseil adopte le budget</h1><p>{LONG}</p>")
    assert [c.text for c in articlex.extract(page(body)).breadcrumb] == ["Accueil", "Politique"]


def test_counters_from_microdata_and_builder_boxes() -> None:
    header = ("<h1>Harbour wall to be rebuilt</h1>"
              "<div class='tdb_single_comments_count'><style>.tdi_24{margin-bottom:10px}</style><span>0</span></div>"
              "<div class='bdaia-post-view'>704</div>")
    counters = articlex.extract(page(f"{header}<p>{LONG}</p><p>{LONG}</p>")).counters
    assert (counters.views, counters.comments) == (704, 0)
    micro = "<h1>Harbour wall to be rebuilt</h1><a href='#c'><span itemprop='commentCount'>128</span></a>"
    assert articlex.extract(page(f"{micro}<p>{LONG}</p><p>{LONG}</p>")).counters.comments == 128


def test_navigation_card_gives_its_headline_not_its_excerpt() -> None:
    nav = ("<div class='td-post-next-prev'><div class='td-post-prev-post'><span>Vorheriger Artikel</span>"
           "<a href='https://example.org/2022/12/08/verbaende-lehnen-ab/'>Verbände lehnen die Verordnung ab"
           "<div class='pn_excert'>In einem Schreiben an das Ministerium haben sich die Verbände geäußert.</div></a>"
           "</div></div>")
    article = articlex.extract(page(f"<h1>Ein Titel für den Artikel</h1><p>{LONG}</p><p>{LONG}</p>{nav}"))
    assert article.previous.text == "Verbände lehnen die Verordnung ab"


def test_a_read_next_heading_without_a_link_is_no_navigation() -> None:
    body = f"<h1>Harbour wall to be rebuilt</h1><p>{LONG}</p><p>{LONG}</p><h3>Read next: more from the coast</h3>"
    assert articlex.extract(page(body)).next is None
