"""screen_dataframe against OFAC: the same rows and columns as Screener.screen_many."""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

import pytest

import sanctionscreen
from sanctionscreen import Screener, load_list
from sanctionscreen.errors import ConfigurationError
from sanctionscreen.settings import Settings
from sanctionscreen.spark import COLUMNS, result_row, screen_dataframe

CLEAN_FIRST = ["Northwind", "Blue Harbor", "Maple Ridge", "Silver Creek", "Alder", "Kestrel",
               "Green Valley", "Copperfield", "Lakeside", "Brightwater", "Oakmont", "Pinecrest"]
CLEAN_TRADE = ["Textiles", "Bakery", "Dental Supplies", "Office Furniture", "Packaging",
               "Garden Tools", "Bicycles", "Printing", "Seafood", "Ceramics", "Auto Parts"]
CLEAN_FORM = ["Ltd", "GmbH", "Inc.", "S.A.", "B.V.", "LLC", "Pty Ltd", ""]
COUNTRIES = [None, None, "KP", "CN", "US", "RU", "DE"]
ODD = [None, "", "   ", "x" * 2_000, "Office 39", "OFFICE #39"]  # nulls, empties, too long

_CACHE: dict[str, Any] = {}


def make_rows(ofac: Path) -> list[tuple[str, str | None, str | None]]:
    """About 3,000 (id, name, country) rows: names from the list itself (some in lower
    case), clean-looking company names, and odd cells."""
    names: list[str | None] = []
    for number, entity in enumerate(load_list(ofac).entities[::12]):
        for name, _kind in entity.names()[:2]:
            names.append(name.lower() if number % 3 == 0 else name)
    for a, first in enumerate(CLEAN_FIRST):
        for b, trade in enumerate(CLEAN_TRADE):
            names.append(f"{first} {trade} {CLEAN_FORM[(a + b) % len(CLEAN_FORM)]}".strip())
    names += [f"{first} {trade}" for first in CLEAN_FIRST for trade in CLEAN_TRADE] * 6
    names += ODD * 3
    return [(f"r{n:05d}", name, COUNTRIES[n % len(COUNTRIES)]) for n, name in enumerate(names)]


def screened(spark: Any, ofac: Path) -> tuple[list[Any], dict[str, dict[str, Any]],
                                              dict[str, dict[str, Any]]]:
    """The rows, Spark's output by id, and screen_many's by id (made once per run)."""
    if "rows" not in _CACHE:
        rows = make_rows(ofac)
        df = spark.createDataFrame(rows, "id string, name string, country string")
        out = screen_dataframe(df.repartition(3), name_col="name", country_col="country",
                               id_col="id", lists=[str(ofac)])
        got = {row["id"]: row.asDict() for row in out.collect()}
        screener = Screener([str(ofac)])
        expected = {row_id: result_row(result) for (row_id, _, _), result in zip(
            rows, screener.screen_many([(name, country) for _, name, country in rows]),
            strict=True)}
        _CACHE.update(rows=rows, got=got, expected=expected)
    return _CACHE["rows"], _CACHE["got"], _CACHE["expected"]


def test_same_rows_and_columns_as_screen_many(spark: Any, ofac: Path) -> None:
    rows, got, expected = screened(spark, ofac)
    assert len(rows) > 2_500
    assert got.keys() == expected.keys()
    for row_id, want in expected.items():
        assert {name: got[row_id][name] for name, _ in COLUMNS} == want, row_id
    decisions = [row["decision"] for row in expected.values()]
    assert decisions.count("match") > 500 and decisions.count("clear") > 500
    assert decisions.count("error") == 12


def test_every_row_comes_out_once_with_its_input(spark: Any, ofac: Path) -> None:
    rows, got, _ = screened(spark, ofac)
    assert len(got) == len(rows)
    for row_id, name, country in rows:
        assert (got[row_id]["name"], got[row_id]["country"]) == (name, country)
    assert list(got[rows[0][0]])[:3] == ["id", "name", "country"]
    assert list(got[rows[0][0]])[3:] == [name for name, _ in COLUMNS]


def test_null_and_empty_names_are_error_rows_with_one_reason(spark: Any, ofac: Path) -> None:
    rows, got, _ = screened(spark, ofac)
    blank = [got[row_id] for row_id, name, _ in rows if name is None or not name.strip()]
    assert len(blank) == 9
    for row in blank:
        assert (row["decision"], row["error"], row["hit_count"]) == (
            "error", "the name is empty", 0)
        assert row["score"] is None and row["best_entity_id"] is None
    long = [got[row_id] for row_id, name, _ in rows if name and len(name) > 1_000]
    assert long and all("characters long" in row["error"] for row in long)


def test_audit_columns_name_the_driver_lists(spark: Any, ofac: Path) -> None:
    _, got, _ = screened(spark, ofac)
    content_hash = load_list(ofac).content_hash
    for row in got.values():
        assert row["library_version"] == sanctionscreen.__version__
        assert row["settings_hash"] == Settings().fingerprint()
        assert row["list_hashes"] == f"ofac-sdn={content_hash}"
        assert row["list_sources"] == f"ofac-sdn={ofac.resolve()}"
    result = json.loads(next(iter(got.values()))["result_json"])
    assert result["lists"][0]["source"] == str(ofac.resolve())
    assert result["lists"][0]["content_hash"] == content_hash


