"""The prose battery: every cue word of every lexicon, opening a sentence inside plain running text.

A cue word acts on layout evidence only (a short line of its own, a label before a colon or a link,
a place after the text). Opening a long sentence in the middle or at the end of an article, it is
prose: the sentence stays in the body and no field is made up from it. The cases are generated from
the lexicon files, so a word added to a lexicon is tested the day it is added.
"""

from __future__ import annotations

import pytest

import articlex
from articlex.lexicon import LANGUAGES, load

CUE_KEYS = ("read_also", "previous", "next", "page_next", "tags_labels", "source_prefixes", "byline_prefixes",
            "photo_credits", "reading_time", "published_labels", "updated_labels", "share", "comment_section",
            "related_section", "newsletter", "advertising", "read_more", "rights_reserved", "continued", "home",
            "breadcrumb_labels", "views", "comments", "no_comments", "source_verbs")
"""The lexicon keys whose words the extractors look for at the start of a line or as a whole line."""

TITLE = "Council passes the budget for next year"
PLAIN = ("The council voted on the new budget after a long debate that lasted well into the night, "
         "and the mayor thanked the members for their patience before closing the session at last.")
REST = ("the storm had moved north, the roads were closed again and the firefighters went on working "
        "through the whole night to keep the river inside its banks.")


APPEAL_KEYS = frozenset({"newsletter"})
"""Keys whose words after the last paragraph are an appeal by their place ('Subscribe to our newsletter
...'): they are tested inside the text only."""
LABEL_MARKS = ":|»>"
"""A lexicon word ending in one of these is a label with its separator ('Lire :'): layout evidence itself."""


def cued_sentences(language: str, keys: tuple[str, ...] = CUE_KEYS) -> list[str]:
    words = load(language).words
    return sorted({f"{word} {REST}" for key in keys for word in words.get(key, ())
                   if word and word[0].isalpha() and word.rstrip()[-1] not in LABEL_MARKS})


def html_page(paragraphs: list[str]) -> str:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>{text}</article></body></html>"


def text_page(paragraphs: list[str]) -> str:
    return "\n\n".join([TITLE, *paragraphs]) + "\n"


def invented(article: articlex.Article) -> list[str]:
    """The fields a plain article should not have, when it has them."""
    found = {"related": article.related, "previous": article.previous, "next": article.next,
             "authors": article.attribution.authors, "sources": article.attribution.sources,
             "breadcrumb": article.breadcrumb, "views": article.counters.views,
             "comments": article.counters.comments}
    return [name for name, value in found.items() if value not in (None, [])]


@pytest.mark.parametrize("mode", ["html", "text"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_cue_word_opening_a_sentence_is_prose(language: str, mode: str) -> None:
    make = html_page if mode == "html" else text_page
    failures = []
    last = set(cued_sentences(language, tuple(k for k in CUE_KEYS if k not in APPEAL_KEYS)))
    for sentence in cued_sentences(language):
        layouts = [[PLAIN, PLAIN, sentence, PLAIN, PLAIN]] + ([[PLAIN, PLAIN, PLAIN, sentence]] if sentence in last else [])
        for paragraphs in layouts:
            article = articlex.extract(make(paragraphs))
            lost = [p for p in paragraphs if p not in article.body.split("\n\n")]
            made_up = invented(article)
            if lost or made_up:
                where = "last" if paragraphs[-1] is sentence else "middle"
                failures.append(f"{where}: {sentence[:40]!r} lost={len(lost)} invented={made_up}")
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures[:40])


@pytest.mark.parametrize("mode", ["html", "text"])
@pytest.mark.parametrize("sentence", [
    "By then, the storm had moved north and the roads were closed again for the whole night.",
    "More than 2,500 civilians have left the city since the start of the month, the agency said.",
    "Par ailleurs, le conseil municipal a voté le budget après un long débat qui a duré toute la nuit.",
    "Source of the problem, the old bridge had been closed to heavy traffic since the spring floods.",
    "Related questions about the budget will be discussed by the council at its next meeting in May.",
])
def test_the_sentences_quoted_in_the_issue_stay_in_the_body(sentence: str, mode: str) -> None:
    make = html_page if mode == "html" else text_page
    paragraphs = [PLAIN, sentence, PLAIN, PLAIN]
    article = articlex.extract(make(paragraphs))
    assert article.body.split("\n\n") == paragraphs
    assert invented(article) == []
