"""Every markup rule, per field, ordered most specific first.

A rule names one attribute value to look for: a class token, an id, an ``itemprop``,
a ``rel``... ``Index`` walks the tree once and answers every rule from its tables, so
no rule costs a pass over the document.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Any

__all__ = ["TOKEN_ATTRIBUTES", "WHOLE_VALUE_ATTRIBUTES", "DISCUSSION", "SIDEBARS", "KICKER", "Rule", "Index", "BREADCRUMB",
           "BODY", "VIEWS", "COMMENTS", "PREVIOUS", "NEXT", "NAVIGATION", "TAGS", "AUTHOR", "EDITOR", "BOILERPLATE",
           "STANDFIRST", "DISCUSSION_TOKENS", "CHROME", "CHROME_TAGS", "FOOTER_TOKENS", "SCREEN_READER_ONLY", "OWN_VIEWS", "OWN_COMMENTS"]


@dataclass(frozen=True)
class Rule:
    """Elements whose attribute ``attr`` holds ``value``: a whole token, a substring of one with
    ``part``, or with ``segment`` whole parts of a token between hyphens or underscores ('footer' in
    'site-footer' and 'footer_links', not in 'seofootercopy'; 'customer-review' in 'cr-customer_review')."""

    attr: str
    value: str
    part: bool = False
    segment: bool = False


def cls(value: str) -> Rule:
    return Rule("class", value)


def cls_part(value: str) -> Rule:
    return Rule("class", value, part=True)


def id_(value: str) -> Rule:
    return Rule("id", value)


def cls_segment(value: str) -> Rule:
    return Rule("class", value, segment=True)


def id_segment(value: str) -> Rule:
    return Rule("id", value, segment=True)


@lru_cache(maxsize=64)
def _segment_pattern(values: frozenset[str]) -> re.Pattern[str]:
    """One pattern finding any of ``values`` as a whole part of a token."""
    parts = "|".join(re.escape(value).replace(r"\-", "[-_]") for value in sorted(values))
    return re.compile(rf"(?:^|[-_])(?:{parts})(?:$|[-_])")


@lru_cache(maxsize=64)
def _segment_spellings(values: frozenset[str]) -> tuple[str, ...]:
    """Every way ``values`` may be written in a token, as :func:`_segment_pattern` reads them:
    each hyphen as a hyphen or an underscore."""
    spellings = set()
    for value in values:
        variants = [""]
        for ch in value:
            variants = [v + alt for v in variants for alt in ("-_" if ch == "-" else ch)]
        spellings.update(variants)
    return tuple(sorted(spellings))


SEGMENT_EDGES = "\n-_"
"""What stands on either side of a segment in tokens joined by line breaks (besides their ends)."""


TOKEN_ATTRIBUTES = frozenset({"class", "id", "itemprop", "rel", "role", "itemtype", "aria-label", "data-component"})
"""The attributes :class:`Index` indexes."""
WHOLE_VALUE_ATTRIBUTES = frozenset({"itemtype", "aria-label"})
"""Attributes indexed by their whole value (lower-cased), not word by word."""


class Index:
    """Elements by attribute token, in document order. The block walk fills it as it passes each
    element (:meth:`add`), so the page is walked once; ``Index(root)`` builds one on its own.
    (An XPath '//*[@class or ...]' would filter in C, but libxml2 sorts its node set: measured
    quadratic, 1.5 s on an 8 MB page against 0.04 s for iter().)"""

    def __init__(self, root: Any = None) -> None:
        self.tokens: dict[tuple[str, str], list[Any]] = {}
        self.order: dict[Any, int] = {}
        self.by_attr: dict[str, dict[str, list[Any]]] = {}
        """The lists of ``tokens`` again, by attribute then token (what substring rules read)."""
        self._joined_at: dict[str, tuple[int, str]] = {}
        self.reset()
        if root is not None:
            for el in root.iter():
                self.add(el)

    def reset(self) -> None:
        """Empty tables (a second pass of the walk indexes every element again)."""
        self.tokens, self.order, self.by_attr, self._joined_at = {}, {}, {}, {}

    def add(self, el: Any, items: list[tuple[str, str]] | None = None) -> None:
        """Index one element (``items``: its attributes, when the caller has them already)."""
        if items is None:
            if not isinstance(el.tag, str):
                return
            items = el.items()
        tokens = self.tokens
        for attr, value in items:
            if attr not in TOKEN_ATTRIBUTES or not value:
                continue
            if el not in self.order:
                self.order[el] = len(self.order)  # only indexed elements are ever sorted
            for word in [value.strip().lower()] if attr in WHOLE_VALUE_ATTRIBUTES else value.lower().split():
                found = tokens.get((attr, word))
                if found is None:
                    found = tokens[(attr, word)] = []
                    self.by_attr.setdefault(attr, {})[word] = found
                found.append(el)

    def find(self, rule: Rule) -> list[Any]:
        if rule.segment:
            found = [el for _, els in self._segments(rule.attr, frozenset({rule.value})) for el in els]
        elif not rule.part:
            return self.tokens.get((rule.attr, rule.value), [])
        else:
            found = [el for _, els in self._holding(rule.attr, rule.value) for el in els]
        return sorted(set(found), key=self.order.__getitem__)

    def _words(self, attr: str) -> list[tuple[str, list[Any]]]:
        """(token, elements) of one attribute, in the order of ``tokens``: a substring rule reads
        only its attribute's tokens."""
        return list(self.by_attr.get(attr, {}).items())

    def _segments(self, attr: str, values: frozenset[str]) -> list[tuple[str, list[Any]]]:
        """(token, elements) of the tokens of ``attr`` holding one of ``values`` as a segment, in
        order: what :func:`_segment_pattern` finds. Tokens split at white space hold no line
        break: joined by line breaks, they are searched for each spelling of the values with
        ``str.find`` (nearly all tokens hold none), rather than with the pattern a token."""
        words = self._words(attr)
        if attr in WHOLE_VALUE_ATTRIBUTES:  # a whole value may hold a line break
            pattern = _segment_pattern(values)
            return [(word, els) for word, els in words if pattern.search(word)]
        joined = self._joined(attr)
        size, places = len(joined), set()
        for spelling in _segment_spellings(values):
            at = joined.find(spelling)
            while at >= 0:
                end = at + len(spelling)
                if (at == 0 or joined[at - 1] in SEGMENT_EDGES) and (end == size or joined[end] in SEGMENT_EDGES):
                    places.add(at)
                at = joined.find(spelling, at + 1)
        return self._tokens_at(words, joined, places)

    def _holding(self, attr: str, value: str) -> list[tuple[str, list[Any]]]:
        """(token, elements) of the tokens of ``attr`` holding ``value`` (a substring rule), in
        order: searched in the tokens joined by line breaks, as :meth:`_segments` does."""
        words = self._words(attr)
        if attr in WHOLE_VALUE_ATTRIBUTES or "\n" in value or not value:
            return [(word, els) for word, els in words if value in word]
        joined, places = self._joined(attr), set()
        at = joined.find(value)
        while at >= 0:
            places.add(at)
            at = joined.find(value, at + 1)
        return self._tokens_at(words, joined, places)

    @staticmethod
    def _tokens_at(words: list[tuple[str, list[Any]]], joined: str, places: set[int]) -> list[tuple[str, list[Any]]]:
        """The entries of ``words`` (joined by line breaks in ``joined``) that places in ``joined``
        stand in, in order, each once."""
        found: list[tuple[str, list[Any]]] = []
        token = last = 0
        for at in sorted(places):  # the token each stands in: the line breaks before it, counted once
            token += joined.count("\n", last, at)
            last = at
            if not found or found[-1] is not words[token]:
                found.append(words[token])
        return found

    def _joined(self, attr: str) -> str:
        """The tokens of ``attr`` joined by line breaks (made again if the attribute's tokens grew since)."""
        words = self.by_attr.get(attr, {})
        kept = self._joined_at.get(attr)
        if kept is None or kept[0] != len(words):
            kept = self._joined_at[attr] = (len(words), "\n".join(words))
        return kept[1]

    def first_matches(self, rules: tuple[Rule, ...]) -> list[Any]:
        """The elements of the first rule that matches anything."""
        for rule in rules:
            found = self.find(rule)
            if found:
                return found
        return []

    def all_matches(self, rules: tuple[Rule, ...]) -> list[Any]:
        """Every element any rule matches, in rule order (segment rules first, read in one pass over
        each attribute's tokens), each once."""
        seen: set[Any] = set()
        out: list[Any] = []
        segments: dict[str, set[str]] = {}
        for rule in rules:
            if rule.segment:
                segments.setdefault(rule.attr, set()).add(rule.value)
        found = [el for attr, values in segments.items() for _, els in self._segments(attr, frozenset(values))
                 for el in els]
        for rule in rules:
            for el in found if rule.segment else self.find(rule):
                if el not in seen:
                    seen.add(el)
                    out.append(el)
            if rule.segment:
                found = []  # read once, for the first segment rule
        return out


