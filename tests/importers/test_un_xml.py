"""UN Security Council consolidated list XML, on the real file; counts made with ElementTree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers.un_xml import read_un_xml

FILE = "un/un_consolidated_2026-02-27.xml"


def _name(element: ET.Element) -> str:
    parts = (element.findtext(tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME",
                                               "FOURTH_NAME"))
    return " ".join(" ".join(p.split()) for p in parts if p and p.strip())


def test_counts_equal_the_file(eval_lists: Path) -> None:
    root = ET.parse(eval_lists / FILE).getroot()
    records = [(kind, e) for kind in ("INDIVIDUAL", "ENTITY") for e in root.iter(kind)]
    aliases = sum(
        1 for kind, e in records for a in e.findall(f"{kind}_ALIAS")
        if (a.findtext("ALIAS_NAME") or "").strip()
        and (a.findtext("ALIAS_NAME") or "").strip().casefold() != _name(e).casefold()
    )
    addresses = sum(1 for kind, e in records for a in e.findall(f"{kind}_ADDRESS")
                    if any((c.text or "").strip() for c in a if c.tag != "NOTE"))
    watchlist = read_un_xml(eval_lists / FILE).watchlist
    assert len(watchlist.entities) == len(records)
    assert sum(1 for e in watchlist.entities if e.type == "person") == len(
        root.findall(".//INDIVIDUAL"))
    listed = [a for e in watchlist.entities for a in e.aliases if a.kind != "transliteration"]
    assert len(listed) == aliases
    assert sum(len(e.addresses) for e in watchlist.entities) == addresses


def test_dprk_counts(eval_lists: Path) -> None:
    root = ET.parse(eval_lists / FILE).getroot()
    dprk_entities = [e for e in root.iter("ENTITY") if e.findtext("UN_LIST_TYPE") == "DPRK"]
    watchlist = read_un_xml(eval_lists / FILE).watchlist
    loaded = [e for e in watchlist.entities if e.type == "organization"
              and e.risk.designations[0].programme == "DPRK"]
    assert len(loaded) == len(dprk_entities) == 75


def test_office_39_and_file_date(eval_lists: Path) -> None:
    watchlist = read_un_xml(eval_lists / FILE).watchlist
    assert watchlist.source_date == "2026-02-27"
    entity = watchlist.entity("un-kpe.030")
    assert entity.name == "OFFICE 39"
    assert ("Bureau 39", "aka") in entity.names()
    assert ("Third Floor", "aka") in entity.names()
    designation = entity.risk.designations[0]
    assert (designation.programme, designation.reference) == ("DPRK", "KPe.030")
    assert entity.countries == ["KP"]


def test_low_quality_alias_is_weak(eval_lists: Path) -> None:
    root = ET.parse(eval_lists / FILE).getroot()
    low = sum(1 for a in root.iter("INDIVIDUAL_ALIAS") if a.findtext("QUALITY") == "Low"
              and (a.findtext("ALIAS_NAME") or "").strip())
    watchlist = read_un_xml(eval_lists / FILE).watchlist
    assert sum(1 for e in watchlist.entities for a in e.aliases if a.kind == "weak") == low


def test_truncated_xml_names_the_path(tmp_path: Path, eval_lists: Path) -> None:
    path = tmp_path / "un.xml"
    path.write_bytes((eval_lists / FILE).read_bytes()[:50_000])
    with pytest.raises(ListFormatError) as caught:
        read_un_xml(path)
    assert caught.value.path == str(path)
    assert caught.value.line is not None


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "laughs.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
                    "<CONSOLIDATED_LIST>&a;</CONSOLIDATED_LIST>")
    with pytest.raises(ListFormatError, match="DOCTYPE"):
        read_un_xml(path)


def test_wrong_root(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<other/>")
    with pytest.raises(ListFormatError, match="not <CONSOLIDATED_LIST>"):
        read_un_xml(path)
