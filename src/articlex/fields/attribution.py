"""Person authors apart from agencies and source credits."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..lexicon import Cues, agencies, cues, fold
from ..model import Attribution
from ..page import Page, TextBlock
from ..selectors import AUTHOR, BOILERPLATE
from ..text import date_span, is_sentence, looks_like_date, word_count
from .body import Body
from .metadata import article_objects

__all__ = ["find_attribution", "split_names"]

MAX_NAME_WORDS = 5
MAX_ACRONYM = 5
LINKED_SHARE = 0.6
"""A byline whose links cover less of its text than this names people outside the links too."""
MAX_BYLINE_WORDS = 14
VERB_REACH = 30
"""Characters between a source verb and the agency it credits ("rapporte l'agence Agerpres")."""
HEADER_REACH = 3
NAME_CAPITALS = 0.6
"""Share of capitalised words in a line of names ('Elsa Provenzano et Mickaël Bosredon': 4 of 5)."""
ORGANISATIONS = ("Organization", "NewsMediaOrganization", "Corporation")

_PARENS = re.compile(r"\(([^()]{2,60})\)")
_DATELINE = re.compile(r"^[^\W\d][^()]{0,40}\(([^()]{2,40})\)\s*[-–—:.]")
_TAIL = re.compile(r"(?:^|[\s(])([\w.-]{1,12})/([^\W\d][\w-]{1,20})\)?\.?\s*$")
_HANDLE_OR_MAIL = re.compile(r"\S*@\S+|https?://\S+|www\.\S+")
_SPLIT = re.compile(r"\s*[,;|/·•]\s*|\s+&\s+")
_META_BREAK = re.compile(r"\s[|/·•–—-]\s|(?=\d)")
_NAME_RUN = re.compile(r"(?:[^\W\d_][\w'’.-]*\s?){1,4}")
MAX_META_WORDS = 30
MAX_MENTIONS = 50
"""Agency mentions examined in one block: credits are a handful; a flood of names is not more credit."""
CREDIT_HEAD = 20
CREDIT_TAIL = 5
"""Agencies are credited at the edges of an article (dateline, first paragraphs, tail): only these
blocks are scanned, so a 30 MB live blog costs no more than a short story."""


def find_attribution(page: Page, body: Body, title_index: int | None, site: str | None) -> Attribution:
    lexicon = cues()
    authors: list[str] = []
    sources: list[str] = []
    strategy = None
    for rank, (origin, names) in enumerate(_byline_origins(page, body, title_index)):
        for raw in names:
            people, credited = split_names(raw, lexicon, site)
            sources.extend(credited)  # every origin may name the agency ("By X and Reuters")
            strategy = strategy or (origin if credited or (people and rank == 0) else None)
            if rank == 0:
                authors.extend(people)
    in_text = _sources_in_text(body, lexicon)
    sources.extend(in_text)
    if authors or sources:
        where = (body.header if strategy == "cue" else None) if strategy else body.blocks
        page.note("attribution", strategy or "cue", where)
    return Attribution(authors=_unique(authors), sources=_unique(sources))


def _byline_origins(page: Page, body: Body, title_index: int | None) -> list[tuple[str, list[str]]]:
    """(strategy, raw bylines) by origin, the most trusted origin that names a person first."""
    lexicon = cues()
    origins = [("jsonld", _from_jsonld(page))] if page.is_html else []
    origins.append(("cue", _from_lines(body.header, lexicon)))
    if page.is_html:
        origins += [("markup", _from_markup(page, body, title_index)), ("meta", _from_meta(page, lexicon))]
    people = [{fold(p) for n in names for p in split_names(n, lexicon, None)[0]} for _, names in origins]
    named = [i for i, found in enumerate(people) if found]
    if not named:
        return [("none", [])] + origins
    best = named[0]
    # A later origin that names the same people and more wins: JSON-LD often lists the first
    # author only, the printed byline all of them ("Elsa Provenzano et Mickaël Bosredon").
    best = next((i for i in named[1:] if people[i] > people[best]), best)
    return [origins[best]] + origins[:best] + origins[best + 1:]


def _from_jsonld(page: Page) -> list[str]:
    names = []
    for obj in article_objects(page)[:1]:
        authors = obj.get("author") or obj.get("creator")
        for author in authors if isinstance(authors, list) else [authors]:
            author = page.resolve(author)
            if isinstance(author, dict) and isinstance(author.get("name"), str):
                if author.get("@type") in ORGANISATIONS and not agencies().name_of(author["name"]):
                    continue  # the publisher named as author: not a person, not an agency
                names.append(author["name"])
            elif isinstance(author, str) and "://" not in author:
                names.append(author)
    return names


def _from_meta(page: Page, lexicon: Cues) -> list[str]:
    """``<meta name=author>``, or a twitter:data field whose label is a byline prefix ("Written by")."""
    meta = page.meta
    for n in ("1", "2"):
        label = meta.get(f"twitter:label{n}")
        if label and lexicon.strip_label("byline_prefixes", label) is not None and meta.get(f"twitter:data{n}"):
            return [meta[f"twitter:data{n}"]]
    author = meta.get("author") or meta.get("article:author") or meta.get("dc.creator")
    return [author] if author and "://" not in author else []


def _from_markup(page: Page, body: Body, title_index: int | None) -> list[str]:
    """Names in byline elements near the header: their links, else their short text."""
    low = max(0, (title_index if title_index is not None else body.start or 0) - HEADER_REACH)
    high = body.end if body.end is not None else low + 30
    names: list[str] = []
    for el in page.index.all_matches(AUTHOR):
        position = page.position_of(el)
        if position is None or not low <= position <= high or _in_boilerplate(el, body.container):
            continue
        linked = [" ".join(a.text_content().split()) for a in el.iter("a")]
        linked = [t for t in linked if t and word_count(t) <= MAX_NAME_WORDS]
        text = " ".join(el.text_content().split())
        if linked and sum(map(len, linked)) < LINKED_SHARE * len(text) and word_count(text) <= MAX_BYLINE_WORDS:
            linked = []  # "<a>Martin Untersinger</a> (avec Damien Leloup et Morgane Tual)": read it all
        for name in linked or ([text] if text and word_count(text) <= MAX_BYLINE_WORDS else []):
            if name not in names:
                names.append(name)
        if names and not linked:
            break
    return names


def _in_boilerplate(el, container) -> bool:
    for anc in el.iterancestors():
        if anc is container:
            return False
        marks = f"{anc.get('class') or ''} {anc.get('id') or ''}"
        if "related" in marks.lower() or ("widget" in marks.lower() and BOILERPLATE.search(marks)):
            return True
    return False


def _from_lines(header: list[TextBlock], lexicon: Cues) -> list[str]:
    """'By X', a lone 'Von' above the name, a prefix inside a dated meta line ('12:40 Автор: X'),
    or names right before the date ('Marco Bellini 3 maggio 2024', or on the line above it)."""
    for i, block in enumerate(header):
        text = block.text
        following = header[i + 1].text if i + 1 < len(header) else ""
        rest = lexicon.strip_label("byline_prefixes", text)
        if rest == "" and following:
            return [following]
        if rest:
            return [_before_meta(rest)]
        span = date_span(text)
        if span and word_count(text) <= MAX_META_WORDS:
            inside = _prefixed_inside(text, lexicon)
            head = text[:text.find(span)].strip(" -–—|·•,")
            if inside:
                return [inside]
            if _looks_like_names(head):
                return [head]
        if following and _looks_like_names(text) and _is_dateline(following, lexicon):
            return [text]
    return []


def _before_meta(text: str) -> str:
    """A byline that runs on into the date and counters: the part before the date, a digit or a separator."""
    span = date_span(text)
    head = text[:text.find(span)] if span else text
    parts = _META_BREAK.split(head, maxsplit=1)
    cut = parts[0].strip(" ,;")
    if len(parts) > 1 and parts[1][:1].isdigit() and len(cut.split()) >= 3:
        cut = cut.rsplit(" ", 1)[0]  # "Erin Cunningham March 18": the word before the day is its month
    return cut.strip(" ,;") or text


def _prefixed_inside(text: str, lexicon: Cues) -> str | None:
    """Capitalised names after a byline prefix in the middle of a meta line."""
    for m in lexicon.any_pattern("byline_prefixes").finditer(text):
        if m.start() == 0:
            continue
        rest = text[m.end():].lstrip(" :：")
        cuts = [found.start() for key in _META_KEYS for found in [lexicon.any_pattern(key).search(rest)] if found]
        names = _NAME_RUN.match(rest[:min(cuts, default=len(rest))])
        words = names.group(0).split() if names else []
        if len(words) >= 2 and words[0][0].isupper() and words[-1][0].isupper():
            return " ".join(words)
    return None


_META_KEYS = ("views", "comments", "no_comments", "published_labels", "updated_labels", "reading_time")


def _looks_like_names(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= MAX_BYLINE_WORDS or any(ch.isdigit() for ch in text) or is_sentence(text):
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= NAME_CAPITALS * len(words)


def _is_dateline(text: str, lexicon: Cues) -> bool:
    return looks_like_date(text) or any(lexicon.strip_label(key, text) is not None
                                        for key in ("published_labels", "updated_labels"))


def split_names(raw: str, lexicon: Cues, site: str | None) -> tuple[list[str], list[str]]:
    """A byline string -> (people, agencies): prefixes, handles, roles and newsrooms dropped."""
    if lexicon.strip_label("photo_credits", raw) is not None:
        return [], []
    text = _HANDLE_OR_MAIL.sub(" ", " ".join(raw.split())).replace("(", ",").replace(")", ",")
    rest = lexicon.strip_label("byline_prefixes", text)
    text = rest if rest is not None else text
    parts = []
    for piece in _SPLIT.split(text):
        parts.extend(lexicon.any_pattern("author_joiners").split(piece) if " " in piece else [piece])
    people, credited = [], []
    for part in parts:
        part = part.strip(" .,:;-–—()[]")
        for key in ("byline_prefixes", "source_joiners"):
            rest = lexicon.strip_label(key, part)
            part = rest if rest else part
        if not part:
            continue
        agency = agencies().name_of(part) or _agency_in_with(part, lexicon)
        if agency:
            credited.append(agency)
            continue
        found = agencies().find(part)
        if found and found[-1][1] == len(part):  # "Suleiman Al-Khalidi Reuters"
            credited.append(found[-1][2])
            part = part[:found[-1][0]].strip()
        if _is_person(part, lexicon, site):
            people.append(part)
    if len(people) > 1:  # beside full names, a lone acronym ("CNN") is an organisation
        people = [p for p in people if " " in p or not (p.isupper() and len(p) <= MAX_ACRONYM)] or people
    return people, credited


def _agency_in_with(part: str, lexicon: Cues) -> str | None:
    """'Staff with AP', 'Le Monde avec AFP': the agency after a joiner."""
    m = lexicon.any_pattern("source_joiners").search(part)
    return agencies().name_of(part[m.end():].strip()) if m else None


def _is_person(part: str, lexicon: Cues, site: str | None) -> bool:
    words = part.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(ch.isdigit() for ch in part):
        return False
    if lexicon.contains("newsroom", part):
        return False
    if site and len(site) >= 4 and (fold(part) in fold(site) or fold(site) in fold(part)):
        return False
    if "." in part and " " not in part:
        return False  # a domain such as "Elpais.cr"
    return any(ch.isalpha() for ch in part)


def _sources_in_text(body: Body, lexicon: Cues) -> list[str]:
    found: list[str] = []
    for line in body.source_lines:
        names = [name for _, _, name in agencies().find(line)]
        found.extend(names or [line])
    blocks = body.blocks
    if blocks:
        m = _DATELINE.match(blocks[0].text)
        if m:
            found.extend(name for _, _, name in agencies().find(m.group(1)))
        tail = _TAIL.search(blocks[-1].text)
        if tail and agencies().name_of(tail.group(2)):
            found.append(agencies().name_of(tail.group(2)))
    edges = blocks[:CREDIT_HEAD] + blocks[-CREDIT_TAIL:] if len(blocks) > CREDIT_HEAD + CREDIT_TAIL else blocks
    for block in _naming_an_agency(edges + body.header):
        if not _is_credit(block.text, lexicon):
            found.extend(_credited_in(block.text, lexicon))
    return found


def _naming_an_agency(blocks: list[TextBlock]) -> list[TextBlock]:
    """The blocks that name any agency at all, found with one scan of their joined text."""
    joined = "\n".join(b.text for b in blocks)
    starts, offset = [], 0
    for block in blocks:
        starts.append(offset)
        offset += len(block.text) + 1
    hits = {bisect_right(starts, start) - 1 for start, _, _ in agencies().find(joined)}
    return [blocks[i] for i in sorted(hits)]


def _is_credit(text: str, lexicon: Cues) -> bool:
    return "©" in text or lexicon.strip_label("photo_credits", text) is not None


def _credited_in(text: str, lexicon: Cues) -> list[str]:
    """Agencies a block credits: in parentheses, or right after (or before) a source verb.
    The block is scanned for agencies once; each name is then placed in its context."""
    spans = [(m.start(1), m.end(1)) for m in _PARENS.finditer(text)]
    starts = [a for a, _ in spans]
    verbs = lexicon.any_pattern("source_verbs")
    found = []
    for start, end, name in agencies().find(text, limit=MAX_MENTIONS):
        if name in found:
            continue
        i = bisect_right(starts, start) - 1
        if i >= 0 and spans[i][1] >= end:
            if not lexicon.contains("photo_credits", text[spans[i][0]:spans[i][1]]):
                found.append(name)
            continue
        before = text[max(0, start - VERB_REACH):start]
        after = text[end:end + VERB_REACH]
        if verbs.search(before) or verbs.match(after.strip()):
            found.append(name)
    return found


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
