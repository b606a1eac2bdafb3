"""Thresholds, decisions and the settings fingerprint."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sanctionscreen import Settings, Thresholds


def test_decisions_at_the_boundaries() -> None:
    thresholds = Thresholds(match=0.82, review=0.70)
    assert thresholds.decide(0.82)[0] == "match"
    assert thresholds.decide(0.8199)[0] == "review"
    assert thresholds.decide(0.70)[0] == "review"
    assert thresholds.decide(0.6999)[0] == "clear"
    assert thresholds.decide(0.9)[1] == "score 0.900 >= match threshold 0.820"


def test_invalid_thresholds() -> None:
    with pytest.raises(ValidationError):
        Thresholds(match=1.5)
    with pytest.raises(ValidationError, match="review must be the lower one"):
        Thresholds(match=0.6, review=0.7)


def test_fingerprint_follows_the_settings() -> None:
    assert Settings().fingerprint() == Settings().fingerprint()
    assert Settings().fingerprint() != Settings(thresholds=Thresholds(match=0.9)).fingerprint()
    assert Settings().fingerprint().startswith("sha256:")
