"""The optional compiled parts: the C modules, and the Python modules compiled with mypyc.

``pip install`` compiles them when a C compiler is there (``hatch_build.py``); without
them the same results come from plain Python, more slowly.
``SANCTIONSCREEN_NO_EXTENSION=1`` turns them off at run time (and at build time).
See ``docs/performance.md``.

The package imports this module first, so that it chooses, before any of them is
imported, which form of the :data:`COMPILED` modules is used: the compiled one only when
the build's record (``_compiled.json``) says it was made from the sources beside it. An
edited source (in an editable install) is then imported as it is, until the next
install compiles it again. They are chosen together: compiled modules call each other
directly, so one stale module would leave the others calling its old code.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

MODULES = ("sanctionscreen.matching._cbound", "sanctionscreen._cindex")
COMPILED = ("sanctionscreen.index", "sanctionscreen.matching.align",
            "sanctionscreen.matching.bound", "sanctionscreen.matching.everyday",
            "sanctionscreen.matching.romanised", "sanctionscreen.matching.rules",
            "sanctionscreen.matching.score",
            "sanctionscreen.matching.similarity", "sanctionscreen.matching.weights",
            "sanctionscreen.screening.batch",
            "sanctionscreen.screening.build", "sanctionscreen.screening.caches",
            "sanctionscreen.screening.decide", "sanctionscreen.screening.hits",
            "sanctionscreen.screening.inputs", "sanctionscreen.screening.search",
            "sanctionscreen.text.normalize",
            "sanctionscreen.text.scripts", "sanctionscreen.text.words")
"""Python modules compiled with mypyc when the package is built (``hatch_build.py``
lists them too)."""
_PACKAGE = Path(__file__).parent
_RECORD = _PACKAGE / "_compiled.json"


def _turned_off() -> bool:
    return os.environ.get("SANCTIONSCREEN_NO_EXTENSION") == "1"


def extension(module: str) -> ModuleType | None:
    """The compiled module ``module`` (one of :data:`MODULES`), or ``None`` when it is
    turned off or was not built."""
    if module not in MODULES:
        raise ValueError(f"{module!r} is not one of sanctionscreen's C modules")
    if _turned_off():  # asked not to use it
        return None
    try:
        return importlib.import_module(module)
    except ImportError:  # built without a C compiler
        return None


def source_of(module: str, package: Path = _PACKAGE) -> Path:
    """The Python source of ``module`` (one of :data:`COMPILED`)."""
    return package.joinpath(*module.split(".")[1:]).with_suffix(".py")


def compiled_current(package: Path = _PACKAGE) -> bool:
    """Whether every :data:`COMPILED` module is there compiled, from the source it has now
    (the record lists each source's SHA-256 digest)."""
    try:
        record = json.loads((package / _RECORD.name).read_text(encoding="utf-8"))
        return isinstance(record, dict) and set(record) == set(COMPILED) and all(
            record[module] == hashlib.sha256(source_of(module, package).read_bytes()).hexdigest()
            and any(source_of(module, package).with_suffix(suffix).exists()
                    for suffix in importlib.machinery.EXTENSION_SUFFIXES)
            for module in COMPILED)
    except (OSError, ValueError):  # not compiled (no record), or a source is gone
        return False


class _Sources(importlib.abc.MetaPathFinder):
    """Finds the :data:`COMPILED` modules' Python sources, ahead of their compiled forms."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in COMPILED or not path:
            return None
        source = Path(next(iter(path))) / (fullname.rpartition(".")[2] + ".py")
        return importlib.util.spec_from_file_location(fullname, source)


def _choose() -> bool:
    """Use the compiled modules when they are there, current and not turned off; else
    have the sources imported."""
    if not _turned_off() and compiled_current():
        return True
    if not any(isinstance(finder, _Sources) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Sources())
    return False


COMPILED_IN_USE = _choose()
"""Whether the :data:`COMPILED` modules run compiled (else from their sources)."""
