"""The normalisation pipeline: a name in, the words to compare out, with every change recorded.

Steps, in order (each documented in ``docs/matching.md``):
unicode (NFKC) -> invisible characters -> case -> scripts (Chinese/Hangul words,
look-alike letters, transliteration, accents) -> punctuation -> spaced letters ->
abbreviations -> synonyms -> legal forms -> numbers. Small words (of, the, and)
stay in the list; they weigh nothing when names are compared.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache, partial

from sanctionscreen.errors import InputError
from sanctionscreen.results import NormalisedName
from sanctionscreen.text import scripts, words

MAX_LENGTH = 100_000
_CJK = frozenset({"han", "hangul", "kana"})
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_NON_WORD = re.compile(r"[^a-z0-9]+")
# A hyphen before one letter that ends a word: "sae-a", "angstrem-t", "isis-k" are
# one word each ("sae a" would be "sae" and the stopword "a"). Not e, i, o or u: the
# Persian, Urdu and Arabic connectors ("bank-e saman", "ansar-i hezbollah"), which
# stay small words of their own; nor a letter that begins a word or stands between
# hyphens, where connectors and articles are written too ("lashkar e-tayyiba",
# "safi a-din", "wa-l-qital").
_HYPHENATED_LETTER = re.compile(r"(?<=[a-z])[-\u2010]([a-df-hj-np-tv-z])(?![a-z0-9\-\u2010])")
_HYPHENATED = re.compile(r"[a-z0-9]+(?:[-\u2010][a-z0-9]+)+")
_DOTTED_INITIALS = re.compile(r"(?<![a-z0-9])((?:[a-z]\.){2,}[a-z]?)(?![a-z0-9])")
Steps = list[tuple[str, str, str, "str | Callable[[], str]"]]
"""Steps as the pipeline records them, before they become ``NormalisationStep``: the
step, the text before and after, and the detail or what makes it (made only when the
steps are shown)."""
TextSteps = tuple[tuple[str, str, str, str], ...]
"""``Steps`` with every detail made: plain data, to keep or to send to another process."""


def _remove_invisible(text: str) -> tuple[str, list[str]]:
    """Drop format/control/unassigned characters; whitespace-like controls become spaces."""
    kept: list[str] = []
    removed: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if char in "\t\n\r\v\f" or category in ("Zs", "Zl", "Zp"):
            kept.append(" ")
        elif category in ("Cf", "Cc", "Co", "Cn", "Cs"):
            removed.append(unicodedata.name(char, f"U+{ord(char):04X}"))
        else:
            kept.append(char)
    return "".join(kept), removed


def _scripts(text: str) -> tuple[str, list[str]]:
    """Chinese/Hangul runs to known words + transliteration; look-alikes folded; rest to ASCII."""
    text, notes = scripts.expand_bracketed_forms(text)
    pieces: list[str] = []
    run = ""
    run_is_cjk = False
    for char in [*text, "\0"]:
        is_cjk = scripts.script_of(char) in _CJK
        if char != "\0" and (not run or is_cjk == run_is_cjk):
            run += char
            run_is_cjk = is_cjk
            continue
        if run_is_cjk:
            segmented = scripts.segment_cjk(run)
            notes.extend(note for _, note in segmented)
            pieces.append(" " + " ".join(latin for latin, _ in segmented) + " ")
        else:
            pieces.append(_latin_words(run, notes))
        run, run_is_cjk = char, is_cjk
    return "".join(pieces), notes


def _latin_words(text: str, notes: list[str]) -> str:
    """Each word of ``text`` (letters, with the combining marks that follow them) to Latin.

    The marks belong to their word: Turkish ``İ`` case-folds to ``i`` and a combining
    dot (U+0307), Devanagari and Arabic write vowels as marks; cut there, ``İnşaat``
    would become ``i nsaat`` and ``टाटा`` four letters.
    """
    out: list[str] = []
    start = -1
    for i, char in enumerate(text):
        if char.isalpha() or (start >= 0 and unicodedata.category(char)[0] == "M"):
            if start < 0:
                start = i
            continue
        if start >= 0:
            out.append(_latin_word(text[start:i], notes))
            start = -1
        out.append(char)
    if start >= 0:
        out.append(_latin_word(text[start:], notes))
    return "".join(out)


def _latin_word(word: str, notes: list[str]) -> str:
    folded = scripts.fold_lookalikes(word)
    if folded != word:
        notes.append(f"look-alike letters in '{word}' read as Latin: '{folded}'")
    latin = scripts.transliterate(folded)
    if latin != folded:
        kinds = {scripts.script_of(c) for c in folded if not c.isascii() and c.isalpha()}
        what = "accents removed" if kinds <= {"latin"} else "transliterated from " + ", ".join(
            sorted(k.capitalize() for k in kinds - {"latin"}))
        notes.append(f"'{folded}' {what}: '{latin}'")
    return latin


def _punctuation(text: str) -> str:
    if "." in text:  # the patterns below need a dot, an apostrophe: most names have neither
        text = _DOTTED_INITIALS.sub(lambda m: " " + m.group(1).replace(".", "") + " ", text)
    if "'" in text or "’" in text:
        text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHES.sub("", text)
    if "-" in text or "\u2010" in text:  # after the apostrophes: "ch'o'l-chae" is "chol chae"
        text = _HYPHENATED_LETTER.sub(r"\1", text)
    text = text.replace("&", " and ").replace("+", " and ")
    return " ".join(_NON_WORD.sub(" ", text).split())


def _punctuation_detail(text: str) -> str:
    parts = ["punctuation removed"]
    initials = [m.group(1) for m in _DOTTED_INITIALS.finditer(text)]
    if initials:
        parts.append("initials joined: " + ", ".join(f"'{i}'" for i in initials))
    joined = [word for word in _HYPHENATED.findall(_APOSTROPHES.sub("", text))
              if _HYPHENATED_LETTER.search(word)]
    if joined:
        parts.append("one-letter parts joined to their word: " + ", ".join(
            f"'{word}'" for word in joined))
    if "&" in text or "+" in text:
        parts.append("'&' read as 'and'")
    if _POSSESSIVE.search(text):
        parts.append("possessive 's dropped")
    return "; ".join(parts)


_WORD_STEPS: tuple[tuple[str, Callable[[list[str]], list[str]], str], ...] = (
    ("spaced_letters", words.join_spaced_letters, "single letters joined into one word"),
    ("abbreviations", words.expand_abbreviations, "abbreviations expanded"),
    ("synonyms", words.apply_synonyms, "words with the same meaning read as one"),
)


@lru_cache(maxsize=200_000)
def normalise(name: object) -> NormalisedName:
    """Normalise a name for comparison, recording each step that changed it.

    >>> normalise("Dalian Sun Moon Star Int'l Logistics Trdg Co., Ltd.").normalised
    'dalian sun moon star international logistics trading'
    """
    if not isinstance(name, str):  # checked here too: compiled, a str parameter would raise
        raise InputError(f"a name must be text, not {type(name).__name__}")  # a TypeError
    return named(name, *normalised_steps(name))


def normalised_steps(name: str) -> tuple[tuple[str, ...], tuple[str, ...], Steps]:
    """``(words, legal forms, steps)``: what :func:`normalise` finds, with its steps not
    yet made into models (``named`` makes them, for names that turn out to be hits)."""
    steps: Steps = []
    tokens, forms = _pipeline(name, steps)
    return tuple(tokens), tuple(forms), steps


_PLAIN_STEPS = frozenset({"case", "punctuation", "legal_forms"})


def normalised_words_plain(name: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """``normalised_words``, and whether the name is plain: ASCII, and normalisation
    changed only its case, its punctuation and its legal forms, so that ``plain_steps``
    makes its steps again without running the pipeline."""
    words, forms, steps = normalised_steps(name)
    return words, forms, name.isascii() and name.isprintable() and all(
        step in _PLAIN_STEPS for step, _, _, _ in steps)


def plain_steps(name: str, words: tuple[str, ...], forms: tuple[str, ...]) -> Steps:
    """The steps of a plain name (``normalised_words_plain``) whose words and legal forms
    are ``words`` and ``forms``: what ``normalised_steps`` records for it. The punctuation
    step leaves words joined by single spaces, and no word step changed them, so the
    text is remade only when legal forms were set aside from it."""
    steps: Steps = []
    lowered = name.casefold()
    if lowered != name:
        steps.append(("case", name, lowered, "lower case"))
    kept = " ".join(words)
    plain = _punctuation(lowered) if forms else kept
    if plain != lowered:
        steps.append(("punctuation", lowered, plain, partial(_punctuation_detail, lowered)))
    if kept != plain:
        steps.append(("legal_forms", plain, kept, partial(_forms_detail, list(forms))))
    return steps


def text_steps(steps: Sequence[tuple[str, str, str, str | Callable[[], str]]]) -> TextSteps:
    """``steps`` with every detail made."""
    return tuple((step, before, after, detail if isinstance(detail, str) else detail())
                 for step, before, after, detail in steps)


def named(name: str, words: tuple[str, ...], forms: tuple[str, ...],
          steps: Sequence[tuple[str, str, str, str | Callable[[], str]]]) -> NormalisedName:
    """The ``NormalisedName`` of what ``normalised_steps`` found for ``name``."""
    return NormalisedName.model_validate({  # one validation makes the steps too
        "original": name, "normalised": " ".join(words), "words": words, "legal_forms": forms,
        "steps": [{"step": step, "before": before, "after": after,
                   "detail": detail if isinstance(detail, str) else detail()}
                  for step, before, after, detail in steps]})


def normalised_words(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(words, legal forms)`` of a name, as :func:`normalise` finds them, without the steps.

    The same pipeline as ``normalise`` with nothing recorded: for listed names at
    index build and for queries before they are known to be hits.

    >>> normalised_words("Korea Sinhung Trading Corp.")
    (('korea', 'sinhung', 'trading'), ('corp',))
    """
    tokens, forms = _pipeline(name, None)
    return tuple(tokens), tuple(forms)


