"""One input row, and the checks that decide whether its name can be screened.

Every reader yields :class:`InputRow` objects; a row whose name cannot be
screened carries a ``problem`` and becomes an output row with decision
``error``; a row that is odd but screenable (a ragged row) carries a ``note``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAK = re.compile("[\r\n\u2028\u2029]")


@dataclass(frozen=True)
class InputRow:
    """A row of the input file, numbered from 1 as a spreadsheet numbers it."""

    row: int
    name: str | None
    cells: tuple[str, ...]  # the row's cells, one per input column, as read
    country: str | None = None
    address: str | None = None
    problem: str | None = None  # why the name cannot be screened: decision "error"
    note: str | None = None  # something odd that did not stop screening
    kept: tuple[tuple[str, str], ...] = ()  # (column, value) pairs carried to every output

    @property
    def screenable(self) -> bool:
        """Whether the name goes to the screener."""
        return self.problem is None and self.name is not None


def has_lone_surrogate(text: str) -> bool:
    """Whether ``text`` holds bytes the encoding could not read, or a broken JSON escape."""
    return _LONE_SURROGATE.search(text) is not None


def name_problem(name: object, *, max_length: int, encoding: str | None = None) -> str | None:
    """Why ``name`` cannot be screened, or ``None`` when it can.

    >>> name_problem("  ", max_length=500)
    'the name is empty'
    >>> name_problem("Korea Heungjin Trading", max_length=500) is None
    True
    """
    if name is None:
        return "the name is missing"
    if not isinstance(name, str):
        return f"the name is not text (got {type(name).__name__})"
    if not name.strip():
        return "the name is empty"
    if has_lone_surrogate(name):
        where = f"valid {encoding}" if encoding else "valid text"
        return f"the name holds bytes that are not {where}; give the right --encoding"
    if len(name) > max_length:
        return (
            f"the name is {len(name):,} characters long, over the limit of {max_length:,} "
            "(Settings.max_name_length)"
        )
    if _LINE_BREAK.search(name):
        return "the name holds a line break; a quote may be left open on this row or the one before"
    return None


def describe_cell(value: str, *, limit: int = 40) -> str:
    """A short quoted form of a cell for messages."""
    shown = value if len(value) <= limit else value[:limit] + "..."
    return repr(shown)
