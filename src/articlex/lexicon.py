"""Words of every language, loaded once from ``lexicons/*.toml`` and compiled into patterns.

Code never holds words of a language: it asks this module for a cue by its key
(``cues().starts("read_also", text)``). Cues merge every language, so a German
label on a page whose language is unknown is still found.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import islice
from collections.abc import Iterable
from typing import Any, Generator
from importlib import resources

__all__ = ["KEYS", "LANGUAGES", "Lexicon", "Cues", "Agency", "load", "cues", "agencies", "fold"]

KEYS = (
    "read_also", "previous", "next", "page_next", "views", "comments", "no_comments",
    "thousands", "reading_time", "home", "breadcrumb_labels", "byline_prefixes", "byline_genres", "no_author", "editor_labels",
    "author_joiners", "author_roles", "byline_actions", "newsroom", "source_verbs", "source_prefixes",
    "source_joiners",
    "photo_credits", "tags_labels", "share", "comment_section", "related_section",
    "published_labels", "updated_labels", "newsletter", "advertising", "read_more", "rights_reserved",
    "continued", "stop_words",
    "share_counts", "account",
)
"""The keys every language file must have (``language`` and ``name`` aside)."""

MAY_BE_EMPTY = frozenset({"breadcrumb_labels"})
"""Keys a language file may leave empty (the lexicon test requires words for every other key)."""

LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "ro", "pl", "nl", "ru", "uk", "bg", "ca")

# What may follow a label before the labelled text: "Lire aussi :", "Source -", "Quelle »".
_LABEL_CHARS = " \t:：-–—»›>|/\u00a0"
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00a0": " ", "\u202f": " "})
_APOSTROPHES = "['\u2019\u2018\u02bc]"
"""Any apostrophe, in a phrase's pattern."""
HEAD_LETTERS = 3
TRAILING_SLACK = 16
"""Characters searched before a trailing label beyond twice its longest phrase (spaces, arrows)."""
_PHRASE_EDGES = " :.!-–—…"
"""What may stand around a phrase that is a whole text ('Partager :', '— Tags —')."""
_END = ""
"""Marks, in the trie, where a phrase ends."""
_NONE: frozenset[str] = frozenset()


def fold(text: str) -> str:
    """Case-folded, NFC, apostrophes unified and white space collapsed: how cues compare text."""
    if text.isascii():  # nothing to normalise, no curly apostrophe, casefold() is lower()
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFC", text).translate(_QUOTES).casefold()
    return " ".join(text.split())


@dataclass(frozen=True)
class Lexicon:
    """One language's words, by key."""

    language: str
    name: str
    words: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Agency:
    """A news agency and the names it is printed under."""

    name: str
    aliases: tuple[str, ...]
    case_sensitive: bool


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("articlex").joinpath("lexicons", name).read_text("utf-8"))


@lru_cache(maxsize=None)
def load(language: str) -> Lexicon:
    """The lexicon of one language; ``KeyError`` names a language that has none."""
    if language not in LANGUAGES:
        raise KeyError(f"no lexicon for language {language!r}; known: {', '.join(LANGUAGES)}")
    data = _read(f"{language}.toml")
    words = {key: tuple(w.strip() for w in data.get(key, ()) if w.strip()) for key in KEYS}
    return Lexicon(language=data["language"], name=data["name"], words=words)


def _alternation(words: Iterable[str]) -> str:
    """The phrases as one regex shaped like a trie: phrases sharing a start share its branch, so
    the engine tests each character once instead of once per phrase. At every branch a longer
    phrase is tried before a shorter one it extends; any apostrophe and any run of spaces match."""
    trie: dict[str, Any] = {}
    for phrase in sorted({fold(w) for w in words if w.strip()}):
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _branches(trie)


