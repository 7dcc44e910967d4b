"""Batch runs: one result per input in input order, failures as rows, hung workers replaced, re-runs."""

from __future__ import annotations

import json
import time

import pytest

import articlex
from articlex import cli
from articlex.batch import Document, run_batch
from batch_work import slow_or_stuck
from httpserver import serving
from warcs import SAMPLE_HTML_URLS, article_html, sample_records, write_warc


@pytest.fixture
def pages(tmp_path):
    """A folder of five pages (one in a subfolder, one text dump), a note that is no page, a WARC."""
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    for n in (1, 2, 3):
        (folder / f"p{n}.html").write_text(article_html(f"Page number {n}"), encoding="utf-8")
    (folder / "sub" / "p4.html").write_text(article_html("Page number 4"), encoding="utf-8")
    (folder / "p5.txt").write_text("Page number 5\n\n" + "A line of the article, long enough to be prose. " * 4)
    (folder / "notes.json").write_text("{}")
    write_warc(tmp_path / "crawl.warc.gz", sample_records())
    return tmp_path


def names(results) -> list[str]:
    return [r.input for r in results]


def test_every_input_has_its_result_in_input_order(pages) -> None:
    inputs = [pages / "crawl.warc.gz", pages / "pages", pages / "missing.html", pages / "pages" / "p1.html"]
    results = list(articlex.extract_many(inputs, workers=0))
    assert len(results) == 5 + 5 + 1 + 1
    assert [r.url for r in results[:5]] == SAMPLE_HTML_URLS
    assert all(r.input.startswith(f"{pages / 'crawl.warc.gz'}#<urn:uuid:") for r in results[:5])
    assert names(results[5:10]) == [str(pages / "pages" / n) for n in ("p1.html", "p2.html", "p3.html", "p5.txt",
                                                                        "sub/p4.html")]
    missing = results[10]
    assert missing.input == str(pages / "missing.html") and missing.error_type == "FileNotFoundError"
    assert missing.article is None and not missing.ok
    assert results[11].article.title == "Page number 1"
    assert results[0].crawl_date and results[0].article.url == SAMPLE_HTML_URLS[0]


def test_workers_keep_input_order_when_later_documents_finish_first(tmp_path) -> None:
    docs = [Document(name=f"{'slow' if n == 0 else 'fast'}-{n}", content=article_html(f"Story {n}"))
            for n in range(8)]
    results = list(articlex.extract_many(docs, workers=2, work=slow_or_stuck))
    assert names(results) == [d.name for d in docs]
    assert [r.article.title for r in results] == [f"Story {n}" for n in range(8)]


def test_a_hung_worker_is_killed_replaced_and_reported(tmp_path) -> None:
    docs = [Document(name=name, content=article_html(name)) for name in
            ("first", "hang-here", "third", "crash-here", "fifth", "sixth")]
    started = time.monotonic()
    results = list(articlex.extract_many(docs, workers=2, timeout=3, work=slow_or_stuck))
    assert time.monotonic() - started < 30
    assert names(results) == [d.name for d in docs]
    kinds = [r.error_type for r in results]
    assert kinds == [None, "WorkerTimeout", None, "WorkerCrashed", None, None]
    assert "killed" in results[1].error and results[5].article.title == "sixth"


def test_rows_are_written_in_order_and_a_rerun_reuses_them(pages) -> None:
    out = pages / "out.jsonl"
    inputs = [pages / "pages", pages / "missing.html"]
    first = run_batch(inputs, out, workers=0, progress=False)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    folder = sorted(str(p) for p in (pages / "pages").rglob("*.*") if p.suffix != ".json")
    assert [r["input"] for r in rows] == [*folder, str(pages / "missing.html")]
    assert first.done == 6 and first.failed == 1 and rows[-1]["error_type"] == "FileNotFoundError"
    assert rows[0]["title"] == "Page number 1" and "provenance" in rows[0]
    (pages / "missing.html").write_text(article_html("Found at last"))
    second = run_batch(inputs, out, workers=0, progress=False)
    again = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert second.reused == 5 and second.failed == 0 and again[:5] == rows[:5]
    assert again[-1]["title"] == "Found at last"
    assert not (pages / "out.jsonl.partial.jsonl").exists()


def test_an_interrupted_run_is_resumed_from_its_partial_file(pages) -> None:
    out = pages / "out.jsonl"
    partial = pages / "out.jsonl.partial.jsonl"
    row = {"input": str(pages / "pages" / "p1.html"), "title": "Written before the crash", "error_type": None}
    partial.write_text(json.dumps(row) + "\n" + '{"input": "cut in the mid', encoding="utf-8")
    summary = run_batch([pages / "pages"], out, workers=0, progress=False)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.reused == 1 and rows[0]["title"] == "Written before the crash" and len(rows) == 5


