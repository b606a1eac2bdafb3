"""The import, lists and fetch sub-commands, run through a parser built here.

``sanctionscreen.cli.main`` sees these commands once the module is in ``COMMANDS``;
until then the tests build the same parser from ``register``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
import yaml

from sanctionscreen.cli import lists_cmd
from sanctionscreen.errors import SanctionscreenError
from sanctionscreen.importers import load_list
from sanctionscreen.importers.fetch import SOURCES
from sanctionscreen.watchlist.loader import load_watchlist
from sanctionscreen.watchlist.model import Watchlist


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="sanctionscreen")
    subparsers = parser.add_subparsers(dest="command", required=True)
    lists_cmd.register(subparsers)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except SanctionscreenError as error:
        print(f"{type(error).__name__}: {error}")
        return 2


def test_import_round_trip(eval_lists: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    source = eval_lists / "ofac-consolidated-2025-12"
    output = tmp_path / "cons.yaml"
    assert run(["import", str(source), "--output", str(output)]) == 0
    imported = load_list(source)
    loaded = load_watchlist(output)
    assert len(loaded.entities) == len(imported.entities) == 442
    assert loaded.content_hash == imported.content_hash
    assert loaded.source_hash == imported.source_hash
    assert "442 entities" in capsys.readouterr().out


def test_import_prints_warnings(eval_lists: Path, tmp_path: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "uk.yaml"
    code = run(["import", str(eval_lists / "uk/FCDO_UK_Sanctions_List_2025-08-11.csv"),
                "-o", str(output)])
    err = capsys.readouterr().err
    assert code == 0
    assert "2 warnings: 2 incomplete-entry" in err
    assert "entry BEL0174 has no Name" in err
    # the C loader: load_watchlist's line-tracking parse of 5,300 entities takes ~30 s
    data = yaml.load(output.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    assert Watchlist.model_validate(data).version == "2025-08-11"


def test_import_bad_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n")
    assert run(["import", str(path), "-o", str(tmp_path / "x.yaml")]) == 2
    assert "ListFormatError" in capsys.readouterr().out
    assert not (tmp_path / "x.yaml").exists()


def test_lists_shows_counts_and_hashes(data_dir: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["lists", "--list", str(data_dir / "sdn_sample.xml")]) == 0
    out = capsys.readouterr().out
    watchlist = load_list(data_dir / "sdn_sample.xml")
    assert out.startswith("ofac-sdn: OFAC Specially Designated Nationals (SDN) list")
    # 3 primary names, 3 aliases of KOMID, the natural-order form of KO, the former ANA I
    assert "source date: 2024-05-03  entities: 3  names: 8" in out
    assert watchlist.content_hash in out and str(watchlist.source_hash) in out


def test_fetch_arguments_and_urls() -> None:
    parser = argparse.ArgumentParser()
    lists_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["fetch", "un", "--output", "lists"])
    assert (args.publisher, args.output) == ("un", "lists")
    with pytest.raises(SystemExit):
        parser.parse_args(["fetch", "eu", "--output", "lists"])
    assert set(SOURCES) == {"ofac", "un", "uk"}
    for page, downloads in SOURCES.values():
        assert page.startswith("https://")
        assert all(d.url.startswith("https://") and d.file_name for d in downloads)
    assert [d.file_name for d in SOURCES["ofac"][1]] == [
        "sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"]
