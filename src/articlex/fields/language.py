"""The article's language: its own words or script first (markup often lies), then the markup."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import cues
from ..page import Page

__all__ = ["find_language"]

MAX_CHARS = 20000
"""The start of the text is enough to vote on; the rest only costs time."""
PAGE_BLOCKS = 200
"""Blocks of the page read when the body is too short to tell its language (menus and teasers are in
the page's language too)."""
MIN_WORDS = 20
"""Fewer words than this and the stop-word vote is too thin to overrule the markup."""
MARGIN = 1.3
"""The winning language needs this many times the runner-up's stop words."""
MIN_SHARE = 0.15
"""Stop words make a fifth or more of real prose in a lexicon language (0.20 to 0.30 on the corpora);
placeholder text ('Lorem ipsum... et... sed...') or a language outside the lexicons reaches 0.10."""
SCRIPTS = (
    ("ko", "\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"),
    ("th", "\u0e00-\u0e7f"),
    ("el", "\u0370-\u03ff"),
    ("he", "\u0590-\u05ff"),
)
"""Scripts written by one language only (Cyrillic, Arabic and Latin serve several), as character ranges."""
HAN = "\u4e00-\u9fff\u3400-\u4dbf"
KANA = "\u3040-\u30ff"
LETTER = "^\\W\\d_"
MIN_SCRIPT_LETTERS = 20
"""Fewer letters than this and a script says nothing (a name, a quote)."""
MIN_KANA = 0.05
"""Japanese prose mixes kana with its kanji (a third or more of the CJK letters); Chinese has none."""
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def find_language(page: Page, text: str) -> str | None:
    """The body's stop words when they are clear, else its script when only one language writes it,
    else what the markup declares, else the same read over the page's first blocks (a body too short
    to decide, in a text dump or a page that declares nothing)."""
    guessed = _from_words(text) or _from_script(text)
    if guessed:
        page.note("language", "cue")
        return guessed
    declared = _declared(page)
    if declared:
        page.note("language", "markup", page.root)
        return declared
    if len(text) < MAX_CHARS:
        page_text = " ".join(b.text for b in page.blocks[:PAGE_BLOCKS])
        guessed = _from_words(page_text) or _from_script(page_text)
        if guessed:
            page.note("language", "cue")
    return guessed


def _declared(page: Page) -> str | None:
    if page.root is None:
        return None
    value = page.root.get("lang") or page.root.get("xml:lang") or page.meta.get("og:locale") \
        or page.meta.get("content-language") or page.meta.get("language")
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


@lru_cache(maxsize=1)
def _stop_word_owners() -> dict[str, tuple[tuple[str, ...], float]]:
    """Each stop word, the languages that list it and the share of a vote each gets (one
    dictionary look-up a word; a word several languages share, 'de' or 'la', is a fraction of a
    vote for each)."""
    owners: dict[str, list[str]] = {}
    for lang, stops in cues().stop_words.items():
        for word in stops:
            owners.setdefault(word, []).append(lang)
    return {word: (tuple(langs), 1 / len(langs)) for word, langs in owners.items()}


_NO_OWNER: tuple[tuple[str, ...], float] = ((), 0.0)


def _from_words(text: str) -> str | None:
    words = _WORD.findall(text[:MAX_CHARS].lower().replace("\u2019", "'"))
    if len(words) < MIN_WORDS:
        return None
    votes = {lang: 0.0 for lang in cues().stop_words}
    counts = dict.fromkeys(votes, 0)
    owners = _stop_word_owners()
    for word in words:
        langs, share = owners.get(word, _NO_OWNER)
        for lang in langs:
            votes[lang] += share
            counts[lang] += 1
    ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= 3 and top >= MARGIN * second and counts[best] >= MIN_SHARE * len(words):
        return best
    return None


def _from_script(text: str) -> str | None:
    """The language of the script most letters are written in, when only one language uses it."""
    sample = text[:MAX_CHARS]
    letters = _count(LETTER, sample)
    if letters < MIN_SCRIPT_LETTERS:
        return None
    han, kana = _count(HAN, sample), _count(KANA, sample)
    if han + kana > letters / 2:
        return "ja" if kana >= MIN_KANA * (han + kana) else "zh"
    for code, ranges in SCRIPTS:
        if _count(ranges, sample) > letters / 2:
            return code
    return None


@lru_cache(maxsize=8)
def _script(ranges: str) -> re.Pattern[str]:
    return re.compile(f"[{ranges}]")


def _count(ranges: str, text: str) -> int:
    return len(_script(ranges).findall(text))
