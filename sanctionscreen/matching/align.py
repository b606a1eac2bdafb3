"""Line up the words of two names: joined and split words first, then word pairs.

A word on one side may stand for two to four words on the other ("sunmoonstar" /
"sun moon star", "chongchongang" / "chong chon gang") when the joined spelling is at
least ``JOIN_SIMILARITY`` alike and the first or the last word of the run is intact at
that end of the word (a typo may sit anywhere else); such runs are merged into one
unit before pairing. Pairs are then chosen greedily, best first, each unit used
once, so word order does not matter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from sanctionscreen.matching.similarity import SHORT_WORD, spelling_similarity, word_similarity
from sanctionscreen.matching.weights import WordWeight, WordWeights

JOIN_SIMILARITY = 0.8
MAX_JOINED = 4
# A run written as one may differ in length from its word by JOIN_SHARE-th of the word
# or JOIN_SLACK letters, whichever is more (``join_tolerance``).
JOIN_SLACK = 2
JOIN_SHARE = 5


@dataclass(frozen=True)
class Unit:
    """One word, or a run of words merged because the other side writes them as one."""

    parts: tuple[str, ...]
    weight: float
    kind: str

    @cached_property
    def text(self) -> str:
        return "".join(self.parts)

    @cached_property
    def label(self) -> str:
        return " ".join(self.parts)


@dataclass(frozen=True)
class Pair:
    query: Unit
    listed: Unit
    similarity: float
    how: str


Spans = tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int, float]]]
"""An alignment as plain numbers, to send between processes: the units of the query and
of the listed name as (first word, words), and the pairs as (query unit, listed unit,
similarity), in the order of the query's units (equal units at the first one's place)."""


@dataclass(frozen=True)
class Alignment:
    pairs: list[Pair]
    unmatched_query: list[Unit]
    unmatched_listed: list[Unit]
    query_units: list[Unit]
    listed_units: list[Unit]


def intact_end(word: str, first: str, last: str) -> bool:
    """Whether ``word`` begins with the run's first word or ends with its last word."""
    return word.startswith(first) or word.endswith(last)


