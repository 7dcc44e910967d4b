"""What the README and docs promise, run: their Python examples print what the text says they print.

Every ```python block of README.md and docs/*.md runs (from the project's root, in a namespace of
its own) and must not raise. When the text right after it says it ``prints``, the next fenced block
is its expected output, compared exactly. The doctests of every articlex module run too, and the
sample diff of docs/snapshots.md is what ``articlex snapshot`` prints for the change it describes.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import io
import pkgutil
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

import articlex
from articlex import cli
from support import TESTS

ROOT = TESTS.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^(?P<indent> *)```(?P<info>[\w-]*) *$")
PRINTS = re.compile(r"\bprints\b")
"""Said between an example and a fenced block, it makes that block the example's expected output."""


@dataclass(frozen=True)
class Fenced:
    info: str
    text: str
    line: int
    before: str
    """The prose between the previous fenced block and this one."""


@dataclass(frozen=True)
class Example:
    document: Path
    line: int
    code: str
    output: str | None


def fenced_blocks(markdown: str) -> list[Fenced]:
    blocks: list[Fenced] = []
    lines, prose, i = markdown.splitlines(), [], 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if not opening:
            prose.append(lines[i])
            i += 1
            continue
        indent, body, start = len(opening["indent"]), [], i + 1
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i][indent:])
            i += 1
        blocks.append(Fenced(opening["info"], "\n".join(body) + "\n", start, "\n".join(prose)))
        prose, i = [], i + 1
    return blocks


def examples(document: Path) -> list[Example]:
    blocks = fenced_blocks(document.read_text(encoding="utf-8"))
    found = []
    for block, after in zip(blocks, [*blocks[1:], None]):
        if block.info != "python":
            continue
        shown = after is not None and after.info in ("", "text") and PRINTS.search(after.before)
        found.append(Example(document, block.line, block.text, after.text if shown else None))
    return found


EXAMPLES = [pytest.param(x, id=f"{x.document.name}:{x.line}") for doc in DOCUMENTS for x in examples(doc)]


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_prints_what_the_docs_say(example: Example, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example.code, f"{example.document}:{example.line}", "exec"), {"__name__": "__doc_example__", "__file__": str(example.document)})
    if example.output is not None:
        assert out.getvalue() == example.output


def test_the_readme_and_the_how_to_have_examples_with_their_output() -> None:
    shown = {x.document.name for x in (p.values[0] for p in EXAMPLES) if x.output is not None}
    assert {"README.md", "snapshots.md"} <= shown


def test_a_fence_after_prints_is_the_expected_output() -> None:
    markdown = "Intro\n\n```python\nprint(1)\n```\n\nprints:\n\n```\n1\n```\n\n```python\nx = 2\n```\n"
    blocks = fenced_blocks(markdown)
    assert [(b.info, b.text) for b in blocks] == [("python", "print(1)\n"), ("", "1\n"), ("python", "x = 2\n")]
    assert PRINTS.search(blocks[1].before) and not PRINTS.search(blocks[2].before)


MODULES = sorted(info.name for info in pkgutil.walk_packages(articlex.__path__, "articlex.")
                 if not info.name.endswith("__main__"))  # a script: importing it runs the command


@pytest.mark.parametrize("name", ["articlex", *MODULES])
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    tests = doctest.DocTestFinder().find(module, name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    out = io.StringIO()
    for test in tests:
        runner.run(test, out=out.write)
    assert runner.failures == 0, out.getvalue()
    if name == "articlex":
        assert runner.tries >= 1  # the package docstring's example ran


def test_the_sample_diff_of_the_how_to_is_what_the_command_prints(tmp_path, monkeypatch, capsys) -> None:
    sample = next(b.text for b in fenced_blocks((ROOT / "docs" / "snapshots.md").read_text(encoding="utf-8"))
                  if b.text.startswith("$ articlex snapshot"))
    command, *printed = sample.split("\n$ echo $?")[0].splitlines()
    body = printed[printed.index("  body:"):]
    inserted = next(line[len("    +"):] for line in body if line.startswith("    +") and not line.startswith("    +++"))
    monkeypatch.chdir(tmp_path)
    page = Path(command.split()[-1])
    page.parent.mkdir()
    page.write_bytes((ROOT / "examples" / "article-fr.html").read_bytes())
    assert cli.main(["snapshot", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    html = html.replace('Transports" class="entry-crumb" href="https://www.lecho-des-rives.example/economie/transports/">'
                        "Transports<", 'Aérien" class="entry-crumb" href="https://www.lecho-des-rives.example/economie/'
                        'aerien/">Aérien<')
    html = html.replace("prévue vendredi matin.</p>", f"prévue vendredi matin.</p><p>{inserted}</p>")
    page.write_text(html, encoding="utf-8")
    capsys.readouterr()
    assert cli.main(command.split()[2:]) == 1
    assert capsys.readouterr().out.splitlines() == printed
