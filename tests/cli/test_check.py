"""``sanctionscreen check``: exit codes and output."""

from __future__ import annotations

import json

import pytest

from sanctionscreen.cli import main


def test_check_match_prints_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "Dailan Sun Moon Star Intl Logistics"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("'Dailan Sun Moon Star Intl Logistics': MATCH")
    assert "id dalian-sun-moon-star" in out
    assert "abbreviations expanded: intl -> international" in out


def test_check_clear_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Acme Widgets Ltd"]) == 0
    assert "CLEAR" in capsys.readouterr().out


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Profinet", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["decision"] == "match"
    assert data["hits"][0]["entity_id"] == "profinet"
    assert data["hits"][0]["explanation"]["threshold"]["match"] == 0.82


def test_check_empty_name_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", ""]) == 2
    assert "ERROR: the name is empty" in capsys.readouterr().out


def test_bad_thresholds_are_reported(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Profinet", "--match-threshold", "0.5",
                 "--review-threshold", "0.9"]) == 2
    assert capsys.readouterr().err.startswith("Error: ")


def test_missing_list_file_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Profinet", "--list", "/nowhere/list.yaml"]) == 2
    assert "/nowhere/list.yaml" in capsys.readouterr().err


def test_check_why_not_explains_the_nearest_listed_names(
        capsys: pytest.CaptureFixture[str]) -> None:
    # "Sinhung" alone is not enough against the longer listed names: they come nearest.
    code = main(["check", "Sinhung Bakery Supplies Ltd", "--why-not"])
    out = capsys.readouterr().out
    assert code == 0
    assert "CLEAR" in out and "Nearest listed names, below the review threshold:" in out
    assert "korea-sinhung-trading-corporation" in out


def test_check_type_limits_the_entities_screened(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "Profinet Pte Ltd", "--type", "person"]) == 0
    assert "CLEAR" in capsys.readouterr().out
    assert main(["check", "Profinet Pte Ltd", "--type", "company"]) == 1
    assert "PROFINET" in capsys.readouterr().out
    assert main(["check", "Profinet", "--type", "ship"]) == 2
    assert "unknown entity type 'ship'" in capsys.readouterr().err
