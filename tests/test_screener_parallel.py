"""``screen_many`` with several workers gives exactly what one worker gives, in input order."""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterator

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
    screener.clear_caches()
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


@pytest.mark.parametrize("country", [[], 7, b"KP"], ids=repr)
def test_a_country_other_than_text_gives_an_error_that_says_so(country: object) -> None:
    # An empty list once passed for "no country" (and, unhashable, broke the cache): a
    # country is text or None, and anything else is an error result that names its type,
    # compiled or not. Nothing is kept for it.
    screener = Screener()
    result = screener.screen("Korea Sinhung Trading Corporation", country=country)
    assert result.decision == "error"
    assert result.error == ("the country must be text, such as 'KP', or None, not "
                            f"{type(country).__name__}")
    assert not result.hits
    assert not screener._caches.explanations and not screener._caches.searches


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="several workers need a platform that can fork")
def test_a_row_with_a_country_other_than_text_is_an_error_row_in_a_batch() -> None:
    items = [("Korea Sinhung Trading Corporation", "KP"), ("Korea Sinhung Trading", []),
             ("Nordic Packaging AB", None)] * 3
    for workers in (1, 2):
        decisions = [r.decision for r in Screener().screen_many(items, workers=workers)]
        assert decisions == ["match", "error", "clear"] * 3


FORK = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                          reason="several workers need a platform that can fork")


@FORK
def test_workers_read_the_input_as_they_go() -> None:
    """An endless input gives its first results at once; only a few batches are read
    ahead (issue 18: the input was read whole before the first result)."""
    from sanctionscreen.screening.batch import BATCHES_AHEAD, WORKER_BATCH

    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for number in itertools.count():
            pulled += 1
            yield f"Nordic Packaging {number} AB" if number % 7 else "Profinet Pte Ltd"

    results = Screener().screen_many(endless(), workers=2)
    first = list(itertools.islice(results, 600))
    results.close()  # type: ignore[attr-defined]
    assert [r.decision for r in first[:8]] == ["match"] + ["clear"] * 6 + ["match"]
    assert pulled <= 600 + (BATCHES_AHEAD * 2 + 1) * WORKER_BATCH


@FORK
def test_two_screeners_in_two_threads_each_screen_against_their_own_lists() -> None:
    """Workers are given their screener when they start, not through a module global
    that another thread may change (issue 18: IndexError in 5 of 12 runs)."""
    from concurrent.futures import ThreadPoolExecutor

    from sanctionscreen.watchlist.model import Entity, Risk, Watchlist

    risk = Risk(basis="reported", categories=["other"])
    small = Screener(Watchlist(id="small", title="One entity", entities=[
        Entity(id="acme", type="company", name="Acme Shipping Holding", risk=risk)]))
    bundled = Screener()
    names = ["Acme Shipping Holding", "Profinet Pte Ltd", "Nordic Packaging AB"] * 300

    def run(screener: Screener) -> list[list[str]]:
        return [[h.entity_id for h in r.hits] for r in screener.screen_many(names, workers=2)]

    for _ in range(3):
        with ThreadPoolExecutor(2) as pool:
            got_small, got_bundled = pool.map(run, [small, bundled])
        assert got_small == [["acme"], [], []] * 300
        assert got_bundled == [[], ["profinet"], []] * 300
