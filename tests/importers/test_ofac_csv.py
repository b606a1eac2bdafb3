"""OFAC legacy CSV sets, on the real files; counts are made here with the csv module."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pytest

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers.common import ImportResult
from sanctionscreen.importers.ofac_csv import read_ofac_csv

EMPTY = ("", "-0-")


@cache
def _read(folder: Path) -> ImportResult:
    """Each real set is read once per test session: the models are frozen."""
    return read_ofac_csv(folder)


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="cp1252", newline="") as handle:
        return [[c.strip() for c in row] for row in csv.reader(handle) if len(row) > 1]


def _expected(folder: Path, prim: str, alt: str, add: str) -> tuple[int, int, int]:
    entries = {row[0]: row[1] for row in _rows(folder / prim)}
    alias_pairs = {(row[0], row[3].casefold()) for row in _rows(folder / alt)
                   if row[0] in entries and row[3].casefold() != entries[row[0]].casefold()}
    addresses = 0
    for row in _rows(folder / add):
        filled = [c for c in row[2:5] if c not in EMPTY]
        # a row whose only content is the placeholder country "undetermined" holds no address
        if row[0] in entries and filled and filled != ["undetermined"]:
            addresses += 1
    return len(entries), len(alias_pairs), addresses


@pytest.mark.parametrize(("folder", "prefix"), [
    ("ofac-sdn-2021-07", ""), ("ofac-sdn-2024-05", ""), ("ofac-consolidated-2025-12", "cons_"),
])
def test_counts_equal_the_files(eval_lists: Path, folder: str, prefix: str) -> None:
    path = eval_lists / folder
    prim = "cons_prim.csv" if prefix else "sdn.csv"
    entries, aliases, addresses = _expected(path, prim, f"{prefix}alt.csv", f"{prefix}add.csv")
    watchlist = _read(path).watchlist
    listed = [a for e in watchlist.entities for a in e.aliases
              if a.kind in ("aka", "fka", "nka") and a.note is None]
    assert len(watchlist.entities) == entries
    assert len(listed) == aliases
    assert sum(len(e.addresses) for e in watchlist.entities) == addresses


def test_consistent_set_has_no_orphans(eval_lists: Path) -> None:
    assert _read(eval_lists / "ofac-sdn-2021-07").warnings == []


def test_mixed_dates_report_orphans_with_rows(eval_lists: Path) -> None:
    folder = eval_lists / "ofac-sdn-2024-05"
    entries = {row[0] for row in _rows(folder / "sdn.csv")}
    orphan_aliases = [i for i, row in enumerate(_rows(folder / "alt.csv"), start=1)
                      if row[0] not in entries]
    warnings = _read(folder).warnings
    alias_warnings = [w for w in warnings if w.code == "orphan-alias"]
    assert [w.row for w in alias_warnings] == orphan_aliases
    assert alias_warnings[0].path is not None and alias_warnings[0].path.endswith("alt.csv")
    assert {w.code for w in warnings} == {"orphan-alias", "orphan-address", "orphan-comment"}


def test_dalian_sun_moon_star(eval_lists: Path) -> None:
    entity = _read(eval_lists / "ofac-sdn-2024-05").watchlist.entity("ofac-24566")
    assert entity.name == "DALIAN SUN MOON STAR INTERNATIONAL LOGISTICS TRADING CO., LTD"
    assert ("DALIAN TIANBAO INTERNATIONAL LOGISTICS CO., LTD.", "aka") in entity.names()
    assert entity.type == "organization"
    assert [d.programme for d in entity.risk.designations] == ["DPRK4"]
    assert {a.city for a in entity.addresses} == {"Dalian, Liaoning 116000", "Dalian 116021"}
    assert entity.countries == ["CN"]
    assert entity.sources[0].reference == "24566"


def test_office_39_and_komid_from_remarks(eval_lists: Path) -> None:
    watchlist = _read(eval_lists / "ofac-sdn-2024-05").watchlist
    office = dict(watchlist.entity("ofac-12209").names())
    assert office["BUREAU 39"] == "aka"
    assert office["THIRD FLOOR"] == "weak"
    komid = watchlist.entity("ofac-9345")
    assert ("KOMID", "acronym") in komid.names()
    assert [d.programme for d in komid.risk.designations] == ["NPWMD", "DPRK2"]


def test_singapore_affiliate_registration_number(eval_lists: Path) -> None:
    entity = _read(eval_lists / "ofac-sdn-2024-05").watchlist.entity("ofac-24567")
    assert [(i.scheme, i.value, i.country) for i in entity.identifiers] == [
        ("registration number", "201318227N", "SG")]


def test_individual_keeps_listed_form_and_gets_natural_order(eval_lists: Path) -> None:
    entity = _read(eval_lists / "ofac-sdn-2024-05").watchlist.entity("ofac-15660")
    assert entity.type == "person"
    assert entity.name == "KO, Ch'o'l-Chae"
    assert ("Ch'o'l-Chae KO", "reordered") in entity.names()


def test_vessel_details(eval_lists: Path) -> None:
    entity = _read(eval_lists / "ofac-sdn-2024-05").watchlist.entity("ofac-4243")
    assert entity.type == "vessel"
    assert ("IMO", "7406784") in [(i.scheme, i.value) for i in entity.identifiers]
    assert ("ANA I", "fka") in entity.names()
    assert entity.countries == ["PA"]


def test_remarks_continued_in_comments(eval_lists: Path) -> None:
    folder = eval_lists / "ofac-sdn-2021-07"
    comments = {row[0] for row in _rows(folder / "sdn_comments.csv")}
    watchlist = _read(folder).watchlist
    for number in comments:
        summary = watchlist.entity(f"ofac-{number}").summary or ""
        tail = next(row[1] for row in _rows(folder / "sdn_comments.csv") if row[0] == number)
        assert summary.endswith(tail.strip())


def test_file_hash_and_version(eval_lists: Path) -> None:
    watchlist = _read(eval_lists / "ofac-sdn-2024-05").watchlist
    assert watchlist.source_hash is not None and watchlist.source_hash.startswith("sha256:")
    assert watchlist.version == "2024-05"
    assert watchlist.id == "ofac-sdn"


def _write_set(folder: Path, sdn: bytes, alt: bytes = b"", add: bytes = b"") -> Path:
    folder.mkdir()
    (folder / "sdn.csv").write_bytes(sdn)
    (folder / "alt.csv").write_bytes(alt)
    (folder / "add.csv").write_bytes(add)
    (folder / "sdn_comments.csv").write_bytes(b"")
    return folder


def test_eof_byte_cp1252_and_empty_marker(tmp_path: Path) -> None:
    sdn = ('1,"CAFÉ TRADING CO.",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
           .encode("cp1252") + b"\x1a")
    alt = b'1,10,"fka","OLD CAFE",-0- \r\n2,11,"aka","NOBODY",-0- \r\n\x1a'
    watchlist = read_ofac_csv(_write_set(tmp_path / "set", sdn, alt)).watchlist
    entity = watchlist.entity("ofac-1")
    assert entity.name == "CAFÉ TRADING CO."
    assert entity.names() == [("CAFÉ TRADING CO.", "primary"), ("OLD CAFE", "fka")]
    assert entity.summary is None


def test_wrong_column_count_names_the_row(tmp_path: Path) -> None:
    good = '1,"A CO.",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    bad = '2,"B CO.",-0- ,"DPRK"\r\n'
    folder = _write_set(tmp_path / "set", (good + bad).encode())
    with pytest.raises(ListFormatError) as caught:
        read_ofac_csv(folder)
    assert caught.value.row == 2
    assert "sdn.csv: row 2" in str(caught.value)


def test_folder_without_the_files(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match=r"no sdn\.csv"):
        read_ofac_csv(tmp_path)


def test_remark_nicknames_of_people_are_weak_aliases(eval_lists: Path) -> None:
    """On the 2024-05 SDN list, 391 nicknames of individuals (a.k.a. 'KIKE') were filed
    as acronyms; only organisations keep acronyms, 'KOMID' among them."""
    entities = {e.id: e for e in _read(eval_lists / "ofac-sdn-2024-05").watchlist.entities}
    kinds = {(e.type, a.kind) for e in entities.values() for a in e.aliases}
    assert ("person", "acronym") not in kinds and ("vessel", "acronym") not in kinds
    nicknames = {a.name: a.kind for a in entities["ofac-11802"].aliases}
    assert nicknames["KIKE"] == nicknames["LA CHIVA"] == "weak"
    assert {a.name: a.kind for a in entities["ofac-9345"].aliases}["KOMID"] == "acronym"
