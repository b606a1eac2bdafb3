"""The driver's side: which lists to ship, and the hashes every worker must find.

The driver loads the lists once to learn their ids, content hashes and sources
(``Screener.lists_info``), and the settings' hash; a :class:`Plan` carries these,
with the names the list files travel under (``SparkContext.addFile``), to every
task. The bundled lists travel inside the installed package and are not shipped.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sanctionscreen.errors import ConfigurationError, WatchlistError
from sanctionscreen.importers.resolve import BUNDLED, check_unique_ids, list_stamp
from sanctionscreen.importers.resolve import resolve_lists as resolve_paths
from sanctionscreen.results import ListInfo
from sanctionscreen.screening.build import list_info, with_types
from sanctionscreen.settings import Settings, Thresholds
from sanctionscreen.watchlist.model import Watchlist

if TYPE_CHECKING:
    from pyspark import SparkContext


@dataclass(frozen=True)
class Shipped:
    """One ``--list`` value: ``bundled``, or a file or folder shipped under ``name``."""

    source: str  # as the driver reads it: "bundled" or an absolute path
    name: str | None  # the name it travels under (``SparkFiles.get``); None: bundled
    folder: bool = False


@dataclass(frozen=True)
class Plan:
    """What every worker needs to build its screener and prove it has the right lists."""

    lists: tuple[Shipped, ...]
    thresholds: tuple[tuple[str, float], ...]
    types: tuple[str, ...] | None
    expected: tuple[tuple[str, str], ...]  # (list id, content hash), in list order
    settings: dict[str, Any]  # as results record them
    settings_hash: str
    library_version: str
    infos: tuple[ListInfo, ...]  # as the driver sees them (driver's sources)

    @property
    def key(self) -> tuple[object, ...]:
        """What a worker's cached screener is kept under."""
        return (self.expected, self.settings_hash,
                tuple((s.source, s.name) for s in self.lists))

    @property
    def sources(self) -> dict[str, str]:
        """The driver's source of each list, by id: what results record."""
        return {info.id: info.source for info in self.infos if info.source is not None}


def make_plan(lists: str | Path | Sequence[str | Path] | None = None, *,
              thresholds: Thresholds | dict[str, float] | None = None,
              types: Iterable[str] | None = None) -> Plan:
    """Load ``lists`` on the driver (``None``: the bundled lists) and make the plan.

    Lists are ``"bundled"`` or paths (a list file, an OFAC CSV folder, a folder of
    YAML files); two shipped paths with one base name are a :class:`ConfigurationError`
    (``SparkFiles`` knows a file by its base name only).
    """
    types = None if types is None else tuple(types)  # read once (a generator is used twice)
    specs: list[str | Path] = ([BUNDLED] if lists is None else
                               [lists] if isinstance(lists, (str, Path)) else list(lists))
    if not specs:
        raise ConfigurationError("no lists given", hint="pass 'bundled' or a path")
    shipped = tuple(_shipped(spec) for spec in specs)
    names = [Path(s.source).name for s in shipped if s.name is not None]
    clash = sorted({n for n in names if names.count(n) > 1})
    if clash:
        raise ConfigurationError(
            f"two lists have the base name {clash[0]!r}; Spark ships files by base name",
            hint="rename or move one of them")
    watchlists = _loaded(tuple(s.source for s in shipped))
    check_unique_ids(watchlists)
    settings = Settings()
    if thresholds is not None:
        chosen = thresholds if isinstance(thresholds, Thresholds) else Thresholds(**thresholds)
        settings = settings.model_copy(update={"thresholds": chosen})
    if types is not None:
        settings = with_types(settings, types)
    from sanctionscreen import __version__

    return Plan(
        lists=shipped,
        thresholds=tuple(sorted(settings.thresholds.model_dump().items())),
        types=None if types is None else tuple(sorted(set(types))),
        expected=tuple((w.id, w.content_hash) for w in watchlists),
        settings=settings.model_dump(mode="json"), settings_hash=settings.fingerprint(),
        library_version=__version__,
        infos=tuple(list_info(w, w.source) for w in watchlists))


_LOADED: dict[tuple[object, ...], list[Watchlist]] = {}  # by sources and file stats
_KEEP = 4


def _loaded(sources: tuple[str, ...]) -> list[Watchlist]:
    """The lists at ``sources``, kept while their files' sizes and times stay the same
    (a notebook screens many DataFrames against the same lists)."""
    key = (sources, tuple(list_stamp(source) for source in sources))
    found = _LOADED.get(key)
    if found is None:
        found = resolve_paths(list(sources))
        if len(_LOADED) >= _KEEP:
            del _LOADED[next(iter(_LOADED))]
        _LOADED[key] = found
    return found


def _shipped(spec: object) -> Shipped:
    if isinstance(spec, str) and spec == BUNDLED:
        return Shipped(BUNDLED, None)
    if not isinstance(spec, (str, Path)):
        raise ConfigurationError(f"cannot ship {spec!r} as a list",
                                 hint="pass a path or the word 'bundled'")
    path = Path(spec).resolve()
    if not path.exists():
        raise WatchlistError("the list file or folder does not exist", path=path,
                             hint="give the path of a list file or folder")
    # Named by its files' sizes and times too: Spark ships a name once a session, so
    # an edited list must travel under a new name to reach the workers.
    stamp = hashlib.sha256(repr(list_stamp(path)).encode()).hexdigest()[:12]
    return Shipped(str(path), f"{stamp}-{path.name}", folder=path.is_dir())


def ship(context: SparkContext, plan: Plan) -> None:
    """Add the plan's list files and folders to ``context`` (once each), so that
    every executor can read them with ``SparkFiles.get``."""
    added = {uri.rstrip("/").rsplit("/", 1)[-1] for uri in context.listFiles}
    for item in plan.lists:
        if item.name is None or item.name in added:
            continue
        # a copy under the name it travels by (a temporary folder kept for the session)
        staged = Path(tempfile.mkdtemp(prefix="sanctionscreen-lists-")) / item.name
        if item.folder:
            shutil.copytree(item.source, staged)
        else:
            shutil.copy2(item.source, staged)
        context.addFile(str(staged), recursive=item.folder)
        added.add(item.name)
