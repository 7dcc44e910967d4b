"""View and comment counts: small pages and dumps written for each rule."""

from __future__ import annotations

import pytest

import articlex
from articlex import Counters

P1 = "The council voted on Tuesday to rebuild the harbour wall after the winter storms broke it in two places."
P2 = "Work will start in May and should last eight months, the mayor said, adding that the port stays open."
P3 = "Fishermen welcomed the decision but asked for a clear schedule so that boats can plan their trips."
TITLE = "Harbour wall to be rebuilt after the storms"


def dump(*header: str, above: tuple[str, ...] = ()) -> str:
    """A dump: menu, lines above the title, the title, header lines packed together, the text."""
    return "\n\n".join(("Home\nNews\nSport", *above, TITLE, "\n".join(header), P1, P2, P3)) + "\n"


def counters(text: str) -> Counters:
    return articlex.extract(text).counters


@pytest.mark.parametrize("line", ["1e309 views", "Views: 1e309", "mp3 views"])
def test_a_number_glued_to_letters_is_no_count(line: str) -> None:
    assert counters(dump("By Jane Doe", line)) == Counters()
    html = f"<html><body><h1>{TITLE}</h1><div>{line}</div><p>{P1}</p><p>{P2}</p></body></html>"
    assert articlex.extract(html).counters == Counters()


def test_number_and_label_on_separate_lines() -> None:
    assert counters(dump("12 May 2020", "2.289", "reads", "No comments")) == Counters(views=2289, comments=0)


def test_a_share_count_is_not_a_comment_count() -> None:
    assert counters(dump("12 May 2020", "520", "SHARES", "1k", "views")) == Counters(views=1000)


def test_bare_icon_counts_the_largest_is_views_the_first_other_comments() -> None:
    assert counters(dump("12 May 2020", "8 min read", "1", "0", "704")) == Counters(views=704, comments=1)


def test_bare_zeros_are_comments() -> None:
    assert counters(dump("12 May 2020 21:44", "0", "0")) == Counters(comments=0)


def test_a_decimal_or_a_number_with_a_word_is_not_an_icon_count() -> None:
    assert counters(dump("12 May 2020", above=("540,91\n13 °C\n1 live",))) == Counters()


def test_a_count_opening_a_line_its_label_ends() -> None:
    assert counters(dump("12 May 2020", "6 Coastal-community comments")) == Counters(comments=6)


def test_a_count_later_in_the_line_is_not_the_leading_number() -> None:
    assert counters(dump("2 days ago 5 comments")) == Counters(comments=5)


def test_a_number_leading_the_reading_time_is_the_views() -> None:
    assert counters(dump("Jane Doe 20 hours ago", "184 2 minute read")) == Counters(views=184)


def test_a_labelled_counter_above_the_title_is_in_reach() -> None:
    above = ("Coast\n12 May 2020\n1.2k views\n3 comments\nShare\nTweet\nEmail",)
    assert counters(dump("By Jane Doe", above=above)) == Counters(views=1200, comments=3)


def test_a_count_glued_to_the_date() -> None:
    assert counters(dump("Jane Doe - 4 November 202058")) == Counters(comments=58)
    assert counters(dump("Budget 2021", "By Jane Doe")) == Counters()


def _far_header(box: str) -> str:
    links = "".join(f"<div><a href='/t{n}'>Tag {n}</a></div>" for n in range(8))
    return (f"<html><body><div class='meta'>{box}</div>{links}<h1>{TITLE}</h1>"
            f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></body></html>")


def test_a_single_post_counter_of_the_theme_counts_far_above_the_title() -> None:
    box = ("<div class='td_block_wrap tdb_single_post_views'><style>.x{}</style><div><i></i><span>79</span></div></div>"
           "<div class='td_block_wrap tdb_single_comments_count'><div><a href='#c'><span>0</span></a></div></div>")
    assert articlex.extract(_far_header(box)).counters == Counters(views=79, comments=0)


def test_a_plain_counter_class_far_above_the_title_is_another_articles() -> None:
    assert articlex.extract(_far_header("<div class='post-views'>79 views</div>")).counters == Counters()


def test_a_counter_printed_in_a_button_under_the_title() -> None:
    html = (f"<html><body><h1>{TITLE}</h1><div class='tools'><button class='comments-btn'>See 133 comments</button>"
            f"</div><p class='standfirst'>The mayor said the work starts in May.</p><p>{P1}</p><p>{P2}</p></body></html>")
    assert articlex.extract(html).counters == Counters(comments=133)


def test_a_number_over_a_reading_time_label_is_the_reading_time() -> None:
    assert counters(dump("July 16, 2025", "•", "10", "min read")) == Counters()


def test_a_number_set_apart_over_a_heading_is_a_steps_number() -> None:
    # '1' / 'Consultation': the page numbers its steps; icon counts are packed with the meta line.
    text = "\n\n".join(("Home\nNews", TITLE, "12 May 2020", "1", "Survey of the wall", P1, P2, P3)) + "\n"
    assert counters(text) == Counters()
    assert counters(dump("12 May 2020", "1", "By Jane Doe")) == Counters(comments=1)
