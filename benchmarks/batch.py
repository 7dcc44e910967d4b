"""Throughput of ``articlex batch`` on a WARC archive, with 1 and 2 workers, and a hung document.

Writes a WARC of real news pages wrapped at run time (``../shared/corpus``: the labelled pages,
the Zyte benchmark pages, then WCXB pages, never copied into the project), or of generated pages
when that folder is absent, plus a few records that are not HTML. Then runs the real command
(``articlex batch WARC --out ROWS --workers N``) in a fresh process for each worker count, in
turns, and reports documents per second, CPU seconds and the machine's load. Last, a run on the
same archive plus one oversized record with a short ``--timeout``: its worker must be killed, the
record reported as ``WorkerTimeout``, and every other record still have its row.

    python benchmarks/batch.py [--records 600] [--rounds 2] [--out docs/scale-run.md]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "corpus"
CORPUS_FOLDERS = ("pages", "scrapinghub/html", "wcxb-dev/html")
"""Read in this order: the labelled news pages first, then the wider benchmarks."""
NOT_HTML = 3
"""Image records mixed in: the reader must leave them out, not lose or count them."""
HUNG_BYTES = 40 * 1024 * 1024
"""The oversized record: over a few seconds of work, so a short --timeout must kill its worker."""
HUNG_TIMEOUT = 3.0
"""--timeout of the hung-document run: far above a normal page (tens of milliseconds)."""
SUMMARY = re.compile(r"(\d+) documents in ([\d.]+) s \(([\d.]+) docs/s\)")
BUSY = re.compile(r"workers busy (\d+%)")


def corpus_pages(count: int) -> list[tuple[str, bytes]]:
    """(url, html) for ``count`` pages: corpus pages when ../shared is there (repeated past its
    size under new URLs), else generated ones."""
    files = [p for folder in CORPUS_FOLDERS if (SHARED / folder).is_dir()
             for p in sorted((SHARED / folder).iterdir()) if p.name.endswith((".html", ".html.gz"))]
    if not files:
        sys.path.insert(0, str(HERE))
        from bigpage import news_page

        return [(f"https://generated.test/{n}", news_page(20_000 + 997 * n % 180_000).html) for n in range(count)]
    out = []
    for n in range(count):
        path = files[n % len(files)]
        data = path.read_bytes()
        out.append((f"https://corpus.test/{n}/{path.name.removesuffix('.gz')}",
                    gzip.decompress(data) if path.name.endswith(".gz") else data))
    return out


def write_warc(path: Path, pages: list[tuple[str, bytes]], extra: list[tuple[str, bytes]] = ()) -> None:
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        images = {len(pages) * (i + 1) // (NOT_HTML + 1) for i in range(NOT_HTML)}
        for n, (url, body) in enumerate([*pages, *extra]):
            if n in images:
                _record(writer, f"https://corpus.test/img/{n}.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
            _record(writer, url, body, "text/html")


def _record(writer, url: str, body: bytes, content_type: str) -> None:
    from warcio.statusandheaders import StatusAndHeaders

    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))


def run(warc: Path, out: Path, workers: int, timeout: float | None = None) -> dict:
    """One run of the real command in a fresh process: wall time, CPU time, its summary line."""
    out.unlink(missing_ok=True)
    command = [sys.executable, "-m", "articlex", "batch", str(warc), "--out", str(out), "--workers", str(workers),
               "--no-progress"] + (["--timeout", str(timeout)] if timeout else [])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = done.stderr.strip().splitlines()[-1]
    match = SUMMARY.search(line)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"workers": workers, "wall": wall, "cpu": cpu,
            "docs": int(match.group(1)), "rate": float(match.group(3)), "line": line, "rows": rows,
            "command": " ".join(["articlex", *command[3:]])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=600, help="HTML records in the archive (default 600)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each worker count, in turns (default 2)")
    parser.add_argument("--out", type=Path, help="also write the report (Markdown) here")
    args = parser.parse_args()
    report = [f"Run on {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
              f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pages = corpus_pages(args.records)
        warc = tmp / "bench.warc.gz"
        write_warc(warc, pages)
        report.append(f"Archive: {len(pages)} HTML records + {NOT_HTML} images, "
                      f"{warc.stat().st_size / 1e6:.1f} MB gzipped "
                      f"({'corpus pages' if 'corpus' in pages[0][0] else 'generated pages'})")
        runs = {1: [], 2: []}
        for _ in range(args.rounds):
            for workers in (1, 2):
                result = run(warc, tmp / "rows.jsonl", workers)
                assert len(result["rows"]) == len(pages), "a record was lost"
                assert [r["url"] for r in result["rows"]] == [u for u, _ in pages], "rows out of input order"
                runs[workers].append(result)
                report.append(f"- `{result['command']}`: {result['wall']:.1f} s wall, {result['cpu']:.1f} s CPU, "
                              f"{result['rate']:.1f} docs/s, {len(result['rows'])} rows "
                              f"({sum(bool(r['error_type']) for r in result['rows'])} failed), workers busy "
                              f"{BUSY.search(result['line']).group(1)} of the time")
        best = {w: max(r["rate"] for r in rs) for w, rs in runs.items()}
        wall = {w: min(r["wall"] for r in rs) for w, rs in runs.items()}
        report.append(f"Best of {args.rounds}: 1 worker {best[1]:.1f} docs/s, 2 workers {best[2]:.1f} docs/s: "
                      f"speed-up {best[2] / best[1]:.2f}x (wall time of the whole command, start-up included: "
                      f"{wall[1] / wall[2]:.2f}x)")
        report.append(f"Load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

        from bigpage import news_page  # noqa: E402  (benchmarks/ is on sys.path when run as a script)

        hung_warc = tmp / "hung.warc.gz"
        write_warc(hung_warc, pages, extra=[("https://corpus.test/oversized", news_page(HUNG_BYTES).html)])
        result = run(hung_warc, tmp / "hung.jsonl", 2, timeout=HUNG_TIMEOUT)
        killed = [r for r in result["rows"] if r["error_type"] == "WorkerTimeout"]
        assert len(result["rows"]) == len(pages) + 1, "a record was lost"
        assert [r["url"] for r in killed] == ["https://corpus.test/oversized"], "the hung document was not killed"
        report.append(f"Hung document: `{result['command']}` on the same archive plus a "
                      f"{HUNG_BYTES // 2**20} MiB record: {len(result['rows'])} rows, the oversized one "
                      f"`WorkerTimeout` ({killed[0]['error']}), {result['wall']:.1f} s wall; "
                      f"summary: `{result['line']}`")
    text = "\n".join(report)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
