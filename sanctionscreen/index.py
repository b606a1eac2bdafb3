"""The candidate index: which listed names are worth scoring for a query.

Scoring every listed name is exact but slow. A listed name can only reach the
review threshold when one of its words (or a run of its words written as one)
meets a query word closely; the index finds those meetings through the *words*
of the lists (tens of thousands), not through every name (hundreds of thousands):

- a vocabulary of listed words, each with the names it leads to. When the review
  threshold is above the cap for names without a distinctive word in common
  (:data:`~sanctionscreen.matching.score.COMMON_ONLY_CAP`), a name that has a
  distinctive word is reached only through its distinctive words, which must meet a
  query word at similarity >= 0.75; a name made only of common words is reached
  through any of its words at a similarity that could still give a hit;
- deletion keys of every word (one letter deleted; two for words of seven letters
  or more), so that words one or two edits apart meet (symmetric deletion);
- romanisation keys (Sinhung / Shinheung) and their one-deletion forms;
- runs of two to four adjacent listed words written as one ("sunmoonstar"),
  found from the query word's prefixes and suffixes; and the query's own adjacent
  words written as one, which find the listed words (of any weight) that begin with
  the first of them or end with the last (``align.intact_end``).

Every meeting is checked with the scorer's own word similarity before a name is
proposed, so the index proposes few names; ``matching/bound.py`` then drops names
that cannot reach the threshold before they are aligned.

The deletion and romanisation keys, the lookups of the listed words and runs that
meet a query word, and the gathering of the names they lead to (``Postings``) are
in C (``_cindex.c``) when it was built: the same names are found (tests compare the
two), the keys take a fraction of the memory and build time. Without it,
:meth:`CandidateIndex._near_words` and the methods after it do the same with Python
dicts and sets.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, chain
from typing import TYPE_CHECKING, TypeVar

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

from sanctionscreen.matching.align import JOIN_SIMILARITY, MAX_JOINED, join_tolerance
from sanctionscreen.matching.bound import c_constants
from sanctionscreen.matching.score import (
    COMMON_ONLY_CAP,
    DISTINCTIVE_SIMILARITY,
    DISTINCTIVE_WEIGHT,
)
from sanctionscreen.matching.similarity import (
    SHORT_WORD,
    key_rules,
    romanisation_key,
    word_similarity,
)
from sanctionscreen.matching.weights import WordWeights
from sanctionscreen.native import extension

if TYPE_CHECKING:
    from sanctionscreen._cindex import Finder, Postings

MIN_KEYED = 5  # romanisation keys are compared from this length (romanisation.yaml)
TWO_DELETIONS = 7  # words this long may meet at two edits (similarity >= 0.75 allows it)
CACHE_SIZE = 100_000
FEW_TO_FILTER = 48  # up to this many words begin with a piece: filter them, not search
_Key = TypeVar("_Key", str, tuple[str, ...])
_CINDEX = extension("sanctionscreen._cindex")
ACCELERATED = _CINDEX is not None
"""Whether the index's word lookups are in C (built, and not turned off)."""


@dataclass(frozen=True)
class IndexStats:
    """Size of the index, for ``sanctionscreen lists --stats`` and the benchmark."""

    names: int
    words: int
    keys: int
    runs: int
    postings: int
    lean: bool


def deletions(word: str, depth: int) -> set[str]:
    """``word`` with one letter deleted, or (``depth`` 2) one or two letters.

    >>> sorted(deletions("abc", 1))
    ['ab', 'ac', 'bc']
    """
    n = len(word)
    found = {word[:i] + word[i + 1 :] for i in range(n)}
    if depth >= 2:
        found.update(word[:i] + word[i + 1 : j] + word[j + 1 :]
                     for i in range(n) for j in range(i + 1, n))
    found.discard(word)
    return found


def _runs(words: Sequence[str]) -> Iterator[tuple[int, int]]:
    for size in range(2, MAX_JOINED + 1):
        for start in range(len(words) - size + 1):
            yield start, size


