"""The YAML tables load, validate and hold what the code relies on."""

from __future__ import annotations

from sanctionscreen.text import tables


def test_every_table_loads() -> None:
    assert tables.legal_forms().latin_groups()["co ltd"] == "limited"
    assert tables.abbreviations()["intl"] == "international"
    assert tables.synonyms()["chosun"] == "korea"
    assert tables.synonyms()["무역"] == "trading"
    assert set(tables.common_words().weights) == {"common", "geographic", "number"}
    assert tables.numbers().tens["forty"] == 40
    assert tables.romanisation().min_length >= 4
    assert tables.confusables()["а"] == "a"


def test_native_legal_forms_have_known_groups() -> None:
    forms = tables.legal_forms()
    assert set(forms.native_groups.values()) <= {"limited", "joint_stock", "corporation"}
    assert set(forms.native_groups) <= set(forms.native.forms)


def test_no_word_is_both_common_and_geographic() -> None:
    classes = tables.common_words().classes
    assert not set(classes["common"]) & set(classes["geographic"])
