"""Screen names against loaded watchlists: the :class:`Screener` and its one-call helpers.

A ``Screener`` loads its lists once, normalises every listed name, weighs words by
their frequency in those lists and builds a candidate index. ``screen`` then
normalises the query, asks the index for candidates, drops those whose word
similarities cannot reach the review threshold, aligns and scores the rest, and
explains in full only the hits it keeps, best first (``docs/performance.md``).
"""

from __future__ import annotations

import gc
import heapq
import itertools
import math
import multiprocessing
import os
import re
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, get_args

from sanctionscreen.errors import ConfigurationError, InputError
from sanctionscreen.index import CandidateIndex
from sanctionscreen.matching.align import Alignment, align, alignment_from
from sanctionscreen.matching.bound import BoundTable, Spans
from sanctionscreen.matching.rules import Listing
from sanctionscreen.matching.score import alignment_score, explain, finished_score, ruled_score
from sanctionscreen.matching.weights import WordWeights
from sanctionscreen.results import (
    DECISION_ORDER,
    Adjustment,
    Comparison,
    Explanation,
    Hit,
    ListInfo,
    NormalisedName,
    ScreeningResult,
)
from sanctionscreen.settings import Settings, Thresholds
from sanctionscreen.text.normalize import (
    Steps,
    TextSteps,
    named,
    normalise,
    normalised_steps,
    normalised_words,
    normalised_words_plain,
    plain_steps,
    text_steps,
)
from sanctionscreen.watchlist.model import Entity, EntityType, Watchlist

ListSpec = str | Path | Watchlist
_Kept = tuple[str, tuple[int, ...], str | None]
"""What the search for one name found: the query as screened, the listed names to
explain (their numbers, best first, at most ``max_hits``) and the error, if any."""
_Made = tuple[tuple[str, ...], tuple[str, ...], Steps | TextSteps,
              tuple[Spans | None, ...] | None]
"""What the search made that explaining reuses: the query's words, legal forms and
steps (``normalise.normalised_steps``), and how it lines up with each listed name kept
(``BoundTable.alignments``; ``None`` where it was not made)."""
_Screened = tuple[str, str, list[tuple[int, Explanation]], str | None]
"""What screening one name found: the query as screened, the decision, each hit as the
listed name's number and its explanation (best first), and the error, if any."""
COUNTRY_AGREES = 0.02
COUNTRY_DIFFERS = -0.03
LEAN_FROM = 500_000  # listed names from which the index leaves out two-deletion keys
# and the build does not tell plain names (``_listed_normalised``)
RESULT_CACHE = 20_000  # findings of repeated names kept (supplier files repeat themselves)
PARALLEL_FROM = 20_000  # unique listed names from which build normalises in processes
PROCESSES = 4
WORKER_BATCH = 256  # names a worker is given at a time
BATCHES_AHEAD = 8  # batches per worker given out before their results are read
REFREEZE_EVERY = 100  # names screened between two gc.freeze() calls in a batch
# Objects made between two collections of the youngest generation during a batch
# (Python's default is 700): a batch makes and drops results by the thousand, and each
# of those collections walks them (docs/performance.md).
YOUNG_OBJECTS = 20_000
LINED_UP_FOR = 16  # names scored up to which C lines each up with its score
WHY_NOT_FROM = 0.4  # the least score bound of a listed name that ``why_not`` explains
_MARGIN = 1e-4  # scores are rounded to four places after the bound is taken


@dataclass(frozen=True)
class _ListedName:
    list_index: int
    entity: Entity
    name: str
    kind: str
    listing: Listing  # what the precision rules need to know of it (``rules.py``)


_SURROGATE = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")  # lone surrogates
_BRACKETED_ACRONYM = re.compile(r"^(?P<base>.+\S)\s*\((?P<acronym>[A-Z][A-Z0-9&]{1,7})\)\s*$")


