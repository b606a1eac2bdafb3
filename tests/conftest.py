"""Shared test fixtures: the data that lives beside the repository in ``../shared``.

``../shared`` holds the source articles and the external evaluation data. Without
it, the tests that need it are skipped with a reason; with the environment variable
``CI`` set they fail instead, so CI cannot pass without running them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared_path(name: str) -> Path:
    """``../shared/<name>``; skip (or fail under CI) when it is absent."""
    path = SHARED / name
    if not path.exists():
        message = f"{path} is absent: the shared data lives next to the repository"
        if os.environ.get("CI"):
            pytest.fail(message + " and CI is set, so it must not be skipped")
        pytest.skip(message)
    return path


@pytest.fixture
def shared_dir() -> Callable[[str], Path]:
    """A function from a path under ``../shared`` to the path (skip or fail if absent)."""
    return shared_path
