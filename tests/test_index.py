"""The candidate index finds listed names through typos, joins, romanisation and look-alikes,
and indexed screening gives what scoring every listed name gives."""

from __future__ import annotations

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionscreen import index as index_module
from sanctionscreen.index import CandidateIndex, deletions
from sanctionscreen.matching.weights import WordWeights
from sanctionscreen.screener import Screener
from sanctionscreen.text.normalize import normalised_words
from sanctionscreen.watchlist.bundled import bundled_watchlists
from sanctionscreen.watchlist.model import Entity, Risk, Watchlist

LISTED = [
    "Profinet Pte. Ltd.",
    "Dalian Sun Moon Star International Logistics Trading Co., Ltd.",
    "Korea Sinhung Trading Corporation",
    "Pyongyang Kwangmyong Electronics",
    "Chongchongang Shipping Company",
    "Green Pine Associated Corporation",
    "Korea Mining Development Trading Corporation",
]


def _index(names: list[str]) -> CandidateIndex:
    words = [normalised_words(name)[0] for name in names]
    return CandidateIndex(words, WordWeights.from_names([list(w) for w in words]),
                          min_score=0.68)


def _found(query: str) -> list[str]:
    return [LISTED[n] for n in _index(LISTED).candidates(normalised_words(query)[0])]


@pytest.mark.parametrize(("query", "listed"), [
    ("Profinat Pte Ltd", "Profinet Pte. Ltd."),  # one letter changed
    ("Profniet", "Profinet Pte. Ltd."),  # two letters swapped
    ("Prfnet Agency", "Profinet Pte. Ltd."),  # two letters missing
    ("Dalian Sunmoonstar Logistics", "Dalian Sun Moon Star International Logistics "
     "Trading Co., Ltd."),  # words written as one
    ("Chong Chon Gang Shipping", "Chongchongang Shipping Company"),  # one word split
    ("Korea Shinheung Trading", "Korea Sinhung Trading Corporation"),  # romanisation
    ("Pyeongyang Gwangmyeong Electronics", "Pyongyang Kwangmyong Electronics"),
    ("Grееn Рine Associated", "Green Pine Associated Corporation"),  # Cyrillic е and Р
    ("Korea Minning Developement Trdg", "Korea Mining Development Trading Corporation"),
])
def test_index_finds_changed_names(query: str, listed: str) -> None:
    assert listed in _found(query)


def test_index_finds_a_joined_word_three_edits_from_the_query_words() -> None:
    # "oboron lgstcs" written as one is three letters short of "oboronlogistics"
    # (similarity 0.8), beyond deletion keys; its intact start finds it.
    names = ["Oboronlogistics Company", "Green Pine Associated Corporation"]
    found = _index(names).candidates(normalised_words("Oboron Lgstcs")[0])
    assert [names[n] for n in found] == ["Oboronlogistics Company"]
    screener = Screener(_watchlist(names))
    result = screener.screen("Oboron Lgstcs")
    assert result.model_dump() == screener._screen_exhaustive(
        "Oboron Lgstcs", bound=False).model_dump()
    # The names rest on these words alone, so three letters off is too far to flag
    # (rules.py); one letter off is a hit.
    assert result.decision == "clear"
    assert [h.matched_name for h in screener.screen("Oboron Logistcs").hits] == [
        "Oboronlogistics Company"]


@pytest.mark.parametrize(("query", "listed"), [
    # "Sinhung" anchors each name, so the precision rules let the merged run pair
    ("Northeast Yortheasy Sinhung", "North East Sinhung"),
    ("North East Sinhung", "Northeast Xortheastq Sinhung"),  # via its low-weight "northeast"
])
def test_a_merged_run_paired_with_another_word_is_found(query: str, listed: str) -> None:
    screener = Screener(_watchlist([listed, "Green Pine Associated Corporation"]))
    found = screener.screen(query)
    assert found.decision in ("review", "match")
    assert found.model_dump() == screener._screen_exhaustive(query, bound=False).model_dump()


