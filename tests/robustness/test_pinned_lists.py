"""``--expect-hash`` and ``--min-entities`` pin the lists of a pipeline (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sanctionscreen.watchlist.bundled import bundled_watchlists

Cli = Callable[..., tuple[int, str, str]]


def _bundled_hashes() -> list[str]:
    args = []
    for watchlist in bundled_watchlists():
        args += ["--expect-hash", watchlist.content_hash]
    return args


def test_the_pinned_hashes_screen(cli: Cli) -> None:
    code, out, _ = cli("check", "Korea Shinheung Trading Corp.", *_bundled_hashes())
    assert code == 1 and "MATCH" in out


def test_an_unexpected_hash_stops_before_screening(cli: Cli, tmp_path: Path) -> None:
    code, out, err = cli("check", "Korea Shinheung Trading Corp.", "--expect-hash",
                         "sha256:" + "0" * 64)
    assert code == 2 and out == ""
    assert err.startswith("Error: ") and "neither of them expected" in err
    code, out, err = cli("screen", str(tmp_path / "absent.csv"), "--expect-hash",
                         "sha256:" + "0" * 64)
    assert code == 2 and "neither of them expected" in err


def test_a_hash_no_list_has(cli: Cli) -> None:
    code, _, err = cli("check", "Profinet", *_bundled_hashes(), "--expect-hash", "ab" * 32)
    assert code == 2 and "no list in use has the expected hash sha256:" + "ab" * 32 in err


def test_a_source_hash_pins_an_official_list(cli: Cli, eval_lists: Path) -> None:
    un = next((eval_lists / "un").glob("*.xml"))
    code, out, _ = cli("lists", "--list", str(un))
    source_hash = out.split("source hash: ")[1].split()[0]
    code, _, _ = cli("check", "Profinet", "--list", str(un), "--expect-hash", source_hash)
    assert code in (0, 1)


def test_min_entities(cli: Cli, eval_lists: Path) -> None:
    un = str(next((eval_lists / "un").glob("*.xml")))
    code, _, err = cli("check", "Profinet", "--list", un, "--list", "bundled",
                       "--min-entities", "100000")
    assert code == 2 and "fewer than --min-entities 100,000" in err
    code, _, _ = cli("check", "Profinet", "--list", un, "--list", "bundled",
                     "--min-entities", "100")
    assert code in (0, 1)
    code, _, err = cli("check", "Profinet", "--min-entities", "0")
    assert code == 2 and "must be 1 or more" in err
