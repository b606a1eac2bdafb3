"""Hits: explained, fingerprinted, and one per entity however many lists name it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionscreen import Screener, Watchlist
from sanctionscreen.screening.hits import fingerprint, one_per_entity
from tests.conftest import shared_path

OFAC = "eval/lists/ofac-sdn-2024-05"


@pytest.fixture(scope="module")
def with_ofac() -> Screener:
    return Screener(["bundled", str(shared_path(OFAC))])


def test_an_entity_on_two_lists_is_one_hit_with_both_records(with_ofac: Screener) -> None:
    # The bundled Dalian Sun Moon Star cites OFAC entry 24566, which OFAC lists too.
    result = with_ofac.screen("Dalian Tianbao Intl Logistics Co Ltd")
    assert [(h.list, h.entity_id) for h in result.hits] == [
        ("dprk-articles", "dalian-sun-moon-star")]
    also = result.hits[0].also_listed
    assert [(h.list, h.entity_id) for h in also] == [("ofac-sdn", "ofac-24566")]
    assert also[0].explanation.word_pairs  # the other list's record is kept whole
    text = result.text()
    assert text.count("Also listed: list ofac-sdn, id ofac-24566") == 1
    assert text.count("Words lined up") == 1  # explained once


def test_hits_without_a_shared_designation_stay_apart(with_ofac: Screener) -> None:
    hits = with_ofac.screen("Korea Sinhung Trading Corporation").hits
    assert hits and all(not h.also_listed for h in hits)
    assert one_per_entity([]) == []
    # two entities of one list are never merged, whatever they cite
    first = hits[0]
    twin = first.model_copy(update={"entity_id": "other"})
    assert len(one_per_entity([first, twin])) == 2


def test_the_fingerprint_covers_every_alias(tmp_path: Path) -> None:
    listing = {"id": "ships", "title": "Ships", "entities": [{
        "id": "acme", "type": "company", "name": "ACME SHIPPING HOLDING GMBH",
        "risk": {"basis": "reported", "categories": ["sanctions_evasion"]},
        "sources": [{"kind": "article", "title": "Test"}]}]}
    plain = Watchlist.model_validate(listing).entities[0]
    listing["entities"][0]["aliases"] = [{"name": "Acme Shipping Holding", "kind": "aka"}]
    aliased = Watchlist.model_validate(listing).entities[0]
    assert fingerprint(plain) != fingerprint(aliased)
    assert fingerprint(plain) == fingerprint(Watchlist.model_validate(
        {**listing, "entities": [{**listing["entities"][0], "aliases": []}]}).entities[0])
    hit = Screener([Watchlist.model_validate(listing)]).screen("Acme Shipping Holding").hits[0]
    assert hit.entity_fingerprint == fingerprint(aliased)


def test_the_evaluation_finds_an_entity_shown_as_another_lists_hit(with_ofac: Screener,
                                                                   ) -> None:
    # OFAC's entry 24566 travels inside the bundled entity's hit: still found.
    from sanctionscreen.screening_eval import Query, outcome

    query = Query(file="listed.csv", row=2, set="listed", category="ofac-sdn",
                  name="Dalian Tianbao Intl Logistics Co Ltd", country=None,
                  expected=("ofac-sdn", "ofac-24566"))
    result = with_ofac.screen(query.name)
    assert result.hits[0].list == "dprk-articles"
    found = outcome(query, result, review=0.70)
    assert found.found and found.found_as_match
