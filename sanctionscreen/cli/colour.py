"""Decisions in colour on a terminal; plain text when piped, with ``NO_COLOR`` set
(https://no-color.org) or on a ``dumb`` terminal."""

from __future__ import annotations

import os
import re
from typing import TextIO

CODES = {"MATCH": "1;31", "REVIEW": "1;33", "CLEAR": "32", "ERROR": "1;35"}
"""The SGR code of each decision word: bold red, bold yellow, green, bold magenta."""
# A decision where the text output puts one: a line's first word, or after "'name': ".
_DECISION = re.compile(r"(^|': )(MATCH|REVIEW|CLEAR|ERROR)\b", re.MULTILINE)


def wants_colour(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal that may be sent colour."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def coloured(text: str, stream: TextIO) -> str:
    """``text`` with its decision words in colour when ``stream`` wants colour.

    >>> import io
    >>> coloured("'Acme': CLEAR", io.StringIO())
    "'Acme': CLEAR"
    """
    if not wants_colour(stream):
        return text
    return _DECISION.sub(lambda m: f"{m[1]}\033[{CODES[m[2]]}m{m[2]}\033[0m", text)