def _with_bracketed_acronym(name: str, kind: str) -> list[tuple[str, str]]:
    """A listed name, and when it ends in an acronym in brackets, its two parts.

    ``DAEDONG CREDIT BANK (DCB)`` is also screened as ``DAEDONG CREDIT BANK`` and, as
    an acronym the list itself gives, ``DCB``.
    """
    found = _BRACKETED_ACRONYM.match(name)
    if found is None or len(found["base"].split()) < 2:
        return [(name, kind)]
    return [(name, kind), (found["base"], kind), (found["acronym"], "acronym")]


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

    >>> Screener().screen("Dalian Tianbao Intl Logistics Co Ltd").decision
    'match'
    """

    def __init__(self, lists: ListSpec | Sequence[ListSpec] = ("bundled",), *,
                 thresholds: Thresholds | dict[str, float] | None = None,
                 settings: Settings | None = None,
                 types: Iterable[str] | None = None) -> None:
        specs = [lists] if isinstance(lists, (str, Path, Watchlist)) else list(lists)
        if not specs:
            raise ConfigurationError("no lists given", hint="pass 'bundled' or a path")
        with _collector_paused():
            self._build(specs, thresholds, settings, types)

    def _build(self, specs: list[ListSpec], thresholds: Thresholds | dict[str, float] | None,
               settings: Settings | None, types: Iterable[str] | None) -> None:
        self.watchlists = resolve_lists(specs)
        settings = settings or Settings()
        if thresholds is not None:
            chosen = thresholds if isinstance(thresholds, Thresholds) else Thresholds(**thresholds)
            settings = settings.model_copy(update={"thresholds": chosen})
        if types is not None:
            settings = _with_types(settings, types)
        self.settings = settings
        self._names: list[_ListedName] = []
        listings: dict[tuple[str, str], Listing] = {}
        types = settings.entity_types
        for list_index, watchlist in enumerate(self.watchlists):
            for entity in watchlist.entities:
                if types is not None and entity.type not in types:
                    continue
                for listed, listed_kind in entity.names():
                    for name, kind in _with_bracketed_acronym(listed, listed_kind):
                        listing = listings.setdefault((kind, entity.type),
                                                      Listing(kind, entity.type))
                        self._names.append(_ListedName(list_index, entity, name, kind, listing))
        lean = len(self._names) >= LEAN_FROM
        self._words, self._forms, self._plain = _normalise_all(
            [n.name for n in self._names], plain=not lean)
        self.weights = WordWeights.from_names(self._words)
        bonus = COUNTRY_AGREES if settings.use_country else 0.0
        self._floor = settings.thresholds.review - bonus - _MARGIN
        self.index = CandidateIndex(self._words, self.weights, min_score=self._floor, lean=lean)
        self._bounds = BoundTable(self._words, self.weights)
        # Repeated names' findings: what the search kept, by name and country, and the
        # explanations of what it kept (``_found``).
        self._searches: dict[tuple[str, str | None], _Kept] = {}
        self._explanations: dict[tuple[_Kept, str | None], _Screened] = {}
        self._listed_named: dict[int, NormalisedName] = {}  # listed names explained
        self.lists_info = [ListInfo(
            id=w.id, title=w.title, version=w.version, source=w.source, source_date=w.source_date,
            content_hash=w.content_hash, entities=len(w.entities),
            names=sum(len(e.names()) for e in w.entities)) for w in self.watchlists]
        self._settings_dump = settings.model_dump(mode="json")
        self._settings_hash = settings.fingerprint()
        from sanctionscreen import __version__

        self._library_version = __version__

    @property
    def bound_accelerated(self) -> bool:
        """Whether score bounds are computed in C (same results, faster; see
        ``docs/performance.md``)."""
        return self._bounds.accelerated

    def screen(self, name: Any, *, country: object = None) -> ScreeningResult:
        """Screen one name; ``country``: a code such as ``"KP"``, or ``None``. A name or
        country that cannot be used gives decision ``error``, saying why."""
        return self._assembled(self._found(name, country))

    def _clear_caches(self, *, index: bool = True) -> None:
        """Forget repeated names' findings and (with ``index``) the index's word lookups,
        to start cold."""
        self._searches.clear()
        self._explanations.clear()
        self._listed_named.clear()
        if index:
            self.index.clear_caches()

    def _found(self, name: Any, country: object) -> _Screened:
        """What screening a name finds, with what was kept for names seen again."""
        kept, made = self._kept(name, country)
        return self._explained(kept, country, made)

    def _kept(self, name: Any, country: object) -> tuple[_Kept, _Made | None]:
        """``_search``'s findings for a name, kept for names seen again (supplier files
        repeat themselves; workers use this too); what the search made for explaining,
        when it searched now (``_Made``)."""
        key = (name, country) if type(name) is str and (
            country is None or type(country) is str) else None
        kept = self._searches.get(key) if key is not None else None
        if kept is not None:
            return kept, None
        kept, made = self._search(name, country, exhaustive=False)
        if key is not None:
            _remember(self._searches, key, kept)
        return kept, made

    def _explained(self, kept: _Kept, country: object,
                   made: _Made | None = None) -> _Screened:
        """The decision and the explanations of what the search kept (``made``:
        what the search made for explaining, when the caller has it). Explanations of repeated
        findings are kept too."""
        query, numbers, error = kept
        if error is not None:
            return query, "error", [], error
        if not numbers:
            return query, "clear", [], None
        key = (kept, country) if country is None or type(country) is str else None
        screened = self._explanations.get(key) if key is not None else None
        if screened is None:
            screened = self._explain(query, numbers, _text_or_none(country), made)
            if key is not None:
                _remember(self._explanations, key, screened)
        return screened

    def _screen_exhaustive(self, name: Any, *, country: str | None = None,
                           bound: bool = True) -> ScreeningResult:
        """``screen`` without the index: every listed name is considered, and with
        ``bound=False`` every one is aligned too (slow; a reference for tests)."""
        kept, made = self._search(name, country, exhaustive=True, bound=bound)
        return self._assembled(self._explained(kept, country, made))

    def _search(self, name: Any, country: object, *, exhaustive: bool,
                bound: bool = True) -> tuple[_Kept, _Made | None]:
        """The listed names worth explaining for a name: candidates from the index (or
        every listed name), those whose bound reaches review, scored, the best of each
        entity ranked; and the query's normalisation."""
        try:
            query = self._check(name)
        except InputError as error:
            return (_printable(name), (), error.message), None
        if not (country is None or isinstance(country, str)):
            return (query, (), f"the country must be text, such as 'KP', or None, not "
                    f"{type(country).__name__}"), None
        words, forms, steps = normalised_steps(query)
        if not words:
            return (query, (), "nothing is left of the name after normalisation (only "
                    "punctuation, symbols or invisible characters)"), (words, forms, steps, None)
        numbers = list(range(len(self._names))) if exhaustive else self.index.candidates(words)
        if bound and numbers:
            numbers = self._bounds.survivors(words, numbers, self._floor)
        if not numbers:
            return (query, (), None), (words, forms, steps, None)
        best: dict[tuple[int, str], tuple[float, int, Spans | None]] = {}
        for score, number, spans, _ in self._scored(words, forms, numbers,
                                                    _text_or_none(country),
                                                    keep=self.settings.max_hits):
            listed = self._names[number]
            key = (listed.list_index, listed.entity.id)
            if key not in best or score > best[key][0]:
                best[key] = (score, number, spans)
        ranked = [found for _, found in sorted(best.items(), key=lambda item: (
            -item[1][0], self.watchlists[item[0][0]].id, item[0][1]))][: self.settings.max_hits]
        kept = tuple(number for _, number, _ in ranked)
        return (query, kept, None), (words, forms, steps, tuple(spans for _, _, spans in ranked))

    def _explain(self, query: str, numbers: tuple[int, ...], country: str | None,
                 made: _Made | None) -> _Screened:
        """Explain in full each listed name kept for a query (best first); the decision
        is the first one's."""
        words, forms, steps, lined_up_all = made if made is not None else (
            *normalised_steps(query), None)
        named_query = named(query, words, forms, steps)
        # How the names line up, made in C (when built) by the search, or now.
        spans: Sequence[Spans | None] | None = lined_up_all if lined_up_all is not None \
            and None not in lined_up_all else self._bounds.alignments(words, numbers)
        explained: list[tuple[int, Explanation]] = []
        for at, number in enumerate(numbers):
            listed = self._names[number]
            lined_up = None if spans is None else spans[at]
            explanation = explain(
                named_query, self._listed_normalised(number), weights=self.weights,
                thresholds=self.settings.thresholds, listed_kind=listed.kind,
                entity_type=listed.entity.type,
                alignment=None if lined_up is None else alignment_from(
                    words, self._words[number], self.weights, lined_up))
            explained.append((number, self._adjust(explanation, listed, country)))
        return query, explained[0][1].decision, explained, None

    def _listed_normalised(self, number: int) -> NormalisedName:
        """Listed name ``number`` normalised, with its steps: for a plain name (most are;
        lists under ``LEAN_FROM`` names) made from its words and forms, else by the
        pipeline."""
        found = self._listed_named.get(number)
        if found is None:
            name = self._names[number].name
            if self._plain is not None and number in self._plain:
                words, forms = self._words[number], self._forms[number]
                found = named(name, words, forms, plain_steps(name, words, forms))
            else:
                found = normalise(name)
            _remember(self._listed_named, number, found)
        return found

    def why_not(self, name: str, *, country: str | None = None, count: int = 3) -> list[Hit]:
        """The listed names (one per entity, best first, at most ``count``) that came
        nearest to ``name`` below the review threshold, explained: which words met and
        which rules kept the score down. Every listed name is considered (slower than
        ``screen``; meant for a reviewer's question about one name)."""
        try:
            query = self._check(name)
        except InputError:
            return []
        words, forms, steps = normalised_steps(query)
        if not words:
            return []
        numbers = self._bounds.survivors(words, range(len(self._names)), WHY_NOT_FROM)
        review = self.settings.thresholds.review
        best: dict[tuple[int, str], tuple[float, int]] = {}
        for score, number, _, before in self._scored(words, forms, numbers, country,
                                                     floor=WHY_NOT_FROM):
            listed = self._names[number]
            key = (listed.list_index, listed.entity.id)
            if score < review and (key not in best or before > best[key][0]):
                best[key] = (before, number)  # nearest by the score before the rules
        kept = tuple(number for _, number in sorted(best.values(), key=lambda t: -t[0]))
        if not kept:
            return []
        _, _, explained, _ = self._explain(query, kept[:count], country,
                                           (words, forms, steps, None))
        return [self._hit(self._names[number], explanation) for number, explanation in explained]

    def _scored(self, words: tuple[str, ...], forms: tuple[str, ...], numbers: Iterable[int],
                country: str | None, *, floor: float | None = None, keep: int | None = None,
                ) -> Iterator[tuple[float, int, Spans | None, float]]:
        """``(score, number, spans, score before the rules)`` of the listed names at or
        above review, as ``_adjust`` decides, best first by the score before the rules;
        ``spans``: how the names line up, when aligned in C. With ``floor``, every name
        whose score before the precision rules reaches it, whatever its final score
        (``why_not``).

        The score before the precision rules (in C when built) is an upper bound of the
        final one; only names whose bound reaches review are lined up and judged by the
        rules (``rules.py``), as their explanations will be, best first. With ``keep``,
        judging stops once ``keep`` entities have a final score that no name left can
        reach: the search keeps only the best ``max_hits`` entities.
        """
        least = self.settings.thresholds.review if floor is None else -math.inf
        floor = self._floor if floor is None else floor
        weights = self.weights
        use_country = bool(country) and self.settings.use_country
        code = country.strip().upper() if country else ""
        numbers = list(numbers)
        # In C, when built; with few names, how each lines up too when its score may
        # reach the floor (with many, only those judged are lined up, below).
        aligned = self._bounds.scored(
            words, numbers, floor if len(numbers) <= LINED_UP_FOR else math.inf)
        near: list[tuple[float, int, Spans | None, Alignment | None, float]] = []
        for at, number in enumerate(numbers):
            alignment: Alignment | None = None
            spans: Spans | None = None
            if aligned is not None:
                raw, spans = aligned[at]
                score = finished_score(raw, forms, self._forms[number])
            else:
                alignment = align(words, self._words[number], weights)
                score = alignment_score(alignment, words == self._words[number], forms,
                                        self._forms[number])
            if score >= floor:
                delta = _country_delta(code, self._names[number].entity.countries) \
                    if use_country else 0.0
                near.append((_bounded(score + delta), number, spans, alignment, score))
        near.sort(key=lambda found: -found[0])  # stable: equal scores keep their order
        best: dict[tuple[int, str], float] = {}
        for at, (most, number, spans, alignment, before) in enumerate(near):
            if keep is not None and len(best) >= keep and most < heapq.nlargest(
                    keep, best.values())[-1]:
                return  # no name left can enter the best ``keep``
            listed_words = self._words[number]
            if alignment is None:
                if spans is None:
                    spans = self._spans_from(words, near, at)
                alignment = alignment_from(words, listed_words, weights, spans)
            listed = self._names[number]
            score = ruled_score(alignment, words == listed_words, forms, self._forms[number],
                                listed.listing)
            if use_country:
                score = _bounded(score + _country_delta(code, listed.entity.countries))
            if score >= least:
                key = (listed.list_index, listed.entity.id)
                best[key] = max(score, best.get(key, score))
                yield score, number, spans, before

    def _spans_from(self, words: tuple[str, ...],
                    near: list[tuple[float, int, Spans | None, Alignment | None, float]],
                    at: int) -> Spans:
        """How name ``near[at]`` lines up, made in C with those of the next few names that
        lack theirs (kept in ``near``), in one call."""
        chunk = [k for k in range(at, min(len(near), at + LINED_UP_FOR))
                 if near[k][2] is None and near[k][3] is None]
        made = self._bounds.alignments(words, [near[k][1] for k in chunk])
        assert made is not None  # spans are missing only where C scored
        for k, spans in zip(chunk, made, strict=True):
            most, number, _, alignment, before = near[k]
            near[k] = (most, number, spans, alignment, before)
        found = near[at][2]
        assert found is not None
        return found

    def screen_many(self, names: Iterable[Any], *, workers: int = 1) -> Iterator[ScreeningResult]:
        """Screen many names, in input order; items are names or ``(name, country)`` pairs.

        With ``workers > 1`` the names are shared among processes (on platforms that
        can fork); results are identical to one worker and come back in input order.
        While it runs, the objects that existed when it started (the loaded lists, the
        index), and every ``REFREEZE_EVERY`` names those made since (caches), are kept out
        of the garbage collector's walks (``gc.freeze``), unless the caller already uses
        ``gc.freeze``; they are put back when it ends (with anything the caller froze
        meanwhile) or when an unfinished batch is closed.
        """
        if workers < 1:
            raise ConfigurationError(f"workers must be at least 1, not {workers!r}")
        items = _pairs(names)
        with _existing_objects_frozen() as freezing:
            if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
                for count, (name, country) in enumerate(items, 1):
                    yield self.screen(name, country=country)
                    if freezing and count % REFREEZE_EVERY == 0:
                        gc.freeze()
                return
            yield from self._screen_in_workers(items, workers, freezing)

    def _screen_in_workers(self, items: Iterator[tuple[Any, object]],
                           workers: int, freezing: bool) -> Iterator[ScreeningResult]:
        """``screen_many`` in forked processes: the input is read a batch at a time,
        with at most ``BATCHES_AHEAD`` batches a worker in flight, so memory stays flat
        however long the input (an endless generator too) and results come in order."""
        context = multiprocessing.get_context("fork")
        # Each worker keeps this screener (forked, not pickled) and freezes what it
        # inherits, so its collector neither walks nor copies the shared index.
        with context.Pool(workers, initializer=_start_worker, initargs=(self,)) as pool:
            batches = _batches(items, WORKER_BATCH)
            pending: deque[Any] = deque(
                pool.apply_async(_search_batch_in_worker, (batch,))
                for batch in itertools.islice(batches, BATCHES_AHEAD * workers))
            count = 0
            while pending:
                found: list[tuple[_Kept, object, _Made | None]] = pending.popleft().get()
                batch = next(batches, None)
                if batch is not None:
                    pending.append(pool.apply_async(_search_batch_in_worker, (batch,)))
                for kept, country, made in found:
                    count += 1
                    yield self._assembled(self._explained(kept, country, made))
                    if freezing and count % REFREEZE_EVERY == 0:
                        gc.freeze()

    def compare(self, query: object, candidate: object) -> Comparison:
        """Compare two names with this screener's word weights and thresholds."""
        return _compare(query, candidate, self.weights, self.settings.thresholds)

    def _check(self, name: Any) -> str:
        if not isinstance(name, str):
            raise InputError(f"a name must be text, not {type(name).__name__}")
        text = _printable(name)
        if not text.strip():
            raise InputError("the name is empty")
        if len(text) > self.settings.max_name_length:
            raise InputError(f"the name is {len(text):,} characters long; the limit is "
                             f"{self.settings.max_name_length:,} (Settings.max_name_length)")
        return text

    def _adjust(self, explanation: Explanation, listed: _ListedName,
                country: str | None) -> Explanation:
        adjustments: list[Adjustment] = []
        score = explanation.score.score
        countries = listed.entity.countries
        if country and self.settings.use_country and countries:
            code = country.strip().upper()
            delta = _country_delta(code, countries)
            after = _bounded(score + delta)
            agrees = "agrees with" if delta > 0 else "is not among"
            adjustments.append(Adjustment(
                rule="country", before=score, after=after,
                reason=f"the country given, {code}, {agrees} the entity's countries "
                f"({', '.join(countries)}): {delta:+.2f}"))
            score = after
        elif listed.kind != "weak" or explanation.decision != "match":
            return explanation  # nothing to change: explain() decided with these thresholds
        decision, rule = self.settings.thresholds.decide(score)
        if listed.kind == "weak" and decision == "match":
            decision = "review"
            rule += "; matched a weak alias, so at most review"
        if not adjustments and decision == explanation.decision:
            return explanation
        detail = explanation.score.model_copy(update={
            "adjustments": [*explanation.score.adjustments, *adjustments], "score": score})
        threshold = explanation.threshold.model_copy(update={"decided_by": rule})
        return explanation.model_copy(update={"score": detail, "decision": decision,
                                              "threshold": threshold})

    def _hit(self, listed: _ListedName, explanation: Explanation) -> Hit:
        entity = listed.entity
        return Hit(entity_id=entity.id, list=self.watchlists[listed.list_index].id,
                   entity_name=entity.name, entity_type=entity.type, matched_name=listed.name,
                   matched_name_kind=listed.kind, score=explanation.score.score,
                   decision=explanation.decision, risk=entity.risk, summary=entity.summary,
                   sources=entity.sources, countries=entity.countries, explanation=explanation)

    def _assembled(self, screened: _Screened) -> ScreeningResult:
        """The result of ``_screen``'s findings: hits with their entities' facts, and the
        lists, settings and version that made them."""
        query, decision, explained, error = screened
        return ScreeningResult(
            query=query, decision=decision,
            hits=[self._hit(self._names[number], explanation) for number, explanation in explained],
            error=error, lists=self.lists_info, settings=self._settings_dump,
            settings_hash=self._settings_hash, library_version=self._library_version)


