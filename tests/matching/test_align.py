"""Word alignment: joined and split words, word order, each word used once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionscreen.matching.align import align, aligned, alignment_from
from sanctionscreen.matching.score import alignment_score
from sanctionscreen.matching.weights import WordWeights


def test_joined_words_meet_their_parts() -> None:
    alignment = align(["sunmoonstar", "logistics"], ["dalian", "sun", "moon", "star", "logistics"],
                      WordWeights())
    labels = [(p.query.label, p.listed.label, p.how) for p in alignment.pairs]
    assert ("sunmoonstar", "sun moon star", "joined words") in labels
    assert [u.label for u in alignment.unmatched_listed] == ["dalian"]


def test_split_words_meet_the_joined_listed_word() -> None:
    alignment = align(["van", "der", "bilt"], ["vanderbilt"], WordWeights())
    assert [(p.query.label, p.listed.label) for p in alignment.pairs] == [
        ("van der bilt", "vanderbilt")]


def test_word_order_does_not_matter() -> None:
    alignment = align(["trading", "sinhung", "korea"], ["korea", "sinhung", "trading"],
                      WordWeights())
    assert all(p.similarity == 1.0 for p in alignment.pairs)
    assert not alignment.unmatched_query and not alignment.unmatched_listed


def test_each_word_is_used_once() -> None:
    alignment = align(["star", "star"], ["star"], WordWeights())
    assert len(alignment.pairs) == 1
    assert [u.label for u in alignment.unmatched_query] == ["star"]


# Typos, romanisation, joined and split words, short words, numbers and places.
_WORDS = ["profinet", "profinat", "sinhung", "shinheung", "korea", "trading", "ocean", "pine",
          "green", "greenpine", "star", "sunmoon", "sun", "moon", "dalian", "holding",
          "holdings", "s", "a", "al", "co", "kwangmyong", "kwang", "myong", "39", "7", "of",
          "the", "and", "france", "germany", "china", "pyongyang", "rason", "branch",
          "company", "group", "bank", "45", "ltd"]
_aligned_names = st.lists(st.one_of(st.sampled_from(_WORDS),
                                    st.text(alphabet="abcdeo", min_size=1, max_size=9)),
                          max_size=6)


@settings(max_examples=400, deadline=None)
@given(_aligned_names, _aligned_names)
def test_an_alignment_sent_as_spans_comes_back_the_same(query: list[str],
                                                        listed: list[str]) -> None:
    """A worker sends how the names line up as plain numbers (``Spans``); the alignment
    rebuilt from them is the one the search made, pairs in the query's order (a repeated
    word's at its first place)."""
    weights = WordWeights.from_names([listed, query])
    alignment, spans = aligned(query, listed, weights)
    assert alignment == align(query, listed, weights)
    assert alignment_from(query, listed, weights, spans) == alignment, (query, listed)
    query_units, listed_units, pairs = spans
    assert sum(size for _, size in query_units) == len(query)
    assert sum(size for _, size in listed_units) == len(listed)
    first = [next(i for i, (start, size) in enumerate(query_units)
                  if query[start:start + size] == query[s:s + n]) for s, n in query_units]
    assert [first[qi] for qi, _, _ in pairs] == sorted(first[qi] for qi, _, _ in pairs)


def test_spans_on_joined_words_and_repeated_words() -> None:
    weights = WordWeights()
    _, spans = aligned(["sunmoonstar", "dalian"], ["dalian", "sun", "moon", "star"], weights)
    assert spans == ([(0, 1), (1, 1)], [(0, 1), (1, 3)], [(0, 1, 1.0), (1, 0, 1.0)])
    _, spans = aligned(["sinhung", "sinhung", "trading"], ["trading", "sinhung"], weights)
    assert spans[2] == [(0, 1, 1.0), (2, 0, 1.0)]  # the first of two equal words pairs
    # A repeated word's pairs sit together, at its first place, as explanations show them.
    query = ["inayat", "al", "rahman", "bin", "sheikh", "jamil", "al", "rahman"]
    listed = ["al", "rahman", "inayat", "al", "rahman", "bin", "sheikh", "jamil"]
    alignment, spans = aligned(query, listed, weights)
    assert [p.query.label for p in alignment.pairs] == [
        "inayat", "al", "al", "rahman", "rahman", "bin", "sheikh", "jamil"]
    assert [qi for qi, _, _ in spans[2]] == [0, 1, 6, 2, 7, 3, 4, 5]
    # three letters of eight differ: 0.60625, which Python rounds down to 0.6062
    assert alignment_score(align(["hoxyzngs"], ["holdings"], weights), False, (), ()) == 0.6062
