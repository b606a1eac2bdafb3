"""Tests for sanctionscreen.watchlist.loader: broken files give errors naming file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sanctionscreen.errors import SanctionscreenError, WatchlistError
from sanctionscreen.watchlist.loader import (
    WatchlistValidationError,
    load_watchlist,
    validate_file,
    yaml_files,
)

VALID = """\
id: test-list
title: Test list
entities:
  - id: dalian-sms
    type: company
    name: DALIAN SUN MOON STAR INTERNATIONAL LOGISTICS TRADING CO., LTD
    aliases:
      - name: DALIAN TIANBAO INTERNATIONAL LOGISTICS CO., LTD.
    countries: [CN]
    risk:
      basis: designated
      designations:
        - authority: US Treasury OFAC
          programme: DPRK4
          reference: "24566"
  - id: sinhung
    type: company
    name: Korea Sinhung Trading Corporation
    countries: [KP]
    risk:
      basis: reported
      categories: [prison_labour]
"""
DOCS = Path(__file__).resolve().parents[2] / "docs" / "watchlist-format.md"
NAME_LINE = "    name: DALIAN SUN MOON STAR INTERNATIONAL LOGISTICS TRADING CO., LTD\n"


def _write(tmp_path: Path, text: str | bytes, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> WatchlistError:
    with pytest.raises(WatchlistError) as info:
        load_watchlist(path)
    return info.value


def test_valid_file_loads_with_source_set_to_its_path(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID)
    watchlist = load_watchlist(path)
    assert [e.id for e in watchlist.entities] == ["dalian-sms", "sinhung"]
    assert watchlist.source == str(path)
    assert watchlist.entity("sinhung").risk.categories == ["prison_labour"]
    assert validate_file(path) == []


def test_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("name: Korea Sinhung", "name: Korea: Sinhung"))
    error = _error(path)
    assert error.path == str(path)
    assert error.line == 18
    assert str(error) == f"{path}:18: YAML syntax error: mapping values are not allowed here"


def test_missing_name(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace(NAME_LINE, ""))
    error = _error(path)
    assert str(error) == f"{path}:4: entity 'dalian-sms': 'name' is required"
    assert (error.path, error.line) == (str(path), 4)


def test_empty_name(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace(NAME_LINE, '    name: "   "\n'))
    assert str(_error(path)) == f"{path}:6: entity 'dalian-sms': 'name': name must not be empty"


def test_empty_alias_name_points_at_the_alias(tmp_path: Path) -> None:
    text = VALID.replace("- name: DALIAN TIANBAO INTERNATIONAL LOGISTICS CO., LTD.", '- name: ""')
    error = _error(_write(tmp_path, text))
    assert error.line == 8
    assert "alias name must not be empty" in error.message


def test_unknown_field(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("    countries: [CN]\n", "    countries: [CN]\n"
                                                                    "    colour: red\n"))
    error = _error(path)
    assert error.line == 10
    assert error.message == ("entity 'dalian-sms': unknown field 'colour'; "
                             "see docs/watchlist-format.md for the fields allowed")


def test_duplicate_id_points_at_the_second_use(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("- id: sinhung", "- id: dalian-sms"))
    with pytest.raises(WatchlistValidationError) as info:
        load_watchlist(path)
    lines = {(p.line, p.message) for p in info.value.problems}
    assert (16, "entity id 'dalian-sms' is already used at line 4; ids must be unique") in lines
    assert any(p.line == 16 for p in validate_file(path))


def test_duplicate_key(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("    countries: [KP]\n", "    countries: [KP]\n"
                                                                    "    name: Other\n"))
    error = _error(path)
    assert str(error) == f"{path}:20: key 'name' appears twice in the same mapping; keep one"


def test_bad_country_code(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, VALID.replace("[CN]", "[China]")))
    assert error.line == 9
    assert error.message == ("entity 'dalian-sms': 'countries': country 'China' must be an "
                             "ISO 3166 alpha-2 code such as 'KP'")


def test_bad_address_country(tmp_path: Path) -> None:
    text = VALID.replace("    countries: [CN]\n",
                         "    countries: [CN]\n    addresses:\n      - city: Dalian\n"
                         "        country: cn\n")
    error = _error(_write(tmp_path, text))
    assert error.line == 12
    assert "country 'cn' must be an ISO 3166 alpha-2 code" in error.message


def test_bad_entity_type_lists_the_allowed_values(tmp_path: Path) -> None:
    error = _error(_write(tmp_path, VALID.replace("type: company", "type: firm", 1)))
    assert error.line == 5
    assert error.message.startswith("entity 'dalian-sms': 'type' is 'firm'; expected one of ")
    assert "'government_body'" in error.message and "'site'" in error.message


def test_designated_without_designations(tmp_path: Path) -> None:
    text = VALID.replace(
        '      designations:\n        - authority: US Treasury OFAC\n'
        '          programme: DPRK4\n          reference: "24566"\n', "")
    error = _error(_write(tmp_path, text))
    assert error.line == 11
    assert error.message == ("entity 'dalian-sms': 'risk': risk basis 'designated' needs at "
                             "least one entry under 'designations'")


def test_several_problems_are_all_reported(tmp_path: Path) -> None:
    text = VALID.replace("[CN]", "[China]").replace("[KP]", "[North Korea]")
    path = _write(tmp_path, text)
    problems = validate_file(path)
    assert [p.line for p in problems] == [9, 19]
    assert str(problems[1]).startswith(f"{path}:19: entity 'sinhung': 'countries'")
    assert "(and 1 more problems)" in str(_error(path))


def test_non_utf8_bytes(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("Sinhung", "Sinhüng").encode("latin-1"))
    error = _error(path)
    assert (error.path, error.line) == (str(path), 18)
    assert error.message == r"bytes b'\xfcng ' are not UTF-8"
    assert error.hint == "save the file as UTF-8"


def test_utf8_with_byte_order_mark_loads(tmp_path: Path) -> None:
    path = _write(tmp_path, b"\xef\xbb\xbf" + VALID.encode())
    assert load_watchlist(path).id == "test-list"


@pytest.mark.parametrize("text", ["", "- a\n- b\n", "just a string\n"])
def test_not_a_mapping(tmp_path: Path, text: str) -> None:
    error = _error(_write(tmp_path, text))
    assert error.line == 1
    assert error.message == "a watchlist file must be a mapping with 'id', 'title' and 'entities'"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    error = _error(path)
    assert str(error) == f"{path}: file not found (check the path)"
    assert isinstance(error, SanctionscreenError)
    assert validate_file(path)[0].message == "file not found"


def test_folder_is_not_a_file_but_yaml_files_lists_it(tmp_path: Path) -> None:
    _write(tmp_path, VALID, "b.yaml")
    _write(tmp_path, VALID.replace("test-list", "other-list"), "a.yml")
    _write(tmp_path, "not a watchlist", "notes.txt")
    (tmp_path / "sub").mkdir()
    _write(tmp_path / "sub", VALID, "c.yaml")
    error = _error(tmp_path)
    assert error.path == str(tmp_path)
    assert error.message == "is a folder, not a watchlist file"
    assert error.hint is not None and "--list" in error.hint
    files = yaml_files(tmp_path)
    assert files == [tmp_path / "a.yml", tmp_path / "b.yaml"]
    assert [load_watchlist(f).id for f in files] == ["other-list", "test-list"]
    assert yaml_files(tmp_path / "b.yaml") == [tmp_path / "b.yaml"]


def test_the_documented_example_loads_with_the_documented_hash(tmp_path: Path) -> None:
    docs = DOCS.read_text(encoding="utf-8")
    start = docs.index("## A full small example")
    example = re.search(r"```yaml\n(.*?)```", docs[start:], re.S)
    stated = re.search(r"content hash\s+`(sha256:[0-9a-f]{64})`", docs[start:])
    assert example and stated
    watchlist = load_watchlist(_write(tmp_path, example.group(1)))
    assert len(watchlist.entities) == 3
    assert watchlist.content_hash == stated.group(1)