_WORKER_SCREENER: Screener | None = None  # in a worker process: the screener it serves
_WORKER_SCREENED = 0  # names this worker process has screened


def _start_worker(screener: Screener) -> None:
    """Start a worker process: keep its screener, and freeze what it inherited."""
    global _WORKER_SCREENER
    _WORKER_SCREENER = screener
    gc.freeze()


def _pairs(names: Iterable[Any]) -> Iterator[tuple[Any, object]]:
    """Each item as ``(name, country)``, read one at a time (a generator function: a
    generator expression here was read whole before the first result when compiled)."""
    for item in names:
        yield item if isinstance(item, tuple) else (item, None)


def _batches(items: Iterator[tuple[Any, object]],
             size: int) -> Iterator[list[tuple[Any, object]]]:
    """``items`` in lists of ``size`` (the last may be shorter), read as they are asked for."""
    while True:
        batch = list(itertools.islice(items, size))
        if not batch:
            return
        yield batch


def _search_batch_in_worker(batch: list[tuple[Any, object]],
                            ) -> list[tuple[_Kept, object, _Made | None]]:
    return [_search_in_worker(item) for item in batch]


@contextmanager
def _existing_objects_frozen() -> Iterator[bool]:
    """Keep the objects that exist now out of the collector's walks until the block ends,
    and collect the youngest generation less often (``YOUNG_OBJECTS``); the block is told
    whether it may freeze more (``False`` when the caller manages frozen objects: then
    the collector is left as it is).

    A full collection walks every container object: with an official list loaded that
    is hundreds of thousands of models, and a batch run that makes many results sets
    one off again and again (a third of the throughput of two workers). Caches filled
    during a batch (results, word similarities, normalised names) grow the same way, so
    the batch freezes again as it goes; screening makes no reference cycles, so nothing
    frozen is garbage that would have been collected.
    """
    if gc.get_freeze_count():  # the caller manages frozen objects: leave them be
        yield False
        return
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], YOUNG_OBJECTS), *threshold[1:])
    try:
        yield True
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a screener is built.

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


