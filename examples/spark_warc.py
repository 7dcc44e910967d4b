"""Extract the articles of WARC files with PySpark and write them as Parquet.

    spark-submit --master 'local[2]' examples/spark_warc.py warc-paths.txt out.parquet

``warc-paths.txt`` lists one WARC path a line (local paths, or any path the cluster's Python
can open). The work is :func:`articlex.spark.extract_partition` over one Spark task per file.
"""

import sys

from articlex.spark import main

sys.exit(main())
