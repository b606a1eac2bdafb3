"""An upper bound on the score of two names, to skip aligning names that cannot be hits.

The weighted Dice score (``score.py``) sums, over word pairs, the pair's similarity
times both words' weights, and divides by the weight of all words. Each word can
count at most its weight times its best similarity with any word of the other name,
or with any run of the other name's words that ``align.py`` may merge into one
unit; words inside such a run count in full. The rules applied after the alignment
only lower the score, except ``listed_name_contained``, which may raise a listed
name whose words are all paired (those that weigh anything at >= 0.9) to
``CONTAINED_FLOOR``. So the aligned score never exceeds the bound.

:func:`score_bound` computes it for one pair of names in plain Python (the reference,
checked against the scorer by property tests). :class:`BoundTable` holds every listed
name's words as numbers and computes it for many listed names at once: in C
(``_cbound.c``, built at install time when a compiler is there; the same bound, checked
against :func:`score_bound` by tests), or else with one rapidfuzz ``cdist`` per query
over the distinct listed words involved and numpy reductions. With the C module, the
table also aligns and scores the names that survive (``aligned_scores``, ``_calign.h``:
the Python scorer's steps, to the same double) and gives the hits' alignments for
their explanations (``alignments``).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from rapidfuzz.distance import OSA
from rapidfuzz.process import cdist

from sanctionscreen.matching.align import JOIN_SIMILARITY, MAX_JOINED, intact_end, may_join
from sanctionscreen.matching.score import (
    COMMON_ONLY_CAP,
    CONTAINED_FLOOR,
    CONTAINED_MIN_WEIGHT,
    CONTAINED_SIMILARITY,
    DISTINCTIVE_SIMILARITY,
    DISTINCTIVE_WEIGHT,
    PLACES_DIFFER_FACTOR,
)
from sanctionscreen.matching.similarity import (
    BASE,
    GROWTH,
    IDENTIFIER_DIGITS,
    MIN_SIMILARITY,
    NUMBERS_DIFFER,
    SHORT_WORD,
    key_rules,
    romanisation_key,
    spelling_similarity,
    word_similarity,
)
from sanctionscreen.matching.weights import WordWeights
from sanctionscreen.native import extension

if TYPE_CHECKING:
    from sanctionscreen.matching._cbound import Table as CTable


_CBOUND = extension("sanctionscreen.matching._cbound")
ACCELERATED = _CBOUND is not None
"""Whether the C score bound is used: it was built (a C compiler at install time) and
``SANCTIONSCREEN_NO_EXTENSION=1`` is not set. Without it, bounds are computed with numpy."""
Spans = tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int, float]]]
"""Units as (first word, words) of the query and the listed name, and pairs as (query
unit, listed unit, similarity), in order: an alignment as the C scorer found it."""
KIND_CODES = {"stopword": 0, "distinctive": 1, "common": 2, "geographic": 3, "number": 4}
"""Word classes (``weights.WordWeight.kind``) as ``_calign.h`` numbers them."""
FEW = 12  # fewer names than this are bounded one by one, in plain Python (numpy bound)
ROUNDING = 1e-4  # word_similarity rounds to four places; the table's values may be that low
# rapidfuzz turns a similarity cutoff into a whole number of edits, rounding against
# values exactly at the cutoff (0.6 for "wong" / "myong"): ask for a little less.
_SLACK = 0.01


def _similar(a: Sequence[str], b: Sequence[str], cutoff: float) -> NDArray[np.float64]:
    """OSA edit similarity of every ``a`` with every ``b``, 0 where below ``cutoff``."""
    found: NDArray[np.float64] = cdist(a, b, scorer=OSA.normalized_similarity,
                                       dtype=np.float64, score_cutoff=max(0.0, cutoff - _SLACK))
    found[found < cutoff - 1e-9] = 0.0
    return found


def score_bound(query: Sequence[str], listed: Sequence[str], weights: WordWeights) -> float:
    """A score that the aligned names cannot exceed (before rounding to four places).

    >>> score_bound(["brightwave", "textiles"], ["green", "pine"], WordWeights())
    0.0
    """
    query_weight = [weights(w).weight for w in query]
    listed_weight = [weights(w).weight for w in listed]
    # (a float start: compiled, sum() of floats is otherwise taken for an int; same sums)
    total = sum(query_weight, 0.0) + sum(listed_weight, 0.0)
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
    single_query, single_listed = best_query[:], best_listed[:]
    if may_join(query, listed):
        _mark_joins(query, listed, single_query, best_query, best_listed)
    if may_join(listed, query):
        _mark_joins(listed, query, single_listed, best_listed, best_query)
    matched = sum((w * s for w, s in zip(query_weight, best_query, strict=True)), 0.0)
    matched += sum((w * s for w, s in zip(listed_weight, best_listed, strict=True)), 0.0)
    bound = matched / total
    if sum(listed_weight, 0.0) >= CONTAINED_MIN_WEIGHT - 1e-6 and all(
            s >= CONTAINED_SIMILARITY or (w <= 1e-9 and s > 0)
            for s, w in zip(best_listed, listed_weight, strict=True)):
        bound = max(bound, CONTAINED_FLOOR)
    return bound


def _members(distinct: list[int], chosen: set[int]) -> NDArray[np.bool_]:
    """Which of the sorted numbers ``distinct`` are in ``chosen`` (a few numbers)."""
    found = np.zeros(len(distinct), dtype=bool)
    for number in chosen:
        at = bisect_left(distinct, number)
        if at < len(distinct) and distinct[at] == number:
            found[at] = True
    return found


def _runs_joined(word: str, others: Sequence[str], at: int, first: bool, last: bool,
                 ) -> list[tuple[int, int, str]]:
    """``(start, end, joined)`` of the runs of ``others`` that ``word`` stands for, written as one
    (``align._joins``), beginning at ``others[at]`` (when ``first``) or ending there
    (when ``last``)."""
    here = others[at]
    runs: list[tuple[int, int]] = []
    if first and word.startswith(here):
        runs += [(at, end) for end in range(at + 1, min(at + MAX_JOINED, len(others)))]
    if last and word.endswith(here):
        runs += [(start, at) for start in range(max(0, at - MAX_JOINED + 1), at)]
    tolerance = max(2, len(word) // 5)
    best_single = -1.0
    found: list[tuple[int, int, str]] = []
    for start, end in runs:
        joined = "".join(others[start : end + 1])
        if abs(len(joined) - len(word)) > tolerance:
            continue
        similarity = spelling_similarity(word, joined)
        if similarity < JOIN_SIMILARITY:
            continue
        if best_single < 0:
            best_single = max(word_similarity(word, other)[0] for other in others)
        if similarity > best_single:
            found.append((start, end, joined))
    return found


def _meet_run(words: Sequence[str], joined: str, best: list[float]) -> None:
    """Once a run is merged into one unit, any word of the other name may pair with it."""
    for m, word in enumerate(words):
        similarity = word_similarity(word, joined)[0]
        if similarity > best[m]:
            best[m] = similarity


def _mark_joins(singles: Sequence[str], others: Sequence[str], single: list[float],
                single_best: list[float], other_best: list[float]) -> None:
    """Set to 1 the words that could be merged with words written as one on the other side.

    As in ``align.py``, a word stands for a run only when the run is spelled more like
    it than its best single partner (``single``) is.
    """
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
                if size_of_word - joined_length > tolerance or not intact_end(
                        word, others[start], others[end]):
                    continue
                joined = "".join(others[start : end + 1])
                similarity = spelling_similarity(word, joined)
                if similarity >= JOIN_SIMILARITY and similarity > single[i]:
                    single_best[i] = 1.0
                    for k in range(start, end + 1):
                        other_best[k] = 1.0
                    _meet_run(singles, joined, single_best)


class BoundTable:
    """The words of every listed name, as numbers, to bound many names in one go.

    ``names`` are the normalised words of each listed name, numbered in order; with
    ``accelerated=False`` the C bound is not used even when it was built.
    """

    def __init__(self, names: Sequence[Sequence[str]], weights: WordWeights, *,
                 accelerated: bool = True) -> None:
        self._weights = weights
        self._names = names
        vocab: dict[str, int] = {}
        offsets = array("q", [0])
        ids = array("i")
        for words in names:
            for word in words:
                number = vocab.get(word)
                if number is None:
                    number = vocab[word] = len(vocab)
                ids.append(number)
            offsets.append(len(ids))
        self._vocab = vocab
        self._words = list(vocab)
        self._offsets: NDArray[np.int64] = np.frombuffer(offsets, dtype=np.int64)
        self._ids: NDArray[np.int32] = np.frombuffer(ids, dtype=np.int32)
        self._length = np.fromiter((len(w) for w in self._words), dtype=np.int32,
                                   count=len(self._words))
        self._digit = np.fromiter((w.isdigit() for w in self._words), dtype=bool,
                                  count=len(self._words))
        self._weight = np.fromiter((weights(w).weight for w in self._words), dtype=np.float64,
                                   count=len(self._words))
        _, self._key_length, self._key_similarity = key_rules()
        self._word_array = np.array(self._words, dtype=object)
        self._key_array = np.array([romanisation_key(w) if len(w) >= self._key_length else ""
                                    for w in self._words], dtype=object)
        self._total = np.bincount(
            np.repeat(np.arange(len(names)), np.diff(self._offsets)),
            weights=self._weight[self._ids], minlength=len(names))
        self._fast: CTable | None = None
        if accelerated and ACCELERATED:
            self._fast = _c_table(self._words, self._key_array.tolist(), self._weight,
                                  self._offsets, self._ids, self._kinds(self._words))

    @property
    def accelerated(self) -> bool:
        """Whether bounds are computed in C."""
        return self._fast is not None

    def survivors(self, query: Sequence[str], numbers: Sequence[int],
                  floor: float) -> list[int]:
        """The names among ``numbers`` whose score bound reaches ``floor``, in order."""
        if self._fast is not None:
            return self._fast.survivors(list(query), self._query_weights(query), numbers, floor)
        if len(numbers) <= FEW:
            return [n for n in numbers
                    if score_bound(query, self._names[n], self._weights) >= floor]
        chosen = np.asarray(numbers, dtype=np.int64)
        kept: list[int] = chosen[self.bounds(query, chosen) >= floor].tolist()
        return kept

    def bounds(self, query: Sequence[str], numbers: NDArray[np.int64]) -> NDArray[np.float64]:
        """Score bounds of the query against the listed names ``numbers``."""
        if self._fast is not None:
            return np.array(self._fast.bounds(list(query), self._query_weights(query),
                                              numbers.tolist()), dtype=np.float64)
        starts = self._offsets[numbers]
        lengths = self._offsets[numbers + 1] - starts
        if len(query) == 0 or len(numbers) == 0 or lengths.min() == 0:
            exact = [score_bound(query, self._names[n], self._weights) for n in numbers.tolist()]
            return np.array(exact, dtype=np.float64)
        segments = np.cumsum(lengths) - lengths
        positions = np.arange(int(lengths.sum())) + np.repeat(starts - segments, lengths)
        word_ids = self._ids[positions]
        distinct, inverse = np.unique(word_ids, return_inverse=True)
        distinct_list: list[int] = distinct.tolist()
        rows, merged = self._similarities(query, distinct_list)
        similar = rows[:, inverse]
        best_listed = similar.max(axis=0)
        if merged is not None:  # listed words may pair with merged query words
            best_listed = np.maximum(best_listed, merged[:, inverse].max(axis=0))
        best_query = np.maximum.reduceat(similar, segments, axis=1)
        for k, i, first, last, joined in self._joined(
                query, numbers, distinct_list, inverse, word_ids,
                positions - np.repeat(starts, lengths), np.repeat(lengths, lengths), segments):
            best_query[i, k] = 1.0  # the query word and the run it stands for meet in full
            best_listed[first : last + 1] = 1.0
            for m, word in enumerate(query):  # and any query word may pair with the run
                best_query[m, k] = max(best_query[m, k], word_similarity(word, joined)[0])
        query_weight = np.array(self._query_weights(query), dtype=np.float64)
        weight = self._weight[word_ids]
        matched = np.add.reduceat(weight * best_listed, segments)
        matched += query_weight @ best_query
        listed_total = self._total[numbers]
        total = query_weight.sum() + listed_total
        bounds = np.where(total > 0, matched / np.maximum(total, 1e-12), 1.0)
        paired = (best_listed >= CONTAINED_SIMILARITY) | ((weight <= 1e-9) & (best_listed > 0))
        contained = ((listed_total >= CONTAINED_MIN_WEIGHT - 1e-6)
                     & np.logical_and.reduceat(paired, segments))
        if contained.any():
            bounds[contained] = np.maximum(bounds[contained], CONTAINED_FLOOR)
        return bounds

    def aligned_scores(self, query: Sequence[str], numbers: Sequence[int]) -> list[float] | None:
        """Each listed name's score, aligned in C, before the legal-form rule and rounding
        (``score.finished_score``); ``None`` when the C module is not used."""
        if self._fast is None:
            return None
        return self._fast.aligned(list(query), self._query_weights(query), self._kinds(query),
                                  numbers)

    def scored(self, query: Sequence[str], numbers: Sequence[int],
               floor: float) -> list[tuple[float, Spans | None]] | None:
        """``aligned_scores`` with, for a score of ``floor`` or more, the ``alignments``
        too (else ``None``): one alignment for the score and the explanation."""
        if self._fast is None:
            return None
        return self._fast.scored(list(query), self._query_weights(query), self._kinds(query),
                                 numbers, floor)

    def alignments(self, query: Sequence[str], numbers: Sequence[int]) -> list[Spans] | None:
        """How the query lines up with each listed name of ``numbers``, found in C (for
        ``align.alignment_from``); ``None`` when the C module is not used."""
        if self._fast is None:
            return None
        return self._fast.alignments(list(query), self._query_weights(query),
                                     self._kinds(query), numbers)

    def _query_weights(self, query: Sequence[str]) -> list[float]:
        return [self._weights(w).weight for w in query]

    def _kinds(self, words: Sequence[str]) -> bytes:
        """Each word's class as ``_calign.h`` numbers them."""
        return bytes(KIND_CODES[self._weights(w).kind] for w in words)

    def _similarities(self, query: Sequence[str], distinct: list[int],
                      ) -> tuple[NDArray[np.float64], NDArray[np.float64] | None]:
        """At least ``word_similarity`` of each query word with each listed word
        ``distinct``; and of each run of query words that a listed word stands for (so
        that ``align.py`` may merge it into one unit) with each listed word, or ``None``."""
        columns = np.asarray(distinct)
        words: list[str] = self._word_array[columns].tolist()
        length = self._length[columns]
        similar = self._rows(query, distinct, columns, words, length)
        shortest_run = min((len(a) + len(b) for a, b in pairwise(query)), default=0)
        merged: list[str] = []
        if shortest_run and length.max() >= shortest_run * 4 // 5 - 2:
            merged = self._mark_listed_joins(query, words, similar)
        if not merged:
            return similar, None
        return similar, self._rows(merged, distinct, columns, words, length)

    def _rows(self, query: Sequence[str], distinct: list[int], columns: NDArray[np.int64],
              words: list[str], length: NDArray[np.int32]) -> NDArray[np.float64]:
        """At least ``word_similarity`` of each of ``query`` with each listed word."""
        spelling = _similar(query, words, MIN_SIMILARITY)
        gap = 1.0 - spelling
        similar = 1.0 - gap * (BASE + GROWTH * gap)
        similar[spelling == 0.0] = 0.0
        keyed = [i for i, q in enumerate(query) if len(q) >= self._key_length]
        if keyed:  # listed words too short for a key have key "", which meets nothing
            by_key = self._key_similarity * _similar(
                [romanisation_key(query[i]) for i in keyed], self._key_array[columns].tolist(),
                MIN_SIMILARITY / self._key_similarity)
            similar[keyed] = np.maximum(similar[keyed], by_key)
        similar[similar > 0.0] += ROUNDING
        np.minimum(similar, 1.0, out=similar)
        for i, q in enumerate(query):
            if len(q) <= SHORT_WORD:
                similar[i] = 0.0
        similar[:, length <= SHORT_WORD] = 0.0
        query_digit = [q.isdigit() for q in query]
        digit = self._digit[columns]
        if any(query_digit) or digit.any():
            self._compare_numbers(query, query_digit, columns, digit, similar)
        for i, q in enumerate(query):
            number = self._vocab.get(q)
            if number is not None:
                j = bisect_left(distinct, number)
                if j < len(distinct) and distinct[j] == number:
                    similar[i, j] = 1.0
        return similar

    def _compare_numbers(self, query: Sequence[str], query_digit: list[bool],
                         columns: NDArray[np.int64], digit: NDArray[np.bool_],
                         similar: NDArray[np.float64]) -> None:
        """Numbers meet only numbers: ``NUMBERS_DIFFER`` if short, else nothing."""
        length = self._length[columns]
        for i, q in enumerate(query):
            if query_digit[i]:
                similar[i] = np.where(digit & (np.maximum(length, len(q)) < IDENTIFIER_DIGITS),
                                      NUMBERS_DIFFER, 0.0)
            else:
                similar[i, digit] = 0.0

    @staticmethod
    def _mark_listed_joins(query: Sequence[str], words: list[str],
                           similar: NDArray[np.float64]) -> list[str]:
        """A listed word that stands for adjacent query words written as one meets them all;
        the runs of query words so met, written as one."""
        runs = [(start, start + size) for size in range(2, MAX_JOINED + 1)
                for start in range(len(query) - size + 1)]
        joined = ["".join(query[a:b]) for a, b in runs]
        near = _similar(joined, words, JOIN_SIMILARITY)
        merged: list[str] = []
        for r, u in zip(*np.nonzero(near), strict=True):
            word = words[u]
            a, b = runs[r]
            if (len(word) > SHORT_WORD and abs(len(joined[r]) - len(word)) <= max(2, len(word) // 5)
                    and intact_end(word, query[a], query[b - 1])):
                similar[a:b, u] = 1.0
                merged.append(joined[r])
        return sorted(set(merged))

    def _joined(self, query: Sequence[str], numbers: NDArray[np.int64], distinct: list[int],
                inverse: NDArray[np.int64], word_ids: NDArray[np.int32], place: NDArray[np.int64],
                size: NDArray[np.int64], segments: NDArray[np.int64],
                ) -> list[tuple[int, int, int, int, str]]:
        """``(name, query word, first, last, joined)``: query word ``i`` stands for the
        listed words at positions ``first..last``, written as one (``align._joins``);
        names are numbered by their place in ``numbers``, positions as in ``bounds``.

        Such a run has its first word at the start of the query word or its last word at
        its end (``align.intact_end``), so only those positions are looked at.
        """
        # Which query words each listed word begins or ends (never the whole word:
        # a word met exactly is never replaced by a run).
        begins: dict[int, list[int]] = {}
        ends: dict[int, list[int]] = {}
        for i, word in enumerate(query):
            if len(word) <= SHORT_WORD:
                continue
            for cut in range(1, len(word)):
                first = self._vocab.get(word[:cut])
                if first is not None:
                    begins.setdefault(first, []).append(i)
                last = self._vocab.get(word[cut:])
                if last is not None:
                    ends.setdefault(last, []).append(i)
        if not begins and not ends:
            return []
        is_first = _members(distinct, set(begins))[inverse] & (place < size - 1)
        is_last = _members(distinct, set(ends))[inverse] & (place > 0)
        where = np.nonzero(is_first | is_last)[0]
        found: list[tuple[int, int, int, int, str]] = []
        for k, at, position, word_id, first, last in zip(
                (np.searchsorted(segments, where, side="right") - 1).tolist(),
                place[where].tolist(), where.tolist(), word_ids[where].tolist(),
                is_first[where].tolist(), is_last[where].tolist(), strict=True):
            listed = self._names[int(numbers[k])]
            offset = position - at  # where the name's first word is
            for i in {*(begins.get(word_id, ()) if first else ()),
                      *(ends.get(word_id, ()) if last else ())}:
                found += [(k, i, offset + start, offset + end, joined) for start, end, joined
                          in _runs_joined(query[i], listed, at, first, last)]
        return found


def _c_table(words: list[str], keys: list[str], weights: NDArray[np.float64],
             offsets: NDArray[np.int64], ids: NDArray[np.int32], kinds: bytes) -> CTable:
    """The C bound's table; it takes every rule and constant from the Python modules."""
    rules = key_rules()[0]
    assert _CBOUND is not None
    table: CTable = _CBOUND.Table(words, keys, np.ascontiguousarray(weights, dtype=np.float64),
                                  np.ascontiguousarray(offsets, dtype=np.int64),
                                  np.ascontiguousarray(ids, dtype=np.int32), list(rules),
                                  c_constants(), kinds)
    return table


def c_constants() -> tuple[float, ...]:
    """The scorer's constants in the order ``_cbound.c`` numbers them."""
    _, key_length, key_similarity = key_rules()
    return tuple(float(c) for c in (
        MIN_SIMILARITY, BASE, GROWTH, SHORT_WORD, NUMBERS_DIFFER, IDENTIFIER_DIGITS, key_length,
        key_similarity, JOIN_SIMILARITY, MAX_JOINED, CONTAINED_FLOOR, CONTAINED_MIN_WEIGHT,
        CONTAINED_SIMILARITY, COMMON_ONLY_CAP, DISTINCTIVE_WEIGHT, DISTINCTIVE_SIMILARITY,
        PLACES_DIFFER_FACTOR))
