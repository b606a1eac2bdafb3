"""The one error hierarchy of sanctionscreen.

Every error says where the problem is (file, line, row or field, when known) and
what to do about it. Catch :class:`SanctionscreenError` to catch them all.
"""

from __future__ import annotations

from pathlib import Path


class SanctionscreenError(Exception):
    """Root of every error this library raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        row: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.row = row
        self.hint = hint
        super().__init__(self._render())

    def _render(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
            elif self.row is not None:
                where += f": row {self.row}"
            where += ": "
        elif self.row is not None:
            where = f"row {self.row}: "
        text = where + self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class WatchlistError(SanctionscreenError):
    """A watchlist file is missing, malformed or fails validation."""


class ListFormatError(WatchlistError):
    """An official list file (OFAC, UN, UK, OpenSanctions) cannot be read in its format."""


class InputError(SanctionscreenError):
    """A name, or a supplier file to screen, cannot be read or screened."""


class ConfigurationError(SanctionscreenError, ValueError):
    """Settings, thresholds or options are invalid (also a ``ValueError``, as a bad value is)."""
