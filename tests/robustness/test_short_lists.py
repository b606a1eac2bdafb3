"""Lists that load empty or cut short are errors, never a silent all-clear (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers import load_list

Cli = Callable[..., tuple[int, str, str]]


def test_empty_sdn_csv_beside_the_other_files(ofac_copy: Path, cli: Cli) -> None:
    (ofac_copy / "sdn.csv").write_bytes(b"")
    with pytest.raises(ListFormatError, match=r"sdn\.csv: no entries"):
        load_list(ofac_copy)
    code, out, err = cli("check", "BANCO NACIONAL DE CUBA", "--list", str(ofac_copy))
    assert code == 2 and "CLEAR" not in out
    assert "sdn.csv" in err and "no entries" in err


def test_header_only_uk_csv(eval_lists: Path, tmp_path: Path, cli: Cli) -> None:
    source = next((eval_lists / "uk").glob("*.csv"))
    header = source.read_bytes().splitlines(keepends=True)[0]
    path = tmp_path / source.name
    path.write_bytes(header)
    code, out, err = cli("check", "KOREA KWANGSON BANKING CORP", "--list", str(path))
    assert code == 2 and "CLEAR" not in out
    assert source.name in err and "no entities" in err


def test_un_xml_with_only_its_root(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "un.xml"
    path.write_bytes(b'<?xml version="1.0"?>\n<CONSOLIDATED_LIST dateGenerated="2026-02-27">'
                     b"<INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>\n")
    code, _, err = cli("check", "KOREA MINING DEVELOPMENT TRADING CORPORATION",
                       "--list", str(path))
    assert code == 2 and "un.xml" in err and "no entities" in err


def test_sdn_csv_cut_mid_record(ofac_copy: Path) -> None:
    data = (ofac_copy / "sdn.csv").read_bytes()
    (ofac_copy / "sdn.csv").write_bytes(data[: len(data) // 2])
    with pytest.raises(ListFormatError, match=r"sdn\.csv"):
        load_list(ofac_copy)


@pytest.mark.parametrize("kept", [0.5, 0.75])
def test_sdn_csv_cut_at_a_line_end(ofac_copy: Path, cli: Cli, kept: float) -> None:
    """The aliases and addresses of the lost entries are orphans (a whole download: 11%)."""
    lines = (ofac_copy / "sdn.csv").read_bytes().splitlines(keepends=True)
    (ofac_copy / "sdn.csv").write_bytes(b"".join(lines[: int(len(lines) * kept)]))
    with pytest.raises(ListFormatError, match=r"(alt|add)\.csv: .* rows belong to entries "
                                              r"that sdn\.csv does not list"):
        load_list(ofac_copy)
    code, _, err = cli("screen", "-", "--list", str(ofac_copy))
    assert code == 2 and "sdn.csv looks cut short" in err


def test_a_whole_download_loads_despite_its_orphans(eval_lists: Path) -> None:
    """The 2024-05 set has 8% orphan aliases and 11% orphan addresses: not an error."""
    assert len(load_list(eval_lists / "ofac-sdn-2024-05").entities) == 14965


def test_lists_shows_entity_counts(eval_lists: Path, cli: Cli) -> None:
    code, out, _ = cli("lists", "--list", str(eval_lists / "ofac-sdn-2024-05"))
    assert code == 0 and "entities: 14965" in out
