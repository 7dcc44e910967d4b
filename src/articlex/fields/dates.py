"""Published and modified dates: JSON-LD and meta first, then ``<time>``, then a visible date line."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from ..lexicon import cues
from ..page import Page, TextBlock
from ..text import looks_like_date
from .metadata import article_objects

__all__ = ["find_dates", "parse_date"]

PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate",
                  "publishdate", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
HEADER_LINES = 12


def find_dates(page: Page, title_index: int | None, header: list[TextBlock],
               now: datetime | None = None) -> tuple[datetime | None, datetime | None]:
    published = modified = None
    for obj in article_objects(page):
        published = published or parse_date(obj.get("datePublished") or obj.get("dateCreated"))
        modified = modified or parse_date(obj.get("dateModified"))
    published = published or _first_meta(page, PUBLISHED_META)
    modified = modified or _first_meta(page, MODIFIED_META)
    if published is None and page.is_html:
        published = _from_time_elements(page, title_index)
    if published is None:
        published = _from_lines(header, page, title_index)
    limit = now or datetime.now(timezone.utc)
    if published is not None and _aware(published) > limit:
        published = None
    return published, modified


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _first_meta(page: Page, keys: tuple[str, ...]) -> datetime | None:
    for key in keys:
        value = parse_date(page.meta.get(key))
        if value is not None:
            return value
    return None


def _from_time_elements(page: Page, title_index: int | None) -> datetime | None:
    """The first ``<time datetime>`` near the title (sidebars carry other stories' dates)."""
    low = max(0, (title_index or 0) - 3)
    for block in page.blocks[low: low + HEADER_LINES]:
        if block.element is None:
            continue
        for el in block.element.iter("time"):
            value = parse_date(el.get("datetime"))
            if value is not None:
                return value
    return None


def _from_lines(header: list[TextBlock], page: Page, title_index: int | None) -> datetime | None:
    lines = list(header)
    if title_index is not None:
        lines = page.blocks[max(0, title_index - 3): title_index] + lines
    lexicon = cues()
    for block in lines:
        text = block.text
        for key in ("published_labels", "updated_labels"):
            rest = lexicon.strip_label(key, text)
            text = rest if rest else text
        if looks_like_date(text):
            value = parse_date(text, written=True)
            if value is not None:
                return value
    return None


def parse_date(value, written: bool = False) -> datetime | None:
    """An ISO 8601 string, or (``written``) a date as printed in any lexicon language."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if _ISO.match(value):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
    if not written and not _ISO.match(value):
        written = True
    import dateparser  # heavy: loaded only when a date is written out

    try:
        return dateparser.parse(value[:80], settings={"RETURN_AS_TIMEZONE_AWARE": False,
                                                      "PREFER_DAY_OF_MONTH": "first"})
    except (ValueError, OverflowError, TypeError):
        return None
