"""``extract()``: load the page, find each field, build the Article."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import datetime
from typing import Any

from .fields import metadata
from .fields.attribution import find_attribution
from .fields.body import Body, find_body
from .fields.breadcrumb import find_breadcrumb
from .fields.counters import find_counters
from .fields.dates import find_dates
from .fields.language import find_language
from .fields.navigation import find_navigation
from .fields.title import Title, find_title
from .loading import Limits, Source, load_page
from .model import Article, Attribution, Block, Counters, Provenance
from .page import Page

__all__ = ["extract"]

NOT_AN_ARTICLE = "no article text found: the page holds no run of paragraphs"


def extract(source: Source, *, url: str | None = None, language: str | None = None, now: datetime | None = None,
            fields: Iterable[str] | None = None,
            max_bytes: int = Limits.max_bytes, max_elements: int = Limits.max_elements,
            max_depth: int = Limits.max_depth, max_seconds: float = Limits.max_seconds) -> Article:
    """Split a news page into its parts.

    ``source`` is a str (HTML or a plain-text dump, told apart automatically), bytes (decoded
    from the BOM, the declared charset, else detected), a BeautifulSoup object or an lxml
    element. ``url`` is the page's address (a base for relative links); ``language`` an ISO
    639-1 code that overrides detection; ``now`` the reference time for relative dates and
    the latest acceptable publication date. Never touches the network.

    ``fields`` names the fields wanted (names of :class:`~articlex.model.Article` fields, such
    as ``("body",)`` or ``("title", "published")``); the default is all of them. Fields not
    asked for are not computed and stay empty (``None``, ``[]``, ``Counters()``), with the
    provenance ``none``, unless a field asked for needs them: the title and the body are
    always read (every other field builds on them), and dates need the language. Fields that
    were computed are returned.

    Limits (see :class:`~articlex.loading.Limits`): past ``max_bytes`` or ``max_elements`` the
    call raises :class:`~articlex.errors.TooLargeError`; nesting deeper than ``max_depth`` is
    flattened; past ``max_seconds`` the fields not reached yet are left empty. Each of these
    is listed in ``article.warnings``.

    Raises :class:`TypeError` for an argument of the wrong type and
    :class:`~articlex.errors.InputError` (or a subclass) for input that is not a document.
    """
    _check_options(url=url, language=language, now=now)
    steps = _steps_for(fields)
    limits = Limits(max_bytes=max_bytes, max_elements=max_elements, max_depth=max_depth, max_seconds=max_seconds)
    clock = _Budget(limits.max_seconds)
    page = load_page(source, url=url, limits=limits)
    site = metadata.site_name(page)
    title = find_title(page, site)
    body = find_body(page, title)
    parts = _read_fields(page, title, body, site, clock, steps, language=language, now=now)
    if language is not None:
        page.note("language", "argument")
    article = _assemble(page, title, body, site, parts, url)
    return replace(article, provenance=_provenance(article, page, url))


def _read_fields(page: Page, title: Title, body: Body, site: str | None, clock: _Budget, wanted: frozenset[str], *,
                 language: str | None, now: datetime | None) -> dict[str, Any]:
    """The fields that build on title and body, in order, those ``wanted`` only, while the time
    budget lasts."""
    text = "\n\n".join(b.text for b in body.blocks)
    parts: dict[str, Any] = {"text": text}
    steps: tuple[tuple[str, Callable[[], object]], ...] = (
        ("breadcrumb", lambda: find_breadcrumb(page, title)),
        ("navigation", lambda: find_navigation(page, body.end)),
        ("counters", lambda: find_counters(page, title.index, body.start)),
        ("attribution", lambda: find_attribution(page, body, title.index, site)),
        ("language", lambda: language or find_language(page, text or " ".join(b.text for b in page.blocks[:200]))),
        ("dates", lambda: find_dates(page, title.index, body.header, now, parts.get("language"))),
        ("canonical_url", lambda: metadata.canonical_url(page)),
        ("description", lambda: metadata.description(page)),
        ("image", lambda: metadata.image(page)),
        ("tags", lambda: metadata.tags(page)),
    )
    for name, step in steps:
        if name not in wanted:
            continue
        if clock.spent():
            page.warnings.append(f"{OUT_OF_TIME.format(seconds=clock.seconds)}: {name} and later fields not read")
            break
        parts[name] = step()
    return parts


def _assemble(page: Page, title: Title, body: Body, site: str | None, parts: dict[str, Any],
              url: str | None) -> Article:
    previous, following = parts.get("navigation") or (None, None)
    published, modified = parts.get("dates") or (None, None)
    return Article(
        title=title.text,
        breadcrumb=parts.get("breadcrumb") or [],
        counters=parts.get("counters") or Counters(),
        body=parts["text"],
        blocks=[Block(kind=b.kind, text=b.text) for b in body.blocks],
        attribution=parts.get("attribution") or Attribution(),
        related=body.related,
        previous=previous,
        next=following,
        published=published,
        modified=modified,
        language=parts.get("language"),
        url=url or parts.get("canonical_url"),
        canonical_url=parts.get("canonical_url"),
        site_name=site,
        description=parts.get("description"),
        image=parts.get("image"),
        tags=parts.get("tags") or [],
        is_article=bool(body.blocks),
        warnings=list(page.warnings) + ([] if body.blocks else [NOT_AN_ARTICLE]),
    )


OUT_OF_TIME = "max_seconds={seconds} reached"

STEPS = ("breadcrumb", "navigation", "counters", "attribution", "language", "dates", "canonical_url",
         "description", "image", "tags")
"""The steps of :func:`_read_fields`, in the order they run."""
ALWAYS = frozenset({"title", "body", "blocks", "related", "site_name", "is_article", "warnings"})
"""Fields every call computes: the title and the body, which the other fields build on, and what
follows from them at no cost."""
STEP_OF = {"previous": "navigation", "next": "navigation", "published": "dates", "modified": "dates",
           "url": "canonical_url"}
"""Article fields given by a step of another name (a step gives both ends of the navigation)."""
FIELD_NAMES = frozenset(f.name for f in dataclass_fields(Article)) - {"provenance"}
"""What ``fields=`` may name."""
NEEDS = {"dates": ("language",)}
"""Steps that read another step's result: dates are read in the page's language."""


def _steps_for(wanted: Iterable[str] | None) -> frozenset[str]:
    """The steps to run for the fields ``wanted`` (all of them for None), their needs included."""
    if wanted is None:
        return frozenset(STEPS)
    if isinstance(wanted, str) or not isinstance(wanted, Iterable):
        raise TypeError(f"extract() option fields takes an iterable of field names or None, "
                        f"not {type(wanted).__name__}")
    names = list(wanted)
    unknown = [name for name in names if name not in FIELD_NAMES]
    if unknown:
        raise ValueError(f"extract() option fields: unknown field(s) {', '.join(map(repr, unknown))}; "
                         f"the fields are {', '.join(sorted(FIELD_NAMES))}")
    steps = {STEP_OF.get(name, name) for name in names if name not in ALWAYS}
    for step in list(steps):
        steps.update(NEEDS.get(step, ()))
    return frozenset(steps)


class _Budget:
    """The wall-clock budget of one call."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def spent(self) -> bool:
        return time.monotonic() > self.deadline


