"""Person authors apart from agencies and source credits."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import Cues, agencies, cues, fold
from ..model import Attribution
from ..page import Element, Page, TextBlock
from ..selectors import AUTHOR, BOILERPLATE, EDITOR
from ..text import DATE_LABELS, MAX_META_WORDS, date_span, has_date_label, is_sentence, looks_like_date, word_count
from .body import Body
from .regions import ABOVE_TITLE, TAIL_REACH, Regions
from .dates import is_relative_date as _is_relative_date
from .dates import month_words, weekday_words
from .lines import HANDLE_TAIL
from .metadata import article_objects

__all__ = ["find_attribution", "split_names"]

Orgs = tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]
"""(the names the site goes by, the suffixes of the page title), each as its folded words."""

MAX_NAME_WORDS = 5
"""A person's name is this many words at most ('Lauren del Valle'); a longer link or line is no name."""
MAX_ACRONYM = 5
"""Beside full names, an upper-case word this short ('CNN') is an organisation, not a person."""
LINKED_SHARE = 0.6
"""A byline whose links cover less of its text than this names people outside the links too."""
MAX_BYLINE_WORDS = 14
"""A byline element or line of names is this many words at most; a longer text is prose."""
VERB_REACH = 30
"""Characters between a source verb and the agency it credits ("rapporte l'agence Agerpres")."""
HEADER_REACH = ABOVE_TITLE
"""Blocks past the start of the text where a byline element still belongs to the header (as many
as may stand above the title)."""
NAME_CAPITALS = 0.6
"""Share of capitalised words in a line of names ('Elsa Provenzano et Mickaël Bosredon': 4 of 5)."""
MAX_MENTIONS = 50
"""Agency mentions examined in one block: credits are a handful; a flood of names is not more credit."""
CREDIT_HEAD = 20
CREDIT_TAIL = 5
"""Agencies are credited at the edges of an article (dateline, first paragraphs, tail): only these
blocks are scanned, so a 30 MB live blog costs no more than a short story."""
ORGANISATIONS = ("Organization", "NewsMediaOrganization", "Corporation")
"""JSON-LD author types that name a publisher, not a person (kept only when the name is an agency's)."""
TRUST = ("jsonld", "markup", "meta", "cue", "social")
"""Which origin wins when no other one confirms any: structured data first, the header lines last
(a caption or a column name above the date reads like a byline: readability nytimes-2, lexpress)."""
VISIBLE = ("cue", "markup")
"""Origins printed on the page: their spelling of a name is kept, and they may extend the chosen list."""
META_AUTHORS = ("dc.creator", "dc:creator", "parsely-author", "author", "article:author", "byl")
"""<meta> fields naming the author, most specific first: Dublin Core and Parse.ly are filled per
article by the CMS, while a theme's ``name=author`` often holds the site's owner."""
SOCIAL_AUTHOR = "twitter:creator"
"""Read last, as its own origin: often the site's handle or its CMS account ('CMS Noticias'), it names the
author only when nothing printed on the page names anyone."""
DATELINE_LEAD = 30
"""Characters before the date on a line that still dates the byline above it ('Santo Domingo - abr.
22, 2022 | 12:01'): a place or a weekday; further in, the date belongs to a sentence."""
BETWEEN_NAME_AND_DATE = 2
"""Lines that may stand between a byline and its date line: a handle, a place ('@earrieta', 'Madrid')."""
PLACE_WORDS = 3
"""A place line under a byline is this many capitalised words at most ('Santo Domingo')."""
MAX_INITIALS = 4
"""An editor's initials signing a story ('rdb', 'aja/PAP', 'MA') are this many letters at most."""
SITE_LINES = 60
"""Blocks at each end of a text dump searched for the site's address (logo, footer): a byline naming it
is the publication, not a person."""
SITE_HEAD = 12
"""The first lines of a dump, where the logo prints the site's name ('ASU Online', 'CottageCare | Blog'):
a byline repeating one names the publication. Lines just above the headline are left out (a kicker,
a byline printed over the title)."""
SITE_NAME_WORDS = 4
"""A site's name is a few words; a longer first line is a menu or a banner."""
MIN_SITE_LETTERS = 5
"""A site name this long may end a byline's letters ('Diário O Farol' for ofarol.pt); shorter ones
('abc') would end ordinary surnames."""
SOURCE_TAIL = 6
"""Blocks after the article text where a footer source line sits ('Quelle: RADIO NORD/ls', past a
share bar or a photo credit); further down, 'Source:' lines belong to other stories."""
MAX_SOURCE_WORDS = 6
"""A credited source is a name of a few words; a longer 'Source:' line is a sentence or a link list."""
MAX_LEAD_WORDS = 3
"""Each side of 'KIDSPOST via JTA —' opening the text is an outlet's name of a few words."""
TABLE_CELLS = ("tr", "td", "th")
"""Blocks of a data table: a film title above its year is no byline above a date."""
_META_KEYS = ("views", "comments", "no_comments", "published_labels", "updated_labels", "reading_time")
"""Lexicon keys whose words end the names after a byline prefix inside a meta line."""

