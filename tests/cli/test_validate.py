"""``sanctionscreen validate``: every problem with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionscreen.cli import main

BROKEN = """id: mine
title: Mine
entities:
  - id: dalian-sms
    type: company
    risk: {basis: reported}
  - id: ok
    type: company
    name: Fine Ltd
    risk: {basis: reported}
    colour: red
"""


def test_bundled_lists_are_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "watchlists"]) == 0
    assert "dprk-articles.yaml: ok" in capsys.readouterr().out


def test_problems_name_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["validate", str(path)]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{path}:4: entity 'dalian-sms': 'name' is required",
                     f"{path}:11: entity 'ok': unknown field 'colour'; see "
                     "docs/watchlist-format.md for the fields allowed"]
