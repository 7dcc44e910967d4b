"""Bylines in text dumps and HTML (issue 10): each rule on a small page of our own making."""

from __future__ import annotations

import pytest

import articlex
from articlex.fields.attribution import split_names
from articlex.lexicon import cues

PROSE = ("The council voted on the new budget after a long debate that lasted well into the night, "
         "watched by many residents who had come to follow the public session.")
PROSE_DE = ("Der Stadtrat hat den neuen Haushalt nach einer langen Debatte beschlossen, die bis tief in die "
            "Nacht dauerte und von vielen Bürgern verfolgt wurde, die zur öffentlichen Sitzung gekommen waren.")
TITLE = "Council adopts the budget after a long night"


def dump(*header: str, tail: tuple[str, ...] = (), prose: str = PROSE, top: tuple[str, ...] = ()) -> str:
    """A text dump: a menu, the headline, header lines, three paragraphs, then ``tail`` lines."""
    lines = [*top, "Home", "News", "Politics", "", TITLE, "", *header, "", prose, "", prose, "", prose, "", *tail,
             "", "Share", "Comments"]
    return "\n".join(lines)


def html(*header: str, tail: tuple[str, ...] = (), prose: str = PROSE, lang: str = "en") -> str:
    meta = "".join(f"<div>{line}</div>" for line in header)
    paras = "".join(f"<p>{prose}</p>" for _ in range(3))
    after = "".join(f"<p>{line}</p>" for line in tail)
    return (f"<!doctype html><html lang='{lang}'><head></head><body><h1>{TITLE}</h1>{meta}"
            f"<article>{paras}{after}</article><footer>Share</footer></body></html>")


def authors_of(source: str) -> list[str]:
    return articlex.extract(source).attribution.authors


@pytest.mark.parametrize("header, names", [
    (("07. November 2023 - 10:38 Uhr | Maximilian Berg",), ["Maximilian Berg"]),   # after the date
    (("Paige Morrow 20 hours ago",), ["Paige Morrow"]),                      # before a relative date
    (("Clint Chan Lee", "9 Hrs Ago"), ["Clint Chan Lee"]),                       # relative date below
    (("ESTEBAN ARRIETA", "@earrieta", "Madrid", "Updated Tuesday, 7 November 2023 - 13:12"),
     ["ESTEBAN ARRIETA"]),                                                     # handle and city between
    (("Graciela Cuevas", "Santo Domingo - abr. 22, 2022 | 12:01 a. m. | 9 min de lectura"),
     ["Graciela Cuevas"]),                                                         # the city on the date line
    (("mh 15. Oktober 2023",), ["mh"]),                                            # initials before the date
    (("MA", "26 abril, 2022 - 8:10 pm"), ["MA"]),
    (("Devon Hale, @devonhale", "11.03.17 in Gadgets"), ["Devon Hale"]),           # the handle after the name
])
def test_names_beside_the_date_line_in_a_dump(header: tuple[str, ...], names: list[str]) -> None:
    assert authors_of(dump(*header)) == names


def test_a_preposition_before_the_date_is_no_initials() -> None:
    assert authors_of(dump("am 15. Oktober 2023", prose=PROSE_DE)) == []


def test_a_button_before_the_date_is_no_byline() -> None:
    assert authors_of(dump("+CLICK TO ENLARGE", "28 July 2020 10:43")) == []


def test_a_genre_word_before_the_prefix() -> None:
    for source in (dump("Eine Analyse von Caspar Lindner", "14. Januar 2020, 9:21 Uhr", prose=PROSE_DE),
                   html("Eine Analyse von Caspar Lindner", "14. Januar 2020, 9:21 Uhr", prose=PROSE_DE, lang="de"),
                   dump("An analysis by Joan Biskupic", "May 3, 2022")):
        assert authors_of(source) in (["Caspar Lindner"], ["Joan Biskupic"])
    assert split_names("Eine Analyse von Caspar Lindner", cues())[0] == ["Caspar Lindner"]


