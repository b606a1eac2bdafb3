"""Tests for ``sanctionscreen.screening_eval``: labelled queries screened against lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionscreen.errors import InputError
from sanctionscreen.screener import Screener
from sanctionscreen.screening_eval import (
    Outcome,
    Query,
    figures,
    grouped,
    read_queries,
    screen_queries,
    sweep,
    worst_false_positives,
    worst_misses,
    write_outcomes,
)
from sanctionscreen.settings import Thresholds

QUERIES = """set,category,name,country,expected_entity,expected_list,perturbation,source
suppliers,CN,"Qingdao Golden Bright Textile Co., Ltd.",CN,,,,synthetic
suppliers,CN,"Ningbo Ocean Green Garment Co., Ltd.",CN,,,,synthetic
suppliers,VN,Công ty TNHH Sunrise Seafood Việt Nam,VN,,,,synthetic
suppliers,KR,Korea Trading Company,KR,,,,hand-written
l,bundled,Korea Shinheung Trading Corp.,,korea-sinhung-trading-corporation,dprk-articles,spelling,
l,bundled,Dalian Tianbao Intl Logistics Co Ltd,,dalian-sun-moon-star,dprk-articles,abbreviation,
l,bundled,Sun Star Logistics Ltd,,dalian-sun-moon-star,dprk-articles,word_order,
"""


@pytest.fixture(scope="module")
def low() -> Screener:
    return Screener(thresholds=Thresholds(review=0.60))


@pytest.fixture
def queries(tmp_path: Path) -> list[Query]:
    path = tmp_path / "queries.csv"
    path.write_text(QUERIES, encoding="utf-8")
    return read_queries(path)


def test_read_queries(queries: list[Query]) -> None:
    assert len(queries) == 7
    first = queries[0]
    assert (first.file, first.row, first.category, first.country, first.expected) == (
        "queries.csv", 2, "CN", "CN", None)
    assert queries[4].expected == ("dprk-articles", "korea-sinhung-trading-corporation")
    assert queries[4].perturbation == "spelling"


def test_rates_and_recall_against_the_bundled_list(queries: list[Query], low: Screener) -> None:
    outcomes = screen_queries(low, queries, review=0.70)
    totals = figures(outcomes)
    assert (totals.rows, totals.clean, totals.positives, totals.errors) == (7, 4, 3, 0)
    assert (totals.flagged, totals.matched, totals.flag_rate, totals.match_rate) == (0, 0, 0.0, 0.0)
    # The two variants are found as matches; three shared common words are not enough.
    assert (totals.found, totals.found_as_match) == (2, 2)
    assert totals.recall == pytest.approx(2 / 3)
    found = {o.query.name: o.found for o in outcomes if o.query.expected}
    assert found == {"Korea Shinheung Trading Corp.": True,
                     "Dalian Tianbao Intl Logistics Co Ltd": True,
                     "Sun Star Logistics Ltd": False}
    by_category = grouped(outcomes, lambda o: o.query.category)
    assert list(by_category) == ["CN", "VN", "KR", "bundled"]
    assert by_category["CN"].recall is None and by_category["bundled"].flag_rate is None
    assert [m.query.name for m in worst_misses(outcomes, 5)] == ["Sun Star Logistics Ltd"]
    assert worst_false_positives(outcomes, 5) == []


def test_decisions_equal_a_screening_at_the_shipped_thresholds(queries: list[Query],
                                                               low: Screener) -> None:
    shipped = Screener()
    for found in screen_queries(low, queries, review=0.70):
        result = shipped.screen(found.query.name, country=found.query.country)
        assert found.decision == result.decision, found.query.name
        flagged = {(h.list, h.entity_id) for h in result.hits if h.decision != "clear"}
        assert found.found == (found.query.expected in flagged), found.query.name


def _outcome(name: str, *, expected: tuple[str, str] | None = None, decision: str = "clear",
             score: float | None = None, way: str = "") -> Outcome:
    query = Query("f.csv", 2, "s", "c", name, None, expected, way)
    if expected is None:
        return Outcome(query, decision, None, score, None, None, False, False)
    found = score is not None and score >= 0.70
    return Outcome(query, decision, None, None, score, score, found,
                   found and score is not None and score >= 0.82)


def test_sweep_counts_scores_at_each_threshold() -> None:
    outcomes = [_outcome("a", score=0.66, decision="clear"), _outcome("b", score=0.75,
                                                                      decision="review"),
                _outcome("c"), _outcome("d"),
                _outcome("p", expected=("l", "1"), score=0.9, decision="match"),
                _outcome("q", expected=("l", "2"), score=0.62)]
    points = {p.threshold: p for p in sweep(outcomes)}
    assert sorted(points) == [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]
    assert (points[0.6].flagged, points[0.6].found) == (2, 2)
    assert (points[0.7].flag_rate, points[0.7].recall) == (0.25, 0.5)
    assert (points[0.95].flagged, points[0.95].found) == (0, 0)
    assert figures(outcomes).flag_rate == 0.25  # decisions, not the sweep's scores


def test_worst_misses_take_each_perturbation_in_turn() -> None:
    misses = [_outcome(n, expected=("l", n), score=s, way=w) for n, s, w in (
        ("t1", 0.5, "typo"), ("t2", None, "typo"), ("t3", 0.65, "typo"),
        ("w1", 0.4, "word_order"))]
    assert [o.query.name for o in worst_misses(misses, 3)] == ["t2", "w1", "t1"]


def test_worst_false_positives_highest_score_first() -> None:
    clean = [_outcome("a", score=0.75, decision="review"), _outcome("b", score=0.9,
                                                                    decision="match"),
             _outcome("c", score=0.65)]
    assert [o.query.name for o in worst_false_positives(clean, 5)] == ["b", "a"]


def test_write_outcomes(tmp_path: Path, queries: list[Query], low: Screener) -> None:
    path = tmp_path / "out.csv"
    write_outcomes(path, screen_queries(low, queries[4:5], review=0.70))
    header, row = path.read_text(encoding="utf-8").splitlines()
    assert header.startswith("file,row,set,category,name,country,expected_list")
    assert ",match,dprk-articles,korea-sinhung-trading-corporation," in row
    assert row.endswith(",true")


@pytest.mark.parametrize(("text", "message"), [
    ("company,country\nAcme,US\n", "no column 'name'"),
    ("name,expected_entity\nAcme,acme-1\n", "row 2: expected_entity and expected_list"),
])
def test_read_queries_rejects_bad_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_queries(path)


def test_read_queries_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_queries(tmp_path / "absent.csv")
