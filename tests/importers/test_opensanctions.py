"""OpenSanctions FollowTheMoney JSON lines and targets.simple.csv, on hand-written samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers.opensanctions import read_ftm_json, read_simple_csv


def test_ftm_targets_with_their_names_and_sanctions(data_dir: Path) -> None:
    watchlist = read_ftm_json(data_dir / "sample.ftm.json").watchlist
    # the non-target owner company, the Sanction and the Address are not entities here
    assert [e.id for e in watchlist.entities] == ["os-nk-sunmoonstar", "os-nk-kimjong",
                                                  "os-nk-pepcase"]
    company = watchlist.entity("os-nk-sunmoonstar")
    assert company.type == "company"
    assert company.names() == [
        ("Dalian Sun Moon Star International Logistics Trading Co., Ltd", "primary"),
        ("Dalian Tianbao International Logistics Co., Ltd.", "aka"),
        ("Dalian Sun Moon Star Logistics", "fka"),
        ("Sun Moon Star", "weak"),
    ]
    assert company.countries == ["CN"]
    assert [a.text for a in company.addresses] == [
        "Room 1801, Chenggong Building, No. 72 Luxun Road, Dalian"]
    designation = company.risk.designations[0]
    assert (designation.authority, designation.programme, designation.date) == (
        "Office of Foreign Assets Control", "DPRK4", "2018-08-03")
    assert ("registration number", "91210200MA0QC1234X") in [
        (i.scheme, i.value) for i in company.identifiers]
    assert watchlist.version == "2026-02-21"


def test_ftm_scripts_and_reported_entries(data_dir: Path) -> None:
    watchlist = read_ftm_json(data_dir / "sample.ftm.json").watchlist
    person = watchlist.entity("os-nk-kimjong")
    assert person.type == "person"
    assert [(a.name, a.script) for a in person.aliases] == [("김정식", "Hang")]
    assert person.risk.basis == "designated"
    reported = watchlist.entity("os-nk-pepcase")
    assert reported.risk.basis == "reported"
    assert ("ERTB", "acronym") in reported.names()


def test_ftm_bad_line_names_the_line(tmp_path: Path, data_dir: Path) -> None:
    path = tmp_path / "broken.ftm.json"
    lines = (data_dir / "sample.ftm.json").read_text().splitlines()
    path.write_text("\n".join([lines[0], lines[1][:40]]) + "\n")
    with pytest.raises(ListFormatError) as caught:
        read_ftm_json(path)
    assert caught.value.line == 2


def test_simple_csv(data_dir: Path) -> None:
    watchlist = read_simple_csv(data_dir / "targets.simple.csv").watchlist
    assert len(watchlist.entities) == 3
    office = watchlist.entity("os-nk-office39")
    assert [a.name for a in office.aliases] == ["Bureau 39", "Central Committee Bureau 39",
                                                "Third Floor"]
    assert office.countries == ["KP"]
    assert office.risk.designations[0].authority == (
        "US OFAC Specially Designated Nationals (SDN) List")
    sinsms = watchlist.entity("os-nk-sinsms")
    # a quoted multi-value cell keeps its inner quotes out of the name
    assert [a.name for a in sinsms.aliases] == ["Sun Moon Star (Singapore) Ltd."]
    vessel = watchlist.entity("os-nk-vessel1")
    assert vessel.type == "vessel"
    assert vessel.risk.basis == "reported"


def test_simple_csv_needs_its_header(tmp_path: Path) -> None:
    path = tmp_path / "targets.simple.csv"
    path.write_text("name,aliases\nX,Y\n")
    with pytest.raises(ListFormatError, match="'id'"):
        read_simple_csv(path)
