"""What a row became: citations of analyst decisions, the best hit, the one-line summary."""

from __future__ import annotations

import dataclasses
import sys

import pytest
from conftest import LIST, make_hit

from sanctionscreen.batch.outcome import Citation, ScreenedRow, hit_text, summary_line
from sanctionscreen.batch.rows import InputRow
from sanctionscreen.results import Adjustment, Hit, ScreeningResult, UnmatchedWord, WordPair

QUERY = "Korea Shinheung Trading Corp."
ROW = InputRow(row=7, name=QUERY, cells=("S-0007", QUERY, "KP"), country="KP")


def cite(entity_id: str, *, decision: str = "false_positive", applied: bool = True,
         why: str = "the listing changed since") -> Citation:  # fmt: skip
    return Citation(
        decision=decision,
        entity_id=entity_id,
        list=LIST.id,
        by="J. Kim",
        at="2024-05-02",
        reason="different company, same street",
        file="decisions.yaml",
        entry=3,
        applied=applied,
        why=why,
    )


def hits() -> list[Hit]:
    return [
        make_hit(QUERY, "korea-heungjin", "Korea Heungjin Trading Company", 0.91),
        make_hit(QUERY, "korea-shinheung", "Korea Shinheung Trading", 0.78),
    ]


def screened(*citations: Citation, found: list[Hit] | None = None) -> ScreenedRow:
    found = hits() if found is None else found
    result = ScreeningResult(
        query=QUERY, decision=found[0].decision if found else "clear", hits=found, lists=[LIST]
    )
    return ScreenedRow(input=ROW, decision=result.decision, result=result, citations=citations)


def test_citation_text_of_a_false_positive() -> None:
    assert cite("korea-heungjin").text() == (
        "false positive for korea-heungjin (test-list) recorded by J. Kim on 2024-05-02: "
        "different company, same street [decisions.yaml entry 3]"
    )


def test_citation_text_of_a_confirmed_match() -> None:
    text = cite("korea-heungjin", decision="confirmed").text()
    assert text.startswith("confirmed match for korea-heungjin (test-list)")


def test_a_citation_that_no_longer_applies_says_why_and_asks_for_review() -> None:
    text = cite("korea-heungjin", applied=False, why="the matched name changed").text()
    assert text.startswith("DOES NOT APPLY (the matched name changed; review again): ")
    assert text.endswith(cite("korea-heungjin").text())
    assert (
        cite("korea-heungjin", applied=False)
        .text()
        .startswith("DOES NOT APPLY (the listing changed since; review again): ")
    )


def test_citation_as_dict_has_why_only_when_not_applied() -> None:
    applied = cite("korea-heungjin").as_dict()
    assert applied == {
        "decision": "false_positive",
        "entity_id": "korea-heungjin",
        "list": "test-list",
        "by": "J. Kim",
        "at": "2024-05-02",
        "reason": "different company, same street",
        "file": "decisions.yaml",
        "entry": 3,
        "applied": True,
    }
    stale = cite("korea-heungjin", applied=False, why="the listing changed since").as_dict()
    assert stale == {**applied, "applied": False, "why": "the listing changed since"}


def test_best_is_the_first_hit_without_citations() -> None:
    row = screened()
    assert row.cleared == frozenset()
    assert row.best is not None and row.best.entity_id == "korea-heungjin"
    assert row.score == pytest.approx(0.91)


def test_a_cleared_hit_gives_way_to_the_next() -> None:
    row = screened(cite("korea-heungjin"))
    assert row.cleared == frozenset({"korea-heungjin"})
    assert row.best is not None and row.best.entity_id == "korea-shinheung"
    assert row.score == pytest.approx(0.78)


def test_when_every_hit_is_cleared_the_best_cleared_hit_is_shown() -> None:
    row = screened(cite("korea-heungjin"), cite("korea-shinheung"))
    assert row.cleared == frozenset({"korea-heungjin", "korea-shinheung"})
    assert row.best is not None and row.best.entity_id == "korea-heungjin"


def test_confirmed_and_stale_citations_clear_nothing() -> None:
    row = screened(
        cite("korea-heungjin", decision="confirmed"), cite("korea-heungjin", applied=False)
    )
    assert row.cleared == frozenset()
    assert row.best is not None and row.best.entity_id == "korea-heungjin"


