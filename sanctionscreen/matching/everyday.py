"""How common a word is in everyday language, from the ``wordfreq`` package.

Word weights come mostly from the loaded lists (``weights.py``); a word that is rare
on sanctions lists but common in any text ("sunshine", "royal", "green") is still a
weak sign that two company names are one. This module gives each word its highest
Zipf frequency (log10 of its frequency per billion words) in the languages of
``LANGUAGES``; words rarer than ``KEPT_FROM`` count as 0, so only the common words are
held in memory (about 45,000). See ``docs/dependencies.md``.
"""

from __future__ import annotations

import math
from functools import cache

LANGUAGES = ("en", "fr", "de", "es")
KEPT_FROM = 3.5  # Zipf frequency from which a word is kept (about 1 in 300,000 words)


@cache
def _common() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    least = 10 ** (KEPT_FROM - 9)
    kept: dict[str, float] = {}
    for language in LANGUAGES:
        for word, frequency in get_frequency_dict(language, wordlist="best").items():
            if frequency >= least and frequency > kept.get(word, 0.0):
                kept[word] = frequency
    return {word: round(math.log10(f) + 9, 2) for word, f in kept.items()}


def zipf(word: str) -> float:
    """The word's highest Zipf frequency in ``LANGUAGES``, or 0 when below ``KEPT_FROM``."""
    return _common().get(word, 0.0)
