"""Golden tests: every fixture page, as HTML and as a text dump, checked against its expected.json.

The project checks its own fixtures with the pytest plugin it ships (``articlex_snapshot``, see
docs/snapshots.md): ``tests/fixtures/NAME/expected.json`` holds one section a view (``"html"``,
``"text"``), and a failure shows the field-by-field diff. The expectations are what a careful
reader says (tests/fixtures/README.md). After a reviewed change,

    python -m pytest tests/test_golden.py --articlex-update

rewrites the fields that changed, only in the files where they changed, and lists each rewrite
with its diff at the end of the run. A field articlex still gets wrong is listed in
tests/fixtures/known_gaps.toml with the reason: the page's test does not compare it (and an
update never overwrites its hand-written truth), and it runs on its own as a strict xfail, so
fixing it makes that test fail until the gap is removed from the list.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support import FIXTURES, MODES, expected, fixture_names, known_gaps

GAPS = known_gaps()


def _page(name: str, mode: str) -> Path:
    return FIXTURES / name / MODES[mode]


def _gaps(name: str, mode: str) -> set[str]:
    return {field for (gap_name, gap_mode, field) in GAPS if (gap_name, gap_mode) == (name, mode)}


VIEWS = [pytest.param(name, mode, id=f"{name}-{mode}") for name in fixture_names() for mode in MODES]


@pytest.mark.parametrize(("name", "mode"), VIEWS)
def test_fixture_page(name: str, mode: str, articlex_snapshot) -> None:
    articlex_snapshot(_page(name, mode), golden=FIXTURES / name / "expected.json", section=mode,
                      ignore=_gaps(name, mode))


@pytest.mark.parametrize(("name", "mode", "field"), [
    pytest.param(name, mode, field, id=f"{name}-{mode}-{field}", marks=pytest.mark.xfail(reason=reason, strict=True))
    for (name, mode, field), reason in sorted(GAPS.items())
])
def test_known_gap(name: str, mode: str, field: str, articlex_snapshot) -> None:
    others = set(expected(name)[mode]) - {field}
    changes = articlex_snapshot.differences(_page(name, mode), golden=FIXTURES / name / "expected.json",
                                            section=mode, ignore=others)
    assert not changes, "\n".join(line for change in changes for line in (change.field + ":", *change.lines))


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
