"""The UK FCDO sanctions list, as the trimmed CSV export in ``../shared/eval/lists/uk``.

Columns: ``Unique ID, OFSI Group ID, Name, Regime Name, Type, Designation source,
Date Designated, Sanctions Imposed``; one row per designation, so a person listed
under two regimes has two rows (and two entities here, linked by the group id).
The export has no aliases and no addresses.
"""

from __future__ import annotations

from pathlib import Path

from sanctionscreen.importers.common import (
    ImportResult,
    Warnings,
    date_in_name,
    entity_id,
    read_bytes,
    sha256_of,
)
from sanctionscreen.importers.csvtext import dict_rows
from sanctionscreen.watchlist.model import (
    Designation,
    Entity,
    EntityType,
    Identifier,
    Risk,
    Source,
    Watchlist,
)

AUTHORITY = "UK FCDO"
URL = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
COLUMNS = ("Unique ID", "Name", "Regime Name", "Type")
_TYPES: dict[str, EntityType] = {"individual": "person", "entity": "organization",
                                 "ship": "vessel"}


def read_uk_csv(path: str | Path) -> ImportResult:
    """Read the UK FCDO list CSV export into a watchlist."""
    path = Path(path)
    data = read_bytes(path)
    warnings = Warnings()
    version = date_in_name(path)
    entities: list[Entity] = []
    seen: set[str] = set()
    for row, cells in dict_rows(data, path, required=COLUMNS):
        unique_id, name = cells["Unique ID"], cells["Name"]
        if not unique_id or not name:
            warnings.add("incomplete-entry", f"entry {unique_id or '(no Unique ID)'} has "
                         f"{'no Name' if not name else 'no Unique ID'}; skipped",
                         path=path, row=row)
            continue
        if unique_id in seen:
            warnings.add("duplicate-entry", f"Unique ID {unique_id} is listed twice; the first "
                         "is kept", path=path, row=row)
            continue
        seen.add(unique_id)
        kind = cells["Type"].lower()
        if kind not in _TYPES:
            warnings.add("entity-type", f"type {cells['Type']!r} read as an organization",
                         path=path, row=row)
        group = cells.get("OFSI Group ID")
        source_of = cells.get("Designation source")
        imposed = cells.get("Sanctions Imposed")
        summary = "; ".join(part for part in (
            f"Designation source: {source_of}" if source_of else None,
            f"Sanctions imposed: {imposed}" if imposed else None,
        ) if part)
        entities.append(Entity(
            id=entity_id("uk", unique_id),
            type=_TYPES.get(kind, "organization"),
            name=name,
            identifiers=[Identifier(scheme="OFSI group id", value=group)] if group else [],
            risk=Risk(basis="designated", designations=[Designation(
                authority=AUTHORITY, programme=cells["Regime Name"] or None,
                date=cells.get("Date Designated") or None, reference=unique_id)]),
            summary=summary or None,
            sources=[Source(kind="official_list", title="UK Sanctions List", publisher=AUTHORITY,
                            date=version, reference=unique_id, url=URL)],
        ))
    watchlist = Watchlist(
        id="uk-fcdo", title="UK Sanctions List (FCDO)", publisher=AUTHORITY, version=version,
        source=str(path), source_date=None, source_hash=sha256_of([(path.name, data)]),
        description="Imported from the UK FCDO sanctions list CSV export.", entities=entities,
    )
    return ImportResult(watchlist, warnings.items)