@pytest.mark.parametrize("tail, names, sources", [
    (("aja/PAP",), ["aja"], ["PAP"]),     # initials and the agency on the line after the text
    (("rdb",), ["rdb"], []),
    (("GIS",), [], []),                   # upper case after the text may be an outlet: not a person
])
def test_initials_signing_the_story(tail: tuple[str, ...], names: list[str], sources: list[str]) -> None:
    article = articlex.extract(dump("3 May 2024", tail=tail))
    assert article.attribution.authors == names
    assert article.attribution.sources == sources


def test_the_sites_own_name_is_no_author_in_a_dump() -> None:
    top = ("RiverNews.Online",)
    assert authors_of(dump("By RiverNews", "9 November 2023", top=top)) == []
    page = dump("Por", "Diário O Farol", "1 de novembro de 2020", tail=("https://www.ofarol.pt",))
    assert authors_of(page) == []
    assert authors_of(dump("By Jane Roe", "9 November 2023", top=top)) == ["Jane Roe"]


# -- HTML -------------------------------------------------------------------------------------------

def page(body: str, head: str = "") -> str:
    paras = "".join(f"<p>{PROSE}</p>" for _ in range(3))
    return (f"<!doctype html><html lang='en'><head>{head}</head><body><h1>{TITLE}</h1>{body}"
            f"<article>{paras}</article></body></html>")


def jsonld(author: dict, publisher: dict | None = None) -> str:
    import json

    data = {"@context": "https://schema.org", "@type": "Article", "headline": TITLE, "author": author}
    if publisher:
        data["publisher"] = publisher
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_weekday_or_a_preposition_is_cut_from_a_name() -> None:
    byline = ("<div class='article-author'><a href='/a/al'>Ann Lee</a> Monday, February 29, 2016 @ 11:10 PM</div>")
    assert authors_of(page(byline)) == ["Ann Lee"]
    assert split_names("Ann Lee Monday", cues())[0] == ["Ann Lee"]
    assert split_names("mrfox, LUNa, Tomas, Ines on", cues())[0] == ["mrfox", "LUNa", "Tomas", "Ines"]
    assert split_names("Sam Don", cues())[0] == ["Sam Don"]  # short weekday words are also names


def test_a_person_named_in_the_sites_name_after_by_is_still_a_person() -> None:
    head = "<meta property='og:site_name' content='GADGETFOUND.EXAMPLE | BY: ANN LEE'>"
    byline = "<div class='article-author'><a href='/a/al'>Ann Lee</a> February 29, 2016</div>"
    assert authors_of(page(byline, head)) == ["Ann Lee"]
    assert authors_of(page(byline, head.replace(" | BY: ANN LEE", " | Ann Lee"))) == []  # the site's own name


def test_a_jsonld_person_who_is_also_the_site_is_an_author() -> None:
    head = jsonld({"@type": "Person", "name": "Hana Berger"}, {"@type": "Organization", "name": "Hana Berger"})
    assert authors_of(page("", head)) == ["Hana Berger"]
    brand = jsonld({"@type": "Person", "name": "NOW Riverside"}, {"@type": "Organization", "name": "NOW Riverside"})
    assert authors_of(page("", brand)) == []


def test_twitter_creator_names_the_author_only_when_the_page_names_nobody() -> None:
    head = "<meta name='twitter:creator' content='Quillwren'>"
    assert authors_of(page("", head)) == ["Quillwren"]
    assert authors_of(page("<p class='byline'>By Laura Jordan</p>", head.replace("Quillwren", "CMS Noticias"))) \
        == ["Laura Jordan"]
    assert authors_of(page("", head.replace("Quillwren", "@riverside"))) == []


def test_story_cards_on_a_page_without_headline_or_text_are_not_authors() -> None:
    cards = "".join(f"<div class='card'><a href='/s{i}'>Story {i} of the day in the city</a>"
                    f"<span class='byline'>Reporter Number{i}</span></div>" for i in range(6))
    source = f"<!doctype html><html lang='en'><body>{cards}</body></html>"
    assert articlex.extract(source).attribution.authors == []


