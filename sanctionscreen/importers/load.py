"""One entry point for every list format: :func:`load_list` and :func:`import_list`."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers.common import ImportResult, ImportWarning
from sanctionscreen.importers.detect import FORMATS, detect_format
from sanctionscreen.importers.ofac_csv import read_ofac_csv
from sanctionscreen.importers.ofac_xml import read_ofac_xml
from sanctionscreen.importers.opensanctions import read_ftm_json, read_simple_csv
from sanctionscreen.importers.uk_csv import read_uk_csv
from sanctionscreen.importers.un_xml import read_un_xml
from sanctionscreen.watchlist.loader import load_watchlist
from sanctionscreen.watchlist.model import Watchlist

logger = logging.getLogger("sanctionscreen.importers")


def _read_yaml(path: str | Path) -> ImportResult:
    return ImportResult(load_watchlist(path))


READERS: dict[str, Callable[[str | Path], ImportResult]] = {
    "ofac-csv": read_ofac_csv,
    "ofac-xml": read_ofac_xml,
    "un-xml": read_un_xml,
    "uk-csv": read_uk_csv,
    "opensanctions-ftm": read_ftm_json,
    "opensanctions-csv": read_simple_csv,
    "yaml": _read_yaml,
}


def import_list(path: str | Path, *, format: str | None = None) -> ImportResult:
    """Read a list file or folder in any accepted format, with the warnings found on the way.

    ``format`` (one of ``FORMATS``) overrides detection from the path.
    """
    if format is None:
        format = detect_format(path)
    reader = READERS.get(format)
    if reader is None:
        raise ListFormatError(f"unknown list format {format!r}", path=path,
                              hint=f"accepted formats: {', '.join(FORMATS)}")
    try:
        result = reader(path)
    except ValidationError as error:
        # An entry the format reads but the watchlist model refuses (a name of only
        # invisible characters, say): name the file instead of tracing back.
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ListFormatError(f"an entry cannot be used: {where}: "
                              f"{str(first['msg']).removeprefix('Value error, ')}",
                              path=path, hint="fix or remove that entry") from None
    if format != "yaml" and not result.watchlist.entities:
        raise ListFormatError(
            "no entities: the list would screen every name clear", path=path,
            hint="the file is empty, holds only its header or root element, or was cut "
            "short; download it again")
    return result


def load_list(path: str | Path, *, format: str | None = None) -> Watchlist:
    """The watchlist in a list file or folder.

    Warnings go to the ``sanctionscreen.importers`` logger: one summary at WARNING
    level, each warning at DEBUG; :func:`import_list` returns them instead.

    >>> load_list("watchlists/dprk-articles.yaml").id
    'dprk-articles'
    """
    result = import_list(path, format=format)
    if result.warnings:
        for warning in result.warnings:
            logger.debug("%s", warning)
        logger.warning("%s: %d warnings (%s); run 'sanctionscreen import' to see them",
                       path, len(result.warnings), summarise(result.warnings))
    return result.watchlist


def summarise(warnings: list[ImportWarning]) -> str:
    """``"2474 orphan-address, 1468 orphan-alias"``: warning counts by code, largest first."""
    counts = Counter(warning.code for warning in warnings)
    return ", ".join(f"{count} {code}" for code, count in counts.most_common())
