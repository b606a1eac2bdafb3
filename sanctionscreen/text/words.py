"""Word-level normalisation steps: each takes a list of words and returns a new one.

Every step here is a pure function ``list[str] -> list[str]`` driven by a table in
``sanctionscreen/data``; :mod:`sanctionscreen.text.normalize` runs them in order and
records what each one changed.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from rapidfuzz.distance import OSA

from sanctionscreen.text import tables

_ROMAN = re.compile(r"^(?=[mdclxvi]{2,}$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_LONE_NUMERALS = frozenset({"i", "v", "x"})
_NUMBER_SIGNS = frozenset({"no", "nr", "num", "number"})
_ORDINAL_DIGITS = re.compile(r"^(\d+)(st|nd|rd|th)$")
_ROMAN_LETTERS = re.compile(r"[mdclxvi]+$")


@cache
def _number_words() -> frozenset[str]:
    """Words that ``numbers_as_digits`` may change besides digits and Roman numerals."""
    table = tables.numbers()
    return frozenset({*table.ordinals, *table.tens, *table.units, *_NUMBER_SIGNS})


def join_spaced_letters(words: list[str]) -> list[str]:
    """Join runs of three or more single letters: ``s i n s m s`` -> ``sinsms``.

    Two letters stay apart ("L & H", "J P Morgan"): the aligner still sees them
    written together when the other name does.
    """
    if 1 not in map(len, words):
        return list(words)
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if len(run) >= 3:
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
    if _number_words().isdisjoint(words) and not any(
            word[:1].isdigit() for word in words) and not (
            len(words) > 1 and _ROMAN_LETTERS.match(words[-1])):  # numerals: last word only
        return list(words)
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
        elif table.roman and i == len(words) - 1 and i > 0 and (
                (roman := _roman_value(word)) is not None or word in _LONE_NUMERALS):
            # "Fund VII", "Trust I": a numeral only as the last word, where series numbers
            # stand; elsewhere "xi", "li" or "dc" are more often syllables or initials
            out.append(str(roman if roman is not None else _ROMAN_VALUES[word]))
        else:
            out.append(word)
        i += 1
    return out


def expand_abbreviations(words: list[str]) -> list[str]:
    """Whole-word abbreviations to full words: ``intl`` -> ``international`` (``words``
    as split from a text: none holds a space)."""
    table = tables.abbreviations()
    if table.keys().isdisjoint(words):  # most names: nothing to expand
        return list(words)
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


@cache
def _synonym_starts() -> frozenset[str]:
    return frozenset(key[0] for key in _latin_synonyms()[0])


def apply_synonyms(words: list[str]) -> list[str]:
    """Words and phrases with one meaning to one word: ``chosun`` -> ``korea``."""
    phrases, longest = _latin_synonyms()
    if _synonym_starts().isdisjoint(words):
        return list(words)
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
    groups = tables.legal_forms().latin_groups()
    table = {tuple(form.split()): group for form, group in groups.items()}
    return table, max(len(key) for key in table)


@cache
def _end_only() -> frozenset[tuple[str, ...]]:
    """Forms taken only at the end of a name (``S.L.``, not ``SL Green``)."""
    return frozenset(tuple(form.split()) for form in tables.legal_forms().end_only)


@cache
def _phrase_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The words that begin a legal form, and those that end one: a text can hold a form
    (spelled as the table spells it) only where such a word stands."""
    table, _ = _legal_phrases()
    return frozenset(form[0] for form in table), frozenset(form[-1] for form in table)


@cache
def _long_single_forms() -> tuple[str, ...]:
    table, _ = _legal_phrases()
    forms = (form[0] for form in table if len(form) == 1 and len(form[0]) >= 4)
    return tuple(sorted(forms, key=lambda form: (len(form), form)))


@lru_cache(maxsize=100_000)
def legal_form_like(word: str) -> str | None:
    """The legal form a word stands for when cut short or misspelled, else ``None``.

    ``compan`` (a name cut at a field width) is ``company``; ``aktiengeselschaft`` (one
    letter missing) is ``aktiengesellschaft``. A cut form keeps at least five letters
    and most of the form (``kong`` is not ``kongsa``); only forms of eight letters or
    more are matched by spelling, and only at one edit, so short words are never
    mistaken.
    """
    if len(word) < 5:
        return None
    for form in _long_single_forms():
        if len(form) > len(word) >= 0.6 * len(form) and form.startswith(word):
            return form
        if len(form) >= 8 and abs(len(form) - len(word)) <= 1 and _one_edit(form, word):
            return form
    return None


def _one_edit(a: str, b: str) -> bool:
    return bool(OSA.distance(a, b, score_cutoff=1) <= 1)


_INTACT = 5  # one edit in a text of 11+ letters leaves its first or its last 5 letters intact


