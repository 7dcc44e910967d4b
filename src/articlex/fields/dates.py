"""Published and modified dates: JSON-LD and meta first, then ``<time>``, then a visible date line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from ..lexicon import LANGUAGES, cues
from ..page import Element, JsonObject, Page, TextBlock
from ..text import DATE_LABELS, MAX_META_WORDS, date_span, looks_like_date, word_count
from .metadata import article_objects
from .regions import ABOVE_TITLE, Regions

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["find_dates", "parse_date", "weekday_words", "month_words"]

PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
                  "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")
MICRODATA_KEYS = ("datepublished", "datemodified")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
POSTING_TYPES = ("SocialMediaPosting", "DiscussionForumPosting")
"""Posts (Tumblr, forums) are dated like articles when the page has no article object."""
HEADER_LINES = 12
"""Blocks from above the title whose ``<time>`` elements may date the article (sidebars carry other
stories' dates)."""
ZERO = timedelta(0)
MAX_OFFSET = timedelta(hours=14)
OFFSET_STEP = 15 * 60
"""Time zones sit whole quarter-hours from UTC, at most 14 hours away."""
_CJK_DATE = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일](?:\s*(\d{1,2}):(\d{2}))?")
"""'2018年6月18日 10:01', '2018년 6월 18일': how Chinese, Japanese and Korean pages print a date."""
MAX_DATE_CHARS = 80
"""A printed date is short; a longer string is cut before dateparser reads it."""
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{1,2}[:.h]\d{2}")
_DATE_WORD = re.compile(r"\d|[^\W\d_]{3,}")


def find_dates(page: Page, regions: Regions, header: list[TextBlock],
               now: datetime | None = None, language: str | None = None) -> tuple[datetime | None, datetime | None]:
    """(published, modified): JSON-LD, then meta, then <time> near the title, then a printed date line."""
    title_index = regions.title
    published = modified = None
    objects = _dated_objects(page)
    for obj in objects:
        published = published or _noted(page, "published", "jsonld", parse_date(obj.get("datePublished")))
        modified = modified or _noted(page, "modified", "jsonld", parse_date(obj.get("dateModified")))
    published = published or _noted(page, "published", *_first_meta(page, PUBLISHED_META))
    # The record's creation is a weaker claim than a publication date a meta tag states.
    for obj in objects:
        published = published or _noted(page, "published", "jsonld", parse_date(obj.get("dateCreated")))
    modified = modified or _noted(page, "modified", *_first_meta(page, MODIFIED_META))
    if published is not None and published.utcoffset() == ZERO:
        published = _in_local_time(page, published, objects, title_index, header, language) or published
    if published is None and page.is_html:
        published = _from_time_elements(page, title_index)
    if published is None:
        published = _from_lines(header, page, title_index, language, now)
    elif _weakly_stated(page, objects):
        published = _shown_instead(page, published, header, title_index, language, now)
    if modified is None:
        modified = _updated_line(header, page, title_index, language, now)
    limit = _aware(now) if now is not None else datetime.now(timezone.utc)
    if published is not None and _aware(published) > limit:
        published = None
        page.provenance.pop("published", None)
    return _in_utc_unless_stated(page, "published", published), _in_utc_unless_stated(page, "modified", modified)


NO_OFFSET = "{name}: the page gives no time zone; the date is read as UTC"
"""The warning that says a date's offset was assumed, not read (every date is timezone-aware, so
dates of text dumps and of HTML pages sort together)."""


