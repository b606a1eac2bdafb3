"""Whole runs: one output row per input row in order, determinism, and the real screener."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import StubScreener

from sanctionscreen.batch.audit import TIME_FIELDS
from sanctionscreen.batch.runner import screen_file
from sanctionscreen.screener import Screener

FLAGGED = ["조선신흥무역회사", "大连天宝国际物流有限公司"]
ORDINARY = {
    "cp949": ["삼성전자 주식회사", "현대자동차 주식회사"],
    "gb18030": ["深圳华强电子有限公司", "上海振华重工股份有限公司"],
    "shift_jis": ["トヨタ自動車株式会社", "株式会社日立製作所"],
}


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener()


def test_100000_rows_give_100000_output_rows_in_order(tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        handle.write("id,name\n")
        for i in range(100_000):
            name = "Korea Heungjin Trading" if i % 997 == 0 else ("" if i % 1009 == 0 else f"S{i}")
            handle.write(f"{i},{name}\n")
    out = tmp_path / "big.out.csv"
    summary = screen_file(source, out, screener=StubScreener(), format="csv", batch_size=4096)
    assert summary.rows_read == 100_000
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        count = 0
        for expected, row in enumerate(reader):
            assert (row[0], row[2]) == (str(expected), str(expected + 2))
            count += 1
    assert count == 100_000
    assert summary.counts["match"] == len(range(0, 100_000, 997))
    assert summary.counts["error"] == len([i for i in range(0, 100_000, 1009) if i % 997])
    assert not list(tmp_path.glob("*.part"))


def strip_times(text: str) -> list[dict[str, object]]:
    records = [json.loads(line) for line in text.splitlines()]
    for record in records:
        for key in TIME_FIELDS:
            record.pop(key, None)
    return records


def test_same_input_lists_and_settings_give_the_same_records(
    tmp_path: Path, screener: Screener
) -> None:
    source = tmp_path / "s.csv"
    source.write_text("name,country\n" + "\n".join(f"{n},KP" for n in FLAGGED) + "\n", "utf-8")
    runs = []
    for _ in range(2):
        out = io.StringIO()
        screen_file(source, out, screener=screener, format="jsonl", country_column="country")
        runs.append(out.getvalue())
    assert strip_times(runs[0]) == strip_times(runs[1])
    first = runs[0].splitlines()
    assert first[1:-1] == runs[1].splitlines()[1:-1]  # the result lines are byte-identical
    header = json.loads(first[0])
    assert header["lists"][0]["id"] == "dprk-articles"
    assert header["lists"][0]["content_hash"] == screener.lists_info[0].content_hash


@pytest.mark.parametrize("encoding", sorted(ORDINARY))
def test_real_screener_on_files_in_each_encoding(
    tmp_path: Path, screener: Screener, encoding: str
) -> None:
    names = [n for n in FLAGGED if _encodes(n, encoding)] + ORDINARY[encoding]
    source = tmp_path / f"suppliers-{encoding}.csv"
    source.write_bytes(
        ("id,name\n" + "".join(f"{i},{n}\n" for i, n in enumerate(names))).encode(encoding)
    )
    out = io.StringIO()
    screen_file(source, out, screener=screener, format="csv")
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    decisions = {r["name"]: r["decision"] for r in rows}
    assert set(decisions) == set(names)
    for name in ORDINARY[encoding]:
        assert decisions[name] == "clear", name
    for name in FLAGGED:
        if name in decisions:
            assert decisions[name] == "match", name


def _encodes(name: str, encoding: str) -> bool:
    try:
        name.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def test_stdin_to_a_stream(screener: Screener) -> None:
    data = "조선신흥무역회사\n삼성전자 주식회사\n".encode("utf-16")
    out = io.StringIO()
    summary = screen_file("-", out, screener=screener, format="csv", stdin=io.BytesIO(data))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(r["row"], r["decision"]) for r in rows] == [("1", "match"), ("2", "clear")]
    assert summary.exit_code() == 1


def test_a_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    class Broken(StubScreener):
        def screen_one(self, name: str):  # type: ignore[no-untyped-def]
            raise RuntimeError("engine failure")

    source = tmp_path / "s.csv"
    source.write_text("name\nAlpha\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        screen_file(source, tmp_path / "out.csv", screener=Broken())
    assert list(tmp_path.iterdir()) == [source]
