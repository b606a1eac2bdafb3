"""Where the watchlists shipped with the package live, in a checkout and in a wheel.

A wheel carries them as ``sanctionscreen/_bundled_watchlists``; an editable or
source checkout reads the project's ``watchlists/`` folder directly.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sanctionscreen.errors import WatchlistError
from sanctionscreen.watchlist.loader import load_watchlist, yaml_files
from sanctionscreen.watchlist.model import Watchlist

_PACKAGE = Path(__file__).resolve().parent.parent


def bundled_dir() -> Path:
    """The folder holding the bundled watchlist YAML files."""
    for candidate in (_PACKAGE / "_bundled_watchlists", _PACKAGE.parent / "watchlists"):
        if candidate.is_dir():
            return candidate
    raise WatchlistError(
        "the bundled watchlists are missing from this installation",
        path=_PACKAGE,
        hint="reinstall sanctionscreen",
    )


@cache
def bundled_watchlists() -> tuple[Watchlist, ...]:
    """The bundled watchlists, read once.

    Their ``source`` reads ``bundled/<file>`` rather than an install path, so results
    are the same wherever the package is installed.
    """
    return tuple(load_watchlist(path).model_copy(update={"source": f"bundled/{path.name}"})
                 for path in yaml_files(bundled_dir()))
