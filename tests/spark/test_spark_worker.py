"""The workers' screener: built once per plan, and refused when its lists differ."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from sanctionscreen import Screener
from sanctionscreen.errors import ConfigurationError, WatchlistError
from sanctionscreen.spark import plan as plan_module
from sanctionscreen.spark import screen_dataframe
from sanctionscreen.spark.plan import make_plan
from sanctionscreen.spark.worker import check, screener_for

WRONG = "sha256:" + "0" * 64


def test_a_plan_pins_the_driver_lists_and_settings() -> None:
    plan = make_plan("bundled", thresholds={"match": 0.9, "review": 0.8})
    screener = Screener(thresholds={"match": 0.9, "review": 0.8})
    assert plan.expected == tuple((i.id, i.content_hash) for i in screener.lists_info)
    assert plan.settings_hash == screener.settings.fingerprint()
    assert plan.lists[0].name is None  # bundled lists are not shipped
    check(screener, plan)


def test_a_plan_ships_paths_by_base_name(ofac: Path) -> None:
    plan = make_plan([str(ofac), "bundled"])
    assert [s.folder for s in plan.lists] == [True, False] and plan.lists[1].name is None
    # named by the files' sizes and times too, so an edited list travels anew
    assert plan.lists[0].name is not None and plan.lists[0].name.endswith("-" + ofac.name)
    assert plan.sources["ofac-sdn"] == str(ofac.resolve())


def test_two_lists_with_one_base_name_cannot_both_travel(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "list.yaml").write_text("", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"base name 'list\.yaml'"):
        make_plan([str(tmp_path / "a" / "list.yaml"), str(tmp_path / "b" / "list.yaml")])


def test_a_missing_list_path_is_a_watchlist_error(tmp_path: Path) -> None:
    with pytest.raises(WatchlistError, match="does not exist"):
        make_plan([str(tmp_path / "nowhere.csv")])


def test_the_worker_screener_is_built_once_per_plan() -> None:
    plan = make_plan("bundled")
    assert screener_for(plan) is screener_for(plan)
    other = make_plan("bundled", thresholds={"match": 0.9, "review": 0.8})
    assert screener_for(other) is not screener_for(plan)


def test_a_list_with_another_hash_names_the_list_and_both_hashes() -> None:
    plan = make_plan("bundled")
    list_id, real = plan.expected[0]
    wrong = dataclasses.replace(plan, expected=((list_id, WRONG), *plan.expected[1:]))
    with pytest.raises(ConfigurationError) as raised:
        screener_for(wrong)
    assert f"list {list_id!r}" in str(raised.value)
    assert real in str(raised.value) and WRONG in str(raised.value)


def test_other_settings_or_version_on_a_worker_are_refused() -> None:
    plan = make_plan("bundled")
    screener = Screener()
    with pytest.raises(ConfigurationError, match="settings on this Spark worker"):
        check(screener, dataclasses.replace(plan, settings_hash=WRONG))
    with pytest.raises(ConfigurationError, match="runs sanctionscreen"):
        check(screener, dataclasses.replace(plan, library_version="0.0.0"))
    with pytest.raises(ConfigurationError, match="did not load list 'extra'"):
        check(screener, dataclasses.replace(plan, expected=(*plan.expected, ("extra", WRONG))))


def test_a_hash_mismatch_fails_the_spark_task(spark: Any, monkeypatch: pytest.MonkeyPatch,
                                              ) -> None:
    real_plan = plan_module.make_plan

    def tampered(*args: Any, **kwargs: Any) -> plan_module.Plan:
        plan = real_plan(*args, **kwargs)
        list_id, _ = plan.expected[0]
        return dataclasses.replace(plan, expected=((list_id, WRONG), *plan.expected[1:]))

    monkeypatch.setattr("sanctionscreen.spark.dataframe.make_plan", tampered)
    df = spark.createDataFrame([("Profinet",)], "name string")
    with pytest.raises(Exception, match="content hash") as raised:
        screen_dataframe(df, name_col="name").collect()
    assert "on this Spark worker" in str(raised.value) and WRONG in str(raised.value)


def test_the_driver_loads_a_list_again_only_when_its_file_changes(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "watchlists" / "dprk-articles.yaml"
    copy = tmp_path / "mine.yaml"
    text = source.read_text(encoding="utf-8").replace("id: dprk-articles", "id: mine", 1)
    copy.write_text(text, encoding="utf-8")
    first = make_plan([str(copy)])
    assert make_plan([str(copy)]).expected == first.expected
    assert first.expected[0][0] == "mine"
    copy.write_text(text.replace("Korea Sinhung Trading Corporation",
                                 "Korea Sinhung Trading Corp", 1), encoding="utf-8")
    changed = make_plan([str(copy)])
    assert changed.expected[0][0] == "mine" and changed.expected != first.expected


@pytest.mark.parametrize("junk", [42, None, b"bundled"])
def test_lists_must_be_paths_or_bundled(junk: object) -> None:
    with pytest.raises(ConfigurationError, match="cannot ship"):
        make_plan([junk])  # type: ignore[list-item]
