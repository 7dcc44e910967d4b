"""The Article JSON Schema: generated from the dataclasses, published in docs/, met by every fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlex
from articlex.schema import json_schema
from support import fixture_names, source

DOCS_SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "article.schema.json"


def test_the_published_schema_is_the_generated_one() -> None:
    """docs/article.schema.json is rewritten by `python -m articlex.schema > docs/article.schema.json`."""
    assert json.loads(DOCS_SCHEMA.read_text(encoding="utf-8")) == json_schema()


@pytest.mark.parametrize("mode", ["html", "text"])
def test_every_fixture_validates(mode) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())
    for name in fixture_names():
        errors = [e.message for e in validator.iter_errors(articlex.extract(source(name, mode)).to_dict())]
        assert errors == [], name


def test_the_schema_refuses_what_the_model_cannot_hold() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    good = articlex.Article(title="T", body="B").to_dict()
    validator = jsonschema.Draft202012Validator(json_schema())
    assert validator.is_valid(good)
    for broken in ({**good, "title": 3}, {**good, "blocks": [{"kind": "poem", "text": "x"}]},
                   {**good, "extra": 1}, {k: v for k, v in good.items() if k != "body"},
                   {**good, "counters": {"views": "many", "comments": None}}):
        assert not validator.is_valid(broken)


def test_arrow_and_spark_schemas_have_the_same_columns() -> None:
    pa = pytest.importorskip("pyarrow")
    from articlex.schema import arrow_schema

    names = arrow_schema().names
    assert names[:4] == ["input", "crawl_date", "error_type", "error"]
    assert names[4:] == list(json_schema()["properties"])
    assert arrow_schema().field("provenance").type == pa.map_(
        pa.string(), pa.struct([("strategy", pa.string()), ("path", pa.string()), ("confidence", pa.float64())]))
