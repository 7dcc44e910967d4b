"""``extract()``: load the page, find each field, build the Article."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeVar

from .fields import metadata
from .fields.attribution import find_attribution
from .fields.body import Body, find_body, shell_text
from .fields.breadcrumb import find_breadcrumb
from .fields.counters import find_counters
from .fields.dates import find_dates
from .fields.language import find_language
from .fields.navigation import find_navigation
from .fields.regions import Regions
from .fields.title import Title, find_title
from .deadline import Deadline, check_seconds
from .loading import Limits, Source, load_page
from .model import Article, Attribution, Block, Counters, Provenance
from .page import Page
from .urls import SAFE_SCHEMES, safe_url, scheme_of
from .watchdog import StepInterrupted, interrupting

__all__ = ["extract"]

NOT_AN_ARTICLE = "no article text found: the page holds no run of paragraphs"
SHELL_PAGE = ("no article text found: the page prints none (a script writes it); the body is the page's "
              "description, the text's opening")
SHELL_CONFIDENCE = 0.3
"""Trust in a body taken from the description: the text's opening at best, cut where the site cut it."""


def extract(source: Source, *, url: str | None = None, language: str | None = None, now: datetime | None = None,
            fields: Iterable[str] | None = None,
            max_bytes: int = Limits.max_bytes, max_elements: int = Limits.max_elements,
            max_depth: int = Limits.max_depth, max_seconds: float = Limits.max_seconds) -> Article:
    """Split a news page into its parts.

    ``source`` is a str (HTML or a plain-text dump, told apart automatically), bytes (decoded
    from the BOM, the declared charset, else detected), a BeautifulSoup object or an lxml
    element. ``url`` is the page's address (a base for relative links); ``language`` an ISO
    639-1 code that overrides detection ('FR' and 'fr-CA' are read as 'fr'); ``now`` the
    reference time for relative dates and the latest acceptable publication date. Never
    touches the network. Every URL of the result is an absolute http(s) URL or None.

    ``fields`` names the fields wanted (names of :class:`~articlex.model.Article` fields, such
    as ``("body",)`` or ``("title", "published")``); the default is all of them. Fields not
    asked for are not computed and stay empty (``None``, ``[]``, ``Counters()``), with the
    provenance ``none``, unless a field asked for needs them: the title and the body are
    always read (every other field builds on them), and dates need the language. Fields that
    were computed are returned.

    Limits (see :class:`~articlex.loading.Limits`): past ``max_bytes`` or ``max_elements`` the
    call raises :class:`~articlex.errors.TooLargeError`; nesting deeper than ``max_depth`` is
    flattened; ``max_seconds`` bounds the call (the page is read for part of it, then each step
    stops where it runs out, leaving what it did not reach empty). Each of these is listed in
    ``article.warnings``.

    Raises :class:`TypeError` for an argument of the wrong type, :class:`ValueError` for an
    option out of range (``max_seconds=nan``, ``language='french'``) and
    :class:`~articlex.errors.InputError` (or a subclass) for input that is not a document.
    """
    _check_options(url=url, language=language, now=now)
    steps = _steps_for(fields)
    language = _language_code(language)
    deadline = Deadline(check_seconds("max_seconds", max_seconds))
    limits = Limits(max_bytes=max_bytes, max_elements=max_elements, max_depth=max_depth, max_seconds=max_seconds)
    page = load_page(source, url=url, limits=limits, deadline=deadline)
    site = metadata.site_name(page)
    title = _bounded(lambda: find_title(page, site), deadline, TITLE_STOPPED, Title(None))
    body = Body(kind=None) if TITLE_STOPPED in deadline.notes else _bounded(
        lambda: find_body(page, title), deadline, BODY_STOPPED, Body(kind=None))
    stopped = TITLE_STOPPED in deadline.notes or BODY_STOPPED in deadline.notes
    shell = None if body.blocks or stopped else shell_text(page)
    if shell is not None:
        page.note("body", "meta", None, SHELL_CONFIDENCE)
    parts = _read_fields(page, title, body, site, deadline, steps, language=language, now=now, shell=shell)
    if language is not None:
        page.note("language", "argument")
    page.warnings.extend(deadline.message(note) for note in deadline.notes)
    article = _safe_links(_assemble(page, title, body, site, parts, url))
    return replace(article, provenance=_provenance(article, page, url))


T = TypeVar("T")
HARD_MARGIN = 0.5
"""Seconds past ``max_seconds`` the title and the body may run before they are stopped where they
are: they look at the clock themselves, so only a stretch between two looks that runs long (a
pattern over a line of megabytes on a busy machine) reaches it; stopped, they give nothing."""
TITLE_STOPPED = "the title was being looked for when the time ran out: title, body and later fields not read"
BODY_STOPPED = "the body was being read when the time ran out: body and later fields not read"


def _bounded(step: Callable[[], T], deadline: Deadline, what: str, empty: T) -> T:
    """``step()``, or ``empty`` when it is still running :data:`HARD_MARGIN` seconds past the deadline."""
    try:
        with interrupting(deadline.end + HARD_MARGIN):
            return step()
    except StepInterrupted:
        deadline.stop(what)
        return empty


