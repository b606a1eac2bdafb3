"""Screen Spark DataFrames: ``sanctionscreen[spark]`` (pyspark 4, pyarrow, pandas).

:func:`screen_dataframe` adds the screening columns (``columns.COLUMNS``) to every
row of a DataFrame; ``python -m sanctionscreen.spark`` does it for a CSV or Parquet
file under ``spark-submit`` (``submit.py``). How lists reach the workers and are
pinned by hash: ``docs/spark.md``.
"""

from __future__ import annotations

from sanctionscreen.spark.columns import COLUMNS, result_row
from sanctionscreen.spark.dataframe import screen_dataframe

__all__ = ["COLUMNS", "result_row", "screen_dataframe"]
