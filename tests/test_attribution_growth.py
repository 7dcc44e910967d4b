"""Bylines grow linearly (issue 11): a page listing 8 times more names costs about 8 times more.

Each case is extracted at n and 8n names in the same test; the best of a few runs is compared with a
generous factor, so a step that is quadratic in the names (64 times the work) fails and noise does not.
The agency matcher's full scan is counted too: names that cannot start an agency's name skip it.
"""

from __future__ import annotations

import pytest

import articlex
from articlex.lexicon import Agencies
from support import extraction_cost

PROSE = "The council voted on the new budget after a long debate that lasted well into the night. " * 3
SMALL = 300
GROWTH = 8
SLACK = 3.0
"""A linear step takes at most GROWTH times longer at GROWTH times the size; SLACK absorbs timer noise and
warm caches, far below the 64 of a quadratic step."""
RUNS = 5


def _name(i: int) -> str:
    return f"Jane Smith{chr(97 + i % 26)} Doe{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}"


def spans(n: int) -> str:
    names = "".join(f'<span class="author"><a href="/a/{i}">{_name(i)}</a></span>' for i in range(n))
    return (f"<html><body><h1>Council adopts the budget</h1><div class='byline'>{names}</div>"
            f"<article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>")


def one_line(n: int) -> str:
    names = ", ".join(_name(i) for i in range(n))
    return (f"<html><body><h1>Council adopts the budget</h1><p class='byline'>By {names}</p>"
            f"<article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>")


def text_dump(n: int) -> str:
    names = ", ".join(_name(i) for i in range(n))
    return "\n\n".join(["Home", "Council adopts the budget", f"By {names}", "3 May 2024", PROSE, PROSE, PROSE])




@pytest.mark.parametrize("make", [spans, one_line, text_dump], ids=["spans", "one-line", "text"])
def test_bylines_grow_linearly(make) -> None:
    small, large = make(SMALL), make(SMALL * GROWTH)
    articlex.extract(small)  # warm the lexicons and dateparser
    assert extraction_cost(large, RUNS) < SLACK * GROWTH * extraction_cost(small, RUNS)


def test_names_without_an_agency_word_skip_the_agency_scan(monkeypatch) -> None:
    scans = []
    original = Agencies.find

    def counted(self, text, limit=None):
        scans.append(text)
        return original(self, text, limit)

    monkeypatch.setattr(Agencies, "find", counted)
    articlex.extract(spans(SMALL))
    few = len(scans)
    scans.clear()
    articlex.extract(spans(SMALL * GROWTH))
    assert len(scans) <= few + GROWTH  # not one scan a name
    assert articlex.extract("<html><body><h1>Council adopts the budget</h1><p class='byline'>By Jane Roe "
                            f"and AFP</p><article><p>{PROSE}</p></article></body></html>").attribution.sources == ["AFP"]
