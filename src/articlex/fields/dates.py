"""Published and modified dates: JSON-LD and meta first, then ``<time>``, then a visible date line."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from ..lexicon import LANGUAGES, cues
from ..page import Element, JsonObject, Page, TextBlock
from ..text import DATE_LABELS, MAX_META_WORDS, date_span, looks_like_date, word_count
from .metadata import article_objects

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["find_dates", "parse_date"]

PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
                  "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")
MICRODATA_KEYS = ("datepublished", "datemodified")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
POSTING_TYPES = ("SocialMediaPosting", "DiscussionForumPosting")
"""Posts (Tumblr, forums) are dated like articles when the page has no article object."""
ABOVE_TITLE = 3
"""Blocks above the title read with the header (a date line printed over the headline)."""
HEADER_LINES = 12
"""Blocks from there whose ``<time>`` elements may date the article (sidebars carry other stories' dates)."""
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


def find_dates(page: Page, title_index: int | None, header: list[TextBlock],
               now: datetime | None = None, language: str | None = None) -> tuple[datetime | None, datetime | None]:
    """(published, modified): JSON-LD, then meta, then <time> near the title, then a printed date line."""
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
    limit = now or datetime.now(timezone.utc)
    if published is not None and _aware(published) > limit:
        published = None
        page.provenance.pop("published", None)
    return published, modified


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
        printed = parse_date(text, written=True, language=language)
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
    for block in _header_lines(header, page, title_index):
        text = _without_date_labels(block.text)
        span = date_span(text) or (text if looks_like_date(text) and _more_than_a_time(text) else None)
        if span and word_count(text) <= MAX_META_WORDS:
            value = parse_date(span, written=True, language=language, now=now)
            if value is not None:
                page.note("published", "cue", block)
                return value
    return None


def _header_lines(header: list[TextBlock], page: Page, title_index: int | None) -> list[TextBlock]:
    """The lines just above the title, then the header under it."""
    lines = list(header)
    if title_index is not None:
        lines = page.blocks[max(0, title_index - ABOVE_TITLE): title_index] + lines
    return lines


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
               now: datetime | None = None) -> datetime | None:
    """An ISO 8601 string, or (``written``) a date as printed in the page's language; relative dates
    ('vor 2 Stunden') count from ``now`` when it is given."""
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
    try:
        if now is not None:
            import dateparser

            base = now.astimezone(timezone.utc).replace(tzinfo=None) if now.tzinfo else now
            parsed: datetime | None = dateparser.parse(
                value[:MAX_DATE_CHARS], languages=[language] if language else list(LANGUAGES),
                settings={"PREFER_DAY_OF_MONTH": "first", "RELATIVE_BASE": base})
            return parsed
        found: datetime | None = _parser(language).get_date_data(value[:MAX_DATE_CHARS]).date_obj
        return found
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


@lru_cache(maxsize=16)
def _parser(language: str | None) -> DateDataParser:
    """A dateparser parser limited to one language, or to the lexicon languages (trying all is slow)."""
    from dateparser.date import DateDataParser  # heavy: imported only when a date is written out

    return DateDataParser(languages=[language] if language else list(LANGUAGES),
                                     settings={"PREFER_DAY_OF_MONTH": "first"})
