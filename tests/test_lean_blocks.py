"""Blocks keep what fields need, not copies of it.

Long text dumps keep their blocks as offsets into the text (``page.LineBlocks``): the same
extraction as a plain list of blocks, a list's behaviour, and a few bytes a line. The HTML
block builder joins a block's pieces as it goes and keeps its links as numbers: the same
blocks and links as when it kept every piece."""

from __future__ import annotations

import os
import pickle
import tracemalloc

import pytest

import articlex
from articlex import page as page_module
from articlex.loading import load_page
from articlex.page import LAZY_LINES, LineBlocks, TextBlock, blocks_from_text

PARAGRAPH = ("The council met on Tuesday evening to discuss the new budget, which raises the "
             "money given to schools and cuts the spending on roads by a tenth over two years.")

DUMPS = {
    "news": "Council approves the new budget\n\nBy Jane Doe\n12 March 2024\n\n" + PARAGRAPH + "\n\n"
            + PARAGRAPH.replace("Tuesday", "Monday") + "\n\nRead also: Schools get more money\n\n"
            + PARAGRAPH.replace("council", "mayor") + "\n\nPrevious article\nNext article\n",
    "spaced": "  A headline\twith a tab  \r\n\r\n" + PARAGRAPH.replace(" ", "  ") + "\r\n\u2028"
              + "\x0b" + PARAGRAPH + "\n\f\n" + "   \n" + "Lire aussi : Une autre histoire\n" * 30,
    "short lines": "A plain headline for the page\n" + PARAGRAPH + "\n" + PARAGRAPH + "\n"
                   + "".join(f"w{i % 7}\n" for i in range(300)),
}
"""Dumps of our own making: bylines, read-also lines, navigation, tabs, runs of spaces, every
line break ``str.splitlines`` knows, blank lines of white space, repeated short lines."""


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_long_dump_blocks_give_the_same_article(name: str, monkeypatch) -> None:
    text = DUMPS[name]
    plain = articlex.extract(text)
    monkeypatch.setattr(page_module, "LAZY_LINES", 0)
    assert isinstance(blocks_from_text(text), LineBlocks)
    assert articlex.extract(text).to_dict() == plain.to_dict()


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_long_dump_blocks_are_the_plain_ones(name: str, monkeypatch) -> None:
    plain = blocks_from_text(DUMPS[name])
    monkeypatch.setattr(page_module, "LAZY_LINES", 0)
    lazy = blocks_from_text(DUMPS[name])
    fields = ("index", "text", "tag", "element", "links", "in_quote", "line", "standalone")
    assert [[getattr(b, f) for f in fields] for b in lazy] == [[getattr(b, f) for f in fields] for b in plain]
    assert type(plain) is list and all(type(b) is TextBlock for b in plain)


@pytest.fixture()
def lazy(monkeypatch) -> LineBlocks:
    monkeypatch.setattr(page_module, "LAZY_LINES", 0)
    blocks = blocks_from_text("\n".join(f"line {i}" for i in range(10)))
    assert isinstance(blocks, LineBlocks)
    return blocks


def test_line_blocks_read_as_a_list(lazy: LineBlocks) -> None:
    assert len(lazy) == 10 and bool(lazy) and lazy[0].text == "line 0" and lazy[-1].text == "line 9"
    assert [b.line for b in lazy] == list(range(1, 11))
    assert [b.text for b in reversed(lazy)] == [f"line {i}" for i in range(9, -1, -1)]
    with pytest.raises(IndexError):
        lazy[10]
    with pytest.raises(IndexError):
        lazy[-11]


def test_a_slice_is_a_view_of_the_same_blocks(lazy: LineBlocks) -> None:
    tail = lazy[3:]
    assert isinstance(tail, LineBlocks) and len(tail) == 7 and tail[0].index == 3
    assert [b.index for b in tail[2:4]] == [5, 6] and [b.index for b in lazy[::3]] == [0, 3, 6, 9]
    assert len(lazy[8:2]) == 0 and not lazy[8:2] and lazy[-2:][0].index == 8


def test_a_block_read_twice_is_equal_to_itself(lazy: LineBlocks) -> None:
    first, again = lazy[4], lazy[4]
    assert first == again and hash(first) == hash(again) and first != lazy[5]
    assert again in lazy and again in lazy[4:6] and again not in lazy[5:] and lazy.index(again) == 4
    assert lazy[2:].index(again) == 2 and lazy.count(again) == 1 and {first, again} == {again}
    outsider = TextBlock(4, "line 4", "line", line=5)
    assert outsider not in lazy
    with pytest.raises(ValueError):
        lazy[5:].index(again)


def test_concatenation_and_copies_give_plain_lists(lazy: LineBlocks) -> None:
    extra = [TextBlock(99, "extra", "p")]
    assert [b.text for b in extra + lazy[8:]] == ["extra", "line 8", "line 9"]
    assert [b.text for b in lazy[8:] + extra] == ["line 8", "line 9", "extra"]
    assert type(lazy.copy()) is list and len(list(lazy)) == 10 and lazy == list(lazy)
    assert [b.text for b in pickle.loads(pickle.dumps(lazy[:2]))] == ["line 0", "line 1"]


def test_line_blocks_are_read_only(lazy: LineBlocks) -> None:
    for change in (lambda: lazy.append(lazy[0]), lambda: lazy.sort(), lambda: lazy.__setitem__(0, lazy[1]),
                   lambda: lazy.__delitem__(0), lambda: lazy.extend([]), lambda: lazy.pop()):
        with pytest.raises(TypeError, match="read only"):
            change()
    assert len(lazy) == 10


