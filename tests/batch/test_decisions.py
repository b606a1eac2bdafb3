"""Analyst decisions: recorded false positives clear a hit until the listing changes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import StubScreener

from sanctionscreen.batch.decisions import (
    DecisionEntry,
    append_decision,
    load_decisions,
    name_key,
)
from sanctionscreen.batch.review import decision_from_report
from sanctionscreen.batch.runner import screen_file
from sanctionscreen.errors import InputError

ENTRY = ("- name: Profinet GmbH\n  entity_id: profinet\n  entity_fingerprint: sha256:00\n"
         "  decision: false_positive\n  by: J. Kim\n  at: {at}\n  reason: checked\n")
SUPPLIERS = "id,name\n1,Korea Heungjin Trading Co.\n2,Dalian Tianbao Logistics\n3,Acme Ltd\n"


def screen(tmp_path: Path, screener: StubScreener, fmt: str, decisions: Path | None) -> str:
    source = tmp_path / "suppliers.csv"
    source.write_text(SUPPLIERS, encoding="utf-8")
    out = io.StringIO()
    screen_file(source, out, screener=screener, format=fmt, decisions=decisions)
    return out.getvalue()


def record_false_positive(tmp_path: Path, screener: StubScreener) -> Path:
    report = tmp_path / "run1.jsonl"
    report.write_text(screen(tmp_path, screener, "jsonl", None), encoding="utf-8")
    entry = decision_from_report(
        report, row=2, entity_id="korea-heungjin", decision="false_positive",
        by="J. Kim", reason="Different company: Korea Heungjin of Busan, KR", at="2024-05-02",
    )  # fmt: skip
    book = tmp_path / "decisions.yaml"
    assert append_decision(book, entry) == 1
    return book


def test_a_false_positive_shows_as_clear_with_the_decision_cited(tmp_path: Path) -> None:
    book = record_false_positive(tmp_path, StubScreener())
    rows = list(csv.DictReader(io.StringIO(screen(tmp_path, StubScreener(), "csv", book))))
    assert rows[0]["decision"] == "clear"
    assert rows[0]["hit_entity_id"] == "korea-heungjin"
    assert "false positive for korea-heungjin" in rows[0]["analyst_decision"]
    assert "J. Kim on 2024-05-02" in rows[0]["analyst_decision"]
    assert "decisions.yaml entry 1" in rows[0]["analyst_decision"]
    assert rows[1]["decision"] == "match"  # another supplier's hit is untouched


def test_it_comes_back_for_review_when_the_entity_changes(tmp_path: Path) -> None:
    book = record_false_positive(tmp_path, StubScreener())
    changed = StubScreener(summary="now also listed for forced labour")
    records = [json.loads(x) for x in screen(tmp_path, changed, "jsonl", book).splitlines()]
    first = records[1]
    assert first["decision"] == "match"
    assert first["citations"][0]["applied"] is False
    assert records[-1]["decisions_no_longer_applying"] == 1


def test_it_comes_back_when_the_list_hash_changes(tmp_path: Path) -> None:
    book = record_false_positive(tmp_path, StubScreener())
    updated = StubScreener()
    updated.lists_info = [updated.lists_info[0].model_copy(update={"content_hash": "sha256:00"})]
    rows = list(csv.DictReader(io.StringIO(screen(tmp_path, updated, "csv", book))))
    assert rows[0]["decision"] == "match"
    assert "DOES NOT APPLY (the list changed since" in rows[0]["note"]


def test_decisions_match_on_the_normalised_name(tmp_path: Path) -> None:
    assert name_key("  KOREA   Heungjin Trading Co. ") == name_key("Korea Heungjin Trading Co.")
    book = record_false_positive(tmp_path, StubScreener())
    loaded = load_decisions(book)
    assert loaded.find("korea heungjin  TRADING co.", "korea-heungjin") is not None
    assert loaded.find("Korea Heungjin Trading Co.", "dalian-tianbao") is None


def test_a_confirmed_review_becomes_a_match(tmp_path: Path) -> None:
    screener = StubScreener(score=0.75)
    report = tmp_path / "run.jsonl"
    report.write_text(screen(tmp_path, screener, "jsonl", None), encoding="utf-8")
    entry = decision_from_report(
        report, row=3, entity_id="dalian-tianbao", decision="confirmed",
        by="A. Li", reason="Same address as the listed entity",
    )  # fmt: skip
    book = tmp_path / "d.yaml"
    append_decision(book, entry)
    rows = list(csv.DictReader(io.StringIO(screen(tmp_path, screener, "csv", book))))
    assert [r["decision"] for r in rows] == ["review", "match", "clear"]


def test_appending_keeps_earlier_entries_and_comments(tmp_path: Path) -> None:
    book = record_false_positive(tmp_path, StubScreener())
    first = book.read_text(encoding="utf-8")
    entry = DecisionEntry(
        name="Dalian Tianbao Logistics", entity_id="dalian-tianbao", list_hash="sha256:ab",
        decision="false_positive", by="J. Kim", at="2024-05-03", reason="checked",
    )  # fmt: skip
    assert append_decision(book, entry) == 2
    assert book.read_text(encoding="utf-8").startswith(first)
    assert len(load_decisions(book).entries) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- {name: X}\n", "entry 1: entity_id: Field required"),
        ("name: X\n", "must be a YAML list"),
        ("- [unclosed\n", "not valid YAML"),
        (
            "- {name: X, entity_id: e, decision: false_positive, by: me, at: 2024-01-01,"
            " reason: r}\n",
            "list_hash or entity_fingerprint",
        ),
        # issue 18: a key given twice, and a date that is not one, with their lines
        (ENTRY.format(at="2024-05-02") + "  decision: confirmed\n",
         r"d.yaml:8: key 'decision' appears twice in one entry"),
        (ENTRY.format(at="2024-05-02") + ENTRY.format(at="whenever"),
         r"d.yaml:8: entry 2: at: 'whenever' is not a date"),
    ],
)
def test_a_broken_decisions_file_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_decisions(path)


def test_decide_names_the_missing_row_or_hit(tmp_path: Path) -> None:
    report = tmp_path / "run.jsonl"
    report.write_text(screen(tmp_path, StubScreener(), "jsonl", None), encoding="utf-8")
    with pytest.raises(InputError, match="no row 99"):
        decision_from_report(
            report, row=99, entity_id="x", decision="confirmed", by="a", reason="b"
        )
    with pytest.raises(InputError, match=r"no hit on entity 'x'.*'korea-heungjin'"):
        decision_from_report(report, row=2, entity_id="x", decision="confirmed", by="a", reason="b")
