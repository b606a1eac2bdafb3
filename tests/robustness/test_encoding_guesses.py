"""Encoding guesses that turned names into garbage and screened them clear (issue 18)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from sanctionscreen.batch.encoding import detect

Cli = Callable[..., tuple[int, str, str]]


def test_one_cp1252_byte_leaves_a_utf8_file_utf8(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_bytes(
        "id,name,country\n1,ООО «Профинет»,RU\n2,조선신흥무역회사,KP\n".encode()
        + "3,Caf\xe9 Müller,DE\n".encode("cp1252")
        + b"4,Acme Bakery,GB\n"
    )
    code, out, _err = cli("screen", str(path), "--column", "name", "--quiet")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["decision"] for r in rows] == ["match", "match", "error", "clear"]
    assert rows[2]["row"] == "4" and "not valid utf-8" in rows[2]["note"]
    assert code == 2


def test_a_short_gb18030_file_is_not_read_as_cp949(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "suppliers.txt"
    path.write_bytes("大连天宝物流\n".encode("gb18030"))
    found = detect(path.read_bytes(), complete=True)
    assert found.encoding == "gb18030" and found.doubt is not None
    out_path = tmp_path / "out.jsonl"
    code, _, err = cli("screen", str(path), "-o", str(out_path))
    records = [json.loads(line) for line in out_path.read_text().splitlines()]
    assert records[1]["name"] == "大连天宝物流" and records[1]["decision"] == "match"
    assert code == 1
    assert "encoding detected as gb18030 with low confidence" in err
    assert "gb18030 with low confidence" in records[0]["input"]["notes"][0]


def test_a_confident_guess_says_nothing(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_bytes("name\n조선신흥무역회사\n삼성전자 주식회사\n".encode("cp949"))
    assert detect(path.read_bytes(), complete=True).doubt is None
    _, _, err = cli("screen", str(path), "-o", str(tmp_path / "out.csv"))
    assert "low confidence" not in err
