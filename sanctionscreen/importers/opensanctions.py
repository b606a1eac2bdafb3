"""OpenSanctions exports: FollowTheMoney entity JSON lines and ``targets.simple.csv``.

``entities.ftm.json`` holds one JSON object per line: ``id``, ``schema``,
``properties`` (lists of strings: ``name``, ``alias``, ``weakAlias``,
``previousName``, ``country``, ``address``, ``registrationNumber`` ...),
``datasets``, ``caption``, ``target``, ``first_seen``/``last_seen``/``last_change``.
Besides the targets it holds the ``Sanction`` and ``Address`` entities they link to.
``targets.simple.csv`` has one row per target with multi-valued cells joined by ``;``
(themselves CSV-quoted). Format references: https://www.opensanctions.org/docs/bulk/
and the FollowTheMoney schema (https://followthemoney.tech/explorer/).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from sanctionscreen.errors import ListFormatError
from sanctionscreen.importers.common import (
    ImportResult,
    Warnings,
    entity_id,
    read_bytes,
    script_of,
    sha256_of,
)
from sanctionscreen.importers.csvtext import decode_text, dict_rows
from sanctionscreen.watchlist.model import (
    Address,
    Alias,
    AliasKind,
    Designation,
    Entity,
    EntityType,
    Identifier,
    Risk,
    Source,
    Watchlist,
)

PUBLISHER = "OpenSanctions"
SIMPLE_COLUMNS = ("id", "schema", "name")
TYPES: dict[str, EntityType] = {
    "Person": "person", "Company": "company", "Organization": "organization",
    "LegalEntity": "organization", "PublicBody": "government_body", "Vessel": "vessel",
    "Airplane": "aircraft",
}
_ALIAS_PROPS: tuple[tuple[str, AliasKind], ...] = (
    ("name", "aka"), ("alias", "aka"), ("abbreviation", "acronym"), ("previousName", "fka"),
    ("weakAlias", "weak"),
)
_COUNTRY_PROPS = ("country", "jurisdiction", "mainCountry", "nationality", "citizenship", "flag")
_ID_PROPS = {
    "registrationNumber": "registration number", "taxNumber": "tax id", "innCode": "INN",
    "ogrnCode": "OGRN", "leiCode": "LEI", "dunsCode": "DUNS", "swiftBic": "SWIFT/BIC",
    "uscCode": "USCC", "imoNumber": "IMO", "mmsi": "MMSI", "callSign": "call sign",
    "passportNumber": "passport", "idNumber": "national id",
}


def read_ftm_json(path: str | Path) -> ImportResult:
    """Read an OpenSanctions FollowTheMoney JSON-lines file into a watchlist."""
    path = Path(path)
    data = read_bytes(path)
    warnings = Warnings()
    things: list[dict[str, Any]] = []
    sanctions: dict[str, list[dict[str, list[str]]]] = defaultdict(list)
    addresses: dict[str, dict[str, list[str]]] = {}
    for line_no, line in enumerate(decode_text(data).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise ListFormatError(f"not JSON: {error.msg}", path=path, line=line_no,
                                  hint="each line must be one FollowTheMoney entity") from None
        if not isinstance(item, dict) or "schema" not in item or "id" not in item:
            raise ListFormatError("a line without 'id' and 'schema'", path=path, line=line_no,
                                  hint="each line must be one FollowTheMoney entity")
        props: dict[str, list[str]] = item.get("properties") or {}
        if item["schema"] == "Sanction":
            for target in props.get("entity", []):
                sanctions[target].append(props)
        elif item["schema"] == "Address":
            addresses[item["id"]] = props
        elif item["schema"] in TYPES and item.get("target", True) is not False:
            things.append(item)

    entities: list[Entity] = []
    for item in things:
        props = item.get("properties") or {}
        names = _names(props, item.get("caption"))
        if not names:
            warnings.add("incomplete-entry", f"entity {item['id']} has no name; skipped", path=path)
            continue
        entity_addresses = [Address(text=text) for text in props.get("address", [])]
        for ref in props.get("addressEntity", []):
            if (full := _address_text(addresses.get(ref))) is not None:
                entity_addresses.append(Address(text=full))
        designations = [
            Designation(authority=_first(s, "authority") or PUBLISHER,
                        programme=_first(s, "program") or _first(s, "programId"),
                        date=_first(s, "startDate"), reference=_first(s, "unscId") or item["id"])
            for s in sanctions.get(item["id"], [])
        ]
        topics = props.get("topics", [])
        entities.append(_entity(
            item, names=names, addresses=entity_addresses,
            countries=[c for p in _COUNTRY_PROPS for c in props.get(p, [])],
            identifiers=[Identifier(scheme=scheme, value=value) for prop, scheme in
                         _ID_PROPS.items() for value in props.get(prop, [])],
            designations=designations, sanctioned="sanction" in topics,
            datasets=item.get("datasets", []),
        ))
    return _result(path, data, entities, warnings,
                   max((str(i.get("last_seen") or "")[:10] for i in things), default=None))


def read_simple_csv(path: str | Path) -> ImportResult:
    """Read an OpenSanctions ``targets.simple.csv`` export into a watchlist."""
    path = Path(path)
    data = read_bytes(path)
    warnings = Warnings()
    entities: list[Entity] = []
    last_seen: list[str] = []
    for row, cells in dict_rows(data, path, required=SIMPLE_COLUMNS):
        if not cells["id"] or not cells["name"]:
            warnings.add("incomplete-entry", "row without an id or name skipped",
                         path=path, row=row)
            continue
        if cells["schema"] not in TYPES:
            warnings.add("entity-type", f"schema {cells['schema']!r} read as an organization",
                         path=path, row=row)
        names: list[tuple[str, AliasKind]] = [(cells["name"], "aka")]
        names += [(alias, "aka") for alias in _split(cells.get("aliases"))]
        sanctions = _split(cells.get("sanctions"))
        datasets = _split(cells.get("dataset"))
        last_seen.append(cells.get("last_seen", "")[:10])
        entities.append(_entity(
            {"id": cells["id"], "schema": cells["schema"]},
            names=names,
            addresses=[Address(text=text) for text in _split(cells.get("addresses"))],
            countries=_split(cells.get("countries")),
            identifiers=[Identifier(scheme="identifier", value=value)
                         for value in _split(cells.get("identifiers"))],
            designations=[Designation(authority=datasets[0] if datasets else PUBLISHER,
                                      programme=text, reference=cells["id"])
                          for text in sanctions],
            sanctioned=bool(sanctions), datasets=datasets,
        ))
    return _result(path, data, entities, warnings, max(last_seen, default=None) or None)


def _entity(item: dict[str, Any], *, names: list[tuple[str, AliasKind]],
            addresses: list[Address], countries: list[str], identifiers: list[Identifier],
            designations: list[Designation], sanctioned: bool, datasets: list[str]) -> Entity:
    primary = names[0][0]
    aliases: list[Alias] = []
    seen = {primary.casefold()}
    for name, kind in names[1:]:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            aliases.append(Alias(name=name, kind=kind, script=script_of(name)))
    listed_in = ", ".join(datasets) or "OpenSanctions"
    if designations:
        risk = Risk(basis="designated", designations=designations)
    elif sanctioned:
        risk = Risk(basis="designated", designations=[
            Designation(authority=listed_in, reference=item["id"])])
    else:
        risk = Risk(basis="reported", note=f"listed by OpenSanctions in {listed_in}")
    codes = [c.upper() for c in countries if len(c) == 2 and c.isalpha()]
    return Entity(
        id=entity_id("os", item["id"]),
        type=TYPES.get(item["schema"], "organization"),
        name=primary,
        aliases=aliases,
        countries=list(dict.fromkeys(codes)),
        addresses=addresses,
        identifiers=identifiers,
        risk=risk,
        sources=[Source(kind="official_list", title=f"OpenSanctions: {listed_in}",
                        publisher=PUBLISHER, reference=item["id"],
                        url=f"https://www.opensanctions.org/entities/{item['id']}/")],
    )


def _result(path: Path, data: bytes, entities: list[Entity], warnings: Warnings,
            last_seen: str | None) -> ImportResult:
    watchlist = Watchlist(
        id="opensanctions", title=f"OpenSanctions export {path.name}", publisher=PUBLISHER,
        version=last_seen or None, source=str(path), source_date=None,
        source_hash=sha256_of([(path.name, data)]), entities=entities,
        description="Imported from an OpenSanctions bulk export; version is the latest "
                    "last_seen date in it.",
    )
    return ImportResult(watchlist, warnings.items)


def _names(props: dict[str, list[str]], caption: str | None) -> list[tuple[str, AliasKind]]:
    """``(name, kind)`` pairs, the caption (or first name) first."""
    names = [(value.strip(), kind) for prop, kind in _ALIAS_PROPS
             for value in props.get(prop, []) if value.strip()]
    if caption and caption.strip():
        names.insert(0, (caption.strip(), "aka"))
    return names


def _first(props: dict[str, list[str]], key: str) -> str | None:
    values = props.get(key) or []
    return values[0] if values else None


def _address_text(props: dict[str, list[str]] | None) -> str | None:
    if not props:
        return None
    if full := _first(props, "full"):
        return full
    parts = [_first(props, key) for key in ("street", "city", "postalCode", "country")]
    return ", ".join(p for p in parts if p) or None


def _split(value: str | None) -> list[str]:
    """A ``;``-joined, CSV-quoted multi-value cell as a list."""
    if not value:
        return []
    return [item.strip() for item in next(csv.reader([value], delimiter=";")) if item.strip()]