_DATELINE = re.compile(r"^[^\W\d][^()]{0,40}\(([^()]{2,40})\)\s*[-–—:.]")
_TAIL = re.compile(r"(?:^|[\s(])([\w.-]{1,12})/([^\W\d][\w-]{1,20})\)?\.?\s*$")
_HANDLE_OR_MAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|@[\w.]+|https?://\S+|www\.\S+")
"""E-mails, URLs and handles; a handle glued to the name is cut off it ('Alissa Wilkinson@alissamarie')."""
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_TITLE_SUFFIX = re.compile(r"\s[|–—-]\s([^|–—]{2,40})\s*$")
_CATALOGUE_NAME = re.compile(r"^([^\W\d_][\w'’-]+),\s*([^\W\d_][\w'’.-]*(?:\s[\w'’.-]+){0,2})$")
_TRAILING_PARENS = re.compile(r"^(.*?)\s*\(([^()]*)\)$")
_DIGIT = re.compile(r"\d")
_SEPARATORS = " ,;/&·•|"
_USER_ID = re.compile(r"[^\W\d_]\d")
_SPLIT = re.compile(r"\s*[,;|/·•]\s*|\s+&\s+")
_META_BREAK = re.compile(r"\s[|/·•–—-]\s|(?=\d)")
_NAME_RUN = re.compile(r"(?:[^\W\d_][\w'’.-]*\s?){1,4}")
_SITE_PARTS = re.compile(r"\s[|–—-]\s|\s*\|\s*")
_GLUED = re.compile(r"(?<=[^\W\d_])(?=[A-Z])")
"""Where a lower-case letter meets an upper-case one inside a word (a label glued to a name)."""
GLUED_LABELS = ("published_labels", "updated_labels", "byline_actions", "photo_credits")
"""Labels that may follow a name on its line, and end it."""
_NAME_OPENERS = "(\"'“«"
"""What may open a word of a line of names besides a letter ('(avec Damien Leloup')."""
_AFTER_DATE = re.compile(r"\s*[|·•]\s*")
"""What sets a byline apart after the date on one line ('07. November 2023 - 10:38 Uhr | Maximilian Berg')."""
_INITIALS = re.compile(r"^(?:[^\W\d_]{2,%d})(?:/[^\W\d_][\w.-]{1,20})?$" % MAX_INITIALS)
"""'rdb', 'MA', 'aja/PAP': initials alone, or with the agency after a slash."""
_LEAD_IN = re.compile(r"^(.{2,60}?)\s+[—–-]\s+")
"""The lead-in before a dash that opens the text ('KIDSPOST via JTA — The state of ...')."""
_ADDRESS_LINE = re.compile(r"(?:https?://)?(?:www\.)?([^\W_][\w-]{2,40})\.[a-z]{2,12}(?:\.[a-z]{2})?/?", re.I)
"""A line that is only a web address: the site's own, printed by its logo or in its footer (an address
inside a sentence, 'Other news from X.md', names another outlet)."""
_DOMAIN = re.compile(r"\b(?:www\.)?([^\W_][\w-]{2,40})\.(?:[a-z]{2,12})(?:\.[a-z]{2})?\b", re.I)


def find_attribution(page: Page, body: Body, regions: Regions, site: str | None) -> Attribution:
    lexicon = cues()
    title_index = regions.title
    orgs = _organisation_names(page, site, title_index, body)
    origins = _byline_origins(page, body, regions, lexicon, orgs)
    best = _best_origin(origins)
    authors: list[str] = []
    sources: list[str] = []
    for origin in origins:
        sources.extend(origin.agencies)  # every origin may name the agency ("By X and Reuters")
    if best is not None:
        authors = _without_editors(_without_phrases(_visible_spelling(best, origins)), page)
    sources.extend(_sources_in_text(body, lexicon))
    sources.extend(_footer_sources(page, body, lexicon) + _lead_credits(body, lexicon)
                   + _outlets_on_dateline(body.header, lexicon, orgs))
    strategy = best.name if best is not None else next((o.name for o in origins if o.agencies), None)
    strategy = "meta" if strategy == "social" else strategy
    if authors or sources:
        where = (body.header if strategy == "cue" else None) if strategy else body.blocks
        page.note("attribution", strategy or "cue", where)
    return Attribution(authors=_unique(authors), sources=_unique(sources))


@dataclass
class _Origin:
    """One place a byline was read from, and the people and agencies it names."""

    name: str
    people: list[str]
    agencies: list[str]

    @property
    def keys(self) -> set[str]:
        return {_key(p) for p in self.people}


def _byline_origins(page: Page, body: Body, regions: Regions, lexicon: Cues, orgs: Orgs) -> list[_Origin]:
    found = []
    title_index = regions.title
    if page.is_html:
        markup = _from_markup(page, body, regions, lexicon, orgs)
        found += [("jsonld", [_from_jsonld(page)]), ("markup", markup), ("meta", [_from_meta(page, lexicon)])]
        social = page.meta.get(SOCIAL_AUTHOR)
        found.append(("social", [[social] if social and "://" not in social else []]))
    above = regions.blocks(page, regions.above) if title_index is not None else []
    placed = title_index is not None or not page.is_html  # an HTML page without a headline is a list of cards
    cue = _from_lines(body.header, lexicon) or _prefixed_above(above, lexicon) or _tail_byline(page, body, lexicon)
    found.append(("cue", [[raw for raw in cue if not _calendar_or_label(raw)]] if placed else []))
    persons = _jsonld_persons(page) if page.is_html else set()
    origins = []
    for name, groups in found:
        people, credited, seen = [], [], set()
        for raw in (raw for group in groups for raw in group):
            p, c = split_names(raw, lexicon, None if name == "jsonld" and raw in persons else orgs)
            for x in p:
                if x not in seen:
                    seen.add(x)
                    people.append(x)
            credited += c
        origins.append(_Origin(name, people, credited))
    return origins


def _sentence_case(text: str, rest: str) -> bool:
    """Whether a prefix opens a phrase, not a byline: a capital prefix word and a lower-case word after
    it ('Author stats', 'Par thème'). A byline in lower case writes its prefix so too ('by ibby',
    'Posted by msmash')."""
    prefix = text[:len(text) - len(rest)].split()
    return bool(prefix) and prefix[-1][:1].isupper() and rest[:1].islower()


def _calendar_or_label(raw: str) -> bool:
    """Whether a byline read from the lines is the words of a date ('Friday, December' before '19,
    2025') or a label and its value ('Date: January', 'Joined: Feb'): no person."""
    if _LABEL_COLON.search(raw):
        return True
    words = [w.casefold().rstrip(".") for w in _NOT_LETTERS.split(raw) if w]
    return bool(words) and all(w in month_words() or _weekday(w) for w in words)


SHORT_WEEKDAY = 3
"""Letters of a weekday cut short on a date line ('Tue, Apr 21'): a weekday's first three."""


def _weekday(word: str) -> bool:
    return word in weekday_words() or (len(word) == SHORT_WEEKDAY and any(w.startswith(word) for w in weekday_words()))


_LABEL_COLON = re.compile(r"^[^\W\d_][\w ]{0,20}:\s")
"""A label opening a line ('Joined: ', 'Date: '), where a byline read from the lines has no colon."""


def _best_origin(origins: list[_Origin]) -> _Origin | None:
    """The most trusted origin whose people another origin confirms, else the most trusted that names
    anyone; then a visible byline naming the same people and more ("A et B" where JSON-LD has A)."""
    named = sorted((o for o in origins if o.people), key=lambda o: TRUST.index(o.name))
    if not named:
        return None
    seen = {o.name: {k for other in named if other is not o for k in other.keys} for o in named}
    confirmed = [o for o in named if o.keys & seen[o.name]]
    if not confirmed:
        if named[0].name == "cue" and any(o.agencies for o in origins if o.name != "cue"):
            return None  # a wire story ("Par AFP"): a lone name in the header lines is a caption's
        return named[0]
    best = confirmed[0]
    for other in named:
        if other.name in VISIBLE and other.keys > best.keys:
            best = other
    return best


