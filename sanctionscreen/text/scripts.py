"""Bring names written in other scripts to Latin letters.

Chinese characters and Hangul are first cut into known words (business words such
as 贸易 "trading" or 무역회사 "trading company", place names, legal forms) from the
tables in ``sanctionscreen/data``; the remaining runs become one word each,
transliterated by ``anyascii`` (pinyin for Chinese, a Revised-Romanisation-like
spelling for Hangul). Letters of other scripts that imitate Latin letters inside a
Latin word are folded back (look-alike letters); every other non-Latin word is
transliterated by ``anyascii``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from anyascii import anyascii

from sanctionscreen.text import tables

_NATIVE_LEGAL_AS_LATIN = {"limited": "limited", "joint_stock": "joint stock company",
                          "corporation": "company"}


@cache
def script_of(char: str) -> str:
    """A coarse script name for one character: latin, han, hangul, kana, cyrillic, greek, other."""
    if char.isascii():
        return "latin" if char.isalpha() else "common"
    name = unicodedata.name(char, "")
    for prefix, script in (("CJK", "han"), ("HANGUL", "hangul"), ("HIRAGANA", "kana"),
                           ("KATAKANA", "kana"), ("CYRILLIC", "cyrillic"), ("GREEK", "greek"),
                           ("LATIN", "latin")):
        if name.startswith(prefix):
            return script
    return "other" if char.isalpha() else "common"


@cache
def _native_words() -> dict[str, tuple[str, str]]:
    """Native word -> (Latin replacement, what it is), for Chinese/Japanese/Korean text."""
    words: dict[str, tuple[str, str]] = {}
    for variant, canonical in tables.synonyms().items():
        if not variant.isascii() and len(variant) > 1:
            words[variant] = (canonical, f"read as '{canonical}'")
    forms = tables.legal_forms()
    for form in forms.native.forms:
        group = forms.native_groups.get(form, "corporation")
        words[form] = (_NATIVE_LEGAL_AS_LATIN[group], "a legal form")
    return words


@cache
def _bracketed_form() -> re.Pattern[str]:
    signs = "".join(re.escape(sign) for sign in tables.legal_forms().bracketed)
    return re.compile(rf"\(\s*([{signs}])\s*\)")


def expand_bracketed_forms(text: str) -> tuple[str, list[str]]:
    """Legal forms abbreviated to one character in brackets, written out: ``(주)`` is
    ``주식회사``, ``(株)`` is ``株式会社`` (``legal_forms.yaml`` ``bracketed``); with a
    note for each.

    >>> expand_bracketed_forms("(주)한세실업")
    (' 주식회사 한세실업', ['(주) read as 주식회사'])
    """
    if "(" not in text:
        return text, []
    table = tables.legal_forms().bracketed
    notes: list[str] = []

    def written_out(match: re.Match[str]) -> str:
        form = table[match.group(1)]
        notes.append(f"{match.group()} read as {form}")
        return f" {form} "

    return _bracketed_form().sub(written_out, text), notes


@cache
def _longest_native() -> int:
    return max(len(word) for word in _native_words())


def segment_cjk(run: str) -> list[tuple[str, str]]:
    """Cut a run of Chinese characters / Hangul / kana into ``(latin, note)`` words.

    Known words are replaced by their table reading; the text between them is
    transliterated as one word.

    >>> [latin for latin, _ in segment_cjk("大连天宝国际物流有限公司")]
    ['dalian', 'tianbao', 'international', 'logistics', 'limited']
    """
    words = _native_words()
    out: list[tuple[str, str]] = []
    pending = ""
    i = 0
    while i < len(run):
        for size in range(min(_longest_native(), len(run) - i), 1, -1):
            piece = run[i : i + size]
            if piece in words:
                if pending:
                    out.append(_transliterated(pending))
                    pending = ""
                latin, what = words[piece]
                out.append((latin, f"{piece} {what}"))
                i += size
                break
        else:
            pending += run[i]
            i += 1
    if pending:
        out.append(_transliterated(pending))
    return out


def _transliterated(text: str) -> tuple[str, str]:
    latin = anyascii(text).lower()
    return latin, f"{text} transliterated as '{latin}'"


def fold_lookalikes(word: str) -> str:
    """Replace look-alike letters in a word that mixes Latin with Cyrillic or Greek."""
    if word.isascii():
        return word
    scripts = {script_of(c) for c in word if c.isalpha()}
    if "latin" not in scripts or not scripts & {"cyrillic", "greek"}:
        return word
    table = tables.confusables()
    return "".join(table.get(c, c) for c in word)


def transliterate(word: str) -> str:
    """Any remaining non-Latin letters to ASCII (``anyascii``), lower case."""
    return word if word.isascii() else anyascii(word).lower()
