"""Recall first: the article's text is kept on pages whose markup hides it, nests it oddly or lays it
out in lists, tables and short lines. One small page of our own per rule."""

from __future__ import annotations

import articlex

from support import SENTENCE, budget_page, jsonld, paragraphs


def wrap(body: str, head: str = "") -> str:
    return (f"<html><head><title>Council passes budget</title>{head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{body}"
            "<footer><p>Contact us at the front desk of the newsroom any weekday.</p></footer></body></html>")


def test_a_button_left_open_does_not_swallow_the_page() -> None:
    # <div></button>: libxml2 keeps the rest of the page inside the button.
    html = wrap("<header><button class='menu'><div>Menu</button></header>"
                f"<main><h1>Council passes budget</h1>{paragraphs('text', 4)}</main>")
    article = articlex.extract(html)
    assert article.title == "Council passes budget"
    assert article.body.count(SENTENCE) == 4


def test_posts_printed_in_noscript_are_read() -> None:
    posts = "".join(f"<div class='post'><p>Post {i}: {SENTENCE}</p></div>" for i in range(4))
    html = wrap(f"<h1>Council passes budget</h1><noscript><div class='topic'>{posts}</div></noscript>")
    article = articlex.extract(html)
    assert article.body.count(SENTENCE) == 4


def test_a_hidden_box_revealed_by_a_script_is_read_when_it_holds_the_page() -> None:
    html = wrap(f"<div style='display:none' id='app'><h1>Council passes budget</h1>{paragraphs('text', 4)}</div>")
    assert articlex.extract(html).body.count(SENTENCE) == 4


def test_a_hidden_box_beside_the_shown_text_stays_hidden() -> None:
    hidden = "<div hidden><p>Subscribe now and get the first month of every edition for half the usual price.</p></div>"
    html = wrap(f"<h1>Council passes budget</h1>{paragraphs('text', 4)}{hidden}")
    article = articlex.extract(html)
    assert "Subscribe" not in article.body
    assert article.body.count(SENTENCE) == 4


def test_a_menu_button_holding_only_its_own_words_is_skipped() -> None:
    html = wrap(f"<button><p>Open the menu</p></button><h1>Council passes budget</h1>{paragraphs('text', 4)}")
    assert "Open the menu" not in articlex.extract(html).body


def sections(count: int, marker: str) -> str:
    return "".join(f"<div class='block-{i}'><h2>Part {i}</h2>{paragraphs(f'{marker} {i}', 1 if i else 6)}</div>"
                   for i in range(count))


def test_text_split_over_sibling_boxes_is_read_whole() -> None:
    # The densest box is the first part; the other parts hold more prose between them.
    html = wrap(f"<main><h1>Council passes budget</h1><div class='text'>{sections(8, 'part')}</div></main>")
    article = articlex.extract(html)
    assert article.body.count(SENTENCE) == 13


def test_readers_comments_do_not_make_a_short_article_short() -> None:
    comments = "".join(f"<li class='forum-post'><p>Reader {i}: {SENTENCE} {SENTENCE}</p></li>" for i in range(12))
    # A short article (MIN_ARTICLE_PROSE and more) under twelve long comments.
    html = wrap(f"<div id='page'><article><h1>Council passes budget</h1>{paragraphs('text', 9)}</article>"
                f"<div class='forum'><ul>{comments}</ul></div></div>")
    article = articlex.extract(html)
    assert article.body.count(SENTENCE) == 9 and "Reader" not in article.body


def test_every_reply_of_a_forum_thread_is_kept() -> None:
    # The question stands apart from the replies (class 'reply'); the headline is above both.
    replies = "".join(f"<div class='reply'><p>Reply {i}: {SENTENCE} {SENTENCE}</p></div>" for i in range(8))
    html = wrap(f"<h1>Council passes budget</h1><div class='question'><p>Question: {SENTENCE}</p></div>{replies}")
    article = articlex.extract(html)
    assert "Question:" in article.body and all(f"Reply {i}:" in article.body for i in range(8))


