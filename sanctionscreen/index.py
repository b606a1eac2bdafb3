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
  words written as one, looked up as words.

Every meeting is checked with the scorer's own word similarity before a name is
proposed, so the index proposes few names; :func:`score_bound` then drops names
that cannot reach the threshold before they are aligned.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from sanctionscreen.matching.align import JOIN_SIMILARITY, MAX_JOINED
from sanctionscreen.matching.score import (
    COMMON_ONLY_CAP,
    CONTAINED_FLOOR,
    CONTAINED_MIN_WEIGHT,
    CONTAINED_SIMILARITY,
    DISTINCTIVE_SIMILARITY,
    DISTINCTIVE_WEIGHT,
)
from sanctionscreen.matching.similarity import (
    SHORT_WORD,
    romanisation_key,
    spelling_similarity,
    word_similarity,
)
from sanctionscreen.matching.weights import WordWeights

MIN_KEYED = 5  # romanisation keys are compared from this length (romanisation.yaml)
TWO_DELETIONS = 7  # words this long may meet at two edits (similarity >= 0.75 allows it)
CACHE_SIZE = 100_000


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


def join_tolerance(word: str) -> int:
    """How many letters a run written as one may differ in length from ``word`` (align.py)."""
    return max(2, len(word) // 5)


class CandidateIndex:
    """Listed words, their deletion and romanisation keys, and runs of words written as one.

    ``names`` are the normalised words of each listed name, numbered in order;
    ``min_score`` is the lowest score that could still be a hit (the review
    threshold less any bonus). ``lean`` leaves out the two-deletion keys, for very
    large lists: words two edits apart then meet only through their romanisation key.
    """

    def __init__(self, names: Iterable[Sequence[str]], weights: WordWeights, *,
                 min_score: float = 0.68, lean: bool = False) -> None:
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
        ends: set[tuple[str, str, str]] = set()
        count = 0
        for number, words in enumerate(names):
            count += 1
            weight = [weights(w).weight for w in words]
            strong = self._by_distinctive and max(weight, default=0.0) >= DISTINCTIVE_WEIGHT
            floor = DISTINCTIVE_WEIGHT if strong else 1e-9
            for word, w in zip(words, weight, strict=True):
                if w >= floor:
                    wid = vocab.get(word)
                    if wid is None:
                        wid = vocab[word] = len(postings)
                        postings.append([])
                    posting = postings[wid]
                    if not posting or posting[-1] != number:
                        posting.append(number)
            if len(words) < 2:
                continue
            for start, size in _runs(words):
                if size == 2:
                    run_weight = weight[start] + weight[start + 1]
                else:
                    run_weight = sum(weight[start : start + size])
                if run_weight >= floor:
                    joined = "".join(words[start : start + size])
                    run = runs.setdefault(joined, [])
                    if not run or run[-1] != number:
                        run.append(number)
                    ends.add((joined, words[start], words[start + size - 1]))
        self._names = count
        self._vocab = vocab
        self._words = list(vocab)
        self._thresholds = [self._strict if weights(w).weight >= DISTINCTIVE_WEIGHT
                            and self._by_distinctive else self._loose for w in self._words]
        self._postings: list[Sequence[int]] = (
            [array("i", p) for p in postings] if lean else list(postings))
        self._runs: dict[str, Sequence[int]] = (
            {run: array("i", p) for run, p in runs.items()} if lean else dict(runs))
        self._deletes: dict[str, list[int]] = {}
        self._keys: dict[str, list[int]] = {}
        add_delete = self._deletes.setdefault
        add_key = self._keys.setdefault
        for wid, word in enumerate(self._words):
            if len(word) <= SHORT_WORD or word.isdigit():
                continue
            depth = 2 if len(word) >= TWO_DELETIONS and not lean else 1
            for key in deletions(word, depth):
                add_delete(key, []).append(wid)
            if len(word) >= MIN_KEYED:
                key = romanisation_key(word)
                add_key(key, []).append(wid)
                for k in deletions(key, 1):
                    add_key(k, []).append(wid)
        self._run_starts: dict[str, list[str]] = {}
        self._run_ends: dict[str, list[str]] = {}
        for joined, first, last in sorted(ends):
            self._run_starts.setdefault(first, []).append(joined)
            self._run_ends.setdefault(last, []).append(joined)
        self._word_cache: dict[str, frozenset[int]] = {}
        self._run_cache: dict[str, frozenset[int]] = {}

    def stats(self) -> IndexStats:
        """How many names, words, keys, runs and postings the index holds."""
        postings = sum(len(p) for p in self._postings) + sum(len(p) for p in self._runs.values())
        return IndexStats(self._names, len(self._words), len(self._deletes) + len(self._keys),
                          len(self._runs), postings, self.lean)

    def candidates(self, words: Sequence[str]) -> list[int]:
        """Numbers of the listed names that meet these query words closely enough, in order."""
        found: set[int] = set()
        for word in words:
            found |= self._for_word(word)
        for start, size in _runs(words):
            found |= self._for_run("".join(words[start : start + size]))
        return sorted(found)

    def _for_word(self, word: str) -> frozenset[int]:
        cached = self._word_cache.get(word)
        if cached is None:
            cached = frozenset(self._names_for_word(word))
            self._remember(self._word_cache, word, cached)
        return cached

    def _for_run(self, run: str) -> frozenset[int]:
        cached = self._run_cache.get(run)
        if cached is None:
            cached = frozenset(self._names_for_run(run))
            self._remember(self._run_cache, run, cached)
        return cached

    @staticmethod
    def _remember(cache: dict[str, frozenset[int]], key: str, value: frozenset[int]) -> None:
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

    def _names_for_word(self, word: str) -> Iterator[int]:
        depth = 2 if len(word) >= TWO_DELETIONS and not self.lean else 1
        for wid in self._near_words(word, depth):
            if word_similarity(word, self._words[wid])[0] >= self._thresholds[wid]:
                yield from self._postings[wid]
        if len(word) > SHORT_WORD:
            for run in self._runs_near(word):
                yield from self._runs[run]

    def _runs_near(self, word: str) -> Iterator[str]:
        """Listed runs that ``word`` could stand for: one end of the run is intact in it."""
        seen: set[str] = set()
        tolerance = join_tolerance(word)
        for cut in range(1, len(word)):
            for table, piece in ((self._run_starts, word[:cut]), (self._run_ends, word[cut:])):
                for run in table.get(piece, ()):
                    if run in seen or abs(len(run) - len(word)) > tolerance:
                        continue
                    seen.add(run)
                    if spelling_similarity(word, run) >= JOIN_SIMILARITY:
                        yield run

    def _names_for_run(self, run: str) -> Iterator[int]:
        """Names with a word that the query's adjacent words, written as one, could stand for."""
        depth = 2 if len(run) >= 14 and not self.lean else 1
        for wid in self._near_words(run, depth):
            listed = self._words[wid]
            if (len(listed) > SHORT_WORD and abs(len(run) - len(listed)) <= join_tolerance(listed)
                    and spelling_similarity(listed, run) >= JOIN_SIMILARITY):
                yield from self._postings[wid]


def score_bound(query: Sequence[str], listed: Sequence[str], weights: WordWeights) -> float:
    """A score that the aligned names cannot exceed, from their word similarities alone.

    Each word counts its weight times its best similarity with any word of the other
    name, or in full when it could be part of words written as one; pairs are
    one-to-one and the rules after the alignment lower the score, so the aligned
    score is at most this (before rounding to four places); except that a listed
    name whose every word is met at >= 0.9 may be raised to ``CONTAINED_FLOOR``.
    """
    query_weight = [weights(w).weight for w in query]
    listed_weight = [weights(w).weight for w in listed]
    total = sum(query_weight) + sum(listed_weight)
    if total <= 0:
        return 1.0
    best_query = [0.0] * len(query)
    best_listed = [0.0] * len(listed)
    for i, q in enumerate(query):
        for j, c in enumerate(listed):
            similarity = word_similarity(q, c)[0]
            if similarity > best_query[i]:
                best_query[i] = similarity
            if similarity > best_listed[j]:
                best_listed[j] = similarity
    if _may_join(query, listed):
        _mark_joins(query, listed, best_query, best_listed)
    if _may_join(listed, query):
        _mark_joins(listed, query, best_listed, best_query)
    matched = sum(w * s for w, s in zip(query_weight, best_query, strict=True))
    matched += sum(w * s for w, s in zip(listed_weight, best_listed, strict=True))
    bound = matched / total
    if (sum(listed_weight) >= CONTAINED_MIN_WEIGHT - 1e-6
            and all(s >= CONTAINED_SIMILARITY for s in best_listed)):
        bound = max(bound, CONTAINED_FLOOR)
    return bound


def _may_join(singles: Sequence[str], others: Sequence[str]) -> bool:
    """Whether any word of ``singles`` is long enough to stand for two adjacent ``others``."""
    if len(others) < 2:
        return False
    longest = max(len(w) for w in singles)
    shortest_run = min(len(a) + len(b) for a, b in pairwise(others))
    return longest > SHORT_WORD and shortest_run - longest <= max(2, longest // 5)


def _mark_joins(singles: Sequence[str], others: Sequence[str], single_best: list[float],
                other_best: list[float]) -> None:
    """Set to 1 the words that could be merged with words written as one on the other side."""
    if len(others) < 2:
        return
    lengths = [len(w) for w in others]
    for i, word in enumerate(singles):
        size_of_word = len(word)
        if size_of_word <= SHORT_WORD:
            continue
        tolerance = max(2, size_of_word // 5)
        for start in range(len(others) - 1):
            joined_length = lengths[start]
            for end in range(start + 1, min(start + MAX_JOINED, len(others))):
                joined_length += lengths[end]
                if joined_length - size_of_word > tolerance:
                    break  # longer runs from this start are longer still
                if (size_of_word - joined_length <= tolerance and spelling_similarity(
                        word, "".join(others[start : end + 1])) >= JOIN_SIMILARITY):
                    single_best[i] = 1.0
                    for k in range(start, end + 1):
                        other_best[k] = 1.0
