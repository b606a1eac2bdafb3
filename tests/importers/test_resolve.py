"""resolve_lists: bundled, YAML folders, official list files."""

from __future__ import annotations

from pathlib import Path

from sanctionscreen.importers import resolve_lists
from sanctionscreen.watchlist.bundled import bundled_watchlists

REPO = Path(__file__).resolve().parents[2]


def test_none_and_bundled_mean_the_bundled_lists() -> None:
    bundled = [w.id for w in bundled_watchlists()]
    assert [w.id for w in resolve_lists(None)] == bundled
    assert [w.id for w in resolve_lists([])] == bundled
    assert [w.id for w in resolve_lists(["bundled"])] == bundled


def test_folder_of_yaml_and_official_files(data_dir: Path) -> None:
    lists = resolve_lists([str(REPO / "watchlists"), str(data_dir / "sdn_sample.xml")])
    assert [w.id for w in lists][-1] == "ofac-sdn"
    assert "dprk-articles" in [w.id for w in lists]


def test_ofac_folder_is_one_list(eval_lists: Path) -> None:
    lists = resolve_lists([str(eval_lists / "ofac-consolidated-2025-12")])
    assert [w.id for w in lists] == ["ofac-cons"]