class _Heads:
    """The first three letters of a set of phrases: most texts start with none of them, and saying
    so costs a slice and a set lookup, where the phrases' pattern would try each of its branches."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.heads: set[str] = set()
        """Three letters that open a phrase, or all the letters of a shorter opening ('a ', "l'", 'à')."""
        self.any_start = False
        for phrase in phrases:
            folded = fold(phrase)
            letters = next((i for i, ch in enumerate(folded[:HEAD_LETTERS]) if not ch.isalnum()), None)
            head = folded[:HEAD_LETTERS] if letters is None else folded[:letters]
            if head:
                self.heads.add(head)
            elif folded:
                self.any_start = True  # a phrase opening with a symbol: no shortcut

    def may_start(self, text: str) -> bool:
        """Whether one of the phrases could begin ``text`` (False only when none can)."""
        head = text[:HEAD_LETTERS]
        head = head.lower() if head.isascii() else head.casefold()[:HEAD_LETTERS]
        heads = self.heads
        return self.any_start or head in heads or head[:2] in heads or head[:1] in heads


def _branches(node: dict[str, Any]) -> str:
    """The regex of a trie node's continuations (iterative over each chain of single children)."""
    parts = []
    for ch, child in node.items():
        if ch == _END:
            continue
        piece = [_atom(ch)]
        while len(child) == 1 and _END not in child:  # a chain: no branching, no phrase end
            (ch, child), = child.items()
            piece.append(_atom(ch))
        rest = _branches(child) if set(child) - {_END} else ""
        if rest:
            rest = f"(?:{rest})?" if _END in child else f"(?:{rest})"
        parts.append("".join(piece) + rest)
    return "|".join(parts)


def _atom(ch: str) -> str:
    if ch == " ":
        return r"\s+"
    if ch == "'":
        return _APOSTROPHES
    return re.escape(ch)


END_CHARS = 3
"""Last characters of a phrase a text must end with before the phrases are tried at its end."""
_NOT_IN_ENDS = frozenset(" '\u2019\u2018\u02bc")
"""Characters a phrase's pattern matches more than one way (a space is any white space, an
apostrophe any apostrophe): a phrase's end is taken after the last of them."""


