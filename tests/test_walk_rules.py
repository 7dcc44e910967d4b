"""The body walk's rules, one page of our own each: the rule named in the trace is the one that
decided the block, and the article comes out as a reader sees it."""

from __future__ import annotations

import pytest

import articlex

from articlex.fields import metadata
from articlex.fields.body import find_body
from articlex.fields.title import find_title
from articlex.fields.walk import RULES, Input
from articlex.loading import load_page
from support import LONG, P1, P2, P3, P4, SENTENCE, budget_page, dump, paragraphs


def decisions(source: str) -> tuple[dict[str, str], str]:
    """For each block the walk skipped or stopped at, its text and the rule's name (the last one
    for texts printed twice); and the body."""
    page = load_page(source)
    title = find_title(page, metadata.site_name(page))
    trace: dict[int, str] = {}
    body = find_body(page, title, trace)
    return {page.blocks[i].text: name for i, name in trace.items()}, "\n\n".join(b.text for b in body.blocks)


def test_the_rules_are_named_once_and_each_runs_on_some_input() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(rule.inputs and rule.inputs <= set(Input) for rule in RULES)


def test_a_second_teaser_card_with_no_paragraph_between_ends_a_dump() -> None:
    found, body = decisions(dump(
        "Harbour wall to be rebuilt", P1, P2,
        "Ferry timetable changes this summer", "Crossings will be fewer in July and in August…", "Read more",
        "Museum reopens after two years", "The collection is back in the old customs house…", "Read more",
        P3))
    assert found["Read more"] == "teaser card"
    assert body == f"{P1}\n\n{P2}" and P3 not in body


def test_a_read_also_line_is_taken_out_with_its_headline() -> None:
    found, body = decisions(dump("Harbour wall to be rebuilt", P1, "Read also: Ferry timetable changes this summer",
                                 P2, P3))
    assert found["Read also: Ferry timetable changes this summer"] == "read also"
    assert body == f"{P1}\n\n{P2}\n\n{P3}"


def test_a_box_of_another_kind_inside_the_container_is_skipped() -> None:
    found, body = decisions(budget_page(
        f"{paragraphs('first')}<div class='share-buttons'><p>Share this on your feeds</p></div>{paragraphs('second')}"))
    assert found["Share this on your feeds"] == "box of another kind"
    assert "first 0:" in body and "second 2:" in body and "Share" not in body


def test_a_pager_in_the_container_gives_no_read_also_link() -> None:
    pager = ("<nav class='article-pagination'><ul><li><a href='https://example.org/news/2020/03/council-passes-budget-harbour-wall/page-2'>Next page: What the harbour "
             "wall will cost the town</a></li><li><a href='https://example.org/news/2020/03/council-passes-budget-harbour-wall/complete'>Read the article on one page</a></li></ul></nav>")
    article = articlex.extract(budget_page(f"{paragraphs('first')}{pager}{paragraphs('second')}"))
    assert article.related == [] and "Next page" not in article.body and "second 2:" in article.body


def test_an_inline_related_box_is_skipped_up_to_the_text_going_on() -> None:
    found, body = decisions(budget_page(
        f"{paragraphs('first')}<h3>Related articles</h3><p><a href='/a/ferry-timetable-changes'>Ferry timetable"
        f" changes this summer</a></p>{paragraphs('second')}"))
    assert found["Related articles"] == "inline box heading"
    assert found["Ferry timetable changes this summer"] == "inside an inline box"
    assert "second 2:" in body and "Ferry" not in body


def test_a_topics_heading_with_the_text_going_on_below_is_an_inline_box() -> None:
    # A course page lists its topics between two sections of its text: the text goes on after them.
    topics = "<h3>Related topics</h3><ul><li><a href='/t/harbours'>Harbours</a></li><li><a href='/t/tax'>Tax</a></li></ul>"
    found, body = decisions(budget_page(f"{paragraphs('first')}{topics}<h2>What the wall will cost</h2>"
                                        f"{paragraphs('second')}"))
    assert found["Related topics"] == "inline box heading"
    assert found["Harbours"] == "inside an inline box"
    assert "What the wall will cost\n\nsecond 0:" in body and "second 2:" in body and "Harbours" not in body


def test_a_topics_heading_at_the_end_still_ends_the_text() -> None:
    topics = "<h3>Related topics</h3><ul><li><a href='/t/harbours'>Harbours</a></li><li><a href='/t/tax'>Tax</a></li></ul>"
    found, body = decisions(budget_page(f"{paragraphs('first')}{topics}"))
    assert found["Related topics"] == "ending"
    assert body.split("\n\n")[-1].startswith("first 2:") and "Harbours" not in body


def test_a_comment_button_under_the_standfirst_restarts_the_text() -> None:
    standfirst = "The town will pay a third of the bill, and the region the rest of it, over eight months."
    found, body = decisions(dump("Harbour wall to be rebuilt", standfirst, "Comments", P1, P2, P3, P4))
    assert found["Comments"] == "comment button"
    assert body.startswith(P1) and standfirst not in body


def test_the_comment_section_ends_the_text() -> None:
    found, body = decisions(dump("Harbour wall to be rebuilt", P1, P2, "Comments", "Great news for the port!"))
    assert found["Comments"] == "ending"
    assert body == f"{P1}\n\n{P2}"


