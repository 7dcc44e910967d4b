"""The exceptions articlex raises.

Every error the library raises on purpose derives from :class:`ArticlexError`,
so one ``except ArticlexError`` is enough around a crawl loop::

    ArticlexError
     +-- InputError              the input cannot be read as a document, or a dict given to
     |    |                      Article.from_dict() as an Article (also a ValueError)
     |    +-- EmptyInputError    nothing but white space (or invisible characters), no element
     |    +-- TooLargeError      past max_bytes, max_elements or max_seconds
     |    +-- UnsupportedContentError   binary data, an RSS/Atom feed, a sitemap, JSON
     +-- FetchError              the URL could not be fetched (CLI / fetch.py only)

A wrong argument type (``extract(42)``) is a plain :class:`TypeError` naming the type.
Nothing else escapes: no lxml, Unicode or recursion error. A page that parses but is not
an article is not an error: it gives an ``Article`` whose ``is_article`` is false, whose
body is empty and whose ``warnings`` say why. Nesting deeper than ``max_depth`` is no error
either: the page is flattened, its text kept, and a warning says so.
"""

from __future__ import annotations

__all__ = [
    "ArticlexError",
    "InputError",
    "EmptyInputError",
    "TooLargeError",
    "UnsupportedContentError",
    "FetchError",
]


class ArticlexError(Exception):
    """Base class of every error articlex raises on purpose."""


class InputError(ArticlexError, ValueError):
    """The input cannot be read as an HTML document or a text dump (or, from
    ``Article.from_dict()``, as an Article: the message names the missing or malformed entry)."""


class EmptyInputError(InputError):
    """The input holds nothing but white space."""


class TooLargeError(InputError):
    """The input is past one of the limits given to :func:`articlex.extract` (bytes, elements,
    seconds); the message names the limit and its value."""


class UnsupportedContentError(InputError):
    """The input is a document of a kind articlex does not read (binary, feed, JSON...)."""


class FetchError(ArticlexError):
    """A URL could not be fetched (network error, HTTP error, too large, too slow, not HTML).

    ``url`` is the URL that failed (the last one, after redirects, when the server answered) and
    ``status`` the HTTP status, or None when no answer came; the message names the URL once."""

    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status
