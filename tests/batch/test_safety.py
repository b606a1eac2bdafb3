"""Formula neutralising for CSV cells and encodable output text."""

from __future__ import annotations

import pytest

from sanctionscreen.batch.safety import neutralise_cell, printable


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tTabbed Ltd", "'\tTabbed Ltd"),
        ("\rCarriage", "'\rCarriage"),
        ("＝1+1", "'＝1+1"),
        ("Korea Heungjin Trading", "Korea Heungjin Trading"),
        ("조선신흥무역회사", "조선신흥무역회사"),
        ("A-1 Supplies = good", "A-1 Supplies = good"),
        ("", ""),
        (None, ""),
        (3, "3"),
    ],
)
def test_neutralise_cell(cell: object, written: str) -> None:
    assert neutralise_cell(cell) == written


def test_printable_replaces_lone_surrogates_only() -> None:
    assert printable("Caf\udce9 조선 😀") == "Caf\ufffd 조선 😀"
    printable("x\ud800y").encode("utf-8")  # encodes after cleaning
