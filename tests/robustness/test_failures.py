"""Every failure is ``ErrorType: message`` with exit code 2, before the run where it can be:
no traceback, no exit code 1 that reads as "flagged", no hang (issue 18)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from sanctionscreen.batch.output import open_output

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def suppliers(tmp_path: Path) -> Path:
    path = tmp_path / "suppliers.csv"
    path.write_text("name,country\nProfinet,RU\nAcme Bakery,GB\n", encoding="utf-8")
    return path


def _fails(result: tuple[int, str, str], error: str, text: str) -> None:
    code, _, err = result
    assert code == 2, err
    # the message speaks to users: "Error: ...", never the exception's class name
    assert err.startswith("Error: ") and text in err, err
    assert error not in err, err
    assert "Traceback" not in err


def test_output_to_a_folder_fails_before_screening(suppliers: Path, tmp_path: Path,
                                                   cli: Cli) -> None:
    _fails(cli("screen", str(suppliers), "-o", str(tmp_path)), "InputError", "output is a folder")
    _fails(cli("screen", str(suppliers), "-o", str(tmp_path / "no" / "out.csv")), "InputError",
           "folder does not exist")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_a_full_disk(suppliers: Path, cli: Cli) -> None:
    _fails(cli("screen", str(suppliers), "-o", "/dev/full"), "InputError",
           "No space left on device")


def test_utf16_without_a_byte_order_mark(suppliers: Path, cli: Cli) -> None:
    _fails(cli("screen", str(suppliers), "--encoding", "utf-16"), "InputError",
           "cannot be read as utf-16")
    _fails(cli("screen", str(suppliers), "--encoding", "klingon"), "InputError",
           "unknown encoding 'klingon'")


def test_output_through_a_symlink(suppliers: Path, tmp_path: Path, cli: Cli) -> None:
    real = tmp_path / "reports" / "real.csv"
    real.parent.mkdir()
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    code, _, _ = cli("screen", str(suppliers), "-o", str(link))
    assert code == 1
    assert link.is_symlink() and "Profinet" in real.read_text(encoding="utf-8")
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.csv", "real.csv.audit.json"]


def test_two_runs_on_one_output_do_not_mix(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    first, second = open_output(target), open_output(target)
    assert first.part != second.part
    first.stream.write("first run\n" * 1000)
    second.stream.write("second run\n")
    second.commit()
    first.commit()
    assert target.read_text() == "first run\n" * 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def _alias_bomb(path: Path, *, top: str) -> Path:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path.write_text(top + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_yaml_alias_bomb_does_not_hang(tmp_path: Path, suppliers: Path, cli: Cli) -> None:
    bomb = _alias_bomb(tmp_path / "bomb.yaml", top="id: bomb\ntitle: Bomb\nentities: []\n")
    started = time.monotonic()
    code, out, _ = cli("validate", str(bomb))
    assert code == 2 and "YAML anchor '&a0' is not accepted" in out
    _fails(cli("check", "Profinet", "--list", str(bomb)), "WatchlistValidationError",
           "bomb.yaml:4: YAML anchor")
    decisions = _alias_bomb(tmp_path / "decisions.yaml", top="")
    _fails(cli("screen", str(suppliers), "--decisions", str(decisions)), "InputError",
           "YAML anchor")
    assert time.monotonic() - started < 10


def test_deep_nesting(tmp_path: Path, suppliers: Path, cli: Cli) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("id: deep\ntitle: Deep\nentities: " + "[" * 5000 + "]" * 5000 + "\n")
    code, out, _ = cli("validate", str(deep))
    assert code == 2 and "nested too deeply" in out
    _fails(cli("check", "Profinet", "--list", str(deep)), "WatchlistValidationError",
           "nested too deeply")
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text("[" * 5000 + "]" * 5000 + "\n")
    _fails(cli("screen", str(suppliers), "--decisions", str(decisions)), "InputError",
           "nested too deeply")


def test_a_csv_report_has_its_audit_facts_beside_it(suppliers: Path, tmp_path: Path,
                                                    cli: Cli) -> None:
    """Issue 18: CSV reports carried no list hashes, settings or version."""
    out = tmp_path / "out.csv"
    code, _, _ = cli("screen", str(suppliers), "-o", str(out))
    audit = json.loads((tmp_path / "out.csv.audit.json").read_text(encoding="utf-8"))
    assert code == 1 and audit["header"]["library_version"]
    assert audit["header"]["lists"][0]["content_hash"].startswith("sha256:")
    assert audit["header"]["settings_hash"].startswith("sha256:")
    assert audit["summary"]["rows_read"] == 2


@pytest.mark.parametrize("output", ["-", "out.csv"])
def test_an_interrupted_run_says_so(suppliers: Path, tmp_path: Path, cli: Cli,
                                    monkeypatch: pytest.MonkeyPatch, output: str) -> None:
    from sanctionscreen.batch import runner

    screened = runner._outcomes

    def interrupted(*args: object, **kwargs: object) -> object:
        for number, outcome in enumerate(screened(*args, **kwargs)):  # type: ignore[arg-type]
            if number == 1:
                raise KeyboardInterrupt
            yield outcome

    monkeypatch.setattr(runner, "_outcomes", interrupted)
    target = output if output == "-" else str(tmp_path / output)
    code, _, err = cli("screen", str(suppliers), "-o", target)
    assert code == 130
    assert "interrupted after 1 rows: " in err and err.rstrip().endswith("interrupted")
    assert output == "-" or not list(tmp_path.glob("out.csv*"))
