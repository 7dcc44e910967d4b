"""Attribution on small pages written for each byline pattern: who the authors are, which origin wins."""

from __future__ import annotations

import json

import pytest

import articlex
from articlex.fields.attribution import split_names
from articlex.lexicon import cues
from support import LONG as PARAGRAPH
from support import jsonld as script
from support import page

TEXT = "".join(f"<p>{PARAGRAPH * 2}</p>" for _ in range(4))


def jsonld(author) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "The council votes", "author": author}
    return script(json.dumps(data))


def authors(html: str) -> list[str]:
    return articlex.extract(html).attribution.authors


# -- one byline string ------------------------------------------------------------------------------

@pytest.mark.parametrize(("byline", "people", "agencies"), [
    ("E. NURDIN", ["E. NURDIN"], []),  # an initial is not the joiner "e"
    ("Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)", ["Eleanor Ainge Roy"], []),
    ("Martin Untersinger (avec Damien Leloup et Morgane Tual)",
     ["Martin Untersinger", "Damien Leloup", "Morgane Tual"], []),
    ("Richard (R.J.) Eskow", ["Richard (R.J.) Eskow"], []),
    ("Jane Roe (AFP)", ["Jane Roe"], ["AFP"]),
    ("Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology Project",
     ["Daniel Kahn Gillmor"], []),
    ("Alissa Wilkinson@alissamarie Updated", ["Alissa Wilkinson"], []),
    ("Contact: jane.roe@example.com", [], []),
    ("Aleš Vávra před 2 hodinami", ["Aleš Vávra"], []),
    ("By GILLIAN MOHNEY March 11, 2015 3:46 PM", ["GILLIAN MOHNEY"], []),
    ("Dana A. Ford, James S.A. Corey, and Tom Watkins, CNN", ["Dana A. Ford", "James S.A. Corey", "Tom Watkins"], []),
    ("Par AFP publié le 26/12/2020 à 21:00", [], ["AFP"]),
    ("CC7567", [], []), ("Ben Silverman Games Editor", [], []), ("Jane Roe Follow", ["Jane Roe"], []),
    ("Informate con la verdad", [], []),
])
def test_split_names(byline: str, people: list[str], agencies: list[str]) -> None:
    assert split_names(byline, cues(), None) == (people, agencies)


def test_the_site_and_what_follows_it_are_not_people() -> None:
    assert split_names("DAILY PLANET, Metropolis, USA", cues(), "Daily Planet") == ([], [])


# -- which origin wins ------------------------------------------------------------------------------

def test_a_caption_in_the_header_is_not_the_author_of_a_wire_story() -> None:
    html = page("<h1>The council votes</h1><p class='dek'>The mayor of Springfield Jane Roe at the vote, "
                "on 12 March 2024 in Springfield.</p><p>Par AFP</p>" + TEXT, jsonld({"@type": "Organization",
                                                                                    "name": "AFP"}))
    article = articlex.extract(html)
    assert article.attribution.authors == [] and article.attribution.sources == ["AFP"]


def test_a_prefixed_byline_beats_a_label_above_the_date() -> None:
    html = page("<h1>The council votes</h1><div>Newer Article</div><div>on March 10, 2015 by Nikhil Marathe</div>"
                + TEXT)
    assert authors(html) == ["Nikhil Marathe"]


def test_a_name_another_origin_confirms_beats_a_column_name() -> None:
    html = page("<h1>The council votes</h1><div>Deal Professor</div><div>By JANE ROE JULY 29, 2016</div>" + TEXT,
                "<meta name='author' content='Jane Roe'>")
    assert authors(html) == ["JANE ROE"]  # spelled as printed


def test_the_printed_spelling_wins_over_a_slug() -> None:
    html = page("<h1>The council votes</h1><div class='byline'><a href='/autor/jane-roe'>Jane Roe</a></div>" + TEXT,
                jsonld({"@type": "Person", "name": "Jane-Roe"}))
    assert authors(html) == ["Jane Roe"]


