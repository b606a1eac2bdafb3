"""Tests for ``benchmarks/screening_sets.py`` and its perturbations: reproducible sets.

The end-to-end test reads the real UN list from ``../shared/eval/lists`` and needs
Faker (the ``bench`` extra): without either it is skipped with a reason, and under
``CI`` it fails instead.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from rapidfuzz.distance import OSA

REPO = Path(__file__).resolve().parents[2]
UN_XML = "eval/lists/un/un_consolidated_2026-02-27.xml"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


sets = _load("screening_sets")
perturbations = sys.modules["screening_perturb"]


def _need_faker() -> None:
    if importlib.util.find_spec("faker") is not None:
        return
    message = "faker is not installed (pip install -e '.[bench]')"
    if os.environ.get("CI"):
        pytest.fail(message + " and CI is set, so this test must not be skipped")
    pytest.skip(message)


@pytest.mark.parametrize(("name", "kind", "expected"), [
    ("KOREA SINHUNG TRADING CORPORATION", "legal_form_dropped", "KOREA SINHUNG TRADING"),
    ("OOO PROFINET", "legal_form_dropped", "PROFINET"),
    ("Joint Stock Company Rusatom Arctic", "legal_form_dropped", "Rusatom Arctic"),
    ("DALIAN TIANBAO INTERNATIONAL LOGISTICS CO., LTD.", "abbreviation",
     "DALIAN TIANBAO INTL LOGISTICS CO., LTD."),
    ("OFFICE 39", "word_order", None),  # one word with letters
    ("BANCO NACIONAL DE CUBA", "legal_form_changed", None),  # no legal form
    ("PROFINET PTE. LTD.", "joined_words", None),  # one word besides the legal form
])
def test_perturb(name: str, kind: str, expected: str | None) -> None:
    assert perturbations.perturb(name, kind, random.Random(1)) == expected


def test_split_name_finds_legal_forms_and_brackets() -> None:
    parts = perturbations.split_name("KOREA MINING DEVELOPMENT TRADING CORPORATION (KOMID)")
    assert parts.words == ("KOREA", "MINING", "DEVELOPMENT", "TRADING")
    assert (parts.form, parts.bracket) == ("CORPORATION", " (KOMID)")
    assert perturbations.split_name("X TRADING CO.,LTD").form == "CO.,LTD"
    assert perturbations.split_name("SINCERE").form == ""  # "INC" only as a word of its own


def test_typo_is_one_edit_in_a_long_word_never_the_legal_form() -> None:
    rng = random.Random(7)
    for _ in range(200):
        changed = perturbations.perturb("Golden Bright Textile Co., Ltd.", "typo", rng)
        assert changed is not None and changed.endswith(" Co., Ltd.")
        changed_words = [(a, b) for a, b in zip(changed.split()[:3], ["Golden", "Bright",
                                                                      "Textile"], strict=True)
                         if a != b]
        assert len(changed_words) == 1 and len(changed_words[0][1]) >= 5
        assert OSA.distance(*changed_words[0]) == 1


def test_sets_are_reproducible(tmp_path: Path, shared_dir: Callable[[str], Path]) -> None:
    _need_faker()
    un = str(shared_dir(UN_XML))
    size = ["--per-locale", "4", "--suppliers", "40", "--script-suppliers", "10",
            "--limit", "30", "--lists", un]
    for out in ("a", "b"):
        assert sets.main(["--out", str(tmp_path / out), *size]) == 0
    written = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert written == ["faker.csv", "hard_negatives.csv", "listed.csv", "manifest.json",
                       "suppliers.csv"]
    for name in written:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    rows = {name: list(csv.DictReader((tmp_path / "a" / name).open(encoding="utf-8")))
            for name in written if name.endswith(".csv")}
    assert all(list(r[0]) == list(sets.COLUMNS) for r in rows.values())
    assert len(rows["faker.csv"]) == 4 * len(sets.LOCALES)
    assert len(rows["suppliers.csv"]) == 50
    assert {r["category"] for r in rows["suppliers.csv"]} >= {"CN", "IN", "Hani", "Hang"}
    negatives = {r["name"] for r in rows["hard_negatives.csv"]}
    assert {"Lotte Corporation", "中国外运股份有限公司", "Korea Trading Company"} <= negatives
    assert not any("Pyongyang" in n for n in negatives)
    assert all(r["expected_entity"] == "" for r in rows["hard_negatives.csv"])
    listed = [r for r in rows["listed.csv"] if r["category"] != "bundled"]
    assert len(listed) == 30 and {r["expected_list"] for r in listed} == {"un-sc"}
    assert {r["perturbation"] for r in listed} <= set(perturbations.PERTURBATIONS)
    bundled = [r for r in rows["listed.csv"] if r["category"] == "bundled"]
    assert {"Korea Sinhung Trading Corporation", "조선신흥무역회사"} <= {r["name"] for r in bundled}
    assert all(r["expected_list"] == "dprk-articles" for r in bundled)
