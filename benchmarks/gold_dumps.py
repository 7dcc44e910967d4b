"""Metadata against a gold, from the HTML and from text dumps of the same pages.

The Readability test pages (``../shared/corpus/readability``) come with a corrected gold for the
title (the headline as shown), the byline (people only) and the publication date; none of their
sites was written for. Each real page (the synthetic unit-test pages left out) is read three ways:
from its HTML, from a ``render_text`` dump and from an ``html-text`` dump (the renderers of
``benchmarks/agreement.py``), and each field is scored with the scorer of
``../shared/tools/eval_meta_fair.py`` (same normalisation, same rules). Where
``agreement.py`` measures whether a dump gives what the HTML gives, this measures whether it is
right.

A date or a name the page gives in its metadata only is out of reach of a dump: the score of a
dump is bounded by what it prints, which ``--misses`` shows page by page.

Usage::

    python benchmarks/gold_dumps.py                 # the table
    python benchmarks/gold_dumps.py --misses        # every miss and invented byline
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType

import articlex

sys.path.insert(0, str(Path(__file__).resolve().parent))
import agreement  # noqa: E402  (benchmarks/agreement.py: the renderers)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "tools" / "eval_meta_fair.py"
FIELDS = ("title", "byline", "date", "lang")


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_meta_fair", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(scorer: ModuleType, source: str) -> dict[str, object]:
    try:
        article = articlex.extract(source, url=scorer.URL)
    except articlex.ArticlexError:
        return {}
    return {"title": article.title, "byline": article.attribution.authors, "date": article.published,
            "lang": article.language}


def run(scorer: ModuleType, inputs: dict[str, object], show: bool = False) -> dict[str, dict[str, tuple[int, int]]]:
    """Per input (the names of ``inputs``: 'HTML' and the renderers'): per field, (right, scored);
    'none_ok' counts the pages without a byline where nobody is named; 'printed KEY' counts, for a
    dump, the gold values it prints."""
    gold_file = json.loads(Path(scorer.GOLD).read_text(encoding="utf-8"))
    cases = sorted(k for k, v in gold_file.items() if not k.startswith("_") and not v.get("synthetic"))
    keys = (*FIELDS, "none_ok", *(f"printed {k}" for k in FIELDS[:3]))
    scores: dict[str, dict[str, list[int]]] = {name: {f: [0, 0] for f in keys} for name in inputs}
    for case in cases:
        folder = Path(scorer.CORPUS) / case
        meta = json.loads(scorer.read(str(folder / "expected-metadata.json")))
        gold = {"title": gold_file[case]["title"], "byline": gold_file[case]["byline"],
                "date": meta.get("publishedTime"), "lang": meta.get("lang")}
        html = scorer.read(str(folder / "source.html"))
        for name, render in inputs.items():
            source = html if render is None else (render(html.encode("utf-8")) or " ")
            found = _read(scorer, source)
            if render is not None:
                for key in ("title", "byline", "date"):
                    if gold[key] not in (None, "", []) and (key != "byline" or scorer.names(gold[key])):
                        scores[name]["printed " + key][0] += _printed(scorer, key, gold[key], source)
            if not scorer.names(gold["byline"]):
                named = bool(scorer.names(found.get("byline")))
                scores[name]["none_ok"][0] += not named
                scores[name]["none_ok"][1] += 1
                if show and named:
                    print(f"[{name}] invented byline {case}: {found.get('byline')!r}")
            for key in FIELDS:
                if gold[key] in (None, "", []) or (key == "byline" and not scorer.names(gold[key])):
                    continue
                hit = scorer.same(key, found.get(key), gold[key])
                scores[name][key][0] += hit
                scores[name][key][1] += 1
                if key != "lang":
                    scores[name]["printed " + key][1] += 1
                if show and not hit and key != "lang":
                    print(f"[{name}] {key} {case}: gold={gold[key]!r:.80} found={found.get(key)!r:.80}")
    return {name: {k: (v[0], v[1]) for k, v in fields.items()} for name, fields in scores.items()}


def _printed(scorer: ModuleType, key: str, gold: object, dump: str) -> bool:
    """Whether the dump prints the gold value at all: the title as a line, every name of the byline,
    a date on the gold day."""
    if key == "date":
        return scorer.day(gold) in agreement._printed_days(dump, None)
    lines = {scorer.norm(line) for line in dump.splitlines()}
    if key == "title":
        return scorer.norm(gold) in lines
    flat = _words(scorer.norm(dump))
    return all(_words(name) in flat for name in scorer.names(gold))


def _words(text: str) -> str:
    """The words of a text between spaces, so that a name is found whole ('Jane Doe' not in 'Jane Doeson')."""
    return " " + " ".join(_NON_WORD.sub(" ", text).split()) + " "


_NON_WORD = re.compile(r"[^\w]+")


def table(scores: dict[str, dict[str, tuple[int, int]]]) -> str:
    rows = ["| input | title | byline | date | language | no byline named where none "
            "| printed: title, byline, date |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, fields in scores.items():
        cells = [f"{right / n:.2f} ({right}/{n})" if n else "–" for right, n in
                 (fields[k] for k in (*FIELDS, "none_ok"))]
        shown = [fields[f"printed {k}"] for k in FIELDS[:3]]
        cells.append(", ".join(f"{right / n:.2f}" for right, n in shown) if any(r for r, _ in shown) else "–")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", type=Path, default=SCORER, help="path of eval_meta_fair.py")
    ap.add_argument("--render-text", type=Path, default=agreement.DEFAULT_RENDER_TEXT, help="path of render_text.py")
    ap.add_argument("--misses", action="store_true", help="print every miss and every invented byline")
    args = ap.parse_args(argv)
    if not args.scorer.exists():
        print(f"no scorer at {args.scorer}", file=sys.stderr)
        return 2
    inputs = {"HTML": None, "render_text dump": agreement._load_render_text(args.render_text),
              "html-text dump": agreement._html_text}
    print(table(run(_scorer(args.scorer), inputs, args.misses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
