"""``screen_many`` with several workers gives exactly what one worker gives, in input order."""

from __future__ import annotations

import multiprocessing

import pytest

from sanctionscreen.screener import Screener

NAMES: list[object] = [
    "Dalian Tianbao Intl Logistics Co Ltd",
    "Brightwave Textiles GmbH",
    ("Korea Shinheung Trading Corp.", "KP"),
    ("Korea Sinhung Trading", "CN"),
    "",
    None,
    "Sunmoonstar Int'l Logistics",
    "Nordic Packaging AB",
    "Profinet Pte Ltd",
    "Office 39",
] * 40


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="several workers need a platform that can fork")
def test_two_workers_give_the_results_of_one_in_order() -> None:
    screener = Screener()
    one = [r.model_dump() for r in screener.screen_many(NAMES, workers=1)]
    screener._clear_caches()
    two = [r.model_dump() for r in screener.screen_many(NAMES, workers=2)]
    assert len(two) == len(NAMES)
    assert two == one
    assert [r["decision"] for r in one[:6]] == ["match", "clear", "match", "match", "error",
                                                "error"]


def test_a_repeated_name_gives_the_result_of_a_fresh_screener() -> None:
    screener = Screener()
    first = screener.screen("Korea Sinhung Trading Corporation", country="KP")
    again = screener.screen("Korea Sinhung Trading Corporation", country="KP")
    assert again == first
    assert Screener().screen("Korea Sinhung Trading Corporation", country="KP") == first


def test_a_country_that_cannot_be_a_cache_key_is_screened_without_caching() -> None:
    # An empty list is no country (falsy, like None) but cannot be hashed: the name is
    # screened and explained as with no country, and nothing is kept for it.
    screener = Screener()
    name = "Korea Sinhung Trading Corporation"
    result = screener.screen(name, country=[])  # type: ignore[arg-type]
    assert result.decision == "match"
    assert result.model_dump() == Screener().screen(name).model_dump()
    assert not screener._explanations and not screener._searches
