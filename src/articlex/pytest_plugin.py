"""A pytest plugin (entry point ``pytest11``, name ``articlex``): saved pages checked against golden files.

The ``articlex_snapshot`` fixture extracts a saved page and fails the test with the field-by-field
diff when it differs from the page's golden file (``<page>.articlex.json``, see
:mod:`articlex.snapshot`)::

    def test_saved_page(articlex_snapshot):
        articlex_snapshot("pages/harbour.html")

Options: ``--articlex-update`` rewrites the fields that changed (and writes missing golden files),
after the change has been reviewed, and lists every rewrite at the end of the run;
``--articlex-ignore FIELD`` (repeatable) and ``--articlex-body-similarity RATIO`` set the tolerance
for the whole run, as do the ini keys ``articlex_ignore`` and ``articlex_body_similarity``; the
fixture's keyword arguments add to the ignored fields and override the ratio for one call.
``-p no:articlex`` turns the plugin off.

articlex itself is imported only when the fixture is used, so the plugin costs nothing to test
runs that do not use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .snapshot import Change, Result, Tolerance

__all__ = ["Snapshots"]

UPDATED = pytest.StashKey[list[str]]()
"""The reports of the golden files rewritten during the run, shown in the terminal summary."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("articlex", "articlex golden files")
    group.addoption("--articlex-update", action="store_true", default=False,
                    help="rewrite the golden fields that changed (and write missing golden files), after review")
    group.addoption("--articlex-ignore", action="append", default=[], metavar="FIELD",
                    help="a field the golden files are not compared on (repeatable)")
    group.addoption("--articlex-body-similarity", type=float, default=None, metavar="RATIO",
                    help="the body matches when its words are at least this similar, in (0, 1]")
    parser.addini("articlex_ignore", type="args", default=[],
                  help="fields the golden files are not compared on")
    parser.addini("articlex_body_similarity", default="",
                  help="the body matches when its words are at least this similar, in (0, 1]")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[UPDATED] = []
    ratio = config.getoption("articlex_body_similarity")
    text = str(config.getini("articlex_body_similarity")).strip()
    for value in (ratio, text or None):
        if value is not None and not 0 < _ratio(str(value)) <= 1:
            raise pytest.UsageError(f"articlex: the body similarity takes a ratio in (0, 1], not {value}")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    updated = config.stash.get(UPDATED, [])
    if updated:
        terminalreporter.write_sep("=", f"articlex: {len(updated)} golden file update(s)")
        for report in updated:
            terminalreporter.write_line(report)


class Snapshots:
    """The ``articlex_snapshot`` fixture: call it with a page to check it against its golden file."""

    def __init__(self, config: pytest.Config) -> None:
        self._config = config
        self.update: bool = config.getoption("articlex_update")
        self.ignore = frozenset([*config.getini("articlex_ignore"), *config.getoption("articlex_ignore")])
        ratio = config.getoption("articlex_body_similarity")
        text = str(config.getini("articlex_body_similarity")).strip()
        self.body_similarity: float | None = ratio if ratio is not None else (_ratio(text) if text else None)

    def __call__(self, page: str | Path, *, golden: str | Path | None = None, section: str | None = None,
                 ignore: Iterable[str] = (), body_similarity: float | None = None,
                 url: str | None = None, language: str | None = None) -> Result:
        """Extract ``page`` and fail the test with the diff when it differs from its golden file
        (beside the page unless ``golden`` is given; ``section`` picks one view of a file that
        holds several). Under ``--articlex-update`` the golden file is rewritten instead."""
        from .snapshot import SnapshotError, check

        try:
            result = check(page, golden=golden, section=section, tolerance=self._tolerance(ignore, body_similarity),
                           update=self.update, url=url, language=language)
        except SnapshotError as exc:
            pytest.fail(str(exc), pytrace=False)
        if result.status in ("created", "updated"):
            self._config.stash[UPDATED].append(result.report)
        if result.failed:
            pytest.fail(result.report, pytrace=False)
        return result

    def differences(self, page: str | Path, *, golden: str | Path | None = None, section: str | None = None,
                    ignore: Iterable[str] = (), body_similarity: float | None = None,
                    url: str | None = None, language: str | None = None) -> tuple[Change, ...]:
        """The changes between ``page`` and its golden file, without failing and without writing
        (a missing golden file fails the test)."""
        from .snapshot import check

        result = check(page, golden=golden, section=section, tolerance=self._tolerance(ignore, body_similarity),
                       url=url, language=language)
        if result.status == "missing":
            pytest.fail(result.report, pytrace=False)
        return result.changes

    def _tolerance(self, ignore: Iterable[str], body_similarity: float | None) -> Tolerance:
        from .snapshot import Tolerance

        ratio = body_similarity if body_similarity is not None else self.body_similarity
        return Tolerance(ignore=self.ignore | frozenset(ignore), body_similarity=ratio)


@pytest.fixture
def articlex_snapshot(request: pytest.FixtureRequest) -> Snapshots:
    """Check saved pages against their golden files: ``articlex_snapshot("pages/a.html")``."""
    return Snapshots(request.config)


def _ratio(text: str) -> float:
    try:
        return float(text)
    except ValueError as exc:
        raise pytest.UsageError(f"articlex_body_similarity takes a ratio in (0, 1], not {text!r}") from exc
