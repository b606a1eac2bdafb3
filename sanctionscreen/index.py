"""The candidate index: which listed names are worth scoring for a query.

Scoring every listed name with the full scorer is exact but slow; the index
proposes the few names that share evidence with the query, and only those are
scored and explained. A listed name is found through any of its words by:

- the word itself and its romanisation key (Sinhung / Shinheung),
- each form of the word with one letter deleted, so one typo, missing or swapped
  letter still finds it (the query's words are looked up the same way),
- adjacent words written together ("sun moon star" is also found as "sunmoonstar"),
  and the query's adjacent words are looked up joined as well.

Each key found adds the weight of the word it stands for to the name's evidence;
the names with the most evidence relative to their own weight are scored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sanctionscreen.matching.similarity import romanisation_key
from sanctionscreen.matching.weights import WordWeights

MAX_JOIN = 3
MIN_DELETE_LENGTH = 5


@dataclass(frozen=True)
class IndexStats:
    """Size of the index, for ``sanctionscreen lists --stats``."""

    names: int
    keys: int
    postings: int


def word_keys(word: str) -> Iterator[str]:
    """The index keys of one word: itself, its romanisation key, its one-deletion forms."""
    yield word
    if len(word) >= MIN_DELETE_LENGTH and not word.isdigit():
        yield "~" + romanisation_key(word)
        for i in range(len(word)):
            yield "-" + word[:i] + word[i + 1 :]


def _name_keys(words: list[str]) -> Iterator[tuple[str, str]]:
    """``(key, word it stands for)`` for a listed name."""
    for word in words:
        for key in word_keys(word):
            yield key, word
    for size in range(2, MAX_JOIN + 1):
        for i in range(len(words) - size + 1):
            joined = "".join(words[i : i + size])
            for key in word_keys(joined):
                yield key, words[i]


class CandidateIndex:
    """An inverted index from word keys to listed names."""

    def __init__(self, names: Iterable[list[str]], weights: WordWeights) -> None:
        self._weights = weights
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._name_weight: list[float] = []
        for number, words in enumerate(names):
            self._name_weight.append(sum(weights(w).weight for w in words) or 1.0)
            seen: set[str] = set()
            for key, _ in _name_keys(words):
                if key not in seen:
                    seen.add(key)
                    self._postings[key].append(number)
        self._postings = dict(self._postings)

    def stats(self) -> IndexStats:
        """How many names, keys and postings the index holds."""
        return IndexStats(len(self._name_weight), len(self._postings),
                          sum(len(p) for p in self._postings.values()))

    def candidates(self, words: list[str], *, limit: int) -> list[int]:
        """Up to ``limit`` listed-name numbers with the most evidence for these query words."""
        evidence: dict[int, float] = defaultdict(float)
        lookups: list[tuple[str, float]] = []
        for word in words:
            weight = max(self._weights(word).weight, 0.05)
            lookups += [(key, weight) for key in word_keys(word)]
            if len(word) >= MIN_DELETE_LENGTH and not word.isdigit():
                lookups.append((word[:0] + "-" + word, weight))  # query word = listed word minus one
        for size in range(2, MAX_JOIN + 1):
            for i in range(len(words) - size + 1):
                joined = "".join(words[i : i + size])
                lookups += [(key, 1.0) for key in word_keys(joined)]
        for key, weight in lookups:
            per_name: set[int] = set()
            for number in self._postings.get(key, ()):
                if number not in per_name:
                    per_name.add(number)
                    evidence[number] += weight
        ranked = sorted(evidence, key=lambda n: (-evidence[n] / self._name_weight[n] ** 0.5, n))
        return ranked[:limit]
