"""Measure matching quality on labelled name pairs: precision, recall, F1 and a sweep.

Pairs come from a CSV file with two name columns and a label column (true/false,
1/0, yes/no, match/non-match). Each pair is scored with :func:`sanctionscreen.compare`
(word weights from the tables alone, no list), so the figures describe the scorer,
not a particular list.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sanctionscreen.errors import InputError
from sanctionscreen.results import Comparison
from sanctionscreen.settings import Thresholds

_TRUE = {"true", "1", "yes", "y", "match", "t"}
_FALSE = {"false", "0", "no", "n", "non-match", "nonmatch", "f"}


@dataclass(frozen=True)
class LabelledPair:
    """One labelled pair and the row it came from."""

    row: int
    name1: str
    name2: str
    is_match: bool


@dataclass(frozen=True)
class Metrics:
    """Confusion counts and the figures made from them."""

    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """Scored pairs, and figures at any threshold."""

    pairs: list[LabelledPair]
    comparisons: list[Comparison]
    thresholds: Thresholds = field(default_factory=Thresholds)

    def metrics(self, threshold: float) -> Metrics:
        """Counts when a score at or above ``threshold`` counts as a predicted match."""
        tp = fp = fn = tn = 0
        for pair, comparison in zip(self.pairs, self.comparisons, strict=True):
            predicted = comparison.score >= threshold
            if predicted and pair.is_match:
                tp += 1
            elif predicted:
                fp += 1
            elif pair.is_match:
                fn += 1
            else:
                tn += 1
        return Metrics(tp, fp, fn, tn)

    def worst(self, *, positives: bool, count: int) -> list[tuple[LabelledPair, Comparison]]:
        """Lowest-scoring true matches (``positives``) or highest-scoring non-matches."""
        both = zip(self.pairs, self.comparisons, strict=True)
        chosen = [(p, c) for p, c in both if p.is_match == positives]
        chosen.sort(key=lambda pc: (pc[1].score if positives else -pc[1].score, pc[0].row))
        return chosen[:count]


def _label(value: str, row: int, path: Path) -> bool:
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise InputError(f"label {value!r} is not true/false, 1/0 or yes/no", path=path, row=row)


def read_pairs(path: str | Path, *, name1: str = "name1", name2: str = "name2",
               label: str = "is_match", keep: Sequence[tuple[str, set[str]]] = (),
               drop: Sequence[tuple[str, set[str]]] = ()) -> list[LabelledPair]:
    """Read labelled pairs from a CSV file, keeping rows whose ``column`` is in ``values``."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError(f"cannot open: {error.strerror}", path=path) from None
    pairs: list[LabelledPair] = []
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in (name1, name2, label, *(k for k, _ in [*keep, *drop]))
                   if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"no column {missing[0]!r}; the columns are {reader.fieldnames}",
                             path=path, row=1, hint="name the columns with --name1-column, "
                             "--name2-column and --label-column")
        for row_number, row in enumerate(reader, start=2):
            if any(row[c] not in values for c, values in keep):
                continue
            if any(row[c] in values for c, values in drop):
                continue
            pairs.append(LabelledPair(row_number, row[name1], row[name2],
                                      _label(row[label], row_number, path)))
    return pairs


def evaluate(pairs: list[LabelledPair], *, thresholds: Thresholds | None = None,
             comparer: Callable[[str, str], Comparison] | None = None) -> Evaluation:
    """Score every pair with ``comparer`` (default :func:`sanctionscreen.compare`)."""
    from sanctionscreen.screener import compare

    chosen = thresholds or Thresholds()
    score = comparer or (lambda a, b: compare(a, b, thresholds=chosen))
    return Evaluation(pairs, [score(p.name1, p.name2) for p in pairs], chosen)
