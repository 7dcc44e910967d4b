"""The title line of a text dump: small hand-written dumps, one per rule."""

from __future__ import annotations

import articlex
from support import P1, P2, P3, dump

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
