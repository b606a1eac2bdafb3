"""What a caller may give as a name or a country, checked the same way everywhere.

``screen``, ``Screener.screen``, ``screen_many`` and ``compare`` all take a name as
text. A name that is missing (``None``, as an empty cell of a table), not text, empty,
blank or too long is not screened: the result says why, with decision ``error``.
"""

from __future__ import annotations

import re
from typing import Any

from sanctionscreen.errors import InputError

_SURROGATE = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")  # lone surrogates


def checked_name(name: Any, max_length: int) -> str:
    """``name`` as it is screened, or :class:`InputError` saying why it cannot be."""
    if name is None:  # an empty cell, as pandas and Spark give it
        raise InputError("the name is empty")
    if not isinstance(name, str):
        raise InputError(f"a name must be text, not {type(name).__name__}")
    text = printable(name)
    if not text.strip():
        raise InputError("the name is empty")
    if len(text) > max_length:
        raise InputError(f"the name is {len(text):,} characters long; the limit is "
                         f"{max_length:,} (Settings.max_name_length)")
    return text


def checked_country(country: object) -> str | None:
    """A country given with a name: text (such as ``"KP"``) or ``None``; anything else
    is an :class:`InputError`."""
    if country is None or isinstance(country, str):
        return country
    raise InputError(f"the country must be text, such as 'KP', or None, not "
                     f"{type(country).__name__}")


def printable(value: Any) -> str:
    """Text safe to store and serialise: lone surrogates become U+FFFD; anything else
    than text is shown by its ``repr`` (at most 200 characters)."""
    text = value if isinstance(value, str) else ("" if value is None else repr(value)[:200])
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", text)
