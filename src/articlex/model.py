"""The result types: frozen dataclasses, ready for JSON through ``to_dict()``."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from .errors import InputError

__all__ = ["Link", "Counters", "Attribution", "Block", "Provenance", "Article", "BLOCK_KINDS", "STRATEGIES"]

BLOCK_KINDS = ("paragraph", "heading", "quote", "list_item", "table_row")
STRATEGIES = ("argument", "jsonld", "microdata", "meta", "markup", "cue", "derived", "none")
"""Where a field's value came from: the caller, JSON-LD, microdata, <meta>, theme markup, cue words or
layout read from the blocks, another field (``derived``), or nowhere (``none``: the page lacks it)."""


@dataclass(frozen=True)
class Provenance:
    """Which strategy gave a field its value, where in the page, and how far to trust it."""

    strategy: str
    """One of ``STRATEGIES``."""
    path: str | None = None
    """The element's XPath in the page, or ``lines A-B`` of a text dump; None when not located."""
    confidence: float = 0.0
    """In [0, 1]: how often that strategy is right, not a calibrated probability."""

    def to_dict(self) -> dict[str, Any]:
        return {"strategy": self.strategy, "path": self.path, "confidence": self.confidence}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provenance:
        return cls(strategy=data["strategy"], path=data.get("path"), confidence=float(data.get("confidence", 0.0)))


@dataclass(frozen=True)
class Link:
    """A linked text: a crumb, a read-also link, the previous or next article."""

    text: str
    """The visible text of the link, without any label ("Lire aussi :")."""
    url: str | None = None
    """An absolute http(s) URL when the page or ``url=`` gives a base; None in text input, without
    a base, or for a link of another scheme (``javascript:``...)."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "url": self.url}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Link:
        return cls(text=data["text"], url=data.get("url"))


@dataclass(frozen=True)
class Counters:
    """Counts displayed near the article header."""

    views: int | None = None
    """How many times the article was read, as displayed ("1,2k" is 1200); None if not shown."""
    comments: int | None = None
    """How many comments the article has, as displayed ("Nessun commento" is 0); None if not shown."""

    def to_dict(self) -> dict[str, Any]:
        return {"views": self.views, "comments": self.comments}


@dataclass(frozen=True)
class Attribution:
    """Who wrote the article and who it is credited to."""

    authors: list[str] = field(default_factory=list)
    """Person bylines only; newsroom bylines ("Rédaction", "Staff") are not people."""
    sources: list[str] = field(default_factory=list)
    """Agencies and source credits under their usual names (AFP, Reuters, dpa, Agerpres...)."""

    def to_dict(self) -> dict[str, Any]:
        return {"authors": list(self.authors), "sources": list(self.sources)}


@dataclass(frozen=True)
class Block:
    """One block of the article body."""

    kind: str
    """One of ``BLOCK_KINDS``: paragraph, heading, quote, list_item, table_row (cells joined by ' | ')."""
    text: str
    """The block's text, white space collapsed."""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text}


