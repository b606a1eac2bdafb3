"""Golden matching decisions: one line of ``tests/data/golden_compare.csv`` per case.

``expected`` is a decision (match, review, clear) or a bound: ``review+`` (at least
review), ``not_match`` (review or clear), ``below_review`` (clear).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sanctionscreen import compare

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden_compare.csv"
CASES = list(csv.DictReader(GOLDEN.open(encoding="utf-8")))
ALLOWED = {
    "match": {"match"},
    "review": {"review"},
    "clear": {"clear"},
    "review+": {"match", "review"},
    "not_match": {"review", "clear"},
    "below_review": {"clear"},
}


@pytest.mark.parametrize("case", CASES, ids=[c["query"] for c in CASES])
def test_golden_case(case: dict[str, str]) -> None:
    comparison = compare(case["query"], case["listed"])
    assert comparison.decision in ALLOWED[case["expected"]], (
        f"{case['why']}: got {comparison.decision} {comparison.score:.3f}\n"
        + comparison.explanation.text())


def test_golden_file_holds_the_evasion_characters_it_claims() -> None:
    text = GOLDEN.read_text(encoding="utf-8")
    for char in ("\u200b", "\u200c", "\u0430", "\u03a1", "\uff24", "\U0001d412"):
        assert char in text, f"U+{ord(char):04X} is missing from the golden file"
