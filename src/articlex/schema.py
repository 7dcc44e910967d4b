"""The shape of ``Article.to_dict()``, read from the dataclasses: JSON Schema, Arrow and Spark.

One walk over the type hints of :class:`~articlex.model.Article` gives all three, so they never
drift apart from the model. ``python -m articlex.schema`` prints the JSON Schema
(``docs/article.schema.json`` is its output). Dates are ISO 8601 strings everywhere (an offset
is kept as the page gave it, which an Arrow timestamp would not do).
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
import textwrap
import types
import typing
from datetime import datetime
from functools import lru_cache
from typing import Any

from .model import BLOCK_KINDS, STRATEGIES, Article, Block, Provenance

__all__ = ["json_schema", "arrow_schema", "spark_schema", "ROW_FIELDS", "require"]

ENUMS: dict[tuple[type | None, str | None], tuple[str, ...]] = {
    (Block, "kind"): BLOCK_KINDS, (Provenance, "strategy"): STRATEGIES}
"""Fields whose strings come from a closed list."""

ROW_FIELDS = (
    ("input", str, "the input the row comes from: a path, a URL, or WARC_PATH#WARC-Record-ID"),
    ("crawl_date", str | None, "when the page was fetched (WARC-Date), ISO 8601"),
    ("error_type", str | None, "the exception's class name when the input failed, else null"),
    ("error", str | None, "the exception's message when the input failed, else null"),
)
"""The columns a batch row adds before the Article's own fields (a failed row has only these, and url)."""

EXTRAS = {
    "warc": ("fastwarc", "articlex[warc]"),
    "parquet": ("pyarrow", "articlex[parquet]"),
    "spark": ("pyspark", "articlex[spark]"),
    "batch": ("tqdm", "articlex[batch]"),
}
"""The optional module each extra brings, and the name to give pip."""


def require(extra: str) -> types.ModuleType:
    """The module an extra brings, or an ImportError naming the pip install that brings it."""
    module, package = EXTRAS[extra]
    try:
        return __import__(module)
    except ImportError:
        raise ImportError(f"this needs the {extra} extra: pip install '{package}'") from None


# --- The walk -----------------------------------------------------------------------------------

def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _optional(hint: Any) -> tuple[Any, bool]:
    """(the type inside ``X | None``, whether None was allowed)."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0], True
    return hint, False


@lru_cache(maxsize=None)
def _field_docs(cls: type) -> dict[str, str]:
    """The docstring under each field of a dataclass (read from its source)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    docs = {}
    for node, after in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and isinstance(after, ast.Expr) \
                and isinstance(after.value, ast.Constant):
            docs[node.target.id] = " ".join(str(after.value.value).split())
    return docs


# --- JSON Schema --------------------------------------------------------------------------------

def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``Article.to_dict()``."""
    schema = _json_type(Article)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Article",
            "description": " ".join((Article.__doc__ or "").split()), **schema}


def _json_type(hint: Any, owner: type | None = None, name: str | None = None) -> dict[str, Any]:
    inner, nullable = _optional(hint)
    out = _json_plain(inner, owner, name)
    if nullable:
        out = {"anyOf": [out, {"type": "null"}]}
    return out


def _json_plain(hint: Any, owner: type | None, name: str | None) -> dict[str, Any]:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints, docs = _hints(hint), _field_docs(hint)
        props = {}
        for f in dataclasses.fields(hint):
            props[f.name] = _json_type(hints[f.name], hint, f.name)
            if f.name in docs:
                props[f.name]["description"] = docs[f.name]
        return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}
    if origin is list:
        return {"type": "array", "items": _json_type(args[0])}
    if origin is dict:
        return {"type": "object", "additionalProperties": _json_type(args[1])}
    if hint is datetime:
        return {"type": "string", "format": "date-time"}
    if (owner, name) in ENUMS:
        return {"type": "string", "enum": list(ENUMS[owner, name])}
    return {"type": {str: "string", int: "integer", float: "number", bool: "boolean"}[hint]}


# --- Arrow and Spark ------------------------------------------------------------------------------

def arrow_schema(fields: typing.Iterable[str] | None = None) -> Any:
    """The Arrow schema of a batch row: ``ROW_FIELDS``, then the Article's fields (or ``fields``)."""
    pa = require("parquet")
    return pa.schema([pa.field(name, _arrow(hint, pa), nullable=True) for name, hint in _row_hints(fields)])


def spark_schema(fields: typing.Iterable[str] | None = None) -> Any:
    """The Spark ``StructType`` of a batch row, the same columns as :func:`arrow_schema`."""
    require("spark")
    from pyspark.sql import types as st

    return st.StructType([st.StructField(name, _spark(hint, st), True) for name, hint in _row_hints(fields)])


def _row_hints(fields: typing.Iterable[str] | None) -> list[tuple[str, Any]]:
    hints = _hints(Article)
    chosen = list(hints) if fields is None else [f for f in hints if f in set(fields) or f == "url"]
    return [(name, hint) for name, hint, _ in ROW_FIELDS] + [(name, hints[name]) for name in chosen]


def _arrow(hint: Any, pa: Any) -> Any:
    hint, _ = _optional(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return pa.struct([pa.field(f.name, _arrow(hints[f.name], pa)) for f in dataclasses.fields(hint)])
    if origin is list:
        return pa.list_(_arrow(args[0], pa))
    if origin is dict:
        return pa.map_(pa.string(), _arrow(args[1], pa))
    return {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), datetime: pa.string()}[hint]


def _spark(hint: Any, st: Any) -> Any:
    hint, _ = _optional(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return st.StructType([st.StructField(f.name, _spark(hints[f.name], st), True)
                              for f in dataclasses.fields(hint)])
    if origin is list:
        return st.ArrayType(_spark(args[0], st), True)
    if origin is dict:
        return st.MapType(st.StringType(), _spark(args[1], st), True)
    return {str: st.StringType(), int: st.LongType(), float: st.DoubleType(), bool: st.BooleanType(),
            datetime: st.StringType()}[hint]


def main() -> None:
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
