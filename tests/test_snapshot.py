"""Golden files for saved pages: the comparison (articlex.snapshot), ``articlex snapshot`` and the
pytest plugin, the last in fresh projects run by ``pytester`` that only have articlex installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlex
from articlex import cli
from articlex.snapshot import Change, SnapshotError, Tolerance, check, compare, golden_path, snapshot
from support import LONG

pytest_plugins = ("pytester",)

CRUMBS = ("Home", "Local")


def news_page(crumbs: tuple[str, ...] = CRUMBS, *, title: str = "Harbour wall to be rebuilt",
              paragraphs: tuple[str, ...] = ("First", "Second", "Third")) -> str:
    """A small article page with a breadcrumb, a title, a date and a few paragraphs."""
    trail = " › ".join(f'<a href="https://news.example/{c.lower()}/">{c}</a>' for c in crumbs)
    text = "".join(f"<p>{p}: {LONG}</p>" for p in paragraphs)
    return (f'<html lang="en"><head><title>{title}</title></head><body><nav class="breadcrumb">{trail}</nav>'
            f'<h1>{title}</h1><p class="date">12 May 2024</p><div class="entry-content">{text}</div></body></html>')


def saved(folder: Path, name: str, html: str) -> Path:
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return path


# -- the comparison -----------------------------------------------------------------------------------

def test_a_golden_file_holds_the_article_without_provenance_and_blocks(tmp_path) -> None:
    page = saved(tmp_path, "a.html", news_page())
    assert check(page, create=True).status == "created"
    data = json.loads(golden_path(page).read_text(encoding="utf-8"))
    article = articlex.extract(page.read_bytes())
    assert golden_path(page).name == "a.html.articlex.json"
    assert data == snapshot(article) and "provenance" not in data and "blocks" not in data
    assert articlex.Article.from_dict(data).breadcrumb == article.breadcrumb


def test_a_changed_breadcrumb_is_exactly_the_change_shown(tmp_path) -> None:
    page = saved(tmp_path, "a.html", news_page())
    check(page, create=True)
    page.write_text(news_page(("Home", "World")), encoding="utf-8")
    result = check(page)
    assert result.status == "differs" and result.failed
    assert result.changes == (Change("breadcrumb", (
        "  Home <https://news.example/home/>",
        "- Local <https://news.example/local/>",
        "+ World <https://news.example/world/>",
    )),)
    assert result.report.splitlines()[1:] == [
        "  breadcrumb:",
        "      Home <https://news.example/home/>",
        "    - Local <https://news.example/local/>",
        "    + World <https://news.example/world/>",
    ]
    assert result.report.splitlines()[0].endswith("1 field differs from a.html.articlex.json")


def test_update_rewrites_only_the_changed_field_of_the_changed_page(tmp_path) -> None:
    first, second = saved(tmp_path, "a.html", news_page()), saved(tmp_path, "b.html", news_page(title="Ferry fares rise"))
    for page in (first, second):
        check(page, create=True)
    golden = json.loads(golden_path(first).read_text(encoding="utf-8"))
    golden["published"] = "2024-05-12"  # written by hand as a calendar day: kept, since it matches
    golden_path(first).write_text(json.dumps(golden), encoding="utf-8")
    untouched = golden_path(second).stat().st_mtime_ns, golden_path(second).read_bytes()
    first.write_text(news_page(("Home", "World")), encoding="utf-8")

    results = [check(page, update=True) for page in (first, second)]

    assert [r.status for r in results] == ["updated", "same"]
    assert (golden_path(second).stat().st_mtime_ns, golden_path(second).read_bytes()) == untouched
    rewritten = json.loads(golden_path(first).read_text(encoding="utf-8"))
    assert rewritten == {**golden, "breadcrumb": snapshot(articlex.extract(first.read_bytes()))["breadcrumb"]}
    assert list(rewritten) == list(golden)
    assert check(first).status == "same"


def test_a_calendar_day_matches_any_time_of_that_day_only() -> None:
    assert compare({"published": "2024-05-12"}, {"published": "2024-05-12T08:30:00+02:00"}) == ()
    changes = compare({"published": "2024-05-12"}, {"published": "2024-05-13T08:30:00+02:00"})
    assert changes == (Change("published", ('- "2024-05-12"', '+ "2024-05-13T08:30:00+02:00"')),)


def test_ignored_fields_are_neither_compared_nor_rewritten(tmp_path) -> None:
    page = saved(tmp_path, "a.html", news_page())
    check(page, create=True)
    page.write_text(news_page(("Home", "World"), title="Another title"), encoding="utf-8")
    tolerance = Tolerance(ignore=frozenset({"breadcrumb"}))
    assert [c.field for c in check(page, tolerance=tolerance).changes] == ["title"]
    check(page, tolerance=tolerance, update=True)
    golden = json.loads(golden_path(page).read_text(encoding="utf-8"))
    assert golden["title"] == "Another title" and [c["text"] for c in golden["breadcrumb"]] == list(CRUMBS)


def test_the_body_is_a_unified_diff_of_its_blocks() -> None:
    before = "\n\n".join(["One.", "Two.", "Three.", "Four."])
    after = "\n\n".join(["One.", "Two.", "Three, changed.", "Four."])
    (change,) = compare({"body": before}, {"body": after})
    assert change.lines == ("--- golden", "+++ extracted", "@@ -2,3 +2,3 @@", " Two.", "-Three.", "+Three, changed.",
                            " Four.")


def test_a_body_similar_enough_passes_and_one_below_shows_its_similarity() -> None:
    before = " ".join(f"word{i}" for i in range(100))
    after = before.replace("word50", "other")
    assert compare({"body": before}, {"body": after}, Tolerance(body_similarity=0.95)) == ()
    (change,) = compare({"body": before}, {"body": after}, Tolerance(body_similarity=0.999))
    assert change.lines[0] == "similarity 0.990, below 0.999"
    assert compare({"body": before}, {"body": after}) != ()


def test_parts_of_a_field_are_shown_by_name() -> None:
    changes = compare({"counters": {"views": 10, "comments": 2}, "next": None},
                      {"counters": {"views": 12, "comments": 2}, "next": {"text": "Ferry fares", "url": None}})
    assert changes == (Change("counters.views", ("- 10", "+ 12")), Change("next", ("- null", "+ Ferry fares")))


def test_a_field_articlex_does_not_extract_is_a_difference_and_an_update_drops_it(tmp_path) -> None:
    page = saved(tmp_path, "a.html", news_page())
    check(page, create=True)
    golden = json.loads(golden_path(page).read_text(encoding="utf-8"))
    golden_path(page).write_text(json.dumps({**golden, "headline": "x"}), encoding="utf-8")
    assert check(page).changes == (Change("headline", ('- "x"', "+ (articlex extracts no such field)")),)
    check(page, update=True)
    assert json.loads(golden_path(page).read_text(encoding="utf-8")) == golden


def test_a_missing_golden_file_is_reported_and_written_only_when_asked(tmp_path) -> None:
    page = saved(tmp_path, "a.html", news_page())
    result = check(page)
    assert result.status == "missing" and result.failed and not golden_path(page).exists()
    assert "no golden file a.html.articlex.json" in result.report


def test_a_section_is_written_beside_the_others(tmp_path) -> None:
    page, golden = saved(tmp_path, "a.html", news_page()), tmp_path / "expected.json"
    golden.write_text(json.dumps({"text": {"title": "Harbour wall to be rebuilt"}}), encoding="utf-8")
    assert check(page, golden=golden, section="text").status == "same"
    assert check(page, golden=golden, section="html", update=True).status == "created"
    data = json.loads(golden.read_text(encoding="utf-8"))
    assert list(data) == ["text", "html"] and data["html"]["title"] == "Harbour wall to be rebuilt"
    assert "[html]" in check(page, golden=golden, section="html").report


@pytest.mark.parametrize(("content", "message"), [
    ("{", "not JSON"),
    ("[1, 2]", "holds a JSON object, not list"),
])
def test_a_broken_golden_file_is_a_snapshot_error(tmp_path, content: str, message: str) -> None:
    page = saved(tmp_path, "a.html", news_page())
    golden_path(page).write_text(content, encoding="utf-8")
    with pytest.raises(SnapshotError, match=message):
        check(page)


def test_an_unreadable_page_is_a_snapshot_error(tmp_path) -> None:
    with pytest.raises(SnapshotError, match="cannot read the page"):
        check(tmp_path / "absent.html")
    with pytest.raises(SnapshotError, match="empty.html"):
        check(saved(tmp_path, "empty.html", "   "), create=True)


@pytest.mark.parametrize("ratio", [0, 1.5, -1])
def test_a_similarity_out_of_range_is_refused(ratio: float) -> None:
    with pytest.raises(ValueError, match=r"\(0, 1\]"):
        Tolerance(body_similarity=ratio)


# -- articlex snapshot ----------------------------------------------------------------------------------

def test_the_command_writes_compares_fails_on_a_difference_and_updates(tmp_path, capsys) -> None:
    pages = [saved(tmp_path, "a.html", news_page()), saved(tmp_path, "b.html", news_page(title="Ferry fares rise"))]
    args = [str(p) for p in pages]
    assert cli.main(["snapshot", *args]) == 0
    assert capsys.readouterr().out.count("(new)") == 2
    assert cli.main(["snapshot", *args]) == 0
    assert capsys.readouterr().out.count("same as") == 2

    pages[0].write_text(news_page(("Home", "World")), encoding="utf-8")
    assert cli.main(["snapshot", *args]) == 1
    out = capsys.readouterr().out
    assert "1 field differs" in out and "- Local <https://news.example/local/>" in out and "b.html: same as" in out
    assert cli.main(["snapshot", *args, "--ignore", "breadcrumb"]) == 0
    capsys.readouterr()

    assert cli.main(["snapshot", *args, "--update"]) == 0
    assert "rewrote 1 field in a.html.articlex.json" in capsys.readouterr().out
    assert cli.main(["snapshot", *args]) == 0


def test_the_command_reports_a_page_it_cannot_read_and_goes_on(tmp_path, capsys) -> None:
    page = saved(tmp_path, "a.html", news_page())
    assert cli.main(["snapshot", str(tmp_path / "absent.html"), str(page)]) == 1
    captured = capsys.readouterr()
    assert "absent.html: cannot read the page" in captured.err and "(new)" in captured.out


def test_the_command_refuses_a_similarity_out_of_range(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["snapshot", str(tmp_path / "a.html"), "--body-similarity", "2"])
    assert stop.value.code == 2 and "(0, 1]" in capsys.readouterr().err


# -- the pytest plugin, in a fresh project ------------------------------------------------------------------

USER_TEST = """
from pathlib import Path

