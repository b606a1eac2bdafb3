"""Scripts: Chinese and Hangul word segmentation, look-alike letters, transliteration."""

from __future__ import annotations

from sanctionscreen.text.scripts import fold_lookalikes, script_of, segment_cjk, transliterate


def test_chinese_business_words_are_read_in_english() -> None:
    words = [latin for latin, _ in segment_cjk("大连日月星国际物流贸易有限公司")]
    assert words == ["dalian", "riyuexing", "international", "logistics", "trading", "limited"]


def test_hangul_company_name() -> None:
    words = [latin for latin, _ in segment_cjk("조선신흥무역회사")]
    assert words == ["korea", "sinheung", "trading", "company"]


def test_lookalikes_fold_only_in_mixed_words() -> None:
    assert fold_lookalikes("dаlian") == "dalian"  # Cyrillic а
    assert fold_lookalikes("ρrofinet") == "profinet"  # Greek rho
    assert fold_lookalikes("профинет") == "профинет"  # a Russian word stays Russian


def test_transliteration_and_scripts() -> None:
    assert transliterate("профинет") == "profinet"
    assert script_of("신") == "hangul"
    assert script_of("大") == "han"
    assert script_of("а") == "cyrillic"
    assert script_of("-") == "common"
