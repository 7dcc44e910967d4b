"""Types of the compiled block walk (``_walk.pyx``), for type checkers."""

from collections.abc import Callable
from typing import Any

BUILT_WITH_LXML: str

def walk(root: Any, builder: Any, index: Any, skips: Callable[..., bool], shown: set[Any], swallowed: list[Any],
         rules: tuple[Any, ...]) -> None: ...
