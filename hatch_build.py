"""Build hook: compile the optional C score bound (``sanctionscreen/matching/_cbound.c``).

Without a C compiler the package still installs and works: ``bound.py`` then computes
the same bound with numpy, more slowly. Set ``SANCTIONSCREEN_REQUIRE_EXTENSION=1`` to
make a failed compile an error (CI does), or ``SANCTIONSCREEN_NO_EXTENSION=1`` to skip
it. See ``docs/performance.md``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = Path("sanctionscreen") / "matching" / "_cbound.c"
MODULE = "sanctionscreen.matching._cbound"


def _compile(root: Path, out_dir: Path) -> Path:
    """Compile the extension into ``out_dir``; the built file's path."""
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    extension = Extension(MODULE, sources=[str(root / SOURCE)])
    command = build_ext(Distribution({"name": "sanctionscreen", "ext_modules": [extension]}))
    command.build_lib = str(out_dir)
    command.build_temp = str(out_dir / "temp")
    command.ensure_finalized()
    command.run()
    return Path(command.get_ext_fullpath(MODULE))


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile ``_cbound`` for wheels (into the wheel) and editable installs (in place)."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if version == "editable":  # a module built earlier must not outlive this install
            for stale in (root / SOURCE.parent).glob("_cbound.*"):
                if stale.suffix in (".so", ".pyd"):
                    stale.unlink()
        if os.environ.get("SANCTIONSCREEN_NO_EXTENSION") == "1":
            return
        self._scratch = tempfile.mkdtemp(prefix="sanctionscreen-build-")
        try:
            built = _compile(root, Path(self._scratch))
        except Exception as error:  # a missing compiler shows up in several forms
            if os.environ.get("SANCTIONSCREEN_REQUIRE_EXTENSION") == "1":
                raise
            print(f"sanctionscreen: the C score bound was not built ({error}); "
                  "the numpy bound is used instead", file=sys.stderr)
            return
        if version == "editable":  # the editable install imports the source tree
            shutil.copyfile(built, root / SOURCE.parent / built.name)
            return
        build_data["force_include"][str(built)] = f"sanctionscreen/matching/{built.name}"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