def test_fields_and_provenance_can_be_left_out(pages) -> None:
    out = pages / "out.jsonl"
    run_batch([pages / "pages" / "p1.html"], out, workers=0, fields=["title", "body"], provenance=False,
              progress=False)
    row = json.loads(out.read_text(encoding="utf-8"))
    assert set(row) == {"input", "crawl_date", "error_type", "error", "url", "title", "body"}


def test_parquet_rows_follow_the_arrow_schema(pages) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    from articlex.schema import arrow_schema

    out = pages / "out.parquet"
    summary = run_batch([pages / "crawl.warc.gz", pages / "missing.html"], out, workers=1, progress=False)
    table = pq.read_table(out)
    assert table.schema == arrow_schema() and table.num_rows == 6 == summary.done
    rows = table.to_pylist()
    assert [r["url"] for r in rows[:5]] == SAMPLE_HTML_URLS and rows[5]["error_type"] == "FileNotFoundError"
    assert summary.not_html == 2
    again = run_batch([pages / "crawl.warc.gz", pages / "missing.html"], out, workers=0, progress=False)
    assert again.reused == 5 and pq.read_table(out).to_pylist()[:5] == rows[:5]


def test_urls_served_locally_each_get_their_row(tmp_path) -> None:
    with serving() as base:
        urls = [f"{base}/pages/{n}" for n in range(4)] + [f"{base}/gone", f"{base}/news"]
        listing = tmp_path / "urls.txt"
        listing.write_text("# served by the test\n" + "\n".join(urls) + "\n\n")
        out = tmp_path / "out.jsonl"
        assert cli.main(["batch", "--urls", str(listing), "--out", str(out), "--workers", "2"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["input"] for r in rows] == urls
    assert [r["title"] for r in rows[:4]] == [f"Story number {n}" for n in range(4)]
    assert rows[4]["error_type"] == "FetchError" and "HTTP 404" in rows[4]["error"]
    assert rows[5]["url"] == f"{base}/news/"


def test_the_cli_prints_a_summary_and_a_progress_bar(pages, capsys) -> None:
    out = pages / "out.jsonl"
    assert cli.main(["batch", str(pages / "pages"), "-o", str(out), "--workers", "0", "--progress",
                     "--fields", "title", "--no-provenance"]) == 0
    err = capsys.readouterr().err
    assert "doc/s" in err and "5 documents in" in err and "5 ok, 0 failed" in err
    assert len(out.read_text().splitlines()) == 5


def test_the_cli_refuses_unknown_fields_and_no_input(pages, capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["batch", str(pages / "pages"), "-o", str(pages / "o.jsonl"), "--fields", "title,nope"])
    assert "nope" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["batch", "-o", str(pages / "o.jsonl")])


def test_a_missing_or_broken_warc_is_one_failed_row(pages) -> None:
    broken = pages / "broken.warc.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    results = list(articlex.extract_many([pages / "missing.warc.gz", broken, pages / "pages" / "p1.html"], workers=0))
    assert names(results) == [str(pages / "missing.warc.gz"), str(broken), str(pages / "pages" / "p1.html")]
    assert [r.error_type for r in results] == ["InputError", "InputError", None]


def test_fields_asked_are_the_only_ones_computed(tmp_path) -> None:
    dated = tmp_path / "dated.html"
    dated.write_text(article_html("A dated page").replace(
        "<head>", '<head><meta property="article:published_time" content="2024-03-02T10:00:00+00:00">'))
    everything, some = tmp_path / "all.jsonl", tmp_path / "some.jsonl"
    run_batch([dated], everything, workers=0, progress=False)
    run_batch([dated], some, workers=0, fields=["title", "provenance"], progress=False)
    full, part = (json.loads(p.read_text(encoding="utf-8")) for p in (everything, some))
    assert full["published"].startswith("2024-03-02") and part["title"] == full["title"] == "A dated page"
    assert "published" not in part and part["provenance"]["published"]["strategy"] == "none"


def test_parquet_without_pyarrow_fails_before_any_work(pages, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"pip install 'articlex\[parquet\]'"):
        run_batch([pages / "pages"], pages / "out.parquet", workers=0, progress=False)
    assert not (pages / "out.parquet.partial.jsonl").exists()