def test_every_post_of_a_forum_thread_is_kept() -> None:
    posts = "".join(f"<div class='forum-post'><span>user{i}</span><p>Post {i}: {SENTENCE}</p>"
                    f"<p>{SENTENCE}</p></div>" for i in range(6))
    html = wrap(f"<div class='forum-thread'><h1>Council passes budget</h1>{posts}</div>")
    article = articlex.extract(html)
    assert all(f"Post {i}:" in article.body for i in range(6))


def test_the_next_story_of_an_endless_page_is_not_read() -> None:
    story = f"<article><h1>Council passes budget</h1>{paragraphs('text', 3)}</article>"
    others = "".join(f"<article><h1>Other story {i}</h1>{paragraphs(f'other {i}', 3)}</article>" for i in range(3))
    article = articlex.extract(wrap(f"<div class='stream'>{story}{others}</div>"))
    assert article.body.count(SENTENCE) == 3 and "other" not in article.body


def test_a_page_of_testimonials_in_figures_is_its_testimonials() -> None:
    quotes = "".join(f"<figure><blockquote><p>Guest {i}: {SENTENCE}</p></blockquote><figcaption>— Guest {i}"
                     "</figcaption></figure>" for i in range(8))
    html = wrap(f"<div class='col'><h1>Council passes budget</h1>{quotes}</div>")
    article = articlex.extract(html)
    assert all(f"Guest {i}: {SENTENCE}" in article.body for i in range(8))


def test_text_above_a_headline_printed_below_it_is_kept() -> None:
    html = wrap(f"<div class='content'>{paragraphs('text', 5)}<h2>Council passes budget</h2></div>",
                head="<meta property='og:title' content='Council passes budget'>")
    article = articlex.extract(html)
    assert article.body.count(SENTENCE) == 5


def test_sections_of_one_story_in_articles_of_their_own_are_read() -> None:
    steps = "".join(f"<li><p>Step {i}: {SENTENCE}</p></li>" for i in range(8))
    html = wrap(f"<section class='recipe'><article class='intro'><h1>Council passes budget</h1>"
                f"<p>Intro: {SENTENCE}</p></article><article class='steps'><h2>Steps</h2><ol>{steps}</ol></article>"
                "</section>")
    article = articlex.extract(html)
    assert all(f"Step {i}: {SENTENCE}" in article.body for i in range(8))


LEGAL = ("All prices include taxes. Returns are accepted within thirty days of delivery for unworn items with "
         "their tags attached; gift cards and items marked as final sale cannot be returned or exchanged. ")


def test_a_short_product_text_outweighed_by_the_footer_is_the_body() -> None:
    description = ("<p>A light running shoe knit from merino wool, soft on bare feet and washable at thirty degrees.</p>"
                   "<p>The sole is made from sugarcane foam; the laces are recycled bottles. Sizes run true.</p>")
    html = ("<html><head><title>Wool Runner</title></head><body><main><h1>Wool Runner</h1>"
            f"<div class='product-description'>{description}</div></main>"
            f"<div class='site-footer-wrapper'><p>{LEGAL * 3}</p><p>{LEGAL * 2}</p></div></body></html>")
    article = articlex.extract(html)
    assert article.body.startswith("A light running shoe") and "Returns are accepted" not in article.body


def test_a_consent_panel_does_not_outrank_a_short_article() -> None:
    consent = "".join(f"<p>We and our partners store cookies for purpose {i}. {LEGAL}</p>" for i in range(4))
    html = wrap(f"<h1>Council passes budget</h1><div class='story'>{paragraphs('text')}</div>"
                f"<div id='onetrust-consent-sdk'><div class='ot-pc-content'>{consent}</div></div>")
    article = articlex.extract(html)
    assert article.body.count(SENTENCE) == 3 and "cookies" not in article.body


