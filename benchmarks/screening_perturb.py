"""Change a listed organisation name one way, as supplier files write listed names.

``perturb(name, kind, rng)`` returns the changed name, or ``None`` when ``kind`` does
not fit the name (no word of five letters for a typo, no legal form to drop, ...).
A name is read as an optional legal form before it (``OOO``), its words, an optional
legal form after them (``Co., Ltd.``) and an optional part in brackets at the end;
typos, word order, joined words and abbreviations of core words never touch the legal
forms. The legal forms and abbreviations are the tables in ``screening_names.py``, not
the library's, so the sets do not change when the matcher's tables do.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from dataclasses import dataclass, replace

from screening_names import (
    ABBREVIATIONS,
    LEGAL_FORMS,
    PREFIX_FORMS,
    REPLACEMENT_FORMS,
    STOPWORDS,
)

PERTURBATIONS = ("typo", "legal_form_changed", "legal_form_dropped", "word_order",
                 "abbreviation", "joined_words", "original_script")
TYPO_FROM = 5  # letters a word needs before a typo goes in it

_BRACKET = re.compile(r"\s*\([^()]*\)$")


def _form_pattern(form: str) -> str:
    """A legal form as a pattern: a final dot optional, any space after a comma."""
    return r",\s*".join(re.escape(p.strip()) for p in form.rstrip(".").split(",")) + r"\.?"


_SUFFIX = re.compile(r"(?i)(,?\s+)(" + "|".join(dict.fromkeys(
    _form_pattern(f) for f in sorted(LEGAL_FORMS, key=len, reverse=True))) + r")$")
_PREFIX = re.compile(r"^((?i:" + "|".join(re.escape(f) for f in PREFIX_FORMS if " " in f)
                     + ")|" + "|".join(f for f in PREFIX_FORMS if " " not in f) + r")\s+")
_LETTERS = re.compile(r"[^\W\d_]+")
_LEGAL_WORDS = frozenset(w.lower() for f in LEGAL_FORMS for w in _LETTERS.findall(f))


def is_latin(name: str) -> bool:
    """Whether every letter of the name is a Latin letter."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


@dataclass(frozen=True)
class Parts:
    """A name read as legal form before, words, legal form after, bracketed part."""

    head: str  # e.g. "OOO", or ""
    words: tuple[str, ...]
    separator: str  # what stands between the words and ``form``: ", " or " "
    form: str  # e.g. "Co., Ltd.", or ""
    bracket: str  # e.g. " (KOMID)", or ""

    def text(self) -> str:
        head = f"{self.head} " if self.head else ""
        tail = f"{self.separator}{self.form}" if self.form else ""
        return f"{head}{' '.join(self.words)}{tail}{self.bracket}"


def split_name(name: str) -> Parts:
    """The parts of a name (spaces collapsed)."""
    text = " ".join(name.split())
    bracket = ""
    found = _BRACKET.search(text)
    if found and found.start() > 0:
        text, bracket = text[:found.start()], text[found.start():]
    separator = form = head = ""
    found = _SUFFIX.search(text)
    if found and found.start() > 0:
        text, separator, form = text[:found.start()], found[1], found[2]
    found = _PREFIX.match(text)
    if found and found.end() < len(text):
        text, head = text[found.end():], found[1]
    return Parts(head, tuple(text.split(" ")), separator, form, bracket)


def _weighted(word: str) -> bool:
    """A word that counts: letters only, neither a stopword nor a legal form."""
    return word.isalpha() and word.lower() not in STOPWORDS | _LEGAL_WORDS


def _cased(text: str, like: str) -> str:
    return text.upper() if like.isupper() else text


