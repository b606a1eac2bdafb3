"""Analyst decisions clear only the supplier and the hit they were recorded for (issue 18)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sanctionscreen.batch.decisions import DecisionEntry, append_decision, load_decisions

Cli = Callable[..., tuple[int, str, str]]
ACME_LIST = """\
id: ships
title: Shipping companies
entities:
  - id: acme-shipping
    type: company
    name: ACME SHIPPING HOLDING GMBH
    countries: [KP]
    risk: {basis: reported, categories: [sanctions_evasion]}
    sources: [{kind: article, title: Test}]
"""


def _decide(cli: Cli, tmp_path: Path, suppliers: str, entity: str, *lists: str) -> Path:
    source, report = tmp_path / "run1.csv", tmp_path / "run1.jsonl"
    source.write_text(suppliers, encoding="utf-8")
    cli("screen", str(source), "--country-column", "country", "-o", str(report), *lists)
    decisions = tmp_path / "decisions.yaml"
    code, _, err = cli("decide", "--report", str(report), "--row", "2", "--entity", entity,
                       "--false-positive", "--by", "J. Kim", "--reason", "another company",
                       "--decisions", str(decisions))
    assert code == 0, err
    return decisions


def _rescreen(cli: Cli, tmp_path: Path, suppliers: str, decisions: Path,
              *lists: str) -> list[dict[str, str]]:
    source = tmp_path / "run2.csv"
    source.write_text(suppliers, encoding="utf-8")
    _, out, _ = cli("screen", str(source), "--country-column", "country", "--decisions",
                    str(decisions), "-q", *lists)
    return list(csv.DictReader(io.StringIO(out)))


def _acme_decided(cli: Cli, tmp_path: Path) -> tuple[Path, tuple[str, str], Path]:
    """The ships list, the options that load it, and a false positive recorded for
    'Acme Shipping Holding' (SG) against its entity."""
    ships = tmp_path / "ships.yaml"
    ships.write_text(ACME_LIST, encoding="utf-8")
    lists = ("--list", str(ships))
    decisions = _decide(cli, tmp_path, "name,country\nAcme Shipping Holding,SG\n",
                        "acme-shipping", *lists)
    return ships, lists, decisions


def test_a_false_positive_for_profinet_gmbh_clears_only_it(tmp_path: Path, cli: Cli) -> None:
    decisions = _decide(cli, tmp_path, "name,country\nProfinet GmbH,DE\n", "profinet")
    rows = _rescreen(cli, tmp_path, "name,country\nProfinet GmbH,DE\nPROFINET PTE. LTD.,SG\n"
                     "ООО «Профинет»,RU\nProfinet GmbH,RU\n", decisions)
    assert [r["decision"] for r in rows] == ["clear", "match", "match", "match"]
    assert "recorded for country DE, the row gives RU" in rows[3]["note"]


def test_a_higher_score_comes_back(tmp_path: Path, cli: Cli) -> None:
    _, lists, decisions = _acme_decided(cli, tmp_path)
    recorded = load_decisions(decisions).entries[0]
    assert recorded.country == "SG" and recorded.score is not None and recorded.score < 1
    rows = _rescreen(cli, tmp_path, "name,country\nAcme Shipping Holding,SG\n"
                     "ACME SHIPPING HOLDING GMBH,KP\n", decisions, *lists)
    assert [r["decision"] for r in rows] == ["clear", "match"]
    text = decisions.read_text(encoding="utf-8").replace(
        f"score: {recorded.score}", "score: 0.5")
    decisions.write_text(text, encoding="utf-8")
    rows = _rescreen(cli, tmp_path, "name,country\nAcme Shipping Holding,SG\n", decisions, *lists)
    assert rows[0]["decision"] != "clear" and "recorded at score 0.500" in rows[0]["note"]


def test_a_list_typo_is_said_not_ignored(tmp_path: Path, cli: Cli) -> None:
    decisions = _decide(cli, tmp_path, "name,country\nProfinet GmbH,DE\n", "profinet")
    decisions.write_text(decisions.read_text(encoding="utf-8").replace(
        "list: dprk-articles", "list: dprk-article"), encoding="utf-8")
    rows = _rescreen(cli, tmp_path, "name,country\nProfinet GmbH,DE\n", decisions)
    assert rows[0]["decision"] == "match"
    assert "recorded for list 'dprk-article', the hit is on list 'dprk-articles'" in rows[0]["note"]


def test_concurrent_decides_number_their_entries(tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    entries = [DecisionEntry(name=f"Supplier {i}", entity_id="profinet", entity_fingerprint="x",
                             decision="false_positive", by="J. Kim", at="2024-05-02",
                             reason="checked") for i in range(20)]
    with ThreadPoolExecutor(max_workers=20) as pool:
        numbers = list(pool.map(lambda entry: append_decision(path, entry), entries))
    assert sorted(numbers) == list(range(1, 21))
    recorded = load_decisions(path).entries
    assert [recorded[n - 1].name for n in numbers] == [e.name for e in entries]


def test_an_alias_added_to_the_entity_brings_the_hit_back(tmp_path: Path, cli: Cli) -> None:
    # Without list_hash (to survive list updates), the entity's fingerprint is what pins
    # the listing: it covers every alias, so a new alias equal to the supplier's name
    # is a changed listing and the hit comes back for review.
    ships, lists, decisions = _acme_decided(cli, tmp_path)
    text = decisions.read_text(encoding="utf-8")
    decisions.write_text("\n".join(line for line in text.splitlines()
                                   if "list_hash" not in line) + "\n", encoding="utf-8")
    assert load_decisions(decisions).entries[0].list_hash is None
    suppliers = "name,country\nAcme Shipping Holding,SG\n"
    assert _rescreen(cli, tmp_path, suppliers, decisions, *lists)[0]["decision"] == "clear"
    ships.write_text(ACME_LIST.replace(
        "    countries: [KP]\n",
        "    aliases: [{name: Acme Shipping Holding, kind: aka}]\n    countries: [KP]\n"),
        encoding="utf-8")
    row = _rescreen(cli, tmp_path, suppliers, decisions, *lists)[0]
    assert row["decision"] != "clear"
    assert "the listing changed since" in row["note"]
