"""Build hook: compile the optional C modules (``sanctionscreen/native.py`` lists them).

They are the score bound (``sanctionscreen/matching/_cbound.c``) and the candidate
index's word lookups (``sanctionscreen/_cindex.c``), which share the word similarity in
``sanctionscreen/matching/_cwords.h``; and the screening path's Python modules
(``COMPILED``), compiled with mypyc from their own typed source, which then screen
about a third faster (``docs/performance.md``). Without a C compiler the package still
installs and works: the same results then come from plain Python, more slowly. Set
``SANCTIONSCREEN_REQUIRE_EXTENSION=1`` to make a failed compile an error (CI does), or
``SANCTIONSCREEN_NO_EXTENSION=1`` to skip it. See ``docs/performance.md``.
"""

from __future__ import annotations

import ast
import hashlib
import json
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
HEADERS = [Path("sanctionscreen") / "matching" / "_cwords.h"]


def _native_constant(name: str) -> tuple[str, ...]:
    """A constant of ``sanctionscreen/native.py``, read without importing the package
    (which is not installed yet): the list of compiled modules lives there only."""
    path = Path(__file__).parent / "sanctionscreen" / "native.py"
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == name for target in node.targets):
            value = ast.literal_eval(node.value)
            assert isinstance(value, tuple), name
            return value
    raise RuntimeError(f"{path} has no {name}")


COMPILED = _native_constant("COMPILED")  # Python modules compiled with mypyc
# Their shared library, a top-level module (inside the package, mypyc gives the modules
# a wrong __file__): _sanctionscreen_compiled__mypyc.
GROUP = "_sanctionscreen_compiled"
RECORD = Path("sanctionscreen") / "_compiled.json"  # the sources they were compiled from
# What mypyc type-checks with: the project's plugin for pydantic models; the modules
# outside COMPILED are read for their types only, and libraries without stubs are Any.
MYPY_CONFIG = """[mypy]
plugins = pydantic.mypy
follow_imports = silent
ignore_missing_imports = True
"""


# Results must be the same double as Python's: no fused multiply-adds (gcc and clang
# fuse them by default where the processor has them; MSVC does not by default).
_FLAGS = () if sys.platform == "win32" else ("-ffp-contract=off",)


def _compile(root: Path, out_dir: Path) -> dict[str, Path]:
    """Compile every extension into ``out_dir``; each built file's path, by module."""
    from setuptools import Extension

    extensions = [Extension(module, sources=[str(root / source)],
                            depends=[str(root / header) for header in HEADERS],
                            extra_compile_args=list(_FLAGS))
                  for module, source in EXTENSIONS.items()]
    return _build(extensions, out_dir)


def _compile_python(root: Path, out_dir: Path) -> dict[str, Path]:
    """Compile the ``COMPILED`` modules with mypyc into ``out_dir``; each built file's path,
    by module (their shared library too)."""
    from mypyc.build import mypycify

    config = out_dir / "mypy.ini"
    config.write_text(MYPY_CONFIG, encoding="utf-8")
    extensions = mypycify([f"--config-file={config}", *(str(_source(root, m)) for m in COMPILED)],
                          group_name=GROUP, target_dir=str(out_dir / "c"))
    for extension in extensions:  # the same doubles as Python (see _compile)
        extension.extra_compile_args = [*extension.extra_compile_args, *_FLAGS]
    return _build(extensions, out_dir / "python")


def _source(root: Path, module: str) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")


def _record(root: Path) -> str:
    """``RECORD``'s text: the digest of each compiled module's source."""
    return json.dumps({module: hashlib.sha256(_source(root, module).read_bytes()).hexdigest()
                       for module in COMPILED}, indent=1, sort_keys=True) + "\n"


def _build(extensions: list[Any], out_dir: Path) -> dict[str, Path]:
    from setuptools import Distribution
    from setuptools.command.build_ext import build_ext

    command = build_ext(Distribution({"name": "sanctionscreen", "ext_modules": extensions}))
    command.build_lib = str(out_dir)
    command.build_temp = str(out_dir / "temp")
    command.ensure_finalized()
    command.run()
    return {extension.name: Path(command.get_ext_fullpath(extension.name))
            for extension in extensions}


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the C modules and the ``COMPILED`` Python modules for wheels (into the
    wheel) and editable installs (in place, with ``RECORD``: an edited source is then
    imported as it is, ``sanctionscreen/native.py``)."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if version == "editable":  # modules built earlier must not outlive this install
            _remove_built(root)
        if os.environ.get("SANCTIONSCREEN_NO_EXTENSION") == "1":
            return
        self._scratch = tempfile.mkdtemp(prefix="sanctionscreen-build-")
        scratch = Path(self._scratch)
        built: dict[str, Path] = {}
        for what, step in (("C modules", _compile), ("compiled Python modules", _compile_python)):
            try:
                built.update(step(root, scratch))
            except Exception as error:  # a missing compiler shows up in several forms
                if os.environ.get("SANCTIONSCREEN_REQUIRE_EXTENSION") == "1":
                    raise
                print(f"sanctionscreen: the {what} were not built ({error}); "
                      "plain Python is used instead", file=sys.stderr)
        if COMPILED[0] in built:
            built[".record"] = scratch / RECORD.name
            built[".record"].write_text(_record(root), encoding="utf-8")
        for module, path in built.items():
            place = RECORD if module == ".record" else Path(*module.split(".")[:-1]) / path.name
            if version == "editable":  # the editable install imports the source tree
                shutil.copyfile(path, root / place)
            else:
                build_data["force_include"][str(path)] = place.as_posix()
        if version == "editable" or not built:
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


def _remove_built(root: Path) -> None:
    """Remove what an earlier editable install compiled into the source tree, including
    modules no longer compiled (a stale one would be imported instead of its source)."""
    stale = [*(root / "sanctionscreen").rglob("*.so"), *(root / "sanctionscreen").rglob("*.pyd")]
    stale += [path for path in root.glob(GROUP + "__mypyc.*") if path.suffix in (".so", ".pyd")]
    for path in stale:
        path.unlink()
    (root / RECORD).unlink(missing_ok=True)
