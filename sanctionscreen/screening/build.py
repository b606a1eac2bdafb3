"""Build: loaded lists made ready to search.

Every name of every entity (and, for a name ending in an acronym in brackets, its two
parts) becomes a numbered :class:`ListedName`; each is normalised once (in several
processes for long lists, where the platform allows it), words are weighed by their
frequency in the lists, and the candidate index and the score-bound table are built
over the words (``docs/performance.md``).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, get_args

from sanctionscreen.errors import ConfigurationError
from sanctionscreen.index import CandidateIndex
from sanctionscreen.matching.bound import BoundTable
from sanctionscreen.matching.rules import Listing
from sanctionscreen.matching.weights import WordWeights
from sanctionscreen.results import ListInfo
from sanctionscreen.screening.decide import search_floor
from sanctionscreen.settings import Settings
from sanctionscreen.text.normalize import normalised_words, normalised_words_plain
from sanctionscreen.watchlist.model import Entity, EntityType, Watchlist

LEAN_FROM = 500_000  # listed names from which the index leaves out two-deletion keys
# and the build does not tell plain names (``Built.plain``)
PARALLEL_FROM = 20_000  # unique listed names from which the build normalises in processes
PROCESSES = 4

_BRACKETED_ACRONYM = re.compile(r"^(?P<base>.+\S)\s*\((?P<acronym>[A-Z][A-Z0-9&]{1,7})\)\s*$")


@dataclass(frozen=True)
class ListedName:
    """One name of one listed entity, as screened."""

    list_index: int  # its list's place in ``Built.watchlists``
    entity: Entity
    name: str
    kind: str  # primary, alias, weak, acronym, ... (``Entity.names``)
    listing: Listing  # what the precision rules need to know of it (``rules.py``)


@dataclass(frozen=True)
class Built:
    """Everything searching needs, made once per screener. Listed names are numbered in
    order: ``names[n]``, ``words[n]`` and ``forms[n]`` are one name's."""

    watchlists: list[Watchlist]
    settings: Settings
    names: list[ListedName]
    words: list[tuple[str, ...]]  # each listed name's normalised words
    forms: list[tuple[str, ...]]  # and the legal forms taken off it
    plain: frozenset[int] | None  # the plain names (``normalised_words_plain``); None: lean
    weights: WordWeights
    index: CandidateIndex
    bounds: BoundTable
    floor: float  # the least score before the country rule that may end at review
    lists_info: list[ListInfo]
    # Each hit entity's fingerprint (``hits.fingerprint``), by (list number, entity id),
    # made when the entity is first hit.
    fingerprints: dict[tuple[int, str], str] = field(default_factory=dict)


def build(watchlists: list[Watchlist], settings: Settings,
          recorded_sources: Mapping[str, str], processes: int | None = None) -> Built:
    """``watchlists`` made ready to search with ``settings``; ``recorded_sources``: the
    source to record for a list (by id) instead of where it was read from;
    ``processes``: how many normalise a long list (``normalise_all``)."""
    with _collector_paused():
        names = listed_names(watchlists, settings.entity_types)
        lean = len(names) >= LEAN_FROM
        words, forms, plain = normalise_all([n.name for n in names], plain=not lean,
                                            processes=processes)
        weights = WordWeights.from_names(words)
        floor = search_floor(settings)
        return Built(
            watchlists=watchlists, settings=settings, names=names, words=words, forms=forms,
            plain=plain, weights=weights,
            index=CandidateIndex(words, weights, min_score=floor, lean=lean),
            bounds=BoundTable(words, weights), floor=floor,
            lists_info=[list_info(w, recorded_sources.get(w.id, w.source))
                        for w in watchlists])


