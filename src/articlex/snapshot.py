"""Golden files for saved pages: record what articlex extracts, compare it later, show the difference.

A page's golden file sits beside it as ``<page>.articlex.json`` and holds ``Article.to_dict()``
without ``provenance`` (how a value was found, not what it is) and ``blocks`` (the same text as
``body``); ``Article.from_dict()`` reads it back. Only the fields a golden file holds are compared,
so a hand-trimmed file checks what it keeps. A golden file may also hold several views of one page,
one per *section* (``{"html": {...}, "text": {...}}``).

Comparison rules:

* a date the golden file gives as a calendar day (``2024-03-02``) matches any time of that day;
* ``Tolerance.ignore`` fields are neither compared nor rewritten;
* with ``Tolerance.body_similarity``, the body matches when its words are at least that similar.

:func:`check` compares one page (and rewrites the fields that changed when asked to);
:attr:`Result.report` is the diff people read: each differing field with ``-`` for the golden value
and ``+`` for the extracted one, list items one a line, the body as a unified diff of its blocks.
The command line (``articlex snapshot``) and the pytest plugin (:mod:`articlex.pytest_plugin`)
are thin shells over :func:`check`.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .api import extract
from .errors import ArticlexError
from .model import Article

__all__ = ["GOLDEN_SUFFIX", "SnapshotError", "Tolerance", "Change", "Result", "golden_path", "snapshot",
           "compare", "check"]

GOLDEN_SUFFIX = ".articlex.json"
LEFT_OUT = ("provenance", "blocks")
"""Fields of ``to_dict()`` a golden file does not hold: provenance says how a value was found, not
what it is (it moves with every strategy change), and blocks repeat the body's text."""
DATE_FIELDS = ("published", "modified")
CALENDAR_DAY = len("2024-03-02")
"""A golden date this long is a calendar day: it matches an extracted date-time of that day."""
BLOCK_SEPARATOR = "\n\n"
"""How ``Article.body`` joins its blocks; the body's diff is a diff of these blocks."""
BODY_CONTEXT = 1
"""Unchanged blocks shown around a changed one: enough to place it, few enough to stay short."""
INDENT = "    "

Status = Literal["same", "differs", "missing", "created", "updated"]


class SnapshotError(ArticlexError):
    """A golden file cannot be read (not JSON, not an object) or a page cannot be loaded."""


@dataclass(frozen=True)
class Tolerance:
    """What a comparison lets pass."""

    ignore: frozenset[str] = frozenset()
    """Fields neither compared nor rewritten (``counters`` on pages whose counts move)."""
    body_similarity: float | None = None
    """In (0, 1]: the body matches when the similarity of its words reaches this ratio; None: exact."""

    def __post_init__(self) -> None:
        ratio = self.body_similarity
        if ratio is not None and not (isinstance(ratio, (int, float)) and 0 < ratio <= 1):
            raise ValueError(f"body_similarity takes a ratio in (0, 1], not {ratio!r}")


@dataclass(frozen=True)
class Change:
    """One field whose extracted value differs from its golden one."""

    field: str
    """The field's name, ``counters.views`` for a part of a field."""
    lines: tuple[str, ...]
    """The difference, to be read: ``-`` golden, ``+`` extracted, `` `` unchanged context."""


@dataclass(frozen=True)
class Result:
    """What :func:`check` found for one page."""

    page: Path
    golden: Path
    section: str | None
    status: Status
    """``same``; ``differs``; ``missing`` (no golden value, none written); ``created`` or
    ``updated`` (the golden file was written)."""
    changes: tuple[Change, ...] = ()

    @property
    def failed(self) -> bool:
        """True when the page does not match its golden file and the file was left as it was."""
        return self.status in ("differs", "missing")

    @property
    def report(self) -> str:
        """The field-by-field diff as people read it (one line when there is nothing to show)."""
        where = f"{self.golden.name} [{self.section}]" if self.section else self.golden.name
        page = _relative(self.page)
        heads = {
            "same": f"{page}: same as {where}",
            "differs": f"{page}: {_count(self.changes, verb=True)} from {where}",
            "missing": f"{page}: no golden file {where}; write it with --update (or --articlex-update)",
            "created": f"{page}: wrote {where} (new)",
            "updated": f"{page}: rewrote {_count(self.changes)} in {where}",
        }
        lines = [heads[self.status]]
        for change in self.changes:
            lines.append(f"  {change.field}:")
            lines.extend(f"{INDENT}{line}".rstrip() for line in change.lines)
        return "\n".join(lines)


