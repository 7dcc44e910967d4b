"""The page's regions, worked out once from the title and the body and shared by the fields that
read around them (counters, dates, attribution): above the title, the header, the text, its tail.

Every region is a ``range`` of block indices. The fields widen a region only where they say why
(a labelled counter may sit further above the title than a bare number).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..page import Page, TextBlock

if TYPE_CHECKING:
    from .title import Title
    from .walk import Body

__all__ = ["Regions", "ABOVE_TITLE", "HEADER_SPAN", "TAIL_REACH"]

ABOVE_TITLE = 3
"""Blocks above the title that belong to its header: a date line, a meta bar or a byline printed
over the headline (further up are the previous story's card and the menus)."""
HEADER_SPAN = 30
"""Blocks after the title read as the header when no article text was found."""
TAIL_REACH = 3
"""Blocks around the end of the text where its closing lines sit (a signature byline, a source
line, a byline element after the text); teaser cards further down are not read."""


@dataclass(frozen=True)
class Regions:
    """Block ranges of one page. ``anchor`` is the title's block (the text's first block when no
    title was found, 0 when neither was)."""

    title: int | None
    anchor: int
    above: range
    """The blocks just above the title."""
    header: range
    """From the title (excluded) to the text's first block; a fixed span when there is no text."""
    text: range
    """The text's first to last block (empty without text)."""
    tail: range
    """The blocks around the text's last one."""

    @classmethod
    def of(cls, page: Page, title: Title, body: Body) -> Regions:
        anchor = title.index if title.index is not None else (body.start or 0)
        low = max(0, anchor - ABOVE_TITLE)
        end = body.start if body.start is not None else min(len(page.blocks), low + HEADER_SPAN)
        text = range(body.start, body.end + 1) if body.start is not None and body.end is not None else range(0)
        last = text[-1] if text else end
        return cls(title.index, anchor, range(low, anchor), range(anchor + 1, end), text,
                   range(max(0, last - TAIL_REACH), last + TAIL_REACH + 1))

    def blocks(self, page: Page, region: range) -> list[TextBlock]:
        return page.blocks[region.start: region.stop]

    def reaching(self, blocks: int) -> range:
        """From ``blocks`` above the anchor down to the end of the header: a field's own widening."""
        return range(max(0, self.anchor - blocks), self.header.stop)
