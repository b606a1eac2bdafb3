"""Which list format a path holds: by folder contents, XML root, file name or CSV header."""

from __future__ import annotations

import re
from pathlib import Path

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers import ofac_csv, ofac_xml, opensanctions, uk_csv, un_xml
from sanctionscreen.importers.csvtext import header_of
from sanctionscreen.watchlist.loader import YAML_SUFFIXES

# Format names, as ``--format`` and ``load_list(format=...)`` accept them.
FORMATS = ("ofac-csv", "ofac-xml", "un-xml", "uk-csv", "opensanctions-ftm",
           "opensanctions-csv", "yaml")
_ROOT = re.compile(rb"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")


def detect_format(path: str | Path) -> str:
    """The format name of ``path`` (one of :data:`FORMATS`), or :class:`ListFormatError`.

    >>> detect_format("watchlists/dprk-articles.yaml")
    'yaml'
    """
    path = Path(path)
    if path.is_dir():
        if ofac_csv.set_kind(path):
            return "ofac-csv"
        if any(p.suffix.lower() in YAML_SUFFIXES for p in path.iterdir()):
            return "yaml"
        raise _unknown(path, "a folder without sdn.csv, cons_prim.csv or YAML files")
    name = path.name.lower()
    if path.suffix.lower() in YAML_SUFFIXES:
        return "yaml"
    if name.endswith((".ftm.json", ".jsonl", ".ndjson")):
        return "opensanctions-ftm"
    if not path.exists():
        raise ListFormatError("file not found", path=path, hint="check the path")
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError as error:
        raise ListFormatError(f"cannot read file: {error.strerror}", path=path) from None
    if path.suffix.lower() == ".xml" or head.lstrip().startswith(b"<"):
        root = _xml_root(head)
        if root == un_xml.ROOT:
            return "un-xml"
        if root == ofac_xml.ROOT:
            return "ofac-xml"
        raise _unknown(path, f"XML with root element <{root}>" if root else "XML without a root")
    if path.suffix.lower() == ".csv":
        header = set(header_of(head))
        if set(uk_csv.COLUMNS) <= header:
            return "uk-csv"
        if set(opensanctions.SIMPLE_COLUMNS) <= header:
            return "opensanctions-csv"
        raise _unknown(path, f"a CSV file with header {sorted(header)!r}")
    raise _unknown(path, "a file of unknown type")


def _xml_root(head: bytes) -> str | None:
    text = re.sub(rb"<!--.*?-->", b"", head, flags=re.DOTALL)
    match = _ROOT.search(text)
    return match.group(1).decode("ascii", "replace") if match else None


def _unknown(path: Path, what: str) -> ListFormatError:
    return ListFormatError(
        f"cannot tell the list format of {what}", path=path,
        hint=f"accepted formats: {', '.join(FORMATS)}; name one with --format / format=",
    )
