"""Similarity of two normalised words, in 0..1, with a few words saying how they met.

- the same word: 1.0
- numbers: equal 1.0; two different numbers of one or two digits ``NUMBERS_DIFFER``
  (a series of sister entities, "Fund VII" / "Fund VIII", is for a reviewer to see);
  longer numbers are identifiers ("FU YUAN YU 7606" / "7866") and differ entirely
- spelling: optimal-string-alignment edit distance (a swap of two neighbouring
  letters counts as one edit), normalised by the longer word; words of three letters
  or fewer must be equal, and a similarity below ``MIN_SIMILARITY`` counts as none
- romanisation: words of five letters or more whose romanisation keys agree
  (``romanisation.yaml``: Sinhung / Shinheung) score 0.95; keys that nearly agree
  score their edit similarity times 0.95
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz.distance import OSA

from sanctionscreen.text import tables

MIN_SIMILARITY = 0.6
_REPEATS = re.compile(r"(.)\1+", re.DOTALL)
SHORT_WORD = 3
NUMBERS_DIFFER = 0.5  # two different numbers in the same place: "Fund VII" / "Fund VIII"
IDENTIFIER_DIGITS = 3  # numbers this long name things (vessel 7606, not 7866): no credit
# Spelling similarity s is reshaped to 1 - (1 - s) * (BASE + GROWTH * (1 - s)): one
# letter off in a long word costs little, several letters off cost much more.
BASE = 0.3
GROWTH = 2.0


@cache
def _rules() -> tuple[tuple[tuple[str, str], ...], int, float]:
    table = tables.romanisation()
    return tuple(table.rules), table.min_length, table.similarity


def key_rules() -> tuple[tuple[tuple[str, str], ...], int, float]:
    """The romanisation rules, the shortest word they apply to, and a key match's similarity."""
    return _rules()


@lru_cache(maxsize=200_000)
def romanisation_key(word: str) -> str:
    """Fold romanisation variants onto one key: ``shinheung`` and ``sinhung`` -> ``sinhunk``."""
    rules, _, _ = _rules()
    key = word
    for old, new in rules:
        key = key.replace(old, new)
    return _REPEATS.sub(r"\1", key)  # a letter written twice counts once


def spelling_similarity(a: str, b: str) -> float:
    """Edit similarity of two strings (OSA distance over the longer length), 0..1."""
    return float(OSA.normalized_similarity(a, b))


@lru_cache(maxsize=500_000)
def word_similarity(a: str, b: str) -> tuple[float, str]:
    """``(similarity, how)`` for two normalised words."""
    if a == b:
        return 1.0, "same word"
    if a.isdigit() and b.isdigit():
        if max(len(a), len(b)) >= IDENTIFIER_DIGITS:
            return 0.0, "different numbers (identifiers)"
        return NUMBERS_DIFFER, "different numbers"
    if a.isdigit() or b.isdigit():
        return 0.0, "number vs word"
    if min(len(a), len(b)) <= SHORT_WORD:
        return 0.0, "short words must be equal"
    spelling = spelling_similarity(a, b)
    _, min_length, key_similarity = _rules()
    if min(len(a), len(b)) >= min_length:
        ka, kb = romanisation_key(a), romanisation_key(b)
        by_key = key_similarity * (1.0 if ka == kb else spelling_similarity(ka, kb))
        if by_key > spelling and by_key >= MIN_SIMILARITY:
            how = ("romanisation variant" if ka == kb
                   else "romanisation variant, spelled differently")
            return round(by_key, 4), how
    return _by_spelling(spelling)


def spelling_word_similarity(a: str, b: str) -> tuple[float, str]:
    """``word_similarity`` of two different words of four letters or more, by spelling
    alone (no romanisation key): what the precision rules fall back on (``rules.py``)."""
    return _by_spelling(spelling_similarity(a, b))


def _by_spelling(spelling: float) -> tuple[float, str]:
    if spelling < MIN_SIMILARITY:
        return 0.0, "too different"
    gap = 1.0 - spelling
    return round(max(0.0, 1.0 - gap * (BASE + GROWTH * gap)), 4), "spelling differs"
