"""Read official sanctions lists as published: OFAC, UN, UK FCDO and OpenSanctions.

:func:`load_list` takes a file or folder, detects its format (or takes ``format=``)
and returns a :class:`~sanctionscreen.watchlist.model.Watchlist`; :func:`import_list`
also returns the warnings (orphan aliases, unknown countries) found on the way.
See ``docs/official-lists.md``.
"""

from __future__ import annotations

from sanctionscreen.importers.common import ImportResult, ImportWarning
from sanctionscreen.importers.detect import FORMATS, detect_format
from sanctionscreen.importers.load import import_list, load_list
from sanctionscreen.importers.resolve import resolve_lists

__all__ = [
    "FORMATS",
    "ImportResult",
    "ImportWarning",
    "detect_format",
    "import_list",
    "load_list",
    "resolve_lists",
]
