"""OFAC's legacy CSV sets: the SDN list and the consolidated (non-SDN) list.

A set is a folder of four headerless cp1252 files joined on the entry number:
``sdn.csv`` (entries), ``alt.csv`` (aliases), ``add.csv`` (addresses) and
``sdn_comments.csv`` (remarks too long for ``sdn.csv``, continued mid-word); the
consolidated set names them ``cons_prim.csv``, ``cons_alt.csv``, ``cons_add.csv``
and ``cons_comments.csv``. ``-0-`` means empty; downloads may end with a 0x1A
(DOS end-of-file) byte. Column layout: OFAC's "SDN data specification".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers.common import (
    ImportResult,
    Warnings,
    date_in_name,
    make_address,
    read_bytes,
    sha256_of,
)
from sanctionscreen.importers.ofac_entity import (
    CONS_URL,
    SDN_URL,
    OfacRecord,
    build_entity,
    split_programmes,
)
from sanctionscreen.watchlist.model import Alias, AliasKind, Watchlist

_COLUMNS = {"prim": 12, "alt": 5, "add": 6, "comments": 2}
_FILES = {
    "sdn": {"prim": "sdn.csv", "alt": "alt.csv", "add": "add.csv", "comments": "sdn_comments.csv"},
    "cons": {"prim": "cons_prim.csv", "alt": "cons_alt.csv", "add": "cons_add.csv",
             "comments": "cons_comments.csv"},
}
_VESSEL = ("call_sign", "type", "tonnage", "grt", "flag", "owner")
_ALIAS_KINDS: dict[str, AliasKind] = {"aka": "aka", "fka": "fka", "nka": "nka"}


def set_kind(folder: Path) -> str | None:
    """``"sdn"`` or ``"cons"`` for a folder holding that CSV set, else None."""
    for kind, names in _FILES.items():
        if (folder / names["prim"]).is_file():
            return kind
    return None


def read_ofac_csv(folder: str | Path) -> ImportResult:
    """Read an OFAC legacy CSV folder (SDN or consolidated) into a watchlist."""
    folder = Path(folder)
    kind = set_kind(folder)
    if kind is None:
        raise ListFormatError(
            "no sdn.csv or cons_prim.csv in this folder", path=folder,
            hint="point at the folder holding OFAC's legacy CSV files",
        )
    names = _FILES[kind]
    warnings = Warnings()
    raw: dict[str, bytes] = {}
    for part, file_name in names.items():
        path = folder / file_name
        if part == "prim" or path.is_file():
            raw[part] = read_bytes(path)
        else:
            warnings.add("missing-file", f"{file_name} is missing: its {part} rows are not read",
                         path=path)

    records: dict[str, OfacRecord] = {}
    prim_path = folder / names["prim"]
    _check_ends_cleanly(raw["prim"], prim_path)
    for row, cells in _rows(raw["prim"], prim_path, _COLUMNS["prim"], keep_spaces=11):
        number = cells[0]
        if not number or not cells[1]:
            raise ListFormatError("entry without a number or name", path=prim_path, row=row,
                                  hint="the first two columns must hold ent_num and SDN_Name")
        if number in records:
            warnings.add("duplicate-entry", f"entry {number} is listed twice; the first is kept",
                         path=prim_path, row=row)
            continue
        vessel = {key: value for key, value in zip(_VESSEL, cells[5:11], strict=True) if value}
        records[number] = OfacRecord(
            number=number, name=cells[1], sdn_type=cells[2] or "entity",
            programmes=split_programmes(cells[3]), title=cells[4] or None,
            remarks=cells[11] or "", vessel=vessel,
        )

    if "comments" in raw:
        path = folder / names["comments"]
        for row, cells in _rows(raw["comments"], path, _COLUMNS["comments"], keep_spaces=1):
            record = records.get(cells[0] or "")
            if record is None:
                warnings.add("orphan-comment", f"remarks for entry {cells[0]}, which "
                             f"{names['prim']} does not list", path=path, row=row)
            else:
                record.remarks += cells[1] or ""
    if not records:
        raise ListFormatError(
            "no entries: the list would screen every name clear", path=prim_path,
            hint="the file is empty or cut short; download OFAC's CSV files again")
    joined: dict[str, list[int]] = {"alt": [0, 0], "add": [0, 0]}  # rows, orphans
    if "alt" in raw:
        path = folder / names["alt"]
        for row, cells in _rows(raw["alt"], path, _COLUMNS["alt"]):
            record = records.get(cells[0] or "")
            joined["alt"][0] += 1
            if record is None:
                joined["alt"][1] += 1
                warnings.add("orphan-alias", f"alias {cells[3]!r} of entry {cells[0]}, which "
                             f"{names['prim']} does not list", path=path, row=row)
                continue
            if not cells[3]:
                continue
            alias_kind: AliasKind | None = _ALIAS_KINDS.get((cells[2] or "aka").lower())
            if alias_kind is None:
                warnings.add("alias-type", f"alias type {cells[2]!r} read as 'aka'",
                             path=path, row=row)
            record.aliases.append(Alias(name=cells[3], kind=alias_kind or "aka"))
    if "add" in raw:
        path = folder / names["add"]
        for row, cells in _rows(raw["add"], path, _COLUMNS["add"]):
            record = records.get(cells[0] or "")
            joined["add"][0] += 1
            if record is None:
                joined["add"][1] += 1
                warnings.add("orphan-address", f"address of entry {cells[0]}, which "
                             f"{names['prim']} does not list", path=path, row=row)
                continue
            address = make_address(text=cells[2], city=cells[3], country=cells[4],
                                   warnings=warnings, path=str(path), row=row)
            if address is not None:
                record.addresses.append(address)

    for part, (rows, orphans) in joined.items():
        _check_joined(rows, orphans, folder / names[part], prim_path)

    title, list_id, url = (
        ("OFAC Specially Designated Nationals (SDN) list", "ofac-sdn", SDN_URL) if kind == "sdn"
        else ("OFAC Consolidated (non-SDN) sanctions list", "ofac-cons", CONS_URL)
    )
    entities = [build_entity(record, list_title=title, url=url, source_date=None)
                for record in records.values()]
    watchlist = Watchlist(
        id=list_id, title=title, publisher="US Treasury OFAC", version=date_in_name(folder),
        source=str(folder), source_date=None,
        source_hash=sha256_of((names[part], data) for part, data in raw.items()),
        description=f"Imported from OFAC's legacy CSV files in {folder.name}.",
        entities=entities,
    )
    return ImportResult(watchlist, warnings.items)


# More than this share of alias or address rows without their entry means the entry
# file is cut short or from another download. Whole downloads have far fewer: the
# 2024-05 SDN set has 1,468 orphan aliases of 19,486 (8%) and 2,474 orphan addresses
# of 22,641 (11%).
ORPHAN_LIMIT = 0.25
_MIN_JOINED = 20  # below this many rows, a share says little


def _check_ends_cleanly(data: bytes, path: Path) -> None:
    """A file whose last record has no line end was cut mid-record."""
    body = data.rstrip(b"\x1a")
    if body.strip() and not body.endswith((b"\n", b"\r")):
        raise ListFormatError(
            "the file ends mid-record (no line end after the last entry)", path=path,
            hint="it was cut short; download OFAC's CSV files again")


def _check_joined(rows: int, orphans: int, path: Path, prim_path: Path) -> None:
    if rows >= _MIN_JOINED and orphans > ORPHAN_LIMIT * rows:
        raise ListFormatError(
            f"{orphans:,} of its {rows:,} rows belong to entries that {prim_path.name} "
            f"does not list: {prim_path.name} looks cut short, or the files come from "
            "different downloads", path=path,
            hint="download all of OFAC's CSV files again, together")


def decode(data: bytes) -> str:
    """OFAC's bytes as text: cp1252, falling back to Latin-1 for bytes cp1252 leaves undefined."""
    data = data.rstrip(b"\x1a")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _rows(
    data: bytes, path: Path, columns: int, *, keep_spaces: int | None = None
) -> Iterator[tuple[int, list[str | None]]]:
    """``(row number, cells)`` with ``-0-`` as None; a row of the wrong width is an error.

    Cells are stripped except column ``keep_spaces``: remarks are cut at a fixed
    width and continued in the comments file, so a space at the cut is part of them.
    """
    reader = csv.reader(io.StringIO(decode(data), newline=""))
    row = 0
    try:
        for cells in reader:
            if not cells or (len(cells) == 1 and not cells[0].strip(" \x1a")):
                continue
            row += 1
            if len(cells) != columns:
                raise ListFormatError(
                    f"{len(cells)} columns where {path.name} has {columns}",
                    path=path, row=row,
                    hint="the file is truncated or not an OFAC legacy CSV; download it again",
                )
            clean = [_clean(cell) for cell in cells]
            if keep_spaces is not None and clean[keep_spaces] is not None:
                clean[keep_spaces] = cells[keep_spaces]
            yield row, clean
    except csv.Error as error:
        raise ListFormatError(f"CSV syntax error: {error}", path=path, row=row + 1) from None


def _clean(cell: str) -> str | None:
    value = cell.strip()
    return None if value in ("", "-0-") else value
