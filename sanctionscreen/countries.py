"""Country names to ISO 3166 alpha-2 codes: as sanctions lists write them (the
importers) and as users give them with a name (``given_country``).

The table is ``data/countries.yaml`` (hand-edited, documented in its header),
read once on first use.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

import yaml

_APOSTROPHES = re.compile(r"[.'’`]")
_SPACES = re.compile(r"\s+")


def fold(name: str) -> str:
    """The form names are compared in: no case, accents, dots, apostrophes; '&' is 'and'.

    >>> fold("St. Kitts & Nevis")
    'st kitts and nevis'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _APOSTROPHES.sub(" ", text.replace("&", " and "))
    return _SPACES.sub(" ", text).strip()


@cache
def _table() -> dict[str, str | None]:
    text = resources.files("sanctionscreen").joinpath("data/countries.yaml").read_text(
        encoding="utf-8")
    data = yaml.safe_load(text)
    return {fold(str(name)): code for name, code in data.items()}


def country_code(name: str | None) -> str | None:
    """The alpha-2 code for a country name, or None when empty, unknown or not a country.

    >>> country_code("Korea, North")
    'KP'
    """
    if not name:
        return None
    return _table().get(fold(name))


def is_known(name: str) -> bool:
    """Whether the table lists this name (as a country, or as a known non-country)."""
    return fold(name) in _table()


@cache
def _codes() -> frozenset[str]:
    return frozenset(code for code in _table().values() if code)


def given_country(text: str) -> str | None:
    """The alpha-2 code of a country given with a name: a code the table knows, in any
    case, or a country name it knows; ``None`` when it is neither.

    >>> given_country("North Korea"), given_country("kp"), given_country("Narnia")
    ('KP', 'KP', None)
    """
    stripped = text.strip()
    if len(stripped) == 2 and stripped.upper() in _codes():
        return stripped.upper()
    return country_code(stripped)
