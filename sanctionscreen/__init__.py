"""sanctionscreen: explainable screening of supplier names against watchlists.

>>> import sanctionscreen
>>> sanctionscreen.screen("Dalian Tianbao Intl Logistics Co Ltd").decision
'match'
"""

from __future__ import annotations

__version__ = "0.1.0"

# First: it chooses the compiled or the source form of the modules imported below.
from sanctionscreen import native  # noqa: F401
from sanctionscreen.batch import RunSummary, screen_file
from sanctionscreen.errors import (
    ConfigurationError,
    InputError,
    ListFormatError,
    SanctionscreenError,
    WatchlistError,
)
from sanctionscreen.importers import load_list
from sanctionscreen.results import (
    Comparison,
    Explanation,
    Hit,
    ListInfo,
    NormalisedName,
    ScreeningResult,
)
from sanctionscreen.screener import Screener, compare, screen
from sanctionscreen.settings import Settings, Thresholds
from sanctionscreen.text.normalize import normalise
from sanctionscreen.watchlist.loader import load_watchlist
from sanctionscreen.watchlist.model import Alias, Entity, Watchlist

__all__ = [
    "Alias",
    "Comparison",
    "ConfigurationError",
    "Entity",
    "Explanation",
    "Hit",
    "InputError",
    "ListFormatError",
    "ListInfo",
    "NormalisedName",
    "RunSummary",
    "SanctionscreenError",
    "Screener",
    "ScreeningResult",
    "Settings",
    "Thresholds",
    "Watchlist",
    "WatchlistError",
    "__version__",
    "compare",
    "load_list",
    "load_watchlist",
    "normalise",
    "screen",
    "screen_file",
]
