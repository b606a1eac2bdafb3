"""The score bound never falls below the aligned score, one pair at a time or many at once."""

from __future__ import annotations

import os
from array import array
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from sanctionscreen.matching import bound as bound_module
from sanctionscreen.matching.align import align
from sanctionscreen.matching.bound import BoundTable, score_bound
from sanctionscreen.matching.score import score_alignment
from sanctionscreen.matching.similarity import word_similarity
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
# Every table test runs on the Python bound (score_bound), and on the C bound where it
# was built (CI builds it and checks that below).
# Without the C bound its cases are reported as skipped, not left out.
WAYS = [pytest.param(False, id="python"),
        pytest.param(True, id="c", marks=pytest.mark.skipif(
            not bound_module.ACCELERATED, reason="the C bound is not built or turned off"))]


def _c_bound() -> ModuleType | None:
    """The C bound; ``None`` only when SANCTIONSCREEN_NO_EXTENSION=1 turned it off."""
    if os.environ.get("SANCTIONSCREEN_NO_EXTENSION") == "1":
        assert not bound_module.ACCELERATED
        return None
    if not bound_module.ACCELERATED:
        pytest.fail("the C score bound was not built: install a C compiler and reinstall "
                    "(pip install -e '.[dev]'), or set SANCTIONSCREEN_NO_EXTENSION=1 to test "
                    "the Python bound alone")
    from sanctionscreen.matching import _cbound

    return _cbound


def test_the_c_bound_is_used_unless_turned_off() -> None:
    assert (_c_bound() is not None) is bound_module.ACCELERATED
    table = BoundTable([("korea",)], WordWeights())
    assert table.accelerated is bound_module.ACCELERATED
    assert BoundTable([("korea",)], WordWeights(), accelerated=False).accelerated is False


def _score(query: list[str], listed: list[str], weights: WordWeights) -> float:
    """The score the bound bounds: before the precision rules (which only lower it)."""
    return score_alignment(align(query, listed, weights), normalise(" ".join(query)),
                           normalise(" ".join(listed)), listing=None)[0]


@settings(max_examples=300, deadline=None)
@given(_names, _names)
def test_score_bound_is_never_below_the_score(query: list[str], listed: list[str]) -> None:
    weights = WordWeights()
    assert _score(query, listed, weights) <= score_bound(query, listed, weights) + 1e-4


@pytest.mark.parametrize("accelerated", WAYS)
@settings(max_examples=200, deadline=None)
@given(query=_names, listed=st.lists(_names, min_size=1, max_size=30))
def test_table_bound_is_never_below_the_score(query: list[str], listed: list[list[str]],
                                              accelerated: bool) -> None:
    weights = WordWeights.from_names(listed)
    table = BoundTable([tuple(words) for words in listed], weights, accelerated=accelerated)
    bounds = table.bounds(query, list(range(len(listed))))
    for words, bound in zip(listed, bounds, strict=True):
        assert _score(query, words, weights) <= bound + 1e-4, (query, words)


@pytest.mark.parametrize("accelerated", WAYS)
def test_table_and_pair_bounds_agree_on_plain_names(accelerated: bool) -> None:
    listed = [("korea", "sinhung", "trading"), ("green", "pine", "associated"),
              ("dalian", "sun", "moon", "star", "logistics"), ("ocean", "maritime")]
    weights = WordWeights()
    table = BoundTable(listed, weights, accelerated=accelerated)
    query = ["korea", "shinheung", "trading"]
    bounds = table.bounds(query, list(range(len(listed))))
    pairs = [score_bound(query, words, weights) for words in listed]
    assert all(abs(a - b) <= 2e-4 for a, b in zip(bounds, pairs, strict=True))
    assert bounds[0] > 0.9 and bounds[1] < 1e-6


@pytest.mark.parametrize("accelerated", WAYS)
def test_a_word_standing_for_listed_words_written_as_one_counts_in_full(accelerated: bool,
                                                                         ) -> None:
    listed = [("dalian", "sun", "moon", "star")]
    weights = WordWeights()
    bound = BoundTable(listed, weights, accelerated=accelerated).bounds(
        ["sunmoonstar", "dalian"], [0])
    assert bound[0] == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize("accelerated", WAYS)
