"""Small text tests shared by the field extractors (no words of any language here)."""

from __future__ import annotations

import re

from .lexicon import Cues

__all__ = ["collapse_white", "word_count", "at_most_words", "is_prose", "is_sentence", "parse_count", "looks_like_date", "date_span",
           "has_date_label", "DATE_LABELS"]

PROSE_WORDS = 30
"""A line of this many words reads as prose even without a full stop; shorter ones need one
(a 13-word headline such as the reference page's title must not read as prose)."""
SENTENCE_WORDS = 6
"""A shorter line that ends like a sentence is still a caption or a label more often than prose."""
MAX_META_WORDS = 30
"""A header line that also holds the byline and counters; longer lines are prose."""
DATE_LABELS = ("published_labels", "updated_labels")
"""Lexicon keys of the labels that open a date line ('Publié le', 'Mis à jour le', 'Updated:')."""

# A colon ends a lead-in ("More on this:"), not a sentence.
_SENTENCE_END = re.compile(r"[.!?…»\"”“)\]。！？]\s*$")
_NUMBER = re.compile(r"(\d{1,3}(?:[.,\s\u00a0\u202f']\d{3})+|\d+(?:[.,]\d+)?)\s*([^\W\d]+\.?)?", re.U)
_GROUPED = re.compile(r"\d{1,3}(?:[.,\s\u00a0\u202f']\d{3})+")
_DECIMAL = re.compile(r"\d+[.,]\d+")
_NON_DIGIT = re.compile(r"\D")
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:19|20)\d{2})\b")
_DIGITS = re.compile(r"\d")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]")
CJK_CHARS_PER_WORD = 2
"""Chinese, Japanese, Korean and Thai run words together: two characters count as one word."""
LONG_TEXT = 2000
"""Characters past which a block's words are counted from its spaces (its white space is collapsed)."""


COLLAPSE_PIECE = 65_536
"""Characters of a long text collapsed at a time by :func:`collapse_white`: splitting a 12 MB text
whole made some 2 million word strings (110 MB); a piece's words are a few hundred kilobytes."""
_WHITE = re.compile(r"\s")
"""One white-space character: the same set as ``str.isspace``, which ``str.split`` splits on."""


def collapse_white(text: str) -> str:
    """``" ".join(text.split())``, a piece of :data:`COLLAPSE_PIECE` characters at a time for a
    long text: each piece ends before a white-space character, so that no word is cut."""
    size = len(text)
    if size <= COLLAPSE_PIECE:
        return " ".join(text.split())
    pieces: list[str] = []
    start = 0
    while start < size:
        cut = _WHITE.search(text, min(start + COLLAPSE_PIECE, size))
        end = cut.start() if cut else size
        piece = " ".join(text[start:end].split())
        if piece:
            pieces.append(piece)
        start = end
    return " ".join(pieces)


def word_count(text: str) -> int:
    """Words separated by spaces, plus the words of scripts written without spaces."""
    # A long block's spaces are already collapsed: counting them spares a list of every word.
    words = text.count(" ") + 1 if len(text) > LONG_TEXT and " " in text.strip() else len(text.split())
    return words if text.isascii() else words + len(_CJK.findall(text)) // CJK_CHARS_PER_WORD


MAX_COUNT_CHARS = 18
"""A displayed count is short ('1,234,567'); longer digit runs are ids or noise."""
MAX_WORD_CHARS = 40
"""No word is longer; a text longer than this many characters a word has more words (a cheap test
that spares splitting long paragraphs)."""


def at_most_words(text: str, limit: int) -> bool:
    """``word_count(text) <= limit``, without counting when the length already says no."""
    return len(text) <= limit * MAX_WORD_CHARS and word_count(text) <= limit


def is_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text))


def is_prose(text: str) -> bool:
    """Whether a block reads as running text rather than a label, a menu item or a headline."""
    n = word_count(text)
    return n >= PROSE_WORDS or (n >= SENTENCE_WORDS and is_sentence(text))


def parse_count(text: str, cues: Cues) -> int | None:
    """The first displayed count in the text: '1,2k' is 1200, '2.289' and '2 289' are 2289."""
    m = _NUMBER.search(text)
    if not m:
        return None
    number, suffix = m.group(1), (m.group(2) or "")
    if len(number) > MAX_COUNT_CHARS:
        return None  # no counter has that many digits; float() of it would be inf
    thousand = bool(suffix) and cues.is_word("thousands", suffix)
    if _GROUPED.fullmatch(number) and not thousand:
        return int(_NON_DIGIT.sub("", number))
    value = float(number.replace(",", ".")) if _DECIMAL.fullmatch(number) else float(_NON_DIGIT.sub("", number))
    return int(round(value * 1000)) if thousand else int(value)


def has_date_label(text: str, cues: Cues) -> bool:
    """Whether the text opens with a publication or an update label."""
    return any(cues.strip_label(key, text) is not None for key in DATE_LABELS)


def looks_like_date(text: str) -> bool:
    """A short line that is mostly a date or a time stamp."""
    if not _DIGITS.search(text) or word_count(text) > 8:
        return False
    return bool(_DATE.search(text)) or bool(_CLOCK.search(text))


_DATE_SPANS = (
    re.compile(r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2})?"),
    re.compile(r"\b\d{1,2}[./-]\s?\d{1,2}[./-]\s?(?:\d{4}(?:\b|(?=\d{1,2}[./-]\d))|\d{2}\b)(?:[,\s]+\d{1,2}[:h.]\d{2})?"),
    re.compile(r"(?<!\d)\d{1,2}\.?\s+(?:[^\W\d_]{1,3}\s+)?[^\W\d_]{3,}\.?,?\s+(?:[^\W\d_]{1,3}\s+)?\d{4}"
               r"(?:\b|(?=\d{1,2}[:h]\d{2})|(?=\d{1,2}\.?\s+[^\W\d_])|(?=[^\W\d_]{3,}))(?:[,\s]*\d{1,2}[:h]\d{2})?"),
    re.compile(r"\b[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:\b|(?=\d{1,2}:\d{2})|(?=[^\W\d_]{3,}))"
               r"(?:[,\s]*\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?)?", re.I),
    re.compile(r"(?<!\d)\d{1,2}\s+[^\W\d_]{3,4}\.?\s+\d{2}(?![\d:h.])"
               r"(?=\s*(?:$|[|,·•–—-]|\S{1,3}\s+\d{1,2}[:h]\d{2}))"),
    re.compile(r"(?<!\d)\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일](?:\s*\d{1,2}:\d{2})?"),
)
"""Shapes of a printed date, whatever the language: ISO, numeric, '3 maggio 2024', '18 de abril de 2024'
(a short linking word allowed around the month), 'March 4, 2024' (the time may be glued to the year:
'28 luglio 202010:43', and so may the next date: '19.11.202119.11.2021', 'June 29, 2020November 12, 2021': '27 abril, 202227 abril, 2022'), '2018年6月18日 10:01' (Chinese, Japanese and Korean write year, month and day
with their own signs), and '27 Mar 20' (an abbreviated month and a two-digit year, only when the
line ends there or a time follows: '20' after a month word is otherwise a count)."""


def date_span(text: str) -> str | None:
    """The first part of a line shaped like a date, for dateparser to read."""
    if not _DIGITS.search(text):
        return None  # every shape holds a digit; most lines asked about (bylines, labels) hold none
    found = [m for pattern in _DATE_SPANS for m in [pattern.search(text)] if m]
    if not found:
        return None
    first = min(found, key=lambda m: (m.start(), -len(m.group(0))))
    return first.group(0)
