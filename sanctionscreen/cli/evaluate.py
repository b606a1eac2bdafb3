"""``sanctionscreen evaluate PAIRS.csv``: precision, recall and F1 on labelled name pairs."""

from __future__ import annotations

import argparse
from typing import Any

from sanctionscreen.cli import add_threshold_options
from sanctionscreen.errors import ConfigurationError
from sanctionscreen.evaluation import Evaluation, Metrics, evaluate, read_pairs
from sanctionscreen.settings import Thresholds

SWEEP = [round(0.5 + 0.05 * i, 2) for i in range(10)]


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "evaluate", help="precision, recall and F1 on labelled name pairs",
        description="Score labelled name pairs and print precision, recall and F1 at the "
        "decision thresholds, a threshold sweep, and the worst errors with explanations.")
    parser.add_argument("pairs", help="CSV file of labelled pairs")
    parser.add_argument("--name1-column", default="name1")
    parser.add_argument("--name2-column", default="name2")
    parser.add_argument("--label-column", default="is_match")
    parser.add_argument("--filter", action="append", default=[], metavar="COLUMN=V1,V2",
                        help="keep only rows whose COLUMN is one of the values (repeatable)")
    parser.add_argument("--exclude", action="append", default=[], metavar="COLUMN=V1,V2",
                        help="drop rows whose COLUMN is one of the values (repeatable)")
    parser.add_argument("--worst", type=int, default=5, metavar="N",
                        help="how many worst false positives and negatives to explain")
    add_threshold_options(parser)
    parser.set_defaults(func=run)


def _conditions(values: list[str]) -> list[tuple[str, set[str]]]:
    out = []
    for value in values:
        column, sep, allowed = value.partition("=")
        if not sep:
            raise ConfigurationError(f"{value!r} is not COLUMN=V1,V2",
                                     hint="e.g. --filter schema=Company,Organization")
        out.append((column, set(allowed.split(","))))
    return out


def _line(label: str, m: Metrics) -> str:
    return (f"{label:<28} P {m.precision:.3f}  R {m.recall:.3f}  F1 {m.f1:.3f}   "
            f"(TP {m.true_positives}, FP {m.false_positives}, FN {m.false_negatives}, "
            f"TN {m.true_negatives})")


def report(result: Evaluation, *, worst: int) -> str:
    """The evaluation as printed text."""
    t = result.thresholds
    positives = sum(p.is_match for p in result.pairs)
    lines = [f"pairs: {len(result.pairs)} ({positives} match, {len(result.pairs) - positives} "
             f"non-match)",
             _line(f"match (score >= {t.match:.2f})", result.metrics(t.match)),
             _line(f"match or review (>= {t.review:.2f})", result.metrics(t.review)),
             "", "threshold sweep:"]
    lines += [_line(f"  >= {x:.2f}", result.metrics(x)) for x in SWEEP]
    for title, positive in (("worst false negatives (true matches scored lowest)", True),
                            ("worst false positives (non-matches scored highest)", False)):
        lines += ["", f"{title}:"]
        for pair, comparison in result.worst(positives=positive, count=worst):
            wrong = (comparison.score < t.match) if positive else (comparison.score >= t.match)
            if not wrong:
                continue
            lines.append(f"- row {pair.row}: {pair.name1!r} vs {pair.name2!r}: score "
                         f"{comparison.score:.3f}, {comparison.decision}")
            lines += ["    " + x for x in comparison.explanation.text().splitlines()]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    given = {k: v for k, v in (("match", args.match_threshold),
                               ("review", args.review_threshold)) if v is not None}
    pairs = read_pairs(args.pairs, name1=args.name1_column, name2=args.name2_column,
                       label=args.label_column, keep=_conditions(args.filter),
                       drop=_conditions(args.exclude))
    print(report(evaluate(pairs, thresholds=Thresholds(**given)), worst=args.worst))
    return 0
