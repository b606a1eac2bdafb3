"""``sanctionscreen evaluate``: figures on labelled data.

``evaluate PAIRS.csv``: precision, recall and F1 on labelled name pairs.
``evaluate --screen QUERIES.csv...``: labelled queries screened against the lists, with
flag rates on clean names and recall on listed ones (``sanctionscreen.screening_eval``).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sanctionscreen.cli import add_list_option, add_threshold_options
from sanctionscreen.errors import ConfigurationError
from sanctionscreen.evaluation import Evaluation, Metrics, evaluate, read_pairs
from sanctionscreen.settings import Thresholds

if TYPE_CHECKING:
    from sanctionscreen.results import ScreeningResult
    from sanctionscreen.screener import Screener
    from sanctionscreen.screening_eval import Figures, Outcome

SWEEP = [round(0.5 + 0.05 * i, 2) for i in range(10)]


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "evaluate", help="figures on labelled name pairs, or on labelled queries screened "
        "against the lists (--screen)",
        description="Score labelled name pairs and print precision, recall and F1 at the "
        "decision thresholds, a threshold sweep, and the worst errors with explanations. "
        "With --screen, screen labelled queries against the lists and print flag rates on "
        "clean names, recall on listed ones, a sweep and the worst errors.")
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="CSV file of labelled pairs; with --screen, CSV files of labelled "
                        "queries (benchmarks/screening_sets.py writes them)")
    parser.add_argument("--name1-column", default="name1",
                        help="the pairs file's column of first names (default: name1)")
    parser.add_argument("--name2-column", default="name2",
                        help="its column of second names (default: name2)")
    parser.add_argument("--label-column", default="is_match",
                        help="its column saying whether the two name one entity, 1/0 or "
                        "true/false (default: is_match)")
    parser.add_argument("--filter", action="append", default=[], metavar="COLUMN=V1,V2",
                        help="keep only rows whose COLUMN is one of the values (repeatable)")
    parser.add_argument("--exclude", action="append", default=[], metavar="COLUMN=V1,V2",
                        help="drop rows whose COLUMN is one of the values (repeatable)")
    parser.add_argument("--worst", type=int, metavar="N",
                        help="how many worst errors of each kind to explain (default 5; "
                        "with --screen 10)")
    add_threshold_options(parser)
    screen = parser.add_argument_group("screening labelled queries")
    screen.add_argument("--screen", action="store_true",
                        help="screen the FILEs' queries against the lists (columns set, "
                        "category, name, country, expected_entity, expected_list, "
                        "perturbation, source; only name is required)")
    add_list_option(parser)
    screen.add_argument("--workers", type=int, default=1, metavar="N",
                        help="processes screening the queries (default 1)")
    screen.add_argument("--output", metavar="FILE.csv",
                        help="write one row per query: decision, best hit, expected, correct")
    screen.add_argument("--sweep-from", type=float, default=0.60, metavar="T",
                        help="lowest threshold of the sweep; the queries are screened at "
                        "this review threshold (default 0.60)")
    screen.add_argument("--no-country", action="store_true",
                        help="screen without the queries' countries")
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
            lines += ["    " + x for x in comparison.text().splitlines()]
    return "\n".join(lines)


def _thresholds(args: argparse.Namespace) -> Thresholds:
    given = {k: v for k, v in (("match", args.match_threshold),
                               ("review", args.review_threshold)) if v is not None}
    try:
        return Thresholds(**given)
    except ValueError as error:
        raise ConfigurationError(str(error).splitlines()[-1].strip(),
                                 hint="check --match-threshold and --review-threshold") from None


def run(args: argparse.Namespace) -> int:
    if args.screen:
        return run_screen(args)
    if len(args.files) > 1:
        raise ConfigurationError(f"evaluate takes one pairs file, not {len(args.files)}",
                                 hint="give --screen to screen files of labelled queries")
    if args.lists or args.output:
        raise ConfigurationError("--list and --output go with --screen",
                                 hint="pairs are compared without a list")
    pairs = read_pairs(args.files[0], name1=args.name1_column, name2=args.name2_column,
                       label=args.label_column, keep=_conditions(args.filter),
                       drop=_conditions(args.exclude))
    print(report(evaluate(pairs, thresholds=_thresholds(args)),
                 worst=5 if args.worst is None else args.worst))
    return 0


def run_screen(args: argparse.Namespace) -> int:
    """``evaluate --screen``: screen the queries once, at the sweep's lowest threshold."""
    from sanctionscreen.screener import Screener
    from sanctionscreen.screening_eval import read_queries, screen_queries, write_outcomes

    if args.workers < 1:
        raise ConfigurationError(f"--workers must be at least 1, not {args.workers}")
    shipped = _thresholds(args)
    lowest = min(args.sweep_from, shipped.review)
    queries = [q for path in args.files for q in read_queries(path)]
    started = time.perf_counter()
    screener = Screener(args.lists or ["bundled"],
                        thresholds=Thresholds(match=shipped.match, review=lowest))
    built = time.perf_counter()
    loaded = {w.id for w in screener.watchlists}
    kept = [q for q in queries if q.expected is None or q.expected[0] in loaded]
    outcomes = screen_queries(screener, kept, review=shipped.review, workers=args.workers,
                              use_country=not args.no_country)
    facts = _Run(screener, shipped, lowest, len(queries) - len(kept), built - started,
                 time.perf_counter() - built, args.workers, not args.no_country)
    print(screen_report(outcomes, facts, worst=10 if args.worst is None else args.worst))
    if args.output:
        write_outcomes(args.output, outcomes)
    return 0


