"""``sanctionscreen evaluate``: figures on a labelled file."""

from __future__ import annotations

from pathlib import Path

import pytest

from sanctionscreen.cli import main

PAIRS = """name1,name2,is_match,schema
Korea Shinheung Trading Corp,Korea Sinhung Trading Corporation,true,Company
Dalian Tianbao Intl Logistics,Dalian Tianbao International Logistics Co Ltd,true,Company
Korea Trading Company,Korea Sinhung Trading Corporation,false,Company
Acme Widgets,Profinet Pte Ltd,false,Company
Kim Il Sung,Kim Jong Il,false,Person
"""


def test_evaluate_prints_figures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(PAIRS, encoding="utf-8")
    assert main(["evaluate", str(path), "--filter", "schema=Company"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("pairs: 4 (2 match, 2 non-match)")
    assert "match (score >= 0.82)        P 1.000  R 1.000  F1 1.000" in out
    assert "threshold sweep:" in out


def test_evaluate_bad_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("name1,name2,is_match\na,b,maybe\n", encoding="utf-8")
    assert main(["evaluate", str(path)]) == 2
    assert "row 2: label 'maybe'" in capsys.readouterr().err


def test_evaluate_missing_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text("left,right,label\na,b,true\n", encoding="utf-8")
    assert main(["evaluate", str(path)]) == 2
    assert "no column 'name1'" in capsys.readouterr().err


QUERIES = """set,category,name,country,expected_entity,expected_list,perturbation,source
suppliers,CN,"Qingdao Golden Bright Textile Co., Ltd.",CN,,,,
suppliers,KR,Korea Trading Company,KR,,,,
listed,bundled,Korea Shinheung Trading Corp.,,korea-sinhung-trading-corporation,dprk-articles,,
listed,bundled,Sun Star Logistics Ltd,,dalian-sun-moon-star,dprk-articles,word_order,
listed,ofac-sdn,PROFINET PTE LTD,,ofac-24516,ofac-sdn,legal_form_dropped,
"""


def test_evaluate_screen(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "queries.csv"
    path.write_text(QUERIES, encoding="utf-8")
    output = tmp_path / "out.csv"
    assert main(["evaluate", "--screen", str(path), "--output", str(output)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("screened: 4 queries (2 clean, 2 positive) against dprk-articles "
                          "(7 entities)\n")
    assert "left out: 1 positive rows whose expected list is not loaded" in out
    figures = {line.split()[0]: line.split()[1:] for line in out.splitlines()
               if line.startswith(("queries.csv", "  CN ", "  bundled "))}
    # rows, clean, flagged (rate, count), match (rate, count), positives, found, as match
    assert figures["queries.csv"] == ["4", "2", "0.00%", "(0)", "0.00%", "(0)", "2",
                                      "50.00%", "(1)", "50.00%", "(1)"]
    assert figures["CN"][:3] == ["1", "1", "0.00%"] and figures["bundled"][2] == "-"
    assert "  0.60  " in out and "  0.95  " in out
    misses = out.split("worst misses")[1]
    assert "'Sun Star Logistics Ltd', expected dprk-articles:dalian-sun-moon-star" in misses
    assert "Expected: DALIAN SUN MOON STAR INTERNATIONAL LOGISTICS TRADING CO., LTD" in misses
    rows = output.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 5 and rows[0].startswith("file,row,set,category,name")
    assert rows[3].endswith(",match,dprk-articles,korea-sinhung-trading-corporation,"
                            "Korea Shinheung Trading Corporation,1.0000,1.0000,true")


def test_evaluate_pairs_takes_one_file(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(PAIRS, encoding="utf-8")
    assert main(["evaluate", str(path), str(path)]) == 2
    assert "give --screen to screen files of labelled queries" in capsys.readouterr().err
    assert main(["evaluate", str(path), "--list", "bundled"]) == 2
    assert "--list and --output go with --screen" in capsys.readouterr().err


def test_evaluate_screen_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "queries.csv"
    path.write_text("supplier\nAcme\n", encoding="utf-8")
    assert main(["evaluate", "--screen", str(path)]) == 2
    assert "no column 'name'" in capsys.readouterr().err
    assert main(["evaluate", "--screen", str(path), "--workers", "0"]) == 2
    assert "--workers must be at least 1" in capsys.readouterr().err
