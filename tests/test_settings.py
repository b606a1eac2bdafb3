"""Thresholds, decisions and the settings fingerprint."""

from __future__ import annotations

import pytest

from sanctionscreen import Screener, Settings, Thresholds
from sanctionscreen.cli import main
from sanctionscreen.errors import ConfigurationError


def test_decisions_at_the_boundaries() -> None:
    thresholds = Thresholds(match=0.82, review=0.70)
    assert thresholds.decide(0.82)[0] == "match"
    assert thresholds.decide(0.8199)[0] == "review"
    assert thresholds.decide(0.70)[0] == "review"
    assert thresholds.decide(0.6999)[0] == "clear"
    assert thresholds.decide(0.9)[1] == "score 0.900 >= match threshold 0.820"


def test_invalid_thresholds() -> None:
    with pytest.raises(ConfigurationError, match=r"match threshold 1\.5 is out of range"):
        Thresholds(match=1.5)
    with pytest.raises(ConfigurationError, match="review must be the lower one"):
        Thresholds(match=0.6, review=0.7)
    with pytest.raises(ConfigurationError, match="unknown threshold 'matsch'"):
        Thresholds(matsch=0.9)


@pytest.mark.parametrize("value", ["0.9", True, None, float("nan"), -0.1, float("inf")])
def test_thresholds_are_strict_numbers(value: object) -> None:
    """Issue 18: "0.9" and True were accepted; out of range raised pydantic's error."""
    with pytest.raises(ConfigurationError, match=r"match threshold .* give a number from 0 to 1"):
        Thresholds(match=value)
    with pytest.raises(ConfigurationError, match="match threshold"):
        Screener(thresholds={"match": value})


def test_whole_numbers_are_thresholds() -> None:
    assert Thresholds(match=1, review=0).match == 1.0


@pytest.mark.parametrize("command", [["check", "Profinet"], ["screen", "-"]])
def test_cli_threshold_errors(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--match-threshold", "1.5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: match threshold 1.5 is out of range")
    assert "pydantic" not in err and "check --match-threshold" in err
    assert main([*command, "--match-threshold", "0.6", "--review-threshold", "0.8"]) == 2
    assert "review must be the lower one" in capsys.readouterr().err


def test_fingerprint_follows_the_settings() -> None:
    assert Settings().fingerprint() == Settings().fingerprint()
    assert Settings().fingerprint() != Settings(thresholds=Thresholds(match=0.9)).fingerprint()
    assert Settings().fingerprint().startswith("sha256:")
