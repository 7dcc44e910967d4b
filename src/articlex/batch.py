"""Many documents at once: files, folders, URLs and WARC archives, in a pool of worker processes.

``extract_many(inputs, workers=N)`` yields one :class:`Result` per document, in input order, a
failure being a result with its error rather than a gap. Each document runs in a worker process;
a worker that spends more than ``timeout`` seconds on one document is killed, the document is
reported as a ``WorkerTimeout`` and a fresh worker takes its place. ``run_batch`` writes the
results as JSON Lines or Parquet and skips, on a re-run, what an earlier run finished.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .errors import ArticlexError
from .model import Article
from .schema import require
from .warc import is_warc, read_warc

__all__ = ["Document", "Result", "extract_many", "documents", "read_url_list", "run_batch", "BatchSummary",
           "DOCUMENT_SUFFIXES", "TIMEOUT"]

log = logging.getLogger(__name__)

DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".txt")
"""The files of a folder that are read as pages (a folder may also hold notes, JSON, images)."""
TIMEOUT = 120.0
"""Seconds a worker may spend on one document before it is killed: extract()'s own max_seconds
(10 s) several times over, plus the fetch deadline (60 s) for a URL."""
AHEAD_PER_WORKER = 32
"""Documents read ahead of the oldest unfinished one, per worker: enough to keep every worker
busy behind one slow document, few enough to bound the memory held for the ordering."""
START_METHOD = "spawn"
"""Workers start as fresh interpreters: forking a parent that runs threads (a progress bar,
Spark's gateway, a test server) can deadlock the child."""
WORKER_START_SECONDS = 120.0
"""Seconds a new worker may take to start and import articlex (about 1 s on an idle machine)."""
READY = "ready"
TIMEOUT_ERROR = "WorkerTimeout"
CRASH_ERROR = "WorkerCrashed"


Row = dict[str, Any]
"""One output row: the batch columns, then the Article's fields."""


@dataclass(frozen=True)
class Document:
    """One input: a file to read, a URL to fetch, or content already in hand (a WARC record)."""

    name: str
    """How the input is named in the results: the path, the URL, or ``WARC_PATH#RECORD_ID``."""
    path: str | None = None
    """A file to read (in the worker)."""
    url: str | None = None
    """The page's URL: fetched when neither ``path`` nor ``content`` is given, else the links' base."""
    content: bytes | str | None = None
    """The page itself, when it is already read."""
    charset: str | None = None
    """The charset a transport header gave for ``content`` (HTTP Content-Type in a WARC)."""
    crawl_date: str | None = None
    """When the page was fetched (WARC-Date)."""
    failure: tuple[str, str] | None = None
    """(error type, message) when the input failed before its content was read (a broken WARC)."""


Input = str | os.PathLike[str] | Document
"""What ``documents()`` takes: a path (file, folder, WARC), a URL, or a Document."""


@dataclass(frozen=True)
class Result:
    """What one document gave: an Article, or the error that stopped it."""

    input: str
    """The document's name (path, URL or WARC_PATH#RECORD_ID)."""
    article: Article | None = None
    """The article; None when the document failed."""
    error_type: str | None = None
    """The exception's class name when the document failed (``WorkerTimeout`` when it was killed)."""
    error: str | None = None
    """The exception's message when the document failed."""
    url: str | None = None
    """The document's URL (after redirects for a fetched page)."""
    crawl_date: str | None = None
    """When the page was fetched (WARC-Date)."""

    @property
    def ok(self) -> bool:
        return self.error_type is None

    def to_row(self, fields: Iterable[str] | None = None, provenance: bool = True) -> Row:
        """A flat dict: ``input``, ``crawl_date``, ``error_type``, ``error``, then the Article's fields
        (all of them, or ``fields``; ``url`` always), without provenance when ``provenance`` is false."""
        row = {"input": self.input, "crawl_date": self.crawl_date, "error_type": self.error_type,
               "error": self.error, "url": self.url}
        if self.article is None:
            return row
        data = self.article.to_dict()
        keep = set(data) if fields is None else set(fields) | {"url"}
        if not provenance:
            keep.discard("provenance")
        row.update((name, value) for name, value in data.items() if name in keep)
        row["url"] = data["url"] or self.url
        return row


@dataclass
class BatchSummary:
    """What a batch run did."""

    done: int = 0
    failed: int = 0
    reused: int = 0
    timed_out: int = 0
    not_html: int = 0
    seconds: float = 0.0
    busy: float | None = None
    """The share of the run's time the workers held a document (None without a pool): well under 1,
    the workers waited for this process (reading inputs, writing rows)."""
    failures: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        rate = (self.done - self.reused) / self.seconds if self.seconds else 0.0
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.failures.items()))
        return (f"{self.done} documents in {self.seconds:.1f} s ({rate:.1f} docs/s): {self.done - self.failed} ok, "
                f"{self.failed} failed{f' ({kinds})' if kinds else ''}, {self.reused} done by an earlier run, "
                f"{self.not_html} WARC records not HTML left out"
                + (f", workers busy {self.busy:.0%} of the time" if self.busy is not None else ""))


