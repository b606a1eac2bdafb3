"""Junk into every public entry point of the batch package: a clear error or a result, no crash."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import StubScreener

from sanctionscreen.batch.columns import resolve_columns
from sanctionscreen.batch.decisions import entity_fingerprint, load_decisions, name_key
from sanctionscreen.batch.encoding import check_encoding, detect_encoding
from sanctionscreen.batch.readers import open_input
from sanctionscreen.batch.review import decision_from_report
from sanctionscreen.batch.rows import name_problem
from sanctionscreen.batch.runner import screen_file
from sanctionscreen.batch.safety import neutralise_cell, printable
from sanctionscreen.errors import SanctionscreenError

JUNK: list[Any] = [
    None, 0, -1, 3.5, True, b"bytes", object(), [], {}, "", " ", "😀🏭", "\x00\x01\x1b[31m",
    "\ud800", "a\udcffb", "x" * 10_000_000, "=cmd|' /C calc'!A0", "../../../etc/passwd",
]  # fmt: skip


def call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
    try:
        function(*args, **kwargs)
    except SanctionscreenError as error:
        assert str(error)  # a message a person can act on


@pytest.mark.parametrize("junk", JUNK, ids=lambda j: type(j).__name__ + str(len(repr(j))))
def test_junk_gives_a_clear_error_or_a_result(junk: Any, tmp_path: Path) -> None:
    call(open_input, junk)
    call(open_input, tmp_path / "missing.csv", encoding=junk)
    call(screen_file, junk, io.StringIO(), screener=StubScreener())
    call(detect_encoding, junk)
    call(check_encoding, junk)
    call(name_problem, junk, max_length=500)
    call(name_key, junk)
    call(load_decisions, junk)
    call(decision_from_report, junk, row=1, entity_id="x", decision="confirmed", by="a", reason="b")
    call(resolve_columns, ["id", "name"], {"column": junk}, path="f.csv")
    assert isinstance(neutralise_cell(junk), str)
    if isinstance(junk, str):
        printable(junk).encode("utf-8")


def test_junk_inside_a_file_becomes_error_rows_not_a_crash(tmp_path: Path) -> None:
    source = tmp_path / "junk.csv"
    lines = [
        b"id,name",
        b"1,\x00\x01\x02",
        b"2,\xed\xa0\x80 lone surrogate in UTF-8",
        "3,😀🏭 Emoji Trading".encode(),
        b"4," + b"y" * 600,
        b"5,\x1b[31mred\x1b[0m",
        b'6,"unclosed',
    ]
    source.write_bytes(b"\n".join(lines) + b"\n")
    out = io.StringIO()
    summary = screen_file(source, out, screener=StubScreener(), format="jsonl")
    assert summary.rows_read == 6
    assert summary.counts["error"] >= 2
    out.getvalue().encode("utf-8")


def test_fingerprint_of_a_real_hit_is_stable() -> None:
    result = StubScreener().screen_one("Korea Heungjin Trading")
    assert result.best is not None
    assert entity_fingerprint(result.best) == entity_fingerprint(result.best)
