"""The precision rules (``matching/rules.py``): each on real-looking names, through the
screener (where a listed name's kind and entity type are known) and ``compare``."""

from __future__ import annotations

import pytest

from sanctionscreen import Screener, compare
from sanctionscreen.errors import ConfigurationError
from sanctionscreen.matching.romanised import reads_as_romanised
from sanctionscreen.watchlist.model import Alias, Entity, Risk, Watchlist

RISK = Risk(basis="reported", categories=["sanctions_evasion"])


def _entity(entity_id: str, kind: str, name: str, *aliases: tuple[str, str]) -> Entity:
    return Entity(id=entity_id, type=kind, name=name, risk=RISK,  # type: ignore[arg-type]
                  aliases=[Alias(name=a, kind=k) for a, k in aliases])  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(Watchlist(id="rules", title="Rules test list", entities=[
        _entity("sirjan", "company", "SIRJAN IRANIAN STEEL", ("SISCO", "acronym")),
        _entity("komid", "company", "KOREA MINING DEVELOPMENT TRADING CORPORATION",
                ("KOMID", "acronym")),
        _entity("el-ninon", "person", "GARCIA LOPEZ, Ramon", ("EL NINON", "weak"),
                ("SANTOS", "weak")),
        _entity("bering", "vessel", "BERING"),
        _entity("sunshine", "vessel", "SUNSHINE"),
        _entity("otto", "company", "OTTO"),
        _entity("profinet", "company", "PROFINET PTE. LTD.", ("PROFINET AGENCY", "aka")),
        _entity("a-a-trading", "company", "A A TRADING FZCO"),
        _entity("office-39", "government_body", "OFFICE 39", ("BUREAU 39", "aka"),
                ("THIRD FLOOR", "weak")),
    ]))


@pytest.mark.parametrize(("query", "rule"), [
    ("Siscoo Corporation", "acronym_exact"),  # a vowel more is not the acronym SISCO
    ("Sysco Corporation", None),  # nor a consonant changed in a short word
    ("KOMID Trading Co", "acronym_exact"),  # the acronym with words of its own
    ("Shinwon Corporation", None),  # the weak alias EL NINON is not met fuzzily at all
    ("Santos Textiles Ltd", "weak_alias_exact"),
    ("Otto Group", "one_word_name"),
    ("Jiangsu Sunshine Group Co., Ltd.", "one_word_of_person_or_vessel"),
    ("Bering", "one_word_of_person_or_vessel"),  # a vessel's name of one word, even alone
    ("Korea Trading Company", "common_words_only"),
    ("Ramon Lopez Textiles SL", "company_vs_person_or_vessel"),  # not in full
    ("Ramon Garcia Lopez Textiles SL", None),  # a person named in full meets a company
])
def test_a_rule_keeps_a_clean_supplier_clear(screener: Screener, query: str,
                                             rule: str | None) -> None:
    result = screener.screen(query)
    in_full = query.startswith("Ramon Garcia")
    assert result.decision == ("match" if in_full else "clear"), result.text()
    if rule is not None:
        nearest = screener.why_not(query)
        rules = {a.rule for hit in nearest for a in hit.explanation.score.adjustments}
        assert rule in rules, [h.text() for h in nearest]


@pytest.mark.parametrize(("query", "entity"), [
    ("KOMID", "komid"),  # the acronym as written
    ("Third Floor", "office-39"),  # the weak alias exactly: at most review
    ("Profinet Agency LLC", "profinet"),
    ("Office No. 39 Restaurant Services", "office-39"),  # contained: a review
])
def test_listed_names_are_still_found(screener: Screener, query: str, entity: str) -> None:
    result = screener.screen(query)
    assert result.decision in ("match", "review"), result.text()
    assert result.hits[0].entity_id == entity
    if query == "Third Floor":
        assert result.decision == "review"


def test_pair_rules_say_why_in_the_word_pairs() -> None:
    pairs = {(p.query_word, p.listed_word): p for p in compare(
        "Royal Kering Trading", "Loyal Bering Trading").explanation.word_pairs}
    assert pairs["royal", "loyal"].similarity == 0.0
    assert "romanisation variants apply only to romanised Korean or Chinese" in pairs[
        "royal", "loyal"].how
    assert pairs["kering", "bering"].similarity == 0.0
    # Romanised Korean still meets its variants, and the article's misspelling of Dalian
    # (two letters swapped) its place.
    shinheung = compare("Shinheung Trading Company", "Korea Sinhung Trading Corporation")
    assert shinheung.decision == "match"
    assert shinheung.explanation.word_pairs[0].how == "romanisation variant"


@pytest.mark.parametrize(("word", "romanised"), [
    ("sinhung", True), ("shinheung", True), ("kaesong", True), ("tianbao", True),
    ("qingdao", True), ("royal", False), ("grand", False), ("mitchell", False),
    ("sysco", False), ("profinet", False),
])
def test_which_words_read_as_romanised(word: str, romanised: bool) -> None:
    assert reads_as_romanised(word) is romanised


def test_screening_can_be_limited_to_entity_types(screener: Screener) -> None:
    only = Screener(screener.watchlists, types=["person"])
    assert only.settings.entity_types == ("person",)
    assert only.screen("Profinet Pte Ltd").decision == "clear"
    assert screener.screen("Profinet Pte Ltd").decision == "match"
    assert only.screen("Ramon Garcia Lopez").hits[0].entity_id == "el-ninon"
    with pytest.raises(ConfigurationError, match="unknown entity type 'ship'"):
        Screener(screener.watchlists, types=["ship"])