def _search_in_worker(item: tuple[Any, object]) -> tuple[_Kept, object, _Made | None]:
    """Search for one item in a worker. Only the listed names to explain travel back,
    as numbers, with what the search made for explaining them when there are any (the
    query's normalisation, its steps' details as text, and the alignments): the parent
    explains them and adds the entities' facts, lists, settings and version.
    (Explanations made here cost more to pickle and unpickle, about 100 us a name with
    hits, than the parent takes to make them.)"""
    global _WORKER_SCREENED
    assert _WORKER_SCREENER is not None
    name, country = item
    kept, made = _WORKER_SCREENER._kept(name, country)
    _WORKER_SCREENED += 1
    if _WORKER_SCREENED % REFREEZE_EVERY == 0:  # a worker owns its collector: see above
        gc.freeze()
    if not kept[1] or made is None:
        return kept, country, None
    words, forms, steps, spans = made
    return kept, country, (words, forms, text_steps(steps), spans)


def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
    """Keep ``value`` in a bounded cache: full, it starts again (a batch refills it fast)."""
    if len(cache) >= RESULT_CACHE:
        cache.clear()
    cache[key] = value


def _normalise_all(names: list[str], *, plain: bool) -> tuple[
        list[tuple[str, ...]], list[tuple[str, ...]], frozenset[int] | None]:
    """Words and legal forms of every listed name, repeated names and words shared; and
    (with ``plain``) the numbers of the plain names (``normalised_words_plain``).

    Long lists are normalised by several processes where the platform can fork.
    """
    unique = list(dict.fromkeys(names))
    processes = min(PROCESSES, os.cpu_count() or 1)
    normalised = normalised_words_plain if plain else normalised_words
    if (len(unique) >= PARALLEL_FROM and processes > 1
            and "fork" in multiprocessing.get_all_start_methods()):
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


