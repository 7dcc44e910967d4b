"""Canonical URL, site name, description, image and tags: JSON-LD, OpenGraph and meta."""

from __future__ import annotations

from ..lexicon import cues, fold
from ..page import Element, JsonObject, Page
from ..selectors import TAGS, Rule

__all__ = ["canonical_url", "site_name", "description", "image", "tags", "article_objects", "declared_kind"]

ARTICLE_TYPES = ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle")
PAGE_TYPES = ("WebPage", "ItemPage")
MAX_TAG_LINE = 300
DECLARED_KINDS = (
    ("article", ARTICLE_TYPES),
    ("product", ("Product", "ProductGroup", "Book", "SoftwareApplication", "VideoGame")),
    ("forum", ("DiscussionForumPosting", "QAPage", "Question")),
    ("listing", ("CollectionPage", "ItemList", "SearchResultsPage", "OfferCatalog")),
)
"""Kinds of page and the schema.org types that declare them, most telling first."""
OPEN_GRAPH_KINDS = {"article": "article", "product": "product", "og:product": "product", "product.item": "product"}
"""OpenGraph ``og:type`` values that declare a kind of page."""


def article_objects(page: Page) -> list[JsonObject]:
    """JSON-LD article objects; a page object only when there is no article one."""
    found = list(page.jsonld_of(*ARTICLE_TYPES))
    return found or list(page.jsonld_of(*PAGE_TYPES))


def declared_kind(page: Page) -> str | None:
    """The kind of page the page says it is ('article', 'product', 'forum', 'listing'), from its
    JSON-LD types, else its ``og:type``; None when it says nothing telling."""
    for kind, types in DECLARED_KINDS:
        if next(page.jsonld_of(*types), None) is not None:
            return kind
    return OPEN_GRAPH_KINDS.get((page.meta.get("og:type") or "").strip().lower())


def canonical_url(page: Page) -> str | None:
    if page.root is None:
        return None
    for el in page.tagged("link"):  # listed by the walk: no pass over the tree of its own
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            page.note("canonical_url", "markup", el)
            return page.absolute(el.get("href"))
    if page.meta.get("og:url"):
        page.note("canonical_url", "meta")
        return page.absolute(page.meta["og:url"])
    page.note("canonical_url", "jsonld")
    return page.absolute(page._jsonld_url())


def site_name(page: Page) -> str | None:
    name = page.meta.get("og:site_name") or page.meta.get("application-name")
    if name:
        page.note("site_name", "meta")
        return name
    page.note("site_name", "jsonld")
    for obj in article_objects(page):
        publisher = page.resolve(obj.get("publisher"))
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return str(publisher["name"]).strip() or None
    for obj in page.jsonld_of("WebSite", "Organization", "NewsMediaOrganization"):
        name = obj.get("name")
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


def description(page: Page) -> str | None:
    meta = page.meta
    page.note("description", "meta")
    return meta.get("og:description") or meta.get("description") or meta.get("twitter:description")


def image(page: Page) -> str | None:
    meta = page.meta
    found = meta.get("og:image") or meta.get("og:image:url") or meta.get("twitter:image")
    page.note("image", "meta" if found else "jsonld")
    if not found:
        for obj in article_objects(page):
            img = obj.get("image")
            img = img[0] if isinstance(img, list) and img else img
            url = img.get("url") if isinstance(img, dict) else img
            if isinstance(url, str):
                found = url
                break
    return page.absolute(found) if isinstance(found, str) else None


def tags(page: Page) -> list[str]:
    """Tags from article:tag metas, then a visible tag list, then JSON-LD keywords."""
    if page.root is None:
        return []
    found = [tag.strip() for el in page.tagged("meta")  # listed by the walk: no pass of its own
             if (el.get("property") or el.get("name") or "").lower() == "article:tag" and el.get("content")
             for tag in el.get("content").split(",") if tag.strip()]
    page.note("tags", "meta")
    if not found:
        found = _visible_tags(page)
    if not found:
        page.note("tags", "jsonld")
        for obj in article_objects(page):
            keywords = obj.get("keywords")
            if isinstance(keywords, str):
                keywords = keywords.split(",")
            if isinstance(keywords, list):
                found = [k.strip() for k in keywords if isinstance(k, str) and k.strip()]
                break
    section = fold(page.meta.get("article:section") or "")
    return list(dict.fromkeys(t for t in found if fold(t) != section))


def _visible_tags(page: Page) -> list[str]:
    lexicon = cues()
    for el in page.index.first_matches(TAGS):
        names = [" ".join(a.text_content().split()) for a in el.iter("a") if not _is_category(a)]
        names = [n for n in names if n and not lexicon.is_word("tags_labels", n)]
        if names:
            page.note("tags", "markup", el)
            return names
    found = [" ".join(a.text_content().split()) for a in page.index.find(Rule("rel", "tag"))
             if a.tag == "a" and a.text_content().strip() and not _is_category(a)]
    if found:
        page.note("tags", "markup")
        return found
    return _labelled_tags(page)


def _labelled_tags(page: Page) -> list[str]:
    """'Tags: a, b, c' printed as a line: its links, else its comma-separated words."""
    lexicon = cues()
    for block in page.blocks:
        rest = lexicon.strip_label("tags_labels", block.text) if len(block.text) < MAX_TAG_LINE else None
        if rest:
            names = [link.text for link in block.links] or rest.split(",")
            page.note("tags", "cue", block)
            return [n.strip() for n in names if n.strip()]
    return []


def _is_category(a: Element) -> bool:
    return "category" in (a.get("rel") or "").lower().split()