class CandidateIndex:
    """Listed words, their deletion and romanisation keys, and runs of words written as one.

    ``names`` are the normalised words of each listed name, numbered in order;
    ``min_score`` is the lowest score that could still be a hit (the review
    threshold less any bonus). ``lean`` leaves out the two-deletion keys, for very
    large lists: words two edits apart then meet only through their romanisation key.
    With ``accelerated=False`` the word lookups are in Python even when the C ones
    were built.
    """

    def __init__(self, names: Sequence[Sequence[str]], weights: WordWeights, *,
                 min_score: float = 0.68, lean: bool = False,
                 accelerated: bool = True) -> None:
        self._weights = weights
        self.lean = lean
        self.min_score = min_score
        # Above the cap, a name with a distinctive word needs one of them met closely.
        self._by_distinctive = min_score > COMMON_ONLY_CAP
        self._strict = max(min_score, DISTINCTIVE_SIMILARITY if self._by_distinctive else 0.0)
        self._loose = max(min_score, 1e-9)
        vocab: dict[str, int] = {}
        postings: list[list[int]] = []
        runs: dict[str, list[int]] = {}
        ends: dict[tuple[str, str, str], None] = {}  # (run, first word, last word), in order
        # Every word long enough to stand for words written as one, whatever its weight,
        # with its names: once the query's words are merged to meet it, another word of
        # the name (a distinctive one) may pair with them (align.py).
        whole: dict[str, list[int]] = {}
        weight_of = {w: weights(w).weight for w in {w for words in names for w in words}}
        by_distinctive = self._by_distinctive
        count = 0
        for number, words in enumerate(names):
            count += 1
            weight = [weight_of[w] for w in words]
            strong = by_distinctive and max(weight, default=0.0) >= DISTINCTIVE_WEIGHT
            floor = DISTINCTIVE_WEIGHT if strong else 1e-9
            for word, w in zip(words, weight, strict=True):
                if w >= floor:
                    wid = vocab.get(word)
                    if wid is None:
                        wid = vocab[word] = len(postings)
                        postings.append([number])
                    elif postings[wid][-1] != number:
                        postings[wid].append(number)
                if len(word) > SHORT_WORD:
                    found = whole.get(word)
                    if found is None:
                        whole[word] = [number]
                    elif found[-1] != number:
                        found.append(number)
            size_of_name = len(words)
            for size in range(2, min(MAX_JOINED, size_of_name) + 1):
                for start in range(size_of_name - size + 1):
                    if size == 2:
                        run_weight = weight[start] + weight[start + 1]
                    else:
                        run_weight = sum(weight[start : start + size])
                    if run_weight >= floor:
                        joined = "".join(words[start : start + size])
                        run = runs.get(joined)
                        if run is None:
                            runs[joined] = [number]
                        elif run[-1] != number:
                            run.append(number)
                        ends[joined, words[start], words[start + size - 1]] = None
        self._names = count
        self._vocab = vocab
        self._words = list(vocab)
        self._thresholds = [self._strict if weight_of[w] >= DISTINCTIVE_WEIGHT
                            and by_distinctive else self._loose for w in self._words]
        self._run_count = len(runs)
        self._finder: Finder | None = None
        self._postings_table: Postings | None = None
        if accelerated and _CINDEX is not None:
            run_list = list(runs)
            number_of = {run: number for number, run in enumerate(run_list)}
            self._finder = _CINDEX.Finder(
                self._words, [romanisation_key(w) for w in self._words], self._thresholds,
                list(key_rules()[0]), c_constants(), TWO_DELETIONS, MIN_KEYED, lean,
                run_list, [(number_of[joined], len(first), len(last))
                           for joined, first, last in ends], list(whole))
            # A query word's entries are the listed words it meets, then the runs
            # (numbered after the words) it could stand for.
            self._postings_table = _CINDEX.Postings(
                count, _table([*postings, *runs.values()]), _table(list(whole.values())))
            self._postings: list[Sequence[int]] = []
            self._runs: dict[str, Sequence[int]] = {}
            self._whole: dict[str, Sequence[int]] = {}
        else:
            # Tuples and arrays rather than lists: the garbage collector does not follow
            # them, so a full collection does not walk the million entries of the index.
            self._postings = [array("i", p) for p in postings] if lean else [
                tuple(p) for p in postings]
            self._runs = ({run: array("i", p) for run, p in runs.items()} if lean
                          else {run: tuple(p) for run, p in runs.items()})
            self._whole = {word: array("i", found) if lean else tuple(found)
                           for word, found in whole.items()}
            self._build_lookups(ends)
        del postings, runs, whole
        # Per query word: its names (Python lookups) or its entries (C); per run of query
        # words: its names (Python) or the whole words it meets (C). Tuples of numbers:
        # the garbage collector stops following them after one look.
        self._word_cache: dict[str, tuple[int, ...]] = {}
        self._run_cache: dict[tuple[str, ...], tuple[int, ...]] = {}  # by the run's words

    def _build_lookups(self, ends: Iterable[tuple[str, str, str]]) -> None:
        """The keys and sorted words of the lookups, in Python (when not in C)."""
        self._build_keys()
        # Runs by their first (last) word and their length; words by length, sorted
        # forwards and backwards, to find those that begin (end) with a given word.
        starts: dict[str, dict[int, list[str]]] = {}
        finishes: dict[str, dict[int, list[str]]] = {}
        for joined, first, last in sorted(ends):
            starts.setdefault(first, {}).setdefault(len(joined), []).append(joined)
            finishes.setdefault(last, {}).setdefault(len(joined), []).append(joined)
        self._run_starts = _frozen(starts)
        self._run_ends = _frozen(finishes)
        self._by_length: dict[int, tuple[list[str], list[str]]] = {}
        for word in self._whole:
            self._by_length.setdefault(len(word), ([], []))[0].append(word)
        for forwards, backwards in self._by_length.values():
            backwards.extend(sorted(w[::-1] for w in forwards))
            forwards.sort()
        # The same words in two lists of all lengths: most query words begin (end) few
        # listed words, and one search here finds them all.
        self._forwards = sorted(self._whole)
        self._backwards = sorted(w[::-1] for w in self._whole)

    def _build_keys(self) -> None:
        """The deletion and romanisation keys in Python dicts."""
        deletes: dict[str, list[int]] = {}
        keys: dict[str, list[int]] = {}
        add_delete = deletes.setdefault
        add_key = keys.setdefault
        for wid, word in enumerate(self._words):
            if len(word) <= SHORT_WORD or word.isdigit():
                continue
            depth = 2 if len(word) >= TWO_DELETIONS and not self.lean else 1
            for key in deletions(word, depth):
                add_delete(key, []).append(wid)
            if len(word) >= MIN_KEYED:
                key = romanisation_key(word)
                add_key(key, []).append(wid)
                for k in deletions(key, 1):
                    add_key(k, []).append(wid)
        self._deletes = {key: tuple(found) for key, found in deletes.items()}
        self._keys = {key: tuple(found) for key, found in keys.items()}

    @property
    def accelerated(self) -> bool:
        """Whether the word lookups are in C."""
        return self._finder is not None

    def stats(self) -> IndexStats:
        """How many names, words, keys, runs and postings the index holds."""
        if self._finder is not None and self._postings_table is not None:
            keys = self._finder.key_count()
            postings = self._postings_table.size()
        else:
            keys = len(self._deletes) + len(self._keys)
            postings = sum(len(p) for p in self._postings) + sum(
                len(p) for p in self._runs.values()) + sum(len(p) for p in self._whole.values())
        return IndexStats(self._names, len(self._words), keys, self._run_count, postings,
                          self.lean)

    def clear_caches(self) -> None:
        """Forget the candidates kept for query words and runs (a benchmark starts cold)."""
        self._word_cache.clear()
        self._run_cache.clear()

    def candidates(self, words: Sequence[str]) -> list[int]:
        """Numbers of the listed names that meet these query words closely enough, in order."""
        if self._postings_table is not None:
            return self._postings_table.gather(
                [self._for_word(word) for word in words],
                [self._for_run(tuple(words[start : start + size])) for start, size in _runs(words)])
        found: set[int] = set()
        for word in words:
            found.update(self._for_word(word))
        for start, size in _runs(words):
            found.update(self._for_run(tuple(words[start : start + size])))
        return sorted(found)

    def _for_word(self, word: str) -> tuple[int, ...]:
        cached = self._word_cache.get(word)
        if cached is None:
            cached = self._entries_for_word(word) if self._finder is not None else tuple(
                self._names_for_word(word))
            self._remember(self._word_cache, word, cached)
        return cached

    def _for_run(self, run: tuple[str, ...]) -> tuple[int, ...]:
        # Keyed by the words, not their joined text: "sun moonstar" and "sunmoon star"
        # begin and end differently, so they find different listed words.
        cached = self._run_cache.get(run)
        if cached is None:
            if self._finder is not None:
                cached = tuple(self._finder.whole_near("".join(run), run[0], run[-1]))
            else:
                cached = tuple(self._names_for_run("".join(run), run[0], run[-1]))
            self._remember(self._run_cache, run, cached)
        return cached

    def _entries_for_word(self, word: str) -> tuple[int, ...]:
        """The listed words a query word meets and, numbered after them, the runs it
        could stand for (C lookups; ``Postings`` turns them into names)."""
        assert self._finder is not None
        met = self._finder.near(word)
        if len(word) <= SHORT_WORD:
            return tuple(met)
        start = len(self._words)
        return (*met, *(start + run for run in self._finder.runs_near(word)))

    @staticmethod
    def _remember(cache: dict[_Key, tuple[int, ...]], key: _Key, value: tuple[int, ...]) -> None:
        if len(cache) >= CACHE_SIZE:
            cache.clear()  # bounded: supplier files repeat their words, so it refills fast
        cache[key] = value

    def _near_words(self, word: str, depth: int) -> set[int]:
        """Vocabulary words that share a deletion or romanisation key with ``word``."""
        near: set[int] = set()
        exact = self._vocab.get(word)
        if exact is not None:
            near.add(exact)
        if len(word) <= SHORT_WORD or word.isdigit():
            return near
        for key in (word, *deletions(word, depth)):
            near.update(self._deletes.get(key, ()))
            wid = self._vocab.get(key)
            if wid is not None:
                near.add(wid)
        if len(word) >= MIN_KEYED:
            key = romanisation_key(word)
            for k in (key, *deletions(key, 1)):
                near.update(self._keys.get(k, ()))
        return near

    def _met_words(self, word: str) -> list[int]:
        """Vocabulary words that share a key with ``word`` and are alike enough."""
        if self._finder is not None:
            return self._finder.near(word)
        depth = 2 if len(word) >= TWO_DELETIONS and not self.lean else 1
        return [wid for wid in self._near_words(word, depth)
                if word_similarity(word, self._words[wid])[0] >= self._thresholds[wid]]

    def _names_for_word(self, word: str) -> set[int]:
        """Names that a query word leads to (Python lookups)."""
        found: set[int] = set()
        for wid in self._met_words(word):
            found.update(self._postings[wid])
        if len(word) > SHORT_WORD:
            for run in self._runs_near(word):
                found.update(self._runs[run])
        return found

    def _runs_near(self, word: str) -> Iterator[str]:
        """Listed runs that ``word`` could stand for: the run's first word begins it or its
        last word ends it (``align.intact_end``), and the lengths are close."""
        tolerance = join_tolerance(len(word))
        lengths = range(len(word) - tolerance, len(word) + tolerance + 1)
        near: set[str] = set()
        for cut in range(1, len(word)):
            for table, piece in ((self._run_starts, word[:cut]), (self._run_ends, word[cut:])):
                by_length = table.get(piece)
                if by_length is not None:
                    for length in lengths:
                        near.update(by_length.get(length, ()))
        yield from _alike(word, near)

    def _names_for_run(self, run: str, first: str, last: str) -> set[int]:
        """Names with a word that the query's adjacent words, written as one, could stand
        for: the listed word begins with the first of them or ends with the last (Python
        lookups)."""
        found: set[int] = set()
        lengths = _run_lengths(len(run))
        near: set[str] = set()
        for piece, every, side in ((first, self._forwards, 0), (last[::-1], self._backwards, 1)):
            start, end = _span(every, piece)
            if end - start <= FEW_TO_FILTER:  # few words begin so: filter their lengths
                near.update(w if side == 0 else w[::-1] for w in every[start:end]
                            if lengths[0] <= len(w) <= lengths[-1] and len(w) in lengths)
                continue
            for length in lengths:  # many: search each length's own list
                if length in self._by_length:
                    words = self._by_length[length][side]
                    near.update(w if side == 0 else w[::-1] for w in _starting(words, piece))
        for listed in _alike(run, near):
            found.update(self._whole[listed])
        return found


