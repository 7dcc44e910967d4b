"""The body's container and tail rules on small pages written for each rule."""

from __future__ import annotations

import articlex

from functools import partial

from support import SENTENCE, budget_page, paragraphs

page = partial(budget_page, container=False)


def test_data_table_rows_are_kept_with_their_cells_joined() -> None:
    table = ("<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>"
             "<tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr>"
             "<tr><td>2</td><td>Martin Truex Jr.</td><td>5035</td></tr></table>")
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("intro")}'
                                    f"<p>Final standings after 36 races:</p>{table}</div>"))
    rows = [b.text for b in article.blocks if b.kind == "table_row"]
    assert rows == ["Pos. | Driver | Points", "1 | Kyle Busch | 5040", "2 | Martin Truex Jr. | 5035"]
    assert "| Pos. | Driver | Points |\n| --- | --- | --- |\n| 1 | Kyle Busch | 5040 |" in article.to_markdown()


def test_lines_a_colon_leads_into_end_the_article() -> None:
    dates = "".join(f"<p>June {d} -- Arena number {d}, Springfield</p>" for d in (9, 10, 14))
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("intro")}'
                                    f"<p>The band's 2020 tour dates:</p>{dates}</div>"))
    assert article.body.endswith("June 14 -- Arena number 14, Springfield")
    assert "The band's 2020 tour dates:" in article.body


def test_one_line_after_a_colon_is_a_widget_and_is_trimmed() -> None:
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("intro")}'
                                    "<p>We offer this audio in the following formats:</p><p>mp3</p></div>"))
    assert article.body.endswith(SENTENCE)


def test_an_article_split_into_chunks_of_one_class_is_read_whole() -> None:
    body = (f'<div class="post"><div class="article-body">{paragraphs("first")}</div>'
            f'<aside class="promo"><p>Subscribe to our magazine today.</p></aside>'
            f'<div class="article-body">{paragraphs("second")}</div></div>')
    article = articlex.extract(page(body))
    assert "first 0:" in article.body and "second 2:" in article.body


def test_a_lead_paragraph_before_the_inner_box_belongs_to_the_article() -> None:
    body = (f'<div class="story"><p>Lead: {SENTENCE}</p><script>var ad = 1;</script><div class="ad-slot"></div>'
            f"<div>{paragraphs('inner', 4)}</div></div>")
    article = articlex.extract(page(body))
    assert article.body.startswith("Lead: ")


def test_a_ticker_of_headlines_with_excerpts_does_not_outweigh_the_article() -> None:
    ticker = "".join(f'<li><a href="/news/{i}">Other story {i}</a> {SENTENCE}</li>' for i in range(5))
    body = f'<div class="ticker"><ul>{ticker}</ul></div><div class="story"><p>Story: {SENTENCE * 4}</p></div>'
    article = articlex.extract(page(body))
    assert article.body.startswith("Story: ")


def test_many_short_paragraphs_after_the_text_are_a_list_and_stay() -> None:
    dates = "".join(f"<p>June {d} – Springfield @ Arena number {d}</p>" for d in range(1, 8))
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("intro")}'
                                    f"<p>The Band Tour Dates</p>{dates}</div>"))
    assert article.body.endswith("June 7 – Springfield @ Arena number 7")


def test_two_short_lines_after_the_text_are_still_trimmed() -> None:
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("intro")}'
                                    "<p>Photo credit Jane Doe</p><p>Follow the author</p></div>"))
    assert article.body.endswith(SENTENCE)


def test_lines_written_straight_into_the_article_box_open_the_text() -> None:
    lead = "Chelsea have this morning paid the record fee to the Spanish league to sign their new keeper"
    article = articlex.extract(page(f'<div class="post-body">{lead}<br>{paragraphs("then")}</div>'))
    assert article.body.startswith(lead)


def test_a_dated_meta_line_with_dashes_is_not_text() -> None:
    meta = "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: carro roubado"
    article = articlex.extract(page(f'<div class="post-body">{meta}<br>{paragraphs("texto")}</div>'))
    assert "Publicado por" not in article.body