def test_a_tag_line_packed_after_the_text_ends_it() -> None:
    tags = "harbour, storms, council, port works"
    found, body = decisions(dump("Harbour wall to be rebuilt", P1, P2, ("Updated at noon.", tags), P3))
    assert found[tags] == "tag line"
    assert P3 not in body


def test_a_source_line_is_kept_apart_from_the_text() -> None:
    found, body = decisions(dump("Harbour wall to be rebuilt", P1, P2, "Source: Port authority"))
    assert found["Source: Port authority"] == "source line"
    assert body == f"{P1}\n\n{P2}"


def test_a_byline_under_a_short_standfirst_makes_the_standfirst_header() -> None:
    standfirst = "The town will pay a third of the bill, and the region the rest of it, over eight months."
    found, body = decisions(dump("Harbour wall to be rebuilt", standfirst, "By Jane Smith", P1, P2))
    assert found["By Jane Smith"] == "furniture"
    assert body == f"{P1}\n\n{P2}"


def test_a_kicker_before_the_first_paragraph_is_header() -> None:
    found, body = decisions(budget_page(f"<p>Local news</p>{paragraphs('text')}"))
    assert found["Local news"] == "before the text"
    assert body.startswith("text 0:")


def test_a_short_paragraph_made_like_the_text_opens_it() -> None:
    # The theme styles its paragraphs alike ('--first' marks the first); a kicker it styles apart.
    text = "".join(f"<p class='story__para'>text {i}: {SENTENCE}</p>" for i in range(3))
    opening = "<p class='story__para story__para--first'>Not one point more</p>"
    found, body = decisions(budget_page(f"<p class='story__kicker'>Local news</p>{opening}{text}"))
    assert found["Local news"] == "before the text"
    assert body.startswith("Not one point more\n\ntext 0:")


def test_a_caption_ending_in_its_credit_in_brackets_is_no_text() -> None:
    # Above the text (a renderer may set it apart as a paragraph) and between two of its paragraphs.
    above = "The new harbour wall is tested on Monday, March 2, 2020, in the old port. (AP Photo/Jane Roe)"
    between = "Workers pour the first stretch of the wall at low tide (Foto: Hans Roe /Agency)"
    found, body = decisions(dump("Harbour wall to be rebuilt", "By Ann Lee, 2 March 2020", above, P1, between, P2, P3))
    assert found[above] == found[between] == "furniture"
    assert body == f"{P1}\n\n{P2}\n\n{P3}"


def test_a_linked_headline_between_paragraphs_is_a_read_also_link() -> None:
    found, body = decisions(budget_page(
        f"{paragraphs('first')}<p><a href='https://example.org/news/ferry-timetable-changes-this-summer'>"
        f"Ferry timetable changes this summer</a></p>{paragraphs('second')}"))
    assert found["Ferry timetable changes this summer"] == "teaser in the text"
    assert "second 2:" in body and "Ferry" not in body


def test_loose_text_in_the_container_that_is_no_prose_is_skipped() -> None:
    found, body = decisions(budget_page(f"{paragraphs('first')}<div>Harbour works, day one</div>{paragraphs('second')}"))
    assert found["Harbour works, day one"] == "loose text in a box"
    assert "second 2:" in body and "Harbour works" not in body


@pytest.mark.parametrize("menu", [("Home", "World", "Sport")])
def test_loose_short_lines_packed_together_end_a_dump(menu: tuple[str, ...]) -> None:
    found, body = decisions(dump("Harbour wall to be rebuilt", P1, P2, menu, P3))
    assert found["Sport"] == "run of lines"
    assert body == f"{P1}\n\n{P2}"


@pytest.mark.parametrize("opening", ["By then, the storm had moved north.", "More than 2,500 people signed.",
                                     "Comments from readers were mostly kind.", "Source of the problem: the wall."])
def test_a_sentence_opening_with_a_cue_word_is_decided_by_no_rule(opening: str) -> None:
    paragraph = f"{opening} {LONG}".rstrip()
    found, body = decisions(dump("Harbour wall to be rebuilt", P1, paragraph, P2))
    assert paragraph not in found
    assert body == f"{P1}\n\n{paragraph}\n\n{P2}"
    found, body = decisions(budget_page(f"<p>{SENTENCE}</p><p>{paragraph}</p><p>{SENTENCE}</p>"))
    assert paragraph not in found and paragraph in body


def test_without_a_container_an_aside_is_passed_over_and_a_footer_ends_the_text() -> None:
    posts = "".join(f"<aside class='author-card'><p>Member {i}</p></aside><div><p>Post {i}: {SENTENCE}</p></div>"
                    for i in range(3))
    found, body = decisions(budget_page(f"<div>{posts}</div><div class='post-footer'><p>Report this thread</p></div>"
                                        f"<div><p>Other thread: {SENTENCE}</p></div>", container=False))
    assert found["Member 1"] == "page chrome" and found["Report this thread"] == "page chrome"
    assert "Post 2:" in body and "Other thread" not in body and "Member" not in body


def test_packed_lines_right_under_the_first_paragraph_restart_a_spaced_dump() -> None:
    standfirst = "The town's harbour wall will be rebuilt after the storms, and the work starts in spring."
    found, body = decisions(dump("Harbour wall to be rebuilt", "By Jane Doe", standfirst,
                                 ("Shares", "The wall after the storm.", "(Image: © Jane Doe)"), P1, P2, P3))
    assert found["Shares"] == "picture under the standfirst"
    assert body == f"{P1}\n\n{P2}\n\n{P3}"
