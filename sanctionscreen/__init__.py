"""sanctionscreen: explainable screening of supplier names against watchlists."""

from __future__ import annotations

__version__ = "0.1.0"
