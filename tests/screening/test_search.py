"""What a search finds, and what travels back from a worker process."""

from __future__ import annotations

import pickle

from sanctionscreen.screener import Screener
from sanctionscreen.screening.batch import _search_one, _start_worker


def test_what_a_worker_sends_back_survives_pickling() -> None:
    # Compiled, a frozen class is unpickled field by field unless it says how to be
    # made; a failure there kills the pool's result thread and the batch waits forever.
    _start_worker(Screener())
    for item in [("Dalian Tianbao Intl Logistics Co Ltd", None),
                 ("Korea Shinheung Trading Corp.", "KP"), ("Nordic Packaging AB", None),
                 ("", None)]:
        sent = _search_one(item)
        assert pickle.loads(pickle.dumps(sent)) == sent


def test_a_listed_name_is_found_with_its_number_and_what_was_made() -> None:
    screener = Screener()
    found, made = screener._searched("Dalian Tianbao Intl Logistics Co Ltd", None)
    assert found.query == "Dalian Tianbao Intl Logistics Co Ltd"
    assert found.numbers and found.error is None
    assert made is not None and "dalian" in made.words
    nothing, _ = screener._searched("   ", None)
    assert nothing.numbers == () and nothing.error


def test_names_left_out_by_their_bound_change_nothing() -> None:
    """With many candidates, only those whose bound can reach the best ``max_hits`` are
    lined up; the hits are those that lining up every candidate gives."""
    from sanctionscreen.screening.search import ORDERED_FROM, scored, search
    from sanctionscreen.text.normalize import normalised_steps
    from sanctionscreen.watchlist.model import Entity, Risk, Watchlist

    towns = ["Sinhung", "Shinheung", "Sinheung", "Sinhun", "Kwangmyong", "Kangmyong",
             "Pyongsong", "Phyongsong", "Chongjin", "Chongjing", "Haeju", "Hamhung"]
    kinds = ["Trading", "Trading Company", "General Trading", "Trade", "Trading Corp",
             "Export Trading"]
    listing = Watchlist(id="t", title="T", entities=[Entity(
        id=f"e{number}", type="company", name=f"Korea {town} {kind}", countries=["KP"],
        risk=Risk(basis="reported")) for number, (town, kind) in enumerate(
            (town, kind) for town in towns for kind in kinds)])
    built = Screener([listing])._built
    for query, country in [("Korea Sinhung Trading", None), ("Korea Shinheung Trdg", "KP"),
                           ("Sinhung Korea General Trading Co", "CN"),
                           ("Korea Sinhun Trade", None)]:
        words, forms, _ = normalised_steps(query)
        numbers = built.bounds.survivors(words, built.index.candidates(words), built.floor)
        assert len(numbers) > ORDERED_FROM, query  # the case under test
        every: dict[tuple[int, str], tuple[float, int]] = {}
        for score, near in scored(built, words, forms, numbers, country):  # keep=None
            key = (built.names[near.number].list_index, built.names[near.number].entity.id)
            if key not in every or score > every[key][0]:
                every[key] = (score, near.number)
        expected = [number for _, (_, number) in sorted(every.items(), key=lambda item: (
            -item[1][0], item[0][1]))][: built.settings.max_hits]
        found, _ = search(built, query, country)
        assert list(found.numbers) == expected, query
        assert len(expected) == built.settings.max_hits, query
