"""Rows as the HTML report's data: hits best first, cleared hits kept, strings made safe."""

from __future__ import annotations

import json

from conftest import LIST, make_hit

from sanctionscreen.batch.html_rows import hit_record, row_record, script_json, shown_hits
from sanctionscreen.batch.outcome import Citation, ScreenedRow
from sanctionscreen.batch.rows import InputRow
from sanctionscreen.results import ScreeningResult
from sanctionscreen.watchlist.model import Source


def outcome(name: str, scores: list[float], *, citations: tuple[Citation, ...] = ()) -> ScreenedRow:
    hits = [make_hit(name, f"entity-{i}", f"Entity {i}", s) for i, s in enumerate(scores)]
    decision = hits[0].decision if hits else "clear"
    result = ScreeningResult(query=name, decision=decision, hits=hits, lists=[LIST])
    row = InputRow(row=2, name=name, cells=(name,), country="CN")
    return ScreenedRow(input=row, decision=decision, result=result, citations=citations)


def cleared(entity_id: str) -> Citation:
    return Citation(decision="false_positive", entity_id=entity_id, list=LIST.id,
                    by="J. Kim", at="2026-11-22", reason="different company", file="d.yaml",
                    entry=1)  # fmt: skip


def test_shown_hits_are_the_flagged_ones_best_first() -> None:
    hits = shown_hits(outcome("Heungjin", [0.74, 0.91, 0.5]))
    assert [h.entity_id for h in hits] == ["entity-1", "entity-0"]
    assert shown_hits(outcome("Acme", [0.5])) == []  # a clear row stays compact


def test_a_hit_an_analyst_cleared_is_shown_and_marked() -> None:
    row = outcome("Heungjin", [0.91], citations=(cleared("entity-0"),))
    row = ScreenedRow(input=row.input, decision="clear", result=row.result,
                      citations=row.citations)  # fmt: skip
    record = row_record(row)
    assert record[1] == "clear" and record[6][0]["cleared"] is True
    assert record[7] and "false positive for entity-0" in record[7][0]


def test_a_brief_hit_keeps_entity_and_score_only() -> None:
    record = hit_record(make_hit("Heungjin", "e", "Entity", 0.9), brief=True)
    assert record["brief"] is True and record["score"] == 0.9 and record["name"] == "Entity"
    assert not {"pairs", "text", "risk"} & set(record)


def test_sources_lead_with_publisher_title_and_date() -> None:
    source = Source(kind="article", title="Report on X", publisher="Daily NK", date="2024-05-02",
                    file="000_x.txt")  # fmt: skip
    hit = make_hit("Heungjin", "e", "Entity", 0.9).model_copy(update={"sources": [source]})
    assert hit_record(hit)["sources"] == ["Daily NK, Report on X, 2024-05-02, file 000_x.txt"]


def test_strings_are_made_safe_for_a_script_block() -> None:
    record = row_record(outcome("</script><img src=x onerror=alert(1)>\x1b[2J\u202e", [0.9]))
    text = script_json(record)
    assert not set("<>&") & set(text) and "\x1b" not in text and "\u202e" not in text
    assert json.loads(text)[3] == "</script><img src=x onerror=alert(1)>\\x1b[2J\\u202e"
    assert "\ufffd" in script_json(["Caf\udce9"])  # unreadable input bytes still encode
