"""One contract for names and countries: screen, Screener.screen and compare agree."""

from __future__ import annotations

import pytest

import sanctionscreen
from sanctionscreen.errors import InputError
from sanctionscreen.screening.inputs import checked_country, checked_name, printable


@pytest.mark.parametrize(("value", "reason"), [
    (None, "the name is empty"), ("", "the name is empty"), ("  \t", "the name is empty"),
    (42, "a name must be text, not int"), (b"Profinet", "a name must be text, not bytes"),
    ("x" * 2_001, "characters long; the limit is 2,000"),
])
def test_every_entry_point_says_the_same_of_a_bad_name(value: object, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        checked_name(value, 2_000)
    limit = sanctionscreen.Settings().max_name_length
    if isinstance(value, str) and len(value) > 2_000:
        value = "x" * (limit + 1)
    result = sanctionscreen.screen(value)  # type: ignore[arg-type]
    assert result.decision == "error" and result.error is not None
    assert reason.split(";")[0].split(" characters")[0] in result.error or "limit" in result.error
    for compared in (sanctionscreen.compare(value, "Profinet"),  # type: ignore[arg-type]
                     sanctionscreen.compare("Profinet", value)):  # type: ignore[arg-type]
        assert compared.decision == "error" and compared.explanation is None
        assert compared.error is not None and result.error in compared.error
        assert compared.text().startswith("ERROR: the ")


def test_a_country_is_text_or_nothing() -> None:
    assert checked_country("KP") == "KP" and checked_country(None) is None
    with pytest.raises(InputError, match="not list"):
        checked_country([])


def test_lone_surrogates_are_replaced_and_other_values_shown_briefly() -> None:
    assert printable("Pro\udcffnet") == "Pro\ufffdnet"
    assert printable(None) == ""
    assert printable(["a" * 500]).startswith("['aaa") and len(printable(["a" * 500])) == 200