BREADCRUMB = (
    cls("entry-crumbs"), cls("tdb-breadcrumbs"), cls("jeg_breadcrumbs"), cls("penci-breadcrumb"),
    id_("breadcrumb"), id_("crumbs"), id_("breadcrumbs"), cls("breadcrumb"), cls("breadcrumbs"),
    cls("rank-math-breadcrumb"), cls("breadcrumb-trail"), cls("a-breadcrumb"),
    Rule("itemtype", "https://schema.org/breadcrumblist"), Rule("itemtype", "http://schema.org/breadcrumblist"),
    Rule("aria-label", "breadcrumb"), Rule("aria-label", "breadcrumbs"),
    cls("ariane"), cls("fil-ariane"),
    cls_part("breadcrumb"), Rule("id", "breadcrumb", part=True), cls_part("crumbs"), cls_part("crumb"),
)

BODY = (
    Rule("itemprop", "articlebody"), cls("td-post-content"), cls("tdb_single_content"),
    cls("jeg_post_content"), cls("entry-content"), cls("post-entry"), cls("post-content"),
    cls("article-content"), cls("article-body"), cls("article__body"), cls("articlebody"),
    cls("story-body"), cls("post-body"), cls("single-content"), cls("content-inner"),
    cls("elementor-widget-theme-post-content"), cls("article-text"), cls("article__content"),
    cls("entry"), cls("text"),
)