def test_a_page_set_inside_a_dialog_is_read() -> None:
    html = wrap(f"<div role='dialog'><h1>Council passes budget</h1>{paragraphs('text', 4)}</div>")
    assert articlex.extract(html).body.count(SENTENCE) == 4


def test_a_listing_of_short_cards_is_read_whole() -> None:
    cards = "".join(f"<div class='job'><h3>Backend engineer {i}</h3><div>Remote</div><div>Full-time</div>"
                    f"<div>$90,000 - $120,000 a year</div><div>Posted {i} days ago</div></div>" for i in range(1, 9))
    html = wrap(f"<main><h1>Remote programming jobs</h1><p>Open roles, updated daily.</p>"
                f"<div class='jobs'>{cards}</div></main>")
    article = articlex.extract(html)
    assert "Backend engineer 1" in article.body and "Posted 8 days ago" in article.body
    assert "Contact us" not in article.body and "Home" not in article.body


def test_a_product_text_is_not_joined_by_its_price_box() -> None:
    description = (f"<div class='description'><p>{SENTENCE}</p><p>{SENTENCE}</p><ul><li>Cotton, washed twice</li>"
                   "<li>Made in Portugal</li></ul></div>")
    prices = "<div class='buy'><div>€132.34</div><div>Add to cart</div><div>In stock</div></div>"
    article = articlex.extract(wrap(f"<main><h1>Council passes budget</h1>{prices}{description}</main>"))
    assert article.body.startswith(SENTENCE) and "€132.34" not in article.body


def test_sections_wrapping_each_paragraph_are_read_as_one_text() -> None:
    def section(name: str, count: int) -> str:
        paras = "".join(f"<div class='paragraph'><p>{name} {i}: {SENTENCE * count}</p></div>" for i in range(2))
        lines = "".join(f"<div class='paragraph'><p>{name} patch {i} merged</p></div>" for i in range(6))
        return f"<div class='sect1'><h2>{name}</h2><div class='sectionbody'>{paras}{lines}</div></div>"

    html = wrap(f"<article><h1>Council passes budget</h1><div class='content'>{section('First', 1)}"
                f"{section('Second', 8)}{section('Third', 1)}</div></article>")
    body = articlex.extract(html).body
    assert "First 0:" in body and "First patch 5 merged" in body and "Second 1:" in body and "Third 1:" in body


def test_a_story_paragraph_in_a_box_before_the_main_one_is_text() -> None:
    steps = "".join(f"<div class='step'><div>Step {i}</div><div>{SENTENCE} It takes {i} hours.</div></div>"
                    for i in range(1, 7))
    html = wrap("<main><h1>Council passes budget</h1><p>What the new budget pays for</p><div>By Jane Smith</div>"
                f"<div class='intro'><p>Opening: {SENTENCE} {SENTENCE}</p></div><div class='widget'>{steps}</div>"
                f"<div class='article-body'><h2>What comes next</h2><p>Closing: {SENTENCE}</p></div></main>")
    body = articlex.extract(html).body
    assert body.startswith("Opening:") and "It takes 6 hours." in body and body.endswith(f"Closing: {SENTENCE}")


def test_a_sentence_opening_with_a_tag_label_leads_into_its_list() -> None:
    items = "".join(f"<li>Safety rule {i} on building sites</li>" for i in range(1, 6))
    article = articlex.extract(budget_page(f"{paragraphs('intro')}<p>Topics Include:</p><ul>{items}</ul>"
                                           f"{paragraphs('outro')}"))
    assert "Safety rule 5 on building sites" in article.body and "outro 2:" in article.body


