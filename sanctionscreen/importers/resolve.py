"""Turn ``--list`` values into watchlists: ``bundled``, YAML folders, official list files."""

from __future__ import annotations

from pathlib import Path

from sanctionscreen.errors import WatchlistError
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
    file, or a folder holding OFAC's CSV set) is read with :func:`load_list`. Two
    lists with the same id are a :class:`WatchlistError`: hits name their list by
    id, so one list would be cited for the other's entities.
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
    check_unique_ids(lists)
    return lists


def check_unique_ids(lists: list[Watchlist]) -> None:
    """:class:`WatchlistError` naming both sources when two lists share an id."""
    seen: dict[str, Watchlist] = {}
    for watchlist in lists:
        first = seen.setdefault(watchlist.id, watchlist)
        if first is not watchlist:
            raise WatchlistError(
                f"list id {watchlist.id!r} is also the id of {first.source or 'another list'}",
                path=watchlist.source,
                hint="each list needs its own id: change one, or give the list once")


def list_stamp(spec: str | Path) -> tuple[tuple[str, int, int], ...]:
    """What changes when a list's files change: each file's path, size and modification
    time (``()`` for the bundled lists and for a path that does not exist), so that a
    loaded list kept for reuse is loaded again once its files change."""
    if str(spec) == BUNDLED:
        return ()
    path = Path(spec)
    if not path.exists():
        return ()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files)
