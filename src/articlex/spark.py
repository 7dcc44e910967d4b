"""PySpark: articlex over WARC archives on a cluster (``pip install 'articlex[spark]'``).

``extract_partition`` is the function for ``mapPartitions`` over an RDD of WARC paths: each
path's HTML responses become rows of :func:`articlex.schema.spark_schema` (the same columns as
``articlex batch`` writes to Parquet), a failure being a row with its error. :func:`main` reads
a file of WARC paths (one a line) and writes Parquet; ``examples/spark_warc.py`` runs it::

    spark-submit --master 'local[2]' examples/spark_warc.py warc-paths.txt out.parquet
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Iterator
from typing import Any

from .batch import computing_only, extract_many, read_url_list
from .schema import require, spark_schema

__all__ = ["extract_partition", "extract_warcs", "spark_schema", "main"]


def extract_partition(paths: Iterable[Any], *, fields: Iterable[str] | None = None, provenance: bool = True,
                      **extract_options: Any) -> Iterator[dict[str, Any]]:
    """One row (a dict of the schema's columns) per HTML response of each WARC path, in order.

    ``paths`` holds strings or one-column Rows (as ``spark.read.text`` gives). The documents run
    in this process: Spark's executors are the parallelism. A path that cannot be read gives one
    row with its error, after the rows of the records read before the error.
    """
    keep = None if fields is None else list(fields)
    extract_options = computing_only(keep, extract_options)
    for item in paths:
        path = item if isinstance(item, str) else item[0]
        try:
            for result in extract_many([path], workers=0, **extract_options):
                yield result.to_row(keep, provenance)
        except Exception as exc:  # a missing or corrupt archive is a row, not a failed Spark task
            yield {"input": path, "error_type": type(exc).__name__, "error": str(exc)}


def extract_warcs(spark: Any, paths: list[str], *, fields: Iterable[str] | None = None, provenance: bool = True,
                  **extract_options: Any) -> Any:
    """A DataFrame of the articles in ``paths`` (WARC files), one Spark task per file."""
    keep = None if fields is None else list(fields)
    schema = spark_schema(keep)
    if not provenance:
        schema = type(schema)([f for f in schema.fields if f.name != "provenance"])
    rdd = spark.sparkContext.parallelize(paths, numSlices=max(1, len(paths)))
    rows = rdd.mapPartitions(lambda part: extract_partition(part, fields=keep, provenance=provenance,
                                                            **extract_options))
    return spark.createDataFrame(rows, schema)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="articlex.spark", description="Extract the articles of WARC files "
                                     "with PySpark and write them as Parquet.")
    parser.add_argument("paths", help="a file of WARC paths, one a line (# comments)")
    parser.add_argument("out", help="the Parquet folder to write (replaced if it exists)")
    parser.add_argument("--no-provenance", action="store_true", help="leave the provenance map out")
    args = parser.parse_args(argv)
    require("spark")
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("articlex").getOrCreate()
    frame = extract_warcs(spark, read_url_list(args.paths), provenance=not args.no_provenance)
    frame.write.mode("overwrite").parquet(args.out)
    written = spark.read.parquet(args.out)
    print(f"{written.count()} rows written to {args.out}")
    columns = ("input", "url", "title", "language", "body", "error_type")
    written.orderBy("url").select(*columns).show(1, truncate=60, vertical=True)
    return 0