# --- Inputs ---------------------------------------------------------------------------------------

def documents(inputs: Iterable[Input], *, not_html: list[str] | None = None) -> Iterator[Document]:
    """The documents of ``inputs``, in order: each is a URL, a file, a folder (its pages, sorted,
    recursively), a WARC file (its HTML responses) or a :class:`Document`. A path that does not
    exist still gives a document, which fails with its error in the results."""
    for item in inputs:
        if isinstance(item, Document):
            yield item
        elif _is_url(str(item)):
            yield Document(name=str(item), url=str(item))
        elif Path(item).is_dir():
            yield from _folder(Path(item), not_html)
        elif is_warc(item):
            yield from _warc(str(item), not_html)
        else:
            yield Document(name=str(item), path=str(item))


def read_url_list(path: str | os.PathLike[str]) -> list[str]:
    """The URLs of a list file: one a line; blank lines and lines starting with # are skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _folder(folder: Path, not_html: list[str] | None) -> Iterator[Document]:
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        if is_warc(path):
            yield from _warc(str(path), not_html)
        elif path.suffix.lower() in DOCUMENT_SUFFIXES:
            yield Document(name=str(path), path=str(path))


def _warc(path: str, not_html: list[str] | None) -> Iterator[Document]:
    from .fetch import charset_of

    try:
        for page in read_warc(path, skipped=not_html):
            yield Document(name=f"{path}#{page.record_id}", url=page.url, content=page.content,
                           charset=charset_of(page.content_type), crawl_date=page.date)
    except ArticlexError as exc:  # a missing or corrupt archive: one row says so, after its readable records
        yield Document(name=path, failure=(type(exc).__name__, str(exc)))


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


# --- One document ---------------------------------------------------------------------------------

def extract_document(document: Document, options: dict[str, Any]) -> Result:
    """Extract one document (the default work of a worker); every exception becomes a failed Result."""
    from .api import extract
    from .fetch import as_document, fetch

    url = document.url
    if document.failure is not None:
        return Result(document.name, error_type=document.failure[0], error=document.failure[1])
    try:
        if isinstance(document.content, bytes):
            source = as_document(document.content, document.charset)
        elif document.content is not None:
            source = document.content
        elif document.path is not None:
            source = Path(document.path).read_bytes()
        else:
            page = fetch(url or "")
            source, url = page.document(), page.url
        article = extract(source, url=url, **options)
    except (ArticlexError, OSError, ValueError, TypeError) as exc:
        return Result(document.name, error_type=type(exc).__name__, error=str(exc), url=url,
                      crawl_date=document.crawl_date)
    except Exception as exc:  # a bug in articlex must still give a row, never a lost document
        log.exception("unexpected error on %s", document.name)
        return Result(document.name, error_type=type(exc).__name__, error=str(exc), url=url,
                      crawl_date=document.crawl_date)
    return Result(document.name, article=article, url=url, crawl_date=document.crawl_date)


# --- The pool -------------------------------------------------------------------------------------

Work = Callable[[Document, dict[str, Any]], Result]


def extract_many(inputs: Iterable[Input] | Input, *, workers: int = 1, timeout: float = TIMEOUT,
                 work: Work = extract_document, **extract_options: Any) -> Iterator[Result]:
    """One :class:`Result` per document of ``inputs`` (see :func:`documents`), in input order.

    ``workers`` processes share the work (0 runs everything in this process, without the time
    limit). They start with ``spawn``: a script that calls this with workers needs the call under
    ``if __name__ == "__main__":``, as for any process pool. A worker busy with one document for
    more than ``timeout`` seconds is killed and replaced, and that document's result is a
    ``WorkerTimeout`` failure. Keyword arguments go to :func:`articlex.extract` (``language``,
    ``max_seconds``...). ``work`` replaces the extraction of one document (a module-level
    function, so that workers can import it).
    """
    listed: Iterable[Input] = [inputs] if isinstance(inputs, (str, os.PathLike, Document)) else inputs
    yield from _ordered(((doc, None) for doc in documents(listed)), workers, timeout, work, extract_options)


@dataclass
class PoolUse:
    """How busy the workers were: the seconds they held a document, and the seconds they could have."""

    busy: float = 0.0
    available: float = 0.0

    @property
    def share(self) -> float | None:
        return self.busy / self.available if self.available else None


def _ordered(items: Iterable[tuple[Document, Result | None]], workers: int, timeout: float, work: Work,
             options: dict[str, Any], use: PoolUse | None = None) -> Iterator[Result]:
    """Results in input order; an item that comes with its result already (done by an earlier run)
    is passed through without work. ``use`` is filled with how busy the workers were."""
    if workers <= 0:
        for doc, done in items:
            yield done or work(doc, options)
        return
    pool = _Pool(workers, work, options)
    started = time.monotonic()
    try:
        yield from pool.run(iter(items), timeout)
    finally:
        pool.close()
        if use is not None:
            use.busy, use.available = pool.busy, (time.monotonic() - started) * len(pool.workers)


class _Worker:
    def __init__(self, context: Any, work: Work, options: dict[str, Any]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, work, options), daemon=True)
        self.process.start()
        child.close()
        self.job: tuple[int, Document] | None = None
        self.started = 0.0
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        """Block until the worker has imported what it runs: a document's time limit must not
        count the start of an interpreter on a loaded machine."""
        try:
            if self.conn.poll(WORKER_START_SECONDS) and self.conn.recv() == READY:
                return
        except (EOFError, OSError):
            pass
        self.kill()
        if self.process.exitcode not in (None, -signal.SIGKILL):
            raise ArticlexError(f"a worker process exited as it started (exit code {self.process.exitcode}): a "
                                "script that runs workers needs its calls under `if __name__ == '__main__':`, "
                                "and the work function must be importable (see the worker's error above)")
        raise ArticlexError(f"a worker process did not start within {WORKER_START_SECONDS:g} s")

    def give(self, index: int, doc: Document) -> None:
        self.job, self.started = (index, doc), time.monotonic()
        self.conn.send(self.job)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class _Pool:
    def __init__(self, size: int, work: Work, options: dict[str, Any]) -> None:
        self.context = multiprocessing.get_context(START_METHOD)
        self.work, self.options = work, options
        self.size = size
        self.workers: list[_Worker] = []
        """Started as documents need them: a re-run with everything done starts none."""
        self.busy = 0.0

    def run(self, items: Iterator[tuple[Document, Result | None]], timeout: float) -> Iterator[Result]:
        finished: dict[int, Result] = {}
        queued: list[tuple[int, Document]] = []
        taken = next_out = 0
        exhausted = False
        limit = AHEAD_PER_WORKER * self.size
        while True:
            while not exhausted and taken - next_out < limit and len(queued) < self.size:
                try:
                    doc, done = next(items)
                except StopIteration:
                    exhausted = True
                    break
                if done is not None:
                    finished[taken] = done
                else:
                    queued.append((taken, doc))
                taken += 1
            while queued and (worker := self._idle()) is not None:
                worker.give(*queued.pop(0))
            while next_out in finished:
                yield finished.pop(next_out)
                next_out += 1
            busy = [w for w in self.workers if w.job is not None]
            if exhausted and not busy and not queued and next_out == taken:
                return
            if busy:
                self._collect(busy, finished, timeout)

    def _idle(self) -> _Worker | None:
        for worker in self.workers:
            if worker.job is None:
                return worker
        if len(self.workers) < self.size:
            self.workers.append(_Worker(self.context, self.work, self.options))
            return self.workers[-1]
        return None

    def _collect(self, busy: list[_Worker], finished: dict[int, Result], timeout: float) -> None:
        now = time.monotonic()
        wait_for = max(0.0, min(w.started + timeout for w in busy) - now)
        ready = wait([w.conn for w in busy], timeout=wait_for)
        for worker in busy:
            if worker.conn in ready:
                try:
                    got_index, result = worker.conn.recv()
                except (EOFError, OSError):
                    self._replace(worker, finished, CRASH_ERROR, f"the worker process died (exit code "
                                  f"{worker.process.exitcode}) while extracting this document")
                    continue
                finished[got_index] = result
                worker.job = None
                self.busy += time.monotonic() - worker.started
            elif time.monotonic() - worker.started > timeout:
                self._replace(worker, finished, TIMEOUT_ERROR, f"no result after {timeout:g} s: the worker was "
                              "killed and replaced")

    def _replace(self, worker: _Worker, finished: dict[int, Result], kind: str, message: str) -> None:
        assert worker.job is not None, "only a busy worker is replaced"
        index, doc = worker.job
        self.busy += time.monotonic() - worker.started
        log.warning("%s: %s", doc.name, message)
        finished[index] = Result(doc.name, error_type=kind, error=message, url=doc.url, crawl_date=doc.crawl_date)
        worker.kill()
        self.workers[self.workers.index(worker)] = _Worker(self.context, self.work, self.options)

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                pass
        for worker in self.workers:
            worker.process.join(1)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1)


def _serve(conn: Connection, work: Work, options: dict[str, Any]) -> None:
    """A worker's loop: a (index, document) in, a (index, result) out, until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    conn.send(READY)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        index, doc = job
        conn.send((index, work(doc, options)))


