"""Screening against the bundled list: hits, explanations, errors, audit fields."""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from sanctionscreen import Screener, Thresholds, load_watchlist, screen
from sanctionscreen.errors import ConfigurationError


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()


@pytest.mark.parametrize(("name", "entity_id"), [
    ("Dalian Tianbao Intl Logistics Co Ltd", "dalian-sun-moon-star"),
    ("Korea Shinheung Trading Corp.", "korea-sinhung-trading-corporation"),
    ("조선신흥무역회사", "korea-sinhung-trading-corporation"),
    ("ООО Профинет", "profinet"),
    ("Bureau 39", "office-39"),
    ("SinSMS Pte Ltd", "sinsms"),
])
def test_listed_entities_are_matched(screener: Screener, name: str, entity_id: str) -> None:
    result = screener.screen(name)
    assert result.decision == "match"
    assert result.hits[0].entity_id == entity_id
    assert result.hits[0].list == "dprk-articles"


@pytest.mark.parametrize("name", ["Samsung Electronics Co., Ltd.", "Shinwon Corporation",
                                  "Sysco Corporation", "Trident Seafoods", "Acme Widgets Ltd"])
def test_unlisted_suppliers_are_clear(screener: Screener, name: str) -> None:
    result = screener.screen(name)
    assert result.decision == "clear"
    assert result.hits == []


def test_hits_are_sorted_and_one_per_entity(screener: Screener) -> None:
    result = screener.screen("Korea Sinhung Trading Corporation Rason Branch")
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores, reverse=True)
    assert len({hit.entity_id for hit in result.hits}) == len(result.hits)
    assert result.hits[0].entity_id == "korea-sinhung-trading-corporation-rason-branch"


def test_hit_carries_risk_sources_and_explanation(screener: Screener) -> None:
    hit = screener.screen("Dailan Sun Moon Star International Logistics").hits[0]
    assert hit.risk.basis == "designated"
    assert hit.risk.designations[0].reference == "24566"
    assert any(source.file == "001_f4d30f7c4fa41d63.txt" for source in hit.sources)
    text = hit.text()
    assert "Designated: US Treasury OFAC" in text
    assert "Words lined up" in text
    assert "match threshold 0.820" in text


def test_weak_alias_is_at_most_review(screener: Screener) -> None:
    result = screener.screen("Third Floor")
    assert result.decision == "review"
    assert result.hits[0].matched_name_kind == "weak"
    assert "weak alias" in result.hits[0].explanation.threshold.decided_by


def test_country_context_adjusts_and_is_explained(screener: Screener) -> None:
    plain = screener.screen("Dalian Tianbao Logistics").hits[0]
    same = screener.screen("Dalian Tianbao Logistics", country="cn").hits[0]
    other = screener.screen("Dalian Tianbao Logistics", country="DE").hits[0]
    assert other.score < plain.score < same.score or plain.score == 1.0
    rules = {a.rule: a.reason for a in other.explanation.score.adjustments}
    assert "DE, is not among the entity's countries (CN)" in rules["country"]


@pytest.mark.parametrize(("value", "reason"), [
    ("", "the name is empty"), ("   ", "the name is empty"), (None, "the name is empty"),
    (42, "not int"), ("x" * 501, "the limit is 500"), ("!!!", "nothing is left"),
])
def test_unscreenable_names_give_error_results(screener: Screener, value: object,
                                               reason: str) -> None:
    result = screener.screen(value)
    assert result.decision == "error"
    assert result.error is not None and reason in result.error
    json.loads(result.model_dump_json())


def test_lone_surrogates_do_not_break_serialisation(screener: Screener) -> None:
    result = screener.screen("Profinet \udcff")
    assert result.decision == "match"
    assert "\ufffd" in json.loads(result.model_dump_json())["query"]


def test_results_record_lists_and_settings(screener: Screener) -> None:
    result = screener.screen("Profinet")
    assert result.lists[0].id == "dprk-articles"
    assert result.lists[0].content_hash.startswith("sha256:")
    assert result.settings["thresholds"] == {"match": 0.82, "review": 0.70}
    assert result.settings_hash == screener.settings.fingerprint()


def test_same_input_gives_identical_output() -> None:
    first = Screener().screen("Korea Shinheung Trading").model_dump_json()
    second = Screener().screen("Korea Shinheung Trading").model_dump_json()
    assert first == second


