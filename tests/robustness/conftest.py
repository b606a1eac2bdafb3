"""Fixtures for the robustness tests: the real list files, and a way to run the CLI."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanctionscreen.cli import main


@pytest.fixture
def eval_lists(shared_dir: Callable[[str], Path]) -> Path:
    """The folder of real list files in ``../shared/eval/lists``."""
    return shared_dir("eval/lists")


@pytest.fixture
def ofac_copy(eval_lists: Path, tmp_path: Path) -> Path:
    """A writable copy of the 2024-05 SDN folder, to damage one file of."""
    folder = tmp_path / "ofac"
    folder.mkdir()
    for source in (eval_lists / "ofac-sdn-2024-05").iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    return folder


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """Run ``sanctionscreen ARGS...``; return exit code, stdout and stderr."""

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run