# --- Writing a run --------------------------------------------------------------------------------

def run_batch(inputs: Iterable[Input], out: str | os.PathLike[str], *, workers: int = 1, timeout: float = TIMEOUT,
              fields: Iterable[str] | None = None, provenance: bool = True, progress: bool | None = None,
              work: Work = extract_document, **extract_options: Any) -> BatchSummary:
    """Write one row per document of ``inputs`` to ``out`` (``.parquet`` for Parquet, JSON Lines
    otherwise), in input order, and return what was done.

    Rows are first written to ``OUT.partial.jsonl``; an interrupted run leaves it, and the next
    run with the same ``out`` reuses every successful row of ``out`` and of that file instead of
    extracting again (failed documents are tried again). ``progress`` shows a bar with documents
    per second (None: only on a terminal).
    """
    out = Path(out)
    if out.suffix == ".parquet":
        require("parquet")  # before the work, not after it
    partial = out.with_name(out.name + ".partial.jsonl")
    earlier = _earlier_rows(out) | _earlier_rows(partial)
    summary, use = BatchSummary(), PoolUse()
    not_html: list[str] = []
    started = time.monotonic()
    items = ((doc, _reused(earlier.get(doc.name))) for doc in documents(inputs, not_html=not_html))
    keep = None if fields is None else list(fields)
    extract_options = computing_only(keep, extract_options)
    with partial.open("w", encoding="utf-8") as sink, _progress(progress) as bar:
        for result in _ordered(items, workers, timeout, work, extract_options, use):
            row = earlier[result.input] if isinstance(result, _Reused) else result.to_row(keep, provenance)
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            sink.flush()
            _count(summary, result, row)
            bar.update(1)
    summary.not_html, summary.seconds, summary.busy = len(not_html), time.monotonic() - started, use.share
    _finish(partial, out, keep, provenance)
    return summary


