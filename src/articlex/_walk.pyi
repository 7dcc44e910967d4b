"""Types of the compiled block walk and loading checks (``_walk.pyx``), for type checkers."""

from collections.abc import Callable
from typing import Any

BUILT_WITH_LXML: str
WALK_API: int

def walk(root: Any, base_url: str | None, index: Any, skips: Callable[..., bool], shown: set[Any],
         swallowed: list[Any], rules: Any, over: Callable[[], bool], check_every: int,
         gathered: list[tuple[str, Any]] | None = None) -> tuple[list[Any], bool]: ...

def tree_shape(root: Any, depth: int) -> tuple[int, bool]: ...

SCAN_BUDGET: int

def may_hold_crowded_tag(text: str, limit: int) -> bool: ...

def markup_facts(text: str, limit: int) -> tuple[int, bool, int]: ...