def _visible_spelling(best: _Origin, origins: list[_Origin]) -> list[str]:
    """The chosen people as the page prints them ('Graciela Cuevas', not JSON-LD's 'Graciela-Cuevas')."""
    shown = {_key(p): p for o in origins if o.name in VISIBLE for p in reversed(o.people)}
    return [shown.get(_key(p), p) for p in best.people]


def _without_phrases(names: list[str]) -> list[str]:
    """'Analysis by Joan Biskupic' beside 'Joan Biskupic': a label read with the name, not another person."""
    known = {tuple(n.split()) for n in names}

    def phrase(name: str) -> bool:
        words = tuple(name.split())
        for size in range(1, min(len(words), MAX_NAME_WORDS + 1)):  # each shorter run of its words
            for start in range(len(words) - size + 1):
                inner = words[start:start + size]
                if inner in known:
                    extra = [w for w in words if w not in inner]
                    if any(_is_cased(w) and not _has_capital(w) for w in extra):
                        return True
        return False
    return [n for n in names if not phrase(n)]


def _without_editors(names: list[str], page: Page) -> list[str]:
    """Names the page labels as its editor's ('责任编辑：X' in an element marked ``editor``) are not
    authors, nor a meta author that ends with one (a CMS prefixes the channel: '频道X')."""
    if not names or not page.is_html:
        return names
    editors = set()
    for el in page.index.all_matches(EDITOR):
        text = " ".join(el.text_content().split())
        label, colon, name = text.partition(":") if ":" in text else text.partition("：")
        if colon and name.strip() and word_count(text) <= MAX_EDITOR_WORDS:
            editors.add(fold(name.strip()))
    return [n for n in names if not any(fold(n) == e or fold(n).endswith(e) for e in editors)]


MAX_EDITOR_WORDS = 8
"""An editor's line is a label and a name; a longer element marked ``editor`` is a box or the text."""


def _key(name: str) -> str:
    """How names are compared across origins: folded letters, one space between words."""
    return " ".join(_words(name))


def _organisation_names(page: Page, site: str | None, title_index: int | None = None,
                        body: Body | None = None) -> Orgs:
    """(names the site goes by, suffixes of the page title): bylines naming the publication."""
    lexicon = cues()
    names = [part for part in _SITE_PARTS.split(site) if lexicon.strip_label("byline_prefixes", part.strip()) is None] \
        if site else []  # 'GADGETS.COM | BY: ANN LEE': the part after 'By' is a person, not the site
    title = page.root.findtext(".//title") if page.is_html else None
    suffix = _TITLE_SUFFIX.search(title or "")
    if not page.is_html:
        names += _site_addresses(page, title_index, body)
    return tuple(_words(n) for n in names), ((_words(suffix.group(1)),) if suffix else ())


def _site_addresses(page: Page, title_index: int | None, body: Body | None) -> list[str]:
    """The names in web addresses printed alone on a line above the headline and below the article
    ('RiverNews.Online', 'https://www.ofarol.pt'), and the logo's short lines at the top: in a dump,
    the only trace of the publication's own name. An address inside a sentence ('Alte ştiri de
    Stiri.md') names another outlet."""
    top = title_index if title_index is not None else SITE_LINES
    end = body.end if body is not None and body.end is not None else top
    blocks = page.blocks[max(0, top - SITE_LINES): top] + page.blocks[end + 1:][-SITE_LINES:]
    found = [m.group(1) for b in blocks if "." in b.text for m in [_ADDRESS_LINE.fullmatch(b.text.strip())] if m]
    head = page.blocks[:min(SITE_HEAD, max(0, top - HEADER_REACH))]
    return found + [part.strip() for b in head for part in _SITE_PARTS.split(b.text)
                    if 1 <= word_count(part) <= SITE_NAME_WORDS and _has_capital(part)]


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


def _jsonld_persons(page: Page) -> set[str]:
    """JSON-LD authors typed ``Person`` with a full name: people even when the site bears their name
    (a personal blog whose publisher is its author)."""
    found = set()
    for obj in article_objects(page)[:1]:
        authors = obj.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            author = page.resolve(author)
            name = author.get("name") if isinstance(author, dict) and author.get("@type") == "Person" else None
            if isinstance(name, str) and _looks_like_names(name) and word_count(name) <= MAX_NAME_WORDS \
                    and not _SPLIT.search(name) and not _is_brand(name):
                found.add(name)
    return found


def _is_brand(name: str) -> bool:
    """'NOW Riverside', 'CMS Noticias': an upper-case word beside ordinary ones marks a brand; people's
    names are written in one style ('Hana Berger', 'ESTEBAN ARRIETA')."""
    words = [w for w in name.split() if len(w.strip(".")) >= 2]
    upper = [w for w in words if w.isupper()]
    return 0 < len(upper) < len(words)


def _from_meta(page: Page, lexicon: Cues) -> list[str]:
    """``<meta>`` authors (every value of the first field present), or a twitter:data field whose
    label is a byline prefix ("Written by")."""
    meta = page.meta
    for n in ("1", "2"):
        label = meta.get(f"twitter:label{n}")
        if label and lexicon.strip_label("byline_prefixes", label) is not None and meta.get(f"twitter:data{n}"):
            return [meta[f"twitter:data{n}"]]
    values: dict[str, list[str]] = {}
    for el in page.tagged("meta"):
        keys = f"{el.get('property') or ''} {el.get('name') or ''}".lower().split()
        content = " ".join((el.get("content") or "").split())
        for key in set(keys) & set(META_AUTHORS):
            if content and "://" not in content:
                values.setdefault(key, []).append(_given_first(content))
    return next((values[k] for k in META_AUTHORS if k in values), [])


def _given_first(name: str) -> str:
    """'Jong, Michiel de' -> 'Michiel de Jong': catalogue order (one surname, a comma, given names)."""
    m = _CATALOGUE_NAME.match(name)
    return f"{m.group(2)} {m.group(1)}" if m else name


