"""``screen --fail-on``, ``--quiet`` for ``screen`` and ``check``, the exit line, the output
suffix check, ``--keep-column`` and ``Error: message``, run through
:func:`sanctionscreen.cli.main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sanctionscreen import cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "suppliers.csv"

# Supplier rows as a user's file holds them: a match, a row for review, a clear row.
MATCH = "S-1002,Dalian Tianbao Intl Logistics Co Ltd,CN\n"
REVIEW = "S-1017,Office No. 39 Restaurant Services,CN\n"
CLEAR = "S-1008,Shinwon Corporation,KR\n"
EMPTY = "S-1022,,CN\n"


def suppliers(tmp_path: Path, *rows: str) -> str:
    path = tmp_path / "suppliers.csv"
    path.write_text("supplier_id,supplier_name,country\n" + "".join(rows), encoding="utf-8")
    return str(path)


def screen(source: str, tmp_path: Path, *options: str) -> int:
    return cli.main(["screen", source, "--column", "supplier_name", "--country-column",
                     "country", "-o", str(tmp_path / "out.csv"), *options])


@pytest.mark.parametrize(
    ("rows", "fail_on", "code"),
    [
        ((MATCH, REVIEW, CLEAR), "review", 1),
        ((REVIEW, CLEAR), "review", 1),
        ((CLEAR,), "review", 0),
        ((MATCH, REVIEW, CLEAR), "match", 1),
        ((REVIEW, CLEAR), "match", 0),
        ((MATCH, REVIEW, CLEAR), "never", 0),
        ((MATCH, EMPTY), "never", 2),
        ((REVIEW, EMPTY), "match", 2),
        ((CLEAR, EMPTY), "review", 2),
    ],
)
def test_fail_on_sets_the_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    rows: tuple[str, ...], fail_on: str, code: int) -> None:
    assert screen(suppliers(tmp_path, *rows), tmp_path, "--fail-on", fail_on) == code
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"exit {code}: ")


def test_default_is_fail_on_review(tmp_path: Path) -> None:
    assert screen(suppliers(tmp_path, REVIEW, CLEAR), tmp_path) == 1


def test_exit_line_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = suppliers(tmp_path, MATCH, REVIEW, CLEAR)
    screen(source, tmp_path, "--fail-on", "match")
    assert capsys.readouterr().err.splitlines()[-1] == (
        "exit 1: 1 row matched; 1 for review do not fail it (--fail-on match)")
    screen(source, tmp_path)
    assert capsys.readouterr().err.splitlines()[-1] == "exit 1: 2 rows matched or need review"
    screen(suppliers(tmp_path, CLEAR), tmp_path)
    assert capsys.readouterr().err.splitlines()[-1] == (
        "exit 0: every row was screened and none matched or need review")


def test_quick_start_example_says_which_row_could_not_be_screened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The README's command on the example file, whose row 23 has an empty name on purpose.
    code = cli.main(["screen", str(EXAMPLE), "--column", "supplier_name", "--country-column",
                     "country", "--output", str(tmp_path / "results.html")])
    err = capsys.readouterr().err.splitlines()
    assert code == 2
    assert err[0].startswith("24 rows read, 23 screened: match 8, review 1, clear 14, error 1")
    assert err[-1] == ("exit 2: 1 row could not be screened (row 23: the name is empty); "
                       "the other rows were screened and are in the report")
    assert (tmp_path / "results.html").stat().st_size > 0


def test_many_unscreenable_rows_are_counted_and_the_first_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert screen(suppliers(tmp_path, CLEAR, *[EMPTY] * 7), tmp_path, "--fail-on", "never") == 2
    last = capsys.readouterr().err.splitlines()[-1]
    assert last.startswith("exit 2: 7 rows could not be screened (row 3: the name is empty; ")
    assert "row 7: the name is empty; 2 more in the report)" in last
    assert "row 8:" not in last


def test_screen_quiet_prints_nothing_but_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert screen(suppliers(tmp_path, MATCH, EMPTY), tmp_path, "--quiet") == 2
    assert capsys.readouterr() == ("", "")
    assert cli.main(["screen", str(tmp_path / "missing.csv"), "--quiet"]) == 2
    assert capsys.readouterr().err.startswith("Error: ")


def _ofac_set(folder: Path) -> Path:
    """An OFAC CSV set whose alias file names an entry the main file lacks (an orphan)."""
    folder.mkdir()
    (folder / "sdn.csv").write_text(
        '24566,"DALIAN SUN MOON STAR INTERNATIONAL LOGISTICS TRADING CO., LTD",-0- ,"DPRK4",'
        "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n", encoding="utf-8")
    (folder / "alt.csv").write_text(
        '24566,1,"aka","DALIAN TIANBAO INTERNATIONAL LOGISTICS CO., LTD.",-0- \n'
        '99999,2,"aka","NO SUCH ENTRY TRADING",-0- \n', encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["check", "screen"])
def test_quiet_silences_list_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      caplog: pytest.LogCaptureFixture, command: str) -> None:
    # Without a handler of the user's, a warning reaches stderr through logging's last resort;
    # under pytest it reaches caplog instead.
    lists = str(_ofac_set(tmp_path / "ofac"))
    target = ["Korea Heungjin Trading"] if command == "check" else [
        suppliers(tmp_path, CLEAR), "--column", "supplier_name", "-o", str(tmp_path / "o.csv")]
    cli.main([command, *target, "--list", lists])
    assert "1 orphan-alias" in caplog.text
    caplog.clear()
    capsys.readouterr()
    cli.main([command, *target, "--list", lists, "--quiet"])
    assert caplog.text == "" and capsys.readouterr().err == ""


def test_check_quiet_keeps_the_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "Dalian Tianbao Intl Logistics Co Ltd", "--quiet"]) == 1
    out, err = capsys.readouterr()
    assert "match" in out and err == ""


def test_unknown_output_suffix_is_an_error_before_screening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "x.pdf"
    assert screen(suppliers(tmp_path, MATCH), tmp_path, "-o", str(report)) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: the output suffix '.pdf' names no report format")
    assert ".csv, .jsonl, .ndjson, .html, .htm" in err
    assert not report.exists()
    # --format says what to write whatever the suffix is.
    assert screen(suppliers(tmp_path, CLEAR), tmp_path, "-o", str(report), "--format",
                  "jsonl") == 0
    assert report.read_text(encoding="utf-8").startswith('{"record"')


@pytest.mark.parametrize("argv", [
    ["check", "x", "--match-threshold", "1.5"],
    ["lists", "--list", "/nonexistent/list.yaml"],
    ["screen", "/nonexistent/suppliers.csv"],
])
def test_errors_print_as_error_message(capsys: pytest.CaptureFixture[str],
                                       argv: list[str]) -> None:
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "Error: " not in err[7:]
    assert "ConfigurationError" not in err and "InputError" not in err


def test_keep_column_reaches_the_json_lines_report(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text("supplier_id,supplier_name,city,country,cost centre\n"
                    "S-1002,Dalian Tianbao Intl Logistics Co Ltd,Dalian,CN,4100\n"
                    "S-1008,Shinwon Corporation,Seoul,KR\n", encoding="utf-8")  # fmt: skip
    report = tmp_path / "out.jsonl"
    assert screen(str(path), tmp_path, "-o", str(report), "--keep-column", "cost centre",
                  "--keep-column", "1") == 1  # fmt: skip
    records = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [r["kept"] for r in records if r["record"] == "result"] == [
        {"cost centre": "4100", "supplier_id": "S-1002"},
        {"cost centre": "", "supplier_id": "S-1008"},
    ]
    assert screen(str(path), tmp_path, "-o", str(report)) == 1  # by default: the id and city
    records = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert records[1]["kept"] == {"supplier_id": "S-1002", "city": "Dalian"}


def test_an_unknown_keep_column_is_an_error_before_screening(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "out.csv"
    assert screen(suppliers(tmp_path, MATCH), tmp_path, "--keep-column", "vat_id") == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "no kept column headed 'vat_id'" in err
    assert "the columns are 'supplier_id', 'supplier_name', 'country'" in err
    assert not report.exists()
    names = tmp_path / "names.txt"
    names.write_text("Dalian Tianbao Intl Logistics Co Ltd\n", encoding="utf-8")
    assert cli.main(["screen", str(names), "--keep-column", "city", "-o", str(report)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "a plain text file has no columns to keep" in err
    assert not report.exists()


def test_a_typo_in_an_option_shows_that_commands_usage(capsys: pytest.CaptureFixture[str],
                                                       tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["screen", suppliers(tmp_path, CLEAR), "--colunm", "supplier_name"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: sanctionscreen screen ")
    assert "unrecognized arguments: --colunm supplier_name" in err


def test_the_name_column_picked_from_the_header_is_said(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    source = suppliers(tmp_path, MATCH, CLEAR)
    cli.main(["screen", source, "-o", str(tmp_path / "out.csv")])
    assert "name column 'supplier_name' chosen from the header" in capsys.readouterr().err
    screen(source, tmp_path)  # named with --column: nothing to say
    assert "chosen from the header" not in capsys.readouterr().err


def test_every_option_of_every_command_has_help() -> None:
    cli.build_parser()
    missing = [f"{name} {action.option_strings or action.dest}"
               for name, command in cli._COMMAND_PARSERS.items() for action in command._actions
               if not action.help]
    assert missing == []
