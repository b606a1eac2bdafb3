"""The optional parts written in C: load one, unless it was not built or is turned off.

``pip install`` compiles them when a C compiler is there (``hatch_build.py``); without
them the same results come from plain Python and numpy, more slowly.
``SANCTIONSCREEN_NO_EXTENSION=1`` turns them off at run time (and at build time).
See ``docs/performance.md``.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

MODULES = ("sanctionscreen.matching._cbound", "sanctionscreen._cindex")


def extension(module: str) -> ModuleType | None:
    """The compiled module ``module`` (one of :data:`MODULES`), or ``None`` when it is
    turned off or was not built."""
    if module not in MODULES:
        raise ValueError(f"{module!r} is not one of sanctionscreen's C modules")
    if os.environ.get("SANCTIONSCREEN_NO_EXTENSION") == "1":  # asked not to use it
        return None
    try:
        return importlib.import_module(module)
    except ImportError:  # built without a C compiler
        return None