# Comment threads: their prose is not the article's (it must not win the container), unless the page
# is the thread (a forum page: too little prose outside it).
DISCUSSION = (
    id_("comments"), cls("comments"), cls("comment-list"), cls("commentlist"), cls("comments-area"),
    id_("disqus_thread"), cls_part("comment-body"),
)
# Sidebars: their prose is never the page's.
SIDEBARS = (cls("sidebar"), id_("sidebar"), Rule("role", "complementary"))

# Page chrome: the site's footer, legal notices, cookie and consent panels, dialogs and drawers,
# customers' reviews.
# Their prose (legal notes, a return policy, a consent text, reviews) is not the page's text, unless
# the headline sits in them.
CHROME = (
    cls_segment("footer"), id_segment("footer"), Rule("role", "contentinfo"), Rule("role", "dialog"),
    cls_segment("modal"), id_segment("modal"), cls_segment("popup"), cls("drawer"), cls_segment("cookie"), id_segment("cookie"), cls_segment("cookies"),
    id_segment("cookies"), cls_segment("consent"), id_segment("consent"), cls_segment("onetrust"),
    id_segment("onetrust"), cls_segment("ot"), cls_segment("gdpr"),
    cls_segment("legal"), id_segment("legal"), cls_segment("disclaimer"), id_segment("disclaimer"),
    # Customers' reviews of a product: readers' talk, never the product's own text.
    cls_segment("reviews"), id_segment("reviews"), cls_segment("customer-review"), cls_segment("customer-reviews"), cls_segment("user-review"),
    cls_segment("product-review"),
)
CHROME_TAGS = ("footer", "nav", "aside", "dialog")
FOOTER_TOKENS = re.compile(r"(?:^|[\s_-])footer(?:$|[\s_-])", re.I)
"""'footer' as a part of a class or id token ('site-footer', 'footer_links'; not 'seofootercopy')."""
"""Tags of page chrome (the same rule as :data:`CHROME`)."""

VIEWS = (
    cls("td-post-views"), cls("jeg_meta_views"), cls("meta-views"), cls("penci-post-countview-number"),
    cls("post-views"), cls("entry-views"), cls("views"), cls("view-count"), cls_part("views"), cls_part("post-view"),
)

COMMENTS = (
    Rule("itemprop", "commentcount"), cls("td-post-comments"), cls("jeg_meta_comment"), cls("meta-comment"), cls("comments-link"),
    cls("comment-count"), cls("post-comments"), cls("comments-count"), cls("single-comment-o"),
    cls("meta-comms"), cls_part("comment-count"), cls_part("comm"),
)

