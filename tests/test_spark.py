"""PySpark on local[2]: WARC paths in, one row per HTML record out, the schema, a Parquet round trip."""

from __future__ import annotations

import os
import shutil
import sys

import pytest

from warcs import SAMPLE_HTML_URLS, sample_records, write_warc

pytestmark = pytest.mark.spark
pyspark = pytest.importorskip("pyspark", reason="the spark extra is not installed")

from articlex.schema import spark_schema  # noqa: E402
from articlex.spark import extract_partition, extract_warcs, main  # noqa: E402


@pytest.fixture(scope="session")
def spark():
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("no Java runtime, but CI is set: .ci/run installs default-jre-headless")
        pytest.skip("no Java runtime (apt-get install default-jre-headless)")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # executors run this venv's Python, with articlex
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("articlex-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
               .getOrCreate())
    yield session
    session.stop()


@pytest.fixture
def warcs(tmp_path):
    return [str(write_warc(tmp_path / name, sample_records())) for name in ("one.warc.gz", "two.warc")]


def test_a_partition_gives_one_row_per_html_record_and_one_per_broken_path(warcs, tmp_path) -> None:
    rows = list(extract_partition([warcs[0], str(tmp_path / "missing.warc.gz")]))
    assert [r["url"] for r in rows[:5]] == SAMPLE_HTML_URLS and rows[0]["title"] == "Harbour story number 1"
    assert rows[5]["input"].endswith("missing.warc.gz") and rows[5]["error_type"]


def test_a_dataframe_of_warc_paths_has_every_row_and_the_schema(spark, warcs, tmp_path) -> None:
    frame = extract_warcs(spark, warcs)
    assert frame.schema == spark_schema()
    rows = frame.collect()
    assert len(rows) == 10 and [r.url for r in rows] == SAMPLE_HTML_URLS * 2
    assert rows[0].counters.views is None and rows[0].provenance["title"].strategy
    out = str(tmp_path / "out.parquet")
    frame.write.parquet(out)
    back = spark.read.parquet(out)
    assert back.count() == 10 and back.schema == spark_schema()
    assert sorted(r.title for r in back.collect()) == sorted(r.title for r in rows)


def test_the_spark_submit_script_writes_parquet(spark, warcs, tmp_path, capsys) -> None:
    listing = tmp_path / "paths.txt"
    listing.write_text("\n".join(warcs) + "\n")
    out = str(tmp_path / "script.parquet")
    assert main([str(listing), out, "--no-provenance"]) == 0
    assert "10 rows written" in capsys.readouterr().out
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == 10 and "provenance" not in table.column_names
