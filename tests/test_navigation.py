"""Previous / next article: small pages and dumps written for each rule."""

from __future__ import annotations

import articlex

P1 = "The council voted on Tuesday to rebuild the harbour wall after the winter storms broke it in two places."
P2 = "Work will start in May and should last eight months, the mayor said, adding that the port stays open."
P3 = "Fishermen welcomed the decision but asked for a clear schedule so that boats can plan their trips."
OLDER = "Ferry timetable changes for the summer"
NEWER = "Lifeboat crew honoured for night rescue"


def page(body: str, lang: str = "en") -> str:
    return f"<!doctype html><html lang='{lang}'><head></head><body>{body}</body></html>"


def article_html(after: str, lang: str = "en") -> str:
    return page(f"<h1>Harbour wall to be rebuilt after the storms</h1><div class='entry-content'>"
                f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div>{after}", lang)


def dump(*lines: str) -> str:
    return "\n\n".join(("Home", "Harbour wall to be rebuilt after the storms", "12 May 2020", P1, P2, P3, *lines)) + "\n"


# -- HTML -------------------------------------------------------------------------------------------

def test_a_subtitle_span_holding_the_label_is_not_the_title() -> None:
    nav = ("<nav class='navigation post-navigation'><div class='nav-links'><div class='nav-next'>"
           f"<a href='/newer' rel='next'><span class='nav-subtitle'>Nächste:</span> <span class='nav-title'>{NEWER}"
           "</span></a></div></div></nav>")
    article = articlex.extract(article_html(nav), url="https://h.example/story")
    assert article.next == articlex.Link(NEWER, "https://h.example/newer")


def test_label_word_forms_voriger_and_naechster_inhalt() -> None:
    nav = ("<div class='post-navigation'>"
           f"<div class='nav-previous'><a href='/a'>Voriger Inhalt {OLDER}</a></div>"
           f"<div class='nav-next'><a href='/b'>Nächster Inhalt {NEWER}</a></div></div>")
    article = articlex.extract(article_html(nav, "de"), url="https://h.example/story")
    assert (article.previous.text, article.next.text) == (OLDER, NEWER)


def test_unlabelled_theme_links_classed_previous_and_next() -> None:
    nav = f"<div class='single-foot'><a class='previous' href='/a'>{OLDER}</a><a class='next' href='/b'>{NEWER}</a></div>"
    article = articlex.extract(article_html(nav), url="https://h.example/story")
    assert article.previous == articlex.Link(OLDER, "https://h.example/a")
    assert article.next == articlex.Link(NEWER, "https://h.example/b")


def test_slider_buttons_classed_previous_and_next_are_not_navigation() -> None:
    slider = ("<div class='gallery'><a class='previous' href='#'>‹</a><a class='next' href='#'>Next</a></div>"
              "<div class='carousel'><div class='prev'><a href='/c'>Another story in the slider</a></div></div>")
    article = articlex.extract(article_html(slider), url="https://h.example/story")
    assert article.previous is None and article.next is None


# -- text dumps -------------------------------------------------------------------------------------

def test_a_label_printed_twice_before_the_title() -> None:
    article = articlex.extract(dump(f"PrevPrevious article{OLDER}", f"NextNext article{NEWER}"))
    assert (article.previous.text, article.next.text) == (OLDER, NEWER)


def test_a_label_glued_after_the_title() -> None:
    article = articlex.extract(dump(f"{OLDER}Previous article", f"{NEWER} | Next article"))
    assert (article.previous.text, article.next.text) == (OLDER, NEWER)


def test_a_sentence_ending_with_the_word_next_is_not_navigation() -> None:
    article = articlex.extract(dump("Find out what the council plans next"))
    assert article.next is None


def test_a_pager_is_not_article_navigation() -> None:
    article = articlex.extract(dump("Prev Next 1 of 2,585", "Previous 3 / 12"))
    assert article.previous is None and article.next is None


def test_a_label_running_on_as_a_sentence_is_not_a_title() -> None:
    article = articlex.extract(dump("Next story in Cancel", "Read next >"))
    assert article.next is None


def test_a_label_after_an_arrow_ends_the_title() -> None:
    article = articlex.extract(dump(f"{NEWER} → Next article"))
    assert article.next.text == NEWER


def test_bare_labels_side_by_side_are_slider_buttons() -> None:
    text = dump("Previous\nNext\nMore from the Coast Times\nBeach huts for sale")
    article = articlex.extract(text)
    assert article.previous is None and article.next is None


def test_a_sentence_opening_with_the_word_next_is_not_navigation() -> None:
    article = articlex.extract(dump("Next Steps Once You Have a Course Platform", "Contact us",
                                    "Previous, we have seen a course."))
    assert article.previous is None and article.next is None


def test_one_word_labels_on_two_lines_side_by_side_are_navigation() -> None:
    article = articlex.extract(dump(f"Before {OLDER}\nAfter {NEWER}".replace("Before", "Previous").replace("After", "Next")))
    assert (article.previous.text, article.next.text) == (OLDER, NEWER)


def test_both_labels_and_titles_on_one_line() -> None:
    article = articlex.extract(dump(f"← Prev: {OLDER} Next: {NEWER} →"))
    assert article.previous.text == OLDER and article.next.text == NEWER


def test_arrows_glued_to_the_label_or_the_title() -> None:
    article = articlex.extract(dump(f"←Previous: {OLDER}\nNext: {NEWER}→"))
    assert article.previous.text == OLDER and article.next.text == NEWER


def test_a_share_button_under_a_bare_label_is_no_title() -> None:
    assert articlex.extract(dump("Previous\nShare this post\nNext")).previous is None
