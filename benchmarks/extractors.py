"""articlex and the anchors it is compared with, each behind the same small interface.

Every extractor is called as ``run(html, url) -> body text or None`` on a ``str``. Each
anchor gets the settings its own documentation gives for "the main text of an article",
with comments and images left out; none of them is tuned for this corpus.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Extractor", "Unavailable", "NAMES", "load_extractor", "package_version"]

FALLBACK_URL = "http://example.com/article.html"
"""newspaper4k needs an address even for HTML it is handed; used when the corpus has none."""


class Unavailable(Exception):
    """The extractor's package is not installed, or importing it failed."""


@dataclass(frozen=True)
class Extractor:
    """A ready-to-call extractor."""

    name: str
    version: str
    run: Callable[[str, str], str | None]
    """``run(html, url)`` -> the article body as plain text (None or "" when none is found)."""


def package_version(distribution: str) -> str:
    """Installed version of a distribution, "?" when it is not installed."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _articlex() -> Extractor:
    """articlex asked for the body alone (``fields=("body",)``): the anchors find nothing else,
    so this is the like-for-like row. The title is read too, as the body needs it."""
    import articlex

    def run(html: str, url: str) -> str:
        return articlex.extract(html, url=url or None, fields=("body",)).body

    return Extractor("articlex", articlex.__version__, run)


def _articlex_every_field() -> Extractor:
    """articlex computing every field (the default), for what the whole split costs."""
    import articlex

    def run(html: str, url: str) -> str:
        return articlex.extract(html, url=url or None).body

    return Extractor("articlex-all", articlex.__version__, run)


def _trafilatura() -> Extractor:
    import trafilatura

    def run(html: str, url: str) -> str | None:
        return trafilatura.extract(html, include_comments=False)

    return Extractor("trafilatura", package_version("trafilatura"), run)


def _readability_lxml() -> Extractor:
    from readability import Document

    from htmltext import html_to_text

    def run(html: str, url: str) -> str:
        return html_to_text(Document(html).summary(html_partial=True))

    return Extractor("readability-lxml", package_version("readability-lxml"), run)


def _resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(html: str, url: str) -> str:
        return extract_plain_text(HTMLTree.parse(html), main_content=True, comments=False)

    return Extractor("resiliparse", package_version("resiliparse"), run)


def _newspaper4k() -> Extractor:
    import newspaper

    def run(html: str, url: str) -> str:
        # input_html: parse what is given, download nothing; no image fetching either.
        return newspaper.article(url or FALLBACK_URL, input_html=html, fetch_images=False).text

    return Extractor("newspaper4k", package_version("newspaper4k"), run)


def _goose3() -> Extractor:
    from goose3 import Goose

    goose = Goose()  # image fetching is off by default: goose3 stays offline

    def run(html: str, url: str) -> str:
        return goose.extract(raw_html=html).cleaned_text

    return Extractor("goose3", package_version("goose3"), run)


_FACTORIES: dict[str, Callable[[], Extractor]] = {
    "articlex": _articlex,
    "articlex-all": _articlex_every_field,
    "trafilatura": _trafilatura,
    "readability-lxml": _readability_lxml,
    "resiliparse": _resiliparse,
    "newspaper4k": _newspaper4k,
    "goose3": _goose3,
}
NAMES = tuple(_FACTORIES)
"""Every extractor the benchmark knows, in the order the table lists them."""


def load_extractor(name: str) -> Extractor:
    """Import an extractor; :class:`Unavailable` says why it cannot run here."""
    try:
        return _FACTORIES[name]()
    except ImportError as error:
        raise Unavailable(f"not installed ({error.name or error})") from error
    except Exception as error:  # a broken install or a failing import-time step
        raise Unavailable(f"import failed ({type(error).__name__}: {error})") from error
