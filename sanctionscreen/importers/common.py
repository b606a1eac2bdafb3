"""Pieces every importer shares: warnings, file hashing, dates, name helpers.

An importer reads one official list format and returns an :class:`ImportResult`:
the :class:`~sanctionscreen.watchlist.model.Watchlist` plus the things it noticed
but did not stop for (an alias whose entry is missing, a country it cannot map).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sanctionscreen.countries import country_code, is_known
from sanctionscreen.errors import ListFormatError
from sanctionscreen.watchlist.model import Address, Watchlist

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{4}-\d{2})(?!\d)")
_ID_UNSAFE = re.compile(r"[^a-z0-9._-]+")


@dataclass(frozen=True)
class ImportWarning:
    """Something in a list file that was skipped or kept incomplete, with where it is."""

    code: str  # short kind, e.g. "orphan-alias", "unknown-country"
    message: str
    path: str | None = None
    row: int | None = None

    def __str__(self) -> str:
        where = self.path or ""
        if self.row is not None:
            where += f": row {self.row}"
        return f"{where}: {self.message}" if where else self.message


@dataclass
class ImportResult:
    """A list as imported: the watchlist and the warnings collected on the way."""

    watchlist: Watchlist
    warnings: list[ImportWarning] = field(default_factory=list)


class Warnings:
    """Collects :class:`ImportWarning` objects while a file is read."""

    def __init__(self) -> None:
        self.items: list[ImportWarning] = []

    def add(self, code: str, message: str, *, path: str | Path | None = None,
            row: int | None = None) -> None:
        """Record one warning."""
        self.items.append(
            ImportWarning(code, message, str(path) if path is not None else None, row)
        )


def read_bytes(path: Path) -> bytes:
    """The bytes of a list file; :class:`ListFormatError` naming the path if unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ListFormatError("file not found", path=path, hint="check the path") from None
    except OSError as error:
        raise ListFormatError(f"cannot read file: {error.strerror}", path=path) from None


def sha256_of(parts: Iterable[tuple[str, bytes]]) -> str:
    """``sha256:<hex>`` over one file's bytes, or over several as ``name NUL bytes`` in order.

    A single part is hashed as its bytes alone, so the hash equals ``sha256sum FILE``.
    """
    items = list(parts)
    digest = hashlib.sha256()
    if len(items) == 1:
        digest.update(items[0][1])
    else:
        for name, data in items:
            digest.update(name.encode() + b"\0" + data)
    return "sha256:" + digest.hexdigest()


def date_in_name(path: Path) -> str | None:
    """A ``YYYY-MM-DD`` or ``YYYY-MM`` date written in the file or folder name, if any."""
    match = _DATE_IN_NAME.search(path.name)
    return match.group(1) if match else None


def entity_id(prefix: str, reference: str) -> str:
    """A watchlist entity id from a list's own reference: ``entity_id("un", "KPe.030")``.

    >>> entity_id("un", "KPe.030")
    'un-kpe.030'
    """
    return f"{prefix}-" + _ID_UNSAFE.sub("-", reference.strip().lower()).strip("-")


def natural_order(name: str) -> str | None:
    """``"SURNAME, Given"`` as ``"Given SURNAME"``; None when the name has no single comma.

    >>> natural_order("KIM, Yong Chol")
    'Yong Chol KIM'
    """
    surname, comma, given = name.partition(",")
    if not comma or "," in given or not surname.strip() or not given.strip():
        return None
    return f"{given.strip()} {surname.strip()}"


_SCRIPTS = (
    ("HANGUL", "Hang"), ("CJK", "Hani"), ("HIRAGANA", "Jpan"), ("KATAKANA", "Jpan"),
    ("CYRILLIC", "Cyrl"), ("ARABIC", "Arab"), ("HEBREW", "Hebr"), ("GREEK", "Grek"),
    ("THAI", "Thai"), ("GEORGIAN", "Geor"), ("ARMENIAN", "Armn"), ("DEVANAGARI", "Deva"),
)


def script_of(text: str) -> str | None:
    """The ISO 15924 code of the first non-Latin script in ``text``, or None if all Latin."""
    for char in text:
        if not char.isalpha() or ord(char) < 0x250:
            continue
        name = unicodedata.name(char, "")
        for prefix, code in _SCRIPTS:
            if name.startswith(prefix):
                return code
    return None


def make_address(
    *,
    text: str | None,
    city: str | None,
    country: str | None,
    region: str | None = None,
    postal_code: str | None = None,
    warnings: Warnings,
    path: str,
    row: int | None = None,
) -> Address | None:
    """An address with its country mapped to alpha-2; None when every part is empty.

    A country name the table does not know stays in ``region`` and is reported once.
    """
    code = country_code(country)
    if country and code is None:
        if country.startswith("Region: "):
            region = region or country.removeprefix("Region: ")
        elif not is_known(country):
            region = region or country
            warnings.add("unknown-country",
                         f"country {country!r} is not in sanctionscreen/data/countries.yaml; "
                         "kept as the address region", path=path, row=row)
    if not any((text, city, region, postal_code, code)):
        return None
    return Address(text=text, city=city, region=region, postal_code=postal_code, country=code)