def test_a_table_row_above_a_year_is_no_byline() -> None:
    rows = "<table><tr><th>Repeat Performance</th></tr><tr><td>1947</td></tr></table>"
    assert authors_of(page(rows)) == []


# -- sources ----------------------------------------------------------------------------------------

def test_a_source_line_in_the_footer() -> None:
    for source in (dump("3 May 2024", tail=("Source: Riverside Water Board",)),
                   html("3 May 2024", tail=("Source: Riverside Water Board",))):
        assert articlex.extract(source).attribution.sources == ["Riverside Water Board"]
    article = articlex.extract(dump("3. Mai 2024", tail=("Quelle: RADIO NORD/ls",), prose=PROSE_DE))
    assert article.attribution.sources == ["RADIO NORD"]
    assert article.attribution.authors == ["ls"]
    article = articlex.extract(dump("3 May 2024", tail=("Source: PAP",)))
    assert article.attribution.sources == ["PAP"]


def test_a_source_line_that_is_a_sentence_is_no_source() -> None:
    tail = ("Source: the figures come from the council's own yearly report on spending.",)
    assert articlex.extract(dump("3 May 2024", tail=tail)).attribution.sources == []


def test_outlets_credited_by_the_lead_in() -> None:
    lead = "KIDSPOST via JTA — " + PROSE
    for source in (dump("3 May 2024", prose=lead), html("3 May 2024", prose=lead)):
        assert sorted(articlex.extract(source).attribution.sources) == ["JTA", "KIDSPOST"]
    plain = "In the end — as the mayor said — " + PROSE  # no source verb: no credit
    assert articlex.extract(dump("3 May 2024", prose=plain)).attribution.sources == []


def test_an_outlet_on_the_date_line() -> None:
    for source in (dump("Riverpost.md, 20 September 2020 16:20"), html("Riverpost.md, 20 September 2020 16:20")):
        assert articlex.extract(source).attribution.sources == ["Riverpost.md"]
    own = dump("Riverpost.md, 20 September 2020 16:20", top=("www.riverpost.md",))
    assert articlex.extract(own).attribution.sources == []  # the site's own address


def test_a_label_glued_to_the_name_or_a_month_after_it_is_cut() -> None:
    assert authors_of(dump("By Dana ReedPublished Dec 3, 2024")) == ["Dana Reed"]
    assert split_names("Lisa Grant on Dec", cues())[0] == ["Lisa Grant"]
    assert split_names("Ann DeVries", cues())[0] == ["Ann DeVries"]  # an inner capital that opens no label
    assert split_names("June May", cues())[0] == ["June May"]        # months are also names
    assert split_names("Mara Di Lena NewsFeed Daily Reporter", cues())[0] != ["Mara Di Lena News"]


def test_the_name_before_a_role_on_its_line() -> None:
    assert authors_of(dump("Richard Roe Education editor", "Mon 20 Jan 2020 06.05 GMT Last modified on Mon 20 Jan")) \
        == ["Richard Roe"]
    assert split_names("Jane Roe Senior Writer", cues())[0] == ["Jane Roe"]
    assert split_names("Ben Roe Games Editor", cues())[0] == []  # 'Games' may be a topic or a surname
    assert split_names("Games Editor", cues())[0] == []
    assert split_names("Jane Roe Daily Planet Reporter", cues(), "Daily Planet")[0] == []  # the site's affiliation


def test_entities_are_decoded_before_the_byline_is_split() -> None:
    assert authors_of(page("", jsonld({"@type": "Person", "name": "Sean O&#39;Donnell"}))) == ["Sean O'Donnell"]
    assert authors_of(page("", "<meta name='author' content='Sean O&amp;#39;Donnell'>")) == ["Sean O'Donnell"]


@pytest.mark.parametrize("placeholder", ["No Author", "Anonymous", "anónimo", "Autor desconocido"])
def test_a_placeholder_is_no_author(placeholder: str) -> None:
    assert authors_of(page(f"<span class='author'>{placeholder}</span>")) == []
    assert authors_of(dump(f"By {placeholder}", "3 May 2024")) == []