@dataclass(frozen=True)
class _Run:
    """How a screening evaluation ran, for its report."""

    screener: Screener  # at the lowest threshold
    shipped: Thresholds  # the thresholds evaluated
    lowest: float
    left_out: int  # positives whose list is not loaded
    build_seconds: float
    screen_seconds: float
    workers: int
    use_country: bool


def _cell(part: int, rate: float | None) -> str:
    return "-" if rate is None else f"{100 * rate:.2f}% ({part:,})"


_HEAD = (f"{'':<28}{'rows':>7}{'clean':>7}  {'flagged':>16}  {'match':>16}  {'positives':>9}  "
         f"{'found':>16}  {'as match':>16}")


def _figures_line(label: str, f: Figures) -> str:
    return (f"{label:<28}{f.rows:>7,}{f.clean:>7,}  {_cell(f.flagged, f.flag_rate):>16}  "
            f"{_cell(f.matched, f.match_rate):>16}  {f.positives:>9,}  "
            f"{_cell(f.found, f.recall):>16}  {_cell(f.found_as_match, f.match_recall):>16}")


def screen_report(outcomes: Sequence[Outcome], run: _Run, *, worst: int) -> str:
    """A screening evaluation as printed text: figures by file and category, by
    perturbation, the sweep, and the worst false positives and misses explained."""
    from sanctionscreen.screening_eval import figures, grouped

    t = run.shipped
    lists = ", ".join(f"{w.id} ({len(w.entities):,} entities)" for w in run.screener.watchlists)
    clean = sum(o.query.expected is None for o in outcomes)
    rate = len(outcomes) / run.screen_seconds if run.screen_seconds > 0 else 0.0
    lines = [
        f"screened: {len(outcomes):,} queries ({clean:,} clean, {len(outcomes) - clean:,} "
        f"positive) against {lists}",
        f"thresholds: match {t.match:.2f}, review {t.review:.2f}; screened once at review "
        f"{run.lowest:.2f}, the decisions at these thresholds taken from its scores; countries "
        + ("used where given" if run.use_country else "not used"),
        f"time: lists loaded in {run.build_seconds:.1f} s, queries screened in "
        f"{run.screen_seconds:.1f} s with {run.workers} worker(s) ({rate:,.0f} queries/s)"]
    if run.left_out:
        lines.append(f"left out: {run.left_out:,} positive rows whose expected list is not loaded")
    errors = sum(o.decision == "error" for o in outcomes)
    if errors:
        lines.append(f"errors: {errors:,} queries could not be screened (not counted as flagged)")
    lines += ["", "by file and category (flagged, match: of the clean rows; found, as match: "
              "of the positives):", _HEAD]
    for file, totals in grouped(outcomes, lambda o: o.query.file).items():
        lines.append(_figures_line(file, totals))
        members = [o for o in outcomes if o.query.file == file]
        lines += [_figures_line(f"  {category}", f) for category, f in
                  grouped(members, lambda o: o.query.category or "-").items()]
    lines.append(_figures_line("all", figures(outcomes)))
    positives = [o for o in outcomes if o.query.expected is not None]
    if positives:
        lines += ["", "positives by perturbation:", _HEAD]
        lines += [_figures_line(f"  {way}", f) for way, f in sorted(
            grouped(positives, lambda o: o.query.perturbation or "-").items())]
    return "\n".join(lines + _sweep_lines(outcomes, run) + _worst_lines(outcomes, run, worst))


