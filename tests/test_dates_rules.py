"""Dates (issue 10 and 11): each rule on a small page of our own, as a text dump and as HTML."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlex
from articlex.fields import dates as date_rules
from articlex.fields.dates import parse_date
from articlex.lexicon import LANGUAGES
from articlex.text import date_span

PROSE_FR = ("Le conseil municipal a voté le nouveau budget après un long débat qui a duré jusque tard dans "
            "la nuit, sous les yeux de nombreux habitants venus assister à la séance publique.")
PROSE_EN = ("The council voted on the new budget after a long debate that lasted well into the night, "
            "watched by many residents who had come to follow the public session.")


def dump(*header: str, prose: str = PROSE_EN, title: str = "Council adopts the budget after a long night") -> str:
    """A text dump: a menu, the headline, header lines, then three paragraphs."""
    lines = ["Home", "News", "Politics", "", title, "", *header, "", prose, "", prose, "", prose]
    return "\n".join(lines)


def html(*header: str, head: str = "", prose: str = PROSE_EN, lang: str = "en") -> str:
    meta = "".join(f"<p>{line}</p>" for line in header)
    paras = "".join(f"<p>{prose}</p>" for _ in range(3))
    return (f"<!doctype html><html lang='{lang}'><head>{head}</head><body><h1>Council adopts the budget "
            f"after a long night</h1>{meta}<article>{paras}</article></body></html>")


def both(*header: str, prose: str = PROSE_EN) -> list[articlex.Article]:
    lang = "fr" if prose is PROSE_FR else "en"
    return [articlex.extract(dump(*header, prose=prose)), articlex.extract(html(*header, prose=prose, lang=lang))]


@pytest.mark.parametrize("line, day", [
    ("08/03/2020 15h30", date(2020, 3, 8)),                    # a clock time, not "15 hours ago"
    ("28 luglio 202010:43", date(2020, 7, 28)),               # year and time glued
    ("19.11.202119.11.2021", date(2021, 11, 19)),             # two dates glued
    ("27 abril, 202227 abril, 2022", date(2022, 4, 27)),
])
def test_glued_and_clock_forms_are_read(line: str, day: date) -> None:
    for article in both(line, prose=PROSE_FR):
        assert article.published is not None and article.published.date() == day, line


def test_abbreviated_month_with_a_two_digit_year() -> None:
    for article in both("Publié le 27 Mar 20 à 9:21", prose=PROSE_FR):
        assert article.published.date() == date(2020, 3, 27)


def test_a_month_word_of_another_language_is_not_read_as_a_weekday() -> None:
    # 'mar' is Tuesday in French: read in French alone, the day came out in the current month.
    assert parse_date("27 Mar 2020", written=True, language="fr").date() == date(2020, 3, 27)
    assert parse_date("mardi 3 mars 2020", written=True, language="fr").date() == date(2020, 3, 3)


def test_day_first_when_the_language_is_undecided() -> None:
    assert parse_date("03/05/2022 22:46", written=True).date() == date(2022, 5, 3)
    assert parse_date("03/05/2022", written=True, language="en").date() == date(2022, 3, 5)  # the language's order


def test_a_parse_equal_to_now_is_refused() -> None:
    now = datetime(2025, 6, 1, 12, 0, tzinfo=timezone.utc)
    assert parse_date("now", written=True, language="en", now=now) is None
    assert parse_date("2 hours ago", written=True, language="en", now=now) == datetime(2025, 6, 1, 10, 0)


def test_the_publication_stamp_wins_over_the_update_stamp() -> None:
    for article in both("Updated: 5 May 2021, 05:53", "Published: 4 May 2021"):
        assert article.published.date() == date(2021, 5, 4)


def test_a_full_date_under_the_title_wins_over_a_month_or_a_date_bar_above_it() -> None:
    text = "\n".join(["Home", "27 April 2022", "06/2019", "", "Council adopts the budget after a long night", "",
                      "26 April 2022 - 8:10 pm", "", PROSE_EN, "", PROSE_EN, "", PROSE_EN])
    assert articlex.extract(text).published.date() == date(2022, 4, 26)


def test_a_date_line_after_the_lead_is_still_the_articles() -> None:
    for article in both("27 octobre 2012 à 18:27 (Mis à jour: 19:56)", prose=PROSE_FR):
        assert article.published.date() == date(2012, 10, 27)


def test_the_shown_date_wins_over_metadata_of_another_day() -> None:
    head = "<meta name='date' content='2020-04-29T11:52:23'>"
    article = articlex.extract(html("Stand: 28.04.2020 18:00 Uhr", head=head))
    assert article.published.date() == date(2020, 4, 28)
    # an article's own statement (OpenGraph, JSON-LD) is not overruled by a display date
    head = "<meta property='article:published_time' content='2015-09-17T16:57:43+01:00'>"
    article = articlex.extract(html("Friday 25 December 2015", head=head))
    assert article.published.date() == date(2015, 9, 17)
    # the same instant printed in local time keeps the metadata's value
    head = "<meta property='article:published_time' content='2022-05-04T00:44:52+00:00'>"
    article = articlex.extract(html("May 3, 2022 21:37", head=head))
    assert article.published.isoformat() == "2022-05-04T00:44:52+00:00"


def test_every_date_is_timezone_aware_and_says_when_utc_was_assumed() -> None:
    text, markup = both("Published: 4 May 2021")
    head = "<meta property='article:published_time' content='2021-05-04T10:00:00+02:00'>"
    stated = articlex.extract(html("Published: 4 May 2021", head=head))
    for article in (text, markup, stated):
        assert article.published.utcoffset() is not None
    assert any("UTC" in w for w in text.warnings)
    assert not any("UTC" in w for w in stated.warnings)
    assert sorted([text.published, stated.published])  # text and HTML dates sort together


def test_naive_now_is_taken_as_utc() -> None:
    article = articlex.extract(dump("Published: 4 May 2021"), now=datetime(2025, 1, 1))
    assert article.published.date() == date(2021, 5, 4)
    assert articlex.extract(dump("Published: 4 May 2021"), now=datetime(2021, 1, 1)).published is None


@pytest.mark.parametrize("line, span", [
    ("Publié le 27 Mar 20 à 9:21", "27 Mar 20"),
    ("12 mars 20 personnes", None),  # a count after a month word is no year
    ("In 2020 20 people came", None),
])
def test_date_span_shapes(line: str, span: str | None) -> None:
    assert date_span(line) == span


def test_an_update_line_gives_the_modified_date() -> None:
    for article in both("Published: 4 May 2021", "Updated: 6 May 2021"):
        assert article.published.date() == date(2021, 5, 4)
        assert article.modified.date() == date(2021, 5, 6)
    head = "<meta property='article:modified_time' content='2021-05-07T10:00:00+00:00'>"
    assert articlex.extract(html("Updated: 6 May 2021", head=head)).modified.date() == date(2021, 5, 7)  # stated wins


def test_a_date_glued_to_the_next_one() -> None:
    assert date_span("Posted on June 29, 2020November 12, 2021") == "June 29, 2020"


def test_a_date_with_commas_between_its_parts() -> None:
    text, markup = both("26, Abril, 2022", prose=PROSE_FR)
    assert text.published.date() == markup.published.date() == date(2022, 4, 26)


# --- The shortcut before dateparser (issue 12) ----------------------------------------------------


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[str, str | None]:
    """A date written out in one of the lexicon languages (or undecided), in the shapes the
    shortcut reads and a few it must leave to dateparser (a day past the month's end, a 13 pm)."""
    language = draw(st.sampled_from([*LANGUAGES, None]))
    words = date_rules._date_words(language or "en")
    month = draw(st.sampled_from(sorted(words.months)))
    day = f"{draw(st.integers(min_value=1, max_value=32))}{draw(st.sampled_from(['', '', 'st', 'nd', 'rd', 'th']))}"
    year = draw(st.sampled_from([1899, 1999, 2019, 2024, 2101]))
    order = draw(st.sampled_from(["{m} {d} {y}", "{d} {m} {y}", "{d}. {m} {y}", "{m}. {d}, {y}", "{d} {m}, {y}"]))
    text = order.format(m=month, d=day, y=year)
    if draw(st.booleans()):
        text = f"{draw(st.sampled_from(sorted(words.weekdays)))}, {text}"
    if draw(st.booleans()):
        clock = f"{draw(st.integers(0, 24))}:{draw(st.integers(0, 59)):02d}"
        if draw(st.booleans()):
            clock += draw(st.sampled_from(["", " "])) + draw(st.sampled_from(sorted(words.meridians)))
        if draw(st.booleans()):
            clock += " " + draw(st.sampled_from(ZONES))
        glue = draw(st.sampled_from([" ", ", ", " | ", " • ", *(f" {w} " for w in sorted(words.skipped))]))
        text = f"{clock}{glue}{text}" if draw(st.booleans()) else f"{text}{glue}{clock}"
    elif draw(st.booleans()):
        text += " " + draw(st.sampled_from(ZONES))
    if draw(st.booleans()):
        text = text.upper()
    return text, language


ZONES = ["EST", "ET", "GMT", "UTC", "PST", "PT", "CET", "GMT+0000", "-0600", "+02:00", "est", "Z", "IST", "(UTC)", "WIB"]
"""Time zones as pages print them, a Polish weekday among them ('PT', piątek)."""


@settings(max_examples=600, deadline=None)
@given(written_dates())
def test_the_shortcut_reads_a_written_date_as_dateparser_does(case) -> None:
    text, language = case
    found = date_rules._read_plainly(text, language)
    if found is not None:
        expected = date_rules._parser(language).get_date_data(text).date_obj
        assert found == expected and found.isoformat() == expected.isoformat()


def test_the_shortcut_reads_plain_dates_and_leaves_the_rest_to_dateparser() -> None:
    assert date_rules._plain_date("Wednesday 20 November 2019 9:22 am", "en") == datetime(2019, 11, 20, 9, 22)
    assert date_rules._plain_date("sexta-feira, 22 de outubro de 2010 às 20:13", "pt") == datetime(2010, 10, 22, 20, 13)
    assert date_rules._plain_date("25. September 2018", "de") == datetime(2018, 9, 25)
    assert date_rules._plain_date("November 19, 2019 12:04 am", "en") == datetime(2019, 11, 19, 0, 4)
    assert date_rules._plain_date("10:01 pm, Tuesday, November 19, 2019", "en") == datetime(2019, 11, 19, 22, 1)
    assert date_rules._plain_date_in_zone("Nov. 19, 2019 8:03 am ET", "en").isoformat() == "2019-11-19T08:03:00-05:00"
    assert date_rules._plain_date_in_zone("19 Nov 2019 07:09 GMT", None).isoformat() == "2019-11-19T07:09:00+00:00"
    assert date_rules._plain_date_in_zone("5 stycznia 2019 PT", "pl") is None  # 'pt': piątek, Friday
    # an ordinal day: read where dateparser reads one (English), left to it elsewhere (French)
    assert date_rules._plain_date("November 19th, 2019 at 8:40 AM", "en") == datetime(2019, 11, 19, 8, 40)
    assert date_rules._plain_date("août 1st 1999", "fr") is None
    # undecided (a meta field): read in the language dateparser tries first, as dateparser reads it
    assert date_rules._read_plainly("Tue Nov 19 2019 03:05:46 GMT+0000", None).isoformat() == "2019-11-19T03:05:46+00:00"
    assert date_rules._read_plainly("November 19, 2019, 07:47 PM EST", None).isoformat() == "2019-11-19T19:47:00-05:00"
    for text, language in [("Nov 19, 2019 7:05 AM EST", "en"), ("19.11.2019", "de"), ("vor 2 Stunden", "de"),
                           ("November 31, 2019", "en"), ("mar 5 2019", None), ("Reuters November 18, 2019", "en"),
                           ("am 20. November 2019", "de")]:
        assert date_rules._plain_date(text, language) is None, text
