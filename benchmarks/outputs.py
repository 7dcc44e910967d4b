"""Save or compare ``extract().to_dict()`` of every page a speed change must leave alone.

A speed change must not move any output. Save the outputs before the change, compare after:

    python benchmarks/outputs.py --save /tmp/before.json
    python benchmarks/outputs.py --compare /tmp/before.json

The pages: the golden fixtures (``tests/fixtures``, HTML and text), and under ``../shared/corpus``
the ScrapingHub pages, the labelled pages (HTML and text dumps), newspaper4k's and Readability's
test pages, and with ``--wcxb`` the WCXB development pages. Each page is given as bytes, as
read from disk (gzip undone), with the URL the corpus gives when it gives one. ``--fields``
compares ``extract(..., fields=...)`` against the saved full outputs on those fields only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
NOW = datetime(2027, 1, 1, 0, 0, tzinfo=timezone.utc)
"""A fixed reference time: relative dates ("2 hours ago") must not make two runs differ."""


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def pages(wcxb: bool = False):
    """(name, bytes, url) of every page, in a fixed order."""
    for folder in sorted((ROOT / "tests" / "fixtures").iterdir()):
        for leaf in ("page.html", "page.txt"):
            if (folder / leaf).is_file():
                yield f"fixtures/{folder.name}/{leaf}", (folder / leaf).read_bytes(), None
    if not CORPUS.is_dir():
        return
    truth = json.loads((CORPUS / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        path = CORPUS / "scrapinghub" / "html" / f"{page_id}.html.gz"
        yield f"scrapinghub/{page_id}", _read(path), truth[page_id].get("url") or None
    for path in sorted((CORPUS / "pages").glob("*.*")):
        if path.suffix in (".html", ".txt"):
            yield f"pages/{path.name}", path.read_bytes(), None
    for path in sorted((CORPUS / "newspaper").glob("*/*.*")):
        if path.suffix in (".html", ".txt"):
            yield f"newspaper/{path.parent.name}/{path.name}", path.read_bytes(), None
    for path in sorted((CORPUS / "readability").glob("*/source.html")):
        yield f"readability/{path.parent.name}", path.read_bytes(), "http://fakehost/test/page.html"
    if wcxb:
        for path in sorted((CORPUS / "wcxb-dev" / "html").glob("*.html*")):
            yield f"wcxb/{path.name}", _read(path), None


def outputs(wcxb: bool = False, fields=None) -> dict:
    import articlex

    out = {}
    options = {"now": NOW} if fields is None else {"now": NOW, "fields": fields}
    for name, data, url in pages(wcxb):
        try:
            out[name] = articlex.extract(data, url=url, **options).to_dict()
        except articlex.ArticlexError as exc:
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


def compare(saved: dict, now: dict, fields=None) -> list[str]:
    """One line per page and field that differs."""
    diffs = []
    for name in sorted(set(saved) | set(now)):
        before, after = saved.get(name), now.get(name)
        if before is None or after is None:
            diffs.append(f"{name}: only {'after' if before is None else 'before'}")
            continue
        keys = set(before) | set(after) if fields is None else set(fields) & set(before)
        for key in sorted(keys):
            if before.get(key) != after.get(key):
                diffs.append(f"{name}: {key}: {str(before.get(key))[:80]!r} -> {str(after.get(key))[:80]!r}")
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--save", type=Path, help="write the outputs here")
    what.add_argument("--compare", type=Path, help="compare the outputs with this saved file")
    ap.add_argument("--wcxb", action="store_true", help="the WCXB development pages too (1,358 more)")
    ap.add_argument("--fields", help="comma-separated: extract only these and compare them")
    args = ap.parse_args()
    fields = tuple(args.fields.split(",")) if args.fields else None
    now = outputs(args.wcxb, fields)
    if args.save:
        args.save.write_text(json.dumps(now, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"{len(now)} pages saved to {args.save}")
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    if not args.wcxb:
        saved = {name: value for name, value in saved.items() if not name.startswith("wcxb/")}
    diffs = compare(saved, json.loads(json.dumps(now, ensure_ascii=False)), fields)
    for line in diffs:
        print(line)
    print(f"{len(now)} pages compared, {len(diffs)} differences")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