def golden_path(page: str | Path) -> Path:
    """Where a page's golden file lives: beside it, ``page.html`` -> ``page.html.articlex.json``."""
    path = Path(page)
    return path.with_name(path.name + GOLDEN_SUFFIX)


def snapshot(article: Article) -> dict[str, Any]:
    """What a golden file holds for an article: ``to_dict()`` without the fields of ``LEFT_OUT``."""
    return {name: value for name, value in article.to_dict().items() if name not in LEFT_OUT}


def compare(golden: Mapping[str, Any], extracted: Mapping[str, Any],
            tolerance: Tolerance = Tolerance()) -> tuple[Change, ...]:
    """The changes between a golden snapshot and an extracted one, over the golden file's fields."""
    changes: list[Change] = []
    for name, want in golden.items():
        if name in tolerance.ignore:
            continue
        if name not in extracted:
            changes.append(Change(name, ("- " + _shown(want), "+ (articlex extracts no such field)")))
        elif not _matches(name, want, extracted[name], tolerance):
            changes.extend(_describe(name, want, extracted[name], tolerance))
    return tuple(changes)


def check(page: str | Path, *, golden: str | Path | None = None, section: str | None = None,
          tolerance: Tolerance = Tolerance(), update: bool = False, create: bool = False,
          url: str | None = None, language: str | None = None) -> Result:
    """Extract ``page`` and compare it with its golden file (beside it unless ``golden`` is given).

    ``section`` picks one view in a golden file that holds several. With ``update``, the fields
    that differ are rewritten (the others, ignored ones included, are kept as they are) and the
    file is written only when something changed; a missing golden file is written when ``update``
    or ``create`` is true. Raises :class:`SnapshotError` when the page or the golden file cannot
    be read.
    """
    page = Path(page)
    target = Path(golden) if golden is not None else golden_path(page)
    data = _read_page(page)
    document = _read_golden(target)
    want = document.get(section) if section else (document or None)
    if want is not None and not isinstance(want, dict):
        raise SnapshotError(f"{target}: section {section!r} is not a JSON object")
    if want is None and not (update or create):
        return Result(page, target, section, "missing")
    extracted = snapshot(_extract(page, data, url=url, language=language))
    if want is None:
        _write_golden(target, document, section, extracted)
        return Result(page, target, section, "created")
    changes = compare(want, extracted, tolerance)
    if not changes:
        return Result(page, target, section, "same")
    if not update:
        return Result(page, target, section, "differs", changes)
    _write_golden(target, document, section, _accepted(want, extracted, tolerance))
    return Result(page, target, section, "updated", changes)


# -- reading and writing ----------------------------------------------------------------------------

def _read_page(page: Path) -> bytes:
    try:
        return page.read_bytes()
    except OSError as exc:
        raise SnapshotError(f"{page}: cannot read the page ({exc.strerror or exc})") from exc


def _extract(page: Path, data: bytes, *, url: str | None, language: str | None) -> Article:
    try:
        return extract(data, url=url, language=language)
    except ArticlexError as exc:
        raise SnapshotError(f"{page}: {exc}") from exc


