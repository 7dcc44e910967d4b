"""The command line: JSON by default, JSON Lines for several inputs, text and Markdown."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest

import articlex
from articlex import cli
from httpserver import serving
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


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith(f"articlex {articlex.__version__} ")


def test_a_closed_pipe_ends_quietly() -> None:
    files = [str(FIXTURES / name / "page.html") for name in ("fr-tagdiv-agency", "it-sahifa", "en-jnews")] * 20
    done = subprocess.run(f"'{sys.executable}' -m articlex {' '.join(files)} | head -1", shell=True,
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith("{") and done.stderr == ""


def test_explain_heads_each_of_several_inputs_with_its_name(capsys) -> None:
    files = [str(FIXTURES / name / "page.txt") for name in ("fr-tagdiv-agency", "it-sahifa")]
    assert cli.main([*files, "--explain"]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("==> ")] == [f"==> {f} <==" for f in files]


def test_url_is_refused_with_several_inputs(capsys) -> None:
    files = [str(FIXTURES / name / "page.txt") for name in ("fr-tagdiv-agency", "it-sahifa")]
    with pytest.raises(SystemExit):
        cli.main([*files, "--url", "https://example.org/"])
    assert "--url" in capsys.readouterr().err


def test_verbose_logs_through_logging(caplog) -> None:
    with caplog.at_level(logging.INFO, logger="articlex"):
        assert cli.main(["-v", str(FIXTURES / "fr-tagdiv-agency" / "page.txt")]) == 0
    assert any("reading" in r.getMessage() and r.name.startswith("articlex") for r in caplog.records)


def test_a_url_is_fetched_its_links_resolve_after_redirects_and_a_404_names_it_once(capsys) -> None:
    with serving() as base:
        assert cli.main([base.replace("http://", "HTTP://") + "/news"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["url"] == f"{base}/news/" and data["breadcrumb"][1]["url"] == f"{base}/news/"
        assert cli.main([f"{base}/gone"]) == 1
        err = capsys.readouterr().err
    assert err.count(f"{base}/gone") == 1 and "HTTP 404" in err
