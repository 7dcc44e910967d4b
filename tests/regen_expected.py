"""Rewrite fixtures' expected.json from what articlex extracts now, after a reviewed change.

    python tests/regen_expected.py                 # every fixture, every field
    python tests/regen_expected.py en-jnews --field body --field related

Prints a diff of every value it changes; review it (git diff) before committing. Fields listed
in tests/fixtures/known_gaps.toml keep their hand-written truth unless --include-gaps is given.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import articlex  # noqa: E402
from support import FIXTURES, MODES, comparable, expected, fixture_names, known_gaps, source  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="fixture folders (default: all)")
    parser.add_argument("--field", action="append", help="only these fields (repeatable)")
    parser.add_argument("--include-gaps", action="store_true", help="also overwrite known gaps")
    args = parser.parse_args(argv)
    gaps = {} if args.include_gaps else known_gaps()
    for name in args.names or fixture_names():
        want = expected(name)
        changed = False
        for mode in MODES:
            got = articlex.extract(source(name, mode)).to_dict()
            for field in args.field or list(want[mode]):
                if (name, mode, field) in gaps:
                    continue
                new = comparable(field, got.get(field), want[mode].get(field))
                if new != want[mode].get(field):
                    _show(name, mode, field, want[mode].get(field), new)
                    want[mode][field] = new
                    changed = True
        if changed:
            path = FIXTURES / name / "expected.json"
            path.write_text(json.dumps(want, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


def _show(name: str, mode: str, field: str, old, new) -> None:
    lines = difflib.unified_diff(json.dumps(old, ensure_ascii=False, indent=1).splitlines(),
                                 json.dumps(new, ensure_ascii=False, indent=1).splitlines(),
                                 f"{name}/{mode}/{field} (was)", f"{name}/{mode}/{field} (now)", lineterm="")
    print("\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
