"""Fixtures for the watchlist tests: paths to the shared articles and official lists.

The shared data sits next to the repository (``<repo>/../shared``). When it is
missing the tests that need it are skipped, except under ``CI``, where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"


def _shared_dir(name: str) -> Path:
    path = SHARED / name
    if not path.is_dir():
        message = f"{path} is absent: the shared data lives next to the repository"
        if os.environ.get("CI"):
            pytest.fail(message + " and CI is set, so it must not be skipped")
        pytest.skip(message)
    return path


@pytest.fixture
def shared_dir() -> Callable[[str], Path]:
    """A function from a folder name under ``../shared`` to its path (skip or fail if absent)."""
    return _shared_dir


@pytest.fixture
def articles_dir() -> Path:
    """``../shared/articles``: the five source articles."""
    return _shared_dir("articles")


@pytest.fixture
def eval_lists_dir() -> Path:
    """``../shared/eval/lists``: official list files as published."""
    return _shared_dir("eval/lists")