def _in_utc_unless_stated(page: Page, name: str, value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    page.warnings.append(NO_OFFSET.format(name=name))
    return value.replace(tzinfo=timezone.utc)


def _shown_instead(page: Page, published: datetime, header: list[TextBlock], title_index: int | None,
                   language: str | None, now: datetime | None) -> datetime:
    """The date printed in the header when it cannot be the markup's instant in any time zone: the
    reader sees the printed one, and a CMS fills metadata with the time of an edit or an import."""
    noted = page.provenance.get("published")
    shown = _from_lines(header, page, title_index, language, now)
    if shown is None or _same_instant_somewhere(shown, published):
        if noted is not None:
            page.provenance["published"] = noted
        return published
    return shown


def _weakly_stated(page: Page, objects: list[JsonObject]) -> bool:
    """Whether the publication date came from a generic meta field (``date``, ``dc.date``...) that
    CMSs fill with the page's build or edit time, rather than from an article's own statement."""
    if any(parse_date(obj.get("datePublished")) for obj in objects):
        return False
    return not any(parse_date(page.meta.get(key)) for key in STATED_META)


STATED_META = ("article:published_time", "og:published_time", "datepublished")
"""Meta fields that state one article's publication (OpenGraph, schema.org microdata): a printed date
on another day does not overrule them (a display date, a teaser's date in the header)."""


def _same_instant_somewhere(shown: datetime, published: datetime) -> bool:
    """Whether a printed date (with its time, else its day) is the markup's instant seen from a time
    zone at most 14 hours away."""
    base = published.replace(tzinfo=None)
    printed = shown.replace(tzinfo=None)
    if printed.time() != datetime.min.time():
        return abs(printed - base) <= MAX_OFFSET
    return printed.date() in {(base - MAX_OFFSET).date(), base.date(), (base + MAX_OFFSET).date()}


def _dated_objects(page: Page) -> list[JsonObject]:
    return article_objects(page) or list(page.jsonld_of(*POSTING_TYPES))


def _noted(page: Page, name: str, strategy: str, value: datetime | None) -> datetime | None:
    if value is not None:
        page.note(name, strategy)
    return value


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _first_meta(page: Page, keys: tuple[str, ...]) -> tuple[str, datetime | None]:
    """(strategy, date) from the first of ``keys`` in the page's meta table: itemprop keys are microdata."""
    for key in keys:
        value = parse_date(page.meta.get(key))
        if value is not None:
            return ("microdata" if key in MICRODATA_KEYS else "meta"), value
    return "none", None


def _in_local_time(page: Page, published: datetime, objects: list[JsonObject], title_index: int | None,
                   header: list[TextBlock], language: str | None) -> datetime | None:
    """A UTC publication time in the page's own time zone, for the day the reader sees: the same
    instant stated with an offset elsewhere in the markup, else the offset between it and the date
    and time printed in the header."""
    stated = [parse_date(obj.get("datePublished")) for obj in objects]
    stated += [parse_date(page.meta.get(key)) for key in PUBLISHED_META]
    stated += [parse_date(el.get("datetime")) for el in _time_elements(page, title_index)]
    for value in stated:
        if value is not None and value.utcoffset() not in (None, ZERO) and value == published:
            return value
    for block in _header_lines(header, page, title_index):
        text = _without_date_labels(block.text)
        if word_count(text) > MAX_META_WORDS or not _TIME.search(text) or not date_span(text):
            continue
        # A whole header line ('By ... | November 18, 2019 at 2:26 PM HST - Updated ...'): when the
        # page's language cannot read it, another language's month word is not what failed.
        printed = parse_date(text, written=True, language=language, elsewhere=False)
        if printed is None or printed.tzinfo is not None:
            continue
        offset = printed - published.replace(tzinfo=None, second=0, microsecond=0)  # printed to the minute
        if offset != ZERO and abs(offset) <= MAX_OFFSET and offset.total_seconds() % OFFSET_STEP == 0:
            return published.astimezone(timezone(offset))
    return None


def _from_time_elements(page: Page, title_index: int | None) -> datetime | None:
    """The first ``<time datetime>`` near the title (sidebars carry other stories' dates)."""
    for el in _time_elements(page, title_index):
        value = parse_date(el.get("datetime"))
        if value is not None:
            page.note("published", "markup", el)
            return value
    return None


def _time_elements(page: Page, title_index: int | None) -> Iterator[Element]:
    if not page.is_html:
        return
    low = max(0, (title_index or 0) - ABOVE_TITLE)
    for block in page.blocks[low: low + HEADER_LINES]:
        if block.element is not None:
            yield from block.element.iter("time")


def _from_lines(header: list[TextBlock], page: Page, title_index: int | None,
                language: str | None, now: datetime | None) -> datetime | None:
    """The first printed date of the header lines, surest first: a full date before a line that only
    looks like one ('06/2019', 'vor 2 Stunden'); under the title before above it (a date bar, the
    previous story's card); a line labelled as an update last ('Aktualizacja: 05.05.2021' above
    'Publikacja: 04.05.2021')."""
    lines = _header_lines(header, page, title_index)
    lexicon = cues()
    top = title_index if title_index is not None else -1

    def rank(block: TextBlock) -> tuple[bool, bool, bool]:
        return (lexicon.strip_label("updated_labels", block.text) is not None,
                date_span(block.text) is None, block.index < top)

    for block in sorted(lines, key=rank):
        text = _without_date_labels(block.text)
        span = date_span(text) or (text if looks_like_date(text) and _more_than_a_time(text) else None)
        if span and word_count(text) <= MAX_META_WORDS:
            value = parse_date(span, written=True, language=language, now=now)
            if value is not None:
                page.note("published", "cue", block)
                return value
    return None


def _updated_line(header: list[TextBlock], page: Page, title_index: int | None,
                  language: str | None, now: datetime | None) -> datetime | None:
    """The date of a header line labelled as an update ('Updated August 14, 2025', 'Last Updated:
    2025-02-22'): what the page shows of its last change."""
    lexicon = cues()
    for block in _header_lines(header, page, title_index):
        rest = lexicon.strip_label("updated_labels", block.text)
        span = date_span(rest) if rest and word_count(rest) <= MAX_META_WORDS else None
        value = parse_date(span, written=True, language=language, now=now) if span else None
        if value is not None:
            page.note("modified", "cue", block)
            return value
    return None


def _header_lines(header: list[TextBlock], page: Page, title_index: int | None) -> list[TextBlock]:
    """The lines just above the title, the header under it, then a date line among the first blocks
    after the header (a date printed under a lead or a caption, taken with the text's first lines)."""
    lines = list(header)
    if title_index is not None:
        lines = page.blocks[max(0, title_index - ABOVE_TITLE): title_index] + lines
    after = (header[-1].index if header else title_index)
    if after is not None:
        lines += [b for b in page.blocks[after + 1: after + 1 + AFTER_HEADER] if _is_date_line(b)]
    return lines


AFTER_HEADER = 3
"""Blocks after the header where a date line may still sit: a lead paragraph and a photo credit
come between the headline and the date on some layouts; further down, dates are other stories'."""


def _is_date_line(block: TextBlock) -> bool:
    """A short line that opens with a date, or with a publication label and a date."""
    text = block.text
    if word_count(text) > MAX_META_WORDS:
        return False
    rest = cues().strip_label("published_labels", text) or text
    span = date_span(rest)
    return span is not None and rest.find(span) <= LEAD_CHARS


LEAD_CHARS = 14
"""Characters a date line may hold before the date itself: a weekday ('jeudi 24 décembre',
'Mittwoch, den 3. Mai')."""


def _without_date_labels(text: str) -> str:
    """The text without its leading publication label, then its update label; a lone label stays."""
    lexicon = cues()
    for key in DATE_LABELS:
        rest = lexicon.strip_label(key, text)
        text = rest if rest else text
    return text


def _more_than_a_time(text: str) -> bool:
    """'7:30 AM' alone is no date (dateparser would give today); 'vor 2 Stunden' or 'gestern' is one."""
    rest = _TIME.sub(" ", text)
    return bool(_DATE_WORD.search(rest))


def parse_date(value: object, written: bool = False, language: str | None = None,
               now: datetime | None = None, elsewhere: bool = True) -> datetime | None:
    """An ISO 8601 string, or (``written``) a date as printed in the page's language; relative dates
    ('vor 2 Stunden') count from ``now`` when it is given (a naive ``now`` is UTC). A printed date
    that reads as the reference time itself ('now', a clock time taken for a span) is refused.
    A printed date the page's language cannot read is tried in every lexicon language, unless
    ``elsewhere`` is False (dateparser takes about 5 ms to fail in 13 languages)."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if _ISO.match(value):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
    cjk = _CJK_DATE.fullmatch(value)
    if cjk:  # year, month and day marked with their signs: no parser needed (nor one for these languages)
        try:
            year, month, day, hour, minute = (int(part) if part is not None else 0 for part in cjk.groups())
            return datetime(year, month, day, hour, minute)
        except ValueError:
            return None
    language = language if language in LANGUAGES else None
    text = _as_printed(value[:MAX_DATE_CHARS], now)
    if language and _foreign_month(text, language):
        language = None  # '27 Mar 20' on a French page: 'mar' is Tuesday in French, March elsewhere
    found = _parsed(text, language, now)
    if found is None and language is not None and elsewhere:  # a month of another language ('28 luglio 2020' quoted)
        found = _parsed(text, None, now)
    return found


def _parsed(text: str, language: str | None, now: datetime | None) -> datetime | None:
    base = _naive_utc(now) if now is not None else None
    try:
        found = _read_plainly(text, language)
        if found is not None:
            base = base if base is not None else datetime.now(timezone.utc).replace(tzinfo=None)
        elif _holds_unknown_word(text, language):
            return None  # no language read here knows every word: dateparser would find no date
        elif base is not None:
            import dateparser

            found = dateparser.parse(text, languages=[language] if language else list(LANGUAGES),
                                     settings={"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": base,
                                               **_order(language)})
        else:
            base = datetime.now(timezone.utc).replace(tzinfo=None)
            found = _parser(language).get_date_data(text).date_obj
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    if found is not None and abs(_naive_utc(found) - base) < SAME_INSTANT:
        return None
    return found


ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
"""What dateparser's tokenizer drops after a number ('18th'); a date holding one is read by some
languages' parsers and not by others (French), as :func:`_reads_ordinals` finds out."""
_DATE_TOKEN = re.compile(rf"(\d+)({'|'.join(ORDINAL_SUFFIXES)})?|([^\W\d_]+(?:-[^\W\d_]+)*)\.?|(\S)")
"""A printed date's pieces: a number (and an ordinal ending glued to it), a word (a trailing dot
dropped: 'Nov.'), one other character."""
_PLAIN_SHAPE = re.compile(r"(?P<before>d:d(?::d)?a?)?w?(?P<date>md|dm)y(?P<after>d:d(?::d)?a?)?")
"""A date spelled out with nothing but its parts, as :func:`_plain_date` reduces it: an optional
weekday (w), month word (m) and day (d) either way round, a four-digit year (y), and maybe a time
(d:d, d:d:d) with its am or pm (a), before the date or after it."""
DATE_SEPARATORS = frozenset(",-|/•–—.")
"""Punctuation between a date's parts that dateparser passes over as well."""
FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Years the shortcut reads; any other goes to dateparser."""


def _plain_date(text: str, language: str | None) -> datetime | None:
    """A date written out plainly ('November 19, 2019 at 8:59 pm', 'Mittwoch, 20. November 2019',
    '18 Nov 2019, 19:09'), read without dateparser, which takes about 1.5 ms for one; None for
    anything else (a number for the month, a time zone, a word it does not know), which then goes
    to dateparser. What it reads, dateparser reads the same (``tests/test_dates_rules.py``)."""
    words = _date_words(language)
    shape, numbers, meridian, month = [], [], None, 0
    for number, suffix, word, other in _DATE_TOKEN.findall(text.casefold()):
        if suffix and (language is None or not _reads_ordinals(language)):
            return None
        if number:
            shape.append("y" if len(number) == 4 else "d" if len(number) <= 2 else "?")
            numbers.append(int(number))
        elif word in words.months:
            shape.append("m")
            month = words.months[word]
        elif word in words.weekdays:
            shape.append("w")
        elif word in words.meridians:
            shape.append("a")
            meridian = words.meridians[word]
        elif other == ":":
            shape.append(":")
        elif word not in words.skipped and other not in DATE_SEPARATORS:
            return None
    m = _PLAIN_SHAPE.fullmatch("".join(shape))
    if m is None or (m.group("before") and m.group("after")):
        return None
    clock = numbers[:-2] if m.group("before") else numbers[2:]
    day, year = numbers[-2:] if m.group("before") else numbers[:2]
    return _date_at(year, month, day, clock, meridian)


def _date_at(year: int, month: int, day: int, clock: list[int], meridian: int | None) -> datetime | None:
    """The date and time, or None when a part is out of range (dateparser then has its say)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    hour, minute, second = (clock + [0, 0, 0])[:3]
    if meridian is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + meridian
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _read_plainly(text: str, language: str | None) -> datetime | None:
    """What the shortcut reads of a printed date: in the page's language; an undecided date also
    in the first language dateparser tries among the lexicon languages ('Tue Nov 19 2019 03:05:46
    GMT+0000' in a meta field is English), whose reading dateparser keeps when it has one."""
    found = _plain_date(text, language) or _plain_date_in_zone(text, language)
    if found is None and language is None:
        first = _first_language()
        found = _plain_date(text, first) or _plain_date_in_zone(text, first, _date_words(None))
    return found


@lru_cache(maxsize=1)
def _first_language() -> str:
    """The lexicon language dateparser tries first when it is given all of them."""
    from dateparser.languages.loader import default_loader

    return next(iter(default_loader.get_locales(languages=list(LANGUAGES)))).shortname


def _plain_date_in_zone(text: str, language: str | None, words: _DateWords | None = None) -> datetime | None:
    """A plain date followed by a time zone ('Nov. 19, 2019 8:03 am ET', '19 Nov 2019 07:09 GMT'):
    the zone taken out and read by dateparser's own function, as dateparser does first, and the
    rest read by :func:`_plain_date`. A zone that is one of ``words`` (the date words of
    ``language`` by default) is left to dateparser."""
    from dateparser.timezone_parser import pop_tz_offset_from_string

    rest, zone = pop_tz_offset_from_string(text, as_offset=True)
    words = words or _date_words(language)
    if not isinstance(zone, tzinfo) or words.knows(zone.tzname(None) or ""):
        return None  # 'PT' is a weekday in Polish (piątek): dateparser reads the language's word
    found = _plain_date(rest, language)
    return found.replace(tzinfo=zone) if found is not None else None


_LETTERS = re.compile(r"[^\W\d_]+")


def _holds_unknown_word(text: str, language: str | None) -> bool:
    """Whether the text holds a word that appears nowhere in dateparser's tables for the language
    (for every lexicon language, when it is undecided): no month, weekday, relative phrase,
    skipped word, simplification or time zone holds it ('By Jane Roe | November 18, 2019 at
    2:26 PM HST', '5 Min Read'). dateparser reads a date only in a language that knows every
    word of it; it takes 1 to 6 ms to find that out."""
    from dateparser.timezone_parser import pop_tz_offset_from_string

    if not _unknown_word_in(text, language):
        return False
    # dateparser also reads the text without its time zone, and drops what follows some zones
    # ('18 Nov 2019 GMT+0000 Admin')
    return _unknown_word_in(pop_tz_offset_from_string(text, as_offset=False)[0], language)


def _unknown_word_in(text: str, language: str | None) -> bool:
    from dateparser.utils import normalize_unicode

    known = _known_words(language)
    return any(word not in known and normalize_unicode(word) not in known for word in _LETTERS.findall(text.lower()))


@lru_cache(maxsize=32)
def _known_words(language: str | None) -> frozenset[str]:
    """Every run of letters in dateparser's tables for the language (its locale data, the tokens
    its parser knows, the time zone names), lower-cased and also without accents; of every
    lexicon language for an undecided one."""
    if language is None:
        return frozenset().union(*(_known_words(code) for code in LANGUAGES))
    from dateparser.conf import settings
    from dateparser.languages.dictionary import KNOWN_WORD_TOKENS, PARSER_KNOWN_TOKENS
    from dateparser.languages.loader import default_loader
    from dateparser.timezones import timezone_info_list
    from dateparser.utils import normalize_unicode

    strings: list[str] = [*KNOWN_WORD_TOKENS, *PARSER_KNOWN_TOKENS, *settings.SKIP_TOKENS, *ORDINAL_SUFFIXES]
    _strings_in(default_loader.get_locale(language).info, strings)
    _strings_in(timezone_info_list, strings)
    words = {word for string in strings for word in _LETTERS.findall(string.lower())}
    return frozenset(words | {normalize_unicode(word) for word in words})


def _strings_in(data: object, found: list[str]) -> None:
    """Every string in nested lists, tuples and dictionaries (keys too), added to ``found``."""
    if isinstance(data, str):
        found.append(data)
    elif isinstance(data, dict):
        for key, value in data.items():
            _strings_in(key, found)
            _strings_in(value, found)
    elif isinstance(data, (list, tuple)):
        for item in data:
            _strings_in(item, found)


@dataclass(frozen=True)
class _DateWords:
    """The words of a language that :func:`_plain_date` reads, from dateparser's own tables."""

    months: dict[str, int]
    weekdays: frozenset[str]
    meridians: dict[str, int]
    """'am' and 'pm' (and the language's own words) to the hours they add."""
    skipped: frozenset[str]
    """Words dateparser passes over ('at', 'de', 'um')."""
    taken: frozenset[str] = frozenset()
    """Every date word of the language (of every lexicon language, for an undecided one), read or not."""

    def knows(self, word: str) -> bool:
        return word.casefold() in self.taken


@lru_cache(maxsize=32)
def _date_words(language: str | None) -> _DateWords:
    """Those of ``language``; of no language (undecided), only the month words that every lexicon
    language knowing them reads as the same month, and no weekday, meridian or skipped word."""
    if language is None:
        return _shared_date_words()
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    def folded(key: str) -> list[str]:
        return [w.casefold() for w in info.get(key, ()) if isinstance(w, str)]
    months = {w: number for number, key in enumerate(MONTHS, start=1) for w in folded(key)}
    meridians = {w: 0 for w in folded("am")} | {w: 12 for w in folded("pm")}
    skipped = frozenset(w for w in folded("skip") if w.isalpha())
    weekdays = frozenset(w for key in WEEKDAYS for w in folded(key))
    return _DateWords(months, weekdays, meridians, skipped, frozenset({*months, *weekdays, *meridians, *skipped}))


ORDINAL_PROBES = ("{month} 5th 2001", "5th {month} 2001", "{month} 1st, 2001 at 10:30")
"""Dates with an ordinal day that dateparser is asked once a language: it reads them all, or the
shortcut leaves such dates to it."""


@lru_cache(maxsize=32)
def _reads_ordinals(language: str) -> bool:
    """Whether dateparser reads, in the language, a day with an ordinal ending where it stands
    (asked once a language, the first time a date holds one)."""
    month = next(iter(_date_words(language).months), "")
    if not month:
        return False
    parser = _parser(language)
    for probe in ORDINAL_PROBES:
        found = parser.get_date_data(probe.format(month=month)).date_obj
        if found is None or (found.year, found.month) != (2001, 1):
            return False
    return True


def _shared_date_words() -> _DateWords:
    """The date words of no language in particular: only month words, those every lexicon language
    knowing them reads as the same month and none uses as another date word ('mar' is March in
    English, Tuesday in Spanish: left out). dateparser reads an undecided date in the first language
    that knows all its words: a weekday or an am of one language beside a month of another would
    be read by none."""
    every = [_date_words(language) for language in LANGUAGES]
    taken = frozenset(w for words in every for w in words.taken)
    others = {w for words in every for table in (words.weekdays, words.meridians, words.skipped) for w in table}
    return _DateWords(_agreed([words.months for words in every], others), frozenset(), {}, frozenset(), taken)


def _agreed(tables: list[dict[str, int]], mixed: set[str]) -> dict[str, int]:
    """The words every table that holds them maps to the same value, those in ``mixed`` left out."""
    agreed: dict[str, int] = {}
    clashing: set[str] = set(mixed)
    for table in tables:
        for word, value in table.items():
            if agreed.setdefault(word, value) != value:
                clashing.add(word)
    return {word: value for word, value in agreed.items() if word not in clashing}


SAME_INSTANT = timedelta(seconds=5)
"""A parse this close to the reference time gave the reference time back: the text held no date
('now', or a clock time dateparser took for a span). No page prints the second it is read."""
_GLUED_TIME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\d{1,2}[:h]\d{2})")
"""'28 luglio 202010:43': a year and the time printed after it with no space."""
_H_TIME = re.compile(r"(?<!\d)(\d{1,2})h(\d{2})(?!\d)")
"""'15h30' is a clock time (French, Portuguese); dateparser would read '15h' as fifteen hours ago."""
_SHORT_YEAR = re.compile(r"(?<!\d)(\d{1,2}\.?\s+[^\W\d_]{3,}\.?,?\s+)(\d{2})(?![\d:h.])")
"""'27 Mar 20': a day, a month word and a two-digit year."""
_WORD = re.compile(r"[^\W\d_]{3,}")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""dateparser's keys for the month and weekday words of a language."""


