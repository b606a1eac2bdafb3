"""Country names and codes to alpha-2 codes: as lists write them and as users give them."""

from __future__ import annotations

import pytest

from sanctionscreen.countries import country_code, given_country


@pytest.mark.parametrize(("given", "code"), [
    ("KP", "KP"), (" kp ", "KP"), ("North Korea", "KP"), ("DPRK", "KP"),
    ("Korea, North", "KP"), ("south korea", "KR"), ("Russia", "RU"),
    ("Russian Federation", "RU"), ("UK", "GB"), ("United Kingdom", "GB"), ("USA", "US"),
    ("Türkiye", "TR"), ("Turkiye", "TR"), ("NO", "NO"), ("Norway", "NO"),
])
def test_a_user_may_give_a_code_or_a_name(given: str, code: str) -> None:
    assert given_country(given) == code


@pytest.mark.parametrize("given", ["Narnia", "XX", "K", "", "   ", "North"])
def test_what_is_neither_is_none(given: str) -> None:
    assert given_country(given) is None


def test_list_names_are_read_as_before() -> None:
    assert country_code("St. Kitts & Nevis") == "KN"
    assert country_code("Region: Crimea") is None and country_code(None) is None
