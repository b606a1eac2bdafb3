"""Word weights: classes from the table, lowered by frequency in large lists."""

from __future__ import annotations

from sanctionscreen.matching.weights import WordWeights, word_class


def test_classes_from_the_table() -> None:
    assert word_class("trading") == "common"
    assert word_class("korea") == "geographic"
    assert word_class("of") == "stopword"
    assert word_class("44") == "number"
    assert word_class("sinhung") == "distinctive"


def test_weights_follow_the_classes() -> None:
    weights = WordWeights()
    assert weights("sinhung").weight == 1.0
    assert weights("of").weight == 0.0
    assert weights("korea").weight < weights("trading").weight < weights("sinhung").weight


def test_small_lists_do_not_change_weights() -> None:
    weights = WordWeights.from_names([["profinet"], ["profinet", "agency"]])
    assert not weights.uses_frequency
    assert weights("profinet").weight == 1.0


def test_frequent_words_weigh_less_in_large_lists() -> None:
    names = [["golden", f"name{i}"] for i in range(300)] + [[f"other{i}"] for i in range(1700)]
    weights = WordWeights.from_names(names)
    assert weights.uses_frequency
    golden = weights("golden")
    assert golden.weight < 1.0
    assert "300 of 2,000 listed names" in golden.why
    assert weights("name7").weight == 1.0
