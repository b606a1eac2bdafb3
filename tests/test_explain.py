"""Plain-text rendering of explanations, hits and results."""

from __future__ import annotations

from sanctionscreen import Screener, compare


def test_explanation_text_names_every_part() -> None:
    listed = "Korea Sinhung Trading Corporation"
    text = compare("Korea Shinheung Trdg Co", listed).explanation.text()
    assert "Query 'Korea Shinheung Trdg Co' was compared as 'korea shinheung trading'" in text
    assert "abbreviations expanded: trdg -> trading" in text
    assert "legal form 'co' set aside" in text
    assert "'shinheung' ~ 'sinhung': similarity 0.95, weight 1.00 (romanisation variant)" in text
    assert "Score: " in text and "Decision: match, because score" in text


def test_adjustments_and_unmatched_words_are_shown() -> None:
    text = compare("Korea Trading Company", "Korea Sinhung Trading Corporation").explanation.text()
    assert "Words of the listed name with no partner: 'sinhung' (distinctive, weight 1.00)" in text
    assert "no distinctive word of the listed name ('sinhung')" in text


def test_contained_listed_name_is_explained() -> None:
    explanation = compare("Office No. 39 Restaurant Services", "OFFICE 39").explanation
    assert explanation.decision == "review"
    assert "every word of the listed name is in the query" in explanation.text()


def test_result_text_for_reported_entity() -> None:
    text = Screener().screen("Korea Sinhung Trading").text()
    assert text.startswith("'Korea Sinhung Trading': MATCH")
    assert "Reported (" in text
    assert "file 000_897b576c6e9327eb.txt" in text


def test_clear_and_error_results() -> None:
    screener = Screener()
    assert screener.screen("Acme Widgets").text() == (
        "'Acme Widgets': CLEAR (no listed name came near the review threshold)")
    assert screener.screen("").text() == "'': ERROR: the name is empty"
