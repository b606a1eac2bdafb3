"""Tests for the bundled watchlist ``watchlists/dprk-articles.yaml``.

Designations are checked against the official list files in ``../shared/eval/lists``
read here independently of the package (OFAC legacy CSV: Latin-1, no header).
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from sanctionscreen.watchlist.bundled import bundled_watchlists
from sanctionscreen.watchlist.loader import load_watchlist
from sanctionscreen.watchlist.model import Entity, Watchlist

BUNDLED = Path(__file__).resolve().parents[2] / "watchlists" / "dprk-articles.yaml"

# From shared/eval/README.md, "Facts about the articles' entities".
OFAC_ENTRIES = {
    "dalian-sun-moon-star": ("24566", "DPRK4"),
    "sinsms": ("24567", "DPRK4"),
    "profinet": ("24516", "DPRK4"),
    "office-39": ("12209", "DPRK"),
}
UN_ENTRIES = {"office-39": "KPe.030"}
REQUIRED_IDS = {
    "korea-sinhung-trading-corporation",
    "korea-sinhung-trading-corporation-rason-branch",
    *OFAC_ENTRIES,
}
# Named in the articles but not running or profiting from forced labour:
# buyers, brands, retailers, publishers, think tanks, NGOs, South Korean employers.
EXCLUDED = [
    "Shinwon", "Tae Sung Hata", "Kolon", "KAILAS", "Sysco", "Trident Seafoods", "Coupang",
    "Lotte Mart", "C4ADS", "Center for Advanced Defense Studies", "Daily NK", "RFA",
    "Radio Free Asia", "The New Yorker", "Outlaw Ocean Project", "North Korea Strategy Center",
    "Carnegie Moscow Center", "Yonhap", "Reuters", "Congressional-Executive Commission",
]


@pytest.fixture(scope="module")
def bundled() -> Watchlist:
    return load_watchlist(BUNDLED)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def _ofac(lists: Path, name: str) -> dict[str, list[list[str]]]:
    rows: dict[str, list[list[str]]] = defaultdict(list)
    with (lists / "ofac-sdn-2024-05" / name).open(encoding="latin-1", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) > 1:  # the file ends with a lone DOS end-of-file byte (0x1A)
                rows[row[0].strip()].append([cell.strip() for cell in row])
    return rows


def _article_text(articles: Path, entity: Entity) -> str:
    return " ".join(
        _norm((articles / s.file).read_text(encoding="utf-8"))
        for s in entity.sources
        if s.kind == "article" and s.file
    )


def _un_entity(lists: Path, reference: str) -> ET.Element:
    root = ET.parse(lists / "un" / "un_consolidated_2026-02-27.xml").getroot()
    for element in root.iter("ENTITY"):
        if element.findtext("REFERENCE_NUMBER") == reference:
            return element
    raise AssertionError(f"UN reference {reference} is not in the UN list")


def test_missing_shared_data_skips_or_fails_under_ci(
    shared_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-folder is absent"):
        shared_dir("no-such-folder")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        shared_dir("no-such-folder")
    assert shared_dir("articles").name == "articles"


def test_bundled_file_loads_and_is_shipped(bundled: Watchlist) -> None:
    assert bundled.id == "dprk-articles"
    assert {e.id for e in bundled.entities} >= REQUIRED_IDS
    assert bundled.content_hash.startswith("sha256:")
    assert "dprk-articles" in [w.id for w in bundled_watchlists()]


def test_ids_are_unique_and_relations_point_at_listed_entities(bundled: Watchlist) -> None:
    ids = [e.id for e in bundled.entities]
    assert len(ids) == len(set(ids))
    for entity in bundled.entities:
        for relation in entity.related:
            assert relation.entity in ids, f"{entity.id} relates to unknown {relation.entity!r}"
            assert relation.entity != entity.id
    branch = bundled.entity("korea-sinhung-trading-corporation-rason-branch")
    assert [(r.kind, r.entity) for r in branch.related] == [
        ("branch_of", "korea-sinhung-trading-corporation")
    ]
    assert [(r.kind, r.entity) for r in bundled.entity("sinsms").related] == [
        ("affiliate_of", "dalian-sun-moon-star")
    ]


def test_every_entity_cites_an_article_or_an_official_entry(
    bundled: Watchlist, articles_dir: Path
) -> None:
    for entity in bundled.entities:
        assert entity.sources, f"{entity.id} has no source"
        for source in entity.sources:
            if source.kind == "article":
                assert source.file and (articles_dir / source.file).is_file(), entity.id
            else:
                assert source.kind == "official_list" and source.reference, entity.id


def test_article_quotes_publishers_and_dates_are_in_the_text(
    bundled: Watchlist, articles_dir: Path
) -> None:
    for entity in bundled.entities:
        for source in entity.sources:
            if source.kind != "article" or source.file is None:
                continue
            text = _norm((articles_dir / source.file).read_text(encoding="utf-8"))
            assert source.quote and _norm(source.quote) in text, (entity.id, source.quote)
            for given in (source.publisher, source.date):
                assert given is None or _norm(given) in text, (entity.id, given)


def test_designated_entities_match_their_ofac_entries(
    bundled: Watchlist, eval_lists_dir: Path
) -> None:
    sdn = _ofac(eval_lists_dir, "sdn.csv")
    designated = {e.id for e in bundled.entities if e.risk.basis == "designated"}
    assert designated == set(OFAC_ENTRIES)
    for entity_id, (ent_num, programme) in OFAC_ENTRIES.items():
        entity = bundled.entity(entity_id)
        [row] = sdn[ent_num]
        assert entity.name == row[1], "use the official spelling as the primary name"
        assert row[3] == programme
        ofac = [d for d in entity.risk.designations if "OFAC" in d.authority]
        assert [(d.reference, d.programme) for d in ofac] == [(ent_num, programme)]
        assert ent_num in [s.reference for s in entity.sources if s.kind == "official_list"]


def test_official_aliases_and_addresses_are_carried(
    bundled: Watchlist, eval_lists_dir: Path
) -> None:
    alt = _ofac(eval_lists_dir, "alt.csv")
    add = _ofac(eval_lists_dir, "add.csv")
    for entity_id, (ent_num, _) in OFAC_ENTRIES.items():
        entity = bundled.entity(entity_id)
        names = {name for name, _ in entity.names()}
        for row in alt[ent_num]:
            assert row[3] in names, f"{entity_id} lacks OFAC alias {row[3]!r}"
        streets = {a.text for a in entity.addresses}
        assert {row[2] for row in add[ent_num]} == streets
        assert all(a.city for a in entity.addresses)


def test_sinsms_registration_number(bundled: Watchlist, eval_lists_dir: Path) -> None:
    [row] = _ofac(eval_lists_dir, "sdn.csv")["24567"]
    [identifier] = bundled.entity("sinsms").identifiers
    assert f"Registration Number {identifier.value} (Singapore)" in row[11]
    assert identifier.country == "SG"


def test_office_39_matches_the_un_list(bundled: Watchlist, eval_lists_dir: Path) -> None:
    entity = bundled.entity("office-39")
    element = _un_entity(eval_lists_dir, UN_ENTRIES["office-39"])
    assert element.findtext("FIRST_NAME") == entity.name
    names = {_norm(name) for name, _ in entity.names()}
    un_aliases = [a.findtext("ALIAS_NAME") or "" for a in element.iter("ENTITY_ALIAS")]
    assert len(un_aliases) == 6
    assert {_norm(a) for a in un_aliases} <= names
    [un] = [d for d in entity.risk.designations if d.authority == "UN Security Council"]
    assert (un.reference, un.date) == ("KPe.030", element.findtext("LISTED_ON"))


def test_reported_entities_are_on_no_official_list(
    bundled: Watchlist, eval_lists_dir: Path
) -> None:
    official = {_norm(row[1]) for rows in _ofac(eval_lists_dir, "sdn.csv").values()
                for row in rows}
    official |= {_norm(row[3]) for rows in _ofac(eval_lists_dir, "alt.csv").values()
                 for row in rows}
    root = ET.parse(eval_lists_dir / "un" / "un_consolidated_2026-02-27.xml").getroot()
    official |= {_norm(e.text or "") for e in root.iter("FIRST_NAME")}
    official |= {_norm(e.text or "") for e in root.iter("ALIAS_NAME")}
    reported = [e for e in bundled.entities if e.risk.basis == "reported"]
    assert {e.id for e in reported} >= {"korea-sinhung-trading-corporation"}
    for entity in reported:
        assert entity.risk.note and entity.risk.categories, entity.id
        for name, _ in entity.names():
            assert _norm(name) not in official, f"{name!r} is on an official list"
    assert not any("sinhung" in name for name in official)


def test_aliases_no_source_gives_carry_a_note(
    bundled: Watchlist, articles_dir: Path, eval_lists_dir: Path
) -> None:
    sdn = _ofac(eval_lists_dir, "sdn.csv")
    alt = _ofac(eval_lists_dir, "alt.csv")
    for entity in bundled.entities:
        given = _article_text(articles_dir, entity)
        for source in entity.sources:
            if source.kind == "official_list" and source.reference in sdn:
                given += " ".join(_norm(cell) for row in sdn[source.reference] for cell in row)
                given += " ".join(_norm(row[3]) for row in alt[source.reference])
        for alias in entity.aliases:
            if alias.note is None:
                assert _norm(alias.name) in given, f"{entity.id}: {alias.name!r} needs a note"


def test_non_latin_aliases_declare_script_and_language(bundled: Watchlist) -> None:
    for entity in bundled.entities:
        for alias in entity.aliases:
            non_latin = any(ord(c) > 0x24F and c.isalpha() for c in alias.name)
            assert non_latin == (alias.script is not None), alias.name
            if non_latin:
                assert alias.lang and alias.kind == "transliteration", alias.name


def test_article_misspelling_is_kept_as_an_alias(bundled: Watchlist) -> None:
    names = dict(bundled.entity("dalian-sun-moon-star").names())
    assert names["Dailan Sun Moon Star International Logistics Trading Co Ltd"] == "spelling"
    assert names["DALIAN TIANBAO INTERNATIONAL LOGISTICS CO., LTD."] == "aka"
    assert dict(bundled.entity("office-39").names())["THIRD FLOOR"] == "weak"


@pytest.mark.parametrize("party", EXCLUDED)
def test_excluded_parties_are_not_listed(bundled: Watchlist, party: str) -> None:
    pattern = re.compile(rf"\b{re.escape(party.casefold())}\b")
    for entity in bundled.entities:
        for name, _ in entity.names():
            assert not pattern.search(name.casefold()), f"{party!r} appears in {entity.id}"
