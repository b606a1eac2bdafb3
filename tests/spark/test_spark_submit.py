"""``python -m sanctionscreen.spark``: a CSV in, Parquet and the audit header out."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import sanctionscreen
from sanctionscreen import Screener
from sanctionscreen.spark import plan as plan_module
from sanctionscreen.spark.submit import main

CSV = """supplier_id,supplier_name,country
s1,Dalian Tianbao Intl Logistics Co Ltd,CN
s2,,KP
s3,Northwind Bakery Ltd,GB
s4,Shinheung Trading Company,KP
s5,"Profinet, OOO",RU
s6,Pinecrest Ceramics GmbH,
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def test_a_csv_is_screened_to_parquet_with_an_audit_header(
        spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "suppliers.csv"
    source.write_text(CSV, encoding="utf-8")
    output = tmp_path / "out.parquet"
    code, err = run(capsys, "--input", str(source), "--name-column", "supplier_name",
                    "--country-column", "country", "--id-column", "supplier_id",
                    "--list", "bundled", "--partitions", "3", "--output", str(output))
    assert code == 0, err
    rows = {r["supplier_id"]: r for r in spark.read.parquet(str(output)).collect()}
    assert sorted(rows) == ["s1", "s2", "s3", "s4", "s5", "s6"]
    screener = Screener()
    for row in rows.values():  # Spark's CSV reader gives the empty cell as null
        want = screener.screen(row["supplier_name"], country=row["country"])
        assert (row["decision"], row["error"]) == (want.decision, want.error)
    assert (rows["s1"]["decision"], rows["s2"]["error"]) == ("match", "the name is empty")
    header = json.loads((tmp_path / "out.parquet.audit.json").read_text(encoding="utf-8"))
    assert header["library_version"] == sanctionscreen.__version__
    assert header["settings_hash"] == screener.settings.fingerprint()
    assert [(i["id"], i["content_hash"], i["entities"]) for i in header["lists"]] == [
        (i.id, i.content_hash, i.entities) for i in screener.lists_info]
    assert header["rows_in"] == header["rows_out"] == 6
    counts = {d: sum(r["decision"] == d for r in rows.values())
              for d in ("match", "review", "clear", "error")}
    assert header["counts"] == counts and counts["error"] == 1
    assert header["input"]["id_column"] == "supplier_id"
    assert "6 rows read, 6 written" in err
    again, err = run(capsys, "--input", str(source), "--name-column", "supplier_name",
                     "--output", str(output))
    assert again == 2 and err.startswith("Error: ") and "--overwrite" in err


def test_a_missing_column_is_an_error(spark: Any, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "suppliers.csv"
    source.write_text(CSV, encoding="utf-8")
    code, err = run(capsys, "--input", str(source), "--name-column", "name",
                    "--output", str(tmp_path / "out.parquet"))
    assert code == 2
    assert err.startswith("Error: no name column 'name'")
    assert not (tmp_path / "out.parquet").exists()


@pytest.mark.parametrize(("given", "output", "message"), [
    ("missing.csv", "out.parquet", "the input does not exist"),
    ("names.txt", "out.parquet", "must end in .csv or .parquet"),
    ("hdfs://nn/in/names.parquet", "s3a://bucket/out.parquet", "give --audit PATH"),
])
def test_input_problems_stop_before_spark_starts(tmp_path: Path, given: str, output: str,
                                                 message: str) -> None:
    given, output = (p if "://" in p else str(tmp_path / p) for p in (given, output))
    done = subprocess.run(
        [sys.executable, "-m", "sanctionscreen.spark", "--input", given,
         "--name-column", "n", "--output", output],
        capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith("Error: ") and message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_worker_with_other_lists_stops_the_run_with_its_reason(
        spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    real_plan = plan_module.make_plan

    def tampered(*args: Any, **kwargs: Any) -> plan_module.Plan:
        plan = real_plan(*args, **kwargs)
        return dataclasses.replace(plan, expected=((plan.expected[0][0], "sha256:bad"),))

    monkeypatch.setattr("sanctionscreen.spark.dataframe.make_plan", tampered)
    source = tmp_path / "suppliers.csv"
    source.write_text(CSV, encoding="utf-8")
    code, err = run(capsys, "--input", str(source), "--name-column", "supplier_name",
                    "--output", str(tmp_path / "out.parquet"))
    assert code == 2
    assert err.startswith("Error: Spark failed: list 'dprk-articles' on this Spark worker "
                          "has content hash sha256:")
    assert "but the driver loaded sha256:bad" in err
    assert not (tmp_path / "out.parquet.audit.json").exists()
