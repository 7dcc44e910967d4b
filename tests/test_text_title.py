"""The title line of a text dump: small hand-written dumps, one per rule."""

from __future__ import annotations

import articlex
from support import P1, P2, P3, P4, dump

MENU = ("Home", "News", "Sport", "Weather", "Culture")
TITLE = "Harbour wall to be rebuilt after the storms"


def title_of(text: str) -> str | None:
    return articlex.extract(text).title


def test_kicker_glued_to_the_headline_is_cut_when_the_headline_repeats() -> None:
    text = dump(MENU, ("Home", "Coast", TITLE), f"Kingsport {TITLE}", "By Jane Doe - 05:01", P1, P2, P3)
    assert title_of(text) == TITLE


def test_kicker_glued_without_a_space() -> None:
    text = dump(MENU, f"Harbour{TITLE}", "12 May 2020", P1, P2, P3, "More on this", f"Harbour: {TITLE}")
    assert title_of(text) == TITLE


def test_kicker_and_headline_swapped_in_a_trail() -> None:
    text = dump(MENU, ("Home", "Coast", "Harbour wall to be rebuilt - Storm damage at port"),
                "Storm damage at port Harbour wall to be rebuilt", "Updated: 12.05.2020 18:00", P1, P2, P3)
    assert title_of(text) == "Harbour wall to be rebuilt"


def test_colon_inside_the_headline_is_not_a_kicker() -> None:
    text = dump(MENU, ("Home", "Coast", "after the storms"), "Harbour wall: rebuilt after the storms",
                "12 May 2020", P1, P2, P3)
    assert title_of(text) == "Harbour wall: rebuilt after the storms"