def _from_markup(page: Page, body: Body, regions: Regions, lexicon: Cues, orgs: Orgs) -> list[list[str]]:
    """Names in byline elements of the header, else in those that close the article (a signature);
    one list an element. Without a headline, byline elements cannot be placed: on such pages (an index,
    a list of story cards) they are other stories'."""
    if regions.title is None:
        return []
    top = regions.title
    low = regions.above.start
    start = max(regions.header.stop, top)  # the text may start above the title
    closing = regions.tail if body.end is not None else range(start - TAIL_REACH, start + TAIL_REACH + 1)
    before, header, tail = [], [], []
    for el in page.index.all_matches(AUTHOR):
        position = page.position_of(el)
        if position is None or _in_boilerplate(el, body.container):
            continue
        if low <= position < top:
            before.append((position, el))
        elif top <= position <= start + HEADER_REACH:
            header.append(el)
        elif position in closing:
            tail.append(el)
    if before and not header:  # above the title, only the nearest: the ones further up close teaser cards
        nearest = max(p for p, _ in before)
        header = [el for p, el in before if p == nearest]
    return _names_in(header, lexicon, orgs) or _names_in(tail, lexicon, orgs)


def _names_in(elements: list[Element], lexicon: Cues, orgs: Orgs) -> list[list[str]]:
    """Byline elements -> their linked names, or their short text when it names people beyond the links
    ("<a>Martin Untersinger</a> (avec Damien Leloup et Morgane Tual)")."""
    groups: list[list[str]] = []
    names: list[str] = []
    seen: set[str] = set()
    for el in elements:
        text = " ".join(el.text_content().split())
        linked = _listed_links(el, text, lexicon)
        if linked and sum(map(len, linked)) < LINKED_SHARE * len(text) and word_count(text) <= MAX_BYLINE_WORDS:
            rest = text
            for t in linked:
                rest = rest.replace(t, " ", 1)
            if not any(ch.isdigit() for ch in rest) and split_names(rest, lexicon, orgs)[0]:
                linked = []
        new = [n for n in linked or ([text] if text and word_count(text) <= MAX_BYLINE_WORDS else []) if n not in seen]
        if new:
            names += new
            seen.update(new)
            groups.append(new)
        if names and not linked:
            break
    return groups


def _listed_links(el: Element, text: str, lexicon: Cues) -> list[str]:
    """The element's linked names as a list: the first link, then each one a separator or joiner sets
    apart from the one before ('<a>A</a>, <a>B</a> and <a>C</a>'). A link after other text or glued
    to the name is not a co-author: a place tag after the date, a topic, a feed."""
    found: list[str] = []
    end = 0
    for a in el.iter("a"):
        name = " ".join(a.text_content().split())
        at = text.find(name, end) if name else -1
        if at < 0 or word_count(name) > MAX_NAME_WORDS:
            continue
        if found and not _only_separators(text[end:at], lexicon):
            break
        found.append(name)
        end = at + len(name)
    return found


def _only_separators(between: str, lexicon: Cues) -> bool:
    rest = between.strip(_SEPARATORS)
    if rest == between.strip():  # no separator at all: glued, or only spaces
        return bool(rest) and lexicon.between_pattern("author_joiners").fullmatch(f" {rest} ") is not None
    return not rest or lexicon.between_pattern("author_joiners").fullmatch(f" {rest} ") is not None


def _in_boilerplate(el: Element, container: object) -> bool:
    for anc in el.iterancestors():
        if anc is container:
            return False
        marks = f"{anc.get('class') or ''} {anc.get('id') or ''}"
        if "related" in marks.lower() or ("widget" in marks.lower() and BOILERPLATE.search(marks)):
            return True
    return False


def _from_lines(header: list[TextBlock], lexicon: Cues) -> list[str]:
    """The header's byline, surest cue first: a line opening with a byline prefix ('By X', or a lone 'Von'
    above the name; a single word after the prefix over the date, or capitalised on a line set apart:
    'per hour' under a price and a 'Text Size' button are a prefix's word of another language before a
    word); a prefix inside a dated meta line ('12:40 Автор: X'); names right before the date
    ('Marco Bellini 3 maggio 2024'), or on the line above it. Table cells are data, not bylines."""
    header = [b for b in header if b.tag not in TABLE_CELLS]
    for i, block in enumerate(header):
        rest = _after_prefix(block.text, lexicon)
        if rest == "" and i + 1 < len(header):
            return [header[i + 1].text]
        if rest and not _sentence_case(block.text, rest) and (
                len(rest.split()) > 1 or block.standalone and not rest.islower() or _dated_below(header, i, lexicon)):
            return [_before_meta(rest)]
    dated = [b.text for b in header if date_span(b.text) and word_count(b.text) <= MAX_META_WORDS
             and (not b.prose or len(_AFTER_DATE.split(b.text)) >= META_PARTS)]
    inside = next((found for text in dated for found in [_prefixed_inside(text, lexicon)] if found), None)
    if inside:
        return [inside]
    dated_texts = set(dated)  # a header with no body after it may hold every line of the page
    for i, block in enumerate(header):
        text = block.text
        if text in dated_texts:
            found = _names_on_dateline(text, lexicon)
            if found:
                return [found]
        named = HANDLE_TAIL.sub("", text)
        if (_looks_like_names(named) and _name_ending(named, lexicon) or _is_initials(named, lexicon)) \
                and _dated_below(header, i, lexicon):
            return [named]
        relative = _before_relative_date(text)
        if relative:
            return [relative]
    return _named_under_date(header, lexicon)


def _named_under_date(header: list[TextBlock], lexicon: Cues) -> list[str]:
    """Names right under the date line with the author's role under them ('posted on April 21, 2015'
    / 'Mark Di Stefano' / 'News Reporter'): without the role, a line under the date is as often the
    standfirst's first words or a section's name."""
    for i in range(1, len(header) - 1):
        text, role = header[i].text, header[i + 1].text
        if _is_dateline(header[i - 1].text, lexicon) and _looks_like_names(text) and _name_ending(text, lexicon) \
                and _role_line(role, lexicon):
            return [text]
    return []


MAX_ROLE_WORDS = 5
"""A role line under a name: 'BuzzFeed News Reporter', 'Senior Staff Writer'."""


def _role_line(text: str, lexicon: Cues) -> bool:
    """A line naming the author's role: a few capitalised words ending on a role ('BuzzFeed News
    Reporter'). A section's name merely holding one is not ('Letters to the Editor', 'Editor's Picks',
    'Photographer of the Year')."""
    words = text.split()
    return 0 < len(words) <= MAX_ROLE_WORDS and all(w[:1].isupper() for w in words) \
        and lexicon.strip_trailing_label("author_roles", text) is not None


