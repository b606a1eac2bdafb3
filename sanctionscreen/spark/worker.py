"""The workers' side: one screener per Python worker, built lazily, checked by hash.

Each Spark Python worker builds its :class:`Screener` the first time a task needs
it, from the list files shipped with ``SparkContext.addFile``, and keeps it in
``_SCREENERS`` for the worker's later tasks (Spark reuses Python workers). Before
use, the lists it loaded must have the content hashes the driver found, and the
settings the driver's hash: otherwise the task fails, naming the list and both
hashes. Screeners are never pickled; only the small :class:`Plan` travels.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sanctionscreen.errors import ConfigurationError
from sanctionscreen.screener import Screener
from sanctionscreen.spark.columns import COLUMNS, NAMES, result_row
from sanctionscreen.spark.plan import Plan

_SCREENERS: dict[tuple[object, ...], Screener] = {}  # by Plan.key, in this process
KEEP_SCREENERS = 2  # screeners a worker keeps (each holds its lists' index in memory)


def screener_for(plan: Plan) -> Screener:
    """This process's screener for ``plan``: built once, and checked against it."""
    screener = _SCREENERS.get(plan.key)
    if screener is None:
        screener = Screener([_local_path(item.source, item.name) for item in plan.lists],
                            thresholds=dict(plan.thresholds), types=plan.types,
                            recorded_sources=plan.sources,
                            build_processes=1)  # an executor's worker owns one core
        check(screener, plan)
        if len(_SCREENERS) >= KEEP_SCREENERS:  # a sweep of settings keeps only the last
            del _SCREENERS[next(iter(_SCREENERS))]
        _SCREENERS[plan.key] = screener
    return screener


def check(screener: Screener, plan: Plan) -> None:
    """:class:`ConfigurationError` unless ``screener`` has the plan's lists (ids and
    content hashes, in order), settings hash and library version."""
    from sanctionscreen import __version__

    found = [(info.id, info.content_hash) for info in screener.lists_info]
    expected = dict(plan.expected)
    for list_id, content_hash in found:
        wanted = expected.get(list_id)
        if wanted is None:
            raise ConfigurationError(
                f"this Spark worker loaded list {list_id!r}, which the driver did not",
                hint="ship the same list files to every worker")
        if wanted != content_hash:
            raise ConfigurationError(
                f"list {list_id!r} on this Spark worker has content hash {content_hash}, "
                f"but the driver loaded {wanted}",
                hint="a worker read a different file: ship the lists again, or check "
                     "that no node has its own copy under the same name")
    missing = sorted(set(expected) - {list_id for list_id, _ in found})
    if missing:
        raise ConfigurationError(f"this Spark worker did not load list {missing[0]!r}",
                                 hint="ship the same list files to every worker")
    if screener.settings.fingerprint() != plan.settings_hash:
        raise ConfigurationError(
            f"the settings on this Spark worker hash to {screener.settings.fingerprint()}, "
            f"the driver's to {plan.settings_hash}",
            hint="install the same sanctionscreen version on the driver and every worker")
    if __version__ != plan.library_version:
        raise ConfigurationError(
            f"this Spark worker runs sanctionscreen {__version__}, the driver "
            f"{plan.library_version}", hint="install one version everywhere")


def _local_path(source: str, name: str | None) -> str:
    """Where this worker reads a list: the shipped copy (``SparkFiles``), or the
    bundled lists."""
    if name is None:
        return source
    from pyspark import SparkFiles

    return SparkFiles.get(name)


def screen_batches(batches: Iterator[Any], *, plan: Plan, name_col: str,
                   country_col: str | None) -> Iterator[Any]:
    """``mapInArrow``'s function: each Arrow record batch with the added columns.

    Every input row gives one output row, in order; a null name is screened as an
    empty one (decision ``error``, "the name is empty").
    """
    import pyarrow as pa  # type: ignore[import-untyped]

    types = {"string": pa.string(), "double": pa.float64(), "int": pa.int32()}
    screener: Screener | None = None
    for batch in batches:
        if screener is None:
            screener = screener_for(plan)
        names = batch.column(name_col).to_pylist()
        countries = (batch.column(country_col).to_pylist() if country_col is not None
                     else [None] * len(names))
        rows = [result_row(result) for result in
                screener.screen_many(list(zip(names, countries, strict=True)))]
        added = [pa.array([row[name] for row in rows], type=types[kind])
                 for name, kind in COLUMNS]
        yield pa.RecordBatch.from_arrays(
            [*batch.columns, *added],
            names=[*batch.schema.names, *NAMES])