def test_a_printed_address_is_not_a_title() -> None:
    text = dump(MENU, TITLE, "This article was printed from the address: www.example.org/coast/harbour-wall-101.html",
                "12 May 2020", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_packed_line_printed_twice_is_a_menu_not_a_title() -> None:
    tags = "ELECTIONS 2020 BUDGET 2021 STORM SEASON IN THE NORTH"
    text = dump((*MENU, tags, "Live", "Podcasts", "Video", "Radio", tags), TITLE, "11:00, today", P1, P2, P3)
    assert title_of(text) == TITLE


def test_an_author_line_repeated_in_the_author_box_is_not_a_title() -> None:
    text = dump((*MENU, "Jane Doe, Coastal Insight Desk", "Coast"), TITLE, "4 May 2021", P1, P2, P3,
                ("About the author", "Jane Doe, Coastal Insight Desk"))
    assert title_of(text) == TITLE


def test_the_line_right_above_the_byline_beats_a_widget_heading_further_up() -> None:
    text = dump(MENU, "Get the app", "Listen to our eight stations with the official app.", "Coast",
                "Wednesday 4 May 2022 | 01:10", TITLE, ("Published by Jane Doe", "Coast desk"), P1, P2, P3)
    assert title_of(text) == TITLE


def test_the_byline_may_sit_under_a_standfirst() -> None:
    standfirst = "The mayor said on Tuesday that the work will start in May and should last eight months in all"
    text = dump(MENU, TITLE, standfirst, ("By", "Jane Doe", "May 11, 2022"), P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_list_of_dated_headlines_is_not_the_title() -> None:
    ticker = ("Road blocked over missing repairs", "27 April 2022", "Film festival opens at the embassy",
              "27 April 2022", "Quicksand on the beach again", "27 April 2022")
    text = dump(MENU, *ticker, ("Home", "News"), TITLE, ("JD", "26 April 2022 - 8:10 pm"), P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_ranked_list_is_not_the_title() -> None:
    text = dump(MENU, ("1", "Coast"), "Road blocked over missing repairs", ("2", "Coast"),
                "Film festival opens at the embassy", ("3", "Coast"), "Quicksand on the beach again today",
                ("4", "Coast"), "Coast / Harbour", TITLE, P1, ("By Jane Doe", "22 April 2022"), P2, P3)
    assert title_of(text) == TITLE


def test_a_short_packed_line_is_a_menu_item_or_a_name() -> None:
    text = dump(MENU, ("Jane Doe", "John Smith", "Updated: 05.05.2021, 05:53"), TITLE,
                "The new wall at the harbour entrance (photo)", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_headline_with_a_year_is_not_a_date_line() -> None:
    text = dump(MENU, "Harbour wall to stay until 2029", "Updated: 04.06.2024, 18:22", P1, P2, P3)
    assert title_of(text) == "Harbour wall to stay until 2029"


def test_a_headline_with_its_byline_below_a_widget_blurb() -> None:
    widget = ("Your reading score shows how well informed you are about a subject, from the depth and the number "
              "of the articles you read on it over the last thirty days.")
    text = dump(MENU, widget, "Close", widget, "Coast", TITLE, ("By Jane Doe", "03/05/2022 21:44"), P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_name_with_a_date_under_it_below_the_prose_start_is_not_a_title() -> None:
    caption = ("Photo: Archives. The scooters parked along the harbour wall last summer, before the council "
               "decided to rebuild it after the winter storms broke it in two places.")
    text = dump(MENU, TITLE, ("[Home]", "[Coast]"), caption, "Jane Doe", "19 February 2020", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_teaser_with_blurb_and_date_after_the_text_is_not_a_title() -> None:
    teasers = []
    for headline in ("Road blocked over missing repairs", "Young man shot after resisting a robbery",
                     "Quicksand on the beach again today"):
        teasers += [headline, f"{headline} yesterday, near the exit towards the north, where hundreds of.",
                    "27 April 2022"]
    text = dump(MENU, ("Home", "News"), TITLE, ("JD", "26 April 2022 - 8:10 pm"), P1, P2, "Recommended", *teasers)
    assert title_of(text) == TITLE


def test_a_headline_cut_short_in_the_trail_is_read_in_full_below() -> None:
    long_title = 'Mayor on the harbour wall: "Work starts in May, the storms broke it in two places"'
    cut = 'Mayor on the harbour wall: "Work starts in May, the storms broke it ...'
    text = dump((*MENU, "Coast", cut, "Interview"), long_title, P1, P2, P3)
    assert title_of(text) == long_title


def test_teasers_and_a_question_headline_do_not_open_the_run_of_prose() -> None:
    teasers = tuple(f"Story number {n} of the latest news on the coast…" for n in range(12))
    question = "Will the harbour wall be rebuilt before the next winter storms?"
    text = dump(MENU, *teasers, ("Home", "Coast"), question, ("By Jane Doe", "4 May 2021"), P1, P2, P3)
    assert title_of(text) == question


def test_the_headline_right_above_the_text_beats_a_promo_heading_further_up() -> None:
    text = dump(MENU, "Our best offer for new readers", ("Sport", "Video"), "Coast", TITLE, P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_byline_with_a_time_right_above_the_text_is_not_the_headline() -> None:
    text = dump(MENU, TITLE, "Coast column 11:00, today - read in French", P1, P2, P3)
    assert title_of(text) == TITLE


def test_interface_buttons_are_not_headlines() -> None:
    text = dump(MENU, "See more", "Place an ad", TITLE, ("Coast", "Jane Doe"), P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_long_date_line_under_the_headline_is_its_meta_line() -> None:
    promo = ("Digital edition", "Articles of the paper", "Archives", "Front pages since 1973", "My subscription")
    text = dump(MENU, "Subscribers edition", promo, "Politics", TITLE, "27 October 2012 at 18:27 (Updated on that day at 19:56)",
                "The mayor on the harbour, 27 October 2012 (Photo Jane Doe)", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_dated_meta_line_with_a_time_or_a_reading_time_is_not_the_headline() -> None:
    meta = "Harbour town - May 22, 2022 | 12:01 a. m. | 9 min read"
    text = dump(MENU, "Coast", TITLE, meta, "By Jane Doe", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_caption_closed_by_an_agency_credit_is_not_the_headline() -> None:
    caption = "Damage caused by the storm on the harbour wall of the old port — Jane Doe/AP"
    text = dump(MENU, TITLE, ("Coast", "Share", "Tweet"), caption, "12 May 2020 - By Jane Doe", P1, P2, P3)
    assert title_of(text) == TITLE


def test_the_standfirst_under_the_headline_is_not_the_headline() -> None:
    headline = "Harbour wall to be rebuilt after storms 'broke it in two places'"
    standfirst = "The council has voted to rebuild the wall across four harbours as the port seeks to stay open all year"
    text = dump(MENU, headline, standfirst, ("Bookmark", "Share", "Coast", "By", "Jane Doe"), P1, P2, P3)
    assert title_of(text) == headline


def test_a_kicker_over_the_headline_does_not_take_its_date_as_a_standfirst_would() -> None:
    text = dump(MENU, "The inside story", TITLE, "12 May 2020", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_labelled_trails_last_crumb_gives_way_to_the_headline_below() -> None:
    seo = "Coast: Harbour wall - rebuilt after the storms, mayor is glad"
    headline = "Harbour wall rebuilt after the storms - the mayor is glad"
    text = dump(MENU, ("You are here:", "Coast Times Home", "Coast"), seo, ("3 comments", "More", "Close"),
                "04.05.20 14:50", "Coast", headline, "The wall broke in two places; the work starts in May and lasts long",
                P1, P2, P3)
    assert title_of(text) == headline


def test_a_short_section_heading_right_above_the_text_is_not_the_headline() -> None:
    text = dump(MENU, "Coast", TITLE, ("Jane Doe", "12 May 2020", "Share"), "Key points", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_count_and_a_year_in_a_headline_are_not_a_date_line() -> None:
    listicle = "34 Harbour Walls to Visit in 2025"
    text = dump(MENU, listicle, "By Jane Doe", "12 May 2025", P1, P2, P3)
    assert title_of(text) == listicle


def test_a_date_line_with_a_year_is_still_not_a_title() -> None:
    text = dump(MENU, "Tuesday 12 May 2025", TITLE, "By Jane Doe", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_header_above_a_long_table_of_contents_is_still_found() -> None:
    contents = tuple(f"{n}. Step number {n} of the harbour works" for n in range(1, 31))
    text = dump(MENU, TITLE, "By Jane Doe | Coast | 8 min read", "Contents", contents, P1, P2, P3, P4)
    assert title_of(text) == TITLE


def test_a_line_far_above_the_text_without_a_byline_under_it_is_not_the_title() -> None:
    filler = tuple(f"Harbour shop number {n} is open on Sundays" for n in range(1, 31))
    text = dump(MENU, "Visit the old harbour shops", filler, TITLE, "12 May 2025", P1, P2, P3)
    assert title_of(text) == TITLE


def test_the_document_title_on_the_first_line_names_the_headline() -> None:
    promo = "Sign up to our daily newsletter for the best of the coast"
    text = dump(f"{TITLE} - The Coast Courier", MENU, TITLE, "The harbour will close for eight months", promo,
                "By Jane Doe", P1, P2, P3)
    assert title_of(text) == TITLE
    first = articlex.extract(text)
    assert first.body.split("\n\n")[0] == P1


def test_a_first_line_printed_nowhere_else_names_no_headline() -> None:
    text = dump("The Coast Courier - news from the harbour towns", MENU, TITLE, "12 May 2020", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_long_headline_closed_by_a_quote_beats_a_kicker() -> None:
    headline = ("Council backs the harbour deal. Mayor: the port will stay open to every boat through the works and "
                "after them\"")
    text = dump((*MENU, "HARBOUR AND WHAT NEXT?"), headline, ("Coast", "published: 2021-04-29 17:13"), P1, P2, P3)
    assert title_of(text) == headline


def test_a_first_line_repeated_as_a_menu_item_is_no_document_title() -> None:
    text = dump("Skip to main content", MENU, ("Skip to main content", "Log in"), TITLE, "12 May 2020", P1, P2, P3)
    assert title_of(text) == TITLE


SERVICE = "Harbour repair services for small ports"


def service_page() -> str:
    """A page of sections: the headline over a short pitch, then sections whose longest prose runs
    under a later heading."""
    steps = ("Survey of the site", "Written quote", "Repair works", "Follow-up visit", "Yearly check")
    kinds = ("Harbour walls", "Piers and jetties", "Slipways", "Breakwaters", "Lock gates")
    return dump(MENU, SERVICE, P1, "Our approach", "From the first visit to the last check", steps, P2,
                "What we repair", "Every structure a small port relies on", kinds,
                "Walls, piers and slipways", P3, P4, P1, P2, P3, P4)


def test_a_section_heading_over_the_longest_prose_is_not_the_headline() -> None:
    assert title_of(service_page()) == SERVICE


def test_a_headline_with_its_date_under_it_stays_below_a_paragraph() -> None:
    text = dump(MENU, "Storm season", P4, "Read the week's other stories in our newsletter", P2, TITLE, "12 May 2020",
                P1, P2, P3, P4)
    assert title_of(text) == TITLE


def test_the_document_title_names_the_headline_printed_after_a_kicker() -> None:
    """A dump that opens with the document title (html-text) names the headline the page prints
    after a kicker, over a line of tags printed twice."""
    teaser = "Budget 2021 local elections 2020 storm season in the north"
    text = dump(TITLE, (*MENU, teaser), "Live", teaser, f"Coast: {TITLE}", "Coast desk 11:00, today", P1, P2, P3)
    assert title_of(text) == f"Coast: {TITLE}"


def test_a_trail_ending_with_the_document_title_is_no_kicker() -> None:
    text = dump(TITLE, MENU, f"Home / Coast / {TITLE}", TITLE, "12 May 2020", P1, P2, P3)
    assert title_of(text) == TITLE


def test_the_headline_names_what_the_text_is_about_a_widget_heading_does_not() -> None:
    """A heading right above the text that shares no word with it ('Stay connected with us', a
    form's or a widget's) loses to the headline over it that names the text's subject."""
    text = dump(MENU, TITLE, "Stay connected with our newsletter", P1, P2, P3, P4)
    assert title_of(text) == TITLE


def test_a_headline_ending_on_an_initialism_is_no_sentence() -> None:
    headline = "Storm floods the subway lines under N.Y.C."
    text = dump(MENU, "Supported by", headline, "By Jane Doe", "Feb. 21, 2019", P1, P2, P3)
    assert title_of(text) == headline


def test_a_name_over_the_date_makes_a_header_far_above_the_longest_prose() -> None:
    sections = [("Harbour works", "- Bug 101 fixed in the crane software", "- Bug 102 fixed in the gates")] * 6
    long_run = [P1 + " " + P2, P3 + " " + P4, P2 + " " + P1, P4 + " " + P3]
    text = dump(MENU, "Coast Weekly", TITLE, ("Jane Doe", "December 18, 2020"), "2 responses", P1,
                *[x for s in sections for x in (s[0], s[1:])], "Dredging the channel", *long_run)
    assert title_of(text) == TITLE


def test_a_standfirst_and_the_authors_name_between_the_headline_and_the_date() -> None:
    teasers = ("Port reopens after the storm season ends", "Ferry prices rise again for the summer")
    specs = [f"Spec {n}: {n * 10} tonnes" for n in range(30)]
    text = dump(MENU, *teasers, TITLE, "But the fishermen want a schedule first.", ("Jane Doe, @janedoe",
                "11.03.17 in Coast"), "Harbour wall", "Get more info", tuple(specs), "Key facts",
                P1 + " " + P2, P3 + " " + P4, P2 + " " + P1)
    assert title_of(text) == TITLE


def test_an_account_link_over_the_date_is_no_headline() -> None:
    text = dump(MENU, "Sign in", "Monday, Feb 1, 2015 11:57 AM UTC", TITLE, "The port will stay open.", P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_follow_button_between_the_authors_name_and_the_date() -> None:
    text = dump("Sign up", TITLE, ("Jane Doe", "Follow", "Oct 18, 2019 · 8 min read"), "Why the wall matters",
                P1, P2, P3)
    assert title_of(text) == TITLE


def test_a_guide_whose_longest_section_runs_far_under_its_introduction() -> None:
    contents = tuple(f"{n}. Step {n} of the works" for n in range(1, 21))
    section = [" ".join((P1, P2, P3, P4))] * 4
    text = dump(MENU, "Get the app", TITLE, P1 + " " + P2, P3 + " " + P4, P2 + " " + P3, "Contents", contents,
                "Why the wall broke",
                P3, "Step 1 of the works", *section)
    assert title_of(text) == TITLE


def test_a_short_headline_the_document_title_announces() -> None:
    text = dump("Dental care | Riverside Clinic", ("Riverside Clinic", "Services", "Dental care", "Contact"),
                "Dental care", tuple(f"Treatment {n}: from {n * 10} euros" for n in range(30)),
                "Why families choose our dental team", P1 + " " + P2, P3 + " " + P4, P2 + " " + P3)
    assert title_of(text) == "Dental care"


def test_a_date_in_the_announced_headline_is_no_objection() -> None:
    text = dump("Harbour works: update 2024-07-03 - Coast Forum", MENU, "Harbour works: update 2024-07-03",
                ("Jane Doe", "Posted 3 July 2024"), "Reply from the harbour master", P1, P2, P3)
    assert title_of(text) == "Harbour works: update 2024-07-03"


def test_a_headline_opening_with_a_labels_word() -> None:
    headline = "Home Networks and Cyber Security"
    text = dump(MENU, "Home", headline, ("By Jane Doe", "12 May 2020"), P1, P2, P3)
    assert title_of(text) == headline
    assert title_of(dump(MENU, "Share prices fall again after the storm", "12 May 2020", P1, P2, P3)) \
        == "Share prices fall again after the storm"


def test_a_label_followed_by_words_is_still_a_label() -> None:
    ad, more = "Advertisement Story continues below", "Continue reading the main story"
    assert title_of(dump(MENU, TITLE, ad, P1, ad, P2, ad, P3, P4)) == TITLE
    assert title_of(dump(MENU, TITLE, more, P1, P2, more, P3, P4)) == TITLE
    assert title_of(dump(MENU, "Port reopens", "Comments are closed on this story", P1, P2, P3, P4)) == "Port reopens"


def test_a_cookie_notice_or_a_teaser_above_the_article_does_not_open_the_text() -> None:
    cookie = ("We use cookies and similar technologies to give you the best experience on our website, to measure "
              "traffic and to show you personalised advertising. By clicking accept you agree to this; you can "
              "change your choice at any time in the privacy settings at the bottom of every page.")
    sections = tuple(f"Section {n}" for n in range(30))
    text = dump(MENU, cookie, ("Accept", "Settings"), sections, TITLE, ("By Jane Doe", "12 May 2020"), P1, P2, P3, P4)
    assert title_of(text) == TITLE


def test_a_navigation_word_announced_by_the_first_line_is_no_headline() -> None:
    text = dump("Menu | Search", "Menu", ("News", "Sport"), TITLE, ("By Jane Doe", "12 May 2020"), P1, P2, P3)
    assert title_of(text) == TITLE
