"""Fuzzing: random bytes to the list loaders, random YAML to the watchlist loader, random
rows to ``sanctionscreen screen`` (issue 18).

Whatever comes in, the library answers with a result or a ``SanctionscreenError``,
never another exception; the command line exits 0 (nothing flagged), 1 (flagged)
or 2 (an error row, or a failure said as ``ErrorType: message``), and writes one
output row per input row.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from contextlib import redirect_stderr
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctionscreen.cli import main
from sanctionscreen.errors import SanctionscreenError
from sanctionscreen.importers import import_list
from sanctionscreen.watchlist.loader import load_watchlist, validate_file

# Under CI the examples are the same every run (a red CI must be reproducible); a case
# found locally becomes a test of its own, as the header-byte test below.
FUZZ = settings(max_examples=40, deadline=None, derandomize=bool(os.environ.get("CI")),
                suppress_health_check=[HealthCheck.function_scoped_fixture])

# Each format with the start of a real file, so the fuzzed bytes get past detection.
PREFIXES = {
    "ofac-csv": b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
                b"-0- \r\n",
    "ofac-xml": b'<?xml version="1.0"?><sdnList xmlns="https://sanctionslistservice.ofac.treas.gov">',
    "un-xml": b'<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-02-27"><ENTITIES>',
    "uk-csv": b"Unique ID,OFSI Group ID,Name,Regime Name,Type,Designation source,"
              b"Date Designated,Sanctions Imposed\r\n",
    "opensanctions-ftm": b'{"id": "x", "schema": "Company", "properties": {"name": ["',
    "opensanctions-csv": b"id,schema,name,aliases,countries\n",
    "yaml": b"id: fuzz\ntitle: Fuzz\nentities:\n  - id: e1\n    type: company\n    name: ",
}
SUFFIXES = {"ofac-xml": ".xml", "un-xml": ".xml", "uk-csv": ".csv",
            "opensanctions-ftm": ".ftm.json", "opensanctions-csv": ".csv", "yaml": ".yaml"}


def _list_path(folder: Path, fmt: str, data: bytes) -> Path:
    if fmt == "ofac-csv":
        (folder / "sdn.csv").write_bytes(data)
        (folder / "alt.csv").write_bytes(data[::-1])
        return folder
    path = folder / f"list{SUFFIXES[fmt]}"
    path.write_bytes(data)
    return path


@FUZZ
@given(fmt=st.sampled_from(sorted(PREFIXES)), tail=st.binary(max_size=400),
       prefixed=st.booleans())
def test_list_loaders_take_any_bytes(fmt: str, tail: bytes, prefixed: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _list_path(Path(folder), fmt, (PREFIXES[fmt] if prefixed else b"") + tail)
        for given_format in (fmt, None):
            try:
                result = import_list(path, format=given_format)
            except SanctionscreenError:
                continue
            assert result.watchlist.entities  # a list that loads is never empty


_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                     st.text(max_size=30))
_KEYS = st.sampled_from(["id", "title", "entities", "type", "name", "aliases", "kind", "risk",
                         "basis", "sources", "countries", "related", "entity", "x"])
_YAML_DATA = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=5)), max_leaves=25)


@FUZZ
@given(data=_YAML_DATA, raw=st.text(max_size=200), use_raw=st.booleans())
def test_watchlist_loader_takes_any_yaml(data: object, raw: str, use_raw: bool) -> None:
    text = raw if use_raw else yaml.safe_dump({"id": "fuzz", "title": "Fuzz", "entities": [data]}
                                              if isinstance(data, dict) else data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        problems = validate_file(path)
        try:
            load_watchlist(path)
        except SanctionscreenError:
            assert problems
        else:
            assert not problems


_NAMES = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


def _run(*args: str) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stderr(err):
        code = main(list(args))
    return code, err.getvalue()


@FUZZ
@given(names=st.lists(_NAMES, min_size=1, max_size=12))
def test_screen_takes_any_rows(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, output = Path(folder) / "in.csv", Path(folder) / "out.jsonl"
        with source.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name"])
            writer.writerows([name] for name in names)
        code, err = _run("screen", str(source), "-o", str(output), "--header", "-q")
        assert code in (0, 1, 2), err
        records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
        results = [r for r in records if r["record"] == "result"]
        summary = records[-1]
        assert summary["record"] == "summary"
        # Blank rows after the last supplier are counted, not written (docs/batch-screening.md).
        assert len(results) + summary["trailing_blank_rows"] == len(names)
        decisions = {r["decision"] for r in results}
        expected = 2 if "error" in decisions else 1 if decisions & {"match", "review"} else 0
        assert code == expected


@FUZZ
@given(data=st.binary(max_size=300), header=st.sampled_from(["--header", "--no-header", None]))
def test_screen_takes_any_bytes(data: bytes, header: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source, output = Path(folder) / "in.bin", Path(folder) / "out.csv"
        source.write_bytes(data)
        options = [header] if header else []
        code, err = _run("screen", str(source), "-o", str(output), *options)
        assert code in (0, 1, 2)
        if code == 2 and not output.exists():
            assert err.splitlines()[-1].split(":")[0].endswith("Error"), err


@pytest.mark.parametrize("format_", ["csv", "jsonl", "html"])
def test_an_unreadable_byte_in_the_header_row_reaches_every_output(
        tmp_path: Path, format_: str) -> None:
    """Found by the fuzz test above: a header cell with a byte that is not UTF-8 (kept as
    a lone surrogate) made the audit facts fail to encode."""
    source = tmp_path / "suppliers.csv"
    source.write_bytes(b"supplier\x8d\nProfinet Pte Ltd\nAcme Bakery\n")
    output = tmp_path / f"out.{format_}"
    code = main(["screen", str(source), "--header", "--output", str(output)])
    assert code in (1, 2)
    assert output.exists()
    if format_ == "csv":
        assert json.loads((tmp_path / "out.csv.audit.json").read_text(encoding="utf-8"))
