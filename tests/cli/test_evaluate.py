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
