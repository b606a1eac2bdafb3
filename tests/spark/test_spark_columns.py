"""The added columns: the public names, and how a result fills them (no Spark needed)."""

from __future__ import annotations

import json
from typing import Any

import pytest

import sanctionscreen.spark
from sanctionscreen import Screener, ScreeningResult
from sanctionscreen.errors import ConfigurationError
from sanctionscreen.spark import COLUMNS, result_row, screen_dataframe


def test_public_names_are_sorted_and_exported() -> None:
    assert sanctionscreen.spark.__all__ == sorted(sanctionscreen.spark.__all__)
    assert all(hasattr(sanctionscreen.spark, name) for name in sanctionscreen.spark.__all__)


def test_a_match_fills_the_best_hit_columns() -> None:
    result = Screener().screen("Dalian Tianbao Intl Logistics Co Ltd")
    row = result_row(result)
    assert list(row) == [name for name, _ in COLUMNS]
    assert (row["decision"], row["best_entity_id"], row["best_list"], row["best_name_kind"]) == (
        "match", "dalian-sun-moon-star", "dprk-articles", "aka")
    assert row["score"] == 1.0 and row["hit_count"] == len(result.hits) >= 1
    assert row["explanation"] == (
        "'Dalian Tianbao Intl Logistics Co Ltd' ~ 'DALIAN TIANBAO INTERNATIONAL LOGISTICS CO.,"
        " LTD.' (aka name of 'DALIAN SUN MOON STAR INTERNATIONAL LOGISTICS TRADING CO., LTD',"
        " list dprk-articles): score 1.000 >= match threshold 0.820")
    assert ScreeningResult.model_validate_json(row["result_json"]) == result
    assert row["list_hashes"] == "; ".join(f"{i.id}={i.content_hash}" for i in result.lists)


@pytest.mark.parametrize("name", [None, "", "  \t"])
def test_a_missing_name_is_an_error_row(name: str | None) -> None:
    row = result_row(Screener().screen(name))  # type: ignore[arg-type]
    assert (row["decision"], row["error"], row["hit_count"], row["score"]) == (
        "error", "the name is empty", 0, None)
    assert row["explanation"] is None and json.loads(row["result_json"])["decision"] == "error"


def test_a_clear_name_has_no_best_hit() -> None:
    row = result_row(Screener().screen("Pinecrest Ceramics GmbH"))
    assert row["decision"] == "clear" and row["hit_count"] == 0
    assert all(row[name] is None for name in ("score", "best_entity_id", "explanation", "error"))


@pytest.mark.parametrize("junk", [None, "names.csv", [("Profinet",)], 42])
def test_anything_but_a_dataframe_is_refused(spark: Any, junk: object) -> None:
    with pytest.raises(ConfigurationError, match="takes a Spark DataFrame"):
        screen_dataframe(junk, name_col="name")  # type: ignore[arg-type]
