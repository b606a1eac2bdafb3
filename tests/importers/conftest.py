"""Fixtures for the importer tests: the real list files in ``../shared/eval/lists``.

The files are not in the repository. Without them the tests that need them are
skipped with a reason; with the environment variable ``CI`` set they fail instead,
so CI cannot pass without running them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

EVAL_LISTS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "lists"
DATA = Path(__file__).resolve().parent / "data"


def need(path: Path) -> Path:
    """``path`` if it exists; else skip (or fail under CI) naming what is missing."""
    if not path.exists():
        message = f"{path} is absent: the real list files live in ../shared/eval/lists"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this must not be skipped)")
        pytest.skip(message)
    return path


@pytest.fixture
def eval_lists() -> Path:
    """The folder of real list files."""
    return need(EVAL_LISTS)


@pytest.fixture
def data_dir() -> Path:
    """Hand-written sample files for the formats no real file ships for."""
    return DATA
