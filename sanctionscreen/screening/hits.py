"""Explain hits: the listed names the search kept, explained in full, and the result.

Only the kept names (at most ``max_hits``) are explained: how each word lined up,
what normalisation did, how the score was made and which rule and threshold decided
(``matching/score.py``, then ``decide.py``); the result adds each entity's facts and
the lists, settings and library version that produced it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sanctionscreen.matching.align import alignment_from
from sanctionscreen.matching.score import explain
from sanctionscreen.results import (
    Decision,
    Explanation,
    Hit,
    ListInfo,
    NormalisedName,
    ScreeningResult,
)
from sanctionscreen.screening.build import Built
from sanctionscreen.screening.caches import Caches, remember
from sanctionscreen.screening.decide import country_code, decided
from sanctionscreen.screening.search import Found, Made
from sanctionscreen.text.normalize import named, normalise, normalised_steps, plain_steps
from sanctionscreen.watchlist.model import Entity


@dataclass(frozen=True)
class Explained:
    """What screening one name found, explained."""

    query: str
    decision: Decision
    # Each hit as its listed name's number and its explanation, best first.
    hits: tuple[tuple[int, Explanation], ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class Audit:
    """What every result records of how it was made."""

    lists: list[ListInfo]
    settings: dict[str, object]
    settings_hash: str
    library_version: str


def explain_found(built: Built, caches: Caches, found: Found, country: str | None,
                  made: Made | None = None) -> Explained:
    """The decision and the explanations of what the search found (``made``: what the
    search made, when the caller has it); explanations of repeated findings are kept."""
    if found.error is not None:
        return Explained(found.query, "error", (), found.error)
    if not found.numbers:
        return Explained(found.query, "clear")
    key = (found, country)
    explained = caches.explanations.get(key)
    if explained is None:
        explained = explain_hits(built, caches, found.query, found.numbers, country, made)
        remember(caches.explanations, key, explained)
    return explained


def explain_hits(built: Built, caches: Caches, query: str, numbers: Sequence[int],
                 country: str | None, made: Made | None) -> Explained:
    """Each listed name of ``numbers`` explained against ``query`` (best first); the
    decision is the first one's."""
    if made is None:
        made = Made(*normalised_steps(query))
    words = made.words
    named_query = named(query, words, made.forms, made.steps)
    # How the names line up, made by the search (else ``explain`` aligns them).
    spans = made.spans
    code = country_code(country, built.settings)
    thresholds = built.settings.thresholds
    explained: list[tuple[int, Explanation]] = []
    for at, number in enumerate(numbers):
        listed = built.names[number]
        lined_up = None if spans is None else spans[at]
        explanation = explain(
            named_query, listed_normalised(built, caches, number), weights=built.weights,
            thresholds=thresholds, listed_kind=listed.kind, entity_type=listed.entity.type,
            alignment=None if lined_up is None else alignment_from(
                words, built.words[number], built.weights, lined_up))
        explained.append((number, decided(explanation, listed.kind, listed.entity.countries,
                                          code, built.settings, country)))
    return Explained(query, explained[0][1].decision, tuple(explained))


def listed_normalised(built: Built, caches: Caches, number: int) -> NormalisedName:
    """Listed name ``number`` normalised, with its steps: for a plain name (most are)
    made from its words and forms, else by the pipeline; kept for names seen again."""
    found = caches.listed.get(number)
    if found is None:
        name = built.names[number].name
        if built.plain is not None and number in built.plain:
            words, forms = built.words[number], built.forms[number]
            found = named(name, words, forms, plain_steps(name, words, forms))
        else:
            found = normalise(name)
        remember(caches.listed, number, found)
    return found


def to_hit(built: Built, number: int, explanation: Explanation) -> Hit:
    """Listed name ``number``'s hit: its entity's facts and the explanation."""
    listed = built.names[number]
    entity = listed.entity
    key = (listed.list_index, entity.id)
    mark = built.fingerprints.get(key)
    if mark is None:
        mark = built.fingerprints[key] = fingerprint(entity)
    return Hit(entity_id=entity.id, list=built.watchlists[listed.list_index].id,
               entity_name=entity.name, entity_type=entity.type, matched_name=listed.name,
               matched_name_kind=listed.kind, score=explanation.score.score,
               decision=explanation.decision, risk=entity.risk, summary=entity.summary,
               sources=entity.sources, countries=entity.countries, explanation=explanation,
               entity_fingerprint=mark)


def fingerprint(entity: Entity) -> str:
    """``sha256:<hex>`` of the entity's whole listing: every name and alias, type,
    countries, addresses, identifiers, risk, summary and sources. A decision recorded
    for a hit comes back for review when it changes (``batch/decisions.py``)."""
    blob = entity.model_dump_json(exclude_none=True).encode()
    return "sha256:" + hashlib.sha256(blob).hexdigest()


def to_result(built: Built, explained: Explained, audit: Audit) -> ScreeningResult:
    """The result of screening one name: its hits, one per entity however many lists
    name it, and how it was made."""
    hits = [to_hit(built, number, explanation) for number, explanation in explained.hits]
    return ScreeningResult(
        query=explained.query, decision=explained.decision,
        hits=one_per_entity(hits) if len(hits) > 1 else hits,
        error=explained.error, lists=audit.lists, settings=audit.settings,
        settings_hash=audit.settings_hash, library_version=audit.library_version)


def one_per_entity(hits: list[Hit]) -> list[Hit]:
    """``hits`` (best first) with those of one entity named by several lists made one:
    the best hit, carrying the others in ``also_listed``. Two hits on different lists
    are one entity when they share a designation (authority and entry number), as the
    bundled list's Dalian Sun Moon Star and OFAC's entry 24566 do."""
    kept: list[Hit] = []
    owner: dict[tuple[str, str], int] = {}  # designation -> place in kept
    for hit in hits:
        keys = [(d.authority, d.reference) for d in hit.risk.designations if d.reference]
        place = next((owner[k] for k in keys if k in owner), None)
        if place is not None and all(h.list != hit.list
                                     for h in (kept[place], *kept[place].also_listed)):
            first = kept[place]
            kept[place] = first.model_copy(update={"also_listed": [*first.also_listed, hit]})
        else:
            place = len(kept)
            kept.append(hit)
        for key in keys:
            owner.setdefault(key, place)
    return kept
