"""Fixtures for the importer tests: the real list files in ``../shared/eval/lists``.

The files are not in the repository. Without them the tests that need them are
skipped with a reason; with the environment variable ``CI`` set they fail instead,
so CI cannot pass without running them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def eval_lists(shared_dir: Callable[[str], Path]) -> Path:
    """The folder of real list files."""
    return shared_dir("eval/lists")


@pytest.fixture
def data_dir() -> Path:
    """Hand-written sample files for the formats no real file ships for."""
    return DATA
