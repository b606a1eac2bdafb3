"""Tests for sanctionscreen.watchlist.model: content hash and entity names."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from sanctionscreen.watchlist.model import Alias, Entity, Risk, Watchlist


def _entity(entity_id: str, name: str, *aliases: Alias) -> Entity:
    return Entity(
        id=entity_id,
        type="company",
        name=name,
        aliases=list(aliases),
        risk=Risk(basis="reported", categories=["sanctions_evasion"]),
    )


SINSMS = _entity("sinsms", "SINSMS PTE. LTD.", Alias(name="SUN MOON STAR (SINGAPORE) LTD."))
PROFINET = _entity(
    "profinet",
    "PROFINET PTE. LTD.",
    Alias(name="PROFINET, OOO"),
    Alias(name="PROFINET AGENCY", kind="weak"),
)
OFFICE_39 = _entity("office-39", "OFFICE 39", Alias(name="BUREAU 39"))


def _list(*entities: Entity, **fields: Any) -> Watchlist:
    return Watchlist(id="dprk-test", title="Test", entities=list(entities), **fields)


def test_content_hash_is_stable_under_entity_order() -> None:
    first = _list(SINSMS, PROFINET, OFFICE_39)
    second = _list(OFFICE_39, SINSMS, PROFINET)
    assert first.content_hash == second.content_hash
    assert first.content_hash.startswith("sha256:")
    assert len(first.content_hash) == len("sha256:") + 64


def test_content_hash_ignores_list_metadata() -> None:
    plain = _list(SINSMS, PROFINET)
    dated = _list(SINSMS, PROFINET, version="2026-11-22", source="elsewhere.yaml")
    assert plain.content_hash == dated.content_hash


def test_content_hash_changes_when_an_alias_changes() -> None:
    before = _list(SINSMS, PROFINET)
    renamed = _entity("sinsms", "SINSMS PTE. LTD.", Alias(name="SUN MOON STAR (SINGAPORE) PTE."))
    rekinded = _entity(
        "sinsms", "SINSMS PTE. LTD.", Alias(name="SUN MOON STAR (SINGAPORE) LTD.", kind="weak")
    )
    hashes = {before.content_hash, _list(renamed, PROFINET).content_hash,
              _list(rekinded, PROFINET).content_hash, _list(PROFINET).content_hash}
    assert len(hashes) == 4


def test_names_gives_primary_first_then_aliases_in_order() -> None:
    assert PROFINET.names() == [
        ("PROFINET PTE. LTD.", "primary"),
        ("PROFINET, OOO", "aka"),
        ("PROFINET AGENCY", "weak"),
    ]
    assert _entity("bare", "Korea Sinhung Trading Corporation").names() == [
        ("Korea Sinhung Trading Corporation", "primary")
    ]


def test_entity_lookup_by_id() -> None:
    watchlist = _list(SINSMS, OFFICE_39)
    assert watchlist.entity("office-39") is OFFICE_39
    with pytest.raises(KeyError):
        watchlist.entity("profinet")


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(ValidationError, match="entity id 'sinsms' is used twice"):
        _list(SINSMS, SINSMS)


@pytest.mark.parametrize("bad_id", ["Office-39", "-office", "office 39", ""])
def test_bad_entity_ids_are_rejected(bad_id: str) -> None:
    with pytest.raises(ValidationError, match="must be lower-case"):
        _entity(bad_id, "OFFICE 39")
