"""Make text safe to write: spreadsheet formula neutralising and encodable strings.

A CSV cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return may be run as a formula when the file is opened in a spreadsheet (CSV
injection). Such a cell gets a leading apostrophe, which spreadsheets show as
text; the full-width forms of those signs, which some spreadsheets also accept,
are treated the same way. The apostrophe is visible, so ``-2`` reads ``'-2``.
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with lone surrogates (unreadable bytes) replaced by U+FFFD, so it encodes.

    >>> printable("Caf\\udce9")
    'Caf\ufffd'
    """
    return _LONE_SURROGATE.sub("\ufffd", text)


def neutralise_cell(value: object) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula.

    >>> neutralise_cell('=HYPERLINK("http://x","y")')
    '\\'=HYPERLINK("http://x","y")'
    >>> neutralise_cell("Korea Heungjin Trading")
    'Korea Heungjin Trading'
    """
    text = "" if value is None else value if isinstance(value, str) else str(value)
    text = printable(text)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
