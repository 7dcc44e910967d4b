"""A block's text as the cue rules read it: its words, the labels it opens with and the phrases it is.

A label counts only with layout evidence (:func:`set_apart`): 'By Jane Doe' and 'Tags: budget' are
labels, 'By then, the storm had moved north.' and 'Topics covered:' open sentences.
"""

from __future__ import annotations

import re

from ..lexicon import Cues
from ..text import MAX_WORD_CHARS, at_most_words, word_count

__all__ = ["Line", "set_apart", "headline_ending", "TEASER_WORDS", "LABEL_KEYS", "PHRASE_KEYS", "MAX_CAPTION_WORDS",
           "MAX_LABEL_WORDS", "LABEL_SEPARATORS", "QUOTES", "SENTENCE_ENDS"]

MAX_CAPTION_WORDS = 25
"""A caption with a credit is short; a long paragraph quoting '©' is prose."""


MAX_LABEL_WORDS = 10
"""A label line (byline, source, credit) is short; a longer line is prose that happens to start alike."""


HANDLE_TAIL = re.compile(r"(?:\s*[,|·•])?\s+@\w[\w.]*$")
"""The author's social handle after the name ('Jane Doe, @janedoe'), cut from a byline line."""
LABEL_SEPARATORS = ":|»>→–—"
"""What sets a label apart from what follows it ('Lire aussi : ...', 'Tags: ...')."""


SENTENCE_ENDS = (".", "!", "?", ":", "…")
"""How a sentence, or a lead-in to a list, ends."""


QUOTES = "\"'«“„‘‚"
"""Quotes that may open a headline or a name."""


LABEL_KEYS = ("read_also", "previous", "next", "page_next", "tags_labels", "source_prefixes", "byline_prefixes",
               "photo_credits", "reading_time", "published_labels", "updated_labels", "share")
"""Every key whose label, starting a block, the walk asks about."""


PHRASE_KEYS = ("related_section", "comment_section", "tags_labels", "share", "newsletter", "read_also", "advertising",
                "read_more")
"""Every key whose phrase, as a whole block, the walk asks about."""


TEASER_WORDS = 20
"""A line this short ending in '…', '?', '!' or a closing quote is a headline (a teaser's or the
article's), not prose: it does not open a run of paragraphs, nor end a list of headlines."""
_TEASER_END = re.compile(r"(?:…|\.\.\.|[?!\"”“»'’])\s*$")


def headline_ending(text: str) -> bool:
    """Whether a line reads as a headline though it may end like a sentence ('Will the wall hold?')."""
    return word_count(text) < TEASER_WORDS and _TEASER_END.search(text) is not None


def set_apart(text: str, rest: str | None) -> bool:
    """Whether a label is set apart from what follows it: nothing follows, a separator does, or what
    follows does not go on in lower case (a name, a date, a headline; scripts without case too)."""
    if rest is None:
        return False
    if not rest or any(mark in text[: len(text) - len(rest)] for mark in LABEL_SEPARATORS):
        return True
    if not rest.lstrip(QUOTES)[:1].islower():
        return True
    # A short line of its own that is no sentence: 'Photo from the archive of J. Doe, 15 May 2016'.
    return at_most_words(text, MAX_LABEL_WORDS) and not text.rstrip().endswith(SENTENCE_ENDS)


class Line:
    """A block's text and what the cue checks ask of it, worked out once: its words, the labels it
    starts with and the phrases it is. The walk asks some twenty questions a block; a page of
    100,000 list items must not fold and match each text twenty times.

    ``words`` is capped at MAX_CAPTION_WORDS + 1 (no check reads further); ``short`` says the line
    is short enough for a label (byline, source, credit)."""

    __slots__ = ("text", "words", "short", "lexicon", "_labels", "_phrases")

    def __init__(self, text: str, lexicon: Cues) -> None:
        self.text = text
        if len(text) > MAX_CAPTION_WORDS * MAX_WORD_CHARS:
            words = MAX_CAPTION_WORDS + 1
        else:  # a block's spaces are collapsed: in Latin script, words are spaces plus one
            words = min(text.count(" ") + 1 if text.isascii() else word_count(text), MAX_CAPTION_WORDS + 1)
        self.words = words
        self.short = words <= MAX_LABEL_WORDS
        self.lexicon = lexicon
        self._labels: frozenset[str] | None = None
        self._phrases: frozenset[str] | None = None

    @property
    def labels(self) -> frozenset[str]:
        """The keys whose label starts the line set apart as a label (looked up when first asked):
        'Topics covered:' and 'By then, ...' open sentences, 'Tags: ...' and 'By Jane Doe' are labels."""
        if self._labels is None:
            found = self.lexicon.labels(LABEL_KEYS, self.text)
            self._labels = frozenset(key for key in found if set_apart(self.text, self.lexicon.strip_label(key, self.text)))
        return self._labels

    @property
    def phrases(self) -> frozenset[str]:
        """The keys the whole line is a phrase of (looked up when first asked)."""
        if self._phrases is None:
            self._phrases = self.lexicon.phrases(PHRASE_KEYS, self.text)
        return self._phrases

    def rest(self, key: str) -> str | None:
        """The text after the key's leading label, or None without one."""
        return self.lexicon.strip_label(key, self.text) if key in self.labels else None