# Counters a theme prints only for the article itself (its single-post template): trusted anywhere
# above the text, however far the layout puts them from the headline.
OWN_VIEWS = (cls("tdb_single_post_views"),)
OWN_COMMENTS = (cls("tdb_single_comments_count"),)

NAVIGATION = (
    cls("td-post-next-prev"), cls("jeg_prevnext_post"), cls("post-navigation"), cls("prev-next-post-nav"),
    id_("prev-next-post-nav"), cls("post-pagination"), cls("penci-post-pagination"),
    cls("elementor-post-navigation"), cls("nav-links"), cls("navigation-post"),
)

PREVIOUS = (
    cls("td-post-prev-post"), cls("jeg_prev_post"), cls("nav-previous"), cls("post-previous"),
    cls("prev-post"), cls("previous-post"), cls("prev-post-link"), cls("elementor-post-navigation__prev"),
    cls("post-prev"), cls("prev"), cls("previous"), Rule("rel", "prev"),
)

NEXT = (
    cls("td-post-next-post"), cls("jeg_next_post"), cls("nav-next"), cls("post-next"), cls("next-post"),
    cls("next-post-link"), cls("elementor-post-navigation__next"), cls("next"), Rule("rel", "next"),
)

TAGS = (
    cls("td-tags"), cls("jeg_post_tags"), cls("post-tags"), cls("entry-tags"), cls("tags-links"),
    cls("tags"), cls("article-tags"), cls("story-tags"), cls_part("tags"),
)

AUTHOR = (
    cls("jeg_meta_author"), cls("td-post-author-name"), cls("author-name"), cls("byline"),
    cls("meta-author"), cls("entry-author"), cls("post-author"), Rule("rel", "author"),
    Rule("itemprop", "author"), cls("author"), cls_part("byline"),
)

# Elements naming the story's editor ('<span id="editor_baidu">责任编辑：X</span>', class "post-editor"):
# the name after their label is an editor's, never an author's.
EDITOR = (cls_part("editor"), Rule("id", "editor", part=True))

# Class or id tokens of blocks inside the article container that are not article text.
# ("widget" is left out: page builders such as Elementor wrap the article text itself in widgets.)
BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharedaddy|social|related|newsletter|subscribe|subscription|"
    r"advert\w*|ads?|adsbygoogle|banner|sponsor\w*|promo|author-box|authorbox|about-author|author-info|bio|"
    r"tags?|caption|credits?|comments?|sidebar|breadcrumbs?|navigation|nav|menu|popup|modal|"
    r"cookie|byline|toolbar|recommend\w*|rec|a-rec|wp-caption-text|figcaption|print|donate|donation|"
    r"outbrain|taboola|teasers?|next-prev|prevnext|post-meta|entry-meta|jp-relatedposts)(?:$|[\s_-])",
    re.I,
)

# Class or id tokens of a readers' discussion (comments, a forum thread, replies): on an article page
# it follows the text and must not count as the article's prose; on a forum page it is the page.
DISCUSSION_TOKENS = re.compile(
    r"(?:^|[\s_-])(?:comments?|commentlist|forum|replies|reply|discussion|disqus)(?:$|[\s_-])", re.I)

# Class tokens of a standfirst printed inside the article container ('id-Article-content-item-summary',
# Bootstrap's 'lead'): at the top of the text it is header, not body.
STANDFIRST = re.compile(
    r"(?:^|[\s_-])(?:standfirst|summary|lead|lede|dek|chapo|chapeau|abstract|subtitle)(?:$|[\s_-])",
    re.I,
)

# Class tokens of a kicker printed inside the headline element (left out of the title).
KICKER = re.compile(r"kicker|overline|topline|dachzeile|roofline|eyebrow|supertitle|spitzmarke", re.I)

# Class tokens of text kept for screen readers only (a trail's 'You are here' or 'Navigation path'
# label): shown to no reader, whatever the words.
SCREEN_READER_ONLY = re.compile(
    r"(?:^|\s)[\w-]*(?:sr-only|sronly|screen-?reader|visually-?hidden|visuallyhidden|a11y|assistive|offscreen|"
    r"element-invisible|hidden-text|hide-text|sr-text)[\w-]*(?:$|\s)",
    re.I,
)