def _read_fields(page: Page, title: Title, body: Body, site: str | None, deadline: Deadline, wanted: frozenset[str], *,
                 language: str | None, now: datetime | None, shell: str | None = None) -> dict[str, Any]:
    """The fields that build on title and body, in order, those ``wanted`` only, while the time
    budget lasts: a step still running when it runs out is stopped where it is
    (:func:`~articlex.watchdog.interrupting`) and left empty with the steps after it. ``shell`` is
    the text of a page that prints none (see :func:`shell_text`)."""
    text = shell or "\n\n".join(b.text for b in body.blocks)
    regions = Regions.of(page, title, body)  # above the title, header, text, tail: shared by the fields below
    parts: dict[str, Any] = {"text": text}
    steps: tuple[tuple[str, Callable[[], object]], ...] = (
        ("breadcrumb", lambda: find_breadcrumb(page, title)),
        ("navigation", lambda: find_navigation(page, body.end)),
        ("counters", lambda: find_counters(page, regions)),
        ("attribution", lambda: find_attribution(page, body, regions, site)),
        ("language", lambda: language or find_language(page, text or " ".join(b.text for b in page.blocks[:200]))),
        ("dates", lambda: find_dates(page, regions, body.header, now, parts.get("language"))),
        ("canonical_url", lambda: metadata.canonical_url(page)),
        ("description", lambda: metadata.description(page)),
        ("image", lambda: metadata.image(page)),
        ("tags", lambda: metadata.tags(page)),
    )
    try:
        with interrupting(deadline.end):
            for name, step in steps:
                if name not in wanted:
                    continue
                if deadline.expired():
                    deadline.stop(FIELDS_NOT_READ.format(name=name))
                    break
                parts[name] = step()
    except StepInterrupted:
        unread = [name for name, _ in steps if name in wanted and name not in parts]
        if unread:
            deadline.stop(FIELD_STOPPED.format(name=unread[0]))
    return parts


FIELDS_NOT_READ = "{name} and later fields not read"
FIELD_STOPPED = "{name} was being read when the time ran out: it and later fields not read"


def _assemble(page: Page, title: Title, body: Body, site: str | None, parts: dict[str, Any],
              url: str | None) -> Article:
    previous, following = parts.get("navigation") or (None, None)
    published, modified = parts.get("dates") or (None, None)
    return Article(
        title=title.text,
        breadcrumb=parts.get("breadcrumb") or [],
        counters=parts.get("counters") or Counters(),
        body=parts["text"],
        blocks=_blocks(body, parts["text"]),
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
        kind=body.kind,
        is_article=body.kind == "article",
        warnings=list(page.warnings) + _no_text_warning(body, parts["text"]),
    )


def _blocks(body: Body, text: str) -> list[Block]:
    """The body's blocks; for a page that prints no text, its description as one paragraph."""
    if body.blocks:
        return [Block(kind=b.kind, text=b.text) for b in body.blocks]
    return [Block(kind="paragraph", text=text)] if text else []


def _no_text_warning(body: Body, text: str) -> list[str]:
    """Why the page has no body of its own: no run of paragraphs, or a script that writes it (the
    body is then the page's description)."""
    if body.blocks:
        return []
    return [SHELL_PAGE if text else NOT_AN_ARTICLE]


STEPS = ("breadcrumb", "navigation", "counters", "attribution", "language", "dates", "canonical_url",
         "description", "image", "tags")
"""The steps of :func:`_read_fields`, in the order they run."""
ALWAYS = frozenset({"title", "body", "blocks", "related", "site_name", "kind", "is_article", "warnings"})
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


def _check_options(**options: object) -> None:
    """A wrong option type is the caller's mistake: a TypeError naming the option and the type."""
    expected = {"url": str, "language": str, "now": datetime}
    for name, value in options.items():
        if value is not None and not isinstance(value, expected[name]):
            raise TypeError(f"extract() option {name} takes {expected[name].__name__} or None, "
                            f"not {type(value).__name__}")


ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
    "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
    "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
    "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
    "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
    "vo wa wo xh yi yo za zh zu".split())
"""The two-letter codes of ISO 639-1 (the standard's whole table, 184 codes): what ``language=``
and ``Article.language`` hold."""


def _language_code(language: str | None) -> str | None:
    """``language=`` as a lower-case ISO 639-1 code ('FR' and 'fr-CA' are 'fr': a region or a
    script after the language does not count); a ValueError naming the value for anything else
    ('french', 'fra')."""
    if language is None:
        return None
    code = language.strip().replace("_", "-").split("-", 1)[0].lower()
    if code not in ISO_639_1:
        raise ValueError(f"extract() option language takes an ISO 639-1 code such as 'fr' or 'en', "
                         f"not {language!r}")
    return code


URL_FIELDS = ("url", "canonical_url", "image")
LINK_FIELDS = ("breadcrumb", "related", "previous", "next")
WARN_UNSAFE_LINK = "{field}: {count} link(s) with the {scheme}: scheme lost their URL (only http and https are kept)"


def _safe_links(article: Article) -> Article:
    """Every URL field through :func:`~articlex.urls.safe_url`: an http(s) URL or None. A link
    whose scheme is another (``javascript:``, ``data:``...) is dropped and ``warnings`` says so."""
    changes: dict[str, Any] = {}
    dropped: dict[tuple[str, str], int] = {}

    def gate(name: str, value: str | None) -> str | None:
        url = safe_url(value)
        scheme = scheme_of(value) if value and url is None else None
        if scheme is not None and scheme not in SAFE_SCHEMES:
            dropped[(name, scheme)] = dropped.get((name, scheme), 0) + 1
        return url

    for name in URL_FIELDS:
        changes[name] = gate(name, getattr(article, name))
    for name in LINK_FIELDS:
        value = getattr(article, name)
        if isinstance(value, list):
            changes[name] = [replace(link, url=gate(name, link.url)) for link in value]
        elif value is not None:
            changes[name] = replace(value, url=gate(name, value.url))
    warnings = [WARN_UNSAFE_LINK.format(field=name, count=count, scheme=scheme)
                for (name, scheme), count in dropped.items()]
    return replace(article, **changes, warnings=article.warnings + warnings)


DERIVED_FROM_BODY = ("blocks", "kind", "is_article", "warnings")


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