def join_tolerance(length: int) -> int:
    """How many letters a run of words written as one may differ in length from the word
    of ``length`` letters it stands for (every implementation reads this rule here)."""
    return max(JOIN_SLACK, length // JOIN_SHARE)


def may_join(singles: Sequence[str], others: Sequence[str]) -> bool:
    """Whether any word of ``singles`` is long enough to stand for two adjacent ``others``
    (when not, no word of ``singles`` stands for a run of them)."""
    if len(others) < 2 or not singles:
        return False
    longest = 0
    for word in singles:
        longest = max(longest, len(word))
    if longest <= SHORT_WORD:
        return False
    shortest_run = len(others[0]) + len(others[1])
    for at in range(1, len(others) - 1):
        shortest_run = min(shortest_run, len(others[at]) + len(others[at + 1]))
    return shortest_run - longest <= join_tolerance(longest)


def _joins(singles: Sequence[str], others: Sequence[str]) -> list[tuple[float, int, int, int]]:
    """``(similarity, i, j, k)``: word ``singles[i]`` is ``others[j:j+k]`` written as one,
    spelled more like it than its best single partner in ``others`` is."""
    found: list[tuple[float, int, int, int]] = []
    if not may_join(singles, others):
        return found
    lengths = [len(w) for w in others]
    for i, word in enumerate(singles):
        if len(word) <= SHORT_WORD:
            continue
        tolerance = join_tolerance(len(word))
        best_single = -1.0  # worked out only when a run comes close
        for j in range(len(others) - 1):
            joined_length = lengths[j]
            for k in range(2, min(MAX_JOINED, len(others) - j) + 1):
                joined_length += lengths[j + k - 1]
                if joined_length - len(word) > tolerance:
                    break  # longer runs from here are longer still
                if len(word) - joined_length > tolerance or not intact_end(
                        word, others[j], others[j + k - 1]):
                    continue
                similarity = spelling_similarity(word, "".join(others[j : j + k]))
                if similarity < JOIN_SIMILARITY:
                    continue
                if best_single < 0:
                    best_single = max(word_similarity(word, other)[0] for other in others)
                if similarity > best_single:
                    found.append((similarity, i, j, k))
    return found


# The one-word units of the words of the last few WordWeights (by identity, each kept
# with its units), made once: most units are one word. Bounded rather than weak: the
# compiled WordWeights takes no weak references.
_SINGLES: dict[int, tuple[WordWeights, dict[str, Unit]]] = {}
_SINGLES_KEPT = 4


def _singles(weights: WordWeights) -> dict[str, Unit]:
    found = _SINGLES.get(id(weights))
    if found is None or found[0] is not weights:
        if len(_SINGLES) >= _SINGLES_KEPT:
            _SINGLES.clear()
        found = _SINGLES[id(weights)] = (weights, {})
    return found[1]


def _units(words: Sequence[str], runs: list[tuple[int, int]], weights: WordWeights) -> list[Unit]:
    singles = _singles(weights)
    if not runs:  # most names: every unit is one word
        return [singles.get(word) or _single(word, weights, singles) for word in words]
    starts = dict(runs)
    units: list[Unit] = []
    i = 0
    while i < len(words):
        size = starts.get(i, 1)
        if size == 1:
            unit = singles.get(words[i]) or _single(words[i], weights, singles)
        else:
            parts = tuple(words[i : i + size])
            unit = _unit(parts, [weights(part) for part in parts])
        units.append(unit)
        i += size
    return units


def _single(word: str, weights: WordWeights, singles: dict[str, Unit]) -> Unit:
    """The one-word unit of ``word``, made and kept in ``singles``."""
    unit = singles[word] = _unit((word,), [weights(word)])
    return unit


def _unit(parts: tuple[str, ...], weights: list[WordWeight]) -> Unit:
    weight = 0.0  # added one by one, as score.added adds them
    for w in weights:
        weight += w.weight
    kinds = [w.kind for w in weights]
    kind = "distinctive" if "distinctive" in kinds else max(kinds, key=kinds.count)
    return Unit(parts, round(weight, 4), kind)


def _choose_runs(
    joins: list[tuple[float, int, int, int]],
) -> tuple[set[int], list[tuple[int, int]]]:
    used_single: set[int] = set()
    used_other: set[int] = set()
    runs: list[tuple[int, int]] = []
    if not joins:  # most pairs of names
        return used_single, runs
    for _, i, j, k in sorted(joins, key=lambda t: (-t[0], t[1], t[2], t[3])):
        span = set(range(j, j + k))
        if i in used_single or span & used_other:
            continue
        used_single.add(i)
        used_other |= span
        runs.append((j, k))
    return used_single, runs


def align(query: Sequence[str], listed: Sequence[str], weights: WordWeights) -> Alignment:
    """Align the words of a query name with those of a listed name."""
    return aligned(query, listed, weights)[0]


def aligned(query: Sequence[str], listed: Sequence[str],
            weights: WordWeights) -> tuple[Alignment, Spans]:
    """:func:`align`'s alignment, and the same as :data:`Spans` (to rebuild it later
    with :func:`alignment_from`, from plain numbers)."""
    _, listed_runs = _choose_runs(_joins(query, listed))
    taken = {j + n for j, k in listed_runs for n in range(k)}
    query_joins = [t for t in _joins(listed, query) if t[1] not in taken]
    _, query_runs = _choose_runs(query_joins)
    query_units = _units(query, query_runs, weights)
    listed_units = _units(listed, listed_runs, weights)

    # Best first: the highest weighted similarity, then similarity, then the first units
    # (negated, so that tuples sort in that order by themselves).
    options: list[tuple[float, float, int, int, str]] = []
    for qi, q in enumerate(query_units):
        for li, c in enumerate(listed_units):
            similarity, how = _unit_similarity(q, c)
            if similarity > 0:
                options.append((-similarity * (q.weight + c.weight), -similarity, qi, li, how))
    options.sort()
    chosen: list[tuple[int, int, float, str]] = []
    used_q: set[int] = set()
    used_l: set[int] = set()
    for _, negated, qi, li, how in options:
        if qi in used_q or li in used_l:
            continue
        used_q.add(qi)
        used_l.add(li)
        chosen.append((qi, li, -negated, how))
    # In the order of the query's units, a unit's equals (a repeated word) at its first
    # place (a stable sort: among them, the order they were chosen in).
    first: dict[tuple[str, ...], int] = {}
    for at, unit in enumerate(query_units):
        first.setdefault(unit.parts, at)
    if len(first) == len(query_units):
        chosen.sort()  # no unit repeats (most names)
    else:
        chosen.sort(key=lambda t: first[query_units[t[0]].parts])
    pairs = [Pair(query_units[qi], listed_units[li], similarity, how)
             for qi, li, similarity, how in chosen]
    spans = (_unit_spans(query_units), _unit_spans(listed_units),
             [(qi, li, similarity) for qi, li, similarity, _ in chosen])
    return _alignment(pairs, query_units, listed_units, used_q, used_l), spans


def _unit_spans(units: list[Unit]) -> list[tuple[int, int]]:
    """Each unit as (first word, words)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for unit in units:
        spans.append((start, len(unit.parts)))
        start += len(unit.parts)
    return spans


def _alignment(pairs: list[Pair], query_units: list[Unit], listed_units: list[Unit],
               used_q: set[int], used_l: set[int]) -> Alignment:
    return Alignment(
        pairs=pairs,
        unmatched_query=[u for i, u in enumerate(query_units) if i not in used_q],
        unmatched_listed=[u for i, u in enumerate(listed_units) if i not in used_l],
        query_units=query_units,
        listed_units=listed_units,
    )


def _unit_similarity(query: Unit, listed: Unit) -> tuple[float, str]:
    """``word_similarity`` of two units, said of joined words when either is a run."""
    similarity, how = word_similarity(query.text, listed.text)
    if len(query.parts) > 1 or len(listed.parts) > 1:
        how = "joined words" if similarity == 1.0 else "joined words, spelled differently"
    return similarity, how


def alignment_from(query: Sequence[str], listed: Sequence[str], weights: WordWeights,
                   spans: Spans) -> Alignment:
    """The alignment :func:`aligned` made, from its :data:`Spans`."""
    query_spans, listed_spans, chosen = spans
    query_units = _units(query, [(start, size) for start, size in query_spans if size > 1],
                         weights)
    listed_units = _units(listed, [(start, size) for start, size in listed_spans if size > 1],
                          weights)
    pairs = [Pair(query_units[qi], listed_units[li], *_unit_similarity(
        query_units[qi], listed_units[li])) for qi, li, _ in chosen]
    return _alignment(pairs, query_units, listed_units, {qi for qi, _, _ in chosen},
                      {li for _, li, _ in chosen})