def _as_printed(text: str, now: datetime | None) -> str:
    """A printed date made plain for the parser: glued year and time apart, '15h30' as '15:30',
    a two-digit year after a month word written out in full (the century of ``now``)."""
    text = _GLUED_TIME.sub(r"\1 ", text)
    text = _H_TIME.sub(r"\1:\2", text)
    year = (now or datetime.now(timezone.utc)).year
    def full(m: re.Match[str]) -> str:
        short = int(m.group(2))
        century = year - year % 100 if short <= year % 100 else year - year % 100 - 100
        return f"{m.group(1)}{century + short}"
    return _SHORT_YEAR.sub(full, text)


def _foreign_month(text: str, language: str) -> bool:
    """Whether the date's month word is no month of ``language`` but one of another language
    (an English abbreviation on a French page)."""
    own_months, own_days = _calendar_words(language)
    for word in _WORD.findall(text.casefold()):
        if word in own_months:
            return False
        if word in own_days and any(word in _calendar_words(other)[0] for other in LANGUAGES if other != language):
            return True
    return False


@lru_cache(maxsize=32)
def _calendar_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """(month words, weekday words) of a language, as dateparser knows them."""
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale(language).info
    def words(keys: tuple[str, ...]) -> frozenset[str]:
        return frozenset(w.casefold().rstrip(".") for k in keys for w in info.get(k, ()))
    return words(MONTHS), words(WEEKDAYS)