def computing_only(fields: list[str] | None, extract_options: dict[str, Any]) -> dict[str, Any]:
    """extract() options that compute only the row's ``fields`` (extract() takes no 'provenance')."""
    if fields is None or "fields" in extract_options:
        return extract_options
    return {**extract_options, "fields": tuple(f for f in fields if f != "provenance")}


class _Reused(Result):
    """A result an earlier run wrote: its row is copied as it was."""


def _reused(row: Row | None) -> Result | None:
    return _Reused(row["input"]) if row is not None else None


def _count(summary: BatchSummary, result: Result, row: Row) -> None:
    summary.done += 1
    if isinstance(result, _Reused):
        summary.reused += 1
    elif row.get("error_type"):
        summary.failed += 1
        summary.failures[row["error_type"]] = summary.failures.get(row["error_type"], 0) + 1
        summary.timed_out += row["error_type"] == TIMEOUT_ERROR


def _earlier_rows(path: Path) -> dict[str, Row]:
    """The successful rows of an earlier run's output, by input name."""
    if not path.is_file():
        return {}
    if path.suffix == ".parquet":
        rows = _parquet_rows(path)
    else:
        rows = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError:  # the last line of a run that was killed mid-write
                    continue
    return {row["input"]: row for row in rows if isinstance(row, dict) and "input" in row and not row.get("error_type")}


