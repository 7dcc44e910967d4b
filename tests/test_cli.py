"""The command line: JSON by default, JSON Lines for several inputs, text and Markdown."""

from __future__ import annotations

import json
import subprocess
import sys

from articlex import cli
from support import FIXTURES


def test_json_for_one_file(capsys) -> None:
    assert cli.main([str(FIXTURES / "fr-tagdiv-agency" / "page.html")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "fr" and data["attribution"]["sources"] == ["AFP"]


def test_json_lines_for_several_files(capsys) -> None:
    files = [str(FIXTURES / name / "page.txt") for name in ("fr-tagdiv-agency", "it-sahifa")]
    assert cli.main(files) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["title"] for line in lines)


def test_markdown_and_text(capsys) -> None:
    page = str(FIXTURES / "en-jnews" / "page.html")
    cli.main([page, "--format", "markdown"])
    assert capsys.readouterr().out.startswith("# ")
    cli.main([page, "--format", "text"])
    assert not capsys.readouterr().out.startswith("{")


def test_a_bad_input_is_reported_and_the_rest_goes_on(tmp_path, capsys) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("")
    status = cli.main([str(empty), str(FIXTURES / "fr-tagdiv-agency" / "page.txt")])
    captured = capsys.readouterr()
    assert status == 1 and "empty" in captured.err and json.loads(captured.out)["title"]


def test_python_dash_m_reads_stdin() -> None:
    page = (FIXTURES / "pl-nofurniture" / "page.html").read_bytes()
    done = subprocess.run([sys.executable, "-m", "articlex", "-"], input=page, capture_output=True, check=True)
    assert json.loads(done.stdout)["language"] == "pl"


def test_explain_prints_where_each_field_came_from(capsys) -> None:
    assert cli.main([str(FIXTURES / "fr-tagdiv-agency" / "page.html"), "--explain"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("title ") and " markup " in out and "/html/body" in out