@lru_cache(maxsize=1)
def weekday_words() -> frozenset[str]:
    """Weekday names and their abbreviations in every lexicon language, folded ('monday', 'mo')."""
    return frozenset(w for language in LANGUAGES for w in _calendar_words(language)[1] if len(w) >= MIN_WEEKDAY_CHARS)


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    """Month names and their abbreviations in every lexicon language, folded ('december', 'dec')."""
    return frozenset(w for language in LANGUAGES for w in _calendar_words(language)[0] if len(w) >= 3)


MIN_WEEKDAY_CHARS = 5
"""Shorter weekday words ('Sam', 'Don', 'Mar', 'Mon') are also given names and surnames."""


def _naive_utc(value: datetime) -> datetime:
    """The instant in UTC without its zone (a naive value is taken as UTC already)."""
    return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value


def _order(language: str | None) -> dict[str, str]:
    """Day first when the language is undecided ('03/05/2022' is 3 May in most of the world);
    a known language keeps its own order."""
    return {} if language else {"DATE_ORDER": "DMY"}


@lru_cache(maxsize=16)
def _parser(language: str | None) -> DateDataParser:
    """A dateparser parser limited to one language, or to the lexicon languages (trying all is slow)."""
    from dateparser.date import DateDataParser  # heavy: imported only when a date is written out

    return DateDataParser(languages=[language] if language else list(LANGUAGES),
                          settings={"PREFER_DAY_OF_MONTH": "first", **_order(language)})


RELATIVE_WORDS = 4
"""A relative date is a few words ('20 hours ago', '9 Hrs Ago', 'vor 2 Stunden')."""
_A_DIGIT = re.compile(r"\d")


def is_relative_date(text: str) -> bool:
    """A short line with a number that reads as a date without a date's shape ('9 Hrs Ago')."""
    return (word_count(text) <= RELATIVE_WORDS and _A_DIGIT.search(text) is not None and _A_LETTER.search(text) is not None
            and date_span(text) is None and parse_date(text, written=True) is not None)


_A_LETTER = re.compile(r"[^\W\d_]")
"""A relative date names its unit ('2 h', 'vor 2 Std'); a number alone ('1', '$26') is a count or a price."""


def ends_with_relative_date(text: str) -> bool:
    """'Paige Morrow 20 hours ago': a line closed by a relative date (a byline or a stamp, no headline)."""
    digit = _A_DIGIT.search(text)
    if digit is None:
        return False
    tail = text[digit.start():]
    return word_count(tail) >= 2 and is_relative_date(tail)  # a number alone ('until 2029') is no date