def _name_ending(text: str, lexicon: Cues) -> bool:
    """Whether a line ends as names do: on a capital, or on the author's role ('Richard Roe Education
    editor'). A row of data may end in lower case ('Industry Open-source software' over 'Founded
    February 28, 1998')."""
    return _has_capital(text.split()[-1]) or lexicon.contains("author_roles", text)


def _names_on_dateline(text: str, lexicon: Cues) -> str | None:
    """Names before the date ('Marco Bellini 3 maggio 2024', 'mh 15. Oktober 2023') or set apart after
    it ('07. November 2023 - 10:38 Uhr | Maximilian Berg')."""
    span = date_span(text) or ""
    at = text.find(span)
    head = _after_date_label(text[:at].strip(" -–—|·•,"), lexicon)
    if _looks_like_names(head) or _is_initials(head, lexicon):
        return head
    pieces = _AFTER_DATE.split(text[at + len(span):])
    last = pieces[-1].strip(" -–—,") if len(pieces) > 1 else ""
    return last if _looks_like_names(last) and word_count(last) <= MAX_NAME_WORDS else None


def _dated_below(header: list[TextBlock], i: int, lexicon: Cues) -> bool:
    """Whether a date line follows line ``i``, perhaps after a handle or a place line."""
    for block in header[i + 1: i + 2 + BETWEEN_NAME_AND_DATE]:
        if _is_dateline(block.text, lexicon):
            return True
        if not _is_handle_or_place(block.text) or lexicon.is_any_word(BUTTONS, block.text):
            return False  # 'Charleroi Actu' / 'Réagir' / the date: a section's name over a comment button
    return False


BUTTONS = ("comment_section", "share")
"""Labels of the buttons a dump prints among the header's lines: no handle or place of the author's."""


def _is_handle_or_place(text: str) -> bool:
    words = text.split()
    if len(words) == 1 and words[0].startswith("@"):
        return True
    return 1 <= len(words) <= PLACE_WORDS and not any(ch.isdigit() for ch in text) \
        and all(w[:1].isupper() for w in words) and not is_sentence(text)


def _before_relative_date(text: str) -> str | None:
    """'Paige Morrow 20 hours ago': names, then a relative date."""
    digit = _DIGIT.search(text)
    if digit is None or digit.start() == 0:
        return None
    head = text[:digit.start()].strip(" -–—|·•,")
    return head if _looks_like_names(head) and _is_relative_date(text[digit.start():]) else None


def _is_initials(text: str, lexicon: Cues) -> bool:
    """An editor's initials ('rdb', 'MA'), perhaps with the agency ('aja/PAP'): one short token all in
    one case, not a word of the language (a stop word, a label)."""
    if not _INITIALS.match(text):
        return False
    mark = text.split("/")[0]
    if not (mark.islower() or mark.isupper()) or (mark.islower() and lexicon.is_word("stop_words", mark)):
        return False
    return "/" not in text or agencies().name_of(text.split("/", 1)[1]) is not None


def _tail_agency(mark: str) -> str | None:
    """An agency as a tail writes it, often in lower case ('ats', 'afp')."""
    return agencies().name_of(mark) or (agencies().name_of(mark.upper()) if mark.islower() else None)


def _prefixed_above(lines: list[TextBlock], lexicon: Cues) -> list[str]:
    """'By Jane Roe' on a line of its own just above the headline, or names beside the date on a
    date line there ('Jane Roe October 14, 2025'): a prefix or a date is needed there, other lines
    above a title are kickers and menus."""
    for block in reversed(lines):
        rest = _after_prefix(block.text, lexicon)
        if rest and word_count(rest) <= MAX_BYLINE_WORDS and _looks_like_names(_before_meta(rest)):
            return [_before_meta(rest)]
        if date_span(block.text) and word_count(block.text) <= MAX_META_WORDS and not block.prose:
            names = _names_on_dateline(block.text, lexicon)
            if names:
                return [names]
    return []


def _tail_byline(page: Page, body: Body, lexicon: Cues) -> list[str]:
    """A signature line right after the article text ('Von Clemens Höges' closing a magazine piece)."""
    if body.end is None:
        return []
    after = page.blocks[body.end + 1: body.end + 2]
    for block in body.blocks[-CREDIT_TAIL:] + after:
        if _is_initials(block.text, lexicon) and not block.text[:1].isupper():
            return [block.text]  # 'rdb', 'aja/PAP' signing the story (upper-case 'GIS' may be an outlet)
    footer = [lexicon.strip_label("source_prefixes", b.text) for b in page.blocks[body.end + 1: body.end + 1 + SOURCE_TAIL]]
    for line in body.source_lines + [rest for rest in footer if rest]:
        mark = line.rpartition("/")[2].strip() if "/" in line else ""
        if mark and mark.islower() and _is_initials(mark, lexicon):
            return [mark]  # 'Quelle: RADIO NORD/ls': the editor's initials after the source
    for block in page.blocks[body.end - 1: body.end + 1 + TAIL_REACH]:
        rest = _after_prefix(block.text, lexicon)
        if rest and word_count(rest) <= MAX_NAME_WORDS and _looks_like_names(rest):
            return [rest]
    return []


def _after_prefix(text: str, lexicon: Cues) -> str | None:
    """The text after a byline prefix ('By X'), also when a genre word opens the line ('Eine Analyse
    von X', 'An analysis by X'); None without a prefix."""
    rest = lexicon.strip_label("byline_prefixes", text)
    if rest is None:
        genre = lexicon.strip_label("byline_genres", text)
        rest = lexicon.strip_label("byline_prefixes", genre) if genre else None
    return rest


def _after_date_label(text: str, lexicon: Cues) -> str:
    """The text after its date label ('Publié le'), even when nothing follows it; else the text.
    (dates._without_date_labels keeps a lone label and strips an update label after a publication one.)"""
    for key in DATE_LABELS:
        rest = lexicon.strip_label(key, text)
        if rest is not None:
            return rest
    return text


