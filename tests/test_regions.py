"""The page's regions, worked out once and shared by counters, dates and attribution."""

from __future__ import annotations

import articlex
from articlex.fields import metadata
from articlex.fields.body import find_body
from articlex.fields.regions import ABOVE_TITLE, HEADER_SPAN, TAIL_REACH, Regions
from articlex.fields.title import find_title
from articlex.loading import load_page
from support import P1, P2, P3, dump


def regions_of(source: str) -> tuple[Regions, list[str]]:
    page = load_page(source)
    title = find_title(page, metadata.site_name(page))
    return Regions.of(page, title, find_body(page, title)), [b.text for b in page.blocks]


def test_the_regions_of_a_dump() -> None:
    regions, texts = regions_of(dump("Menu", "World", "Section", "Harbour wall to be rebuilt", "By Jane Smith",
                                     "12 views", P1, P2, P3, "Source: Port authority", "Other news"))
    assert texts[regions.anchor] == "Harbour wall to be rebuilt"
    assert [texts[i] for i in regions.above] == ["Menu", "World", "Section"][-ABOVE_TITLE:]
    assert [texts[i] for i in regions.header] == ["By Jane Smith", "12 views"]
    assert [texts[i] for i in regions.text] == [P1, P2, P3]
    assert texts.index(P3) in regions.tail and len(regions.tail) == 2 * TAIL_REACH + 1


def test_without_text_the_header_is_a_fixed_span() -> None:
    regions, texts = regions_of(dump("Harbour wall to be rebuilt", *[f"Link {i}" for i in range(40)]))
    assert not regions.text and len(regions.header) == HEADER_SPAN - 1


def test_every_field_reads_the_same_header() -> None:
    article = articlex.extract(dump("Harbour wall to be rebuilt", "By Jane Smith", "March 3, 2024", "12 views",
                                    P1, P2, P3))
    assert article.attribution.authors == ["Jane Smith"] and article.counters.views == 12
    assert article.published is not None and article.published.day == 3