def test_joined_words_found_whatever_was_screened_before() -> None:
    names = ["Xunmoomstar Holdings"]
    fresh = Screener(_watchlist(names)).screen("Sunmoon Star Holdings")
    assert fresh.hits and fresh.hits[0].matched_name == "Xunmoomstar Holdings"
    screener = Screener(_watchlist(names))
    screener.screen("Sun Moonstar Holdings")  # the same letters, split elsewhere
    assert screener.screen("Sunmoon Star Holdings").model_dump() == fresh.model_dump()


def test_index_does_not_propose_unrelated_names() -> None:
    assert _found("Brightwave Textiles GmbH") == []


def test_deletions_one_and_two_letters() -> None:
    assert deletions("abcd", 1) == {"bcd", "acd", "abd", "abc"}
    assert "ad" in deletions("abcd", 2) and "abcd" not in deletions("abcd", 2)


def test_stats_count_names_and_words() -> None:
    stats = _index(LISTED).stats()
    assert stats.names == len(LISTED)
    assert stats.words >= 10 and stats.keys > stats.words and not stats.lean


def test_screener_finds_a_lookalike_name_in_the_bundled_lists() -> None:
    result = Screener().screen("Dalian Sun Moon Stаr Intl Logistics")  # Cyrillic а
    assert result.decision == "match"
    assert "DALIAN" in result.hits[0].matched_name.upper()


WORDS = ["profinet", "sinhung", "shinheung", "korea", "trading", "ocean", "pine", "green",
         "star", "sunmoon", "sun", "moon", "dalian", "mining", "global", "logistics", "nordic",
         "tianbao", "kwangmyong", "pyongyang", "marvel", "marvell", "international", "39",
         "north", "east", "northeast", "yortheasy", "xortheastq", "moonstar", "xunmoomstar"]


def _typo(word: str, at: int) -> str:
    at %= max(1, len(word))
    return word[:at] + word[at + 1 :] if len(word) > 4 else word


@st.composite
def _lists_and_query(draw: st.DrawFn) -> tuple[list[str], str]:
    names = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)
                          .map(" ".join), min_size=1, max_size=12))
    base = draw(st.sampled_from(names)).split()
    change = draw(st.sampled_from(["same", "typo", "join", "swap", "drop", "other"]))
    if change == "typo":
        i = draw(st.integers(0, len(base) - 1))
        base[i] = _typo(base[i], draw(st.integers(0, 12)))
    elif change == "join" and len(base) > 1:
        base = ["".join(base[:2]), *base[2:]]
    elif change == "swap":
        base = base[::-1]
    elif change == "drop" and len(base) > 1:
        base = base[1:]
    elif change == "other":
        base = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
    return names, " ".join(base)


def _watchlist(names: list[str]) -> Watchlist:
    risk = Risk(basis="reported", categories=["other"])
    return Watchlist(id="t", title="Test", entities=[
        Entity(id=f"e{i}", type="company", name=name, risk=risk, countries=["KP"] * (i % 2))
        for i, name in enumerate(names)])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lists_and_query(), st.sampled_from([None, "KP", "CN"]))
def test_indexed_screening_equals_scoring_every_name(case: tuple[list[str], str],
                                                     country: str | None) -> None:
    names, query = case
    screener = Screener(_watchlist(names))
    indexed = screener.screen(query, country=country)
    every = screener._screen_exhaustive(query, country=country, bound=False)
    assert indexed.model_dump() == every.model_dump()


def test_clearing_the_caches_keeps_the_answers() -> None:
    index = _index(LISTED)
    query = normalised_words("Dalian Sunmoonstar Intl Logistics")[0]
    first = index.candidates(query)
    assert index._word_cache and index._run_cache
    index.clear_caches()
    assert not index._word_cache and not index._run_cache
    assert index.candidates(query) == first
    assert LISTED.index("Dalian Sun Moon Star International Logistics Trading Co., Ltd.") in first


