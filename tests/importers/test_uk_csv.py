"""UK FCDO list CSV export, on the real file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers.uk_csv import read_uk_csv

FILE = "uk/FCDO_UK_Sanctions_List_2025-08-11.csv"


def test_one_entity_per_named_row(eval_lists: Path) -> None:
    with (eval_lists / FILE).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    named = [r for r in rows if r["Name"].strip() and r["Unique ID"].strip()]
    result = read_uk_csv(eval_lists / FILE)
    assert len(result.watchlist.entities) == len(named)
    # rows without a name are reported with their row number, not dropped silently
    unnamed_rows = [i for i, r in enumerate(rows, start=1) if not r["Name"].strip()]
    assert [w.row for w in result.warnings] == unnamed_rows
    assert len(rows) == 5302


def test_office_39(eval_lists: Path) -> None:
    watchlist = read_uk_csv(eval_lists / FILE).watchlist
    entity = watchlist.entity("uk-dpr0182")
    assert entity.name == "OFFICE 39"
    assert entity.risk.designations[0].programme == "Democratic People's Republic of Korea"
    assert watchlist.version == "2025-08-11"
    types = {e.type for e in watchlist.entities}
    assert types == {"person", "organization", "vessel"}


def test_wrong_column_count(tmp_path: Path) -> None:
    path = tmp_path / "uk.csv"
    path.write_text("Unique ID,OFSI Group ID,Name,Regime Name,Type\n"
                    "A1,1,X CO,Russia,Entity\nA2,2,Y CO,Russia\n", encoding="utf-8")
    with pytest.raises(ListFormatError) as caught:
        read_uk_csv(path)
    assert caught.value.row == 2
