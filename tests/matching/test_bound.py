"""The score bound never falls below the aligned score, one pair at a time or many at once."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionscreen.matching.align import align
from sanctionscreen.matching.bound import BoundTable, score_bound
from sanctionscreen.matching.score import score_alignment
from sanctionscreen.matching.weights import WordWeights
from sanctionscreen.text.normalize import normalise

# Words that meet in every way the scorer knows: typos, romanisation, words written as
# one ("sunmoon", "holdings" / "holding s"), short words, initials and numbers.
WORDS = ["profinet", "profinat", "sinhung", "shinheung", "korea", "trading", "trdg", "ocean",
         "pine", "green", "greenpine", "star", "sunmoon", "sun", "moon", "dalian", "mining",
         "global", "logistics", "nordic", "holding", "holdings", "sal", "s", "a", "al", "co",
         "kwangmyong", "kwang", "myong", "international", "39", "7", "8", "7606", "7866",
         "north", "east", "northeast", "yortheasy", "xortheastq", "moonstar", "xunmoomstar"]
_names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5)


def _score(query: list[str], listed: list[str], weights: WordWeights) -> float:
    return score_alignment(align(query, listed, weights), normalise(" ".join(query)),
                           normalise(" ".join(listed)))[0]


@settings(max_examples=300, deadline=None)
@given(_names, _names)
def test_score_bound_is_never_below_the_score(query: list[str], listed: list[str]) -> None:
    weights = WordWeights()
    assert _score(query, listed, weights) <= score_bound(query, listed, weights) + 1e-4


@settings(max_examples=200, deadline=None)
@given(_names, st.lists(_names, min_size=1, max_size=30))
def test_table_bound_is_never_below_the_score(query: list[str], listed: list[list[str]],
                                              ) -> None:
    weights = WordWeights.from_names(listed)
    table = BoundTable([tuple(words) for words in listed], weights)
    bounds = table.bounds(query, np.arange(len(listed), dtype=np.int64))
    for words, bound in zip(listed, bounds.tolist(), strict=True):
        assert _score(query, words, weights) <= bound + 1e-4, (query, words)


def test_table_and_pair_bounds_agree_on_plain_names() -> None:
    listed = [("korea", "sinhung", "trading"), ("green", "pine", "associated"),
              ("dalian", "sun", "moon", "star", "logistics"), ("ocean", "maritime")]
    weights = WordWeights()
    table = BoundTable(listed, weights)
    query = ["korea", "shinheung", "trading"]
    bounds = table.bounds(query, np.arange(len(listed), dtype=np.int64)).tolist()
    pairs = [score_bound(query, words, weights) for words in listed]
    assert all(abs(a - b) <= 2e-4 for a, b in zip(bounds, pairs, strict=True))
    assert bounds[0] > 0.9 and bounds[1] == 0.0


def test_a_word_standing_for_listed_words_written_as_one_counts_in_full() -> None:
    listed = [("dalian", "sun", "moon", "star")]
    weights = WordWeights()
    bound = BoundTable(listed, weights).bounds(["sunmoonstar", "dalian"],
                                               np.array([0], dtype=np.int64))
    assert bound[0] == 1.0


def test_survivors_keep_only_names_that_could_reach_the_floor() -> None:
    listed = [("korea", "sinhung", "trading"), ("green", "pine", "associated"),
              ("sinhung",), ("ocean", "maritime"), ("korea", "mining")]
    table = BoundTable(listed, WordWeights())
    # "sinhung" alone is met in full, so listed_name_contained could raise it to 0.75
    assert table.survivors(["korea", "shinheung", "trading"], list(range(5)), 0.68) == [0, 2]
    assert table.survivors(["korea", "shinheung", "trading"], [1, 3], 0.68) == []


@pytest.mark.parametrize(("query", "listed"), [
    # "northeast" merges "north east" into one unit, which then pairs with "yortheasy"
    (["northeast", "yortheasy"], ["north", "east"]),
    # "northeast" stands for the query's "north east", which then pairs with "xortheastq"
    (["north", "east"], ["northeast", "xortheastq"]),
])
def test_a_merged_run_may_pair_with_another_word(query: list[str], listed: list[str]) -> None:
    weights = WordWeights()
    score = _score(query, listed, weights)
    assert score >= 0.7  # a review hit, which the bound must not drop
    assert score_bound(query, listed, weights) >= score - 1e-4
    table = BoundTable([tuple(listed)], weights)
    assert table.bounds(query, np.array([0], dtype=np.int64))[0] >= score - 1e-4
