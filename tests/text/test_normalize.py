"""The normalisation pipeline on real-looking names, and its recorded steps."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctionscreen.text.normalize import (
    named,
    normalise,
    normalised_words,
    normalised_words_plain,
    plain_steps,
)


@pytest.mark.parametrize(("name", "words", "forms"), [
    ("Dalian Sun Moon Star Int'l Logistics Trdg Co., Ltd.",
     ["dalian", "sun", "moon", "star", "international", "logistics", "trading"], ["co ltd"]),
    ("Korea Sinhung Trading Corporation", ["korea", "sinhung", "trading"], ["corporation"]),
    ("조선신흥무역회사", ["korea", "sinheung", "trading"], ["company"]),
    ("大连天宝国际物流有限公司", ["dalian", "tianbao", "international", "logistics"], ["limited"]),
    ("ООО «Профинет»", ["profinet"], ["ooo"]),
    ("Société Générale S.A.", ["societe", "generale"], ["sa"]),
    ("A.B.C. Company", ["abc"], ["company"]),
    ("FABERLIC EUROPE Sp. z o.o.", ["faberlic", "europe"], ["sp z oo"]),
    ("TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN", ["tactical", "missiles"],
     ["joint stock company", "corporation"]),
    ("Brigade Forty-Four", ["brigade", "44"], []),
    ("Blackstone Real Estate Partners V L.P.", ["blackstone", "real", "estate", "partners", "5"],
     ["lp"]),
    ("Office No. 39", ["office", "39"], []),
    ("U.S. Department of State", ["usa", "department", "of", "state"], []),
    ("Joint Stock Company", ["joint", "stock", "company"], []),
])
def test_names_normalise_to_the_words_compared(name: str, words: list[str],
                                               forms: list[str]) -> None:
    result = normalise(name)
    assert result.words == words
    assert result.legal_forms == forms
    assert result.original == name


def test_steps_say_what_changed() -> None:
    steps = {s.step: s.detail for s in normalise("Dаlian Sun\u200bMoon Ｓｔａｒ Intl Co Ltd").steps}
    assert "fullwidth" in steps["unicode"]
    assert "ZERO WIDTH SPACE" in steps["invisible"]
    assert "look-alike letters in 'dаlian' read as Latin: 'dalian'" in steps["scripts"]
    assert steps["abbreviations"].endswith("intl -> international")
    assert steps["legal_forms"] == "legal form 'co ltd' set aside"


def test_transliteration_is_named() -> None:
    detail = {s.step: s.detail for s in normalise("조선신흥무역회사").steps}["scripts"]
    assert "조선 read as 'korea'" in detail
    assert "신흥 transliterated as 'sinheung'" in detail
    assert "회사 a legal form" in detail


def test_control_and_invisible_characters_are_removed() -> None:
    result = normalise("Profi\x00net\u2060 Pte\tLtd\u00ad")
    assert result.words == ["profinet"]


def test_only_punctuation_leaves_nothing() -> None:
    assert normalise("!!! ---").words == []


NAMES = st.text(alphabet=st.sampled_from([*"abcdefghijklmnopqrstuvwxyzABC .,&-'()123",
                                          "\u200b", "é", "а", "신", "흥", "大", "连", "Ｓ"]),
                max_size=40)


@settings(max_examples=300, deadline=None)
@given(NAMES)
def test_normalising_twice_changes_nothing(name: str) -> None:
    once = normalise(name)
    assert normalise(once.normalised).words == once.words


@pytest.mark.parametrize(("name", "plain"), [
    ("IBRAHIM, Mohammed Ali", True),  # case and punctuation
    ("korea sinhung trading", True),  # nothing changed
    ("KOREA  SINHUNG", True),  # spaces
    ("Acme Trading Ltd", True),  # a legal form set aside
    ("ACME TRADING CO., LTD.", True),  # case, punctuation and legal forms
    ("Limited Trading Acme", True),  # a legal form at the start
    ("Acme Trading Compan", True),  # a legal form cut short, completed and set aside
    ("Intl Logistics", False),  # an abbreviation
    ("Brigade Forty Four", False),  # number words
    ("Société Générale", False),  # not ASCII
    ("Korea\tSinhung", False),  # not printable
])
def test_plain_names_are_told_and_their_steps_made_from_their_words(name: str,
                                                                   plain: bool) -> None:
    words, forms, found = normalised_words_plain(name)
    assert found is plain
    if plain:
        assert named(name, words, forms, plain_steps(name, words, forms)) == normalise(name)


@settings(max_examples=300, deadline=None)
@given(NAMES)
def test_a_plain_names_steps_are_the_pipelines(name: str) -> None:
    words, forms, plain = normalised_words_plain(name)
    assert (words, forms) == normalised_words(name)
    if plain:
        assert named(name, words, forms, plain_steps(name, words, forms)) == normalise(name)


def test_the_steps_of_every_plain_name_of_an_official_list_are_the_pipelines(
        shared_dir: Callable[[str], Path]) -> None:
    from sanctionscreen.importers import load_list

    ofac = load_list(shared_dir("eval/lists/ofac-sdn-2024-05"))
    names = {name for entity in ofac.entities for name, _ in entity.names()}
    plain = 0
    for name in sorted(names):
        words, forms, found = normalised_words_plain(name)
        if found:
            plain += 1
            made = named(name, words, forms, plain_steps(name, words, forms))
            assert made == normalise(name), name
    assert plain > len(names) * 9 // 10  # most listed names are plain: the shortcut matters


@pytest.mark.parametrize(("name", "words"), [
    # Turkish İ folds to i and a combining dot (U+0307): the dot must not cut the word
    ("ANKARA İNŞAAT SANAYİ VE TİCARET A.Ş.", ["ankara", "insaat", "sanayi", "ve", "ticaret"]),
    ("İstanbul İnşaat", ["istanbul", "insaat"]),
    ("KOÇ HOLDİNG A.Ş.", ["koc", "holding"]),
    ("Işık Tekstil", ["isik", "tekstil"]),  # dotless ı
    # vowel signs and other combining marks of other scripts belong to their word
    ("टाटा स्टील", ["tata", "stil"]),  # Tata Steel
    ("مُحَمَّد", ["muhamad"]),
])
def test_combining_marks_stay_inside_their_word(name: str, words: list[str]) -> None:
    assert normalise(name).words == words


@pytest.mark.parametrize(("name", "words"), [
    # a one-letter end of a hyphenated name belongs to it: "Sae-A" is not "Sae" and the
    # article "a" (a stopword, weight 0)
    ("Sae-A Trading Co., Ltd.", ["saea", "trading"]),
    ("JSC Angstrem-T", ["angstremt"]),
    ("OOO 'SMT-K'", ["smtk"]),
    ("A-1 Auto Parts", ["a", "1", "auto", "parts"]),  # a letter and a number stay apart
    ("Kim Il-Sung", ["kim", "il", "sung"]),  # longer parts stay apart
])
def test_one_letter_parts_of_hyphenated_names_are_joined(name: str, words: list[str]) -> None:
    assert normalise(name).words == words


@pytest.mark.parametrize(("name", "words"), [
    ("BANK-E SAMAN", ["bank", "e", "saman"]),  # the Persian ezafe stays a small word
    ("BANK-E-MELLI IRAN", ["bank", "e", "melli", "iran"]),
    ("ANSAR-I HEZBOLLAH", ["ansar", "i", "hezbollah"]),
    ("ABDUL HAMEED SHAHAB-U-DIN", ["abdul", "hameed", "shahab", "u", "din"]),
    ("CH'OE, So'k-min", ["choe", "sok", "min"]),  # apostrophes go first
    ("LASHKAR E-TAYYIBA", ["lashkar", "e", "tayyiba"]),
    ("SAFI A-DIN, Hashem", ["safi", "a", "din", "hashem"]),
    ("JAMA'AT AD-DA'WA AS-SALAFIYA WA-L-QITAL", ["jamaat", "ad", "dawa", "as", "salafiya",
                                                 "wa", "l", "qital"]),
])
def test_connectors_and_apostrophes_are_not_one_letter_parts(name: str,
                                                             words: list[str]) -> None:
    assert normalise(name).words == words
