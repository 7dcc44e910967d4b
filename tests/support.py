"""Paths and helpers shared by the tests (imported as a plain module: pytest puts tests/ on sys.path)."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

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


def comparable(field: str, got, want):
    """Dates are compared to the precision the expectation gives ('2024-03-02' is a calendar day)."""
    if field in ("published", "modified") and isinstance(want, str) and isinstance(got, str) and len(want) == 10:
        return got[:10]
    return got


SENTENCE = "The council voted on the new budget after a long debate that lasted well into the night."
"""A sentence of running text for the small pages tests write."""


def paragraphs(marker: str, count: int = 3) -> str:
    """``count`` paragraphs of running text, each starting with ``marker`` and its number."""
    return "".join(f"<p>{marker} {i}: {SENTENCE}</p>" for i in range(count))