def _table(postings: Sequence[Sequence[int]]) -> tuple[array[int], array[int]]:
    """Postings as one table: offsets (int64) and the names they lead to (int32)."""
    offsets = array("q", accumulate(map(len, postings), initial=0))
    return offsets, array("i", chain.from_iterable(postings))


def _frozen(table: dict[str, dict[int, list[str]]]) -> dict[str, dict[int, tuple[str, ...]]]:
    return {word: {length: tuple(runs) for length, runs in by_length.items()}
            for word, by_length in table.items()}


@cache
def _run_lengths(size: int) -> tuple[int, ...]:
    """Lengths of the listed words that ``size`` letters written as one could stand for."""
    return tuple(length for length in range(size * 5 // 6 - 2, size * 5 // 4 + 3)
                 if abs(size - length) <= join_tolerance(length))


def _span(words: list[str], piece: str) -> tuple[int, int]:
    """Where the words of the sorted list ``words`` that begin with ``piece`` lie."""
    start = bisect_left(words, piece)
    size = len(piece)
    return start, bisect_right(words, piece, lo=start, key=lambda word: word[:size])


def _starting(words: list[str], piece: str) -> list[str]:
    """The words of the sorted list ``words`` that begin with ``piece``."""
    start, end = _span(words, piece)
    return words[start:end]


def _alike(word: str, others: Iterable[str]) -> list[str]:
    """Those of ``others`` spelled at least ``JOIN_SIMILARITY`` like ``word``, sorted."""
    chosen = sorted(others)
    if not chosen:
        return []
    found = extract(word, chosen, scorer=OSA.normalized_similarity, limit=None,
                    score_cutoff=JOIN_SIMILARITY - 0.01)
    return sorted(other for other, score, _ in found if score >= JOIN_SIMILARITY - 1e-9)
