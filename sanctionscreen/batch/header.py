"""Whether the first row of a CSV input is a header, or already a supplier.

A first row is taken as the header only when it looks like one: a cell names a
column (every word of it is a word headers use: ``supplier_id``, ``Company Name``,
``Land``), or ``--column`` / ``--country-column`` / ``--address-column`` names a
column by a header the row holds. Otherwise it is data, so a headerless file
such as ``Office 39, Ltd`` loses no row; ``--header`` / ``--no-header`` decides
instead of the guess. The words come from the exports seen in ERPs and
procurement tools, in English, German, French and Spanish.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

HEADER_WORDS = frozenset("""
    name names supplier suppliers vendor vendors company companies counterparty
    beneficiary party customer client entity legal business trading organisation
    organization firm account payee creditor debtor partner
    id ids identifier key no nr num number code ref reference internal external
    country countries land pays pais iso nationality region state province
    address addresses street city town zip postcode postal post place location
    type kind category status date created updated comment comments note notes remark
    remarks email mail phone tel telephone fax website url vat tax duns lei registration
    registered full short alt alias aka other primary first last given family
    lieferant lieferantenname firma firmenname adresse ort strasse kreditor
    fournisseur nom raison sociale adresse ville proveedor nombre empresa direccion ciudad
""".split())
_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class HeaderChoice:
    """Whether the first row is the header, and the sentence saying why."""

    is_header: bool
    why: str


def names_a_column(cell: str) -> bool:
    """Whether ``cell`` reads as a column header: every word of it is a header word.

    >>> names_a_column("supplier_id"), names_a_column("CompanyName"), names_a_column("Acme Ltd")
    (True, True, False)
    """
    words = _WORD.findall(_CAMEL.sub(" ", cell.strip()).casefold())
    return bool(words) and all(word in HEADER_WORDS for word in words)


def choose_header(first_row: Sequence[str], picks: Mapping[str, str | int | None], *,
                  given: bool | None) -> HeaderChoice:
    """Decide whether ``first_row`` is the header; ``given`` is ``--header``/``--no-header``."""
    if given is not None:
        return HeaderChoice(given, "first row read as the header (--header)" if given else
                            "first row read as data (--no-header)")
    cells = [cell.strip() for cell in first_row]
    folded = {cell.casefold() for cell in cells}
    for pick in picks.values():
        text = str(pick).strip() if pick is not None else ""
        if text and not text.isdigit() and text.casefold() in folded:
            return HeaderChoice(True, f"first row read as the header: it holds {text!r}")
    named = [cell for cell in cells if names_a_column(cell)]
    if named:
        return HeaderChoice(True, f"first row read as the header: {named[0]!r} names a "
                            "column (--no-header if it is a supplier)")
    for pick in picks.values():
        if isinstance(pick, str) and pick.strip() and not pick.strip().isdigit():
            # A column asked for by a header the first row lacks: say so as the error.
            return HeaderChoice(True, "first row read as the header")
    return HeaderChoice(False, "first row read as data: no cell of it names a column "
                        "(--header if it is the header)")
