"""Word-level normalisation steps: each takes a list of words and returns a new one.

Every step here is a pure function ``list[str] -> list[str]`` driven by a table in
``sanctionscreen/data``; :mod:`sanctionscreen.text.normalize` runs them in order and
records what each one changed.
"""

from __future__ import annotations

import re
from functools import cache

from sanctionscreen.text import tables

_ROMAN = re.compile(r"^(?=[mdclxvi]{2,}$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_NUMBER_SIGNS = frozenset({"no", "nr", "num", "number"})
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$")


def join_spaced_letters(words: list[str]) -> list[str]:
    """Join runs of two or more single letters: ``s i n s m s`` -> ``sinsms``, ``a b c`` -> ``abc``."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if word:
            out.append(word)
    return out


def _roman_value(word: str) -> int | None:
    if not _ROMAN.match(word):
        return None
    total = 0
    for i, char in enumerate(word):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[word[i + 1]] if i + 1 < len(word) else 0
        total += -value if value < following else value
    return total


def numbers_as_digits(words: list[str]) -> list[str]:
    """Number words, ordinals and Roman numerals as digits: ``forty four`` -> ``44``."""
    table = tables.numbers()
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        ordinal = _ORDINAL_DIGITS.match(word)
        if word in _NUMBER_SIGNS and i + 1 < len(words) and words[i + 1][:1].isdigit():
            pass  # "No. 39" -> "39": the sign adds nothing
        elif ordinal:
            out.append(str(int(ordinal.group(1))))
        elif word in table.ordinals:
            out.append(str(table.ordinals[word]))
        elif word in table.tens or word in table.units:
            value = table.tens.get(word, table.units.get(word, 0))
            if word in table.tens and i + 1 < len(words):
                nxt = words[i + 1]
                unit = table.units.get(nxt) or table.ordinals.get(nxt)
                if unit is None and nxt.isdigit() and len(nxt) == 1:
                    unit = int(nxt)
                if unit is not None and 0 < unit < 10:
                    value += unit
                    i += 1
            out.append(str(value))
        elif table.roman and (value := _roman_value(word)) is not None:
            out.append(str(value))
        else:
            out.append(word)
        i += 1
    return out


def expand_abbreviations(words: list[str]) -> list[str]:
    """Whole-word abbreviations to full words: ``intl`` -> ``international``."""
    table = tables.abbreviations()
    out: list[str] = []
    for word in words:
        out.extend(table.get(word, word).split())
    return out


@cache
def _latin_synonyms() -> tuple[dict[tuple[str, ...], list[str]], int]:
    phrases: dict[tuple[str, ...], list[str]] = {}
    for variant, canonical in tables.synonyms().items():
        if variant.isascii():
            phrases[tuple(variant.split())] = canonical.split()
    return phrases, max(len(key) for key in phrases)


def apply_synonyms(words: list[str]) -> list[str]:
    """Words and phrases with one meaning to one word: ``chosun`` -> ``korea``."""
    phrases, longest = _latin_synonyms()
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            key = tuple(words[i : i + size])
            if key in phrases:
                out.extend(phrases[key])
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


@cache
def _legal_phrases() -> tuple[dict[tuple[str, ...], str], int]:
    table = {tuple(form.split()): group for form, group in tables.legal_forms().latin_groups().items()}
    return table, max(len(key) for key in table)


def _is_short(form: tuple[str, ...]) -> bool:
    return len(form) == 1 and len(form[0]) <= 2


def set_aside_legal_forms(words: list[str]) -> tuple[list[str], list[str]]:
    """Remove legal forms; return ``(remaining words, forms found)``.

    Forms of one or two letters (``co``, ``ag``, ``sa``) are taken only at the start
    or end of a name, where they are legal forms and not initials; longer forms
    anywhere. A name made only of legal-form words is left as it is.
    """
    table, longest = _legal_phrases()
    if tuple(words) in table:
        return list(words), []
    found: list[str] = []
    rest = list(words)
    changed = True
    while changed and rest:
        changed = False
        for size in range(min(longest, len(rest)), 0, -1):
            if tuple(rest[-size:]) in table and size < len(rest):
                found.append(" ".join(rest[-size:]))
                rest = rest[:-size]
                changed = True
                break
            if tuple(rest[:size]) in table and size < len(rest):
                found.append(" ".join(rest[:size]))
                rest = rest[size:]
                changed = True
                break
    out: list[str] = []
    i = 0
    while i < len(rest):
        for size in range(min(longest, len(rest) - i), 0, -1):
            form = tuple(rest[i : i + size])
            if form in table and not _is_short(form) and len(out) + (len(rest) - i - size) > 0:
                found.append(" ".join(form))
                i += size
                break
        else:
            out.append(rest[i])
            i += 1
    return out, found


def legal_form_group(form: str) -> str:
    """The group (``limited``, ``joint_stock``, ``corporation``) of a legal form found."""
    return tables.legal_forms().latin_groups().get(form, "corporation")