def _with_types(settings: Settings, types: Iterable[str]) -> Settings:
    """``settings`` screening only entities of ``types`` (checked against the model's)."""
    chosen = tuple(sorted(set(types)))
    known = get_args(EntityType)
    unknown = [t for t in chosen if t not in known]
    if unknown or not chosen:
        raise ConfigurationError(f"unknown entity type {', '.join(map(repr, unknown))}"
                                 if unknown else "no entity types given",
                                 hint=f"choose among {', '.join(known)}")
    return Settings.model_validate({**settings.model_dump(), "entity_types": chosen})


def _country_delta(code: str, countries: Sequence[str]) -> float:
    """The country rule: what a country given with the name (``code``, upper case) adds
    to a score against an entity of ``countries`` (nothing when it lists none)."""
    if not countries:
        return 0.0
    return COUNTRY_AGREES if code in countries else COUNTRY_DIFFERS


def _bounded(score: float) -> float:
    """A score with the country rule's change, kept within 0..1 and rounded."""
    return round(min(1.0, max(0.0, score)), 4)


def _text_or_none(country: object) -> str | None:
    """A country checked by ``_search`` (text or ``None``; anything else gave an error)."""
    return country if isinstance(country, str) else None


def _printable(value: Any) -> str:
    """Text safe to store and serialise: lone surrogates become U+FFFD."""
    text = value if isinstance(value, str) else repr(value)[:200]
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", text)


