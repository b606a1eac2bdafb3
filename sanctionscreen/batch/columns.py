"""Pick the name, country and address columns of an input by header or 1-based index.

A column is given as its header (compared without case or surrounding spaces)
or as a 1-based number. Without ``--column``, the first header in
:data:`NAME_HEADERS` is used, else the first header containing "name", else
the first column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sanctionscreen.errors import InputError

NAME_HEADERS = (
    "name",
    "supplier name",
    "supplier_name",
    "supplier",
    "vendor name",
    "vendor_name",
    "vendor",
    "company name",
    "company_name",
    "company",
    "counterparty",
    "beneficiary",
)


@dataclass(frozen=True)
class Columns:
    """Input column names and the 0-based positions of the columns used."""

    names: tuple[str, ...]
    name: int
    country: int | None = None
    address: int | None = None

    def label(self, index: int | None) -> str | None:
        """The header of the column at ``index``."""
        return None if index is None else self.names[index]


def _find(headers: list[str], wanted: str | int, *, role: str, path: str, keyed: bool) -> int:
    if isinstance(wanted, bool) or not isinstance(wanted, (str, int)):
        raise InputError(
            f"the {role} column must be a header or a 1-based number, not {wanted!r}", path=path
        )
    text = str(wanted).strip()
    folded = [h.casefold() for h in headers]
    if text.casefold() in folded:
        return folded.index(text.casefold())
    if text.isdigit():
        index = int(text)
        if 1 <= index <= len(headers):
            return index - 1
        raise InputError(
            f"{role} column {index} is out of range: the input has {len(headers)} columns",
            path=path, row=1, hint="count columns from 1",
        )  # fmt: skip
    if keyed and text:
        headers.append(text)  # JSON lines: a key the first records lack may appear later
        return len(headers) - 1
    shown = ", ".join(repr(h) for h in headers[:30])
    raise InputError(
        f"no {role} column headed {text!r}", path=path, row=1, hint=f"the columns are {shown}"
    )


def default_name_column(headers: list[str]) -> int:
    """The column most likely to hold the supplier name."""
    folded = [h.casefold().strip() for h in headers]
    for wanted in NAME_HEADERS:
        if wanted in folded:
            return folded.index(wanted)
    for index, header in enumerate(folded):
        if "name" in header:
            return index
    return 0


def resolve_columns(
    headers: list[str],
    picks: Mapping[str, str | int | None],
    *,
    path: str,
    keyed: bool = False,
) -> Columns:
    """The columns to use; ``picks`` maps "column", "country", "address" to a header or number."""
    headers = list(headers)
    wanted = picks.get("column")
    if wanted is None or wanted == "":
        name = default_name_column(headers)
    else:
        name = _find(headers, wanted, role="name", path=path, keyed=keyed)
    found: dict[str, int | None] = {}
    for role in ("country", "address"):
        pick = picks.get(role)
        found[role] = (
            None
            if pick is None or pick == ""
            else _find(headers, pick, role=role, path=path, keyed=keyed)
        )
    return Columns(
        names=tuple(headers), name=name, country=found["country"], address=found["address"]
    )
