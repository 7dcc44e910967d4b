"""Where the body of an HTML page starts and ends: one small page per rule."""

from __future__ import annotations

import articlex

from support import SENTENCE, paragraphs
from support import budget_page as page


def test_a_rights_stamp_glued_to_the_last_paragraph_is_cut_off() -> None:
    last = (f"<p>Last: {SENTENCE} {SENTENCE} <span>Ultimo aggiornamento: 22:07</span> "
            "<span>© RIPRODUZIONE RISERVATA</span></p>")
    article = articlex.extract(page(paragraphs("text") + last))
    assert article.body.endswith(f"Last: {SENTENCE} {SENTENCE}")


def test_a_paragraph_merely_mentioning_rights_is_kept_whole() -> None:
    last = f"<p>{SENTENCE} The band said 'all rights reserved' was printed on every sleeve they ever sold to fans.</p>"
    article = articlex.extract(page(paragraphs("text") + last))
    assert article.body.endswith("sold to fans.")


def test_headings_after_the_last_paragraph_are_not_body() -> None:
    pulls = "<h4>The story is grim. One could say it is perfectly grim in every way.</h4><h4>Another quote.</h4>"
    article = articlex.extract(page(paragraphs("text") + pulls))
    assert article.body.endswith(f"text 2: {SENTENCE}")


def test_loose_text_in_a_box_after_the_paragraphs_is_not_body() -> None:
    disclaimer = ("<div>The site is not responsible for the opinions, statements or media content presented by "
                  "contributors. In case of abuse, click here to report.</div>")
    article = articlex.extract(page(paragraphs("text") + "<p>GIS</p>" + disclaimer))
    assert article.body.endswith(f"text 2: {SENTENCE}")


def test_text_running_in_boxes_keeps_its_last_box() -> None:
    boxes = "".join(f'<div class="para">Box {i}: {SENTENCE}</div>' for i in range(4))
    article = articlex.extract(page(boxes))
    assert article.body.endswith(f"Box 3: {SENTENCE}")


def test_an_appeal_takes_its_box_with_it() -> None:
    appeal = ('<div class="promo-box"><h2>AN INFORMED PUBLIC DECIDES BETTER.</h2>'
              f"<p>We have been doing journalism for a hundred years. {SENTENCE}</p>"
              "<p>Become a subscriber and enjoy exclusive benefits</p></div>")
    article = articlex.extract(page(paragraphs("text") + appeal))
    assert article.body.endswith(f"text 2: {SENTENCE}")


def test_an_author_info_box_is_not_body() -> None:
    bio = f'<div class="author-info"><p>Graduated in journalism. {SENTENCE}</p></div>'
    article = articlex.extract(page(paragraphs("text") + bio))
    assert "Graduated" not in article.body


def test_a_standfirst_class_at_the_top_is_header() -> None:
    dek = f'<p class="article-item-summary">Standfirst: {SENTENCE}</p>'
    article = articlex.extract(page(dek + paragraphs("text")))
    assert article.body.startswith("text 0:")


def test_a_summary_box_of_several_paragraphs_at_the_top_is_body() -> None:
    # An abstract or a summary section opens the text; a standfirst is one paragraph.
    summary = f'<div class="summary"><p>Background: {SENTENCE}</p><p>Methods: {SENTENCE}</p></div>'
    article = articlex.extract(page(summary + paragraphs("text")))
    assert article.body.startswith("Background:") and "Methods:" in article.body


def test_a_standfirst_class_further_down_is_body() -> None:
    box = f'<p class="lead">Lead class: {SENTENCE}</p>'
    article = articlex.extract(page(paragraphs("text", 2) + box + paragraphs("more", 2)))
    assert "Lead class:" in article.body


def test_a_closing_pointer_paragraph_is_the_texts_last() -> None:
    # 'The full report ... here: <link>' closes the text; a 'Share this:' label is too short to be one.
    pointer = "<p>The full report of the harbour office can be downloaded here: <a href='/r.pdf'>report</a></p>"
    share = "<p>Share this: <a href='/s'>Mail</a></p>"
    article = articlex.extract(page(paragraphs("text") + pointer + share))
    assert article.body.endswith("can be downloaded here: report")


def test_a_lead_in_ending_in_a_colon_opens_the_body() -> None:
    lead_in = ("<p>TAYLORVILLE — The following are arrest and accident reports as recorded by the police "
               "department. The blotter is as follows:</p>")
    article = articlex.extract(page(lead_in + paragraphs("report")))
    assert article.body.startswith("TAYLORVILLE")


def test_cards_nested_in_an_article_do_not_outweigh_its_text() -> None:
    cards = "".join(f'<article class="card post-{i}"><p>Card {i}: {SENTENCE} {SENTENCE}</p></article>'
                    for i in range(6))
    html = (f'<html><body><div id="primary"><article class="post-1 single"><h1>Council passes budget</h1>'
            f"<p>Story: {SENTENCE} {SENTENCE} {SENTENCE}</p></article>"
            f'<article class="post-1 more"><h3>You may also like</h3>{cards}</article></div></body></html>')
    article = articlex.extract(html)
    assert article.body.startswith("Story:") and "Card" not in article.body