def _check_options(**options: object) -> None:
    """A wrong option type is the caller's mistake: a TypeError naming the option and the type."""
    expected = {"url": str, "language": str, "now": datetime}
    for name, value in options.items():
        if value is not None and not isinstance(value, expected[name]):
            raise TypeError(f"extract() option {name} takes {expected[name].__name__} or None, "
                            f"not {type(value).__name__}")


DERIVED_FROM_BODY = ("blocks", "is_article", "warnings")


def _provenance(article: Article, page: Page, url: str | None) -> dict[str, Provenance]:
    """One entry per field: what the extractors noted, 'derived' for what follows from another
    field, 'argument' for what the caller gave, and 'none' for what the page lacks."""
    noted = dict(page.provenance)
    body = noted.get("body", Provenance("none"))
    for name in DERIVED_FROM_BODY:
        noted[name] = Provenance("derived", body.path, body.confidence)
    noted["url"] = Provenance("argument", None, 1.0) if url else Provenance(
        "derived", None, noted.get("canonical_url", Provenance("none")).confidence)
    out = {}
    for f in dataclass_fields(Article):
        if f.name == "provenance":
            continue
        value = getattr(article, f.name)
        empty = value is None or value == [] or value == "" or value == Counters()
        out[f.name] = Provenance("none") if empty and f.name not in DERIVED_FROM_BODY else noted.get(
            f.name, Provenance("none"))
    return out
