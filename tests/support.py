"""Paths and helpers shared by the tests (imported as a plain module: pytest puts tests/ on sys.path)."""

from __future__ import annotations

import json
import time
import os
import tomllib
from pathlib import Path

import pytest

import articlex

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
SHARED = TESTS.parent.parent / "shared"
"""The project's neighbour folder with the seed page, the corpus and the tools; absent in a user's clone."""

MODES = {"html": "page.html", "text": "page.txt"}


def fixture_names() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").is_file())


def expected(name: str) -> dict:
    return json.loads((FIXTURES / name / "expected.json").read_text(encoding="utf-8"))


def source(name: str, mode: str):
    path = FIXTURES / name / MODES[mode]
    return path.read_bytes() if mode == "html" else path.read_text(encoding="utf-8")


def known_gaps() -> dict[tuple[str, str, str], str]:
    """(fixture, mode, field) -> why articlex still gets it wrong (tests/fixtures/known_gaps.toml)."""
    path = FIXTURES / "known_gaps.toml"
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {(g["fixture"], g["mode"], g["field"]): g["reason"] for g in data.get("gap", [])}


def shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test when the folder is not there (fail instead when CI is set)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is absent, but CI is set: the corpus tests must run in CI")
        pytest.skip(f"{path} is absent (../shared is only beside the project's own checkout)")
    return path


SENTENCE = "The council voted on the new budget after a long debate that lasted well into the night."
"""A sentence of running text for the small pages tests write."""


def paragraphs(marker: str, count: int = 3) -> str:
    """``count`` paragraphs of running text, each starting with ``marker`` and its number."""
    return "".join(f"<p>{marker} {i}: {SENTENCE}</p>" for i in range(count))


# -- small pages the tests write ---------------------------------------------------------------------

LONG = "This sentence is long enough to read as running prose in an article body, as news text does. "
"""One sentence of article prose; a paragraph of it or two reads as body text."""


def page(body: str, head: str = "", lang: str = "en") -> str:
    """A bare HTML document around ``body``, with ``head`` in its head."""
    return f"<!doctype html><html lang='{lang}'><head>{head}</head><body>{body}</body></html>"


def budget_page(body: str, *, container: bool = True) -> str:
    """A page titled 'Council passes budget', ``body`` in an ``entry-content`` box (or straight in the body)."""
    inner = f'<div class="entry-content">{body}</div>' if container else body
    return (f"<html><head><title>Council passes budget</title></head><body>"
            f"<h1>Council passes budget</h1>{inner}</body></html>")


def jsonld(payload: str) -> str:
    """A JSON-LD script holding ``payload`` (JSON text)."""
    return f"<script type='application/ld+json'>{payload}</script>"


P1 = "The council voted on Tuesday to rebuild the harbour wall after the winter storms broke it in two places."
P2 = "Work will start in May and should last eight months, the mayor said, adding that the port stays open."
P3 = "Fishermen welcomed the decision but asked for a clear schedule so that boats can plan their trips."
P4 = "The cost is shared between the town and the region, which will pay two thirds of the total bill."
"""Paragraphs of a text dump's article."""


def dump(*lines: str | tuple[str, ...]) -> str:
    """A text dump: blocks set apart by blank lines; a tuple is a group of lines packed together."""
    return "\n\n".join("\n".join(x) if isinstance(x, tuple) else x for x in lines) + "\n"


def extraction_cost(source: str | bytes, runs: int) -> float:
    """The least CPU time of ``runs`` extractions of ``source``: what growth tests compare (the
    best of a few runs, in CPU time, so a busy machine does not make a linear step look quadratic)."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        articlex.extract(source)
        best = min(best, time.process_time() - started)
    return best
