"""The package type-checks under ``mypy --strict`` (config: [tool.mypy] in pyproject.toml), and a
caller's wrong argument type is caught by the checker, not only at run time."""

from __future__ import annotations

import re
import subprocess
import sys

from support import TESTS

ROOT = TESTS.parent

CALLER = '''
import articlex

articlex.extract("<p>fine</p>")
articlex.extract(b"<p>fine</p>")
articlex.extract(42)
articlex.extract("<p>fine</p>", url=42)
'''
WRONG_CALLS = [("6", "arg-type"), ("7", "arg-type")]
"""extract(42) and url=42: the lines of CALLER the checker must refuse, and why."""
CALLER_ERROR = re.compile(r"caller\.py:(\d+): error: .*\[([\w-]+)\]$")


def test_the_package_and_a_caller_type_check_strictly(tmp_path) -> None:
    caller = tmp_path / "caller.py"
    caller.write_text(CALLER, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "mypy", "src/articlex", str(caller)], cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert [line for line in errors if "caller.py" not in line] == [], run.stdout
    assert sorted(m.groups() for m in map(CALLER_ERROR.search, errors) if m) == WRONG_CALLS, run.stdout
    assert run.returncode == 1, run.stdout + run.stderr
