"""Build hook: compile the optional C modules (``sanctionscreen/native.py`` lists them).

They are the score bound (``sanctionscreen/matching/_cbound.c``) and the candidate
index's word lookups (``sanctionscreen/_cindex.c``), which share the word similarity in
``sanctionscreen/matching/_cwords.h``. Without a C compiler the package still installs
and works: the same results then come from numpy and plain Python, more slowly. Set
``SANCTIONSCREEN_REQUIRE_EXTENSION=1`` to make a failed compile an error (CI does), or
``SANCTIONSCREEN_NO_EXTENSION=1`` to skip it. See ``docs/performance.md``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Module name and source; keep in step with sanctionscreen.native.MODULES.
EXTENSIONS = {
    "sanctionscreen.matching._cbound": Path("sanctionscreen") / "matching" / "_cbound.c",
    "sanctionscreen._cindex": Path("sanctionscreen") / "_cindex.c",
}
HEADERS = [Path("sanctionscreen") / "matching" / "_cwords.h",
           Path("sanctionscreen") / "matching" / "_calign.h"]


def _compile(root: Path, out_dir: Path) -> dict[str, Path]:
    """Compile every extension into ``out_dir``; each built file's path, by module."""
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    # Results must be the same double as Python's: no fused multiply-adds (gcc and clang
    # fuse them by default where the processor has them; MSVC does not by default).
    flags = [] if sys.platform == "win32" else ["-ffp-contract=off"]
    extensions = [Extension(module, sources=[str(root / source)],
                            depends=[str(root / header) for header in HEADERS],
                            extra_compile_args=flags)
                  for module, source in EXTENSIONS.items()]
    command = build_ext(Distribution({"name": "sanctionscreen", "ext_modules": extensions}))
    command.build_lib = str(out_dir)
    command.build_temp = str(out_dir / "temp")
    command.ensure_finalized()
    command.run()
    return {module: Path(command.get_ext_fullpath(module)) for module in EXTENSIONS}


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the C modules for wheels (into the wheel) and editable installs (in place)."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if version == "editable":  # a module built earlier must not outlive this install
            for source in EXTENSIONS.values():
                for stale in (root / source.parent).glob(f"{source.stem}.*"):
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
            print(f"sanctionscreen: the C modules were not built ({error}); "
                  "numpy and plain Python are used instead", file=sys.stderr)
            return
        for module, path in built.items():
            place = EXTENSIONS[module].parent / path.name
            if version == "editable":  # the editable install imports the source tree
                shutil.copyfile(path, root / place)
            else:
                build_data["force_include"][str(path)] = place.as_posix()
        if version == "editable":
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)