def _read_golden(path: Path) -> dict[str, Any]:
    """The golden file's JSON object, or an empty one when the file is not there."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise SnapshotError(f"{path}: cannot read the golden file ({exc})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SnapshotError(f"{path}: not JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise SnapshotError(f"{path}: a golden file holds a JSON object, not {type(data).__name__}")
    return data


def _write_golden(path: Path, document: dict[str, Any], section: str | None, values: dict[str, Any]) -> None:
    data = {**document, section: values} if section else values
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot write the golden file ({exc.strerror or exc})") from exc


def _accepted(golden: Mapping[str, Any], extracted: Mapping[str, Any], tolerance: Tolerance) -> dict[str, Any]:
    """The golden values with each differing field replaced by the extracted one, in the same order;
    a field articlex no longer extracts is dropped, ignored and matching fields are kept as written."""
    out: dict[str, Any] = {}
    for name, want in golden.items():
        if name in tolerance.ignore or (name in extracted and _matches(name, want, extracted[name], tolerance)):
            out[name] = want
        elif name in extracted:
            out[name] = extracted[name]
    return out


# -- matching -----------------------------------------------------------------------------------------

def _matches(name: str, want: Any, got: Any, tolerance: Tolerance) -> bool:
    if name in DATE_FIELDS and _is_day(want) and isinstance(got, str):
        return bool(got[:CALENDAR_DAY] == want)
    if name == "body" and tolerance.body_similarity is not None and isinstance(want, str) and isinstance(got, str):
        return _similarity(want, got) >= tolerance.body_similarity
    return bool(want == got)


def _is_day(value: Any) -> bool:
    return isinstance(value, str) and len(value) == CALENDAR_DAY


def _similarity(want: str, got: str) -> float:
    """How alike two texts are, word by word: 1.0 the same words in the same order, 0.0 none shared."""
    return difflib.SequenceMatcher(None, want.split(), got.split(), autojunk=False).ratio()


# -- describing ---------------------------------------------------------------------------------------

def _describe(name: str, want: Any, got: Any, tolerance: Tolerance) -> Iterator[Change]:
    if name == "body" and isinstance(want, str) and isinstance(got, str):
        yield Change(name, _body_lines(want, got, tolerance))
    elif _is_record(want) and _is_record(got):
        for key in dict.fromkeys([*want, *got]):
            if want.get(key) != got.get(key):
                yield from _describe(f"{name}.{key}", want.get(key), got.get(key), tolerance)
    elif isinstance(want, list) and isinstance(got, list):
        yield Change(name, _list_lines(want, got))
    else:
        yield Change(name, ("- " + _shown(want), "+ " + _shown(got)))


def _body_lines(want: str, got: str, tolerance: Tolerance) -> tuple[str, ...]:
    before, after = _blocks(want), _blocks(got)
    lines = list(difflib.unified_diff(before, after, "golden", "extracted", n=BODY_CONTEXT, lineterm=""))
    if tolerance.body_similarity is not None:
        lines.insert(0, f"similarity {_similarity(want, got):.3f}, below {tolerance.body_similarity}")
    return tuple(lines)


def _blocks(body: str) -> list[str]:
    return body.split(BLOCK_SEPARATOR) if body else []


def _list_lines(want: list[Any], got: list[Any]) -> tuple[str, ...]:
    """Every item, one a line: kept ones with a space, removed ones with ``-``, added ones with ``+``."""
    before, after = [_shown(x) for x in want], [_shown(x) for x in got]
    lines: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            lines.extend("  " + x for x in before[i1:i2])
            continue
        lines.extend("- " + x for x in before[i1:i2])
        lines.extend("+ " + x for x in after[j1:j2])
    return tuple(lines)


def _is_record(value: Any) -> bool:
    """A dict of parts (counters, attribution), as opposed to a link, which is shown whole."""
    return isinstance(value, dict) and not _is_link(value)


def _is_link(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"text", "url"}


def _shown(value: Any) -> str:
    """A value on one line: a link as ``text <url>``, anything else as JSON."""
    if _is_link(value):
        return f"{value['text']} <{value['url']}>" if value["url"] else str(value["text"])
    return json.dumps(value, ensure_ascii=False)


def _relative(path: Path) -> Path:
    """The path from the working directory when the file lies under it, else as given."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except (ValueError, OSError):
        return path


def _count(changes: tuple[Change, ...], *, verb: bool = False) -> str:
    """``2 fields`` (``2 fields differ`` with ``verb``); ``counters.views`` and ``counters.comments`` are one field."""
    count = len(dict.fromkeys(change.field.split(".")[0] for change in changes))
    if count == 1:
        return "1 field differs" if verb else "1 field"
    return f"{count} fields differ" if verb else f"{count} fields"