def test_the_c_lookups_are_used_unless_turned_off() -> None:
    """An install with a C compiler must use the C word lookups (``pip install -e .``
    builds them); only SANCTIONSCREEN_NO_EXTENSION=1 may turn them off."""
    index = _index(LISTED)
    if os.environ.get("SANCTIONSCREEN_NO_EXTENSION") == "1":
        assert not index_module.ACCELERATED and not index.accelerated
        return
    assert index_module.ACCELERATED, (
        "the C index module is missing: install with a C compiler (pip install -e "
        "'.[dev]'), or set SANCTIONSCREEN_NO_EXTENSION=1 to test without it")
    assert index.accelerated
    assert not _index_both(LISTED, lean=False)[1].accelerated


def _index_both(names: list[str], *, lean: bool) -> tuple[CandidateIndex, CandidateIndex]:
    words = [normalised_words(name)[0] for name in names]
    weights = WordWeights.from_names([list(w) for w in words])
    return (CandidateIndex(words, weights, min_score=0.68, lean=lean),
            CandidateIndex(words, weights, min_score=0.68, lean=lean, accelerated=False))


# Letters that romanisation rules fold (sh, eu, k/g, oo), accents, Hangul, digits.
LETTERS = st.sampled_from([*"aeioushngkgbtdrl", "sh", "eu", "oo", "é", "ü", "신", "흥", "7"])


@st.composite
def _vocabulary_and_queries(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    words = draw(st.lists(st.lists(LETTERS, min_size=1, max_size=9).map("".join),
                          min_size=1, max_size=30, unique=True))
    queries = list(words)
    for word in words:
        at = draw(st.integers(0, len(word)))
        edit = draw(st.sampled_from(["delete", "insert", "change", "swap", "two", "drop two"]))
        letter = draw(LETTERS)
        if edit == "delete":
            queries.append(word[:at] + word[at + 1 :])
        elif edit == "insert":
            queries.append(word[:at] + letter + word[at:])
        elif edit == "change":
            queries.append(word[:at] + letter + word[at + 1 :])
        elif edit == "swap" and at + 1 < len(word):
            queries.append(word[:at] + word[at + 1] + word[at] + word[at + 2 :])
        elif edit == "two":
            queries.append(word[: at // 2] + letter + word[at + 1 :])
        else:
            queries.append(word[: at // 2] + word[at // 2 + 1 : at] + word[at + 1 :])
    return words, [q for q in queries if q]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_vocabulary_and_queries(), st.booleans())
def test_the_c_lookups_find_the_words_python_finds(
        case: tuple[list[str], list[str]], lean: bool) -> None:
    if not index_module.ACCELERATED:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    words, queries = case
    names = [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)] + words
    fast, slow = _index_both(names, lean=lean)
    assert fast.accelerated and not slow.accelerated
    for query in queries:
        assert sorted(fast._met_words(query)) == sorted(slow._met_words(query)), query


def test_the_c_lookups_find_what_python_finds_in_the_bundled_lists() -> None:
    if not index_module.ACCELERATED:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    names = [name for watchlist in bundled_watchlists() for entity in watchlist.entities
             for name, _ in entity.names()]
    fast, slow = _index_both(names, lean=False)
    met = 0
    for word in fast._words:
        for query in {word, _typo(word, 2), _typo(_typo(word, 1), 4), word[::-1], word + "s"}:
            found = sorted(fast._met_words(query))
            assert found == sorted(slow._met_words(query)), query
            met += len(found)
    assert met > 3 * len(fast._words)  # words meet themselves and most of their typos
    assert fast.stats().keys > len(fast._words)
    for name in names:  # and the same names through runs written as one, and split words
        words = list(normalised_words(name)[0])
        for at in range(len(words) - 1):
            joined = [*words[:at], words[at] + words[at + 1], *words[at + 2 :]]
            assert fast.candidates(joined) == slow.candidates(joined), joined
        if len(words[0]) > 6:
            split = [words[0][:4], words[0][4:], *words[1:]]
            assert fast.candidates(split) == slow.candidates(split), split


@st.composite
def _names_and_joined_queries(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    names = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)
                          .map(" ".join), min_size=1, max_size=12))
    queries = []
    for name in names:
        words = name.split()
        at = draw(st.integers(0, max(0, len(words) - 2)))
        joined = [*words[:at], "".join(words[at : at + 2]), *words[at + 2 :]]
        cut = draw(st.integers(1, 6))
        split = [words[0][:cut], words[0][cut:], *words[1:]] if len(words[0]) > cut else words
        typo = [_typo(w, draw(st.integers(0, 9))) for w in joined]
        queries += [words, joined, [w for w in split if w], typo]
    return names, queries


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_names_and_joined_queries(), st.booleans())
def test_the_c_lookups_find_the_runs_and_joined_words_python_finds(
        case: tuple[list[str], list[list[str]]], lean: bool) -> None:
    if not index_module.ACCELERATED:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    names, queries = case
    fast, slow = _index_both(names, lean=lean)
    for query in queries:
        assert fast.candidates(query) == slow.candidates(query), query