def test_cards_printed_as_articles_below_an_introduction_are_the_listing() -> None:
    cards = "".join(f"<article class='card'><h3>The best desk lamp of {2015 + i}</h3><p>by Jane Smith</p>"
                    f"<p>We tested {i + 10} lamps over a month of evenings.</p></article>" for i in range(8))
    html = wrap(f"<article><h1>Council passes budget</h1><div class='intro'><p>{SENTENCE * 3}</p></div>"
                f"<div class='grid'>{cards}</div></article>")
    body = articlex.extract(html).body
    assert body.startswith(SENTENCE) and "The best desk lamp of 2022" in body and "17 lamps" in body


def test_a_document_in_sections_of_subsections_is_read_whole() -> None:
    def section(name: str, subsections: int, sentences: int) -> str:
        subs = "".join(f"<section><h3>{name} part {i}</h3><p>{name} {i}: {SENTENCE * sentences}</p></section>"
                       for i in range(subsections))
        return f"<section><h2>{name}</h2><p>{name} opening: {SENTENCE}</p>{subs}</section>"

    html = wrap(f"<div class='body'><section><h1>Council passes budget</h1><p>Lead: {SENTENCE}</p>"
                f"{section('Basics', 1, 2)}{section('Advanced', 4, 3)}{section('Reference', 1, 2)}</section></div>")
    body = articlex.extract(html).body
    assert body.startswith("Lead:") and "Basics 0:" in body and "Advanced 3:" in body and "Reference 0:" in body


def test_a_next_steps_subheading_over_more_text_does_not_end_it() -> None:
    article = articlex.extract(budget_page(f"{paragraphs('before')}<h3>Next Steps</h3>{paragraphs('after')}"))
    assert "Next Steps" in article.body and article.body.endswith(f"after 2: {SENTENCE}")


REVIEW = "I bought this pack for day hikes and it holds everything I need; the straps stay comfortable all day. "


def test_customer_reviews_do_not_outrank_a_short_product_text() -> None:
    reviews = "".join(f"<div class='individual-review'><p>{REVIEW * 2}</p><p>Rated {i} by a buyer</p></div>"
                      for i in range(6))
    html = wrap("<main><h1>Trail 25 pack</h1><div class='details'><p>Keep your gear within reach in a pack made for"
                " every body, with pockets galore.</p><ul><li>25 liters</li><li>Rain cover included</li></ul></div>"
                f"<div class='product-reviews'><h2>Reviews</h2>{reviews}</div></main>")
    body = articlex.extract(html).body
    assert body.startswith("Keep your gear") and "25 liters" in body and "day hikes" not in body


def test_a_critics_review_is_the_article() -> None:
    html = wrap(f"<main><h1>Council passes budget</h1><div class='review-body'>{paragraphs('review', 5)}</div></main>")
    assert articlex.extract(html).body.count(SENTENCE) == 5


def test_a_legal_notice_does_not_outrank_a_short_text() -> None:
    html = wrap("<main><h1>Council passes budget</h1><div class='about'><p>A game of squads and legends, free to"
                " play on every console, with new heroes each season.</p></div>"
                f"<div id='game_area_legal'><p>{LEGAL * 4}</p></div></main>")
    body = articlex.extract(html).body
    assert body.startswith("A game of squads") and "Returns are accepted" not in body


def test_a_forum_thread_classed_as_comments_is_the_page() -> None:
    posts = "".join(f"<div class='post'><h3>member{i}</h3><p>Post {i}: {SENTENCE}</p></div>" for i in range(6))
    html = wrap(f"<header><h1>Council passes budget</h1><p>Started by member0</p></header><div id='comments'>{posts}</div>"
                f"<div class='about'><p>About this board: {SENTENCE} {SENTENCE} {SENTENCE}</p></div>")
    body = articlex.extract(html).body
    assert all(f"Post {i}:" in body for i in range(6))