def _sweep_lines(outcomes: Sequence[Outcome], run: _Run) -> list[str]:
    from sanctionscreen.screening_eval import SWEEP as THRESHOLDS
    from sanctionscreen.screening_eval import sweep

    thresholds = [x for x in THRESHOLDS if x >= run.lowest - 1e-9]
    files = list(dict.fromkeys(o.query.file for o in outcomes))
    columns = [("all", sweep(outcomes, thresholds))]
    columns += [(f.removesuffix(".csv"), sweep([o for o in outcomes if o.query.file == f],
                                               thresholds)) for f in files]
    cells: list[tuple[str, list[str]]] = []
    for label, points in columns:
        if points and points[0].clean:
            cells.append((f"{label} flagged", [f"{100 * (p.flag_rate or 0):.2f}%" for p in points]))
        if points and points[0].positives:
            cells.append((f"{label} found", [f"{100 * (p.recall or 0):.2f}%" for p in points]))
    widths = [max(len(label), 8) for label, _ in cells]
    lines = ["", "threshold sweep (if the review threshold were t: clean rows whose best flagged "
             "hit scores >= t, positives whose entity's flagged hit does):",
             "     t  " + "  ".join(f"{label:>{w}}" for (label, _), w in zip(cells, widths,
                                                                         strict=True))]
    for at, x in enumerate(thresholds):
        lines.append(f"  {x:.2f}  " + "  ".join(f"{values[at]:>{w}}" for (_, values), w in
                                                zip(cells, widths, strict=True)))
    return lines


def _indented(text: str) -> list[str]:
    return ["    " + line for line in text.splitlines()]


def _best_text(result: ScreeningResult) -> str:
    """The result with its best hit explained, and the other hits in one line."""
    text = result.model_copy(update={"hits": result.hits[:1]}).text()
    others = [f"{h.entity_name} ({h.list}:{h.entity_id}) {h.score:.3f} {h.decision}"
              for h in result.hits[1:]]
    return text + (f"\nOther hits: {'; '.join(others)}" if others else "")


def _worst_lines(outcomes: Sequence[Outcome], run: _Run, worst: int) -> list[str]:
    from sanctionscreen.screener import Screener
    from sanctionscreen.screening_eval import worst_false_positives, worst_misses

    false_positives = worst_false_positives(outcomes, worst)
    misses = worst_misses(outcomes, worst)
    if not false_positives and not misses:
        return []
    # Explained as a screening at the thresholds evaluated would explain them.
    shipped = run.screener if run.lowest == run.shipped.review else Screener(
        run.screener.watchlists, thresholds=run.shipped, settings=run.screener.settings)
    lines = ["", "worst false positives (clean rows flagged, highest score first):"]
    lines += [] if false_positives else ["(none)"]
    for o in false_positives:
        lines.append(f"- {_where(o)}: {o.query.name!r}")
        lines += _indented(_best_text(shipped.screen(o.query.name, country=_country(o, run))))
    lines += ["", "worst misses (positives not found; in turn from each perturbation, lowest "
              "score first):"]
    lines += [] if misses else ["(none)"]
    for o in misses:
        listed, entity_id = o.query.expected or ("", "")
        lines.append(f"- {_where(o)}: {o.query.name!r}, expected {listed}:{entity_id}")
        lines += _indented(_miss_text(o, run, shipped))
    return lines


def _where(o: Outcome) -> str:
    way = f", {o.query.perturbation}" if o.query.perturbation else ""
    country = f", country {o.query.country}" if o.query.country else ""
    return f"{o.query.file} row {o.query.row} [{o.query.category}{way}{country}]"


def _country(o: Outcome, run: _Run) -> str | None:
    return o.query.country if run.use_country else None


def _miss_text(o: Outcome, run: _Run, shipped: Screener) -> str:
    """Why a positive was not found: the expected entity's hit when there is one, else
    its best-scoring name compared on its own."""
    from sanctionscreen.screening_eval import expected_entity

    entity = expected_entity(shipped, o.query)
    if entity is None:
        return "the expected entity is not in the loaded list"
    result = shipped.screen(o.query.name, country=_country(o, run))
    best = result.best
    head = f"Decided {result.decision}" + (
        f"; best hit {best.entity_name} ({best.list}:{best.entity_id}) {best.score:.3f}"
        if best else "") + f". Expected: {entity.name} ({entity.type})."
    for screened, note in ((result, "decided {decision}"),
                           (run.screener.screen(o.query.name, country=_country(o, run)),
                            f"below the review threshold {run.shipped.review:.2f}; explained "
                            f"as screened at review {run.lowest:.2f}")):
        for hit in screened.hits:
            if (hit.list, hit.entity_id) == o.query.expected:
                return (f"{head}\nIts hit scored {hit.score:.3f}, "
                        f"{note.format(decision=hit.decision)}:\n{hit.text()}")
    compared = [(shipped.compare(o.query.name, name), name, kind) for name, kind in entity.names()]
    comparison, name, kind = max(compared, key=lambda c: c[0].score)
    return (f"{head}\nIt was not among the hits at review {run.lowest:.2f} (at most "
            f"{shipped.settings.max_hits} kept). Its best-scoring name compared on its own: "
            f"{name!r} ({kind}), {comparison.score:.3f}:\n{comparison.text()}")
