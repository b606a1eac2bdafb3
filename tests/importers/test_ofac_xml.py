"""OFAC's legacy SDN XML, on a hand-written sample in the published layout."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers.ofac_xml import read_ofac_xml

NS = {"s": "http://tempuri.org/sdnList.xsd"}


def test_sample_counts_and_date(data_dir: Path) -> None:
    root = ET.parse(data_dir / "sdn_sample.xml").getroot()
    watchlist = read_ofac_xml(data_dir / "sdn_sample.xml").watchlist
    assert len(watchlist.entities) == len(root.findall("s:sdnEntry", NS))
    assert sum(len(e.addresses) for e in watchlist.entities) == len(
        root.findall(".//s:address", NS))
    assert watchlist.source_date == "2024-05-03"


def test_weak_category_and_types(data_dir: Path) -> None:
    watchlist = read_ofac_xml(data_dir / "sdn_sample.xml").watchlist
    komid = watchlist.entity("ofac-9345")
    assert komid.type == "organization"
    assert ("KOMID", "weak") in komid.names()
    assert ("NORTH KOREAN MINING DEVELOPMENT TRADING CORPORATION", "fka") in komid.names()
    assert komid.countries == ["KP", "IR"]
    assert [d.programme for d in komid.risk.designations] == ["NPWMD", "DPRK2"]
    person = watchlist.entity("ofac-15660")
    assert person.name == "KO, Ch'o'l-Chae"
    assert ("Ch'o'l-Chae KO", "reordered") in person.names()
    assert [(i.scheme, i.value, i.country) for i in person.identifiers] == [
        ("Passport", "381420565", "KP")]
    vessel = watchlist.entity("ofac-4243")
    assert vessel.type == "vessel"
    assert ("ANA I", "fka") in vessel.names()
    assert vessel.countries == ["PA"]


def test_truncated(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "sdn.xml"
    path.write_bytes((data_dir / "sdn_sample.xml").read_bytes()[:900])
    with pytest.raises(ListFormatError) as caught:
        read_ofac_xml(path)
    assert str(path) in str(caught.value)