def test_a_list_of_links_inside_the_text_is_not_text() -> None:
    links = "".join(f'<li><a href="/news/story-{i}">Another story of the day number {i}</a></li>' for i in range(5))
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("before")}<ul>{links}</ul>'
                                    f'{paragraphs("after")}</div>'))
    assert "Another story" not in article.body
    assert "before 0:" in article.body and "after 2:" in article.body


def test_a_list_of_sentences_with_links_stays() -> None:
    items = "".join(f'<li>Step {i}: read <a href="/guide/{i}">the guide</a> before you start.</li>' for i in range(4))
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("intro")}<ul>{items}</ul></div>'))
    assert "Step 3: read the guide before you start." in article.body


def test_a_read_also_label_over_several_linked_headlines_gives_them_all() -> None:
    box = ('<div class="more"><h4>Lesen Sie auch</h4>'
           '<a href="https://example.org/a-first-story-123"><div>Tausende Sendungen gehortet vom Postboten</div></a>'
           '<a href="https://example.org/a-second-story-456"><div>Polizei stoppte illegalen Waffentransport</div></a>'
           '<a href="https://example.org/a-third-story-789"><div>Feldhamster ist das Tier des Jahres 2024</div></a></div>')
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("a")}{box}{paragraphs("b")}</div>'))
    assert [link.text for link in article.related] == ["Tausende Sendungen gehortet vom Postboten",
                                                       "Polizei stoppte illegalen Waffentransport",
                                                       "Feldhamster ist das Tier des Jahres 2024"]
    assert article.related[2].url == "https://example.org/a-third-story-789"


def test_a_card_made_clickable_by_an_overlay_link_is_read_also() -> None:
    card = ('<aside class="element-rich-link"><div class="rich-link"><h2>Third of the staff have experienced bullying</h2>'
            '<div>Read more</div><a class="overlay" href="https://example.org/2020/jan/07/staff-bullying-report"></a>'
            '</div></aside>')
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("a")}{card}{paragraphs("b")}</div>'))
    assert [(link.text, link.url) for link in article.related] == [
        ("Third of the staff have experienced bullying", "https://example.org/2020/jan/07/staff-bullying-report")]
    assert "bullying" not in article.body


def test_a_teaser_card_of_divs_inside_the_text_is_read_also() -> None:
    card = ('<div class="box"><a class="correlated" href="https://example.org/societe/4060035-storm-nears-coast">'
            '<div>Société</div><div>La tempête se rapproche des côtes bretonnes</div></a></div>')
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("a")}{card}{paragraphs("b")}</div>'))
    assert [link.text for link in article.related] == ["La tempête se rapproche des côtes bretonnes"]


def test_a_closing_bio_that_asks_readers_to_follow_is_an_appeal() -> None:
    bio = ("<p>Jane Smith is the author of a book on harbours, out now. Follow her on Twitter @janesmith. "
           "Follow us on Twitter @councilnews or Facebook.</p>")
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("text")}{bio}</div>'))
    assert article.body.endswith(SENTENCE) and "Follow" not in article.body


def test_an_editorial_standards_line_after_the_text_ends_it() -> None:
    article = articlex.extract(page(f'<div class="entry-content">{paragraphs("text")}'
                                    "<p>Our Standards: The Council News Trust Principles.</p></div>"))
    assert article.body.endswith(SENTENCE) and "Standards" not in article.body


def test_a_to_be_continued_line_closes_the_text() -> None:
    html = page(f'<div class="entry-content">{paragraphs("text")}<div>To be continued</div>'
                "<h3>Share:</h3><ul><li>Twitter</li><li>Facebook</li></ul></div>")
    assert articlex.extract(html).body.endswith("To be continued")


def test_a_to_be_continued_line_closes_a_dump() -> None:
    from support import P1, P2, P3, dump
    article = articlex.extract(dump("Harbour wall to be rebuilt", (P1, P2, P3, "À suivre", "Twitter", "Facebook")))
    assert article.body.endswith("À suivre")
