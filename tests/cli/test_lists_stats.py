"""``sanctionscreen lists --stats``: the index behind the lists."""

from __future__ import annotations

import re

import pytest

from sanctionscreen.cli import main
from sanctionscreen.index import ACCELERATED as INDEX_IN_C
from sanctionscreen.matching.bound import ACCELERATED
from sanctionscreen.native import COMPILED_IN_USE


def test_lists_stats_reports_the_index(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists", "--stats"]) == 0
    out = capsys.readouterr().out
    assert "dprk-articles" in out
    match = re.search(r"index: ([\d,]+) names, ([\d,]+) distinct words", out)
    assert match is not None
    assert int(match.group(1).replace(",", "")) == 40
    assert re.search(r"built in \d+\.\d\d s", out)
    assert re.search(r"score bound: (in C|Python)", out)


def test_lists_stats_says_which_score_bound_is_used(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists", "--stats"]) == 0
    out = capsys.readouterr().out
    assert ("score bound: in C" in out) is ACCELERATED
    assert ("score bound: Python" in out) is not ACCELERATED


def test_lists_stats_says_where_word_lookups_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists", "--stats"]) == 0
    out = capsys.readouterr().out
    assert ("word lookups: in C" in out) is INDEX_IN_C
    assert ("word lookups: Python" in out) is not INDEX_IN_C


def test_lists_stats_says_whether_the_screening_code_is_compiled(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lists", "--stats"]) == 0
    out = capsys.readouterr().out
    assert ("screening code: compiled (mypyc)" in out) is COMPILED_IN_USE
    assert ("screening code: Python source" in out) is not COMPILED_IN_USE