def test_jsonld_naming_the_site_is_not_an_author() -> None:
    head = jsonld({"@type": "Person", "name": "Daily Planet | All the news"})
    head += "<meta property='og:site_name' content='Daily Planet | All the news'>"
    html = page("<h1>The council votes</h1><p>Por Laura Jordán / Javier Urbina</p>" + TEXT, head)
    assert authors(html) == ["Laura Jordán", "Javier Urbina"]


def test_a_byline_naming_the_paper_itself_is_not_a_person() -> None:
    html = page("<h1>The council votes</h1><p>Por Jornal O Papel - 1 de novembro de 2020</p>" + TEXT,
                "<title>The council votes | O Papel</title>")
    assert authors(html) == []


# -- byline markup ----------------------------------------------------------------------------------

def test_a_place_linked_after_the_date_is_not_a_co_author() -> None:
    html = page("<h1>The council votes</h1><aside class='author'><h3><a href='/auteur/jane-roe'>Jane Roe</a></h3>"
                "<time>19 février 2020</time><nav><a href='/tags/montreal'>Montréal</a></nav></aside>" + TEXT)
    assert authors(html) == ["Jane Roe"]


def test_linked_names_joined_by_separators_are_all_authors() -> None:
    html = page("<h1>The council votes</h1><div class='byline'>By <a href='/a'>Jane Roe</a>, <a href='/b'>John "
                "Doe</a> and <a href='/c'>Ann Lee</a></div>" + TEXT)
    assert authors(html) == ["Jane Roe", "John Doe", "Ann Lee"]


def test_bylines_of_teaser_cards_are_not_authors() -> None:
    card = "<div class='card'><h3><a href='/other'>Another story</a></h3><p class='byline'>Mark Stray</p></div>"
    html = page(f"{card}<p class='byline'>Jane Roe</p><h1>The council votes</h1>" + TEXT[:600] + card * 3 + TEXT,
                jsonld({"@type": "Person", "name": "Jane Roe"}))
    assert authors(html) == ["Jane Roe"]


def test_a_role_beside_the_linked_name_is_left_out() -> None:
    html = page("<h1>The council votes</h1><p class='byline'><a rel='author' href='/profile/jr'>Jane Roe</a> "
                "Education editor</p>" + TEXT)
    assert authors(html) == ["Jane Roe"]


def test_byline_class_with_a_prefix() -> None:
    html = page("<h1>The council votes</h1><div class='pb-sig'><span class='pb-byline'>By <a href='/people/jr'>"
                "Jane Roe</a></span></div>" + TEXT)
    assert authors(html) == ["Jane Roe"]


def test_a_signature_after_the_text() -> None:
    html = page("<h1>Ein Albtraum</h1>" + TEXT + "<div class='dig-autoren'>Von Clemens Höges</div>"
                "<div>DER SPIEGEL 52/2018</div>")
    assert authors(html) == ["Clemens Höges"]


# -- meta -------------------------------------------------------------------------------------------

def test_dublin_core_creators_in_catalogue_order() -> None:
    head = ("<meta name='author' content='Site Owner'><meta name='DC.Creator' content='Kooman, F.'>"
            "<meta name='DC.Creator' content='Jong, Michiel de'>")
    assert authors(page("<h1>The council votes</h1>" + TEXT, head)) == ["F. Kooman", "Michiel de Jong"]


def test_meta_author_with_space_separated_properties() -> None:
    head = "<meta property='dc:creator twitter:site_name' content='Creator Name'><meta name='author' content='X Y'>"
    assert authors(page("<h1>The council votes</h1>" + TEXT, head)) == ["Creator Name"]


def test_an_agency_printed_after_the_last_name_is_a_source() -> None:
    from articlex.fields.attribution import split_names
    from articlex.lexicon import cues
    assert split_names("By Orhan Coskun and Suleiman Al-Khalidi Reuters", cues()) == (
        ["Orhan Coskun", "Suleiman Al-Khalidi"], ["Reuters"])
