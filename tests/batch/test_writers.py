"""CSV and JSON lines output: columns, neutralised cells, header and summary records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import StubScreener

from sanctionscreen.batch.runner import screen_file

SUPPLIERS = (
    "supplier_id,name,country\r\n"
    "S1,Korea Heungjin Trading Co,KP\r\n"
    'S2,"=HYPERLINK(""http://evil.example"",""x"")",CN\r\n'
    "S3,+1,KR\r\n"
    "S4,-2,KR\r\n"
    "S5,@SUM(A1),KR\r\n"
    "S6,Samsung Electronics,KR\r\n"
    "S7,,KR\r\n"
)


def run(tmp_path: Path, fmt: str) -> tuple[str, int]:
    source = tmp_path / "suppliers.csv"
    source.write_text(SUPPLIERS, encoding="utf-8")
    out = io.StringIO()
    summary = screen_file(
        source, out, screener=StubScreener(), format=fmt, country_column="country"
    )
    return out.getvalue(), summary.exit_code()


def test_csv_has_input_and_result_columns_and_no_formula(tmp_path: Path) -> None:
    text, code = run(tmp_path, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["supplier_id", "name", "country", "row", "decision"]
    assert rows[0][5:] == [
        "score", "hit_entity_id", "hit_entity_name", "hit_list", "hit_matched_name",
        "explanation", "analyst_decision", "note",
    ]  # fmt: skip
    assert len(rows) == 8
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["S1"][4:7] == ["match", "0.910", "korea-heungjin"]
    assert "match threshold" in by_id["S1"][10]
    assert by_id["S2"][1] == '\'=HYPERLINK("http://evil.example","x")'
    assert [by_id[k][1] for k in ("S3", "S4", "S5")] == ["'+1", "'-2", "'@SUM(A1)"]
    assert (by_id["S7"][4], by_id["S7"][12]) == ("error", "the name is empty")
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert code == 2  # a row could not be screened


def test_result_column_names_do_not_clash_with_input_columns(tmp_path: Path) -> None:
    source = tmp_path / "s.csv"
    source.write_text("name,decision,score\nAlpha Ltd,approved,5\n", encoding="utf-8")
    out = io.StringIO()
    screen_file(source, out, screener=StubScreener(), format="csv")
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert header[:5] == ["name", "decision", "score", "row", "screen_decision"]
    assert "screen_score" in header


def test_jsonl_header_results_and_summary(tmp_path: Path) -> None:
    text, _ = run(tmp_path, "jsonl")
    records = [json.loads(line) for line in text.splitlines()]
    header, results, summary = records[0], records[1:-1], records[-1]
    assert header["record"] == "header" and header["library"] == "sanctionscreen"
    assert header["settings_hash"].startswith("sha256:")
    assert header["lists"][0]["content_hash"] == "sha256:" + "ab" * 32
    assert header["input"]["file"].endswith("suppliers.csv")
    assert header["input"]["sha256"].startswith("sha256:")
    assert [r["row"] for r in results] == [2, 3, 4, 5, 6, 7, 8]
    assert results[0]["hits"][0]["explanation"]["threshold"]["match"] == 0.85
    assert results[0]["input"] == {"supplier_id": "S1", "name": "Korea Heungjin Trading Co",
                                   "country": "KP"}  # fmt: skip
    assert results[1]["name"] == '=HYPERLINK("http://evil.example","x")'  # JSON keeps it as is
    assert summary["record"] == "summary"
    assert summary["counts"] == {"match": 1, "review": 0, "clear": 5, "error": 1}
    assert (summary["rows_read"], summary["screened"]) == (7, 6)
    assert summary["duration_seconds"] >= 0 and summary["ended_at"]


def test_address_and_country_columns_reach_the_json_record(tmp_path: Path) -> None:
    source = tmp_path / "s.csv"
    source.write_text(
        'Name,Addr,Ctry\nKorea Heungjin Trading,"Sosong-guyok, Pyongyang",KP\n', "utf-8"
    )
    out = io.StringIO()
    screen_file(source, out, screener=StubScreener(), format="jsonl",
                address_column="addr", country_column="3")  # fmt: skip
    header, record = (json.loads(x) for x in out.getvalue().splitlines()[:2])
    assert (header["input"]["address_column"], header["input"]["country_column"]) == (
        "Addr",
        "Ctry",
    )
    assert (record["address"], record["country"]) == ("Sosong-guyok, Pyongyang", "KP")
