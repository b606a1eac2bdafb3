"""Result models: frozen plain data that round-trips through JSON and explains itself."""

from __future__ import annotations

import json
import typing

import pytest
from pydantic import ValidationError

from sanctionscreen.results import (
    DECISION_ORDER,
    Comparison,
    Decision,
    Explanation,
    Hit,
    ListInfo,
    NormalisationStep,
    NormalisedName,
    ScoreDetail,
    ScreeningResult,
    ThresholdRule,
    UnmatchedWord,
    WordPair,
)
from sanctionscreen.watchlist.model import Designation, Risk, Source

LIST = ListInfo(
    id="test-list", title="Test list", version="2024-05-01",
    content_hash="sha256:" + "ab" * 32, entities=2, names=4,
)  # fmt: skip


def explanation(query: str = "Dalian Tianbao Intl Logistics Co Ltd", score: float = 0.88,
                decision: Decision = "match") -> Explanation:  # fmt: skip
    return Explanation(
        query=NormalisedName(
            original=query,
            normalised="dalian tianbao international logistics",
            words=["dalian", "tianbao", "international", "logistics"],
            legal_forms=["Co., Ltd."],
            steps=[
                NormalisationStep(step="legal_form", before=query.lower(),
                                  after="dalian tianbao intl logistics",
                                  detail="legal form 'Co Ltd' set aside"),
                NormalisationStep(step="abbreviation", before="dalian tianbao intl logistics",
                                  after="dalian tianbao international logistics",
                                  detail="'intl' read as 'international'"),
            ],
        ),
        listed=NormalisedName(
            original="Dalian Tianbao International Logistics",
            normalised="dalian tianbao international logistics",
            words=["dalian", "tianbao", "international", "logistics"],
        ),
        word_pairs=[
            WordPair(query_word="tianbao", listed_word="tianbao", similarity=1.0, weight=3.0,
                     how="same word"),
            WordPair(query_word="dalian", listed_word="dalian", similarity=1.0, weight=0.5,
                     how="same word"),
        ],
        unmatched_listed=[UnmatchedWord(word="group", side="listed", weight=0.2, kind="common")],
        score=ScoreDetail(formula="matched / max(query, listed)", matched_weight=3.5,
                          query_weight=3.9, listed_weight=4.0, base_score=score, score=score),
        decision=decision,
        threshold=ThresholdRule(match=0.85, review=0.7,
                                decided_by=f"score {score:.3f} >= match threshold 0.850"),
    )  # fmt: skip


def hit(**changes: object) -> Hit:
    fields: dict[str, object] = {
        "entity_id": "dalian-tianbao",
        "list": LIST.id,
        "entity_name": "Dalian Tianbao International Logistics",
        "entity_type": "company",
        "matched_name": "Dalian Tianbao International Logistics",
        "matched_name_kind": "primary",
        "score": 0.88,
        "decision": "match",
        "risk": Risk(basis="designated",
                     designations=[Designation(authority="US Treasury OFAC", programme="DPRK3")]),
        "sources": [Source(kind="official_list", title="SDN list", reference="31415")],
        "countries": ["CN"],
        "explanation": explanation(),
    }  # fmt: skip
    fields.update(changes)
    return Hit(**fields)  # type: ignore[arg-type,unused-ignore]


def result(**changes: object) -> ScreeningResult:
    fields: dict[str, object] = {
        "query": "Dalian Tianbao Intl Logistics Co Ltd",
        "decision": "match",
        "hits": [hit(), hit(entity_id="dalian-tianbao-2", score=0.72, decision="review")],
        "lists": [LIST],
        "settings": {"max_hits": 10},
        "settings_hash": "sha256:" + "0f" * 32,
        "library_version": "0.1.0",
    }
    fields.update(changes)
    return ScreeningResult(**fields)  # type: ignore[arg-type,unused-ignore]


def test_decision_order_ranks_every_decision() -> None:
    assert set(DECISION_ORDER) == set(typing.get_args(Decision))
    ranked = sorted(DECISION_ORDER, key=DECISION_ORDER.__getitem__, reverse=True)
    assert ranked == ["match", "review", "clear", "error"]


@pytest.mark.parametrize("bad", ["Match", "maybe", "", None, 1])
def test_an_unknown_decision_is_rejected(bad: object) -> None:
    with pytest.raises(ValidationError):
        result(decision=bad)
    with pytest.raises(ValidationError):
        hit(decision=bad)


def test_results_are_frozen() -> None:
    screened = result()
    with pytest.raises(ValidationError, match="frozen"):
        screened.decision = "clear"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        screened.hits[0].score = 0.1  # type: ignore[misc]
    with pytest.raises(ValidationError, match="frozen"):
        screened.hits[0].explanation.threshold.match = 0.5  # type: ignore[misc]


