"""An upper bound on the score of two names, to skip aligning names that cannot be hits.

The weighted Dice score (``score.py``) sums, over word pairs, the pair's similarity
times both words' weights, and divides by the weight of all words. Each word can
count at most its weight times its best similarity with any word of the other name,
or with any run of the other name's words that ``align.py`` may merge into one
unit; words inside such a run count in full. The rules applied after the alignment
only lower the score, except ``listed_name_contained``, which may raise a listed
name whose words are all paired (those that weigh anything at >= 0.9) to
``CONTAINED_FLOOR``. So the aligned score never exceeds the bound.

:func:`score_bound` computes it for one pair of names in plain Python: the reference,
checked against the scorer by property tests, and what runs without the C module.
:class:`BoundTable` holds every listed name's words as numbers and computes it for many
listed names at once in C (``_cbound.c``, built at install time when a compiler is
there; the same bound, checked against :func:`score_bound` by tests). The names that
survive are aligned and scored in Python (``align.py``, ``score.py``), as their
explanations are.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sanctionscreen.matching.align import (
    JOIN_SHARE,
    JOIN_SIMILARITY,
    JOIN_SLACK,
    MAX_JOINED,
    intact_end,
    join_tolerance,
    may_join,
)
from sanctionscreen.matching.score import (
    CONTAINED_FLOOR,
    CONTAINED_MIN_WEIGHT,
    CONTAINED_SIMILARITY,
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
``SANCTIONSCREEN_NO_EXTENSION=1`` is not set. Without it, :func:`score_bound` bounds each name."""


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
        tolerance = join_tolerance(size_of_word)
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
    ``accelerated=False`` the C bound is not used even when it was built, and each name
    is bounded by :func:`score_bound`.
    """

    def __init__(self, names: Sequence[Sequence[str]], weights: WordWeights, *,
                 accelerated: bool = True) -> None:
        self._weights = weights
        self._names = names
        self._fast: CTable | None = None
        if accelerated and ACCELERATED:
            self._fast = _c_table(names, weights)

    @property
    def accelerated(self) -> bool:
        """Whether bounds are computed in C."""
        return self._fast is not None

    def survivors(self, query: Sequence[str], numbers: Sequence[int],
                  floor: float) -> list[int]:
        """The names among ``numbers`` whose score bound reaches ``floor``, in order."""
        if self._fast is not None:
            return self._fast.survivors(list(query), self._query_weights(query), numbers, floor)
        return [n for n in numbers if score_bound(query, self._names[n], self._weights) >= floor]

    def bounds(self, query: Sequence[str], numbers: Sequence[int]) -> list[float]:
        """Score bounds of the query against the listed names ``numbers``."""
        if self._fast is not None:
            return self._fast.bounds(list(query), self._query_weights(query), list(numbers))
        return [score_bound(query, self._names[n], self._weights) for n in numbers]

    def _query_weights(self, query: Sequence[str]) -> list[float]:
        return [self._weights(w).weight for w in query]


def _c_table(names: Sequence[Sequence[str]], weights: WordWeights) -> CTable:
    """The C bound's table: every distinct listed word once, each name as word numbers;
    it takes every rule and constant from the Python modules."""
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
    listed = list(vocab)
    _, key_length, _ = key_rules()
    keys = [romanisation_key(w) if len(w) >= key_length else "" for w in listed]
    word_weights = array("d", [weights(w).weight for w in listed])
    assert _CBOUND is not None
    table: CTable = _CBOUND.Table(listed, keys, word_weights, offsets, ids,
                                  list(key_rules()[0]), c_constants())
    return table


def c_constants() -> tuple[float, ...]:
    """The scorer's constants in the order ``_cbound.c`` numbers them."""
    _, key_length, key_similarity = key_rules()
    return tuple(float(c) for c in (
        MIN_SIMILARITY, BASE, GROWTH, SHORT_WORD, NUMBERS_DIFFER, IDENTIFIER_DIGITS, key_length,
        key_similarity, JOIN_SIMILARITY, MAX_JOINED, CONTAINED_FLOOR, CONTAINED_MIN_WEIGHT,
        CONTAINED_SIMILARITY, JOIN_SLACK, JOIN_SHARE))
