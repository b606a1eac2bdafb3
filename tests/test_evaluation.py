"""Metrics arithmetic and the worst-error lists."""

from __future__ import annotations

from sanctionscreen.evaluation import LabelledPair, Metrics, evaluate


def test_metrics_arithmetic() -> None:
    metrics = Metrics(true_positives=8, false_positives=2, false_negatives=4, true_negatives=6)
    assert metrics.precision == 0.8
    assert abs(metrics.recall - 8 / 12) < 1e-9
    assert abs(metrics.f1 - 2 * 0.8 * (8 / 12) / (0.8 + 8 / 12)) < 1e-9
    assert Metrics(0, 0, 0, 5).f1 == 0.0


def test_worst_errors_are_ordered() -> None:
    pairs = [LabelledPair(2, "Profinet", "Profinet Pte Ltd", True),
             LabelledPair(3, "Acme", "Profinet Pte Ltd", True),
             LabelledPair(4, "Korea Trading", "Korea Sinhung Trading", False),
             LabelledPair(5, "Sinhung Trading", "Korea Sinhung Trading", False)]
    result = evaluate(pairs)
    assert [p.row for p, _ in result.worst(positives=True, count=2)] == [3, 2]
    assert [p.row for p, _ in result.worst(positives=False, count=1)] == [5]
    assert result.metrics(0.82).true_positives == 1
