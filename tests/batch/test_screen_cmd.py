"""``sanctionscreen screen`` and ``decide`` through the command line: output, stderr, exit codes."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from sanctionscreen import cli

SUPPLIERS = (
    "supplier_id,name,country\n"
    "S1,조선신흥무역회사,KP\n"
    "S2,삼성전자 주식회사,KR\n"
    "S3,大连天宝国际物流有限公司,CN\n"
    "S4,トヨタ自動車株式会社,JP\n"
)


@pytest.fixture(autouse=True)
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen command registered, whether or not the lead has added it yet."""
    if "sanctionscreen.cli.screen_cmd" not in cli.COMMANDS:
        monkeypatch.setattr(cli, "COMMANDS", (*cli.COMMANDS, "sanctionscreen.cli.screen_cmd"))


def write(tmp_path: Path, text: str, name: str = "suppliers.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_flagged_rows_exit_1_and_only_results_go_to_stdout(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, SUPPLIERS, encoding="gb18030")
    assert cli.main(["screen", source, "--country-column", "country"]) == 1
    out, err = capfd.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["decision"] for r in rows] == ["match", "clear", "match", "clear"]
    assert "4 rows read, 4 screened: match 2, review 0, clear 2, error 0" in err
    assert "\r" not in err  # stderr is not a terminal here: no progress line


def test_nothing_flagged_exits_0_and_quiet_is_quiet(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "name\nHitachi Ltd\nSony Group Corporation\n")
    out_file = tmp_path / "out.jsonl"
    assert cli.main(["screen", source, "-o", str(out_file), "--quiet"]) == 0
    assert capfd.readouterr() == ("", "")
    records = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert [r["record"] for r in records] == ["header", "result", "result", "summary"]


def test_unscreenable_rows_and_errors_exit_2(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, "name\nAlpha Ltd\n\nBeta Ltd\n")
    assert cli.main(["screen", source, "-q"]) == 2
    assert cli.main(["screen", str(tmp_path / "missing.csv")]) == 2
    assert "Error: " in capfd.readouterr().err
    assert (
        cli.main(["screen", source, "--match-threshold", "0.5", "--review-threshold", "0.6"]) == 2
    )
    assert "Error: review threshold 0.6 is above" in capfd.readouterr().err


def test_stdin_and_html_output(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_stdin = io.TextIOWrapper(io.BytesIO("조선신흥무역회사\n".encode("cp949")))
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    report = tmp_path / "report.html"
    assert cli.main(["screen", "-", "--input-format", "text", "-o", str(report), "-q"]) == 1
    html = report.read_text(encoding="utf-8")
    assert "조선신흥무역회사" in html and "Content-Security-Policy" in html


def test_decide_then_screen_clears_the_hit(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path, SUPPLIERS)
    report, decisions = tmp_path / "run.jsonl", tmp_path / "decisions.yaml"
    assert cli.main(["screen", source, "-o", str(report), "-q"]) == 1
    entity = json.loads(report.read_text(encoding="utf-8").splitlines()[3])["hits"][0]["entity_id"]
    code = cli.main([
        "decide", "--report", str(report), "--row", "4", "--entity", entity,
        "--false-positive", "--by", "J. Kim", "--reason", "Different company, Shenzhen",
        "--decisions", str(decisions),
    ])  # fmt: skip
    assert code == 0
    assert "recorded false_positive" in capfd.readouterr().err
    assert cli.main(["screen", source, "--decisions", str(decisions), "-q"]) == 1
    rows = list(csv.DictReader(io.StringIO(capfd.readouterr().out)))
    assert rows[2]["decision"] == "clear"
    assert "recorded by J. Kim" in rows[2]["analyst_decision"]
    assert cli.main(["decide", "--report", str(report), "--row", "99", "--entity", entity,
                     "--confirmed", "--by", "x", "--reason", "y",
                     "--decisions", str(decisions)]) == 2  # fmt: skip
