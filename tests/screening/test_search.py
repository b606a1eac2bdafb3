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