def _before_meta(text: str) -> str:
    """A byline that runs on into the date and counters: the part before the date, a digit or a separator."""
    span = date_span(text)
    head = text[:text.find(span)] if span else text
    parts = _META_BREAK.split(head)
    kept = [parts[0]]
    for part in parts[1:]:  # "Laura Jordán / Javier Urbina - 21 abr" keeps both names
        if not (_looks_like_names(part) and len(part.split()) <= MAX_NAME_WORDS):
            break
        kept.append(part)
    cut = " / ".join(p.strip(" ,;") for p in kept)
    if len(kept) < len(parts) and parts[len(kept)][:1].isdigit() and len(kept[-1].split()) >= 3:
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
            joint = _JOINT_NAMES.match(rest[names.end():]) if names else None
            return " ".join(words) + (f" {joint.group(1)}" if joint else "")
    return None


_JOINT_NAMES = re.compile(r"\s*(\((?=[^\W\d_A-Z]+\s)[^()]{2,60}\))")
"""Co-authors in brackets right after the names, opened by a joining word in lower case ('Par X (avec
Y et Z)'): kept for the byline split; a place in brackets ('(Paris)') is not."""
META_PARTS = 3
"""Parts set apart by '|', '·' or '•' that make a long dated line a meta line, not prose ('The Courier |
04.05.2015 at 13:36 • Updated ... | By X (with Y and Z)')."""


