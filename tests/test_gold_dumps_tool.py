"""benchmarks/gold_dumps.py: metadata scored against a gold from the HTML and from dumps."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from support import shared

TOOL = Path(__file__).resolve().parents[1] / "benchmarks" / "gold_dumps.py"


def _tool():
    spec = importlib.util.spec_from_file_location("gold_dumps", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gold_dumps", module)
    spec.loader.exec_module(module)
    return module


def test_a_dump_printing_what_the_gold_says_is_scored_as_printed() -> None:
    scorer = shared("tools", "eval_meta_fair.py")
    tool = _tool()
    module = tool._scorer(scorer)
    dump = "Home\n\nCouncil adopts the budget\n\nBy Jane Roe\n\n3 May 2024\n\nThe council voted."
    assert tool._printed(module, "title", "Council adopts the budget", dump)
    assert tool._printed(module, "byline", "Jane Roe", dump)
    assert tool._printed(module, "date", "2024-05-03T10:00:00Z", dump)
    assert not tool._printed(module, "byline", "John Doe", dump)
    assert not tool._printed(module, "byline", "Jane Ro", dump)  # a name is printed whole, not inside another
    assert not tool._printed(module, "date", "2024-05-04", dump)


def test_the_html_of_the_gold_pages_scores_as_the_fair_evaluation_says() -> None:
    scorer = shared("tools", "eval_meta_fair.py")
    tool = _tool()
    scores = tool.run(tool._scorer(scorer), {"HTML": None})["HTML"]
    right, n = scores["title"]
    assert n >= 90 and right / n >= 0.97
    table = tool.table({"HTML": scores})
    assert table.splitlines()[2].startswith("| HTML | ")