@dataclass(frozen=True)
class Article:
    """Every part of a news page that articlex recognises.

    Missing values are None (or an empty list); never an empty string pretending to be a value,
    except ``body``, which is "" when the page holds no article text.
    """

    title: str | None = None
    """The headline as shown, without the site's name."""
    breadcrumb: list[Link] = field(default_factory=list)
    """The crumb trail, root first, without the article's own title."""
    counters: Counters = field(default_factory=Counters)
    """View and comment counts shown near the article header."""
    body: str = ""
    """The article text: blocks separated by one blank line, subheadings kept."""
    blocks: list[Block] = field(default_factory=list)
    """The same text as ``body``, block by block, with each block's kind."""
    attribution: Attribution = field(default_factory=Attribution)
    """Person authors apart from agencies and sources."""
    related: list[Link] = field(default_factory=list)
    """Read-also links embedded in the body (removed from ``body``)."""
    previous: Link | None = None
    """The previous article, from article-to-article navigation."""
    next: Link | None = None
    """The next article, from article-to-article navigation."""
    published: datetime | None = None
    """When the article was published; timezone-aware when the page says."""
    modified: datetime | None = None
    """When the article was last modified; timezone-aware when the page says."""
    language: str | None = None
    """ISO 639-1 code of the article's language."""
    url: str | None = None
    """The URL given by the caller, else the page's own (og:url or canonical); http(s) only."""
    canonical_url: str | None = None
    """The page's rel=canonical (or og:url) URL, absolute."""
    site_name: str | None = None
    """The site's name (og:site_name, JSON-LD publisher)."""
    description: str | None = None
    """The page's description (og:description, meta description)."""
    image: str | None = None
    """The lead image URL (og:image, JSON-LD image)."""
    tags: list[str] = field(default_factory=list)
    """The article's tags or keywords."""
    kind: str | None = "article"
    """What the page is: ``article``, ``forum`` (a discussion thread), ``listing`` (cards: a category,
    a search or a list page), ``product`` (a product or an app); None when it holds no text. Read from
    what the page declares (JSON-LD types, ``og:type``), else from how its text was found."""
    is_article: bool = True
    """True for an article (``kind == "article"``). False for other kinds of page, whose text is still
    in ``body``, and for a document that holds no text (``body`` empty, the reason in ``warnings``)."""
    warnings: list[str] = field(default_factory=list)
    """What went wrong but did not stop extraction (a limit reached, no article found...)."""
    provenance: dict[str, Provenance] = field(default_factory=dict)
    """For every other field: the strategy that gave its value, where, and a confidence."""

    def to_dict(self) -> dict[str, Any]:
        """A plain dict of JSON types: dates as ISO 8601 strings, links as dicts."""
        out: dict[str, Any] = {}
        for f in fields(self):
            out[f.name] = _plain(getattr(self, f.name))
        return out

    def to_json(self, **kwargs: Any) -> str:
        """``to_dict()`` as JSON; keyword arguments go to :func:`json.dumps`."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The inverse of :meth:`to_dict`. Raises :class:`TypeError` for anything but a dict, and
        :class:`~articlex.errors.InputError` (a ValueError) naming what is missing or malformed."""
        if not isinstance(data, dict):
            raise TypeError(f"Article.from_dict() takes a dict, not {type(data).__name__}")
        try:
            return cls._from_dict(data)
        except KeyError as exc:
            raise InputError(f"Article.from_dict(): an entry lacks its {exc.args[0]!r} key") from None
        except (TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"Article.from_dict(): a value has the wrong shape ({exc})") from None

    @classmethod
    def _from_dict(cls, data: dict[str, Any]) -> Article:
        links: Callable[[Any], list[Link]] = lambda items: [Link.from_dict(x) for x in items or []]  # noqa: E731
        one: Callable[[Any], Link | None] = lambda x: Link.from_dict(x) if x else None  # noqa: E731
        date: Callable[[Any], datetime | None] = lambda x: datetime.fromisoformat(x) if x else None  # noqa: E731
        counters = data.get("counters") or {}
        attribution = data.get("attribution") or {}
        return cls(
            title=data.get("title"),
            breadcrumb=links(data.get("breadcrumb")),
            counters=Counters(views=counters.get("views"), comments=counters.get("comments")),
            body=data.get("body") or "",
            blocks=[Block(kind=b["kind"], text=b["text"]) for b in data.get("blocks") or []],
            attribution=Attribution(
                authors=list(attribution.get("authors") or []),
                sources=list(attribution.get("sources") or []),
            ),
            related=links(data.get("related")),
            previous=one(data.get("previous")),
            next=one(data.get("next")),
            published=date(data.get("published")),
            modified=date(data.get("modified")),
            language=data.get("language"),
            url=data.get("url"),
            canonical_url=data.get("canonical_url"),
            site_name=data.get("site_name"),
            description=data.get("description"),
            image=data.get("image"),
            tags=list(data.get("tags") or []),
            kind=data.get("kind", "article"),
            is_article=data.get("is_article", True),
            warnings=list(data.get("warnings") or []),
            provenance={k: Provenance.from_dict(v) for k, v in (data.get("provenance") or {}).items()},
        )

    def to_text(self) -> str:
        """The title and the body as plain text."""
        return "\n\n".join(x for x in (self.title, self.body) if x)

    def to_markdown(self) -> str:
        """The title and the body as Markdown, keeping headings, lists and quotes."""
        parts = [f"# {self.title}"] if self.title else []
        for block in self.blocks:
            if block.kind == "heading":
                parts.append(f"## {block.text}")
            elif block.kind == "quote":
                parts.append(f"> {block.text}")
            elif block.kind == "list_item":
                if parts and parts[-1].startswith("- "):
                    parts[-1] += f"\n- {block.text}"
                    continue
                parts.append(f"- {block.text}")
            elif block.kind == "table_row":
                row = f"| {block.text} |"
                if parts and parts[-1].startswith("| "):
                    parts[-1] += f"\n{row}"
                    continue
                # Markdown reads a table's first row as its header: a rule line follows it.
                parts.append(row + "\n|" + " --- |" * (block.text.count(" | ") + 1))
            else:
                parts.append(block.text)
        return "\n\n".join(parts)


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
