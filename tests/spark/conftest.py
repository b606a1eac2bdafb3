"""One small local Spark session for every Spark test (``local[2]``, no UI).

Without pyspark (the ``spark`` extra) the Spark tests are skipped with a reason;
with the environment variable ``CI`` set they fail instead. Workers run this
interpreter (``PYSPARK_PYTHON``), so they import the installed sanctionscreen.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


def _need(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        message = f"{module} is not installed: install the extra, pip install -e '.[spark]'"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so Spark tests must not be skipped)")
        pytest.skip(message)


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """The shared ``local[2]`` session: two shuffle partitions, UI off."""
    _need("pyspark")
    _need("pyarrow")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master("local[2]").appName("sanctionscreen-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.memory", "1g")
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "500")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture
def ofac(shared_dir: Callable[[str], Path]) -> Path:
    """The OFAC SDN 2024-05 folder from ``../shared/eval/lists``."""
    return shared_dir("eval/lists/ofac-sdn-2024-05")
