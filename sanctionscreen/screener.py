"""Screen names against loaded watchlists: the :class:`Screener` and its one-call helpers.

A ``Screener`` loads its lists once and builds what searching needs
(``screening/build.py``). ``screen`` then checks the name (``screening/inputs.py``),
searches for the listed names worth explaining (``screening/search.py``), applies the
country rule, the weak-alias cap and the thresholds (``screening/decide.py``) and
explains in full only the hits it keeps, best first (``screening/hits.py``);
``screen_many`` does it for many names, in one process or several
(``screening/batch.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sanctionscreen.errors import ConfigurationError, InputError
from sanctionscreen.index import CandidateIndex, IndexStats
from sanctionscreen.matching.score import explain
from sanctionscreen.matching.weights import WordWeights
from sanctionscreen.results import DECISION_ORDER, Comparison, Hit, ListInfo, ScreeningResult
from sanctionscreen.screening import batch
from sanctionscreen.screening.build import build, with_types
from sanctionscreen.screening.caches import Caches, remember
from sanctionscreen.screening.hits import Audit, explain_found, explain_hits, to_hit, to_result
from sanctionscreen.screening.inputs import checked_name, printable
from sanctionscreen.screening.search import Found, Made, nearest_below, search
from sanctionscreen.settings import Settings, Thresholds
from sanctionscreen.text.normalize import normalise, normalised_steps
from sanctionscreen.watchlist.model import Watchlist

ListSpec = str | Path | Watchlist


@dataclass(frozen=True)
class ScreenerStats:
    """What a screener holds and how it computes (``Screener.stats``)."""

    lists: dict[str, int]  # entities screened against, by list id
    listed_names: int
    index: IndexStats  # its words are the indexed (not the stop) words
    bound_in_c: bool  # the score bound runs in C (else plain Python)
    index_in_c: bool  # the index's word lookups run in C
    compiled_modules: bool  # the screening modules run compiled with mypyc
    cached: dict[str, int]  # entries in each cache of repeated names


def resolve_lists(specs: Iterable[ListSpec]) -> list[Watchlist]:
    """Turn ``"bundled"``, paths and ``Watchlist`` objects into loaded watchlists, as the
    command line's ``--list`` does (``importers.resolve``); two lists with one id are an
    error."""
    from sanctionscreen.importers.resolve import check_unique_ids
    from sanctionscreen.importers.resolve import resolve_lists as resolve_paths

    loaded: list[Watchlist] = []
    for spec in specs:
        if isinstance(spec, Watchlist):
            loaded.append(spec)
        elif isinstance(spec, (str, Path)):
            loaded.extend(resolve_paths([str(spec)]))
        else:
            raise ConfigurationError(f"cannot use {spec!r} as a list",
                                     hint="pass a path, a Watchlist or the word 'bundled'")
    check_unique_ids(loaded)
    return loaded


class Screener:
    """Loaded lists, settings and index, reusable for any number of names.

    ``recorded_sources``: the source each result records for a list (by id) instead of
    where it was read from (a cluster's workers read shipped copies).
    ``build_processes``: how many processes normalise a long list while building
    (``None``: chosen from the cores this process may use; ``1``: none forked).

    >>> Screener().screen("Dalian Tianbao Intl Logistics Co Ltd").decision
    'match'
    """

    def __init__(self, lists: ListSpec | Sequence[ListSpec] = ("bundled",), *,
                 thresholds: Thresholds | dict[str, float] | None = None,
                 settings: Settings | None = None,
                 types: Iterable[str] | None = None,
                 recorded_sources: Mapping[str, str] | None = None,
                 build_processes: int | None = None) -> None:
        specs = [lists] if isinstance(lists, (str, Path, Watchlist)) else list(lists)
        if not specs:
            raise ConfigurationError("no lists given", hint="pass 'bundled' or a path")
        settings = settings or Settings()
        if thresholds is not None:
            chosen = thresholds if isinstance(thresholds, Thresholds) else Thresholds(**thresholds)
            settings = settings.model_copy(update={"thresholds": chosen})
        if types is not None:
            settings = with_types(settings, types)
        self._built = build(resolve_lists(specs), settings, recorded_sources or {},
                            build_processes)
        self._caches = Caches()
        from sanctionscreen import __version__

        self._audit = Audit(self._built.lists_info, settings.model_dump(mode="json"),
                            settings.fingerprint(), __version__)

    @property
    def watchlists(self) -> list[Watchlist]:
        """The lists screened against, in the order given."""
        return self._built.watchlists

    @property
    def settings(self) -> Settings:
        """The settings every result records."""
        return self._built.settings

    @property
    def lists_info(self) -> list[ListInfo]:
        """What every result records of each list (id, version, content hash, counts)."""
        return self._audit.lists

    @property
    def weights(self) -> WordWeights:
        """The word weights counted from the lists."""
        return self._built.weights

    @property
    def index(self) -> CandidateIndex:
        """The candidate index (its ``stats()`` are in ``Screener.stats``)."""
        return self._built.index

    def stats(self) -> ScreenerStats:
        """What this screener holds and how it computes."""
        from sanctionscreen.native import COMPILED_IN_USE

        built = self._built
        return ScreenerStats(
            lists={w.id: len(w.entities) for w in built.watchlists},
            listed_names=len(built.names),
            index=built.index.stats(), bound_in_c=built.bounds.accelerated,
            index_in_c=built.index.accelerated, compiled_modules=COMPILED_IN_USE,
            cached=self._caches.sizes())

    def screen(self, name: str, *, country: str | None = None) -> ScreeningResult:
        """Screen one name; ``country``: a code such as ``"KP"``, or ``None``. A name or
        country that cannot be used (missing, not text, empty, too long) gives decision
        ``error``, saying why."""
        found, made = self._searched(name, country)
        return self._result(found, country, made)

    def screen_many(self, names: Iterable[Any], *, workers: int = 1,
                    tune_collector: bool = True) -> Iterator[ScreeningResult]:
        """Screen many names, in input order; items are names or ``(name, country)`` pairs.

        With ``workers > 1`` the names are shared among processes (on platforms that
        can fork, and not from a daemonic process); results are identical to one worker
        and come back in input order. With ``tune_collector`` (the default) the garbage
        collector skips the objects that existed when it started while it runs
        (``gc.freeze``) and collects young objects less often; both are put back when it
        ends (``screening/batch.py``).
        """
        if workers < 1:
            raise ConfigurationError(f"workers must be at least 1, not {workers!r}")
        return batch.screen_many(self, names, workers, tune_collector)

    def why_not(self, name: str, *, country: str | None = None, count: int = 3) -> list[Hit]:
        """The listed names (one per entity, best first, at most ``count``) that came
        nearest to ``name`` below the review threshold, explained: which words met and
        which rules kept the score down. Every listed name is considered (slower than
        ``screen``; meant for a reviewer's question about one name)."""
        try:
            query = checked_name(name, self.settings.max_name_length)
        except InputError:
            return []
        words, forms, steps = normalised_steps(query)
        if not words:
            return []
        kept = nearest_below(self._built, words, forms, country)
        if not kept:
            return []
        explained = explain_hits(self._built, self._caches, query, kept[:count], country,
                                 Made(words, forms, steps))
        return [to_hit(self._built, number, explanation)
                for number, explanation in explained.hits]

    def compare(self, query: str, candidate: str) -> Comparison:
        """Compare two names with this screener's word weights and thresholds."""
        return _compare(query, candidate, self.weights, self.settings.thresholds,
                        self.settings.max_name_length)

    def clear_caches(self, *, index: bool = True) -> None:
        """Forget repeated names' findings and (with ``index``) the index's word lookups,
        to start cold (as benchmarks do)."""
        self._caches.clear()
        if index:
            self._built.index.clear_caches()

    def _searched(self, name: object, country: object) -> tuple[Found, Made | None]:
        """The search's findings for a name, kept for names seen again (workers use this
        too); what the search made for explaining, when it searched now."""
        key = (name, country) if type(name) is str and (
            country is None or type(country) is str) else None
        found = self._caches.searches.get(key) if key is not None else None
        if found is not None:
            return found, None
        found, made = search(self._built, name, country)
        if key is not None:
            remember(self._caches.searches, key, found)
        return found, made

    def _result(self, found: Found, country: object, made: Made | None) -> ScreeningResult:
        """The result of the search's findings: explained, with the entities' facts and
        the lists, settings and version that made them."""
        text = country if isinstance(country, str) else None
        return to_result(self._built, explain_found(self._built, self._caches, found, text,
                                                    made), self._audit)

    def _screen_exhaustive(self, name: str, *, country: str | None = None,
                           bound: bool = True) -> ScreeningResult:
        """``screen`` without the index: every listed name is considered, and with
        ``bound=False`` every one is aligned too (slow; a reference for tests)."""
        found, made = search(self._built, name, country, exhaustive=True, bound=bound)
        return self._result(found, country, made)


def compare(query: str, candidate: str, *,
            thresholds: Thresholds | dict[str, float] | None = None) -> Comparison:
    """Compare two names without a list; word weights come from the tables alone. A name
    that cannot be used gives decision ``error``, saying why, as ``screen`` does.

    >>> compare("Shinheung Trading Company", "Korea Sinhung Trading Corporation").decision
    'review'
    """
    chosen = thresholds if isinstance(thresholds, Thresholds) else Thresholds(**(thresholds or {}))
    return _compare(query, candidate, WordWeights(), chosen, Settings().max_name_length)


@lru_cache(maxsize=1)
def _default_screener() -> Screener:
    return Screener()


@lru_cache(maxsize=4)
def _screener_for(lists: tuple[ListSpec, ...], thresholds: tuple[tuple[str, float], ...] | None,
                  stamps: tuple[object, ...]) -> Screener:
    """A screener kept by its lists' absolute paths, thresholds and files' ``stamps``
    (``list_stamp``: an edited file builds a new one)."""
    return Screener(lists, thresholds=dict(thresholds) if thresholds is not None else None)


def screen(name: str, *, country: str | None = None,
           thresholds: Thresholds | dict[str, float] | None = None,
           lists: ListSpec | Sequence[ListSpec] | None = None) -> ScreeningResult:
    """Screen one name against the bundled lists (or ``lists``), in one call.

    The screener built for the bundled lists, or for the same paths and thresholds as
    one of the last four calls, is kept and used again while the lists' files stay as
    they were (same size and modification time); lists given as ``Watchlist`` objects
    build a new one each call (build a :class:`Screener` to screen many names).

    >>> screen("Korea Shinheung Trading Corp.").decision
    'match'
    """
    if thresholds is None and lists is None:
        return _default_screener().screen(name, country=country)
    specs: tuple[ListSpec, ...] = ("bundled",) if lists is None else (
        (lists,) if isinstance(lists, (str, Path, Watchlist)) else tuple(lists))
    chosen = None if thresholds is None else tuple(sorted(
        (thresholds if isinstance(thresholds, Thresholds) else Thresholds(**thresholds))
        .model_dump().items()))
    if any(isinstance(spec, Watchlist) for spec in specs):
        return Screener(specs, thresholds=dict(chosen) if chosen else None).screen(
            name, country=country)
    from sanctionscreen.importers.resolve import BUNDLED, list_stamp

    paths = tuple(BUNDLED if spec == BUNDLED else str(Path(spec).resolve())
                  for spec in specs if not isinstance(spec, Watchlist))
    return _screener_for(paths, chosen, tuple(list_stamp(p) for p in paths)).screen(
        name, country=country)


def best_decision(results: Iterable[ScreeningResult]) -> str:
    """The most serious decision among results (match > review > clear > error)."""
    return max((r.decision for r in results), key=DECISION_ORDER.__getitem__, default="clear")


def _compare(query: object, candidate: object, weights: WordWeights,
             thresholds: Thresholds, max_length: int) -> Comparison:
    try:
        query_text = checked_name(query, max_length)
    except InputError as error:
        return _unusable(query, candidate, f"the query: {error.message}")
    try:
        candidate_text = checked_name(candidate, max_length)
    except InputError as error:
        return _unusable(query, candidate, f"the candidate: {error.message}")
    explanation = explain(normalise(query_text), normalise(candidate_text),
                          weights=weights, thresholds=thresholds)
    return Comparison(query=query_text, candidate=candidate_text,
                      score=explanation.score.score, decision=explanation.decision,
                      explanation=explanation)


def _unusable(query: object, candidate: object, reason: str) -> Comparison:
    return Comparison(query=printable(query), candidate=printable(candidate), score=0.0,
                      decision="error", error=reason, explanation=None)