def test_a_short_post_marked_as_the_text_is_not_outweighed_by_its_comments() -> None:
    comments = "".join(f"<li class='comment'><p>Reader {i}: {SENTENCE}</p></li>" for i in range(8))
    html = wrap(f"<article><h1>Council passes budget</h1><div class='entry-content'><p>Open thread: {SENTENCE}</p>"
                f"<p>{SENTENCE}</p><p>{SENTENCE}</p></div></article><div id='comments'><ol>{comments}</ol></div>")
    body = articlex.extract(html).body
    assert body.startswith("Open thread:") and "Reader" not in body


def test_the_replies_of_a_page_declared_a_forum_posting_are_its_text() -> None:
    # A long opening post: without the declaration, the replies would read as comments after an article.
    forum = jsonld('{"@context": "https://schema.org", "@type": "DiscussionForumPosting", "headline": "Council passes budget"}')
    opening = "".join(f"<p>Opening {i}: {SENTENCE} {SENTENCE}</p>" for i in range(5))
    replies = "".join(f"<div class='comment'><h4>member{i}</h4><div class='message'><p>Reply {i}: {SENTENCE} {SENTENCE}</p>"
                      f"</div></div>" for i in range(6))
    page = (f"<main><h1>Council passes budget</h1><div class='message'>{opening}</div>"
            f"<h2>Comments</h2><div class='comments'>{replies}</div></main>")
    declared = articlex.extract(wrap(page, forum))
    assert declared.kind == "forum" and "Opening 0:" in declared.body and "Reply 5:" in declared.body
    article = articlex.extract(wrap(page))
    assert "Opening 4:" in article.body and "Reply" not in article.body


def test_a_paragraph_leading_into_a_quotation_opens_the_text() -> None:
    lead = "<p>On the second of March, the harbour master sent this note to every boat owner in town:</p>"
    quote = f"<blockquote><p>[…]</p><p>{SENTENCE}</p></blockquote>"
    article = articlex.extract(wrap(f"<h1>Council passes budget</h1><div class='entry-content'>{lead}{quote}"
                                    f"{paragraphs('text', 3)}</div>"))
    assert article.body.startswith("On the second of March")


def test_a_data_table_in_a_figure_is_text_dates_and_all() -> None:
    # Editors wrap tables in <figure>; a row holding a date is a row of data, not a date line.
    rows = "".join(f"<tr><td>{m}/1/2024</td><td>+{m}.5%</td></tr>" for m in range(1, 7))
    table = f"<figure class='wp-block-table'><table><tbody>{rows}</tbody></table><figcaption>Source: the council</figcaption></figure>"
    body = articlex.extract(budget_page(f"{paragraphs('first')}{table}{paragraphs('second')}")).body
    assert "1/1/2024 | +1.5%" in body and "6/1/2024 | +6.5%" in body and "second 2:" in body
    assert "Source: the council" not in body


def test_a_long_code_listing_does_not_outweigh_the_paragraphs_around_it() -> None:
    # A tutorial: the box of its text is found by its paragraphs; the listing stays in it.
    listing = "<div class='highlight'><pre>" + "\n".join(f"$ harbour-cli build step {i} --verbose --output=./dist/wall"
                                                       for i in range(40)) + "</pre></div>"
    page = (f"<main><h1>Council passes budget</h1><article class='md-content'>{paragraphs('before', 2)}{listing}"
            f"{paragraphs('after', 2)}</article></main>")
    body = articlex.extract(wrap(page)).body
    assert body.startswith("before 0:") and "step 39" in body and "after 1:" in body


def test_a_quotation_is_text_whatever_its_class_names() -> None:
    note = f"<blockquote class='blockquote-tag blockquote-tag-note'><p>Note</p><p>{SENTENCE}</p></blockquote>"
    body = articlex.extract(budget_page(f"{paragraphs('first')}{note}{paragraphs('second')}")).body
    assert "Note\n\nThe council" in body and "second 2:" in body