def typo(word: str, rng: random.Random) -> str:
    """One letter substituted, deleted or inserted, or two neighbours swapped."""
    way = rng.choice(("substitute", "delete", "insert", "swap"))
    at = rng.randrange(len(word))
    if way == "swap" and at < len(word) - 1 and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2:]
    if way == "delete":
        return word[:at] + word[at + 1:]
    letter = rng.choice([c for c in string.ascii_lowercase if c != word[at].lower()])
    letter = letter.upper() if word[at].isupper() else letter
    if way == "insert":
        return word[:at] + letter + word[at:]
    return word[:at] + letter + word[at + 1:]


def _with_word(parts: Parts, at: int, word: str) -> Parts:
    return replace(parts, words=(*parts.words[:at], word, *parts.words[at + 1:]))


def _typo(parts: Parts, rng: random.Random) -> Parts | None:
    places = [n for n, w in enumerate(parts.words)
              if w.isalpha() and len(w) >= TYPO_FROM and w.lower() not in _LEGAL_WORDS]
    if not places:
        return None
    at = rng.choice(places)
    return _with_word(parts, at, typo(parts.words[at], rng))


def _form_key(form: str) -> str:
    return "".join(_LETTERS.findall(form)).lower()


def _form_changed(parts: Parts, rng: random.Random) -> Parts | None:
    own = parts.form or parts.head
    if not own:
        return None
    upper = not any(c.islower() for w in parts.words for c in w)
    form = rng.choice([f for f in REPLACEMENT_FORMS if _form_key(f) != _form_key(own)])
    form = form.upper() if upper else form
    if parts.form:
        return replace(parts, form=form)
    return replace(parts, head="", separator=" ", form=form)


def _form_dropped(parts: Parts, _: random.Random) -> Parts | None:
    if not (parts.form or parts.head):
        return None
    return replace(parts, head="", separator="", form="")


def _word_order(parts: Parts, rng: random.Random) -> Parts | None:
    places = [n for n, w in enumerate(parts.words) if _weighted(w)]
    pairs = [(a, b) for a in places for b in places
             if a < b and parts.words[a].casefold() != parts.words[b].casefold()]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    words = list(parts.words)
    words[a], words[b] = words[b], words[a]
    return replace(parts, words=tuple(words))


def _abbreviation(parts: Parts, rng: random.Random) -> Parts | None:
    places = [n for n, w in enumerate(parts.words) if w.lower() in ABBREVIATIONS]
    if places:
        at = rng.choice(places)
        word = parts.words[at]
        return _with_word(parts, at, _cased(ABBREVIATIONS[word.lower()], word))
    tail = parts.form.split(" ")
    places = [n for n, w in enumerate(tail) if w.lower() in ABBREVIATIONS]
    if not places:
        return None
    at = rng.choice(places)
    tail[at] = _cased(ABBREVIATIONS[tail[at].lower()], tail[at])
    return replace(parts, form=" ".join(tail))


def _joined(parts: Parts, rng: random.Random) -> Parts | None:
    words = parts.words
    places = [n for n in range(len(words) - 1)
              if _weighted(words[n]) and _weighted(words[n + 1])]
    if not places:
        return None
    at = rng.choice(places)
    return replace(parts, words=(*words[:at], words[at] + words[at + 1], *words[at + 2:]))


_WAYS = {"typo": _typo, "legal_form_changed": _form_changed,
         "legal_form_dropped": _form_dropped, "word_order": _word_order,
         "abbreviation": _abbreviation, "joined_words": _joined}


def perturb(name: str, kind: str, rng: random.Random) -> str | None:
    """``name`` changed ``kind``'s way (one of ``PERTURBATIONS`` but ``original_script``,
    which takes a name the list gives), or ``None`` when that way does not fit it.

    >>> perturb("KOREA SINHUNG TRADING CORPORATION", "legal_form_dropped", random.Random(1))
    'KOREA SINHUNG TRADING'
    """
    parts = split_name(name)
    if not any(parts.words):
        return None
    changed = _WAYS[kind](parts, rng)
    if changed is None:
        return None
    text = changed.text()
    return text if text != " ".join(name.split()) and any(changed.words) else None