def test_a_prefixed_byline_above_the_headline() -> None:
    source = (f"<html lang='en'><body><p>By Jane Roe</p><h1>{TITLE}</h1><article>"
              + f"<p>{PROSE}</p>" * 3 + "</article></body></html>")
    assert authors_of(source) == ["Jane Roe"]
    kicker = source.replace("By Jane Roe", "Local Politics")
    assert authors_of(kicker) == []


def test_a_bare_agency_line_under_the_headline_and_an_agency_tail() -> None:
    for source in (html("AFP"), dump("AFP", "3 May 2024")):
        assert articlex.extract(source).attribution.sources == ["AFP"]
    tail = PROSE + " (ats/nxp)"
    source = "\n\n".join(["Home", TITLE, "3 May 2024", PROSE, PROSE, tail, "Share"])
    assert articlex.extract(source).attribution.sources == ["Keystone-SDA"]


def test_a_byline_repeating_the_logo_line_names_the_site() -> None:
    top = ("Riverside Online", "Subscribe")
    assert authors_of(dump("By Riverside Online", "3 May 2024", top=top)) == []
    assert authors_of(dump("By Jane Roe", "3 May 2024", top=top)) == ["Jane Roe"]


def test_editors_and_teams_are_not_authors() -> None:
    assert split_names("Rebecca Roe, Edited by Marie White", cues())[0] == ["Rebecca Roe"]
    assert split_names("Edited by Marie White", cues())[0] == []
    assert split_names("The Riverside Lifestyle Desk", cues())[0] == []
    assert split_names("Riverside Team", cues())[0] == []
    byline = "<p class='byline'>By Rebecca Roe, Edited by Marie White</p>"
    assert authors_of(page(byline)) == ["Rebecca Roe"]


def test_the_name_in_an_editor_element_is_not_an_author() -> None:
    editor = "<span id='editor_baidu'>责任编辑：李明</span>"
    assert authors_of(page(editor, "<meta name='author' content='李明'>")) == []
    assert authors_of(page(editor, "<meta name='author' content='校园频道李明'>")) == []  # the channel before it
    assert authors_of(page(editor, "<meta name='author' content='王芳'>")) == ["王芳"]
    box = "<div class='post-editor'>Editor: Marie White</div>"
    assert authors_of(page(box + "<p class='byline'>By Jane Roe</p>", "<meta name='author' content='Jane Roe'>")) \
        == ["Jane Roe"]


def test_a_plural_role_after_the_last_name() -> None:
    byline = "Par LILIAN ROUX, LAURE BLANC Envoyés spéciaux à Toulouse"
    assert split_names(byline, cues())[0] == ["LILIAN ROUX", "LAURE BLANC"]


def test_an_address_inside_a_sentence_after_the_text_is_another_outlet() -> None:
    source = dump("Riverpost.md, 20 September 2020 16:20", tail=("Other news from Riverpost.md",))
    assert articlex.extract(source).attribution.sources == ["Riverpost.md"]


def test_story_cards_on_a_page_without_headline_are_not_authors_even_beside_text() -> None:
    cards = "".join(f"<div class='card'><a href='/s{i}'>Story {i} of the day in the city</a>"
                    f"<span class='byline'>By Reporter Number{i}</span></div>" for i in range(3))
    text = "".join(f"<p>{PROSE}</p>" for _ in range(4))
    source = f"<!doctype html><html lang='en'><body>{cards}<div>{text}</div>{cards}</body></html>"
    article = articlex.extract(source)
    assert article.attribution.authors == []


def test_a_byline_inside_a_long_meta_line_of_parts_with_co_authors_in_brackets() -> None:
    line = "The Courier | 04.05.2015 at 13:36 • Updated 05.05.2015 at 20:13 | By Jane Roe (with Ann Lee and Tom Hart)"
    assert authors_of(dump(line)) == ["Jane Roe", "Ann Lee", "Tom Hart"]


def test_a_place_in_brackets_after_the_byline_is_no_co_author() -> None:
    line = "The Courier | 04.05.2015 at 13:36 • Updated 05.05.2015 at 20:13 | By Jane Roe (London)"
    assert authors_of(dump(line)) == ["Jane Roe"]