def test_a_screening_result_round_trips_through_json() -> None:
    original = result(hits=[hit(also_listed=[hit(list="un-sc", entity_id="KPe.099")])])
    text = original.model_dump_json()
    assert json.loads(text)["hits"][0]["also_listed"][0]["list"] == "un-sc"
    again = ScreeningResult.model_validate_json(text)
    assert again == original
    assert isinstance(again.hits[0].also_listed[0], Hit)
    assert again.hits[0].explanation.query.steps[1].detail == "'intl' read as 'international'"


def test_a_hit_from_before_fingerprints_reads_with_an_empty_one() -> None:
    data = json.loads(hit().model_dump_json())
    del data["entity_fingerprint"]
    assert Hit.model_validate(data).entity_fingerprint == ""


def test_defaults_of_a_bare_result() -> None:
    bare = ScreeningResult(query="Brightwave Textiles GmbH", decision="clear")
    assert bare.hits == [] and bare.lists == [] and bare.settings == {}
    assert bare.error is None and bare.settings_hash == "" and bare.library_version == ""
    assert bare.best is None
    # Default lists are not shared between instances.
    assert bare.hits is not ScreeningResult(query="x", decision="clear").hits


def test_best_is_the_first_hit() -> None:
    screened = result()
    assert screened.best is screened.hits[0]
    assert screened.best.entity_id == "dalian-tianbao"


def test_the_list_field_does_not_break_the_annotations_after_it() -> None:
    # ``list`` is a field name; the list-typed fields must still be lists.
    made = hit(also_listed=[hit(list="uk-hmt")])
    assert made.list == "test-list"
    assert made.also_listed[0].list == "uk-hmt"
    assert made.countries == ["CN"]
    with pytest.raises(ValidationError):
        hit(list=["test-list"])


def test_a_hit_needs_its_explanation_and_risk() -> None:
    data = json.loads(hit().model_dump_json())
    for field in ("explanation", "risk", "list", "score"):
        broken = {k: v for k, v in data.items() if k != field}
        with pytest.raises(ValidationError, match=field):
            Hit.model_validate(broken)


def test_explanation_text_gives_the_steps_pairs_and_rule() -> None:
    text = explanation().text()
    assert "'Dalian Tianbao Intl Logistics Co Ltd'" in text
    assert "legal form 'Co Ltd' set aside" in text
    assert "'tianbao' ~ 'tianbao'" in text
    assert "'group' (common, weight 0.20)" in text
    assert text.splitlines()[-1] == (
        "  Decision: match, because score 0.880 >= match threshold 0.850"
    )


def test_text_escapes_control_characters_of_a_hostile_name() -> None:
    hostile = "ACME\x1b[2J\u202e LTD"
    made = hit(entity_name=hostile, explanation=explanation(query=hostile))
    for text in (made.text(), made.explanation.text(), result(hits=[made]).text()):
        assert "\x1b" not in text and "\u202e" not in text
        assert "ACME\\x1b[2J" in text


def test_hit_text_leads_with_decision_score_and_entity() -> None:
    first = hit().text().splitlines()[0]
    assert first == (
        "MATCH 0.880: Dalian Tianbao International Logistics [company, id dalian-tianbao, "
        "list test-list]"
    )


def test_result_text_of_a_match_a_clear_and_an_error() -> None:
    text = result().text()
    assert text.startswith("'Dalian Tianbao Intl Logistics Co Ltd': MATCH\n\n")
    assert "MATCH 0.880: Dalian Tianbao" in text and "REVIEW 0.720: Dalian Tianbao" in text
    clear = ScreeningResult(query="Brightwave Textiles GmbH", decision="clear").text()
    assert clear == (
        "'Brightwave Textiles GmbH': CLEAR (no listed name came near the review threshold)"
    )
    error = ScreeningResult(query="", decision="error", error="the name is empty").text()
    assert error == "'': ERROR: the name is empty"


def test_comparison_text_with_and_without_an_explanation() -> None:
    made = Comparison(query="Dalian Tianbao Intl Logistics Co Ltd",
                      candidate="Dalian Tianbao International Logistics", score=0.88,
                      decision="match", explanation=explanation())  # fmt: skip
    assert made.text() == made.explanation.text()  # type: ignore[union-attr]
    assert made.error is None
    failed = Comparison(query="", candidate="Brightwave Textiles GmbH", score=0.0,
                        decision="error", explanation=None, error="the name is empty")  # fmt: skip
    assert failed.text() == "ERROR: the name is empty"
    assert Comparison.model_validate_json(failed.model_dump_json()) == failed


def test_comparison_requires_the_explanation_field() -> None:
    with pytest.raises(ValidationError, match="explanation"):
        Comparison(query="a", candidate="b", score=0.0, decision="error")  # type: ignore[call-arg]


def test_list_info_optional_fields() -> None:
    assert (LIST.source, LIST.source_date) == (None, None)
    with pytest.raises(ValidationError, match="content_hash"):
        ListInfo(id="x", title="X", entities=1, names=1)  # type: ignore[call-arg]
