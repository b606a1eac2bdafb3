"""Word alignment: joined and split words, word order, each word used once."""

from __future__ import annotations

from sanctionscreen.matching.align import align
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
