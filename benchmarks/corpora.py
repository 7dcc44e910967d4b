"""Reading a benchmark corpus into memory: each page's HTML with its expected article body.

Two layouts are understood, told apart by what the folder holds:

``scrapinghub``
    ``ground-truth.json`` (``{id: {"articleBody": ..., "url": ...}}``) and
    ``html/<id>.html.gz`` or ``html/<id>.html``, UTF-8. The Zyte article extraction benchmark.
``readability``
    one folder per page with ``source.html`` and ``expected.html``; the expected body is the
    visible text of ``expected.html``. Mozilla Readability's test pages.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

from htmltext import html_to_text

__all__ = ["Page", "Corpus", "CorpusError", "load_corpus"]

SCRAPINGHUB_TRUTH = "ground-truth.json"
READABILITY_SOURCE = "source.html"
READABILITY_EXPECTED = "expected.html"
READABILITY_URL = "http://fakehost/test/page.html"
"""The address Readability's own tests give every page (relative links resolve against it)."""


class CorpusError(Exception):
    """The folder is missing or is in neither known layout."""


@dataclass(frozen=True)
class Page:
    """One page of the corpus."""

    id: str
    url: str
    """The page's address, "" when the corpus does not give one."""
    html: str
    """The decompressed HTML, decoded."""
    expected: str
    """The expected article body as plain text."""


@dataclass(frozen=True)
class Corpus:
    """The pages of one folder, loaded."""

    name: str
    layout: str
    pages: list[Page]

    @property
    def html_bytes(self) -> int:
        """Size of all the HTML, UTF-8 encoded."""
        return sum(len(page.html.encode("utf-8")) for page in self.pages)


def load_corpus(folder: Path, limit: int | None = None) -> Corpus:
    """All pages of ``folder`` (the first ``limit`` by id), HTML decompressed and decoded."""
    if not folder.is_dir():
        raise CorpusError(f"corpus folder not found: {folder}")
    if (folder / SCRAPINGHUB_TRUTH).is_file():
        return Corpus(folder.name, "scrapinghub", _scrapinghub_pages(folder, limit))
    if any(folder.glob(f"*/{READABILITY_SOURCE}")):
        return Corpus(folder.name, "readability", _readability_pages(folder, limit))
    raise CorpusError(
        f"{folder} holds neither {SCRAPINGHUB_TRUTH} (scrapinghub layout) nor "
        f"<name>/{READABILITY_SOURCE} folders (readability layout)"
    )


def _scrapinghub_pages(folder: Path, limit: int | None) -> list[Page]:
    truth = json.loads((folder / SCRAPINGHUB_TRUTH).read_text(encoding="utf-8"))
    return [
        Page(
            id=page_id,
            url=truth[page_id].get("url") or "",
            html=_read_html(folder / "html", page_id),
            expected=truth[page_id].get("articleBody") or "",
        )
        for page_id in sorted(truth)[:limit]
    ]


def _read_html(html_folder: Path, page_id: str) -> str:
    """``<id>.html.gz`` if present, else ``<id>.html``."""
    packed = html_folder / f"{page_id}.html.gz"
    if packed.is_file():
        return _decode(gzip.decompress(packed.read_bytes()))
    return _decode((html_folder / f"{page_id}.html").read_bytes())


def _readability_pages(folder: Path, limit: int | None) -> list[Page]:
    cases = sorted(p.parent for p in folder.glob(f"*/{READABILITY_SOURCE}")
                   if (p.parent / READABILITY_EXPECTED).is_file())
    return [
        Page(
            id=case.name,
            url=READABILITY_URL,
            html=_decode((case / READABILITY_SOURCE).read_bytes()),
            expected=html_to_text(_decode((case / READABILITY_EXPECTED).read_bytes())),
        )
        for case in cases[:limit]
    ]


def _decode(data: bytes) -> str:
    """Both corpora are UTF-8; a stray invalid byte becomes U+FFFD rather than stopping the run."""
    return data.decode("utf-8", errors="replace")
