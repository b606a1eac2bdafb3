"""Many names: one process, or several forked workers, and the collector's tuning.

Workers only search (``search.py``): what travels back is the query, the numbers of
the listed names kept and what the search made for explaining them; the parent
explains them and makes the results, in input order (``docs/performance.md``, item 7).
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sanctionscreen.screening.build import may_fork
from sanctionscreen.screening.search import Found, Made
from sanctionscreen.text.normalize import text_steps

if TYPE_CHECKING:
    from sanctionscreen.results import ScreeningResult
    from sanctionscreen.screener import Screener

WORKER_BATCH = 256  # names a worker is given at a time
BATCHES_AHEAD = 8  # batches per worker given out before their results are read
REFREEZE_EVERY = 100  # names screened between two gc.freeze() calls in a batch
# Objects made between two collections of the youngest generation during a batch
# (Python's default is 700): a batch makes and drops results by the thousand, and each
# of those collections walks them (docs/performance.md).
YOUNG_OBJECTS = 20_000

Searched = tuple[Found, object, Made | None]
"""What a worker sends back for one item: the findings, the country, what was made."""


def screen_many(screener: Screener, names: Iterable[Any], workers: int,
                tune_collector: bool) -> Iterator[ScreeningResult]:
    """``Screener.screen_many``: results in input order, from one process or ``workers``
    forked ones (one where this process may not fork)."""
    items = pairs(names)
    with _collector_tuned(tune_collector) as freezing:
        if workers == 1 or not may_fork():
            for count, (name, country) in enumerate(items, 1):
                found, made = screener._searched(name, country)
                yield screener._result(found, country, made)
                if freezing and count % REFREEZE_EVERY == 0:
                    gc.freeze()
            return
        yield from _in_workers(screener, items, workers, freezing)


def _in_workers(screener: Screener, items: Iterator[tuple[Any, object]], workers: int,
                freezing: bool) -> Iterator[ScreeningResult]:
    """The input read a batch at a time, with at most ``BATCHES_AHEAD`` batches a worker
    in flight, so memory stays flat however long the input (an endless generator too)."""
    context = multiprocessing.get_context("fork")
    # Each worker keeps this screener (forked, not pickled) and freezes what it
    # inherits, so its collector neither walks nor copies the shared index.
    with context.Pool(workers, initializer=_start_worker, initargs=(screener,)) as pool:
        todo = batches(items, WORKER_BATCH)
        pending: deque[Any] = deque(
            pool.apply_async(_search_batch, (batch,))
            for batch in itertools.islice(todo, BATCHES_AHEAD * workers))
        count = 0
        while pending:
            found: list[Searched] = pending.popleft().get()
            batch = next(todo, None)
            if batch is not None:
                pending.append(pool.apply_async(_search_batch, (batch,)))
            for kept, country, made in found:
                count += 1
                yield screener._result(kept, country, made)
                if freezing and count % REFREEZE_EVERY == 0:
                    gc.freeze()


def pairs(names: Iterable[Any]) -> Iterator[tuple[Any, object]]:
    """Each item as ``(name, country)``, read one at a time (a generator function: a
    generator expression here was read whole before the first result when compiled)."""
    for item in names:
        yield item if isinstance(item, tuple) else (item, None)


def batches(items: Iterator[tuple[Any, object]],
            size: int) -> Iterator[list[tuple[Any, object]]]:
    """``items`` in lists of ``size`` (the last may be shorter), read as they are asked for."""
    while True:
        batch = list(itertools.islice(items, size))
        if not batch:
            return
        yield batch


_WORKER: list[Screener] = []  # in a worker process: the screener it serves
_WORKER_SCREENED = [0]  # names this worker process has screened


def _start_worker(screener: Screener) -> None:
    """Start a worker process: keep its screener, and freeze what it inherited."""
    _WORKER[:] = [screener]
    gc.freeze()


def _search_batch(batch: list[tuple[Any, object]]) -> list[Searched]:
    return [_search_one(item) for item in batch]


def _search_one(item: tuple[Any, object]) -> Searched:
    """Search for one item in a worker. Only the listed names to explain travel back,
    as numbers, with what the search made for explaining them when there are any (the
    query's normalisation, its steps' details as text, and the alignments).
    (Explanations made here cost more to pickle and unpickle, about 100 us a name with
    hits, than the parent takes to make them.)"""
    name, country = item
    kept, made = _WORKER[0]._searched(name, country)
    _WORKER_SCREENED[0] += 1
    if _WORKER_SCREENED[0] % REFREEZE_EVERY == 0:  # a worker owns its collector
        gc.freeze()
    if not kept.numbers or made is None:
        return kept, country, None
    return kept, country, Made(made.words, made.forms, text_steps(made.steps), made.spans)


@contextmanager
def _collector_tuned(tune: bool) -> Iterator[bool]:
    """With ``tune``: keep the objects that exist now out of the collector's walks until
    the block ends, and collect the youngest generation less often (``YOUNG_OBJECTS``);
    the block is told whether it may freeze more as it goes.

    A full collection walks every container object: with an official list loaded that
    is hundreds of thousands of models, and a batch that makes many results sets one
    off again and again (a third of the throughput of two workers). Screening makes no
    reference cycles, so nothing frozen is garbage that would have been collected.
    The threshold is put back when the block ends (the generator finishes, is closed
    or is collected); frozen objects are unfrozen then unless the caller had frozen
    objects of its own, which stay frozen (with those the batch froze: their memory is
    still freed when they are dropped, freezing only skips the cycle walks).
    """
    if not tune:
        yield False
        return
    callers = gc.get_freeze_count() > 0
    gc.freeze()
    threshold = gc.get_threshold()
    gc.set_threshold(max(threshold[0], YOUNG_OBJECTS), *threshold[1:])
    try:
        yield True
    finally:
        gc.set_threshold(*threshold)
        if not callers:
            gc.unfreeze()