import pytest

PAGES = sorted(Path(__file__).parent.joinpath("pages").glob("*.html"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_saved_page(page, articlex_snapshot):
    articlex_snapshot(page)
"""


@pytest.fixture
def project(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """A project of saved pages and one test file, with no conftest: the plugin comes from the entry point.

    Hypothesis, installed here for our own tests, is no part of a user's project: its plugin is
    turned off (it imports all of hypothesis after each in-process run). One extraction first, so
    the modules it loads lazily (dateparser's) are kept across the in-process runs."""
    monkeypatch.setenv("PYTEST_ADDOPTS", "-p no:hypothesispytest")
    articlex.extract(news_page())
    pages = pytester.mkdir("pages")
    saved(pages, "a.html", news_page())
    saved(pages, "b.html", news_page(title="Ferry fares rise"))
    pytester.makepyfile(test_pages=USER_TEST)
    return pytester


def test_the_plugin_fails_without_golden_files_and_writes_them_on_update(project: pytest.Pytester) -> None:
    result = project.runpytest_subprocess()
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*no golden file a.html.articlex.json*"])
    result = project.runpytest("--articlex-update")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*articlex: 2 golden file update(s)*", "*wrote a.html.articlex.json (new)*"])
    assert (project.path / "pages" / "b.html.articlex.json").is_file()
    project.runpytest().assert_outcomes(passed=2)


def test_a_changed_breadcrumb_fails_its_test_and_an_update_rewrites_only_its_file(project: pytest.Pytester) -> None:
    project.runpytest("--articlex-update").assert_outcomes(passed=2)
    pages = project.path / "pages"
    kept = (pages / "b.html.articlex.json").read_bytes(), (pages / "b.html.articlex.json").stat().st_mtime_ns
    saved(pages, "a.html", news_page(("Home", "World")))

    result = project.runpytest_subprocess()
    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines([
        "*pages/a.html: 1 field differs from a.html.articlex.json",
        "  breadcrumb:",
        "      Home <https://news.example/home/>",
        "    - Local <https://news.example/local/>",
        "    + World <https://news.example/world/>",
    ])

    result = project.runpytest("--articlex-update")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*articlex: 1 golden file update(s)*", "*rewrote 1 field in a.html.articlex.json",
                                 "  breadcrumb:", "*- Local*", "*+ World*"])
    assert ((pages / "b.html.articlex.json").read_bytes(), (pages / "b.html.articlex.json").stat().st_mtime_ns) == kept
    project.runpytest().assert_outcomes(passed=2)


def test_tolerance_from_the_ini_file_the_command_line_and_the_call(project: pytest.Pytester) -> None:
    project.runpytest("--articlex-update").assert_outcomes(passed=2)
    pages = project.path / "pages"
    saved(pages, "a.html", news_page(("Home", "World"), paragraphs=("First", "Second", "Third", "Fourth")))
    project.runpytest("--articlex-ignore", "breadcrumb").assert_outcomes(failed=1, passed=1)
    project.runpytest("--articlex-ignore", "breadcrumb", "--articlex-body-similarity", "0.7").assert_outcomes(passed=2)
    project.makeini("[pytest]\narticlex_ignore = breadcrumb\narticlex_body_similarity = 0.7\n")
    project.runpytest().assert_outcomes(passed=2)
    project.makepyfile(test_pages=USER_TEST.replace("articlex_snapshot(page)",
                                                    "articlex_snapshot(page, body_similarity=1.0)"))
    project.runpytest().assert_outcomes(failed=1, passed=1)


def test_a_similarity_out_of_range_stops_the_run(project: pytest.Pytester) -> None:
    result = project.runpytest("--articlex-body-similarity", "1.5")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*(0, 1]*"])


def test_the_plugin_comes_from_the_entry_point_and_can_be_turned_off(project: pytest.Pytester) -> None:
    result = project.runpytest_subprocess("-p", "no:articlex")
    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(["*fixture 'articlex_snapshot' not found*"])
    project.runpytest_subprocess("--help").stdout.fnmatch_lines(["*--articlex-update*"])


def test_differences_neither_fails_nor_writes(project: pytest.Pytester) -> None:
    project.runpytest("--articlex-update").assert_outcomes(passed=2)
    saved(project.path / "pages", "a.html", news_page(("Home", "World")))
    project.makepyfile(test_pages="""
        def test_differences(articlex_snapshot):
            changes = articlex_snapshot.differences("pages/a.html")
            assert [c.field for c in changes] == ["breadcrumb"]
            assert articlex_snapshot.differences("pages/a.html", ignore=["breadcrumb"]) == ()
    """)
    project.runpytest("--articlex-update").assert_outcomes(passed=1)
    assert "Local" in (project.path / "pages" / "a.html.articlex.json").read_text(encoding="utf-8")
