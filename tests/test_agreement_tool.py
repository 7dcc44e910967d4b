"""benchmarks/agreement.py: the comparison of a text dump's result with the HTML result."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path

import articlex

TOOL = Path(__file__).resolve().parents[1] / "benchmarks" / "agreement.py"
PROSE = "The council voted on the new budget after a long debate that lasted well into the night. " * 3


def _tool():
    spec = importlib.util.spec_from_file_location("agreement", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("agreement", module)  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


PAGE = (f"<html lang='en'><body><h1>Council adopts the budget</h1><p>By Jane Roe</p><p>3 May 2024</p>"
        f"<article><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></article></body></html>")


def test_compare_tells_agreement_difference_and_invention() -> None:
    tool = _tool()
    html = tool.values_of(articlex.extract(PAGE))
    assert html["authors"] == frozenset({"jane roe"}) and html["published"] is not None
    same = tool.compare(html, dict(html))
    assert same["authors"] == "agree" and same["sources"] == "absent"
    other = dict(html, authors=frozenset({"john doe"}), sources=frozenset({"afp"}))
    outcome = tool.compare(html, other)
    assert outcome["authors"] == "differ" and outcome["sources"] == "invent"


def test_a_folder_of_pages_is_tallied_per_renderer(tmp_path: Path) -> None:
    tool = _tool()
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "html" / "b.html").write_text(PAGE.replace("By Jane Roe", ""), encoding="utf-8")
    plain = {"strip": lambda data: "\n\n".join(["Council adopts the budget", "By Jane Roe", "3 May 2024",
                                                  PROSE, PROSE, PROSE])}
    tallies, pages, _ = tool.run(tmp_path, plain)
    tally = tallies["strip"]
    assert pages == 2 and tally.pages == 2
    assert tally.agreement("authors") == (1.0, 1)      # a.html: both name Jane Roe
    assert tally.invention("authors") == (1.0, 1)      # b.html: the dump names her, the HTML does not
    table = tool.table(tallies)
    assert "| authors | 100.0% of 1 | 100.0% of 1 |" in table
    out = tmp_path / "agreement.md"
    out.write_text("# Agreement\n\nProse kept.\n\n<!-- agreement:start -->\nold\n<!-- agreement:end -->\n")
    tool._write(out, table + "\n")
    text = out.read_text()
    assert "Prose kept." in text and "old" not in text and "| authors |" in text


def test_printed_tells_a_value_the_dump_shows_from_one_it_cannot() -> None:
    tool = _tool()
    dump = "Home\n\nCouncil adopts the budget\n\nBy Jane Roe · 3 May 2024\n\n1,234 views\n\n" + PROSE
    assert tool.printed("title", "council adopts the budget", dump) is True
    assert tool.printed("title", "budget adopted: what changes", dump) is False  # an og:title not shown
    assert tool.printed("authors", frozenset({"jane roe"}), dump) is True
    assert tool.printed("authors", frozenset({"jane roe", "john doe"}), dump) is False
    day = articlex.extract(PAGE).published.date()
    assert tool.printed("published", day, dump, "en") is True
    assert tool.printed("published", day.replace(day=4), dump, "en") is False  # a metadata-only date
    assert tool.printed("counters", (1234, None), dump) is True
    assert tool.printed("counters", (99, None), dump) is False
    assert tool.printed("language", "en", dump) is None


def test_the_table_says_how_often_the_html_value_is_not_printed(tmp_path: Path) -> None:
    tool = _tool()
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    unsigned = {"strip": lambda data: "\n\n".join(["Council adopts the budget", "3 May 2024", PROSE, PROSE, PROSE])}
    tallies, _, _ = tool.run(tmp_path, unsigned)
    assert tallies["strip"].not_printed("authors") == (1.0, 1)
    assert tallies["strip"].not_printed("title") == (0.0, 1)
    assert "| authors | 0.0% of 1 | – of 0 | 0.0% of 1 | 100.0% |" in tool.table(tallies)