@pytest.mark.parametrize(("names", "query", "min_score"), [
    # a word that goes on with the last code point after the query's piece
    ([("abcde\U0010ffffghij", "zzzzz")], ["abcde", "fghij"], 0.3),
    ([("", "abcdef")], ["abcdef"], 0.68),  # an empty word in a name
    # 39 of 40 letters alike: 0.99125, which Python rounds down to 0.9912 (a near-tie)
    ([("abcdefghij" * 4,)], ["abcdexghij" + "abcdefghij" * 3], 0.9913),
    ([("abcdefghij" * 4,)], ["abcdexghij" + "abcdefghij" * 3], 0.9912),
])
def test_the_c_and_python_lookups_agree_at_the_edges(
        names: list[tuple[str, ...]], query: list[str], min_score: float) -> None:
    weights = WordWeights()
    python = CandidateIndex(names, weights, min_score=min_score, accelerated=False)
    assert python.candidates(query) == (
        [] if min_score == 0.9913 else [0])  # the reference itself, checked by hand
    if index_module.ACCELERATED:
        fast = CandidateIndex(names, weights, min_score=min_score)
        assert fast.candidates(query) == python.candidates(query)


def test_a_finder_whose_building_failed_refuses_to_look_up() -> None:
    if not index_module.ACCELERATED:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    from sanctionscreen._cindex import Finder
    from sanctionscreen.matching.bound import c_constants

    finder = Finder.__new__(Finder)
    with pytest.raises(TypeError):
        finder.__init__(["abcdef"], ["abcdef"], [0.5], [], c_constants(), 7, 5, False, [],
                        [], [1])  # a whole word that is not text
    for call in (lambda: finder.near("abcdef"), lambda: finder.runs_near("abcdef"),
                 lambda: finder.whole_near("abcdef", "abc", "def"), finder.key_count):
        with pytest.raises(ValueError, match="not built"):
            call()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.integers(0, 39), max_size=12), min_size=1, max_size=20),
       st.lists(st.lists(st.integers(0, 39), max_size=12), min_size=1, max_size=20),
       st.data())
def test_postings_gather_the_names_of_the_entries_each_once_in_order(
        entries: list[list[int]], whole: list[list[int]], data: st.DataObject) -> None:
    if not index_module.ACCELERATED:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    from sanctionscreen._cindex import Postings

    postings = Postings(40, index_module._table(entries), index_module._table(whole))
    assert postings.size() == sum(map(len, entries)) + sum(map(len, whole))
    for _ in range(3):  # each call starts afresh: names seen before count again
        picked = data.draw(st.lists(st.lists(st.integers(0, len(entries) - 1), max_size=4),
                                    max_size=4))
        picked_whole = data.draw(st.lists(st.lists(st.integers(0, len(whole) - 1),
                                                   max_size=4), max_size=4))
        expected = {n for group in picked for e in group for n in entries[e]}
        expected |= {n for group in picked_whole for e in group for n in whole[e]}
        assert postings.gather(picked, picked_whole) == sorted(expected)


