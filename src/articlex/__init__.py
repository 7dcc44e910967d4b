"""articlex: every part of a news page, from its HTML or from its text.

>>> import articlex
>>> article = articlex.extract("<h1>A title here</h1><p>" + "Some words of the article. " * 5 + "</p>")
>>> article.title
'A title here'
"""

from .api import extract
from .batch import Result, extract_many
from .errors import (
    ArticlexError,
    EmptyInputError,
    FetchError,
    InputError,
    TooLargeError,
    UnsupportedContentError,
)
from .fetch import FetchOptions, extract_url, fetch
from .model import Article, Attribution, Block, Counters, Link, Provenance

__version__ = "0.1.0"

__all__ = [
    "extract",
    "Article",
    "Attribution",
    "Block",
    "Counters",
    "Link",
    "Provenance",
    "ArticlexError",
    "InputError",
    "EmptyInputError",
    "TooLargeError",
    "UnsupportedContentError",
    "FetchError",
    "fetch",
    "extract_url",
    "FetchOptions",
    "extract_many",
    "Result",
    "__version__",
]