def _pipeline(name: str, steps: Steps | None) -> tuple[list[str], list[str]]:
    """The normalisation steps; each change is appended to ``steps`` unless it is ``None``."""
    if not isinstance(name, str):
        raise InputError(f"a name must be text, not {type(name).__name__}")
    if len(name) > MAX_LENGTH:
        raise InputError(f"the name is {len(name):,} characters long; normalise() takes at most "
                         f"{MAX_LENGTH:,}", hint="a name this long is not a name; check the input")

    def record(step: str, before: str, after: str, detail: str | Callable[[], str]) -> None:
        if steps is not None and before != after:
            steps.append((step, before, after, detail))

    if name.isascii() and name.isprintable():
        # NFKC leaves printable ASCII alone and it holds no invisible characters.
        text = name
    else:
        text = unicodedata.normalize("NFKC", name)
        record("unicode", name, text, "compatibility characters folded (fullwidth, styled, "
               "circled or ligature letters) by Unicode NFKC")
        cleaned, removed = _remove_invisible(text)
        if removed:
            names = ", ".join(sorted(set(removed)))
            record("invisible", text, cleaned, f"removed {len(removed)} invisible or control "
                   f"character(s): {names}")
        text = cleaned
    lowered = text.casefold()
    record("case", text, lowered, "lower case")
    if lowered.isascii():
        converted = lowered  # only Latin letters: nothing to fold or transliterate
    else:
        converted, notes = _scripts(lowered)
        record("scripts", lowered, converted, "; ".join(notes) or "non-Latin letters to Latin")
    plain = _punctuation(converted)
    if steps is not None:
        record("punctuation", converted, plain, partial(_punctuation_detail, converted))
    tokens = plain.split()
    for step, function, detail in _WORD_STEPS:
        after = function(tokens)
        if steps is not None and after != tokens:
            record(step, " ".join(tokens), " ".join(after),
                   partial(_detail, detail, tokens, after))
        tokens = after
    kept, forms = words.set_aside_legal_forms(tokens)
    if forms and steps is not None:
        record("legal_forms", " ".join(tokens), " ".join(kept), partial(_forms_detail, forms))
    tokens = words.numbers_as_digits(kept)
    if steps is not None and tokens != kept:
        record("numbers", " ".join(kept), " ".join(tokens),
               partial(_detail, "number words and numerals written as digits", kept, tokens))
    return tokens, forms


def _forms_detail(forms: list[str]) -> str:
    quoted = ", ".join(f"'{form}'" for form in forms)
    return f"legal form {quoted} set aside"


def _detail(what: str, before: list[str], after: list[str]) -> str:
    gone = [w for w in before if w not in after]
    new = [w for w in after if w not in before]
    if gone and new:
        return f"{what}: {' '.join(gone)} -> {' '.join(new)}"
    return what