@pytest.mark.parametrize("names", [60, 256, 257, 65_536, 65_537, 300_000, 2**24 + 3])
@pytest.mark.parametrize("size", [49, 700, 5_000])
def test_postings_gather_many_names_in_order(names: int, size: int) -> None:
    """Answers of more than a few dozen names are sorted by their bytes (one to four
    passes, by the largest name's size): the same order as few, each name once."""
    if not index_module.ACCELERATED:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    from sanctionscreen._cindex import Postings

    chance = random.Random(names * 31 + size)
    entries = [[chance.randrange(names) for _ in range(size // 3 + 1)] for _ in range(4)]
    entries.append([names - 1, 0, names // 2])  # the largest and smallest names too
    postings = Postings(names, index_module._table(entries), index_module._table([[0]]))
    expected = sorted({n for entry in entries for n in entry})
    assert postings.gather([[0, 1], [2, 3, 4]], []) == expected
    assert postings.gather([[4]], []) == sorted({0, names // 2, names - 1})


def test_postings_refuse_bad_tables_and_entries() -> None:
    if not index_module.ACCELERATED:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    from array import array

    from sanctionscreen._cindex import Postings

    good = index_module._table([[0, 2], [1]])
    with pytest.raises(ValueError, match="no listed name 2"):
        Postings(2, good, good)  # a name beyond the list
    with pytest.raises(ValueError, match="end at the names' count"):
        Postings(3, (array("q", [0, 5]), array("i", [0])), good)
    with pytest.raises(ValueError, match="must not decrease"):
        Postings(3, (array("q", [0, 2, 1, 2]), array("i", [0, 1])), good)
    with pytest.raises(TypeError, match="int64"):
        Postings(3, (array("i", [0, 1]), array("i", [0])), good)
    postings = Postings(3, good, good)
    with pytest.raises(IndexError, match="no entry 2"):
        postings.gather([[2]], [])
    with pytest.raises(IndexError, match="no entry -1"):
        postings.gather([], [[-1]])
    with pytest.raises(TypeError):
        postings.gather([["a"]], [])
    assert postings.gather([[0], [0, 1]], [[1]]) == [0, 1, 2]


    class Nested:  # a number that gathers from the same postings while it is read
        def __index__(self) -> int:
            postings.gather([[0]], [])
            return 0

    with pytest.raises(RuntimeError, match="while a gather"):
        postings.gather([[Nested(), 1]], [])
    assert postings.gather([[1]], []) == [1]  # and the postings still work
    broken = Postings.__new__(Postings)
    with pytest.raises(ValueError):
        broken.__init__(2, good, good)
    for call in (lambda: broken.gather([[0]], []), broken.size):
        with pytest.raises(ValueError, match="not built"):
            call()


def test_postings_gather_right_across_the_wrap_of_their_query_counter() -> None:
    """Names are marked with the gather's 32-bit number so that each is given once; when
    the number wraps, every mark is cleared, so the gather after it still gives the
    names no gather had given before."""
    if not index_module.ACCELERATED:
        pytest.skip("the C module is turned off (SANCTIONSCREEN_NO_EXTENSION=1)")
    from sanctionscreen._cindex import Postings

    entries = [[0, 1], [2, 3, 4], [5, 6], [1, 6]]
    postings = Postings(7, index_module._table(entries), index_module._table([[0]]))
    postings._number_queries_from(2**32 - 3)
    for picked, expected in (([[0]], [0, 1]), ([[0], [0]], [0, 1]),  # the last two numbers
                             ([[1], [2]], [2, 3, 4, 5, 6]),  # the wrap, on names not given
                             ([[3]], [1, 6]), ([[0, 1, 2, 3]], list(range(7)))):
        assert postings.gather(picked, []) == expected, picked
    with pytest.raises(OverflowError):
        postings._number_queries_from(2**32)
