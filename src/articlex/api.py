"""``extract()``: load the page, find each field, build the Article."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import datetime

from .fields import metadata
from .fields.attribution import find_attribution
from .fields.body import find_body
from .fields.breadcrumb import find_breadcrumb
from .fields.counters import find_counters
from .fields.dates import find_dates
from .fields.language import find_language
from .fields.navigation import find_navigation
from .fields.title import find_title
from .loading import Limits, load_page
from .model import Article, Block, Counters, Provenance

__all__ = ["extract"]

NOT_AN_ARTICLE = "no article text found: the page holds no run of paragraphs"


def extract(source, *, url: str | None = None, language: str | None = None,
            now: datetime | None = None, max_bytes: int = Limits.max_bytes) -> Article:
    """Split a news page into its parts.

    ``source`` is a str (HTML or a plain-text dump, told apart automatically), bytes (decoded
    from the BOM, the declared charset, else detected), a BeautifulSoup object or an lxml
    element. ``url`` is the page's address (a base for relative links); ``language`` an ISO
    639-1 code that overrides detection; ``now`` the reference time for relative dates and
    the latest acceptable publication date. Never touches the network.

    Raises :class:`TypeError` for an unsupported ``source`` type and
    :class:`~articlex.errors.InputError` (or a subclass) for input that is not a document.
    """
    page = load_page(source, url=url, limits=Limits(max_bytes=max_bytes))
    language_given = language is not None
    site = metadata.site_name(page)
    title = find_title(page, site)
    body = find_body(page, title)
    breadcrumb = find_breadcrumb(page, title)
    previous, following = find_navigation(page, body.end)
    counters = find_counters(page, title.index, body.start)
    attribution = find_attribution(page, body, title.index, site)
    text = "\n\n".join(b.text for b in body.blocks)
    language = language or find_language(page, text or " ".join(b.text for b in page.blocks[:200]))
    published, modified = find_dates(page, title.index, body.header, now, language)
    canonical = metadata.canonical_url(page)
    warnings = [] if body.blocks else [NOT_AN_ARTICLE]
    if language_given:
        page.note("language", "argument")
    article = Article(
        title=title.text,
        breadcrumb=breadcrumb,
        counters=counters,
        body=text,
        blocks=[Block(kind=b.kind, text=b.text) for b in body.blocks],
        attribution=attribution,
        related=body.related,
        previous=previous,
        next=following,
        published=published,
        modified=modified,
        language=language,
        url=url or canonical,
        canonical_url=canonical,
        site_name=site,
        description=metadata.description(page),
        image=metadata.image(page),
        tags=metadata.tags(page),
        is_article=bool(body.blocks),
        warnings=warnings,
    )
    return replace(article, provenance=_provenance(article, page, url))


DERIVED_FROM_BODY = ("blocks", "is_article", "warnings")


def _provenance(article: Article, page, url: str | None) -> dict[str, Provenance]:
    """One entry per field: what the extractors noted, 'derived' for what follows from another
    field, 'argument' for what the caller gave, and 'none' for what the page lacks."""
    noted = dict(page.provenance)
    body = noted.get("body", Provenance("none"))
    for name in DERIVED_FROM_BODY:
        noted[name] = Provenance("derived", body.path, body.confidence)
    noted["url"] = Provenance("argument", None, 1.0) if url else Provenance(
        "derived", None, noted.get("canonical_url", Provenance("none")).confidence)
    out = {}
    for f in fields(Article):
        if f.name == "provenance":
            continue
        value = getattr(article, f.name)
        empty = value is None or value == [] or value == "" or value == Counters()
        out[f.name] = Provenance("none") if empty and f.name not in DERIVED_FROM_BODY else noted.get(
            f.name, Provenance("none"))
    return out
