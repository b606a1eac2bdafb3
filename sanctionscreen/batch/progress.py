"""A one-line progress counter on standard error, shown only when it is a terminal.

Written here rather than taken from tqdm or rich: the total is unknown while a
file streams, so all it shows is rows done, flagged rows and the rate.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_EVERY_SECONDS = 0.2


class Progress:
    """Counts rows; redraws at most five times a second; silent unless enabled."""

    def __init__(self, *, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self._stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self._start = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def update(self, rows: int, flagged: int) -> None:
        """Show the counts, if enough time passed since the last redraw."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < _EVERY_SECONDS:
            return
        self._last = now
        rate = rows / max(now - self._start, 1e-9)
        self._stream.write(f"\rscreened {rows:,} rows, {flagged:,} flagged ({rate:,.0f} rows/s) ")
        self._stream.flush()
        self._drawn = True

    def close(self) -> None:
        """End the progress line."""
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
