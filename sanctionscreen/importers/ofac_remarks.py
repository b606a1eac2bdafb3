"""Names and identifiers that OFAC writes into the Remarks of its legacy files.

OFAC's legacy CSV and XML files keep "low quality" (weak) a.k.a.s out of the alias
file and put them in the remarks instead: ``a.k.a. 'KOMID'``, ``a.k.a. 'THIRD
FLOOR'``, an individual's nicknames (``a.k.a. 'KIKE'``), and former vessel names as
``f.k.a. 'ANA I'``. OFAC does not expect weak aliases to be screened like the
others. Remarks also carry registration numbers, IMO numbers and the like, as
``Label VALUE (Country)`` parts separated by ``"; "``.
"""

from __future__ import annotations

import re

from sanctionscreen.countries import country_code
from sanctionscreen.watchlist.model import Alias, EntityType, Identifier

# The closing quote is the one followed by ';', '.', ',' and a space, or the end:
# names themselves hold apostrophes (CH'O'NGSAN, LLC 'DSD').
_REMARK_ALIAS = re.compile(r"\b([afn])\.k\.a\.,? '(.+?)'(?=[;.,]?\s|[;.,]?$)")
_ACRONYM = re.compile(r"^[A-Z0-9&-]{2,8}$")
_NOTE = "from the OFAC remarks, where OFAC lists its low-quality aliases"
# Only these have acronyms: a person's or a vessel's one-word remark name is a
# nickname or a short name ('KIKE', 'GREEN', 'MARIA'), a weak alias like the others.
_WITH_ACRONYMS: frozenset[EntityType] = frozenset({"organization", "company", "government_body"})

# Remark labels kept as identifiers, with the scheme name they are stored under.
_SCHEMES = {
    "Registration Number": "registration number",
    "Business Registration Number": "registration number",
    "Registration ID": "registration number",
    "Company Number": "company number",
    "Commercial Registry Number": "commercial registry number",
    "Chamber of Commerce Number": "chamber of commerce number",
    "Tax ID No.": "tax id",
    "V.A.T. Number": "VAT number",
    "Legal Entity Number": "LEI",
    "Unified Social Credit Code (USCC)": "USCC",
    "SWIFT/BIC": "SWIFT/BIC",
    "D-U-N-S Number": "DUNS",
    "Vessel Registration Identification IMO": "IMO",
    "Identification Number IMO": "IMO",
    "Company Number IMO": "IMO company number",
    "MMSI": "MMSI",
    "Aircraft Tail Number": "aircraft tail number",
    "Trade License No.": "trade licence",
    "Passport": "passport",
    "National ID No.": "national id",
}
_LABELS = "|".join(re.escape(label) for label in sorted(_SCHEMES, key=len, reverse=True))
_IDENTIFIER = re.compile(
    rf"^(?:alt\. )?(?P<label>{_LABELS}) (?P<value>[^()]+?)(?: \((?P<country>[^()]+)\))?"
    r"(?: (?:issued|expires)\b.*)?\.?$"
)


def remark_aliases(remarks: str, *, primary: str,
                   entity_type: EntityType = "organization") -> list[Alias]:
    """The aliases written in remarks: weak a.k.a.s, or an organisation's acronyms;
    f.k.a./n.k.a. as such.

    >>> [(a.name, a.kind) for a in remark_aliases("x; a.k.a. 'KOMID'.", primary="KOREA MINING")]
    [('KOMID', 'acronym')]
    >>> [(a.name, a.kind) for a in remark_aliases("a.k.a. 'KIKE'.", primary="PLANCARTE SOLIS, "
    ...                                           "Enrique", entity_type="person")]
    [('KIKE', 'weak')]
    """
    aliases: list[Alias] = []
    several_words = len(primary.split()) > 1 and entity_type in _WITH_ACRONYMS
    for kind_letter, raw in _REMARK_ALIAS.findall(remarks):
        name = raw[1:-1] if len(raw) > 2 and raw[0] == raw[-1] == "'" else raw
        name = name.strip()
        if not name:
            continue
        if kind_letter == "f":
            kind = "fka"
        elif kind_letter == "n":
            kind = "nka"
        elif several_words and _ACRONYM.match(name):
            kind = "acronym"
        else:
            kind = "weak"
        aliases.append(Alias(name=name, kind=kind, note=_NOTE))
    return aliases


def remark_identifiers(remarks: str) -> list[Identifier]:
    """Registration numbers, IMO numbers and similar ``Label VALUE (Country)`` parts.

    >>> remark_identifiers("Registration Number 201318227N (Singapore).")
    [Identifier(scheme='registration number', value='201318227N', country='SG')]
    """
    found: list[Identifier] = []
    for part in remarks.split("; "):
        match = _IDENTIFIER.match(part.strip())
        if match is None:
            continue
        value = match.group("value").strip().rstrip(".")
        if not value:
            continue
        identifier = Identifier(
            scheme=_SCHEMES[match.group("label")],
            value=value,
            country=country_code(match.group("country")),
        )
        if identifier not in found:
            found.append(identifier)
    return found
