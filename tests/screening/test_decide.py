"""The country rule, the weak-alias cap and the thresholds."""

from __future__ import annotations

from sanctionscreen import Screener, Settings
from sanctionscreen.screening.decide import (
    COUNTRY_AGREES,
    COUNTRY_DIFFERS,
    bounded,
    country_code,
    country_delta,
    search_floor,
)


def test_the_country_rule() -> None:
    assert country_delta("KP", ["KP", "CN"]) == COUNTRY_AGREES
    assert country_delta("DE", ["KP"]) == COUNTRY_DIFFERS
    assert country_delta("DE", []) == 0.0  # the entity lists no country
    assert country_delta("", ["KP"]) == 0.0  # none given
    assert country_code(" kp ", Settings()) == "KP"
    assert country_code("   ", Settings()) == ""  # blank is none, not a mismatch
    assert country_code("KP", Settings(use_country=False)) == ""
    assert bounded(0.99 + COUNTRY_AGREES) == 1.0 and bounded(0.01 + COUNTRY_DIFFERS) == 0.0


def test_the_floor_leaves_room_for_the_country_bonus() -> None:
    settings = Settings()
    assert search_floor(settings) < settings.thresholds.review - COUNTRY_AGREES + 1e-3
    assert search_floor(Settings(use_country=False)) > search_floor(settings)


def test_a_blank_country_is_no_country() -> None:
    screener = Screener()
    plain = screener.screen("Dalian Tianbao Logistics")
    blank = screener.screen("Dalian Tianbao Logistics", country="  ")
    assert blank.hits[0].score == plain.hits[0].score
    assert not blank.hits[0].explanation.score.adjustments or all(
        a.rule != "country" for a in blank.hits[0].explanation.score.adjustments)


def test_a_weak_alias_gives_at_most_review() -> None:
    # "Profinet Agency" and "Room 39" are weak aliases in the bundled list: met in full
    # (score 1.000) they still give review, and the threshold's sentence says why.
    screener = Screener()
    for name in ("Profinet Agency", "Room 39"):
        hit = screener.screen(name).hits[0]
        assert hit.matched_name_kind == "weak" and hit.score == 1.0, hit.matched_name
        assert hit.decision == "review"
        assert "weak alias, so at most review" in hit.explanation.threshold.decided_by


def test_a_country_name_counts_as_its_code() -> None:
    # "North Korea" once counted as a mismatch (-0.03) against an entity in KP
    screener = Screener()
    by_code = screener.screen("Korea Sinhung Trading Corporation", country="KP")
    by_name = screener.screen("Korea Sinhung Trading Corporation", country="North Korea")
    assert [h.score for h in by_name.hits] == [h.score for h in by_code.hits]
    assert country_code("Russia", Settings()) == "RU"
    assert country_code("UK", Settings()) == "GB"
    reasons = [a.reason for a in by_name.hits[0].explanation.score.adjustments]
    assert any("'North Korea' (KP), agrees" in r for r in reasons), reasons


def test_a_country_that_cannot_be_read_is_not_used_and_said() -> None:
    screener = Screener()
    plain = screener.screen("Korea Sinhung Trading Corporation")
    unread = screener.screen("Korea Sinhung Trading Corporation", country="Narnia")
    assert [h.score for h in unread.hits] == [h.score for h in plain.hits]
    assert country_code("Narnia", Settings()) == ""
    notes = [a for a in unread.hits[0].explanation.score.adjustments if a.rule == "country"]
    assert notes and notes[0].before == notes[0].after
    assert "'Narnia', is neither a country code nor a country name" in notes[0].reason