def test_a_row_without_hits_or_result_has_no_best_or_score() -> None:
    assert screened(found=[]).best is None
    assert screened(found=[]).score is None
    unscreened = ScreenedRow(
        input=InputRow(row=8, name="", cells=("",), problem="the name is empty"),
        decision="error",
        error="the name is empty",
    )
    assert unscreened.result is None
    assert unscreened.best is None and unscreened.score is None
    assert unscreened.cleared == frozenset()


def test_screened_row_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        screened().decision = "clear"  # type: ignore[misc]


def test_summary_line_names_the_listed_name_and_the_rule() -> None:
    hit = hits()[0]
    assert summary_line(hit) == (
        "'Korea Shinheung Trading Corp.' ~ 'Korea Heungjin Trading Company' "
        "(primary name of 'Korea Heungjin Trading Company', list test-list): "
        "score 0.910 >= match threshold 0.850"
    )


def test_summary_line_names_an_alias_and_other_lists() -> None:
    hit = make_hit("Dalian Tianbao Intl Logistics Co Ltd", "dalian-tianbao",
                   "Dalian Tianbao International Logistics", 0.74)  # fmt: skip
    alias = hit.model_copy(
        update={"matched_name": "大连天宝国际物流有限公司", "matched_name_kind": "aka"}
    )
    other = hit.model_copy(update={"list": "un-sc", "entity_id": "KPe.099"})
    line = summary_line(alias.model_copy(update={"also_listed": [other]}))
    assert line.startswith(
        "'Dalian Tianbao Intl Logistics Co Ltd' ~ '大连天宝国际物流有限公司' "
        "(aka name of 'Dalian Tianbao International Logistics', list test-list): "
    )
    assert "score 0.740 >= review threshold 0.700 and < match threshold 0.850" in line
    assert line.endswith("; also listed on un-sc as KPe.099")


def test_summary_line_quotes_control_characters_of_a_hostile_name() -> None:
    hit = make_hit("ACME\x1b[2J LTD\r\n=cmd", "korea-heungjin", "Korea Heungjin Trading", 0.9)
    line = summary_line(hit)
    assert "\x1b" not in line and "\r" not in line and "\n" not in line
    assert "'ACME\\x1b[2J LTD\\r\\n=cmd'" in line


def test_hit_text_is_the_hits_own_explanation() -> None:
    hit = hits()[0]
    assert hit_text(hit) == hit.text()
    assert "Korea Heungjin Trading Company" in hit_text(hit)


def detailed_hit() -> Hit:
    hit = hits()[1]
    explanation = hit.explanation.model_copy(
        update={
            "word_pairs": [
                WordPair(query_word="shinheung", listed_word="shinheung", similarity=1.0,
                         weight=2.5, how="same word"),
                WordPair(query_word="trading", listed_word="trading", similarity=1.0,
                         weight=0.4, how="same word"),
            ],
            "unmatched_query": [UnmatchedWord(word="korea", side="query", weight=0.3,
                                              kind="geographic")],
            "unmatched_listed": [UnmatchedWord(word="jsc", side="listed", weight=0.1,
                                               kind="common")],
            "score": hit.explanation.score.model_copy(
                update={"adjustments": [Adjustment(rule="country", before=0.81, after=0.78,
                                                   reason="the countries differ")]}
            ),
        }
    )  # fmt: skip
    return hit.model_copy(update={"explanation": explanation})


def test_hit_text_says_the_facts_without_the_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    hit = detailed_hit()
    monkeypatch.setitem(sys.modules, "sanctionscreen.explain", None)  # import fails
    with pytest.raises(ImportError):
        hit.text()
    assert hit_text(hit).splitlines() == [
        "Korea Shinheung Trading [korea-shinheung] on list test-list: review, score 0.780",
        "matched the primary name 'Korea Shinheung Trading'",
        "query words: korea shinheung trading corp.; listed words: korea shinheung trading",
        "  'shinheung' ~ 'shinheung': same word, similarity 1.00",
        "  'trading' ~ 'trading': same word, similarity 1.00",
        "  unmatched query word 'korea' (geographic)",
        "  unmatched listed word 'jsc' (common)",
        "  country: 0.810 -> 0.780, the countries differ",
        "score 0.780 >= review threshold 0.700 and < match threshold 0.850",
    ]