@cache
def _long_phrases() -> dict[tuple[int, int], tuple[tuple[tuple[int, str], ...], frozenset[str],
                                                   frozenset[str]]]:
    """Phrases of 12+ letters by ``(words in it, letters of a text one edit from it)``,
    each with its rank (longest in words first), and the phrases' first and last
    ``_INTACT`` letters: one edit changes the length by at most one, so a text is looked
    up by its own length, and it must begin or end as one of the phrases does."""
    table, _ = _legal_phrases()
    forms = sorted((f for f in table if len(f) > 1 and len(" ".join(f)) >= 12),
                   key=lambda f: (-len(f), f))
    buckets: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for rank, form in enumerate(forms):
        phrase = " ".join(form)
        for length in (len(phrase) - 1, len(phrase), len(phrase) + 1):
            buckets.setdefault((len(form), length), []).append((rank, phrase))
    return {key: (tuple(sorted(found)), frozenset(p[:_INTACT] for _, p in found),
                  frozenset(p[-_INTACT:] for _, p in found)) for key, found in buckets.items()}


@cache
def _phrase_sizes() -> tuple[int, ...]:
    return tuple(sorted({size for size, _ in _long_phrases()}))


def _misspelled_phrase(words: list[str], *, at_start: bool = False) -> tuple[str, int] | None:
    """A legal-form phrase of 12+ letters at the end (or start) of ``words``, one letter off."""
    sizes = _phrase_sizes()
    most = min(len(words) - 1, sizes[-1]) if sizes else 0  # a phrase leaves a word
    if most < 1:
        return None
    return _misspelled_at(tuple(words[:most] if at_start else words[-most:]), at_start)


@lru_cache(maxsize=20_000)
def _misspelled_at(part: tuple[str, ...], at_start: bool) -> tuple[str, int] | None:
    """``_misspelled_phrase`` from the words it looks at (names end alike: kept)."""
    buckets = _long_phrases()
    found: list[tuple[int, str, int]] = []
    for size in _phrase_sizes():
        if size > len(part):
            break
        tail = part[:size] if at_start else part[-size:]
        bucket = buckets.get((size, sum(map(len, tail)) + size - 1))
        if bucket is None:
            continue
        phrases, firsts, lasts = bucket
        text = " ".join(tail)
        if text[:_INTACT] not in firsts and text[-_INTACT:] not in lasts:
            continue
        for rank, phrase in phrases:
            if _one_edit(phrase, text):
                found.append((rank, phrase, size))
                break  # the best rank of this size: the phrases are in order of rank
    if not found:
        return None
    _, phrase, size = min(found)
    return phrase, size


def _is_short(form: tuple[str, ...]) -> bool:
    return len(form) == 1 and len(form[0]) <= 2


def _strip_one_end(rest: list[str], table: dict[tuple[str, ...], str],
                   longest: int) -> tuple[str, list[str]] | None:
    """One legal form off either end: ``(form, rest)``, ``("", corrected)`` or ``None``."""
    begin, end = _phrase_ends()
    at_end, at_start = rest[-1] in end, rest[0] in begin
    for size in range(min(longest, len(rest) - 1), 0, -1):
        if size == 1 and len(rest) > 2 and (fuzzy := _misspelled_phrase(rest)):
            return fuzzy[0], rest[: -fuzzy[1]]
        if size == 1 and len(rest) > 2 and (fuzzy := _misspelled_phrase(rest, at_start=True)):
            return fuzzy[0], rest[fuzzy[1] :]
        if at_end and tuple(rest[-size:]) in table:
            return " ".join(rest[-size:]), rest[:-size]
        if at_start and (form := tuple(rest[:size])) in table and form not in _end_only():
            return " ".join(form), rest[size:]
    if len(rest) > 1 and (like := legal_form_like(rest[-1])):
        return "", [*rest[:-1], like]  # completed or corrected; the next round sets it aside
    return None


def set_aside_legal_forms(words: list[str]) -> tuple[list[str], list[str]]:
    """Remove legal forms; return ``(remaining words, forms found)``.

    Forms of one or two letters (``co``, ``ag``, ``sa``) are taken only at the start
    or end of a name, where they are legal forms and not initials; longer forms
    anywhere; the ``end_only`` forms of ``legal_forms.yaml`` (``sl``, ``sc``, ``sac``)
    only at the end. A name made only of legal-form words is left as it is.
    """
    table, longest = _legal_phrases()
    if tuple(words) in table:
        return list(words), []
    found: list[str] = []
    rest = list(words)
    while rest:
        step = _strip_one_end(rest, table, longest)
        if step is None:
            break
        found_form, rest = step
        if found_form:
            found.append(found_form)
    out: list[str] = []
    begin, _ = _phrase_ends()
    i = 0
    while i < len(rest):
        if rest[i] not in begin:  # no form starts here
            out.append(rest[i])
            i += 1
            continue
        for size in range(min(longest, len(rest) - i), 0, -1):
            form = tuple(rest[i : i + size])
            if (form in table and not _is_short(form) and form not in _end_only()
                    and len(out) + (len(rest) - i - size) > 0):
                found.append(" ".join(form))
                i += size
                break
        else:
            out.append(rest[i])
            i += 1
    return out, found


def legal_form_group(form: str) -> str:
    """The group (``limited``, ``joint_stock``, ``corporation``) of a legal form found."""
    return _latin_groups().get(form, "corporation")


@cache
def _latin_groups() -> dict[str, str]:
    return tables.legal_forms().latin_groups()