def _dated_above(line: str) -> str:
    """A dump whose date line stands right above the headline, over a category line."""
    return "\n".join(["Home", "News", "Politics", "", line, "Blog", "", TITLE, "", PROSE, "", PROSE, "", PROSE])


def test_names_beside_the_date_on_a_line_above_the_headline() -> None:
    assert authors_of(_dated_above("Jane Roe October 14, 2025")) == ["Jane Roe"]


def test_a_date_line_above_the_headline_without_names_names_no_author() -> None:
    assert authors_of(_dated_above("Tuesday, October 14, 2025")) == []


@pytest.mark.parametrize("header", [
    ("Friday, December 19, 2025",),                 # the weekday and month before the day
    ("Tue, Apr 21, 8:00 AM PDT",),
    ("Posts: 116", "Joined: Feb 2019", "Reputation: 7"),  # a label and its value on a profile card
    ("Date: January 6-9, 2026", "Location: Las Vegas"),
    ("Author stats", "June 17, 2024"),              # a capital prefix and a word in lower case: a phrase
    ("QTY", "1"),                                   # a count is no relative date
    ("Light Grey Marl", "$26"),                     # nor is a price
])
def test_date_words_labels_and_counts_are_no_byline(header: tuple[str, ...]) -> None:
    assert articlex.extract(dump(*header)).attribution.authors == []


@pytest.mark.parametrize("header, names", [
    (("by ibby", "12/19/2025"), ["ibby"]),          # a byline in lower case, prefix included
    (("Posted by msmash on Friday January 12, 2024",), ["msmash"]),
    (("May Jones", "December 19, 2025"), ["May Jones"]),   # a month that is also a given name
])
def test_lower_case_bylines_and_calendar_names_stay(header: tuple[str, ...], names: list[str]) -> None:
    assert articlex.extract(dump(*header)).attribution.authors == names


def test_a_relative_date_names_its_unit() -> None:
    from articlex.fields.dates import is_relative_date
    assert is_relative_date("9 Hrs Ago") and not is_relative_date("1") and not is_relative_date("$26")


def test_a_data_row_over_a_date_is_no_byline() -> None:
    assert authors_of(dump("Industry Open-source software", "Founded February 28, 1998",
                           "Founder Netscape Communications")) == []


def test_a_comments_button_among_the_share_buttons_does_not_end_the_header() -> None:
    assert authors_of(dump("Share on Facebook\nShare on Twitter\nPrint Article\nComments\n"
                           "By Erin Gale March 18 at 3:57 PM Follow @eringale")) == ["Erin Gale"]


def test_a_sections_name_over_a_comment_button_and_the_date_is_no_byline() -> None:
    assert authors_of(dump("Riverside\nRiverside News\nComments\nPublished Thursday 24 December 2020 at 07:47")) == []


def test_names_under_the_date_with_the_role_under_them() -> None:
    assert authors_of(dump("posted on April 21, 2015, at 11:29 a.m.\nMark Stone\nNews Reporter\nTweet")) == ["Mark Stone"]
    assert authors_of(dump("April 21, 2015\nCity Council\nTweet")) == []
    for section in ("Editor's Picks", "Letters to the Editor", "Photographer of the Year", "From the Producer"):
        assert authors_of(dump(f"May 3, 2024\nCoast Business\n{section}")) == [], section


def test_a_sections_name_over_a_reading_time_is_no_byline() -> None:
    assert authors_of(dump("Long Reads\n12 min read")) == []


def test_a_prefix_word_of_another_language_before_a_widgets_word_is_no_byline() -> None:
    assert authors_of(html("Undergraduate", "$390", "per hour", "Part-time", "$455/hour")) == []
    assert authors_of(dump("Share\nText Size\nSmall\nMedium\nLarge")) == []
    assert authors_of(dump("By Gabo\n12 May 2020")) == ["Gabo"]


def test_a_packed_comments_heading_away_from_the_share_buttons_ends_the_header() -> None:
    assert authors_of(dump("12 May 2020\nComments\nMary Jones\n11 May 2020 at 10:02")) == []
