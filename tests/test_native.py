"""Which form of the compiled modules runs: compiled only when built from the sources there."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from sanctionscreen import native

REPO = Path(__file__).resolve().parents[1]
PACKAGE = Path(native.__file__).parent


def test_the_build_compiles_the_modules_the_package_chooses_between() -> None:
    # hatch_build.py reads the list from native.py: it is written once
    assert "_native_constant(\"COMPILED\")" in (REPO / "hatch_build.py").read_text(
        encoding="utf-8")
    for module in native.COMPILED:
        assert native.source_of(module).is_file(), module


def _package_copy(tmp_path: Path) -> Path:
    """The compiled modules' sources, a compiled file for each, and a record of them."""
    package = tmp_path / "sanctionscreen"
    for module in native.COMPILED:
        source = native.source_of(module)
        copy = native.source_of(module, package)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
        copy.with_suffix(EXTENSION_SUFFIXES[0]).write_bytes(b"compiled")
    record = {module: hashlib.sha256(native.source_of(module).read_bytes()).hexdigest()
              for module in native.COMPILED}
    (package / "_compiled.json").write_text(json.dumps(record), encoding="utf-8")
    return package


def test_compiled_modules_are_current_when_every_source_is_as_recorded(tmp_path: Path) -> None:
    assert native.compiled_current(_package_copy(tmp_path))


def test_an_edited_source_makes_every_compiled_module_stale(tmp_path: Path) -> None:
    package = _package_copy(tmp_path)
    words = native.source_of("sanctionscreen.text.words", package)
    words.write_text(words.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert not native.compiled_current(package)


def test_a_missing_compiled_file_or_record_makes_them_stale(tmp_path: Path) -> None:
    package = _package_copy(tmp_path)
    native.source_of("sanctionscreen.index", package).with_suffix(EXTENSION_SUFFIXES[0]).unlink()
    assert not native.compiled_current(package)
    package = _package_copy(tmp_path / "again")
    (package / "_compiled.json").unlink()
    assert not native.compiled_current(package)


def _form_in_a_new_process(**environment: str) -> list[str]:
    code = ("import sanctionscreen.native as n, sanctionscreen.screening.search as s, "
            "sanctionscreen.text.words as w; print(n.COMPILED_IN_USE, "
            "s.__file__.endswith('.py'), w.__file__.endswith('.py'))")
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True, env={**os.environ, **environment}).stdout.split()


def test_turned_off_the_sources_run() -> None:
    assert _form_in_a_new_process(SANCTIONSCREEN_NO_EXTENSION="1") == ["False", "True", "True"]


def test_the_compiled_modules_run_unless_turned_off() -> None:
    if os.environ.get("SANCTIONSCREEN_NO_EXTENSION") == "1":
        assert not native.COMPILED_IN_USE
        return
    assert native.COMPILED_IN_USE, (
        "the compiled modules are missing or stale: reinstall (pip install -e '.[dev]') "
        "with a C compiler, or set SANCTIONSCREEN_NO_EXTENSION=1 to test without them")
    assert _form_in_a_new_process(SANCTIONSCREEN_NO_EXTENSION="") == ["True", "False", "False"]