def test_best_hit_columns_come_from_the_result(spark: Any, ofac: Path) -> None:
    _, got, _ = screened(spark, ofac)
    office = [row for row in got.values() if row["name"] == "OFFICE #39"]
    assert office and all(row["best_entity_id"] == "ofac-12209" for row in office)
    for row in got.values():
        result = json.loads(row["result_json"])
        assert row["decision"] == result["decision"] and row["hit_count"] == len(result["hits"])
        if result["hits"]:
            best = result["hits"][0]
            assert row["score"] == best["score"]
            assert (row["best_entity_name"], row["best_matched_name"], row["best_list"]) == (
                best["entity_name"], best["matched_name"], best["list"])
            assert row["explanation"].startswith(repr(row["name"])[:20])
        else:
            assert row["score"] is None and row["explanation"] is None


def test_more_partitions_than_workers(spark: Any, ofac: Path) -> None:
    rows, _, expected = screened(spark, ofac)
    some = rows[::5]
    df = spark.createDataFrame(some, "id string, name string, country string").repartition(9)
    out = screen_dataframe(df, name_col="name", country_col="country", lists=[str(ofac)])
    assert out.rdd.getNumPartitions() == 9
    got = {row["id"]: row.asDict() for row in out.collect()}
    assert len(got) == len(some)
    for row_id, _, _ in some:
        assert {name: got[row_id][name] for name, _ in COLUMNS} == expected[row_id]


def test_without_country_column_and_with_thresholds(spark: Any) -> None:
    df = spark.createDataFrame([("Shinheung Trading Company",)], "supplier string")
    strict = screen_dataframe(df, name_col="supplier", thresholds={"match": 0.99,
                                                                   "review": 0.98})
    row = strict.collect()[0]
    want = Screener(thresholds={"match": 0.99, "review": 0.98}).screen(
        "Shinheung Trading Company")
    assert row["decision"] == want.decision == "clear"
    assert sanctionscreen.screen("Shinheung Trading Company").decision == "match"
    assert row["settings_hash"] == want.settings_hash != Settings().fingerprint()


@pytest.mark.parametrize(("columns", "kwargs", "message"), [
    ("name string", {"name_col": "supplier"}, "no name column 'supplier'"),
    ("name int", {"name_col": "name"}, "holds int, not strings"),
    ("name string, c int", {"name_col": "name", "country_col": "c"}, "country column 'c'"),
    ("name string", {"name_col": "name", "id_col": "id"}, "no id column 'id'"),
    ("name string, decision string", {"name_col": "name"}, "already has a column 'decision'"),
    ("name string, Score string", {"name_col": "name"}, "already has a column 'score'"),
])
def test_unusable_columns_are_configuration_errors(spark: Any, columns: str,
                                                   kwargs: dict[str, str], message: str) -> None:
    df = spark.createDataFrame([], columns)
    with pytest.raises(ConfigurationError, match=message):
        screen_dataframe(df, **kwargs)


def test_input_columns_of_any_type_come_back_unchanged(spark: Any) -> None:
    rows = [(7, "Profinet Pte. Ltd.", datetime.date(2026, 12, 3), 12.5, ["a", "b"]),
            (8, None, None, None, None)]
    df = spark.createDataFrame(rows, "id long, name string, paid date, amount double, "
                                     "tags array<string>")
    out = screen_dataframe(df, name_col="name", id_col="id").orderBy("id").collect()
    assert [tuple(row)[:5] for row in out] == rows
    assert [row["decision"] for row in out] == ["match", "error"]


def test_an_edited_list_reaches_the_workers(spark: Any, tmp_path: Path) -> None:
    # Spark ships a file name once a session: the edited list travels under a new name.
    listing = tmp_path / "mine.yaml"
    entry = ("id: mine\ntitle: Mine\nentities:\n  - id: e1\n    type: company\n"
             "    name: {name}\n    risk: {{basis: reported, categories: [other]}}\n"
             "    sources: [{{kind: article, title: Test}}]\n")
    df = spark.createDataFrame([("Nordic Packaging AB",)], "name string")
    listing.write_text(entry.format(name="Brightwave Textiles GmbH"), encoding="utf-8")
    assert screen_dataframe(df, name_col="name", lists=[listing]).collect()[0][
        "decision"] == "clear"
    listing.write_text(entry.format(name="Nordic Packaging AB"), encoding="utf-8")
    os.utime(listing, ns=(1, 1))
    assert screen_dataframe(df, name_col="name", lists=[listing]).collect()[0][
        "decision"] == "match"


def test_types_may_be_any_iterable(spark: Any) -> None:
    df = spark.createDataFrame([("Korea Shinheung Trading Corp.",)], "name string")
    row = screen_dataframe(df, name_col="name", types=(t for t in ["company"])).collect()[0]
    assert row["decision"] == "match"