def test_a_block_of_many_pieces_is_built_as_one_of_few(monkeypatch) -> None:
    links = " ".join(f'<a href="/s/{i}"> s  {i}</a>\t<b>x</b>' for i in range(300))
    source = f"<html><body><h1>A headline</h1><p>{PARAGRAPH}</p><div>{links}</div><p>{PARAGRAPH}</p></body></html>"

    def blocks() -> list[tuple[object, ...]]:
        loaded = load_page(source)
        return [(b.text, b.tag, [(k.text, k.href, k.start, k.end) for k in b.links]) for b in loaded.blocks]

    whole = blocks()
    monkeypatch.setattr(page_module, "PIECES_JOINED", 7)
    assert blocks() == whole
    assert len(whole[2][2]) == 300 and whole[2][0].startswith("s 0 x s 1 x")


def test_sharing_short_texts_is_bounded_and_changes_nothing(monkeypatch) -> None:
    items = "".join(f'<li><a href="/s/{i}">Item {i % 40}</a></li>' for i in range(120))
    source = f"<html><body><h1>A headline</h1><p>{PARAGRAPH}</p><ul>{items}</ul><p>{PARAGRAPH}</p></body></html>"
    dump = DUMPS["short lines"] + "".join(f"item {i}\n" for i in range(60))
    shared = [articlex.extract(source).to_dict(), articlex.extract(dump).to_dict()]
    monkeypatch.setattr(page_module, "MAX_SHARED_TEXTS", 3)
    monkeypatch.setattr(page_module, "LAZY_LINES", 0)
    assert [articlex.extract(source).to_dict(), articlex.extract(dump).to_dict()] == shared
    blocks = blocks_from_text(dump)
    assert len([b.text for b in blocks]) > 60 and len(blocks._store.texts) == 3


BYTES_A_LINE = 20
"""What a long dump's blocks may hold a line, the text itself apart: four-byte offsets and line
number, a flag byte, and arrays growing by an eighth. One object a line took about 180."""


def test_a_long_dump_costs_a_few_bytes_a_line() -> None:
    lines = 4 * LAZY_LINES
    text = "".join(f"w{i}\n" for i in range(lines))
    tracemalloc.start()
    try:
        blocks = blocks_from_text(text)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(blocks, LineBlocks) and len(blocks) == lines
    assert held < BYTES_A_LINE * lines


# --- Properties: the lazy blocks and the lean block builder against their plain forms ---------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from articlex.page import FEW_LINKS, _collapsed, _collapsed_offset, _Offsets  # noqa: E402

EXAMPLES = int(os.environ.get("ARTICLEX_FUZZ_EXAMPLES", 100))
"""A quick run by default; ``benchmarks/fuzz.py`` sets its own (as for tests/test_property.py)."""
CHECKED = settings(max_examples=EXAMPLES, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LINE_PIECES = ("\n", "\n\n", "\r\n", "\r", "\u2028", "\x0b", "\x0c", "\x1c", "\x85", " ", "  ", "\t", "\xa0",
               "Lire aussi : ", "Read also: ", "By Jane Doe", "(AFP)", "Article suivant", "Next article",
               "12 March 2024", "41 vues", PARAGRAPH, "A headline of the page")
"""Line breaks of every kind, white space that collapses, cue lines and prose."""
dumps = st.lists(st.one_of(st.sampled_from(LINE_PIECES), st.text(max_size=8)), max_size=80).map("".join)
WHITE_PIECES = (" ", "  ", "\t", "\n", "\xa0", "\u2028", "\xad", "a", "bc", "é", "\x00")
"""White space of every kind, an unprintable that is no white space, and letters."""
raw_texts = st.lists(st.sampled_from(WHITE_PIECES), min_size=1, max_size=30).map("".join)


@CHECKED
@given(dumps)
def test_any_dump_reads_the_same_from_offsets(text: str) -> None:
    plain, expected = blocks_from_text(text), _outcome(text)
    saved = page_module.LAZY_LINES
    page_module.LAZY_LINES = -1
    try:
        lazy, got = blocks_from_text(text), _outcome(text)
    finally:
        page_module.LAZY_LINES = saved
    assert isinstance(lazy, LineBlocks)
    fields = ("index", "text", "line", "standalone")
    assert [tuple(getattr(b, f) for f in fields) for b in plain] == _reference_blocks(text)
    assert [tuple(getattr(b, f) for f in fields) for b in lazy] == _reference_blocks(text)
    assert got == expected


def _reference_blocks(text: str) -> list[tuple[int, str, int, bool]]:
    """What a dump's blocks are, written the plain way: index, text, line, set apart."""
    lines = text.splitlines()
    blocks: list[tuple[int, str, int, bool]] = []
    for n, line in enumerate(lines):
        collapsed = " ".join(line.split())
        if collapsed:
            apart = (n == 0 or not lines[n - 1].strip()) and (n + 1 == len(lines) or not lines[n + 1].strip())
            blocks.append((len(blocks), collapsed, n + 1, apart))
    return blocks


def _outcome(text: str) -> object:
    try:
        return articlex.extract(text).to_dict()
    except articlex.ArticlexError as error:
        return type(error).__name__


@CHECKED
@given(raw_texts, st.integers(1, 2 * FEW_LINKS))
def test_collapsing_a_block_moves_offsets_as_before(raw: str, links: int) -> None:
    """The builder's shortcut (a text whose only white space is single spaces is not split)
    gives the text and link offsets of the full collapse."""
    text, offsets = _collapsed(raw, links)
    assert text == " ".join(raw.split())
    moved = [pos if offsets is None else offsets(pos) for pos in range(len(raw) + 1)]
    assert moved == [_collapsed_offset(raw, pos) for pos in range(len(raw) + 1)]
    assert moved == [_Offsets(raw)(pos) for pos in range(len(raw) + 1)]
