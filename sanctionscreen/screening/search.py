"""Search: which listed names are worth explaining for a name.

Candidates come from the index (or every listed name, for the exhaustive reference);
those whose score bound cannot reach the floor are dropped; the rest are aligned and
scored, and those whose score before the precision rules may reach review are judged
by the rules (``matching/rules.py``) and the country rule, best
first. The best listed name of each entity is kept, at most ``max_hits``, as numbers.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sanctionscreen.errors import InputError
from sanctionscreen.matching.align import Alignment, Spans, aligned
from sanctionscreen.matching.score import alignment_score, ruled_score
from sanctionscreen.screening.build import Built
from sanctionscreen.screening.decide import bounded, country_code, country_delta
from sanctionscreen.screening.inputs import checked_country, checked_name, printable
from sanctionscreen.text.normalize import Steps, TextSteps, normalised_steps

WHY_NOT_FROM = 0.4  # the least score bound of a listed name that ``nearest_below`` explains
ORDERED_FROM = 16  # more names than this are lined up highest bound first (_worth_lining_up)
# A score may exceed its bound by rounding (the score's and the country rule's, to four
# places each): a name is left out only when its bound is lower by more than this.
BOUND_MARGIN = 0.0002


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
    # How it lines up with each listed name found (``None``: not made).
    spans: tuple[Spans, ...] | None = None

    def __reduce__(self) -> tuple[type[Made], tuple[Any, ...]]:
        # travels back from a worker, as ``Found`` does
        return Made, (self.words, self.forms, self.steps, self.spans)


@dataclass(frozen=True)
class Near:
    """A listed name whose score before the rules reaches the floor, while it is judged."""

    most: float  # its score before the rules, with the country rule: the most it can get
    number: int
    alignment: Alignment  # how it lines up
    spans: Spans  # the same, as numbers
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
    best: dict[tuple[int, str], tuple[float, int, Spans]] = {}
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

    The score before the precision rules is an upper bound of the final one; only names
    whose score before the rules reaches the floor are judged by the rules, as their
    explanations will be, best first. With ``keep``, judging stops once ``keep``
    entities have a final score that no name left can reach; with many names, those
    whose bound cannot reach it are not even lined up (``_worth_lining_up``).
    """
    least = built.settings.thresholds.review if floor is None else -math.inf
    floor = built.floor if floor is None else floor
    code = country_code(country, built.settings)
    numbers = list(numbers)
    lined: dict[int, tuple[Alignment, Spans, float]] = {}
    finals: dict[int, float] = {}
    if keep is not None and len(numbers) > ORDERED_FROM:
        numbers = _worth_lining_up(built, words, forms, numbers, code, keep, least, floor,
                                   lined, finals)
    near: list[Near] = []
    for number in numbers:
        made = lined.get(number)
        if made is None:
            made = _lined_up(built, words, forms, number)
        alignment, spans, score = made
        if score >= floor:
            delta = country_delta(code, built.names[number].entity.countries)
            near.append(Near(bounded(score + delta), number, alignment, spans, score))
    near.sort(key=lambda found: -found.most)  # stable: equal scores keep their order
    best: dict[tuple[int, str], float] = {}
    for found in near:
        if keep is not None and len(best) >= keep and found.most < heapq.nlargest(
                keep, best.values())[-1]:
            return  # no name left can enter the best ``keep``
        number = found.number
        final = finals.get(number)
        if final is None:
            final = _final(built, words, forms, number, found.alignment, code)
        if final >= least:
            listed = built.names[number]
            key = (listed.list_index, listed.entity.id)
            best[key] = max(final, best.get(key, final))
            yield final, found


def _lined_up(built: Built, words: tuple[str, ...], forms: tuple[str, ...],
              number: int) -> tuple[Alignment, Spans, float]:
    """How listed name ``number`` lines up with the query, and its score before the rules."""
    alignment, spans = aligned(words, built.words[number], built.weights)
    return alignment, spans, alignment_score(alignment, words == built.words[number], forms,
                                             built.forms[number])


def _final(built: Built, words: tuple[str, ...], forms: tuple[str, ...], number: int,
           alignment: Alignment, code: str) -> float:
    """Listed name ``number``'s final score: the precision rules, then the country rule."""
    listed = built.names[number]
    score = ruled_score(alignment, words == built.words[number], forms, built.forms[number],
                        listed.listing)
    if code:
        score = bounded(score + country_delta(code, listed.entity.countries))
    return score


def _worth_lining_up(built: Built, words: tuple[str, ...], forms: tuple[str, ...],
                     numbers: list[int], code: str, keep: int, least: float, floor: float,
                     lined: dict[int, tuple[Alignment, Spans, float]],
                     finals: dict[int, float]) -> list[int]:
    """Those of ``numbers`` (in their order) that may be among the best ``keep``.

    They are lined up highest bound first (kept in ``lined``, their final scores in
    ``finals``) until the bound (with the country rule) of no name left reaches review,
    or ``keep`` entities have a final score that it does not reach; a name's score never
    exceeds its bound, so those left could neither be yielded nor enter the best
    ``keep``, and ``scored`` yields what it would yield from every name.
    """
    bounds = built.bounds.bounds(words, numbers)
    upper = [bounded(bound + country_delta(code, built.names[number].entity.countries))
             for bound, number in zip(bounds, numbers, strict=True)]
    order = sorted(range(len(numbers)), key=lambda at: -upper[at])
    best: dict[tuple[int, str], float] = {}
    for done, at in enumerate(order):
        most = upper[at] + BOUND_MARGIN
        if most < least or (len(best) >= keep
                            and most < heapq.nlargest(keep, best.values())[-1]):
            return [numbers[k] for k in sorted(order[:done])]
        number = numbers[at]
        alignment, _, score = lined[number] = _lined_up(built, words, forms, number)
        if score >= floor:
            final = finals[number] = _final(built, words, forms, number, alignment, code)
            if final >= least:
                listed = built.names[number]
                key = (listed.list_index, listed.entity.id)
                best[key] = max(final, best.get(key, final))
    return numbers