def test_paragraphs_boxed_apart_under_the_headline_open_the_text() -> None:
    # A question above its answers: the answers' box holds more prose, the question is still the text.
    question = (f"<div class='question'><p>I have a problem with the harbour wall permit.</p><p>Question: {SENTENCE} "
                f"{SENTENCE}</p><p>What am I missing in the forms?</p></div><ul class='tags'><li><a href='/t/1'>permits</a>"
                f"</li><li><a href='/t/2'>harbour</a></li></ul><div class='user'>asked by Ann</div>")
    answers = "".join(f"<div class='answer'><p>Answer {i}: {SENTENCE} {SENTENCE}</p><p>{SENTENCE}</p></div>"
                      for i in range(4))
    page = f"<main><h1>Council passes budget</h1><div class='votes'>3</div><div class='meta'>Viewed 3k times</div>{question}<h2>4 Answers</h2><div id='answers'>{answers}</div></main>"
    body = articlex.extract(wrap(page)).body
    assert body.startswith("I have a problem") and "What am I missing" in body and "Answer 3:" in body
    assert "permits" not in body


def test_a_summary_in_bullets_under_the_headline_stays_header() -> None:
    bullets = "".join(f"<li>Point {i}: {SENTENCE} {SENTENCE}</li>" for i in range(3))
    text = "".join(f"<p>text {i}: {SENTENCE} {SENTENCE}</p>" for i in range(9))
    page = (f"<main><h1>Council passes budget</h1><div class='byline'>By Ann Lee</div><div class='share'>Share</div>"
            f"<ul class='summary-points'>{bullets}</ul><div class='text'>{text}</div></main>")
    body = articlex.extract(wrap(page)).body
    assert body.startswith("text 0:")


def test_a_byline_above_the_opening_paragraphs_stays_header() -> None:
    top = (f"<div class='top'><p>By Ann Lee</p><p>Updated 2 March 2020, 10:14</p><p>Opening: {SENTENCE} {SENTENCE}</p>"
           f"<p>Second: {SENTENCE}</p></div>")
    answers = "".join(f"<div class='answer'><p>Answer {i}: {SENTENCE} {SENTENCE}</p></div>" for i in range(6))
    article = articlex.extract(wrap(f"<main><h1>Council passes budget</h1><div class='x'>1</div><div class='y'>2</div>"
                                    f"{top}<div class='answers'>{answers}</div></main>"))
    assert article.body.startswith("Opening:") and "By Ann Lee" not in article.body
    assert article.attribution.authors == ["Ann Lee"]


def test_a_paragraph_crediting_a_picture_in_passing_stays() -> None:
    passing = (f"<p>Passing: {SENTENCE} {SENTENCE} The wall was photographed from the quay at dawn "
               f"(Photo: Ann Lee)</p>")
    body = articlex.extract(budget_page(f"{paragraphs('first')}{passing}{paragraphs('second')}")).body
    assert "Passing:" in body


def test_a_summary_of_short_points_stays_header() -> None:
    points = "".join(f"<li>Point {i}: the wall is rebuilt.</li>" for i in range(3))
    body = articlex.extract(budget_page(f"<ul class='summary'>{points}</ul>{paragraphs('text')}")).body
    assert body.startswith("text 0:")


def test_a_kicker_with_the_paragraphs_class_stays_header() -> None:
    text = "".join(f"<p class='para'>text {i}: {SENTENCE}</p>" for i in range(3))
    body = articlex.extract(budget_page(f"<p class='para'>Exclusive</p>{text}")).body
    assert body.startswith("text 0:")


def service_page(head: str = "") -> str:
    features = "".join(f"<div class='feature'><h3>Feature {i}</h3><p>Automate step {i} of your work in a few "
                       f"clicks.</p><ul><li>Works with plan {i}</li><li>Set up in {i} minutes</li></ul></div>"
                       for i in range(1, 13))
    return wrap(f"<main><h1>Council passes budget</h1><div class='hero'>{paragraphs('intro', 9)}</div>"
                f"<div class='features'>{features}</div></main>", head)


