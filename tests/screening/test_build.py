"""Building: listed names numbered, long lists normalised in processes where allowed."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest

from sanctionscreen import Screener, Watchlist
from sanctionscreen.screening import build as build_module
from sanctionscreen.screening.build import normalise_all, with_bracketed_acronym

NAMES = ["Korea Sinhung Trading Corporation", "DAEDONG CREDIT BANK (DCB)",
         "Dalian Sun Moon Star International Logistics Trading Co., Ltd."]


def test_a_name_ending_in_an_acronym_is_screened_whole_and_in_parts() -> None:
    assert with_bracketed_acronym("DAEDONG CREDIT BANK (DCB)", "primary") == [
        ("DAEDONG CREDIT BANK (DCB)", "primary"), ("DAEDONG CREDIT BANK", "primary"),
        ("DCB", "acronym")]
    assert with_bracketed_acronym("Office (39)", "alias") == [("Office (39)", "alias")]


def _normalise_in_a_daemon(queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    build_module.PARALLEL_FROM = 2  # as a long list would
    queue.put(normalise_all(NAMES * 2, plain=True))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="the processes are forked")
def test_a_daemonic_worker_normalises_a_long_list_itself() -> None:
    """A Spark, Dask or pool worker is daemonic and may have no children: the build
    normalises in that process instead of failing."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    worker = context.Process(target=_normalise_in_a_daemon, args=(queue,), daemon=True)
    worker.start()
    found = queue.get(timeout=60)
    worker.join(timeout=60)
    assert worker.exitcode == 0
    assert found == normalise_all(NAMES * 2, plain=True)
    assert found[0][0] == ("korea", "sinhung", "trading")


def test_results_record_the_source_the_caller_names(tmp_path: object) -> None:
    bundled = Screener()
    source = bundled.lists_info[0].source
    moved = Screener(recorded_sources={"dprk-articles": "s3://lists/dprk-articles.yaml"})
    assert moved.lists_info[0].source == "s3://lists/dprk-articles.yaml" != source
    result = moved.screen("Korea Shinheung Trading Corp.")
    assert result.lists[0].source == "s3://lists/dprk-articles.yaml"
    assert result.lists[0].content_hash == bundled.lists_info[0].content_hash


def test_stats_say_what_the_screener_holds() -> None:
    screener = Screener()
    facts = screener.stats()
    watchlist = screener.watchlists[0]
    assert isinstance(watchlist, Watchlist)
    assert facts.lists == {watchlist.id: len(watchlist.entities)}
    assert facts.listed_names == facts.index.names >= len(watchlist.entities)
    assert 0 < facts.index.words < facts.index.keys
    screener.screen("Korea Shinheung Trading Corp.")
    assert screener.stats().cached["searches"] == 1
    screener.clear_caches()
    assert screener.stats().cached == {"searches": 0, "explanations": 0, "listed_names": 0}



def test_one_build_process_forks_nothing_and_gives_the_same(monkeypatch: pytest.MonkeyPatch,
                                                             ) -> None:
    """A Spark or Dask worker owns one core: asked for one process, the build forks none."""
    contexts: list[str] = []
    real = multiprocessing.get_context

    def counted(method: str | None = None) -> Any:
        contexts.append(str(method))
        return real(method)

    monkeypatch.setattr(build_module, "PARALLEL_FROM", 2)
    monkeypatch.setattr(multiprocessing, "get_context", counted)
    alone = normalise_all(NAMES * 2, plain=True, processes=1)
    assert contexts == []
    assert alone == normalise_all(NAMES * 2, plain=True, processes=2)
    assert contexts == ["fork"]