def _parquet_rows(path: Path) -> list[Row]:
    import pyarrow.parquet as pq

    rows: list[Row] = pq.read_table(path).to_pylist()
    for row in rows:  # Arrow gives maps as lists of pairs
        if isinstance(row.get("provenance"), list):
            row["provenance"] = dict(row["provenance"])
    return rows


def _finish(partial: Path, out: Path, fields: list[str] | None, provenance: bool) -> None:
    if out.suffix != ".parquet":
        os.replace(partial, out)
        return
    _to_parquet(partial, out, fields, provenance)
    partial.unlink()


PARQUET_ROWS = 1000
"""Rows per Parquet row group (and per conversion step, which bounds the memory it takes)."""


def _to_parquet(source: Path, out: Path, fields: list[str] | None, provenance: bool) -> None:
    require("parquet")
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .schema import arrow_schema

    schema = arrow_schema(fields)
    if not provenance:
        schema = schema.remove(schema.get_field_index("provenance"))
    tmp = out.with_name(out.name + ".tmp")
    with pq.ParquetWriter(tmp, schema) as writer, source.open(encoding="utf-8") as fh:
        batch = []
        for line in fh:
            batch.append(json.loads(line))
            if len(batch) == PARQUET_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    os.replace(tmp, out)


class _NoBar:
    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def update(self, n: int) -> None:
        pass


def _progress(show: bool | None) -> Any:
    """A tqdm bar on stderr counting documents per second (only on a terminal when ``show`` is None)."""
    if show is False:
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        log.info("no progress bar: pip install 'articlex[batch]' brings one")
        return _NoBar()
    return tqdm(unit="doc", disable=None if show is None else not show, desc="articlex", smoothing=0.1)

