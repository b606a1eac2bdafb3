"""OFAC's legacy SDN XML (``sdn.xml``, also ``consolidated.xml``), as published.

Root ``sdnList`` (namespace ``http://tempuri.org/sdnList.xsd`` in older files, the
Sanctions List Service URL in newer ones; both read) holds
``publshInformation/Publish_Date`` (``MM/DD/YYYY``) and one ``sdnEntry`` per entry:
``uid``, ``lastName``, ``firstName``, ``sdnType``, ``programList/program``,
``akaList/aka`` (``type`` a.k.a./f.k.a./n.k.a., ``category`` strong/weak),
``addressList/address``, ``idList/id``, ``vesselInfo``, ``title``, ``remarks``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from sanctionscreen.countries import country_code
from sanctionscreen.importers.common import (
    ImportResult,
    Warnings,
    make_address,
    read_bytes,
    sha256_of,
)
from sanctionscreen.importers.ofac_entity import (
    AUTHORITY,
    CONS_URL,
    SDN_URL,
    OfacRecord,
    build_entity,
)
from sanctionscreen.importers.xmlsafe import children, parse_xml, text
from sanctionscreen.watchlist.model import Alias, AliasKind, Identifier, Watchlist

ROOT = "sdnList"
_AKA_TYPES: dict[str, AliasKind] = {"a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka"}
_VESSEL = {"callSign": "call_sign", "vesselType": "type", "tonnage": "tonnage",
           "grossRegisteredTonnage": "grt", "vesselFlag": "flag", "vesselOwner": "owner"}


def read_ofac_xml(path: str | Path) -> ImportResult:
    """Read an OFAC SDN (or consolidated) legacy XML file into a watchlist."""
    path = Path(path)
    data = read_bytes(path)
    root = parse_xml(data, path, root=ROOT, what="OFAC's SDN XML")
    publish = text(children(root, "publshInformation")[0] if children(root, "publshInformation")
                   else None, "Publish_Date")
    source_date = _iso_date(publish)
    consolidated = "cons" in path.name.lower()
    title = ("OFAC Consolidated (non-SDN) sanctions list" if consolidated
             else "OFAC Specially Designated Nationals (SDN) list")
    warnings = Warnings()
    records: dict[str, OfacRecord] = {}
    for position, entry in enumerate(children(root, "sdnEntry"), start=1):
        record = _record(entry, warnings, str(path), position)
        if record is None:
            continue
        if record.number in records:
            warnings.add("duplicate-entry", f"entry {record.number} is listed twice; the first "
                         "is kept", path=path, row=position)
            continue
        records[record.number] = record
    url = CONS_URL if consolidated else SDN_URL
    watchlist = Watchlist(
        id="ofac-cons" if consolidated else "ofac-sdn", title=title, publisher=AUTHORITY,
        version=source_date, source=str(path), source_date=source_date,
        source_hash=sha256_of([(path.name, data)]),
        description=f"Imported from OFAC's XML file {path.name}.",
        entities=[build_entity(r, list_title=title, url=url, source_date=source_date)
                  for r in records.values()],
    )
    return ImportResult(watchlist, warnings.items)


def _record(entry: ET.Element, warnings: Warnings, where: str, position: int) -> OfacRecord | None:
    number = text(entry, "uid")
    name = _full_name(entry)
    if not number or not name:
        warnings.add("incomplete-entry", "sdnEntry without a uid or name skipped",
                     path=where, row=position)
        return None
    sdn_type = (text(entry, "sdnType") or "entity").lower()
    record = OfacRecord(
        number=number, name=name, sdn_type=sdn_type, title=text(entry, "title"),
        remarks=text(entry, "remarks") or "",
        programmes=[p.text.strip() for plist in children(entry, "programList")
                    for p in children(plist, "program") if p.text and p.text.strip()],
    )
    for aka in (a for alist in children(entry, "akaList") for a in children(alist, "aka")):
        alias_name = _full_name(aka)
        if not alias_name:
            continue
        kind = _AKA_TYPES.get((text(aka, "type") or "a.k.a.").lower(), "aka")
        if (text(aka, "category") or "").lower() == "weak" and kind == "aka":
            kind = "weak"
        record.aliases.append(Alias(name=alias_name, kind=kind))
    for item in (a for alist in children(entry, "addressList") for a in children(alist, "address")):
        street = ", ".join(p for p in (text(item, f"address{i}") for i in (1, 2, 3)) if p)
        address = make_address(
            text=street or None, city=text(item, "city"), region=text(item, "stateOrProvince"),
            postal_code=text(item, "postalCode"), country=text(item, "country"),
            warnings=warnings, path=where, row=position,
        )
        if address is not None:
            record.addresses.append(address)
    for item in (i for ilist in children(entry, "idList") for i in children(ilist, "id")):
        value = text(item, "idNumber")
        if value:
            record.identifiers.append(Identifier(
                scheme=text(item, "idType") or "identifier", value=value,
                country=country_code(text(item, "idCountry"))))
    for info in children(entry, "vesselInfo"):
        record.vessel = {key: value for tag, key in _VESSEL.items()
                         if (value := text(info, tag))}
    return record


def _full_name(element: ET.Element) -> str | None:
    """``lastName, firstName`` for a person, ``lastName`` alone otherwise (as the CSV writes)."""
    last, first = text(element, "lastName"), text(element, "firstName")
    if last and first:
        return f"{last}, {first}"
    return last or first


def _iso_date(value: str | None) -> str | None:
    """OFAC's ``MM/DD/YYYY`` as ``YYYY-MM-DD``; other forms as given."""
    if value and len(value) == 10 and value[2] == value[5] == "/":
        month, day, year = value.split("/")
        return f"{year}-{month}-{day}"
    return value
