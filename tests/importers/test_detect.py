"""Format detection from the path, and load_list over every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers import FORMATS, detect_format, load_list
from sanctionscreen.importers.load import READERS

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("relative", "expected"), [
    ("ofac-sdn-2024-05", "ofac-csv"),
    ("ofac-consolidated-2025-12", "ofac-csv"),
    ("un/un_consolidated_2026-02-27.xml", "un-xml"),
    ("uk/FCDO_UK_Sanctions_List_2025-08-11.csv", "uk-csv"),
])
def test_real_files(eval_lists: Path, relative: str, expected: str) -> None:
    assert detect_format(eval_lists / relative) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("sample.ftm.json", "opensanctions-ftm"),
    ("targets.simple.csv", "opensanctions-csv"),
    ("sdn_sample.xml", "ofac-xml"),
])
def test_samples(data_dir: Path, name: str, expected: str) -> None:
    assert detect_format(data_dir / name) == expected


def test_yaml_goes_to_the_watchlist_loader() -> None:
    path = REPO / "watchlists" / "dprk-articles.yaml"
    assert detect_format(path) == "yaml"
    assert load_list(path).id == "dprk-articles"


def test_explicit_format_overrides(data_dir: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "export.txt"
    renamed.write_bytes((data_dir / "sample.ftm.json").read_bytes())
    with pytest.raises(ListFormatError):
        detect_format(renamed)
    assert len(load_list(renamed, format="opensanctions-ftm").entities) == 3


def test_unknown_names_path_and_formats(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("first,last\nA,B\n")
    with pytest.raises(ListFormatError) as caught:
        detect_format(path)
    assert caught.value.path == str(path)
    assert "uk-csv" in str(caught.value) and "ofac-csv" in str(caught.value)


def test_unknown_format_name(data_dir: Path) -> None:
    with pytest.raises(ListFormatError, match="unknown list format 'eu-xml'"):
        load_list(data_dir / "sdn_sample.xml", format="eu-xml")


def test_every_format_has_a_reader() -> None:
    assert tuple(READERS) == FORMATS


def test_load_list_logs_a_summary(eval_lists: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("WARNING", logger="sanctionscreen.importers")
    load_list(eval_lists / "uk/FCDO_UK_Sanctions_List_2025-08-11.csv")
    assert "2 warnings (2 incomplete-entry)" in caplog.text
