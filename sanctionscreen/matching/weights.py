"""How much each word counts when two names are compared.

A word's weight comes from its class in ``common_words.yaml`` (stopword 0, common
0.5, geographic 0.2, number 0.8, anything else distinctive 1.0); a word outside the
table that is common in everyday language (``EVERYDAY_ZIPF``) is a common word of
weight ``EVERYDAY_WEIGHT``. When the loaded
lists are large enough to say how frequent a word is, a frequent word weighs less:
``1 - 0.25 * log10(share / 0.001)``, floored at 0.25, for words in more than 0.1%
of listed names. Frequency never raises a weight above its class.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from sanctionscreen.matching.everyday import zipf
from sanctionscreen.text import tables

MIN_NAMES_FOR_FREQUENCY = 1000
# A word found this often in everyday text (Zipf frequency, ``everyday.py``: about once
# in 100,000 words) is a common word, however rare on the lists: "sunshine", "royal".
EVERYDAY_ZIPF = 4.0
EVERYDAY_WEIGHT = 0.6
_RARE_SHARE = 0.001
_FLOOR = 0.25


@dataclass(frozen=True)
class WordWeight:
    """A word's weight, its class and why."""

    weight: float
    kind: str  # "distinctive", "common", "geographic", "number", "stopword"
    why: str


@cache
def _classes() -> dict[str, str]:
    table = tables.common_words()
    classes = {word: "stopword" for word in table.stopwords}
    for kind, words in table.classes.items():
        for word in words:
            for part in word.split():
                classes.setdefault(part, kind)
    return classes


def word_class(word: str) -> str:
    """The class of a normalised word."""
    if word.isdigit():
        return "number"
    return _classes().get(word, "distinctive")


class WordWeights:
    """Weights of words, optionally lowered by their frequency in the loaded lists."""

    def __init__(self, frequencies: Mapping[str, int] | None = None, total: int = 0) -> None:
        self._frequencies = dict(frequencies or {})
        self._total = total
        self._cache: dict[str, WordWeight] = {}

    @classmethod
    def from_names(cls, names: Iterable[Sequence[str]]) -> WordWeights:
        """Count, for each word, how many of the given (normalised) names hold it."""
        counts: dict[str, int] = {}
        total = 0
        for words in names:
            total += 1
            for word in set(words):
                counts[word] = counts.get(word, 0) + 1
        return cls(counts, total)

    @property
    def uses_frequency(self) -> bool:
        """Whether the lists are large enough for word frequency to count."""
        return self._total >= MIN_NAMES_FOR_FREQUENCY

    def __call__(self, word: str) -> WordWeight:
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = self._weigh(word)
        return cached

    def _weigh(self, word: str) -> WordWeight:
        kind = word_class(word)
        weights = tables.common_words().weights
        if kind == "stopword":
            return WordWeight(0.0, kind, "a small word that carries no meaning here")
        if kind == "distinctive":
            weight, why = 1.0, "a distinctive word"
            frequency = zipf(word)
            if frequency >= EVERYDAY_ZIPF:
                kind, weight = "common", EVERYDAY_WEIGHT
                why = (f"an everyday word (Zipf frequency {frequency:.1f} in English, French, "
                       f"German or Spanish)")
        else:
            weight = weights[kind]
            why = {"common": "a common word in organisation names",
                   "geographic": "a place or direction word",
                   "number": "a number"}[kind]
        count = self._frequencies.get(word, 0)
        if self.uses_frequency and count:
            share = count / self._total
            if share > _RARE_SHARE:
                by_frequency = max(_FLOOR, 1 - 0.25 * math.log10(share / _RARE_SHARE))
                if by_frequency < weight:
                    weight = by_frequency
                    why += f", and frequent: in {count:,} of {self._total:,} listed names"
        return WordWeight(round(weight, 4), kind, why)
