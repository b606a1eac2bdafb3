"""The UN Security Council consolidated list, XML as published.

Root ``CONSOLIDATED_LIST`` (attribute ``dateGenerated``) holds ``INDIVIDUALS/INDIVIDUAL``
and ``ENTITIES/ENTITY``. Each has a reference number (``KPe.030``), a list type
(``DPRK``), name parts ``FIRST_NAME`` .. ``FOURTH_NAME``, aliases with a quality
(``Good``/``Low`` for individuals, ``a.k.a.``/``f.k.a.`` for entities; ``Low`` is a
weak alias), addresses, documents and comments. Schema:
https://www.un.org/sc/resources/sc-sanctions.xsd
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from sanctionscreen.countries import country_code
from sanctionscreen.importers.common import (
    ImportResult,
    Warnings,
    entity_id,
    make_address,
    read_bytes,
    script_of,
    sha256_of,
)
from sanctionscreen.importers.xmlsafe import children, parse_xml, text
from sanctionscreen.watchlist.model import (
    Address,
    Alias,
    AliasKind,
    Designation,
    Entity,
    Identifier,
    Risk,
    Source,
    Watchlist,
)

AUTHORITY = "UN Security Council"
URL = "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list"
ROOT = "CONSOLIDATED_LIST"
_QUALITY: dict[str, AliasKind] = {"good": "aka", "a.k.a.": "aka", "low": "weak", "f.k.a.": "fka"}
_SPACES = re.compile(r"\s+")


def read_un_xml(path: str | Path) -> ImportResult:
    """Read the UN consolidated list XML into a watchlist."""
    path = Path(path)
    data = read_bytes(path)
    root = parse_xml(data, path, root=ROOT, what="the UN Security Council consolidated list")
    generated = root.get("dateGenerated")
    source_date = generated[:10] if generated else None
    warnings = Warnings()
    entities: list[Entity] = []
    seen: set[str] = set()
    for kind in ("INDIVIDUAL", "ENTITY"):
        for element in root.iter(kind):
            entity = _entity(element, kind, source_date, warnings, str(path))
            if entity is None:
                continue
            if entity.id in seen:
                warnings.add("duplicate-entry", f"reference {entity.id!r} is listed twice; "
                             "the first is kept", path=path)
                continue
            seen.add(entity.id)
            entities.append(entity)
    watchlist = Watchlist(
        id="un-sc", title="UN Security Council Consolidated List", publisher=AUTHORITY,
        version=source_date, source=str(path), source_date=source_date,
        source_hash=sha256_of([(path.name, data)]), entities=entities,
        description="Imported from the UN Security Council consolidated list XML.",
    )
    return ImportResult(watchlist, warnings.items)


def _entity(element: ET.Element, kind: str, source_date: str | None, warnings: Warnings,
            where: str) -> Entity | None:
    reference = text(element, "REFERENCE_NUMBER") or text(element, "DATAID")
    parts = [text(element, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME",
                                            "FOURTH_NAME")]
    name = _SPACES.sub(" ", " ".join(p for p in parts if p)).strip()
    if not reference or not name:
        warnings.add("incomplete-entry", f"{kind} without a reference number or name skipped "
                     f"(DATAID {text(element, 'DATAID')})", path=where)
        return None
    aliases: list[Alias] = []
    for alias in children(element, f"{kind}_ALIAS"):
        alias_name = text(alias, "ALIAS_NAME")
        if alias_name and alias_name.casefold() != name.casefold():
            quality = (text(alias, "QUALITY") or "").lower()
            aliases.append(Alias(name=_SPACES.sub(" ", alias_name),
                                 kind=_QUALITY.get(quality, "aka")))
    original = text(element, "NAME_ORIGINAL_SCRIPT")
    if original:
        aliases.append(Alias(name=original, kind="transliteration", script=script_of(original)))

    addresses: list[Address] = []
    for item in children(element, f"{kind}_ADDRESS"):
        address = make_address(
            text=text(item, "STREET"), city=text(item, "CITY"), region=text(item, "STATE_PROVINCE"),
            postal_code=text(item, "ZIP_CODE"), country=text(item, "COUNTRY"),
            warnings=warnings, path=where,
        )
        if address is not None:
            addresses.append(address)
    countries = [a.country for a in addresses if a.country]
    for nationality in children(element, "NATIONALITY"):
        countries.extend(c for v in children(nationality, "VALUE")
                         if (c := country_code(v.text and v.text.strip())))
    identifiers = [
        Identifier(scheme=_SPACES.sub(" ", text(doc, "TYPE_OF_DOCUMENT") or "document").lower(),
                   value=number, country=country_code(text(doc, "ISSUING_COUNTRY")))
        for doc in children(element, f"{kind}_DOCUMENT")
        if (number := text(doc, "NUMBER"))
    ]
    designation = Designation(authority=AUTHORITY, programme=text(element, "UN_LIST_TYPE"),
                              date=text(element, "LISTED_ON"), reference=reference)
    return Entity(
        id=entity_id("un", reference),
        type="person" if kind == "INDIVIDUAL" else "organization",
        name=name,
        aliases=aliases,
        countries=list(dict.fromkeys(countries)),
        addresses=addresses,
        identifiers=identifiers,
        risk=Risk(basis="designated", designations=[designation]),
        summary=text(element, "COMMENTS1"),
        sources=[Source(kind="official_list", title="UN Security Council Consolidated List",
                        publisher=AUTHORITY, date=source_date, reference=reference, url=URL)],
    )