def test_list_order_does_not_change_hits(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("id: mine\ntitle: Mine\nentities:\n  - id: acme\n    type: company\n"
                    "    name: Acme Sinhung Widgets\n    risk: {basis: reported}\n",
                    encoding="utf-8")
    a = Screener(["bundled", mine]).screen("Sinhung Trading")
    b = Screener([mine, "bundled"]).screen("Sinhung Trading")
    assert [(h.entity_id, h.score) for h in a.hits] == [(h.entity_id, h.score) for h in b.hits]


def test_own_list_alongside_bundled(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("id: mine\ntitle: Mine\nentities:\n  - id: acme\n    type: company\n"
                    "    name: Acme Widgets Trading Co\n    risk: {basis: reported}\n",
                    encoding="utf-8")
    screener = Screener(["bundled", str(mine)])
    assert screener.screen("ACME Widgets").hits[0].list == "mine"
    assert [info.id for info in screener.lists_info] == ["dprk-articles", "mine"]
    assert Screener([load_watchlist(mine)]).screen("Profinet").decision == "clear"


def test_thresholds_are_the_callers() -> None:
    strict = Screener(thresholds={"match": 0.99, "review": 0.95})
    assert strict.screen("Shinheung Trading Company").decision == "clear"
    lenient = Thresholds(match=0.99, review=0.5)
    assert screen("Shinheung Trading Company", thresholds=lenient).decision == "review"
    with pytest.raises(ValueError, match="review must be the lower one"):
        Thresholds(match=0.5, review=0.9)


def test_bad_list_specs() -> None:
    with pytest.raises(ConfigurationError, match="no lists given"):
        Screener([])
    with pytest.raises(ConfigurationError, match="cannot use 3"):
        Screener([3])  # type: ignore[list-item]


def test_screen_many_keeps_order_and_every_row(screener: Screener) -> None:
    names = ["Profinet", "", "Acme", ("Dalian Tianbao International Logistics", "CN"), None]
    results = list(screener.screen_many(names))
    assert [r.decision for r in results] == ["match", "error", "clear", "match", "error"]


def test_acronym_in_brackets_is_screened_as_the_lists_acronym() -> None:
    from sanctionscreen.watchlist.model import Entity, Risk, Watchlist

    listing = Watchlist(id="t", title="T", entities=[Entity(
        id="dcb", type="company", name="DAEDONG CREDIT BANK (DCB)", risk=Risk(basis="reported"))])
    screener = Screener([listing])
    acronym = screener.screen("DCB").hits[0]
    assert (acronym.matched_name, acronym.matched_name_kind) == ("DCB", "acronym")
    assert screener.screen("Daedong Credit Bank").hits[0].score == 1.0
    assert screener.screen("DCBX").decision == "clear"


@pytest.mark.parametrize("enabled", [True, False])
def test_building_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        Screener()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_batch_keeps_existing_objects_out_of_the_collector_until_it_ends() -> None:
    import gc

    from sanctionscreen.screening.batch import YOUNG_OBJECTS

    screener = Screener()
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    before = gc.get_threshold()
    batch = screener.screen_many(["Korea Sinhung Trading Corp", "Norvatek Logistics"])
    first = next(batch)
    assert first.decision == "match"
    assert gc.get_freeze_count() > 0  # the lists and index are out of the walks meanwhile
    assert gc.get_threshold() == (max(before[0], YOUNG_OBJECTS), *before[1:])  # fewer walks
    assert [r.decision for r in batch] == ["clear"]
    assert gc.get_freeze_count() == 0  # and put back at the end
    assert gc.get_threshold() == before


def test_a_batch_freezes_what_it_keeps_as_it_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from sanctionscreen.screening import batch as screener_module

    monkeypatch.setattr(screener_module, "REFREEZE_EVERY", 2)
    screener = Screener()
    gc.unfreeze()
    batch = screener.screen_many(["Korea Sinhung Trading Corp", "Norvatek Logistics",
                                  "Profinet Pte Ltd", "Dalian Tianbao Intl Logistics Co Ltd"])
    next(batch)
    at_start = gc.get_freeze_count()
    next(batch)
    next(batch)  # the results and caches of the first two names are frozen too by now
    assert gc.get_freeze_count() > at_start
    assert [r.decision for r in batch] == ["match"]
    assert gc.get_freeze_count() == 0


def test_a_batch_is_tuned_when_the_caller_froze_objects_and_leaves_them_frozen(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller's own ``gc.freeze()`` (a Spark or Dask worker's) once made a batch skip
    its tuning and run a third slower: it is tuned all the same, and what the caller
    froze stays frozen after it."""
    import gc

    from sanctionscreen.screening import batch as batch_module

    monkeypatch.setattr(batch_module, "REFREEZE_EVERY", 1)
    screener = Screener()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        threshold = gc.get_threshold()
        batch = screener.screen_many(["Korea Sinhung Trading Corp", "Norvatek Logistics"])
        assert next(batch).decision == "match"
        assert gc.get_threshold() == (max(threshold[0], batch_module.YOUNG_OBJECTS),
                                      *threshold[1:])
        assert [r.decision for r in batch] == ["clear"]
        assert gc.get_threshold() == threshold  # put back
        assert gc.get_freeze_count() >= frozen * 0.9  # the caller's objects stay frozen
    finally:
        gc.unfreeze()


def test_a_batch_can_leave_the_collector_alone() -> None:
    import gc

    screener = Screener()
    gc.unfreeze()
    threshold = gc.get_threshold()
    batch = screener.screen_many(["Korea Sinhung Trading Corp", "Norvatek Logistics"],
                                 tune_collector=False)
    assert next(batch).decision == "match"
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == threshold
    assert [r.decision for r in batch] == ["clear"]


def test_a_very_long_name_screens_the_same_with_either_score_bound() -> None:
    from sanctionscreen.matching.bound import BoundTable
    from sanctionscreen.settings import Settings

    screener = Screener(settings=Settings(max_name_length=100_000))
    rng = random.Random(5)
    filler = " ".join("".join(rng.choice("bcdfghkmnprstvz") for _ in range(6))
                      for _ in range(12_000))  # 84,000 characters in 12,000 words
    names = [f"Korea Sinhung Trading {filler}", f"Korea Sinhung Trading Corp {filler[:62]}",
             f"Korea Sinhung Trading Corp {filler[:6]}"]
    first = [screener.screen(name) for name in names]
    screener.clear_caches()
    built = screener._built
    screener._built = replace(built, bounds=BoundTable(built.words, built.weights,
                                                        accelerated=False))
    assert [screener.screen(name) for name in names] == first
    # The listed name stands whole inside each, but listed_name_contained raises it to
    # review only where it is the greater part of the query (rules.may_contain): with
    # one word of its own, not with nine or 12,000.
    assert [r.decision for r in first] == ["clear", "clear", "review"]
    assert first[2].hits[0].entity_id == "korea-sinhung-trading-corporation"


def test_listed_names_are_explained_with_the_pipelines_steps(screener: Screener) -> None:
    """Most listed names are plain (only case and punctuation change), and their steps
    are made from their words; every one equals what the pipeline records."""
    from sanctionscreen.screening.caches import Caches
    from sanctionscreen.screening.hits import listed_normalised
    from sanctionscreen.text.normalize import normalise

    built = screener._built
    assert built.plain is not None and built.plain
    for number, listed in enumerate(built.names):
        assert listed_normalised(built, Caches(), number) == normalise(listed.name), listed.name


def test_explanations_reuse_the_alignments_the_search_made() -> None:
    """The search keeps how each kept name lines up, and explaining uses that instead of
    aligning again; the result is the same as aligning again."""
    from sanctionscreen.screening.caches import Caches
    from sanctionscreen.screening.hits import explain_hits
    from sanctionscreen.screening.search import search

    built = Screener()._built
    found, made = search(built, "Korea Shinheung Trading Corp.", None)
    assert found.error is None and found.numbers and made is not None
    assert made.spans is not None and len(made.spans) == len(found.numbers)
    kept = explain_hits(built, Caches(), found.query, found.numbers, None, made)
    again = explain_hits(built, Caches(), found.query, found.numbers, None,
                         replace(made, spans=None))
    assert kept == again and kept.hits[0][1].word_pairs
    # What explaining reads is the search's alignment: with its pairs taken away, the
    # explanation has none.
    query_units, listed_units, _ = made.spans[0]
    emptied = replace(made, spans=((query_units, listed_units, []), *made.spans[1:]))
    assert explain_hits(built, Caches(), found.query, found.numbers, None,
                        emptied).hits[0][1].word_pairs == []
