"""Pick the name, country, address and kept columns of an input by header or 1-based index.

A column is given as its header (compared without case or surrounding spaces)
or as a 1-based number. Without ``--column``, the first header in
:data:`NAME_HEADERS` is used, else the first header containing "name", else
the first column. Kept columns (``--keep-column``) travel to every output;
without any, the columns headed as in :data:`KEEP_HEADERS` are kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
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

# Headers of a supplier's own id and city, kept without --keep-column.
KEEP_HEADERS = ("id", "supplier_id", "supplier id", "vendor_id", "city", "town")


@dataclass(frozen=True)
class Columns:
    """Input column names and the 0-based positions of the columns used."""

    names: tuple[str, ...]
    name: int
    country: int | None = None
    address: int | None = None
    kept: tuple[int, ...] = ()  # columns carried to every output, in the order asked

    def kept_names(self) -> tuple[str, ...]:
        """The headers of the kept columns."""
        return tuple(self.names[i] for i in self.kept)

    def kept_cells(self, cells: Sequence[str]) -> tuple[tuple[str, str], ...]:
        """(header, value) of each kept column of a row; a missing cell is ""."""
        return tuple(
            (self.names[i], cells[i].strip() if i < len(cells) else "") for i in self.kept
        )

    def label(self, index: int | None) -> str | None:
        """The header of the column at ``index``."""
        return None if index is None else self.names[index]


def _find(headers: list[str], wanted: str | int, *, role: str, path: str, keyed: bool) -> int:
    if isinstance(wanted, bool) or not isinstance(wanted, (str, int)):
        raise InputError(
            f"the {role} column must be a header or a 1-based number, not {wanted!r}", path=path
        )
    text = str(wanted).strip()
    folded = [h.casefold().strip() for h in headers]
    if text.casefold() in folded:
        return folded.index(text.casefold())
    number = text.removeprefix("-")
    if number.isascii() and number.isdigit():  # "²" is a digit to isdigit, not to int
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


def default_kept_columns(headers: Sequence[str]) -> tuple[int, ...]:
    """The columns headed as a supplier id or a city (:data:`KEEP_HEADERS`).

    >>> default_kept_columns(["ID", "Name", "City", "Country"])
    (0, 2)
    """
    return tuple(i for i, h in enumerate(headers) if h.casefold().strip() in KEEP_HEADERS)


def resolve_columns(
    headers: list[str],
    picks: Mapping[str, str | int | None],
    *,
    path: str,
    keyed: bool = False,
    keep: Sequence[str | int] | None = None,
) -> Columns:
    """The columns to use; ``picks`` maps "column", "country", "address" to a header or number.

    ``keep`` names the kept columns; None keeps the id and city columns
    (:func:`default_kept_columns`). An unknown one is an :class:`InputError`
    naming the columns there are.
    """
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
    if keep is None:
        kept = default_kept_columns(headers)
    else:
        if isinstance(keep, str):
            keep = [keep]  # one column given as a bare header, not its letters
        found_kept = [_find(headers, k, role="kept", path=path, keyed=keyed) for k in keep]
        kept = tuple(dict.fromkeys(found_kept))  # each column once, in the order asked
    return Columns(
        names=tuple(headers), name=name, country=found["country"], address=found["address"],
        kept=kept,
    )
