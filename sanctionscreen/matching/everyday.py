"""How common a word is in everyday language, from the ``wordfreq`` package.

Word weights come mostly from the loaded lists (``weights.py``); a word that is rare
on sanctions lists but common in any text ("sunshine", "royal", "green") is still a
weak sign that two company names are one. This module gives each word its highest
Zipf frequency (log10 of its frequency per billion words) in the languages of
``LANGUAGES``; words rarer than ``KEPT_FROM`` count as 0, so only the common words are
held in memory (about 45,000). See ``docs/dependencies.md``.
"""

from __future__ import annotations

from functools import cache

LANGUAGES = ("en", "fr", "de", "es")
KEPT_FROM = 3.5  # Zipf frequency from which a word is kept (about 1 in 300,000 words)


@cache
def _common() -> dict[str, float]:
    from wordfreq import get_frequency_list

    # Buckets of words, most frequent first, one centibel (log10 / 100) apart: bucket n
    # holds the words of Zipf frequency 9 - n / 100.
    last = round((9 - KEPT_FROM) * 100)
    kept: dict[str, float] = {}
    try:
        for language in LANGUAGES:
            for at, bucket in enumerate(get_frequency_list(language, wordlist="best")):
                if at > last:
                    break
                zipf = round(9 - at / 100, 2)
                for word in bucket:
                    if zipf > kept.get(word, 0.0):
                        kept[word] = zipf
    finally:
        get_frequency_list.cache_clear()  # the full lists are not needed again
    return kept


def zipf(word: str) -> float:
    """The word's highest Zipf frequency in ``LANGUAGES``, or 0 when below ``KEPT_FROM``."""
    return _common().get(word, 0.0)
