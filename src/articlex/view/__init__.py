"""``articlex inspect``: see what articlex found, drawn over the page itself.

:func:`render` gives one self-contained HTML file: the page (its scripts removed, its styles
kept) with each field's elements outlined in the field's colour and labelled, and a side panel
listing every field with its value, provenance and confidence. Opening it runs nothing of the
page and fetches nothing. :func:`articlex.view.browser.screenshot` (extra ``articlex[browser]``)
photographs a view in headless Chromium.
"""

from __future__ import annotations

from .locate import KINDS, Kind, Mark, locate
from .render import csp, render

__all__ = ["render", "locate", "csp", "Kind", "KINDS", "Mark"]
