"""Input rows and the checks that decide whether a name can be screened."""

from __future__ import annotations

import dataclasses

import pytest

from sanctionscreen.batch.rows import InputRow, describe_cell, has_lone_surrogate, name_problem

SUPPLIERS = (
    "Dalian Tianbao Intl Logistics Co Ltd",
    "Brightwave Textiles GmbH",
    "Korea Shinheung Trading Corp.",
    "大连天宝国际物流有限公司",
    "조선신흥무역회사",
    "Société Générale de Négoce S.A.",
)


@pytest.mark.parametrize("name", SUPPLIERS)
def test_ordinary_supplier_names_can_be_screened(name: str) -> None:
    assert name_problem(name, max_length=500) is None
    assert not has_lone_surrogate(name)


def test_a_missing_name() -> None:
    assert name_problem(None, max_length=500) == "the name is missing"


@pytest.mark.parametrize(
    ("value", "kind"), [(42, "int"), (4.2, "float"), (b"Brightwave", "bytes"), (["x"], "list")]
)
def test_a_name_that_is_not_text_says_what_it_got(value: object, kind: str) -> None:
    assert name_problem(value, max_length=500) == f"the name is not text (got {kind})"


@pytest.mark.parametrize("blank", ["", " ", "\t", "  \u3000 ", "\u00a0"])
def test_a_blank_name_is_empty(blank: str) -> None:
    assert name_problem(blank, max_length=500) == "the name is empty"


def test_unreadable_bytes_name_the_encoding_and_the_fix() -> None:
    # b"Caf\xe9" read as UTF-8 with surrogateescape keeps the bad byte as U+DCE9.
    name = b"Caf\xe9 Brightwave GmbH".decode("utf-8", "surrogateescape")
    assert has_lone_surrogate(name)
    assert name_problem(name, max_length=500, encoding="utf-8") == (
        "the name holds bytes that are not valid utf-8; give the right --encoding"
    )
    assert name_problem(name, max_length=500) == (
        "the name holds bytes that are not valid text; give the right --encoding"
    )


def test_a_broken_json_escape_is_a_lone_surrogate() -> None:
    assert has_lone_surrogate("Korea \ud83d Trading")  # the high half of an emoji only
    assert not has_lone_surrogate("Korea 😀 Trading")  # a whole emoji is fine


def test_the_length_limit_counts_characters_and_is_inclusive() -> None:
    at_limit = "K" * 500
    assert name_problem(at_limit, max_length=500) is None
    assert name_problem(at_limit + "x", max_length=500) == (
        "the name is 501 characters long, over the limit of 500 (Settings.max_name_length)"
    )
    # Characters, not bytes: 500 Hangul syllables are 1,500 bytes of UTF-8.
    assert name_problem("조" * 500, max_length=500) is None


def test_the_length_message_groups_thousands() -> None:
    problem = name_problem("A" * 123_456, max_length=100_000)
    assert problem == (
        "the name is 123,456 characters long, over the limit of 100,000 (Settings.max_name_length)"
    )


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\u2028", "\u2029"])
def test_a_line_break_points_at_an_open_quote(brk: str) -> None:
    problem = name_problem(f"Brightwave{brk}Textiles GmbH", max_length=500)
    assert problem == (
        "the name holds a line break; a quote may be left open on this row or the one before"
    )


def test_the_checks_come_in_order() -> None:
    # Unreadable bytes are reported before the length, the length before a line break.
    bad = "\udce9" + "x" * 600 + "\n"
    assert "bytes that are not" in (name_problem(bad, max_length=500) or "")
    assert "characters long" in (name_problem("x" * 600 + "\n", max_length=500) or "")


def test_describe_cell_quotes_and_shortens() -> None:
    assert describe_cell("Brightwave Textiles GmbH") == "'Brightwave Textiles GmbH'"
    forty = "D" * 40
    assert describe_cell(forty) == repr(forty)
    long = "Dalian Tianbao Intl Logistics Co Ltd, Zhongshan District, Dalian"
    assert describe_cell(long) == repr(long[:40] + "...")
    assert describe_cell(long, limit=6) == "'Dalian...'"
    assert describe_cell("") == "''"


def test_describe_cell_escapes_control_characters() -> None:
    shown = describe_cell("ACME\x1b[2J\x00 LTD")
    assert shown == "'ACME\\x1b[2J\\x00 LTD'"
    assert "\x1b" not in shown and "\x00" not in shown


def test_input_row_screenable() -> None:
    cells = ("1", "Korea Shinheung Trading Corp.", "KP")
    row = InputRow(row=2, name=cells[1], cells=cells, country="KP")
    assert row.screenable
    assert not InputRow(row=3, name=None, cells=()).screenable
    blank = InputRow(row=4, name="", cells=("", ""), problem="the name is empty")
    assert not blank.screenable
    # A note does not stop screening.
    ragged = dataclasses.replace(row, note="the row has 4 cells, the header 3")
    assert ragged.screenable


def test_input_row_defaults_and_frozen() -> None:
    row = InputRow(row=2, name="Brightwave Textiles GmbH", cells=("Brightwave Textiles GmbH",))
    assert (row.country, row.address, row.problem, row.note, row.kept) == (
        None, None, None, None, ()
    )  # fmt: skip
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.name = "other"  # type: ignore[misc]
