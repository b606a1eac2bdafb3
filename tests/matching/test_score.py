"""The score: weighted Dice over aligned words, and the rules that adjust it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionscreen import compare
from sanctionscreen.matching.score import COMMON_ONLY_CAP, FORMULA


def test_identical_names_score_one() -> None:
    comparison = compare("Korea Sinhung Trading Corporation", "Korea Sinhung Trading Corporation")
    assert comparison.score == 1.0
    assert comparison.explanation.score.adjustments == []


def test_score_is_the_documented_formula() -> None:
    listed = "Dalian Tianbao International Logistics Trading Co Ltd"
    detail = compare("Tianbao Logistics Ltd", listed).explanation.score
    assert not detail.adjustments
    assert detail.formula == FORMULA
    expected = detail.matched_weight / (detail.query_weight + detail.listed_weight)
    assert abs(detail.base_score - expected) < 1e-3
    assert detail.score == round(detail.base_score, 4)


def test_generic_words_alone_are_capped() -> None:
    explanation = compare("Korea Trading Company", "Korea Sinhung Trading Corporation").explanation
    assert explanation.score.score <= COMMON_ONLY_CAP
    rules = [a.rule for a in explanation.score.adjustments]
    assert rules == ["no_distinctive_word"] or explanation.score.base_score <= COMMON_ONLY_CAP
    assert explanation.decision == "clear"


def test_listed_name_of_common_words_only_can_still_match() -> None:
    assert compare("Third Floor", "THIRD FLOOR").decision == "match"
    assert compare("Office No 39", "OFFICE 39").decision == "match"


def test_missing_distinctive_word_costs_more_than_missing_common_word() -> None:
    listed = "Dalian Sun Moon Star International Logistics Trading Co Ltd"
    no_moon = compare("Dalian Sun Star International Logistics Trading", listed).score
    no_trading = compare("Dalian Sun Moon Star International Logistics", listed).score
    assert no_trading > no_moon
    assert compare("Sun Star Logistics Ltd", listed).decision != "match"


def test_places_differ_rule() -> None:
    explanation = compare("Bowne Global Solutions (France) SARL",
                          "Bowne Global Solutions (Germany) GmbH").explanation
    assert "places_differ" in [a.rule for a in explanation.score.adjustments]


def test_legal_form_difference_costs_little() -> None:
    explanation = compare("Deutsche Bank AG", "Deutsche Bank GmbH").explanation
    rules = {a.rule: a for a in explanation.score.adjustments}
    assert rules["legal_form_differs"].after == round(rules["legal_form_differs"].before * 0.97, 4)


def test_empty_against_name_scores_zero() -> None:
    assert compare("", "Profinet").score == 0.0
    assert compare("...", "Profinet").decision == "clear"


WORDS = st.sampled_from(["sinhung", "profinet", "tianbao", "dalian", "korea", "trading",
                         "international", "logistics", "moon", "star", "39", "office", "co",
                         "ltd", "of", "the", "rason", "chosun", "kaesong", "garment"])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=6), st.lists(WORDS, min_size=1, max_size=6))
def test_score_is_between_zero_and_one(a: list[str], b: list[str]) -> None:
    comparison = compare(" ".join(a), " ".join(b))
    assert 0.0 <= comparison.score <= 1.0
    assert comparison.decision in ("match", "review", "clear")


DISTINCTIVE = st.sampled_from(["sinhung", "profinet", "tianbao", "riyuexing", "krasoty",
                               "crystalord", "faberlic", "nantahala"])


@settings(max_examples=100, deadline=None)
@given(st.lists(DISTINCTIVE, min_size=2, max_size=4, unique=True),
       st.lists(st.sampled_from(["trading", "logistics", "international", "korea"]),
                max_size=2, unique=True))
def test_adding_a_correct_distinctive_word_never_lowers_the_score(
        distinctive: list[str], common: list[str]) -> None:
    listed = " ".join(distinctive + common)
    partial = " ".join(distinctive[1:] + common)
    full = " ".join(distinctive + common)
    assert compare(full, listed).score >= compare(partial, listed).score


def _golden_pairs() -> list[tuple[str, str]]:
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "data" / "golden_compare.csv"
    with path.open(encoding="utf-8") as handle:
        return [(row["query"], row["listed"]) for row in csv.DictReader(handle)]


def test_alignment_score_is_the_explained_score() -> None:
    """The screener's fast path (no record of the rules) gives the explained score, on
    pairs where every rule fires: the cap, the contained floor, places and legal forms."""
    from sanctionscreen.matching.align import align
    from sanctionscreen.matching.rules import Listing
    from sanctionscreen.matching.score import alignment_score, ruled_score, score_alignment
    from sanctionscreen.matching.weights import WordWeights
    from sanctionscreen.text.normalize import normalise

    weights = WordWeights()
    pairs = [*_golden_pairs(), ("Korea Trading Company", "Korea Sinhung Trading Corporation"),
             ("Office No. 39 Restaurant Services", "OFFICE 39"),
             ("Sinhung Trading (France) SARL", "Sinhung Trading (Germany) GmbH"),
             ("Sinhung Trading LLC", "Sinhung Trading JSC"), ("", "")]
    rules: set[str] = set()
    for query, listed in pairs:
        q, c = normalise(query), normalise(listed)
        alignment = align(q.words, c.words, weights)
        score, _, adjustments, _ = score_alignment(alignment, q, c, listing=None)
        rules.update(a.rule for a in adjustments)
        assert alignment_score(alignment, q.words == c.words, q.legal_forms,
                               c.legal_forms) == score, (query, listed)
        ruled, _, _, _ = score_alignment(alignment, q, c)
        assert ruled_score(alignment, q.words == c.words, q.legal_forms, c.legal_forms,
                           Listing()) == ruled <= score, (query, listed)
    assert rules == {"no_distinctive_word", "listed_name_contained", "places_differ",
                     "legal_form_differs"}
