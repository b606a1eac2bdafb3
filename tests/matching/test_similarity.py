"""Word similarity: spelling, romanisation variants, numbers, short words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanctionscreen.matching.similarity import romanisation_key, word_similarity


@pytest.mark.parametrize(("a", "b"), [
    ("sinhung", "shinheung"), ("sinhung", "sinheung"), ("tangun", "dangun"),
    ("kaesong", "gaeseong"), ("pyongyang", "pyeongyang"),
])
def test_romanisation_variants_meet(a: str, b: str) -> None:
    assert romanisation_key(a) == romanisation_key(b)
    similarity, how = word_similarity(a, b)
    assert similarity == 0.95
    assert how == "romanisation variant"


def test_one_letter_off_in_a_long_word_is_close() -> None:
    similarity, how = word_similarity("faberlick", "faberlic")
    assert similarity > 0.9
    assert how == "spelling differs"


def test_swapped_letters_count_as_one_edit() -> None:
    assert word_similarity("appel", "apple")[0] == word_similarity("appla", "apple")[0]


def test_short_words_must_be_equal() -> None:
    assert word_similarity("bd", "bp") == (0.0, "short words must be equal")
    assert word_similarity("gas", "oil")[0] == 0.0


def test_numbers() -> None:
    assert word_similarity("39", "39") == (1.0, "same word")
    assert word_similarity("39", "38") == (0.5, "different numbers")
    assert word_similarity("39", "office")[0] == 0.0


def test_very_different_words_do_not_meet() -> None:
    assert word_similarity("tactical", "kittens") == (0.0, "too different")


@given(st.text(alphabet="abcdefghiklmnoprstuy", min_size=1, max_size=12),
       st.text(alphabet="abcdefghiklmnoprstuy", min_size=1, max_size=12))
def test_similarity_is_in_range_and_symmetric(a: str, b: str) -> None:
    forward, _ = word_similarity(a, b)
    backward, _ = word_similarity(b, a)
    assert 0.0 <= forward <= 1.0
    assert forward == backward
