"""Golden tests: every fixture page, as HTML and as a text dump, checked field by field.

The expectations are what a careful reader says (tests/fixtures/README.md). A field articlex
still gets wrong is listed in tests/fixtures/known_gaps.toml with the reason, and runs as a
strict xfail: fixing it makes the test fail until the gap is removed from the list.
"""

from __future__ import annotations

import pytest

import articlex
from support import MODES, comparable, expected, fixture_names, known_gaps, source

GAPS = known_gaps()
_CACHE: dict[tuple[str, str], dict] = {}


def _extracted(name: str, mode: str) -> dict:
    if (name, mode) not in _CACHE:
        _CACHE[name, mode] = articlex.extract(source(name, mode)).to_dict()
    return _CACHE[name, mode]


def _cases():
    for name in fixture_names():
        want = expected(name)
        for mode in MODES:
            for field in want[mode]:
                marks = []
                gap = GAPS.get((name, mode, field))
                if gap:
                    marks.append(pytest.mark.xfail(reason=gap, strict=True))
                yield pytest.param(name, mode, field, id=f"{name}-{mode}-{field}", marks=marks)


@pytest.mark.parametrize(("name", "mode", "field"), list(_cases()))
def test_field(name: str, mode: str, field: str) -> None:
    want = expected(name)[mode][field]
    got = _extracted(name, mode).get(field)
    assert comparable(field, got, want) == want


def test_every_fixture_has_both_inputs_and_the_same_fields() -> None:
    names = fixture_names()
    assert len(names) >= 16
    for name in names:
        want = expected(name)
        assert set(want) == set(MODES), name
        assert set(want["html"]) == set(want["text"]), name


def test_known_gaps_name_real_cases() -> None:
    names = set(fixture_names())
    for name, mode, field in GAPS:
        assert name in names and mode in MODES and field in expected(name)[mode], (name, mode, field)


def test_fixtures_cover_six_languages() -> None:
    languages = {expected(name)["html"]["language"] for name in fixture_names()}
    assert len(languages) >= 6