def _looks_like_names(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= MAX_BYLINE_WORDS or any(ch.isdigit() for ch in text) or is_sentence(text):
        return False
    if not all(w[0].isalpha() or w[0] in _NAME_OPENERS for w in words):
        return False  # '+CLICCA PER INGRANDIRE': a button, not names
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= NAME_CAPITALS * len(words)


def _is_dateline(text: str, lexicon: Cues) -> bool:
    """A date line: mostly a date, a date label, a short line opening with a date (after a place or a
    weekday), or a relative date."""
    if looks_like_date(text) or has_date_label(text, lexicon):
        return True
    span = date_span(text) if word_count(text) <= MAX_META_WORDS else None
    return (span is not None and text.find(span) <= DATELINE_LEAD) or _is_relative_date(text)


def split_names(raw: str, lexicon: Cues, orgs: Orgs | str | None = None) -> tuple[list[str], list[str]]:
    """A byline string -> (people, agencies): prefixes, handles, roles, dates and newsrooms dropped.

    ``orgs`` is the site's names (a string, or what :func:`_organisation_names` returns): a byline
    naming the publication is not a person. After a role, a newsroom or the site, the rest of the list
    is affiliation and place ("Jane Doe, Senior Editor, Daily Planet, Metropolis")."""
    if lexicon.strip_label("photo_credits", raw) is not None:
        return [], []
    orgs = _organisation_names_of(orgs)
    raw = _decoded(raw)
    text = _HANDLE_OR_MAIL.sub(" ", " ".join(raw.split()))
    span = date_span(text)
    text = text[:text.find(span)] if span and text.find(span) > 0 else text  # "X March 11, 2015 3:46 PM"
    rest = _after_prefix(text, lexicon)
    text = rest if rest is not None else text
    people: list[str] = []
    credited: list[str] = []
    closed = False
    for part in _with_agency_apart(_top_level_parts(text, lexicon)):
        head, inner = _trailing_parenthesis(part)
        if inner is not None:
            if lexicon.strip_label("photo_credits", inner) is not None:
                continue  # "Adrian Malloch (photography)": a photographer, not an author
            if _has_capital(inner):  # "(avec Damien Leloup et Morgane Tual)", "(AFP)"
                p, c = split_names(inner, lexicon, orgs)
                credited += c
                after = p
            else:
                after = []  # "(reporting)", "(stevenhgm)": a role or a handle
            part = head
        else:
            after = []
        kind, value = _read_part(part, lexicon, orgs)
        if kind == "agency":
            credited.append(value)
        elif kind == "person" and not closed:
            people.append(value)
        elif kind == "role":
            closed = True
        if not closed:
            people += after
    if len(people) > 1:  # beside full names, a lone acronym ("CNN") is an organisation
        people = [p for p in people if " " in p or not (p.isupper() and len(p) <= MAX_ACRONYM)] or people
    return people, credited


def _decoded(raw: str) -> str:
    """Entities a CMS left escaped in JSON-LD or meta ('O&#39;Donnell', even 'O&amp;#39;Donnell'), decoded
    before the byline is split (';' would cut the name)."""
    for _ in range(ENTITY_LEVELS):
        if "&" not in raw:
            break
        raw = html.unescape(raw)
    return raw


ENTITY_LEVELS = 2
"""Escaping applied twice happens (a CMS escapes, the theme escapes again); a third level is not seen."""


def _with_agency_apart(parts: list[str]) -> list[str]:
    """'Suleiman Al-Khalidi Reuters': a name and the agency printed after it, as two parts."""
    out = []
    for part in parts:
        found = _agencies_in(part)
        head = part[:found[-1][0]].strip(" ,;-–—") if found and found[-1][1] == len(part.rstrip(" .")) else ""
        if _looks_like_names(head) and not _agencies_in(head):
            out += [head, part[found[-1][0]:]]
        else:
            out.append(part)
    return out


def _agencies_in(part: str) -> list[tuple[int, int, str]]:
    """``agencies().find(part)`` for one piece of a byline, skipped when no word of the piece can open
    an agency's name: the full scan costs a search per alias, and a page may list thousands of names."""
    heads = _agency_heads()
    for word in _WORDS.findall(fold(part)):
        if any(word[:len(word) - cut] in heads for cut in range(INFLECTION + 1) if len(word) > cut):
            return agencies().find(part)
    return []


INFLECTION = 2
"""Letters a Slavic ending adds to an agency's name ('Укрінформу', 'PAP-u' splits at the hyphen)."""
_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _agency_heads() -> frozenset[str]:
    """The first word of every agency alias, folded."""
    return frozenset(found[0] for agency in agencies().items for alias in agency.aliases
                     for found in [_WORDS.findall(fold(alias))] if found)


def _read_part(part: str, lexicon: Cues, orgs: Orgs) -> tuple[str, str]:
    """One piece of a byline -> ("agency", name), ("person", name), ("role", "") or ("", "")."""
    part = part.strip(" .,:;-–—()[]")
    if lexicon.strip_label("editor_labels", part) is not None:
        return "role", ""  # 'Edited by Marie White': the editor, and what follows is no author either
    joiner = lexicon.between_pattern("author_joiners").match(" " + part)
    part = part[joiner.end() - 1:] if joiner else part  # ", and Tom Watkins"
    for key in ("byline_prefixes", "source_joiners"):
        rest = lexicon.strip_label(key, part)
        part = rest if rest else part
    if " " not in part and _USER_ID.search(part):
        return "", ""  # 'CC7567': an account name, not a person's
    part = _cut_meta(part, lexicon)
    if not part:
        return "", ""
    agency = agencies().name_of(part) or _agency_in_with(part, lexicon)
    if agency:
        return "agency", agency
    found = _agencies_in(part)
    if found and found[-1][1] == len(part):  # "Suleiman Al-Khalidi Reuters"
        return "agency", found[-1][2]  # (the name before it is read from the other origins)
    person = _before_role(part, lexicon, orgs)
    if person:
        return "person", person
    if _is_organisation(part, lexicon, orgs):
        return "role", ""
    name = _drop_lowercase_tail(part)
    return ("person", name) if _is_person(name) else ("", "")


def _before_role(part: str, lexicon: Cues, orgs: Orgs) -> str | None:
    """'Jane Roe Senior Writer', 'Richard Roe Education editor': the name before a role on its line. A
    role in lower case follows its topic ('Education'), which is no part of the name. A head that names
    the site ('Jane Roe Daily Planet Reporter') is left to the affiliation rule."""
    role = lexicon.any_pattern("author_roles").search(part)
    if role is None or role.start() == 0:
        return None
    words = part[:role.start()].split()
    if role.group(0).islower() and len(words) > 2 and words[-1][:1].isupper():
        words.pop()
    elif not role.group(0).islower() and len(words) > 2:
        return None  # 'Ben Silverman Games Editor': a capitalised topic cannot be told from a surname
    head = " ".join(words).strip(" ,;-–—")
    if len(words) < 2 or not (_looks_like_names(head) and _is_person(head)) or _is_organisation(head, lexicon, orgs):
        return None
    return head


def _cut_meta(part: str, lexicon: Cues) -> str:
    """A name that runs on into a date, a label, a credit or a button: 'GILLIAN MOHNEY March 11, 2015'."""
    span = date_span(part)
    part = part[:part.find(span)] if span else part
    digit = _DIGIT.search(part)
    part = part[:digit.start()] if digit else part
    for glue in _GLUED.finditer(part):  # 'Dana ReedPublished': a dump glues the date label to the name
        if any(lexicon.strip_label(key, part[glue.start():]) is not None for key in DATE_LABELS):
            part = part[:glue.start()]  # (a date label only: 'BuzzFeed' ends in the button word 'Feed')
            break
    for key in GLUED_LABELS:
        m = lexicon.any_pattern(key).search(part)
        if m:
            part = part[:m.start()]
    words = part.strip(" .,:;-–—|").split()
    calendar = weekday_words() | month_words()
    while len(words) > 1 and (fold(words[-1]).strip(".,") in weekday_words()
                              or (words[-1].islower() and lexicon.is_word("stop_words", words[-1]))
                              or (len(words) > 2 and fold(words[-1]).strip(".,") in calendar
                                  and lexicon.is_word("stop_words", words[-2]) and words[-2].islower())):
        words.pop()  # 'Ann Lee Monday', 'Ines on', 'Lisa Grant on Dec': the date's words, not the name
    return " ".join(words)


def _drop_lowercase_tail(part: str) -> str:
    """'Aleš Vávra před' -> 'Aleš Vávra': a lowercase word after the name is not part of it. A phrase
    that leaves a single word ('Informate con la verdad') is no name and stays whole."""
    words = part.split()
    while len(words) > 2 and _has_capital(" ".join(words[:-1])) and not _has_capital(words[-1]) \
            and _is_cased(words[-1]):
        words.pop()
    return " ".join(words)


def _is_organisation(part: str, lexicon: Cues, orgs: Orgs) -> bool:
    """A newsroom, a role ('Games Editor') or the publication itself ('Diário O Farol', 'mdr.de')."""
    if lexicon.contains("newsroom", part) or lexicon.contains("author_roles", part) or lexicon.is_word("no_author", part):
        return True
    if "." in part and " " not in part.strip(". "):
        return True  # a domain such as "Elpais.cr"
    words = _words(part)
    sites, suffixes = orgs
    if any(_within(words, site) or _within(site, words) for site in sites if len("".join(site)) >= 4):
        return True
    letters = "".join(words)
    if any(len(site) == 1 and len(site[0]) >= MIN_SITE_LETTERS and letters.endswith(site[0]) for site in sites):
        return True  # 'Diário O Farol' beside ofarol.pt
    return any(_within(suffix, words) and suffix != words for suffix in suffixes if len("".join(suffix)) >= 4)


def _is_person(part: str) -> bool:
    """Up to five words, no digits; in cased scripts the first and last words capitalised
    ('Lauren del Valle'), unless the byline is a single lowercase mark ('rdb', editor initials)."""
    words = part.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or any(ch.isdigit() for ch in part):
        return False
    if not any(ch.isalpha() for ch in part):
        return False
    if len(words) == 1:
        return True
    return all(_has_capital(w) or not _is_cased(w) for w in (words[0], words[-1]))


def _top_level_parts(text: str, lexicon: Cues) -> list[str]:
    """The byline split on separators and joiners outside parentheses."""
    cuts = [m.span() for pattern in (_SPLIT, lexicon.between_pattern("author_joiners")) for m in pattern.finditer(text)]
    depth_at = []
    depth = 0
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        depth_at.append(depth)
    parts, last = [], 0
    for a, b in sorted(cuts):
        if a >= last and depth_at[a] <= 0:
            parts.append(text[last:a])
            last = b
    parts.append(text[last:])
    return [p for p in parts if p.strip()]


def _trailing_parenthesis(part: str) -> tuple[str, str | None]:
    """'Name (role)' -> ('Name', 'role'); a parenthesis inside a name ('Richard (R.J.) Eskow') stays."""
    m = _TRAILING_PARENS.match(part.strip())
    if m:
        return m.group(1), m.group(2)
    return part.replace("(", " ").replace(")", " ") if part.count("(") != part.count(")") else part, None


def _has_capital(text: str) -> bool:
    return any(w[:1].isupper() for w in text.split())


def _is_cased(word: str) -> bool:
    return word[:1].lower() != word[:1].upper()


def _words(text: str) -> tuple[str, ...]:
    return tuple(_NOT_LETTERS.sub(" ", fold(text)).split())


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    return 0 < n <= len(long) and any(long[i:i + n] == short for i in range(len(long) - n + 1))


def _organisation_names_of(orgs: Orgs | str | None) -> Orgs:
    if orgs is None:
        return (), ()
    if isinstance(orgs, str):
        return (_words(orgs),), ()
    return orgs


def _agency_in_with(part: str, lexicon: Cues) -> str | None:
    """'Staff with AP', 'Le Monde avec AFP': the agency after a joiner."""
    m = lexicon.any_pattern("source_joiners").search(part)
    return agencies().name_of(part[m.end():].strip()) if m else None


def _sources_in_text(body: Body, lexicon: Cues) -> list[str]:
    found: list[str] = []
    for line in body.source_lines:
        names = [name for _, _, name in agencies().find(line)]
        found.extend(names or [_without_initials(line, lexicon)])
    blocks = body.blocks
    if blocks:
        m = _DATELINE.match(blocks[0].text)
        if m:
            found.extend(name for _, _, name in agencies().find(m.group(1)))
        tail = _TAIL.search(blocks[-1].text)
        named = agencies().name_of(tail.group(2)) if tail else None
        if named:
            found.append(named)
        elif tail and _tail_agency(tail.group(1)) and _is_initials(tail.group(2), lexicon):
            found.append(_tail_agency(tail.group(1)) or "")  # '(ats/nxp)': the agency, then the editor
    found += [agencies().name_of(b.text) or "" for b in body.header if agencies().name_of(b.text)]  # a bare 'AFP' line
    edges = blocks[:CREDIT_HEAD] + blocks[-CREDIT_TAIL:] if len(blocks) > CREDIT_HEAD + CREDIT_TAIL else blocks
    for block in _naming_an_agency(edges + body.header):
        if not _is_credit(block.text, lexicon):
            found.extend(_credited_in(block.text, lexicon))
    return found


def _footer_sources(page: Page, body: Body, lexicon: Cues) -> list[str]:
    """'Quelle: Accurec', 'Źródło: PAP', 'Quelle: RADIO NORD/ls' in the lines after the text: the
    source named, in its usual spelling when it is an agency (an editor's initials after a slash are
    the author's, read by :func:`_tail_byline`)."""
    if body.end is None:
        return []
    found = []
    for block in page.blocks[body.end + 1: body.end + 1 + SOURCE_TAIL]:
        rest = lexicon.strip_label("source_prefixes", block.text)
        name = _without_initials(rest, lexicon) if rest else None
        if name and word_count(name) <= MAX_SOURCE_WORDS and not is_sentence(name) and "://" not in name:
            found.append(agencies().name_of(name) or name)
    return found


def _without_initials(text: str, lexicon: Cues) -> str:
    head, _, tail = text.rpartition("/")
    return head.strip() if head and _is_initials(tail.strip(), lexicon) and tail.strip().islower() else text


def _lead_credits(body: Body, lexicon: Cues) -> list[str]:
    """Outlets credited by the lead-in of the text: 'KIDSPOST via JTA — The state of ...' names both."""
    if not body.blocks:
        return []
    lead = _LEAD_IN.match(body.blocks[0].text)
    verb = lexicon.any_pattern("source_verbs").search(lead.group(1)) if lead else None
    if lead is None or verb is None or verb.start() == 0:
        return []
    sides = [lead.group(1)[:verb.start()].strip(), lead.group(1)[verb.end():].strip()]
    if all(1 <= len(side.split()) <= MAX_LEAD_WORDS and _has_capital(side) and not any(c.isdigit() for c in side)
           for side in sides):
        return [agencies().name_of(side) or side for side in sides]
    return []


def _outlets_on_dateline(header: list[TextBlock], lexicon: Cues, orgs: Orgs) -> list[str]:
    """A web outlet before the date on the header's date line ('Stiri.md, 20 septembrie 2020'): the
    story's source, unless the address is the site's own."""
    sites = _organisation_names_of(orgs)[0]
    for block in header:
        span = date_span(block.text)
        if not span or word_count(block.text) > MAX_META_WORDS:
            continue
        head = block.text[:block.text.find(span)].strip(" -–—|·•,")
        outlet = _DOMAIN.fullmatch(head)
        if outlet and not any(_within(_words(outlet.group(1)), site) for site in sites):
            return [head]
    return []


def _naming_an_agency(blocks: list[TextBlock]) -> list[TextBlock]:
    """The blocks that name any agency at all, found with one scan of their joined text."""
    joined = "\n".join(b.text for b in blocks)
    starts, offset = [], 0
    for block in blocks:
        starts.append(offset)
        offset += len(block.text) + 1
    hits = []
    found = agencies().matches(joined)
    mention = next(found, None)
    while mention is not None:
        i = bisect_right(starts, mention[0]) - 1
        hits.append(blocks[i])
        if i + 1 == len(starts):
            break
        try:  # one mention is enough: go on from the next block (a block may name AFP 100,000 times)
            mention = found.send(starts[i + 1])
        except StopIteration:
            break
    return hits


def _is_credit(text: str, lexicon: Cues) -> bool:
    return "©" in text or lexicon.strip_label("photo_credits", text) is not None


def _credited_in(text: str, lexicon: Cues) -> list[str]:
    """Agencies a block credits: in parentheses, or right after (or before) a source verb.
    The block is scanned for agencies once; each name is then placed in its context."""
    verbs = lexicon.any_pattern("source_verbs")
    found = []
    for start, end, name in agencies().find(text, limit=MAX_MENTIONS):
        if name in found:
            continue
        inside = _enclosing_parens(text, start, end)
        if inside is not None:
            if not lexicon.contains("photo_credits", text[inside[0]:inside[1]]):
                found.append(name)
            continue
        before = text[max(0, start - VERB_REACH):start]
        after = text[end:end + VERB_REACH]
        if verbs.search(before) or verbs.match(after.strip()):
            found.append(name)
    return found


def _enclosing_parens(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The inside of the parentheses around ``text[start:end]`` (2 to 60 characters, no parenthesis
    within), found from the mention outwards: listing every pair of the block first held 34 MB for a
    5 MB line of 300,000 brackets."""
    reach = max(0, end - MAX_PARENS - 1)
    opening = max(text.rfind("(", reach, start), text.rfind(")", reach, start))
    if opening < 0 or text[opening] != "(":
        return None
    closing = text.find(")", end, opening + MAX_PARENS + 2)
    if closing < 0 or "(" in text[end:closing] or closing - opening - 1 < MIN_PARENS:
        return None
    return opening + 1, closing


MIN_PARENS, MAX_PARENS = 2, 60
"""Characters inside the parentheses of a credit ('(AFP)', '(Reuters/dpa)'); longer ones are an aside."""


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))
