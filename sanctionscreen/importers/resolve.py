"""Turn ``--list`` values into watchlists: ``bundled``, YAML folders, official list files."""

from __future__ import annotations

from pathlib import Path

from sanctionscreen.importers.load import load_list
from sanctionscreen.importers.ofac_csv import set_kind
from sanctionscreen.watchlist.bundled import bundled_watchlists
from sanctionscreen.watchlist.loader import load_watchlist, yaml_files
from sanctionscreen.watchlist.model import Watchlist

BUNDLED = "bundled"


def resolve_lists(values: list[str] | None) -> list[Watchlist]:
    """The watchlists ``values`` name, in order.

    None or an empty list means the bundled lists; the word ``bundled`` names them
    too; a folder of YAML files gives each file; any other path (an official list
    file, or a folder holding OFAC's CSV set) is read with :func:`load_list`.
    """
    if not values:
        return list(bundled_watchlists())
    lists: list[Watchlist] = []
    for value in values:
        if value == BUNDLED:
            lists.extend(bundled_watchlists())
            continue
        path = Path(value)
        if path.is_dir() and set_kind(path) is None and (files := yaml_files(path)):
            lists.extend(load_watchlist(file) for file in files)
        else:
            lists.append(load_list(path))
    return lists

