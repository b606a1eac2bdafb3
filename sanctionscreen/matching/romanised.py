"""Whether a word reads as romanised Korean or Chinese, so that romanisation keys apply.

A word qualifies when it can be cut wholly into syllables of one system
(``syllables.yaml``) and is not a common word of English, French, German or Spanish
(Zipf frequency ``COMMON_ZIPF`` or more, ``everyday.py``): "sinhung",
"shinheung", "kaesong" and "tianbao" qualify; "royal", "grand" and "mitchell" do not.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sanctionscreen.matching.everyday import zipf
from sanctionscreen.text import tables

COMMON_ZIPF = 3.5  # about once in 300,000 words of running text, or more often


def _alternatives(pieces: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(pieces, key=len, reverse=True))


@cache
def _syllable_patterns() -> tuple[re.Pattern[str], ...]:
    table = tables.syllables()
    patterns = []
    for system in (table.korean, table.chinese):
        syllable = (f"(?:{_alternatives(system.initials)})?(?:{_alternatives(system.vowels)})"
                    f"(?:{_alternatives(system.finals)})?")
        patterns.append(re.compile(f"(?:{syllable})+"))
    return tuple(patterns)


@lru_cache(maxsize=100_000)
def reads_as_romanised(word: str) -> bool:
    """Whether ``word`` (normalised, lower case) can be romanised Korean or Chinese."""
    if not word.isascii() or not word.isalpha():
        return False
    if not any(p.fullmatch(word) for p in _syllable_patterns()):
        return False
    return zipf(word) < COMMON_ZIPF
