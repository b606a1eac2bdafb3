"""Fixtures for the watchlist tests: paths to the shared articles and official lists.

The shared data sits next to the repository (``<repo>/../shared``). When it is
missing the tests that need it are skipped, except under ``CI``, where they fail.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def articles_dir(shared_dir: Callable[[str], Path]) -> Path:
    """``../shared/articles``: the five source articles."""
    return shared_dir("articles")


@pytest.fixture
def eval_lists_dir(shared_dir: Callable[[str], Path]) -> Path:
    """``../shared/eval/lists``: official list files as published."""
    return shared_dir("eval/lists")