def listed_names(watchlists: list[Watchlist],
                 types: Iterable[str] | None) -> list[ListedName]:
    """Every name to screen against, of the entities of ``types`` (``None``: all)."""
    chosen = None if types is None else set(types)
    listings: dict[tuple[str, str], Listing] = {}
    names: list[ListedName] = []
    for list_index, watchlist in enumerate(watchlists):
        for entity in watchlist.entities:
            if chosen is not None and entity.type not in chosen:
                continue
            for listed, listed_kind in entity.names():
                for name, kind in with_bracketed_acronym(listed, listed_kind):
                    listing = listings.setdefault((kind, entity.type), Listing(kind, entity.type))
                    names.append(ListedName(list_index, entity, name, kind, listing))
    return names


def list_info(watchlist: Watchlist, source: str | None) -> ListInfo:
    """What a result records of the list it was screened against."""
    return ListInfo(id=watchlist.id, title=watchlist.title, version=watchlist.version,
                    source=source, source_date=watchlist.source_date,
                    content_hash=watchlist.content_hash, entities=len(watchlist.entities),
                    names=sum(len(e.names()) for e in watchlist.entities))


def with_bracketed_acronym(name: str, kind: str) -> list[tuple[str, str]]:
    """A listed name, and when it ends in an acronym in brackets, its two parts.

    ``DAEDONG CREDIT BANK (DCB)`` is also screened as ``DAEDONG CREDIT BANK`` and, as
    an acronym the list itself gives, ``DCB``.
    """
    found = _BRACKETED_ACRONYM.match(name)
    if found is None or len(found["base"].split()) < 2:
        return [(name, kind)]
    return [(name, kind), (found["base"], kind), (found["acronym"], "acronym")]


def _usable_cores() -> int:
    """The cores this process may run on (its affinity where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def normalise_all(names: list[str], *, plain: bool, processes: int | None = None) -> tuple[
        list[tuple[str, ...]], list[tuple[str, ...]], frozenset[int] | None]:
    """Words and legal forms of every listed name, repeated names and words shared; and
    (with ``plain``) the numbers of the plain names (``normalised_words_plain``).

    Long lists are normalised by ``processes`` processes where this process may fork
    (``None``: up to ``PROCESSES``, no more than the cores this process may use; ``1``:
    in this process, as a Spark or Dask worker that owns one core should).
    """
    unique = list(dict.fromkeys(names))
    if processes is None:
        processes = min(PROCESSES, _usable_cores())
    normalised = normalised_words_plain if plain else normalised_words
    if len(unique) >= PARALLEL_FROM and processes > 1 and may_fork():
        normalised(unique[0])  # the tables load here once, not in every process
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            found: list[Any] = pool.map(normalised, unique, chunksize=2_000)
    else:
        found = [normalised(name) for name in unique]
    intern = sys.intern
    seen = {name: (tuple(intern(w) for w in result[0]), result[1], plain and result[2])
            for name, result in zip(unique, found, strict=True)}
    return ([seen[name][0] for name in names], [seen[name][1] for name in names],
            frozenset(n for n, name in enumerate(names) if seen[name][2]) if plain else None)


def may_fork() -> bool:
    """Whether this process may fork helpers: the platform can, and it is not a daemonic
    process (a Spark, Dask or multiprocessing pool worker, which may have no children)."""
    return ("fork" in multiprocessing.get_all_start_methods()
            and not multiprocessing.current_process().daemon)


def with_types(settings: Settings, types: Iterable[str]) -> Settings:
    """``settings`` screening only entities of ``types`` (checked against the model's)."""
    chosen = tuple(sorted(set(types)))
    known = get_args(EntityType)
    unknown = [t for t in chosen if t not in known]
    if unknown or not chosen:
        raise ConfigurationError(f"unknown entity type {', '.join(map(repr, unknown))}"
                                 if unknown else "no entity types given",
                                 hint=f"choose among {', '.join(known)}")
    return Settings.model_validate({**settings.model_dump(), "entity_types": chosen})


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a screener is built, and put it back.

    A build makes millions of small objects that all live on; the collector would
    walk them again and again, which doubled build time (``docs/performance.md``).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