def test_survivors_keep_only_names_that_could_reach_the_floor(accelerated: bool) -> None:
    listed = [("korea", "sinhung", "trading"), ("green", "pine", "associated"),
              ("sinhung",), ("ocean", "maritime"), ("korea", "mining")]
    table = BoundTable(listed, WordWeights(), accelerated=accelerated)
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
    for accelerated in [False, True] if bound_module.ACCELERATED else [False]:
        table = BoundTable([tuple(listed)], weights, accelerated=accelerated)
        assert table.bounds(query, [0])[0] >= score - 1e-4


# The C bound is the reference bound, computed in C: never lower, and higher only where
# Python's round() to four places and C's could disagree (a value a hair from a half).
_letters = st.text(alphabet="aeiounghkrstlmpbdcjywx0123456789éß한", min_size=1, max_size=14)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), _letters), min_size=1, max_size=5),
       st.lists(st.lists(st.one_of(st.sampled_from(WORDS), _letters), min_size=0, max_size=5),
                min_size=1, max_size=12))
def test_the_c_bound_equals_the_reference(query: list[str], listed: list[list[str]]) -> None:
    if _c_bound() is None:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    weights = WordWeights.from_names(listed)
    table = BoundTable([tuple(words) for words in listed], weights, accelerated=True)
    bounds = table.bounds(query, list(range(len(listed))))
    for words, bound in zip(listed, bounds, strict=True):
        reference = score_bound(query, words, weights)
        assert reference <= bound <= reference + 1e-4 + 1e-6, (query, words)


@settings(max_examples=600, deadline=None)
@given(st.one_of(st.sampled_from(WORDS), _letters), st.one_of(st.sampled_from(WORDS), _letters))
def test_the_c_word_similarity_equals_the_scorers(a: str, b: str) -> None:
    _cbound = _c_bound()
    if _cbound is None:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    table = BoundTable([(a,)], WordWeights(), accelerated=True)._fast
    assert table is not None
    reference = word_similarity(a, b)[0]
    assert reference <= _cbound.word_similarity(table, a, b) <= reference + 1e-4 + 1e-9


def test_the_c_table_reads_the_numbers_as_they_were_when_called() -> None:
    """A weight whose conversion changes the list of numbers cannot pull it from under
    the C code: the numbers are copied first (ASan showed a read of freed memory)."""
    if _c_bound() is None:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    fast = BoundTable([("korea",), ("trading",)], WordWeights(), accelerated=True)._fast
    assert fast is not None
    numbers = [0, 1] * 500

    class Weight:
        def __float__(self) -> float:
            numbers.clear()
            return 1.0

    assert fast.survivors(["korea"], [Weight()], numbers, 0.5) == [0] * 500
    assert numbers == []


_FEW_LETTERS = st.text(alphabet="abé신", max_size=70)  # few letters: swaps and repeats


@settings(max_examples=1500, deadline=None)
@given(st.one_of(_FEW_LETTERS, st.sampled_from(WORDS)), st.one_of(_FEW_LETTERS,
                                                                  st.sampled_from(WORDS)))
def test_the_edit_distance_by_bits_equals_the_table_and_rapidfuzz(a: str, b: str) -> None:
    _cbound = _c_bound()
    if _cbound is None:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    by_rows, by_bits = _cbound.edit_distances(a, b)
    assert by_rows == OSA.distance(a, b)
    assert by_bits == (by_rows if len(a) <= 64 else None)


def test_the_edit_distance_by_bits_at_the_edges() -> None:
    _cbound = _c_bound()
    if _cbound is None:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    for a, b in [("", ""), ("", "abc"), ("abc", ""), ("ab", "ba"), ("abcd", "badc"),
                 ("ca", "abc"), ("a" * 64, "a" * 63 + "b"), ("ab" * 32, "ba" * 32),
                 ("x" * 64, "y" * 200), ("신흥", "흥신")]:
        assert _cbound.edit_distances(a, b) == (OSA.distance(a, b), OSA.distance(a, b)), (a, b)
    assert _cbound.edit_distances("a" * 65, "a" * 64) == (1, None)