def test_the_sections_of_a_service_page_are_read_beside_its_introduction() -> None:
    body = articlex.extract(service_page()).body
    assert body.startswith("intro 0:") and "Feature 12" in body and "Set up in 12 minutes" in body


def test_a_page_that_says_it_is_an_article_keeps_to_its_text() -> None:
    body = articlex.extract(service_page("<meta property='og:type' content='article'>")).body
    assert body.startswith("intro 0:") and "Feature" not in body


def test_a_login_dialog_is_not_read() -> None:
    modal = ("<div class='modal-window login'><header>Register</header><form><div>E-mail:</div><div>Password:</div>"
             + "".join(f"<p>Privacy rule {i}: {LEGAL}</p>" for i in range(4)) + "</form></div>")
    body = articlex.extract(wrap(f"<h1>Council passes budget</h1><div class='story'>{paragraphs('text')}</div>{modal}")).body
    assert body.count(SENTENCE) == 3 and "E-mail" not in body and "Privacy rule" not in body


def test_cards_that_are_one_link_each_are_the_listing() -> None:
    jobs = "".join(f"<li><a href='/jobs/{i}'><div>Backend engineer {i}</div><div>{i}d</div><div>Acme {i}</div>"
                   f"<div>Remote</div><div>$90,000 a year</div></a></li>" for i in range(1, 11))
    html = wrap(f"<main><h1>Remote programming jobs</h1><p>{SENTENCE} {SENTENCE}</p><ul class='jobs'>{jobs}</ul></main>")
    body = articlex.extract(html).body
    assert "Backend engineer 10" in body and "Acme 3" in body and "News" not in body


def test_a_link_left_open_around_the_page_is_no_card() -> None:
    html = wrap(f"<h1>Council passes budget</h1><a href='/x'><div class='story'>{paragraphs('text', 4)}"
                + "".join(f"<div>Line {i}</div>" for i in range(60)) + "</div>")
    article = articlex.extract(html)
    assert article.kind == "article" and article.body.count(SENTENCE) == 4


SHELL_OPENING = ("Hello all, I am about to rebuild the heating in our old house and would like advice before I "
                 "start. The boiler is twenty years old and the radiators are cold at the top. I read about heat "
                 "pumps and about new condensing boilers, and about smart valves on every radiator. What would "
                 "you do first, and what should I ask the installers who come to quote…")


def shell(description: str, printed: str = "") -> str:
    """A page whose script writes its text: the HTML prints a splash (and ``printed``), nothing else."""
    return (f"<html><head><title>Heating advice - Home forum</title>"
            f"<meta property='og:description' content='{description}'></head>"
            f"<body><section id='splash'><div class='dots'></div></section>{printed}"
            "<section id='main'></section><script>start()</script></body></html>")


def test_a_page_whose_script_writes_the_text_gives_its_description() -> None:
    article = articlex.extract(shell(SHELL_OPENING, "<a href='/'>Home forum</a>"))
    assert article.body == SHELL_OPENING
    assert [b.kind for b in article.blocks] == ["paragraph"]
    assert article.kind is None and not article.is_article
    assert any("description" in w for w in article.warnings)
    assert article.provenance["body"].strategy == "meta" and article.provenance["body"].confidence < 0.5


def test_a_short_sales_description_is_no_text() -> None:
    article = articlex.extract(shell("Shop the oak table from our workshop. Made to order. Free delivery!"))
    assert article.body == "" and article.blocks == []


def test_a_page_that_prints_text_is_read_not_described() -> None:
    printed = "".join(f"<p>{SHELL_OPENING} Reply {i}.</p>" for i in range(2))
    article = articlex.extract(shell(SHELL_OPENING, f"<h1>Heating advice</h1>{printed}"))
    assert article.body.count("Reply") == 2
    assert article.provenance["body"].strategy != "meta"
