"""Measure screening on labelled queries: how often clean names are flagged, and
whether listed names are found.

Queries come from CSV files with the columns ``set, category, name, country,
expected_entity, expected_list, perturbation, source`` (``benchmarks/screening_sets.py``
writes them; only ``name`` is required). A row without ``expected_entity`` is clean: it
should come back clear. A row with one is a positive: it is found when the entity
(compared as list id and entity id, ``Hit.list`` and ``Hit.entity_id``) is among the
hits decided ``match`` or ``review``.

Each query is screened once, by a :class:`~sanctionscreen.screener.Screener` whose
review threshold is lowered to the sweep's lowest threshold: scores do not depend on
the thresholds, so that one screening gives the decisions at the shipped thresholds
(:func:`hit_decision`) and every point of the sweep (:func:`sweep`). See
``docs/quality.md``.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sanctionscreen.errors import InputError
from sanctionscreen.results import Hit, ScreeningResult
from sanctionscreen.screener import Screener
from sanctionscreen.watchlist.model import Entity

COLUMNS = ("set", "category", "name", "country", "expected_entity", "expected_list",
           "perturbation", "source")
SWEEP = tuple(round(0.60 + 0.05 * step, 2) for step in range(8))  # 0.60 to 0.95
FLAGGED = ("match", "review")


@dataclass(frozen=True)
class Query:
    """One labelled query and where it came from."""

    file: str  # the file's name
    row: int  # the CSV row, the header being row 1
    set: str
    category: str
    name: str
    country: str | None
    expected: tuple[str, str] | None  # (list id, entity id); None: clean
    perturbation: str = ""
    source: str = ""


@dataclass(frozen=True)
class BestHit:
    """The best-scoring hit of a screening, whatever its decision."""

    list: str
    entity_id: str
    name: str  # the listed name matched
    score: float


@dataclass(frozen=True)
class Outcome:
    """What screening one query gave, as the figures need it."""

    query: Query
    decision: str  # at the thresholds evaluated
    best: BestHit | None
    flag_score: float | None  # best score among hits decided match or review
    expected_score: float | None  # the expected entity's hit score (any decision)
    expected_flag_score: float | None  # the same, when that hit is decided match or review
    found: bool  # the expected entity is flagged at the thresholds evaluated
    found_as_match: bool

    @property
    def correct(self) -> bool:
        """Clean and clear, or positive and found."""
        return self.found if self.query.expected else self.decision == "clear"


def read_queries(path: str | Path) -> list[Query]:
    """The labelled queries of a CSV file (UTF-8, with a header row)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read: {error}", path=path) from None
    reader = csv.DictReader(text.splitlines())
    if "name" not in (reader.fieldnames or []):
        raise InputError(f"no column 'name'; the columns are {reader.fieldnames}", path=path,
                         row=1, hint="a query file has the columns " + ", ".join(COLUMNS))
    queries = []
    for number, row in enumerate(reader, start=2):
        value = {c: (row.get(c) or "").strip() for c in COLUMNS}
        entity, listed = value["expected_entity"], value["expected_list"]
        if bool(entity) != bool(listed):
            raise InputError("expected_entity and expected_list must be given together",
                             path=path, row=number)
        queries.append(Query(path.name, number, value["set"], value["category"],
                             row.get("name") or "", value["country"] or None,
                             (listed, entity) if entity else None, value["perturbation"],
                             value["source"]))
    return queries


def hit_decision(hit: Hit, review: float) -> str:
    """A hit's decision at review threshold ``review``, from a screening at a lower one.

    The screener's ``match`` (and a ``review`` or ``clear`` a rule imposed) stands; a
    ``review`` whose score is below ``review`` becomes ``clear``.
    """
    return "clear" if hit.decision == "review" and hit.score < review else hit.decision


def _best_flagged(hits: Iterable[Hit]) -> float | None:
    return max((h.score for h in hits if h.decision in FLAGGED), default=None)


def outcome(query: Query, result: ScreeningResult, *, review: float) -> Outcome:
    """The outcome of a query at review threshold ``review`` (see :func:`hit_decision`)."""
    if result.decision == "error":
        decision = "error"
    else:
        decision = hit_decision(result.hits[0], review) if result.hits else "clear"
    top = result.hits[0] if result.hits else None
    best = None if top is None else BestHit(top.list, top.entity_id, top.matched_name, top.score)
    # the expected entity may be shown as another list's hit on it (``Hit.also_listed``)
    expected = [h for top_hit in result.hits for h in (top_hit, *top_hit.also_listed)
                if (h.list, h.entity_id) == query.expected]
    decided = [hit_decision(h, review) for h in expected]
    return Outcome(query, decision, best, _best_flagged(result.hits),
                   expected[0].score if expected else None, _best_flagged(expected),
                   any(d in FLAGGED for d in decided), "match" in decided)


def screen_queries(screener: Screener, queries: Sequence[Query], *, review: float,
                   workers: int = 1, use_country: bool = True) -> list[Outcome]:
    """Screen every query (with its country, unless ``use_country`` is false) and
    give the outcomes at review threshold ``review``, in input order."""
    items = [(q.name, q.country if use_country else None) for q in queries]
    results = screener.screen_many(items, workers=workers)
    return [outcome(q, r, review=review) for q, r in zip(queries, results, strict=True)]


