"""Search: which listed names are worth explaining for a name.

Candidates come from the index (or every listed name, for the exhaustive reference);
those whose score bound cannot reach the floor are dropped; the rest are scored (in C
when built), and those whose score before the precision rules may reach review are
lined up and judged by the rules (``matching/rules.py``) and the country rule, best
first. The best listed name of each entity is kept, at most ``max_hits``, as numbers.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sanctionscreen.errors import InputError
from sanctionscreen.matching.align import Alignment, align, alignment_from
from sanctionscreen.matching.bound import Spans
from sanctionscreen.matching.score import alignment_score, finished_score, ruled_score
from sanctionscreen.screening.build import Built
from sanctionscreen.screening.decide import bounded, country_code, country_delta
from sanctionscreen.screening.inputs import checked_country, checked_name, printable
from sanctionscreen.text.normalize import Steps, TextSteps, normalised_steps

LINED_UP_FOR = 16  # names scored up to which C lines each up with its score
WHY_NOT_FROM = 0.4  # the least score bound of a listed name that ``nearest_below`` explains


@dataclass(frozen=True)
class Found:
    """What the search for one name found."""

    query: str  # the name as screened
    numbers: tuple[int, ...]  # the listed names to explain, best first, at most max_hits
    error: str | None = None  # why the name could not be screened

    def __reduce__(self) -> tuple[type[Found], tuple[str, tuple[int, ...], str | None]]:
        # travels back from a worker; compiled, a frozen class cannot be unpickled
        # field by field
        return Found, (self.query, self.numbers, self.error)


@dataclass(frozen=True)
class Made:
    """What the search made that explaining reuses."""

    words: tuple[str, ...]  # the query's words
    forms: tuple[str, ...]  # and legal forms
    steps: Steps | TextSteps  # its normalisation steps (``normalise.normalised_steps``)
    # How it lines up with each listed name found (``None``: not made, or not all made).
    spans: tuple[Spans | None, ...] | None = None

    def __reduce__(self) -> tuple[type[Made], tuple[Any, ...]]:
        # travels back from a worker, as ``Found`` does
        return Made, (self.words, self.forms, self.steps, self.spans)


@dataclass(frozen=True)
class Near:
    """A listed name whose score before the rules reaches the floor, while it is judged."""

    most: float  # its score before the rules, with the country rule: the most it can get
    number: int
    spans: Spans | None  # how it lines up, when made in C
    alignment: Alignment | None  # when aligned in Python
    before: float  # its score before the rules


def search(built: Built, name: object, country: object, *, exhaustive: bool = False,
           bound: bool = True) -> tuple[Found, Made | None]:
    """The listed names worth explaining for ``name``, and what was made on the way.

    ``exhaustive``: every listed name is a candidate (no index); with ``bound=False``
    every one is aligned too (slow; a reference for tests).
    """
    try:
        query = checked_name(name, built.settings.max_name_length)
        given = checked_country(country)
    except InputError as error:
        return Found(printable(name), (), error.message), None
    words, forms, steps = normalised_steps(query)
    if not words:
        return Found(query, (), "nothing is left of the name after normalisation (only "
                     "punctuation, symbols or invisible characters)"), Made(words, forms, steps)
    numbers = list(range(len(built.names))) if exhaustive else built.index.candidates(words)
    if bound and numbers:
        numbers = built.bounds.survivors(words, numbers, built.floor)
    if not numbers:
        return Found(query, ()), Made(words, forms, steps)
    best: dict[tuple[int, str], tuple[float, int, Spans | None]] = {}
    for score, near in scored(built, words, forms, numbers, given,
                              keep=built.settings.max_hits):
        listed = built.names[near.number]
        key = (listed.list_index, listed.entity.id)
        if key not in best or score > best[key][0]:
            best[key] = (score, near.number, near.spans)
    ranked = [found for _, found in sorted(best.items(), key=lambda item: (
        -item[1][0], built.watchlists[item[0][0]].id, item[0][1]))][: built.settings.max_hits]
    return (Found(query, tuple(number for _, number, _ in ranked)),
            Made(words, forms, steps, tuple(spans for _, _, spans in ranked)))


def nearest_below(built: Built, words: tuple[str, ...], forms: tuple[str, ...],
                  country: str | None) -> list[int]:
    """The listed names (one per entity, nearest first by the score before the rules)
    whose bound reaches ``WHY_NOT_FROM`` but whose final score stays below review."""
    numbers = built.bounds.survivors(words, range(len(built.names)), WHY_NOT_FROM)
    review = built.settings.thresholds.review
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for score, near in scored(built, words, forms, numbers, country, floor=WHY_NOT_FROM):
        listed = built.names[near.number]
        key = (listed.list_index, listed.entity.id)
        if score < review and (key not in best or near.before > best[key][0]):
            best[key] = (near.before, near.number)
    return [number for _, number in sorted(best.values(), key=lambda t: -t[0])]


def scored(built: Built, words: tuple[str, ...], forms: tuple[str, ...],
           numbers: Iterable[int], country: str | None, *, floor: float | None = None,
           keep: int | None = None) -> Iterator[tuple[float, Near]]:
    """``(final score, name)`` of the listed names at or above review, best first by the
    score before the rules. With ``floor``, every name whose score before the rules
    reaches it, whatever its final score (``nearest_below``).

    The score before the precision rules (in C when built) is an upper bound of the
    final one; only names whose bound reaches review are lined up and judged by the
    rules, as their explanations will be, best first. With ``keep``, judging stops once
    ``keep`` entities have a final score that no name left can reach.
    """
    least = built.settings.thresholds.review if floor is None else -math.inf
    floor = built.floor if floor is None else floor
    weights = built.weights
    code = country_code(country, built.settings)
    numbers = list(numbers)
    # In C, when built; with few names, how each lines up too when its score may
    # reach the floor (with many, only those judged are lined up, below).
    aligned = built.bounds.scored(words, numbers,
                                  floor if len(numbers) <= LINED_UP_FOR else math.inf)
    near: list[Near] = []
    for at, number in enumerate(numbers):
        alignment: Alignment | None = None
        spans: Spans | None = None
        if aligned is not None:
            raw, spans = aligned[at]
            score = finished_score(raw, forms, built.forms[number])
        else:
            alignment = align(words, built.words[number], weights)
            score = alignment_score(alignment, words == built.words[number], forms,
                                    built.forms[number])
        if score >= floor:
            delta = country_delta(code, built.names[number].entity.countries)
            near.append(Near(bounded(score + delta), number, spans, alignment, score))
    near.sort(key=lambda found: -found.most)  # stable: equal scores keep their order
    best: dict[tuple[int, str], float] = {}
    for at, found in enumerate(near):
        if keep is not None and len(best) >= keep and found.most < heapq.nlargest(
                keep, best.values())[-1]:
            return  # no name left can enter the best ``keep``
        number = found.number
        listed_words = built.words[number]
        alignment = found.alignment
        if alignment is None:
            if found.spans is None:
                found = _lined_up(built, words, near, at)
            assert found.spans is not None
            alignment = alignment_from(words, listed_words, weights, found.spans)
        listed = built.names[number]
        score = ruled_score(alignment, words == listed_words, forms, built.forms[number],
                            listed.listing)
        if code:
            score = bounded(score + country_delta(code, listed.entity.countries))
        if score >= least:
            key = (listed.list_index, listed.entity.id)
            best[key] = max(score, best.get(key, score))
            yield score, found


def _lined_up(built: Built, words: tuple[str, ...], near: list[Near], at: int) -> Near:
    """``near[at]`` with how it lines up, made in C with those of the next few names that
    lack theirs (kept in ``near``), in one call."""
    chunk = [k for k in range(at, min(len(near), at + LINED_UP_FOR))
             if near[k].spans is None and near[k].alignment is None]
    made = built.bounds.alignments(words, [near[k].number for k in chunk])
    assert made is not None  # spans are missing only where C scored
    for k, spans in zip(chunk, made, strict=True):
        old = near[k]
        near[k] = Near(old.most, old.number, spans, old.alignment, old.before)
    return near[at]
