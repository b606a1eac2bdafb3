"""List folders and YAML lists that screened wrongly without a word (issue 18)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sanctionscreen.explain import printable
from sanctionscreen.watchlist.loader import yaml_files

Cli = Callable[..., tuple[int, str, str]]
ENTITY = """\
  - id: {id}
    type: company
    name: {name}
    risk: {{basis: reported, categories: [sanctions_evasion]}}
    sources: [{{kind: article, title: Test}}]
"""


def _list(path: Path, list_id: str, *entities: tuple[str, str]) -> Path:
    body = "".join(ENTITY.format(id=i, name=n) for i, n in entities)
    path.write_text(f"id: {list_id}\ntitle: Test {list_id}\nentities:\n{body}", encoding="utf-8")
    return path


def test_upper_case_suffix_is_read(tmp_path: Path, cli: Cli) -> None:
    _list(tmp_path / "a.yaml", "a-list", ("acme", "Acme Holdings Ltd"))
    _list(tmp_path / "B.YAML", "b-list", ("kumsong", "Kumsong Shipping Company"))
    assert [p.name for p in yaml_files(tmp_path)] == ["B.YAML", "a.yaml"]
    code, out, _ = cli("check", "Kumsong Shipping Co", "--list", str(tmp_path))
    assert code == 1 and "b-list" in out


def test_two_files_with_one_list_id(tmp_path: Path, cli: Cli) -> None:
    _list(tmp_path / "a.yaml", "same", ("acme", "Acme Holdings Ltd"))
    _list(tmp_path / "b.yaml", "same", ("kumsong", "Kumsong Shipping Company"))
    code, _, err = cli("check", "Kumsong Shipping Co", "--list", str(tmp_path))
    assert code == 2 and "list id 'same' is also the id of" in err and "a.yaml" in err


@pytest.mark.parametrize(("name", "problem"), [
    ("A" * 5000, "5,000 characters long, over the limit of 500"),
    ('"\\u200b\\u200c\\u2060"', "has no letter or digit"),
])
def test_unusable_names_fail_validate(tmp_path: Path, cli: Cli, name: str, problem: str) -> None:
    path = _list(tmp_path / "list.yaml", "t", ("good", "Acme Holdings Ltd"), ("bad", name))
    code, out, _ = cli("validate", str(path))
    assert code == 2
    assert out.startswith(f"{path}:11: entity 'bad': 'name': name ") and problem in out


def test_escape_sequences_are_not_printed_raw(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "list.yaml"
    path.write_text(
        'id: esc\ntitle: Escapes\nentities:\n  - id: kumsong\n    type: company\n'
        '    name: "KUMSONG \\e[2J\\e]0;pwned\\a SHIPPING \\u202eYNAPMOC"\n'
        '    aliases: [{name: Kumsong Shipping Company}]\n'
        '    summary: "Listed \\e[31min red\\e[0m"\n'
        '    risk: {basis: reported, categories: [sanctions_evasion]}\n'
        '    sources: [{kind: article, title: "Test \\e[1mbold"}]\n', encoding="utf-8")
    code, out, _ = cli("check", "Kumsong Shipping Company", "--list", str(path))
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "KUMSONG \\x1b[2J\\x1b]0;pwned\\x07 SHIPPING \\u202eYNAPMOC" in out
    assert "Summary: Listed \\x1b[31min red" in out
    assert printable("line one\nline two") == "line one\nline two"


def test_lists_escapes_titles(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "list.yaml"
    path.write_text('id: esc\ntitle: "Escapes \\e[2J"\nentities:\n'
                    + ENTITY.format(id="acme", name="Acme Holdings Ltd"), encoding="utf-8")
    code, out, _ = cli("lists", "--list", str(path))
    assert code == 0 and "esc: Escapes \\x1b[2J" in out and "\x1b" not in out


def test_validate_reads_upper_case_suffixes_and_refuses_one_id_twice(tmp_path: Path,
                                                                      cli: Cli) -> None:
    _list(tmp_path / "a.yaml", "same", ("acme", "Acme Holdings Ltd"))
    _list(tmp_path / "B.YAML", "same", ("kumsong", "Kumsong Shipping Company"))
    code, out, _ = cli("validate", str(tmp_path))
    assert code == 2
    assert f"{tmp_path / 'a.yaml'}: list id 'same' is also the id of {tmp_path / 'B.YAML'}" in out