def expected_entity(screener: Screener, query: Query) -> Entity | None:
    """The entity a positive query expects, from the screener's lists (``None`` when
    the list is not loaded or has no such entity)."""
    if query.expected is None:
        return None
    listed, entity_id = query.expected
    for watchlist in screener.watchlists:
        if watchlist.id == listed:
            try:
                return watchlist.entity(entity_id)
            except KeyError:
                return None
    return None


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Counts:
    """Clean rows flagged and positives found, and the two rates made from them
    (``None`` when there is no row to divide by)."""

    clean: int
    flagged: int  # clean rows decided match or review (or, in a sweep, scoring >= t)
    positives: int
    found: int  # positives whose entity was flagged

    @property
    def flag_rate(self) -> float | None:
        return _rate(self.flagged, self.clean)

    @property
    def recall(self) -> float | None:
        return _rate(self.found, self.positives)


@dataclass(frozen=True)
class Figures(Counts):
    """The counts of a group of outcomes, with matches and errors."""

    rows: int = 0
    matched: int = 0  # clean rows decided match
    found_as_match: int = 0
    errors: int = 0

    @property
    def match_rate(self) -> float | None:
        return _rate(self.matched, self.clean)

    @property
    def match_recall(self) -> float | None:
        return _rate(self.found_as_match, self.positives)


def figures(outcomes: Iterable[Outcome]) -> Figures:
    """The figures of a group of outcomes.

    >>> q = Query("f.csv", 2, "s", "c", "Acme", None, None)
    >>> figures([Outcome(q, "review", None, 0.75, None, None, False, False)]).flag_rate
    1.0
    """
    chosen = list(outcomes)
    clean = [o for o in chosen if o.query.expected is None]
    positive = [o for o in chosen if o.query.expected is not None]
    return Figures(clean=len(clean), flagged=sum(o.decision in FLAGGED for o in clean),
                   positives=len(positive), found=sum(o.found for o in positive),
                   rows=len(chosen), matched=sum(o.decision == "match" for o in clean),
                   found_as_match=sum(o.found_as_match for o in positive),
                   errors=sum(o.decision == "error" for o in chosen))


def grouped(outcomes: Iterable[Outcome], key: Callable[[Outcome], str]) -> dict[str, Figures]:
    """Figures by ``key`` (for example the file, or the category), in order of appearance."""
    groups: dict[str, list[Outcome]] = {}
    for found in outcomes:
        groups.setdefault(key(found), []).append(found)
    return {name: figures(members) for name, members in groups.items()}


@dataclass(frozen=True)
class SweepPoint(Counts):
    """The counts if the review threshold were ``threshold``, from scores alone."""

    threshold: float = 0.0


def sweep(outcomes: Sequence[Outcome], thresholds: Iterable[float] = SWEEP) -> list[SweepPoint]:
    """One point a threshold ``t``: a clean row counts as flagged when its best flagged
    hit scores at least ``t``; a positive as found when its entity's flagged hit does."""
    clean = [o.flag_score for o in outcomes if o.query.expected is None]
    positive = [o.expected_flag_score for o in outcomes if o.query.expected is not None]
    return [SweepPoint(len(clean), sum(s is not None and s >= t for s in clean), len(positive),
                       sum(s is not None and s >= t for s in positive), threshold=t)
            for t in thresholds]


def worst_false_positives(outcomes: Iterable[Outcome], count: int) -> list[Outcome]:
    """The clean rows flagged with the highest scores, at most ``count``."""
    flagged = [o for o in outcomes if o.query.expected is None and o.decision in FLAGGED]
    flagged.sort(key=lambda o: (-(o.flag_score or 0.0), o.query.file, o.query.row))
    return flagged[:count]


def worst_misses(outcomes: Iterable[Outcome], count: int) -> list[Outcome]:
    """Positives not found, at most ``count``: taken in turn from each perturbation, and
    within one, those whose entity scored lowest (or not at all) first."""
    by_way: dict[str, list[Outcome]] = {}
    for found in outcomes:
        if found.query.expected is not None and not found.found:
            by_way.setdefault(found.query.perturbation, []).append(found)
    for misses in by_way.values():
        misses.sort(key=lambda o: (o.expected_score or -1.0, o.query.file, o.query.row))
    chosen: list[Outcome] = []
    while len(chosen) < count and any(by_way.values()):
        for way in sorted(by_way):
            if by_way[way] and len(chosen) < count:
                chosen.append(by_way[way].pop(0))
    return chosen


OUTPUT_COLUMNS = ("file", "row", "set", "category", "name", "country", "expected_list",
                  "expected_entity", "perturbation", "decision", "best_list", "best_entity",
                  "best_name", "best_score", "expected_score", "correct")


def write_outcomes(path: str | Path, outcomes: Iterable[Outcome]) -> None:
    """One CSV row per query: its labels, the decision, the best hit, whether correct."""
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(OUTPUT_COLUMNS)
        for o in outcomes:
            q, best = o.query, o.best
            listed, entity = q.expected or ("", "")
            writer.writerow([
                q.file, q.row, q.set, q.category, q.name, q.country or "", listed, entity,
                q.perturbation, o.decision, best.list if best else "",
                best.entity_id if best else "", best.name if best else "",
                f"{best.score:.4f}" if best else "",
                "" if o.expected_score is None else f"{o.expected_score:.4f}",
                str(o.correct).lower()])