def _compare(query: object, candidate: object, weights: WordWeights,
             thresholds: Thresholds) -> Comparison:
    if not isinstance(query, str) or not isinstance(candidate, str):
        what, value = ("query", query) if not isinstance(query, str) else ("candidate", candidate)
        raise InputError(f"the {what} must be text, not {type(value).__name__}")
    explanation = explain(normalise(_printable(query)), normalise(_printable(candidate)),
                          weights=weights, thresholds=thresholds)
    return Comparison(query=query, candidate=candidate, score=explanation.score.score,
                      decision=explanation.decision, explanation=explanation)


def compare(query: object, candidate: object, *,
            thresholds: Thresholds | dict[str, float] | None = None) -> Comparison:
    """Compare two names without a list; word weights come from the tables alone.

    >>> compare("Shinheung Trading Company", "Korea Sinhung Trading Corporation").decision
    'review'
    """
    chosen = thresholds if isinstance(thresholds, Thresholds) else Thresholds(**(thresholds or {}))
    return _compare(query, candidate, WordWeights(), chosen)


@lru_cache(maxsize=1)
def _default_screener() -> Screener:
    return Screener()


def screen(name: Any, *, country: object = None,
           thresholds: Thresholds | dict[str, float] | None = None,
           lists: ListSpec | Sequence[ListSpec] | None = None) -> ScreeningResult:
    """Screen one name against the bundled lists (or ``lists``), in one call.

    >>> screen("Korea Shinheung Trading Corp.").decision
    'match'
    """
    if thresholds is None and lists is None:
        return _default_screener().screen(name, country=country)
    return Screener(lists if lists is not None else ("bundled",),
                    thresholds=thresholds).screen(name, country=country)


def best_decision(results: Iterable[ScreeningResult]) -> str:
    """The most serious decision among results (match > review > clear > error)."""
    return max((r.decision for r in results), key=DECISION_ORDER.__getitem__, default="clear")
