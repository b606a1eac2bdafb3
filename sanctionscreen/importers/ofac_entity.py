"""One OFAC list entry as an :class:`Entity`, shared by the legacy CSV and XML importers.

Both formats carry the same data (entry number, type, programmes, names, addresses,
vessel details, remarks); each importer fills an :class:`OfacRecord` and
:func:`build_entity` turns it into the watchlist model the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sanctionscreen.countries import country_code
from sanctionscreen.importers.common import entity_id, natural_order
from sanctionscreen.importers.ofac_remarks import remark_aliases, remark_identifiers
from sanctionscreen.watchlist.model import (
    Address,
    Alias,
    Designation,
    Entity,
    EntityType,
    Identifier,
    Risk,
    Source,
)

AUTHORITY = "US Treasury OFAC"
SDN_URL = "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists"
CONS_URL = "https://ofac.treasury.gov/other-ofac-sanctions-lists"

_TYPES: dict[str, EntityType] = {
    "individual": "person",
    "vessel": "vessel",
    "aircraft": "aircraft",
    "entity": "organization",
}


@dataclass
class OfacRecord:
    """The parts of one OFAC entry, as read from either format."""

    number: str
    name: str
    sdn_type: str  # "individual", "entity", "vessel", "aircraft" ("" read as entity)
    programmes: list[str] = field(default_factory=list)
    title: str | None = None
    remarks: str = ""
    aliases: list[Alias] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    vessel: dict[str, str] = field(default_factory=dict)  # call_sign, type, flag, owner, ...


def split_programmes(value: str | None) -> list[str]:
    """The Program column's ``"NPWMD] [DPRK2"`` (outer brackets dropped by OFAC) as a list.

    >>> split_programmes("NPWMD] [DPRK2")
    ['NPWMD', 'DPRK2']
    """
    if not value:
        return []
    parts = (part.strip(" []") for part in value.split("] ["))
    return [part for part in parts if part]


def build_entity(
    record: OfacRecord, *, list_title: str, url: str, source_date: str | None
) -> Entity:
    """The watchlist entity for one OFAC record."""
    entity_type = _TYPES.get(record.sdn_type.lower(), "organization")
    aliases: list[Alias] = []
    seen = {record.name.casefold()}

    def add(alias: Alias) -> None:
        key = alias.name.casefold()
        if key not in seen:
            seen.add(key)
            aliases.append(alias)

    remarks = record.remarks.strip()
    person = entity_type == "person"
    if person and (natural := natural_order(record.name)):
        add(Alias(name=natural, kind="reordered"))
    for alias in record.aliases:
        add(alias)
        if person and (natural := natural_order(alias.name)):
            add(Alias(name=natural, kind="reordered"))
    for alias in remark_aliases(remarks, primary=record.name, entity_type=entity_type):
        add(alias)

    identifiers = list(record.identifiers)
    for identifier in remark_identifiers(remarks):
        if identifier not in identifiers:
            identifiers.append(identifier)
    countries: list[str] = []
    for address in record.addresses:
        if address.country and address.country not in countries:
            countries.append(address.country)
    vessel_summary = _vessel(record, identifiers, countries)

    summary_parts = [part for part in (
        f"Title: {record.title}." if record.title else None,
        vessel_summary,
        remarks or None,
    ) if part]
    designations = [
        Designation(authority=AUTHORITY, programme=programme, reference=record.number)
        for programme in record.programmes
    ] or [Designation(authority=AUTHORITY, reference=record.number)]
    return Entity(
        id=entity_id("ofac", record.number),
        type=entity_type,
        name=record.name,
        aliases=aliases,
        countries=countries,
        addresses=record.addresses,
        identifiers=identifiers,
        risk=Risk(basis="designated", designations=designations),
        summary=" ".join(summary_parts) or None,
        sources=[Source(kind="official_list", title=list_title, publisher=AUTHORITY,
                        date=source_date, reference=record.number, url=url)],
    )


def _vessel(record: OfacRecord, identifiers: list[Identifier], countries: list[str]) -> str | None:
    """Vessel details into identifiers and countries; a one-line summary of them."""
    details = record.vessel
    if not details:
        return None
    if call_sign := details.get("call_sign"):
        identifiers.append(Identifier(scheme="call sign", value=call_sign))
    flag = details.get("flag")
    flag_code = country_code(flag)
    if flag:
        identifiers.append(Identifier(scheme="vessel flag", value=flag, country=flag_code))
    if flag_code and flag_code not in countries:
        countries.append(flag_code)
    labels = (("type", "type"), ("tonnage", "tonnage"), ("grt", "GRT"), ("flag", "flag"),
              ("owner", "owner"), ("call_sign", "call sign"))
    text = ", ".join(f"{label} {details[key]}" for key, label in labels if details.get(key))
    return f"Vessel: {text}." if text else None
