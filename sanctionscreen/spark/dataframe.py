"""``screen_dataframe``: screen a name column of a Spark DataFrame on the executors.

The driver makes a :class:`~sanctionscreen.spark.plan.Plan` (lists loaded once to
learn their hashes), ships the list files, and maps every partition through
``worker.screen_batches`` with ``mapInArrow`` and a fixed schema: the input columns,
then ``columns.COLUMNS``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sanctionscreen.errors import ConfigurationError
from sanctionscreen.settings import Thresholds
from sanctionscreen.spark.columns import NAMES, spark_fields
from sanctionscreen.spark.plan import make_plan, ship
from sanctionscreen.spark.worker import screen_batches

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


def screen_dataframe(df: DataFrame, *, name_col: str, country_col: str | None = None,
                     id_col: str | None = None,
                     lists: str | Path | Sequence[str | Path] | None = None,
                     thresholds: Thresholds | dict[str, float] | None = None,
                     types: Iterable[str] | None = None) -> DataFrame:
    """``df`` with the screening columns added to every row (``columns.COLUMNS``).

    ``name_col`` (and ``country_col``, codes such as ``"KP"``) must be string columns;
    ``id_col``, when given, must exist (it is kept as is, like every input column).
    ``lists``: ``"bundled"`` and paths of list files or folders (default: the bundled
    lists); ``thresholds`` and ``types`` as for :class:`~sanctionscreen.Screener`.
    Every input row gives exactly one output row; a row whose name cannot be
    screened (null, empty, too long) has decision ``error`` and says why. Lazy, like
    any transformation: the screening runs when the result is written or collected.
    """
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StringType, StructType

    if not isinstance(df, DataFrame):
        raise ConfigurationError(f"screen_dataframe takes a Spark DataFrame, not "
                                 f"{type(df).__name__}",
                                 hint="for a list of names, use Screener.screen_many")
    fields = {field.name: field for field in df.schema.fields}
    for role, column in (("name", name_col), ("country", country_col), ("id", id_col)):
        if column is None:
            continue
        if column not in fields:
            raise ConfigurationError(
                f"no {role} column {column!r} in the DataFrame",
                hint=f"choose among {', '.join(map(repr, fields))}")
        if role != "id" and not isinstance(fields[column].dataType, StringType):
            raise ConfigurationError(
                f"the {role} column {column!r} holds {fields[column].dataType.simpleString()}"
                ", not strings", hint=f"cast it first: df.withColumn({column!r}, "
                f"df[{column!r}].cast('string'))")
    folded = {name.casefold() for name in fields}  # Spark's column names ignore case
    taken = [name for name in NAMES if name.casefold() in folded]
    if taken:
        raise ConfigurationError(
            f"the DataFrame already has a column {taken[0]!r}, which screening adds",
            hint="rename it first: df.withColumnRenamed(...)")
    plan = make_plan(lists, thresholds=thresholds, types=types)
    ship(df.sparkSession.sparkContext, plan)
    schema = StructType([*df.schema.fields, *spark_fields()])
    work = functools.partial(screen_batches, plan=plan, name_col=name_col,
                             country_col=country_col)
    return df.mapInArrow(work, schema)