def test_the_c_bound_folds_romanisation_and_rejects_bad_numbers() -> None:
    _cbound = _c_bound()
    if _cbound is None:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    table = BoundTable([("sinhung",), ("kwangmyong",)], WordWeights(), accelerated=True)
    fast = table._fast
    assert fast is not None
    assert _cbound.word_similarity(fast, "shinheung", "sinhung") == 0.95
    assert table.survivors(["shinheung"], [0, 1], 0.9) == [0]
    with pytest.raises(IndexError):
        fast.bounds(["korea"], [1.0], [2])
    with pytest.raises(TypeError):
        fast.bounds([b"korea"], [1.0], [0])  # type: ignore[list-item]


def test_the_c_bound_grows_keys_through_every_rule_and_takes_buffers() -> None:
    _cbound = _c_bound()
    if _cbound is None:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    # Each rule doubles a letter: 500 letters become 8,000 before repeats fold to one.
    growing = [("a", "bb"), ("b", "cc"), ("c", "dd"), ("d", "ee")]
    table = _cbound.Table(["b" * 300], ["e"], array("d", [1.0]), array("q", [0, 1]),
                          array("i", [0]), growing, bound_module.c_constants())
    key_similarity = bound_module.c_constants()[7]
    # "aaa..." and "bbb..." share no letter, but both fold to the key "e"
    assert _cbound.word_similarity(table, "a" * 500, "b" * 300) == key_similarity
    assert table.bounds(["a" * 500], [1.0], [0]) == [pytest.approx(key_similarity)]
    assert table.survivors(["a" * 500], [1.0], [0], 0.5) == [0]


def test_a_table_whose_building_failed_refuses_to_bound() -> None:
    cbound = _c_bound()
    if cbound is None:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    table = cbound.Table.__new__(cbound.Table)
    with pytest.raises(ValueError, match="outside the vocabulary"):
        table.__init__(["abcd"], ["abcd"], array("d", [1.0]), array("q", [0, 1]),
                       array("i", [1000]), [], bound_module.c_constants())
    for call in (lambda: table.bounds(["abcd"], [1.0], [0]),
                 lambda: table.survivors(["abcd"], [1.0], [0], 0.5),
                 lambda: cbound.word_similarity(table, "abcd", "abce")):
        with pytest.raises(ValueError, match="not built"):
            call()


def test_the_c_bound_is_right_across_the_wrap_of_its_query_counter() -> None:
    """A listed word's similarities are kept for the query that worked them out, marked
    with the query's 32-bit number. When the number wraps, every mark is cleared, so
    the query after it gets, on words no query has touched yet, the bounds a fresh
    table gives."""
    if _c_bound() is None:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    names = [("korea", "sinhung", "trading"), ("dalian", "sun", "moon", "star"),
             ("office", "39"), ("sunmoonstar", "logistics")]
    weights = WordWeights.from_names([list(name) for name in names])
    fresh = BoundTable(names, weights)._fast
    wrapped = BoundTable(names, weights)._fast
    assert fresh is not None and wrapped is not None
    wrapped._number_queries_from(2**32 - 3)
    # The last two numbers touch the first name's words only; the wrap comes with the
    # third query, on the others' words, untouched until then.
    queries = [(["korea", "sinhung"], [0]), (["korea", "trading"], [0]),
               (["dalian", "sun", "moon", "star"], [1, 2, 3]), (["office", "39"], [0, 1, 2, 3]),
               (["sunmoonstar", "logistics"], [0, 1, 2, 3]), (["korea", "sinhung"], [0, 1])]
    for query, numbers in queries:
        given = [weights(word).weight for word in query]
        expected = fresh.bounds(query, given, numbers)
        assert wrapped.bounds(query, given, numbers) == expected, query
    with pytest.raises(OverflowError):
        wrapped._number_queries_from(2**32)
