"""The public API: what ``sanctionscreen`` exports, and junk fed to every entry point."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import sanctionscreen
from sanctionscreen import SanctionscreenError


def test_all_is_sorted_and_complete() -> None:
    assert sanctionscreen.__all__ == sorted(sanctionscreen.__all__)
    for name in sanctionscreen.__all__:
        assert hasattr(sanctionscreen, name), name
    public = {n for n in dir(sanctionscreen) if not n.startswith("_")} - {"annotations"}
    modules = {n for n in public if type(getattr(sanctionscreen, n)).__name__ == "module"}
    assert public - modules <= set(sanctionscreen.__all__)


def test_issue_names_are_exported() -> None:
    for name in ("screen", "Screener", "compare", "load_watchlist", "Watchlist", "Entity",
                 "ScreeningResult", "Hit", "Explanation", "SanctionscreenError"):
        assert name in sanctionscreen.__all__


JUNK: list[object] = [None, 0, 3.5, b"bytes", ["list"], {"a": 1}, object(), "\U0001f600" * 3,
                      "\x00\x01\x02", "\udc80", "x" * 10_000_000, "  ", "\u200b\u200b"]


@pytest.mark.parametrize("junk", JUNK, ids=lambda j: repr(j)[:20])
def test_junk_gives_a_result_or_a_clear_error(junk: object) -> None:
    result = sanctionscreen.screen(junk)  # type: ignore[arg-type]
    assert result.decision in ("error", "clear", "match", "review")
    for call in (lambda: sanctionscreen.compare(junk, "Profinet"),  # type: ignore[arg-type]
                 lambda: sanctionscreen.normalise(junk)):  # type: ignore[arg-type]
        try:
            call()
        except (SanctionscreenError, TypeError) as error:
            assert str(error)


def test_the_one_call_screen_sees_an_edited_list(tmp_path: Path) -> None:
    # The screener kept for a path is built again once the file changes.
    listing = tmp_path / "mine.yaml"
    entry = ("id: mine\ntitle: Mine\nentities:\n  - id: e1\n    type: company\n"
             "    name: {name}\n    risk: {{basis: reported, categories: [other]}}\n"
             "    sources: [{{kind: article, title: Test}}]\n")
    listing.write_text(entry.format(name="Brightwave Textiles GmbH"), encoding="utf-8")
    assert sanctionscreen.screen("Nordic Packaging AB", lists=[listing]).decision == "clear"
    listing.write_text(entry.format(name="Nordic Packaging AB"), encoding="utf-8")
    os.utime(listing, ns=(1, 1))  # a new time even where the clock is coarse
    assert sanctionscreen.screen("Nordic Packaging AB", lists=[listing]).decision == "match"
    assert sanctionscreen.screen("Nordic Packaging AB", lists=[str(listing)]).decision == "match"
