"""Pydantic models of a watchlist and the entities it lists.

The YAML format in ``docs/watchlist-format.md`` maps one to one onto these models;
the official-list importers build the same models from OFAC, UN, UK and
OpenSanctions files, so everything downstream sees one shape.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

EntityType = Literal[
    "organization", "company", "government_body", "person", "vessel", "aircraft", "site"
]
AliasKind = Literal[
    "aka",  # also known as
    "fka",  # formerly known as
    "nka",  # now known as
    "weak",  # a low-quality alias (OFAC weak a.k.a., UN 'low' quality): scored with care
    "transliteration",  # the same name in another script or romanisation
    "spelling",  # a spelling variant seen in the press or in documents
    "acronym",  # an acronym the list itself gives (KOMID)
    "reordered",  # a person's name put in natural order (Given SURNAME)
]
RiskBasis = Literal["designated", "reported"]
RiskCategory = Literal[
    "forced_labour", "prison_labour", "labour_export", "sanctions_evasion", "proliferation", "other"
]
SourceKind = Literal["article", "official_list", "other"]
RelationKind = Literal["branch_of", "affiliate_of", "subsidiary_of", "operated_by", "part_of"]

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# Longer than any name on the official lists (324 characters, UN 2026-02) and than
# a query may be (Settings.max_name_length), so a longer listed name could never match.
MAX_NAME_LENGTH = 500


def _not_blank(value: str, what: str) -> str:
    if not value.strip():
        raise ValueError(f"{what} must not be empty")
    if len(value) > MAX_NAME_LENGTH:
        raise ValueError(f"{what} {value[:40]!r}... is {len(value):,} characters long, over "
                         f"the limit of {MAX_NAME_LENGTH}; shorten it or split it into aliases")
    if not any(unicodedata.category(char)[0] in "LN" for char in value):
        raise ValueError(f"{what} {value!r} has no letter or digit (only invisible characters, "
                         "spaces or punctuation), so it could never match; write the name")
    return value


class Alias(_Model):
    """Another name the entity is listed or known under."""

    name: str
    kind: AliasKind = "aka"
    script: str | None = None  # e.g. "Hang", "Hani", "Cyrl" (ISO 15924), when not Latin
    lang: str | None = None  # e.g. "ko", "zh", "ru"
    note: str | None = None  # where the alias comes from, when not from the entity's sources

    _check_name = field_validator("name")(lambda v: _not_blank(v, "alias name"))


class Address(_Model):
    """A listed address; any part may be missing."""

    text: str | None = None  # street lines as listed
    city: str | None = None
    region: str | None = None
    postal_code: str | None = None
    country: str | None = None  # ISO 3166 alpha-2 where known

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is not None and not _COUNTRY.match(value):
            raise ValueError(f"country {value!r} must be an ISO 3166 alpha-2 code such as 'CN'")
        return value


class Identifier(_Model):
    """A registration number, IMO number, tax id and the like."""

    scheme: str  # e.g. "registration number", "IMO", "UEN"
    value: str
    country: str | None = None


class Designation(_Model):
    """A government or UN designation behind a listing."""

    authority: str  # e.g. "US Treasury OFAC", "UN Security Council"
    programme: str | None = None  # e.g. "DPRK4"
    date: str | None = None  # as the source gives it
    reference: str | None = None  # e.g. OFAC entry number "24566", UN "KPe.030"


class Risk(_Model):
    """Why the entity is listed: designated by a government, or reported by a source."""

    basis: RiskBasis
    categories: list[RiskCategory] = Field(default_factory=list)
    designations: list[Designation] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _designated_needs_designation(self) -> Risk:
        if self.basis == "designated" and not self.designations:
            raise ValueError(
                "risk basis 'designated' needs at least one entry under 'designations'")
        return self


class Source(_Model):
    """Where the listing comes from: an article, or an official list entry."""

    kind: SourceKind
    title: str
    file: str | None = None  # article file name, e.g. "000_897b576c6e9327eb.txt"
    publisher: str | None = None
    date: str | None = None  # as the source gives it
    reference: str | None = None  # entry number in an official list
    url: str | None = None
    quote: str | None = None  # the words of the source that support the listing


class Relation(_Model):
    """A link to another entity on the same list."""

    kind: RelationKind
    entity: str  # the other entity's id
    note: str | None = None


class Entity(_Model):
    """One listed entity: a company, a state body, a person, a vessel or a site."""

    id: str
    type: EntityType
    name: str
    aliases: list[Alias] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    addresses: list[Address] = Field(default_factory=list)
    identifiers: list[Identifier] = Field(default_factory=list)
    risk: Risk
    summary: str | None = None
    sources: list[Source] = Field(default_factory=list)
    related: list[Relation] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(
                f"id {value!r} must be lower-case letters, digits, '.', '_' or '-', "
                "starting with a letter or digit"
            )
        return value

    _check_name = field_validator("name")(lambda v: _not_blank(v, "name"))

    @field_validator("countries")
    @classmethod
    def _countries(cls, values: list[str]) -> list[str]:
        for value in values:
            if not _COUNTRY.match(value):
                raise ValueError(f"country {value!r} must be an ISO 3166 alpha-2 code such as 'KP'")
        return values

    def names(self) -> list[tuple[str, str]]:
        """Every name of the entity as ``(name, kind)``, the primary name first."""
        return [(self.name, "primary")] + [(alias.name, alias.kind) for alias in self.aliases]


class Watchlist(_Model):
    """A named, versioned collection of entities."""

    id: str
    title: str
    description: str | None = None
    version: str | None = None  # a date or release label
    publisher: str | None = None
    source: str | None = None  # where the list was read from (path or URL)
    source_date: str | None = None  # the date the source file gives, if any
    source_hash: str | None = None  # hash of the source file as read, for imported lists
    entities: list[Entity]

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(
                f"list id {value!r} must be lower-case letters, digits, '.', '_' or '-'")
        return value

    @model_validator(mode="after")
    def _unique_ids(self) -> Watchlist:
        seen: set[str] = set()
        for entity in self.entities:
            if entity.id in seen:
                raise ValueError(f"entity id {entity.id!r} is used twice; ids must be unique")
            seen.add(entity.id)
        return self

    @cached_property
    def content_hash(self) -> str:
        """``sha256:<hex>`` over the entities, independent of their order in the file."""
        digest = hashlib.sha256()
        for entity in sorted(self.entities, key=lambda e: e.id):
            digest.update(json.dumps(entity.model_dump(mode="json"), sort_keys=True).encode())
            digest.update(b"\n")
        return "sha256:" + digest.hexdigest()

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id; ``KeyError`` if there is none."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)