def _ends_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern of the phrases' last :data:`END_CHARS` characters (those after a space or an
    apostrophe), then white space to the end: it matches, searched from :data:`END_CHARS` before
    the end of the text's last non-space character, wherever a phrase ends the text (each of
    those characters matches one character, case aside, as in the phrase's own pattern). None
    when a phrase ends with a space or an apostrophe: no shortcut then."""
    ends = set()
    for phrase in phrases:
        end = phrase[-END_CHARS:]
        cut = max((i for i, ch in enumerate(end) if ch in _NOT_IN_ENDS or ch.isspace()), default=-1)
        if cut == len(end) - 1:
            return None
        ends.add(end[cut + 1:])
    return re.compile(rf"(?:{'|'.join(re.escape(end) for end in sorted(ends))})\s*$", re.I) if ends else None


class Cues:
    """Compiled patterns for every key, all languages merged."""

    def __init__(self, lexicons: list[Lexicon]) -> None:
        self.words = {key: tuple(w for lx in lexicons for w in lx.words[key]) for key in KEYS}
        self._folded = {key: frozenset(fold(w) for w in self.words[key]) for key in KEYS}
        self._longest = {key: max((len(w) for w in self._folded[key]), default=0) for key in KEYS}
        self._start: dict[str, re.Pattern[str]] = {}
        self._any: dict[str, re.Pattern[str]] = {}
        self._end: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str]]] = {}
        self._union: dict[tuple[str, ...], tuple[_Heads, re.Pattern[str]]] = {}
        self._phrases: dict[tuple[str, ...], tuple[int, _Heads, dict[str, frozenset[str]]]] = {}
        self._between: dict[str, re.Pattern[str]] = {}

    def is_word(self, key: str, text: str) -> bool:
        """Whether the whole text is one of the key's phrases."""
        if len(text) > self._longest[key] + 8:  # a longer text cannot be one of them (cheap first test)
            return False
        return fold(text).strip(_PHRASE_EDGES) in self._folded[key]

    def is_any_word(self, keys: tuple[str, ...], text: str) -> bool:
        """Whether the whole text is a phrase of any of these keys (the text folded once)."""
        if len(text) > max(self._longest[key] for key in keys) + 8:
            return False
        folded = fold(text).strip(_PHRASE_EDGES)
        return any(folded in self._folded[key] for key in keys)

    def labels(self, keys: tuple[str, ...], text: str) -> frozenset[str]:
        """The keys among ``keys`` with a label starting the text (what :meth:`strip_label` finds).

        One pattern of all their phrases answers for most texts, which start with no label at all;
        each key's own pattern runs only when it hits."""
        if keys not in self._union:
            words = [w for k in keys for w in self.words[k]]
            self._union[keys] = (_Heads(words), re.compile(rf"^\s*(?:{_alternation(words)})", re.I))
        heads, union = self._union[keys]
        if not heads.may_start(text.lstrip()) or not union.match(text):
            return _NONE
        return frozenset(key for key in keys if self.strip_label(key, text) is not None)

    def phrases(self, keys: tuple[str, ...], text: str) -> frozenset[str]:
        """The keys among ``keys`` the whole text is a phrase of (what :meth:`is_word` says), in one lookup."""
        if keys not in self._phrases:
            table: dict[str, set[str]] = {}
            for key in keys:
                for phrase in self._folded[key]:
                    table.setdefault(phrase, set()).add(key)
            longest = max(self._longest[key] for key in keys)
            self._phrases[keys] = (longest, _Heads(table), {phrase: frozenset(found) for phrase, found in table.items()})
        longest, heads, keys_of = self._phrases[keys]
        if len(text) > longest + 8:  # a longer text cannot be one of them (cheap first test)
            return _NONE
        if not heads.may_start(text.lstrip(_PHRASE_EDGES)):
            return _NONE
        return keys_of.get(fold(text).strip(_PHRASE_EDGES), _NONE)

    def start_pattern(self, key: str) -> re.Pattern[str]:
        if key not in self._start:
            alt = _alternation(self.words[key])
            self._start[key] = re.compile(rf"^\s*(?:{alt})", re.I)
        return self._start[key]

    def any_pattern(self, key: str) -> re.Pattern[str]:
        if key not in self._any:
            alt = _alternation(self.words[key])
            self._any[key] = re.compile(rf"(?<!\w)(?:{alt})(?!\w)", re.I)
        return self._any[key]

    def between_pattern(self, key: str) -> re.Pattern[str]:
        """The key's words in lower case with white space on both sides ("A et B", not "E. Nurdin")."""
        if key not in self._between:
            self._between[key] = re.compile(rf"\s+(?:{_alternation(self.words[key])})\s+")
        return self._between[key]

    def strip_label(self, key: str, text: str) -> str | None:
        """The text after a leading label of this key, or None when it has no such label."""
        m = self.start_pattern(key).match(text)
        if not m or not self.words[key]:
            return None
        end = m.end()
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            # "Article précédentBitcoin": a text dump glues a label to the title after it.
            if not (text[end].isupper() and text[end - 1].islower()):
                return None
        return text[end:].lstrip(_LABEL_CHARS).strip()

    def strip_trailing_label(self, key: str, text: str) -> str | None:
        """The text before a trailing label of this key ('Titel →Volgende'), or None without one."""
        if key not in self._end:
            self._end[key] = (_ends_pattern(self.words[key]),
                              re.compile(rf"(?:{_alternation(self.words[key])})\s*$", re.I))
        ends, pattern = self._end[key]
        if not self.words[key] or ends is not None and not ends.search(text, max(0, len(text.rstrip()) - END_CHARS)):
            return None  # no phrase's last letters end the text (most lines): the phrases are not tried
        # The label ends the text: only its last characters are searched (a paragraph may be long).
        tail = max(0, len(text) - 2 * self._longest[key] - TRAILING_SLACK)
        m = pattern.search(text, tail)
        if not m:
            return None
        start = m.start()
        if start and text[start - 1].isalnum() and not (text[start].isupper() and text[start - 1].islower()):
            return None
        return text[:start].rstrip(_LABEL_CHARS).strip()

    def contains(self, key: str, text: str) -> bool:
        return self.any_pattern(key).search(text) is not None

    @cached_property
    def stop_words(self) -> dict[str, frozenset[str]]:
        return {lang: frozenset(fold(w) for w in load(lang).words["stop_words"]) for lang in LANGUAGES}


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The merged cues of every language (built once)."""
    return Cues([load(lang) for lang in LANGUAGES])


def _first_words(words: set[str]) -> re.Pattern[str] | None:
    """Where one of ``words`` starts a word, as the look-behind of the agency patterns wants it.
    Grouped by first letter, so that the engine tries a letter or two at each word start rather
    than every word; searched in the lower-cased text for the loose aliases, as written for the
    case-sensitive ones."""
    if not words:
        return None
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=lambda w: (-len(w), w)):
        by_first.setdefault(word[0], []).append(re.escape(word[1:]))
    groups = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))
    return re.compile(rf"(?<![\w@.-])(?:{groups})")


def _next_start(finder: re.Pattern[str], haystack: str, pos: int) -> int:
    m = finder.search(haystack, pos)
    return m.start() if m else -1


def _non_overlapping(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    found.sort()
    return [f for i, f in enumerate(found) if i == 0 or f[0] >= found[i - 1][1]]


class Agencies:
    """Finds agency names in text and gives their usual spelling."""

    def __init__(self, items: list[Agency]) -> None:
        self.items = items
        self._canonical: dict[str, str] = {}
        loose, strict = [], []
        for agency in items:
            for alias in agency.aliases:
                if agency.case_sensitive:
                    strict.append(alias)
                    self._canonical[alias] = agency.name
                else:
                    loose.append(alias)
                    self._canonical[fold(alias)] = agency.name
        self._loose = self._compile(loose, re.I, inflected=True)
        self._strict = self._compile(strict, 0)
        self._loose_starts = _first_words({a.lower().split()[0] for a in loose if a.split()})
        self._strict_starts = _first_words({a.split()[0] for a in strict if a.split()})

    @staticmethod
    def _compile(aliases: list[str], flags: int, inflected: bool = False) -> re.Pattern[str] | None:
        if not aliases:
            return None
        alt = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(set(aliases), key=len, reverse=True))
        # Slavic languages decline names: "за даними Укрінформу", "według PAP-u".
        ending = r"(?:-?[а-яёіїєґ]{1,2}|-[a-z]{1,2})?" if inflected else ""
        return re.compile(rf"(?<![\w@.-])((?:{alt})){ending}(?![\w@-]|\.\w)", flags)

    def find(self, text: str, limit: int | None = None) -> list[tuple[int, int, str]]:
        """Every agency named in the text (the first ``limit``): (start, end, usual name), in order."""
        return _non_overlapping(list(islice(self.matches(text), limit)))

    def matches(self, text: str) -> Generator[tuple[int, int, str], int | None, None]:
        """The agencies named in the text, in order, as they are found: a caller that needs only
        the first few stops the scan there, and ``send(position)`` skips ahead to a position.

        Python's regex engine tries a long alternation at every position; instead the places where
        an alias's first word starts are found first (:func:`_first_words`, a pattern that tries a
        few letters a word), and the aliases' patterns run only there."""
        lowered = text.lower()
        if len(lowered) != len(text):  # a few letters change length when lowered: scan the slow way
            cursor = 0
            for found in self._scan(text):
                if found[0] >= cursor:
                    cursor = (yield found) or cursor
            return
        sources = [(finder, haystack) for finder, haystack in ((self._loose_starts, lowered), (self._strict_starts, text))
                   if finder is not None]
        following = [_next_start(finder, haystack, 0) for finder, haystack in sources]
        cursor, at = 0, -1
        while True:
            low = max(cursor, at + 1)
            for i, (finder, haystack) in enumerate(sources):
                if 0 <= following[i] < low:  # each finder searched again only once passed: linear
                    following[i] = _next_start(finder, haystack, low)
            at = min((place for place in following if place >= 0), default=-1)
            if at < 0:
                return
            for pattern, strict in ((self._strict, True), (self._loose, False)):
                m = pattern.match(text, at) if pattern is not None else None
                if m:
                    for found in self._named(m, strict):
                        cursor = max(cursor, (yield found) or 0)
                    break

    def _scan(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        for pattern, strict in ((self._strict, True), (self._loose, False)):
            for m in pattern.finditer(text) if pattern is not None else ():
                found.extend(self._named(m, strict))
        return _non_overlapping(found)

    def _named(self, m: re.Match[str], strict: bool) -> list[tuple[int, int, str]]:
        key = " ".join(m.group(1).split()) if strict else fold(m.group(1))
        name = self._canonical.get(key)
        return [(m.start(), m.end(), name)] if name else []

    def name_of(self, text: str) -> str | None:
        """The usual name when the whole text is an agency's name."""
        text = " ".join(text.split())
        return self._canonical.get(text) or self._canonical.get(fold(text))


@lru_cache(maxsize=1)
def agencies() -> Agencies:
    """The agency list from ``lexicons/agencies.toml`` (built once)."""
    data = _read("agencies.toml")
    return Agencies([
        Agency(name=a["name"], aliases=tuple(a.get("aliases") or (a["name"],)),
               case_sensitive=bool(a.get("case_sensitive", False)))
        for a in data.get("agency", [])
    ])
